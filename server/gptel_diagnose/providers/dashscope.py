"""Alibaba Cloud Model Studio (Bailian, DashScope): Qwen, in China and abroad.

Compatible mode puts the code in both `error.code` and `error.type`.  A key works only with
the Base URL of its own region and plan; elsewhere it is a 401.
"""

from __future__ import annotations

from .record import Code, ModelList, Provider

_ERRORS = "https://help.aliyun.com/zh/model-studio/error-code"
_ERRORS_EN = "https://www.alibabacloud.com/help/en/model-studio/error-code"
_QUICK = "https://help.aliyun.com/en/model-studio/error-code-start"
_STATUS = "https://www.alibabacloud.com/help/en/model-studio/developer-reference/error-code"
# Words that make a reused access code a rate limit (see AccessDenied below).
_RATE_WORDS = r"rate limit exceeded"

_ARREARAGE = Code("arrearage", "billing.quota_exhausted",
                  "The Alibaba Cloud account is in arrears (overdue payment): top it up.",
                  "账户欠费，请充值后重试", _ERRORS)
_FREE_TIER_ONLY = Code("allocationquota.freetieronly", "billing.quota_exhausted",
                       "The free quota is used up and the key is set to use the free tier only.",
                       "免费额度已用尽，且已开启“仅使用免费额度”", _ERRORS)
_INSPECTION = Code("datainspectionfailed", "content_policy",
                   "Content review: the input or output may contain inappropriate content.",
                   "输入或输出内容可能包含不当内容，未通过内容安全审核", _STATUS, http=400)
_INPUT_TOO_LONG = Code("invalid_parameter_error", "request.context_length",
                       "The input is longer than the model accepts.",
                       "调用模型时输入内容长度超过模型上限", _ERRORS, http=400,
                       text=r"range of input length")
_URL_WRONG = Code("invalidparameter", "endpoint.wrong",
                  "The request URL is wrong: check the Base URL for your region and API.",
                  "请求的 URL 不正确：请检查所在地域和接口对应的 Base URL", _ERRORS, http=400,
                  text=r"url error, please check url")

RECORD = Provider(
    kind="dashscope",
    name="Alibaba Cloud Model Studio (DashScope)",
    name_zh="阿里云百炼",
    hosts=r"(^|\.)dashscope(-intl|-us)?\.aliyuncs\.com$|\.maas\.aliyuncs\.com$",
    web_hosts=(("bailian.console.aliyun.com", "dashscope.aliyuncs.com"),
               ("dashscope.console.aliyun.com", "dashscope.aliyuncs.com")),
    api_hosts=("dashscope.aliyuncs.com", "dashscope-intl.aliyuncs.com",
               "dashscope-us.aliyuncs.com", "coding.dashscope.aliyuncs.com"),
    chat_paths=r"^/compatible-mode/v1/chat/completions$",
    key_env="DASHSCOPE_API_KEY",
    key_prefixes=("sk-",),
    errors_url=_ERRORS,
    console_url="https://bailian.console.aliyun.com/",
    models_url="https://help.aliyun.com/en/model-studio/base-url",
    models=ModelList("/models", "bearer"),
    codes=(
        _ARREARAGE,
        # Arrearage's message, when a client shows only the text ("Access denied, please make
        # sure your account is in good standing").
        _ARREARAGE.by_words(r"account is (in|on) good standing"
                            r"|ensure it'?s (in|on) good standing"),
        _FREE_TIER_ONLY,
        # The same, by its message, as a gateway passes it on without the code.
        # Its OpenAI-compatible mode words it "The free quota has been exhausted ... (or
        # disable the \"use free tier only\" mode".
        _FREE_TIER_ONLY.by_words(r"free tier of the model has been exhausted"
                                 r"|free quota has been exhausted"),
        Code("data_inspection_failed", "content_policy", _INSPECTION.meaning,
             _INSPECTION.meaning_zh, _ERRORS),
        _INSPECTION,
        _INSPECTION.by_words(r"data may contain inappropriate content", http=None),
        Code("invalidparameter", "request.context_length", _INPUT_TOO_LONG.meaning,
             _INPUT_TOO_LONG.meaning_zh, _ERRORS, http=400, text=r"range of input length"),
        _INPUT_TOO_LONG,
        _URL_WRONG,
        # The same two, quoted by a client without the code.
        _INPUT_TOO_LONG.by_words(r"range of input length", http=None),
        _URL_WRONG.by_words(r"url error, please check url", http=None),
        Code("invalidparameter", "request.invalid_parameter",
             "A required parameter is missing or invalid.",
             "请求参数缺失或不合法，请检查请求参数", _STATUS, http=400),
        Code("invalid_parameter_error", "request.invalid_parameter",
             "A required parameter is missing or invalid.",
             "请求参数缺失或不合法，请检查请求参数", _ERRORS_EN, http=400),
        Code("invalidapikey", "auth.invalid_key",
             "The API key is invalid, or it is not for this region's Base URL or plan.",
             "API Key 无效，或与地域、Base URL 不匹配", _QUICK, http=401),
        Code("invalid_api_key", "auth.invalid_key",
             "The API key is invalid, or it is not for this region's Base URL or plan.",
             "API Key 无效，或与地域、Base URL 不匹配", _QUICK, http=401),
        # A coding plan's proxy sends it for a rate limit too ("AccessDenied", "Rate limit
        # exceeded. Please wait and try again, or upgrade your API plan."): its words decide,
        # under either spelling of the code.
        Code("accessdenied", "auth.permission",
             "No access: the service or model is not activated for this account.",
             "无权访问，请检查服务是否已开通", _QUICK, http=403, unless=_RATE_WORDS),
        Code("access_denied", "auth.permission",
             "No access: the service or model is not activated for this account.",
             "无权访问，请检查服务是否已开通", _QUICK, http=403, unless=_RATE_WORDS),
        Code("modelnotfound", "model.not_found",
             "The model does not exist or is not available in this region.",
             "模型不存在，或在当前地域不可用", _QUICK, http=404),
        Code("model_not_found", "model.not_found",
             "The model does not exist or is not available in this region.",
             "模型不存在，或在当前地域不可用", _QUICK, http=404),
        Code("throttling.ratequota", "rate_limit",
             "The request rate, concurrency or token rate limit is reached.",
             "调用频率或并发触发限流，请降低请求速率", _QUICK, http=429),
        Code("throttling.allocationquota", "rate_limit",
             "The token rate quota is reached; slow down.",
             "触发配额限流，请降低请求速率", _QUICK, http=429),
        # Compatible mode's spelling of the same row: OpenAI's code, DashScope's meaning.
        # Not sure: reports show it for a used-up free quota or balance too (labellers split
        # on it: reports-bc, -ss, -y and -bl against -aa and -k), so the line says both.
        Code("insufficient_quota", "rate_limit",
             "usually the per-minute token quota (Alibaba sends OpenAI's insufficient_quota "
             "for it); if a resend a minute later fails too, the free quota or the balance is "
             "used up.",
             "通常是每分钟的 Token 配额限流（阿里云沿用 OpenAI 的 insufficient_quota 表示它）；"
             "若一分钟后重发仍失败，则是免费额度或余额已用完。", _QUICK, http=429, sure=False),
    ),
)
