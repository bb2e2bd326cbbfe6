"""gptel's own configuration: a backend or an installation that cannot work as set up."""

from __future__ import annotations

from .auth import REGION_BLOCKED
from .base import Example, FixSpec, Rule, match
from .common import (
    ASK_BACKEND,
    ASK_MODEL,
    BACKEND_FORM,
    REDEFINE_BACKEND,
    SCHEME_TYPO,
    UPGRADE_GPTEL,
    URL_RETRIEVE_NO_RESPONSE,
)

# What a URL with a host named "https" cannot cause: curl fails to resolve it (exit 6) or to
# parse it (exit 3), before any connection that could time out, be refused or fail in TLS.
# aiohttp names the connection's TLS setting in every connect error ("ssl:default").
_NOT_FROM_HOST = (r"time[ds]? ?out|timeout|refused|ssl(?!:default)|tls|certificate|reset by peer"
                  r"|when reading a file|read error"
                  # A server that is not running; a reply that came back and did not parse; a
                  # client's own check for a key before sending: none is a broken URL's doing.
                  r"|not running|jsondecodeerror|expecting value|api.?key"
                  # Nor a connection that was attempted and failed.
                  r"|unable to connect|connection attempts failed|could(n'?t| not) connect"
                  r"|connecterror|connect error"
                  # Nor OpenAI's answer for a path it has not ("Invalid URL (POST /v1/v1/...)"):
                  # the host worked, the path is wrong (LABELING.md: endpoint.wrong).
                  r"|invalid url \((get|post|put|patch|delete) ")

# What a failure says when the URL itself was the trouble: a name that did not resolve (the
# host "https" of "https://https://..."), or a URL the client could not use.
_URL_BROKEN = (r"resolve|getaddrinfo|name or service|nodename|\bdns\b|no such host"
               r"|unknown host|malformed|\burl\b|\buri\b|no connection adapters")


RULES = (
    Rule(
        code="CONF001",
        name="host-includes-scheme-or-path",
        category="config.backend",
        # Only where the failure could come from it: a scheme in :host makes a URL whose
        # host is "https", so no server answers (a proxy may); a path makes a URL on the
        # right server with the wrong path (404, 405).  An answer from the provider itself
        # (a status, a coded error body) means the host worked: this is not the cause.
        # Without curl's exit code, only a failure that says the name or URL was the
        # trouble: a vague "NetworkError" or "Connection error." tells nothing of :host.
        when=(
            # A scheme missing its colon or a slash ("http//127.0.0.1:8000"): no URL made
            # from it reaches the server, whatever the failure says.
            match(host=SCHEME_TYPO),
            match(host=r"://", answered=False, curl=(3, 6), not_text=_NOT_FROM_HOST),
            match(host=r"://", answered=False, curl=None, text=_URL_BROKEN,
                  not_text=_NOT_FROM_HOST),
            match(host=r"://", proxied=True),
            # url-retrieve (gptel-use-curl nil) looked up a host named "https" and got no
            # HTTP response: gptel says only "Could not parse HTTP response".
            match(host=r"://", gptel="no_response"),
            match(host=r"/", not_host=r"://", answered=False, curl=(3, 6),
                  not_text=_NOT_FROM_HOST),
            match(host=r"/", not_host=r"://", answered=False, curl=None, text=_URL_BROKEN,
                  not_text=_NOT_FROM_HOST),
            match(host=r"/", not_host=r"://", http=(404, 405)),
        ),
        summary="The backend's :host \"{host}\" contains a scheme or path: :host takes a bare "
        "name (api.example.com), :protocol and :endpoint take the rest.",
        explanation=(
            "gptel builds the URL as PROTOCOL://HOST ENDPOINT. With https:// or a path inside "
            ":host the URL becomes something like https://https://api.example.com/..., which "
            "fails to resolve or to connect."
        ),
        # Not a sample host: the fix beside the step shows this backend's own form.
        steps=("Redefine the backend with only the host name in :host (no scheme, no path), "
               "the scheme in :protocol (\"https\" or \"http\") and the path in :endpoint "
               "(\"/v1/chat/completions\" or the one your server uses).",),
        fixes=(BACKEND_FORM, REDEFINE_BACKEND),
        next_step=("Redefine the backend as {backend_form}",
                   "Give the backend a bare :host (api.example.com); put the scheme in "
                   ":protocol and the path in :endpoint.",),
        docs=("https://github.com/karthink/gptel#usage",),
        examples=(
            Example(
                error={"status": "Curl failure",
                       "error": "Curl failed with exit code 6. See Curl manpage for details."},
                backend={"kind": "openai", "host": "https://api.example.com"},
                request={"use_curl": True},
                source="https://github.com/karthink/gptel/issues/997",
            ),
        ),
    ),
    Rule(
        code="CONF002",
        name="old-gptel-hides-curl-failure",
        category="config.backend",
        when=match(gptel="search_failed", not_text=r"proxy-negotiate"),
        summary="curl failed and this gptel (older than 0.9.9.5) could not report why (\"Search "
        "failed\"): upgrade gptel, then retry to see the real error.",
        explanation=(
            "Before 0.9.9.5 gptel did not check curl's exit status: when curl failed before "
            "answering (an unsupported option, a certificate problem, no connection), gptel's "
            "process sentinel signalled \"Search failed\" and the request hung. Newer gptel "
            "reports \"Curl failed with exit code N\", which gptel-diagnose can explain. The "
            "text curl printed, if any, is in the message gptel reported."
        ),
        steps=("Upgrade gptel (M-x package-upgrade gptel, or your package manager's way).",
               "Meanwhile, run gptel's curl command in a terminal to see curl's error "
               "(set gptel-log-level to 'debug to get the command).",
               "Or use url-retrieve instead of curl: (setq gptel-use-curl nil)."),
        fixes=(FixSpec("Use Emacs's url-retrieve instead of curl", "unsafe",
                       variable="gptel-use-curl", value="nil"),),
        docs=("https://github.com/karthink/gptel/issues/1234",),
        examples=(
            Example(
                error={"status": "Lisp error", "error":
                       "error in process sentinel: Search failed: "
                       "\"e82a46bac5b8cbf62fbee31911f58e74\""},
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"use_curl": True, "gptel_version": "0.9.8"},
                source="https://github.com/karthink/gptel/issues/82",
            ),
        ),
    ),
    Rule(
        code="CONF003",
        name="curl-option-unsupported",
        category="config.backend",
        when=(
            # 48: an option libcurl does not know (CURLE_UNKNOWN_OPTION).
            match(curl=(2, 1, 3, 48)),
            # Before connecting, so nobody answered ("Invalid URL (POST /v1/...)" is a
            # server's answer about the path).
            match(text=r"installed libcurl version do(es)?n'?t support|option [-\w]+: is unknown"
                   r"|unsupported protocol|url malformed|url scheme"
                   r"|missing an? .?https?.{0,20}protocol|no scheme supplied"
                   r"|invalid url(?!\s*\((get|post|put|patch|delete) ?/)"
                   # Other clients' words for a URL they could not build: node's "Only HTTP(S)
                   # protocols are supported" and ERR_INVALID_URL, aiohttp's InvalidURL,
                   # .NET's "must be an absolute URI", curl's own "Protocol "" is unknown".
                   r"|only http\(s\) protocols are supported|protocol \"[^\"]*\" (?:is )?unknown"
                   r"|invalidurl\b|cannot be parsed as url|err_invalid_url"
                   # Firefox's TypeError for a URL it cannot build ("URL constructor:  is not
                   # a valid URL.").
                   r"|url constructor: .{0,200}is not a valid url"
                   # reqwest, for a base URL without http:// ("kind: Builder ... BadScheme").
                   r"|\bbadscheme\b"
                   # reqwest, for a URL with no scheme and host ("builder error: relative URL
                   # without a base").
                   r"|relative url without a base|relativeurlwithoutbase"
                   # A base URL whose port is followed by other text (a pasted shell line:
                   # "Invalid port: '6153export").
                   r"|invalid port: '\d*[^\d'\s]"
                   # undici (Node's fetch), for a URL it cannot parse: "TypeError: Failed to
                   # parse URL from [object Request]".
                   r"|failed to parse url from"
                   # A browser extension's own Content Security Policy, which does not list the
                   # API's host: "Refused to connect to 'URL' because it violates the following
                   # Content Security Policy directive".
                   r"|violates the following content security policy directive"
                   # reqwest's "builder error for url (localhost:///v1/chat/completions)": a
                   # URL it could not build from the base it was given.
                   r"|builder error for url"
                   # requests, for a URL with no scheme it knows ("No connection adapters
                   # were found for '127.0.0.1:9997/v1/models'").
                   r"|no connection adapters were found"
                   r"|must be an absolute uri|uri存在错误|the uri is malformed"
                   # node-fetch, for a URL with no scheme.
                   r"|only absolute urls are supported"
                   # chatgpt-shell's check of the curl Emacs finds first on exec-path.
                   r"|you need curl version [\d.]+ or newer"
                   # Apple's App Transport Security, for plain http to a host that is not
                   # localhost: refused before sending (Agent!, AgentiLoop/Agent).
                   r"|app transport security policy requires"
                   # VS Code's Copilot Chat, for an Azure URL it cannot take apart: "Could not
                   # extract deployment name from the Azure endpoint URL", "Unrecognized Azure
                   # deployment URL".
                   r"|could not extract deployment name from the azure endpoint url"
                   r"|unrecognized azure deployment url",
                  not_text=r"proxy-negotiate|tls|ssl", answered=False),
            # Node's code for a URL it could not build, in an error object a client made of
            # it ({"message": "Invalid URL", "code": "ERR_INVALID_URL", "input":
            # "undefined/chat/completions"}): no server wrote that, whatever its shape.
            match(text=r"\berr_invalid_url\b", http=None),
        ),
        summary="curl refused the request as gptel built it (curl {exit}): the installed curl "
        "lacks an option, or the URL from :protocol/:host/:endpoint is malformed.",
        explanation=(
            "curl stops before connecting when it does not support an option it was given "
            "(old curl builds lack --compressed or --http2, Windows builds differ) or when the "
            "URL is malformed (a typo in :protocol, :host or :endpoint)."
        ),
        steps=("Check the backend's :protocol, :host and :endpoint.",
               "Upgrade curl, or point gptel at another curl: (setq gptel-use-curl "
               "\"/path/to/curl\").",
               "Or use url-retrieve: (setq gptel-use-curl nil)."),
        # A malformed URL is mended where it is built: the backend's definition.
        fixes=(FixSpec("Use Emacs's url-retrieve instead of curl", "unsafe",
                       variable="gptel-use-curl", value="nil"), REDEFINE_BACKEND),
        docs=("https://github.com/karthink/gptel/issues/82",),
        examples=(
            Example(
                error={"status": "Curl failure",
                       "error": "Curl failed with exit code 2. See Curl manpage for details."},
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"use_curl": True},
                source="https://github.com/karthink/gptel/issues/82",
            ),
        ),
    ),
    Rule(
        code="CONF014",
        name="client-does-not-know-the-provider",
        category="config.backend",
        # A client refusing its own provider setting before anything is sent: rig-based
        # Spacebot's "ProviderError: unknown provider: ollama" (also google, fireworks,
        # github-copilot), seen in four reports across three batches.  Not a relay's
        # "unknown provider for model X" (CLIProxyAPI): the relay answered that it has no
        # upstream for that model (MODEL001).
        # OpenCode, for a provider name it has no API address for: 'Provider "xxx" has no
        # known API base URL'.
        # A Python client's validation of its provider setting: "Invalid provider: 'qwen'.
        # Supported: 'nvidia_nim', 'open_router', ...".
        # Cloudflare's AI Gateway provider for the AI SDK: 'Sorry, but provider "openrouter" is
        # currently not supported, please open a issue in the github repo!'.
        when=match(text=r"\bunknown provider: [\w./-]+|provider \W?[\w./-]+\W? has no known api "
                   r"base url|invalid provider: \W?[\w./-]+\W?\. supported:"
                   r"|provider \W?[\w./-]+\W? is currently not supported, please open an? issue"
                   # pi's agent, for a model entry whose API kind it has no provider for: "No
                   # API provider registered for api: undefined".
                   r"|no api provider registered for api:",
                   not_text=r"for model"),
        summary="The client does not know the provider its setting names, so it sent "
        "nothing: the provider setting (or the model's provider prefix) is not one it "
        "supports.",
        explanation=(
            "The error comes from the client itself, before any request: the provider named "
            "in its configuration, or taken from the model's prefix (\"google/...\", "
            "\"ollama/...\"), is not one it has a protocol for. The key, the network and "
            "the provider are not in question. In gptel the backend decides the protocol "
            "(gptel-make-openai for any OpenAI-compatible server), and the model name is sent "
            "as it is."
        ),
        steps=("Name a provider the client supports, or reach the server through its "
               "OpenAI-compatible setting.",
               "In gptel, pick the backend for that server (M-x gptel-menu)."),
        fixes=(ASK_BACKEND,),
        next_step=("Name a provider the client supports, or use its OpenAI-compatible "
                   "setting.",),
        # gptel's README: one backend per server, OpenAI-compatible ones by gptel-make-openai.
        docs=("https://github.com/karthink/gptel",),
        examples=(
            Example(
                error={"error": "Model test failed: CompletionError: ProviderError: unknown "
                       "provider: ollama"},
                backend={"kind": "ollama"},
                request={"model": "gemma3:4b"},
                source="https://github.com/spacedriveapp/spacebot/issues/162",
            ),
        ),
    ),
    Rule(
        code="CONF009",
        name="litellm-cannot-tell-the-provider",
        category="config.backend",
        when=match(text=r"llm provider not provided"),
        summary="LiteLLM cannot tell which provider serves {model}: name the model with its "
        "provider prefix (ollama/..., deepseek/...) or as the proxy's model_list calls it.",
        explanation=(
            "LiteLLM picks the provider's protocol from the model's name: \"ollama/llama3\", "
            "\"deepseek/deepseek-chat\", \"openai/NAME\" for any OpenAI-compatible server. "
            "A bare name that is neither a known model nor an alias in a LiteLLM proxy's "
            "model_list leaves it nothing to call, so it stops before any request."
        ),
        steps=("Use the name the LiteLLM proxy lists (its /v1/models), or the provider's "
               "prefix, in gptel-model and the backend's :models.",
               "Running the proxy yourself: add the model to its model_list."),
        # The name is gptel-model's: another of the backend's names (rashadphz/farfalle's fix
        # was the model ids' lower-case "openai/" prefix).
        # Or the backend: the provider setting a client library lacks is gptel's backend
        # (Aider's fix was the model's openrouter/ prefix, naming the provider).
        fixes=(FixSpec("Read LiteLLM's provider prefixes", "display-only",
                       url="https://docs.litellm.ai/docs/providers"), ASK_MODEL, ASK_BACKEND),
        docs=("https://docs.litellm.ai/docs/providers",),
        examples=(
            Example(
                error={"error": "litellm.BadRequestError: LLM Provider NOT provided. Pass in "
                       "the LLM provider you are trying to call. You passed "
                       "model=deepseek-r1:latest"},
                backend={"kind": "openai", "host": "192.168.11.70:11434", "protocol": "http"},
                request={"model": "deepseek-r1:latest"},
                source="https://github.com/sinaptik-ai/pandas-ai/issues/1725",
            ),
        ),
    ),
    Rule(
        code="CONF011",
        name="azure-request-names-no-deployment",
        category="config.backend",
        # A client's own check before sending to Azure OpenAI: no deployment (openai-python
        # 0.x: "Must provide an 'engine' or 'deployment_id' parameter") or no api-version
        # (LangChain: "Did not find openai_api_version").  gptel carries both in the Azure
        # backend's :endpoint.
        when=match(text=r"must provide an .?engine.? or .?deployment_id.? parameter"
                   r"|did not find openai_api_version"
                   # An app's own check: "Azure deployment name is required for Azure OpenAI
                   # provider".
                   r"|azure deployment name is required"
                   # openai-python 0.x: "An API version is required for the Azure API type."
                   r"|api version is required for the azure api type"),
        summary="The Azure OpenAI request names no deployment or no api-version: nothing was "
        "sent; an Azure backend's :endpoint carries both.",
        explanation=(
            "Azure OpenAI serves a model through a deployment you name in the portal, at "
            "`/openai/deployments/DEPLOYMENT/chat/completions?api-version=VERSION`. The client "
            "stopped before sending because its configuration gave no deployment or no API "
            "version. In gptel, gptel-make-azure's :endpoint holds both, and the deployment "
            "name is also the model in :models."
        ),
        steps=("Give the Azure backend an :endpoint of the form "
               "\"/openai/deployments/DEPLOYMENT/chat/completions?api-version=2024-10-21\", "
               "with your deployment's name, and use that name in :models.",),
        fixes=(REDEFINE_BACKEND,
               FixSpec("Open the Azure portal", "display-only", url="https://ai.azure.com/")),
        next_step=("Give the Azure backend an :endpoint with your deployment's name and an "
                   "api-version (gptel-make-azure).",),
        docs=("https://learn.microsoft.com/en-us/azure/ai-services/openai/reference",),
        examples=(
            Example(
                error={"error": "openai.error.InvalidRequestError: Must provide an 'engine' or "
                       "'deployment_id' parameter to create a <class "
                       "'openai.api_resources.chat_completion.ChatCompletion'>"},
                backend={"kind": "azure"},
                source="https://github.com/manateelazycat/mind-wave/pull/37",
            ),
        ),
    ),
    Rule(
        code="CONF010",
        name="client-lacks-a-library",
        category="config.backend",
        # The program that sends the request is missing a library it needs for this
        # provider or for HTTPS (Python's ssl module, the Google SDK behind LiteLLM's Vertex
        # path, boto3 for Bedrock): it fails before anything is sent.
        when=match(text=r"no module named '[\w.]+'|modulenotfounderror"
                   r"|missing boto3|ssl module is not available"),
        summary=(
            "The program that sends the request is missing a library it needs ({message}): "
            "nothing was sent."
        ),
        explanation=(
            "Before any request, the client found that a library it needs for this provider "
            "or for HTTPS is not installed (a Python module, an SDK, or Python's ssl module). "
            "The provider never saw the request, so the key, model and network are not in "
            "question yet."
        ),
        steps=("Install the missing library where the program runs (its virtual environment, "
               "or the optional extra its documentation names), then retry.",),
        next_step=("Install the missing library where the program runs, then retry.",),
        docs=("https://docs.python.org/3/library/exceptions.html#ModuleNotFoundError",),
        examples=(
            Example(
                error={"error": "Error: litellm.APIConnectionError: No module named 'google'"},
                backend={"kind": "gemini"},
                request={"model": "vertex_ai/gemini-2.5-pro"},
                source="https://github.com/usestrix/strix/issues/1256",
            ),
        ),
    ),
    Rule(
        code="CONF004",
        name="bedrock-needs-curl",
        category="config.backend",
        when=(
            match(provider="bedrock", use_curl=False),
            match(provider="bedrock", text=r"authorization header is missing"
                  r"|missing authentication token"),
        ),
        summary="gptel's Bedrock backend works only through curl, which signs its requests "
        "(--aws-sigv4); this request went without curl.",
        explanation=(
            "AWS Bedrock requests must be signed. gptel signs them by passing credentials to "
            "curl (--aws-sigv4, or a bearer token header); with url-retrieve no signature is "
            "sent and AWS refuses the request."
        ),
        steps=("Set (setq gptel-use-curl t) and make sure curl is installed.",),
        fixes=(FixSpec("Use curl", "safe", variable="gptel-use-curl", value="t"),),
        docs=("https://github.com/karthink/gptel#aws-bedrock",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 403 Forbidden", "http_status": "403",
                       "error": "Authorization header is missing"},
                backend={"kind": "bedrock", "host": "bedrock-runtime.us-east-1.amazonaws.com"},
                request={"use_curl": False},
                source="https://github.com/karthink/gptel/issues/1397",
            ),
        ),
    ),
    Rule(
        code="CONF013",
        name="gptel-proxy-unused-by-url-retrieve",
        category="config.backend",
        # gptel hands gptel-proxy (and its curl arguments) to curl only.  A request sent with
        # url-retrieve, gptel-use-curl nil or a package binding it so (gptel-quick did until
        # its PR 21), left without the proxy: no answer, or a refusal by region, is that.
        # Only url.el's "no HTTP response" and a refusal by region: a Lisp error in gptel
        # has no answer either, and is not the proxy's.
        when=(match(proxy=True, use_curl=False, gptel="no_response"),
              match(proxy=True, use_curl=False, text=REGION_BLOCKED)),
        summary="gptel-proxy is set, but this request went through url-retrieve "
        "(gptel-use-curl nil), which does not use it: it left without {gptel_proxy}.",
        explanation=(
            "gptel passes gptel-proxy and gptel-curl-extra-args to curl only. Emacs's "
            "url-retrieve, used when gptel-use-curl is nil (or a package binds it so for its "
            "own requests), reads url-proxy-services and the https_proxy environment "
            "variable instead. So the request went out without the proxy, and where the "
            "proxy is needed it gets no answer or a refusal by region."
        ),
        steps=("Use curl: (setq gptel-use-curl t), then resend.",
               "If a package sends its requests with url-retrieve, give url.el the proxy too: "
               "(setq url-proxy-services '((\"https\" . \"HOST:PORT\") "
               "(\"http\" . \"HOST:PORT\")))."),
        fixes=(FixSpec("Use curl, which goes through gptel-proxy", "safe",
                       variable="gptel-use-curl", value="t"),),
        docs=("https://github.com/karthink/gptel/issues/534",
              "https://github.com/karthink/gptel-quick/pull/21"),
        examples=(
            Example(
                error=URL_RETRIEVE_NO_RESPONSE,
                backend={"kind": "anthropic", "host": "api.anthropic.com"},
                request={"use_curl": False, "proxy": True, "proxy_host": "127.0.0.1:7890",
                         "entry": "request"},
                source="https://github.com/karthink/gptel-quick/pull/21",
            ),
        ),
    ),
    Rule(
        code="CONF005",
        name="bedrock-curl-too-old",
        category="config.backend",
        # Unless curl is known to be new enough: then the signature was made from a wrong
        # secret key, as AWS's words say (Bedrock's record).
        when=match(text=r"signature we calculated does not match", not_old_sigv4_curl=False),
        summary="AWS rejected the request signature: gptel's Bedrock backend needs curl 8.10 or "
        "newer for --aws-sigv4 (or check the secret key).",
        explanation=(
            "gptel signs Bedrock requests with curl's --aws-sigv4. Older curl versions compute "
            "the signature differently for Bedrock's paths, so AWS rejects it; a wrong secret "
            "access key gives the same message."
        ),
        steps=("Check `curl --version`: 8.10 or newer is needed.",
               "Point gptel at a newer curl with (setq gptel-use-curl \"/path/to/curl\"), or "
               "use bearer-token auth (AWS_BEARER_TOKEN_BEDROCK).",
               "If curl is new enough, check AWS_SECRET_ACCESS_KEY."),
        fixes=(FixSpec("Check the curl version", "display-only", command="curl --version"),),
        docs=("https://github.com/karthink/gptel/pull/918", "https://github.com/curl/curl/issues/11794"),
        examples=(
            Example(
                error={"status": "HTTP/1.1 403 Forbidden", "http_status": "403",
                       "error": "The request signature we calculated does not match the "
                       "signature you provided. Check your AWS Secret Access Key and signing "
                       "method."},
                backend={"kind": "bedrock", "host": "bedrock-runtime.us-east-1.amazonaws.com"},
                request={"use_curl": True, "curl_version": "curl 8.5.0"},
                source="https://github.com/karthink/gptel/pull/918",
            ),
        ),
    ),
    Rule(
        code="CONF006",
        name="curl-not-found",
        category="config.backend",
        when=(match(curl=127),
              match(text=r"searching for program.{0,40}curl|no such file or directory.{0,20}"
                    r"curl|curl: (command )?not found")),
        summary="gptel cannot run curl: install curl, fix gptel-use-curl's path, or use "
        "Emacs's url-retrieve instead.",
        explanation=(
            "gptel-use-curl is on (or names a curl program), but Emacs could not start it: "
            "curl is not installed, not on exec-path, or the path is wrong."
        ),
        steps=("Install curl, or make sure Emacs's exec-path finds it.",
               "Or use url-retrieve: (setq gptel-use-curl nil) (no streaming, no gptel-proxy)."),
        fixes=(FixSpec("Use Emacs's url-retrieve instead of curl", "unsafe",
                       variable="gptel-use-curl", value="nil"),),
        docs=("https://github.com/karthink/gptel#installation",),
        examples=(
            Example(
                error={"status": "Curl failure",
                       "error": "Curl failed with exit code 127. See Curl manpage for details."},
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"use_curl": True},
                source="https://github.com/karthink/gptel/blob/master/gptel-request.el",
            ),
        ),
    ),
    Rule(
        code="CONF007",
        name="curl-fail-option-hides-answer",
        category="config.backend",
        # Not when the status curl kept says what went wrong by itself: a 429 is a rate
        # limit and a 524 a timeout, whatever the body said.
        when=match(curl=22, not_http=(408, 429, 502, 503, 504, 522, 524, 529)),
        summary="curl's --fail hid the provider's answer (curl 22{status_clause}): remove --fail "
        "(-f) from gptel-curl-extra-args or the backend's :curl-args.",
        explanation=(
            "With --fail, curl exits with code 22 on any HTTP error and throws the body away, so "
            "gptel never sees the provider's explanation. gptel does not pass --fail itself; "
            "it comes from your gptel-curl-extra-args or the backend's :curl-args."
        ),
        steps=("Remove \"--fail\" or \"-f\" from gptel-curl-extra-args and the backend's "
               ":curl-args, then resend to see the provider's real error.",),
        fixes=(FixSpec("Show the extra curl arguments", "display-only",
                       command="M-x describe-variable RET gptel-curl-extra-args"),),
        docs=("https://curl.se/docs/manpage.html#-f",),
        examples=(
            Example(
                error={"status": "Curl failure",
                       "error": "Curl failed with exit code 22. See Curl manpage for details."},
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"use_curl": True},
                source="https://curl.se/docs/manpage.html#EXIT",
            ),
        ),
    ),
    Rule(
        code="CONF008",
        name="endpoint-or-protocol-malformed",
        category="config.backend",
        # Not when a server answered with a status or an API's code: the URL reached it
        # (Gemini's 200 with promptFeedback.blockReason is the prompt's, whatever :endpoint).
        when=(match(endpoint=r"^\s*[^/\s]", answered=False),
              match(protocol=r"^(?!\s*https?\s*$).+", answered=False)),
        summary="The backend's :endpoint or :protocol is malformed: :endpoint is a path that "
        "starts with /, :protocol is \"https\" or \"http\".",
        explanation=(
            "gptel builds the URL as PROTOCOL://HOST ENDPOINT. An :endpoint without its "
            "leading slash glues the path to the host name, and a :protocol with \"://\" or "
            "another word makes a URL curl cannot use."
        ),
        steps=("Redefine the backend with :protocol \"https\" (\"http\" for most local "
               "servers) and an :endpoint such as \"/v1/chat/completions\".",),
        next_step=("Redefine the backend as {backend_form}",
                   "Give the backend :protocol \"https\" and an :endpoint that starts with /."),
        fixes=(BACKEND_FORM, REDEFINE_BACKEND),
        docs=("https://github.com/karthink/gptel#usage",),
        examples=(
            Example(
                error={"status": "Curl failure",
                       "error": "Curl failed with exit code 6. See Curl manpage for details."},
                backend={"name": "Local", "kind": "openai", "host": "localhost:8080",
                         "endpoint": "v1/chat/completions", "protocol": "http"},
                request={"use_curl": True},
                source="https://github.com/karthink/gptel/issues/997",
            ),
        ),
    ),
    Rule(
        code="CONF012",
        name="copilot-without-its-client-headers",
        category="config.backend",
        when=match(text=r"missing editor-version header"),
        summary="GitHub Copilot refused the request because it came without the headers of a "
        "Copilot client (Editor-Version): make this backend with gptel-make-gh-copilot.",
        explanation=(
            "Copilot's API takes its tokens only from editor clients, which name themselves in "
            "request headers. gptel-make-gh-copilot (gptel 0.9.8.5 and newer) sends them and "
            "signs in with M-x gptel-gh-login; a backend made with gptel-make-openai that "
            "points at a Copilot host does not."
        ),
        steps=(
            "Define the backend with (gptel-make-gh-copilot \"Copilot\") and sign in with "
            "M-x gptel-gh-login.",
            "If your gptel has no gptel-make-gh-copilot, update gptel (0.9.8.5 or newer).",
        ),
        fixes=(FixSpec("Use gptel's Copilot backend", "display-only", variable="gptel-backend",
                       command="(setq gptel-backend (gptel-make-gh-copilot \"Copilot\"))"),),
        next_step=("Define the backend with gptel-make-gh-copilot, then sign in with "
                   "M-x gptel-gh-login.",),
        docs=("https://github.com/karthink/gptel#github-copilotchat",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400",
                       "error": "OpenAI API error (400): 400 bad request: missing "
                                "Editor-Version header for IDE auth"},
                backend={"kind": "copilot"}, request={"model": "gpt-5.6-luna"},
                source="https://github.com/vastsa/PI-Desktop/issues/126",
            ),
        ),
    ),
    Rule(
        code="CONF015",
        name="copilot-client-version-refused",
        category="config.backend",
        # GitHub Copilot, for a client version it no longer serves: HTTP 466 "Please upgrade
        # your Copilot extension to continue using this service." (copilot.lua's and
        # copilot.el's agents, reports-aea and reports-gr).  gptel's Copilot backend names
        # itself in the same headers (Editor-Version, Editor-Plugin-Version).
        when=(match(http=466),
              match(text=r"please upgrade your copilot extension|unhandled status from server"
                    r"\W{1,3}466\b")),
        summary="GitHub Copilot refused the client version the request named (HTTP 466): "
        "upgrade gptel, whose Copilot backend names its version in the request headers.",
        explanation=(
            "Copilot checks the editor and plugin versions a client sends in its headers "
            "(Editor-Version, Editor-Plugin-Version) and answers HTTP 466 to versions it no "
            "longer serves. The key and the account are not in question. gptel's Copilot "
            "backend sends its own versions; a newer gptel sends what Copilot expects now, "
            "as a newer copilot.el or VS Code extension does for them."
        ),
        steps=(
            "Upgrade gptel (M-x package-upgrade RET gptel), then restart Emacs.",
            "If the newest gptel gets the same answer, report it to gptel with the request "
            "logged ((setq gptel-log-level 'info)).",
        ),
        fixes=(UPGRADE_GPTEL,),
        next_step=("Upgrade gptel: M-x package-upgrade RET gptel.",),
        docs=("https://github.com/karthink/gptel#github-copilotchat",),
        examples=(
            Example(
                error={"error": "Unhandled status from server: 466 Please upgrade your "
                       "Copilot extension to continue using this service."},
                backend={"kind": "copilot"},
                source="https://github.com/copilot-emacs/copilot.el/issues/14",
            ),
        ),
    ),
)
