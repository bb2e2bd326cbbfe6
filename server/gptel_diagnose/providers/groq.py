"""Groq: fast inference behind an OpenAI-compatible API."""

from __future__ import annotations

from .record import Code, ModelList, Provider

DOCS = "https://console.groq.com/docs/errors"

RECORD = Provider(
    kind="groq",
    name="Groq",
    hosts=r"(^|\.)groq\.com$",
    web_hosts=(("groq.com", "api.groq.com"), ("console.groq.com", "api.groq.com")),
    api_hosts=("api.groq.com",),
    chat_paths=r"^/openai/v1/(chat/completions|responses)$",
    key_env="GROQ_API_KEY",
    key_prefixes=("gsk_",),
    keys_url="https://console.groq.com/keys",
    billing_url="https://console.groq.com/settings/billing",
    usage_url="https://console.groq.com/settings/limits",
    status_url="https://groqstatus.com/",
    models_url="https://console.groq.com/docs/models",
    errors_url=DOCS,
    models=ModelList("/openai/v1/models", "bearer"),
    codes=(
        Code("", "auth.invalid_key",
             "The request lacks valid credentials: check the API key.",
             "请求缺少有效凭据:请检查 API 密钥。", DOCS, http=401),
        Code("", "auth.permission",
             "The request is not allowed by the account's permissions.",
             "账户权限不允许此请求。", DOCS, http=403),
        Code("", "request.context_length",
             "The request body is too large; reduce its size.",
             "请求体过大;请减小请求大小。", DOCS, http=413),
        Code("", "rate_limit",
             "Too many requests or tokens; wait as retry-after says.",
             "请求或 token 过多,触发速率限制;按 retry-after 指示等待。", DOCS, http=429),
        Code("", "server.overloaded",
             "The flex service tier is at capacity; retry later.",
             "flex 服务层容量已满;请稍后重试。", DOCS, http=498),
    ),
)
