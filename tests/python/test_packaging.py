"""What users install: the wheel and sdist, the versions, the licence and the MELPA recipe."""

from __future__ import annotations

import ast
import glob
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from email.parser import HeaderParser
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

from project_files import ROOT, Symbol, elisp_version, read_recipe, read_sexp
from wire import Client, frame

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
PACKAGE_DIR = ROOT / "server" / "gptel_diagnose"
RECIPE = ROOT / "recipes" / "gptel-diagnose"


def pyproject_version() -> str:
    """The version pyproject.toml gives the distribution, static or read from an attribute."""
    project = PYPROJECT["project"]
    if "version" in project:
        return str(project["version"])
    assert "version" in project.get("dynamic", []), "pyproject.toml gives no version"
    attr = PYPROJECT["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    module, _, name = attr.rpartition(".")
    source = ROOT / "server" / Path(*module.split(".")) / "__init__.py"
    for node in ast.parse(source.read_text()).body:
        if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)):
            return str(node.value.value)
    raise AssertionError(f"{attr} is not a constant in {source}")


def server_files() -> set[str]:
    """The package's files as the wheel names them: gptel_diagnose/…, without caches."""
    return {path.relative_to(PACKAGE_DIR.parent).as_posix()
            for path in PACKAGE_DIR.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}


def test_elisp_header_pyproject_and_server_agree_on_the_version() -> None:
    import gptel_diagnose

    assert pyproject_version() == elisp_version()
    assert gptel_diagnose.__version__ == elisp_version()
    # The companion installs and compares with its own version: the same again.
    server_el = (ROOT / "elisp" / "gptel-diagnose-server.el").read_text()
    constant = re.search(r'^\(defconst gptel-diagnose-version "([^"]+)"', server_el, re.MULTILINE)
    assert constant, "no gptel-diagnose-version in gptel-diagnose-server.el"
    assert constant.group(1) == elisp_version()


def test_licence_is_gplv3_or_later_everywhere() -> None:
    assert PYPROJECT["project"]["license"] == "GPL-3.0-or-later"
    licence = (ROOT / "LICENSE").read_text()
    assert licence.split()[:6] == ["GNU", "GENERAL", "PUBLIC", "LICENSE", "Version", "3,"]
    assert "END OF TERMS AND CONDITIONS" in licence  # the full text, not a notice
    for el in sorted((ROOT / "elisp").glob("*.el")):
        header = " ".join(el.read_text()[:3000].replace(";;", " ").split())
        assert "either version 3 of the License, or (at your option) any later version" \
            in header, el.name


# The wheel and sdist: scripts/test builds them into dist/ and names it here; run alone,
# the tests build their own.

@dataclass(frozen=True)
class Dist:
    wheel: Path
    sdist: Path


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    given = os.environ.get("GPTEL_DIAGNOSE_DIST")
    if given:
        out = Path(given)
    else:
        out = tmp_path_factory.mktemp("dist")
        subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                       check=True, capture_output=True, timeout=600)
    wheels, sdists = sorted(out.glob("*.whl")), sorted(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, f"expected one wheel and one sdist in {out}"
    return Dist(wheels[0], sdists[0])


def test_wheel_holds_the_server_package_and_nothing_else(dist: Dist) -> None:
    names = set(zipfile.ZipFile(dist.wheel).namelist())
    info = f"gptel_diagnose-{elisp_version()}.dist-info/"
    assert {n for n in names if not n.startswith(info)} == server_files()
    assert f"{info}licenses/LICENSE" in names


def test_wheel_metadata_names_version_licence_and_entry_point(dist: Dist) -> None:
    wheel = zipfile.ZipFile(dist.wheel)
    info = f"gptel_diagnose-{elisp_version()}.dist-info/"
    meta = HeaderParser().parsestr(wheel.read(f"{info}METADATA").decode())
    assert (meta["Name"], meta["Version"]) == ("gptel-diagnose", elisp_version())
    assert meta["License-Expression"] == "GPL-3.0-or-later"
    assert meta["Requires-Python"] == PYPROJECT["project"]["requires-python"]
    assert meta["Description-Content-Type"] == "text/markdown"
    assert "gptel-diagnose-server = gptel_diagnose.__main__:main" \
        in wheel.read(f"{info}entry_points.txt").decode()


def test_sdist_holds_what_a_rebuild_needs(dist: Dist) -> None:
    top = f"gptel_diagnose-{elisp_version()}/"
    with tarfile.open(dist.sdist) as sdist:
        names = {n.removeprefix(top) for n in sdist.getnames()}
    needed = {"pyproject.toml", "LICENSE", PYPROJECT["project"]["readme"]}
    assert needed <= names
    assert {f"server/{f}" for f in server_files()} <= names


# uvx and pipx: the two ways the README offers to run the published server.

TOOLS = {
    "uvx": lambda wheel: ["uvx", "--from", str(wheel), "gptel-diagnose-server"],
    "pipx": lambda wheel: ["pipx", "run", "--spec", str(wheel), "gptel-diagnose-server"],
}


@pytest.fixture
def tool_homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fresh caches and homes, so a server installed earlier cannot answer for this wheel."""
    for var in ["UV_CACHE_DIR", "UV_TOOL_DIR", "PIPX_HOME", "PIPX_BIN_DIR", "PIPX_MAN_DIR"]:
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    yield


@pytest.mark.parametrize("tool", sorted(TOOLS))
@pytest.mark.usefixtures("tool_homes")
def test_the_wheel_runs_through_uvx_and_pipx_and_answers_initialize(
        tool: str, dist: Dist) -> None:
    # The dev extras install both next to this interpreter; anywhere else, PATH may have them.
    found = (shutil.which(tool, path=str(Path(sys.executable).parent))
             or shutil.which(tool))
    if not found:
        pytest.skip(f"{tool} is not installed: pip install -e '.[dev]' installs it")
    command = TOOLS[tool](dist.wheel)
    client = Client(command=[found, *command[1:]])
    try:
        client.send(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                           "params": {"clientInfo": {"name": "gptel-diagnose",
                                                     "version": elisp_version()}}}))
        # The first answer waits for the tool to install the wheel and its dependencies.
        reply = client.receive(timeout=300)
    finally:
        client.close()
    assert reply["result"]["serverInfo"] == {"name": "gptel-diagnose",
                                             "version": elisp_version()}


# The MELPA recipe: the Elisp and the server sources, so the package can install its server.

def recipe_files() -> list[str]:
    name, props = read_recipe(RECIPE)
    assert name == RECIPE.name
    files = props[":files"]
    assert isinstance(files, list)
    for spec in files:
        # This test reads plain globs only; a (:exclude …) or (dest …) form needs teaching.
        assert isinstance(spec, str) and not isinstance(spec, Symbol), spec
    return [str(spec) for spec in files]


def expand(spec: str) -> list[str]:
    return sorted(glob.glob(spec, root_dir=ROOT))


def test_recipe_names_only_files_that_exist() -> None:
    _, props = read_recipe(RECIPE)
    assert props[":fetcher"] == Symbol("github")
    for spec in recipe_files():
        assert expand(spec), f"recipe names {spec!r}, which matches nothing"


def test_recipe_carries_every_elisp_file() -> None:
    carried = {f for spec in recipe_files() for f in expand(spec)}
    elisp = {p.relative_to(ROOT).as_posix() for p in (ROOT / "elisp").glob("*.el")}
    assert "elisp/gptel-diagnose.el" in elisp
    assert elisp <= carried


def test_recipe_carries_what_building_the_server_needs() -> None:
    carried = recipe_files()
    project = PYPROJECT["project"]
    needed = {"pyproject.toml", project["readme"], *project["license-files"],
              *PYPROJECT["tool"]["setuptools"]["packages"]["find"]["where"]}
    assert needed <= set(carried), needed - set(carried)


def test_readme_install_recipes_carry_the_same_files_as_the_melpa_recipe() -> None:
    readme = (ROOT / "README.md").read_text()
    install = readme[readme.index("## Install"):readme.index("\n## ", readme.index("## Install"))]
    found = [read_sexp(m) for m in re.findall(r":files (\([^)]*\))", install)]
    assert found, "the Install section shows no :files"
    assert all(files == recipe_files() for files in found)
