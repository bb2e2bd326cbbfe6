"""Billing: the account cannot pay for the request.  Waiting does not help."""

from __future__ import annotations

from typing import Any

from ..facts import RESETS_AT_HOUR
from ..providers.record import QWEN_FREE_DAILY
from .base import Example, FixSpec, Match, Rule, match
from .common import (
    ADD_CREDIT,
    ASK_BACKEND,
    ASK_KEY,
    PLAN_LIMIT_RETRY,
    RATE_LIMIT_RESETS,
    RESETS_TOMORROW,
)

_OPENAI_BILLING_CODES = (
    "insufficient_quota",
    "billing_hard_limit_reached",
    "billing_not_active",
    "credit_balance_exhausted",
    "organization_spend_limit_exceeded",
    "project_spend_limit_exceeded",
    "organization_usage_limit_exceeded",
    "billing_error",
    "enforced_spend_limit_reached",
    "payment_required",
    "insufficient_balance",
)

# BIL001 speaks of ChatGPT and OpenAI's pages: only for OpenAI, Azure OpenAI, or a backend
# whose provider is not known (None).
_OPENAI = ("openai", "azure", None)



def _openai_quota(**where: Any) -> tuple[Match, ...]:
    """OpenAI's insufficient_quota, by its code or by its words on a 429 (not Gemini's
    quota words), for OpenAI, Azure or an unknown provider, and WHERE."""
    return (
        # Qwen's OAuth portal's "Free allocated quota exceeded." is RATE002's (a day's cap).
        match(codes=_OPENAI_BILLING_CODES, provider=_OPENAI, not_text=QWEN_FREE_DAILY, **where),
        match(
            http=429,
            text=r"exceeded your current quota|check your plan and billing",
            provider=_OPENAI,
            not_text=r"quotafailure|perminute|perday|free_?tier|retrydelay|retry_delay"
            r"|generativelanguage|resource_exhausted|" + QWEN_FREE_DAILY,
            **where,
        ),
    )

# Words of accounts that cannot pay, across providers.
_NO_CREDIT = (
    r"insufficient[ _](?:account[ _])?(balance|credit|funds|quota|budget)"
    r"|credit balance is too low|out of credits?"
    # OpenCode's error type for an account with no balance ("type": "CreditsError"), also
    # where a client maps it to a login failure ("Category: CreditsError / Mapped message:
    # Provider authentication failed").
    r"|\bcreditserror\b"
    # Claude's plans, when the paid usage beyond the plan is spent: "You're out of extra
    # usage."
    r"|out of extra usage"
    # GitHub Copilot, when the month's premium requests are spent and nothing more may be
    # billed: "You have exceeded your premium request limit, and do not currently have
    # overages enabled."
    r"|exceeded your premium request limit"
    # The same in Copilot's Japanese: "プレミアム要求の許容量を超えました".
    r"|プレミアム要求の許容量を超え"
    # Claude's plans, for third-party apps: "Third-party apps now draw from your extra usage,
    # not your plan limits. ... Claim it at claude.ai/settings/usage".
    r"|draw from your extra usage"
    # xAI, for a team its spending limit stopped: "403 personal-team-blocked:spending-limit".
    r"|team-blocked:spending-limit"
    # Google's billing account, past the cap its owner set: "Your billing account has
    # exceeded its monthly spending cap."
    r"|exceeded its (?:monthly )?spending cap"
    r"|do(es)?n'?t have (any|enough) credits|used all available credits"
    r"|no credits? (left|remaining)"
    # An OpenAI-compatible service's 403 "Access denied due to overdue account".
    r"|\boverdue account\b|\baccount (?:is )?overdue\b"
    # A client's or service's plain words: "Not Enough Credits" (Freebuff).
    r"|\bnot enough credits?\b"
    # PearAI's server: "you've reached the maximum free PearAI credit quota".
    r"|reached [^.]{0,40}\bcredit quota\b"
    # A gateway's cap on the AI credits a run may spend: "403 Maximum AI credits exceeded".
    r"|\bcredits exceeded"
    # LiteLLM's proxy, for a key's or deployment's spend budget.
    r"|crossed budget|exceeded budget for|budget (has been )?exceeded"
    # OpenRouter's workspace limit: "Workspace daily budget of $5.00 exceeded".
    r"|budget of \$?[\d.,]+ exceeded"
    # OpenRouter, for a key whose own monthly budget is spent: "API key budget limit exceeded
    # (monthly limit). Contact your org admin."
    r"|key budget limit exceeded"
    # A spend cap in money, not in requests or tokens: a course relay's "On 2025-02 you used
    # $2.0023, exceeding $2".
    r"|\bexceed(?:ing|ed|s)? (?:the |your )?\$[\d.,]*\d"
    # GitHub Models, for an organisation's paid usage past its budget.
    r"|has reached its budget limit"
    # New API and One API, for the relay user's own quota.
    r"|pre-consumed quota failed|user quota: \d+, need quota|user quota is not enough"
    # New API's pre-deduction in Chinese ("预扣费额度失败, 用户剩余额度: ＄2.53, 需要预扣费额度:
    # ＄2.63": the balance left is below what the request would hold back).
    r"|预扣费额度失败"
    r"|insufficient user quota"
    r"|monthly spend(ing)? limit|spend(ing)? limit (reached|exceeded|has been reached)"
    # OpenAI's project budget: "Your project has reached its configured enforced spend limit."
    r"|reached (its|your) (monthly |configured |enforced )*spend"
    r"|billing (hard )?limit|purchase (more )?credits"
    r"|add (more )?credits|\btop.?up\b|payment (is )?required|recharge|balance is insufficient"
    r"|credits? (are|is|have been) (depleted|exhausted)|prepayment credits|prepaid credits"
    # Kiro's plan credits used up, as a proxy passes its status on under a 429 ("Too many
    # requests ... Internal status: credits_exhausted").
    r"|\bcredits_exhausted\b"
    # A proxy's budget for its key used up ("Proxy request budget exhausted", codex-lb).
    r"|\bbudget exhausted\b"
    # Hugging Face's Inference Providers router, with the month's credits used: its code.
    r"|\bnot_enough_balance\b"
    # Not Fireworks' 429 "You have exceeded your usage limits. Please try again later or
    # contact Fireworks to explore dedicated capacity": a wait lifts it, a rate.
    r"|exceeded your (monthly )?(budget|usage limit)(?!s?\. please try again later)"
    r"|usage limit (has been )?reached for (the|this) month"
    # Kimi's coding plan, with 429: "You've reached kimi monthly usage limit for this billing
    # cycle. Your quota will be refreshed in the next cycle."
    r"|monthly usage limit|usage limit for this billing cycle"
    r"|credits or licenses|billing details|no active (billing|subscription|payment)"
    # As Chinese providers and relays write it: no balance, in arrears, quota used up.
    r"|余额不足|已欠费|欠费|请充值|无可用资源包|额度已用尽|额度不足|insufficient_user_quota"
    # One-API: "user [3446] quota [-20847155]preConsumedQuota [743]is not enough".
    r"|preconsumedquota|quota \[-?\d+\].{0,40}is not enough"
    r"|token amount has been exhausted|remainquota = 0|令牌额度已用尽"
    # DMXAPI's relay token: "Token count has been exhausted token.RemainCount = 0".
    r"|token count has been exhausted|remaincount = 0"
    # SambaNova Cloud once its free tier ended: "PAYMENT_METHOD_REQUIRED".
    r"|payment_method_required"
    # Tencent's Token Plan used up: "TokenPlanExhausted".
    r"|tokenplanexhausted"
    r"|payments have failed|spending limit needs to be increased|\bbalance is (too )?low"
    # Google's collections for an unpaid billing account: "Lightning dunning decision is
    # deny for project: projects/…".
    r"|\bdunning\b"
    # A plan blocked for a bill not paid: "Outstanding invoices. Please update your payment
    # information" (Zed's hosted models).
    r"|outstanding invoices?|update your payment (information|method|details)"
    # xAI: "do not have an active Grok subscription".
    r"|(do(es)? not have|no) (an? |any )?(valid|active) \w* ?subscription(?! key)"
    r"|subscription has expired"
    r"|\barrearage\b|overdue[ -](balance|payment)|account is overdue"
    # DashScope's arrears message; Hugging Face's free monthly allowance.
    r"|account is in good standing|monthly included credits"
    # Copilot Free: "You've reached your monthly chat messages limit. Upgrade to Copilot Pro
    # ... or wait until March 5, 2025 for your limit to reset."
    r"|reached your monthly [\w ]{0,30}(?:quota|limit)"
    # Zed's hosted models on the free plan: "You reached your free usage limit. Upgrade to
    # Zed Pro for more prompts."
    r"|reached your free usage limit\. upgrade"
    # Amazon Q Developer's free tier, by the month: "Monthly request limit reached",
    # "AmazonQUsageLimitError: Monthly limit reached".
    r"|\bmonthly (?:request )?limit reached"
    # Augment, for an account with no paid plan: "Your access has been restricted. You must
    # purchase a paid subscription to continue using Augment."; Continue's free trial: "You
    # have exceeded the maximum number of requests for the free trial."
    r"|restricted\. (?:you must|to continue,) \W?purchase a (?:paid )?subscription"
    r"|maximum number of requests for the free trial"
    # Volcengine Ark's coding plan: "You have exceeded the monthly usage quota. It will reset
    # at ..."; Vercel's AI Gateway: "requires a valid credit card on file".
    r"|exceeded the monthly [\w ]{0,30}quota|requires a valid credit card"
    # Nous Portal: "requires available credits".
    r"|requires available credits"
    # Salesforce's Agentforce: "The Core model hit its monthly rate limit. ... The limit
    # resets every month." (forcedotcom/Einstein-GPT-for-Developers).
    r"|\bmonthly rate limit|limit resets every month"
    # LiteLLM's virtual-key budgets; Anthropic's spend limit set in its Console.
    r"|budget has been exceeded|budgetexceedederror|exceeded(?:token)?budget|over [\w ]{0,10}budget"
    r"|reached your specified (?:workspace )?api usage limits"
    # Claude Code's words for a model that needs paid usage credits.
    r"|requires usage credits"
    # GitHub Copilot's free plan: "response type (quotaExceeded) and reason (Free chat usage
    # quota exceeded)"; a key's own spending quota.
    r"|usage quota exceeded|api key quota exceeded"
    # Amazon Q Developer's free tier: "Maximum com.amazon.aws.codewhisperer.streaming.
    # GenerateAssistantResponse reached for this month"; Warp's plan: "You've reached your
    # credit limit. Your credit limit resets on November 23."; Kiro's paid overage: "You've
    # reached your overage limit".
    r"|\bmaximum \S+ reached for this month|you'?ve reached your (?:credit|overage) limit"
    # Kiro's plans: "You have reached the limit for overages", "You are out of requests in
    # your plan. Upgrade to a higher plan or wait for next month's new set of requests."
    r"|reached the limit for overages|out of requests in your plan"
)

_BILLING_STEPS = (
    "Open {billing_url} and check the balance of the account, organization or project that "
    "owns this key.",
    "Add credit or a payment method, or raise the spending limit.",
    "Meanwhile, switch gptel to another backend or model with M-x gptel-menu.",
)

RULES = (
    Rule(
        code="BIL006",
        name="openai-insufficient-quota-elsewhere",
        category="billing.quota_exhausted",
        # OpenAI's insufficient_quota from a host that is not OpenAI's, under a name of no
        # known provider: a relay, a company gateway, LiteLLM.  The account out of credit is
        # the key's there (a relay's balance), or the OpenAI account the service uses: not a
        # ChatGPT subscription's business.  A hand trial on a relay named "OneAPI" said
        # "API billing is separate from a ChatGPT subscription", which misleads there.
        when=_openai_quota(provider_assumed=True),
        summary=(
            "{provider} says the account is out of credit (insufficient_quota), not "
            "rate-limited: the key's own account with that service, or the provider "
            "account the service itself uses."
        ),
        explanation=(
            "{provider} answered HTTP {status} with OpenAI's insufficient_quota. The status "
            "code is the same as a rate limit's, but the meaning is not: the account has no "
            "credit left, so waiting and resending will fail the same way. {host} is not "
            "OpenAI's own host: the account is this key's on that service (a relay's "
            "balance), or the provider account the service itself uses, which only its "
            "operator can top up."
        ),
        steps=(
            "Check the balance of this key's account on the service's own site, and top it "
            "up.",
            "If the balance is fine, the service's own provider account may be out of credit: "
            "ask its operator.",
            "Meanwhile, you can switch gptel to another backend with M-x gptel-menu.",
        ),
        next_step=("Check the balance of this key's account on the service's own site, and "
                   "top it up.",),
        fixes=(ASK_BACKEND,),
        docs=(
            "https://platform.openai.com/docs/guides/error-codes/api-errors",
        ),
        examples=(
            Example(
                error={
                    "status": "HTTP/1.1 429 Too Many Requests",
                    "http_status": "429",
                    "error": {
                        "message": "You exceeded your current quota, please check your plan "
                        "and billing details.",
                        "type": "insufficient_quota",
                        "code": "insufficient_quota",
                    },
                },
                backend={"kind": "openai", "host": "inference.paperdebugger.com",
                         "endpoint": "/chat/completions"},
                source="https://github.com/PaperDebugger/paperdebugger/issues/132",
            ),
        ),
    ),
    Rule(
        code="BIL001",
        name="openai-insufficient-quota",
        category="billing.quota_exhausted",
        when=_openai_quota(),
        summary=(
            "Your {provider} API account is out of credit (insufficient_quota), not "
            "rate-limited: API billing is separate from a ChatGPT subscription."
        ),
        explanation=(
            "{provider} answered HTTP {status} with insufficient_quota. The status code is the "
            "same as a rate limit's, but the meaning is not: the API account behind this key "
            "has no prepaid credit left, has no payment method, or has hit its monthly spend "
            "limit. Waiting and resending will fail the same way.\n\n"
            "The API is billed separately from ChatGPT: a ChatGPT Plus, Pro or Team "
            "subscription does not include API credit. New accounts no longer get free "
            "trial credit."
        ),
        steps=(
            "Open {billing_url} and check the credit balance of the organization and project "
            "that own this key.",
            "Add credit (or a payment method), or raise the monthly budget at {usage_url}.",
            "Credit can take a few minutes to reach the API; if it still fails after that, "
            "create a new key in the same project.",
            "Meanwhile, you can switch gptel to another backend with M-x gptel-menu.",
        ),
        # As for Anthropic's (BIL002): users who paid report the old key still refused and a
        # new key working (4 corpus reports with that fix).
        fixes=(ADD_CREDIT, ASK_BACKEND, ASK_KEY),
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
    ),
    Rule(
        code="BIL002",
        name="anthropic-credit-balance-too-low",
        category="billing.quota_exhausted",
        # Claude Code shows the same as "Credit balance too low · Add funds".
        when=match(text=r"credit balance (is )?too low"),
        summary=(
            "Your Anthropic credit balance is too low: a Claude.ai subscription does not pay"
            " for the API."
        ),
        explanation=(
            "Anthropic refuses requests (with HTTP {status}, not 402) when the API account's "
            "prepaid credit is used up. A Claude Pro or Max subscription is separate from API "
            "credit."
        ),
        steps=(*_BILLING_STEPS,
               "If credit was added and the error stays, create a new key in the Console and "
               "use that one."),
        # Users who topped up report the old key still refused and a new key working.
        fixes=(ADD_CREDIT, ASK_BACKEND, ASK_KEY),
        docs=("https://docs.anthropic.com/en/api/errors",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400",
                       "error": {"type": "invalid_request_error",
                                 "message": "Your credit balance is too low to access the "
                                 "Anthropic API. Please go to Plans & Billing to upgrade or "
                                 "purchase credits."}},
                backend={"kind": "anthropic", "host": "api.anthropic.com"},
                source="https://github.com/anthropics/claude-code/issues/66314",
            ),
        ),
    ),
    Rule(
        code="BIL003",
        name="max-tokens-beyond-remaining-credit",
        category="billing.quota_exhausted",
        when=match(text=r"requires more credits|can only afford|fewer max_tokens"),
        summary="{provider} cannot reserve enough credit for this request's maximum output: add "
        "credits, or lower gptel-max-tokens.",
        explanation=(
            "Before running a request, {provider} reserves credit for the largest answer it "
            "may produce (max_tokens, or the model's default when gptel sends none). Your "
            "balance, or this key's credit limit, covers less than that. A smaller "
            "gptel-max-tokens lets the request through with the credit left; adding credit "
            "fixes it for good."
        ),
        steps=(
            "Add credits at {billing_url}, or raise this key's credit limit.",
            "Or cap the answer with a smaller gptel-max-tokens: less credit is reserved.",
        ),
        fixes=(
            # The cap the credit left covers, when the error says how many tokens that is
            # ("can only afford 3919"), with a tenth to spare for a longer prompt; none when
            # it covers too few to answer.  Else a cap most balances cover.
            FixSpec("Cap the answer at {affordable_cap} tokens, which the credit left covers",
                    "unsafe", variable="gptel-max-tokens", value="{affordable_cap}"),
            FixSpec("Cap the answer at 1000 tokens", "unsafe", variable="gptel-max-tokens",
                    value="1000", unless_known="affordable_tokens"),
            ADD_CREDIT,
            ASK_BACKEND,
        ),
        docs=("https://openrouter.ai/docs/api/reference/errors-and-debugging",),
        examples=(
            Example(
                error={"status": "HTTP/2 402", "http_status": "402",
                       "error": {"message": "This request requires more credits, or fewer "
                                 "max_tokens. You requested up to 65536 tokens, but can only "
                                 "afford 10114. To increase, visit https://openrouter.ai/"
                                 "settings/credits and upgrade to a paid account",
                                 "code": 402}},
                backend={"kind": "openrouter", "host": "openrouter.ai"},
                source="https://github.com/babikov/doka-site/issues/7",
            ),
        ),
    ),
    Rule(
        code="BIL004",
        name="key-credit-limit-reached",
        category="billing.quota_exhausted",
        when=match(text=r"key with a higher (monthly )?limit|key'?s? (credit|spend(ing)?) limit"
                   r"|limit (for|of) this (api )?key"
                   # OpenRouter's 403: "Key limit exceeded (monthly limit). Manage it using
                   # https://openrouter.ai/settings/keys".
                   r"|key limit exceeded"),
        summary="This {provider} key has reached the credit limit set on the key itself, not the "
        "account's balance.",
        explanation=(
            "{provider} lets each API key have its own spending cap, and this key's cap is used "
            "up (or too low for this request) even if the account still has credit."
        ),
        steps=("Raise the key's limit at {keys_url}, or create a key without one.",),
        # Another key without the cap, entered for this session, is the way on at once.
        fixes=(FixSpec("Manage the key's limit", "display-only", url="{keys_url}"),
               ASK_KEY, ASK_BACKEND),
        next_step=("Raise the key's limit at {keys_url}, or create a key without one.",
                   "Raise or remove the key's credit limit where the key was created.",),
        docs=("https://openrouter.ai/docs/api/reference/limits",),
        examples=(
            Example(
                error={"status": "HTTP/2 402", "http_status": "402",
                       "error": {"message": "Prompt tokens limit exceeded: 230799 > 91442. To "
                                 "increase, visit https://openrouter.ai/settings/keys and "
                                 "create a key with a higher monthly limit", "code": 402}},
                backend={"kind": "openrouter", "host": "openrouter.ai"},
                source="https://github.com/anomalyco/opencode/issues/12219",
            ),
        ),
    ),
    Rule(
        code="BIL005",
        name="no-credit-left",
        category="billing.quota_exhausted",
        # Not when the words are about a rate: a limit on concurrent requests (Scaleway's "429
        # INSUFFICIENT QUOTA ... limit of concurrent requests"), or "exceeded your current
        # quota" whose own link is the provider's rate-limit page (Gemini's
        # ".../gemini-api/docs/rate-limits"; not DashScope's "#token-limit", whose reports
        # are labelled both ways).
        when=match(text=_NO_CREDIT,
                   not_text=r"rate.?limit reached for|per min|tpm|rpm\b|concurrent requests"
                   r"|exceeded your current quota\b.{0,300}rate.?limits?\b"
                   # Google's RESOURCE_EXHAUSTED beside it: Gemini's free-tier quota, also
                   # when a relay quotes it ("Google API返回错误: 429 RESOURCE_EXHAUSTED
                   # {... You exceeded your current quota ...}").
                   r"|resource_exhausted.{0,300}exceeded your current quota"
                   r"|exceeded your current quota.{0,300}resource_exhausted"
                   # A free model's allowance per day that says to top up for the paid one:
                   # a window that resets tomorrow (a relay's "Free model daily limit
                   # reached. Top up credits to continue with the paid version.").
                   r"|free model daily limit reached"
                   # A ChatGPT plan's usage window, whatever it says of credits: "You've hit
                   # your usage limit. Upgrade to Pro ..., visit .../codex/settings/usage to
                   # purchase more credits or try again at 2:51 PM" (RATE001: it resets).
                   r"|" + PLAN_LIMIT_RETRY + r"(?:at|after|in)\b"
                   # A router's shared pool for free models: "free model capacity is limited
                   # right now — upgrade or top up to get higher, more stable limits".
                   r"|free model capacity is limited"
                   # Kiro's locked account, which a gateway files under insufficient_quota
                   # ("Your User ID ... temporarily is suspended. We've locked your account
                   # as a security precaution"): a permission, not credit.
                   r"|temporarily is suspended|locked your account"
                   # OpenRouter's daily cap on free models ("Rate limit exceeded:
                   # free-models-per-day. Add 10 credits to unlock 1000 free model requests per
                   # day"), also when a relay wraps it: credit raises a rate limit there.
                   r"|free-models-per-day|" + QWEN_FREE_DAILY +
                   # A window that resets tomorrow or at a time of day ("You're out of
                   # extra usage · resets 6pm (UTC)"): the plan's, not credit gone.
                   r"|" + RESETS_TOMORROW + "|" + RESETS_AT_HOUR + "|" + RATE_LIMIT_RESETS),
        summary=(
            "Your {provider} account has no credit left (or hit its spending limit): waiting"
            " will not help."
        ),
        explanation=(
            "{provider} refused the request because the account cannot pay for it: the prepaid "
            "balance is used up, the spending limit is reached, or no payment method is set. "
            "This is not a rate limit: resending later fails the same way until credit is "
            "added."
        ),
        steps=_BILLING_STEPS,
        fixes=(ADD_CREDIT, ASK_BACKEND),
        docs=("https://api-docs.deepseek.com/quick_start/error_codes",
              "https://docs.x.ai/developers/debugging"),
        examples=(
            Example(
                error={"error": "Your newly created team doesn't have any credits or licenses "
                       "yet. You can purchase those on https://console.x.ai/team/"
                       "a9456ea3-d029-4929-92e6-32c8a3dcb3fd."},
                backend={"kind": "xai", "host": "api.x.ai"},
                source="https://github.com/pajeronda/xai_conversation/issues/7",
            ),
        ),
    ),
)
