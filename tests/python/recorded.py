"""Recorded provider failures (tests/fixtures) as the diagnose params gptel would produce."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gptel_view import corpus_params

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def fixture_files() -> list[Path]:
    return sorted(FIXTURES.rglob("*.json"))


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def fixture_params(data: dict[str, Any]) -> dict[str, Any]:
    """The diagnose params gptel-diagnose receives for a recorded fixture."""
    return corpus_params(data)
