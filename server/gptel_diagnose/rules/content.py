"""Content policy: the provider refused the prompt (or the answer) for what it says."""

from __future__ import annotations

from .base import Example, FixSpec, Rule, match
from .common import ASK_MODEL

_FILTERED = (
    r"content_filter|content management policy|responsibleaipolicyviolation"
    r"|contentpolicyviolation|inappropriate (output |input )?content|output blocklist"
    # Moonshot's refusal of a risky request.
    r"|considered high\W+risk"
    r"|flagged as potentially violating|(?<!fair )usage polic(y|ies)|invalid_prompt|content policy"
    r"|safety (system|filter|reasons?)|blockreason|block_reason|prohibited_content"
    # Gemini's block reason as a Go relay prints it: "blocked: prompt:
    # BlockedReasonProhibitedContent".
    r"|blockedreason\w+"
    # Its finish reason in the protobuf text form too ("finish_reason: SAFETY").
    r"|finish_?reason\W*safety|\bsafety\b.{0,40}(blocked|block)|content exists risk"
    # Anthropic: "Output blocked by content filtering policy"; Semantic Kernel's words for
    # Azure's: "The prompt was filtered due to triggering Azure OpenAI's content filtering
    # system".
    r"|content filtering (?:policy|system)"
    r"|blocked (for|due to) (reason:? )?safety"
    # Gemini's image model, its finishReason as a client quotes it ("Gemini API error:
    # IMAGE_SAFETY").
    r"|\bimage_safety\b"
    # Not OpenAI's moderation endpoint named in a client's call ("CreateModeration failed").
    # Nor its path ("Max retries exceeded with url: /v1/moderations", a relay's "your path
    # {/moderations}").
    r"|responsible ai|(?<!create)(?<!/)moderation|flagged (input|by)|harmful content"
    r"|recitation"
    # Gemini's Python SDK when a blocked answer has no text: "Check the
    # `candidate.safety_ratings` to see if the response was blocked."
    r"|check the `?candidate\.safety_ratings"
    # GitHub Copilot's log line for a prompt its filter refused.
    r"|\bpromptfiltered\b"
    r"|violat(es|ing) (our|the) (policy|policies|terms of use)"
    # Not the WebSocket close code 1008, named "policy violation" ("received 1008 (policy
    # violation) models/X is not found for API version v1beta"): a refusal of any kind,
    # whose reason follows it.
    r"|(?<!1008 \()policy violation"
    # DashScope's data inspection in its words; a relay's sensitive-word filter.
    r"|input data may contain|sensitive_words_detected"
    # OpenAI's safety system ("Your prompt may contain text that is not allowed by our safety
    # system") and VoAPI's relay risk control ("Your submission contains text that is not
    # allowed").
    r"|contains? text that is not allowed"
    # Bedrock Guardrails, as an application logs its intervention.
    r"|guardrail intervened|guardrail_intervened"
    # LiteLLM's proxy: "Bedrock guardrail failed: I cannot respond to requests containing ...".
    r"|guardrail failed: i cannot respond"
    # LiteLLM's proxy, for its own words guardrail: "Guardrail failed words - `x` detected".
    r"|guardrail failed words"
    # xAI's 403 "permission-denied": "Content violates usage guidelines."
    r"|violat(es|ing) (our |the )?usage (guidelines|polic)"
    r"|datainspectionfailed|data_inspection_failed|considered high risk|inappropriate content"
    r"|sensitive content|不安全或敏感|敏感内容|内容安全"
    # google-generativeai with no candidate: it points at the prompt's block reason.
    # google-generativeai's wording in other SDKs and as users retype it ("Check the
    # response,prompt feedback to seifthe prompt was blocked").
    r"|check the .response\.prompt_feedback. to see if the prompt was blocked"
    r"|\bprompt was blocked\b"
    # Copilot Chat in Chinese ("响应已被负责任 AI 服务过滤"); Bedrock Guardrails' default
    # blocked message; Gemini CLI's stop; OpenAI's cybersecurity safety check in Codex.
    r"|负责任\s*ai\s*服务过滤|sorry, the model cannot answer this question"
    r"|prohibited content|extra caution with cybersecurity requests"
    # A provider behind a proxy (VibeProxy), for a prompt its checks refused: "Request blocked
    # by provider safety checks"); a bridge to ChatGPT's page, for its own: "was blocked by
    # OpenAI safety checks".
    r"|blocked by (?:the )?(?:provider|openai|anthropic|google)(?:'s)? safety checks?"
    # GitHub Copilot's response filters: "Oops, your response got filtered", "Sorry, the
    # response matched public code so it was blocked".
    r"|your response got filtered|response matched public code"
    # Azure's and Copilot's "The response was filtered due to the prompt triggering ...",
    # as an excerpt cut it short ("'message': \"The response was filter").
    r"|\bthe response was filter"
    # Imagen on Vertex AI: "The response is blocked, as it may violate our policies"; an
    # Imagen server's "the image not passing Google's safety review".
    r"|response is blocked, as it may violate our policies"
    r"|not passing google'?s safety review"
    # Claude Code, for a conversation Anthropic's classifiers stopped: "API Error: Sonnet 5
    # can't help with this. Start a new session to continue".
    r"|can'?t help with this\. start a new session"
    # Gemini's image models, for an image their safety settings withheld: "generated image
    # was filtered: ... Your current safety settings for people/face generation filtered out
    # images".
    r"|generated images? (was|were) filtered|safety settings .{0,60}filtered out"
)

# What is filed under a filter's words or codes and refused nothing for its content: Azure's
# content_filter_error "The contents are not filtered" (its filter did not run, SRV003),
# OpenRouter's check of a Responses request's shape under invalid_prompt ("Invalid Responses
# API request", TriliumNext/Trilium#10744), an endpoint's "unknown model 'gpt-5.5'" there.
_NOT_REFUSED = (r"contents are not filtered|invalid responses api request|\bunknown model '"
                # A client's validator listing the finish reasons it takes ("finish_reason
                # Input should be 'stop', 'length', 'tool_calls', 'content_filter' or ..."):
                # an answer it could not read, no refusal.
                r"|input should be 'stop'"
                # LiteLLM filing Azure's strict-schema refusal under its
                # ContentPolicyViolationError ("... AzureException - Invalid schema for
                # response_format 'IntentAnalysis': ..."): the provider's words say the
                # request's schema.
                r"|invalid schema for (?:response_format|function)")

RULES = (
    Rule(
        code="POL001",
        name="content-refused-by-policy",
        category="content_policy",
        when=(
            # Gemini's finishReason and promptFeedback.blockReason values among them.
            match(codes=("content_filter", "content_policy_violation", "invalid_prompt",
                         "responsibleaipolicyviolation", "safety", "moderation",
                         "prohibited_content", "recitation", "blocklist", "spii",
                         "image_safety", "datainspectionfailed", "data_inspection_failed",
                         # Copilot's chat API: "The response was filtered due to the prompt not
                         # being programming related" (code off_topic).
                         "off_topic",
                         # Google Flow's image API, in its ErrorInfo's reason.
                         "public_error_unsafe_generation"),
                  # A relay that files its own timeout under invalid_prompt ("AiError:
                  # Request timeout") refused nothing either.
                  not_text=r"request timeout|timed out|" + _NOT_REFUSED),
            match(text=_FILTERED, not_text=r"terms of service|data polic|" + _NOT_REFUSED +
                  r"|invalid_prompt.{0,200}(request timeout|timed out)"
                  r"|(request timeout|timed out).{0,200}invalid_prompt"),
            # A model's stock refusal, shown by a client as the whole error (Azure OpenAI's
            # "I'm sorry, but I cannot assist with that request.", three records).
            match(http=None, text=r"^\W*i'?m sorry,? but i can(?:not|'t) (?:assist|help) "
                  r"with (?:that|this)(?: request)?\W*$"),
        ),
        summary="{provider}'s safety filter refused this prompt (or its answer): resending it "
        "unchanged fails again.",
        explanation=(
            "The provider's content moderation flagged the request or the response. On "
            "reasoning models this is sometimes a false positive on long sessions; on Azure "
            "the filter is configurable per deployment. Gemini reports blocked answers as an "
            "empty response with a SAFETY reason."
        ),
        steps=("Rephrase the prompt, or start a new chat buffer without the flagged part.",
               "On Azure, review the deployment's content filter configuration."),
        next_step=("Rephrase the prompt, or start a new chat buffer without the flagged part.",),
        # Filters differ between models (DeepSeek's "Content Exists Risk" spared another).
        fixes=(FixSpec("Learn about the filter", "display-only",
                       url="https://learn.microsoft.com/en-us/azure/ai-services/openai/concepts/"
                       "content-filter"), ASK_MODEL),
        docs=("https://platform.openai.com/docs/guides/reasoning#advice-on-prompting",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "type": "invalid_request_error", "code": "invalid_prompt",
                    "message": "Invalid prompt: your prompt was flagged as potentially "
                    "violating our usage policy. Please try again with a different prompt: "
                    "https://platform.openai.com/docs/guides/reasoning#advice-on-prompting",
                    "param": None}},
                backend={"kind": "openai", "host": "api.openai.com"},
                source="https://github.com/MDX-Tom/gpt-instruct/issues/56",
            ),
        ),
    ),
)
