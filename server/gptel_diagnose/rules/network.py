"""The network: no HTTP answer at all.  curl's exit code says where it stopped."""

from __future__ import annotations

from .base import Example, FixSpec, Rule, match

RULES = (
    Rule(
        code="NET001",
        name="host-not-resolved",
        category="network.dns",
        when=match(curl=6),
        summary="Could not resolve {host} (curl 6): check the network, DNS or VPN, and the "
        "backend's :host spelling.",
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
        fixes=(FixSpec("Test the host from a terminal", "display-only",
                       command="curl -sI https://{host}"),),
        docs=("https://curl.se/docs/manpage.html#EXIT",),
        examples=(
            Example(
                error={
                    "status": "Curl failure",
                    "error": "Curl failed with exit code 6. See Curl manpage for details.",
                },
                backend={"kind": "openai", "host": "api.openai.con"},
                request={"use_curl": True},
                source="https://curl.se/docs/manpage.html#EXIT",
            ),
        ),
        priority=60,
    ),
    Rule(
        code="NET002",
        name="connection-refused",
        category="network.connection_refused",
        when=match(curl=7),
        summary="Nothing is listening at {host} (curl 7): the server is down, or :host has the "
        "wrong port, or a firewall blocks it.",
        explanation=(
            "curl reached the machine but the connection was refused: no server listens on "
            "that port, or a firewall or missing proxy blocks it."
        ),
        steps=(
            "If this is a local server, start it and check the port in :host.",
            "If it is remote, check the network and whether you need gptel-proxy.",
        ),
        fixes=(FixSpec("Test the host from a terminal", "display-only",
                       command="curl -sI http://{host}"),),
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
        priority=60,
    ),
    Rule(
        code="NET003",
        name="local-server-not-running",
        category="network.connection_refused",
        when=(
            match(curl=7, local=True),
            match(curl=7, providers=("ollama", "llamacpp", "lmstudio", "vllm", "gpt4all")),
            match(gptel="no_response", local=True),
        ),
        summary="{provider} is not running at {host}: start it with `{start_command}`.",
        explanation=(
            "The connection to {host} was refused: nothing listens there. For a local model "
            "server this almost always means it is not started, or it listens on another "
            "port than the one in the backend's :host."
        ),
        steps=(
            "Start the server: `{start_command}`.",
            "Check that the port in :host ({host}) is the one the server listens on.",
        ),
        fixes=(FixSpec("Start the server", "display-only", command="{start_command}"),),
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
        priority=65,
    ),
    Rule(
        code="NET004",
        name="request-timed-out",
        category="network.timeout",
        when=match(curl=28),
        summary="The request to {host} timed out (curl 28): the network is slow or blocked, or "
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
        priority=60,
    ),
    Rule(
        code="NET005",
        name="tls-handshake-failed",
        category="network.tls",
        when=match(curl=(35, 4, 16)),
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
        fixes=(FixSpec("See the handshake", "display-only", command="curl -v https://{host}"),),
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
        priority=60,
    ),
    Rule(
        code="NET006",
        name="certificate-not-trusted",
        category="network.tls",
        when=match(curl=(60, 51, 77, 83, 90, 91)),
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
        fixes=(
            FixSpec("Trust the CA certificate (edit the path)", "display-only",
                    variable="gptel-curl-extra-args",
                    value="'(\"--cacert\" \"/path/to/ca.pem\")"),
        ),
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
        priority=60,
    ),
    Rule(
        code="NET007",
        name="no-http-response",
        category="network.connection_refused",
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
            "Use curl for a precise reason: (setq gptel-use-curl t), then resend.",
        ),
        fixes=(FixSpec("Use curl, which reports why a connection fails", "safe",
                       variable="gptel-use-curl", value="t"),),
        docs=("https://github.com/karthink/gptel#faq",),
        examples=(
            Example(
                error={
                    "status": "Could not parse HTTP response.",
                    "http_status": "() Could not parse HTTP response.",
                    "error": None,
                },
                backend={"kind": "openai", "host": "api.example.com"},
                request={"use_curl": False},
                source="https://github.com/karthink/gptel/blob/master/gptel-request.el",
            ),
        ),
        priority=55,
    ),
)
