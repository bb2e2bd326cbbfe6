"""Message catalogues.  English lives with the rules; other languages live here, per rule code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import zh

if TYPE_CHECKING:
    from ..rules.base import Rule

LOCALES = ("en", "zh")

_SHARED: dict[str, dict[str, str]] = {
    "en": {
        "wait_clause": "Wait {wait}, then resend.",
    },
    "zh": zh.SHARED,
}


def choose(locale: str | None) -> str:
    """The catalogue for LOCALE: "zh" for any Chinese locale, else English."""
    tag = (locale or "").strip().lower().replace("_", "-")
    if tag.startswith(("zh", "chinese")):
        return "zh"
    return "en"


def text(locale: str, key: str) -> str:
    return _SHARED.get(locale, {}).get(key) or _SHARED["en"][key]


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
    entry = zh.RULES.get(rule.code)
    if entry is None:
        return english
    return RuleText(
        entry.get("summary", english.summary),  # type: ignore[arg-type]
        entry.get("explanation", english.explanation),  # type: ignore[arg-type]
        tuple(entry.get("steps", english.steps)),
        tuple(entry.get("fixes", english.fix_titles)),
    )
