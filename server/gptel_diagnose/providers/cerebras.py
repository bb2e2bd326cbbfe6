"""Cerebras: inference behind an OpenAI-compatible API."""

from __future__ import annotations

from .record import Code, Provider

DOCS = "https://inference-docs.cerebras.ai/support/error"

RECORD = Provider(
    kind="cerebras",
    name="Cerebras",
    hosts=r"(^|\.)cerebras\.ai$",
    api_hosts=("api.cerebras.ai",),
    chat_paths=r"^/v1/chat/completions$",
    key_env="CEREBRAS_API_KEY",
    errors_url=DOCS,
    codes=(
        Code("", "auth.invalid_key",
             "Authentication failed: check the API key.",
             "认证失败:请检查 API 密钥。", DOCS, http=401),
        Code("", "billing.quota_exhausted",
             "Payment required: the account has to pay before it can be served.",
             "需要付款:账户付费后才能继续使用。", DOCS, http=402),
        Code("", "auth.permission",
             "Permission denied for this resource.",
             "无权访问该资源。", DOCS, http=403),
        Code("", "rate_limit",
             "Too many requests or tokens: rate limited.",
             "请求或 token 过多,触发速率限制。", DOCS, http=429),
        Code("", "server.overloaded",
             "The service is unavailable; retry later.",
             "服务不可用;请稍后重试。", DOCS, http=503),
    ),
)
