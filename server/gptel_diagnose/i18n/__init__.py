"""Message catalogues, gettext style.  English lives with the rules and the code; each other
language is one PO file here (`zh.po`), mapping an English source text to its translation, so
that an edited or reordered English sentence can never pick up another sentence's translation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import po

if TYPE_CHECKING:
    from ..rules.base import Rule

LOCALES = ("en", "zh")
_HERE = Path(__file__).resolve().parent
# English texts outside the rules that are translated: see `N_`.
MARKED: set[str] = set()


def N_(english: str) -> str:
    """Mark ENGLISH, a text defined outside the rules, as one to translate; return it."""
    MARKED.add(english)
    return english


@cache
def catalogue(locale: str) -> dict[str, str]:
    """LOCALE's translations, English source text -> translated text, read on first use."""
    return po.load(_HERE / f"{locale}.po")


def choose(locale: str | None) -> str:
    """The catalogue for LOCALE: "zh" for any Chinese locale, else English."""
    tag = (locale or "").strip().lower().replace("_", "-")
    if tag.startswith(("zh", "chinese")):
        return "zh"
    return "en"


def gettext(locale: str, english: str) -> str:
    """ENGLISH in LOCALE; English itself when it has no translation."""
    if locale == "en" or not english:
        return english
    return catalogue(locale).get(english) or english


@dataclass(frozen=True)
class RuleText:
    summary: str
    explanation: str
    steps: tuple[str, ...]
    fix_titles: tuple[str, ...]

    def fix_title(self, index: int, default: str) -> str:
        return self.fix_titles[index] if index < len(self.fix_titles) else default


def rule_text(locale: str, rule: Rule) -> RuleText:
    """RULE's texts in LOCALE, each falling back to English where it is not translated."""
    return RuleText(
        gettext(locale, rule.summary),
        gettext(locale, rule.explanation),
        tuple(gettext(locale, step) for step in rule.steps),
        tuple(gettext(locale, fix.title) for fix in rule.fixes),
    )
