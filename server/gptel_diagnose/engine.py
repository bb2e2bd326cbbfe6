"""Classification: params in, diagnosis out.  Pure: no I/O, no threads; only memo tables."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from . import i18n
from .curl import meaning as curl_meaning
from .facts import CONDITIONS, Facts, Test, read_facts
from .protocol import DiagnoseParams, Diagnosis, Fix
from .providers import START_COMMANDS, display_name, lookup
from .redact import redact
from .rules import BY_CODE, PRECEDENCE
from .rules.base import Match, Rule, compile_condition

MAX_MESSAGE = 240
WAIT_CLAUSE = i18n.N_("Wait {wait}, then resend.")
N_ = i18n.N_
# What a placeholder reads when the failure does not tell (translated like any other text).
DEFAULTS = {
    "provider": N_("the provider"),
    "model": N_("the model"),
    "host": N_("the backend's host"),
    "message": N_("(no message)"),
    "status": N_("no HTTP status"),
    "keys_url": N_("your provider's API key page"),
    "billing_url": N_("your provider's billing page"),
    "usage_url": N_("your provider's usage page"),
    "status_url": N_("your provider's status page"),
    "models_url": N_("your provider's model list"),
    "start_command": N_("start the server"),
}
# A wait, by its size: hours, minutes, seconds.
WAIT_UNITS = (N_("{n} h"), N_("{n} min"), N_("{n} s"))


Check = Callable[[Facts], bool]


def _text_check(name: str, wanted: str, negated: bool) -> Check:
    """Whether the pattern WANTED occurs in the facts' text (remembered in the facts, as
    patterns recur across rules), or, if NEGATED, does not."""
    pattern = compile_condition("text", wanted)

    def check(facts: Facts) -> bool:
        seen = facts.searched.get(pattern)
        if seen is None:
            seen = facts.searched[pattern] = pattern.search(facts.text) is not None
        return seen is not negated

    return check


def _pattern_check(name: str, wanted: str, negated: bool) -> Check:
    pattern = compile_condition("pattern", wanted)
    return lambda facts: (pattern.search(getattr(facts, name)) is not None) is not negated


def _in_check(name: str, wanted: frozenset[Any], negated: bool) -> Check:
    return lambda facts: (getattr(facts, name) in wanted) is not negated


def _overlaps_check(name: str, wanted: frozenset[Any], negated: bool) -> Check:
    return lambda facts: wanted.isdisjoint(getattr(facts, name)) is negated


def _is_check(name: str, wanted: bool, negated: bool) -> Check:
    return lambda facts: bool(getattr(facts, name) == wanted)


def _present_check(name: str, wanted: bool, negated: bool) -> Check:
    return lambda facts: (getattr(facts, name) is not None) == wanted


# One check per kind of test (`facts.Test`), in the order they run: cheap ones first, text
# searches last.
CHECKS: dict[Test, Callable[[str, Any, bool], Check]] = {
    "in": _in_check,
    "overlaps": _overlaps_check,
    "is": _is_check,
    "present": _present_check,
    "pattern": _pattern_check,
    "text": _text_check,
}
# The facts every failure has exactly one value of, that most clauses name: see `candidates`.
GATE: tuple[str, ...] = tuple(name for name, (_, test, negated) in CONDITIONS.items()
                              if test == "in" and not negated)


def _checks(when: Match) -> tuple[Check, ...]:
    """The checks WHEN asks for beyond the gate (see `candidates`), text searches last."""
    named = [(CONDITIONS[name], wanted) for name, wanted in when.conditions.items()]
    order = list(CHECKS)
    named.sort(key=lambda item: order.index(item[0][1]))
    return tuple(CHECKS[test](fact, wanted, negated)
                 for (fact, test, negated), wanted in named if fact not in GATE)


# Per tier of `rules.PRECEDENCE`, in order: its rules, each with the checks left for each of
# its clauses that passed the gate.
Candidates = tuple[tuple[tuple[Rule, tuple[tuple[Check, ...], ...]], ...], ...]
_CANDIDATES: dict[tuple[Any, ...], Candidates] = {}
_CHECKS: dict[int, tuple[Check, ...]] = {}
_MAX_GATES = 1024  # distinct gates (status, exit code, provider) remembered


def _passes_gate(when: Match, gate: tuple[Any, ...]) -> bool:
    for name, value in zip(GATE, gate, strict=True):
        wanted, unwanted = when.wanted(name), when.wanted("not_" + name)
        if (wanted and value not in wanted) or (unwanted and value in unwanted):
            return False
    return True


def _gated(when: Match) -> tuple[Check, ...]:
    checks = _CHECKS.get(id(when))
    if checks is None:
        checks = _CHECKS[id(when)] = _checks(when)
    return checks


def candidates(facts: Facts) -> Candidates:
    """The rules, and their clauses' remaining checks, that FACTS's gate leaves in play.

    The gate is the facts tested by `in` (`GATE`): its HTTP status, its curl exit code and its
    provider.  Clauses that want other values are dropped here, once per gate seen.
    """
    gate = tuple(getattr(facts, name) for name in GATE)
    found = _CANDIDATES.get(gate)
    if found is None:
        found = tuple(
            tuple((BY_CODE[code], clauses) for code in tier.codes
                  if (clauses := tuple(_gated(when) for when in BY_CODE[code].whens
                                       if _passes_gate(when, gate))))
            for tier in PRECEDENCE)
        if len(_CANDIDATES) >= _MAX_GATES:
            _CANDIDATES.clear()
        _CANDIDATES[gate] = found
    return found


def select(facts: Facts) -> Rule:
    """The rule that explains FACTS: the first listed in `rules.PRECEDENCE` that applies.

    Tiers are tried in order, so a stage that is not a rule fits between two of them: the
    provider's documented code, for one, belongs before the "cause" tier, the first that
    reads the provider's message.  The last tier is a catch-all.
    """
    for _tier, rules in zip(PRECEDENCE, candidates(facts), strict=True):
        for rule, clauses in rules:
            # Plain loops: this is the hot path, and generators cost a third more here.
            for checks in clauses:
                for check in checks:
                    if not check(facts):
                        break
                else:
                    return rule
    raise AssertionError("the catalogue must end with a rule that always applies")


def _format_wait(seconds: float, locale: str = "en") -> str:
    hours, minutes, secs = (i18n.gettext(locale, unit) for unit in WAIT_UNITS)
    if seconds >= 3600:
        return hours.format(n=f"{seconds / 3600:.1f}")
    if seconds >= 120:
        return minutes.format(n=f"{seconds / 60:.0f}")
    if seconds >= 10:
        return secs.format(n=f"{seconds:.0f}")
    return secs.format(n=f"{seconds:.1f}".removesuffix(".0"))


class _Placeholders(dict[str, str]):
    """Template values; an unknown placeholder renders as itself rather than failing.

    LAZY values are computed when a template first asks for them: those are the ones taken
    from the request, which must be redacted (few templates use most of them).
    """

    def __init__(self, lazy: dict[str, Callable[[], str]], **values: str) -> None:
        super().__init__(values)
        self.lazy = lazy

    def __missing__(self, key: str) -> str:
        make = self.lazy.get(key)
        if make is None:
            return "{" + key + "}"
        value = self[key] = make()
        return value


def provider_message(facts: Facts) -> str | None:
    """The failure's own message, redacted, on one line and bounded; None if it has none."""
    # Redact before cutting: a cut could leave a key too short to be recognised.
    message = " ".join(redact(facts.message).split())
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    return message or None


def placeholders(facts: Facts, locale: str, message: str | None) -> _Placeholders:
    provider = lookup(facts.provider)
    default = {name: i18n.gettext(locale, text) for name, text in DEFAULTS.items()}
    name = (
        provider.name if provider and facts.provider != "local" else facts.backend_name
    ) or (display_name(facts.provider) if facts.provider else default["provider"])
    wait = _format_wait(facts.retry_after, locale) if facts.retry_after is not None else ""
    # Secrets can only come in through the values taken from the request (templates,
    # provider pages and commands are ours): those are redacted, on first use.
    return _Placeholders(
        {
            "provider": partial(redact, name),
            "backend": partial(redact, facts.backend_name or name),
            "model": partial(redact, facts.model or default["model"]),
            "model_arg": partial(redact, facts.model or "MODEL"),
            "host": partial(redact, facts.host or default["host"]),
        },
        message=message or default["message"],
        status=str(facts.http) if facts.http is not None else default["status"],
        # "HTTP {status}" in a text, read as one placeholder: see `_say`.
        http_status=f"HTTP {facts.http}" if facts.http is not None else default["status"],
        exit=str(facts.curl) if facts.curl is not None else "?",
        wait=wait,
        wait_clause=i18n.gettext(locale, WAIT_CLAUSE).format(wait=wait) if wait else "",
        keys_url=(provider and provider.keys_url) or default["keys_url"],
        billing_url=(provider and provider.billing_url) or default["billing_url"],
        usage_url=(provider and provider.usage_url) or default["usage_url"],
        status_url=(provider and provider.status_url) or default["status_url"],
        models_url=(provider and provider.models_url) or default["models_url"],
        key_env=(provider and provider.key_env) or "API_KEY",
        start_command=START_COMMANDS.get(facts.provider or "", default["start_command"]),
        intended_host=facts.host_typo or "",
        curl_meaning=curl_meaning(facts.curl, locale),
        status_clause=f", HTTP {facts.http}" if facts.http is not None else "",
    )


def _fill(template: str, values: _Placeholders) -> str:
    return template.format_map(values)


def _say(template: str, values: _Placeholders, locale: str) -> str:
    """TEMPLATE, a text for the user in LOCALE, filled in; the provider's own message is
    quoted as it came, the rest tidied (`i18n.tidy`).  "HTTP {status}" of a failure without
    a status reads "no HTTP status", not "HTTP no HTTP status"."""
    template = template.replace("HTTP {status}", "{http_status}")
    parts = (i18n.tidy(locale, _fill(part, values)) for part in template.split("{message}"))
    return values["message"].join(parts)


_URL = re.compile(r"^https?://\S+$")


def _fixes(rule: Rule, values: _Placeholders, texts: i18n.RuleText,
           locale: str = "en") -> list[Fix]:
    fixes = []
    for index, spec in enumerate(rule.fixes):
        url = _fill(spec.url, values) if spec.url else None
        fixes.append(
            Fix(
                title=_say(texts.fix_title(index, spec.title), values, locale),
                applicability=spec.applicability,
                variable=spec.variable,
                value=_fill(spec.value, values) if spec.value else None,
                command=_fill(spec.command, values) if spec.command else None,
                url=url if url and _URL.match(url) else None,
            )
        )
    return fixes


def _docs(rule: Rule, values: _Placeholders) -> list[str]:
    urls = (_fill(url, values) for url in rule.docs)
    return _unique(url for url in urls if _URL.match(url))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _key_env(kind: str | None) -> str | None:
    provider = lookup(kind)
    return provider.key_env if provider else None


def diagnose(params: DiagnoseParams) -> Diagnosis:
    """Classify one failed gptel request."""
    facts = read_facts(params)
    rule = select(facts)
    locale = i18n.choose(params.locale)
    message = provider_message(facts)
    values = placeholders(facts, locale, message)
    texts = i18n.rule_text(locale, rule)
    return Diagnosis(
        category=rule.category,
        rule=rule.code,
        rule_name=rule.name,
        severity=rule.severity,
        summary=" ".join(_say(texts.summary, values, locale).split()),
        explanation=_say(texts.explanation, values, locale),
        steps=[_say(step, values, locale) for step in texts.steps],
        fixes=_fixes(rule, values, texts, locale),
        docs=_docs(rule, values),
        retryable=rule.retryable,
        retry_after=facts.retry_after if rule.retryable else None,
        provider=redact(facts.provider) if facts.provider else None,
        key_env=_key_env(facts.provider),
        locale=locale,
        provider_message=message,
    )
