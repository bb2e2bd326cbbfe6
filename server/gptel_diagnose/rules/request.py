"""The request itself: a setting or parameter the model refuses, or a shape it rejects."""

from __future__ import annotations

from .base import Example, FixSpec, Rule, match
from .common import (
    ASK_BACKEND,
    ASK_MODEL,
    GATEWAY_UNREAD,
    INPUT_MISSING,
    LENGTH_OFF,
    LOG_REQUESTS,
    MAX_TOKENS_DEFAULT,
    MAX_TOKENS_MOST,
    MAX_TOKENS_NIL_SAYS,
    MAX_TOKENS_OFF,
    MAX_TOKENS_UP,
    MESSAGES_REFUSED,
    NO_MEDIA,
    NO_TOOLS,
    STREAM_OFF,
    THINKING_ONLY,
    UNROUTED_PATH,
)

# One whole JSON answer (Gemini's, without alt=sse, an array of them), as a server sends to a
# request that does not stream: an OpenAI-compatible chat completion, Gemini's candidates,
# Anthropic's message, a Responses API response.  A stream starts "data:" or "event:".
_WHOLE_ANSWER = (
    r'\A\s*\[?\s*\{(?=[\s\S]*(?:"choices"\s*:\s*\[\s*\{[\s\S]*?"message"\s*:'
    r'|"candidates"\s*:\s*\[\s*\{[\s\S]*?"content"\s*:'
    r'|"type"\s*:\s*"message"[\s\S]*?"content"\s*:\s*\['
    r'|"object"\s*:\s*"response"[\s\S]*?"output"\s*:))'
)

_LOG = LOG_REQUESTS
# A path gptel's request should not have gone to (ENDP001's, ENDP004's), whatever parameter it
# names: the whole input missing is a chat request on a Responses path, with :endpoint showing
# it or not.
_ANOTHER_PATH = UNROUTED_PATH + "|" + MESSAGES_REFUSED + "|" + INPUT_MISSING
# A client's pydantic check of the answer it got ("1 validation error for ChatCompletion",
# "... for Choice"), not of the request: both of PARAM006's exclusions read it.
# Also pydantic checking a Gemini or OpenAI answer as a typed dict: "2 validation errors for
# typed-dict\ncandidates.0.content\n  Field required".
_ANSWER_VALIDATED = (r"validation errors? for (?:\w*(completion|response|chunk|choice)"
                     r"|typed-dict\s+(?:candidates|choices)\.)")

# "is not support for vl model now" (DashScope's Qwen-VL) as well.
_TEMPERATURE_REFUSED = (r"'?temperature'? (does not support|is not support(?:ed)?|not supported)"
                        r"|unsupported (value|parameter): 'temperature'|invalid temperature"
                        r"|temperature`? may only be set to"
                        # Anthropic's newer models: "temperature is deprecated for this model".
                        r"|temperature['`]? is deprecated"
                        # LiteLLM, for OpenAI's gpt-5 models: "gpt-5 models ... don't support
                        # temperature=0.2. Only temperature=1 is supported."
                        r"|(?:don'?t|do not|doesn'?t|does not) support temperature\b"
                        r"|only temperature\s*=\s*1 is supported")
# The parameter's name in the API, or in a Go client's struct ("please use
# MaxCompletionTokens").
_MAX_TOKENS_RENAMED = (r"max_completion_tokens|maxcompletiontokens"
                       # Copilot's words for the same refusal, without the new name:
                       # "Unsupported parameter: 'max_tokens' is not supported with this model".
                       r"|\bmax_tokens'? is not supported with this model"
                       # OpenAI's own for a null max_tokens to such a model ("Invalid type for
                       # 'max_tokens': expected an unsupported value, but got null instead").
                       r"|'max_tokens': expected an unsupported value")
_NO_TEMPERATURE = FixSpec("Send no temperature", "safe", variable="gptel-temperature",
                          value="nil")

RULES = (
    Rule(
        code="STREAM001",
        name="organization-not-verified-for-streaming",
        category="request.streaming_unsupported",
        # "must be verified to use streaming", as an app rewords it, too.
        when=match(text=r"must be verified to (?:use )?stream"),
        summary="{provider} streams this model only for verified organizations: turn off "
        "streaming, or verify your organization.",
        explanation=(
            "{provider} refused the request because it asked for a streamed answer "
            "(gptel-stream is on) and streaming {model} requires a verified organization. The "
            "same request without streaming works. Verification is done once, on the "
            "provider's site, and can take about 15 minutes to take effect."
        ),
        steps=(
            "Turn streaming off: (setq gptel-stream nil). Answers then arrive all at once.",
            "Or verify the organization at "
            "https://platform.openai.com/settings/organization/general, wait a few minutes, "
            "and turn streaming back on.",
        ),
        fixes=(
            STREAM_OFF,
            FixSpec("Verify your organization", "display-only",
                    url="https://platform.openai.com/settings/organization/general"),
        ),
        docs=("https://help.openai.com/en/articles/10910291-api-organization-verification",),
        examples=(
            Example(
                error={
                    "status": "HTTP/2 400",
                    "http_status": "400",
                    "error": {
                        "message": "Your organization must be verified to stream this model. "
                        "Please go to: https://platform.openai.com/settings/organization/"
                        "general and click on Verify Organization. If you just verified, it "
                        "can take up to 15 minutes for access to propagate.",
                        "type": "invalid_request_error",
                        "param": "stream",
                        "code": "unsupported_value",
                    },
                },
                backend={"kind": "openai", "host": "api.openai.com", "stream": True},
                request={"model": "o3", "stream": True},
                source="https://github.com/chatboxai/chatbox/issues/2263",
            ),
        ),
    ),
    Rule(
        code="STREAM002",
        name="model-does-not-stream",
        category="request.streaming_unsupported",
        when=(
            match(param="stream", codes=("unsupported_value", "unsupported_parameter")),
            match(text=r"'stream' does not support|streaming is not supported"
                  r"|does not support (the )?stream|stream(ing)?`? (is )?not (supported|available)"
                  # Bedrock's ValidationException for ConverseStream, and for tools with it.
                  r"|unsupported for streaming|n'?t support tool use in streaming mode"
                  # llama.cpp's server before it streamed tool calls (HTTP 500).
                  r"|cannot use tools with stream"
                  # Azure OpenAI (a deployment or an older API version), with a 403:
                  # "Streaming requests are not yet allowed."
                  r"|streaming requests are not yet allowed"
                  # Groq: "Streaming and tool use are not currently supported with Structured
                  # Outputs".
                  r"|streaming and tool use are not currently supported"
                  # Groq before it streamed tool calls: "Tool and function calls do not
                  # currently support streaming"; Cerebras: '"stream=true" with structured
                  # outputs is currently not supported for reasoning models'.
                  r"|do(?:es)? not currently support streaming"
                  r'|"?stream=true"? .{0,60}(?:is )?(?:currently )?not supported'
                  # A Chinese gateway's "没有可用的 Provider 支持模型 X 的流式请求" (no provider
                  # of its serves X streamed; fawney19/Aether#223), "不支持流式输出".
                  r"|没有可用的?.{0,30}支持.{0,60}的流式|不支持流式"),
        ),
        summary="{model} cannot stream its answers: turn off streaming for it.",
        explanation=(
            "The model refused a streamed request (gptel-stream is on). Some models, often "
            "reasoning or preview models, only answer in one piece; a relay or gateway may "
            "also have no upstream that streams the model."
        ),
        steps=(
            "Turn streaming off: (setq gptel-stream nil), or give the backend `:stream nil`.",
        ),
        fixes=(STREAM_OFF,
               ASK_MODEL),
        docs=("https://platform.openai.com/docs/guides/reasoning",),
        examples=(
            Example(
                error={
                    "status": "HTTP/2 400",
                    "http_status": "400",
                    "error": {
                        "message": "Unsupported value: 'stream' does not support true with "
                        "this model. Supported values are: false.",
                        "type": "invalid_request_error",
                        "param": "stream",
                        "code": "unsupported_value",
                    },
                },
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"model": "o1", "stream": True},
                source="https://github.com/lobehub/lobehub/issues/5228",
            ),
        ),
    ),
    Rule(
        code="STREAM003",
        name="model-answers-only-streamed",
        category="request.invalid_parameter",
        when=match(text=r"only supports? stream(ing)? mode|stream must be set to true"
                   r"|only support stream call|must be set to false for non-streaming calls"
                   r"|stream(ing)? (is )?required|requires stream(ing)?\b(?! to be disabled)"
                   # DashScope's SDK: "This model only supports incremental_output set to
                   # True" (incremental output is its streaming).
                   r"|only supports incremental_output set to true"
                   # Command Code's validator, for a request whose stream is not true:
                   # "Invalid input: expected true at \"params.stream\"".
                   r"|expected true at \W{0,3}params\.stream\b"
                   # The Anthropic SDK, refusing a long non-streamed request itself:
                   # "Streaming is strongly recommended for operations that may take longer
                   # than 10 minutes".
                   r"|streaming is strongly recommended for operations that may take longer"),
        summary="{provider} serves {model} only streamed: turn streaming on.",
        explanation=(
            "Some models (DashScope's QwQ and thinking models, subscription backends) refuse a "
            "request that asks for the whole answer at once. gptel streams when gptel-stream "
            "is on, the backend has :stream t, and curl is used (url-retrieve never streams)."
        ),
        steps=("Turn streaming on: (setq gptel-stream t), and make sure the backend has "
               ":stream t and gptel-use-curl is on.",
               "For DashScope's thinking models, or send :enable_thinking :json-false in the "
               "model's :request-params."),
        fixes=(FixSpec("Turn on streaming", "safe", variable="gptel-stream", value="t"),),
        docs=("https://www.alibabacloud.com/help/en/model-studio/error-code",),
        examples=(
            Example(
                error={"error": "(gptel error: Stream must be set to true)"},
                backend={"kind": "openai", "stream": True},
                request={"model": "gpt-6-astra", "stream": False},
                source="https://github.com/jwiegley/ob-gptel/issues/17",
            ),
            Example(
                error={"status": "HTTP/1.1 400 Bad Request", "http_status": "400",
                       "error": {"code": "InvalidParameter", "message": "This model only "
                                 "support stream mode, please enable the stream parameter to "
                                 "access the model."}},
                backend={"kind": "dashscope", "host": "dashscope.aliyuncs.com"},
                request={"model": "qwq-32b", "stream": False},
                source="https://www.alibabacloud.com/help/en/model-studio/error-code",
            ),
        ),
    ),
    Rule(
        code="STREAM004",
        name="answer-not-streamed",
        # What gptel got is an answer it could not read as the stream it asked for (as
        # LABELING.md and the corpus label cla-relay-002 have it), not a refusal to stream.
        category="response.malformed",
        # gptel asked for a stream and read nothing, and the body the companion read is one
        # whole answer, as sent to a request that does not stream: not SSE's "data:" lines.
        when=match(gptel="empty_response", stream=True, body=_WHOLE_ANSWER),
        summary="{host} sent its answer in one piece instead of streaming it, so gptel, "
        "reading a stream, found no text: turn off streaming for it.",
        explanation=(
            "gptel asked for a streamed answer (gptel-stream is on and the backend has "
            ":stream t) and reads it as a stream of \"data:\" events. The server sent one "
            "whole JSON answer instead, as it does for a request that does not stream, so "
            "gptel found no event and inserted nothing. Some OpenAI-compatible servers and "
            "relays ignore `\"stream\": true`; an endpoint that is not the streaming one does "
            "the same."
        ),
        steps=(
            "Turn streaming off: (setq gptel-stream nil), or give the backend `:stream nil`.",
            "If this server should stream, check the backend's :endpoint against its "
            "documentation.",
        ),
        fixes=(STREAM_OFF,),
        docs=("https://github.com/karthink/gptel/issues/251",),
        examples=(
            Example(
                error={"status": "Empty response", "http_status": "200",
                       "body": '[{"candidates": [{"content": {"parts": [{"text": "Canine '
                       'companion; domesticated carnivoran"}], "role": "model"}, '
                       '"finishReason": "STOP", "index": 0}]}]'},
                backend={"kind": "gemini", "host": "generativelanguage.googleapis.com",
                         "stream": True},
                request={"model": "gemini-pro", "stream": True},
                source="https://github.com/karthink/gptel/issues/251",
            ),
        ),
    ),
    Rule(
        code="PARAM013",
        name="temperature-out-of-range",
        category="request.invalid_parameter",
        # The model takes a temperature, but not this one: Anthropic's "temperature: range:
        # 0..1", "temperature must be between 0 and 1", "temperature ... out of range".
        when=match(text=r"\btemperature\b\W{0,3}(?:range\b|[^.;]{0,40}\b(?:out of range"
                   r"|must be (?:between|less|greater|at most|at least|in \[|<|>)"
                   r"|should be (?:between|less|greater)|valid range|not in (?:the )?range)"
                   # Nor one that is no number: Anthropic's "temperature: Input should be a
                   # valid number" (a string or null from :request-params).
                   r"|\W{0,3}input should be a valid (?:number|float))"
                   # Zhipu's 1214 in Chinese: "temperature参数非法。请检查文档。".
                   r"|\btemperature\s*(?:参数)?(?:非法|不合法|超出|超过)"),
        summary="gptel-temperature is not a value {model} accepts (out of its range, or not a "
        "number): lower it, or stop sending one.",
        explanation=(
            "The model takes a temperature only as a number within its own range (Anthropic's "
            "models from 0 to 1, OpenAI's from 0 to 2). gptel sends gptel-temperature when it "
            "is set; a backend's or model's :request-params may also set it."
        ),
        steps=("Set (setq gptel-temperature nil) to send none, or a value within the model's "
               "range.",),
        fixes=(_NO_TEMPERATURE,),
        docs=("https://docs.anthropic.com/en/api/messages",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "type": "invalid_request_error", "message": "temperature: range: 0..1"}},
                backend={"kind": "anthropic", "host": "api.anthropic.com"},
                source="https://github.com/charo360/Nevis/blob/"
                "df79d5571d37f7b2542e074d8b02816fd4830f05/BUGFIX_ASSISTANT_ERRORS.md",
            ),
        ),
    ),
    Rule(
        code="PARAM001",
        name="temperature-not-supported",
        category="request.invalid_parameter",
        when=(match(param="temperature"), match(text=_TEMPERATURE_REFUSED)),
        summary="{model} does not accept a temperature: stop sending one.",
        explanation=(
            "Reasoning models (OpenAI o-series, GPT-5 and others) accept only their default "
            "temperature. gptel sends gptel-temperature when it is set; nil leaves it out. A "
            "backend's or model's :request-params may also set it."
        ),
        steps=("Set (setq gptel-temperature nil), or remove :temperature from the model's "
               ":request-params.",),
        fixes=(_NO_TEMPERATURE,),
        docs=("https://platform.openai.com/docs/guides/reasoning",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "message": "Unsupported value: 'temperature' does not support 0.01 with "
                    "this model. Only the default (1) value is supported.",
                    "type": "invalid_request_error", "param": "temperature",
                    "code": "unsupported_value"}},
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"model": "o3-mini", "temperature": 0.01},
                source="https://github.com/owndev/Open-WebUI-Functions/issues/98",
            ),
        ),
    ),
    Rule(
        code="PARAM018",
        name="temperature-and-top-p-together",
        category="request.invalid_parameter",
        # Anthropic's newer Claude models (Claude 4.5 and later, on Bedrock and Vertex too):
        # "`temperature` and `top_p` cannot both be specified for this model. Please use only
        # one."  gptel sends gptel-temperature whenever it is set, top_p only from
        # :request-params (or a relay adds it): leaving the temperature out is the setq.
        when=match(text=r"\btemperature\W{0,3} and \W{0,3}top_p\W{0,3} cannot both be specified"),
        summary="{model} takes temperature or top_p, not both: stop sending the temperature, "
        "or remove :top_p from :request-params.",
        explanation=(
            "Anthropic's newer Claude models (Claude 4.5 and later, on Bedrock and Vertex AI "
            "too) refuse a request that sets both temperature and top_p. gptel sends "
            "gptel-temperature whenever it is set, and top_p only when a backend's or model's "
            ":request-params sets it (or a relay adds it)."
        ),
        steps=("Set (setq gptel-temperature nil) to send no temperature.",
               "Or remove :top_p from the backend's or model's :request-params."),
        fixes=(_NO_TEMPERATURE,),
        docs=("https://docs.anthropic.com/en/api/messages",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "type": "invalid_request_error",
                    "message": "`temperature` and `top_p` cannot both be specified for this "
                    "model. Please use only one."}},
                backend={"kind": "anthropic", "host": "api.anthropic.com"},
                request={"model": "claude-sonnet-4-5-20250929", "temperature": 1.0},
                source="https://github.com/charmbracelet/mods/issues/618",
            ),
        ),
    ),
    Rule(
        code="PARAM002",
        name="max-tokens-not-supported",
        category="request.invalid_parameter",
        when=(
            # Not vLLM's "'max_tokens' or 'max_completion_tokens' is too large: N", which
            # names both and takes either: the length does not fit (PARAM003, CTX001).
            match(text=_MAX_TOKENS_RENAMED, not_text=r"is too large: \d+"),
            match(param="max_tokens", codes=("unsupported_parameter", "unsupported_value")),
        ),
        summary="{model} wants max_completion_tokens, not max_tokens: stop sending "
        "gptel-max-tokens, or set :max_completion_tokens in :request-params.",
        explanation=(
            "Newer OpenAI models (o-series, GPT-5) refuse the max_tokens parameter, which "
            "gptel sends when gptel-max-tokens is set. Leave gptel-max-tokens nil, and if you "
            "need a cap put :max_completion_tokens in the model's :request-params."
        ),
        steps=("Set (setq gptel-max-tokens nil).",
               "To cap answers, add (:max_completion_tokens 4000) to the model's "
               ":request-params in the backend definition."),
        fixes=(FixSpec("Send no max_tokens", "safe", variable="gptel-max-tokens", value="nil"),),
        docs=("https://platform.openai.com/docs/guides/reasoning",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "message": "Unsupported parameter: 'max_tokens' is not supported with "
                    "this model. Use 'max_completion_tokens' instead.",
                    "type": "invalid_request_error", "param": "max_tokens",
                    "code": "unsupported_parameter"}},
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"model": "o1", "max_tokens": 4000},
                source="https://github.com/ITSpecialist111/ai_automation_suggester/issues/38",
            ),
        ),
    ),
    Rule(
        code="PARAM015",
        name="max-output-tokens-not-supported",
        category="request.invalid_parameter",
        # What gptel sends for gptel-max-tokens to a Responses backend, refused by a server
        # or relay that does not take it: "Unsupported parameter: max_output_tokens".
        when=match(text=r"unsupported parameter\W{1,3}max_output_tokens"
                   r"|\bmax_output_tokens'? is not supported"),
        summary="{provider} does not take max_output_tokens, which gptel sends for "
        "gptel-max-tokens: stop sending it.",
        explanation=(
            "With gptel-max-tokens set, gptel asks a Responses backend for at most that many "
            "tokens with max_output_tokens. This server or relay refuses that parameter; "
            "with gptel-max-tokens nil nothing is sent and the model picks the length."
        ),
        steps=("Set (setq gptel-max-tokens nil).",),
        fixes=(FixSpec("Send no max_output_tokens", "safe", variable="gptel-max-tokens",
                       value="nil"),),
        docs=("https://platform.openai.com/docs/api-reference/responses/create",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 400 Bad Request", "http_status": "400",
                       "error": "failed to stream request: Request failed: Bad Request, "
                       "error: {\"detail\":\"Unsupported parameter: max_output_tokens\"}, "
                       "type: api_error"},
                backend={"kind": "relay"},
                source="https://github.com/nowledge-co/community/issues/425",
            ),
        ),
    ),
    Rule(
        code="PARAM016",
        name="max-tokens-below-thinking-budget",
        category="request.invalid_parameter",
        # Anthropic, when :request-params turns extended thinking on with a budget at or above
        # the answer length: "`max_tokens` must be greater than `thinking.budget_tokens`".
        # The length is too small, not too large (PARAM003).
        when=match(text=r"max_tokens`? must be greater than `?thinking\.budget_tokens"),
        summary="The answer length gptel sent is not above the thinking budget set for "
        "{model}: raise gptel-max-tokens past budget_tokens, or lower the budget.",
        explanation=(
            "With extended thinking on (:thinking in the backend's or the model's "
            ":request-params), the thinking budget counts inside the answer length, so "
            "max_tokens has to be larger than budget_tokens. " + MAX_TOKENS_NIL_SAYS
        ),
        steps=("Set gptel-max-tokens above the budget_tokens in :request-params, e.g. "
               "(setq gptel-max-tokens 16000) for a budget of 8000.",
               "Or lower budget_tokens in :request-params (at least 1024)."),
        fixes=(MAX_TOKENS_UP, LENGTH_OFF),
        next_step=("Lower budget_tokens under :thinking in the model's :request-params.",),
        docs=("https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "type": "invalid_request_error", "message": "`max_tokens` must be "
                    "greater than `thinking.budget_tokens`. Please consult our documentation "
                    "at https://docs.anthropic.com/en/docs/build-with-claude/"
                    "extended-thinking#max-tokens-and-context-window-size"}},
                backend={"kind": "anthropic", "host": "api.anthropic.com"},
                request={"model": "claude-sonnet-4-20250514"},
                source="https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking",
            ),
        ),
    ),
    Rule(
        code="PARAM003",
        name="max-tokens-out-of-range",
        category="request.invalid_parameter",
        # SiliconFlow's 20015 counts the prompt and max_tokens together ("max_total_tokens
        # (100000794) must be less than or equal to max_seq_len (32768)"): with a max_tokens
        # sent, that is the number to lower; without one, the prompt is too long (CTX001).
        when=(match(text=r"max_total_tokens \(\d+\) must be less than or equal to max_seq_len",
                    max_tokens=True),
              # vLLM's "is too large: 64000. This model's maximum context length is 20000":
              # the length asked for alone is more than the window.
              match(length_beyond_window=True),
              # The length alone named too large, as vLLM and servers built on it put it
              # ("max_completion_tokens is too large: 20000. This server allows up to 6144
              # completion tokens"); with a prompt that did not fit beside it, CTX001 first.
              match(text=r"max_(?:completion_)?tokens'? is too large: \d+"),
              match(text=r"max_?(output_)?tokens.{0,60}(range|must be|should be|less than"
                   r"|greater than"
                   r"|exceeds?|too large|invalid)|maximum tokens you requested exceed"
                   r"|invalid max_tokens|max_tokens.{0,30}limit|max_new_tokens.{0,30}must"
                   r"|maximum allowed number of output tokens"
                   # Zhipu's 1214 in Chinese: "the max_tokens parameter is illegal".
                   r"|max_?tokens\s*(参数)?(非法|不合法|无效|错误|超出|超过)"
                   # DeepSeek, for an output above its default API's limit.
                   r"|max_tokens is only available when using beta"
                   # LM Studio's name for it: "maxPredictedTokens does not satisfy the schema".
                   r"|maxpredictedtokens does not satisfy"
                   # Fireworks, for a large cap without streaming: "Requests with max_tokens >
                   # 4096 must have stream=true".
                   r"|max_tokens > \d+ must have stream"
                   # Anthropic's own form, before "which is the maximum allowed number of
                   # output tokens": "max_tokens: 131072 > 128000".
                   r"|max_tokens: \d+ > \d+"
                   # A gateway's schema check (zod): "Too big: expected number to be <=200000
                   # at \"params.max_tokens\"".
                   r"|expected number to be <=\s*\d+ at \W{0,2}params\.max_tokens",
                   not_text=r"max_completion_tokens|maximum context length|`?inputs`? tokens \+"
                   r"|must be at least 1, got -")),
        summary="gptel-max-tokens is larger than {model} allows: lower it, or set it to nil.",
        explanation=(
            "The answer length gptel asked for (gptel-max-tokens, or :max_tokens in "
            ":request-params) is outside the range this model accepts. " + MAX_TOKENS_NIL_SAYS
        ),
        steps=("Set (setq gptel-max-tokens nil), or a value within the model's limit.",),
        fixes=(MAX_TOKENS_MOST, MAX_TOKENS_OFF, MAX_TOKENS_DEFAULT),
        docs=("https://api-docs.deepseek.com/quick_start/error_codes",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "message": "Invalid max_tokens value, the valid range of max_tokens is "
                    "[1, 8192]", "type": "invalid_request_error", "param": None,
                    "code": "invalid_request_error"}},
                backend={"kind": "deepseek", "host": "api.deepseek.com"},
                request={"max_tokens": 20000},
                source="https://github.com/Aider-AI/aider/pull/4125",
            ),
        ),
    ),
    Rule(
        code="PARAM004",
        name="tools-not-supported",
        category="request.invalid_parameter",
        when=match(text=r"does not support tools"
                   # A relay: "The tool call is not supported".
                   r"|tools? (use |call(ing|s)? )?(is |are )?not supported"
                   # Not the request echoed back ('"tool_choice":"auto"' in a client's
                   # payload summary under a 504).
                   r"|support tool use|tool_choice(?!\":)|--jinja|unsupported param: tools"
                   r"|auto\W{0,3} tool choice|does not support (function|tool)"
                   r"|function calling is not (enabled|supported)|tools param"
                   # OpenAI, for the legacy "functions" parameter on a model without it.
                   r"|\bfunctions is not supported in this model"
                   # SGLang, launched without --tool-call-parser, for any request with tools:
                   # "Unsupported tool_call_parser: None".
                   r"|unsupported tool_call_parser"),
        summary="{model} cannot use tools: turn gptel-use-tools off, or pick a model that "
        "supports tool calls.",
        explanation=(
            "gptel sent tool definitions (gptel-use-tools is on and tools are selected), and "
            "this model or server does not support tool calls: many local models do not, and "
            "llama.cpp needs --jinja for them."
        ),
        steps=("Turn tools off: (setq gptel-use-tools nil), or deselect tools in "
               "M-x gptel-menu.",
               "Or choose a model with tool support (for Ollama, see `ollama show MODEL`)."),
        fixes=(NO_TOOLS, ASK_MODEL),
        docs=("https://github.com/karthink/gptel#tool-use",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 400 Bad Request", "http_status": "400",
                       "error": "registry.ollama.ai/library/Qwen3.5:0.8b does not support tools"},
                backend={"kind": "ollama", "host": "localhost:11434"},
                source="https://github.com/ollama/ollama/issues/14795",
            ),
        ),
    ),
    Rule(
        code="PARAM012",
        name="prompt-caching-refused",
        category="request.invalid_parameter",
        # Bedrock's ValidationException names two causes in one sentence; the second is the
        # one a client changes.  gptel asks for caching through gptel-cache.
        when=match(text=r"did not allow prompt caching|prompt caching is not (supported|enabled|"
                   r"available)|cache_control\b.{0,60}\b(not (supported|permitted|allowed)|"
                   r"extra inputs)"
                   # Anthropic, for cache lifetimes out of order: "a ttl='1h' cache_control
                   # block must not come after a ttl='5m' cache_control block".
                   r"|cache_control block must not come after"),
        summary="{provider} refused the prompt-caching marks in the request (gptel-cache): "
        "this model or account does not take them.",
        explanation=(
            "With gptel-cache on, gptel marks parts of the request (the system message, tools, "
            "the conversation) as cacheable with cache_control. Anthropic's API takes them; "
            "Bedrock takes them only for some models and accounts, and OpenAI-style gateways "
            "in front of Claude often refuse them. Bedrock's message also says \"unsupported "
            "model\"; the model is often fine once caching is off."
        ),
        steps=("Turn caching off: (setq gptel-cache nil), and resend.",
               "If it still fails, the model itself may not be enabled here: choose another "
               "(M-x gptel-menu)."),
        fixes=(FixSpec("Stop asking for prompt caching", "unsafe", variable="gptel-cache",
                       value="nil"), ASK_MODEL),
        docs=("https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 400 Bad Request", "http_status": "400",
                       "error": {"message": "You invoked an unsupported model or your request "
                                 "did not allow prompt caching. See the documentation for "
                                 "more information."}},
                backend={"kind": "bedrock", "host": "bedrock-runtime.us-east-1.amazonaws.com"},
                source="https://github.com/avante-corp/avante.nvim/issues/1502",
            ),
        ),
    ),
    Rule(
        code="PARAM011",
        name="tool-definition-rejected",
        category="request.invalid_parameter",
        # The message points into the tools gptel sent: "tools[0].function_declarations[3]",
        # "tools.0.custom.name", "input_schema".
        when=match(text=r"\btools\.\d+\.|\btools\[\d+\]|function_declarations|input_schema"
                   r"|invalid schema for (?:function|response_format)"
                   # OpenAI, for a tool named like one of its own: "The function name
                   # 'python' is reserved for use by this model".
                   r"|function name '[^']+' is reserved"
                   # OpenAI's words on a tool's array parameter without "items".
                   r"|array schema missing items"
                   # llama-server, whatever status it gives: "Failed to parse tools: ...".
                   r"|failed to parse tools\b"
                   # Vertex AI: "`load_mcp_documentation` functionDeclaration parameters
                   # schema should be of type OBJECT".
                   r"|functiondeclaration param"
                   # OpenCode's Go gateway, for more tools than it takes: "[unsupported_tool_
                   # schema] The tool schema is not supported (tool_count_limit)".
                   r"|tool schema is not supported|unsupported_tool_schema|tool_count_limit"
                   # OpenAI's strict schema check in its words, quoted without "Invalid
                   # schema for function": "schema must have type 'object' and not have
                   # 'oneOf'/'anyOf'/'allOf'/'enum'/'not' at the top level"; Bedrock's for an
                   # empty list of tools ("Value at 'toolConfig.tools' failed to satisfy
                   # constraint").
                   r"|schema must have type 'object'|value at 'toolconfig\."),
        summary="{provider} refused a tool definition gptel sent (a tool's name or JSON "
        "schema, often one from an MCP server): fix or deselect that tool, or send no tools.",
        explanation=(
            "With gptel-use-tools on, gptel sends every selected tool's name and JSON schema. "
            "Providers check them: Gemini takes only a subset of JSON Schema (no type lists, "
            "limited anyOf), Anthropic and OpenAI allow only letters, digits, _ and - in a "
            "name. The index in the message counts the tools in the order gptel sent "
            "them."
        ),
        steps=("Find the tool the message points to and fix its name or schema, or deselect "
               "it in M-x gptel-menu (MCP tools come from their server's definitions).",
               "Or turn tools off: (setq gptel-use-tools nil)."),
        fixes=(NO_TOOLS,),
        docs=("https://github.com/karthink/gptel#tool-use",
              "https://ai.google.dev/gemini-api/docs/function-calling"),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400",
                       "error": "Invalid JSON payload received. Unknown name \"type\" at "
                       "'tools[0].function_declarations[3].parameters.properties[1].value."
                       "items.all_of[1]': Proto field is not repeating, cannot start list."},
                backend={"kind": "gemini", "host": "generativelanguage.googleapis.com"},
                request={"use_tools": True},
                source="https://github.com/karthink/gptel/issues/1228",
            ),
        ),
    ),
    Rule(
        code="PARAM005",
        name="media-not-supported",
        category="request.invalid_parameter",
        when=match(text=r"do(es)?n'?t support (the )?(image|vision|audio|file|pdf)"
                   r"|image input is not supported|(images?|vision|multimodal) (input )?(are |is )"
                   r"?not supported|invalid image|image_url is only supported"
                   r"|support image input|unknown variant .?image_url"
                   # SiliconFlow, for an image sent to a text-only model: "The model is not a
                   # VLM".
                   r"|model is not a vlm"
                   # A gateway passing on its upstream's "glm-4.7-flash is not a multimodal
                   # model".
                   r"|is not a multimodal model"
                   r"|at most \d+ images?|too many images|images? per (prompt|request)"
                   # LM Studio; llama-server before it took images.
                   r"|does not support images|unsupported content part type: .?image_url"
                   # Ollama, for an image sent to a model without a vision part.
                   r"|missing data required for image input"
                   # llama.cpp's server (llamafile) started without the model's --mmproj.
                   r"|not compiled for multimodal|projector can'?t be loaded"
                   # LM Studio, for an image sent to a model loaded without its vision part.
                   r"|vision add-on is not loaded"
                   # Cursor, for images with no vision model loaded in LM Studio.
                   r"|without a vision-enabled model"
                   # GitHub Copilot, for an image in the history of a model without vision:
                   # 'model "claude-sonnet-4.6" not supported for vision'.
                   r"|not supported for vision"
                   # Ollama's llama3.2-vision: "vision model only supports a single image per
                   # message".
                   r"|only supports? (?:a single|one) image"),
        summary="{model} cannot read images or files: remove them from the request, or turn "
        "gptel-track-media off.",
        explanation=(
            "The request carried an image or file (gptel-track-media, or media in gptel's "
            "context), and this model only takes text."
        ),
        steps=("Set (setq gptel-track-media nil), remove media from gptel's context, or pick "
               "a vision model.",),
        fixes=(NO_MEDIA, ASK_MODEL),
        docs=("https://github.com/karthink/gptel#sending-media",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "message": "Invalid content type. image_url is only supported by certain "
                    "models.", "type": "invalid_request_error",
                    "param": "messages.[0].content.[1].type", "code": None}},
                backend={"kind": "openai", "host": "api.openai.com"},
                source="https://github.com/vllm-project/vllm/issues/11629",
            ),
        ),
    ),
    Rule(
        code="PARAM006",
        name="unsupported-parameter",
        category="request.invalid_parameter",
        when=(
            # Not the model itself ("param": "model"): a model the backend does not serve there.
            # Nor a gateway's "InvalidParameter" for a path it has no handler for, nor
            # `messages` refused by the Responses API (ENDP001).
            # Nor a value an unverified organization may not ask for ("must be verified to
            # generate reasoning summaries", code unsupported_value): its permission.
            # A relay's parse_error for a field its request type requires ("JSON 解析失敗:
            # missing field `type` at line 1 column 39039", poe2openai).
            # In gptel's words when it could read them, else in the body the companion read
            # (gptel keeps only the outer "ERROR_OPENAI").
            *(match(**{where: r"missing field `\w+`[\s\S]{0,300}\bparse_error\b"
                              r"|\bparse_error\b[\s\S]{0,300}missing field `\w+`"})
              for where in ("text", "body")),
            # llama-server's JSON library, for a field of the request of the wrong type,
            # answered as its own 500: "[json.exception.type_error.302] type must be string,
            # but is null".
            match(http=(400, 500), text=r"json\.exception\.type_error\.\d+\] type must be"),
            match(codes=("unsupported_parameter", "unsupported_value", "invalid_request_body",
                         "extra_forbidden", "invalid_parameter", "invalid_value"),
                  not_param="model",
                  not_text=_ANOTHER_PATH + r"|must be verified to"),
            # Also as a code in words ("unsupported_parameter: max_tokens"); LM Studio's
            # "'response_format.type' must be 'json_schema'" for the type a client sent.
            match(text=r"unsupported[ _]parameter|unrecognized request argument"
                  r"|'response_format\.type' must be"
                  # LiteLLM's exception for a parameter the provider does not take; OpenAI's
                  # schema check of the request body.
                  r"|unsupportedparamserror|is not valid under any of the given schemas"
                  # Ollama, for an option it does not know.
                  r"|invalid options?: \w"
                  r"|extra inputs are not permitted|unknown (field|parameter)"
                  r"|is not supported (with|by|for|on) this model|unsupported param"
                  # Volcengine Ark's for a parameter the model refuses ("The parameter
                  # `reasoning` specified in the request are not valid: reasoning is not
                  # supported by current model").
                  r"|the parameter `\w+` specified in the request (?:is|are) not valid"
                  # llama.cpp's server, for an assistant prefill with thinking on: "prefill
                  # incompatible with enable_thinking".
                  r"|incompatible with enable_thinking"
                  # The AWS SDK building Bedrock's Converse request: "content was not
                  # specified but it is required when building ToolResultBlock".
                  r"|it is required when building \w*block"
                  # Bedrock, for a feature only one family of its models takes: "Extended TTL
                  # prompt caching is only supported for Anthropic models".
                  r"|is only supported for \w+ models\b"
                  # DashScope, for a tool_choice value the model does not take: "does not
                  # support being set to required or object"; OpenRouter, for thinking
                  # blocks a client dropped between turns: "reasoning details must be
                  # preserved".
                  r"|does not support being set to\b|reasoning[ _]details must be preserved"
                  # DeepSeek's thinking mode, for an assistant turn sent back without it: "The
                  # `content[].thinking` in the thinking mode must be passed back to the API";
                  # pydantic's check of a value, in a gateway's 500: "reasoning.effort Input
                  # should be 'minimal', 'low', 'medium' or 'high' ... input_value='none'".
                  r"|in the thinking mode must be passed back"
                  # Mistral, for a tool call sent back without its id: "Tool call id has to be
                  # defined".
                  r"|tool call id has to be defined"
                  r"|\binput should be\b[\s\S]{0,200}\binput_value="
                  # "GLM-5.3 is a thinking-only model; disabling thinking
                  # (reasoning_effort='none') is not supported."
                  r"|disabling thinking .{0,60}is not supported"
                  # Zhipu's GLM-5.3, in Chinese: "该模型始终思考，不支持关闭思考".
                  r"|不支持关闭思考|thinking cannot be disabled"
                  r"|" + THINKING_ONLY +
                  # A Responses endpoint (Codex's) that wants its "instructions" field.
                  r"|instructions are required"
                  # "Reasoning effort 'high' is not supported for model 'claude-haiku-4.5'".
                  r"|is not supported for model '"
                  # Ollama, for an effort it does not take ("invalid reasoning value:
                  # 'minimal'"); LlamaIndex's NVIDIA client, for a tool name outside the
                  # pattern the API takes ("Invalid tools structure: ... does not match").
                  r"|invalid reasoning value|invalid tools structure"
                  # The AI SDK's InvalidPromptError, for messages of the wrong shape: "The
                  # messages must be a ModelMessage[]."
                  r"|messages must be a modelmessage\[\]"
                  # OpenClaw's words for a provider's 400 on the request's shape: "LLM request
                  # failed: provider rejected the request schema or tool payload."; the
                  # Anthropic Python SDK, for a call without its required fields: "Missing
                  # required arguments; Expected either ('max_tokens', 'messages' and 'model')".
                  r"|provider rejected the request schema or tool payload"
                  r"|missing required arguments; expected either"
                  # Gemini's protobuf parser, for a part given two kinds of content at once:
                  # "oneof field already set".
                  r"|oneof field already set"
                  r"|not a valid (parameter|value)|invalid (parameter|value) for"
                  # Copilot, for more tools than it takes: "You may not include more than 128
                  # tools in your request."
                  r"|may not include more than \d+ tools"
                  # OpenAI's audio endpoints, for a file or field they do not take: "Invalid
                  # file format. Supported formats: [...]", "This model does not support the
                  # format you provided", "You must not provide a model parameter for
                  # transcription sessions".
                  r"|invalid file format\. supported formats"
                  r"|does not support the format you provided"
                  r"|you must not provide an? \w+ parameter"
                  # OpenRouter, for an endpoint whose model always reasons: "Reasoning is
                  # mandatory for this endpoint and cannot be disabled"; OpenAI's transcription
                  # models: "response_format 'verbose_json' is not compatible with model
                  # 'gpt-4o-transcribe'"; the Realtime API: "buffer too small. Expected at least
                  # 100ms of audio".
                  r"|reasoning is mandatory for this (?:endpoint|model)"
                  r"|is not compatible with model '|buffer too small\. expected at least"
                  # The Responses API, for a stored response or item the request names but the
                  # store has not: "Previous response with id 'resp_...' not found", "Item
                  # with id 'rs_...' not found" (also with a 404).
                  r"|previous response with id .{1,80} not found"
                  r"|\bitem with id '[^']{1,80}' not found"
                  # A Go server (Ollama, One API) that could not read the request into its
                  # request type: "json: cannot unmarshal array into Go struct field
                  # .tools.function.parameters.properties", "... ChatRequest.format" (not a
                  # client reading a response: "ChatCompletionResponse.created").
                  r"|into go struct field ?(?:\w*request\.\w+"
                  r"|\w*\.(?:messages|tools|response_format)\b)"
                  # Anthropic, for a last assistant turn (a prefill) that ends in a space or
                  # newline: "final assistant content cannot end with trailing whitespace".
                  r"|final assistant content cannot end with trailing whitespace"
                  # ChatGPT's Codex backend: "Store must be set to false".
                  r"|\bstore must be set to false"
                  # Vertex AI's opening for a request it refuses as sent: "Unable to submit
                  # request because Thinking_config.include_thoughts is only enabled when
                  # thinking is enabled"; not its "because the service is temporarily out of
                  # capacity" (SRV001).
                  r"|unable to submit request because(?! the service)"
                  # An integer under a parameter's floor: "Invalid 'max_output_tokens':
                  # integer below minimum value. Expected a value >= 16".
                  r"|integer below minimum value"
                  # Gemini, for a function response out of place: "Please ensure that function
                  # response turn comes immediately after a function call turn".
                  r"|function response turn comes immediately after a function call turn"
                  # DeepSeek, for an assistant turn with neither: "Invalid assistant message:
                  # content or tool_calls must be set".
                  r"|content or tool_calls must be set"
                  # Gemini, for a history whose function turn answers fewer calls than it
                  # made, also without its 400: "Please ensure that the number of function
                  # response parts is equal to the number of function call parts".
                  r"|number of function response parts is equal to the number of function"
                  # The Realtime API, for a truncate event past the audio it played: "Audio
                  # content of 2650ms is already shorter than 9100ms".
                  r"|audio content of \d+ms is already shorter than"
                  # Zhipu's code 1210 in its words, as clients and gateways quote it without
                  # the code's record ("error 1210: Invalid API parameter").
                  r"|invalid api parameter"
                  # DashScope's embedding cap: "batch size is invalid, it should not be larger
                  # than 10".
                  r"|is invalid, it should not be (?:larger|greater|smaller|less) than\b"
                  r"|is (greater|less) than the (maximum|minimum) of [\d.]+ - '"
                  # Gemini, for a value outside a parameter's range: "thinking_budget is out
                  # of range; supported values are integers from 1 to 24576."
                  r"|\b\w+ is out of range; supported values are"
                  r"|start of structure or map found where not expected"
                  # The LLM-Red-Team free-api relays (kimi-, glm-, qwen-free-api), code -2000:
                  # "Params body.messages invalid".
                  r"|params body\.\w+ invalid"
                  # Chinese providers' "the request is malformed / a parameter is wrong".
                  r"|请求格式有误|请求参数(错误|有误|不合法|非法)|参数(错误|有误|不合法|非法)"
                  r"|missing required parameter"
                  r"|a model id is required|invalid schema for function"
                  r"|required body invalid|invalid 'input\[\d+\]"
                  r"|no endpoints found that support (?!tool)"
                  # OpenRouter: no provider of the model takes every parameter sent, or the
                  # one asked for ("No endpoints found for the request with quantization").
                  r"|no endpoints found that can handle the requested parameters"
                  r"|no endpoints found for the request with"
                  r"|unable to parse and estimate tokens|^unsupported value: '"
                  r"|bad request: unknown (copilot-)?integration"
                  # Anthropic's meaning of invalid_request_error as clients quote it.
                  r"|issue with the format or content of your request"
                  r"|invalid request format to language model provider"
                  # The Responses API, for a history item it did not store.
                  r"|items are not persisted when .?store.? is set to false"
                  # Ollama, for a `format` value it does not take.
                  r"|invalid format: expected \"json\" or a json schema"
                  r"|items are not persisted for zero data retention"
                  r"|was provided without its required '?\w+'? item"
                  # Gemini, for a media_resolution sent to a model that does not take it:
                  # "Media resolution is not enabled for models/gemma-3-27b-it".
                  r"|media resolution is not enabled for"
                  # Vertex AI, for a safety threshold the account may not set.
                  r"|restricted harmblockthreshold setting"
                  # Anthropic, for an API version or beta it does not know (gptel sends both
                  # headers): 'anthropic-version "2024-10-22" is not valid', "Unexpected
                  # value(s) `x` for the `anthropic-beta` header".
                  r"|anthropic-version\W+[\w.-]+\W+is not valid"
                  r"|unexpected value\(s\) .{0,120}anthropic-beta"
                  # DashScope: "'frequency_penalty' is not supported now".
                  r"|'[a-z]+_[a-z_]+' is not supported"
                  # Ollama, for a sampling option it dropped: "typical_p is no longer
                  # supported"; LM Studio: "'response_format.type' must be 'json_schema' or
                  # 'text'".
                  r"|\b[a-z]+_[a-z_]+ is no longer supported|' must be '[^']+' or '"
                  # A request validator's words: a field or value of the wrong shape.
                  r"|\bis unsupported\b|unsupported use of|\bfield required\b"
                  # pydantic v1, as FastAPI servers (llama-cpp-python) answer a null field:
                  # "'loc': ['body', 'max_tokens'] 'msg': 'none is not an allowed value'".
                  r"|none is not an allowed value"
                  r"|required propert(y|ies)|must contain the word|\bmust be (a-z|one of|of type)"
                  r"|invalid type for|expected (a |an )?(string|array|integer|boolean)\b"
                  # jsonschema's words ("'system' is not of type 'object'"); Ollama, for image
                  # data it cannot decode; a tool_choice naming no tool sent.
                  r"|is not of type '\w+'|illegal base64 data at input byte"
                  # jsonschema, for an array below its minimum ("[] is too short - 'tools'");
                  # LM Studio's validator ("maxPredictedTokens does not satisfy the schema").
                  r"|\bis too short - '|does not satisfy the schema"
                  # Text Generation Inference's validation ("Input validation error: top_p
                  # must be > 0.0 and < 1.0"); LiteLLM's refusal of a parameter ("anthropic
                  # does not support parameters"); Bedrock's ("The format of the value at
                  # messages.*.content is invalid"); Gemini's, for a schema nested too deep
                  # and for a history that opens with the model's turn.
                  r"|input validation error:|does not support parameters"
                  r"|the format of the value at \S+ is invalid"
                  r"|exceeds the maximum allowed nesting depth|must start with a user turn"
                  # Anthropic (here through Copilot): "`tool_use` block must have a
                  # corresponding `tool_result` block in the next message".
                  r"|block must have a corresponding .{0,20}block"
                  # Groq's tool_use_failed in its words, quoted without the code.
                  r"|failed to call a function\. please adjust your prompt"
                  # Gemini's path to the refused field ("GenerateContentRequest.contents:
                  # contents is not specified"); its model field is MODEL001's.
                  r"|generatecontentrequest\.(?!model\b)\w+"
                  # Go, for a duration it cannot read (Ollama's keep_alive "-1" as a string).
                  r"|missing unit in duration"
                  # Qianfan's 336003: "function_call's name can't be blank".
                  r"|\b(?:can'?t|cannot|must not) be blank\b"
                  # llama.cpp's server, for image bytes it cannot decode.
                  r"|failed to decode image bytes"
                  # A Go relay (New API) for image bytes it cannot read: "fail to decode image
                  # config(webp): riff: missing RIFF chunk header".
                  r"|fail(?:ed)? to decode image config"
                  # An OpenAI-compatible host, for a parameter it does not implement
                  # ("feature 'parallel_tool_calls=false' is not currently supported").
                  r"|feature '[\w=.-]+' is not (?:currently )?supported"
                  # Gemini, for a message part with nothing in it ("required oneof field
                  # 'data' must have one initialized field").
                  r"|required oneof field '\w+' must have one initialized field"
                  # OpenAI's schema check naming the field by its JSON path ("'$.input' is
                  # invalid. Please check the API reference").
                  r"|'\$\.[\w.\[\]]+' is invalid"
                  # Tencent Cloud's check of a parameter's type ("Please check app_id parameter
                  # type got string expected uint64").
                  r"|parameter type got \w+,? expected \w+"
                  r"|tool choice '[\w-]+' not found in 'tools'"
                  # OpenAI, for a tool's name over 64 characters; SiliconFlow's envelope
                  # ('"messages" in request are illegal').
                  r"|\.(?:name|id|call_id)': string too long|\bin request (?:is|are) illegal"
                  # Mistral's 2201: "Request body is not a valid query".
                  r"|request body is not a valid"
                  # A client adapter refusing a message's content parts (Obsidian Copilot's
                  # Groq); Azure, for a request argument the model does not take.
                  r"|non.?string message content not supported"
                  r"|does not support request argument supplied"
                  # Azure AI's serverless models, for a parameter they do not take: "Extra
                  # parameters ['n'] are not allowed".
                  r"|extra parameters \[[^\]]{1,80}\] are not allowed"
                  # OpenCode's check of a provider's options; a server that only streams.
                  r"|invalid \w+ provider options|add \"stream\": true in the payload"
                  r"|number of function calls and|no user query found|does not support insert"
                  # Alibaba Cloud, Tencent Cloud, Volcengine codes a relay quotes in its text
                  # ("<400> InternalError.Algo.InvalidParameter: ...").
                  r"|[\w.]*\binvalidparameter(value)?\b|\bmissingparameter\b"
                  # JSON-schema validators (Groq's), and two parameters the model will not
                  # take together (Claude 4.5 on Bedrock: temperature and top_p).
                  r"|is not one of the allowed values|one of the following must be satisfied"
                  r"|cannot both be specified|does not support specifying"
                  # llama.cpp's server: 'Either "json_schema" or "grammar" can be specified,
                  # but not both'.
                  r"|can be specified, but not both"
                  # DeepSeek's server naming the field it would not take: "Failed to
                  # deserialize the JSON body into the target type: response_format: ...".
                  r"|failed to deserialize the json body into the target type"
                  # Gemini, for an inline image of a type it does not take ("MIME type must
                  # be image/png, image/jpeg, ...").
                  r"|mime type must be"
                  # Ollama, asked to think with a model that does not.
                  r"|does not support thinking"
                  # xAI: "Model grok-4-1-fast-reasoning does not support parameter
                  # presencePenalty".
                  r"|does not support parameter \w"
                  # Gemini, for a value of a parameter the model does not allow: "The model does
                  # not support setting thinking_budget to 0"; Azure's own misspelling of
                  # "unknown parameter" ("Unknwon parameter: 'stream_options'").
                  r"|does not support setting \w+ to\b|unknwon parameter"
                  # Volcengine Ark, for a thinking.type the model does not take ("auto").
                  r"|unsupported thinking type"
                  # OpenAI, for tools beside reasoning_effort on chat completions: "Function
                  # tools with reasoning_effort are not supported for gpt-5.4 in
                  # /v1/chat/completions".
                  r"|are not supported (?:for \S+ )?\s*in /v1/chat/completions"
                  # Volcengine Ark, for reasoning_effort beside a thinking type it contradicts:
                  # "Invalid combination of reasoning_effort and thinking type"; Gemini, for
                  # function tools beside its search tool: "Multiple tools are supported only
                  # when they are all search tools".
                  r"|invalid combination of \w+ and\b|tools are supported only when"
                  # pydantic's check of a value ("thinking.enabled.budget_tokens: Input should
                  # be greater than or equal to 1024"); Gemini 1.0's refused system
                  # instruction; llama-server, for tool-call arguments that are not JSON.
                  r"|input should be (greater|less) than|developer instruction is not enabled"
                  r"|failed to parse tool call arguments"
                  # Azure AI Foundry, for a content-filter policy name it does not know.
                  r"|invalid content filter policy"
                  # The provider could not fetch an image URL the request named (OpenAI's
                  # "Timeout while downloading https://...").
                  r"|timeout while downloading https?://",
                  # PHP's TypeError in a client's own function is not a validator's words,
                  # nor the Vercel AI SDK checking the answer against its schema, nor a path
                  # the request should not have gone to (ENDP001).
                  # Nor pydantic checking the answer ("1 validation error for ShowResponse
                  # ... Field required"): the client could not read it (RESP001).
                  not_text=r"invalid url \((post|get) |return value must be of type"
                  r"|type validation failed: value:|failed to deserialize api response"
                  r"|" + GATEWAY_UNREAD +
                  r"|" + _ANSWER_VALIDATED + r"\b|" + _ANOTHER_PATH),
            # A validator's words about the request; a client validating the answer
            # ("validation errors for ChatCompletion") is reading the response.
            match(text=r"input should be a valid", not_text=_ANSWER_VALIDATED),
        ),
        summary="{provider} refused a parameter gptel sent for {model}: {message}",
        explanation=(
            "The model does not accept one of the request's parameters or values. gptel sends "
            "temperature, max_tokens and stream from its options, plus anything in the "
            "backend's or model's :request-params."
        ),
        steps=("Find the parameter the message names in :request-params (backend or model) "
               "or the gptel option that sets it, and remove it.",
               "Set (setq gptel-log-level 'info) and resend to see the request in *gptel-log*."),
        # As for a refused request with no parameter named (GEN4XX): another model, or
        # another backend for now, is the way round until the request changes.
        fixes=(_LOG, ASK_MODEL, ASK_BACKEND),
        docs=("https://github.com/karthink/gptel#defining-backends",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "message": "Unsupported parameter: 'top_p' is not supported with this "
                    "model.", "code": "invalid_request_body"}},
                backend={"kind": "copilot", "host": "api.githubcopilot.com"},
                source="https://github.com/lobehub/lobehub/issues/16239",
            ),
        ),
    ),
    Rule(
        code="PARAM017",
        name="chat-template-failed",
        category="request.invalid_parameter",
        # A local server that formats the conversation with the model's own (Jinja) chat
        # template, and the template failed on it: LM Studio's "Error rendering prompt with
        # jinja template: ..." and "This is usually an issue with the model's prompt
        # template", llama.cpp's "Failed to apply chat template" (LABELING.md, stop 52).
        when=match(text=r"error rendering prompt with jinja template"
                   # LM Studio's Jinja parser, failing on the template's own syntax: "Expected
                   # closing statement token. OpenSquareBracket !== CloseStatement."
                   r"|expected closing statement token"
                   # llama.cpp's Jinja engine quoting the template line it failed on: "Value
                   # is not callable: null at row 49, column 79:\n {%- set content = ...".
                   r"|at row \d+, column \d+:(?:\s|\\n)*\{[%{]"
                   # Python's Jinja (vLLM, transformers), a template's |items on a field that is
                   # not a mapping: "Can only get item pairs from a mapping".
                   r"|can only get item pairs from a mapping"
                   r"|issue with the model'?s prompt template"
                   r"|failed to (?:apply|render) (?:the )?chat template"
                   # llama.cpp's own Jinja engine, failing inside the template: "While
                   # executing FilterExpression at line 120, column 73 in source: ...
                   # Unknown (built-in) filter 'items'", "Unknown method: keys at row 57,
                   # column 46".
                   r"|while executing \w+expression at line \d+"
                   r"|unknown method: \w+ at row \d+|unknown \(built-in\) filter"
                   # llama.cpp's minja, for a template line it could not run: "Cannot
                   # subscript null at row 23, column 40:" and the line.
                   r"|cannot subscript null at row \d+"),
        summary="{provider} could not render the conversation with the model's chat "
        "template: {message}",
        explanation=(
            "A local model server turns gptel's messages into the model's prompt with the "
            "chat template that came with the model. Some templates refuse a conversation "
            "gptel sends (tool calls and their results, a system message, two messages of "
            "one role in a row); some are broken for the server's version. The model and "
            "the server are running: the request's shape and the template do not fit."
        ),
        steps=(
            "Resend without tools (gptel-use-tools nil), or from a new chat buffer.",
            "Try the same model from another publisher (LM Studio: the lmstudio-community "
            "builds carry fixed templates), fix its template (LM Studio: My Models, the "
            "model's gear, Prompt Template), or update LM Studio or llama.cpp.",
            "Meanwhile, choose another model of this backend.",
        ),
        fixes=(NO_TOOLS, ASK_MODEL),
        docs=("https://lmstudio.ai/docs/configuration/prompt-template",),
        examples=(
            Example(
                error={"error": "Error rendering prompt with jinja template: TypeError: "
                       "Cannot read properties of undefined (reading 'type')"},
                backend={"kind": "lmstudio", "host": "localhost:1234"},
                source="https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/393",
            ),
        ),
    ),
    Rule(
        code="PARAM007",
        name="conversation-shape-rejected",
        category="request.invalid_parameter",
        # Anthropic's newer models: "does not support assistant message prefill".
        when=match(text=r"should alternate|must alternate|roles must|unexpected role"
                   r"|assistant (?:message|response) prefill"
                   r"|conversation must end with a user message"
                   # SGLang, for a model whose template has no system turn.
                   r"|system role not supported"
                   # Cloudflare Workers AI's schema check of the messages (AiError 5006):
                   # "Bad input: oneOf at '/' not met", with or without "Type mismatch of
                   # '/messages/*/content'".
                   r"|\bbad input: (?:error: )?oneof at '/[^']*' not met"
                   r"|non-empty content|must have non-empty|tool_call_id|tool_use(_id)?\W? ids?"
                   # Ollama's cloud: "Unexpected tool call id X in tool results".
                   r"|unexpected tool call id"
                   # A server's Python, for message content sent as a list of parts where it
                   # wants a string: "sequence item 1: expected str instance, list found".
                   r"|expected str instance, list found"
                   r"|must be followed by|reasoning_content|tool_result`? block|messages\.\d+"
                   # Anthropic, for a blank text block (gptel's whitespace-only turn,
                   # karthink/gptel#452) and for a tool result with no call before it;
                   # Gemini, for a request with no turns.
                   r"|text content blocks must contain non-whitespace text"
                   r"|must have a corresponding tool_use|\bcontents are required\b"
                   r"|first message must|last message must|invalid 'messages"
                   # Gemini, for a history whose last turn is the model's: "Requests ending
                   # with a model turn are not supported."; the Responses API, for an input
                   # that repeats an item: "Duplicate item found with id rs_...".
                   r"|requests ending with a model turn|duplicate item found with id"
                   # Anthropic's words quoted alone: "unexpected tool_use_id"; Copilot's for a
                   # tool call sent back without its id or name: "tool call must have a tool
                   # call ID and function name".
                   r"|unexpected `?tool_use_id\b|tool call must have a tool call id"
                   r"|only user and assistant roles|system message"
                   # Google's JS SDK, for a history with OpenAI's role names: "Each item should
                   # include role field. Got assistant but valid roles are: [...]".
                   r"|should include role field|but valid roles are"
                   r"|input required|messages: at least one|empty (message|content)"
                   # Continue's check of the history it builds: "no user/tool message found";
                   # Anthropic's legacy completions: "prompt must start with \"\n\nHuman:\"
                   # turn".
                   r"|no user(?:/tool)? message found|prompt must start with\W+(?:\\n)*\s*human:"
                   # Google's JS SDK checking a chat history before it sends: "First content
                   # should be with role 'user', got model", "Content with role 'user' can't
                   # follow 'user'".
                   r"|first content should be with role|content with role '\w+' can'?t follow"
                   # Vertex AI: "Unable to submit request because it has an empty text
                   # parameter. Add a value to the parameter and try again."
                   r"|has an empty text parameter"
                   r"|successive (user|assistant)|interleave the user/assistant"
                   r"|length of messages must be an odd number"
                   # Mistral: "Expected last role User or Tool (or Assistant with prefix
                   # True) for serving but got assistant".
                   r"|expected last role"
                   # gpt-oss's chat template in LM Studio: "Cannot pass both content and
                   # thinking in an assistant message with tool calls".
                   r"|cannot pass both content and thinking"
                   # Gemini's INVALID_ARGUMENT for an OpenAI role: "Please use a valid role".
                   r"|please use a valid role"
                   # Gemini, for a function call not after a user turn or function response.
                   r"|function call turn comes immediately after"
                   # Qianfan's 336006 in Chinese: "messages数组长度必须为奇数".
                   r"|messages数组长度必须为奇数|索引为(偶|奇)数的role"
                   r"|must only contain objects with a '?content'? field|messages\[\d+\]"
                   # Anthropic: "messages: text content blocks must be non-empty".
                   r"|content blocks? must be non-empty"
                   # Gemini 3's signature on a function call sent back without it.
                   r"|thought_signature|(?:corrupted|invalid) thought signature"
                   # Encrypted reasoning from another session or key (OpenAI's Responses API).
                   r"|encrypted.?content|signature in thinking block"
                   # A Go server (One API, New API) that cannot decode a message it was sent:
                   # "cannot unmarshal object into Go struct field X.messages.reasoning".
                   r"|go struct field \w+\.messages\b"
                   # A model's chat template refusing the conversation (llama.cpp's jinja
                   # "raise_exception(...)": "Message has tool role, but there was no previous
                   # assistant message with a tool call!").
                   r"|\braise_exception\(|message has tool role"
                   # xAI, for a message whose content has several text parts: "The model
                   # expects a single `text` element per message." (nocmt/LLMSearchPlus#2).
                   r"|expects a single `?text`? element per message"
                   # A stored response the conversation refers to, gone on the server: xAI's
                   # "Response with id=... not found" (pajeronda/xai_conversation#9), OpenAI's
                   # "Previous response with id 'resp_...' not found".
                   r"|response with id\W{0,3}[\w-]+\W{0,3} not found"
                   # An item of the input the server does not hold: OpenAI's "Item with id
                   # 'rs_...' not found. Items are not persisted when `store` is set to
                   # false", or another provider's tool call id (mastra-ai/mastra#15729).
                   r"|\bitem with id\W{0,3}[\w-]+\W{0,3} not found",
                   # "The provider returned empty content" is an empty answer, not a shape.
                   # Nor go-openai giving up on a stream of empty lines.
                   # (Roo Code's wrapper "Gemini generate context stream error" names no window.)
                   not_text=r"(?<!generate )context|too long|maximum|<empty message>"
                   r"|returned empty"
                   r"|received empty"
                   r"|stream has sent too many empty messages"
                   # A client's own crash reading a field of the answer (JavaScript's
                   # "Cannot use 'in' operator to search for 'reasoning_content' in undefined",
                   # in English or Chinese): nothing was refused.
                   r"|'in' operator|'in'\s*操作符"
                   # Nor a client that could not parse a streamed chunk it quotes (the AI SDK's
                   # "JSON parsing failed: Text: {...\"object\":\"chat.completion.chunk\"...
                   # \"reasoning_content\"..."): the answer, not the request.
                   r"|chat\.completion\.chunk|json parsing failed"),
        summary="{provider} rejected the shape of the conversation gptel sent: {message}",
        explanation=(
            "The provider checks the order and content of the messages (roles alternating, no "
            "empty messages, tool calls matched by tool results). gptel builds them from the "
            "buffer; an empty prompt, a hand-edited chat, a model without system messages, or "
            "a tool call left unanswered can produce an order the provider refuses."
        ),
        steps=("Check that there is text before point (gptel sends the buffer up to point) "
               "and that the chat's prompts and responses are intact.",
               "Start a new chat buffer if a tool call was interrupted.",
               "Set (setq gptel-log-level 'info) and resend to see the messages sent."),
        # Some models refuse a shape others take (a prefill, a system message): another
        # model or backend is the way round meanwhile.
        fixes=(_LOG, ASK_MODEL, ASK_BACKEND),
        docs=("https://docs.anthropic.com/en/api/messages",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "type": "invalid_request_error",
                    "message": "messages.1: all messages must have non-empty content except "
                    "for the optional final assistant message"}},
                backend={"kind": "anthropic", "host": "api.anthropic.com"},
                source="https://github.com/Robitx/gp.nvim/issues/257",
            ),
        ),
    ),
    Rule(
        code="PARAM008",
        name="request-body-not-parsed",
        category="request.invalid_parameter",
        when=(match(text=r"could not parse the json body|invalid json (body|payload)"
                         r"|you must provide a model parameter"
                         r"|no low surrogate|invalid (json|utf-8) in (request|body)"
                         # LM Studio's log: "Received request for /api/v1/chat with invalid
                         # JSON: Expected ',' or ']' after array element ...".
                         r"|received request for \S+ with invalid json"
                         # A Connect (protobuf) server for a body it cannot decode:
                         # "invalid_argument: cannot parse invalid wire-format data".
                         r"|cannot parse invalid wire-format data"
                         # OpenAI's invalid_json: "Invalid body: failed to parse JSON value".
                         r"|invalid body: failed to parse json"
                         # xAI: "Failed to parse the request body as JSON: expected value at
                         # line 1 column 1".
                         r"|failed to parse the request body as json"
                         # Anthropic: "The request body is not valid JSON: unexpected
                         # control character in string".
                         r"|the request body is not valid json"
                         # Vertex AI, for a body with a lone surrogate in it: "The input data
                         # is not valid json".
                         r"|the input data is not valid json",
                         not_gptel=("malformed_json",),
                         not_text=r"on 'response'|deserialize api response"),
              # JavaScript's "Unexpected end of JSON input" is the server's only with a 400.
              match(http=400, text=r"unexpected end of json", not_gptel=("malformed_json",)),
              # A Go server's JSON decoder (Ollama) refusing the body it was sent.
              match(http=400, text=r"looking for beginning of (object key string|value)",
                    not_gptel=("malformed_json",))),
        summary="{provider} could not read the request gptel sent. With gptel this usually "
        "means the API key has a trailing newline, which breaks the request.",
        explanation=(
            "The provider says the request body is not valid JSON (or lacks fields it always "
            "has). gptel builds valid JSON, so the usual cause is outside the body: an API key "
            "with a trailing newline (from a key file, a shell command or pass) ends the "
            "header early and the rest of the request is misread. Other causes: characters "
            "that are not valid UTF-8 in the prompt, or a broken gptel installation."
        ),
        steps=("Make sure the key has no trailing newline: wrap a key function in string-trim, "
               "or fix the file or auth-source entry it comes from.",
               "Set (setq gptel-log-level 'debug) and resend: *gptel-log* shows the request "
               "(and the key: do not share that log unredacted)."),
        fixes=(FixSpec("Log the full request to *gptel-log* (it includes the key)", "unsafe",
                       variable="gptel-log-level", value="'debug"),),
        docs=("https://github.com/karthink/gptel/issues/389",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "message": "We could not parse the JSON body of your request. (HINT: This "
                    "likely means you aren't using your HTTP library correctly. The OpenAI API "
                    "expects a JSON payload, but what was sent was not valid JSON.",
                    "type": "invalid_request_error", "param": None, "code": None}},
                backend={"kind": "openai", "host": "api.openai.com"},
                source="https://github.com/karthink/gptel/issues/144",
            ),
        ),
    ),
    Rule(
        code="PARAM009",
        name="temperature-in-request-params",
        category="request.invalid_parameter",
        when=(match(param="temperature", temperature_source="model"),
              match(text=_TEMPERATURE_REFUSED, temperature_source="model")),
        summary="{model} does not accept a temperature, and the one gptel sends comes from the "
        "model's :request-params, not gptel-temperature.",
        explanation=(
            "A temperature set in :request-params (of the model, or of the backend) is sent "
            "whatever gptel-temperature says, so setting gptel-temperature to nil does not "
            "stop it. Reasoning models accept only their default temperature."
        ),
        steps=("Remove :temperature from the :request-params in the backend's definition "
               "(gptel-make-…), then re-evaluate it.",),
        next_step=("Remove :temperature from the :request-params in the backend's definition "
                   "(gptel-make-…), then re-evaluate it.",),
        fixes=(FixSpec("Edit the backend definition (gptel-make-...) in your init file",
                       "display-only"),),
        docs=("https://platform.openai.com/docs/guides/reasoning",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "message": "Unsupported value: 'temperature' does not support 0.01 with "
                    "this model. Only the default (1) value is supported.",
                    "type": "invalid_request_error", "param": "temperature",
                    "code": "unsupported_value"}},
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"model": "o3-mini", "temperature": 0.01,
                         "temperature_source": "model"},
                source="https://github.com/owndev/Open-WebUI-Functions/issues/98",
            ),
        ),
    ),
    Rule(
        code="PARAM010",
        name="max-tokens-in-request-params",
        category="request.invalid_parameter",
        when=(match(text=_MAX_TOKENS_RENAMED, max_tokens_source="model"),
              match(param="max_tokens", max_tokens_source="model")),
        summary="{model} refuses the max_tokens gptel sends, which comes from the model's "
        ":request-params, not gptel-max-tokens.",
        explanation=(
            "A max_tokens set in :request-params (of the model, or of the backend) is sent "
            "whatever gptel-max-tokens says, so setting gptel-max-tokens to nil does not stop "
            "it. Newer OpenAI models want max_completion_tokens instead, or a smaller value."
        ),
        steps=("In the backend's definition (gptel-make-…), remove :max_tokens from "
               ":request-params, or rename it :max_completion_tokens.",),
        next_step=("In the backend's definition (gptel-make-…), remove :max_tokens from "
                   ":request-params, or rename it :max_completion_tokens.",),
        fixes=(FixSpec("Edit the backend definition (gptel-make-...) in your init file",
                       "display-only"),),
        docs=("https://platform.openai.com/docs/api-reference/chat/create",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "message": "Unsupported parameter: 'max_tokens' is not supported with "
                    "this model. Use 'max_completion_tokens' instead.",
                    "type": "invalid_request_error", "param": "max_tokens",
                    "code": "unsupported_parameter"}},
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"model": "o1", "max_tokens": 4096, "max_tokens_source": "model"},
                source="https://github.com/griptape-ai/ComfyUI-Griptape/issues/312",
            ),
        ),
    ),
    Rule(
        code="PARAM014",
        name="media-not-read",
        category="request.invalid_parameter",
        # OpenAI's invalid_image_url: "Error while downloading https://example.com/a.png.".
        when=match(text=r"timeout while downloading|image url is not accessible"
                   r"|unable to process input image|failed to download (?:multimodal|image)"
                   r"|image url (?:is invalid|should be a valid)|error while downloading https?://"
                   # Data it could not read as an image: OpenAI's "The image data you provided
                   # does not represent a valid image", Gemini's "Unsupported MIME type:
                   # image/jpg".
                   r"|does not represent a valid image|unsupported mime type"),
        summary="{provider} could not fetch or read an image or file in the request: a URL it "
        "could not download, or data it could not decode.",
        explanation=(
            "The request carried media (gptel-track-media, or a file in gptel's context). "
            "{provider} took it as a link to download, or as data to decode, and could not: "
            "the link was private or slow, or the file was not an image format it reads."
        ),
        steps=("Remove the file from gptel's context, or attach it as a PNG or JPEG file "
               "rather than a link.",
               "Or send without media: (setq gptel-track-media nil)."),
        fixes=(NO_MEDIA, ASK_MODEL),
        docs=("https://github.com/karthink/gptel#sending-media",),
        examples=(
            Example(
                error={"error": {"code": "BadRequest", "type": None, "param": None,
                                 "message": "The provided image url is not accessible."}},
                backend={"kind": "azure"},
                source="https://github.com/lobehub/lobehub/issues/3951",
            ),
        ),
    ),
)
