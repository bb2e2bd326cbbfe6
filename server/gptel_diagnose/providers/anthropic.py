"""Anthropic: the Claude Messages API."""

from __future__ import annotations

from .record import USAGE_CREDITS_REQUIRED, Code, ModelList, Provider

DOCS = "https://platform.claude.com/docs/en/api/errors"
LIMITS = "https://docs.claude.com/en/api/rate-limits"
EXTRA = "https://github.com/anthropics/claude-code/issues/58730"
SPEND = ("https://learn.microsoft.com/en-us/microsoft-cloud/dev/dev-proxy/concepts/"
         "anthropic-529-overloaded-error")

# invalid_request_error and not_found_error are left out: Anthropic uses them for several
# causes (a format error, a low balance, a wrong path), so the type alone says too little.
RECORD = Provider(
    kind="anthropic",
    name="Anthropic",
    hosts=r"(^|\.)anthropic\.com$",
    web_hosts=(("anthropic.com", "api.anthropic.com"),
               ("console.anthropic.com", "api.anthropic.com"),
               ("docs.anthropic.com", "api.anthropic.com")),
    api_hosts=("api.anthropic.com",),
    chat_paths=r"^/v1/messages$",
    key_env="ANTHROPIC_API_KEY",
    key_prefixes=("sk-ant-",),
    keys_url="https://console.anthropic.com/settings/keys",
    billing_url="https://console.anthropic.com/settings/billing",
    usage_url="https://console.anthropic.com/settings/usage",
    status_url="https://status.anthropic.com/",
    models_url="https://docs.anthropic.com/en/docs/about-claude/models",
    errors_url=DOCS,
    models=ModelList("/v1/models", "x-api-key"),
    retired=r"claude-(instant-)?1(\.\d)?(-[\w.]+)?|claude-2(\.\d)?|claude-3-(sonnet|opus)-20240229"
    r"|claude-3-opus-latest|claude-3-5-sonnet-(2024\d{4}|latest)"
    r"|claude-(sonnet|opus)-4-(20250514|0)",
    retired_source="https://docs.anthropic.com/en/docs/about-claude/model-deprecations",
    codes=(
        Code("enforced_spend_limit_reached", "billing.quota_exhausted",
             "The organization reached its tier's monthly spend cap; access resumes next month "
             "or at a higher tier.",
             "该组织已达到所在等级的每月支出上限;下月或升级等级后恢复。", SPEND, http=429),
        # Not a Claude sign-in the organization does not allow ("OAuth authentication is
        # currently not allowed for this organization"): a good credential the
        # organization's setting refuses (PERM002).
        Code("authentication_error", "auth.invalid_key",
             "There is an issue with the API key.",
             "API 密钥有问题。", DOCS, http=401, rule="AUTH001",
             unless=r"not allowed for this organization"),
        Code("billing_error", "billing.quota_exhausted",
             "There is an issue with the account's billing or payment information.",
             "账户的账单或付款信息有问题。", DOCS, http=402),
        # Not a token revoked or expired since it was issued: the credential is dead, not
        # short of a permission ("OAuth token has been revoked. Please obtain a new token.").
        Code("permission_error", "auth.permission",
             "The API key has no permission to use this resource.",
             "该 API 密钥无权使用所请求的资源。", DOCS, http=403,
             unless=r"token has been revoked|token (?:has )?expired"),
        Code("request_too_large", "request.context_length",
             "The request exceeds the maximum size (32 MB for the Messages API).",
             "请求超过了大小上限(Messages API 为 32 MB)。", DOCS, http=413, rule="CTX001"),
        # Claude's subscription plans type this as a rate limit, yet no wait ends it: Claude
        # Code's own words are "enable extra usage at claude.ai/settings/usage, or use
        # --model to switch to standard context" (a paid add-on, hence billing).
        Code("rate_limit_error", "billing.quota_exhausted",
             "Long-context requests on this Claude plan need extra usage (paid beyond the "
             "plan) enabled, or a model with the standard context.",
             "这个 Claude 套餐的长上下文请求需要开通额外用量（套餐之外付费），或者改用标准上下文"
             "的模型", EXTRA, http=429,
             text=r"extra usage|" + USAGE_CREDITS_REQUIRED,
             next_step="Enable extra usage at https://claude.ai/settings/usage, or choose a "
             "model with the standard context (M-x gptel-menu, then -m).",
             next_step_zh="在 https://claude.ai/settings/usage 开通额外用量，或改用标准上下文的"
             "模型（M-x gptel-menu，再按 -m）。"),
        Code("rate_limit_error", "rate_limit",
             "The account hit a rate limit; wait as long as retry-after says.",
             "账户触发了速率限制;按 retry-after 指示的时间等待后重试。", DOCS, http=429,
             rule="RATE001"),
        Code("api_error", "server.overloaded",
             "An unexpected error inside Anthropic's systems; retry.",
             "Anthropic 系统内部发生意外错误;请重试。", DOCS, http=500, rule="SRV003"),
        Code("timeout_error", "network.timeout",
             "The request timed out while being processed; stream long requests.",
             "请求在处理过程中超时;长请求请使用流式响应。", DOCS, http=504, rule="SRV002"),
        Code("overloaded_error", "server.overloaded",
             "Anthropic's API is temporarily overloaded for all users; retry shortly.",
             "Anthropic 的 API 对所有用户暂时过载;稍后重试。", DOCS, http=529, rule="SRV001"),
        Code("invalid_request_error", "billing.quota_exhausted",
             "Usage reached the spend limit set for the organization or workspace.",
             "用量已达到为组织或工作区设定的支出上限。", LIMITS, http=400,
             text=r"reached your specified (workspace )?api usage limits"),
    ),
)
