"""GitHub Copilot chat (gptel-gh): an OAuth token, no key.

GitHub documents no error bodies; its usage-limits page says what a used-up plan allowance
means, and Copilot's clients show it as `quota_exceeded` ("You have no quota", HTTP 402) or
"quota exceeded" (HTTP 429 in the JetBrains client's log).
"""

from __future__ import annotations

from .record import Code, Provider

_LIMITS = "https://docs.github.com/en/copilot/concepts/billing-and-usage/individuals/usage-limits"
_USED_UP = ("The plan's allowance (premium requests, chat messages or AI credits) is used up "
            "until it renews; upgrade the plan or allow paid extra usage.",
            "当前计划的额度（高级请求、聊天消息或 AI 额度）已经用完，要等到续期；"
            "可以升级计划，或允许付费的额外用量。")

RECORD = Provider(
    kind="copilot",
    name="GitHub Copilot",
    hosts=r"githubcopilot\.com$",
    api_hosts=("api.githubcopilot.com",),
    keys_url="https://github.com/settings/copilot",
    billing_url="https://github.com/settings/copilot",
    status_url="https://www.githubstatus.com/",
    codes=(
        Code("quota_exceeded", "billing.quota_exhausted", *_USED_UP, _LIMITS),
        Code("", "billing.quota_exhausted", *_USED_UP, _LIMITS,
             text=r"quota exceeded|you have no quota|monthly (chat messages )?quota"
             r"|premium request allowance|monthly limit for premium requests"),
    ),
)
