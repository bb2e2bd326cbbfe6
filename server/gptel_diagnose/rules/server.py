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
)
