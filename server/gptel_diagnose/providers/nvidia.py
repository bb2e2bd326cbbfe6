"""NVIDIA API Catalog (hosted NIM): OpenAI-compatible models at integrate.api.nvidia.com."""

from __future__ import annotations

from .record import Provider

DOCS = "https://docs.api.nvidia.com/nim/reference/llm-apis"  # the API reference

RECORD = Provider(
    kind="nvidia",
    name="NVIDIA NIM",
    hosts=r"(^|\.)api\.nvidia\.com$",
    api_hosts=("integrate.api.nvidia.com",),
    # The catalog's one base URL, https://integrate.api.nvidia.com/v1, takes OpenAI's Chat
    # Completions request for every model it hosts.
    chat_paths=r"^/v1/chat/completions$",
    key_env="NVIDIA_API_KEY",
    key_prefixes=("nvapi-",),
    keys_url="https://build.nvidia.com/settings",
    errors_url=DOCS,
    models_url="https://build.nvidia.com/models",
)
