"""SiliconFlow: a numeric `code` and a `message`, no OpenAI `error` object.

Its 403 means either no balance or a model that needs real-name verification or paid
balance; the message tells which.
"""

from __future__ import annotations

from .record import Balance, Code, ModelList, Provider

_ERRORS = "https://docs.siliconflow.cn/cn/faqs/error-code"

RECORD = Provider(
    kind="siliconflow",
    name="SiliconFlow",
    name_zh="硅基流动",
    hosts=r"(^|\.)siliconflow\.(cn|com)$",
    web_hosts=(("siliconflow.cn", "api.siliconflow.cn"),
               ("cloud.siliconflow.cn", "api.siliconflow.cn"),
               ("siliconflow.com", "api.siliconflow.com"),
               ("cloud.siliconflow.com", "api.siliconflow.com")),
    api_hosts=("api.siliconflow.cn", "api.siliconflow.com", "api.ap.siliconflow.com"),
    chat_paths=r"^/v1/chat/completions$",
    key_prefixes=("sk-",),
    console_url="https://cloud.siliconflow.cn/",
    errors_url=_ERRORS,
    models=ModelList("/models", "bearer"),
    balance=Balance("/v1/user/info", "siliconflow",
                    "https://docs.siliconflow.cn/cn/api-reference/userinfo/get-user-info"),
    codes=(
        # SiliconFlow's code is a number; the message names the error too.
        Code("", "model.not_found", "The model does not exist; check its name.",
             "模型不存在，请检查模型名称", _ERRORS, http=400, text=r"model does not exist"),
        Code("", "billing.quota_exhausted",
             "The account balance (or the paid balance a Pro model needs) is insufficient.",
             "账户余额不足，请充值", _ERRORS, http=403,
             text=r"balance is insufficient|insufficient balance|余额不足"),
        Code("", "auth.permission",
             "No permission, most often because the model needs real-name verification.",
             "权限不够，最常见的原因是该模型需要实名认证", _ERRORS, http=403,
             text=r"permission|real-name|实名|权限"),
        Code("", "auth.invalid_key", "The API key is not set correctly.",
             "API Key 没有正确设置", _ERRORS, http=401, text=r"invalid token|api key|unauthori"),
        Code("", "rate_limit",
             "A rate limit (RPM, RPD, TPM, TPD, IPM or IPD) was reached.",
             "触发了速率限制（RPM / RPD / TPM / TPD / IPM / IPD）", _ERRORS, http=429,
             text=r"rate limit|速率"),
        # The code its 400 "parameter not correct" comes with, the message naming what was
        # refused (17 reports in the corpus, e.g. "Value error, after assistant message, next
        # must be user or tool message").  Not in its documentation, and a prompt over the
        # model's length comes with it too (its words win): likely, not certain.
        Code("20015", "request.invalid_parameter",
             "A request parameter is not valid (the message names it), or the prompt is "
             "longer than the model takes.",
             "参数不正确，请参考报错信息（message）修正不合法的请求参数；也可能是提示超出模型的长度",
             _ERRORS, http=400, sure=False),
        Code("", "server.overloaded",
             "The service is under high load; retry, or use streaming.",
             "服务系统负载比较高，请稍后重试", _ERRORS, http=503,
             text=r"overload|busy|too many|繁忙|负载"),
    ),
)
