"""Find the texts marked for translation outside the rules, as xgettext does: every
`N_("...")` call in the package's sources whose argument is a literal string.

A marker around anything but a literal could not be collected, so `marked` refuses it.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def _is_marker(call: ast.Call) -> bool:
    func = call.func
    return (isinstance(func, ast.Name) and func.id == "N_") or (
        isinstance(func, ast.Attribute) and func.attr == "N_")


def marked(root: Path = PACKAGE) -> dict[str, list[str]]:
    """Each text marked with N_ under ROOT -> where ("checks.py:123")."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _is_marker(node)):
                continue
            where = f"{path.relative_to(root)}:{node.lineno}"
            arg = node.args[0] if len(node.args) == 1 and not node.keywords else None
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                raise ValueError(f"{where}: N_ takes one literal string")
            found.setdefault(arg.value, []).append(where)
    return found
