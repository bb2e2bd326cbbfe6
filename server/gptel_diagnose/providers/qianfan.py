"""Baidu Qianfan v2 (OpenAI-compatible): `error.code` with an OpenAI-style `type`."""

from __future__ import annotations

from .record import Code, ModelList, Provider

_ERRORS = "https://cloud.baidu.com/doc/qianfan-api/s/rmwbl43x7"
# Baidu AI Cloud's common error codes of its older (aip.baidubce.com) APIs, ERNIE-Bot's included.
# Sent as `error_code` 3 beside `error_msg`; known by the message, which clients keep.
_COMMON = "https://cloud.baidu.com/theme/A/2272209-9"

RECORD = Provider(
    kind="qianfan",
    name="Baidu Qianfan",
    name_zh="百度千帆",
    hosts=r"(^|\.)qianfan\.baidubce\.com$|^aip\.baidubce\.com$",  # v2, and v1 (ERNIE-Bot)
    api_hosts=("qianfan.baidubce.com",),
    key_prefixes=("bce-v3/",),
    console_url="https://console.bce.baidu.com/qianfan/",
    models_url="https://cloud.baidu.com/doc/qianfan/s/rmh4stn9m",
    errors_url=_ERRORS,
    models=ModelList("/models", "bearer"),
    codes=(
        Code("characters_too_long", "request.context_length",
             "The input has more characters than the model accepts.",
             "输入字符数超过模型上限", _ERRORS, http=400),
        Code("tokens_too_long", "request.context_length",
             "The prompt has more tokens than the model accepts.",
             "输入 tokens 超过模型上限", _ERRORS, http=400),
        Code("malformed_json", "request.invalid_parameter",
             "The request body is not valid JSON.", "请求体不是合法的 JSON", _ERRORS, http=400),
        Code("no_parameter_permission", "auth.permission",
             "The key may not use this parameter.", "没有使用该参数的权限", _ERRORS, http=401),
        Code("invalid_model", "auth.permission",
             "The key has no permission to use this model.", "没有使用该模型的权限", _ERRORS,
             http=401),
        Code("", "endpoint.wrong", "The API called does not exist: check the request URL.",
             "调用的 API 不存在，请检查请求 URL 后重新尝试", _COMMON,
             text=r"unsupported openapi method"),
        # error_code 6: the application behind the key has not been granted this API (seen
        # with ERNIE's eb-instant, a chatgpt-on-wechat user).
        Code("", "auth.permission",
             "The key's application has no permission for this API: enable the service "
             "(or the model) for it in the console.",
             "该应用没有此接口的权限：请在控制台为它开通相应服务（或模型）", _COMMON,
             text=r"no permission to access data"),
        Code("invalid_model", "request.invalid_parameter",
             "The model field is empty or invalid.", "model 参数为空或不合法", _ERRORS,
             http=400),
    ),
)
