"""GitHub Copilot chat (gptel-gh): an OAuth token, no key.  No public error documentation."""

from __future__ import annotations

from .record import Provider

RECORD = Provider(
    kind="copilot",
    name="GitHub Copilot",
    hosts=r"githubcopilot\.com$",
    api_hosts=("api.githubcopilot.com",),
    keys_url="https://github.com/settings/copilot",
    billing_url="https://github.com/settings/copilot",
    status_url="https://www.githubstatus.com/",
)
