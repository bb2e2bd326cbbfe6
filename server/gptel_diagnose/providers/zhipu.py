"""Zhipu AI (GLM) at open.bigmodel.cn, and Z.ai, its international host (not x.ai).

Zhipu puts a numeric business code in `error.code`; the HTTP status is often 429 even when
the code says the account has no money (1113), a plan's window of hours is used up (1308)
or its weekly or monthly cap is reached (1310).
"""

from __future__ import annotations

from .record import Code, ModelList, Provider, Site

_CODES = "https://docs.bigmodel.cn/cn/api/api-code"
_CODES_NEW = "https://docs.bigmodel.cn/cn/faq/api-code"
_ZAI_CODES = "https://docs.z.ai/api-reference/api-code"

_PARAMETER_WRONG = Code("1210", "request.invalid_parameter", "A parameter of the call is wrong.",
                        "API 调用参数有误，请检查文档", _CODES_NEW, http=400)

RECORD = Provider(
    kind="zhipu",
    name="Zhipu AI (GLM) / Z.ai",
    name_zh="智谱 GLM",
    hosts=r"(^|\.)bigmodel\.cn$|(^|\.)z\.ai$",
    web_hosts=(("bigmodel.cn", "open.bigmodel.cn"), ("z.ai", "api.z.ai")),
    api_hosts=("open.bigmodel.cn", "api.z.ai"),
    chat_paths=r"^/api/(coding/)?paas/v4/chat/completions$|^/api/anthropic/v1/messages$",
    key_env="ZAI_API_KEY",
    console_url="https://bigmodel.cn/usercenter/proj-mgmt/apikeys",
    keys_url="https://bigmodel.cn/usercenter/proj-mgmt/apikeys",
    # The finance centre behind the console's "财务" link (the docs' navigation): balance,
    # top-up and resource packages of a bigmodel.cn account.
    billing_url="https://bigmodel.cn/finance-center/finance/overview",
    errors_url=_CODES,
    # Z.ai is a separate account on its own site.
    sites=(Site(r"(^|\.)z\.ai$", console_url="https://z.ai/model-api",
                keys_url="https://z.ai/model-api", billing_url="https://z.ai/model-api",
                errors_url=_ZAI_CODES),),
    models=ModelList("/models", "bearer"),
    codes=(
        Code("1000", "auth.invalid_key", "Authentication failed.", "身份验证失败",
             _CODES_NEW, http=401),
        Code("1001", "auth.missing_key", "No Authorization header was received.",
             "Header 中未收到 Authentication 参数，无法进行身份验证", _CODES_NEW, http=401),
        Code("1002", "auth.invalid_key", "The authentication token is invalid.",
             "Authentication Token 非法，请确认 Authentication Token 正确传递", _CODES),
        Code("1003", "auth.invalid_key", "The authentication token has expired.",
             "Authentication Token 已过期，请重新生成/获取", _CODES_NEW, http=401),
        Code("1004", "auth.invalid_key", "Verification of the authentication token failed.",
             "通过 Authentication Token 的验证失败", _CODES),
        Code("1005", "auth.permission", "Two-factor authentication is required.",
             "已开启二次认证保护，需要二次认证登录", _CODES_NEW, http=401),
        Code("1110", "auth.permission", "The account is inactive.",
             "您的账户当前处于非活动状态，请检查账户信息", _CODES),
        Code("1111", "auth.permission", "The account does not exist.", "您的账户不存在",
             _CODES),
        Code("1112", "auth.permission", "The account is locked.", "您的账户已被锁定", _CODES),
        Code("1113", "billing.quota_exhausted",
             "No balance and no resource package left (the account is in arrears): recharge.",
             "余额不足或无可用资源包，请充值（您的账户已欠费，请充值后重试）",
             _CODES_NEW, http=429),
        Code("1121", "auth.permission", "The account is locked for a policy violation.",
             "账户存在违规行为，账号已被锁定", _CODES),
        Code("1200", "server.overloaded", "The API call failed on the server; retry later.",
             "API 调用失败", _CODES_NEW, http=500),
        _PARAMETER_WRONG,
        # Z.ai's English for it, passed on without the code ("Invalid API parameter, please
        # check the documentation.", BrowserOS).
        _PARAMETER_WRONG.by_words(r"invalid api parameter, please check the documentation",
                                  http=None),
        Code("1211", "model.not_found", "The model does not exist; check the model code.",
             "模型不存在，请检查模型代码", _ZAI_CODES),
        Code("1212", "request.invalid_parameter",
             "The model does not support this way of calling it.",
             "当前模型不支持该调用方式", _CODES),
        Code("1213", "request.invalid_parameter", "A required parameter was not received.",
             "未正常接收到参数", _CODES),
        Code("1214", "request.invalid_parameter", "A parameter is invalid.",
             "参数非法，请检查文档", _CODES),
        Code("1220", "auth.permission", "This key may not access the API.",
             "您无权访问该 API", _CODES),
        Code("1221", "endpoint.wrong", "The API has been taken offline.", "该 API 已下线",
             _CODES),
        Code("1222", "endpoint.wrong", "The API does not exist.", "该 API 不存在", _CODES),
        Code("1261", "request.context_length", "The prompt is too long.", "Prompt 超长",
             _CODES),
        Code("1301", "content_policy",
             "Content review: the input or the output may contain unsafe or sensitive content.",
             "系统检测到输入或生成内容可能包含不安全或敏感内容", _CODES),
        Code("1302", "rate_limit",
             "Too many concurrent requests (the account's rate limit): slow down.",
             "您的账户已达到速率限制，请您控制请求频率（并发数过高，请降低并发）", _CODES_NEW),
        Code("1303", "rate_limit", "Requests are too frequent: lower the rate.",
             "您当前使用该 API 的频率过高，请降低频率，或联系客服增加限额", _CODES),
        Code("1304", "rate_limit",
             "The API's daily call cap is reached (resets the next day).",
             "该 API 已达今日调用次数限额", _CODES),
        Code("1305", "server.overloaded",
             "The model has too much traffic right now (platform-side); retry later.",
             "该模型当前访问量过大，请您稍后再试", _CODES_NEW),
        # A window of hours ("Usage limit reached for 5 hour. Your limit will reset at ..."):
        # a cap per unit of time, which waiting lifts (LABELING.md's rate_limit, as MiniMax's
        # Token Plan window); so is the weekly or monthly cap (1310), which gives its reset.
        Code("1308", "rate_limit",
             "The plan's usage cap for this window of hours is reached; it lifts when the "
             "window resets.",
             "已达到套餐的使用上限，您的限额将在重置时间后恢复", _CODES),
        Code("1309", "billing.quota_exhausted", "The GLM Coding Plan has expired: renew it.",
             "您的 GLM Coding Plan 套餐已到期，暂无法使用", _CODES),
        # A cap that names both a week and a month, with its reset time: a window that
        # lifts, as a weekly one does (LABELING.md, stop 52).
        Code("1310", "rate_limit",
             "The plan's weekly or monthly usage cap is reached; it lifts at the reset time "
             "the message gives.",
             "您已达到每周/每月使用上限，限额将在消息给出的时间重置", _CODES),
        Code("1311", "model.not_found", "The current plan does not include this model.",
             "当前订阅套餐暂未开放该模型权限", _CODES),
        Code("1305", "server.overloaded",
             "The API's traffic limit is reached for this model; retry later or switch model.",
             "该 API 已触发流量限制（该模型当前访问量过大），请稍后再试", _CODES),
        Code("1312", "server.overloaded",
             "The model has too much traffic; retry later or switch model.",
             "该模型当前访问量过大，请您稍后再试，或切换其他模型", _CODES),
        Code("1313", "rate_limit",
             "Requests are throttled under the fair-use policy.",
             "您的账户当前使用模式不符合公平使用策略，请求频率已受到限制", _CODES),
    ),
)
