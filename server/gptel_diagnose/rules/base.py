"""The shape of a rule and of the registry.  Rules are data; `engine.select` runs them."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..facts import CONDITIONS, Test
from ..protocol import Applicability, Ask, Category, Confidence, Severity

# Variables a fix may set: one list, in settable.json, which the companion also ships (as
# elisp/gptel-diagnose-tables.el) and enforces whatever the server says.  The same file
# names the variable of each kind of ask fix, and those a display-only fix may only show.
SETTABLE_FILE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "settable.json")
with open(SETTABLE_FILE, encoding="utf-8") as _file:
    _TABLE = json.load(_file)
SETTABLE: frozenset[str] = frozenset(_TABLE["settable"])
ASK_VARIABLES: dict[str, str] = dict(_TABLE["ask"])
SHOWN: frozenset[str] = frozenset(_TABLE["shown"])


@dataclass(frozen=True)
class FixSpec:
    """A remedy.  Texts may use the placeholders of `engine.placeholders`.

    Three shapes name a variable: a setq (a settable variable and a literal value); an ask
    fix (`ask`, its variable from settable.json's "ask", no value: the companion asks the user
    for it); and a display-only fix naming a "shown" variable with no value, whose command is
    the form that changes it.
    """

    title: str
    applicability: Applicability
    variable: str | None = None
    value: str | None = None
    command: str | None = None
    url: str | None = None
    ask: Ask | None = None
    # Taking it finds the cause out (the curl replay) rather than acting on a guess: as the
    # next step, the companion words it "To find out:".
    finds_out: bool = False
    # A placeholder whose known value makes this fix needless: offered only while that value
    # is unknown (logging the traffic to see a path's answer, until the corrected backend
    # form says what the path should be).
    unless_known: str | None = None

    def __post_init__(self) -> None:
        if self.ask is not None:
            if self.ask not in ASK_VARIABLES:
                raise ValueError(f"no ask fix of kind {self.ask!r}")
            if self.variable != ASK_VARIABLES[self.ask]:
                raise ValueError(f"an ask={self.ask} fix names {ASK_VARIABLES[self.ask]}")
            if self.value is not None:
                raise ValueError("an ask fix has no value: the user gives it")
            if self.applicability == "display-only":
                raise ValueError("an ask fix is applied, after asking: not display-only")
            return
        if self.variable in SHOWN and self.value is None:
            if self.applicability != "display-only":
                raise ValueError(f"a fix naming {self.variable} without a value is "
                                 "display-only")
            return
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


def compile_condition(test: Test, pattern: str) -> re.Pattern[str]:
    """PATTERN compiled for a `pattern` or `text` condition."""
    if test == "text":
        # Facts.text is lower case already; matching it case-sensitively against a lower-case
        # pattern is the same, and much faster than IGNORECASE.
        return re.compile(_lower_literals(pattern), re.DOTALL)
    return re.compile(pattern, re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, eq=False)
class Match:
    """When a rule applies: conditions on facts, every one of which must hold.

    A condition is named after the fact it tests (`facts.Facts`, where each fact says what it
    is and how it is tested), or `not_<fact>` for its negation; build one with `match`.
    """

    conditions: Mapping[str, Any]

    def wanted(self, name: str) -> Any:
        """What condition NAME asks for, or None if the clause does not name it."""
        return self.conditions.get(name)


def _normalise(name: str, test: Test, value: Any) -> Any:
    if test in ("in", "overlaps"):
        values = value if isinstance(value, tuple) else (value,)
        return frozenset(v.lower() if isinstance(v, str) else v for v in values)
    if test in ("is", "present"):
        if not isinstance(value, bool):
            raise ValueError(f"condition {name} wants True or False, not {value!r}")
        return value
    if not isinstance(value, str):
        raise ValueError(f"condition {name} wants a regex, not {value!r}")
    return value


def match(**conditions: Any) -> Match:
    """A `Match` of CONDITIONS, each named after a fact; a single value stands for a set.

    None leaves a boolean or regex condition out (for `in` and `overlaps` it is a value: the
    fact is unknown).  An unknown name raises ValueError: it would never be tested.
    """
    known = {}
    for name, value in conditions.items():
        if name not in CONDITIONS:
            raise ValueError(f"no fact for condition {name!r} (see facts.Facts)")
        test = CONDITIONS[name][1]
        if value is not None or test in ("in", "overlaps"):
            known[name] = _normalise(name, test, value)
    return Match(known)


def said(pattern: str) -> tuple[Match, Match]:
    """Matches for PATTERN in the error's text or in the body the companion read beside it."""
    return (match(text=pattern), match(body=pattern))


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

    `code` is never reused once published.  Which of several matching rules wins is the
    registry's business (`rules.PRECEDENCE`), not the rule's.
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
    # Steps shown after `steps` only when the failure's provider is the one named:
    # (provider kind, step).  The catalogue lists them with the rest.
    provider_steps: tuple[tuple[str, str], ...] = ()
    examples: tuple[Example, ...] = ()
    severity: Severity = "error"
    retryable: bool = False
    # The one step to take when no fix is a setq, as alternatives: the first whose
    # placeholders are all known is shown.  Empty: the first fix with a page or a command.
    next_step: tuple[str, ...] = ()
    # The next steps above find the cause out (a curl replay) rather than act on it.
    next_step_finds_out: bool = False

    @property
    def all_steps(self) -> tuple[str, ...]:
        """Every step the rule can show: `steps`, then its provider-only steps."""
        return self.steps + tuple(step for _provider, step in self.provider_steps)

    @property
    def whens(self) -> tuple[Match, ...]:
        return self.when if isinstance(self.when, tuple) else (self.when,)

    @property
    def providers(self) -> tuple[str, ...]:
        """The providers the rule is specific to, or ("any",)."""
        named = [when.wanted("provider") for when in self.whens]
        if not named or any(not providers for providers in named):
            return ("any",)
        # None stands for a provider not identified: not a provider to list.
        return tuple(sorted(p for p in set().union(*named) if p is not None))


@dataclass(frozen=True)
class Tier:
    """A block of the precedence listing: its rules outrank every rule of later tiers."""

    name: str
    about: str
    codes: tuple[str, ...]
    # How sure a diagnosis by this tier's rules is: see `protocol.Confidence`.
    confidence: Confidence = "likely"


@dataclass(frozen=True)
class Retired:
    """A code taken out of the catalogue: kept listed, so that it is never reused."""

    code: str
    reason: str
    replaced_by: str | None = None


def build_registry(tiers: Iterable[Tier], retired: Iterable[Retired], rules: Iterable[Rule]
                   ) -> tuple[Rule, ...]:
    """RULES in the order TIERS list their codes; ValueError if the listing and RULES disagree.

    Every rule is listed exactly once, every listed code is a rule or RETIRED, and no rule
    takes a retired code.
    """
    defined: dict[str, Rule] = {}
    for rule in rules:
        if rule.code in defined:
            raise ValueError(f"{rule.code} is defined twice")
        defined[rule.code] = rule
    listed = [code for tier in tiers for code in tier.codes]
    gone = {entry.code: entry for entry in retired}
    for code, entry in gone.items():
        if code in defined or code in listed:
            raise ValueError(f"{code} is retired ({entry.reason}); give the rule a new code")
        if entry.replaced_by is not None and entry.replaced_by not in defined:
            raise ValueError(f"{code} is replaced by {entry.replaced_by}, which is no rule")
    if len(set(listed)) != len(listed):
        twice = sorted({code for code in listed if listed.count(code) > 1})
        raise ValueError(f"listed twice: {', '.join(twice)}")
    missing = [code for code in listed if code not in defined]
    if missing:
        raise ValueError(f"listed but not defined: {', '.join(missing)}")
    unlisted = [code for code in defined if code not in listed]
    if unlisted:
        raise ValueError(f"defined but not listed in the precedence: {', '.join(unlisted)}")
    return tuple(defined[code] for code in listed)
