"""The wire contract: pydantic models of every params and result, in one place.

Field names here are stable; tests outside the project rely on them.  Add fields freely,
never rename or remove one.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    computed_field,
    field_validator,
)

Category = Literal[
    "auth.missing_key",
    "auth.invalid_key",
    "auth.permission",
    "billing.quota_exhausted",
    "rate_limit",
    "model.not_found",
    "request.context_length",
    "request.invalid_parameter",
    "request.streaming_unsupported",
    "server.overloaded",
    "network.dns",
    "network.connection_refused",
    "network.timeout",
    "network.tls",
    "network.proxy",
    "response.malformed",
    "endpoint.wrong",
    "content_policy",
    "config.backend",
    "unknown",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]

Applicability = Literal["safe", "unsafe", "display-only"]
# What an ask fix asks the user for when it is applied: a model of the backend, the backend's
# key (which the server never sees), or another backend.
Ask = Literal["model", "key", "backend", "proxy", "cacert"]
# How the diagnosis was reached: a code the provider documents (certain), a rule reading the
# context or the message (likely), or the HTTP status or curl exit code alone (guess).
Confidence = Literal["certain", "likely", "guess"]
Severity = Literal["error", "warning", "info"]

# Deeper provider payloads than this are rejected as invalid params: no real error object
# nests this far, and the limit keeps the engine's walk cheap and bounded.
MAX_PAYLOAD_DEPTH = 32
# The longest logged response body the server reads (the companion sends at most 16,000).
MAX_BODY = 65_536
# An environment variable's name (`BackendInfo.key_env`): anything else is dropped, never
# repeated, since it would not be a name.
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")


class ParamsError(ValueError):
    """Params that validate but name something that does not exist: a -32602 on the wire."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class _In(BaseModel):
    """Params: unknown keys are ignored, so older servers accept newer companions."""

    # Schemas are built on first use, not at import: most models are not needed to
    # answer the first diagnosis, and start-up time matters (scripts/bench).
    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _depth(value: Any, limit: int) -> int:
    """Nesting depth of VALUE, stopping early once LIMIT is passed."""
    depth, frontier = 0, [value]
    while frontier and depth <= limit:
        children: list[Any] = []
        for item in frontier:
            if isinstance(item, dict):
                children.extend(item.values())
            elif isinstance(item, list):
                children.extend(item)
        if not children:
            break
        depth, frontier = depth + 1, children
    return depth


class ErrorInfo(_In):
    """What gptel recorded about the failure (its info plist), each field optional."""

    status: str | None = None
    http_status: str | int | None = None
    # Any JSON value: the message was parsed from JSON, so nothing else can arrive here.
    error: Any = None
    curl_exit_code: int | None = None
    displayed: str | None = None
    # The response body as gptel received it (read from gptel's curl or url.el buffer while
    # gptel holds it) or logged it in *gptel-log* (gptel-log-level 'info or 'debug),
    # redacted and cut short by the companion: sent only when gptel could not read an error
    # object out of it, so that the server can.
    body: str | None = Field(default=None, max_length=MAX_BODY)
    # The companion read the response from gptel's buffer and it had no body at all (headers
    # only): no log can show more of it than a replay's headers.
    body_empty: bool | None = None

    @field_validator("error")
    @classmethod
    def _bounded_depth(cls, value: Any) -> Any:
        if _depth(value, MAX_PAYLOAD_DEPTH) > MAX_PAYLOAD_DEPTH:
            raise ValueError(f"nested deeper than {MAX_PAYLOAD_DEPTH} levels")
        return value


class BackendInfo(_In):
    """The gptel backend the request used.  Never carries the key itself."""

    name: str | None = None
    kind: str | None = None
    type: str | None = None
    host: str | None = None
    protocol: str | None = None
    endpoint: str | None = None
    stream: bool | None = None
    has_key: bool | None = None
    key_has_whitespace: bool | None = None
    models: list[str] | None = None
    # Where gptel got the key: "string" (in :key), "function", "auth-source",
    # "gptel-api-key", "env" or "none".  Never the key itself.
    key_source: str | None = None
    # The provider kind whose key prefix the key has ("anthropic" for sk-ant-...), if any.
    key_shape: str | None = None
    # The environment variable the backend's :key function reads, when it names one
    # (key_source "env"): its name only, and only if it looks like a variable's name.
    key_env: str | None = None

    @field_validator("key_env", mode="before")
    @classmethod
    def _variable_name(cls, value: Any) -> Any:
        return value if isinstance(value, str) and _ENV_NAME.fullmatch(value) else None


class RequestInfo(_In):
    """gptel's settings for the failed request."""

    model: str | None = None
    stream: bool | None = None
    use_curl: bool | None = None
    entry: str | None = None
    temperature: float | None = None
    max_tokens: int | None = None
    proxy: bool | None = None
    log_level: str | None = None
    gptel_version: str | None = None
    emacs_version: str | None = None
    curl_version: str | None = None
    # The proxy's host:port (gptel-proxy or --proxy in the curl arguments), no credentials.
    proxy_host: str | None = None
    # gptel-curl-extra-args and the backend's :curl-args, redacted by the companion.
    curl_extra_args: list[str] | None = None
    # The proxy variables set in the environment ("https_proxy" -> "host:port"), no
    # credentials; unset ones are left out.
    env_proxy: dict[str, str] | None = None
    # Where the value is set: "buffer-local", "global" or "model" (:request-params).
    temperature_source: str | None = None
    max_tokens_source: str | None = None
    request_bytes: int | None = None
    use_tools: bool | None = None
    # Models this backend answered "not found" for earlier in the same Emacs session: not
    # to be offered again in their place.
    refused_models: list[str] | None = None


def _null_is_empty(value: Any) -> Any:
    # Elisp sends nil (JSON null) for an absent plist.
    return {} if value is None else value


NullIsEmpty = BeforeValidator(_null_is_empty)


class DiagnoseParams(_In):
    error: ErrorInfo
    backend: Annotated[BackendInfo, NullIsEmpty] = Field(default_factory=BackendInfo)
    request: Annotated[RequestInfo, NullIsEmpty] = Field(default_factory=RequestInfo)
    locale: str | None = None


class Fix(_Out):
    """One remedy.  A `setq` is data: an allowlisted variable and an Elisp literal as text.

    An ask fix (`ask` set) names its variable and has no value: the companion asks the user
    for it when the fix is applied, and builds the form itself.
    """

    title: str
    applicability: Applicability
    variable: str | None = None
    value: str | None = None
    command: str | None = None
    url: str | None = None
    ask: Ask | None = None

    @field_validator("value")
    @classmethod
    def _never_a_key(cls, value: str | None, info: ValidationInfo) -> str | None:
        # The key is the user's to type in Emacs: no fix may carry one, whatever built it.
        if value is not None and info.data.get("variable") == "gptel-api-key":
            raise ValueError("a fix never carries a value for gptel-api-key")
        return value


class Diagnosis(_Out):
    category: Category
    rule: str
    rule_name: str
    severity: Severity
    summary: str
    explanation: str
    steps: list[str]
    fixes: list[Fix]
    docs: list[str]
    retryable: bool
    retry_after: float | None = None
    provider: str | None = None
    # The environment variable this provider's key usually lives in (for curl replays).
    key_env: str | None = None
    locale: str = "en"
    # What the failure said in its own words: the provider's message (or, when no answer
    # came, gptel's or curl's text), keys redacted, whitespace collapsed, at most 240
    # characters.  None when it said nothing.  Shown once by the companion; the texts above
    # never repeat it, except a summary whose rule knows no more than the message.
    provider_message: str | None = None
    # Whose words `provider_message` are: "provider" (the answer's own message, or another
    # client's text quoted in the error) or "gptel" (only gptel's or curl's own text, such
    # as "Malformed JSON in response.": nothing the provider said was read).  None when
    # there is no message.
    message_source: Literal["provider", "gptel"] | None = None
    # The one thing to do next, in the diagnosis's language: empty when a fix is a setq
    # (the companion shows that setq), else where to change the key, a command, or a page.
    next_step: str = ""
    # Whether `next_step` finds the cause out (the curl replay) rather than acting on it:
    # the companion words it so, even on a guess ("To find out:", not "If so:").
    next_step_finds_out: bool = False
    confidence: Confidence = "likely"
    # Where gptel reads this backend's key, in the diagnosis's language, when a fix asks for
    # a key for the session: the companion says where to keep the new one.
    key_where: str | None = None


class ClientInfo(_In):
    """LSP's clientInfo: the companion names itself and its version."""

    name: str | None = None
    version: str | None = None


class InitializeParams(_In):
    process_id: int | None = Field(
        default=None, validation_alias=AliasChoices("process_id", "processId")
    )
    client_info: ClientInfo | None = Field(
        default=None, validation_alias=AliasChoices("client_info", "clientInfo")
    )
    locale: str | None = None


class ServerInfo(_Out):
    name: str
    version: str


class InitializeResult(_Out):
    # LSP's spelling; the companion compares its version with this one.
    serverInfo: ServerInfo
    methods: list[str]
    categories: list[str]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def server_info(self) -> ServerInfo:
        """The first spelling of serverInfo, kept: wire names are never removed."""
        return self.serverInfo


class RulesParams(_In):
    locale: str | None = None


class ExplainParams(_In):
    rule: str
    locale: str | None = None


class RuleExample(_Out):
    params: dict[str, Any]
    source: str


class RuleSummary(_Out):
    code: str
    name: str
    category: Category
    providers: list[str]
    summary: str


class RuleList(_Out):
    rules: list[RuleSummary]


class RuleDoc(_Out):
    code: str
    name: str
    category: Category
    providers: list[str]
    severity: Severity
    retryable: bool
    summary: str
    explanation: str
    steps: list[str]
    fixes: list[Fix]
    docs: list[str]
    examples: list[RuleExample]
    markdown: str


class Settings(_In):
    """gptel settings a checkup needs."""

    proxy: str | None = None
    curl_args: list[str] | None = None
    use_curl: bool | None = None
    stream: bool | None = None
    log_level: str | None = None
    # Loopback ports to look for local servers on (port -> kind); default: their usual ones.
    local_ports: dict[str, str] | None = None


class CheckParams(_In):
    backend: Annotated[BackendInfo, NullIsEmpty] = Field(default_factory=BackendInfo)
    request: Annotated[RequestInfo, NullIsEmpty] = Field(default_factory=RequestInfo)
    settings: Annotated[Settings, NullIsEmpty] = Field(default_factory=Settings)
    # The resolved key, for the probe that checks it; never returned or logged.
    key: str | None = Field(default=None, repr=False)
    locale: str | None = None


CheckStatus = Literal["pass", "warn", "fail"]


class Check(_Out):
    name: str
    status: CheckStatus
    message: str
    fixes: list[Fix]
    elapsed_ms: float


class Alternative(_Out):
    kind: str
    name: str
    host: str
    models: list[str]
    snippet: str


class CheckResult(_Out):
    checks: list[Check]
    alternatives: list[Alternative]
    summary: str
    elapsed_ms: float


class BalanceParams(CheckParams):
    """The backend as `check` takes it, plus the key: whose balance to read."""


BalanceStatus = Literal["ok", "low", "exhausted", "no_api", "unavailable", "failed"]


class BalanceAmount(_Out):
    name: str  # the provider's own field name ("total_balance", "limit_remaining", ...)
    amount: str  # exactly as the provider sent it
    currency: str | None = None  # "CNY", "USD"; None where the provider does not say
    text: str  # "CNY 0.00"
    text_zh: str  # "¥0.00"


class BalanceResult(_Out):
    """The account's balance.  `status`: ok, low, exhausted; no_api (the provider has no
    balance API: `url` is its usage page); unavailable (this host is not the provider's own,
    so the key was not sent); failed (no answer, rejected, or not the documented shape)."""

    provider: str | None = None
    provider_name: str | None = None
    status: BalanceStatus
    can_call: bool | None = None  # whether the account can still call the API, if known
    amounts: list[BalanceAmount]
    message: str  # one line in English
    message_zh: str  # the same line in Chinese
    url: str | None = None  # the provider's usage or billing page
    elapsed_ms: float
