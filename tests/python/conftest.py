import json
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
sys.path.insert(0, str(HERE))

from gptel_view import curl_failure, gptel_error  # noqa: E402


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*.json") if p.parent.name != "e2e")


def fixture_params(data: dict[str, Any]) -> dict[str, Any]:
    """The diagnose params gptel-diagnose receives for a recorded fixture."""
    if "gptel" in data:
        error = data["gptel"]
    elif "curl_exit" in data:
        error = curl_failure(data["curl_exit"])
    else:
        error = gptel_error(data["http_status"], data["body"])
    return {"error": error, "backend": data.get("backend") or {"kind": data["provider"]},
            "request": data.get("request") or {}, "locale": data.get("locale")}


@pytest.fixture
def load_fixture():
    def load(name: str) -> dict[str, Any]:
        return json.loads((FIXTURES / f"{name}.json").read_text())
    return load
