"""LM Studio: a local OpenAI-compatible server (port 1234).  No error-code documentation."""

from __future__ import annotations

from .record import ModelList, Provider

RECORD = Provider(
    kind="lmstudio",
    name="LM Studio",
    models=ModelList("/v1/models", "bearer"),
    local_port=1234,
    start_command="lms server start",
)
