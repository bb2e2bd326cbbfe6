"""Installed as the README says: package-vc-install with :lisp-dir (Emacs 29 and newer), and
the package archive MELPA builds from recipes/gptel-diagnose, with package-install-file.

Each installs this tree's tracked files into a fresh HOME where gptel is an installed
package.  Only the package's own Lisp is compiled, with no warning from its files; the
server sources the package carries are found beside its Lisp and run; the first failure is
explained.  Emacs 28 has no package-vc: that test is skipped there (the other Emacs step of
scripts/test runs it on 30).
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest

from driver import ROOT, fixture
from fake_provider import FakeProvider, Reply

sys.path.insert(0, str(ROOT / "tests" / "python"))
from project_files import elisp_version, read_recipe

pytestmark = pytest.mark.e2e

ELPA_SRC = ROOT / ".cache" / "elpa" / "root" / "usr" / "share" / "emacs" / "site-lisp" / "elpa-src"
# Emacs 30 writes these two files itself, with no lexical-binding line: not the package's.
GENERATED = ("gptel-diagnose-autoloads.el:", "gptel-diagnose-pkg.el:")


def _emacs_major() -> int:
    out = subprocess.run(["emacs", "-Q", "--batch", "--eval", "(princ emacs-major-version)"],
                         capture_output=True, text=True, check=True).stdout
    return int(out)


def _tracked() -> list[str]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                         check=True).stdout.decode()
    return [name for name in out.split("\0") if name and (ROOT / name).is_file()]


def _repository_of_this_tree(dest: Path) -> Path:
    """A git repository whose one commit holds this tree's tracked files as they are now."""
    for name in _tracked():
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "tree"]):
        subprocess.run(["git", *args], cwd=dest, env=env, check=True)
    return dest


def _melpa_archive(dest: Path) -> Path:
    """The tar package MELPA's package-build makes from the recipe's :files: each spec's
    files at the top (a glob's matches by their own names), a directory with its tree."""
    name, props = read_recipe(ROOT / "recipes" / "gptel-diagnose")
    version = elisp_version()
    top = dest / f"{name}-{version}"
    tracked = _tracked()
    specs = props[":files"]
    assert isinstance(specs, list)
    for spec in map(str, specs):
        matched = [path for path in tracked
                   if fnmatch.fnmatch(path, spec) or path.startswith(spec + "/")]
        assert matched, f"the recipe's {spec!r} matches nothing"
        for path in matched:
            target = top / (path if path.startswith(spec + "/") else Path(path).name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / path, target)
    main = (ROOT / "elisp" / f"{name}.el").read_text()
    summary = re.search(r"^;;; \S+ --- (.*?)\s*(?:-\*-.*)?$", main, re.MULTILINE)
    requires = re.search(r"^;; Package-Requires: (.*)$", main, re.MULTILINE)
    assert summary and requires
    (top / f"{name}-pkg.el").write_text(
        f'(define-package "{name}" "{version}" "{summary.group(1)}" \'{requires.group(1)})\n')
    archive = dest / f"{name}-{version}.tar"
    with tarfile.open(archive, "w", format=tarfile.USTAR_FORMAT) as tar:
        tar.add(top, arcname=top.name)
    return archive


def _install_and_fail(tmp_path: Path, **how: str) -> tuple[dict[str, Any], str]:
    home = tmp_path / "home"
    home.mkdir()
    data = fixture("openai/insufficient-quota-429")
    env = {name: value for name, value in os.environ.items()
           if name not in ("GPTEL_DIAGNOSE_SERVER", "PYTHONPATH", "VIRTUAL_ENV")}
    with FakeProvider({"quota": Reply.of(data["http_status"], data["body"])}) as provider:
        env.update(HOME=str(home), E2E_HOST=f"127.0.0.1:{provider.port}",
                   E2E_ELPA_SRC=str(ELPA_SRC), E2E_PYTHON=sys.executable, **how)
        proc = subprocess.run(["emacs", "-Q", "--batch",
                               "-l", str(ROOT / "tests" / "e2e" / "install-as-a-package.el"),
                               "-f", "gptel-diagnose-pv-main"],
                              capture_output=True, text=True, env=env, cwd=tmp_path,
                              timeout=300)
    results = [line for line in proc.stdout.splitlines() if line.startswith("PV-RESULT ")]
    assert results, proc.stderr[-3000:]
    seen: dict[str, Any] = json.loads(results[0][len("PV-RESULT "):])
    print(json.dumps(seen, indent=2, ensure_ascii=False))
    # The package's own files compile with no warning.
    warnings = [line for line in proc.stderr.splitlines()
                if "Warning" in line and not line.startswith(GENERATED)]
    assert not warnings, "\n".join(warnings)
    # The first failure is explained by the server the package carries.
    lines = [text for text in seen["messages"] if text.startswith("gptel-diagnose: ")]
    assert lines and "out of credit" in lines[-1], seen["messages"][-10:]
    assert seen["installed"] is True
    return seen, str(home / ".emacs.d" / "elpa")


def test_package_vc_install_compiles_only_the_lisp_and_explains_a_failure(
        tmp_path: Path) -> None:
    if _emacs_major() < 29:
        pytest.skip("package-vc needs Emacs 29 or newer")
    repo = _repository_of_this_tree(tmp_path / "repo")
    seen, elpa = _install_and_fail(tmp_path, E2E_REPO=str(repo))
    package_dir = Path(elpa) / "gptel-diagnose"
    assert seen["dir"].rstrip("/") == str(package_dir)
    assert seen["library"] == str(package_dir / "elisp" / "gptel-diagnose.elc")
    # Only the package's Lisp is compiled: not the tests, the scripts or the demo harness.
    assert sorted(seen["compiled"]) == sorted(
        [f"elisp/{el.stem}.elc" for el in (ROOT / "elisp").glob("*.el")]
        + ["gptel-diagnose-autoloads.elc"])
    # The server sources come with the package, in the checkout above its Lisp.
    assert seen["sources"].rstrip("/") == str(package_dir)


def test_melpa_package_installs_and_finds_its_server_beside_its_lisp(tmp_path: Path) -> None:
    archive = _melpa_archive(tmp_path / "build")
    seen, elpa = _install_and_fail(tmp_path, E2E_PACKAGE_FILE=str(archive))
    package_dir = Path(elpa) / archive.name.removesuffix(".tar")
    assert seen["dir"].rstrip("/") == str(package_dir)
    assert seen["library"] == str(package_dir / "gptel-diagnose.elc")
    # (package.el compiles the package's -pkg.el too, and the autoloads on Emacs 30.)
    assert sorted(name for name in seen["compiled"]
                  if not re.search(r"-(?:autoloads|pkg)\.elc$", name)) == sorted(
        f"{el.stem}.elc" for el in (ROOT / "elisp").glob("*.el"))
    # MELPA puts the server sources beside the Lisp.
    assert seen["sources"].rstrip("/") == str(package_dir)
    assert (package_dir / "server" / "gptel_diagnose" / "engine.py").is_file()
