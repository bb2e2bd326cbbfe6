"""GPT4All: the desktop app's local API server (port 4891).  No error-code documentation."""

from __future__ import annotations

from .record import ModelList, Provider

RECORD = Provider(
    kind="gpt4all",
    name="GPT4All",
    models=ModelList("/v1/models", "bearer"),
    local_port=4891,
    start_command="start GPT4All and enable its API server (Settings > Application)",
)
