"""The shape of a rule.  Rules are data; `engine.classify` is the one thing that runs them."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..protocol import Applicability, Category, Severity

# Variables a fix may set: one list, in settable.json, which the companion also ships (as
# elisp/gptel-diagnose-tables.el) and enforces whatever the server says.
SETTABLE_FILE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "settable.json")
with open(SETTABLE_FILE, encoding="utf-8") as _file:
    SETTABLE: frozenset[str] = frozenset(json.load(_file)["settable"])


@dataclass(frozen=True)
class FixSpec:
    """A remedy.  Texts may use the placeholders of `engine.placeholders`."""

    title: str
    applicability: Applicability
    variable: str | None = None
    value: str | None = None
    command: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if self.variable is not None and self.variable not in SETTABLE:
            raise ValueError(f"{self.variable} is not a settable gptel option")
        if (self.variable is None) != (self.value is None):
            raise ValueError("a setq fix needs both a variable and a value")


def _lower_literals(pattern: str) -> str:
    """PATTERN with its literal letters in lower case, escapes (\\W, \\D...) untouched."""
    out, escaped = [], False
    for char in pattern:
        out.append(char if escaped else char.lower())
        escaped = char == "\\" and not escaped
    return "".join(out)


def _compile_text(pattern: str | None) -> re.Pattern[str] | None:
    # Facts.text is lower case already; matching it case-sensitively against a lower-case
    # pattern is the same, and much faster than IGNORECASE.
    return re.compile(_lower_literals(pattern), re.DOTALL) if pattern else None


def _compile(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern, re.IGNORECASE | re.DOTALL) if pattern else None


@dataclass(frozen=True, eq=False)
class Match:
    """When a rule applies.  Every condition given must hold; an empty one is not checked.

    http      HTTP status codes.
    providers provider kinds (openai, anthropic, gemini, ollama, ...).
    codes     error type/code/status strings, any of them (lower case).
    params    the error's `param` field, any of them (lower case).
    text      regex searched in the error's text (lower-cased).
    not_text  regex that must not match.
    curl      curl exit codes.
    gptel     gptel's own failure kinds (see `facts._gptel_kinds`).
    not_gptel gptel failure kinds that must be absent.
    host      regex on the backend host.
    local     the host is (or is not) loopback.
    stream    the request streamed (or not).
    use_curl  the request went through curl (or url-retrieve).
    no_http   there was no HTTP status at all.
    html      the body the report shows is an HTML page.
    has_key   the backend has a key configured (or has none).
    key_whitespace  the key (a string or variable) has stray whitespace around it.
    proxy     gptel-proxy is set (or not).
    host_typo the host looks like a misspelling of a known API host.

    A condition about something the companion did not report (None in the facts) does
    not hold: a rule that needs `has_key=False` never fires on an unknown key.
    """

    http: frozenset[int | None] = frozenset()
    providers: frozenset[str] = frozenset()
    not_providers: frozenset[str] = frozenset()
    codes: frozenset[str] = frozenset()
    params: frozenset[str] = frozenset()
    text: str | None = None
    not_text: str | None = None
    curl: frozenset[int] = frozenset()
    gptel: frozenset[str] = frozenset()
    not_gptel: frozenset[str] = frozenset()
    host: str | None = None
    local: bool | None = None
    stream: bool | None = None
    use_curl: bool | None = None
    no_http: bool | None = None
    html: bool | None = None
    has_key: bool | None = None
    key_whitespace: bool | None = None
    proxy: bool | None = None
    host_typo: bool | None = None

    # Patterns compile on first use: most clauses are decided by a cheaper condition
    # before their text is ever searched, and start-up time matters (scripts/bench).
    @cached_property
    def text_re(self) -> re.Pattern[str] | None:
        return _compile_text(self.text)

    @cached_property
    def not_text_re(self) -> re.Pattern[str] | None:
        return _compile_text(self.not_text)

    @cached_property
    def host_re(self) -> re.Pattern[str] | None:
        return _compile(self.host)


def match(
    *,
    http: int | tuple[int | None, ...] | None = (),
    providers: str | tuple[str, ...] = (),
    not_providers: str | tuple[str, ...] = (),
    codes: str | tuple[str, ...] = (),
    params: str | tuple[str, ...] = (),
    curl: int | tuple[int, ...] = (),
    gptel: str | tuple[str, ...] = (),
    not_gptel: str | tuple[str, ...] = (),
    **rest: Any,
) -> Match:
    """Build a `Match`, accepting a single value where a set is expected."""

    def many(value: Any) -> frozenset[Any]:
        return frozenset(value if isinstance(value, tuple) else (value,))

    return Match(
        http=many(http),
        providers=many(providers),
        not_providers=many(not_providers),
        codes=frozenset(c.lower() for c in many(codes)),
        params=frozenset(p.lower() for p in many(params)),
        curl=many(curl),
        gptel=many(gptel),
        not_gptel=many(not_gptel),
        **rest,
    )


@dataclass(frozen=True)
class Example:
    """A real failure the rule explains: the params gptel-diagnose receives, and its source."""

    error: dict[str, Any]
    source: str
    backend: dict[str, Any] = field(default_factory=dict)
    request: dict[str, Any] = field(default_factory=dict)

    def params(self) -> dict[str, Any]:
        return {"error": self.error, "backend": self.backend, "request": self.request}


@dataclass(frozen=True)
class Rule:
    """One diagnosis: stable code, the category it reports, when it applies and what to say.

    `code` is never reused once published.  `priority` orders overlapping rules: the most
    specific rule that matches wins (higher first; ties keep catalogue order).
    """

    code: str
    name: str
    category: Category
    when: Match | tuple[Match, ...]
    summary: str
    explanation: str
    steps: tuple[str, ...]
    fixes: tuple[FixSpec, ...] = ()
    docs: tuple[str, ...] = ()
    examples: tuple[Example, ...] = ()
    severity: Severity = "error"
    retryable: bool = False
    priority: int = 50

    @property
    def whens(self) -> tuple[Match, ...]:
        return self.when if isinstance(self.when, tuple) else (self.when,)

    @property
    def providers(self) -> tuple[str, ...]:
        """The providers the rule is specific to, or ("any",)."""
        if any(not when.providers for when in self.whens):
            return ("any",)
        return tuple(sorted(set().union(*(when.providers for when in self.whens))))
