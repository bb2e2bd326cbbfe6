"""Facts read from the repository's own files: the Elisp version header, the MELPA recipe."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
ELISP_ENTRY = ROOT / "elisp" / "gptel-diagnose.el"


def script(name: str) -> ModuleType:
    """The module scripts/NAME.py, loaded once under NAME (a dataclass there needs it in
    `sys.modules`)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def elisp_version() -> str:
    """The `;; Version:` header of the package's entry file."""
    match = re.search(r"^;; Version: *(\S+)$", ELISP_ENTRY.read_text(), re.MULTILINE)
    assert match, f"no ';; Version:' header in {ELISP_ENTRY}"
    return match.group(1)


class Symbol(str):
    """A Lisp symbol or keyword, told apart from a string."""


Sexp = str | Symbol | list["Sexp"]
_TOKEN = re.compile(r'\s*(?:(;[^\n]*)|([()])|"((?:[^"\\]|\\.)*)"|([^\s()";]+))')


def read_sexp(text: str) -> Sexp:
    """Read the one s-expression in TEXT (lists, strings, symbols: what a recipe holds)."""
    stack: list[list[Sexp]] = [[]]
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match or match.end() == pos:
            if text[pos:].strip() == "":
                break
            raise ValueError(f"cannot read at {pos}: {text[pos:pos + 20]!r}")
        pos = match.end()
        comment, paren, string, symbol = match.groups()
        if comment is not None:
            continue
        if paren == "(":
            stack.append([])
        elif paren == ")":
            if len(stack) == 1:
                raise ValueError("unbalanced )")
            done = stack.pop()
            stack[-1].append(done)
        elif string is not None:
            stack[-1].append(re.sub(r"\\(.)", r"\1", string))
        elif symbol is not None:
            stack[-1].append(Symbol(symbol))
    if len(stack) != 1 or len(stack[0]) != 1:
        raise ValueError("expected exactly one complete s-expression")
    return stack[0][0]


def read_recipe(path: Path) -> tuple[str, dict[str, Sexp]]:
    """The package name and the property list of the MELPA recipe at PATH."""
    recipe = read_sexp(path.read_text())
    assert isinstance(recipe, list) and recipe and isinstance(recipe[0], Symbol), recipe
    name, plist = recipe[0], recipe[1:]
    assert len(plist) % 2 == 0, f"odd property list in {path}"
    props: dict[str, Sexp] = {}
    for key, value in zip(plist[::2], plist[1::2], strict=True):
        assert isinstance(key, Symbol) and key.startswith(":"), key
        props[str(key)] = value
    return str(name), props
