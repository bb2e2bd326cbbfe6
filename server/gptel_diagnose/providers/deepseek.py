"""DeepSeek: documents its errors by HTTP status; the body's code field is generic."""

from __future__ import annotations

from .record import Balance, Code, ModelList, Provider

_ERRORS = "https://api-docs.deepseek.com/quick_start/error_codes"
_ERRORS_ZH = "https://api-docs.deepseek.com/zh-cn/quick_start/error_codes"

RECORD = Provider(
    kind="deepseek",
    name="DeepSeek",
    name_zh="深度求索 DeepSeek",
    hosts=r"(^|\.)deepseek\.com$",
    web_hosts=(("deepseek.com", "api.deepseek.com"),
               ("platform.deepseek.com", "api.deepseek.com"),
               ("api-docs.deepseek.com", "api.deepseek.com")),
    api_hosts=("api.deepseek.com",),
    chat_paths=r"^(/v1|/beta)?/chat/completions$|^/anthropic/v1/messages$",
    key_env="DEEPSEEK_API_KEY",
    key_prefixes=("sk-",),
    console_url="https://platform.deepseek.com/",
    keys_url="https://platform.deepseek.com/api_keys",
    billing_url="https://platform.deepseek.com/top_up",
    usage_url="https://platform.deepseek.com/usage",
    status_url="https://status.deepseek.com/",
    models_url="https://api-docs.deepseek.com/quick_start/pricing",
    errors_url=_ERRORS,
    models=ModelList("/models", "bearer"),
    balance=Balance("/user/balance", "deepseek",
                    "https://api-docs.deepseek.com/api/get-user-balance"),
    codes=(
        # DeepSeek sends these with code "invalid_request_error" or "unknown_error", so the
        # status and the documented message tell them apart.
        Code("", "billing.quota_exhausted", "The account has run out of balance.",
             "账号余额不足，请充值", _ERRORS_ZH, http=402,
             text=r"insufficient balance|余额不足"),
        Code("", "auth.invalid_key", "Authentication fails: the API key is wrong.",
             "API key 错误，认证失败", _ERRORS_ZH, http=401,
             text=r"authentication fail|api key.*invalid|认证失败"),
        Code("", "rate_limit", "Requests are sent too quickly (rate or concurrency limit).",
             "请求速率或并发达到上限", _ERRORS_ZH, http=429,
             text=r"rate limit|请求速率|并发"),
        Code("", "request.invalid_parameter", "The request body has an invalid format.",
             "请求体格式错误", _ERRORS_ZH, http=400, text=r"invalid format|格式错误"),
        Code("", "request.invalid_parameter", "The request contains invalid parameters.",
             "请求体参数错误", _ERRORS_ZH, http=422, text=r"invalid param|参数错误"),
        Code("", "server.overloaded", "The server is overloaded due to high traffic.",
             "服务器负载过高，服务器繁忙", _ERRORS_ZH, http=503,
             text=r"overload|服务器繁忙|负载过高"),
        Code("", "server.overloaded", "The server has an internal fault; retry later.",
             "服务器内部故障", _ERRORS_ZH, http=500, text=r"server error|服务器故障|内部故障"),
    ),
)
