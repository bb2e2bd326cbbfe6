"""Installed as the README says for Emacs 29 and newer: package-vc-install with :lisp-dir.

The package is installed from a git repository holding this tree's tracked files, into a
fresh HOME where gptel is an installed package.  Only the package's own Lisp is compiled,
with no warning; the server sources the package carries are found beside its Lisp and run;
the first failure is explained.  Emacs 28 has no package-vc: the test is skipped there (the
other Emacs step of scripts/test runs it on 30).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from driver import ROOT, fixture
from fake_provider import FakeProvider, Reply

pytestmark = pytest.mark.e2e

ELPA_SRC = ROOT / ".cache" / "elpa" / "root" / "usr" / "share" / "emacs" / "site-lisp" / "elpa-src"


def _emacs_major() -> int:
    out = subprocess.run(["emacs", "-Q", "--batch", "--eval", "(princ emacs-major-version)"],
                         capture_output=True, text=True, check=True).stdout
    return int(out)


def _repository_of_this_tree(dest: Path) -> Path:
    """A git repository whose one commit holds this tree's tracked files as they are now."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                           check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "tree"]):
        subprocess.run(["git", *args], cwd=dest, env=env, check=True)
    return dest


def test_package_vc_install_compiles_only_the_lisp_and_explains_a_failure(
        tmp_path: Path) -> None:
    if _emacs_major() < 29:
        pytest.skip("package-vc needs Emacs 29 or newer")
    repo = _repository_of_this_tree(tmp_path / "repo")
    home = tmp_path / "home"
    home.mkdir()
    data = fixture("openai/insufficient-quota-429")
    env = {name: value for name, value in os.environ.items()
           if name not in ("GPTEL_DIAGNOSE_SERVER", "PYTHONPATH", "VIRTUAL_ENV")}
    with FakeProvider({"quota": Reply.of(data["http_status"], data["body"])}) as provider:
        env.update(HOME=str(home), E2E_HOST=f"127.0.0.1:{provider.port}",
                   E2E_REPO=str(repo), E2E_ELPA_SRC=str(ELPA_SRC), E2E_PYTHON=sys.executable)
        proc = subprocess.run(["emacs", "-Q", "--batch",
                               "-l", str(ROOT / "tests" / "e2e" / "install-with-package-vc.el"),
                               "-f", "gptel-diagnose-pv-main"],
                              capture_output=True, text=True, env=env, cwd=tmp_path,
                              timeout=300)
    results = [line for line in proc.stdout.splitlines() if line.startswith("PV-RESULT ")]
    assert results, proc.stderr[-3000:]
    seen = json.loads(results[0][len("PV-RESULT "):])
    print(json.dumps(seen, indent=2, ensure_ascii=False))

    package_dir = home / ".emacs.d" / "elpa" / "gptel-diagnose"
    assert seen["installed"] is True
    assert seen["dir"].rstrip("/") == str(package_dir)
    assert seen["library"] == str(package_dir / "elisp" / "gptel-diagnose.elc")
    # Only the package's Lisp is compiled: not the tests, the scripts or the demo harness.
    assert sorted(seen["compiled"]) == sorted(
        [f"elisp/{el.stem}.elc" for el in (ROOT / "elisp").glob("*.el")]
        + ["gptel-diagnose-autoloads.elc"])
    # Emacs 30's package-vc writes these two files itself, with no lexical-binding line.
    generated = ("gptel-diagnose-autoloads.el:", "gptel-diagnose-pkg.el:")
    warnings = [line for line in proc.stderr.splitlines()
                if "Warning" in line and not line.startswith(generated)]
    assert not warnings, "\n".join(warnings)
    # The server sources come with the package, beside its Lisp, and they run.
    assert seen["sources"].rstrip("/") == str(package_dir)
    lines = [text for text in seen["messages"] if text.startswith("gptel-diagnose: ")]
    assert lines and "out of credit" in lines[-1], seen["messages"][-10:]
