"""Classification: params in, diagnosis out.  Pure: no I/O, no threads; only memo tables."""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from string import Formatter
from typing import Any

from . import cues, i18n
from .curl import meaning as curl_meaning
from .facts import CONDITIONS, GPTEL_TEXT, Facts, Test, host_is_public, read_facts
from .logged import with_logged_body
from .protocol import Confidence, DiagnoseParams, Diagnosis, Fix
from .providers import (
    LOG_COMMANDS,
    SITES,
    START_COMMANDS,
    Code,
    Provider,
    display_name,
    lookup,
    marked,
    site,
)
from .providers.record import host_and_port, host_name, without_scheme
from .redact import redact
from .rules import BY_CODE, CONFIDENCE, PRECEDENCE, documented, words
from .rules.base import FixSpec, Match, Rule, Tier, compile_condition
from .rules.common import (
    LOCAL_SERVERS,
    LOG_REQUESTS,
    PLAIN_ANSWER_TO_TLS,
    SCHEME_TYPO,
    TLS_READ_PLAIN,
)

MAX_MESSAGE = 240
WAIT_CLAUSE = i18n.N_("Wait {wait}, then resend.")
# When the provider names the time its limit resets rather than a wait.
RESET_CLAUSE = i18n.N_("Reset time: {reset}, as the message gives it; resend after that.")
N_ = i18n.N_
# A wait, by its size: hours, minutes, seconds.
WAIT_UNITS = (N_("{n} h"), N_("{n} min"), N_("{n} s"))
# The status after a text that names something else first: "(curl 22, HTTP 404)".
STATUS_CLAUSE = N_(", HTTP {status}")
# How a guess from the status alone says where the provider's reason is: in its own words,
# when gptel showed them (logging would show the same words again), else in the body, which
# gptel-log-level 'info logs.
OWN_WORDS_CLAUSE = N_("its own words: \"{words}\"")
LOG_TO_SEE_CLAUSE = N_("to see its own reason, set gptel-log-level to 'info and resend")
# The same when the answer had no body: only its headers can say more.
HEADERS_TO_SEE_CLAUSE = N_("its answer had no body, so only its headers, seen in a curl "
                           "replay, can say more")
# How to read an answer whose words nothing here shows.
LOG_TO_READ_CLAUSE = N_("set gptel-log-level to 'info and resend to read its answer")
# How much of the provider's words the clause quotes.
MAX_WORDS = 100
# An error page's title, from the body the companion read, after an explanation.
PAGE_TITLE_CLAUSE = N_(" The page's title: \"{title}\".")
_PAGE_TITLE = re.compile(r"<title[^>]*>\s*([^<]{1,300}?)\s*</title>", re.IGNORECASE)


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
    return lambda facts: (getattr(facts, name) == wanted) is not negated


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
TierRules = tuple[tuple[Rule, tuple[tuple[Check, ...], ...]], ...]
Candidates = tuple[TierRules, ...]
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


# The documented-code stage runs just before the tier named here: a code or message the
# provider documents before the first tier that reads the provider's message, a status it
# documents (`Code.evidence` 2) before the one that reads the status alone.
DOCUMENTED_STAGE = {0: "cause", 1: "cause", 2: "status"}
# The rule that states a documented code's meaning, per category (`rules.documented`).
DOCUMENTED_RULES = documented.BY_CATEGORY


@dataclass(frozen=True)
class Selection:
    """The rule that explains a failure, and the provider's documented code it rests on."""

    rule: Rule
    documented: Code | None = None


def _record(facts: Facts) -> Provider | None:
    """FACTS's provider record, with the pages of the site its backend's host is on."""
    provider = lookup(facts.provider)
    return provider.at(facts.host) if provider else None


def _answering_record(facts: Facts) -> Provider | None:
    """`_record`, unless the provider is only assumed from the protocol (a relay speaking its
    API, `Facts.provider_assumed`): then not who answered, so none of its pages or its key."""
    return None if facts.provider_assumed else _record(facts)


def _key_env(facts: Facts, answering: Provider | None) -> str | None:
    """The environment variable the key is read from: the one the backend's :key function
    names, else the answering provider's usual one (none for a provider only assumed)."""
    return facts.key_env or (answering.key_env if answering else None)


# A relay (One-API, New-API) has no host of its own and a gptel backend for it says
# `openai`: its codes and messages, which no provider sends, are tried after the provider's.
_RELAY = lookup("relay")


def documented_code(facts: Facts) -> Code | None:
    """The code FACTS's provider documents for this failure, if it documents one (or, for a
    backend that may be a relay, the code a relay documents)."""
    provider = lookup(facts.provider)
    code = provider.documented(facts.codes, facts.http, facts.text) if provider else None
    if code is None and _RELAY is not None and provider is not _RELAY and not facts.local:
        code = _RELAY.documented(facts.codes, facts.http, facts.text)
    # A provider's error passed on by a client or relay, known by its own words.
    for other in marked(facts.text) if code is None else ():
        if other is not provider:
            code = other.documented(facts.codes, facts.http, facts.text)
            if code is not None:
                break
    return code


def _first(facts: Facts, rules: TierRules) -> Rule | None:
    """The first of one tier's RULES (with their clauses' checks) that applies to FACTS."""
    for rule, clauses in rules:
        # Plain loops: this is the hot path, and generators cost a third more here.
        for checks in clauses:
            for check in checks:
                if not check(facts):
                    break
            else:
                return rule
    return None


def _walk(facts: Facts, tiers: Iterable[tuple[Tier, TierRules]]) -> tuple[Tier, Rule]:
    for tier, rules in tiers:
        rule = _first(facts, rules)
        if rule is not None:
            return tier, rule
    raise AssertionError("the catalogue must end with a rule that always applies")


# The tiers whose rules read the provider's code or message.
MESSAGE_TIERS = frozenset({"cause", "class"})
# Narrower categories a message may name within a documented code's broader one: Anthropic's
# authentication_error covers a missing key and a browser origin it will not serve ("CORS
# requests must set ... header"), Bedrock's ValidationException a prompt too long.
REFINES: dict[str, frozenset[str]] = {
    "auth.invalid_key": frozenset({"auth.missing_key", "auth.permission"}),
    "auth.permission": frozenset({"auth.missing_key", "auth.invalid_key", "model.not_found"}),
    "request.invalid_parameter": frozenset({"request.context_length", "model.not_found",
                                            "request.streaming_unsupported",
                                            "auth.permission"}),
    "rate_limit": frozenset({"request.context_length"}),
}
# Documented codes whose message names the parameter at fault, which a precise rule fixes.
NAMES_ITS_PARAMETER = frozenset({"request.invalid_parameter"})


def _written_for(rule: Rule, provider: str | None) -> bool:
    """Whether one of RULE's clauses names PROVIDER: the rule is written with it in mind."""
    return any(provider in (when.wanted("provider") or ()) for when in rule.whens)


def _through_proxy(rule: Rule) -> bool:
    """Whether RULE is written for a request that went through a proxy: the documented
    meaning, said for the address the provider saw (the proxy's)."""
    return all(when.wanted("proxied") is True for when in rule.whens)


def _explaining(code: Code, facts: Facts, tier: Tier, matched: Rule) -> Rule:
    """The rule that explains the documented CODE.

    MATCHED, the rule the tiers would pick (from TIER), when it says more than the code: a
    precise cause the message names within the code's broader category (`REFINES`), a rule
    of the code's category written for this provider (Gemini's daily quota) or for a
    request sent through a proxy (a region refused: the proxy's exit), or, for a
    refused parameter, the precise-cause rule for the one the message names (temperature,
    streaming, max_tokens), which carries its fix.  Else the rule the code's record names,
    else the rule that states the code's documented meaning.
    """
    if tier.name in MESSAGE_TIERS and (
            (matched.category in REFINES.get(code.category, ())
             # A key the companion says was set is not missing: the server did not take
             # what it was sent, which is the documented meaning.
             and not (matched.category == "auth.missing_key" and facts.has_key is True))
            or (matched.category == code.category
                and (_written_for(matched, facts.provider) or _through_proxy(matched)
                     or (tier.name == "cause" and code.category in NAMES_ITS_PARAMETER)))):
        return matched
    if code.rule:
        return BY_CODE[code.rule]
    return DOCUMENTED_RULES[code.category]


# The tier whose rules say the request never got an answer (or the connection broke).
_CONNECTION_TIER = next(index for index, tier in enumerate(PRECEDENCE)
                        if tier.name == "connection")
_STATUS_TIER = next(index for index, tier in enumerate(PRECEDENCE) if tier.name == "status")


# The connection rules that say no answer came at all: a connect that timed out, a local
# server not listening, a connection error whose reason was dropped.
_NO_ANSWER_RULES = frozenset({"NET003", "NET004", "NET013"})


def _no_answer(facts: Facts) -> Rule | None:
    """The first of `_NO_ANSWER_RULES` (connection tier, then status tier) FACTS meets."""
    found = candidates(facts)
    for index in (_CONNECTION_TIER, _STATUS_TIER):
        rule = _first(facts, tuple((rule, clauses) for rule, clauses in found[index]
                                   if rule.code in _NO_ANSWER_RULES))
        if rule is not None:
            return rule
    return None


def _unanswered(facts: Facts) -> bool:
    """Whether a rule of the connection tier explains FACTS: no answer came to read."""
    return _first(facts, candidates(facts)[_CONNECTION_TIER]) is not None


def classify(facts: Facts) -> Selection:
    """The rule that explains FACTS: the first listed in `rules.PRECEDENCE` that applies,
    unless the provider documents the failure (`documented_code`) first.

    Tiers are tried in order, so the documented-code stage fits between two of them
    (`DOCUMENTED_STAGE`): after the setup tier, whose rules hold whatever the answer, and
    before the rules that read the provider's message.  The last tier is a catch-all.
    """
    code = documented_code(facts)
    hedged = cues.hedged(facts.text)
    if code is not None and code.evidence == 1 and not facts.answered and _unanswered(facts):
        # Words alone, and nothing came back: a documented message quoted by a client that
        # never reached the provider ("set api key error: ... CERTIFICATE_VERIFY_FAILED")
        # is the client's, not the provider's answer.
        code = None
    if code is not None and code.evidence == 1 and hedged:
        # Nor is a client's hint that names it as one of two causes.
        code = None
    tiers = list(zip(PRECEDENCE, candidates(facts), strict=True))
    if code is None or not (code.rule or code.category in DOCUMENTED_RULES):
        found, matched = _walk(facts, tiers)
        if found.name in MESSAGE_TIERS and hedged:
            # A client's guess between two causes names neither: the status says what it can.
            _found, matched = _walk(facts, ((tier, rules) for tier, rules in tiers
                                            if tier.name in WORDLESS_TIERS))
            return Selection(matched)
        if found.name in MESSAGE_TIERS and not facts.answered:
            # Nothing came back, and the text shows why ("dial tcp ...: connectex: ... did
            # not properly respond", "Connection error."): a client's words around it
            # ("Invalid API key") are its guess, not the provider's answer.
            no_answer = _no_answer(facts)
            if no_answer is not None:
                return Selection(no_answer)

        return _words(facts, found, Selection(matched))
    stage = DOCUMENTED_STAGE[code.evidence]
    for index, (tier, rules) in enumerate(tiers):
        if tier.name == stage:
            found, matched = _walk(facts, tiers[index:])
            selection = Selection(_explaining(code, facts, found, matched), code)
            # A documented status says no more than the status itself.
            return _words(facts, found, selection) if code.evidence == 2 else selection
        rule = _first(facts, rules)
        if rule is not None:
            return Selection(rule)
    raise AssertionError("the catalogue must end with a rule that always applies")


# The tiers that read no words: the status alone, or nothing.
WORDLESS_TIERS = frozenset({"status", "fallback"})
# The rule that states what the words point to, per category (`rules.words`).
WORDS_RULES: dict[str, Rule] = {rule.category: rule for rule in words.RULES}


def _words(facts: Facts, tier: Tier, selection: Selection) -> Selection:
    """SELECTION, or the words stage's rule when SELECTION came from TIER, one that reads no
    words, and the error's words (not curl's) point to one other category its status allows
    (`cues`)."""
    if tier.name not in WORDLESS_TIERS or (facts.curl is not None and facts.http is None):
        # curl's own words ("FTP access denied") are not the provider's.
        return selection
    category = cues.reading(facts.text, facts.http, selection.rule.category)
    if category is None or category not in WORDS_RULES:
        return selection
    return Selection(WORDS_RULES[category])


def select(facts: Facts) -> Rule:
    """The rule that explains FACTS (see `classify`)."""
    return classify(facts).rule


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
    from the request, which must be redacted (few templates use most of them).  A value not
    known for this failure (a lazy one that returns None, or one in UNKNOWN) renders as its
    stand-in from `STAND_INS` in a text (STAND_INS, in the failure's language), but bars a
    next step or a fix that needs it: see `knows`.
    """

    def __init__(self, lazy: dict[str, Callable[[], str | None]], unknown: set[str],
                 stand_ins: dict[str, str] | None = None, **values: str) -> None:
        super().__init__(values)
        self.lazy = lazy
        self.unknown = set(unknown)
        self.stand_ins = STAND_INS if stand_ins is None else stand_ins

    def __missing__(self, key: str) -> str:
        make = self.lazy.get(key)
        if make is None:
            return "{" + key + "}"
        value = make()
        if value is None:
            self.unknown.add(key)
            value = self.stand_ins.get(key, "")
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
# Translated like any other text (`stand_ins`), except the two that stand for code.
STAND_INS: dict[str, str] = {
    "provider": N_("the provider"),
    "backend": N_("the backend"),
    "model": N_("the model"),
    "model_arg": "MODEL",
    "host": N_("the backend's host"),
    "base_url": N_("the backend's URL"),
    "console_url": N_("your provider's console"),
    "keys_url": N_("your provider's API key page"),
    "billing_url": N_("your provider's billing page"),
    "usage_url": N_("your provider's usage page"),
    "status_url": N_("your provider's status page"),
    "models_url": N_("your provider's model list"),
    "key_env": "API_KEY",
    "start_command": N_("start the server"),
    "message": N_("(no message)"),
    "status": N_("no HTTP status"),
    "http_status": N_("no HTTP status"),
    "gptel_version": N_("this version"),
    "deployment": N_("named in :endpoint"),
}


# Where a status would be, for an error the provider sent inside its stream.
MID_STREAM = N_("in the middle of its streamed answer")


_DEPLOYMENT = re.compile(r"/deployments/([^/?#]+)")


def _azure_deployment(endpoint: str | None) -> str | None:
    """The deployment an Azure :endpoint names ("/openai/deployments/NAME/..."), or None."""
    match = _DEPLOYMENT.search(endpoint or "")
    return match.group(1) if match else None


def stand_ins(locale: str) -> dict[str, str]:
    """`STAND_INS` in LOCALE."""
    return {key: i18n.gettext(locale, text) for key, text in STAND_INS.items()}


def provider_name(provider: Provider | None, facts: Facts, locale: str) -> str | None:
    """What to call the provider in LOCALE: its record's name (in Chinese, its Chinese name),
    else the backend's own name; None when neither is known.  A provider only assumed from
    the protocol (`Facts.provider_assumed`) is called by the backend's name, or its host."""
    if facts.provider_assumed and (facts.backend_name or facts.host):
        return facts.backend_name or facts.host
    if provider is not None and facts.provider != "local":
        return provider.name_zh if locale == "zh" and provider.name_zh else provider.name
    return facts.backend_name or (display_name(facts.provider) if facts.provider else None)


def provider_pages(provider: Provider | None) -> dict[str, str | None]:
    """The record's pages, each falling back to the nearest it has: its console stands in
    for a missing key, billing or usage page."""
    if provider is None:
        return {}
    console = provider.console_url
    billing = provider.billing_url or console
    return {
        "console_url": console,
        "keys_url": provider.keys_url or console,
        "billing_url": billing,
        "usage_url": provider.usage_url or billing,
        "status_url": provider.status_url,
        "models_url": provider.models_url,
    }


def _meaning(code: Code | None, locale: str) -> str:
    """CODE's documented meaning in LOCALE, without its final full stop."""
    if code is None:
        return ""
    text = (code.meaning_zh if locale == "zh" else code.meaning).strip().rstrip(".。")
    # Every template names the meaning after a colon: "…: the plan's usage cap …", while
    # an initialism keeps its capitals ("API key …").
    if locale != "zh" and text[:1].isupper() and text[1:2].islower():
        text = text[0].lower() + text[1:]
    return text

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
# A :key function reads the environment, but which variable it does not say literally.
KEY_WHERE_ENV = i18n.N_("the environment variable that the backend's :key reads")
# Where gptel may have got the key, every place named, for a step that has room for them
# when the companion did not say which (`key_from`).
KEY_FROM_UNKNOWN = i18n.N_("the backend's :key, or gptel-api-key, or the auth-source entry "
                           "`machine {host} login apikey password KEY` in ~/.authinfo(.gpg)")
PROXY_WHERE: dict[str, str] = {
    "gptel-proxy-host": i18n.N_("gptel-proxy ({proxy_host})"),
    "gptel-proxy": i18n.N_("gptel-proxy"),
    "unknown": i18n.N_("gptel-proxy, gptel-curl-extra-args or the https_proxy environment "
                       "variable"),
    "curl": i18n.N_("the --proxy argument in gptel-curl-extra-args or the backend's "
                    ":curl-args"),
    "env": i18n.N_("the environment variable {env_proxy}"),
}
# The next step an ask fix stands for, said as the user would take it by hand: the echo line
# names no fix that is not a setq.
NEXT_FROM_ASK: dict[str, str] = {
    "model": i18n.N_("Choose another model (M-x gptel-menu, then -m)"),
    "backend": i18n.N_("Switch model or backend for now (M-x gptel-menu)"),
    # Its address is the user's: the details buffer's fix asks for it.
    "proxy": i18n.N_("Send gptel's requests through a proxy (gptel-proxy: the details "
                     "buffer's fix asks for its address)"),
}
NEXT_FROM_URL = i18n.N_("{title}: {url}")
NEXT_FROM_COMMAND = i18n.N_("{title}: {command}")

# gptel's constructors, by the kind of backend they make.
_CONSTRUCTORS = frozenset({"openai", "openai-responses", "anthropic", "ollama", "gemini",
                           "azure", "kagi",
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


def _nearest(wanted: str, names: list[str]) -> str:
    """The name among NAMES (not empty) nearest to WANTED, ignoring case."""
    near = difflib.get_close_matches(wanted.lower(), [n.lower() for n in names], n=1,
                                     cutoff=0.0)
    return next(n for n in names if n.lower() == near[0])


def closest_model(facts: Facts) -> str | None:
    """The model to offer instead of the one the backend refused: the nearest name in the
    backend's :models, else in the models the error lists; None when there is none.  Not
    one the backend refused earlier in the session: the two would be offered in turn."""
    wanted = (facts.model or "").lower()
    refused = {name.lower() for name in facts.refused_models}
    for pool in (facts.models, tuple(_listed_models(facts.text))):
        names = [name for name in dict.fromkeys(pool)
                 if _MODEL_NAME.match(name) and name.lower() != wanted
                 and name.lower() not in refused]
        if not names:
            continue
        return _nearest(wanted, names) if wanted else names[0]
    return None


# A model's size in billions of parameters, as its name gives it: "llama3.1:8b", "qwen2.5:0.5b",
# "gemma3n:e4b", "mixtral:8x7b" (8 experts of 7b).
_MODEL_SIZE = re.compile(r"(?<![a-z0-9.])(?:(\d+)x)?e?(\d+(?:\.\d+)?)b(?![a-z0-9])")


def _model_size(name: str) -> float | None:
    match = _MODEL_SIZE.search(name.lower())
    if not match:
        return None
    return float(match.group(1) or 1) * float(match.group(2))


def _nearest_listed(facts: Facts, keep: Callable[[str], bool]) -> str | None:
    """The name nearest to the model asked for among the backend's :models that KEEP takes."""
    names = [name for name in dict.fromkeys(facts.models) if _MODEL_NAME.match(name)
             and keep(name)]
    return _nearest(facts.model or "", names) if names else None


def smaller_model(facts: Facts) -> str | None:
    """A model of the backend's :models smaller than the one that ran out of room, by the size
    both names give (the nearest name among those smaller); None when a name gives none."""
    size = _model_size(facts.model or "")
    if size is None:
        return None
    return _nearest_listed(facts, lambda name: (_model_size(name) or size) < size)


def free_tier_model(facts: Facts) -> str | None:
    """A Flash model of the backend's :models, for a Gemini model the free tier leaves out:
    the nearest name to the one refused ("gemini-2.5-pro" -> "gemini-2.5-flash").  Not an
    image, speech or live variant, which do not answer chat."""
    return _nearest_listed(facts, lambda name: "flash" in name.lower() and name != facts.model
                           and not re.search(r"image|tts|audio|live|embedding", name.lower()))


def _lisp_string(text: str) -> str:
    """TEXT as an Elisp string literal (only \\ and \" are escaped, as Elisp reads them)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _intended_host(facts: Facts) -> str | None:
    """The API host the backend's :host stood for: a misspelt one's (ENDP002), or the one a
    provider's website or console in :host meant (ENDP008)."""
    return facts.host_typo or facts.host_website


def corrected_backend(facts: Facts, protocol_wanted: str | None = None) -> str | None:
    """The `gptel-make-…` call with :host, :protocol and :endpoint put right, or None when
    they look right (a display-only snippet: the user edits their own definition).

    PROTOCOL_WANTED is the scheme the server's answer asked for ("http" from a TLS error
    against a plain server, "https" from a TLS port's page), whatever :protocol says."""
    # Redacted before they are taken apart and quoted: a key pasted into :host or
    # :endpoint must not survive in pieces the redaction cannot recognise.
    host, endpoint = redact(facts.host), redact(facts.endpoint).strip()
    protocol = redact(facts.protocol).strip().lower().rstrip(":/")
    if not host:
        return None
    # "http//HOST" and "https:/HOST" meant a scheme.
    host = re.sub(SCHEME_TYPO, r"\1://", host, flags=re.IGNORECASE)
    scheme, _sep, rest = host.rpartition("://")
    scheme = scheme.lower()
    name, slash, path = rest.partition("/")
    name = name or host
    path = (slash + path).rstrip("/")
    # A host its provider shut down: the one that replaced it, with its path, over HTTPS
    # whatever the old one was reached with.
    moved = _moved_to(facts)
    if moved:
        name, path = moved
        endpoint = ""
        protocol_wanted = "https"
    elif intended := _intended_host(facts):
        # A provider's API, which it serves over HTTPS whatever scheme the wrong host had.
        name = intended
        protocol_wanted = protocol_wanted or "https"
    new_protocol = protocol_wanted or scheme or protocol or ""
    if new_protocol not in ("http", "https"):
        new_protocol = "http" if facts.local else "https"
    new_endpoint = endpoint
    if path:
        new_endpoint = path + (endpoint if endpoint.startswith("/") and endpoint != path
                               and not endpoint.startswith(path) else "")
    if new_endpoint.endswith("/v1"):
        new_endpoint += "/chat/completions"
    kind = _backend_kind(facts)
    # A backend that sends Chat Completions requests, on a Responses path.
    if "responses" not in kind and re.search(r"/responses/?$", new_endpoint):
        new_endpoint = re.sub(r"/responses/?$", "/chat/completions", new_endpoint)
    # OpenAI's /v1 before Ollama's own path ("/v1/api/chat").
    if kind == "ollama" or (not kind and facts.provider == "ollama"):
        new_endpoint = re.sub(r"^(?:/v1)+(?=/api/)", "", new_endpoint)
    if new_endpoint and not new_endpoint.startswith("/"):
        new_endpoint = "/" + new_endpoint
    if (name, new_protocol, new_endpoint) == (host, protocol or new_protocol, endpoint):
        return None
    if kind not in _CONSTRUCTORS:
        # Ollama's own path is gptel-make-ollama's: gptel-make-openai cannot read its answer.
        native = facts.provider == "ollama" and new_endpoint.startswith("/api/")
        kind = "ollama" if native else "openai"
    return _backend_call(facts, kind, name, new_protocol, new_endpoint)


def _backend_kind(facts: Facts) -> str:
    """The backend's kind as gptel names its constructor ("openai" for `gptel-openai`), or ""
    when the companion did not say."""
    return (facts.backend_type or "").lower().removeprefix("gptel-")


def _backend_call(facts: Facts, kind: str, host: str, protocol: str | None,
                  endpoint: str | None) -> str:
    """The `(gptel-make-KIND "NAME" :host … …)` call for FACTS's backend with HOST, PROTOCOL
    and ENDPOINT (an empty one left out), its other keywords elided."""
    parts = [f"(gptel-make-{kind} {_lisp_string(redact(facts.backend_name or 'NAME'))}",
             f":host {_lisp_string(host)}"]
    if protocol:
        parts.append(f":protocol {_lisp_string(protocol)}")
    if endpoint:
        parts.append(f":endpoint {_lisp_string(endpoint)}")
    return " ".join(parts) + " …)"


# Vertex AI's regional host ("us-central1-aiplatform.googleapis.com"), and the location in
# its paths ("/projects/P/locations/us-central1/...").
_VERTEX_REGIONAL_HOST = re.compile(
    r"^(?:https?://)?([a-z]+-[a-z]+\d+)-aiplatform\.googleapis\.com(?=[:/]|$)", re.IGNORECASE)
_VERTEX_LOCATION = re.compile(r"(/locations/)(?!global/)[a-z]+-[a-z]+\d+(?=/)", re.IGNORECASE)


def vertex_global_backend(facts: Facts) -> str | None:
    """The `gptel-make-…` call with a regional Vertex AI :host and :endpoint moved to the
    global location (host aiplatform.googleapis.com, locations/global), or None when the
    backend is not at a Vertex region.  Display-only, as `corrected_backend` is."""
    host, endpoint = redact(facts.host).strip(), redact(facts.endpoint).strip()
    if not _VERTEX_REGIONAL_HOST.match(host):
        return None
    kind = _backend_kind(facts)
    if kind not in _CONSTRUCTORS:
        kind = "openai"
    return _backend_call(facts, kind, "aiplatform.googleapis.com", None,
                         _VERTEX_LOCATION.sub(r"\1global", endpoint))


def _moved_to(facts: Facts) -> tuple[str, str] | None:
    """The host and path that replaced the backend's shut-down API host (`Facts.host_retired`),
    from its provider's record; None for a host still served."""
    record = _record(facts)
    return record.moved_to if facts.host_retired and record else None


def _moved_to_url(facts: Facts) -> str | None:
    """The URL that replaced the backend's shut-down API host."""
    moved = _moved_to(facts)
    return f"https://{moved[0]}{moved[1]}" if moved else None


def _proxy_where(facts: Facts) -> str:
    """Which of `PROXY_WHERE` says where the request's proxy is set."""
    if facts.proxy:
        return "gptel-proxy-host" if facts.proxy_host else "gptel-proxy"
    if facts.proxied and facts.env_proxy and not facts.proxy_host:
        return "env"
    return "curl" if facts.proxied else "unknown"


def _clip(text: str, limit: int) -> str:
    """TEXT cut to LIMIT characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _one_line(text: str, limit: int) -> str:
    """TEXT redacted, on one line, and cut to LIMIT characters."""
    # Redact before cutting: a cut could leave a key too short to be recognised.
    return _clip(" ".join(redact(text).split()), limit)


def provider_message(facts: Facts) -> str | None:
    """The failure's own message, redacted, on one line and bounded; None if it has none."""
    return _one_line(facts.message, MAX_MESSAGE) or None


def placeholders(facts: Facts, locale: str, message: str | None,
                 code: Code | None = None, category: str | None = None,
                 page_title: str | None = None) -> _Placeholders:
    """The values templates may name, for FACTS in LOCALE; CODE is the provider's documented
    code the diagnosis rests on, if any, and CATEGORY the diagnosis's category.  Provider
    values come from the identified record."""
    provider = _record(facts)
    name = provider_name(provider, facts, locale)
    wait = _format_wait(facts.retry_after, locale) if facts.retry_after is not None else ""
    # A provider assumed from the protocol is not the one answering: its pages would send
    # the user to another company's console.
    answering = _answering_record(facts)
    pages = provider_pages(answering)
    key_env = _key_env(facts, answering)
    stand = stand_ins(locale)
    unknown = {key for key, value in (
        *((key, pages.get(key)) for key in ("console_url", "keys_url", "billing_url",
                                             "usage_url", "status_url", "models_url")),
        ("key_env", key_env),
        ("start_command", START_COMMANDS.get(facts.provider or "")),
        ("message", message),
        ("status", facts.http),
        ("http_status", facts.http),
    ) if value is None}

    # An error event inside a stream came after the answer's 200: it has no status of its
    # own, and saying "no HTTP status" would suggest that nothing answered.
    no_status = (i18n.gettext(locale, MID_STREAM) if "stream_error" in facts.gptel
                 else stand["status"])

    def fill(template: str) -> str:
        text = i18n.gettext(locale, template)
        return text.format_map(values) if values.knows(text) else text.format_map(
            {**stand, **values})

    def key_where() -> str:
        template = KEY_WHERE.get(facts.key_source or "")
        if template and values.knows(i18n.gettext(locale, template)):
            return redact(fill(template))
        return i18n.gettext(locale, KEY_WHERE_ENV if facts.key_source == "env"
                            else KEY_WHERE_UNKNOWN)

    def key_from() -> str:
        # The same place, but every place gptel reads when the companion did not say which.
        if facts.key_source in KEY_WHERE:
            return key_where()
        return redact(fill(KEY_FROM_UNKNOWN))

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
            # The Azure deployment gptel-make-azure's :endpoint names.
            "deployment": lambda: optional(_azure_deployment(facts.endpoint)),
            # Where the backend's requests go, as curl would be given it (gptel's default
            # :protocol is https).
            "base_url": lambda: optional(f"{facts.protocol or 'https'}://{facts.host}")
            if facts.host else None,
            "closest_model": lambda: optional(closest_model(facts)),
            "smaller_model": lambda: optional(smaller_model(facts)),
            "free_tier_model": lambda: optional(free_tier_model(facts)),
            # How to read a local server's log, when its record says.
            "log_command": lambda: LOG_COMMANDS.get(facts.provider or ""),
            "key_where": key_where,
            "key_from": key_from,
            "key_provider": lambda: display_name(facts.foreign_key) if facts.foreign_key
            else None,
            "backend_form": lambda: optional(corrected_backend(facts)),
            # The same, with the scheme the server asked for (ENDP003, ENDP005).
            "backend_form_http": lambda: optional(corrected_backend(facts, "http")),
            "backend_form_https": lambda: optional(corrected_backend(facts, "https")),
            # The same over plain HTTP, for a TLS error that reads a plain answer from a
            # server of the user's own (NET005): an address or a port no provider's API has.
            "backend_form_plain": lambda: optional(corrected_backend(facts, "http"))
            if _plain_server(facts) else None,
            # A regional Vertex AI backend moved to the global location (MODEL010).
            "vertex_global_form": lambda: optional(vertex_global_backend(facts)),
            # Where a shut-down API host's requests go now (ENDP006), from the record.
            "moved_to_url": lambda: _moved_to_url(facts),
            "proxy_host": lambda: optional(facts.proxy_host),
            "unproxied_host": lambda: optional(_unproxied(facts)),
            # gptel-max-tokens's value, when it (not :request-params) set max_tokens.
            "max_tokens": lambda: optional(
                str(facts.max_tokens) if facts.max_tokens is not None
                and facts.max_tokens_source != "model" else None),
            # What gptel sends with gptel-max-tokens nil, for a backend kind that sends one
            # (Anthropic's 4096), and a longer answer to ask for in its place.
            "default_max_tokens": lambda: _count(facts.default_max_tokens),
            "longer_tokens": lambda: _longer(facts),
            "explicit_tokens": lambda: _explicit(facts),
            # That default, where setting gptel-max-tokens to nil would lower the length.
            "lower_default": lambda: _lower_default(facts),
            "env_proxy": lambda: optional(facts.env_proxy),
            "proxy_where": lambda: redact(fill(PROXY_WHERE[_proxy_where(facts)])),
            # gptel-proxy, with its host when known; only when gptel-proxy is set.
            "gptel_proxy": lambda: redact(fill(PROXY_WHERE[_proxy_where(facts)]))
            if facts.proxy else None,
            "gptel_version": lambda: optional(facts.gptel_version),
            # The tokens reserved for the answer: gptel-max-tokens's value, else the figure
            # the error gives ("4000 in the completion", "1024 `max_new_tokens`").
            "reserved_tokens": lambda: _count(
                facts.max_tokens if facts.max_tokens is not None
                and facts.max_tokens_source != "model" else facts.reserve_tokens),
            # The output tokens the credit left covers, when the error says ("can only
            # afford 3919"), and a gptel-max-tokens under it (`affordable_cap`).
            "affordable_tokens": lambda: _count(facts.afford_tokens),
            # The largest answer length the refusal says the model takes.
            "allowed_tokens": lambda: _allowed(facts),
            "affordable_cap": lambda: _affordable_cap(facts.afford_tokens),
            # gptel-stream's value that turns streaming on, when that would make the request
            # stream.
            "stream_on": lambda: "t" if facts.streamable else None,
        },
        unknown,
        stand,
        message=message or stand["message"],
        status=str(facts.http) if facts.http is not None else no_status,
        # "HTTP {status}" in a text, read as one placeholder: see `_say`.
        http_status=f"HTTP {facts.http}" if facts.http is not None else no_status,
        exit=str(facts.curl) if facts.curl is not None else "?",
        wait=wait,
        wait_clause=i18n.gettext(locale, WAIT_CLAUSE).format(wait=wait) if wait
        else i18n.gettext(locale, RESET_CLAUSE).format(reset=facts.resets_at)
        if facts.resets_at else "",
        **{key: pages.get(key) or stand[key]
           for key in ("console_url", "keys_url", "billing_url", "usage_url", "status_url",
                       "models_url")},
        key_env=key_env or stand["key_env"],
        start_command=START_COMMANDS.get(facts.provider or "") or stand["start_command"],
        intended_host=_intended_host(facts) or "",
        curl_meaning=curl_meaning(facts.curl, locale),
        status_clause=i18n.gettext(locale, STATUS_CLAUSE).format(status=facts.http)
        if facts.http is not None else "",
        find_out=_find_out(facts, locale, message),
        read_answer=i18n.gettext(locale, HEADERS_TO_SEE_CLAUSE if facts.body_empty
                                 else LOG_TO_READ_CLAUSE),
        page_title_clause=i18n.gettext(locale, PAGE_TITLE_CLAUSE).format(title=page_title)
        if page_title else "",
        documented_meaning=_meaning(code, locale),
        documented_source=code.source if code else "",
        words_meaning=i18n.gettext(locale, cues.MEANINGS[category])
        if category in cues.MEANINGS else "",
    )
    return values


def _count(tokens: int | None) -> str | None:
    return None if tokens is None else str(tokens)


def _longer(facts: Facts) -> str | None:
    """A gptel-max-tokens twice what a backend that always sends a length got (gptel-max-tokens,
    else gptel's default for its kind), at least 4096 and at most the model's own output limit
    (64000 when that is not known); None for a backend that sends no length when it is nil
    (there, nil lets the model choose), when :request-params set the length, or when it was at
    that limit already."""
    if facts.default_max_tokens is None or facts.max_tokens_source == "model":
        return None
    sent = facts.max_tokens if facts.max_tokens is not None else facts.default_max_tokens
    most = facts.max_output or 64000
    return None if sent >= most else str(min(max(2 * sent, 4096), most))


# The answer length to send a model server the user runs when none was sent.
EXPLICIT_TOKENS = 8192


def _explicit(facts: Facts) -> str | None:
    """An answer length for a model server the user runs (LOCAL_SERVERS) that got none
    (gptel-max-tokens nil, nothing in :request-params): its own default then caps the answer,
    and can be small.  None elsewhere: a provider's default is the model's own limit, which a
    number would not raise."""
    if (facts.provider not in LOCAL_SERVERS or facts.max_tokens is not None
            or facts.max_tokens_source == "model"):
        return None
    return str(min(EXPLICIT_TOKENS, facts.max_output or EXPLICIT_TOKENS))


def _allowed(facts: Facts) -> str | None:
    """The largest answer length the refusal says the model takes, when the request asked for
    more (or its length is unknown): there it is the setting to try."""
    most = facts.allowed_tokens
    if most is None or most < 1 or (facts.max_tokens is not None and facts.max_tokens <= most):
        return None
    return str(most)


def _lower_default(facts: Facts) -> str | None:
    """gptel's default length for the backend's kind, when it is below the length the request
    had (gptel-max-tokens, else the figure the error gives), or that length is unknown; None
    where nil sends no length, or :request-params set it (gptel-max-tokens does not)."""
    if facts.default_max_tokens is None or facts.max_tokens_source == "model":
        return None
    had = facts.max_tokens if facts.max_tokens is not None else facts.reserve_tokens
    return None if had is not None and had <= facts.default_max_tokens else str(
        facts.default_max_tokens)


def _affordable_cap(tokens: int | None) -> str | None:
    """A gptel-max-tokens the credit for TOKENS output tokens covers, a tenth to spare,
    rounded down; None below 256 tokens, too few for an answer worth capping to."""
    if tokens is None or tokens < 256:
        return None
    spare = tokens * 9 // 10
    step = 100 if spare >= 1000 else 10
    return str(spare // step * step)


def page_title(body: str | None) -> str | None:
    """The title of the HTML page BODY is, redacted, on one line and bounded; else None."""
    found = _PAGE_TITLE.search(body or "")
    return (_one_line(html.unescape(found.group(1)), MAX_WORDS) or None) if found else None


def _find_out(facts: Facts, locale: str, message: str | None) -> str:
    """Where the reason of a failure known by its status alone is: the provider's MESSAGE,
    quoted, when it has one (not gptel's own words for a body it could not read)."""
    if message and not facts.gptel:
        words = _clip(message.rstrip(" .。"), MAX_WORDS)
        return i18n.gettext(locale, OWN_WORDS_CLAUSE).format(words=words)
    # The body the companion read where gptel could not parse it ("404 page not found"): its
    # words are known, so logging would only show them again.  Not a page's markup.
    body = _one_line(facts.body, MAX_WORDS).rstrip(" .。")
    if body and not facts.html:
        return i18n.gettext(locale, OWN_WORDS_CLAUSE).format(words=body)
    if facts.body_empty:
        return i18n.gettext(locale, HEADERS_TO_SEE_CLAUSE)
    return i18n.gettext(locale, LOG_TO_SEE_CLAUSE)


def _fill(template: str, values: _Placeholders) -> str:
    return template.format_map(values)


# "(curl {exit})" or "(curl {exit}{status_clause})" in a text, with the space before it.
_CURL_EXIT_ASIDE = re.compile(
    r"(?P<space> ?)(?P<open>[(（])curl \{exit\}(?P<status>\{status_clause\})?(?P<close>[)）])")


_SENTENCE_ENDS = frozenset(".!?。！？…")


_LEADING_PLACEHOLDER = re.compile(r"^\{(\w+)\}")


def _say(template: str, values: _Placeholders, locale: str) -> str:
    """TEMPLATE, a text for the user in LOCALE, filled in; the provider's own message is
    quoted as it came, the rest tidied (`i18n.tidy`).  "HTTP {status}" of a failure without
    a status reads "no HTTP status", not "HTTP no HTTP status"."""
    template = template.replace("HTTP {status}", "{http_status}")
    if values["exit"] == "?":
        # A rule matched by its words, not by curl's exit code: say the status if there is
        # one, never "curl ?".
        template = _CURL_EXIT_ASIDE.sub(
            lambda m: f"{m['space']}{m['open']}{{http_status}}{m['close']}"
            if m["status"] and values["status_clause"] else "",
            template)
    parts = [i18n.tidy(locale, _fill(part, values)) for part in template.split("{message}")]
    lead = _LEADING_PLACEHOLDER.match(template)
    if lead and lead[1] != "message" and lead[1] in values.unknown_in(template) and parts[0]:
        # A stand-in that opens the sentence ("the model has been retired") opens it in
        # capitals, as the value it stands for would.
        parts[0] = parts[0][0].upper() + parts[0][1:]
    message = values["message"]
    if message[-1:] in _SENTENCE_ENDS:
        # The message ends its own sentence: "Connection error.", not "Connection error.."
        # (nor "error.。": a space parts it from the Chinese that follows).
        parts[1:] = [part[1:] if part[:1] == "." else " " + part[1:] if part[:1] == "。"
                     else part for part in parts[1:]]
    return message.join(parts)


_URL = re.compile(r"^https?://\S+$")


def _unproxied(facts: Facts) -> str | None:
    """The host on the internet the request went straight to, through curl, with no proxy
    configured anywhere (so one may be what a blocked route needs), or None.

    A backend given no :host has its provider's (gptel-make-openai's api.openai.com).
    """
    if facts.provider in LOCAL_SERVERS or facts.proxied is True or facts.use_curl is False:
        return None
    host = facts.host
    if not host:
        provider = lookup(facts.provider)
        host = provider.api_hosts[0] if provider and provider.api_hosts else ""
    return host if host and host_is_public(host) else None


# The TLS client's words for a plain-HTTP answer where a handshake should be, and Go's.
_PLAIN_REPLY = re.compile(TLS_READ_PLAIN + "|" + PLAIN_ANSWER_TO_TLS)


def _plain_server(facts: Facts) -> bool:
    """Whether a TLS handshake failed (or read a plain-HTTP answer) with a server of the
    user's own: one on a private address, or on a port no provider's API listens on (a
    public IP given with :8006), where a server speaking plain HTTP is the usual cause.  A
    provider's own host always speaks TLS (NET005's proxy in between)."""
    # gptel itself says only "Curl failed with exit code 35": the handshake failed.
    if not facts.host or not (_PLAIN_REPLY.search(facts.text) or facts.curl == 35):
        return False
    # The port given after the name ("106.53.1.19:8006", masked "…:****"), if any.
    address = host_and_port(without_scheme(facts.host))
    port = ("" if address == host_name(address) or address.endswith("]")
            else address.rpartition(":")[2])
    return not host_is_public(facts.host) or port not in ("", "443")


# Values only the context can give: a fix that needs one is left out when it is unknown.
CONTEXT_VALUES = frozenset({"closest_model", "key_provider", "backend_form",
                            "backend_form_http", "backend_form_https", "backend_form_plain",
                            "vertex_global_form",
                            "moved_to_url", "proxy_host", "env_proxy", "gptel_version",
                            "unproxied_host", "max_tokens",
                            "gptel_proxy", "stream_on", "smaller_model", "log_command",
                            "affordable_tokens", "affordable_cap", "reserved_tokens",
                            "free_tier_model", "default_max_tokens", "longer_tokens",
                            "explicit_tokens",
                            "lower_default", "allowed_tokens"})


def _needs_unknown(spec: FixSpec, values: _Placeholders) -> bool:
    for template in (spec.title, spec.value, spec.command, spec.url):
        if template and values.unknown_in(template) & CONTEXT_VALUES:
            return True
    return False


def _moot(spec: FixSpec, facts: Facts) -> bool:
    """Whether SPEC's setq sets what the failed request already had: tools off for a request
    that sent none, streaming off for one that did not stream, url-retrieve for a request
    url-retrieve sent (and curl for curl's).  Applying it would change nothing."""
    if spec.variable is None or spec.value is None:
        return False
    held = {"gptel-use-tools": facts.use_tools, "gptel-stream": facts.stream,
            "gptel-use-curl": facts.use_curl}.get(spec.variable)
    return held is not None and held == (spec.value != "nil")


def _fixes(rule: Rule, values: _Placeholders, texts: i18n.RuleText, facts: Facts,
           locale: str = "en") -> list[tuple[FixSpec, Fix]]:
    """RULE's fixes, filled in; none that needs an unknown value, none that sets what the
    request already had (`_moot`), and no logging of an answer known to have had no body:
    the log would show nothing more."""
    fixes = []
    for index, spec in enumerate(rule.fixes):
        if (_needs_unknown(spec, values) or _moot(spec, facts)
                or (spec is LOG_REQUESTS and facts.body_empty)):
            continue
        if spec.unless_known and values.knows(f"{{{spec.unless_known}}}"):
            continue
        url = _fill(spec.url, values) if spec.url else None
        if url and not _URL.match(url):
            url = None  # a stand-in ("your provider's usage page"), not an address
        if spec.url and not (url or spec.command or spec.variable):
            # A page to open whose address is not known (a provider with no usage page on
            # record): a fix with nothing to open or run.
            continue
        fix = Fix(
            title=_say(texts.fix_title(index, spec.title), values, locale),
            applicability=spec.applicability,
            variable=spec.variable,
            value=_fill(spec.value, values) if spec.value else None,
            command=_fill(spec.command, values) if spec.command else None,
            url=url,
            ask=spec.ask,
        )
        fixes.append((spec, fix))
    return fixes


def next_step(rule: Rule, fixes: list[tuple[FixSpec, Fix]], values: _Placeholders,
              locale: str, code: Code | None = None) -> tuple[str, bool]:
    """The one thing to do next, and whether it finds the cause out (`Rule.next_step_finds_out`,
    `FixSpec.finds_out`) rather than act on it: nothing when a fix is a setq (the companion
    shows it), else the step the documented CODE names for itself, else the rule's first next
    step whose values are all known, else the first fix that opens a page, names a command,
    or asks for a model or a backend (said as gptel-menu's way).  Never a stand-in ("your
    provider's billing page")."""
    if any(fix.variable and fix.value for _spec, fix in fixes):
        return "", False
    if code is not None and code.next_step:
        return (code.next_step_zh if locale == "zh" and code.next_step_zh
                else code.next_step), False
    for template in rule.next_step:
        text = i18n.gettext(locale, template)
        if values.knows(text):
            return " ".join(_say(text, values, locale).split()), rule.next_step_finds_out
    for spec, fix in fixes:
        if fix.ask in NEXT_FROM_ASK:
            return i18n.gettext(locale, NEXT_FROM_ASK[fix.ask]), False
        if fix.url:
            return (i18n.gettext(locale, NEXT_FROM_URL).format(title=fix.title, url=fix.url),
                    spec.finds_out)
        if fix.command and spec.command and values.knows(spec.command):
            if fix.command in fix.title:  # "Choose another model (M-x gptel-menu, then -m)"
                return fix.title, spec.finds_out
            return i18n.gettext(locale, NEXT_FROM_COMMAND).format(
                title=fix.title, command=fix.command), spec.finds_out
    return "", False


def _docs(rule: Rule, values: _Placeholders, facts: Facts,
          provider: Provider | None) -> list[str]:
    """RULE's references that are URLs once filled in, without another provider's pages
    when the provider is known (OpenAI's guide says nothing about Kimi), nor any provider's
    when it is only assumed from the protocol (a relay's codes are its own); then the
    answering provider's (PROVIDER, `_answering_record`) own error documentation and
    console."""
    urls = (_fill(url, values) for url in rule.docs)
    own = (provider.errors_url, provider.console_url) if provider else ()

    def fits(url: str) -> bool:
        whose = SITES.get(site(url))
        if whose is None or facts.provider is None:
            return True
        return whose == facts.provider and not facts.provider_assumed

    return _unique([*(url for url in urls if _URL.match(url) and fits(url)),
                    *(url for url in own if url)])


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _confidence(selection: Selection) -> Confidence:
    """How sure the diagnosis is: certain when the provider documents the failure's code as
    the category given (whichever rule words it) and sends it for nothing else, likely when
    it sends it for another failure too, else as sure as the rule's tier."""
    code, rule = selection.documented, selection.rule
    if code and code.category == rule.category:
        return "certain" if code.sure else "likely"
    return CONFIDENCE[rule.code]


def diagnose(params: DiagnoseParams) -> Diagnosis:
    """Classify one failed gptel request."""
    params = with_logged_body(params)
    facts = read_facts(params)
    selection = classify(facts)
    rule = selection.rule
    locale = i18n.choose(params.locale)
    message = provider_message(facts)
    values = placeholders(facts, locale, message, selection.documented, rule.category,
                          page_title(params.error.body))
    texts = i18n.rule_text(locale, rule)
    fixes = _fixes(rule, values, texts, facts, locale)
    step, finds_out = next_step(rule, fixes, values, locale, selection.documented)
    answering = _answering_record(facts)
    return Diagnosis(
        category=rule.category,
        rule=rule.code,
        rule_name=rule.name,
        severity=rule.severity,
        summary=" ".join(_say(texts.summary, values, locale).split()),
        explanation=_say(texts.explanation, values, locale),
        steps=[_say(step, values, locale) for step in texts.steps_for(facts.provider)],
        fixes=[fix for _spec, fix in fixes],
        docs=_docs(rule, values, facts, answering),
        retryable=rule.retryable,
        retry_after=facts.retry_after if rule.retryable else None,
        provider=redact(facts.provider) if facts.provider else None,
        # A relay that speaks a provider's API ("GeminiPool", "OpenAI中转") has its own key:
        # unless the :key function names its variable, the companion names it by the
        # backend's kind.
        key_env=_key_env(facts, answering),
        locale=locale,
        provider_message=message,
        # gptel's fixed texts, and a Lisp error that escaped gptel (Emacs's words, not the
        # provider's), are gptel's.
        message_source=None if message is None
        else "gptel" if GPTEL_TEXT.fullmatch(message)
        or (params.error.status or "").strip().lower() == "lisp error" else "provider",
        next_step=step,
        next_step_finds_out=finds_out,
        confidence=_confidence(selection),
        key_where=values["key_where"] if any(fix.ask == "key" for _spec, fix in fixes)
        else None,
    )
