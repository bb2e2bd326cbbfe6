"""The network: no HTTP answer at all.  curl's exit code says where it stopped."""

from __future__ import annotations

from ..cues import GO_CERTIFICATE_REFUSED, MODEL_NOT_LOADED, NAME_NOT_RESOLVED
from ..facts import PRIVATE_PREFIX
from .base import Example, FixSpec, Rule, match, said
from .common import (
    ASK_CACERT,
    ASK_PROXY_REMOTE,
    BACKEND_FORM_HTTP,
    BACKEND_FORM_HTTPS,
    BACKEND_FORM_PLAIN,
    COPY_CURL,
    LOCAL_SERVERS,
    PLAIN_ANSWER_TO_TLS,
    PROXY_CONNECT_STATUS,
    PROXY_OFF,
    READ_LOG,
    REDEFINE_BACKEND,
    TLS_READ_PLAIN,
    UPGRADE_GPTEL,
    URL_RETRIEVE_NO_RESPONSE,
    WRAPPER_TEXT,
)

# Local model servers whose start command the provider records know: only these are told
# how to start; any other loopback backend is told that nothing listens at its port (NET002).
_LOCAL_SERVERS = LOCAL_SERVERS
_DNS_TEXT = (
    # Not Bedrock's "ResourceNotFoundException": a word of its own.
    r"could(n'?t| not) resolve host|\benotfound\b|getaddrinfo|" + NAME_NOT_RESOLVED +
    r"|nodename nor servname|no such host"
    r"|name resolution|\bdns\b(?!:)|unknownhostexception|unable to resolve host"
    r"|failed host lookup|eai_again|name_not_resolved|nxdomain"
    # Rust's std (Codex): "failed to lookup address information: Try again"; Emacs's own
    # status for a connection whose name did not resolve ("Name lookup of X failed"), which
    # url.el never reports and the companion passes on.
    r"|failed to lookup address information|name lookup of \S+ failed"
    # glibc's EAI_NODATA ("[Errno -5] No address associated with hostname").
    r"|no address associated with hostname"
    # Netty's resolver: "Failed to resolve 'api.openai.com' [A(1)] after 2 queries".
    r"|failed to resolve '[\w.-]+'"
    # Go's resolver, when the DNS server itself refused: "lookup HOST on [::1]:53: ...".
    r"|lookup [\w.-]+ on [\[\]\w.:]+:53\b"
    # Go's resolver with the DNS server's address masked: "dial tcp: lookup api.openai.com on
    # * read udp" (weaviate, reports-fj).
    r"|dial tcp: lookup [\w.-]+ on \S+ read udp"
    # Go's resolver, when the DNS server did not answer: "dial tcp: lookup HOST: i/o timeout".
    r"|dial tcp: lookup [\w.-]+: i/o timeout"
    # Apple's URL loading system (NSURLErrorCannotFindHost), in a macOS app's web view: "A
    # server with the specified hostname could not be found." (codexu/note-gen#788).
    r"|server with the specified hostname could not be found"
)
# The same for a proxy curl takes from the environment (https_proxy and the like).
_PAST_ENV_PROXY = FixSpec("Send gptel's requests past the proxy in {env_proxy}, to see whether "
                          "it is the cause", "unsafe", variable="gptel-curl-extra-args",
                          value="'(\"--noproxy\" \"*\")")
_REFUSED_TEXT = (
    # Bun's code as Claude Code prints it: "Unable to connect to API (ConnectionRefused)".
    r"connection ?refused|econnrefused|errno 111|could(n'?t| not) connect to"
    # Python's exception by name; Windows' "the remote computer refused the connection".
    r"|connectionrefusederror|远程计算机拒绝网络连接"
    # Chrome's ERR_CONNECTION_REFUSED page in Chinese: "localhost 拒绝了我们的连接请求"
    # (fengshao1227/ccg-workflow#85).
    r"|拒绝了我们的连接请求"
    # .NET on Windows (WSAECONNREFUSED, 10061) in its newer wording.
    r"|destination computer rejected the connection request"
    r"|failed to connect to|connecterror|all connection attempts failed"
    r"|make client process failed|failed to establish a new connection"
    r"|unable to connect|cannot connect to|can'?t connect to|connect call failed|may not be running"
    # A browser extension's hint for its local server.
    r"|make sure you'?re running the server"
    # ChatOllama's "is unable to establish a connection with"; WinHTTP's 12029.
    r"|unable to establish a connection|connection with the server could not be establish"
    # ollamar (R): "Ollama local server not running or wrong server."
    r"|local server not running"
    # Not vLLM's "engine loop is not running": the server runs, its engine died.
    r"|(?<!engine loop )is not running|could not connect to|actively refused|no route to host"
    r"|ehostunreach|enetunreach|could not be reached"
    # AnythingLLM in Docker, for a loopback address: "localhost, 127.0.0.1, or 0.0.0.0 origins
    # cannot be reached from inside the Anything LLM container" (nothing listens there).
    r"|cannot be reached from inside the [\w ]{1,40}container"
    r"|network is unreachable|make sure .{0,30} is running"
    r"|err_connection_refused|java\.net\.connectexception|actively rejected"
    # Chromium's names for EHOSTUNREACH and ENETUNREACH (Electron apps).
    r"|err_address_unreachable|err_network_unreachable"
    # Chromium's name for a machine with no network at all.
    r"|err_internet_disconnected"
    # Copilot Chat, when Ollama's /api/version does not answer at the URL it was given.
    r"|unable to verify ollama server version"
    # A desktop client's words for a local port nothing answers on: "Can't reach
    # 127.0.0.1:15721".
    r"|can'?t reach (?:127\.0\.0\.1|localhost|\[::1\])\b"
    r"|cannot assign requested address"
    # EPERM on connect: a firewall or a network policy refused it on this machine.
    r"|connect: operation not permitted"
    # macOS's ECONNREFUSED is errno 61, as Network.framework logs it.
    r"|\bso_error 61\b|\berrno 61\b"
    # Rust's io::ErrorKind as a log prints it.
    r"|\bconnectionrefused\b"
    # Windows' WSAECONNREFUSED, in English and Chinese.
    r"|(os error|winerror) 10061|积极拒绝|\b(is|was) unreachable\b"
    # Immersive Translate: "网络问题，无法连接到服务，请检查你的代理或本地网络连接后重试".
    r"|无法连接(到|至)?服务器?|连接(到|至)服务器时发生错误"
)
# Go's net/http, for its connection to the proxy ("proxyconnect tcp: dial tcp 127.0.0.1:1080:
# connectex: ... refused"): the proxy's (NET008); NET003 leaves it.
_GO_PROXY_CONNECT = r"proxyconnect tcp"
# A body cut short as aiohttp says it (ClientPayloadError, its TransferEncodingError): part
# of an answer came, whatever reset followed (NET009's, never NET015's).
_PAYLOAD_CUT_SHORT = (r"response payload is not completed"
                      r"|not enough data (?:for|to) satisfy transfer length")
# A connection reset, in curl's, Node's, Python's, Windows' and Chinese words.
_RESET_TEXT = (
    r"connection reset|reset by peer|econnreset|connection was reset|connectionreseterror"
    r"|errno 104|(winerror|os error) 10054|forcibly closed by the remote host|连接被对方重设"
    # Go on Windows, its reason sometimes cut short: "wsarecv: An existing connection was
    # forcibly closed by the remote host".
    r"|wsarecv: an existing connection was forcibly closed"
    # Chromium's (Electron apps, VS Code): "net::ERR_CONNECTION_RESET", and its
    # ERR_CONNECTION_CLOSED for a connection closed before any answer.
    r"|err_connection_reset|err_connection_closed"
    # Node's for a socket closed under the request ("Failed to connect to api.anthropic.com:
    # ERR_SOCKET_CLOSED").
    r"|err_socket_closed"
    # Chromium's for a request dropped as the machine's network changed (Copilot Chat: "Error
    # Code: net::ERR_NETWORK_CHANGED").
    r"|err_network_changed"
    r"|连接被重置|socket hang up"
    # EPIPE: the peer had closed the connection ("[Errno 32] Broken pipe", Go's "write:
    # broken pipe").
    r"|broken pipe"
    # Apple's URLSession (NSURLErrorNetworkConnectionLost, -1005).
    r"|the network connection was lost"
    # Go's HTTP/2 client, for a connection dropped under it ("http2: client connection lost").
    r"|http2: client connection lost"
    r"|远程主机强迫关闭了一个现有的连接"
    # ECONNABORTED, as lwIP/ESP-IDF and Windows say it (WSAECONNABORTED, 10053, in English
    # and Chinese).
    r"|software caused connection abort|connectionabortederror|(winerror|os error) 10053"
    r"|established connection was aborted by the software|主机中的软件中止了一个已建立的连接"
    # The connection closed before any answer, in Python's words (http.client, httpx).
    r"|remote end closed connection without response"
    # Java's HttpClient, the same: "HTTP/1.1 header parser received no bytes"; OkHttp's
    # "unexpected end of stream on https://..." (Http1ExchangeCodec.readResponseHeaders:
    # closed before the status line, Grt1228/chatgpt-java#143).
    r"|header parser received no bytes|unexpected end of stream on "
    # Elixir's Mint: "(Mint.TransportError) socket closed", "%Mint.TransportError{reason: :closed}".
    r"|transporterror\)? socket closed|transporterror\{reason: :closed\}"
    # aiohttp's, for the same ("ServerDisconnectedError: Server disconnected"); Bun's fetch
    # ("The socket connection was closed unexpectedly").
    r"|\bserver ?disconnected\b|socket connection was closed unexpectedly"
)
_TIMEOUT_TEXT = (
    # Not the OpenAI SDKs' x-stainless-timeout header, which a logged request shows.
    # Nor httpcore's debug log of the socket options ("timeout=None"), nor Node's dump of a
    # socket ("timeout: undefined").
    r"(?<!stainless-)timed? ?out(?!=none|: undefined)|(?<!stainless-)timeout(?!=none|: undefined)"
    r"|etimedout|errno 110"
    # Emacs's jsonrpc.el, for a request its server did not answer in time (copilot.el: "(:timed-out
    # getCompletions :id 42 ...").
    r"|\(:timed-out\b"
    # A gateway's own deadline for the first byte of the answer (Hermes Agent): "No first
    # byte from provider in 45s".
    r"|no first byte from provider in \d+"
    r"|deadline ?exceeded"
    # Google's gRPC status for the same, closing a Live API session (1011): "Deadline
    # expired before operation could complete."
    r"|deadline expired before operation could complete"
    r"|deadline_exceeded"
    r"|didn'?t respond within \d+ seconds|timed_out|超时"
    r"|no response from .{0,40} in the last \d+ seconds"
    # fetch's AbortError: a client's own timer gave up (or the user cancelled).
    # Not LibreChat's handler name "handleAbortError" before a 404.
    r"|the operation was aborted|(?<![a-z])aborterror"
    # Windows' WSAETIMEDOUT, in English and Chinese: the connect attempt got no answer.
    r"|winerror 10060|did not properly respond after a period of time|没有正确答复"
    # The same through Go's dialer, its words cut by a log ("dial tcp ...:443: connectex: A
    # connection attempt failed..."): the only connectex error worded so.
    r"|connectex: a connection attempt failed"
    # A client's idle watchdog on a stream that stopped sending: "Stream stale for 900s - no
    # chunks received", Claude Code's "Response stalled mid-stream".
    r"|stream stale for \d+|response stalled mid-stream"
    # oh-my-pi's watchdog: "stream stalled while waiting for the next event"; Hermes Agent's
    # "No response from provider for 90s".
    r"|stream stalled while waiting|no response from provider for \d+ ?s\b"
    # nanobot's: "stream stalled for more than 90 seconds".
    r"|stream stalled for (?:more than )?\d+"
    # Dart's Dio, for its connect timer: "The request connection took longer than
    # 0:00:20.000000. It was aborted."
    r"|connection took longer than [\d:.]+"
    # OpenClaw's: "moonshot/kimi-k2.5 produced no reply before the idle watchdog".
    r"|no reply before the idle watchdog"
    # Qwen Code's: "No stream activity for 120000ms after 19 chunks".
    r"|no stream activity for \d+ ?m?s\b"
    # "No answer in 60 seconds", in Chinese (Bob's "插件60秒未响应").
    r"|\d+\s*秒(内|钟)?未响应"
    # Hermes Agent's stall watchdog: "upstream idle for 60000ms without data".
    r"|idle for \d+ ?m?s without data"
    # Azure Resource Manager's GatewayTimeout: "The gateway did not receive a response from
    # 'Microsoft.CognitiveServices' within the specified time period."
    r"|did not receive a response from .{0,60} within the specified time"
)

# A gateway's 5xx around its own failed call upstream, in its HTTP library's words.  Not a
# client's "Fetch failed with status code 500" or aiohttp's "Connection error: 503,
# message=...": there a server answered.
_UPSTREAM_UNREACHED = (r"\bfetch failed\b(?! with status)|\bconnection error\b(?!: \d)"
                       r"|error sending request|connection failed"
                       # reqwest's words, passed on by a Rust proxy (cc-switch): "上游请求失败:
                       # client error (Connect)".
                       r"|client error \(connect\)"
                       r"|unable to reach the (model )?provider")
# A client's own "could not connect" that kept nothing else: no cause (refused, reset, a
# certificate, a timeout) and no port or address.  At a remote API that reads the same as a
# name that does not resolve or a proxy the network needs (LABELING.md's wrapper policy):
# "Couldn't connect to OpenAI. Please check your internet connection."
_BARE_CONNECT = (r"^(?!.*(?:refused|econn|und_err|errno|reset|closed|ssl|tls|certificate"
                 r"|timed? ?out|timeout|resolve|getaddrinfo|enotfound|unreachable|no route"
                 r"|port \d|:\d{2,5}\b|\d+\.\d+\.\d+\.\d+|connect call failed|connectexception"
                 r"|connecterror|max retries|socket|proxy|拒绝"
                 # axios's codes for an answer that came with a 4xx or 5xx status.
                 r"|err_bad_re(?:quest|sponse)))"
                 r".*(?:could(?:n'?t| not)|cannot|can'?t|unable to|failed to) connect\b")
# A model server the user runs: loopback or a private address, or a local server's kind
# with no public host named.
_LOCAL_WHERE = ({"private": True},
                {"provider": LOCAL_SERVERS, "names_public_host": False, "public": False})

# A failed connection that kept its reason (timed out, refused, reset, a certificate or
# TLS, a name that did not resolve): the rules for that reason read it, not the rules for a
# reason dropped (NET013, NET016).
_CONNECT_REASON = (_TIMEOUT_TEXT + r"|certificate|ssl|tls|resolve|getaddrinfo|" + _REFUSED_TEXT
                   + r"|" + _RESET_TEXT)

# Not a client's hint "To reset your API key": a reset is the connection's. Not a client's
# own crash (KeyError) wrapped as one.
_WRAPPER_NOT_TEXT = (
    _CONNECT_REASON + r"|name or service|proxy|parse|decod|keyerror"
    # A chunked answer cut short, not a bundler's "chunks/6031.js".
    r"|chunked|chunk (?:size|error|length)|invalid chunk"
    r"|connection closed before message completed"
    # Nor a wrapper around the server's own JSON error: an answer came (LiteLLM's
    # "APIConnectionError: Ollama_chatException - {"error":").
    r"|\{\\?\"error\\?\"\s*:"
    # Nor LiteLLM's APIConnectionError around a Python exception its own code raised on the
    # answer or the messages ("litellm.APIConnectionError: list index out of range",
    # "APIConnectionError: 'name'"): no connection failed.
    r"|apiconnectionerror: (?:'\w+'|list index out of range|.{0,60}(?:object has no attribute"
    r"|not subscriptable|nonetype))")


# A TLS-only port's answer to plain HTTP: nginx's, Go's and Apache's words.
_PLAIN_TO_TLS = (r"plain http request was sent to https port"
                 r"|client sent an http request to an https server"
                 r"|speaking plain http to an ssl-enabled server")

RULES = (
    Rule(
        code="NET016",
        name="gateway-could-not-reach-upstream",
        category="unknown",
        # A gateway or router (LiteLLM, claude-code-router, Portkey, cc-switch) passes on its
        # own failed call upstream as a 5xx with its HTTP library's words: no provider
        # answered, and the reason (refused, timeout, DNS, certificate) stayed in its log.
        # Not a server failing: those words are a client's.
        # Through a configured proxy, the proxy is the suspect (NET008, LABELING.md).
        when=match(http=(500, 502, 503, 504), not_proxied=True, text=_UPSTREAM_UNREACHED,
                   not_text=_CONNECT_REASON),
        summary="{host} answered HTTP {status} only because its own call upstream failed before "
        "any answer, and it dropped the reason: usually that machine's network, proxy, DNS or "
        "TLS, not the key or the model.",
        explanation=(
            "A gateway or router in front of the provider (LiteLLM, claude-code-router, "
            "Portkey, a relay) reported the failure of its own call upstream with its HTTP "
            "library's words (\"fetch failed\", \"Connection error.\", \"error sending "
            "request\"). The provider never answered; why the call failed (refused, timed "
            "out, not resolved, a certificate) is in the gateway's own log."
        ),
        steps=("Read the gateway's log for why its call to the provider failed (refused, "
               "timeout, DNS, certificate).",
               "If that machine needs a proxy to reach the provider, set it in the gateway "
               "(claude-code-router: PROXY_URL; LiteLLM: HTTPS_PROXY), not in gptel."),
        next_step=("Read the gateway's log for why its call to the provider failed.",),
        docs=("https://docs.litellm.ai/docs/proxy/debugging",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 500 Internal Server Error", "http_status": "500",
                       "error": {"message": "fetch failed", "type": "api_error",
                                 "code": "internal_error"}},
                backend={"kind": "deepseek", "host": "api.deepseek.com"},
                source="https://github.com/musistudio/claude-code-router/issues/168",
            ),
        ),
    ),
    Rule(
        code="NET021",
        name="relay-upstream-server-refused",
        category="network.connection_refused",
        # A relay's 5xx quoting its own call's refusal at a model server the user runs, on
        # this machine or the local network ("[502]: fetch failed (cause: ECONNREFUSED:
        # connect ECONNREFUSED 127.0.0.1:7860)", OmniRoute): labelled as a client connecting
        # to it directly would be (LABELING, a service in between).  The relay answered;
        # the server behind it did not.
        when=match(http=(500, 502, 504),
                   text=r"econnrefused\W{1,4}(?:connect econnrefused\s+)?"
                   r"(?:127\.\d|localhost\b|\[?::1\]|" + PRIVATE_PREFIX +
                   r"|host\.docker\.internal)"),
        summary="{host} answered HTTP {status}, but the model server it forwards to, on this "
        "machine or your network, refused the connection: that server is down or the relay "
        "has its address wrong.",
        explanation=(
            "gptel reached the relay or router; the relay then called a model server at a "
            "loopback or private address (Ollama, LM Studio, llama.cpp, vLLM, another "
            "proxy), and nothing listened at that address and port. The key and the model "
            "name are not in question."
        ),
        steps=("Start the model server the relay forwards to, and check the address and port "
               "in the relay's provider settings.",
               "From the relay's machine (or its container), test that address with curl."),
        next_step=("Start the model server the relay forwards to, or correct its address in "
                   "the relay's settings.",),
        docs=("https://github.com/diegosouzapw/OmniRoute/issues/13068",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 502 Bad Gateway", "http_status": "502",
                       "error": "[openai-compatible-chat/auto] [502]: fetch failed (cause: "
                       "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:7860) (reset after 1m "
                       "36s)"},
                backend={"kind": "openai", "host": "127.0.0.1:20128", "protocol": "http"},
                source="https://github.com/diegosouzapw/OmniRoute/issues/13068",
            ),
        ),
    ),
    Rule(
        code="NET022",
        name="upstream-host-not-resolved",
        category="network.dns",
        # A server's 5xx quoting its own call's failed name lookup: Ollama at ollama.com for a
        # cloud model ("dial tcp: lookup ollama.com: temporary failure in name resolution"
        # under a 500), a gateway's 504 around "nodename nor servname provided".  gptel
        # reached that server; the lookup failed on the machine it runs on.
        when=match(http=(500, 502, 503, 504), text=_DNS_TEXT, html=False),
        summary="{host} answered HTTP {status}, but could not look up the host name of the "
        "service it forwards to: the DNS, network or proxy of the machine it runs on is at "
        "fault, not the request.",
        explanation=(
            "gptel reached {host}, which then called another service (a cloud model, the "
            "provider behind a relay or gateway) and could not turn that service's host name "
            "into an address. The key, the model name and the request are not in question; "
            "the network of the machine where that server runs is. When it runs on this "
            "machine (Ollama, a local gateway), this machine's DNS, VPN or proxy is at fault."
        ),
        steps=("Find the host name in the message and look it up from the server's machine "
               "(or its container): `nslookup NAME`, or `curl -sI https://NAME`.",
               "Fix that machine's DNS, VPN or proxy settings, or the upstream address in the "
               "server's settings, then resend."),
        next_step=("From the server's machine, look up the name it could not resolve "
                   "(`nslookup NAME`) and fix that machine's DNS or VPN settings.",),
        docs=("https://github.com/aliom-v/KiroGate/issues/24",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 504 Gateway Timeout", "http_status": "504",
                       "error": "Request error: [Errno 8] nodename nor servname provided, or "
                       "not known, waiting 1.0s (attempt 1/3)"},
                backend={"kind": "openai", "host": "localhost:8000", "protocol": "http"},
                source="https://github.com/aliom-v/KiroGate/issues/24",
            ),
        ),
    ),
    Rule(
        code="NET001",
        name="host-not-resolved",
        category="network.dns",
        # Not a CDN's page titled "DNS resolution error" (its origin's name, not this
        # machine's): an HTML page is an unreadable answer.
        # Not gRPC's timing breakdown of a call that ran out of time ("DEADLINE_EXCEEDED:
        # Deadline exceeded after 30.000s,name resolution: 0.270s"): the name resolved.
        when=(match(curl=6), match(text=_DNS_TEXT, html=False,
                                   not_text=r"deadline exceeded after [\d.]+s,\s*name resolution")),
        summary="Could not resolve {host} (curl {exit}): the network, DNS or VPN cannot look the "
        "name up, or :host is misspelt.",
        explanation=(
            "curl could not turn the host name {host} into an address, so no request was "
            "sent. Either this machine is offline or its DNS (or VPN) is not answering, or the "
            "backend's :host is misspelt. :host takes a bare name such as api.openai.com: no "
            "https:// and no path."
        ),
        steps=(
            "Check the connection: `curl -sI https://{host}` in a terminal.",
            "Check the backend's :host (M-x describe-variable gptel-backend).",
            "Behind a corporate network, you may need a proxy: (setq gptel-proxy "
            "\"http://proxy:port\").",
        ),
        # A name that does not resolve is often a typo in :host, mended where it is set.
        fixes=(FixSpec("Test the host from a terminal", "display-only",
                       command="curl -sI https://{host}"), REDEFINE_BACKEND),
        next_step=("Check the connection: `curl -sI https://{host}` in a terminal.",
                   "Check the network connection, DNS or VPN, and the backend's :host.",),
        docs=("https://curl.se/docs/manpage.html#EXIT",),
        examples=(
            Example(
                error={
                    "status": "Curl failure",
                    "error": "Curl failed with exit code 6. See Curl manpage for details.",
                },
                backend={"kind": "openai", "host": "api.example.org"},
                request={"use_curl": True},
                source="https://curl.se/docs/manpage.html#EXIT",
            ),
        ),
    ),
    Rule(
        code="NET002",
        name="connection-refused",
        category="network.connection_refused",
        # curl 7 also reports a connect timeout ("Operation timed out"): that is NET004's.
        when=(match(curl=7, proxy=False, not_text=_TIMEOUT_TEXT),
              match(curl=7, proxy=None, not_text=_TIMEOUT_TEXT),
              # axios's ERR_BAD_REQUEST/ERR_BAD_RESPONSE: an HTTP 4xx/5xx came back after all.
              match(text=_REFUSED_TEXT,
                    not_text=f"{_TIMEOUT_TEXT}|err_bad_re(quest|sponse)|curl: \\(28\\)"
                    # Refused by the proxy on the way (NET008).
                    r"|tunnel error|socks\w*connection\b"
                    # A client's wrapper ("Failed to connect to api.anthropic.com: fetch
                    # failed") that kept no cause: NET013 for a local server, else unknown.
                    r"|^(?!.*(?:refused|could(?:n'?t| not) connect to server|errno 111|unreachable"
                    r"|no route))"
                    # ollama-python's "Failed to connect to Ollama", raised for any httpx
                    # ConnectError.
                    r".*(?:fetch failed|failed to fetch|network request failed"
                    r"|failed to connect to ollama"
                    r"|connection error|<class 'httpx\.connecterror'>"
                    # httpx's ConnectError, which keeps no cause either...
                    r"|all connection attempts failed)"
                    # Nor one that kept nothing at all, unless the server is the user's own.
                    r"|" + _BARE_CONNECT,
                    http=None),
              *(match(text=_BARE_CONNECT, http=None, **where) for where in _LOCAL_WHERE),
              # LobeChat's check of an Ollama it cannot reach: "please check whether your
              # ollama service is available or set the CORS rules", with the host it tried.
              *(match(text=r"check whether your ollama service is available", http=None,
                      **where) for where in _LOCAL_WHERE),
              # A plugin's health check of a local server that did not answer
              # (opencode-lmstudio: "LM Studio appears to be offline").
              *(match(text=r"\bappears to be offline\b", http=None, **where)
                for where in _LOCAL_WHERE),
              # Claude Code's retry line names the refusal; its hint on its own timeout
              # setting ("API_TIMEOUT_MS=3000000ms, try increasing it") is no timeout.
              match(text=r"unable to connect to api \((?:connectionrefused|econnrefused)\)",
                    not_text=r"tunnel error|socks\w*connection\b", http=None),
              # ...except at an address of this machine or its network, where nothing
              # listening is what it nearly always means.
              # (requests' "HTTPConnectionPool(host='localhost', port=11434): Max retries
              # exceeded", cut before its cause, is the same.)
              match(text=r"all connection attempts failed|max retries exceeded\W{0,3}$",
                    private=True, http=None),
              # ngrok's own 404 for a tunnel with no agent behind it: "The endpoint
              # abc.ngrok-free.dev is offline. ERR_NGROK_3200".
              match(text=r"\berr_ngrok_3200\b|\bendpoint [\w.-]+\.ngrok[\w.-]* is offline",
                    http=(None, 404))),
        summary="Nothing is listening at {host} (curl {exit}): the server is down, or :host "
        "has the wrong port, or a firewall blocks it.",
        explanation=(
            "curl reached the machine but the connection was refused: no server listens on "
            "that port, or a firewall or missing proxy blocks it."
        ),
        steps=(
            "If this is a local server, start it and check the port in :host.",
            "If it is remote, check the network and whether you need gptel-proxy.",
        ),
        # The port or host lives in the backend's definition.
        fixes=(FixSpec("Test the host from a terminal", "display-only",
                       command="curl -sI {base_url}"), REDEFINE_BACKEND, ASK_PROXY_REMOTE),
        next_step=("Test the host from a terminal: `curl -sI {base_url}`.",
                   "If this is a local server, start it and check the port in :host.",),
        docs=("https://curl.se/docs/manpage.html#EXIT",),
        examples=(
            Example(
                error={
                    "status": "Curl failure",
                    "error": "Curl failed with exit code 7. See Curl manpage for details.",
                },
                backend={"kind": "openai", "host": "192.168.1.20:8080"},
                request={"use_curl": True},
                source="https://curl.se/docs/manpage.html#EXIT",
            ),
        ),
    ),
    Rule(
        code="NET003",
        name="local-server-not-running",
        category="network.connection_refused",
        when=(
            match(curl=7, provider=_LOCAL_SERVERS),
            match(gptel="no_response", local=True, provider=_LOCAL_SERVERS),
            # A status in the message means the server did answer (Ollama's 500 for a
            # runner that did not come up quotes the runner's refused health check).
            # A client's words for a server on a public host ("Failed to connect to Ollama"
            # for one behind a reverse proxy) do not say nothing listens: NET017's.
            match(text=_REFUSED_TEXT, provider=_LOCAL_SERVERS, http=None, public=False,
                  # curl's "(28) Failed to connect ... after 21069 ms" is its timeout.
                  # Nor Go's "proxyconnect tcp: ... refused": the proxy's port (NET008).
                  not_text=f"{_TIMEOUT_TEXT}|{_DNS_TEXT}|{_GO_PROXY_CONNECT}|rpc error"
                  r"|curl: \(28\)"),
            # A client's own words for a local Ollama it could not reach ("Ollama connection
            # failed. Please check URL and Model.").
            match(text=r"ollama connection failed", provider=_LOCAL_SERVERS, http=None,
                  public=False),
            match(text=r"is (it|lm studio|ollama) running|not reachable at"
                  # ellmer: "Can't find locally running ollama."
                  r"|can'?t find locally running"
                  # Codex CLI's --oss check: "No running Ollama server detected".
                  r"|no running ollama server detected"
                  # The Ollama CLI, for a server it started that never came up: "ollama
                  # server not responding - timed out waiting for server to start".
                  r"|server not responding - timed out waiting for server to start"
                  r"|typo in the url or port",
                  # Not a name that does not resolve, asked "Is it running?" after it
                  # ("Name or service not known (llama-server:7474)  Cannot reach
                  # llama-server. Is it running?": StartupHakk/OpenMonoAgent.ai).
                  not_text=_DNS_TEXT,
                  provider=_LOCAL_SERVERS, http=None),
        ),
        summary=(
            "{provider} is not running at {host}: nothing answered there."
        ),
        explanation=(
            "The connection to {host} was refused: nothing listens there. For a local model "
            "server this almost always means it is not started, or it listens on another "
            "port than the one in the backend's :host."
        ),
        steps=(
            "Start the server: `{start_command}`.",
            "Check that the port in :host ({host}) is the one the server listens on.",
        ),
        fixes=(FixSpec("Start the server", "display-only", command="{start_command}"),
               REDEFINE_BACKEND),
        docs=("https://github.com/ollama/ollama/blob/main/docs/faq.md",),
        examples=(
            Example(
                error={
                    "status": "Curl failure",
                    "error": "Curl failed with exit code 7. See Curl manpage for details.",
                },
                backend={"kind": "ollama", "host": "localhost:11434"},
                request={"use_curl": True},
                source="https://github.com/karthink/gptel/issues/328",
            ),
        ),
    ),
    Rule(
        code="NET004",
        name="request-timed-out",
        category="network.timeout",
        when=(match(curl=28), match(text=_TIMEOUT_TEXT,
                                    # A client's hint naming its own setting is no timeout.
                                    not_text=r"llama runner|should be used inside a task"
                                    r"|api_timeout_ms="
                                    # A model the server had not loaded, with a hint to
                                    # wait longer: its load.
                                    r"|" + MODEL_NOT_LOADED +
                                    # Cloudflare's 522 is its page between it and the
                                    # origin (RESP004); only its 524 is a timeout.
                                    r"|cloudflare-5xx-errors/error-52[0-3]"
                                    # A client's guess between two ("Deploy ... failed or
                                    # timeout") names neither.
                                    r"|\bfailed or time(?:d )?out\b"
                                    # The provider fetching an image URL the request named
                                    # ("Timeout while downloading https://...", DashScope's
                                    # "Download the media resource timed out"): a refused
                                    # value, not this request's connection.
                                    r"|timeout while downloading"
                                    r"|download the media resource timed out")),
        summary="The request to {host} timed out (curl {exit}): the network is slow or blocked, or "
        "the model took too long to answer.",
        explanation=(
            "No complete answer arrived in time. gptel itself only gives up after two hours "
            "of silence, so a curl timeout usually comes from a --max-time or "
            "--connect-timeout in gptel-curl-extra-args or the backend's :curl-args; with a "
            "slow local model the first token can take minutes."
        ),
        steps=(
            "Check the network, or whether a VPN or proxy is needed.",
            "If you set --max-time in gptel-curl-extra-args, raise it.",
            "For long answers, keep streaming on so that text arrives as it is made.",
        ),
        # With no proxy, one may be what is missing; through one, the proxy may be what does
        # not answer: each fix is offered only when its proxy is known.
        fixes=(ASK_PROXY_REMOTE, PROXY_OFF, _PAST_ENV_PROXY),
        next_step=("Check the network, or whether a VPN or proxy is needed.",),
        docs=("https://curl.se/docs/manpage.html#EXIT",),
        examples=(
            Example(
                error={
                    "status": "Curl failure",
                    "error": "Curl failed with exit code 28. See Curl manpage for details.",
                },
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"use_curl": True},
                source="https://curl.se/docs/manpage.html#EXIT",
            ),
        ),
    ),
    Rule(
        code="NET005",
        name="tls-handshake-failed",
        category="network.tls",
        # Not curl 16, "Error in the HTTP2 framing layer": an answer cut off (NET009).
        when=(match(curl=(35, 4)),
              # Node's code too: "ERR_SSL_WRONG_VERSION_NUMBER" (reports-fj).
              match(text=r"ssl_error|wrong.version.number|handshake failure|tls handshake"
                    r"|ssl connect error|sslv3[ _]alert|ssl/tls alert"
                    # Go's TLS client, for a record that failed its integrity check (often a
                    # middlebox rewriting the stream): "remote error: tls: bad record MAC".
                    r"|tls: bad record mac"
                    r"|unsupported protocol.{0,20}tls"
                    r"|sslerror|ssleof|eof occurred in violation of protocol"
                    r"|secure connection|ssl routines"
                    # Node, when the socket closes mid-handshake; .NET's words; curl_cffi's
                    # BoringSSL.
                    r"|before secure tls connection was established"
                    r"|ssl connection could not be established|remote party sent a tls alert"
                    # Java's: javax.net.ssl.SSLHandshakeException, "Received fatal alert:
                    # handshake_failure", "Remote host terminated the handshake"; rustls's
                    # "received fatal alert: BadRecordMac" (Zed).
                    r"|sslhandshakeexception|received fatal alert"
                    r"|remote host terminated the handshake"
                    # Java's plain SocketException when the reset came while it read the
                    # handshake ("Connection reset ... at sun.security.ssl.SSLSocketImpl.
                    # readHandshakeRecord"), as curl 35 says "reset by peer" after SSL_connect.
                    r"|connection reset[\s\S]{0,2000}sslsocketimpl\.(?:readhandshakerecord"
                    r"|starthandshake)"
                    r"|boringssl ssl_connect"
                    # curl's Schannel and apps' own words: "SSL/TLS connection failed".
                    r"|ssl/tls connection failed"
                    # Firefox's and Zotero's NSS: the peer closed during the handshake.
                    r"|pr_end_of_file_error|pr end of file error"
                    # Chromium/Electron, when the server asks for a client certificate.
                    r"|err_ssl_client_auth_cert_needed"
                    # Chromium's for a handshake it could not complete (Copilot Chat: "Error
                    # Code: net::ERR_SSL_PROTOCOL_ERROR").
                    r"|err_ssl_protocol_error"
                    # mbedTLS (ESP-IDF): "mbedtls_ssl_setup returned -0x7F00".
                    r"|mbedtls_ssl_\w+ returned"
                    # Windows' Schannel, SEC_E_ILLEGAL_MESSAGE (0x80090326) as Rust's
                    # std::io::Error prints it: a handshake message it could not read.
                    r"|os error -2146893018"
                    # .NET's SslStream over Schannel (0x80090326, SEC_E_ILLEGAL_MESSAGE).
                    r"|0x80090326|system\.security\.authentication\.authenticationexception"
                    # iOS's NSURLError -1200 in Chinese ("发生了 SSL错误，无法建立与该服务器的
                    # 安全连接": ClarenceDan/chatGPT-Siri-Pro) and in English.
                    r"|ssl错误|无法建立与该服务器的安全连接|an ssl error has occurred"
                    # A client's own bare "SSL Error" (tinyOpenAI: "SSL Error, Please using:
                    # pip install certifi --upgrade").
                    r"|\bssl error\b"
                    # Go's net/http, for a plain-HTTP answer from a provider's own host: a
                    # proxy or middlebox answered the handshake (ENDP003 takes the rest).
                    r"|" + PLAIN_ANSWER_TO_TLS,
                    # Go's "net/http: TLS handshake timeout": no answer in time (NET004).
                    # Nor Apple's App Transport Security refusing plain http: nothing was
                    # sent (CONF003).
                    not_text=r"tls handshake timeout|app transport security")),
        summary="The TLS handshake with {host} failed (curl {exit}): a proxy that inspects "
        "HTTPS, an old TLS library, or a plain-HTTP server behind https.",
        explanation=(
            "curl connected but could not set up an encrypted connection. Usual causes: a "
            "corporate proxy or antivirus that intercepts HTTPS; an outdated curl or TLS "
            "library; or a local server that speaks plain HTTP while the backend says "
            ":protocol \"https\" (local servers usually need :protocol \"http\")."
        ),
        steps=(
            "For a local server, make the backend use `:protocol \"http\"`.",
            "Run `curl -v https://{host}` in a terminal to see the handshake.",
            "Behind a corporate proxy, set gptel-proxy, or upgrade curl.",
        ),
        # A handshake cut short on the way to a public host is often a network that blocks
        # it: a proxy is then the way round.
        fixes=(FixSpec("See the handshake", "display-only", command="curl -v https://{host}"),
               BACKEND_FORM_PLAIN, ASK_PROXY_REMOTE),
        next_step=("If {host} is your own server, it likely speaks plain HTTP: redefine the "
                   "backend as {backend_form_plain}",
                   "Run `curl -v https://{host}` in a terminal to see the handshake.",
                   "For a local server, make the backend use `:protocol \"http\"`.",),
        docs=("https://curl.se/docs/sslcerts.html",),
        examples=(
            Example(
                error={
                    "status": "Curl failure",
                    "error": "Curl failed with exit code 35. See Curl manpage for details.",
                },
                backend={"kind": "openai", "host": "localhost:8080", "protocol": "https"},
                request={"use_curl": True},
                source="https://curl.se/docs/manpage.html#EXIT",
            ),
        ),
    ),
    Rule(
        code="NET006",
        name="certificate-not-trusted",
        category="network.tls",
        when=(match(curl=(60, 51, 77, 83, 90, 91)),
              match(text=r"certificate (verify|verification) failed|ssl certificate problem"
                    # Node and Bun: the certificate names another host.
                    r"|err_tls_cert_altname_invalid"
                    r"|self.signed.cert|unable to get local issuer|certificate has expired"
                    r"|unable_to_verify_leaf_signature|unable_to_get_issuer_cert|cert_has_expired"
                    # Bun's code: "Unable to connect to API
                    # (UNKNOWN_CERTIFICATE_VERIFICATION_ERROR)".
                    r"|certificate_verification_error|depth_zero_self_signed_cert"
                    r"|cafile|ca cert|certificate_verify_failed|x509|sslcertverificationerror"
                    # Go's crypto/tls: "tls: failed to verify certificate", and x509's words
                    # when a client drops the "x509:" before them.
                    r"|tls: failed to verify|certificate signed by unknown authority"
                    # rustls: "InvalidCertificate(Expired...)", "InvalidCertificate(UnknownIssuer)".
                    r"|invalidcertificate\("
                    # rustls as a Rust client words it: "error trying to connect: invalid
                    # certificate: UnknownIssuer".
                    r"|invalid certificate: (?:unknownissuer|expired|notvalidforname)"
                    r"|unable to find valid certification path|invalid peer certificate"
                    # Java's PKIX validator, when a client quotes only its first words.
                    r"|pkix path building failed"
                    r"|unable to get issuer certificate|sslpeerunverifiedexception"
                    r"|hostname [\w.-]+ not verified"
                    # curl's verbose lines when the certificate names another host.
                    r"|no alternative certificate subject name matches"
                    # libcurl's strerror for CURLE_PEER_FAILED_VERIFICATION (60), as a C++
                    # client prints it (olrea/openai-cpp#11).
                    r"|ssl peer certificate or ssh remote key was not ok"
                    # Node's ERR_TLS_CERT_ALTNAME_INVALID.
                    r"|does not match certificate'?s altnames"
                    # Windows' Schannel, when it cannot check the certificate's revocation.
                    r"|unknown certificate verification error"
                    r"|crypt_e_no_revocation_check|crypt_e_revocation_offline"
                    # OpenSSL's verify results, as Node and others quote them.
                    r"|unable to verify (the )?first certificate|certificate is not yet valid"
                    # A reporter's paraphrase of Node's words: "unable to connect to the first
                    # certificate".
                    r"|unable to \w+ to the first certificate"
                    r"|certificate signature failure|depth_zero_self_signed_cert"
                    # Chromium and Electron: net::ERR_CERT_AUTHORITY_INVALID,
                    # ERR_CERT_DATE_INVALID; Windows' "The required certificate expired";
                    # BouncyCastle's TlsFatalAlert while checking the server's chain.
                    r"|\berr_cert_[a-z_]+|required certificate expired"
                    r"|certificate_unknown\(46\)|checkservertrusted")),
        summary="curl does not trust {host}'s certificate (curl {exit}): a self-signed or "
        "corporate certificate; add its CA with --cacert.",
        explanation=(
            "The server's certificate could not be verified with the CA certificates curl "
            "knows. This happens with a self-signed certificate on a local server, behind a "
            "corporate proxy that re-signs HTTPS, or when the system's CA bundle is missing."
        ),
        steps=(
            "Get the CA certificate (from your IT department, or the local server's "
            "configuration) and add it: (setq gptel-curl-extra-args '(\"--cacert\" "
            "\"/path/to/ca.pem\")).",
            "For a local server you trust, the backend may use `:curl-args '(\"--insecure\")`.",
        ),
        # A proxy that re-signs HTTPS fails this check: turning it off tells.
        fixes=(ASK_CACERT, PROXY_OFF),
        next_step=("Give curl the CA certificate: apply the fix (M-x gptel-diagnose-apply-fix "
                   "asks for the file).",),
        docs=("https://curl.se/docs/sslcerts.html",
              "https://github.com/karthink/gptel#open-webui"),
        examples=(
            Example(
                error={
                    "status": "Curl failure",
                    "error": "Curl failed with exit code 60. See Curl manpage for details.",
                },
                backend={"kind": "openai", "host": "llm.corp.example:8443"},
                request={"use_curl": True},
                source="https://github.com/karthink/gptel/issues/1234",
            ),
        ),
    ),
    Rule(
        code="NET023",
        name="ollama-registry-certificate",
        category="network.tls",
        # Ollama pulling a model from its registry, and the machine it runs on not trusting the
        # registry's certificate ("pull model manifest: Get \"https://registry.ollama.ai/v2/
        # ...\": tls: failed to verify certificate: x509: certificate signed by unknown
        # authority"): Ollama's own connection, not curl's, so --cacert in Emacs changes nothing.
        when=match(text=r"pull model manifest.{0,300}(?:" + GO_CERTIFICATE_REFUSED + ")"),
        summary="Ollama could not pull the model: the machine it runs on does not trust the "
        "certificate of Ollama's registry (a network that re-signs HTTPS, or no CA bundle "
        "there). gptel's own connection is fine.",
        explanation=(
            "Ollama downloads models from its registry (registry.ollama.ai) itself. That "
            "download failed the certificate check on the machine or container Ollama runs "
            "in: a company network or security tool that re-signs HTTPS, a missing CA bundle "
            "in a container image, or a stale /etc/hosts entry pointing the registry's name "
            "elsewhere. curl and Emacs are not part of this connection."
        ),
        steps=(
            "On the machine or container that runs Ollama, add your network's CA certificate "
            "to the system's trust store (in a Docker image: install ca-certificates and copy "
            "the CA in), then restart Ollama.",
            "Check /etc/hosts there for an old entry for registry.ollama.ai.",
            "Then pull the model again: `ollama pull NAME`.",
        ),
        next_step=("Add your network's CA certificate to the trust store of the machine that "
                   "runs Ollama, restart it, and pull the model again.",),
        docs=("https://github.com/ollama/ollama/blob/main/docs/faq.md",),
        examples=(
            Example(
                error={"error": "pull model manifest: Get \"https://registry.ollama.ai/v2/"
                       "library/mixtral/manifests/latest\": tls: failed to verify "
                       "certificate: x509: certificate signed by unknown authority"},
                backend={"kind": "ollama", "host": "localhost:11434"},
                request={"model": "mixtral"},
                source="https://github.com/ollama/ollama/issues/1798",
            ),
        ),
    ),
    Rule(
        code="NET020",
        name="no-answer-old-gptel-curl",
        category="network.connection_refused",
        # gptel before 0.9.9.5 did not check curl's exit status: when curl got no answer
        # (refused, a name that does not resolve, TLS, a proxy, a timeout), gptel found no
        # headers and said "Could not parse HTTP response", its status curl's write-out
        # marker with a header size of 0 ("((e82a... . 0))").  Seen with gptel 0.9.8 and
        # curl against a host that does not resolve and one that refused TLS.
        when=(match(gptel="no_response", use_curl=True),
              match(gptel="no_response", text=r"\(\(?[0-9a-f]{32} \. 0\)")),
        summary="No HTTP answer from {host}: curl could not reach it (the server down, a wrong "
        ":host or port, a name that does not resolve, TLS or a proxy), and this gptel, older "
        "than 0.9.9.5, does not pass on curl's reason.",
        explanation=(
            "gptel ran curl, and curl ended without any HTTP answer. gptel before 0.9.9.5 did "
            "not look at curl's exit status, so it reports only \"Could not parse HTTP "
            "response\": a refused connection, a host name that does not resolve, a "
            "certificate problem, a proxy and a timeout all read the same. Newer gptel "
            "reports \"Curl failed with exit code N\", which gptel-diagnose explains."
        ),
        steps=("Copy the request with M-x gptel-diagnose-copy-curl and run it in a "
               "terminal: curl prints why it got no answer.",
               "Check that the server at {host} is up and that :host has the right port.",
               "Upgrade gptel (M-x package-upgrade RET gptel): from 0.9.9.5 on it reports "
               "curl's exit code."),
        next_step=("Copy the request with M-x gptel-diagnose-copy-curl and run it in a "
                   "terminal: curl prints why it got no answer.",),
        next_step_finds_out=True,
        fixes=(COPY_CURL, UPGRADE_GPTEL),
        docs=("https://curl.se/docs/manpage.html#EXIT",),
        examples=(
            Example(
                error={"status": "((b370b4c7eb89774405710c9950ded5f8 . 0)) Could not parse "
                       "HTTP response.", "error": "Could not parse HTTP response."},
                backend={"kind": "openai", "host": "api.example.com"},
                request={"use_curl": True, "gptel_version": "0.9.8"},
                source="https://github.com/karthink/gptel/blob/v0.9.8/gptel-curl.el",
            ),
        ),
    ),
    Rule(
        code="NET007",
        name="no-http-response",
        category="network.connection_refused",
        # url.el's own words when no HTTP response came back at all ("Could not parse HTTP
        # response" as gptel records it, "parse HTTP response code in odd buffer").
        when=match(gptel="no_response"),
        summary="No HTTP answer from {host}: the connection failed (server down, wrong :host or "
        "port, or no network). curl would tell exactly why.",
        explanation=(
            "gptel used Emacs's built-in url-retrieve (gptel-use-curl is nil), which got no "
            "HTTP response at all and reports only \"Could not parse HTTP response\". The "
            "connection was refused, the name did not resolve, or the network is down. gptel "
            "with curl reports the precise reason as an exit code."
        ),
        steps=(
            "Check that the server at {host} is up and that :host has the right port.",
            "Use curl for a precise reason: (setq gptel-use-curl t), then resend (gptel "
            "before 0.9.9.5 does not pass curl's reason on: copy the request with M-x "
            "gptel-diagnose-copy-curl and run it instead).",
        ),
        fixes=(FixSpec("Use curl: gptel 0.9.9.5 and newer then report why a connection "
                       "fails", "safe",
                       variable="gptel-use-curl", value="t"),),
        docs=("https://github.com/karthink/gptel#faq",),
        examples=(
            Example(
                error=URL_RETRIEVE_NO_RESPONSE,
                backend={"kind": "openai", "host": "api.example.com"},
                request={"use_curl": False},
                source="https://github.com/karthink/gptel/blob/master/gptel-request.el",
            ),
        ),
    ),
    Rule(
        code="NET018",
        name="company-web-gateway-page",
        category="network.proxy",
        # A page of a company's secure web gateway in place of the API's answer ("Internet
        # Security by Zscaler"), a proxy configured in Emacs or not: the gateway answered for
        # a site its policy stops, and the provider never saw the request.
        when=match(gateway_page=True),
        summary="A company web gateway on your network answered with its own page instead of "
        "{provider}: it stopped the request to {host}.",
        explanation=(
            "The answer was a page of a secure web gateway (Zscaler, Forcepoint, Netskope, Blue "
            "Coat, FortiGuard, Cisco Umbrella), which companies put between their network and "
            "the internet. It answers for sites its policy blocks or has not allowed yet, so "
            "the provider never saw the request. This happens whether or not Emacs is set to "
            "use a proxy."
        ),
        steps=("Ask your network's administrators to allow {host} through the gateway (AI "
               "services are often blocked as a category).",
               "To confirm, copy the request as a curl command (M-x gptel-diagnose-copy-curl) "
               "and run it from another network.",),
        next_step=("Ask your network's administrators to allow {host} through the web "
                   "gateway.",),
        fixes=(COPY_CURL,),
        # What such a page is: a gateway's answer for a URL its category rules restrict.
        docs=("https://docs.paloaltonetworks.com/pan-os/9-1/pan-os-admin/url-filtering/"
              "url-filtering-response-pages.html",),
        examples=(
            Example(
                error={"error": "<html>\n<head>\n<meta name=\"description\" content=\"Zscaler "
                       "makes the internet safe for businesses by protecting their employees "
                       "from malware, viruses, and other security threats.\">\n"
                       "<title>Internet Security by Zscaler</title>"},
                backend={"kind": "copilot", "host": "api.githubcopilot.com"},
                source="https://github.com/microsoft/vscode-copilot-release/issues/8852",
            ),
        ),
    ),
    Rule(
        code="NET008",
        name="proxy-failed",
        category="network.proxy",
        when=(
            match(curl=(5, 97)),
            match(curl=(7, 56), proxy=True),
            # A gateway's 5xx around its failed call upstream, through the configured proxy.
            match(proxied=True, http=(500, 502, 503, 504), text=_UPSTREAM_UNREACHED,
                  not_text=_CONNECT_REASON),
            # The name that does not resolve is the proxy's own ("proxyconnect tcp: dial tcp:
            # lookup host.docker.internal ...: no such host").
            match(names_proxy=True, curl=6),
            match(names_proxy=True, text=_DNS_TEXT),
            # A name with "proxy" in it that does not resolve, when it is not the backend's
            # own: a relay its owner named "openai-proxy" is the host (NET001's).
            # (Not Copilot's own copilot-proxy.githubusercontent.com.)
            match(text=r"(?:enotfound|could not resolve host:?) (?!copilot-proxy\.)\S*proxy",
                  not_host=r"proxy"),
            # A proxy from any source (gptel-proxy, curl arguments, the environment) and a
            # failure a proxy causes: a reset, a refused or broken TLS tunnel, or its own page.
            match(curl=(7, 35, 52, 55, 56), proxied=True, local=False),
            match(html=True, proxied=True, http=(None, 200, 403, 502, 503, 504)),
            match(local=True, proxied=True, http=(502, 504)),
            # A bare 502 or 504 through a proxy, with no word of the provider's: the proxy's
            # (LABELING.md, a failure through a configured proxy).
            match(proxied=True, http=(502, 504), reasonless=True),
            # OkHttp's "unexpected end of stream on https://..." is curl's empty reply (52).
            match(proxied=True, local=False,
                  text=f"{_RESET_TEXT}|recv failure|ssl_error_syscall"
                  r"|unexpected end of stream on "
                  # A handshake the proxy cut short (LABELING.md: through a proxy, the proxy).
                  r"|eof occurred in violation of protocol|ssleoferror"
                  r"|before secure tls connection was established"
                  # Go's net/http, for a handshake the proxy stalled or refused.
                  r"|tls handshake timeout|remote error: tls: handshake failure"
                  # Apple's URL loading system (-1200), in English and Chinese: "An SSL error
                  # has occurred and a secure connection to the server cannot be made".
                  r"|an ssl error has occurred and a secure connection|发生ssl错误"
                  # OpenSSL's "ssl3_get_record:wrong version number": TLS spoken to the plain
                  # HTTP port of a proxy that did not tunnel it.
                  r"|\bwrong version\s+number\b"),
            # OkHttp failing in the CONNECT it sends an HTTP proxy: the proxy is in the trace
            # even when the configuration is not shown ("unexpected end of stream on
            # unknown ... at okhttp3.internal.connection.RealConnection.createTunnel").
            match(text=r"realconnection\.(?:create|connect)tunnel\b"),
            # A plain HTTP proxy handed a TLS handshake (an https:// proxy URL for an http
            # proxy port): Go's HTTP server, as in v2ray or Xray, quotes the ClientHello.
            match(proxied=True, text=r'malformed http request "\\x16\\x03'),
            # With a proxy set, the client's only connection is to the proxy: a refusal is
            # the proxy's port (a proxy that cannot reach the server answers 502 instead).
            # Not a certificate the client does not trust ("Failed to connect to HOST:
            # UNABLE_TO_GET_ISSUER_CERT_LOCALLY"): an inspecting proxy's CA, NET006's.
            match(text=_REFUSED_TEXT, proxy=True,
                  not_text=f"{_TIMEOUT_TEXT}|certificate|unable_to_get_issuer"),
            # A proxy from the environment whose own address refused: it is not running.
            match(text=_REFUSED_TEXT, names_proxy_address=True),
            # A client's bare "Connection error." or "fetch failed" through a proxy: the only
            # connection it made was to the proxy (LABELING.md), so whatever failed (the
            # proxy's port, its name, the tunnel it opens) is the proxy's.  Not a timeout or
            # a certificate: those name their cause.
            match(text=WRAPPER_TEXT, not_text=_WRAPPER_NOT_TEXT, http=None, proxied=True),
            match(http=407),
            # The same refusal in words, where no status came (the Copilot CLI: 'Post
            # "https://api.githubcopilot.com/...": Proxy Authorization Required').
            match(text=r"proxy authori[sz]ation required"),
            # A connect that timed out with a proxy configured: the connection to the proxy,
            # or its CONNECT, never came (LABELING, stop 56): aiohttp's "timeout connecting
            # to", curl's "Connection timed out after N milliseconds" (a connect timeout;
            # a read timeout says "Operation timed out").
            # Node's for the same: "FetchError: connect ETIMEDOUT 140.82.121.5:443".
            match(proxied=True, text=r"timeout connecting to|connection timed out after \d+ milli"
                  r"|\bconnect etimedout\b"),
            # AstrBot's own words beside the proxy it used ("可能为代理原因，请检查代理是否正常。
            # 当前代理: http://…"): LABELING's wrapper with a proxy shown.
            match(proxied=True, text=r"可能为代理原因|请检查代理是否正常"),
            # Chromium's (Cursor, VS Code), for a proxy it could not reach: "Failed to
            # establish a socket connection to proxies: PROXY 127.0.0.1:64674".
            match(text=r"failed to establish a socket connection to proxies"),
            # Through a proxy that authenticates by Kerberos (Negotiate), a missing ticket:
            # "No Kerberos credentials available".  The proxy's login, not the provider's key.
            match(proxied=True, text=r"no kerberos credentials"),
            # A proxy that answers names with its own fake addresses (Clash's or Surge's
            # fake-ip, 198.18.0.0/15) trips a client's guard against private addresses
            # (OpenClaw: "Blocked hostname or private/internal/special-use IP address").
            match(proxied=True, text=r"private/internal/special-use ip address"),
            # Squid's own error page ("<!-- ERR_ACCESS_DENIED -->", header X-Squid-Error): the
            # proxy answered, whatever the host asked for.
            match(text=r"<!-- err_[a-z_]+ -->|x-squid-error"),
            match(text=r"proxy authentication required|from proxy after connect|proxy-negotiate"
                   # "proxy" that starts a word ("ProxyError" too), not the end of a name an
                   # app gave one of its parts ("[CoworkProxy] Upstream fetch error").
                   # A proxy's failure in so many words; not a log's "proxyUrl" near an error,
                   # nor a local router (CC Switch) reporting its upstream's failure.
                   r"|could not resolve proxy"
                   # CC Switch's router, for the proxy it was set to use: "请求转发失败: Proxy TCP
                   # connect failed: Connection refused".
                   r"|proxy tcp connect failed"
                   r"|" + PROXY_CONNECT_STATUS +
                   r"|(?<![a-z])proxy(?: server| connection|_?error)?\W{0,3}(refused|failed|error"
                   # node-fetch through a SOCKS proxy that never answered: "reason: Proxy
                   # connection timed out" (Chanzhaoyu/chatgpt-web#1009).
                   r"|timed out)"
                   r"(?! while handling)(?!\W{1,3}the upstream api returned an empty)"
                   r"|authenticate with (the )?proxy|socks\d?h? ?connect"
                   r"|response code for connect|connect tunnel failed|tunnel connection failed"
                   # Node's tunnel agent and Chromium, when the CONNECT through the proxy fails;
                   # a proxy's own name that does not resolve.
                   r"|tunneling socket could not be established|err_tunnel_connection_failed"
                   # httpx, for a proxy URL that is empty or has no scheme.
                   r"|unknown scheme for proxy url"
                   # Bun (Claude Code), for a socks5:// proxy it cannot use.
                   r"|unsupportedproxyprotocol"
                   # Kerberos (SPNEGO) to the proxy failed: JetBrains' "Unspecified GSS
                   # failure ... Ticket expired".
                   r"|unspecified gss failure"
                   # https-proxy-agent, when the proxy hangs up on the CONNECT.
                   r"|proxy connection ended before receiving connect response"
                   r"|err_proxy_connection_failed"
                   # Go's net/http, for the connection to the proxy ("proxyconnect tcp: dial tcp
                   # 127.0.0.1:1080: connectex: No connection could be made ..."): NET003
                   # leaves it here.
                   r"|" + _GO_PROXY_CONNECT + r"|dns_unresolved_hostname|invalid socks proxy"
                   # reqwest built without a proxy scheme's feature ("unknown proxy scheme");
                   # .NET's "The SOCKS proxy details are invalid" in Chinese.
                   r"|unknown proxy scheme|无效的 ?socks ?代理"
                   # requests without PySocks, for a socks5:// proxy it was given.
                   r"|missing dependencies for socks support"
                   # reqwest's failed CONNECT ("tunnel error: failed to create underlying
                   # connection"); urllib3's SOCKS connection that the proxy refuses.  Not
                   # Cloudflare's "Argo Tunnel error" page (1033, 530), now "Cloudflare Tunnel
                   # error" (xingandai0-netizen/hermes-backup's cron log): its tunnel to the
                   # origin.
                   r"|(?<!argo )(?<!cloudflare )tunnel error"
                   r"|socks\w*connection\b.{0,200}(connection refused|errno 111)"
                   # aiohttp, when the proxy answers its CONNECT with an error status.
                   r"|clienthttpproxyerror"
                   # requests/aiohttp, ignoring an https:// proxy URL they cannot use.
                   r"|https proxies .{0,60}are not supported"
                   # httpx with a SOCKS proxy and no socksio; openai-python's bad proxy URL.
                   r"|using socks proxy, but|check proxy url"
                   # A proxy that names itself in its status line.
                   r"|internal privoxy error|proxy was unable to connect"
                   # Squid's error page, whatever it failed to reach.
                   r"|the system returned:|\(squid/[\d.]+\)"
                   r"|the following error was encountered while trying to retrieve the url"
                   # Another forward proxy's page in the same words ("While trying to retrieve
                   # the URL: ... The content could not be delivered due to the following
                   # condition"), a company network's for a host on its own intranet.
                   r"|while trying to retrieve the url\W[\s\S]{0,600}could not be delivered"
                   # Copilot's client, for an answer a TLS-inspecting proxy made up.
                   r"|response does not appear to originate from github"
                   # ESP-IDF's proxy tunnel; urllib3 given an https:// proxy it cannot speak
                   # TLS to ("check_hostname requires server_hostname").
                   r"|over proxy tunnel|check.?hostname requires server.?hostname",
                  # A relay called an "API proxy", or LiteLLM's proxy refusing its own key.
                  # Nor a reverse proxy (SillyTavern's name for a relay) passing on its
                  # upstream's status or timeout: "Proxy error 406:  (unk)", "Proxy Error (HTTP
                  # 400 Bad Request)", "Proxy error: connection timed out": the status or the
                  # timeout decides.
                  not_text=r"api proxy|proxy server token|authenticationerror"
                  r"|proxy error\W{0,3}(?:\(http )?\d{3}\b"
                  r"|proxy error: (?:connection|the operation) timed out"
                  # Go's reverse proxy, its upstream slow to answer ("peer proxy error:
                  # net/http: timeout awaiting response headers").
                  r"|proxy error: net/http: timeout awaiting"),
        ),
        summary="The request failed at the proxy (curl {exit}{status_clause}): check "
        "{proxy_where}, its address and credentials.",
        explanation=(
            "gptel goes through the proxy in gptel-proxy (with curl, adding --proxy-negotiate "
            "and --proxy-user :), and the proxy step failed: its name did not resolve, it "
            "refused the connection, it wants credentials (HTTP 407), or the installed curl "
            "lacks an option gptel passes (SPNEGO for --proxy-negotiate)."
        ),
        steps=("Check gptel-proxy: (setq gptel-proxy \"http://USER:PASSWORD@HOST:PORT\").",
               "Test it: curl -x http://HOST:PORT -sI https://{host}",
               "If curl lacks --proxy-negotiate support, put the proxy in the backend's "
               ":curl-args as (\"--proxy\" \"http://HOST:PORT\") instead of gptel-proxy."),
        next_step=("Test the proxy: `curl -x {proxy_host} -sI https://{host}` in a "
                   "terminal.",),
        # Each context fix is offered only when the proxy it names is known (see
        # `engine.CONTEXT_VALUES`); the first settable one is what the echo line shows.
        fixes=(PROXY_OFF, _PAST_ENV_PROXY,
               FixSpec("Set the proxy (edit the address)", "display-only",
                       variable="gptel-proxy", value="\"http://proxy.example:8080\""),),
        docs=("https://github.com/karthink/gptel/issues/751",
              "https://curl.se/docs/manpage.html#EXIT"),
        examples=(
            Example(
                error={"status": "Curl failure",
                       "error": "Curl failed with exit code 5. See Curl manpage for details."},
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"use_curl": True, "proxy": True},
                source="https://curl.se/docs/manpage.html#EXIT",
            ),
        ),
    ),
    Rule(
        code="NET015",
        name="connection-reset-before-answer",
        category="network.connection_refused",
        # A reset with no HTTP answer at all: nothing was received, so nothing was cut off.
        # Through a proxy, NET008 (before this rule) speaks for it.
        # Not urllib3's "Connection broken:", raised while reading an answer's body.
        when=match(text=_RESET_TEXT, http=None, not_text=r"connection broken:|mid-response"
                   # reqwest reading the body when the reset came: part of an answer.
                   r"|error reading a body from connection|error decoding response body"
                   r"|kind: decode, source: hyper::error\(body"
                   # aiohttp's payload cut short by the reset (ClientPayloadError "Response
                   # payload is not completed ... ConnectionResetError"), a log that shows the
                   # stream's first chunk before it: part of an answer came (NET009).
                   r"|" + _PAYLOAD_CUT_SHORT + r"|received first chunk"),
        summary="The connection to {host} was reset before any answer (curl {exit}): the "
        "server dropped it, or a firewall, VPN or network filter on the way did.",
        explanation=(
            "The other end (or something between) closed the connection with a reset before "
            "an HTTP answer arrived, so the request never got a reply. A local server does "
            "this when it crashes or is not ready; for a remote API it is usually the "
            "network: a firewall, a VPN, antivirus that inspects traffic, or a national "
            "filter that resets connections to some hosts (then only a proxy helps)."
        ),
        steps=("Run `curl -sI {base_url}` in a terminal: a reset there too means the "
               "network path, not gptel.",
               "If this host is blocked on your network, set a proxy: (setq gptel-proxy "
               "\"http://HOST:PORT\").",
               "For a local server, read its log: it may have crashed or still be loading."),
        next_step=("Run `curl -sI {base_url}` in a terminal: a reset there too means "
                   "the network path, not gptel.",
                   "Copy the request with M-x gptel-diagnose-copy-curl and run it in a "
                   "terminal: a reset there too means the network path, not gptel.",),
        next_step_finds_out=True,
        fixes=(FixSpec("Try the host with curl", "display-only",
                       command="curl -sI {base_url}", finds_out=True),),
        docs=("https://curl.se/docs/manpage.html#EXIT",),
        examples=(
            Example(
                error={"error": "curl: (56) Recv failure: Connection reset by peer"},
                backend={"kind": "openai", "host": "localhost:4000", "protocol": "http"},
                source="https://github.com/bytemate/chatapi-single/issues/26",
            ),
        ),
        retryable=True,
        severity="warning",
    ),
    Rule(
        code="NET019",
        name="plain-http-server-closed-the-connection",
        category="response.malformed",
        # NET009's cut-off, on a backend that speaks plain HTTP: curl speaks HTTP/1.1 without
        # TLS there, so HTTP/2 resets and HTTPS-inspecting middleboxes are out, and so is
        # NET009's HTTP/1.1 fix.  Through a proxy, NET008 (before this rule) speaks for it.
        when=match(curl=(18, 52), protocol=r"^http$"),
        summary="{host} closed the connection before the answer was complete (curl {exit}). "
        "Over plain HTTP that is the server itself (a crash or restart, often memory) or a "
        "port that is not the API's, not HTTP/2.",
        explanation=(
            "The backend speaks plain HTTP (:protocol \"http\"), so curl sent HTTP/1.1 with no "
            "TLS: the HTTP/2 stream resets and inspecting proxies that cut HTTPS answers off do "
            "not apply. A server that closes the connection with no answer, or half of one, "
            "has usually crashed or restarted while handling the request (a local model server "
            "that runs out of memory loading the model), or the port belongs to something "
            "other than the API (an HTTPS port, another service)."
        ),
        steps=("Read the server's log for a crash at the time of the request (for Ollama "
               "`journalctl -u ollama`, or the terminal running the server).",
               "Run `curl -v {base_url}` in a terminal: the API should answer it over HTTP.",
               "Resend; if it fails again with a large model, try a smaller model or a "
               "shorter context."),
        next_step=("Read its log (`{log_command}`) for a crash, then resend.",
                   "Read the server's log for a crash, then resend."),
        fixes=(READ_LOG,
               FixSpec("Try the host with curl", "display-only",
                       command="curl -v {base_url}", finds_out=True)),
        docs=("https://curl.se/docs/manpage.html#EXIT",),
        examples=(
            Example(
                error={"status": "Curl failure",
                       "error": "curl: (52) Empty reply from server"},
                backend={"kind": "openai", "host": "localhost:12434",
                         "endpoint": "/engines/v1/models", "protocol": "http"},
                source="https://github.com/docker/model-runner/issues/748",
            ),
        ),
        retryable=True,
        severity="warning",
    ),
    Rule(
        code="NET009",
        name="answer-cut-off",
        category="response.malformed",
        when=(match(curl=(18, 52, 56, 92, 16, 55)),
              # Node's "Premature close" with no status: the body ended early (with one, as a
              # relay's 403 "Invalid response body ...: Premature close", the status speaks).
              # node-fetch's "Invalid response body while trying to fetch ...: Premature close"
              # says the same in RESP001's words.
              match(http=None, text=r"\bpremature close\b", not_text=r"invalid response body"),
              # The same, in a browser engine's words (curl 92).
              match(text=r"err_http2_protocol_error|http/2 stream \d+ was not closed cleanly"
                    # Qt's network stack for the same; OkHttp-style "unexpected end of stream".
                    r"|\bhttp/2 protocol error\b|unexpected end of stream(?! on )"
                    # Codex CLI's words for a Responses stream that ended early.
                    r"|stream disconnected before completion|stream closed before response"
                    # reqwest reading a body the server reset mid-way (HTTP/2 RST_STREAM), or
                    # whose stream broke ("kind: Decode, source: hyper::Error(Body, ... broken
                    # pipe").
                    r"|kind: decode, source: hyper::error\(body"
                    # Claude Code's words; urllib3's for a body that broke while being read.
                    r"|connection closed mid-response|connection broken: \w+error"
                    # Claude Code's for a stream that stalled: "The response stopped arriving.
                    # The response above may be incomplete."
                    r"|the response stopped arriving"
                    # mux's: "Anthropic stream closed unexpectedly".
                    r"|\bstream closed unexpectedly"
                    # Go reading a stream that stopped; zlib's for a body cut short.
                    r"|read stream: unexpected eof|unexpected end of file"
                    # aiohttp, for the same, or its TransferEncodingError alone.
                    r"|" + _PAYLOAD_CUT_SHORT +
                    # httpx, for a body the peer stopped sending.
                    r"|peer closed connection without sending complete message body"
                    # .NET's HttpIOException.
                    r"|response ended prematurely"
                    # requests' ChunkedEncodingError for a chunked stream cut short.
                    r"|connection broken: (?:incompleteread|invalidchunklength)"
                    # Gemini CLI's words; a client that read a stream to its end without the
                    # last chunk ("Stream ended without finish_reason", "SSE stream ended
                    # without [DONE]").
                    r"|incomplete json segment at the end|stream ended with an invalid chunk"
                    r"|stream ended without (?:a )?(?:finish.?reason|\[done\]|terminal event"
                    # The Anthropic SDK's: "Failed parsing Anthropic stream Error: Stream
                    # ended without message_stop event".
                    r"|message_stop)"
                    # The Anthropic TypeScript SDK's MessageStream: "stream ended without
                    # producing a Message".
                    r"|stream ended without producing a message"
                    # Copilot CLI's retry log: "missing finish_reason for choice 0".
                    r"|missing finish_reason for choice"
                    # Node's stream error for a body that ended early, alone or as its code
                    # ("Error: Premature close", {"code": "ERR_STREAM_PREMATURE_CLOSE"}); with
                    # a status, that status says what the server answered.
                    r"|err_stream_premature_close"
                    # A relay whose upstream's stream broke: {"message": "upstream stream
                    # disconnected: unexpected EOF", "type": "stream_read_error"}.
                    r"|stream disconnected: unexpected eof|\bstream_read_error\b"
                    # The same in other clients' words: "OpenAI completions stream closed before
                    # a finish_reason was received", "model stream interrupted after recovery
                    # attempts: unexpected EOF", Cline's "Did not receive done or success
                    # response in stream" (Ollama).
                    r"|stream closed before a finish.?reason"
                    # Gemini CLI's (as AionUi shows it): "Invalid response stream detected
                    # after multiple retries".
                    r"|invalid response stream detected"
                    r"|stream interrupted\b.{0,60}unexpected eof"
                    r"|did not receive done or success response in stream"
                    # Strands on Bedrock: "Stream ended without completing a message"
                    # (aws-samples/sample-multi-agent-orchestration-chat-on-agentcore#8);
                    # Bifrost: "provider closed the stream before sending a completion marker
                    # (upstream connection ended mid-stream)" (maximhq/bifrost#6390).
                    r"|stream ended without completing\b|closed the stream before sending"
                    # uniTerm: "API Error: stream ended without completion".
                    r"|stream ended without completion\b"
                    r"|connection ended mid-stream"
                    # Claude Code's words for a stream reset after its first blocks, and
                    # for one its server ended with an error part-way ("API Error: Server
                    # error mid-response").
                    r"|connection lost mid-response|server error mid-response"
                    # OkHttp's StreamResetException: "stream was reset: INTERNAL_ERROR".
                    r"|stream was reset: \w+"
                    # Node's fetch (undici), when the socket closed while the body was being
                    # read: "TypeError: terminated", "Provider error: terminated".
                    r"|typeerror: terminated\b|\berror: terminated$|^terminated$"
                    # The same as Cline shows it: "UND_ERR_SOCKETterminated {\"message\":
                    # \"terminated\",\"code\":\"UND_ERR_SOCKET\"}".
                    r"|\bund_err_socket\W{0,3}terminated\b"
                    # A gateway's code for an upstream stream cut off (OmniRoute's 502
                    # {"message": "terminated", "code": "stream_terminated"}).
                    r"|\bstream_terminated\b"
                    # OllamaSharp, for a stream with no final item: "did not yield an item with
                    # Done=true. The stream might be corrupted or incomplete."
                    r"|stream might be corrupted or incomplete"
                    # Go's HTTP/2 client, for a stream the server reset part-way with a
                    # protocol error ("stream ID 1; PROTOCOL_ERROR; received from peer"; its
                    # INTERNAL_ERROR is RESP001's).
                    r"|stream id \d+; protocol_error; received from peer"
                    # The Copilot CLI, for a Responses stream that stopped before its last
                    # event ("Stream completed without a response.completed event") or whose
                    # socket closed under it ("Execution failed: terminated").
                    r"|stream completed without a response\.completed"
                    r"|\bexecution failed: terminated$"
                    # A reset logged after the stream's first chunk (Claude Code's debug log:
                    # "Stream started - received first chunk ... Stream connection error
                    # (ECONNRESET)").
                    r"|received first chunk[\s\S]{0,400}(?:econnreset|connection reset)",
                    # Codex's prefix over reqwest's "error sending request for url": the
                    # request never went out, nothing was cut off (NET013's wrapper).
                    # OpenAI's server_error sent inside the stream ("An error occurred while
                    # processing your request. You can retry your request") is the provider's
                    # failure (SRV003), not a cut.
                    # Nor a name that did not resolve, said after Codex's prefix.
                    not_text=r"error sending request for url|you can retry your request"
                    r"|failed to lookup address information")),
        summary="The connection to {host} broke before the answer was complete (curl {exit}): "
        "retry; behind a proxy or with long answers try HTTP/1.1.",
        explanation=(
            "curl got part of an answer (or none) and then the connection closed or reset: a "
            "load balancer's idle timeout, a proxy, an HTTP/2 stream reset, or the server "
            "giving up on a long request."
        ),
        steps=("Resend.",
               "If it keeps happening with long answers, force HTTP/1.1: "
               "(setq gptel-curl-extra-args '(\"--http1.1\")).",),
        fixes=(FixSpec("Use HTTP/1.1", "unsafe", variable="gptel-curl-extra-args",
                       value="'(\"--http1.1\")"),),
        docs=("https://curl.se/docs/manpage.html#EXIT",),
        examples=(
            Example(
                error={"status": "Curl failure",
                       "error": "Curl failed with exit code 18. See Curl manpage for details."},
                backend={"kind": "deepseek", "host": "api.deepseek.com"},
                request={"use_curl": True, "stream": True},
                source="https://api-docs.deepseek.com/quick_start/rate_limit",
            ),
        ),
        retryable=True,
        severity="warning",
    ),
    Rule(
        code="NET010",
        name="too-many-redirects",
        category="endpoint.wrong",
        when=match(curl=47),
        summary="{host} keeps redirecting (curl 47): :host or :endpoint points at a page that "
        "moved, or a captive portal or proxy sends every request elsewhere.",
        explanation=(
            "gptel runs curl with --location, which follows redirects, and curl gave up after "
            "too many. An API answers its endpoint directly; a redirect loop means the URL "
            "gptel builds is not the API's (http instead of https, a missing path), or a "
            "network login page is intercepting requests."
        ),
        steps=("Check the backend's :protocol, :host and :endpoint.",
               "Open https://{host} in a browser: a login page means the network intercepts "
               "requests."),
        fixes=(FixSpec("See where the redirects go", "display-only",
                       command="curl -sIL https://{host}"),),
        next_step=("Open https://{host} in a browser: a login page means the network "
                   "intercepts requests.",
                   "Check the backend's :protocol, :host and :endpoint.",),
        docs=("https://curl.se/docs/manpage.html#EXIT",),
        examples=(
            Example(
                error={"status": "Curl failure",
                       "error": "Curl failed with exit code 47. See Curl manpage for details."},
                backend={"kind": "openai", "host": "llm.example.org", "protocol": "http"},
                request={"use_curl": True},
                source="https://curl.se/docs/manpage.html#EXIT",
            ),
        ),
    ),
    Rule(
        code="NET011",
        name="client-certificate-problem",
        category="network.tls",
        when=match(curl=(58, 59, 53, 66)),
        summary="curl could not use the client certificate or TLS settings given to it (curl "
        "{exit}): check --cert and --key in gptel-curl-extra-args or :curl-args.",
        explanation=(
            "The backend or gptel-curl-extra-args gives curl a client certificate (or TLS "
            "engine or cipher options) that it cannot load or use: a wrong path, a wrong "
            "password, or a format curl's TLS library does not read."
        ),
        steps=("Check the --cert, --key, --engine or --ciphers arguments in "
               "gptel-curl-extra-args and the backend's :curl-args.",),
        fixes=(FixSpec("Show the extra curl arguments", "display-only",
                       command="M-x describe-variable RET gptel-curl-extra-args"),),
        docs=("https://curl.se/docs/manpage.html#EXIT",),
        examples=(
            Example(
                error={"status": "Curl failure",
                       "error": "Curl failed with exit code 58. See Curl manpage for details."},
                backend={"kind": "openai", "host": "llm.corp.example"},
                request={"use_curl": True},
                source="https://curl.se/docs/manpage.html#EXIT",
            ),
        ),
    ),
    Rule(
        code="NET012",
        name="curl-failed",
        category="unknown",
        when=match(curl=tuple(range(1, 256))),
        summary="curl failed with exit code {exit}, which usually means: {curl_meaning}. To "
        "see curl's own message, copy the request with M-x gptel-diagnose-copy-curl "
        "and run it in a terminal.",
        explanation=(
            "gptel runs curl without --show-error, so curl's own explanation is lost and gptel "
            "reports only the number. Exit code {exit} means: {curl_meaning}."
        ),
        steps=("Copy the request as a curl command (M-x gptel-diagnose-copy-curl) and run it "
               "in a terminal: curl prints what went wrong.",),
        fixes=(COPY_CURL,),
        docs=("https://curl.se/docs/manpage.html#EXIT",),
        examples=(
            Example(
                error={"status": "Curl failure",
                       "error": "Curl failed with exit code 23. See Curl manpage for details."},
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"use_curl": True},
                source="https://curl.se/docs/manpage.html#EXIT",
            ),
        ),
    ),
    Rule(
        code="NET013",
        name="connection-failed-without-reason",
        category="network.connection_refused",
        # A client's bare "Connection error." (the OpenAI SDKs' APIConnectionError, LiteLLM,
        # fetch's "Network request failed", reqwest's "error sending request"): no answer
        # came, and the reason was dropped.
        # Only for a model server the user runs (loopback or a private address), where that
        # nearly always means it is not running; from a remote API it may be DNS, a proxy
        # or TLS just as well.
        # A local server's kind counts unless the words name a public host ("Failed to
        # fetch models from https://my.ollama.de"), and not Ollama's own cloud (ollama.com)
        # as :host.
        when=tuple(match(text=WRAPPER_TEXT, not_text=_WRAPPER_NOT_TEXT,
                         http=None, **where)
                   for where in _LOCAL_WHERE),
        summary="No connection to {host}, and the error does not say why: usually the local "
        "model server is not running, or :host has the wrong port; M-x "
        "gptel-diagnose-copy-curl and running it shows curl's reason.",
        explanation=(
            "The request never got an answer: the connection failed before any HTTP status. "
            "The program that showed the error kept only \"connection error\"; curl's own "
            "message (refused, timed out, not resolved, certificate) tells which."
        ),
        steps=("Check that the server at {host} is up and that :host has the right port.",
               "Copy the request as a curl command (M-x gptel-diagnose-copy-curl) and run it "
               "in a terminal: curl prints what went wrong."),
        fixes=(COPY_CURL, REDEFINE_BACKEND),
        docs=("https://curl.se/docs/manpage.html#EXIT",),
        examples=(
            Example(
                error={"error": "APIConnectionError: Connection error."},
                backend={"kind": "openai", "host": "localhost:8000", "protocol": "http"},
                source="https://github.com/vllm-project/vllm/issues/15518",
            ),
        ),
        severity="warning",
    ),
    Rule(
        code="NET017",
        name="connection-failed-without-reason-remote",
        category="unknown",
        # The same bare wrapper for a remote API: DNS, a firewall, a proxy the network needs,
        # TLS and a timeout all read the same (LABELING.md), so not sure; curl's replay says
        # which, and where the API is reachable only through a proxy, gptel-proxy is the way.
        when=(match(text=WRAPPER_TEXT, not_text=_WRAPPER_NOT_TEXT, http=None, private=False),
              match(text=_BARE_CONNECT, http=None, private=False),
              # ollama-python's "Failed to connect to Ollama", raised for any httpx
              # ConnectError: for a local server NET003 says it is not running.
              match(text=r"failed to connect to ollama\b", http=None, public=True,
                    not_text=_TIMEOUT_TEXT + r"|certificate|ssl|tls|resolve|getaddrinfo"
                    r"|refused|errno 111|" + _RESET_TEXT)),
        summary="No connection to {host}, and the error does not say why: usually a name that "
        "does not resolve, a firewall or a proxy your network needs, TLS or a timeout, which "
        "all read the same; M-x gptel-diagnose-copy-curl and running it shows curl's reason.",
        explanation=(
            "The request never got an answer: the connection failed before any HTTP status, "
            "and the program that showed the error kept only its own words for that. curl's "
            "message (not resolved, refused, timed out, certificate) tells which. Where {host} "
            "can be reached only through a proxy, gptel must be told of it."
        ),
        steps=("Copy the request as a curl command (M-x gptel-diagnose-copy-curl) and run it "
               "in a terminal: curl prints what went wrong.",
               "If {host} is reachable from your network only through a proxy, set "
               "gptel-proxy (\"http://HOST:PORT\")."),
        fixes=(COPY_CURL, ASK_PROXY_REMOTE),
        next_step=("Run M-x gptel-diagnose-copy-curl and the command in a terminal: curl says "
                   "why the connection failed.",),
        next_step_finds_out=True,
        docs=("https://curl.se/docs/manpage.html#EXIT",),
        examples=(
            Example(
                error={"error": "Connection error."},
                backend={"kind": "openai", "host": "api.openai.com"},
                source="https://github.com/WeblateOrg/weblate/issues/11868",
            ),
        ),
        severity="warning",
    ),
    Rule(
        code="NET014",
        name="proxy-caught-local-request",
        category="network.proxy",
        # A model server on this machine answers its own errors in JSON; a bare 5xx (or a web
        # page) while a proxy is set is the proxy's: it was sent a request for localhost and
        # could not reach it from where it runs.  A page with 403 is the proxy's refusal
        # (Squid's ERR_ACCESS_DENIED for a request to 127.0.0.1).
        when=(match(local=True, proxied=True, http=(500, 502, 503, 504), reasonless=True,
                    structured=False),
              match(local=True, proxied=True, http=(403, 500, 502, 503, 504),
                    gptel="malformed_json"),
              match(local=True, proxied=True, html=True),
              # A web page read as JSON by the local server's own client (Go's "invalid
              # character '<' looking for beginning of value", from `ollama list` in a
              # container with http_proxy set), the server named by kind, no host shown.
              match(provider=LOCAL_SERVERS, public=False, proxied=True,
                    text=r"invalid character '<' looking for beginning of value")),
        summary="The request to the local server at {host} went through the proxy "
        "({proxy_where}), which answered for it (HTTP {status}): let localhost bypass the "
        "proxy.",
        explanation=(
            "A proxy set for gptel (gptel-proxy, curl arguments or the environment's "
            "http_proxy/https_proxy/all_proxy) also takes requests for localhost unless no_proxy "
            "exempts them. The proxy cannot reach a server on your machine, so it answers with "
            "its own error (often 502 or 503), and the local server never sees the request."
        ),
        steps=("Exempt local addresses from the proxy: (setq gptel-curl-extra-args "
               "'(\"--noproxy\" \"localhost,127.0.0.1\")), or set no_proxy=localhost,127.0.0.1 "
               "in the environment Emacs starts with.",
               "Or turn gptel-proxy off for this backend.",),
        next_step=("Let localhost bypass the proxy: add localhost,127.0.0.1 to no_proxy.",),
        fixes=(FixSpec("Send requests for localhost past the proxy", "unsafe",
                       variable="gptel-curl-extra-args",
                       value="'(\"--noproxy\" \"localhost,127.0.0.1\")"),
               PROXY_OFF,),
        docs=("https://curl.se/docs/manpage.html#noproxy",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 503 Service Unavailable", "http_status": "503",
                       "error": "503 Server Error: Service Unavailable for url: "
                       "http://localhost:11434/v1/models"},
                backend={"kind": "ollama", "host": "localhost:11434", "protocol": "http"},
                request={"proxy": True, "proxy_host": "127.0.0.1:8889"},
                source="https://github.com/shinnpuru/VoiceTransl/issues/32",
            ),
        ),
    ),
    Rule(
        code="ENDP003",
        name="https-to-a-plain-http-server",
        category="endpoint.wrong",
        # The TLS client read a plain-HTTP answer where a handshake should be: OpenSSL's
        # "wrong version number", NSS's "record too long".  From a server on this machine
        # that is a wrong :protocol, not a broken network.
        when=(match(local=True, text=TLS_READ_PLAIN),
              # Go's net/http says so in words: from a model server, a host no provider
              # record knows, or one on this machine or network.  A provider's own API host
              # always speaks TLS, so a plain answer there came from something in between
              # (NET005).
              *(match(text=PLAIN_ANSWER_TO_TLS, **where)
                for where in ({"provider": (*_LOCAL_SERVERS, None)}, {"private": True}))),
        summary="The server at {host} speaks plain HTTP, but the request used HTTPS.",
        explanation=(
            "Local model servers (Ollama, llama.cpp, LM Studio, vLLM) listen without TLS. "
            "With :protocol \"https\" (or an https:// URL) the client starts a TLS handshake and "
            "reads the server's plain-HTTP answer as a malformed TLS record."
        ),
        steps=("Redefine the backend with :protocol \"http\" (gptel-make-ollama and "
               "gptel-make-openai take it).",),
        next_step=("Redefine the backend as {backend_form_http}",
                   "Give the backend :protocol \"http\".",),
        fixes=(BACKEND_FORM_HTTP, REDEFINE_BACKEND),
        docs=("https://github.com/karthink/gptel#ollama",),
        examples=(
            Example(
                error={"error": "SSL_ERROR_RX_RECORD_TOO_LONG"},
                backend={"kind": "ollama", "host": "localhost:11434", "protocol": "https"},
                source="https://github.com/MuiseDestiny/zotero-gpt/issues/465",
            ),
        ),
    ),
    Rule(
        code="ENDP005",
        name="plain-http-to-an-https-port",
        category="endpoint.wrong",
        # The other way round from ENDP003: the server (or the proxy in front of it) takes
        # only TLS on that port and says so in its 400 page: nginx's "The plain HTTP request
        # was sent to HTTPS port", Go's "Client sent an HTTP request to an HTTPS server",
        # Apache's "speaking plain HTTP to an SSL-enabled server port".
        # In a message, or in the page the companion read beside gptel's "Malformed JSON".
        when=said(_PLAIN_TO_TLS),
        summary="The server at {host} takes only HTTPS on that port, but the request used "
        "plain HTTP.",
        explanation=(
            "The server (often nginx or a relay in front of the API) listens with TLS on the "
            "port the URL names and answered the unencrypted request with its own 400 page. "
            "The backend's :protocol is \"http\", or its URL starts with http://, where the "
            "server wants https."
        ),
        steps=("Redefine the backend with :protocol \"https\" (the default of gptel's "
               "gptel-make-… functions), or use the port the server gives for plain HTTP.",),
        next_step=("Redefine the backend as {backend_form_https}",
                   "Give the backend :protocol \"https\".",),
        fixes=(BACKEND_FORM_HTTPS, REDEFINE_BACKEND),
        docs=("https://github.com/karthink/gptel#other-llm-backends",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 400 Bad Request", "http_status": "400",
                       "error": "Malformed JSON in response",
                       "body": "<html><head><title>400 The plain HTTP request was sent to "
                       "HTTPS port</title></head><body><center><h1>400 Bad Request</h1>"
                       "</center><center>The plain HTTP request was sent to HTTPS port"
                       "</center><hr><center>nginx</center></body></html>"},
                backend={"kind": "openai", "host": "relay.example.com:443", "protocol": "http"},
                source="https://github.com/vastxie/99AI/issues/9",
            ),
        ),
    ),
)
