"""Responses gptel could not read: usually not the provider's JSON at all."""

from __future__ import annotations

from .base import Example, FixSpec, Rule, match

_SHOW_BODY = FixSpec("Log raw responses to *gptel-log*, then resend", "safe",
                     variable="gptel-log-level", value="'info")

RULES = (
    Rule(
        code="RESP001",
        name="response-not-json",
        category="response.malformed",
        when=match(gptel="malformed_json"),
        summary="The answer from {host} was not JSON (HTTP {status}): often a proxy's or CDN's "
        "HTML page, or a wrong :host or :endpoint.",
        explanation=(
            "gptel expected the provider's JSON and got something else (\"Malformed JSON in "
            "response\"). Usually that is an HTML page: from a corporate proxy or captive "
            "portal, from a CDN in front of the API (HTTP 520-524), or from a web server "
            "because :host or :endpoint points at the wrong place. gptel does not show the "
            "body; with gptel-log-level set, *gptel-log* does."
        ),
        steps=(
            "Set (setq gptel-log-level 'info), resend, and read the response body in "
            "*gptel-log*.",
            "Check the backend's :host, :endpoint and :protocol against the provider's "
            "documentation.",
            "If the body is a proxy's login or block page, set gptel-proxy or ask your "
            "network administrator.",
        ),
        fixes=(_SHOW_BODY,),
        docs=("https://github.com/karthink/gptel/issues/997",
              "https://github.com/karthink/gptel/issues/889"),
        examples=(
            Example(
                error={
                    "status": "(HTTP/1.1 502 Bad Gateway) Malformed JSON in response.",
                    "http_status": "502",
                    "error": "Malformed JSON in response",
                },
                backend={"kind": "openai", "host": "llm-gateway.corp.example"},
                source="https://github.com/karthink/gptel/issues/889",
            ),
        ),
        priority=40,
    ),
    Rule(
        code="ENDP001",
        name="endpoint-not-found",
        category="endpoint.wrong",
        when=(
            match(http=404, gptel=("malformed_json", "unparseable")),
            match(http=(404, 405), text=r"404 page not found|cannot post|not found</|"
                  r"no route|unknown url|invalid url|method not allowed",
                  not_text=r"model"),
        ),
        summary="{host} has no API at this path (HTTP {status}): the backend's :host, "
        ":endpoint or :protocol is wrong.",
        explanation=(
            "The server answered, but with a \"not found\" page rather than the provider's "
            "JSON: the URL gptel built from :protocol, :host and :endpoint does not exist "
            "there. Typical mistakes: https:// or a path inside :host, a missing /v1 in "
            ":endpoint, or an OpenAI-style endpoint on a server with another API."
        ),
        steps=(
            "Check the backend's :host (bare host and port), :endpoint (for example "
            "/v1/chat/completions) and :protocol.",
            "Set (setq gptel-log-level 'info) and resend to see the page in *gptel-log*.",
        ),
        fixes=(_SHOW_BODY,),
        docs=("https://github.com/karthink/gptel/issues/997",),
        examples=(
            Example(
                error={
                    "status": "(HTTP/1.1 404 Not Found) Malformed JSON in response.",
                    "http_status": "404",
                    "error": "Malformed JSON in response",
                },
                backend={"kind": "openai", "host": "localhost:8080", "endpoint": "/chat"},
                source="https://github.com/karthink/gptel/issues/997",
            ),
        ),
        priority=45,
    ),
    Rule(
        code="RESP002",
        name="response-without-error-field",
        category="response.malformed",
        when=match(gptel="unparseable", not_gptel="no_response"),
        summary="{host} answered HTTP {status} with JSON gptel could not read: probably not the "
        "API gptel expects at this :host and :endpoint.",
        explanation=(
            "gptel got JSON, but neither an answer nor an error in the shape it knows "
            "(\"Could not parse HTTP response\"). The server behind :host is probably another "
            "kind of API than the backend type says (an OpenAI-style backend pointed at a "
            "non-OpenAI server, say), or a gateway wraps errors its own way."
        ),
        steps=(
            "Set (setq gptel-log-level 'info), resend, and read the body in *gptel-log*.",
            "Check that the backend was made with the right gptel-make-* for this server.",
        ),
        fixes=(_SHOW_BODY,),
        docs=("https://github.com/karthink/gptel#usage",),
        examples=(
            Example(
                error={
                    "status": "HTTP/1.1 400 Bad Request",
                    "http_status": "400",
                    "error": "Could not parse HTTP response.",
                },
                backend={"kind": "openai", "host": "localhost:5000"},
                source="https://github.com/karthink/gptel/blob/master/gptel-request.el",
            ),
        ),
        priority=35,
    ),
)
