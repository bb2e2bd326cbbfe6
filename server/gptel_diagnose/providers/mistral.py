"""Mistral: La Plateforme (api.mistral.ai) and the separate Codestral endpoint."""

from __future__ import annotations

from .record import Code, ModelList, Provider

DOCS = "https://docs.mistral.ai/resources/error-glossary"
STRICT = "https://docs.mistral.ai/resources/release-note/2024-01-11-strict-api-parameter-validation"

RECORD = Provider(
    kind="mistral",
    name="Mistral",
    hosts=r"(^|\.)mistral\.ai$",
    web_hosts=(("mistral.ai", "api.mistral.ai"), ("console.mistral.ai", "api.mistral.ai")),
    api_hosts=("api.mistral.ai", "codestral.mistral.ai"),
    chat_paths=r"^/v1/(chat|fim)/completions$",
    key_env="MISTRAL_API_KEY",
    keys_url="https://console.mistral.ai/api-keys",
    billing_url="https://console.mistral.ai/billing",
    usage_url="https://console.mistral.ai/usage",
    status_url="https://status.mistral.ai/",
    errors_url=DOCS,
    models=ModelList("/v1/models", "bearer"),
    codes=(
        Code("", "auth.invalid_key",
             "The API key is missing, invalid, expired, or from another workspace.",
             "API 密钥缺失、无效、已过期,或属于其他工作区。", DOCS, http=401),
        Code("", "auth.permission",
             "The account may not use this resource, e.g. a model outside its subscription tier.",
             "账户无权使用该资源,例如所订阅等级之外的模型。", DOCS, http=403),
        # Its validation errors (HTTPValidationError in its SDKs): a field or value it refuses,
        # or an unknown parameter since strict validation (2024-01-11).
        Code("", "request.invalid_parameter",
             "A parameter or value in the request is invalid or not supported.",
             "请求中的某个参数或取值无效或不受支持。", STRICT, http=422),
        Code("", "rate_limit",
             "Too many requests; retry with backoff.",
             "请求过多,触发速率限制;请退避后重试。", DOCS, http=429),
    ),
)
