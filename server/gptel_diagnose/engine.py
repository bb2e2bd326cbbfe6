"""Classification: params in, diagnosis out.  Pure: no I/O, no threads, no globals written."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from . import i18n
from .facts import Facts, read_facts
from .protocol import DiagnoseParams, Diagnosis, Fix
from .providers import START_COMMANDS, display_name, lookup
from .redact import redact
from .rules import REGISTRY
from .rules.base import Match, Rule

MAX_MESSAGE = 240


def _wants(condition: bool | None, actual: bool | None) -> bool:
    return condition is None or condition == actual


def matches(when: Match, facts: Facts) -> bool:
    """Whether every condition of WHEN holds for FACTS."""
    return (
        (not when.http or facts.http in when.http)
        and (not when.providers or facts.provider in when.providers)
        and (not when.not_providers or facts.provider not in when.not_providers)
        and (not when.codes or not when.codes.isdisjoint(facts.codes))
        and (not when.params or not when.params.isdisjoint(facts.param))
        and (not when.curl or facts.curl in when.curl)
        and (not when.gptel or not when.gptel.isdisjoint(facts.gptel))
        and (not when.not_gptel or when.not_gptel.isdisjoint(facts.gptel))
        and _wants(when.local, facts.local)
        and _wants(when.stream, facts.stream)
        and _wants(when.use_curl, facts.use_curl)
        and _wants(when.no_http, facts.http is None)
        and _wants(when.html, facts.html)
        and _wants(when.has_key, facts.has_key)
        and _wants(when.key_whitespace, facts.key_whitespace)
        and _wants(when.proxy, facts.proxy)
        and _wants(when.host_typo, facts.host_typo is not None)
        and (when.host_re is None or bool(when.host_re.search(facts.host)))
        and (when.text_re is None or bool(when.text_re.search(facts.text)))
        and (when.not_text_re is None or not when.not_text_re.search(facts.text))
    )


def applies(rule: Rule, facts: Facts) -> bool:
    return any(matches(when, facts) for when in rule.whens)


def select(facts: Facts, rules: Sequence[Rule] = REGISTRY) -> Rule:
    """The most specific rule that applies to FACTS (the catalogue ends with a catch-all)."""
    best: Rule | None = None
    for rule in rules:
        if (best is None or rule.priority > best.priority) and applies(rule, facts):
            best = rule
    assert best is not None, "the catalogue must end with a rule that always applies"
    return best


def _format_wait(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:.1f} h"
    if seconds >= 120:
        return f"{seconds / 60:.0f} min"
    if seconds >= 10:
        return f"{seconds:.0f} s"
    return f"{seconds:.1f} s".replace(".0 s", " s")


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
    )
    return values


def _fill(template: str, values: _Placeholders) -> str:
    return redact(template.format_map(values))


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
        provider=facts.provider,
        locale=locale,
    )
