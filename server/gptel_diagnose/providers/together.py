"""Together AI: open models behind an OpenAI-compatible API."""

from __future__ import annotations

from .record import Code, ModelList, Provider

DOCS = "https://docs.together.ai/docs/error-codes"

RECORD = Provider(
    kind="together",
    name="Together AI",
    hosts=r"(^|\.)together\.(xyz|ai)$",
    api_hosts=("api.together.xyz",),
    chat_paths=r"^/v1/chat/completions$",
    key_env="TOGETHER_API_KEY",
    keys_url="https://api.together.xyz/settings/api-keys",
    billing_url="https://api.together.xyz/settings/billing",
    status_url="https://status.together.ai/",
    errors_url=DOCS,
    models=ModelList("/v1/models", "bearer"),
    codes=(
        Code("", "auth.invalid_key",
             "The API key is missing or invalid.",
             "API 密钥缺失或无效。", DOCS, http=401),
        Code("", "billing.quota_exhausted",
             "The account reached its maximum monthly spending limit; adjust billing or pay.",
             "账户已达到每月支出上限;请调整账单设置或付款。", DOCS, http=402),
        Code("", "request.context_length",
             "Input tokens plus max_tokens exceed the model's context length.",
             "输入 token 数加 max_tokens 超过了模型的上下文长度。", DOCS, http=403),
        Code("", "rate_limit",
             "Too many requests in a short time; throttle them.",
             "短时间内请求过多,触发限流;请降低请求频率。", DOCS, http=429),
        Code("", "server.overloaded",
             "The servers see high traffic; retry after a brief wait.",
             "服务器流量过高;稍等片刻后重试。", DOCS, http=503),
    ),
)
