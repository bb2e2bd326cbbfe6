"""Message catalogues, gettext style.  English lives with the rules and the code; each other
language is one PO file here (`zh.po`), mapping an English source text to its translation, so
that an edited or reordered English sentence can never pick up another sentence's translation.
"""

from __future__ import annotations

import re
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


# The first part of a locale that names Chinese: a language tag (zh, zh-Hans, zh_TW.Big5,
# ISO 639-2 zho/chi, Mandarin cmn) or an Emacs language environment (Chinese-GB, Chinese-BIG5).
_CHINESE = re.compile(r"(?:zh|zho|chi|cmn)(?![a-z])|chinese(?![a-z])")


def choose(locale: str | None) -> str:
    """The catalogue for LOCALE: "zh" for any Chinese locale, else English.

    LOCALE is a language tag or POSIX locale (zh, zh_CN.UTF-8, zh-Hant-TW), an Emacs language
    environment (Chinese-GB, Chinese-GBK, Chinese-BIG5), or a LANGUAGE-style list (zh_CN:en),
    of which the first entry counts.  Traditional Chinese gets Simplified, the one Chinese
    catalogue there is.
    """
    tag = (locale or "").strip().lower().split(":")[0]
    return "zh" if _CHINESE.match(tag) else "en"


def gettext(locale: str, english: str) -> str:
    """ENGLISH in LOCALE; English itself when it has no translation."""
    if locale == "en" or not english:
        return english
    return catalogue(locale).get(english) or english


# Chinese characters and full-width punctuation.
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_SPACE = re.compile(f"(?<=[{_CJK}]) +(?=[{_CJK}])")


def tidy(locale: str, text: str) -> str:
    """TEXT with the spaces a template left between two Chinese characters removed.

    A template spaces off its placeholders for Latin values ("你的 {provider} 账户" reads
    "你的 DeepSeek 账户"); a Chinese value ("服务商") must sit without them.
    """
    return _CJK_SPACE.sub("", text) if locale == "zh" else text


@dataclass(frozen=True)
class RuleText:
    summary: str
    explanation: str
    # Every step (`Rule.all_steps`), and for each the provider it is only for, or None.
    steps: tuple[str, ...]
    fix_titles: tuple[str, ...]
    step_providers: tuple[str | None, ...]

    def steps_for(self, provider: str | None) -> tuple[str, ...]:
        """The steps to show for a failure of PROVIDER: the general ones and its own."""
        return tuple(step for step, only in zip(self.steps, self.step_providers, strict=True)
                     if only is None or only == provider)

    def fix_title(self, index: int, default: str) -> str:
        return self.fix_titles[index] if index < len(self.fix_titles) else default


def rule_text(locale: str, rule: Rule) -> RuleText:
    """RULE's texts in LOCALE, each falling back to English where it is not translated."""
    return RuleText(
        gettext(locale, rule.summary),
        gettext(locale, rule.explanation),
        tuple(gettext(locale, step) for step in rule.all_steps),
        tuple(gettext(locale, fix.title) for fix in rule.fixes),
        (None,) * len(rule.steps) + tuple(provider for provider, _ in rule.provider_steps),
    )
