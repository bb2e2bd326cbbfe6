"""The request itself: a setting the model refuses, or more context than it takes."""

from __future__ import annotations

from .base import Example, FixSpec, Rule, match

RULES = (
    Rule(
        code="STREAM001",
        name="organization-not-verified-for-streaming",
        category="request.streaming_unsupported",
        when=match(text=r"must be verified to stream"),
        summary="{provider} streams this model only for verified organizations: turn off "
        "streaming, or verify your organization.",
        explanation=(
            "{provider} refused the request because it asked for a streamed answer "
            "(gptel-stream is on) and streaming {model} requires a verified organization. The "
            "same request without streaming works. Verification is done once, on the "
            "provider's site, and can take about 15 minutes to take effect.\n\n"
            "The provider said: {message}"
        ),
        steps=(
            "Turn streaming off: (setq gptel-stream nil). Answers then arrive all at once.",
            "Or verify the organization at "
            "https://platform.openai.com/settings/organization/general, wait a few minutes, "
            "and turn streaming back on.",
        ),
        fixes=(
            FixSpec("Turn off streaming", "safe", variable="gptel-stream", value="nil"),
            FixSpec("Verify your organization", "display-only",
                    url="https://platform.openai.com/settings/organization/general"),
        ),
        docs=("https://help.openai.com/en/articles/10910291-api-organization-verification",),
        examples=(
            Example(
                error={
                    "status": "HTTP/2 400",
                    "http_status": "400",
                    "error": {
                        "message": "Your organization must be verified to stream this model. "
                        "Please go to: https://platform.openai.com/settings/organization/"
                        "general and click on Verify Organization. If you just verified, it "
                        "can take up to 15 minutes for access to propagate.",
                        "type": "invalid_request_error",
                        "param": "stream",
                        "code": "unsupported_value",
                    },
                },
                backend={"kind": "openai", "host": "api.openai.com", "stream": True},
                request={"model": "o3", "stream": True},
                source="https://github.com/chatboxai/chatbox/issues/2263",
            ),
        ),
        priority=95,
    ),
    Rule(
        code="STREAM002",
        name="model-does-not-stream",
        category="request.streaming_unsupported",
        when=(
            match(params="stream", codes=("unsupported_value", "unsupported_parameter")),
            match(text=r"'stream' does not support|streaming is not supported"
                  r"|does not support stream"),
        ),
        summary="{model} cannot stream its answers: turn off streaming for it.",
        explanation=(
            "The model refused a streamed request (gptel-stream is on). Some models, often "
            "reasoning or preview models, only answer in one piece.\n\n"
            "The provider said: {message}"
        ),
        steps=(
            "Turn streaming off: (setq gptel-stream nil), or give the backend `:stream nil`.",
        ),
        fixes=(FixSpec("Turn off streaming", "safe", variable="gptel-stream", value="nil"),),
        docs=("https://platform.openai.com/docs/guides/reasoning",),
        examples=(
            Example(
                error={
                    "status": "HTTP/2 400",
                    "http_status": "400",
                    "error": {
                        "message": "Unsupported value: 'stream' does not support true with "
                        "this model. Supported values are: false.",
                        "type": "invalid_request_error",
                        "param": "stream",
                        "code": "unsupported_value",
                    },
                },
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"model": "o1", "stream": True},
                source="https://github.com/lobehub/lobehub/issues/5228",
            ),
        ),
        priority=90,
    ),
)
