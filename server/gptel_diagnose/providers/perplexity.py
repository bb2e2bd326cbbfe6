"""Perplexity: the Sonar API.  It publishes no error-code documentation."""

from __future__ import annotations

from .record import Provider

RECORD = Provider(
    kind="perplexity",
    name="Perplexity",
    hosts=r"(^|\.)perplexity\.ai$",
    web_hosts=(("perplexity.ai", "api.perplexity.ai"),),
    api_hosts=("api.perplexity.ai",),
    chat_paths=r"^(/v1)?/chat/completions$",
    key_env="PERPLEXITY_API_KEY",
    key_prefixes=("pplx-",),
    keys_url="https://www.perplexity.ai/settings/api",
    billing_url="https://www.perplexity.ai/settings/api",
    status_url="https://status.perplexity.com/",
)
