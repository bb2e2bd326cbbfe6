"""GitHub Models: models for a GitHub token.  No public error documentation."""

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
