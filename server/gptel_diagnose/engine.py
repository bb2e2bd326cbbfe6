"""Classification: params in, diagnosis out.  Pure: no I/O, no threads; only memo tables."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial

from . import i18n
from .curl import meaning as curl_meaning
from .facts import Facts, read_facts
from .protocol import DiagnoseParams, Diagnosis, Fix
from .providers import START_COMMANDS, display_name, lookup
from .redact import redact
from .rules import BY_CODE, PRECEDENCE
from .rules.base import Match, Rule

MAX_MESSAGE = 240


Check = Callable[[Facts], bool]


def _text_check(pattern: re.Pattern[str], wanted: bool) -> Check:
    """Whether PATTERN's occurrence in the facts' text is WANTED.

    The answer is remembered in the facts, as patterns recur across rules.
    """

    def check(facts: Facts) -> bool:
        seen = facts.searched.get(pattern)
        if seen is None:
            seen = facts.searched[pattern] = pattern.search(facts.text) is not None
        return seen is wanted

    return check


def _flag_check(flag: str, wanted: bool) -> Check:
    return lambda facts: bool(getattr(facts, flag) == wanted)


def _checks(when: Match) -> tuple[Check, ...]:
    """The tests WHEN asks for beyond the gate (see `candidates`), text searches last."""
    checks: list[Check] = []
    codes, params, gptel, not_gptel = when.codes, when.params, when.gptel, when.not_gptel
    if codes:
        checks.append(lambda f: not codes.isdisjoint(f.codes))
    if params:
        checks.append(lambda f: not params.isdisjoint(f.param))
    if gptel:
        checks.append(lambda f: not gptel.isdisjoint(f.gptel))
    if not_gptel:
        checks.append(lambda f: not_gptel.isdisjoint(f.gptel))
    for flag in ("local", "stream", "use_curl", "html", "has_key", "key_whitespace", "proxy"):
        wanted = getattr(when, flag)
        if wanted is not None:
            checks.append(_flag_check(flag, wanted))
    if when.host_typo is not None:
        host_typo = when.host_typo
        checks.append(lambda f: (f.host_typo is not None) == host_typo)
    if when.host_re is not None:
        host_re = when.host_re
        checks.append(lambda f: host_re.search(f.host) is not None)
    if when.text_re is not None:
        checks.append(_text_check(when.text_re, True))
    if when.not_text_re is not None:
        checks.append(_text_check(when.not_text_re, False))
    return tuple(checks)


# Per tier of `rules.PRECEDENCE`, in order: its rules, each with the checks left for each of
# its clauses that passed the gate.
Candidates = tuple[tuple[tuple[Rule, tuple[tuple[Check, ...], ...]], ...], ...]
_Gate = tuple[int | None, int | None, str | None]
_CANDIDATES: dict[_Gate, Candidates] = {}
_CHECKS: dict[int, tuple[Check, ...]] = {}
_MAX_GATES = 1024  # distinct (status, exit code, provider) triples remembered


def _passes_gate(when: Match, http: int | None, curl: int | None, provider: str | None
                 ) -> bool:
    return ((not when.http or http in when.http)
            and (not when.curl or curl in when.curl)
            and (not when.providers or provider in when.providers)
            and (not when.not_providers or provider not in when.not_providers)
            and (when.no_http is None or (http is None) == when.no_http))


def _gated(when: Match) -> tuple[Check, ...]:
    checks = _CHECKS.get(id(when))
    if checks is None:
        checks = _CHECKS[id(when)] = _checks(when)
    return checks


def candidates(facts: Facts) -> Candidates:
    """The rules, and their clauses' remaining checks, that FACTS's gate leaves in play.

    The gate is what every failure has exactly one of: its HTTP status, its curl exit code
    and its provider.  Clauses that name another are dropped here, once per triple seen.
    """
    gate = (facts.http, facts.curl, facts.provider)
    found = _CANDIDATES.get(gate)
    if found is None:
        found = tuple(
            tuple((BY_CODE[code], clauses) for code in tier.codes
                  if (clauses := tuple(_gated(when) for when in BY_CODE[code].whens
                                       if _passes_gate(when, *gate))))
            for tier in PRECEDENCE)
        if len(_CANDIDATES) >= _MAX_GATES:
            _CANDIDATES.clear()
        _CANDIDATES[gate] = found
    return found


def _applies(clauses: tuple[tuple[Check, ...], ...], facts: Facts) -> bool:
    """Whether every check of some clause holds for FACTS."""
    return any(all(check(facts) for check in checks) for checks in clauses)


def select(facts: Facts) -> Rule:
    """The rule that explains FACTS: the first listed in `rules.PRECEDENCE` that applies.

    Tiers are tried in order, so a stage that is not a rule (the provider's documented code,
    say) fits between two of them.  The last tier is a catch-all.
    """
    for tier in candidates(facts):
        for rule, clauses in tier:
            if _applies(clauses, facts):
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


class _Placeholders(dict[str, str]):
    """Template values; an unknown placeholder renders as itself rather than failing.

    LAZY values are computed when a template first asks for them: those are the ones taken
    from the request, which must be redacted, and redacting a long message costs more than
    the rest of a diagnosis.
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


def _message(facts: Facts) -> str:
    # Redact before cutting: a cut could leave a key too short to be recognised.
    message = " ".join(redact(facts.message).split())
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    return message or "(no message)"


def placeholders(facts: Facts, locale: str) -> _Placeholders:
    provider = lookup(facts.provider)
    backend = facts.params.backend
    name = (
        provider.name if provider and facts.provider != "local" else backend.name
    ) or display_name(facts.provider)
    wait = _format_wait(facts.retry_after) if facts.retry_after is not None else ""
    # Secrets can only come in through the values taken from the request (templates,
    # provider pages and commands are ours): those are redacted, on first use.
    return _Placeholders(
        {
            "provider": partial(redact, name),
            "backend": partial(redact, backend.name or name),
            "model": partial(redact, facts.model or "the model"),
            "model_arg": partial(redact, facts.model or "MODEL"),
            "host": partial(redact, facts.host or "the backend's host"),
            "message": partial(_message, facts),
        },
        status=str(facts.http) if facts.http is not None else "no HTTP status",
        exit=str(facts.curl) if facts.curl is not None else "?",
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
