"""Rate limits: too much, too fast.  Waiting helps, unless one request is itself too big."""

from __future__ import annotations

from ..providers.record import QWEN_FREE_DAILY
from .auth import ACCOUNT_DISABLED, REGION_BLOCKED
from .base import Example, FixSpec, Rule, match
from .common import (
    ASK_BACKEND,
    ASK_MODEL,
    MAX_TOKENS_DEFAULT,
    MAX_TOKENS_OFF,
    OPENAI_SERVER_ERROR,
    PLAN_LIMIT_RETRY,
    RATE_LIMIT_RESETS,
    RESEND,
    RESETS_TOMORROW,
    SWITCH,
)

_DAILY = (
    r"per ?day|daily|\(tpd\)|\(rpd\)|perday|free-models-per-day|tokens_per_day"
    r"|requests_per_day|hourly usage|session usage|weekly usage|usage limit, upgrade"
    r"|per ?hour|per ?week"
)
_TOO_BIG = (
    # Not Ollama's memory check ("model request too large for system"): the server's room.
    r"request too large(?! for system)|too large for model|must be reduced|reduce your message size"
    r"|requested \d+.*exceeds"
    # "Limit N, Used 0, Requested M" refused: nothing else was spent this minute, so the
    # request alone is over the limit (OpenAI's and Groq's per-minute message).
    r"|\bused 0, requested"
)
_RATE_CODES = (
    "rate_limit_exceeded", "rate_limit_error", "rate_limited", "requests", "tokens",
    "throttlingexception", "too_many_requests", "ratelimitexceeded", "1300",
    "too_many_tokens", "slow_down",
)
_RATE_TEXT = (
    r"rate.?limit|ratelimit|throttl|slow down|too many (concurrent |parallel )?requests"
    r"|requests per min|tokens per min|\brpm\b|\btpm\b|too many tokens, please wait"
    r"|please wait before trying again|concurrent (vision )?requests|try again in \d"
    r"|速率限制|频率过高|请求频率|并发数?过高|限流|负载已饱和"
)
# Gemini, for a model a free key may not use at all: "Gemini 2.5 Pro Preview doesn't have a
# free quota tier" (MODEL001; LABELING, stop 51), whatever quota its details name.
_NO_FREE_TIER = r"free quota tier"
_NOT_RATE = (
    f"{_DAILY}|{_TOO_BIG}|insufficient_quota|exceeded your current quota|credit|for this month"
    r"|overloaded|high demand|peak load|capacity|spending limit"
    # An account barred (OpenAI's access_terminated, which its SDK raises as RateLimitError
    # and relays pass on under a 429: PERM005), a region refused (Cursor's
    # ERROR_UNSUPPORTED_REGION inside a router's 429 cooldown: PERM001): no wait lifts either.
    r"|" + ACCOUNT_DISABLED + r"|" + REGION_BLOCKED +
    r"|" + _NO_FREE_TIER +
    r"|" + OPENAI_SERVER_ERROR +
    # A relay's retries given up under its rate-limit type, quoting the last error: that error
    # says what failed ("Max retries exceeded. Last error: 账号不支持此模型或无权限 ... (404
    # Not Found)"), unless it is a rate limit itself.
    r"|max retries exceeded\. last error: (?![^\n]{0,80}(?:\b429\b|rate.?limit|too many))"
)

# What a Gemini 429 says when it is no per-minute limit.
_NOT_PER_MINUTE = (r"perday|per day|prepayment|credits|no capacity available"
                   # The billing account's own cap, which no wait lifts (BIL001).
                   r"|spending cap|" + _NO_FREE_TIER +
                   # Antigravity's 429 in its own words for load: "The model API is currently
                   # overloaded and may experience intermittent errors" (SRV001); not when
                   # Google's RESOURCE_EXHAUSTED is quoted with it, the provider's own code.
                   r"|model api is currently overloaded"
                   r"(?![\s\S]{0,400}resource.?(?:has been )?exhausted)")

# A free-tier quota metric with a limit of 0 ("Quota exceeded for metric: generativelanguage.
# googleapis.com/generate_content_free_tier_requests, limit: 0, model: gemini-2.5-pro").
_FREE_TIER_NONE = r"free_tier\w*,\s*limit:\s*0\b"
# Gemini's message for every quota of its 429 (the rules' examples).
_GEMINI_QUOTA = ("You exceeded your current quota, please check your plan and billing details. "
                 "For more information on this error, head to: "
                 "https://ai.google.dev/gemini-api/docs/rate-limits.")

RULES = (
    Rule(
        code="RATE001",
        name="rate-limit-per-minute",
        category="rate_limit",
        when=(
            match(http=429, codes=_RATE_CODES, not_text=_NOT_RATE),
            match(http=429, text=_RATE_TEXT, not_text=_NOT_RATE),
            # Gemini's Interactions API streams its 429 as an error event with no status:
            # {"message": "You do not have enough quota to make this request.", "code":
            # "too_many_requests"}.
            match(codes=("rate_limit_exceeded", "rate_limit_error", "throttlingexception",
                         "rate_limited", "rate_limit", "too_many_requests"),
                  not_text=_NOT_RATE),
            # A quota a client waits out in seconds: "API Quota Exceeded. Waiting 50s" (a
            # Gemini subtitle translator), "Quota exceeded. Retry in 30s".
            match(text=r"quota exceeded\W+(?:retry(?:ing)?|waiting|wait|try again)\W+"
                  r"(?:in |for )?\d+(?:\.\d+)? ?(?:s|secs?|seconds?)\b", not_text=_NOT_RATE),
            # Copilot Chat: "Sorry, your request was speed limited. Please wait 2 minutes
            # before trying again" (its "rate-limited" in other words).
            match(text=r"request was speed.?limited", not_text=_NOT_RATE),
            # OpenAI's rate-limit tail, quoted without its first sentence: "Limit 3, Used 3,
            # Requested 1. Please try again in 20s."
            match(text=r"\blimit \d+, used \d+, requested \d+\b", not_text=_NOT_RATE),
            # OpenRouter's per-model cap on a free model, passed on by a client without its
            # 429 ("Rate limit exceeded: limit_rpm/qwen/... High demand for qwen/qwen3-coder:
            # free on OpenRouter - limited to 8 requests per minute"): a rate, as SRV001 says,
            # though it names the demand.
            match(http=None, text=r"rate limit exceeded: limit_rpm/"
                  r"|on openrouter - limited to \d+ requests? per"),
            # Mistral, for the share of a model the account's tier may use: "Service tier
            # capacity exceeded for this model." (its capacity is the tier's, not the
            # provider's).
            match(text=r"service tier capacity exceeded"),
            # OpenAI's error type for a requests-per-minute limit, passed on by a relay with
            # other words: {"message": "Request is not allowed. Please try again later.",
            # "type": "requests"} (zhile-io/pandora#207).
            match(codes=("requests",), text=r"try again later", not_text=_NOT_RATE),
            # Said in so many words: a rate limit, whatever else the body mentions.
            match(text=r"you (have been|are being) rate.?limited|your rate limit is \d"
                  # Cloudflare's page (or its bare code) in front of a provider: "error code:
                  # 1015", You are being rate limited.
                  r"|\berror code:? 1015\b",
                  not_text=f"{_DAILY}|{_TOO_BIG}|insufficient_quota"),
            match(text=r"rate limit reached for|throttlingexception|too many requests, please"
                  r"|you'?ve hit your (global )?rate limit|too many tokens, please wait"
                  r"|(reached|exceeded|hit) (the|your|a)? ?.{0,40}rate limit"
                  r"|rate limit (exceeded|reached)|(queries|requests|tokens) per minute"
                  # HuggingChat: "You are sending too many messages. Try again later."; a
                  # relay's upstream: "Detected high-frequency non-compliant requests".
                  r"|sending too many messages|high-frequency (?:non-compliant )?requests"
                  # Z.ai's GLM Coding Plan, under its Fair Usage Policy (a limit that lifts
                  # with time): "your request frequency has been limited".
                  r"|request frequency has been limited"
                  # The Batch API's queue limits, which lift as jobs finish: "Enqueued request
                  # limit reached for X", "The number of enqueued tokens has surpassed the
                  # configured limit".
                  r"|enqueued request limit reached|enqueued tokens has surpassed"
                  # Baidu Qianfan's error 18: "Open api qps request limit reached".
                  r"|\bqps (?:request )?limit reached"
                  # Chinese providers' "requests too frequent".
                  r"|访问过于频繁|请求过于频繁|请求太频繁|调用频率超|\btoo many requests$"
                  # One-API, for a group at its limit (its 429, like "上游负载已饱和").
                  r"|负载已满，请稍后再试"
                  # Azure's "Rate limit is exceeded", gRPC's RESOURCE_EXHAUSTED as Vertex words
                  # it, DashScope's "requests list", and Chinese "concurrency over the limit"
                  # and "requests too fast".
                  r"|rate limit is exceeded|resource (has been )?exhausted\. please try again"
                  r"|resource has been exhausted \(e\.g\. check quota\)"
                  r"|^resource has been exhausted\.?$"
                  r"|exceeded your current requests list|并发超限|请求速度过快|限制了?访问频率"
                  r"|request rate increased too quickly"
                  # "You are sending requests too quickly ... Please slow down".
                  r"|sending requests too quickly"
                  # ChatGPT's per-model message cap ("model_cap_exceeded"); Cherry Studio's
                  # "request rate over the limit"; a service's fair-use cap.
                  r"|sent too many messages to the model|model_cap_exceeded|速率超过限制"
                  r"|公平使用上限"
                  # ChatGPT's web backend, for a second message while one is answered.
                  r"|only one message at a time"
                  # ChatGPT's abuse throttle; a plan's usage window that a wait ends.
                  r"|detected unusual activity from your system"
                  r"|reached your \w+ usage limits?.{0,60}try again later"
                  # ModelScope API-Inference's per-day cap as claude-code-router shows it.
                  r"|^request limit exceeded\.?$"
                  r"|(reached|exceeded) [\w ]{0,30}max (rpm|tpm|rpd)\b"
                  r"|due to rate limiting|\brp[mhd] limit reached|\brate_?limit\w*_exceeded"
                  # Zhipu's "concurrency too high"; iFlytek Spark's 11202 and 11203, "秒级流控
                  # 超限" and "并发流控超限" (flow control over its limit).
                  r"|并发数?过高|concurrency (is )?too high|(?<!日)流控超限"
                  # sub2api, for an upstream account at its cap of requests at once.
                  r"|concurrency limit exceeded"
                  # A gateway's cap on requests at once (Higress, LiteLLM): "Max parallel
                  # request limit reached".
                  r"|max parallel request limit reached"
                  # Qwen Code's OAuth free tier, a cap of requests per day.
                  r"|oauth free tier quota exceeded"
                  r"|no deployments available for selected model"
                  r"|\brate ?limit ?error\b|temporarily limiting requests"
                  r"|rate limit has been exceeded"
                  # A model router's token for the per-minute cap its last backend hit: "All
                  # backends failed. Last: RPM_LIMIT:openrouter/openai/gpt-oss-20b:free".
                  r"|\b[rt]pm_limit\b"
                  # OpenAI's Batch API: tokens queued in batches still running.
                  r"|enqueued token limit reached"
                  # DashScope's Throttling.AllocationQuota; Vertex AI's per-minute quotas.
                  r"|allocated quota exceeded|quota exceeded for \S+per_?minute"
                  r"|upstream (returned|responded with|status:?) ?429|\bresource_exhausted\b"
                  r"|you'?ve hit your (usage )?limit|(status|status code)[ :=]*429\b",
                  not_text=_NOT_RATE),
            # Gemini CLI's per-model window: "capacity" here is the key's, not the service's.
            match(text=r"exhausted your capacity on this model|quota will reset after \d",
                  not_text=f"{_DAILY}|credit"),
        ),
        summary=(
            "Rate limited by {provider}: too many requests or tokens per minute, not a billing "
            "problem. {wait_clause}"
        ),
        explanation=(
            "{provider} answered HTTP {status}: this key sent more requests or tokens in the "
            "last minute than its tier allows. The limit resets on its own within a minute; "
            "the account is fine and has credit."
        ),
        steps=(
            "Wait for the time the provider states (or about a minute) and resend.",
            "If it happens often, send less context (fewer or shorter buffers in gptel's "
            "context), or ask the provider for a higher tier at {usage_url}.",
        ),
        fixes=(
            RESEND,
            FixSpec("See your rate limits and tier", "display-only", url="{usage_url}"),
            ASK_MODEL,
        ),
        docs=(
            "https://platform.openai.com/docs/guides/rate-limits",
            "https://docs.anthropic.com/en/api/rate-limits",
        ),
        examples=(
            Example(
                error={
                    "status": "HTTP/2 429",
                    "http_status": "429",
                    "error": {
                        "message": "Rate limit reached for gpt-4 in organization "
                        "org-uVqpjtJiKqvVJMVfvpaounIh on tokens per min (TPM): Limit 10000, "
                        "Used 8554, Requested 3082. Please try again in 9.816s. Visit "
                        "https://platform.openai.com/account/rate-limits to learn more.",
                        "type": "tokens",
                        "param": None,
                        "code": "rate_limit_exceeded",
                    },
                },
                backend={"kind": "openai", "host": "api.openai.com"},
                source="https://github.com/FoundationAgents/MetaGPT/issues/523",
            ),
        ),
        retryable=True,
        severity="warning",
    ),
    Rule(
        code="RATE002",
        name="rate-limit-usage-window",
        category="rate_limit",
        when=(
            # Not a daily spend budget ("Workspace daily budget of $5.00 exceeded"): billing.
            # Nor a Gemini model the key's free tier does not include (MODEL001).
            match(http=(429, 403), text=_DAILY, not_text=f"{_TOO_BIG}|budget|{_NO_FREE_TIER}"),
            match(text=r"rate limit.{0,80}(per day|daily|free-models-per-day)|\(tpd\)|\(rpd\)"
                  r"|usage limit, (please wait|upgrade)|daily request limit reached"
                  r"|too many requests in \d+ (hours?|days?)|\bfree limit reached"
                  r"|limit \(?[\d,]+ (tokens? |requests? )?per day\)? exceeded"
                  r"|次数已达上限，?请稍后再试"
                  # iFlytek Spark's 11201: "授权错误:日流控超限。超过当日最大访问量的限制".
                  r"|日流控超限|超过当日最大访问量"
                  # Cloudflare Workers AI: "used up your daily free allocation of 10,000 neurons".
                  r"|daily free allocation"
                  # A reseller's plan quota that comes back by itself: "Please wait for
                  # automatic quota refresh in the rolling time window" (ZenMux).
                  r"|quota refresh in the rolling (?:time )?window"
                  # Qwen's OAuth portal (Qwen Code's free tier), a day's free requests used up.
                  r"|" + QWEN_FREE_DAILY +
                  # MiniMax's Token Plan window; a proxy's hourly cap.
                  r"|plan usage limit reached|reached your request limit for the (hour|day)"
                  # Gemini CLI signed in with Google, its day's allowance for a tier: "Usage
                  # limit reached for all Pro models."
                  r"|usage limit reached for all \w+ models"
                  # A plan's window by its name: "Weekly usage limit reached" (OpenCode Go).
                  r"|\b(?:hourly|daily|weekly|session|\d+-hour) (?:usage )?limit"
                  r" (?:has been )?reached"
                  # Kiro: "You've reached your daily usage limit. Please return tomorrow";
                  # Kimi For Coding: "You've reached your weekly (7-day) usage limit."
                  r"|reached your (?:hourly|daily|weekly)(?: \(\d+-day\))? usage limit"
                  r"|" + RATE_LIMIT_RESETS +
                  # Codex on a ChatGPT plan: "You have hit your ChatGPT usage limit (plus
                  # plan). Try again in ~4572 min."
                  r"|(?:you have|you'?ve) hit your [\w ]{0,20}usage limit\b.{0,80}try again in"
                  # The same with a time rather than a wait, whatever it says of credits ("You
                  # have reached your usage limit. Upgrade your plan or add credits to
                  # continue, or try again after July 3, 2026 at 2:45 PM").
                  r"|" + PLAN_LIMIT_RETRY + r"(?:at|after)\b"
                  # The same quoted without its last sentence (an OpenClaw commit, reports-fj).
                  r"|hit your chatgpt usage limit"
                  # Claude Code's older line for a plan's window: "Claude usage limit reached.
                  # Your limit will reset at 10am", "Claude AI usage limit reached|1753077600".
                  r"|claude (?:ai )?usage limit reached"
                  # Zhipu's 1310 in its words, where no code came: "Weekly/Monthly Limit
                  # Exhausted. Your limit will reset at 2026-03-06 22:19:54" (LABELING.md,
                  # stop 52: a plan's window that resets by itself).
                  r"|weekly/monthly limit exhausted"
                  # Claude's plans: "You've hit your session limit · resets 3:40am",
                  # "5-hour limit reached ∙ resets 3pm", and the paid overage on top of the
                  # plan: "You're out of extra usage · resets 6pm (UTC)".
                  r"|(?:hit your [\w -]{0,20}limit|limit reached|out of extra usage)"
                  r"\W{1,4}resets?\b"
                  # A daily cap in any name, spending included (OpenClaw with Anthropic).
                  r"|" + RESETS_TOMORROW,
                  not_text=_TOO_BIG),
            # A 429 that names the date and time its cap resets counts a window longer than
            # a minute, whoever sent it (Zhipu's 1308 through a relay: "已达到 5 小时的使用上限。
            # 您的限额将在 2026-08-25 07:41:44 重置。").  A monthly cap is billing's (BIL005).
            match(http=429,
                  text=r"resets? (?:at|on) \d{4}-\d\d-\d\d|将在\s*\d{4}-\d\d-\d\d[\d:\s]*重置",
                  not_text=f"{_TOO_BIG}|month|月"),
            # A used-up quota the message says to wait out (Qwen Code's free tier: "Your Qwen
            # API quota has been exhausted. Please wait for your quota to reset."): a window,
            # unless it names a month.
            match(text=r"wait for (?:your|the) (?:\w+ )?quota to (?:reset|refresh)",
                  not_text=f"{_TOO_BIG}|month|billing cycle|月"),
            # Amazon Q (and Kiro) with nothing but "You have reached the limit." and a request
            # id: its eight records over five batches are all labelled a window (adjudicated
            # so where the first labels said billing).  Not Amazon Q's "reason":
            # "MONTHLY_REQUEST_COUNT", nor "the limit of actions ..., please upgrade".
            match(text=r"^you have reached the limit\.(?:\s*request id: [\w-]+)?\s*$"),
            # A ChatGPT plan's usage (Codex) is counted in windows of hours and a week: its
            # bare "The usage limit has been reached" is one of them.
            # (A campaign's id such as "plus-1-month-free" in its offer names no month.)
            match(provider="chatgpt",
                  text=r"\busage limit (?:has been )?reached|\breached the usage limit\b",
                  not_text=r"(?<![\w-])month(?!-)|billing cycle"),
        ),
        summary=(
            "{provider}'s usage cap for this key or model is reached (an allowance per session, "
            "hour, day or week): it resets with time. {wait_clause}"
        ),
        explanation=(
            "{provider} answered HTTP {status}: a cap counted over a longer window than a "
            "minute (requests or tokens per day, a free tier's daily allowance, an hourly or "
            "weekly usage limit) is used up. Unlike a per-minute limit, resending soon fails "
            "again until the window resets; a paid tier or credit usually raises the cap."
        ),
        steps=(
            "Wait for the reset, or switch to another model or backend meanwhile "
            "(M-x gptel-menu).",
            "A paid tier or added credit usually raises or removes these caps: see "
            "{usage_url}.",
        ),
        # A cap counted per model and per day: another model of the backend is the way on
        # until the reset (the reports' own fix, as for RATE001).
        fixes=(
            SWITCH,
            FixSpec("See your limits", "display-only", url="{usage_url}"),
            ASK_MODEL,
        ),
        docs=("https://console.groq.com/docs/rate-limits",
              "https://openrouter.ai/docs/api/reference/limits"),
        examples=(
            Example(
                error={
                    "status": "HTTP/2 429",
                    "http_status": "429",
                    "error": {
                        "message": "Rate limit reached for model `llama-3.3-70b-versatile` in "
                        "organization `org_01` service tier `on_demand` on tokens per day "
                        "(TPD): Limit 100000, Used 99518, Requested 1326. Please try again in "
                        "12m9.408s.",
                        "type": "tokens",
                        "code": "rate_limit_exceeded",
                    },
                },
                backend={"kind": "groq", "host": "api.groq.com"},
                source="https://console.groq.com/docs/rate-limits",
            ),
        ),
        retryable=True,
        severity="warning",
    ),
    Rule(
        code="RATE003",
        name="gemini-quota-per-minute",
        category="rate_limit",
        when=(
            # Not Gemini Code Assist's "No capacity available for model X on the server": a
            # 429 there says the service is full, not the key's quota (SRV001).
            # Nor a model a free key may not use at all ("doesn't have a free quota tier"):
            # MODEL001's.
            match(http=429, provider="gemini", not_text=_NOT_PER_MINUTE),
            # The same words quoted without the status, by a Gemini client ("[GoogleGenerative
            # AI Error]: You exceeded your current quota").
            match(http=None, provider="gemini", text=r"exceeded your current quota",
                  not_text=_NOT_PER_MINUTE),
            match(http=429, codes="resource_exhausted", not_text=_NOT_PER_MINUTE),
            match(text=r"generaterequestsperminute|perminute|quotafailure"
                  # The free tier's metrics named in the text: "Quota exceeded for metric:
                  # generativelanguage.googleapis.com/generate_content_free_tier_requests".
                  r"|generate_content_free_tier",
                  not_text=r"perday|prepayment|credits"),
            # Quoted without its status: the link to Gemini's rate-limit page says which.
            match(text=r"exceeded your current quota.{0,300}ai\.google\.dev/gemini-api/docs/rate"
                  r"|exceeded your current quota.{0,300}generativelanguage\.googleapis\.com",
                  not_text=r"perday|per day|prepayment|credits"),
        ),
        summary="Gemini per-minute quota reached (its \"exceeded your current quota\" means a "
        "free-tier rate limit here, not billing). {wait_clause}",
        explanation=(
            "Gemini answered HTTP 429 RESOURCE_EXHAUSTED. Despite the wording about \"quota\" "
            "and \"billing details\", this is a rate limit: the free tier (or your tier) allows "
            "only so many requests or tokens per minute for this model, and the answer names "
            "the wait (retryDelay). Enabling billing on the Google Cloud project raises the "
            "limits."
        ),
        steps=(
            "Wait for the stated delay and resend.",
            "For higher limits, link a billing account to the project in AI Studio "
            "({billing_url}).",
        ),
        # Gemini's free-tier quotas are counted per model: another model is the way on, or
        # another backend once the day's share is spent too (an n8n workflow moved to Claude:
        # capineti/portfolio's QUOTA-FIX-README.md).
        fixes=(
            RESEND,
            FixSpec("See your quota and tier", "display-only", url="{usage_url}"),
            ASK_MODEL,
            ASK_BACKEND,
        ),
        docs=("https://ai.google.dev/gemini-api/docs/rate-limits",),
        examples=(
            Example(
                error={"status": "HTTP/2 429", "http_status": "429", "error": {
                    "code": 429, "message": _GEMINI_QUOTA,
                    "status": "RESOURCE_EXHAUSTED", "details": [
                        {"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [
                            {"quotaMetric": "generativelanguage.googleapis.com/"
                             "generate_content_free_tier_requests",
                             "quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier"}]},
                        {"@type": "type.googleapis.com/google.rpc.RetryInfo",
                         "retryDelay": "47s"}]}},
                backend={"kind": "gemini", "host": "generativelanguage.googleapis.com"},
                source="https://github.com/gke-labs/gemini-for-kubernetes-development/issues/1215",
            ),
        ),
        retryable=True,
        severity="warning",
    ),
    Rule(
        code="RATE006",
        name="gemini-free-tier-limit-zero",
        category="rate_limit",
        # A free-tier metric whose limit is 0: the project has no free quota for this model
        # at all (Gemini 2.5 Pro after its free tier was cut, a region without one).  The
        # answer still says "Please retry in 4.8s", and no wait lifts a limit of 0.
        when=(match(provider="gemini", text=_FREE_TIER_NONE), match(text=_FREE_TIER_NONE)),
        summary="Gemini gives this project no free-tier quota for this model (\"limit: 0\"): "
        "waiting will not help, whatever retry delay the answer names. Use another model, or "
        "link billing to the project.",
        explanation=(
            "Gemini answered HTTP 429 RESOURCE_EXHAUSTED with a free-tier quota whose limit is "
            "0. The free tier does not include this model for this project (Google has taken "
            "some models, such as the Pro ones, out of it, and it is not offered in every "
            "region), so every request fails the same way until billing is linked. The "
            "retryDelay in the answer is the usual one for a rate limit, and misleading here."
        ),
        steps=(
            "Switch to a model the free tier includes (a Flash model such as gemini-2.5-flash), "
            "or to another backend (M-x gptel-menu).",
            "Or link a billing account to the project ({billing_url}), which gives the model a "
            "paid quota.",
        ),
        # A Flash model of the backend's own :models is the way on without billing.
        fixes=(
            FixSpec("Use {free_tier_model} of this backend, which the free tier usually "
                    "includes", "unsafe",
                    variable="gptel-model", value="'{free_tier_model}"),
            ASK_MODEL,
            FixSpec("See the project's plan and quotas", "display-only", url="{billing_url}"),
            ASK_BACKEND,
        ),
        docs=("https://ai.google.dev/gemini-api/docs/rate-limits",),
        examples=(
            Example(
                error={"status": "HTTP/2 429", "http_status": "429", "error": {
                    "code": 429, "message": _GEMINI_QUOTA + "\n* Quota exceeded for metric: "
                    "generativelanguage.googleapis.com/generate_content_free_tier_requests, "
                    "limit: 0, model: gemini-2.5-pro\nPlease retry in 4.8s.",
                    "status": "RESOURCE_EXHAUSTED"}},
                backend={"kind": "gemini", "host": "generativelanguage.googleapis.com"},
                request={"model": "gemini-2.5-pro"},
                source="https://github.com/MoNezhadali/llm_engineering/blob/dbd467f5ecd8c07073a5e"
                "896ae2dd0f7aa6075cf/week2/community-contributions/sunilramaiah/cricket.ipynb",
            ),
        ),
        severity="warning",
    ),
    Rule(
        code="RATE004",
        name="gemini-quota-per-day",
        category="rate_limit",
        # Not a model that "doesn't have a free quota tier", whatever quota the details list:
        # the key cannot use that model until billing is on (LABELING, stop 51; MODEL001).
        when=(
            match(http=429, provider="gemini", text=r"perday|per day", not_text=_NO_FREE_TIER),
            match(http=429, codes="resource_exhausted", text=r"perday|per day",
                  not_text=_NO_FREE_TIER),
            # Quoted without its status: the free tier's per-day quotaId ("quotaId:
            # GenerateRequestsPerDayPerProjectPerModel-FreeTier").
            match(text=r"generate_content_free_tier.{0,300}perday|perday\w*-freetier",
                  not_text=_NO_FREE_TIER),
            # Gemini CLI's words for the same: "You have reached your daily gemini-2.5-pro
            # quota limit."
            match(text=r"reached your daily gemini-[\w.-]+ quota"),
        ),
        summary=(
            "Gemini daily quota reached for this model (free-tier requests per day): it "
            "resets at midnight Pacific time."
        ),
        explanation=(
            "Gemini answered HTTP 429 RESOURCE_EXHAUSTED for a per-day quota (the quotaId ends "
            "in PerDay). Resending today will keep failing for this model; other models have "
            "their own daily quota, and billing raises the limits."
        ),
        steps=("Switch to another Gemini model or backend (M-x gptel-menu) until the reset.",
               "Or link billing to the project for higher limits ({billing_url})."),
        # Another model has its own daily quota: choosing one is the way on today.
        fixes=(SWITCH, ASK_MODEL),
        docs=("https://ai.google.dev/gemini-api/docs/rate-limits",),
        examples=(
            Example(
                error={"status": "HTTP/2 429", "http_status": "429", "error": {
                    "code": 429, "message": "You exceeded your current quota, please check "
                    "your plan and billing details.", "status": "RESOURCE_EXHAUSTED",
                    "details": [{"@type": "type.googleapis.com/google.rpc.QuotaFailure",
                                 "violations": [{"quotaId": "GenerateRequestsPerDayPerProject"
                                                 "PerModel-FreeTier"}]}]}},
                backend={"kind": "gemini", "host": "generativelanguage.googleapis.com"},
                source="https://ai.google.dev/gemini-api/docs/rate-limits",
            ),
        ),
        retryable=True,
        severity="warning",
    ),
    Rule(
        code="RATE005",
        name="upstream-rate-limited",
        category="rate_limit",
        when=match(text=r"rate-limited upstream|upstream rate limit|upstream_provider_shared_pool"
                   r"|temporarily rate.?limited"),
        summary=(
            "The model's upstream provider is rate-limiting {provider}'s shared pool (your "
            "key is fine): it usually passes shortly."
        ),
        explanation=(
            "{provider} forwarded the request to an upstream provider, which is rate-limiting "
            "everyone who shares that route (common for free model variants). Your own account "
            "is not at fault."
        ),
        steps=("Resend in a little while.",
               "Use a paid variant of the model, another model, or your own upstream key."),
        fixes=(SWITCH,),
        docs=("https://openrouter.ai/docs/api/reference/errors-and-debugging",),
        examples=(
            Example(
                error={"status": "HTTP/2 429", "http_status": "429", "error": {
                    "message": "Provider returned error", "code": 429, "metadata": {
                        "raw": "deepseek/deepseek-chat-v3-0324:free is temporarily "
                        "rate-limited upstream. Please retry shortly, or add your own key to "
                        "accumulate your rate limits: https://openrouter.ai/settings/integrations",
                        "provider_name": "Chutes"}}},
                backend={"kind": "openrouter", "host": "openrouter.ai"},
                source="https://github.com/HacxGPT-Official/HacxGPT-CLI/issues/31",
            ),
        ),
        retryable=True,
        severity="warning",
    ),
    Rule(
        code="CTX002",
        name="request-exceeds-per-minute-budget",
        category="request.context_length",
        when=match(http=(429, 413, 400, None), text=_TOO_BIG),
        summary=(
            "This one request is bigger than {provider}'s tokens-per-minute limit: waiting will "
            "not help; send less context or lower gptel-max-tokens."
        ),
        explanation=(
            "{provider} answered HTTP {status} with a rate-limit code, but the message says the "
            "request alone needs more tokens than the key may use in a minute. Resending the "
            "same request will always fail; the request has to shrink, or the tier has to "
            "grow."
        ),
        steps=(
            "Send less: remove buffers or files from gptel's context, or start a new chat "
            "buffer.",
            "If gptel-max-tokens is set high, lower it: the requested output counts too.",
            "Or raise the account's tier at {usage_url}.",
        ),
        fixes=(
            MAX_TOKENS_OFF,
            MAX_TOKENS_DEFAULT,
        ),
        docs=("https://platform.openai.com/docs/guides/rate-limits",),
        examples=(
            Example(
                error={
                    "status": "HTTP/2 429",
                    "http_status": "429",
                    "error": {
                        "message": "Request too large for gpt-4o in organization "
                        "org-VDAWofJASuLH0vVz8o9tiQZr on tokens per min (TPM): Limit 30000, "
                        "Requested 30601. The input or output tokens must be reduced in order "
                        "to run successfully. Visit https://platform.openai.com/account/"
                        "rate-limits to learn more.",
                        "type": "tokens",
                        "param": None,
                        "code": "rate_limit_exceeded",
                    },
                },
                backend={"kind": "openai", "host": "api.openai.com"},
                source="https://github.com/DrShushen/climb/issues/13",
            ),
        ),
    ),
)
