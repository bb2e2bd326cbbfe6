"""What a provider documents: one rule per category, chosen by the engine's documented-code
stage, never by matching.

When a failure carries a code (or message, or status) that the identified provider documents
(`providers`, `Provider.documented`), the code says the category, and its record says what it
means in both languages and where the provider says so.  A code whose record names a catalogue
rule (`Code.rule`) gets that rule; any other gets the rule below for its category, which states
the provider's own meaning ({documented_meaning}) and cites its source ({documented_source}).
These rules have no `when`: the tiers never pick them.
"""

from __future__ import annotations

from .base import Example, FixSpec, Rule
from .common import (
    ADD_CREDIT,
    ASK_BACKEND,
    ASK_KEY,
    ASK_MODEL,
    CLOSEST,
    EDIT_BACKEND,
    GET_KEY,
    PICK_MODEL,
    PLATFORM_STEPS,
    REDEFINE_BACKEND,
    RESEND,
    SEE_MODELS,
    STATUS_PAGE,
    STREAM_ON,
    SWITCH,
)

_CONSOLE = FixSpec("Open the provider's console", "display-only", url="{console_url}")
# The documented code's source, filled in by the engine: the reference these rules cite.
SOURCE = "{documented_source}"
_SOURCE = (SOURCE,)
_PUT_KEY = ("Put it where this backend's :key reads it (a string, a function, auth-source or "
            "an environment variable), then resend.")
_GIVE_KEY = ("Give the backend a :key (a string, a function, auth-source or an environment "
             "variable), then resend.")


def _zhipu(code: str, message: str, status: int) -> dict[str, object]:
    return {"status": f"HTTP/1.1 {status}", "http_status": str(status),
            "error": {"code": code, "message": message}}


_BIGMODEL = {"kind": "openai", "host": "open.bigmodel.cn"}

RULES = (
    Rule(
        code="DOC001",
        name="documented-no-balance",
        category="billing.quota_exhausted",
        when=(),
        summary="{provider}: {documented_meaning}. Billing, not a rate limit: resending fails "
        "until the account is topped up (or the plan's allowance resets).",
        explanation=(
            "{provider} answered{status_clause} with an error it documents as: "
            "{documented_meaning}. The account behind this key has no balance left, is in "
            "arrears, or its plan's allowance is used up. Whatever the HTTP status (some "
            "providers send 429 here), resending later fails the same way until the account "
            "is topped up or the allowance resets."
        ),
        steps=(
            "Open {billing_url} and check the balance of the account that owns this key.",
            "Top up (or renew the plan), then resend.",
            "Meanwhile, switch gptel to another backend or model with M-x gptel-menu.",
        ),
        fixes=(ADD_CREDIT, ASK_BACKEND),
        docs=_SOURCE,
        examples=(
            Example(error=_zhipu("1113", "您的账户已欠费，请充值后重试。", 429),
                    backend=_BIGMODEL,
                    source="https://github.com/langgenius/dify/issues/5850"),
        ),
    ),
    Rule(
        code="DOC002",
        name="documented-rate-limit",
        category="rate_limit",
        when=(),
        summary="Rate limited by {provider}: {documented_meaning}. {wait_clause}",
        explanation=(
            "{provider} answered{status_clause} with a limit it documents as: "
            "{documented_meaning}. The account is fine and has credit: the limit is on how "
            "much, or how many at once, it may send, and it lifts on its own."
        ),
        steps=(
            "Wait a little (until the next day for a daily cap) and resend, one request at a "
            "time.",
            "If it happens often, send less context, or see the limits of your account at "
            "{usage_url}.",
        ),
        fixes=(RESEND, FixSpec("See your rate limits and tier", "display-only",
                                url="{usage_url}")),
        docs=_SOURCE,
        examples=(
            Example(error=_zhipu("1302", "您的账户已达到速率限制，请您控制请求频率", 429),
                    backend=_BIGMODEL,
                    source="https://github.com/yilewang/llm-for-zotero/issues/17"),
        ),
        retryable=True,
    ),
    Rule(
        code="DOC003",
        name="documented-key-rejected",
        category="auth.invalid_key",
        when=(),
        summary=(
            "{provider} rejected the API key: {documented_meaning}."
        ),
        explanation=(
            "{provider} answered{status_clause} with an error it documents as: "
            "{documented_meaning}. The key gptel sent is wrong, revoked, expired, or belongs to "
            "another provider or region."
        ),
        steps=(
            "Create or copy a key at {keys_url}.",
            _PUT_KEY,
        ),
        provider_steps=PLATFORM_STEPS,
        fixes=(GET_KEY, ASK_KEY, REDEFINE_BACKEND),
        docs=_SOURCE,
        next_step=("Create or copy a key at {keys_url}.", _PUT_KEY),
        examples=(
            Example(error={"status": "HTTP/2 401", "http_status": "401",
                           "error": {"message": "Incorrect API key provided",
                                     "type": "invalid_api_key"}},
                    backend={"kind": "openai", "host": "api.stepfun.com"},
                    source="https://github.com/stepfun-ai/Step-3.5-Flash/pull/22"),
        ),
    ),
    Rule(
        code="DOC004",
        name="documented-key-missing",
        category="auth.missing_key",
        when=(),
        summary="{provider} received no API key: {documented_meaning}.",
        explanation=(
            "{provider} answered{status_clause} with an error it documents as: "
            "{documented_meaning}. gptel sent the request without a key, or with an empty one."
        ),
        steps=(
            "Create or copy a key at {keys_url}.",
            _GIVE_KEY,
        ),
        fixes=(GET_KEY, ASK_KEY),
        docs=_SOURCE,
        next_step=("Create or copy a key at {keys_url}.", _GIVE_KEY),
        examples=(
            Example(error={"status": "HTTP/1.1 401", "http_status": "401",
                           "error": {"message": "未提供令牌", "type": "one_api_error"}},
                    backend={"kind": "relay"},
                    source="https://github.com/songquanpeng/one-api/blob/main/model/token.go"),
        ),
    ),
    Rule(
        code="DOC005",
        name="documented-no-permission",
        category="auth.permission",
        when=(),
        summary=(
            "{provider} accepted the key but refuses this request: {documented_meaning}."
        ),
        explanation=(
            "{provider} answered{status_clause} with an error it documents as: "
            "{documented_meaning}. The key is valid; the account, its plan or this key is not "
            "allowed to do what the request asks."
        ),
        steps=(
            "Open {console_url} and check the account's state, plan and the services or "
            "models enabled for it.",
            "Or choose a model this account may use (M-x gptel-menu), then resend.",
        ),
        fixes=(_CONSOLE, ASK_MODEL, PICK_MODEL, ASK_BACKEND),
        docs=_SOURCE,
        examples=(
            Example(error={"status": "HTTP/1.1 403", "http_status": "403",
                           "error": {"code": "AccessDenied", "message": "Access denied.",
                                     "type": "AccessDenied"}},
                    backend={"kind": "openai", "host": "dashscope.aliyuncs.com"},
                    source="https://help.aliyun.com/en/model-studio/error-code-start"),
        ),
    ),
    Rule(
        code="DOC006",
        name="documented-model-unknown",
        category="model.not_found",
        when=(),
        summary=(
            "{provider} does not offer {model} to this key: {documented_meaning}."
        ),
        explanation=(
            "{provider} answered{status_clause} with an error it documents as: "
            "{documented_meaning}. The model name gptel sent is misspelt, retired, not "
            "available in this region, or not enabled for this account."
        ),
        steps=(
            "Check the model name gptel sends (gptel-model, or the one chosen in M-x "
            "gptel-menu) against {models_url}.",
            "Choose a model the account offers, then resend.",
        ),
        fixes=(CLOSEST, ASK_MODEL, PICK_MODEL, SEE_MODELS),
        docs=_SOURCE,
        examples=(
            Example(error={"status": "HTTP/1.1 404", "http_status": "404",
                           "error": {"code": "model_not_found",
                                     "message": "The model `qwen-mx` does not exist or you "
                                     "do not have access to it.",
                                     "type": "invalid_request_error"}},
                    backend={"kind": "openai", "host": "dashscope.aliyuncs.com"},
                    request={"model": "qwen-mx"},
                    source="https://help.aliyun.com/zh/model-studio/error-code"),
        ),
    ),
    Rule(
        code="DOC007",
        name="documented-content-review",
        category="content_policy",
        when=(),
        summary="The content review of {provider} refused the request: {documented_meaning}.",
        explanation=(
            "{provider} answered{status_clause} with an error it documents as: "
            "{documented_meaning}. The provider reviews both the prompt (the whole context "
            "gptel sends, including earlier turns and added buffers) and the answer; neither "
            "the key nor the request's settings are at fault."
        ),
        steps=(
            "Rephrase the prompt, or remove the text the review may object to from the "
            "buffer or gptel's context.",
            "Start a fresh chat if the flagged text is in an earlier turn.",
        ),
        next_step=("Rephrase the prompt, or remove the text the review may object to from the "
                   "buffer or gptel's context.",),
        fixes=(SWITCH,),
        docs=_SOURCE,
        examples=(
            Example(error={"error": "<400> InternalError.Algo.DataInspectionFailed: Input text "
                           "data may contain inappropriate content."},
                    backend={"kind": "openai", "host": "dashscope.aliyuncs.com"},
                    source="https://github.com/QwenLM/qwen-code/issues/3145"),
        ),
    ),
    Rule(
        code="DOC008",
        name="documented-input-too-long",
        category="request.context_length",
        when=(),
        summary="The request is too long for the model at {provider}: {documented_meaning}. "
        "Send less context, or lower gptel-max-tokens.",
        explanation=(
            "{provider} answered{status_clause} with an error it documents as: "
            "{documented_meaning}. The prompt (the whole conversation and context gptel sends) "
            "plus the room reserved for the answer is longer than the model accepts."
        ),
        steps=(
            "Send less: narrow the region, remove buffers or files from gptel's context, or "
            "start a fresh chat.",
            "Or reserve less room for the answer: (setq gptel-max-tokens 1000).",
        ),
        # Or a model with a longer context window.
        fixes=(FixSpec("Cap the answer at 1000 tokens", "unsafe", variable="gptel-max-tokens",
                       value="1000"), ASK_MODEL),
        docs=_SOURCE,
        examples=(
            Example(error={"error": "invalid params, context window exceeds limit (2013)"},
                    backend={"kind": "openai", "host": "api.minimaxi.com"},
                    source="https://github.com/MiniMax-AI/MiniMax-M2/issues/119"),
        ),
    ),
    Rule(
        code="DOC009",
        name="documented-bad-parameter",
        category="request.invalid_parameter",
        when=(),
        summary="{provider} refused a parameter of the request: {documented_meaning}.",
        explanation=(
            "{provider} answered{status_clause} with an error it documents as: "
            "{documented_meaning}. gptel builds the request from the backend definition and "
            "its settings (model, streaming, temperature, max tokens, tools, the messages "
            "themselves); the provider's message names the part it refused."
        ),
        steps=(
            "Read the provider's message below for the parameter it names.",
            "Change the matching gptel setting or the backend's :request-params, then resend.",
        ),
        fixes=(EDIT_BACKEND,),
        docs=_SOURCE,
        # The message names the parameter: the line shows it when there is one.
        next_step=("Change the setting its message names (or the backend's :request-params), "
                   "then resend: {message}",
                   "Change the setting the provider's message names (or the backend's "
                   ":request-params), then resend.",),
        examples=(
            Example(error={"error": {"code": "invalid_parameter_error", "param": None,
                                     "message": "<400> InternalError.Algo.InvalidParameter: "
                                     "'messages' must contain the word 'json' in some form, "
                                     "to use 'response_format' of type 'json_object'.",
                                     "type": "invalid_request_error"}},
                    backend={"kind": "openai", "host": "dashscope.aliyuncs.com"},
                    source="https://github.com/agentscope-ai/agentscope/issues/1354"),
        ),
    ),
    Rule(
        code="DOC010",
        name="documented-service-busy",
        category="server.overloaded",
        when=(),
        summary=(
            "{provider} is busy or failing on its side: {documented_meaning}."
        ),
        explanation=(
            "{provider} answered{status_clause} with an error it documents as: "
            "{documented_meaning}. The failure is on the provider's side; your key, account "
            "and request are fine."
        ),
        steps=(
            "Resend in a minute or two.",
            "If it persists, switch to another model or backend with M-x gptel-menu.",
        ),
        fixes=(RESEND, ASK_BACKEND, STATUS_PAGE),
        docs=_SOURCE,
        examples=(
            Example(error=_zhipu("1305", "该模型当前访问量过大，请您稍后再试", 429),
                    backend={"kind": "openai", "host": "open.bigmodel.cn"},
                    source="https://github.com/zhukunpenglinyutong/jetbrains-cc-gui/issues/897"),
        ),
        retryable=True,
    ),
    Rule(
        code="DOC011",
        name="documented-timeout",
        category="network.timeout",
        when=(),
        summary=(
            "{provider} timed out on its side: {documented_meaning}."
        ),
        explanation=(
            "{provider} answered{status_clause} with an error it documents as: "
            "{documented_meaning}. The provider gave up before the model finished; long "
            "prompts and long answers make it likelier."
        ),
        steps=(
            "Resend; with streaming on (gptel-stream), long answers arrive before any timeout.",
            "Or send less context.",
        ),
        fixes=(RESEND, STREAM_ON),
        docs=_SOURCE,
        examples=(
            Example(error={"error": {"base_resp": {"status_code": 1001,
                                                   "status_msg": "request timeout"}}},
                    backend={"kind": "openai", "host": "api.minimaxi.com"},
                    source="https://platform.minimaxi.com/docs/api-reference/errorcode"),
        ),
        retryable=True,
    ),
    Rule(
        code="DOC012",
        name="documented-wrong-endpoint",
        category="endpoint.wrong",
        when=(),
        summary="{provider} has no such API: {documented_meaning}. Fix the backend's :host or "
        ":endpoint.",
        explanation=(
            "{provider} answered{status_clause} with an error it documents as: "
            "{documented_meaning}. gptel builds the URL from the backend's :protocol, :host and "
            ":endpoint; one of them names an API the provider does not offer (or no longer "
            "does)."
        ),
        steps=(
            "Compare the backend's :host and :endpoint with the provider's documentation, and "
            "redefine the backend.",
        ),
        fixes=(REDEFINE_BACKEND,),
        docs=_SOURCE,
        next_step=("Compare the backend's :host and :endpoint with {documented_source}, then "
                   "redefine the backend.",),
        examples=(
            Example(error=_zhipu("1222", "API 不存在", 404), backend=_BIGMODEL,
                    source="https://docs.bigmodel.cn/cn/api/api-code"),
        ),
    ),
)

# The rule that states a documented meaning, per category: the engine's documented-code
# stage and the words rules (`words`) both look rules up here.
BY_CATEGORY: dict[str, Rule] = {rule.category: rule for rule in RULES}
