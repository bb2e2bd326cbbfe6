"""Baichuan AI: an OpenAI-compatible API; no official error table could be read."""

from __future__ import annotations

from .record import ModelList, Provider

RECORD = Provider(
    kind="baichuan",
    name="Baichuan AI",
    name_zh="百川智能",
    hosts=r"(^|\.)baichuan-ai\.com$",
    api_hosts=("api.baichuan-ai.com",),
    console_url="https://platform.baichuan-ai.com/",
    models=ModelList("/models", "bearer"),
)
