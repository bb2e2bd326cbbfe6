"""OpenRouter: one key for many upstream providers."""

from __future__ import annotations

from .record import Balance, Code, ModelList, Provider

DOCS = "https://openrouter.ai/docs/api/reference/errors-and-debugging"

# OpenRouter's error.code is the HTTP status as a number, so its codes are statuses.
RECORD = Provider(
    kind="openrouter",
    name="OpenRouter",
    hosts=r"(^|\.)openrouter\.ai$",
    api_hosts=("openrouter.ai",),
    chat_paths=r"^/api/v1/(chat/completions|responses)$",
    key_env="OPENROUTER_API_KEY",
    key_prefixes=("sk-or-",),
    keys_url="https://openrouter.ai/settings/keys",
    billing_url="https://openrouter.ai/settings/credits",
    usage_url="https://openrouter.ai/activity",
    status_url="https://status.openrouter.ai/",
    models_url="https://openrouter.ai/models",
    errors_url=DOCS,
    models=ModelList("/api/v1/key", "bearer"),
    balance=Balance("/api/v1/key", "openrouter",
                    "https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key"),
    codes=(
        Code("", "auth.invalid_key",
             "Invalid credentials: a disabled or invalid API key, or an expired OAuth session.",
             "凭据无效:API 密钥已停用或无效,或 OAuth 会话已过期。", DOCS, http=401),
        Code("", "billing.quota_exhausted",
             "The account or API key has insufficient credits; add credits and retry.",
             "账户或 API 密钥的余额不足;请充值后重试。", DOCS, http=402),
        Code("", "network.timeout",
             "The request timed out.",
             "请求超时。", DOCS, http=408),
        Code("", "rate_limit",
             "Requests are being rate limited.",
             "请求被限流。", DOCS, http=429),
        Code("", "server.overloaded",
             "The chosen model is down or returned an invalid response.",
             "所选模型不可用,或返回了无效的响应。", DOCS, http=502),
    ),
)
