"""Tencent Hunyuan through its OpenAI-compatible endpoint (keys are sk-, not SecretId/Key)."""

from __future__ import annotations

from .record import Code, ModelList, Provider

_OPENAI = "https://cloud.tencent.com/document/product/1729/111007"
# The compatible endpoint's error codes are not published; this rule is quoted in its errors.
_REPORT = "https://github.com/FoundationAgents/OpenManus/issues/894"
# Tencent Cloud's common error codes, which its SDKs (SecretId/SecretKey) return, as JSON or
# as "Code=AuthFailure.SignatureFailure" in an exception's text: matched in either.
_CLOUD_INTL = "https://www.tencentcloud.com/document/product/1284/75543"

RECORD = Provider(
    kind="hunyuan",
    name="Tencent Hunyuan",
    name_zh="腾讯混元",
    hosts=r"(^|\.)hunyuan\.cloud\.tencent\.com$",
    api_hosts=("api.hunyuan.cloud.tencent.com",),
    console_url="https://console.cloud.tencent.com/hunyuan",
    key_env="HUNYUAN_API_KEY",
    key_prefixes=("sk-",),
    models_url=_OPENAI,
    errors_url=_CLOUD_INTL,
    models=ModelList("/models", "bearer"),
    codes=(
        Code("", "request.invalid_parameter",
             "User (or tool) and assistant messages must alternate, starting with the user.",
             "messages 中 user（tool）和 assistant 角色需交替出现", _REPORT, http=400,
             text=r"角色需交替出现"),
        Code("", "auth.invalid_key",
             "The request's signature is wrong: the SecretKey (or how it is used) does not "
             "match the SecretId.", "签名错误：SecretKey（或签名计算方式）与 SecretId 不匹配",
             # Its Chinese message, as a client passes it on without the code.
             _CLOUD_INTL, text=r"authfailure\.signaturefailure|请求签名验证失败"),
        Code("", "auth.invalid_key",
             "The SecretId does not exist: deleted, disabled, mistyped or with spaces around it.",
             "密钥不存在：已被删除或禁用、填写错误，或前后带有空格", _CLOUD_INTL,
             text=r"authfailure\.secretidnotfound"),
        Code("", "auth.invalid_key",
             "The key is not a Tencent Cloud API key.", "密钥非法（不是云 API 密钥类型）",
             _CLOUD_INTL, text=r"authfailure\.invalidsecretid"),
        Code("", "rate_limit",
             "Too many requests: the frequency limit is exceeded.", "请求的次数超过了频率限制",
             _CLOUD_INTL, text=r"requestlimitexceeded"),
    ),
)
