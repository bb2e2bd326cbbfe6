"""The shape of a provider record: everything the project knows about one provider.

A record is the only place a provider fact lives: its hosts, key variable and key shapes, its
console, billing, usage and status pages, how to list models and read the balance, and the
error codes it documents, each with what it means and where the provider says so.  Rules, the
checkup, the curl replay and the texts all read records; adding a provider is adding one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from functools import cached_property
from typing import Any

from ..protocol import Category

# Qwen's OAuth portal sends OpenAI's insufficient_quota for a day's free requests used up
# ("Free allocated quota exceeded."): a cap that resets, not an account that cannot pay.
QWEN_FREE_DAILY = r"free allocated quota exceeded"
# Anthropic's words for a Claude plan's paid add-on, which no wait lifts: "Usage credits are
# required for long context requests" (fast mode too; "Usage credits required for 1M
# context").  Its documented code (providers/anthropic.py) and the words stage (cues.py) read
# the same words.
USAGE_CREDITS_REQUIRED = r"usage credits (?:are )?required"


@dataclass(frozen=True)
class Code:
    """One error the provider documents: what it sends, what it means, and the source.

    `key` is the value of the error's code, type or status field as the provider sends it,
    lower case ("insufficient_quota", "1113", "arrearage").  A provider that documents a
    message rather than a code gives `text`, a regex on the lower-cased message, and an empty
    `key`.  `http` narrows the match to the status the code comes with, where documented.
    A provider that documents only statuses ("402: insufficient credits") gives `http` alone:
    such a code matches that status and is tried after every code and message.
    """

    key: str
    category: Category
    meaning: str
    meaning_zh: str
    source: str
    http: int | None = None
    text: str | None = None
    rule: str | None = None  # the catalogue rule that explains it best, when one does
    # The one step to take when the rule's own next step would send the user to the wrong
    # place (a plan's add-on is not the API account's credit), in English and Chinese.
    next_step: str = ""
    next_step_zh: str = ""
    # False when the provider is seen to send the same code for another failure too, so a
    # diagnosis resting on it is likely, not certain, and `meaning` names the other reading
    # (DashScope sends OpenAI's insufficient_quota for its per-minute quota, and reports show
    # it for a used-up balance).
    sure: bool = True
    # A regex on the lower-cased message that rules the code out: a generic code whose
    # message names a cause another entry documents (xAI's INVALID_ARGUMENT beside
    # "Incorrect API key provided").
    unless: str | None = None

    @cached_property
    def text_re(self) -> re.Pattern[str] | None:
        return re.compile(self.text, re.DOTALL) if self.text else None

    @cached_property
    def unless_re(self) -> re.Pattern[str] | None:
        return re.compile(self.unless, re.DOTALL) if self.unless else None

    def applies(self, codes: frozenset[str], http: int | None, text: str) -> bool:
        """Whether a failure with CODES, status HTTP and lower-cased TEXT is this code."""
        if self.http is not None and http is not None and self.http != http:
            return False
        if self.key and self.key not in codes:
            return False
        if self.text_re is not None and not self.text_re.search(text):
            return False
        if self.unless_re is not None and self.unless_re.search(text):
            return False
        if self.key or self.text_re:
            return True
        return self.http is not None and self.http == http

    @property
    def evidence(self) -> int:
        """How the code is recognised: 0 by its key, 1 by its message, 2 by its status alone."""
        return 0 if self.key else 1 if self.text else 2

    def by_words(self, text: str, **changes: Any) -> Code:
        """The same documented error known by its words TEXT, for a client or gateway that
        passes the message on without the code: one meaning, written once."""
        return replace(self, key="", text=text, **changes)


@dataclass(frozen=True)
class ModelList:
    """The cheapest authenticated read that proves a key works (never a billable call)."""

    path: str  # relative to the API root
    auth: str  # "bearer", "x-api-key", "api-key", "x-goog-api-key" or "none"


@dataclass(frozen=True)
class Balance:
    """A documented API that tells the account's balance or remaining credit."""

    path: str  # from the host's root ("/v1/..."), or an https URL on the provider's own host
    format: str  # the parser in `balance.PARSERS` that reads its answer
    source: str  # where the provider documents it
    auth: str = "bearer"


_SCHEME = re.compile(r"^[a-z]+://", re.IGNORECASE)


def without_scheme(host: str) -> str:
    """HOST, or a URL, without a leading scheme ("https://")."""
    return _SCHEME.sub("", host)


def host_and_port(host: str) -> str:
    """HOST without scheme-less userinfo or path: its name and port."""
    return host.split("/", 1)[0].rsplit("@", 1)[-1]


def host_name(host: str) -> str:
    """HOST without scheme-less userinfo, port or path; an IPv6 literal without brackets."""
    name = host_and_port(host)
    if name.startswith("["):
        return name[1:].split("]", 1)[0]
    if name.count(":") == 1:
        return name.split(":", 1)[0]
    return name


@dataclass(frozen=True)
class Site:
    """A provider's second home: hosts with their own pages (a China site and an
    international one keep separate accounts, consoles and billing).  Pages it does not give
    are the record's own."""

    hosts: str  # regex on the backend's host name, like `Provider.hosts`
    console_url: str | None = None
    keys_url: str | None = None
    billing_url: str | None = None
    usage_url: str | None = None
    models_url: str | None = None
    errors_url: str | None = None

    def pages(self) -> dict[str, Any]:
        """The pages this site gives (URLs), by field name."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if f.name != "hosts" and getattr(self, f.name)}


@dataclass(frozen=True)
class Provider:
    """One provider gptel can reach, directly or through `gptel-make-openai`."""

    kind: str
    name: str
    hosts: str = ""  # regex on the backend's host name (without port)
    name_zh: str | None = None
    api_hosts: tuple[str, ...] = ()  # the hosts users type into :host (typo detection)
    # The provider's websites and consoles, and hosts taken for its API ("api.google.com"),
    # that users put in :host in place of its API, each with the API host they meant
    # ("platform.deepseek.com" -> "api.deepseek.com").  Only hosts no client talks to: not a
    # web chat that unofficial clients use (chat.deepseek.com).
    web_hosts: tuple[tuple[str, str], ...] = ()
    # A regex on the lower-cased path of its chat APIs' URLs, as its API reference gives them
    # (gptel's default :endpoint among them): a 404 on such a path is not a wrong URL.
    chat_paths: str = ""
    key_env: str | None = None
    key_prefixes: tuple[str, ...] = ()  # how its keys begin ("sk-ant-"), for misplaced keys
    console_url: str | None = None
    keys_url: str | None = None
    billing_url: str | None = None
    usage_url: str | None = None
    status_url: str | None = None
    models_url: str | None = None
    errors_url: str | None = None  # the provider's own error-code documentation
    models: ModelList | None = None
    balance: Balance | None = None
    codes: tuple[Code, ...] = ()
    local_port: int | None = None  # default loopback port, for local servers
    start_command: str | None = None  # how to start it, for local servers
    log_command: str | None = None  # how to read its log, for local servers
    sites: tuple[Site, ...] = ()  # hosts whose pages differ from the record's
    # Model ids the provider has retired (a regex on the whole id, lower case), from its
    # deprecations page (`retired_source`): such a model now fails, often with a bare 404.
    retired: str = ""
    retired_source: str | None = None
    # A regex on the lower-cased text that only this provider's errors carry (its error class
    # or API host): a client or relay that passes the error on is still read by its codes.
    marker: str = ""
    # API hosts the provider has shut down (a regex on the host name), and the base URL that
    # replaced them as gptel's :host and :endpoint take it ("router.huggingface.co",
    # "/v1/chat/completions"): requests to such a host fail whatever else is right.
    retired_hosts: str = ""
    moved_to: tuple[str, str] | None = None

    def at(self, host: str | None) -> Provider:
        """The record as seen from HOST (a backend's :host, scheme, port or path allowed): with
        the pages of the site HOST belongs to, so a user of the international host is never
        sent to the China console, nor the other way round."""
        name = host_name(without_scheme((host or "").strip()))
        for site in self.sites if name else ():
            if re.search(site.hosts, name, re.IGNORECASE):
                return replace(self, **site.pages())
        return self

    def host_retired(self, host: str | None) -> bool:
        """Whether HOST (a backend's :host, scheme, port or path allowed) is one of the
        provider's API hosts it has shut down."""
        name = host_name(without_scheme((host or "").strip()))
        return bool(self.retired_hosts and name) and re.fullmatch(
            self.retired_hosts, name, re.IGNORECASE) is not None

    def has_retired(self, model: str | None) -> bool:
        """Whether MODEL (a request's model id) is one the provider has retired."""
        return bool(self.retired and model) and re.fullmatch(
            self.retired, (model or "").strip().lower()) is not None

    def serves_chat(self, path: str) -> bool:
        """Whether PATH (a query string allowed) is a chat path its API reference gives."""
        return bool(self.chat_paths) and re.search(
            self.chat_paths, path.lower().split("?", 1)[0]) is not None

    def documented(self, codes: frozenset[str], http: int | None, text: str) -> Code | None:
        """The documented code a failure is, or None: codes first, then documented messages,
        then documented statuses.

        CODES are the lower-cased code/type/status values found in the error, HTTP its status,
        TEXT its lower-cased text.
        """
        for evidence in (0, 1, 2):
            for code in self.codes:
                if code.evidence == evidence and code.applies(codes, http, text):
                    return code
        return None
