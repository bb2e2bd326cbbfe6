"""What the words say: one rule per category, chosen by the engine's words stage, never by
matching.

When no rule knows a failure and only its status is left (or nothing), the error's words may
still name a cause in plain language ("Token amount has been exhausted" under a 401).  The
engine's words stage (`cues`) then picks the rule below for the one category the words point
to.  Each says it is a reading of the words and how to be sure; its steps and fixes are the
documented rule's for the same category (`documented`), so the two say the same thing about
what to do.  These rules have no `when`: the tiers never pick them.
"""

from __future__ import annotations

from ..protocol import Category
from .base import Example, Rule
from .common import LOG_REQUESTS
from .documented import BY_CATEGORY as DOCUMENTED

# The echo line already opens with "gptel-diagnose: ": the summary does not repeat the name.
SUMMARY = ("{provider}'s message is one gptel-diagnose does not recognise, but its words point "
           "to {words_meaning}: {message}. To be sure, set gptel-log-level to 'info and resend.")
EXPLANATION = ("gptel-diagnose has no rule for this error from {provider}{status_clause}, so it "
               "read the message's words: they point to {words_meaning}, and the status does "
               "not say otherwise. That is a reading of the words, not a code the provider "
               "documents.")
TO_BE_SURE = ("To be sure, set (setq gptel-log-level 'info), resend, and read the answer in "
              "*gptel-log*; or copy the request as curl (M-x gptel-diagnose-copy-curl) and run "
              "it.")


# Category -> a real failure whose words alone tell it (no rule knew its message), and where
# it was reported.  A category gets a words rule once such a report is found; a new one goes
# last, since a rule's code is its place here and codes are never reused.
_EXAMPLES: dict[Category, Example] = {
    "rate_limit": Example(
        error={"error": "Error: API error from mistral (model: mistral-vibe-cli-latest): "
                        "Ratelimit exceeded. Please wait a moment before trying again."},
        backend={"kind": "mistral"}, request={"model": "mistral-vibe-cli-latest"},
        source="https://github.com/mistralai/mistral-vibe/issues/264"),
    "auth.invalid_key": Example(
        error={"error": {"code": 2001, "message": "鉴权失败：[request id:12390d63-7be5-4dbe-b567-"
                         "183f3067bc75]signature calculated is different from client "
                         "signature"}},
        backend={"kind": "hunyuan"},
        source="https://github.com/langchain-ai/langchain/issues/22795"),
    "auth.missing_key": Example(
        error={"error": "Failed to generate commit message: OAI Compatible API key not found"},
        backend={"kind": "minimax"},
        source="https://github.com/JohnnyZ93/oai-compatible-copilot/issues/186"),
    "model.not_found": Example(
        error={"status": "HTTP/1.1 400 Bad Request", "http_status": "400",
               "error": "当前模型不可用，请切换其他模型后重试"},
        backend={"kind": "relay"}, request={"model": "deepseek-v4.1-flash"},
        source="https://github.com/ardeyouxipianyi/workbuddy2api-intl/issues/2"),
    "request.invalid_parameter": Example(
        error={"error": {"message": "invalid request: message must be at least 1 token long "
                                    "or tool results must be specified."}},
        backend={"kind": "relay"}, source="https://github.com/kwaroran/Risuai/issues/504"),
    "server.overloaded": Example(
        error={"error": "APIException [Error]: [请求kimi失败]: 服务内部错误"},
        backend={"kind": "relay"},
        source="https://github.com/LLM-Red-Team/kimi-free-api/issues/68"),
    "auth.permission": Example(
        error={"status": "HTTP/1.1 400 Bad Request", "http_status": "400",
               "error": "2025-06-14 06:05:34 error: [AskController] Error handling request 400 "
                        "Provider not allowed for organization"},
        backend={"kind": "relay"},
        source="https://github.com/LibreChat-AI/librechat.ai/issues/331"),
    "endpoint.wrong": Example(
        error={"error": "Error: HTTP Server is running, but this endpoint does not exist. "
                        "Please check the URL."},
        backend={"kind": "llamacpp", "host": "localhost:5001",
                 "endpoint": "/api/extra/websearch", "protocol": "http"},
        source="https://github.com/LostRuins/koboldcpp/issues/1309"),
    "network.timeout": Example(
        error={"error": "Inference took too long. Please try again."},
        backend={"kind": "ollama"}, request={"model": "llama3"},
        source="https://github.com/stitionai/devika/issues/494"),
    "request.context_length": Example(
        error={"error": "[handleAbortError] AI response error; aborting request: Prompt token "
                        "count of 37165 exceeds max token count of 4095."},
        backend={"kind": "openai"},
        source="https://github.com/danny-avila/LibreChat/issues/4258"),
    "content_policy": Example(
        error={"error": "[CONTENT BLOCKED - ORIGINAL TEXT PRESERVED]"},
        backend={"kind": "gemini"},
        source="https://github.com/Shirochi-stack/Glossarion/issues/37"),
    "billing.quota_exhausted": Example(
        error={"error": {"detail": "Quota exceeded and account balance is $0.0, please pay "
                                   "with fiat or send tao to <ADDRESS REMOVED FOR PRIVACY>"}},
        backend={"kind": "openai", "host": "llm.chutes.ai"},
        source="https://github.com/chutesai/chutes/issues/18"),
}


def _words_rule(number: int, category: Category, example: Example) -> Rule:
    documented = DOCUMENTED[category]
    # A step that cites the provider's documentation has nothing to cite here.
    steps = tuple(s for s in documented.steps if "{documented_" not in s)
    next_step = tuple(s for s in documented.next_step if "{documented_" not in s)
    return Rule(
        code=f"WORD{number:03}",
        name=documented.name.replace("documented-", "words-say-"),
        category=documented.category,
        when=(),
        summary=SUMMARY,
        explanation=EXPLANATION,
        steps=(*steps, TO_BE_SURE),
        fixes=(*documented.fixes, LOG_REQUESTS),
        next_step=next_step,
        docs=("https://github.com/karthink/gptel#introspection-examine-debug-or-modify-requests",),
        examples=(example,),
        retryable=documented.retryable,
        severity="warning",
    )


RULES = tuple(_words_rule(number, category, example)
              for number, (category, example) in enumerate(_EXAMPLES.items(), start=1))
