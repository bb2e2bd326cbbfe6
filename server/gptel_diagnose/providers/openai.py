"""OpenAI: the API most `gptel-make-openai` backends imitate."""

from __future__ import annotations

from .record import QWEN_FREE_DAILY, Code, ModelList, Provider

DOCS = "https://developers.openai.com/docs/guides/error-codes"
# Microsoft's Dev Proxy pages quote OpenAI's finer error.code values, which the guide omits.
QUOTA = "https://learn.microsoft.com/en-us/microsoft-cloud/dev/dev-proxy/concepts/openai-insufficient-quota"
RATE = "https://learn.microsoft.com/en-us/microsoft-cloud/dev/dev-proxy/concepts/openai-rate-limit-reached"
REALTIME = "https://developers.openai.com/api/docs/guides/realtime"

_SESSION_EXPIRED = Code(
    "session_expired", "network.timeout",
    "The Realtime session reached its maximum duration and was closed; open a new session.",
    "Realtime 会话已达到最长时长并被关闭；请新建会话。", REALTIME)

RECORD = Provider(
    kind="openai",
    name="OpenAI",
    hosts=r"(^|\.)openai\.com$",
    web_hosts=(("openai.com", "api.openai.com"), ("platform.openai.com", "api.openai.com")),
    api_hosts=("api.openai.com",),
    chat_paths=r"^/v1/(chat/completions|responses)$",
    key_env="OPENAI_API_KEY",
    key_prefixes=("sk-proj-", "sk-svcacct-"),
    keys_url="https://platform.openai.com/api-keys",
    billing_url="https://platform.openai.com/settings/organization/billing/overview",
    usage_url="https://platform.openai.com/usage",
    status_url="https://status.openai.com/",
    models_url="https://platform.openai.com/docs/models",
    errors_url=DOCS,
    models=ModelList("/v1/models", "bearer"),
    retired=r"text-davinci-(00\d|edit-001)|text-(curie|babbage|ada)-001|davinci|curie|babbage|ada"
    r"|code-(davinci|cushman)-(00\d|edit-001)|(davinci|cushman)-codex"
    r"|gpt-3\.5-turbo-(0301|0613|16k-0613)|gpt-4-0314|gpt-4-32k(-\d+)?"
    r"|gpt-4-(1106-)?vision-preview|gpt-4\.5-preview(-[\d-]+)?|o1-(preview|mini)(-[\d-]+)?",
    retired_source="https://platform.openai.com/docs/deprecations",
    codes=(
        Code("insufficient_quota", "billing.quota_exhausted",
             "The account ran out of credits or hit its monthly spend limit; waiting won't help.",
             "账户余额已用完或达到每月支出上限,等待无济于事。", DOCS, http=429,
             unless=QWEN_FREE_DAILY),
        Code("credit_balance_exhausted", "billing.quota_exhausted",
             "The organization has no prepaid credits left.",
             "该组织的预付余额已用完。", QUOTA, http=429),
        Code("organization_spend_limit_exceeded", "billing.quota_exhausted",
             "The organization reached its monthly spend limit.",
             "该组织已达到每月支出上限。", QUOTA, http=429),
        Code("project_spend_limit_exceeded", "billing.quota_exhausted",
             "The project reached its monthly spend limit; other projects still work.",
             "该项目已达到每月支出上限,其他项目仍可使用。", QUOTA, http=429),
        Code("organization_usage_limit_exceeded", "billing.quota_exhausted",
             "The organization reached the monthly usage limit OpenAI set for it.",
             "该组织已达到 OpenAI 为其设定的每月用量上限。", QUOTA, http=429),
        Code("rate_limit_exceeded", "rate_limit",
             "Too many requests or tokens in the current window; retry after a short wait.",
             "当前时间窗口内的请求数或 token 数超出速率限制,稍等片刻再试。", RATE, http=429,
             rule="RATE001"),
        Code("slow_down", "rate_limit",
             "The request rate rose too suddenly; ramp up gradually and retry.",
             "请求速率上升过快,触发限流;请逐步提高速率后重试。", RATE, http=429),
        Code("", "auth.invalid_key",
             "The API key is not correct: wrong, revoked, or for another provider.",
             "API 密钥不正确:输错、已吊销,或属于其他服务商。", DOCS, http=401,
             text=r"incorrect api key provided", rule="AUTH001"),
        Code("", "auth.permission",
             "The account is not a member of an organization.",
             "该账户不属于任何组织。", DOCS, http=401,
             text=r"must be a member of an organization"),
        Code("", "auth.permission",
             "The request's IP address is not on the project's or organization's allowlist.",
             "请求的 IP 地址不在项目或组织的允许列表中。", DOCS, http=401,
             text=r"ip not authorized"),
        Code("", "auth.permission",
             "The API is not available in the country, region or territory the request came from.",
             "请求所在的国家或地区不在 API 的服务范围内。", DOCS, http=403,
             text=r"country, region,? or territory not supported", rule="PERM001"),
        Code("", "billing.quota_exhausted",
             "The account ran out of credits or hit its monthly spend limit.",
             "账户余额已用完或达到每月支出上限。", DOCS, http=429,
             # "our": a reporter's copy of it.
             # Not Google's RESOURCE_EXHAUSTED in the same words (a relay quoting Gemini's
             # free-tier quota, which is a rate limit).
             text=r"^(?!.*resource_exhausted).*exceeded (?:your|our) current quota"),
        Code("", "rate_limit",
             "Requests are being sent too quickly; pace them.",
             "请求发送过快,触发速率限制;请放慢速度。", DOCS, http=429,
             text=r"rate limit reached for", rule="RATE001"),
        Code("", "server.overloaded",
             "An error on OpenAI's servers; retry after a brief wait.",
             "OpenAI 服务器出错;稍等片刻后重试。", DOCS, http=500,
             text=r"server had an error while processing your request", rule="SRV003"),
        Code("", "server.overloaded",
             "OpenAI's servers are overloaded by high traffic; retry later.",
             "OpenAI 服务器流量过高、负载过重;请稍后重试。", DOCS, http=503,
             text=r"engine is currently overloaded", rule="SRV001"),
        # The Realtime API closes a session at its maximum length (15, then 30, now 60
        # minutes): "Your session hit the maximum duration of 60 minutes." (code
        # session_expired; clients often show the words alone).
        _SESSION_EXPIRED,
        _SESSION_EXPIRED.by_words(r"your session hit the maximum duration of \d+ minutes"),
        Code("", "rate_limit",
             "A sudden rise in request rate hurts reliability; reduce it and ramp up gradually.",
             "请求速率突然上升影响了服务稳定;请降低速率并逐步提高。", DOCS, http=503,
             text=r"slow down"),
    ),
)
