"""Last resorts: what the HTTP status or curl code alone says, then `unknown`."""

from __future__ import annotations

from .base import Example, FixSpec, Rule, match
from .common import (
    ASK_BACKEND,
    ASK_KEY,
    ASK_MODEL,
    COPY_CURL,
    LOG_REQUESTS,
    PLATFORM_STEPS,
    REDEFINE_BACKEND,
    STATUS_PAGE,
)

_LOG = LOG_REQUESTS
# A gateway's words for its upstream's 400 or 422, passed on under its own 5xx.
_UPSTREAM_REFUSED = r"(?:request returned|api error:?|status) 4(?:00|22)\b(?!\s*-)"
_MAX_TOKENS_OFF = FixSpec("If the answer length is the trouble, let the model choose it "
                          "(gptel-max-tokens is {max_tokens})", "unsafe",
                          variable="gptel-max-tokens", value="nil",
                          unless_known="default_max_tokens")


def _status_example(status: int, line: str, message: str) -> Example:
    return Example(
        error={"status": f"HTTP/1.1 {status} {line}", "http_status": str(status),
               "error": {"message": message}},
        backend={"kind": "openai", "host": "api.example.com"},
        source="https://www.rfc-editor.org/rfc/rfc9110#name-status-codes",
    )


RULES = (
    Rule(
        code="GEN401",
        name="http-unauthorized",
        category="auth.invalid_key",
        when=match(http=401),
        summary="{provider} refused the request (HTTP 401): that usually means the API key "
        "was refused; {find_out}.",
        explanation="HTTP 401 means the request carried no valid credentials.",
        steps=("Check the backend's key (its :key, gptel-api-key or ~/.authinfo).",
               "Compare it with an active key at {keys_url}."),
        provider_steps=PLATFORM_STEPS,
        # As for a rejected key (AUTH001): a key is valid only at its own platform's host
        # (a platform.moonshot.ai key refused at api.moonshot.cn), mended in the backend.
        fixes=(FixSpec("Manage your API keys", "display-only", url="{keys_url}"), ASK_KEY,
               REDEFINE_BACKEND),
        next_step=("Check the key in {key_where}.",),
        docs=("https://www.rfc-editor.org/rfc/rfc9110#name-401-unauthorized",),
        examples=(_status_example(401, "Unauthorized", "Request failed."),),
    ),
    Rule(
        code="GEN402",
        name="http-payment-required",
        category="billing.quota_exhausted",
        when=match(http=402),
        summary="{provider} refused the request (HTTP 402): that usually means the "
        "account's credit or spending limit is used up; {find_out}.",
        explanation="HTTP 402 means the account cannot pay for this request: credit is used "
        "up, or a spending limit is reached. Resending will not help.",
        steps=("Add credit or raise the spending limit at {billing_url}.",),
        fixes=(FixSpec("Open billing", "display-only", url="{billing_url}"), ASK_BACKEND),
        next_step=("Add credit or raise the spending limit at {billing_url}.",
                   "Add credit to the account the key belongs to, or raise its spending "
                   "limit.",),
        docs=("https://www.rfc-editor.org/rfc/rfc9110#name-402-payment-required",),
        examples=(_status_example(402, "Payment Required", "Request failed."),),
    ),
    Rule(
        code="GEN403",
        name="http-forbidden",
        category="auth.permission",
        when=match(http=403),
        summary="{provider} refused the request (HTTP 403): that usually means the key may "
        "not use this model or feature, or access is blocked; {find_out}.",
        explanation="HTTP 403 means the credentials were understood but are not allowed to do "
        "this: the model or feature is not enabled for the account, or access is blocked by "
        "policy or region.",
        steps=("Check the account's access to this model and feature at {keys_url}.",),
        # A key with access to the model, another model this key may use, or another
        # backend where access is blocked (an app's hosted relay answering a bare 403 was
        # left for the user's own key, ZuodaoTech/everyone-can-use-english#257).
        fixes=(_LOG, COPY_CURL, ASK_KEY, ASK_MODEL, ASK_BACKEND),
        docs=("https://www.rfc-editor.org/rfc/rfc9110#name-403-forbidden",),
        examples=(_status_example(403, "Forbidden", "Request blocked."),),
    ),
    Rule(
        code="GEN3XX",
        name="http-redirect",
        category="endpoint.wrong",
        # An API answers its own URL; a redirect means the URL gptel built is another one
        # (http for https, a missing or extra path part), and gptel does not follow it.
        when=match(http=(301, 302, 303, 307, 308)),
        summary="{host} redirected the request (HTTP {status}) instead of answering: that "
        "usually means the URL is not the API's own; check the backend's :protocol, :host and "
        ":endpoint.",
        explanation="A 3xx status sends the client elsewhere: the server knows the address "
        "gptel used, but the API is at another one, often https instead of http, or a path "
        "with or without a trailing part. gptel does not follow redirects for API requests.",
        steps=("Compare :protocol, :host and :endpoint with the provider's documented base URL.",
               "Copy the request as curl (M-x gptel-diagnose-copy-curl) and run it with -i: the "
               "Location header shows where the server points."),
        fixes=(REDEFINE_BACKEND, _LOG),
        next_step=("Compare :protocol, :host and :endpoint with the provider's documented base "
                   "URL.",),
        docs=("https://www.rfc-editor.org/rfc/rfc9110#name-redirection-3xx",),
        examples=(_status_example(301, "Moved Permanently", "Moved Permanently"),),
    ),
    Rule(
        code="GEN421",
        name="http-misdirected-request",
        category="endpoint.wrong",
        when=(match(http=421), match(http=None, text=r"\b421\b.{0,20}misdirected request")),
        summary="{host} answered HTTP 421 (Misdirected Request): that usually means the request "
        "went to a host that does not serve it, such as the wrong host for your account's "
        "plan; {find_out}.",
        explanation="HTTP 421 means the server that received the request will not answer for "
        "that address: the request belongs on another host.",
        steps=("Check the backend's :host. GitHub Copilot's Business and Enterprise plans have "
               "their own API hosts (api.business.githubcopilot.com, "
               "api.enterprise.githubcopilot.com).",),
        next_step=("Check the backend's :host: the request belongs on another host.",),
        fixes=(_LOG, COPY_CURL, REDEFINE_BACKEND),
        docs=("https://www.rfc-editor.org/rfc/rfc9110#name-421-misdirected-request",),
        examples=(
            Example(error={"status": "HTTP/2 421", "http_status": "421",
                           "error": "421 Misdirected Request"},
                    backend={"kind": "copilot", "host": "proxy.business.githubcopilot.com"},
                    source="https://github.com/mcowger/plexus/issues/57"),
        ),
    ),
    Rule(
        code="GEN404",
        name="http-not-found",
        category="endpoint.wrong",
        when=(match(http=404),
              # A client that kept the words and dropped the status: "404 NOT_FOUND", "::
              # Not Found", "Not Found. Please check the configuration.", and the reason
              # phrase alone in a client's parentheses ("API调用失败(Not Found)").
              match(http=None, text=r"\b404 not.?found\b|^\W*not found\W*$|:: not found$"
                    r"|[(（]not found[)）]\W*$"
                    r"|^\W*(?:\w+\W+)?not found\. please check")),
        summary="{host} answered \"not found\" (HTTP 404): that usually means a wrong URL "
        "(:host, :endpoint) or model name; {find_out}.",
        explanation="HTTP 404 means the path does not exist on {host}, or the model named in "
        "the request is unknown there.",
        steps=("Check the backend's :host and :endpoint, and gptel-model.",),
        fixes=(_LOG, COPY_CURL, REDEFINE_BACKEND, ASK_MODEL),
        docs=("https://www.rfc-editor.org/rfc/rfc9110#name-404-not-found",),
        examples=(_status_example(404, "Not Found", "Not Found"),),
    ),
    Rule(
        code="GEN413",
        name="http-payload-too-large",
        category="request.context_length",
        # Or its reason phrase, kept by a client that dropped the number.
        when=(match(http=413), match(http=None, text=r"request entity too large")),
        summary="{provider} refused the request (HTTP 413): that usually means the request "
        "is too large; {find_out}.",
        explanation="HTTP 413 means the request body is bigger than the server accepts.",
        steps=("Remove large buffers, files or images from gptel's context.",),
        next_step=("Remove large buffers, files or images from gptel's context.",),
        docs=("https://www.rfc-editor.org/rfc/rfc9110#name-413-content-too-large",),
        examples=(_status_example(413, "Payload Too Large", "Request Entity Too Large"),),
    ),
    Rule(
        code="GEN429",
        name="http-too-many-requests",
        category="rate_limit",
        when=match(http=429),
        summary="{provider} refused the request (HTTP 429): that usually means a rate "
        "limit, sometimes used-up credit; {find_out}.",
        explanation="HTTP 429 usually means a rate limit. The message did not say which kind; "
        "if waiting does not help, look at the account's usage and credit.",
        steps=("Wait a minute and resend.", "Check limits and credit at {usage_url}."),
        fixes=(FixSpec("See usage and limits", "display-only", url="{usage_url}"), ASK_MODEL),
        next_step=("Wait a minute and resend.",),
        docs=("https://www.rfc-editor.org/rfc/rfc6585#section-4",),
        examples=(_status_example(429, "Too Many Requests", "Request limit hit."),),
        retryable=True,
        severity="warning",
    ),
    Rule(
        code="GEN400",
        name="http-bad-request-without-reason",
        category="unknown",
        # Not 422: its meaning (RFC 9110: the content was understood and refused) is the
        # reason; a bare 422 goes to GEN4XX.
        # An answer of headers only says no more (gptel's "Malformed JSON" is then its own
        # word for the empty body, not the server's).
        when=(match(http=(400, 406, 409, 415), reasonless=True),
              match(http=(400, 406, 409, 415), body_empty=True)),
        summary="{provider} refused the request (HTTP {status}) without giving a reason: that "
        "usually means a parameter or value the model does not take, but nothing here "
        "says which; {read_answer}.",
        explanation="Only the status came back, with no message from the provider (or the "
        "program that showed the error dropped it). A 400 means the server did not accept "
        "the request as sent; which part it refused is only in its answer.",
        steps=("Set (setq gptel-log-level 'info), resend, and read the answer in *gptel-log*.",
               "Or copy the request as curl (M-x gptel-diagnose-copy-curl), run it in a "
               "terminal and read the answer."),
        # The log tells which part was refused; another model or backend is the usual way
        # round meanwhile (the echo line still shows the log's setq: ask fixes are none).  An
        # answer length past the model's limit is a frequent bare 400: when gptel-max-tokens
        # set one, letting the model choose is offered after the log (never on the line).
        fixes=(_LOG, COPY_CURL, _MAX_TOKENS_OFF, ASK_MODEL, ASK_BACKEND),
        docs=("https://www.rfc-editor.org/rfc/rfc9110#name-400-bad-request",),
        examples=(
            Example(error={"status": "HTTP/1.1 400 Bad Request", "http_status": "400"},
                    backend={"kind": "openai", "host": "api.openai.com"},
                    source="https://github.com/karthink/gptel-quick/issues/19"),
        ),
        severity="warning",
    ),
    Rule(
        code="GEN4XX",
        name="http-bad-request",
        category="request.invalid_parameter",
        when=(match(http=(400, 405, 406, 409, 415, 422)),
              # The type OpenAI and Anthropic give a 400, quoted without its status.
              match(http=None, codes="invalid_request_error", reasonless=False),
              # A gateway's 5xx whose words quote its upstream's 400 ("DeepSeek API error: 400
              # Bad Request", LM Studio's "predict request returned 400"): the upstream
              # refused the request; nothing failed.
              match(http=(500, 502), text=_UPSTREAM_REFUSED),
              # Zed's words for a 400, above OpenRouter's "Provider returned error" and no
              # more (LABELING.md, settled after batch fb).
              match(http=None, text=r"the request was malformed and could not be processed\."
                    r"\s*provider returned error\W*$")),
        summary="{provider} rejected the request (HTTP {status}), usually over a parameter or "
        "value it does not take (set gptel-log-level to 'info and resend to see the "
        "request): {message}",
        explanation="The provider did not accept the request as gptel sent it: a parameter or "
        "value the model does not take, or a request shape it does not expect.",
        steps=("Read the provider's message above: it usually names the parameter.",
               "Set (setq gptel-log-level 'info) and resend to see the request in *gptel-log*."),
        # The log tells which part was refused; another model or backend is the usual way
        # round meanwhile (the echo line still shows the log's setq: ask fixes are none).
        fixes=(_LOG, ASK_MODEL, ASK_BACKEND),
        docs=("https://www.rfc-editor.org/rfc/rfc9110#name-400-bad-request",),
        examples=(_status_example(422, "Unprocessable Entity", "Unprocessable Entity"),),
    ),
    Rule(
        code="GEN5XX",
        name="http-server-error",
        category="server.overloaded",
        when=match(http=(500, 502, 503, 504, 520, 521, 522, 523, 524, 598, 599),
                   not_text=_UPSTREAM_REFUSED),
        summary="{provider}'s servers failed (HTTP {status}): that usually passes and is "
        "not your setup; resend shortly, and if it persists set gptel-log-level to "
        "'info to see the answer.",
        explanation="A 5xx status means the provider (or a gateway in front of it) failed "
        "while handling the request. It is usually temporary.",
        steps=("Resend in a minute.", "If it persists, check {status_url}."),
        fixes=(STATUS_PAGE, ASK_BACKEND, ASK_MODEL),
        next_step=("Resend in a minute; if it persists, check {status_url}.",
                   "Resend in a minute.",),
        docs=("https://www.rfc-editor.org/rfc/rfc9110#name-server-error-5xx",),
        examples=(_status_example(500, "Internal Server Error", "Something broke."),),
        retryable=True,
        severity="warning",
    ),
    Rule(
        code="GEN000",
        name="unclassified",
        category="unknown",
        when=match(),
        summary="This failure (HTTP {status}) is one gptel-diagnose does not recognise: "
        "{message}. Set gptel-log-level to 'info and resend to see the full answer.",
        explanation="No rule matched this failure. The provider's own words are the best "
        "guide.",
        steps=("Set (setq gptel-log-level 'info), resend, and read *gptel-log*.",
               "If you think gptel-diagnose should know this failure, report it with the "
               "(redacted) error."),
        fixes=(_LOG,),
        docs=("https://github.com/karthink/gptel/issues",),
        examples=(
            Example(error={"status": "HTTP/1.1 418 I'm a teapot", "http_status": "418",
                           "error": "short and stout"},
                    source="https://www.rfc-editor.org/rfc/rfc2324"),
        ),
        severity="warning",
    ),
)
