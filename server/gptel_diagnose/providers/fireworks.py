"""Fireworks AI: open models behind an OpenAI-compatible API."""

from __future__ import annotations

from .record import Code, Provider

DOCS = "https://docs.fireworks.ai/guides/inference-error-codes"

RECORD = Provider(
    kind="fireworks",
    name="Fireworks",
    hosts=r"(^|\.)fireworks\.ai$",
    api_hosts=("api.fireworks.ai",),
    chat_paths=r"^/inference/v1/chat/completions$",
    key_env="FIREWORKS_API_KEY",
    errors_url=DOCS,
    codes=(
        Code("", "auth.invalid_key",
             "Invalid API key or insufficient permissions.",
             "API 密钥无效或权限不足。", DOCS, http=401),
        Code("", "billing.quota_exhausted",
             "The account is not on a paid plan or has exceeded its usage limits.",
             "账户未开通付费方案,或已超出用量上限。", DOCS, http=402),
        Code("", "auth.invalid_key",
             "Authentication issues: verify the API key.",
             "认证出现问题:请核对 API 密钥。", DOCS, http=403),
        Code("", "endpoint.wrong",
             "The HTTP method is not supported for this path.",
             "该路径不支持此 HTTP 方法。", DOCS, http=405),
        Code("", "network.timeout",
             "The request took too long to complete; retry after a brief wait.",
             "请求耗时过长;稍等片刻后重试。", DOCS, http=408),
    ),
)
