"""Volcengine Ark (Doubao), and BytePlus ModelArk abroad: named codes with an HTTP status.

An overdue account is a 403, not a 402; the model may be an endpoint id (ep-...).
"""

from __future__ import annotations

from .record import Code, ModelList, Provider

_ERRORS = "https://www.volcengine.com/docs/82379/1299023"
_BP_ERRORS = "https://docs.byteplus.com/en/docs/ModelArk/1299023"

_OVERDUE = Code("accountoverdueerror", "billing.quota_exhausted",
                "The account has an overdue balance: top it up in the Volcengine billing centre.",
                "当前账号欠费，如需继续调用，请前往火山引擎费用中心进行充值", _ERRORS, http=403)
_NO_ENDPOINT = Code("invalidendpoint.notfound", "model.not_found",
                    "The inference endpoint does not exist or is invalid.",
                    "推理接入点不存在或无效", _BP_ERRORS, http=404)

RECORD = Provider(
    kind="volcengine",
    name="Volcengine Ark (Doubao) / BytePlus ModelArk",
    name_zh="火山方舟",
    hosts=r"(^|\.)volces\.com$|(^|\.)bytepluses\.com$",
    web_hosts=(("console.volcengine.com", "ark.cn-beijing.volces.com"),
               ("volcengine.com", "ark.cn-beijing.volces.com")),
    api_hosts=("ark.cn-beijing.volces.com", "ark.ap-southeast.bytepluses.com"),
    chat_paths=r"^/api/v3/(chat/completions|responses)$",
    key_env="ARK_API_KEY",
    console_url="https://console.volcengine.com/ark",
    keys_url="https://console.volcengine.com/ark/region:ark+cn-beijing/apiKey",
    errors_url=_ERRORS,
    models=ModelList("/models", "bearer"),
    codes=(
        _OVERDUE,
        # The same, by its name at the head of the SDK's message ("AccountOverdueError: 403
        # Forbidden"), without the code field.
        _OVERDUE.by_words(r"\baccountoverdueerror\b"),
        Code("authenticationerror", "auth.invalid_key",
             "The API key or AK/SK in the request is missing or invalid.",
             "请求携带的 API Key 或 AK/SK 缺失或无效", _ERRORS, http=401),
        Code("accessdenied", "auth.permission",
             "No access to the requested resource.", "没有访问该资源的权限", _ERRORS, http=403),
        Code("invalidendpointormodel.notfound", "model.not_found",
             "The model or inference endpoint does not exist, or this key may not use it.",
             "模型或者推理接入点不存在或者您无权访问它", _ERRORS, http=404),
        _NO_ENDPOINT,
        # The same code's message, when a client shows only the text: on Ark an "endpoint" is
        # the model's inference endpoint (ep-...), not the URL path.  Ark's error tables give
        # the bare code InvalidEndpoint with 400 as well as 404: the words decide.
        _NO_ENDPOINT.by_words(r"targeted an endpoint that does not exist", http=None),
        Code("invalidendpoint.closedendpoint", "model.not_found",
             "The inference endpoint is closed or temporarily unavailable.",
             "推理接入点已关闭或暂时不可用", _ERRORS, http=400),
        # A model not enabled for the account is model.not_found (LABELING.md), like
        # Copilot's model_not_supported: the fix is another model, or enabling this one.
        Code("modelnotopen", "model.not_found",
             "The model service is not activated for this account: activate it in the console.",
             "当前账号暂未开通该模型服务，请前往火山方舟控制台开通", _ERRORS, http=404),
        Code("", "model.not_found",
             "The model service is not activated for this account: activate it in the console.",
             "当前账号暂未开通该模型服务，请前往火山方舟控制台开通", _ERRORS, http=404,
             # Its code alone, as a client prints it: "Error code: 404 - ModelNotOpen" (p7's
             # notes, reports-fj).
             text=r"has not activated the model|\bmodelnotopen\b"),
        Code("sensitivecontentdetected", "content_policy",
             "The input may contain sensitive information.", "输入文本可能包含敏感信息",
             _BP_ERRORS, http=400),
        Code("inputtextsensitivecontentdetected", "content_policy",
             "The input text may contain sensitive information.", "输入文本可能包含敏感信息",
             _BP_ERRORS, http=400),
        Code("outputtextsensitivecontentdetected", "content_policy",
             "The output text may contain sensitive information.", "输出文本可能包含敏感信息",
             _BP_ERRORS, http=400),
        Code("missingparameter", "request.invalid_parameter",
             "A required parameter is missing.", "请求缺少必要参数", _ERRORS, http=400),
        # Seen for an input over the model's length ("exceed max_sequence_length") and for a
        # body of another API's shape ('json: unknown field "messages"') too: likely only.
        Code("invalidparameter", "request.invalid_parameter",
             "A parameter is not valid (Ark also sends this code for an input longer than the "
             "model takes, and for a body its API at that path does not read).",
             "请求包含非法参数（方舟也用这个代码表示输入超出模型可接受的长度，或该路径的 API "
             "读不了这种请求体）", _ERRORS, http=400, sure=False),
        Code("ratelimitexceeded.endpointrpmexceeded", "rate_limit",
             "The endpoint's requests-per-minute limit is exceeded.",
             "请求已超过推理接入点 RPM 限制，请稍后重试", _ERRORS, http=429),
        Code("ratelimitexceeded.endpointtpmexceeded", "rate_limit",
             "The endpoint's tokens-per-minute limit is exceeded.",
             "请求已超过推理接入点 TPM 限制，请稍后重试", _ERRORS, http=429),
        # A spend cap the account set itself ("Safe Experience Mode"): the model is paused
        # until the cap is raised or turned off, so it is billing, not a rate limit.
        Code("setlimitexceeded", "billing.quota_exhausted",
             "The inference limit set for this model (Safe Experience Mode) is reached and the "
             "model is paused; raise or turn off the limit on the Model Activation page.",
             "已达到为该模型设置的推理限额（安心体验模式），模型服务已暂停；请在开通管理页调高或关闭该限额",
             _ERRORS),
        Code("", "billing.quota_exhausted",
             "The inference limit set for this model (Safe Experience Mode) is reached and the "
             "model is paused; raise or turn off the limit on the Model Activation page.",
             "已达到为该模型设置的推理限额（安心体验模式），模型服务已暂停；请在开通管理页调高或关闭该限额",
             _ERRORS, text=r"reached the set inference limit|safe experience mode"),
        Code("serveroverloaded", "server.overloaded",
             "The service is overloaded; retry later.", "服务资源紧张，请稍后重试", _ERRORS),
    ),
)
