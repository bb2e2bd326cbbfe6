"""Simplified Chinese catalogue, keyed by rule code.  Placeholders are the English ones."""

from __future__ import annotations

SHARED: dict[str, str] = {
    "wait_clause": "请等待 {wait} 后重新发送。",
}

RULES: dict[str, dict[str, str | list[str]]] = {}
