"""vLLM: a local OpenAI-compatible server (port 8000).  No error-code documentation."""

from __future__ import annotations

from .record import ModelList, Provider

RECORD = Provider(
    kind="vllm",
    name="vLLM",
    models=ModelList("/v1/models", "bearer"),
    local_port=8000,
    start_command="vllm serve MODEL --port 8000",
)
