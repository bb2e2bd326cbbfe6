"""Xiaomi MiMo: OpenAI- and Anthropic-compatible; documents its errors by HTTP status.

Pay-as-you-go keys answer at api.xiaomimimo.com; a Token Plan has keys and Base URLs of its
own (token-plan-cn, -sgp, -ams), and a key of one sent to the other fails with 401.
"""

from __future__ import annotations

from .record import Code, ModelList, Provider

_ERRORS = "https://platform.xiaomimimo.com/docs/en-US/quick-start/error-codes"

RECORD = Provider(
    kind="mimo",
    name="Xiaomi MiMo",
    name_zh="小米 MiMo",
    hosts=r"(^|\.)xiaomimimo\.com$",
    api_hosts=("api.xiaomimimo.com", "token-plan-cn.xiaomimimo.com",
               "token-plan-sgp.xiaomimimo.com", "token-plan-ams.xiaomimimo.com"),
    chat_paths=r"^/v1/chat/completions$|^/anthropic/v1/messages$",
    key_env="MIMO_API_KEY",
    console_url="https://platform.xiaomimimo.com/",
    errors_url=_ERRORS,
    models=ModelList("/v1/models", "bearer"),
    codes=(
        # Documented by status alone; the body's words are not documented.
        Code("", "billing.quota_exhausted",
             "The account balance is insufficient: recharge it.",
             "账户余额不足，请及时充值", _ERRORS, http=402),
        Code("", "auth.invalid_key",
             "The API key is missing or invalid, the Authorization header is malformed, or a "
             "Token Plan key was sent to the pay-as-you-go Base URL (or the other way round): "
             "a Token Plan has its own Base URL and key.",
             "API Key 缺失或无效、Authorization 请求头格式有误，"
             "或把 Token Plan 的 Key 用在了按量付费的 Base URL 上（或反过来）："
             "Token Plan 有专用的 Base URL 和 Key", _ERRORS, http=401,
             sure=False),
        Code("", "auth.permission",
             "The service is not available in this region, or the API key was restricted by "
             "risk control: create a new key.",
             "当前地区暂不提供服务，或该 API Key 已被风控限制：请新建一个 Key", _ERRORS, http=403),
        Code("", "content_policy",
             "Content moderation blocked the request or the answer: leave out the unsafe or "
             "sensitive content.",
             "内容审核拦截了请求或回答：请避免输入不安全或敏感的内容", _ERRORS, http=421),
        # Two causes under one status: requests too frequent, or a Token Plan's quota used up
        # (its answer says "quota exhausted", type "limitation"); the page's remedies are
        # backing off, or upgrading the plan or switching to pay-as-you-go.
        Code("", "rate_limit",
             "The Token Plan's quota is used up for now, which MiMo's page lists under 429 "
             "with requests too frequent: back off and retry later, or upgrade the Token Plan "
             "or switch to the pay-as-you-go API.",
             "Token Plan 的额度暂时用完了，MiMo 的文档把它与请求过于频繁一起列在 429 下："
             "请稍后重试，或升级 Token Plan、改用按量付费 API", _ERRORS, http=429,
             text=r"quota exhausted", sure=False),
        Code("", "rate_limit",
             "Requests are too frequent, or the Token Plan's quota is used up: back off and "
             "retry, or upgrade the Token Plan or switch to the pay-as-you-go API.",
             "请求过于频繁，或 Token Plan 的额度已用完：请降低频率后重试，"
             "或升级 Token Plan、改用按量付费 API", _ERRORS, http=429, sure=False),
        Code("", "server.overloaded",
             "MiMo's server ran into a problem: try again later.",
             "MiMo 服务器出现问题：请稍后重试", _ERRORS, http=500),
        Code("", "server.overloaded",
             "MiMo's servers are overloaded by high traffic: try again later.",
             "服务器因流量过大而过载：请稍后重试", _ERRORS, http=503),
    ),
)
