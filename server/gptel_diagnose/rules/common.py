"""Fixes that many rules offer, written once."""

from __future__ import annotations

from ..facts import GPTEL_DEFAULT_MAX_TOKENS
from .base import FixSpec

SWITCH = FixSpec("Switch model or backend for now (M-x gptel-menu)", "display-only",
                 command="M-x gptel-menu")
STATUS_PAGE = FixSpec("Check the provider's status page", "display-only", url="{status_url}")
EDIT_BACKEND = FixSpec("Edit the backend definition (gptel-make-...) in your init file",
                       "display-only")
# Where the diagnosis is the backend's definition: redefining the backend is what changes
# gptel-backend; shown, never applied.
REDEFINE_BACKEND = FixSpec("Edit the backend definition (gptel-make-...) in your init file",
                           "display-only", variable="gptel-backend")
# The backend's own `gptel-make-...` form with :host, :protocol and :endpoint put right
# (`engine.corrected_backend`): shown, never applied.
BACKEND_FORM = FixSpec("The backend definition, corrected", "display-only",
                       variable="gptel-backend", command="{backend_form}")
# The same with the scheme the server's answer asked for: plain HTTP (ENDP003), TLS (ENDP005).
BACKEND_FORM_HTTP = FixSpec("The backend definition, corrected", "display-only",
                            variable="gptel-backend", command="{backend_form_http}")
# The TLS client's words for a plain-HTTP answer where a handshake should be: OpenSSL's
# "wrong version number", NSS's "record too long" (ENDP003, and the engine's own-server test
# for NET005's plain-HTTP form).
TLS_READ_PLAIN = (r"wrong.version.number|record_too_long|record too long"
                  r"|packet length too long|ssl_error_rx_record")
# FastAPI's answer for a path it has no route for (vLLM, LiteLLM, TGI), in JSON or as a Python
# client quotes it ("Error code: 404 - {'detail': 'Not Found'}"): the path (ENDP001), not the
# model (MODEL001).
FASTAPI_NOT_FOUND = r"\{\s*[\"']detail[\"']\s*:\s*[\"']not found[\"']\s*\}"
# A gateway that could not read its upstream's answer, whatever status it sends for that
# (agentgateway's 503 "failed to parse response: invalid type: integer `400`, expected a
# string"): an unreadable answer (RESP001), not a refused parameter nor an overload.
GATEWAY_UNREAD = r"failed to parse (?:the )?response: invalid type"
# A client's pydantic model of a stream event, refusing the event it read ("1 validation
# error for ResponseCreatedEvent", LiteLLM inside a ServiceUnavailableError): an unreadable
# answer (RESP001), not the provider's internal error (SRV003 leaves it).
EVENT_UNREAD = r"validation errors? for \w*event\b"
# A ChatGPT plan's usage limit with a time to try again ("You've hit your usage limit.
# Upgrade to Pro ... purchase more credits or try again at 2:51 PM"): its window (RATE002,
# which reads it with "at" or "after"), whatever it says of credits (BIL005 leaves it, "in"
# too).  Followed by the words that may come next.
PLAN_LIMIT_RETRY = r"(?:hit|reached) your usage limit\b[\s\S]{0,300}\btry again "
# The AWS SDK, for Bedrock with no credentials anywhere it looks (AUTH002), whatever the
# client was doing (MODEL005 leaves it).
AWS_NO_CREDENTIALS = r"could not load credentials from any providers"
# Go's net/http for the same: a plain-HTTP answer to a TLS handshake.  ENDP003's from a model
# server or a host of the user's, NET005's from a provider's own host.
PLAIN_ANSWER_TO_TLS = r"server gave http response to https client"
# Providers with a China platform and an international one, whose keys work only at their own
# platform's host: a rejected key's step (AUTH001, DOC003, GEN401) for each.
PLATFORM_STEPS = (
    ("moonshot", "Kimi keys from the China platform (platform.moonshot.cn or platform.kimi.com) "
     "work only at api.moonshot.cn, and keys from the international one (platform.moonshot.ai "
     "or platform.kimi.ai) only at api.moonshot.ai: :host must match where the key was "
     "made."),
    ("dashscope", "Model Studio keys from the China console work only at "
     "dashscope.aliyuncs.com, and international ones only at dashscope-intl.aliyuncs.com: "
     ":host must match where the key was made."),
    ("zhipu", "Keys from open.bigmodel.cn work only there, and keys from z.ai only at "
     "api.z.ai: :host must match where the key was made."),
    ("minimax", "MiniMax keys from platform.minimaxi.com work only at api.minimaxi.com, and "
     "keys from minimax.io only at api.minimax.io: :host must match where the key was made."),
)
# ENDP003's form where only the server's address says it is the user's own (NET005).
BACKEND_FORM_PLAIN = FixSpec("The backend definition, over plain HTTP", "display-only",
                             variable="gptel-backend", command="{backend_form_plain}")
BACKEND_FORM_HTTPS = FixSpec("The backend definition, corrected", "display-only",
                             variable="gptel-backend", command="{backend_form_https}")
# Offered only when gptel-proxy is set (see `engine.CONTEXT_VALUES`).
PROXY_OFF = FixSpec("Turn {gptel_proxy} off, to see whether the proxy is the cause", "unsafe",
                    variable="gptel-proxy", value="\"\"")
ADD_CREDIT = FixSpec("Add credit to the API account", "display-only", url="{billing_url}")
GET_KEY = FixSpec("Create or copy a valid key", "display-only", url="{keys_url}")
RESEND = FixSpec("Resend after the wait", "display-only", command="M-x gptel-diagnose-retry")
# For a timeout: offered only where turning gptel-stream on would make the request stream
# (`stream_on` is known only then), as a streamed answer starts arriving at once.
STREAM_ON = FixSpec("Stream answers as they are written", "safe", variable="gptel-stream",
                    value="{stream_on}")
NO_TOOLS = FixSpec("Send no tools", "safe", variable="gptel-use-tools", value="nil")
STREAM_OFF = FixSpec("Turn off streaming", "safe", variable="gptel-stream", value="nil")
PICK_MODEL = FixSpec("Choose another model (M-x gptel-menu, then -m)", "display-only",
                     command="M-x gptel-menu")
SEE_MODELS = FixSpec("See the models this provider offers", "display-only", url="{models_url}")
# Remedies whose value is the user's to give: the companion asks for it when applied.
# Images and files leave the request: the rules for media a model cannot read or a provider
# finds too large.
NO_MEDIA = FixSpec("Send no media", "safe", variable="gptel-track-media", value="nil")
ASK_MODEL = FixSpec("Choose another model of this backend", "unsafe", variable="gptel-model",
                    ask="model")
# The model nearest to the one refused, from the backend's :models or the error's own list.
CLOSEST = FixSpec("Use {closest_model}, the nearest model the backend offers", "unsafe",
                  variable="gptel-model", value="'{closest_model}")
# A model of the backend's :models smaller than the one a local server could not run.
SMALLER = FixSpec("Use {smaller_model}, a smaller model of this backend", "unsafe",
                  variable="gptel-model", value="'{smaller_model}")
# A local server's log, where its record says how to read it (Ollama's, on Linux).
READ_LOG = FixSpec("Read {provider}'s log", "display-only", command="{log_command}")
ASK_KEY = FixSpec("Enter the key for this session", "unsafe", variable="gptel-api-key",
                  ask="key")
ASK_BACKEND = FixSpec("Switch to another backend for now", "unsafe", variable="gptel-backend",
                      ask="backend")
# Where a proxy may be what is missing (a region block, a host the network will not reach):
# its address is the user's to give, so no made-up one reaches the echo line's setq.
ASK_PROXY = FixSpec("Send requests through a proxy", "unsafe", variable="gptel-proxy",
                    ask="proxy")
# The same, offered only for a remote host reached with no proxy at all (`unproxied_host`,
# one of `engine.CONTEXT_VALUES`): a timeout or refusal there may be a blocked route.
ASK_PROXY_REMOTE = FixSpec("Reach {unproxied_host} through a proxy", "unsafe",
                           variable="gptel-proxy", ask="proxy")
# The CA certificate file is the user's to name: the companion asks for it (it must exist)
# and adds `--cacert FILE` to curl's extra arguments, keeping the others.
ASK_CACERT = FixSpec("Trust a CA certificate file", "unsafe",
                     variable="gptel-curl-extra-args", ask="cacert")
# curl's replay (gptel-diagnose-copy-curl prints the headers with -D-) says what gptel's
# message did not: why a connection failed, or who answered with no body at all.
UPGRADE_GPTEL = FixSpec("Upgrade gptel", "display-only",
                        command="M-x package-upgrade RET gptel")
COPY_CURL = FixSpec("Copy the request as a curl command", "display-only",
                    command="M-x gptel-diagnose-copy-curl", finds_out=True)
LOG_REQUESTS = FixSpec("Log requests and responses to *gptel-log*, then resend", "safe",
                       variable="gptel-log-level", value="'info")
# Debug level logs the response headers and the exact request too; the log then holds the
# key, hence unsafe: applied only after a question, and never to be shared unredacted.
LOG_TRAFFIC = FixSpec("Log the raw traffic to *gptel-log* (it will include your key), then "
                      "resend", "unsafe", variable="gptel-log-level", value="'debug")

# gptel-max-tokens nil: the model chooses the answer length, except on a backend kind gptel
# always sends a length to (Anthropic 4096, Bedrock 500: facts.GPTEL_DEFAULT_MAX_TOKENS),
# where nil means that default and these are left out (`unless_known`).
MAX_TOKENS_OFF = FixSpec("Let the model choose the answer length", "unsafe",
                         variable="gptel-max-tokens", value="nil",
                         unless_known="default_max_tokens")
# An answer that stopped at its length limit (RESP012, RESP014), or a length below what the
# request needs (PARAM016).  Only where the request set a length: with none, the model's own
# limit was reached.  Not where nil sends gptel's default length (Anthropic's 4096): there a
# longer answer is a larger number (MAX_TOKENS_UP).
LENGTH_OFF = FixSpec("Let the model choose the answer length (gptel-max-tokens is "
                     "{max_tokens})", "safe", variable="gptel-max-tokens", value="nil",
                     unless_known="default_max_tokens")
# There, a longer answer is a larger number ...
MAX_TOKENS_UP = FixSpec("Allow a longer answer: up to {longer_tokens} tokens", "safe",
                        variable="gptel-max-tokens", value="{longer_tokens}")
# ... and, for a model server the user runs, where no length was sent, a number: with
# gptel-max-tokens nil the server's own default caps the answer, and that can be small
# (SGLang's max_new_tokens is 128, vLLM's completions default 16).
MAX_TOKENS_EXPLICIT = FixSpec("Send an answer length, so the server's own default does not "
                              "cap it: {explicit_tokens} tokens", "unsafe",
                              variable="gptel-max-tokens", value="{explicit_tokens}")
# ... the most the model takes, where its refusal says so ...
MAX_TOKENS_MOST = FixSpec("Ask for the most this model takes: {allowed_tokens} tokens", "safe",
                          variable="gptel-max-tokens", value="{allowed_tokens}")
# ... and a smaller one is gptel's default for the kind.
MAX_TOKENS_DEFAULT = FixSpec("Use gptel's default answer length for this backend "
                             "({lower_default} tokens)",
                             "unsafe", variable="gptel-max-tokens", value="nil")
# What the steps say nil does.
MAX_TOKENS_NIL_SAYS = ("With gptel-max-tokens nil, gptel sends no length and the model "
                       "chooses, except to Anthropic ({anthropic} tokens) and Bedrock "
                       "({bedrock}).").format(**GPTEL_DEFAULT_MAX_TOKENS)

# The provider kinds of model servers that run on the user's machine.
LOCAL_SERVERS = ("ollama", "llamacpp", "lmstudio", "vllm", "gpt4all")

# A cap that resets tomorrow is a day's window, whatever it is named ("402 Daily spending
# limit reached ... Your quota will reset tomorrow."): RATE002 reads it, BIL005 leaves it.
RESETS_TOMORROW = r"\b(?:will )?resets? tomorrow\b"
# The Codex app on a ChatGPT plan names its window a rate limit, whatever it says of credits
# ("You're out of Codex messages Your rate limit resets on 2:49 PM. To continue using Codex,
# add credits or upgrade to Pro today."): RATE002 reads it, BIL005 leaves it.
RATE_LIMIT_RESETS = r"\byour rate limit resets\b"
# Apple's Network framework, for a proxy's answer to its CONNECT ("http connect Proxy received
# status: HTTP/1.1 503 Service Unavailable"): the proxy's status, not the provider's (NET008
# reads it; SRV001 leaves it).
PROXY_CONNECT_STATUS = r"http connect proxy received status"

# A path no handler serves, in a gateway's words whatever code it gives: Spring's "No static
# resource api-openai/v1/chat/completions/chat/completions.", a chat path doubled by a base
# URL that already ended in it.  ENDP001 reads it; PARAM006 leaves it to ENDP001.
UNROUTED_PATH = r"no static resource |/chat/completions/chat/completions"
# A URL whose path has an empty segment ("https://host/v1beta//models").
DOUBLE_SLASH_URL = r"https?://[\w.-]+(?::\d+)?/[^\s\"'<>]*?[^:/\s]//[\w-]"

# A client's bare "Connection error." (the OpenAI SDKs' APIConnectionError, LiteLLM, fetch's
# "Network request failed", reqwest's "error sending request"): no answer came, and the
# reason was dropped.  NET013 reads it for a model server the user runs, NET017 elsewhere;
# AUTH007 reads no missing key into it.
WRAPPER_TEXT = (
    r"\bconnection error\b|apiconnectionerror|network request failed"
    # node-fetch: "FetchError: request to URL failed, reason: ".
    r"|fetcherror: request to \S+ failed"
    # reqwest's wrapper, when its cause was not kept.
    r"|error sending request for url|\bfetch failed\b"
    # A browser's fetch ("Failed to fetch", Firefox's "NetworkError when attempting to fetch
    # resource") and apps' own words for the same.
    r"|fail(ed)? to fetch|networkerror when attempting to fetch"
    # Pot's spelling: "Type Error：Faild to fetch".
    r"|faild to fetch"
    # Firefox's CORS message when no HTTP answer came at all ("Reason: CORS request did not
    # succeed). Status code: (null)").
    r"|cors request did not succeed"
    r"|\bnetwork (error|problem|issue)\b|error communicating with"
    # A browser extension's "Failed to post request http://Localhost:11434".
    r"|\bfailed to post request\b"
    r"|connection to \w+ api failed|server connection lost"
    r"|ensure (that )?\w+( service)? is running"
    # WebKit's fetch (Safari, Tauri and iOS apps): "TypeError: Load failed".
    r"|typeerror:\s*load failed|provider load failed"
    # requests' ConnectionError, when its cause was not kept; apps' "connection test failed",
    # Ollama App's "Invalid Host".
    r"|\bconnectionerror: httpconnectionpool\(|\bconnection test failed\b"
    # An app's probe of the server, its reason left empty: "Ollama health check failed
    # (http://localhost:11434): " (goruck/home-generative-agent#142).
    r"|\bhealth check failed \(\S+\):?\s*$"
    r"|^(?:issue: )?invalid host$|error connecting to (?:the )?server"
    r"|^\w+ unreachable$"
    # A Chinese client's "connection error, check the model settings", and its "connection
    # test failed".
    r"|连接错误|连接测试失败"
    # The OpenAI and Anthropic TypeScript SDKs' APIError with neither a status nor a body.
    r"|\(no status code or body\)"
    # The OpenAI .NET client's retry policy, its cause not kept: "Retry failed after 4 tries."
    r"|^retry failed after \d+ tries\.?$"
    # Go's net/http when the connection closed before any answer (the Ollama CLI: "Error: Post
    # \"http://127.0.0.1:11434/api/chat\": EOF"); not Ollama's own call to its runner
    # ("POST predict: Post ...: EOF"), which is the server's.
    r"|^(?:error: )?(?:post|get|head) \"https?://[^\"]+\": eof$")

# A chat body sent to the Responses API's path, in its words: "Unsupported parameter:
# 'messages'. In the Responses API, this parameter has moved to 'input'".  (The legacy
# completions' "Unrecognized request argument supplied: messages" names no path: a refused
# argument, as blind labellers read it.)  Or the same cut after its first sentence
# ("400 Unsupported parameter: 'messages'."): a Responses path refusing the chat body.
MESSAGES_REFUSED = (r"unsupported parameter: '?messages'?(?:\. in the responses api"
                    r"|\.?['\"}]*[ \t]*(?:\n|$))")
# The converse: the Responses API missing the whole "input" a chat request does not have
# ("Missing required parameter: 'input'."), not a part of it ("'input[399].id'").
INPUT_MISSING = r"missing required parameter: \W?input\W?(?![\[.\w])"

# A :host whose scheme lost its colon or a slash ("http//127.0.0.1:8000", "https:/host").
SCHEME_TYPO = r"^\s*(https?)(?::/|//)(?!/)"

# OpenAI, for a model a project's key may not use (its code is model_not_found, but the key
# is valid and the model exists): "Project `proj_x` does not have access to model `m`", the
# name quoted or not, the id sometimes shortened ("`proj_S4...`").  A permission (PERM002),
# not a missing model (MODEL001).
PROJECT_NO_MODEL_ACCESS = (r"project\b(?:[^.;]|\.+(?=\S)){0,80}?\b(does|do) not have access "
                           r"to ?model")
# OpenAI's words for its own failure, whatever status a client or relay gave them
# (openai-python 0.x raised them as a RateLimitError with 429): a server error (SRV003), not
# a rate limit (RATE001).
OPENAI_SERVER_ERROR = r"the server had an error while processing your request"
# A gateway's key with its own list of models: "Model glm-5 is not available for this API
# key" (LABELING, stop 52).  A permission (PERM002), not a missing model (MODEL001).
KEY_LEAVES_MODEL_OUT = r"\bis not available for this api key"
# Gemini, for a thinking budget of 0 sent to a model that always thinks: "Budget 0 is
# invalid. This model only works in thinking mode."  The request's parameter (PARAM006), not
# a missing model (MODEL001).
THINKING_ONLY = r"only works in thinking mode"
# What gptel records when url-retrieve got no HTTP response at all (gptel-request.el):
# NET007's example, and CONF013's.
URL_RETRIEVE_NO_RESPONSE = {"status": "Could not parse HTTP response.",
                            "http_status": "() Could not parse HTTP response.",
                            "error": None}
