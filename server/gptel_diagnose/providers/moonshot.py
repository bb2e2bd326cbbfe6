"""Moonshot AI (Kimi): errors carry an `error.type`; China and international keys differ."""

from __future__ import annotations

from dataclasses import replace

from .record import Balance, Code, ModelList, Provider, Site

_ERRORS_ZH = "https://platform.kimi.com/docs/api/errors"
# An earlier official API reference, shipped in Moonshot's own cookbook repository.
_ERRORS_OLD = ("https://github.com/MoonshotAI/MoonshotAI-Cookbook/blob/master/examples/"
               "context_caching/kimi_api.json")
_HELP_ERRORS = "https://www.kimi.com/help/kimi-api/api-error-codes"
_CODE_ERRORS = "https://www.kimi.com/code/docs/en/kimi-code/error-reference.html"
_CONTENT_FILTER = Code("content_filter", "content_policy",
                       "The input or the output was rejected as high risk by content review.",
                       "内容审查拒绝，您的输入或生成内容可能包含不安全或敏感内容", _ERRORS_ZH,
                       http=400)

RECORD = Provider(
    kind="moonshot",
    name="Moonshot AI (Kimi)",
    name_zh="月之暗面 Kimi",
    hosts=r"(^|\.)moonshot\.(cn|ai)$|(^|\.)kimi\.com$",
    web_hosts=(("moonshot.cn", "api.moonshot.cn"), ("platform.moonshot.cn", "api.moonshot.cn"),
               ("platform.moonshot.ai", "api.moonshot.ai")),
    api_hosts=("api.moonshot.cn", "api.moonshot.ai", "api.kimi.com"),
    chat_paths=r"^/v1/chat/completions$|^/anthropic/v1/messages$",
    key_env="MOONSHOT_API_KEY",
    key_prefixes=("sk-",),
    console_url="https://platform.moonshot.cn/console",
    # China (moonshot.cn) and international (moonshot.ai) accounts are separate.
    sites=(Site(r"(^|\.)moonshot\.ai$", console_url="https://platform.moonshot.ai/",
                billing_url="https://platform.moonshot.ai/"),),
    models_url="https://platform.kimi.com/docs/api/overview",
    errors_url=_ERRORS_ZH,
    models=ModelList("/models", "bearer"),
    balance=Balance("/v1/users/me/balance", "moonshot",
                    "https://platform.kimi.ai/docs/api/balance.md"),
    codes=(
        _CONTENT_FILTER,
        # The content filter's words ("The request was rejected because it was considered
        # high risk", as the docs give them under content_filter) under the generic type, as
        # Kimi Code's API sends them: a code, so it comes before that type's other readings.
        replace(_CONTENT_FILTER, key="invalid_request_error", text=r"considered high risk"),
        Code("invalid_request_error", "request.context_length",
             "The input plus max_tokens exceeds the model's context length.",
             "请求的 tokens 数和设置的 max_tokens 加和超过了模型规格长度", _ERRORS_ZH,
             http=400, text=r"token length too long|exceeded model token limit"),
        Code("invalid_request_error", "request.invalid_parameter",
             "The request is malformed or misses a required parameter.",
             "请求无效，通常是您请求格式错误或者缺少必要参数", _ERRORS_ZH, http=400),
        Code("invalid_authentication_error", "auth.invalid_key",
             "Authentication failed; a key from platform.kimi.ai does not work on "
             "platform.kimi.com and the other way round.",
             "鉴权失败，请检查 API Key 是否正确", _ERRORS_ZH, http=401),
        Code("incorrect_api_key_error", "auth.invalid_key",
             "The API key is missing or wrong.",
             "鉴权失败，请检查 API Key 是否提供以及是否正确", _ERRORS_ZH, http=401),
        # Documented as 429 in the API reference and as 403 in the help centre: billing on both.
        Code("exceeded_current_quota_error", "billing.quota_exhausted",
             "The account balance is exhausted or the account is suspended for it.",
             "账户额度不足，请检查账户余额", _ERRORS_OLD),
        Code("permission_denied_error", "auth.permission",
             "The API being accessed is not open to this account.",
             "您访问的 API 暂未开放", _ERRORS_OLD, http=403),
        Code("resource_not_found_error", "model.not_found",
             "The model does not exist or this key may not use it.",
             "不存在此模型或者没有授权访问此模型", _ERRORS_OLD, http=404),
        Code("engine_overloaded_error", "server.overloaded",
             "The engine is overloaded (too many concurrent requests on the node); retry later.",
             "当前并发请求过多，节点限流中，请稍后重试", _ERRORS_OLD, http=429),
        Code("rate_limit_reached_error", "rate_limit",
             "The account's concurrency, RPM, TPM or TPD limit was reached.",
             "请求触发了账户并发个数或 RPM / TPM / TPD 速率限制", _ERRORS_OLD, http=429),
        Code("", "billing.quota_exhausted",
             "Kimi Code: the usage limit of this plan period is reached.",
             "已达到当前套餐周期的用量上限", _CODE_ERRORS,
             text=r"reached your usage limit for this"),
        # The help centre gives 403 for it and the API reference 429: match on either.
        Code("", "billing.quota_exhausted",
             "The account balance is depleted (the account is suspended): top up.",
             "账户余额不足，请前往控制台充值", _HELP_ERRORS,
             text=r"insufficient balance|余额不足"),
    ),
)
