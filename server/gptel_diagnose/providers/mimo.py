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
    ),
)
