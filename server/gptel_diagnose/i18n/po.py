"""Read and write the small subset of gettext's PO format our catalogues use.

A catalogue maps an English source text (msgid) to its translation (msgstr), so a reordered
or edited English sentence can never pick up another sentence's translation.  Supported:
`#` comments, `msgid`/`msgstr` with continuation lines, and the escapes \\n, \\t, \\" and \\\\.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unquote(line: str, where: str) -> str:
    line = line.strip()
    if len(line) < 2 or line[0] != '"' or line[-1] != '"':
        raise ValueError(f"{where}: expected a quoted string")
    out, chars = [], iter(line[1:-1])
    for char in chars:
        if char == "\\":
            escaped = next(chars, "")
            if escaped not in _ESCAPES:
                raise ValueError(f"{where}: unknown escape \\{escaped}")
            out.append(_ESCAPES[escaped])
        else:
            out.append(char)
    return "".join(out)


def parse(text: str, name: str = "<po>") -> dict[str, str]:
    """The msgid -> msgstr pairs of TEXT (the header entry, msgid "", is skipped)."""
    entries: dict[str, str] = {}
    field, parts = "", {"msgid": [], "msgstr": []}  # type: ignore[var-annotated]

    def flush() -> None:
        if parts["msgid"] or parts["msgstr"]:
            msgid, msgstr = "".join(parts["msgid"]), "".join(parts["msgstr"])
            if msgid:
                if msgid in entries:
                    raise ValueError(f"{name}: duplicate msgid {msgid[:40]!r}")
                entries[msgid] = msgstr
        parts["msgid"], parts["msgstr"] = [], []

    for number, line in enumerate(text.splitlines(), 1):
        where = f"{name}:{number}"
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        for keyword in ("msgid", "msgstr"):
            if stripped.startswith(keyword + " "):
                if keyword == "msgid":
                    flush()
                field = keyword
                parts[field].append(_unquote(stripped[len(keyword):], where))
                break
        else:
            if not field:
                raise ValueError(f"{where}: text outside an entry")
            parts[field].append(_unquote(stripped, where))
    flush()
    return entries


def load(path: Path) -> dict[str, str]:
    return parse(path.read_text(encoding="utf-8"), path.name)


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\t", "\\t").replace("\n", "\\n") + '"'


def _lines(keyword: str, text: str) -> list[str]:
    """KEYWORD and TEXT as PO lines: one line, or one per line of a multi-line text."""
    chunks = re.findall(r"[^\n]*\n|[^\n]+", text) or [""]
    if len(chunks) == 1:
        return [f"{keyword} {_quote(text)}"]
    return [f'{keyword} ""', *(_quote(chunk) for chunk in chunks)]


def dump(entries: Iterable[tuple[list[str], str, str]]) -> str:
    """PO text for ENTRIES: (comment lines, msgid, msgstr)."""
    blocks = []
    for comments, msgid, msgstr in entries:
        block = [f"#: {comment}" for comment in comments]
        block += _lines("msgid", msgid) + _lines("msgstr", msgstr)
        blocks.append("\n".join(block))
    return "\n\n".join(blocks) + "\n"
