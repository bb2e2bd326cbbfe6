"""Message catalogues.  English lives with the rules; other languages live here, per rule code."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..rules.base import Rule

LOCALES = ("en", "zh")

_ENGLISH: dict[str, str] = {
    "wait_clause": "Wait {wait}, then resend.",
}


def catalogue(locale: str) -> ModuleType:
    """The message catalogue module of LOCALE (not English), imported on first use."""
    return importlib.import_module(f"{__name__}.{locale}")


def choose(locale: str | None) -> str:
    """The catalogue for LOCALE: "zh" for any Chinese locale, else English."""
    tag = (locale or "").strip().lower().replace("_", "-")
    if tag.startswith(("zh", "chinese")):
        return "zh"
    return "en"


def text(locale: str, key: str) -> str:
    if locale == "en":
        return _ENGLISH[key]
    shared: dict[str, str] = catalogue(locale).SHARED
    return shared.get(key) or _ENGLISH[key]


@dataclass(frozen=True)
class RuleText:
    summary: str
    explanation: str
    steps: tuple[str, ...]
    fix_titles: tuple[str, ...]

    def fix_title(self, index: int, default: str) -> str:
        return self.fix_titles[index] if index < len(self.fix_titles) else default


def rule_text(locale: str, rule: Rule) -> RuleText:
    """RULE's texts in LOCALE, falling back to English for anything not translated."""
    english = RuleText(
        rule.summary, rule.explanation, rule.steps, tuple(f.title for f in rule.fixes)
    )
    if locale == "en":
        return english
    entry = catalogue(locale).RULES.get(rule.code)
    if entry is None:
        return english
    return RuleText(
        entry.get("summary", english.summary),
        entry.get("explanation", english.explanation),
        tuple(entry.get("steps", english.steps)),
        tuple(entry.get("fixes", english.fix_titles)),
    )
