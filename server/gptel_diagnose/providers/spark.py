"""iFlytek Spark (讯飞星火): an OpenAI-compatible HTTP API beside its WebSocket one.

Spark puts a numeric business code in the reply's `header.code` (WebSocket) or beside its
message.  Its 11200 "AppIdNoAuthError" covers three things, told apart by the word after it:
`tokens.total` (no token allowance left), `domain.<version>` (the app is not authorised for
that model version) or nothing (the feature is not enabled for the app).  A client or relay
usually passes the text on, so the record is also found by those words (`marker`).
"""

from __future__ import annotations

from .record import Code, ModelList, Provider

# Spark's API reference, its error-code table ("错误码").
_CODES = "https://www.xfyun.cn/doc/spark/Web.html"

RECORD = Provider(
    kind="spark",
    name="iFlytek Spark",
    name_zh="讯飞星火",
    hosts=r"(^|\.)xf-yun\.com$|(^|\.)xfyun\.cn$",
    api_hosts=("spark-api-open.xf-yun.com",),
    chat_paths=r"^/v[0-9.]+/chat/completions$",
    console_url="https://console.xfyun.cn/services/cbm",
    errors_url=_CODES,
    models=ModelList("/models", "bearer"),
    marker=r"appidnoautherror|xf-yun\.com|该appid没有相关功能的授权",
    codes=(
        Code("", "billing.quota_exhausted",
             "The app has no token allowance left for this model version (11200 "
             "AppIdNoAuthError, tokens.total): claim or buy tokens for it in the console.",
             "该 appId 在这个模型版本上没有可用的 tokens 了（11200 AppIdNoAuthError，"
             "tokens.total）：在控制台领取或购买 tokens", _CODES,
             text=r"appidnoautherror[^\n]{0,40}tokens\.total"),
        Code("", "model.not_found",
             "The app is not authorised for this model version (11200 AppIdNoAuthError, "
             "domain): ask for a version it has, at that version's URL.",
             "该 appId 没有这个模型版本的授权（11200 AppIdNoAuthError，domain）：改用已开通的"
             "版本，并用该版本的地址", _CODES,
             text=r"appidnoautherror[^\n]{0,40}domain\."),
        Code("", "auth.permission",
             "The app is not authorised for this feature, or has used up what it may (11200): "
             "enable the service for the app in the console.",
             "授权错误：该 appId 没有相关功能的授权或者业务量超过限制（11200）：在控制台为该应用"
             "开通服务", _CODES,
             text=r"appidnoautherror|该appid没有相关功能的授权|\b11200\b"),
        Code("11201", "rate_limit",
             "The app's daily request limit is reached (11201).",
             "授权错误：日流控超限，超过当日最大访问量的限制（11201）", _CODES),
        Code("11202", "rate_limit",
             "More requests per second than the app is allowed (11202).",
             "授权错误：秒级流控超限（11202）", _CODES),
        Code("11203", "rate_limit",
             "More concurrent requests than the app is allowed (11203).",
             "授权错误：并发流控超限（11203）", _CODES),
        Code("10013", "content_policy",
             "The question did not pass content review (10013).",
             "用户问题涉及敏感信息，审核不通过（10013）", _CODES),
        Code("10014", "content_policy",
             "The answer did not pass content review and cannot be shown (10014).",
             "回复结果涉及敏感信息，审核不通过（10014）", _CODES),
        Code("10907", "request.context_length",
             "Too many tokens: history and question together are over the limit (10907).",
             "token 数量超过上限，对话历史加问题的字数太多（10907）", _CODES),
        Code("10110", "server.overloaded", "The service is busy; retry later (10110).",
             "服务忙，请稍后再试（10110）", _CODES),
        Code("10015", "auth.permission", "The app id is blacklisted (10015).",
             "appid 在黑名单中（10015）", _CODES),
        Code("10016", "auth.permission",
             "An authorisation error of the app: the feature or version not enabled, no "
             "tokens left, or over its concurrency (10016).",
             "appid 授权类的错误：未开通此功能、未开通对应版本、token 不足或并发超过授权"
             "（10016）", _CODES),
    ),
)
