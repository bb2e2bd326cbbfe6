"""Billing: the account cannot pay for the request.  Waiting does not help."""

from __future__ import annotations

from .base import Example, FixSpec, Rule, match

_OPENAI_BILLING_CODES = (
    "insufficient_quota",
    "billing_hard_limit_reached",
    "billing_not_active",
    "credit_balance_exhausted",
    "organization_spend_limit_exceeded",
    "project_spend_limit_exceeded",
    "organization_usage_limit_exceeded",
    "access_terminated",
)

RULES = (
    Rule(
        code="BIL001",
        name="openai-insufficient-quota",
        category="billing.quota_exhausted",
        when=(
            match(codes=_OPENAI_BILLING_CODES),
            match(
                http=429,
                text=r"exceeded your current quota|check your plan and billing",
                not_providers=("gemini",),
                not_text=r"quotafailure|perminute|perday|free_?tier|retrydelay|retry_delay",
            ),
        ),
        summary=(
            "Your {provider} API account is out of credit (insufficient_quota), not "
            "rate-limited: API billing is separate from a ChatGPT subscription; add API credit."
        ),
        explanation=(
            "{provider} answered HTTP {status} with insufficient_quota. The status code is the "
            "same as a rate limit's, but the meaning is not: the API account behind this key "
            "has no prepaid credit left, has no payment method, or has hit its monthly spend "
            "limit. Waiting and resending will fail the same way.\n\n"
            "The API is billed separately from ChatGPT: a ChatGPT Plus, Pro or Team "
            "subscription does not include API credit. New accounts no longer get free "
            "trial credit.\n\nThe provider said: {message}"
        ),
        steps=(
            "Open {billing_url} and check the credit balance of the organization and project "
            "that own this key.",
            "Add credit (or a payment method), or raise the monthly budget at {usage_url}.",
            "Credit can take a few minutes to reach the API; if it still fails after that, "
            "create a new key in the same project.",
            "Meanwhile, you can switch gptel to another backend with M-x gptel-menu.",
        ),
        fixes=(
            FixSpec(
                "Add credit to the API account", "display-only",
                url="{billing_url}",
            ),
            FixSpec(
                "Switch to another backend or model for now (M-x gptel-menu)", "display-only",
                command="M-x gptel-menu",
            ),
        ),
        docs=(
            "https://platform.openai.com/docs/guides/error-codes/api-errors",
            "https://help.openai.com/en/articles/6891831-error-code-429-you-exceeded-your-current-quota-please-check-your-plan-and-billing-details",
            "https://github.com/karthink/gptel#frequently-asked-questions",
        ),
        examples=(
            Example(
                error={
                    "status": "HTTP/2 429",
                    "http_status": "429",
                    "error": {
                        "message": "You exceeded your current quota, please check your plan "
                        "and billing details. For more information on this error, read the "
                        "docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
                        "type": "insufficient_quota",
                        "param": None,
                        "code": "insufficient_quota",
                    },
                },
                backend={"kind": "openai", "host": "api.openai.com"},
                source="https://github.com/ChatGPTNextWeb/NextChat/issues/4101",
            ),
        ),
        priority=90,
    ),
)
