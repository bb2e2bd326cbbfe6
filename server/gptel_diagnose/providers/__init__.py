"""What we know about each provider gptel can talk to: hosts, names and pages.  Data only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Provider:
    kind: str
    name: str
    hosts: str  # regex on the backend's host (without port)
    key_env: str | None = None
    keys_url: str | None = None
    billing_url: str | None = None
    usage_url: str | None = None
    status_url: str | None = None
    models_url: str | None = None


PROVIDERS: tuple[Provider, ...] = (
    Provider(
        "azure", "Azure OpenAI", r"\.openai\.azure\.com$|\.cognitiveservices\.azure\.com$",
        "AZURE_OPENAI_API_KEY", "https://portal.azure.com/", None,
        "https://portal.azure.com/", "https://azure.status.microsoft/",
    ),
    Provider(
        "openai", "OpenAI", r"(^|\.)openai\.com$", "OPENAI_API_KEY",
        "https://platform.openai.com/api-keys",
        "https://platform.openai.com/settings/organization/billing/overview",
        "https://platform.openai.com/usage", "https://status.openai.com/",
        "https://platform.openai.com/docs/models",
    ),
    Provider(
        "anthropic", "Anthropic", r"(^|\.)anthropic\.com$", "ANTHROPIC_API_KEY",
        "https://console.anthropic.com/settings/keys",
        "https://console.anthropic.com/settings/billing",
        "https://console.anthropic.com/settings/usage", "https://status.anthropic.com/",
        "https://docs.anthropic.com/en/docs/about-claude/models",
    ),
    Provider(
        "gemini", "Gemini", r"generativelanguage\.googleapis\.com$|aiplatform\.googleapis\.com$",
        "GEMINI_API_KEY", "https://aistudio.google.com/app/apikey",
        "https://aistudio.google.com/app/plan_information",
        "https://aistudio.google.com/app/usage", "https://aistudio.google.com/status",
        "https://ai.google.dev/gemini-api/docs/models",
    ),
    Provider(
        "openrouter", "OpenRouter", r"(^|\.)openrouter\.ai$", "OPENROUTER_API_KEY",
        "https://openrouter.ai/settings/keys", "https://openrouter.ai/settings/credits",
        "https://openrouter.ai/activity", "https://status.openrouter.ai/",
        "https://openrouter.ai/models",
    ),
    Provider(
        "deepseek", "DeepSeek", r"(^|\.)deepseek\.com$", "DEEPSEEK_API_KEY",
        "https://platform.deepseek.com/api_keys", "https://platform.deepseek.com/top_up",
        "https://platform.deepseek.com/usage", "https://status.deepseek.com/",
    ),
    Provider(
        "groq", "Groq", r"(^|\.)groq\.com$", "GROQ_API_KEY",
        "https://console.groq.com/keys", "https://console.groq.com/settings/billing",
        "https://console.groq.com/settings/limits", "https://groqstatus.com/",
        "https://console.groq.com/docs/models",
    ),
    Provider(
        "mistral", "Mistral", r"(^|\.)mistral\.ai$", "MISTRAL_API_KEY",
        "https://console.mistral.ai/api-keys", "https://console.mistral.ai/billing",
        "https://console.mistral.ai/usage", "https://status.mistral.ai/",
    ),
    Provider(
        "xai", "xAI", r"(^|\.)x\.ai$", "XAI_API_KEY", "https://console.x.ai/",
        "https://console.x.ai/", "https://console.x.ai/", "https://status.x.ai/",
    ),
    Provider(
        "perplexity", "Perplexity", r"(^|\.)perplexity\.ai$", "PERPLEXITY_API_KEY",
        "https://www.perplexity.ai/settings/api", "https://www.perplexity.ai/settings/api",
        None, "https://status.perplexity.com/",
    ),
    Provider(
        "together", "Together AI", r"(^|\.)together\.(xyz|ai)$", "TOGETHER_API_KEY",
        "https://api.together.xyz/settings/api-keys",
        "https://api.together.xyz/settings/billing", None, "https://status.together.ai/",
    ),
    Provider("kagi", "Kagi", r"(^|\.)kagi\.com$", "KAGI_API_KEY",
             "https://kagi.com/settings?p=api", "https://kagi.com/settings?p=billing_api"),
    Provider(
        "copilot", "GitHub Copilot", r"githubcopilot\.com$", None,
        "https://github.com/settings/copilot", "https://github.com/settings/copilot",
        None, "https://www.githubstatus.com/",
    ),
    Provider(
        "github-models", "GitHub Models",
        r"models\.github\.ai$|models\.inference\.ai\.azure\.com$", "GITHUB_TOKEN",
        "https://github.com/settings/tokens", None, None, "https://www.githubstatus.com/",
    ),
    Provider(
        "bedrock", "AWS Bedrock", r"bedrock.*\.amazonaws\.com$", "AWS_BEARER_TOKEN_BEDROCK",
        "https://console.aws.amazon.com/iam/", None, None, "https://health.aws.amazon.com/",
    ),
    Provider("chatgpt", "ChatGPT (OAuth)", r"(^|\.)chatgpt\.com$"),
    Provider("cerebras", "Cerebras", r"(^|\.)cerebras\.ai$", "CEREBRAS_API_KEY"),
    Provider("fireworks", "Fireworks", r"(^|\.)fireworks\.ai$", "FIREWORKS_API_KEY"),
    Provider("ollama", "Ollama", r"(^|\.)ollama\.com$", "OLLAMA_API_KEY"),
)

_LOCAL_PROVIDERS = {
    "ollama": Provider("ollama", "Ollama", "", None),
    "llamacpp": Provider("llamacpp", "llama.cpp", "", None),
    "lmstudio": Provider("lmstudio", "LM Studio", "", None),
    "vllm": Provider("vllm", "vLLM", "", None),
    "gpt4all": Provider("gpt4all", "GPT4All", "", None),
}

# Default loopback ports of local servers, and the command that starts each.
LOCAL_PORTS: dict[int, str] = {11434: "ollama", 8080: "llamacpp", 1234: "lmstudio",
                               8000: "vllm", 4891: "gpt4all"}
START_COMMANDS: dict[str, str] = {
    "ollama": "ollama serve",
    "llamacpp": "llama-server -m MODEL.gguf --port 8080",
    "lmstudio": "lms server start",
    "vllm": "vllm serve MODEL --port 8000",
    "gpt4all": "start GPT4All and enable its API server (Settings > Application)",
}

_BY_KIND = {p.kind: p for p in PROVIDERS} | _LOCAL_PROVIDERS
_HOST_PATTERNS = [(re.compile(p.hosts, re.IGNORECASE), p) for p in PROVIDERS if p.hosts]


def provider_for_host(host: str, local_port: int | None = None) -> str | None:
    """The provider kind a backend host belongs to, or None."""
    if local_port is not None:
        return LOCAL_PORTS.get(local_port)
    name = host.split("/", 1)[0].rsplit("@", 1)[-1]
    if name.startswith("["):
        name = name[1:].split("]", 1)[0]
    elif name.count(":") == 1:
        name = name.split(":", 1)[0]
    for pattern, provider in _HOST_PATTERNS:
        if pattern.search(name):
            return provider.kind
    return None


# The API hosts users type into :host, for spotting a misspelt one.
API_HOSTS: tuple[str, ...] = (
    "api.openai.com", "api.anthropic.com", "generativelanguage.googleapis.com",
    "openrouter.ai", "api.deepseek.com", "api.groq.com", "api.mistral.ai",
    "codestral.mistral.ai", "api.x.ai", "api.perplexity.ai", "api.together.xyz",
    "api.githubcopilot.com", "models.github.ai", "models.inference.ai.azure.com",
    "kagi.com", "api.cerebras.ai", "api.fireworks.ai", "ollama.com",
)


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
    close = [known for known in API_HOSTS if _distance(name, known, 2) <= 2]
    return close[0] if len(close) == 1 else None


def lookup(kind: str | None) -> Provider | None:
    return _BY_KIND.get(kind or "")


def display_name(kind: str | None) -> str:
    provider = lookup(kind)
    if provider:
        return provider.name
    return kind or "the provider"
