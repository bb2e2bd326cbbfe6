"""Context length: the request is longer than the model (or the server) takes."""

from __future__ import annotations

from .base import Example, FixSpec, Rule, match
from .common import ASK_MODEL, NO_MEDIA

_TOO_LONG = (
    r"maximum context length|context_ ?length_exceeded|context window|prompt is too long"
    # A proxy's cap on the body, under any status: "Failed to buffer the request body: length
    # limit exceeded" (Kiro's gateway; Hugging Face's router answers it with 413).
    r"|failed to buffer the request body: length limit exceeded"
    # Augment's "invalidArgument: Prompt length exceeded"; OpenAI's speech endpoint: "Input of
    # 2132 tokens is over the maximum input limit of 2000 tokens".
    r"|prompt length exceeded|is over the maximum input limit"
    # OpenAI's upload cap (25 MB), with or without its 413: "Maximum content size limit
    # (26214400) exceeded (26261586 bytes read)".
    r"|maximum content size limit \(\d+\) exceeded"
    # TGI's input validation; "input too long" in Chinese; claude-code-hub's prompt_limit.
    r"|must have less than \d+ tokens|输入内容?过长|上下文过长|\bprompt_limit\b"
    # llama.cpp's server, for a conversation past its context with shifting off: "context
    # shift is disabled".
    r"|context shift is disabled"
    # Codeium's language server: "insufficient space for system prompt and completion tokens".
    r"|insufficient space for system prompt and completion tokens"
    # Amazon Q's CLI: "Your conversation is too large to continue."
    r"|conversation is too large to continue"
    # Zhipu's 1261 ("Prompt 超长"), iFlytek Spark's 10907 ("token数量超过上限。对话历史+问题的字数
    # 太多"): the prompt or its tokens over the limit.
    r"|prompt\s*超长|输入超长|token\s*数量超过上限|字数太多"
    # Xiaomi MiMo's chat, in a 200: "抱歉，您发送的文本超长啦！".
    r"|(?:文本|内容|消息)超长"
    # iFlow's "内容长度超出大语言模型限制" (the content's length exceeds the model's limit).
    r"|内容长度超出.{0,8}模型.{0,4}限制"
    r"|contextwindowexceeded|input tokens exceed the (configured )?limit"
    # A context manager between client and model: "context ~19344 tokens exceeds the model
    # window 18320".
    r"|tokens exceeds the model window"
    # Zed's own words for it: "Context too large".
    r"|\bcontext (?:is )?too large\b"
    # TGI and Aphrodite: "The provided prompt is 4309 tokens long, so generating 1 tokens
    # requires a sequence length of 4310, but the maximum supported ...".
    r"|requires a sequence length of \d+, but the maximum"
    r"|prompt exceeds (the )?max(imum)? length"
    # RKLLama: "prompt greater than max context (prompt: 1299 tokens, max context: 1020)".
    r"|than max context\b"
    # llama.cpp through PocketPal: "Completion failed: Context is full".
    r"|\bcontext is full\b"
    r"|input token count.{0,40}exceeds|exceeds the maximum number of tokens"
    r"|exceeds? the available context size|exceed_context_size_error|context size has been exceeded"
    # llama-server's other wording: "request (53192 tokens) exceeds context size (50176
    # tokens)".
    r"|tokens\) exceeds? (?:the )?context size"
    # llama.cpp's decoder, as Ollama's runner logs it: "context size exceeded\nllama_decode:
    # failed to decode".
    r"|\bcontext size exceeded\b"
    # A Claude reseller's words: "Request input exceeds maximum content length limit.
    # Please reduce the size of your input."
    r"|input exceeds (?:the )?maximum content length"
    # Kiro's service: "Input content length exceeds threshold".
    r"|input content length exceeds (?:the )?threshold"
    r"|n_keep|n_ctx|context length of only|context overflow|context the overflows"
    r"|maximum prompt length|prompt token count of \d+ exceeds the limit of [1-9]"
    # The same with its numbers left out by the client that quotes it ("prompt token count
    # ... exceeds the limit ...", Copilot's API).
    r"|prompt token count \W{3}\s*exceeds the limit"
    r"|model_max_prompt_tokens_exceeded|input is too long|too many input tokens"
    # llama-server, for an input over its batch size: "input is too large to process".
    r"|input is too large to process"
    # TGI, with backquotes, single quotes or none: "inputs tokens + max_new_tokens must be
    # <= 4097".
    r"|[`']?inputs[`']? tokens \+ [`']?max_new_tokens"
    r"|reduce the length of the (messages|prompt|input)"
    r"|maximum input length|request_too_large|request size exceeds|too many tokens in"
    # Kimi: "total message size 2400000 exceeds limit 2097152".
    r"|message size \w+ exceeds (the )?limit"
    # Gemini: "Request payload size exceeds the limit: 4194304 bytes."
    r"|payload size exceeds the limit"
    r"|exceeds (the )?(model'?s? )?(context|token) limit|tokens? (limit|count) exceeded"
    # OpenClaw's: "Context limit exceeded".
    r"|\bcontext limit exceeded"
    r"|expected maxlength|member must have length less than or equal"
    # OpenAI's "Invalid 'messages[1].content': string too long", not a tool's name too long
    # ("Invalid 'tools[11].function.name': string too long ... maximum length 64") or an id
    # ("Invalid 'input[2].id': string too long", "Invalid 'input[...].call_id': string too
    # long"), or a tool's description ("Invalid 'session.tools[3].description': string too
    # long"): a value.
    r"|(?<!\.name': )(?<!\.id': )(?<!\.call_id': )(?<!\.description': )string too long"
    r"|input length exceeds|prompt is too large"
    # Not a header of that name ("Invalid X-Amzn-Bedrock-Context-Length Header", a
    # request Bedrock refused for its header).
    r"|context.?length(?!\s+header)"
    # SpeakGPT: "Too many tokens. ... Also try to truncate your input."
    r"|try to truncate your input"
    r"|request body too large for .{0,60}max size: \d+ tokens"
    # Go's http.MaxBytesReader, which Ollama's server and Go gateways answer with: "400 Bad
    # Request: http: request body too large".
    r"|\bhttp: request body too large"
    # The same in Chinese, from a local relay (CodexLocalAccess): "请求处理失败 ...: 请求体过大".
    r"|请求体过大"
    r"|must be less than max_seq_len|prompt \(\d+ tokens\) is too long"
    # Copilot's Responses API, for a request over its size limit: "The attached image or
    # document is too large to send natively ... (5.2 MB request; 5.0 MB limit)".
    r"|\bis too large to send\b"
    # Volcengine Ark's embeddings (a TEI-style server): "Input length of input_ids is `4498`
    # and exceed max_sequence_length: `4096`!", under its code InvalidParameter.
    r"|\bexceeds? max_sequence_length\b"
    r"|max_tokens must be at least 1, got -\d+"
    r"|model max length exceeded|exceeded model token limit|exceed context limit"
    r"|longer than the maximum model length|range of input length should be"
    r"|input length \(?\d+(?: tokens\))? exceeds the maximum"
    # ERNIE Bot (erniebot): "BadRequestError: prompt tokens too long".
    r"|prompt tokens? (is |are )?too long"
    # SiliconFlow's 20015; "input too long" in another Chinese wording.
    r"|exceeded max_prompt_tokens|输入内容?超长|内容超长"
    # A gateway's body-size limit: "exceeds maximum allowed content length".
    r"|exceeds maximum allowed content length"
    # OpenAI's max_tokens_per_request: "Requested 319487 tokens, max 300000 tokens per request".
    r"|max_tokens_per_request|tokens per request"
    # A client's own check before sending: "The text you provided is too long."
    r"|the text you provided is too long"
    # Volcengine Ark: "Total tokens of image and text exceed max message tokens".
    r"|exceeds? (?:the )?max(?:imum)? (?:message|input|prompt) tokens"
    # llama.cpp's server, for an input longer than its batch (embedding and rerank models
    # take the whole input at once): "input (529 tokens) is too large to process".
    r"|input \(\d+ tokens\) is too large to process"
    # Snowflake Cortex, for a conversation over the model's window: "max tokens of 200000
    # exceeded".
    r"|max tokens of \d+ exceeded"
    # Clients' words when even the conversation's summary would not fit: Claude Code's "Error
    # during compaction: Error: Conversation too long", Kilo's "Compaction exhausted: context
    # still exceeds model limits", OpenCode's "context exceeds model limit even after
    # stripping media"; xAI's code for the same: "[input_too_large] Current message (1149677
    # tokens) exceeds budget (975424 tokens)".
    r"|\bconversation too long\b|context (?:still )?exceeds (?:the )?model(?:'s)? limits?"
    r"|\binput_too_large\b"
    # Claude Code's own check, no room left for the answer: "availableContext 843 is less
    # than FLOOR_OUTPUT_TOKENS 3000".
    r"|availablecontext \d+ is less than"
)

# The way out of both image caps (CTX003's size, CTX004's count), and the page for both.
_NO_MEDIA_STEP = "Or send no media: (setq gptel-track-media nil)."
_VISION_DOCS = "https://docs.anthropic.com/en/docs/build-with-claude/vision"

RULES = (
    Rule(
        code="CTX001",
        name="context-window-exceeded",
        category="request.context_length",
        when=(
            match(codes=("context_length_exceeded", "model_max_prompt_tokens_exceeded",
                         "exceed_context_size_error", "request_too_large"),
                  not_text=r"exceeds the limit of 0\b"),
            # Not Roo Code's and Cline's hint for any LM Studio failure ("You may need to load
            # the model with a larger context length").
            # Not under a 402 (OpenRouter: "Prompt tokens limit exceeded: 23229 > 14796. To
            # increase, visit https://openrouter.ai/settings/credits"): the account's credits
            # cap the prompt, which buying credits lifts.
            # Nor an answer length larger than the whole window: that setting alone does not
            # fit, whatever the prompt (PARAM003).
            # Nor a tool's field over its length under LiteLLM's ContextWindowExceededError
            # ("Invalid 'tools[1].function.description': string too long"): the tool's
            # definition (PARAM011).
            match(text=_TOO_LONG, not_text=r"exceeds the limit of 0\b"
                  r"|you may need to load the model with a larger context length"
                  r"|invalid 'tools\[\d+\]\.[\w.]+': string too long"
                  # Nor AWS's constraint on one field ("Value at 'messages.73.member.content.2.
                  # member.toolUse.name' failed to satisfy constraint: Member must have length
                  # less than or equal to 64"): a tool's name.  The whole 'body' over its cap
                  # is the request's length.
                  r"|value at '[^']*\.\w+' failed to satisfy constraint: member must have length",
                  not_http=(402,), not_length_beyond_window=True),
            match(text=r"max_total_tokens \(\d+\) must be less than or equal to max_seq_len",
                  max_tokens=False),
        ),
        summary="The conversation is longer than {model} can take: start a new chat or send "
        "less context; waiting will not help.",
        explanation=(
            "The prompt gptel sent (the whole buffer up to point in a chat, plus the system "
            "message, gptel's context and tool results), together with the room reserved for "
            "the answer, is more than the model's context window, or more than the server "
            "was started with for a local model."
        ),
        steps=(
            "Start a new chat buffer, or narrow the buffer (gptel sends the text up to point, "
            "or the region).",
            "Remove large files and buffers from gptel's context (M-x gptel-menu, then the "
            "context section).",
            "If gptel-max-tokens is large, lower it: the reserved answer counts too.",
            "For a local server, restart it with a larger context (Ollama: num_ctx in "
            ":request-params; llama.cpp: -c; LM Studio: the model's context length).",
        ),
        fixes=(
            # Only when room was reserved for the answer (gptel-max-tokens, or the figure the
            # error gives): with none, the prompt alone is too long and the setq changes
            # nothing.
            FixSpec("Stop reserving {reserved_tokens} tokens for the answer", "unsafe",
                    variable="gptel-max-tokens", value="nil",
                    unless_known="default_max_tokens"),
            # Where nil reserves gptel's default (Anthropic's 4096), that default, when less.
            FixSpec("Reserve gptel's default {lower_default} tokens for the answer, not "
                    "{reserved_tokens}", "unsafe", variable="gptel-max-tokens", value="nil"),
            ASK_MODEL,
        ),
        next_step=("Send less: narrow the buffer, select a region, or drop files from "
                   "gptel's context (M-x gptel-menu).",),
        docs=("https://platform.openai.com/docs/guides/error-codes/api-errors",
              "https://docs.anthropic.com/en/api/errors"),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "message": "This model's maximum context length is 4097 tokens. However, "
                    "your messages resulted in 4294 tokens. Please reduce the length of the "
                    "messages.", "type": "invalid_request_error", "param": "messages",
                    "code": "context_length_exceeded"}},
                backend={"kind": "openai", "host": "api.openai.com"},
                source="https://github.com/chathub-dev/chathub/issues/126",
            ),
        ),
    ),
    Rule(
        code="CTX003",
        name="image-too-large",
        category="request.context_length",
        # Anthropic: "image exceeds 5 MB maximum: 8259148 bytes > 5242880 bytes"; OpenAI's
        # invalid_image: "Image size exceeds the limit."  Its cap on pixels too ("At least one
        # of the image dimensions exceed max allowed size for many-image requests: 2000
        # pixels"), which the corpus labels a size six times to three (LABELING.md, stop 66).
        when=match(text=r"image (size )?exceeds (the )?(\d+ ?mb )?(maximum|limit)"
                   r"|image exceeds \d+ ?mb"
                   r"|image dimensions exceeds? max allowed size"
                   # Anthropic: "A maximum of 100 PDF pages may be provided."
                   r"|maximum of \d+ pdf pages"),
        summary="An image in the request is bigger than {provider} takes: send a smaller one, "
        "or send no media (gptel-track-media).",
        explanation=(
            "Providers cap each image by its size in bytes (Anthropic at 5 MB, OpenAI at 20 "
            "MB) and Anthropic by its pixels too (8000 a side, 2000 when a request carries "
            "many images), whatever room the model's context has left. gptel sends the "
            "images of a chat buffer when gptel-track-media is on, and those in gptel's "
            "context."
        ),
        steps=("Shrink or re-encode the image (a JPEG instead of a PNG or GIF, fewer pixels "
               "for a pixel cap), or remove it "
               "from the buffer or gptel's context.",
               _NO_MEDIA_STEP),
        fixes=(NO_MEDIA,),
        docs=(_VISION_DOCS,),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "type": "invalid_request_error",
                    "message": "messages.2.content.0.image.source.base64: image exceeds 5 MB "
                    "maximum: 8259148 bytes > 5242880 bytes"}},
                backend={"kind": "anthropic", "host": "api.anthropic.com"},
                source="https://github.com/anthropics/claude-code/issues/19631",
            ),
        ),
    ),
    Rule(
        code="CTX004",
        name="too-many-images",
        category="request.context_length",
        # A cap on how many images (and documents) one request may carry, which a chat that
        # keeps its images reaches as it grows: Anthropic's "too many images and documents:
        # 120 + 0 > 100", Copilot's "Too many images in request: 11 images provided, but the
        # model supports a maximum of 10 images" and "too many URL images in request (max
        # 20)", a gateway's "request contains 52 images, exceeding the maximum of 50".
        # Labelled as the request's size, as the corpus labels these five (reports-fw,
        # reports-gh).  Not vLLM's "At most 1 image(s) may be provided in one request", a
        # model's own limit the corpus labels a refused parameter five times to one.
        when=match(text=r"too many (?:url )?images\b|images and documents: \d+ \+ \d+ > \d+"
                   r"|contains \d+ images, exceeding the maximum"
                   r"|too much media: \d+"),
        summary="The request carries more images than {provider} takes at once: the chat has "
        "collected them as it grew; start a new chat, or send no media (gptel-track-media).",
        explanation=(
            "Providers cap how many images (and documents) one request may carry, whatever "
            "their size: Anthropic at 100, some models at 5 to 20. gptel sends every image in "
            "the part of a chat buffer it sends when gptel-track-media is on, and those in "
            "gptel's context, so a long chat with screenshots reaches the cap."
        ),
        steps=("Start a new chat buffer, or narrow the buffer to the part that matters.",
               "Remove images from gptel's context (M-x gptel-menu).",
               _NO_MEDIA_STEP),
        fixes=(NO_MEDIA,),
        docs=(_VISION_DOCS,),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "type": "invalid_request_error",
                    "message": "too many images and documents: 120 + 0 > 100"}},
                backend={"kind": "anthropic", "host": "api.anthropic.com"},
                source="https://github.com/anthropics/claude-code/issues/24541",
            ),
        ),
    ),
)
