"""The provider's side: overloaded or failing.  Nothing on the user's side is wrong."""

from __future__ import annotations

from ..cues import MODEL_NOT_LOADED, NAME_NOT_RESOLVED, UPSTREAM_CLIENT_ERROR
from .base import Example, Rule, match
from .common import (
    ASK_BACKEND,
    ASK_MODEL,
    EVENT_UNREAD,
    GATEWAY_UNREAD,
    LOCAL_SERVERS,
    OPENAI_SERVER_ERROR,
    PROXY_CONNECT_STATUS,
    PROXY_OFF,
    READ_LOG,
    SMALLER,
    STATUS_PAGE,
    STREAM_ON,
)

# A server_error that refuses the request's input: llama-server's "audio input is not
# supported" (no projector loaded), "input is too large to process".
_REFUSED_INPUT = r"input is not supported|too large to process"

# Not a model runner's crash: the request's own size or a limit of the account.
_NOT_A_CRASH = (r"(?<!create )context(?! cancel)|too long|quota|credit|rate.?limit|not found"
                r"|does not support")

# A relay's retries given up, quoting the last upstream answer, a 4xx ("All 2 attempts
# failed. Last error: HTTP 400: ... INVALID_ARGUMENT"): that answer says what failed, not the
# relay's overloaded_error around it nor the word "overloaded" in its type.
_LAST_4XX = r"last error: http 4\d\d\b"
# The same but a 429, whose own words may name the capacity the text clause reads ("Last
# error: HTTP 429: ... No capacity available for model X").
_LAST_4XX_NOT_429 = r"last error: http 4(?!29)\d\d\b"

RULES = (
    Rule(
        code="SRV001",
        name="provider-overloaded",
        category="server.overloaded",
        when=(
            match(http=529),
            # Not a relay's overloaded_error around its upstream's quoted 4xx ("All 1 attempts
            # failed. Last error: HTTP 429: ... Resource has been exhausted", "... HTTP 400:
            # ... INVALID_ARGUMENT"): the upstream's words are the cause.
            match(codes=("overloaded_error", "server_is_overloaded", "unavailable",
                         "service_unavailable_error", "serviceunavailableexception",
                         "modelnotreadyexception"),
                  not_text=_LAST_4XX),
            # A gateway's bare "Upstream request failed" (opencode's Console), with no status
            # of its own or a 5xx, and no reason after it.
            # Not when it says the upstream's answer was unreadable ("Upstream request failed:
            # [server_error] Upstream response was not valid JSON", OpenCode Zen): RESP001.
            # Nor a bracketed code ("Upstream request failed: [invalid_prompt] Invalid
            # Responses API request"): a refusal with its reason.
            match(text=r"upstream request failed(?!:\s*[\w\[])", http=(None, 500, 502, 503),
                  not_text=r"not valid json"),
            # A gateway (Bifrost) that could not reach the provider's API, whatever status
            # it sends and whichever causes it lists ("network error occurred while
            # connecting to provider API (DNS lookup, connection refused, etc.)"): the
            # service in between (LABELING.md), not this machine's own connection.
            match(text=r"network error occurred while connecting to provider"),
            # Groq: "llama-3.3-70b-versatile is currently over capacity. Please try again and
            # back off exponentially", also under a client's own QUOTA_EXCEEDED tag.
            match(text=r"\bis currently over capacity\b"),
            match(text=r"overloaded|service overload\b|high demand|(no|out of) capacity"
                  # ChatGPT's Responses upstream, mid-stream: "Selected model is at capacity".
                  r"|capacity (temporarily )?exceeded|\bmodel is at capacity\b"
                  r"|server (is )?busy|come back later"
                  # Hugging Face's serverless API: "Model too busy, unable to get response in
                  # less than 120 second(s)".
                  r"|model too busy"
                  r"|" + MODEL_NOT_LOADED +
                  # "The model has too many visitors, retry later" (Trae's gateway); iFlow's
                  # "当前找我聊的人太多了，可以晚点再来问我哦" (too many people are chatting with
                  # me, come back later).
                  r"|访问量过大|找我聊的人太多"
                  # "服务器忙，稍后再试" (the server is busy), as a relay says it.
                  r"|服务器繁?忙"
                  # Kiro: "The model you've selected is experiencing a high volume of
                  # traffic"; Trae's queue for everyone: "Too many current requests. Your
                  # queue position is 14."
                  r"|experiencing a high volume of traffic|your queue position is \d+"
                  # Windsurf: "Model provider is currently unavailable".
                  r"|model provider is currently unavailable"
                  # A relay's circuit breaker, open for every upstream: "所有供应商已熔断".
                  r"|已熔断"
                  r"|model process encountered an unexpected error"
                  r"|temporarily unavailable|peak load|experiencing (high|heavy)"
                  # Kiro's service, for every model during an outage: "The selected model is
                  # currently unavailable. Please try again or select another model."
                  r"|selected model is currently unavailable\. please try again"
                  r"|service unavailable|maximum pending requests"
                  # Cloudflare Workers' error 1102, for a worker (a relay) out of CPU or
                  # memory: "Worker exceeded resource limits".
                  r"|worker exceeded resource limits"
                  # NVIDIA's hosted functions (NVCF), for a model whose function is unhealthy:
                  # "Function id '…': DEGRADED function cannot be invoked" (sent as a 400).
                  r"|degraded function cannot be invoked"
                  # Not a client's "Error loading models" (fetching the list of models).
                  r"|loading model(?!s\b)"
                  # Ollama, when its model runner died while loading, embedding or tokenizing
                  # (it calls the runner on a loopback port); an upstream shedding load.
                  r"|do (?:load|embedding|encode|completion) request: .{0,120}\beof\b"
                  r"|load.?shed|admission denied"
                  # Docker Model Runner, when its llama.cpp runner would not start.
                  r"|unable to load runner|error waiting for runner to be ready"
                  # Envoy in front of a provider, when the upstream dropped the connection.
                  r"|upstream connect error or disconnect/reset before headers"
                  # CLIProxyAPI, when its upstream closed the stream before sending anything.
                  r"|upstream stream closed before first payload"
                  # Hugging Face's cold start: "Model X is currently loading".
                  r"|model \S+ is currently loading"
                  r"|waiting for llama runner"
                  # llama.cpp's server with every slot busy: "no slots available".
                  r"|no slots available"
                  # The same in a hosted pool's words: "no AI workers available to process
                  # request" (Sentient Sims); "The AI service is currently unavailable. Please
                  # try again later." (a game mod's service).
                  r"|no [\w ]{0,20}workers? (?:are )?available"
                  r"|service is (?:currently|temporarily) unavailable"
                  # Cloudflare's AI Gateway (code 2005): nothing came from the provider.
                  r"|failed to get response from provider",
                  # A client's "service unavailable" over a refused connection: nobody answered.
                  # "Request timed out. This may be due to the server being overloaded" is a
                  # timeout that guesses at its cause.
                  # (Gemini CLI's class TerminalQuotaError around "No capacity available for
                  # model X on the server" names no quota of the account.)
                  not_text=r"credit|(?<!terminal)quota|rate limit reached for|connection refused"
                  r"|econnrefused"
                  # A client's guess beside the status that says otherwise ("Server returned 401
                  # — the LLM endpoint may be temporarily unavailable": a refused key).
                  r"|returned 40[13]\b|" + _LAST_4XX_NOT_429 +
                  r"|request timed out|" + PROXY_CONNECT_STATUS +
                  # OpenRouter's per-model limit on a free model ("Rate limit exceeded:
                  # limit_rpm/... High demand for X:free on OpenRouter - limited to 1 requests
                  # per minute"): a rate, not capacity.
                  r"|limit_rpm/|limited to \d+ requests? per"
                  # Flask's stock 500 page guesses "Either the server is overloaded or there
                  # is an error in the application": an HTML page, not the provider's word.
                  r"|either the server is overloaded or there is an error"
                  # Cloudflare's own 52x problem document guesses the same of the origin
                  # ("which may indicate the origin server is overloaded"): its page, and its
                  # 520 page's "to Cloudflare. This typically indicates the origin is
                  # overloaded or misconfigured".
                  # The link may come wrapped by a terminal ("cloudflare- 5xx-errors").
                  r"|cloudflare-\s*5xx-errors|incomplete response to cloudflare"),
            # Not Google API Core's "503 Context deadline exceeded": a deadline, NET004's.
            # Nor a gateway's 503 for an upstream answer it could not read: RESP001.
            match(http=503, not_text=r"deadline exceeded|" + GATEWAY_UNREAD + "|"
                  + PROXY_CONNECT_STATUS),
            # An account-pool relay with none of its upstream accounts free (sub2api's 424
            # "No available accounts"; LABELING, stop 49); not one that names who it serves.
            match(text=r"\bno available accounts\b", not_text=r"only allows"),
            # claude-code-hub's "No available providers (cch_session_id: …)": its pool for the
            # model is empty; not OpenRouter's "No available providers match the 'only'
            # filter", a request's own routing preference.
            match(text=r"\bno available providers\b(?! match)"),
            # claude-relay-service's 424 for the same: "relay_upstream_failure".
            match(text=r"\brelay_upstream_failure\b"),
            # gpt-load, for a group whose pooled keys are all disabled or blacklisted.
            match(text=r"no active api keys available"),
        ),
        summary="{provider} is overloaded right now (HTTP {status}): nothing is wrong on your "
        "side, and it usually passes within minutes.",
        explanation=(
            "{provider} answered HTTP {status}: its servers are at capacity for all users, not "
            "for your account. This passes on its own, usually within minutes. Your key, "
            "credit and settings are fine."
        ),
        steps=(
            "Resend in a minute.",
            "If it persists, check {status_url} or switch to another model or backend "
            "(M-x gptel-menu).",
        ),
        next_step=("Resend in a minute; if it persists, check {status_url}.",),
        fixes=(
            STATUS_PAGE,
            ASK_BACKEND,
            ASK_MODEL,
        ),
        docs=("https://docs.anthropic.com/en/api/errors",),
        examples=(
            Example(
                error={
                    "status": "HTTP/2 529",
                    "http_status": "529",
                    "error": {"type": "overloaded_error", "message": "Overloaded"},
                },
                backend={"kind": "anthropic", "host": "api.anthropic.com"},
                source="https://docs.anthropic.com/en/api/errors",
            ),
        ),
        retryable=True,
        severity="warning",
    ),
    Rule(
        code="SRV002",
        name="provider-timed-out",
        category="network.timeout",
        when=(
            match(http=(408, 504, 524)),
            match(codes=("timeout_error", "deadline_exceeded", "modeltimeoutexception")),
            # The OpenAI Node SDK's words for an upstream's timeout that a relay passes on
            # under its own 500 ("message": "524 status code (no body)").
            match(text=r"\b(?:408|504|524) status code\b"),
            # A relay's own timer on a request sent unstreamed, in its words: "由于未使用流式
            # 响应导致超时，请务必使用流式响应" (timed out because the answer was not streamed;
            # use streaming).
            match(text=r"未使用流式响应导致超时"),
        ),
        summary="{provider} gave up on the request (HTTP {status}): it took too long; retry, "
        "or send less context.",
        explanation=(
            "{provider}, or a gateway in front of it, stopped waiting for the answer. Very "
            "long prompts, long answers without streaming, and busy periods make this more "
            "likely. It is not a problem with your key or account."
        ),
        steps=(
            "Resend; if it keeps happening, send less context or ask for a shorter answer.",
            "Stream the answer (gptel-stream t, the backend's :stream t): a streamed answer starts "
            "arriving at once, before a gateway's timer runs out.",
        ),
        # A gateway's time limit (Cloudflare's 524, Vercel's 504) runs until the first byte.
        # Through gptel-proxy, the gateway that gave up may be the proxy itself.
        fixes=(STATUS_PAGE, ASK_BACKEND, ASK_MODEL, STREAM_ON, PROXY_OFF),
        next_step=("Resend in a minute; if it persists, check {status_url}.",
                   "Resend in a minute.",),
        docs=("https://docs.anthropic.com/en/api/errors",),
        examples=(
            Example(
                error={
                    "status": "HTTP/2 504",
                    "http_status": "504",
                    "error": {"type": "timeout_error", "message": "Request timed out"},
                },
                backend={"kind": "anthropic", "host": "api.anthropic.com"},
                source="https://docs.anthropic.com/en/api/errors",
            ),
        ),
        retryable=True,
        severity="warning",
    ),
    Rule(
        code="SRV003",
        name="provider-internal-error",
        category="server.overloaded",
        when=(
            match(codes=("server_error", "api_error", "internal", "internalservererror",
                         "system_error",
                         "internal_server_error", "internalfailure", "internalserverexception",
                         "modelerrorexception"),
                  # A generic type ("api_error") with a client's status is not the server's.
                  not_http=(400, 401, 402, 403, 404, 405, 409, 413, 422, 429),
                  # A router's 500 that quotes its own JSON parse failure is an unreadable answer.
                  # Go's "context canceled" is no context window.
                  not_text=r"context(?! cancel)|too long|tools?|timed? ?out|credit|quota"
                  r"|is not valid json|" + _REFUSED_INPUT),
            # AWS's InternalServerException in its words without its name ("Encountered an
            # unexpected error when processing the request, please try again": with the name,
            # Bedrock's record says it, and this rule for any other provider, as Amazon Q's
            # CLI quotes it through a relay); Cursor's "An unexpected error occurred on our
            # servers".
            match(text=r"encountered an unexpected error when processing the request"
                  r"|unexpected error occurred on our servers",
                  not_text=r"internalserverexception"),
            match(text=r"\binternalserverexception\b", not_provider="bedrock"),
            # OpenAI's own words for its failure, even with the 429 of a client's RateLimitError.
            match(http=429, text=OPENAI_SERVER_ERROR),
            match(text=r"internal server error|server had an error|internal error"
                  r"|unable to process your request|something went wrong on our end"
                  # OpenAI's server_error, quoted without its JSON; Anthropic's api_error.
                  r"|server (?:experienced|encountered) an error while processing your request"
                  # Not a client's "Could not load models" (its list of them: presenton#725).
                  r"|upstream error|failed to load model(?!s)"
                  # Not a client's "Error loading models": its list of them.
                  r"|error loading model(?!s)|requires more system memory|out of memory"
                  # Ollama's check before it loads a model (llm/server.go).
                  r"|model request too large for system"
                  r"|llama runner|runner process has terminated|error parsing tool call"
                  r"|error reading llm response|post predict: "
                  r"|model failed to (load|start|run)|unexpected token \d+ while expecting"
                  r"|rpc error: code = unavailable|could not load model(?!s)"
                  r"|error was encountered while running the model"
                  # LM Studio, when the model's process died.
                  r"|the model has crashed"
                  # LiteLLM, for an error chunk the upstream sent mid-stream.
                  r"|raised a streaming error"
                  # Azure's content_filter_error: its filtering system failed or ran out of
                  # time, and refused nothing.
                  r"|the contents are not filtered"
                  # OpenAI's server_error, as its stream or a client quotes it.
                  # A proxy's log may pad the words with spaces (anyclaude, reports-fh).
                  r"|error occurred\s+while processing your request\.\s+you can retry your request"
                  r"|no suitable llama servers"
                  # vLLM's engine died; Bedrock's ServiceUnavailable as litellm names it.
                  r"|enginedeaderror|engine loop is not running"
                  # "RuntimeError('Engine loop has died')", "MQLLMEngine is already dead".
                  r"|engine loop has died|engine is already dead"
                  r"|serviceunavailable(error|exception)"
                  # Ollama, when its model's output cannot be written as JSON ("failed to
                  # encode response: json: unsupported value: NaN", an FP16 embedding model):
                  # the server's own answer failed, not the request.
                  r"|failed to encode response: json:\s+unsupported value"
                  # Coze's code 5000: "We're currently experiencing server issues".
                  r"|(?:currently )?experiencing server issues"
                  # Warp's agent, for its model service: "The LLM is currently unavailable"
                  # (users retype it "unavilable").
                  r"|\bllm is currently unava?i?lable\b"
                  # The Copilot CLI, retrying: "Request failed due to a transient API error."
                  r"|failed due to a transient api error",
                  # Not a context window, but Ollama's runner that could not make one:
                  # "failed to create context with model".
                  # Nor Claude Code's "Internal error: API Error: Unable to connect to API
                  # (ConnectionRefused)": nothing answered (NET002).
                  not_text=r"(?<!create )context|too long|does not support|timed? ?out|credit"
                  r"|connection ?refused"
                  # LiteLLM's ServiceUnavailableError around its own failure to validate a
                  # stream event ("1 validation error for ResponseCreatedEvent"): an answer it
                  # could not read (RESP001).
                  r"|" + EVENT_UNREAD +
                  r"|quota|rate.?limit|not found|unparsable|invalidparameter|<4\d\d>"
                  # A client's own guesses ("(possible upstream error or malformed SSE
                  # response)"): no cause is known.
                  r"|\(possible\b[^)]{0,80}\bor\b"
                  # A client's "internal error" around its own JSON parse failure ("Response
                  # stream finished unexpectedly with internal error: unexpected end of JSON
                  # input", Warp): an answer it could not read.
                  r"|unexpected end of (?:json )?input"
                  # Warp's for its own transport ("Internal error occurred at transport
                  # layer"): no provider's failure is named.
                  r"|internal error occurred at transport layer"
                  # LiteLLM's ServiceUnavailableError around a name that did not resolve
                  # ("BedrockException - [Errno -2] Name or service not known"): the
                  # provider's host was never reached (NET001).
                  r"|" + NAME_NOT_RESOLVED +
                  # Warp's wrapper around whatever ended its stream ("Response stream finished
                  # unexpectedly with internal error: ..."): the words after it decide.
                  r"|finished unexpectedly with internal error"
                  # NeMo Guardrails' stock apology for any exception in its own pipeline:
                  # "I'm sorry, an internal error has occurred." names no failure.
                  r"|i'?m sorry, an internal error has occurred"
                  r"|" + _REFUSED_INPUT +
                  # A relay passing on its upstream's client error ("upstream error: HTTP
                  # Error 400: Bad Request"): the request was refused, nothing failed.
                  r"|upstream error" + UPSTREAM_CLIENT_ERROR +
                  # JSON-RPC's -32603 "Internal error" between an editor and its agent (ACP,
                  # MCP) is that protocol's, not the provider's.
                  r"|(?<![\d.])-32[0-7]\d\d\b",
                  # A 400 is the request's: "Upstream error: ... must be 0.95" is no failure.
                  not_http=(400, 401, 403, 404, 405, 409, 413, 422, 429)),
            match(http=(500, 502, 503), text=r"provider returned error"),
            # A local server that cannot fit the model in memory says so, whatever status it
            # picks: LM Studio's guardrail answers a just-in-time load with 404.
            match(text=r"insufficient system resources|requires more system memory",
                  not_text=r"quota|credit|rate.?limit"),
        ),
        summary="{provider} failed while handling the request (HTTP {status}): a fault on its "
        "side, not your setup.",
        explanation=(
            "The provider, or the server running the model, hit an internal error: a crash, "
            "a model that failed to load or ran out of memory (local servers), or an upstream "
            "provider's failure passed on by a router."
        ),
        steps=(
            "Resend; many of these are transient.",
            "For a local server, read its log: the model may need more memory or a smaller "
            "context.",
            "If it persists, check {status_url} or switch model (M-x gptel-menu).",
        ),
        fixes=(STATUS_PAGE, ASK_BACKEND, ASK_MODEL),
        next_step=("Resend in a minute; if it persists, check {status_url}.",
                   "Resend in a minute.",),
        docs=("https://platform.openai.com/docs/guides/error-codes/api-errors",),
        examples=(
            Example(
                error={"status": "HTTP/2 500", "http_status": "500", "error": {
                    "message": "The server had an error while processing your request. Sorry "
                    "about that!", "type": "server_error"}},
                backend={"kind": "openai", "host": "api.openai.com"},
                source="https://platform.openai.com/docs/guides/error-codes/api-errors",
            ),
        ),
        retryable=True,
        severity="warning",
    ),
    Rule(
        code="SRV005",
        name="relay-lost-its-upstream-access",
        category="server.overloaded",
        # LABELING, "a service in between whose own upstream login is missing or expired":
        # words only an account-pool relay's upstream gives, for the account the relay signs
        # in with, not for the key gptel sent.
        when=(match(
            # Kiro's CodeWhisperer API, for the token kiro2cc or a Kiro relay holds
            # ("CodeWhisperer 响应错误，状态码: 403 ... The bearer token included in the
            # request is invalid.").
            text=r"codewhisperer.{0,200}token included in the request is (?:invalid|expired)"
            # The same API refusing the relay's own call ("Client error '403 Forbidden' for
            # url 'https://codewhisperer.us-east-1.amazonaws.com/...'", ki2api).
            r"|403 forbidden'? for url '?https://codewhisperer\."
            # Google's Cloud Code API, for a pooled Google account it wants re-verified
            # ("To continue, verify your account at https://accounts.google.com/signin/...").
            r"|verify your account\s+at(?:\W|\\n){0,12}https://accounts\.google\.com"
            # An account pool whose last account had no Cloud Code project ("All accounts
            # exhausted. Last error: HTTP 404 ... Resource projects/X could not be found").
            r"|all accounts exhausted\b.{0,300}resource projects/\S+ could not be found"
            # ... or whose Cloud Code API was never turned on in its project ("All accounts
            # exhausted. Last error: HTTP 403: ... Cloud Code Private API has not been used in
            # project X before or it is disabled", Antigravity Manager).
            r"|all accounts exhausted\b[\s\S]{0,300}has not been used in project"
            # A relay with no signed-in account for the upstream it routes the model to
            # ("No active credentials for provider: codex.", OmniRoute's "No credentials for
            # provider: codex"); not "Invalid model format or no credentials for provider",
            # a model name it could not route (MODEL001).
            r"|(?<!or )no (?:active )?credentials for provider"
            # CLIProxyAPI, with no usable login left for the upstream a model routes to
            # ("auth_unavailable: no auth available (providers=gemini-cli, ...)"); gcli2api's
            # "当前无可用凭证" (no credential available now).  Where CLIProxyAPI quotes the
            # last upstream error, that error says what failed (LABELING.md, "All accounts
            # exhausted"): the tempered token below leaves it to the rules that read it.
            r"|auth_unavailable: no auth available(?![^)]*last upstream error)|当前无可用凭证"
            # The upstream refusing the client version the relay presents as: Google's
            # Antigravity, Cursor's agent.
            r"|this version of antigravity is no longer supported"
            r"|version of antigravity is out of date"
            r"|update to the latest version of cursor\b.{0,80}to continue"),
            # The same in an upstream's generic words, passed on by a relay: "the specified
            # API version is no longer supported. You may need to update your client"
            # (copilot-api, for the Copilot version it presents).
            match(provider="relay", text=r"api version is no longer supported\W+you may need to "
                  r"update your client"),
            # Cline's API, for the Cline account a relay routes "cline/..." models through
            # ("Unauthorized: Please make sure you're using the latest version of Cline and
            # re-authenticate your Cline account.", 9router); not at Cline's own host, where
            # the account is the user's.
            match(text=r"re-?authenticate your cline account", not_host=r"(?:^|\.)cline\.bot\b"),
            # A relay's own log of its upstream login failing to renew ("iflow executor: token
            # refresh failed", dario's "Proxy error: Token refresh failed after 3 attempts"):
            # LABELING, a relay whose upstream token expired.  Not a client's own sign-in
            # ("OAuth token refresh failed for openai-codex"), and not a refusal the renewal
            # got for a stated reason (a region), which the rules for that reason read.
            match(provider="relay", text=r"\btoken refresh failed\b",
                  not_text=r"oauth token refresh failed for|unsupported_country|region")),
        summary="{host} could not use its own upstream account (HTTP {status}): the upstream "
        "wants that account signed in or verified again, or refuses the client version the "
        "relay presents; the key gptel sent is not in question.",
        explanation=(
            "The service gptel reached is a relay or proxy that calls its upstream (Kiro, "
            "Google's Cloud Code, Codex, Cursor) with an account of its own. That account is "
            "missing or its token is no longer accepted, the upstream wants it verified in a "
            "browser, or the upstream no longer serves the client version the relay "
            "pretends to be. No gptel setting mends it: whoever runs the relay (you, for a "
            "proxy on your machine) must sign that account in again or update the relay."
        ),
        steps=(
            "If you run the proxy, sign its upstream account in again (its login command or "
            "web page), verify the account at the address the error gives, or update the "
            "proxy when the upstream wants a newer client.",
            "If someone else runs it, tell them; meanwhile switch to another backend (M-x "
            "gptel-menu).",
        ),
        fixes=(ASK_BACKEND, ASK_MODEL),
        next_step=("Sign the proxy's upstream account in again or update the proxy, or "
                   "switch backend (M-x gptel-menu).",),
        docs=("https://github.com/bestK/kiro2cc/issues/13",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 500 Internal Server Error", "http_status": "500",
                       "error": "CodeWhisperer 响应错误，状态码: 403, 响应: {\"message\":\"The "
                       "bearer token included in the request is invalid.\",\"reason\":null}"},
                backend={"kind": "anthropic"},
                source="https://github.com/bestK/kiro2cc/issues/13",
            ),
        ),
    ),
    Rule(
        code="SRV004",
        name="local-model-runner-failed",
        category="server.overloaded",
        when=(
            # Ollama's words when the process running the model died ("llama runner process
            # has terminated: exit status 2", "model runner has unexpectedly stopped, this may
            # be due to resource limitations or an internal error"), and LM Studio's.
            match(text=r"llama runner process (?:has terminated|no longer running)"
                  r"|model runner has unexpectedly stopped|the model has crashed"
                  # Docker Model Runner, in plain text: "unable to load runner: error waiting
                  # for runner to be ready: llama.cpp terminated unexpectedly: ...".
                  r"|llama\.cpp terminated unexpectedly",
                  not_text=_NOT_A_CRASH),
            # A local server's words for memory it could not get.
            match(provider=LOCAL_SERVERS,
                  text=r"out of memory|cudamalloc failed|unable to allocate"
                  r"|failed to allocate (?:tensor|buffer|compute)"
                  # llama.cpp's KV cache with no room for the batch (Ollama passes it on):
                  # "decode: failed to find a memory slot for batch of size 1".
                  r"|failed to find a memory slot for batch"
                  r"|insufficient system resources|requires more system memory",
                  not_text=_NOT_A_CRASH),
        ),
        summary="{provider} could not run {model}: its model runner crashed or could not start, "
        "most often because the model does not fit in memory (GPU or RAM) at this context "
        "size, so resending the same request will likely fail again.",
        explanation=(
            "The server answered, but the process that runs the model crashed or could not "
            "start. It is usually memory: the model, its context window (num_ctx) and any "
            "other loaded model must fit in GPU memory or RAM. Sometimes it is a bug of this "
            "server version with this model, which its log shows. Your key and gptel's "
            "settings are not the cause."
        ),
        steps=(
            "Read the server's log: for Ollama, `journalctl -u ollama` on Linux, "
            "`~/.ollama/logs/server.log` on macOS, or the terminal running `ollama serve`.",
            "Try a smaller model or quantisation, or a shorter context; `ollama ps` shows what "
            "is loaded and how much of it is on the GPU.",
            "If the log names a crash rather than memory, update the server.",
        ),
        fixes=(SMALLER, READ_LOG, ASK_MODEL),
        next_step=("Read its log (`{log_command}`), then try a smaller model.",
                   "Read the model server's log, then try a smaller model."),
        docs=("https://docs.ollama.com/troubleshooting",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 500 Internal Server Error", "http_status": "500",
                       "error": "model runner has unexpectedly stopped, this may be due to "
                       "resource limitations or an internal error, check ollama server logs "
                       "for details"},
                backend={"kind": "ollama"},
                request={"model": "llama3.3:70b"},
                source="https://github.com/ollama/ollama/issues/14093",
            ),
        ),
        severity="error",
    ),
)
