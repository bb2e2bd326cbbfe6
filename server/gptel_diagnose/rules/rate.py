"""Rate limits: too much, too fast.  Waiting helps, unless one request is itself too big."""

from __future__ import annotations

from .base import Example, FixSpec, Rule, match

_DAILY = (
    r"per ?day|daily|\(tpd\)|\(rpd\)|perday|free-models-per-day|tokens_per_day"
    r"|requests_per_day"
)
_TOO_BIG = (
    r"request too large|too large for model|must be reduced|reduce your message size"
    r"|too many tokens for team|requested \d+.*exceeds|\(actual/limit\)"
)

RULES = (
    Rule(
        code="RATE001",
        name="rate-limit-per-minute",
        category="rate_limit",
        when=(
            match(
                http=429,
                codes=("rate_limit_exceeded", "rate_limit_error", "rate_limited", "requests",
                       "tokens", "throttlingexception", "too_many_requests"),
                not_text=f"{_DAILY}|{_TOO_BIG}",
            ),
            match(
                http=429,
                text=r"rate limit|rate-limit|ratelimit|throttl|try again in",
                not_text=f"{_DAILY}|{_TOO_BIG}|insufficient_quota|exceeded your current quota",
            ),
        ),
        summary=(
            "Rate limited by {provider}: too many requests or tokens per minute, not a billing "
            "problem. {wait_clause}"
        ),
        explanation=(
            "{provider} answered HTTP {status}: this key sent more requests or tokens in the "
            "last minute than its tier allows. The limit resets on its own within a minute; "
            "the account is fine and has credit.\n\nThe provider said: {message}"
        ),
        steps=(
            "Wait for the time the provider states (or about a minute) and resend.",
            "If it happens often, send less context (fewer or shorter buffers in gptel's "
            "context), or ask the provider for a higher tier at {usage_url}.",
        ),
        fixes=(
            FixSpec("Resend after the wait", "display-only", command="M-x gptel-send"),
            FixSpec("See your rate limits and tier", "display-only", url="{usage_url}"),
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
        priority=80,
    ),
    Rule(
        code="RATE002",
        name="rate-limit-daily-cap",
        category="rate_limit",
        when=match(http=(429, 403), text=_DAILY, not_text=_TOO_BIG),
        summary=(
            "{provider} daily limit reached for this key or model: it resets once a day. "
            "{wait_clause}"
        ),
        explanation=(
            "{provider} answered HTTP {status}: a per-day cap (requests or tokens per day, or a "
            "free-tier daily allowance) is used up. Unlike a per-minute limit, resending soon "
            "will fail again until the daily window resets.\n\nThe provider said: {message}"
        ),
        steps=(
            "Wait for the daily reset, or switch to another model or backend meanwhile "
            "(M-x gptel-menu).",
            "A paid tier or added credit usually raises or removes daily caps: see "
            "{usage_url}.",
        ),
        fixes=(
            FixSpec("Switch model or backend for today (M-x gptel-menu)", "display-only",
                    command="M-x gptel-menu"),
            FixSpec("See your limits", "display-only", url="{usage_url}"),
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
        priority=85,
    ),
    Rule(
        code="CTX002",
        name="request-exceeds-per-minute-budget",
        category="request.context_length",
        when=match(http=(429, 413, 400), text=_TOO_BIG),
        summary=(
            "This one request is bigger than {provider}'s tokens-per-minute limit: waiting will "
            "not help; send less context or lower gptel-max-tokens."
        ),
        explanation=(
            "{provider} answered HTTP {status} with a rate-limit code, but the message says the "
            "request alone needs more tokens than the key may use in a minute. Resending the "
            "same request will always fail; the request has to shrink, or the tier has to "
            "grow.\n\nThe provider said: {message}"
        ),
        steps=(
            "Send less: remove buffers or files from gptel's context, or start a new chat "
            "buffer.",
            "If gptel-max-tokens is set high, lower it: the requested output counts too.",
            "Or raise the account's tier at {usage_url}.",
        ),
        fixes=(
            FixSpec("Let the model choose the output length", "unsafe",
                    variable="gptel-max-tokens", value="nil"),
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
        priority=88,
    ),
)
