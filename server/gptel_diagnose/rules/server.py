"""The provider's side: overloaded or failing.  Nothing on the user's side is wrong."""

from __future__ import annotations

from .base import Example, FixSpec, Rule, match

RULES = (
    Rule(
        code="SRV001",
        name="provider-overloaded",
        category="server.overloaded",
        when=(
            match(http=529),
            match(codes=("overloaded_error", "server_is_overloaded")),
            match(http=(503, 500, 429), text=r"overloaded|high demand|no capacity|capacity "
                  r"exceeded|server busy|temporarily unavailable|try again later"),
        ),
        summary="{provider} is overloaded right now (HTTP {status}): nothing is wrong on your "
        "side; retry in a minute or switch model.",
        explanation=(
            "{provider} answered HTTP {status}: its servers are at capacity for all users, not "
            "for your account. This passes on its own, usually within minutes. Your key, "
            "credit and settings are fine.\n\nThe provider said: {message}"
        ),
        steps=(
            "Resend in a minute.",
            "If it persists, check {status_url} or switch to another model or backend "
            "(M-x gptel-menu).",
        ),
        fixes=(
            FixSpec("Check the provider's status page", "display-only", url="{status_url}"),
            FixSpec("Switch model or backend (M-x gptel-menu)", "display-only",
                    command="M-x gptel-menu"),
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
        priority=70,
    ),
    Rule(
        code="SRV002",
        name="provider-timed-out",
        category="network.timeout",
        when=(
            match(http=(408, 504, 524)),
            match(codes=("timeout_error", "deadline_exceeded", "modeltimeoutexception")),
        ),
        summary="{provider} gave up on the request (HTTP {status}): it took too long; retry, "
        "or send less context.",
        explanation=(
            "{provider}, or a gateway in front of it, stopped waiting for the answer. Very "
            "long prompts, long answers without streaming, and busy periods make this more "
            "likely. It is not a problem with your key or account.\n\n"
            "The provider said: {message}"
        ),
        steps=(
            "Resend; if it keeps happening, send less context or ask for a shorter answer.",
            "Keep streaming on (gptel-stream t): a streamed answer starts arriving at once.",
        ),
        fixes=(FixSpec("Check the provider's status", "display-only", url="{status_url}"),),
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
        priority=60,
    ),
)
