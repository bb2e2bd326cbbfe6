"""GitHub Models: models for a GitHub token.  No public error documentation.

GitHub retired the service on 30 July 2026 (after brownouts on 16 and 23 July that answered
410): its hosts answer no one, and ENDP007 says so.  The record stays, so that a backend
still pointing at them is recognised.
"""

from __future__ import annotations

from .record import ModelList, Provider

RECORD = Provider(
    kind="github-models",
    name="GitHub Models",
    hosts=r"models\.github\.ai$|models\.inference\.ai\.azure\.com$",
    api_hosts=("models.github.ai", "models.inference.ai.azure.com"),
    key_env="GITHUB_TOKEN",
    key_prefixes=("ghp_", "github_pat_"),
    keys_url="https://github.com/settings/tokens",
    status_url="https://www.githubstatus.com/",
    models=ModelList("/catalog/models", "bearer"),
)
