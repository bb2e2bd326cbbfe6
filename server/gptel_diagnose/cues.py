"""What an error's words point to, when no rule knows the error and only its status is left.

Most failures match a rule that knows the provider's code or wording.  The rest fall to the
status tier ("a 400 usually means a parameter") or to `unknown`, even when the message says in
plain words what went wrong: "Token amount has been exhausted" under a 401, "Model disabled."
under a 403, "输入内容过长" under a 400.  This module names the categories a text's words point
to, from phrases that mean one thing in any provider's mouth, in English and Chinese.

The engine's words stage (`engine.classify`) reads them only after the tiers have fallen to
the status or the catch-all, and picks a category only when the words point to exactly one that
the status allows (`STATUS_ALLOWS`).  Its diagnosis says it is a reading of the words
(confidence `guess`), never a documented code.

Each phrase is written to be read alone: a word that two categories share ("limit", "quota",
"token", "proxy") is not a cue on its own.
"""

from __future__ import annotations

import re

from .i18n import N_
from .providers.record import USAGE_CREDITS_REQUIRED

# Go's crypto/tls refusing a certificate, as Ollama quotes it when a pull from its registry
# fails ("pull model manifest: Get ...: tls: failed to verify certificate: x509: ..."): the
# network of Ollama's machine (NET023), not a model missing (MODEL002).
GO_CERTIFICATE_REFUSED = r"\bx509:|tls: failed to verify"

# glibc's words for a name that did not resolve (EAI_NONAME, EAI_AGAIN), whoever wraps them
# (LiteLLM's "ServiceUnavailableError: BedrockException - [Errno -2] Name or service not
# known"): DNS (NET001), not the provider's failure (SRV003).
NAME_NOT_RESOLVED = r"name or service not known|temporary failure in name resolution"

# An option of the request that the provider retired ("Live search is deprecated. Please
# switch to the Agent Tools API", xAI): the request, not a retired model (MODEL003 reads it).
DEPRECATED_OPTION = (r"\b(?:search|option|feature|parameter|field)s? (?:is|are|has been)"
                     r" deprecated\b")

# The Responses API refusing a model it does not serve ("This model is not supported by
# Responses API", One API's "... is not supported with the Responses API", GitHub Copilot's
# "model X does not support Responses API."): the request went to that API's path, which is
# what to change (ENDP001), not the model (MODEL001, MODEL009).
# What follows "upstream error" when a relay passes on its upstream's refusal of the request
# ("upstream error: HTTP Error 400: Bad Request"), not a failure of the upstream.
UPSTREAM_CLIENT_ERROR = r"\W{1,3}(?:http error )?4\d\d\b"

RESPONSES_REFUSED = (r"(?:not supported (?:by|with|in|on|for|via) (?:the )?"
                     r"|does not support (?:the )?)responses api")
# A model "name" that ends in an API path: the path was read as part of the model's name
# (Hugging Face's "Model google/gemma-2-2b-it/v1/chat/completions does not exist"), so the
# URL is what is wrong (ENDP001), not the model (MODEL001).
# With a base URL that ended at ".../models/", the path is the whole name ("Model
# chat/completions does not exist", UI-TARS Desktop).
PATH_AS_MODEL = (r"\bmodel \S+/(?:v\d+/)?chat/completions\b"
                 r"|\bmodel (?:v\d+/)?chat/completions (?:does not exist|not found)")
# "not found" as a model's words, not the status line's "404 Not Found" after the word
# "model" ("Error during model test: Client error '404 Not Found' for url ...": a path).
MODEL_NOT_FOUND = r"(?<!404 )not found"
# huggingface_hub, for a model the serverless API had not loaded in time: "Model not loaded
# on the server: ... Please retry with a higher timeout".  The service's load (SRV001), not a
# timeout (NET004), whatever the hint says of the timeout.
MODEL_NOT_LOADED = r"model not loaded on the server"


def _cues(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# Category -> the phrases that point to it (the text is lower case).
CUES: dict[str, re.Pattern[str]] = {
    "billing.quota_exhausted": _cues(
        r"insufficient[ _](?:balance|credits?|funds|account (?:balance|funds))",
        r"(?:credit|credits|balance|funds)\b[^.;]{0,30}"
        r"\b(?:too low|exhausted|used up|run out|ran out|depleted|insufficient|not enough)",
        r"out of (?:credits?|funds|balance)", r"\bno (?:credits?|balance) (?:left|remaining)",
        # Chutes: "Quota exceeded and account balance is $0.0, please pay with fiat".
        r"\bbalance is \$?0(?:\.0+)?\b",
        r"payment required", r"\barrears\b", r"\brecharge\b",
        r"billing (?:hard |soft )?limit", r"check your billing", r"billing (?:is )?not active",
        r"(?:remain\w*quota|token amount|quota) (?:has been |is )?(?:exhausted|used up)",
        r"remainquota\s*=\s*0\b",
        # OpenClaw's line for a provider's billing refusal: "API provider returned a billing
        # error".
        r"\bbilling error\b",
        # OpenAI's insufficient_quota words, which Perplexity sends under a 401 too (a
        # Braintrust commit, reports-fi).
        r"exceeded your current quota",
        # Anthropic's "Extra usage is required for long context requests": a plan's paid
        # add-on, not a rate.
        r"extra usage is required|" + USAGE_CREDITS_REQUIRED,
        "余额不足", "欠费", "请充值", "额度(?:已)?用完", "额度不足", "账户余额",
    ),
    "rate_limit": _cues(
        # Not New API's "rate_limit_check_failed" (a 500): its own check failed, no limit
        # was reached.  Nor Anthropic's type "rate_limit_error" alone: it also carries "Usage
        # credits are required for long context requests", whose words decide.
        r"rate[ _-]?limit(?![ _-]?check[ _-]?failed)(?!_error\b)", r"too ?many ?requests",
        r"\bthrottl",
        r"slow down",
        r"(?:requests?|tokens?|calls?) per (?:second|minute|hour|day)",
        r"per[ _-](?:minute|day)\b[^.;]{0,20}(?:limit|quota|exceeded)",
        r"(?:daily|per-day|hourly|minute) (?:limit|quota|cap)",
        r"\b(?:rpm|tpm|rpd|tpd)\b", r"resource[ _]?exhausted",
        # Not Claude Code's "tool use concurrency issues", a 400 on the message sequence.
        # Spring's HTTP/2 client at DashScope's cap: "too many concurrent streams"
        # (alibaba/spring-ai-alibaba#1596).
        r"(?<!tool use )concurren(?:cy|t requests|t streams)",
        # Claude Code's own line for a plan's 5-hour window: "Session limit reached ∙ resets
        # 12pm".
        r"\bsession limit reached\b",
        # Its weekly window: "Weekly limit reached ∙ resets Nov 19, 7am".
        r"\bweekly limit reached\b",
        r"(?:returned|status(?: code)?:?|error) 429\b",
        "限流", "限频", "频率", "请求过多", "请求次数", "并发", "速率限制",
        # A relay's cap on its upstream's compute: "官方算力限制，请等待一段时间后再进行使用".
        "算力限制",
        # Volcengine Ark's code for a sudden burst of requests.
        r"request ?burst ?too ?fast",
        # Google Cloud names the quota metric it counts against, always a rate or a count in
        # a window: "Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_
        # per_base_model" (langgenius/dify#13830).
        r"quota exceeded for (?:quota )?(?:metric:? )?\W?[\w.-]+\.googleapis\.com/",
    ),
    "request.context_length": _cues(
        # Not LiteLLM's price list, "model_prices_and_context_window.json".
        r"context[ _-]?(?:length|window)(?!\.json)", r"maximum (?:context|input|prompt)",
        # Raycast AI: "The message was too long (198%). Submit something shorter"
        # (raycast/extensions#17924).
        r"(?:prompt|input|message|messages|request|content) (?:is |are |was )?too (?:long|large)",
        # Kiro's plugin for OpenCode: "Context too long. Retrying with 80%.."
        # (tickernelz/opencode-kiro-auth#13).
        r"\bcontext (?:is |was )?too long\b",
        # Not "Too many tokens per day": a rate; nor the words alone, which is how
        # Bedrock's throttling reads once a client cuts ", please wait before trying again".
        r"too many (?:input )?tokens(?! per )(?![ \t.!]*(?:\n|$))",
        r"(?:exceeds?|exceeded|more than|less than|at most)(?: the)?(?: max(?:imum)?)? "
        r"\d[\d,]* (?:input )?tokens",
        r"exceeds? (?:the )?max(?:imum)?(?: allowed)? (?:length|tokens)",
        r"token count\b[^.;]{0,30}\bexceeds",
        # LMDeploy's session length; a server's max_seq_len (Chitu, TensorRT-LLM).
        r"exceed(?:s|ed)? (?:the )?session max length", r"\bmax_seq_len\b",
        # TensorRT-LLM's engine: "The sum of prompt length (9351.0) ... should not exceed
        # max_num_tokens (8192)" (NVIDIA/TensorRT-LLM#9277); Hugging Face's tokenizer: "Token
        # indices sequence length is longer than the specified maximum sequence length"
        # (vllm-project/vllm-ascend#7535).
        r"\bexceed max_num_tokens\b", r"longer than the specified maximum sequence length",
        # A gateway's cap on the body: "Request body exceeds the 1 MiB size limit".
        r"(?:request|body|payload|input)\b[^.;]{0,20}\bexceeds? (?:the )?[\w .]{0,20}size limit",
        "输入.{0,6}过长", "上下文.{0,4}(?:长度|超)", "超(?:出|过).{0,8}(?:最大)?长度", "内容过长",
    ),
    "request.invalid_parameter": _cues(
        # Not Go's panic "invalid argument to Intn" (a bot's own bug, feishu-openai).
        r"invalid (?:parameter|argument|value|request body|json body|message|role)s?\b"
        r"(?! to int)",
        r"unsupported (?:parameter|value|argument)", r"unrecognized (?:request )?argument",
        r"(?:extra|unknown) (?:inputs|fields?|parameters?) (?:are |is )?not permitted",
        # Not Node's "The X argument must be an instance of Y", a programming error.
        r"(?:parameter|argument|field)\b[^.;]{0,40}"
        r"\b(?:is invalid|illegal|not supported|is required|must be(?! an instance| of type))",
        r"parameters? [^.;]{0,40}(?:are|is) not valid",
        r"should be a valid", r"must be (?:one of|at least|at most|less than|greater than)",
        # A range check, whatever the status it comes under: "top_p must be between 0.0 and
        # 1.0" in a 500 (microsoft/foundry-local#12).
        r"\bmust be between -?[\d.]+ and -?[\d.]+",
        # AWS's ValidationException words (Bedrock, CodeWhisperer behind kiro2api), even in
        # a relay's 500 (caidaoli/kiro2api#3).
        r"\bimproperly formed request\b",
        # A gateway's check of the request against the API's schema: "Invalid request
        # content: Schema validation failed: ... /required: null is not of type \"array\"".
        r"\binvalid request content\b", r"\bschema validation failed\b",
        r"invalid (?:top_p|top_k|temperature|max_tokens|presence_penalty|frequency_penalty"
        r"|seed|stop)\b", r"only [\d.]+ is allowed",
        "参数.{0,10}(?:错误|非法|无效|不合法|不支持)", "非法参数",
        r"\bparam(?:eter)?s? incorrect\b", r"\bincorrect param(?:eter)?s?\b",
        # Content the model or server cannot take: "Invalid MIME type. Only image types are
        # supported.", Ollama's "image: unknown format", "audio input is not supported".
        r"\binvalid (?:mime|media) type\b", r"\bimage: unknown format\b",
        r"\binvalid image (?:data|format|url)\b",
        r"\b(?:image|audio|video|file|pdf|vision|multimodal) inputs? (?:is |are )?not supported",
        # Google's for a field its schema does not have: 'Unknown name "additionalProperties"'.
        r'\bunknown name\s*"\w',
        r"invalid (?:\w+ )?flag\b",
        # A Go server that cannot decode the request gptel sent into its own request type.
        r"cannot unmarshal [^;]{0,80}into go struct field \w*request",
        # "You must submit 'messages' for routers", "you must provide a model parameter".
        r"\bmust (?:submit|provide|include) (?:a |an |the )?'?\w+'? ?(?:param|field|for\b)",
        # Gemini's "parts must not be empty" (a Flowise commit, FlowiseAI/Flowise#4292).
        r"(?:input|messages?|prompt|content|contents|parts?|text) (?:cannot|must not|may not) "
        r"be empty", "不能为空",
        # Bedrock, for a block a proxy rebuilt with no text: "reasoningContent.reasoningText.
        # text ... must not be null" (a Kelivo commit, reports-fi).
        r"\b(?:must|cannot|may) not be null\b",
        # OpenAI's (and DeepSeek's) for a tool result with no tool call before it: "Messages
        # with role 'tool' must be a response to a preceeding message with 'tool_calls'" (its
        # spelling; nanbingxyz/5ire's commit quotes it spelt right).
        r"must be a response to a prece+ding message",
        # Kimi's "Unsupported image. Please try another one." (an image over the size cap is
        # the request's length: CTX003, LABELING stop 61).
        r"\bunsupported image\b",
        # Pydantic's "Extra inputs are not permitted" after the field's path, as Anthropic
        # sends it ("thinking.adaptive.effort: Extra input...").
        r"\w: extra inputs?\b",
        # A validator's "must be 0.95, got 1".
        r"\bmust be [^,;]{1,30}, got\b",
        # Ollama's "invalid think value: \"max\" (must be \"high\", ...)"; Cohere's "cannot
        # specify both message and tool_results", "all elements in history must have a
        # message".
        r"\binvalid \w+ value\b[^.;]{0,80}\bmust be\b", r"\bcannot specify both\b",
        r"\bmust have an? (?:message|content)\b",
        # llama.cpp's server: "Wrong type supplied for parameter 'dry_sequence_breakers'.
        # Expected 'array'".
        r"\bwrong type supplied for parameter\b",
        # Claude Code's words for a 400 on tool_use/tool_result blocks out of order.
        r"tool use concurrency issues",
        # DeepSeek's reasoner, handed its own earlier reasoning_content back in the history.
        r"remove the reasoning_?content",
        # A validator's generic forms, whatever the field: "Input validation error: ...",
        # "[] is too short - 'tools'", "contents is not specified", "does not satisfy the
        # schema", "malformed function call", "must start with a user turn".  (Not "validation
        # failed": a client's "Credentials validation failed" is about the key or the plan;
        # nor "can't be empty" or "invalid input", which reports read as anything.)
        r"\b(?:input|request|schema) validation error\b", r"\binvalid (?:json )?schema\b",
        # Moonshot's "is not a valid moonshot flavored json schema"; Google's protobuf JSON
        # reader ("Proto field is not repeating, cannot start list").
        r"\bnot a valid [\w ]{0,30}json schema\b", r"\bproto field is not\b",
        # A tool call left without its result: DeepSeek's "insufficient tool messages
        # following tool_calls message", OpenAI's "must be followed by tool messages".
        r"tool messages following tool_calls", r"must be followed by tool messages",
        # Anthropic's 400 for an image it cannot decode; Azure AI's "No model specified in
        # request".
        r"could not process image", r"\bno model specified in (?:the )?request\b",
        r"\bis too short\b", r"\bis not specified\b", r"\bdoes not (?:satisfy|match) the schema\b",
        r"\bmalformed (?:function|tool)[ _]call", r"\bmalformed request\b",
        r"\bis deprecated for this model\b", r"\bmust (?:start|end) with (?:a|an|the)\b",
        r"\bnon-json arguments\b",
        # Perplexity's "search_domain_filters must be a valid domain name"; Claude Code's
        # "response exceeded the 32000 output token maximum" (its max output setting).
        r"\bmust be a valid\b", r"exceeded the \d+ output token maximum",
        # OpenAI's strict schemas: "'additionalProperties' is required to be supplied and to
        # be false".
        r"\bis required to be supplied\b",
        # A parameter the model refuses, by the model's name: SiliconFlow's "current model does
        # not support parameter `enable_thinking`", Copilot CLI's "Model X does not support
        # reasoning effort configuration"; Anthropic's "Input does not match the expected
        # shape".
        r"\bdoes not support (?:the )?(?:parameter|reasoning effort)\b",
        r"\bdoes not match the expected shape\b",
        # Bedrock's schema check of the body ("Malformed input request: ... extraneous key
        # [stream] is not permitted"); an option the provider retired.
        r"\bextraneous key\b[^.;]{0,40}\bnot permitted", r"\bmalformed input request\b",
        DEPRECATED_OPTION,
        # A count over the provider's cap: Anthropic's "A maximum of 4 blocks with
        # cache_control may be provided. Found 5."
        r"\ba maximum of \d+ [\w ]{1,40} may be (?:provided|specified|used)\b",
    ),
    "model.not_found": _cues(
        # Not "error loading models: ... api key not found".
        # A dot inside a name ("kimi-k2.5-free") does not end the sentence; a request line's
        # "GET /v1//models HTTP/1.1" 404 is the path's.
        # Not inside a host name ("model_name.region.models.ai.azure.com/guidance").
        r"\bmodels?\b(?!\.)(?:(?!key)(?:[^.;]|(?<!http/1)\.(?=\w))){0,60}"
        r"\b(?:" + MODEL_NOT_FOUND + r"|does not exist|doesn'?t exist|not exist"
        r"|is not available|not supported|is unknown|disabled|decommissioned|deprecated"
        r"|retired|archived|no longer (?:available|supported)|has been removed)",
        # Not Dify's "Incorrect model credentials provided": the key.
        r"(?:unknown|invalid|unsupported|incorrect|nonexistent) model\b(?! credentials)",
        r"no such model", r"model name format", r"model[ _]not[ _]found",
        # A model the key or plan cannot use: "The selected model is unavailable for this API
        # credential" (a new Google key, for a model Google retired for new keys).
        r"\bmodel (?:is )?(?:unavailable|not available) (?:for|to) (?:this|your) "
        r"(?:api[ _]?)?(?:key|credentials?|account|plan|tier|project)\b",
        # SAP AI Core's orchestration, for a model it has no deployment of.
        r"no deployment matched",
        # A free variant a router withdrew: "The free MiMo-V2-Flash period has ended. To
        # continue using this model, please migrate to the paid slug".
        r"\bfree [\w .:-]{0,40}period has ended\b",
        # A relay with no route for the model, in English and Chinese ("模型路由未配置",
        # "Claude Desktop model route is not configured"); "模型 X 未开放调用" (the model is
        # not open to this way of calling).
        r"model route is not configured", "模型路由未配置", r"模型\s*\S{1,80}\s*未开放",
        # OpenRouter's words alone, for a model id no provider serves any more.
        r"^\W*no endpoints found\W*$",
        # Copilot, for a model it serves only on another API (/responses).
        r"unsupported api for model|model does not support /v\d+/[\w/]+",
        # jupyter-ai: "Cannot determine model provider from model ID openai-chatgpt".
        r"cannot determine model provider from model id",
        # A model without a chat template cannot serve the chat path (TGI, vLLM, HF).
        r"chat template does not exist|template error: template not found",
        r"must provide a chat template|tokenizer\.chat_template is not set",
        # llama-swap, for a request whose model it cannot match to one it runs.
        r"no model id could be identified",
        # Ollama's registry, for a model tag it does not have: "The specified tag is not
        # available in the repository".
        r"\bspecified tag is not available\b",
        # Copilot CLI: "No model available. Check policy enablement under GitHub Settings >
        # Copilot".
        r"\bno model (?:is )?available\b",
        # A router, for a model it stopped serving, naming another: "hf:moonshotai/Kimi-K2.5 is
        # no longer supported. Try using a different model, like hf:zai-org/GLM-5.1."
        r"\bno longer supported\W{1,3}try (?:using )?(?:a )?different model\b",
        # Google's NOT_FOUND in JSON: on the Gemini API's path the entity is the model (a wrong
        # path gets Google's HTML page instead).  Not xAI's code "Some requested entity was not
        # found", which its message explains (the model, or "No handler found on route").
        r"(?<!some )requested entity was not found",
        r"deployment\b[^.;]{0,30}\b(?:not found|does not exist)",
        # Cursor, for a model its plan or the key does not reach: "The model X does not work
        # with your current plan or api key" (tensorzero/tensorzero#2394).
        r"\bdoes not work with your current plan\b",
        "模型.{0,12}(?:不存在|未找到|找不到|不可用|不支持|已下线|已停用)",
    ),
    "auth.invalid_key": _cues(
        r"(?:api[ _-]?key|token|credentials?|authorization header|secret key|session key)\b"
        r"[^.;]{0,30}"
        r"\b(?:invalid(?! response)|incorrect|expired|revoked|wrong|malformed|badly formatted"
        r"|not valid)",
        # Not "Invalid token in prompt: 123456" (a token id the vocabulary lacks).
        # Pollinations: "Invalid or unrecognized token provided" (under a 500).
        r"(?:invalid|incorrect|expired|revoked|bad|wrong|malformed)(?: or \w+)? "
        r"(?:api[ _-]?key|token(?! in (?:the )?prompt)|credentials?|authorization|x-api-key"
        r"|bearer)",
        # "Invalid OpenAI key": a provider's name between.
        r"(?:invalid|incorrect|expired|revoked|wrong) [a-z]+ (?:api[ _-]?)?key\b",
        r"\bunauthori[sz]ed\b", r"authentication (?:failed|error)", r"invalid_grant",
        # Claude Code, for a sign-in whose credential expired: "Login expired · Please run
        # /login".
        r"\blogin expired\b",
        r"(?:invalid|incorrect) model credentials", "身份验证失败",
        r"\breauth", r"request signature\b[^.;]{0,30}does not match",
        # Microsoft Entra ID, for a token another tenant or service issued.
        r"not from a valid issuer",
        # A sign-in that has run out and could not be renewed ("OAuth token refresh failed
        # ... Please try again or re-authenticate").
        r"\btoken refresh failed\b|failed to refresh (?:the )?(?:oauth )?token",
        # copilot-api, whose exchange of the GitHub token for a Copilot one was refused
        # ("Failed to get Copilot token"); DashScope's code as a plugin prints it
        # ("code: InvalidApiKey").
        r"failed to get (?:a |the )?copilot token", r"\binvalid_?api_?key\b",
        # Codex on a ChatGPT sign-in: "Your access token could not be refreshed because your
        # refresh token was already used. Please log out and sign in again."
        r"\btoken could not be refreshed\b|\brefresh token was already used\b",
        # ChatGPT's web backend: "Could not parse your authentication token. Please try
        # signing in again."
        r"(?:could not|couldn'?t|cannot|unable to) parse (?:your |the )?(?:auth\w* )?token",
        # A credential of the wrong kind for the API: Vertex AI's "API keys are not supported
        # by this API. Expected OAuth2 access token", Copilot's "Personal Access Tokens are
        # not supported for this endpoint".
        r"(?:api keys?|access tokens?) (?:are|is) not supported (?:for|by) this (?:api|endpoint)",
        "(?:令牌|密钥|秘钥|key).{0,6}(?:无效|错误|过期|不正确)", "(?:认证|鉴权)失败",
        r"无效的? ?(?:api ?key|密钥|令牌)",
    ),
    "auth.missing_key": _cues(
        r"(?:no|missing|without) (?:required )?(?:api[ _-]?key|token|credentials"
        r"|authorization header)",
        # NVIDIA's "Header of type authorization was missing".
        r"header of type authorization was missing",
        # Gemini's header by name: "Missing x-goog-api-key header".
        r"(?:no|missing|without) [\w-]*api-key header",
        r"api[ _-]?key\W{0,2} (?:is |was )?"
        r"(?:required|missing|not (?:set|provided|found|configured))",
        # "both 'OPENAI_API_KEY' environment variable are not available".
        r"api[ _-]?key\W{0,2} environment variables? (?:is |are )?not (?:available|set|found)",
        r"(?:couldn'?t|could not|cannot|can'?t) find [^.;]{0,30}(?:api[ _-]?key|secret|token)",
        "未提供.{0,6}(?:key|密钥|令牌)", "缺少.{0,6}(?:key|密钥|令牌)",
        r"missing env(?:ironment)? var",
        # A key command that printed nothing: ChatGPT.nvim's "`api_key_cmd` did not return
        # value when executed" (jackMort/ChatGPT.nvim, reports-fh).
        r"(?:api[ _-]?key|token)[\w-]*\W{0,2} (?:did not|didn'?t) return (?:a |any )?value",
        # MetaGPT: "Set OPENAI_API_KEY or Anthropic_API_KEY first".
        r"\bset \w*api_key\b",
        # Google's auth library with no credentials at all (Vertex AI): "Could not load the
        # default credentials".
        r"could not load the default credentials",
    ),
    "auth.permission": _cues(
        r"permission denied", r"(?:not|isn'?t) (?:allowed|authorized|permitted) to",
        # Not Azure's "access denied due to invalid subscription key".
        r"access (?:denied|forbidden|is denied)(?! due to invalid)",
        r"does not have (?:access|permission)",
        r"(?:country|region|territory|location) (?:is )?not supported",
        r"unsupported[ _]country", "无权限", "没有权限", "权限不足",
        # JetBrains' Junie: "Junie is not available in this country"; LobeChat's "你的所在地区
        # 不支持此模型服务".
        r"not available in (?:this|your) (?:country|region|location)", "所在地区不支持",
        r"not allowed for (?:this |your )?(?:organi[sz]ation|org|account|key|project|user)",
        # A feature the plan does not include: "The long context beta is not yet available
        # for this subscription."
        r"not (?:yet )?available (?:for|on|in) (?:this|your) (?:subscription|plan|tier)",
        # A gateway that refuses the calling program ("Client not allowed").
        r"\bclient (?:is )?not allowed\b",
        # Google's reason for a key restricted from the API it called.
        r"api_key_service_blocked",
        # Groq's model_terms_required: "The model `playai-tts` requires terms acceptance.
        # Please have the org admin accept the terms".
        r"requires terms acceptance|\bmodel_terms_required\b",
        # Vertex AI, before the project's service agents exist to read a Cloud Storage file.
        r"service agents (?:are|is) being provisioned",
    ),
    "content_policy": _cues(
        r"content[ _-]?(?:policy|filter|management|moderation)", r"\bflagged\b",
        r"\bmoderation\b", r"inappropriate (?:content|output)", r"\bblocklist\b",
        r"responsible ai", r"safety (?:system|filter|block)",
        "敏感", "违规", "内容审核", "安全审核", "不安全",
        # Gemini's finish reason as google-generativeai prints it ("finish_reason=2", SAFETY).
        r"finish_?reason\s*[=:]\s*(?:2\b|safety)",
        # Its RECITATION (4) as the SDK explains it: "The candidate's finish_reason is 4.
        # Meaning that the model was reciting from copyrighted material."
        r"reciting from copyrighted material",
        # The same enum as Vertex AI's SDK prints the candidate: "finish_reason": 3 (SAFETY)
        # or 4 (RECITATION) beside an empty parts list (GoogleCloudPlatform/generative-ai#344).
        r'finish_?reason"?\s*[=:]\s*[34]\b(?=[\s\S]*safety_ratings)',
        # An app's marker for a chunk the provider's filter blocked.
        r"\bcontent blocked\b",
        # MiniMax's "image is sensitive" (1026); a relay's "Prompt is sensitive.".
        r"\b(?:prompt|input|content|image|text) is sensitive\b",
        # Zhipu's finish reason for an answer its filter stopped.
        r"finish_?reason\W{1,6}sensitive\b",
    ),
    "server.overloaded": _cues(
        r"\boverloaded\b", r"\bhigh demand\b", r"\bat capacity\b",
        # Groq's x_groq error on a streamed answer cut short: 'over_capacity'
        # (microsoft/graphrag#491).
        r"\bover_capacity\b",
        # Not a model "unavailable for this API credential": the key's access to it.
        # Kiro's "The model is temporarily busy. Please try again in a moment."
        r"(?:server|service|upstream|provider|model|engine) (?:is )?(?:temporarily |currently )?"
        r"(?:busy|unavailable(?! (?:for|to) (?:this|your) )|overloaded|down)",
        # A Go server that crashed on the request: One API's "Panic detected, error: runtime
        # error: invalid memory address or nil pointer dereference" (labring/FastGPT#1340);
        # not the nil pointer alone, which a client that crashed prints too.
        r"\bpanic detected\b",
        # Not JSON-RPC's -32603 "Internal error" (an editor's agent protocol, ACP or MCP).
        # Nor Warp's "Internal error occurred at transport layer": its own connection.
        r"temporarily unavailable",
        r"internal (?:server )?error(?!\s*-32[0-7]\d\d\b| occurred at transport layer)",
        # Not "upstream request failed": a gateway says it of refusals too; nor an upstream's
        # client error passed on ("upstream error: HTTP Error 400: Bad Request").
        rf"upstream (?:provider |service )?error(?!{UPSTREAM_CLIENT_ERROR})",
        r"(?:due to|under) (?:a )?(?:high|heavy) (?:server )?load",
        "服务器繁忙", "服务.{0,4}(?:繁忙|不可用)", "系统繁忙", "负载(?:过|较)高", "内部错误",
        "过载",
        r"\bunder maintenance\b", "维护升级中", "系统维护中",
        # llama-swap, when the model server it starts does not come up.
        r"unable to start process: health check failed", r"can not proxyrequest, state is",
        # A server's own words for its failure, without a status: "Unexpected server error",
        # Copilot's "Server error, please report the following request id", LM Studio's
        # "The model has crashed", a router's "No healthy deployment available" (LiteLLM)
        # and "No available and healthy providers".
        r"unexpected server error", r"\bserver error, please report\b", r"model has crashed",
        r"\bno (?:available (?:and )?)?healthy (?:deployments?|providers?|upstreams?)"
        r" (?:available|for)\b",
        # Zhipu's documented finish_reason "network_error": "the model's inference failed"
        # (docs.bigmodel.cn), as an agent prints it: "Unhandled stop reason: network_error",
        # or a user retypes it ("finish_reason:network)error").
        r"(?:stop|finish)[ _]reason\W{0,4}network[_\W]error",
    ),
    "network.timeout": _cues(
        r"\btimed ?out\b", r"\btime-?out (?:error|exceeded|expired|occurred|reached)",
        r"(?:request|read|connect|connection|gateway|upstream|response|socket) timeout",
        r"deadline[ _]?exceeded", r"took too long", "超时",
        # Bito's "Whoops, looks your request is timing out." (gitbito/bitoai#209).
        r"\b(?:is|are) timing out\b",
        # Ollama's log when the client gave up while the model was still loading.
        r"client connection closed before server finished loading",
        # A browser's or node's AbortController fired with no reason given: a client's own
        # timer, as a rule ("signal is aborted without reason"); a cancel reads the same,
        # hence a cue, not a rule.
        r"signal is aborted without reason",
        # A serverless host's own limit: "Your function was stopped as it did not return an
        # initial response within 25s" (Vercel).
        r"did not return an initial response within",
    ),
    "endpoint.wrong": _cues(
        r"(?:method|post)\b[^.;]{0,20}\bnot (?:allowed|supported)",
        r"(?:invalid|unknown|unrecognized|no such) (?:path|endpoint|route)",
        r"not supported (?:in|on|by) the \S+ endpoint", r"did you mean to use (?:the )?/?v1/",
        r"(?:url|path|endpoint|route)\b[^.;]{0,20}\b(?:not found|does not exist)",
        r"page not found", "接口不存在", "路径错误",
        # WeKnora: "API端点不存在，请检查Base URL" (Tencent/WeKnora#165).
        "端点不存在", r"请检查 ?base ?url",
        r"has no endpoint", r"no route for (?:that |this |the )?(?:uri|url|path)",
        r"\bapi (?:was|has been) (?:removed|retired|discontinued)",
        # OpenCode's "Gone: Legacy inference endpoint retired" (anomalyco/opencode#43105);
        # a proxy's "The requested endpoint (GET /v1/chat/completions) was not found"
        # (PawanOsman/OpenCursor#129).
        r"\bendpoint (?:is |was |has been )?(?:retired|removed|discontinued)\b",
        r"\brequested endpoint\b[^.;]{0,60}\bnot found\b",
        r"(?:please )?check (?:the |your )?url\b", r"\burl error\b",
        # Moonshot's code for a path (or method) it does not serve.
        r"\burl\.not_found\b",
    ),
}

# What the words point to, as the diagnosis says it: "its words point to {words_meaning}".
MEANINGS: dict[str, str] = {
    "billing.quota_exhausted": N_("used-up credit or balance (billing)"),
    "rate_limit": N_("a rate limit (too many requests or tokens in a time window)"),
    "request.context_length": N_("a request too long for the model"),
    "request.invalid_parameter": N_("a parameter or value the request should not have"),
    "model.not_found": N_("a model this backend does not offer"),
    "auth.invalid_key": N_("a key that was refused (wrong, expired or malformed)"),
    "auth.missing_key": N_("a missing API key"),
    "auth.permission": N_("a key that may not do this (permission, plan or region)"),
    "content_policy": N_("a content filter"),
    "server.overloaded": N_("a failure on the provider's side"),
    "network.timeout": N_("a timeout"),
    "endpoint.wrong": N_("a wrong URL (:host or :endpoint)"),
}

# A status whose own meaning narrows what its words may add: a 401 is about the key (or a
# relay's used-up credit), a 403 about anything but the key, a 429 about limits, credit or
# capacity, a 404 about the path or the model.  Any other status (400, 422, 5xx: a gateway
# wraps anything in them) allows every cue.
_KEY = frozenset({"auth.invalid_key", "auth.missing_key"})
STATUS_ALLOWS: dict[int, frozenset[str]] = {
    # A 400 is the request's, as SRV003 holds: a gateway's "internal error" around an
    # upstream's refusal ("... with internal error: POST ...: 400 Bad Request") is no failure.
    400: frozenset(CUES) - {"server.overloaded"},
    401: _KEY | {"billing.quota_exhausted", "model.not_found"},
    402: frozenset({"billing.quota_exhausted"}),
    # The key was understood: "Invalid copilot token: missing token: 403" is a permission.
    403: frozenset(CUES) - _KEY,
    404: frozenset({"model.not_found", "endpoint.wrong"}),
    413: frozenset({"request.context_length"}),
    # A busy model throttles too: "Model busy, retry later" under a 429 is its capacity.
    429: frozenset({"rate_limit", "billing.quota_exhausted", "request.context_length",
                    "server.overloaded"}),
}


# A setting a client may ask its user to check.
_SETTING = (r"(?:url|base ?url|host|endpoint|address|api ?key|key|token|model(?: name)?|network"
            r"|proxy)")
_EITHER = re.compile(r"\beither\b.{0,80}\bor\b|可能(?:的)?原因|possible (?:causes|reasons)"
                     r"|(?:common|likely) causes"
                     # A hedge: Roo Code's and Cline's "You may need to load the model with a
                     # larger context length" whatever LM Studio said.
                     r"|\byou may need to\b"
                     # A client's checklist of settings ("Please check URL, API Key and
                     # Model", "请检查地址、密钥和模型"): any of them, so none.
                     r"|check (?:your |the )?" + _SETTING + r"(?:\s*(?:,|/|and|or|&)\s*"
                     r"(?:your |the )?" + _SETTING + r")+"
                     r"|检查[^。\n]{0,6}(?:地址|url|密钥|key|模型)[^。\n]{0,4}[、和或/]"
                     r"[^。\n]{0,4}(?:地址|url|密钥|key|模型)"
                     # A list of kinds in a client's words: "(StopFailure hook fired — rate
                     # limit, auth, or server error)".
                     r"|\b(?:rate.?limit|auth\w*|server error|network|timeout|quota)"
                     r"(?:, (?:rate.?limit|auth\w*|server error|network|timeout|quota)){1,3},?"
                     r" or (?:rate.?limit|auth\w*|server error|network|timeout|quota)\b")


# A client's guess that names two causes at once: "The API key is invalid or check if the
# currently selected model is available", "模型拒绝访问，可能需要实名或余额不足".
_ONE_OR_THE_OTHER = re.compile(r"可能(?:需要|是|因为)[^。，,.!！\n]{0,20}或"
                               r"|\bor check (?:if|whether)\b"
                               # A bulleted list of what it might be ("This might be due to:
                               # * Moderation of specific content. * Excessively large
                               # context ...").
                               r"|might be due to:\s*[*•-]"
                               # A client's numbered list of what an error code may mean
                               # ("Here are the possible reasons: 1. ...; 2. ...").
                               r"|possible reasons: 1\."
                               # "The provider may be unavailable or the API key may have
                               # insufficient quota": two guesses, each with its "may".
                               r"|\bmay (?:be|have)\b[^.\n]{0,60}\bor\b[^.\n]{0,60}\bmay\b"
                               # A relay's list of what an upstream error usually is ("This
                               # usually indicates session expiration, rate limits, context
                               # window limits, or bot protection/CAPTCHA block").
                               r"|\busually indicates\b[^.\n]{0,120},[^.\n]{0,120}\bor\b")


def hedged(text: str) -> bool:
    """Whether TEXT is a client's guess between two causes rather than a cause (an
    instruction with "either ... or", "set OPENAI_API_KEY or pass api_key", is no guess)."""
    return _ONE_OR_THE_OTHER.search(text) is not None


def pointed_to(text: str) -> frozenset[str]:
    """The categories TEXT's words point to."""
    return frozenset(category for category, cue in CUES.items() if cue.search(text))


def reading(text: str, http: int | None, status_says: str) -> str | None:
    """The one category TEXT's words point to that differs from STATUS_SAYS (the category
    the status alone gives, or `unknown`) and that status HTTP allows; None when the words
    agree with the status, point nowhere, point to more than one, or list several causes."""
    # A client's hint that lists causes ("either the token is wrong or the endpoint is down",
    # "可能原因：1. ... 2. ...") names none of them.
    if _EITHER.search(text):
        return None
    found = pointed_to(text)
    if status_says in found:
        return None
    allowed = STATUS_ALLOWS.get(http) if http is not None else None
    if allowed is not None:
        found &= allowed
    return next(iter(found)) if len(found) == 1 else None
