"""Classification: params in, diagnosis out.  Pure: no I/O, no threads, no globals written."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from . import i18n
from .curl import meaning as curl_meaning
from .facts import Facts, read_facts
from .protocol import DiagnoseParams, Diagnosis, Fix
from .providers import START_COMMANDS, display_name, lookup
from .redact import redact
from .rules import REGISTRY
from .rules.base import Match, Rule

MAX_MESSAGE = 240


def _wants(condition: bool | None, actual: bool | None) -> bool:
    return condition is None or condition == actual


def _found(pattern: re.Pattern[str], facts: Facts) -> bool:
    """Whether PATTERN occurs in FACTS.text; remembered, as patterns recur across rules."""
    seen = facts.searched.get(pattern)
    if seen is None:
        seen = facts.searched[pattern] = pattern.search(facts.text) is not None
    return seen


Check = Callable[[Facts], bool]


def _flag_check(flag: str, wanted: bool) -> Check:
    return lambda facts: bool(getattr(facts, flag) == wanted)


def _checks(when: Match) -> tuple[Check, ...]:
    """The tests WHEN asks for, cheapest first (text searches last)."""
    checks: list[Check] = []
    if when.http:
        http = when.http
        checks.append(lambda f: f.http in http)
    if when.curl:
        checks.append(lambda f: f.curl in when.curl)
    if when.providers:
        checks.append(lambda f: f.provider in when.providers)
    if when.not_providers:
        checks.append(lambda f: f.provider not in when.not_providers)
    if when.codes:
        checks.append(lambda f: not when.codes.isdisjoint(f.codes))
    if when.params:
        checks.append(lambda f: not when.params.isdisjoint(f.param))
    if when.gptel:
        checks.append(lambda f: not when.gptel.isdisjoint(f.gptel))
    if when.not_gptel:
        checks.append(lambda f: when.not_gptel.isdisjoint(f.gptel))
    for flag in ("local", "stream", "use_curl", "html", "has_key", "key_whitespace", "proxy"):
        wanted = getattr(when, flag)
        if wanted is not None:
            checks.append(_flag_check(flag, wanted))
    if when.no_http is not None:
        checks.append(lambda f: (f.http is None) == when.no_http)
    if when.host_typo is not None:
        checks.append(lambda f: (f.host_typo is not None) == when.host_typo)
    if when.host is not None:
        checks.append(lambda f: bool(when.host_re.search(f.host)))  # type: ignore[union-attr]
    if when.text is not None:
        checks.append(lambda f: _found(when.text_re, f))  # type: ignore[arg-type]
    if when.not_text is not None:
        checks.append(lambda f: not _found(when.not_text_re, f))  # type: ignore[arg-type]
    return tuple(checks)


_CHECKS: dict[int, tuple[Check, ...]] = {}


def matches(when: Match, facts: Facts) -> bool:
    """Whether every condition of WHEN holds for FACTS."""
    checks = _CHECKS.get(id(when))
    if checks is None:
        checks = _CHECKS[id(when)] = _checks(when)
    return all(check(facts) for check in checks)


def applies(rule: Rule, facts: Facts) -> bool:
    return any(matches(when, facts) for when in rule.whens)


# Most specific first; sorted() is stable, so equal priorities keep catalogue order.
BY_PRIORITY: tuple[Rule, ...] = tuple(sorted(REGISTRY, key=lambda rule: -rule.priority))


def select(facts: Facts, rules: Sequence[Rule] = BY_PRIORITY) -> Rule:
    """The most specific rule that applies to FACTS (the catalogue ends with a catch-all).

    RULES must be ordered by descending priority: the first rule that applies wins.
    """
    for rule in rules:
        if applies(rule, facts):
            return rule
    raise AssertionError("the catalogue must end with a rule that always applies")


def _format_wait(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:.1f} h"
    if seconds >= 120:
        return f"{seconds / 60:.0f} min"
    if seconds >= 10:
        return f"{seconds:.0f} s"
    return f"{seconds:.1f} s".replace(".0 s", " s")


_FROM_REQUEST = ("provider", "backend", "model", "model_arg", "host", "message")


class _Placeholders(dict[str, str]):
    """Template values; an unknown placeholder renders as itself rather than failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def placeholders(facts: Facts, locale: str) -> _Placeholders:
    provider = lookup(facts.provider)
    backend = facts.params.backend
    name = (
        provider.name if provider and facts.provider != "local" else backend.name
    ) or display_name(facts.provider)
    # Redact before cutting: a cut could leave a key too short to be recognised.
    message = " ".join(redact(facts.message).split())
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    wait = _format_wait(facts.retry_after) if facts.retry_after is not None else ""
    values = _Placeholders(
        provider=name,
        backend=backend.name or name,
        model=facts.model or "the model",
        model_arg=facts.model or "MODEL",
        host=facts.host or "the backend's host",
        status=str(facts.http) if facts.http is not None else "no HTTP status",
        exit=str(facts.curl) if facts.curl is not None else "?",
        message=message or "(no message)",
        wait=wait,
        wait_clause=i18n.text(locale, "wait_clause").format(wait=wait) if wait else "",
        keys_url=(provider and provider.keys_url) or "your provider's API key page",
        billing_url=(provider and provider.billing_url) or "your provider's billing page",
        usage_url=(provider and provider.usage_url) or "your provider's usage page",
        status_url=(provider and provider.status_url) or "your provider's status page",
        models_url=(provider and provider.models_url) or "your provider's model list",
        key_env=(provider and provider.key_env) or "API_KEY",
        start_command=START_COMMANDS.get(facts.provider or "", "start the server"),
        intended_host=facts.host_typo or "",
        curl_meaning=curl_meaning(facts.curl, locale),
        status_clause=f", HTTP {facts.http}" if facts.http is not None else "",
    )
    # Secrets can only come in through the values taken from the request (templates,
    # provider pages and commands are ours), so these are redacted here, once each,
    # rather than every rendered string.
    for key in _FROM_REQUEST:
        values[key] = redact(values[key])
    return values


def _fill(template: str, values: _Placeholders) -> str:
    return template.format_map(values)


_URL = re.compile(r"^https?://\S+$")


def _fixes(rule: Rule, values: _Placeholders, texts: i18n.RuleText) -> list[Fix]:
    fixes = []
    for index, spec in enumerate(rule.fixes):
        url = _fill(spec.url, values) if spec.url else None
        fixes.append(
            Fix(
                title=_fill(texts.fix_title(index, spec.title), values),
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
    values = placeholders(facts, locale)
    texts = i18n.rule_text(locale, rule)
    return Diagnosis(
        category=rule.category,
        rule=rule.code,
        rule_name=rule.name,
        severity=rule.severity,
        summary=" ".join(_fill(texts.summary, values).split()),
        explanation=_fill(texts.explanation, values),
        steps=[_fill(step, values) for step in texts.steps],
        fixes=_fixes(rule, values, texts),
        docs=_docs(rule, values),
        retryable=rule.retryable,
        retry_after=facts.retry_after if rule.retryable else None,
        provider=redact(facts.provider) if facts.provider else None,
        key_env=_key_env(facts.provider),
        locale=locale,
    )
