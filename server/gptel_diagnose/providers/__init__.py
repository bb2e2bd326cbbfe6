"""The provider registry: every record, in the order a backend is identified.

A record (`record.py`) is the only place a provider fact lives; this module lists them and
derives what the rest of the code asks: the provider a host belongs to, its display name, the
default ports and start commands of local servers, and the API hosts for typo detection.
Adding a provider is one file in this folder and one line in `PROVIDERS`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import (
    anthropic,
    azure,
    baichuan,
    bedrock,
    cerebras,
    chatgpt,
    copilot,
    dashscope,
    deepseek,
    fireworks,
    gemini,
    github_models,
    gpt4all,
    groq,
    huggingface,
    hunyuan,
    kagi,
    llamacpp,
    lmstudio,
    mimo,
    minimax,
    mistral,
    moonshot,
    nvidia,
    ollama,
    openai,
    openrouter,
    perplexity,
    qianfan,
    relay,
    siliconflow,
    spark,
    stepfun,
    together,
    vllm,
    volcengine,
    xai,
    zhipu,
)
from .record import Balance, Code, ModelList, Provider, host_name, without_scheme

__all__ = [
    "API_HOSTS", "LOCAL_PORTS", "LOG_COMMANDS", "PROVIDERS", "SITES", "START_COMMANDS", "Balance",
    "Code", "ModelList", "Provider", "display_name", "identified", "identify", "lookup", "marked",
    "misspelt_host", "provider_for_host", "site", "website_host", "without_scheme",
]

# Identification order: the first record whose hosts match a backend's host is its provider.
PROVIDERS: tuple[Provider, ...] = (
    azure.RECORD,
    openai.RECORD,
    anthropic.RECORD,
    gemini.RECORD,
    openrouter.RECORD,
    groq.RECORD,
    mistral.RECORD,
    xai.RECORD,
    perplexity.RECORD,
    together.RECORD,
    kagi.RECORD,
    copilot.RECORD,
    github_models.RECORD,
    bedrock.RECORD,
    chatgpt.RECORD,
    cerebras.RECORD,
    fireworks.RECORD,
    nvidia.RECORD,
    huggingface.RECORD,
    # --- providers Chinese users reach through gptel-make-openai ---
    deepseek.RECORD,
    moonshot.RECORD,
    zhipu.RECORD,
    dashscope.RECORD,
    siliconflow.RECORD,
    volcengine.RECORD,
    minimax.RECORD,
    mimo.RECORD,
    baichuan.RECORD,
    hunyuan.RECORD,
    qianfan.RECORD,
    stepfun.RECORD,
    spark.RECORD,
    relay.RECORD,
    # --- local servers ---
    ollama.RECORD,
    llamacpp.RECORD,
    lmstudio.RECORD,
    vllm.RECORD,
    gpt4all.RECORD,
)

_BY_KIND = {p.kind: p for p in PROVIDERS}
_MARKERS = [(re.compile(p.marker), p) for p in PROVIDERS if p.marker]
_HOST_PATTERNS = [(re.compile(p.hosts, re.IGNORECASE), p) for p in PROVIDERS if p.hosts]

# Default loopback ports of local servers, and the command that starts each.
LOCAL_PORTS: dict[int, str] = {p.local_port: p.kind for p in PROVIDERS if p.local_port}
START_COMMANDS: dict[str, str] = {p.kind: p.start_command for p in PROVIDERS
                                  if p.start_command}
LOG_COMMANDS: dict[str, str] = {p.kind: p.log_command for p in PROVIDERS if p.log_command}

# The API hosts users type into :host, for spotting a misspelt one.
API_HOSTS: tuple[str, ...] = tuple(host for p in PROVIDERS for host in p.api_hosts)
# A provider's website or console put in :host -> (the provider, the API host meant).
_WEB_HOSTS: dict[str, tuple[Provider, str]] = {
    web: (p, api) for p in PROVIDERS for web, api in p.web_hosts}



def site(url: str) -> str:
    """The site a URL is on: its host's last two labels ("platform.openai.com" -> "openai.com")."""
    host = without_scheme(url.lower()).split("/", 1)[0].split(":", 1)[0]
    return ".".join(host.split(".")[-2:])


# Sites that host many providers' pages, so belong to none.
_SHARED_SITES = frozenset({"github.com"})


def _sites() -> dict[str, str]:
    owners: dict[str, set[str]] = {}
    for p in PROVIDERS:
        pages = [p.console_url, p.keys_url, p.billing_url, p.usage_url, p.status_url,
                 p.models_url, p.errors_url]
        for other in p.sites:
            pages += other.pages().values()
        for url in pages:
            if url:
                owners.setdefault(site(url), set()).add(p.kind)
    return {name: kinds.pop() for name, kinds in owners.items()
            if len(kinds) == 1 and name not in _SHARED_SITES}


# The site of a provider's own pages -> that provider: a page there is about it alone.
SITES: dict[str, str] = _sites()

# Kinds a gptel constructor gives to any compatible server (`gptel-make-openai` makes an
# "openai" backend for Groq, a relay or llama.cpp alike): they say the protocol, not who
# answers, so a backend's name tells more than they do.
_PROTOCOL_KINDS = frozenset({"openai"})


def _by_host(host: str) -> Provider | None:
    name = host_name(host)
    for pattern, provider in _HOST_PATTERNS:
        if pattern.search(name):
            return provider
    web = _WEB_HOSTS.get(_site_name(name))
    return web[0] if web else None


def _site_name(name: str) -> str:
    return name.lower().rstrip(".").removeprefix("www.")


def website_host(host: str) -> str | None:
    """The API host meant, when HOST (a backend's :host) is a provider's website or console
    rather than its API ("www.deepseek.com" -> "api.deepseek.com"), else None."""
    web = _WEB_HOSTS.get(_site_name(host_name(without_scheme(host.strip()))))
    return web[1] if web else None


def _by_local_port(host: str) -> Provider | None:
    """The local server whose default port a loopback HOST uses ("localhost:11434")."""
    name = host_name(host).lower()
    if name not in ("localhost", "::1") and not name.startswith("127."):
        return None
    port = re.search(r":(\d+)$", host.split("/", 1)[0])
    return lookup(LOCAL_PORTS.get(int(port.group(1)), "")) if port else None


def provider_for_host(host: str, local_port: int | None = None) -> str | None:
    """The provider kind a backend host belongs to, or None."""
    if local_port is not None:
        return LOCAL_PORTS.get(local_port)
    provider = _by_host(host)
    return provider.kind if provider else None


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _by_name(name: str) -> Provider | None:
    """The provider a backend's name starts with ("Groq", "groq-relay", "llama.cpp local")."""
    squashed = _squash(name)
    if not squashed:
        return None
    for provider in PROVIDERS:
        if any(squashed.startswith(word) for word in
               {_squash(provider.kind), _squash(provider.name)} if word):
            return provider
    return None


# Words in a backend's name that make it another service speaking a provider's API, not
# that provider: "OpenAI-compatible", "openai-proxy", "OpenAI中转", "Claude 兼容".
# A "pool" of accounts or keys ("GeminiPool", "claude-pool") is a relay too.
_NOT_THE_PROVIDER = re.compile(r"compat|proxy|relay|gateway|pool|\bish\b|-ish\b|\blike\b"
                               r"|中转|兼容|代理|转发|镜像", re.IGNORECASE)


def identify(host: str | None, kind: str | None, name: str | None) -> Provider | None:
    """The provider a backend talks to: by its host, then its kind, then its name.

    The host counts by its name, or on loopback by a local server's default port.  A
    protocol kind ("openai") counts only when neither the host nor the name says more.  A
    host written with its scheme counts after the kind and the name.
    """
    return identified(host, kind, name)[0]


def identified(host: str | None, kind: str | None,
               name: str | None) -> tuple[Provider | None, bool]:
    """`identify`'s provider, and whether it is only assumed from a protocol kind: a backend
    of that kind ("openai") on a HOST of no known provider, under a NAME of none (a company
    gateway, a relay, LiteLLM), or under a name that says it is another service speaking
    the provider's API ("OpenAI-compatible", "OpenAI中转").  Its codes are the protocol's;
    its name and pages are not that provider's."""
    by_host = (_by_host(host) or _by_local_port(host)) if host else None
    if by_host:
        return by_host.at(host or ""), False
    by_kind = lookup(kind.lower()) if kind else None
    if by_kind and by_kind.kind not in _PROTOCOL_KINDS:
        return by_kind, False
    by_name = _by_name(name) if name else None
    bare = without_scheme(host.strip()) if host else ""
    # A HOST written with its scheme ("https://api.deepseek.com") still names its provider,
    # though after the kind and the name: gptel will not reach it as written.
    by_bare = (_by_host(bare) or _by_local_port(bare)) if bare and bare != host else None
    if by_name:
        # On a host of no known provider, a name that says it is a relay or compatible names
        # the API it speaks: its codes are that provider's, its account and pages are not.
        return by_name, bool(bare and not by_bare and name and _NOT_THE_PROVIDER.search(name))
    if by_bare:
        return by_bare.at(bare), False
    return by_kind, by_kind is not None and bool(bare)


def _distance(a: str, b: str, limit: int) -> int:
    """Edit distance between A and B (insert, delete, substitute, swap), capped at LIMIT+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous, current = list(range(len(b) + 1)), [0] * (len(b) + 1)
    before: list[int] = []
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        before, previous = previous, current
    return previous[len(b)]


@lru_cache(maxsize=256)  # a user's host recurs in every failure; the distances are costly
def misspelt_host(host: str) -> str | None:
    """The known API host HOST is probably a typo of, or None."""
    name = host.split("/", 1)[0].split(":", 1)[0].lower()
    if not name or name in API_HOSTS or provider_for_host(name):
        return None
    # The one nearest known host within two edits; a tie (api.x.ai and api.z.ai are both
    # real hosts two edits apart) is no answer.
    distances = sorted((_distance(name, known, 2), known) for known in API_HOSTS)
    best = [known for distance, known in distances if distance == distances[0][0]]
    return best[0] if distances and distances[0][0] <= 2 and len(best) == 1 else None


def marked(text: str) -> tuple[Provider, ...]:
    """The providers whose own error words (`Provider.marker`) the lower-cased TEXT carries."""
    return tuple(provider for pattern, provider in _MARKERS if pattern.search(text))


def lookup(kind: str | None) -> Provider | None:
    return _BY_KIND.get(kind or "")


def display_name(kind: str | None) -> str:
    provider = lookup(kind)
    if provider:
        return provider.name
    return kind or "the provider"
