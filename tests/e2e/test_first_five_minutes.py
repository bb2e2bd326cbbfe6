"""The first five minutes of a new user: the install hint, the install, the first diagnosis.

A fresh HOME, an Elisp-only copy of the package (elisp/*.el in a folder of its own, no
checkout around it), no server on PATH.  The first failure must say the server is not
installed and how to install it; M-x gptel-diagnose-install-server then installs the wheel
built from this tree (dist/, offered through --find-links in place of the package index);
the next failure is explained.  Really installs: runs when GPTEL_DIAGNOSE_TEST_INSTALL=1 and
GPTEL_DIAGNOSE_DIST names the built dist/ (scripts/test sets both).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from driver import ROOT, fixture
from fake_provider import FakeProvider, Reply

pytestmark = pytest.mark.e2e

DIST = os.environ.get("GPTEL_DIAGNOSE_DIST")
ELPA_SRC = ROOT / ".cache" / "elpa" / "root" / "usr" / "share" / "emacs" / "site-lisp" / "elpa-src"


def _version() -> str:
    import gptel_diagnose

    return gptel_diagnose.__version__


def _path_without_server() -> str:
    return os.pathsep.join(
        folder for folder in os.environ.get("PATH", "").split(os.pathsep)
        if folder and not (Path(folder) / "gptel-diagnose-server").exists())


@pytest.mark.skipif(not os.environ.get("GPTEL_DIAGNOSE_TEST_INSTALL"),
                    reason="installs for real: set GPTEL_DIAGNOSE_TEST_INSTALL=1")
def test_new_user_gets_the_install_hint_then_installs_from_the_index_then_a_diagnosis(
        tmp_path: Path) -> None:
    if not DIST or not list(Path(DIST).glob("gptel_diagnose-*.whl")):
        pytest.fail("GPTEL_DIAGNOSE_DIST names no built wheel: run scripts/test")
    copy = tmp_path / "lisp"
    copy.mkdir()
    for el in (ROOT / "elisp").glob("*.el"):
        shutil.copy(el, copy)
    home = tmp_path / "home"
    home.mkdir()
    data = fixture("openai/insufficient-quota-429")
    reply = Reply.of(data["http_status"], data["body"])
    args = ["emacs", "-Q", "--batch", "-L", str(copy)]
    for folder in sorted(ELPA_SRC.iterdir()):
        args += ["-L", str(folder)]
    args += ["-l", str(ROOT / "tests" / "e2e" / "first-five-minutes.el"),
             "-f", "gptel-diagnose-first-main"]
    env = {name: value for name, value in os.environ.items()
           if name not in ("GPTEL_DIAGNOSE_SERVER", "PYTHONPATH", "VIRTUAL_ENV")}
    with FakeProvider({"quota": reply}) as provider:
        env.update(HOME=str(home), PATH=_path_without_server(),
                   E2E_HOST=f"127.0.0.1:{provider.port}", E2E_DIST=DIST)
        proc = subprocess.run(args, capture_output=True, text=True, env=env, cwd=tmp_path,
                              timeout=900)
    results = [line for line in proc.stdout.splitlines() if line.startswith("FIRST-RESULT ")]
    assert results, proc.stderr[-3000:]
    seen = json.loads(results[0][len("FIRST-RESULT "):])
    print(json.dumps(seen, indent=2, ensure_ascii=False))  # the lines a new user sees

    # Before: the 429's local meaning, then what is missing and the command that fixes it.
    first = seen["before"][-1]
    assert first.startswith("gptel-diagnose: ")
    assert "429" in first
    assert first.endswith("; server not available (the server is not installed); "
                          "install it with M-x gptel-diagnose-install-server")

    # The install: a start line, from the index (there are no sources beside the copy),
    # into the private environment under the fresh HOME; a closing line.
    version = _version()
    start, *_, end = seen["install"]
    assert start.startswith(f"gptel-diagnose: installing the server {version} from the "
                            "package index with ")
    assert "~/.emacs.d/gptel-diagnose/venv" in start
    assert re.fullmatch(rf"gptel-diagnose: server {re.escape(version)} installed in "
                        r"[0-9.]+ s \([0-9]+ MB, ~/\.emacs\.d/gptel-diagnose/venv\)", end)
    log = seen["install_buffer"]
    assert f"gptel-diagnose=={version}" in log
    assert "--find-links" in log and DIST in log
    assert "\x1b" not in log and "\r" not in log and "━" not in log
    installed = list((home / ".emacs.d" / "gptel-diagnose" / "venv").glob(
        f"lib/python*/site-packages/gptel_diagnose-{version}.dist-info"))
    assert installed, log[-2000:]

    # After: the server explains the same failure.
    assert "out of credit" in seen["after"][-1]
    assert "server not available" not in seen["after"][-1]
