"""Classification: params in, diagnosis out.  Pure: no I/O, no threads; only memo tables."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from string import Formatter
from typing import Any

from . import i18n
from .curl import meaning as curl_meaning
from .facts import CONDITIONS, Facts, Test, read_facts
from .protocol import DiagnoseParams, Diagnosis, Fix
from .providers import START_COMMANDS, display_name, lookup
from .redact import redact
from .rules import BY_CODE, CONFIDENCE, PRECEDENCE
from .rules.base import FixSpec, Match, Rule, compile_condition

MAX_MESSAGE = 240
WAIT_CLAUSE = i18n.N_("Wait {wait}, then resend.")


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
    from the request, which must be redacted (few templates use most of them).  A value not
    known for this failure (a lazy one that returns None, or one in UNKNOWN) renders as its
    stand-in from `STAND_INS` in a text, but bars a next step or a fix that needs it: see
    `knows`.
    """

    def __init__(self, lazy: dict[str, Callable[[], str | None]], unknown: set[str],
                 **values: str) -> None:
        super().__init__(values)
        self.lazy = lazy
        self.unknown = set(unknown)

    def __missing__(self, key: str) -> str:
        make = self.lazy.get(key)
        if make is None:
            return "{" + key + "}"
        value = make()
        if value is None:
            self.unknown.add(key)
            value = STAND_INS.get(key, "")
        self[key] = value
        return value

    def unknown_in(self, template: str) -> set[str]:
        """The placeholders TEMPLATE uses whose values are not known for this failure."""
        names = {name for _text, name, _spec, _conv in Formatter().parse(template) if name}
        for name in names:
            self[name]  # computes a lazy value, noting whether it is known
        return names & self.unknown

    def knows(self, template: str) -> bool:
        """Whether every placeholder TEMPLATE uses has a value known for this failure."""
        return not self.unknown_in(template)


# What a text says where a value is not known.  A next step or a fix never shows one.
STAND_INS: dict[str, str] = {
    "provider": "the provider",
    "backend": "the backend",
    "model": "the model",
    "model_arg": "MODEL",
    "host": "the backend's host",
    "keys_url": "your provider's API key page",
    "billing_url": "your provider's billing page",
    "usage_url": "your provider's usage page",
    "status_url": "your provider's status page",
    "models_url": "your provider's model list",
    "key_env": "API_KEY",
    "start_command": "start the server",
    "message": "(no message)",
    "status": "no HTTP status",
    "gptel_version": "this version",
}

# Where gptel got the key (`BackendInfo.key_source`), said where the user changes it.
KEY_WHERE: dict[str, str] = {
    "string": i18n.N_("the :key string in the backend's definition (gptel-make-…) in your "
                      "init file"),
    "function": i18n.N_("the function named by the backend's :key (what it returns is sent)"),
    "auth-source": i18n.N_("the line `machine {host} login apikey password KEY` in "
                           "~/.authinfo or ~/.authinfo.gpg"),
    "gptel-api-key": i18n.N_("the value of gptel-api-key in your init file"),
    "env": i18n.N_("the environment variable {key_env} that the backend's :key reads"),
    "none": i18n.N_("the backend's definition: it has no :key, add one"),
}
KEY_WHERE_UNKNOWN = i18n.N_("the backend's :key, gptel-api-key, or ~/.authinfo")
PROXY_WHERE: dict[str, str] = {
    "gptel-proxy-host": i18n.N_("gptel-proxy ({proxy_host})"),
    "gptel-proxy": i18n.N_("gptel-proxy"),
    "unknown": i18n.N_("gptel-proxy, gptel-curl-extra-args or the https_proxy environment "
                       "variable"),
    "curl": i18n.N_("the --proxy argument in gptel-curl-extra-args or the backend's "
                    ":curl-args"),
    "env": i18n.N_("the environment variable {env_proxy}"),
}
NEXT_FROM_URL = i18n.N_("{title}: {url}")
NEXT_FROM_COMMAND = i18n.N_("{title}: {command}")

# gptel's constructors, by the kind of backend they make.
_CONSTRUCTORS = frozenset({"openai", "anthropic", "ollama", "gemini", "azure", "kagi",
                           "perplexity", "deepseek", "xai", "privategpt", "gpt4all",
                           "bedrock", "openrouter", "github-copilot"})
_MODEL_NAME = re.compile(r"^(?=[\w.:/+@-]*[a-z])[a-z0-9][\w.:/+@-]*$", re.IGNORECASE)
# "available models: a, b" / "supported models are [a, b]" / "must be one of a, b".
_LISTED_MODELS = re.compile(r"(?:available|supported|valid|allowed) models?(?: are| is| include)?"
                            r"\s*[:=]?\s*(.{1,600})|must be one of\s*[:=]?\s*(.{1,600})")


def _listed_models(text: str) -> list[str]:
    """Model names an error text lists as the ones that work, in order."""
    match = _LISTED_MODELS.search(text)
    if not match:
        return []
    listed = re.split(r"[\s,;'\"`\[\]()]+", match.group(1) or match.group(2))
    return [name for name in listed
            if _MODEL_NAME.match(name) and re.search(r"\d|-", name) and len(name) <= 80]


def closest_model(facts: Facts) -> str | None:
    """The model to offer instead of the one the backend refused: the nearest name in the
    backend's :models, else in the models the error lists; None when there is none."""
    wanted = (facts.model or "").lower()
    for pool in (facts.models, tuple(_listed_models(facts.text))):
        names = [name for name in dict.fromkeys(pool)
                 if _MODEL_NAME.match(name) and name.lower() != wanted]
        if not names:
            continue
        if not wanted:
            return names[0]
        near = difflib.get_close_matches(wanted, [n.lower() for n in names], n=1, cutoff=0.0)
        return next(n for n in names if n.lower() == near[0])
    return None


def _lisp_string(text: str) -> str:
    """TEXT as an Elisp string literal (only \\ and \" are escaped, as Elisp reads them)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def corrected_backend(facts: Facts) -> str | None:
    """The `gptel-make-…` call with :host, :protocol and :endpoint put right, or None when
    they look right (a display-only snippet: the user edits their own definition)."""
    # Redacted before they are taken apart and quoted: a key pasted into :host or
    # :endpoint must not survive in pieces the redaction cannot recognise.
    host, endpoint = redact(facts.host), redact(facts.endpoint).strip()
    protocol = redact(facts.protocol).strip().lower().rstrip(":/")
    if not host:
        return None
    scheme, _sep, rest = host.rpartition("://")
    scheme = scheme.lower()
    name, slash, path = rest.partition("/")
    name = name or host
    path = (slash + path).rstrip("/")
    new_protocol = scheme or protocol or ""
    if new_protocol not in ("http", "https"):
        new_protocol = "http" if facts.local else "https"
    new_endpoint = endpoint
    if path:
        new_endpoint = path + (endpoint if endpoint.startswith("/") and endpoint != path
                               and not endpoint.startswith(path) else "")
        if new_endpoint.endswith("/v1"):
            new_endpoint += "/chat/completions"
    if new_endpoint and not new_endpoint.startswith("/"):
        new_endpoint = "/" + new_endpoint
    if (name, new_protocol, new_endpoint) == (host, protocol or new_protocol, endpoint):
        return None
    kind = (facts.backend_type or "").lower().removeprefix("gptel-")
    if kind not in _CONSTRUCTORS:
        kind = "openai"
    label = _lisp_string(redact(facts.backend_name or "NAME"))
    parts = [f"(gptel-make-{kind} {label}", f":host {_lisp_string(name)}",
             f":protocol {_lisp_string(new_protocol)}"]
    if new_endpoint:
        parts.append(f":endpoint {_lisp_string(new_endpoint)}")
    return " ".join(parts) + " …)"


def _proxy_where(facts: Facts) -> str:
    """Which of `PROXY_WHERE` says where the request's proxy is set."""
    if facts.proxy:
        return "gptel-proxy-host" if facts.proxy_host else "gptel-proxy"
    if facts.proxied and facts.env_proxy and not facts.proxy_host:
        return "env"
    return "curl" if facts.proxied else "unknown"


def provider_message(facts: Facts) -> str | None:
    """The failure's own message, redacted, on one line and bounded; None if it has none."""
    # Redact before cutting: a cut could leave a key too short to be recognised.
    message = " ".join(redact(facts.message).split())
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    return message or None


def placeholders(facts: Facts, locale: str, message: str | None) -> _Placeholders:
    provider = lookup(facts.provider)
    name = (
        provider.name if provider and facts.provider != "local" else facts.backend_name
    ) or (display_name(facts.provider) if facts.provider else None)
    wait = _format_wait(facts.retry_after) if facts.retry_after is not None else ""
    unknown = {key for key, value in (
        ("keys_url", provider and provider.keys_url),
        ("billing_url", provider and provider.billing_url),
        ("usage_url", provider and provider.usage_url),
        ("status_url", provider and provider.status_url),
        ("models_url", provider and provider.models_url),
        ("key_env", provider and provider.key_env),
        ("start_command", START_COMMANDS.get(facts.provider or "")),
        ("message", message),
        ("status", facts.http),
    ) if value is None}

    def fill(template: str) -> str:
        text = i18n.gettext(locale, template)
        return text.format_map(values) if values.knows(text) else text.format_map(
            {**STAND_INS, **values})

    def key_where() -> str:
        template = KEY_WHERE.get(facts.key_source or "")
        if template and values.knows(i18n.gettext(locale, template)):
            return redact(fill(template))
        return i18n.gettext(locale, KEY_WHERE_UNKNOWN)

    def optional(value: str | None) -> str | None:
        return redact(value) if value else None

    # Secrets can only come in through the values taken from the request (templates,
    # provider pages and commands are ours): those are redacted, on first use.
    values = _Placeholders(
        {
            "provider": lambda: optional(name),
            "backend": lambda: optional(facts.backend_name or name),
            "model": lambda: optional(facts.model),
            "model_arg": lambda: optional(facts.model),
            "host": lambda: optional(facts.host),
            "closest_model": lambda: optional(closest_model(facts)),
            "key_where": key_where,
            "key_provider": lambda: display_name(facts.foreign_key) if facts.foreign_key
            else None,
            "backend_form": lambda: optional(corrected_backend(facts)),
            "proxy_host": lambda: optional(facts.proxy_host),
            "env_proxy": lambda: optional(facts.env_proxy),
            "proxy_where": lambda: redact(fill(PROXY_WHERE[_proxy_where(facts)])),
            "gptel_version": lambda: optional(facts.gptel_version),
        },
        unknown,
        message=message or STAND_INS["message"],
        status=str(facts.http) if facts.http is not None else STAND_INS["status"],
        exit=str(facts.curl) if facts.curl is not None else "?",
        wait=wait,
        wait_clause=i18n.gettext(locale, WAIT_CLAUSE).format(wait=wait) if wait else "",
        keys_url=(provider and provider.keys_url) or STAND_INS["keys_url"],
        billing_url=(provider and provider.billing_url) or STAND_INS["billing_url"],
        usage_url=(provider and provider.usage_url) or STAND_INS["usage_url"],
        status_url=(provider and provider.status_url) or STAND_INS["status_url"],
        models_url=(provider and provider.models_url) or STAND_INS["models_url"],
        key_env=(provider and provider.key_env) or STAND_INS["key_env"],
        start_command=START_COMMANDS.get(facts.provider or "", STAND_INS["start_command"]),
        intended_host=facts.host_typo or "",
        curl_meaning=curl_meaning(facts.curl, locale),
        status_clause=f", HTTP {facts.http}" if facts.http is not None else "",
    )
    return values


def _fill(template: str, values: _Placeholders) -> str:
    return template.format_map(values)


_URL = re.compile(r"^https?://\S+$")


# Values only the context can give: a fix that needs one is left out when it is unknown.
CONTEXT_VALUES = frozenset({"closest_model", "key_provider", "backend_form", "proxy_host",
                            "env_proxy", "gptel_version"})


def _needs_unknown(spec: FixSpec, values: _Placeholders) -> bool:
    for template in (spec.title, spec.value, spec.command, spec.url):
        if template and values.unknown_in(template) & CONTEXT_VALUES:
            return True
    return False


def _fixes(rule: Rule, values: _Placeholders, texts: i18n.RuleText
           ) -> list[tuple[FixSpec, Fix]]:
    fixes = []
    for index, spec in enumerate(rule.fixes):
        if _needs_unknown(spec, values):
            continue
        url = _fill(spec.url, values) if spec.url else None
        fix = Fix(
            title=_fill(texts.fix_title(index, spec.title), values),
            applicability=spec.applicability,
            variable=spec.variable,
            value=_fill(spec.value, values) if spec.value else None,
            command=_fill(spec.command, values) if spec.command else None,
            url=url if url and _URL.match(url) else None,
        )
        fixes.append((spec, fix))
    return fixes


def next_step(rule: Rule, fixes: list[tuple[FixSpec, Fix]], values: _Placeholders,
              locale: str) -> str:
    """The one thing to do next: nothing when a fix is a setq (the companion shows it), else
    the rule's first next step whose values are all known, else the first fix that opens a
    page or names a command.  Never a stand-in ("your provider's billing page")."""
    if any(fix.variable and fix.value for _spec, fix in fixes):
        return ""
    for template in rule.next_step:
        text = i18n.gettext(locale, template)
        if values.knows(text):
            return " ".join(_fill(text, values).split())
    for spec, fix in fixes:
        if fix.url:
            return i18n.gettext(locale, NEXT_FROM_URL).format(title=fix.title, url=fix.url)
        if fix.command and spec.command and values.knows(spec.command):
            return i18n.gettext(locale, NEXT_FROM_COMMAND).format(title=fix.title,
                                                                 command=fix.command)
    return ""


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
    fixes = _fixes(rule, values, texts)
    return Diagnosis(
        category=rule.category,
        rule=rule.code,
        rule_name=rule.name,
        severity=rule.severity,
        summary=" ".join(_fill(texts.summary, values).split()),
        explanation=_fill(texts.explanation, values),
        steps=[_fill(step, values) for step in texts.steps],
        fixes=[fix for _spec, fix in fixes],
        docs=_docs(rule, values),
        retryable=rule.retryable,
        retry_after=facts.retry_after if rule.retryable else None,
        provider=redact(facts.provider) if facts.provider else None,
        key_env=_key_env(facts.provider),
        locale=locale,
        provider_message=message,
        next_step=next_step(rule, fixes, values, locale),
        confidence=CONFIDENCE[rule.code],
    )
