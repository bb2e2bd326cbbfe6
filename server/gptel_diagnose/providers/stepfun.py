"""StepFun: documents its errors by HTTP status, in Chinese."""

from __future__ import annotations

from .record import Balance, Code, ModelList, Provider

_ERRORS = "https://platform.stepfun.com/docs/zh/guide/exception"

RECORD = Provider(
    kind="stepfun",
    name="StepFun",
    name_zh="阶跃星辰",
    hosts=r"(^|\.)stepfun\.(com|ai)$",
    api_hosts=("api.stepfun.com", "api.stepfun.ai"),
    console_url="https://platform.stepfun.com/",
    errors_url=_ERRORS,
    models=ModelList("/models", "bearer"),
    balance=Balance("/v1/accounts", "stepfun",
                    "https://platform.stepfun.com/docs/zh/api-reference/accounts/get"),
    codes=(
        Code("", "billing.quota_exhausted",
             "The account balance cannot pay for this call.",
             "你的账号当中的余额已经无法支撑本次调用", _ERRORS, http=402,
             text=r"balance|余额"),
        Code("invalid_api_key", "auth.invalid_key",
             "Invalid authentication: a wrong API key (China keys and international keys "
             "are not interchangeable).",
             "认证无效，使用了错误的 API 密钥", _ERRORS, http=401),
        Code("", "rate_limit", "Requests exceed the allowed frequency.",
             "请求频次已经超出了允许的频次", _ERRORS, http=429,
             text=r"rate limit|too many|频次|频率"),
        Code("", "content_policy",
             "The request or the model's answer did not pass content review.",
             "请求内容或大模型响应内容中出现了无法通过安全审核的内容", _ERRORS, http=451,
             text=r"安全审核|sensitive|content"),
        Code("", "endpoint.wrong", "The request path is wrong.", "请求路径不正确", _ERRORS,
             http=404, text=r"not found|路径"),
        Code("", "server.overloaded", "A server-side problem; retry after a moment.",
             "服务端问题，可稍等重试", _ERRORS, http=503,
             text=r"overload|busy|unavailable|繁忙"),
    ),
)
