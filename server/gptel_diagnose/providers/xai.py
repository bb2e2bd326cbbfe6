"""xAI: the Grok API."""

from __future__ import annotations

from .record import Code, ModelList, Provider

DOCS = "https://docs.x.ai/developers/debugging"

# 403 is left out: xAI sends it both for a blocked key and for a team without credits.
RECORD = Provider(
    kind="xai",
    name="xAI",
    hosts=r"(^|\.)x\.ai$",
    web_hosts=(("x.ai", "api.x.ai"), ("console.x.ai", "api.x.ai")),
    api_hosts=("api.x.ai",),
    chat_paths=r"^/v1/(chat/completions|responses|messages)$",
    key_env="XAI_API_KEY",
    key_prefixes=("xai-",),
    keys_url="https://console.x.ai/",
    billing_url="https://console.x.ai/",
    usage_url="https://console.x.ai/",
    status_url="https://status.x.ai/",
    errors_url=DOCS,
    models=ModelList("/v1/models", "bearer"),
    codes=(
        Code("", "auth.invalid_key",
             "An incorrect API key was supplied (xAI answers 400, not 401).",
             "提供的 API 密钥不正确(xAI 返回 400 而不是 401)。", DOCS, http=400,
             text=r"incorrect api key provided", rule="AUTH001"),
        # gRPC's INVALID_ARGUMENT, as xAI words it in the body's "code" ("Client specified
        # an invalid argument", with "The model expects a single `text` element per
        # message." as the error: nocmt/LLMSearchPlus#2).
        # xAI sends it for a wrong key too, the message saying so (the entry above).
        Code("client specified an invalid argument", "request.invalid_parameter",
             "An argument or a message shape the model does not accept (gRPC's "
             "INVALID_ARGUMENT).",
             "模型不接受的参数或消息格式（gRPC 的 INVALID_ARGUMENT）。", DOCS,
             # Its video generation too, for an output its moderation refused ("Generated video
             # rejected by content moderation"): the content, not an argument.
             unless=r"incorrect api key provided|rejected by content moderation"),
        Code("", "auth.invalid_key",
             "No authorization header, or an invalid token.",
             "缺少 Authorization 请求头,或令牌无效。", DOCS, http=401),
    ),
)
