"""Authentication and permission: the key is missing, wrong, or not allowed to do this."""

from __future__ import annotations

from .base import Example, FixSpec, Rule, match

_KEY_WRONG = (
    r"incorrect api key|invalid x-api-key|api key not valid|invalid api key|invalid_api_key"
    r"|api_key_invalid|invalid authentication|authentication fails|invalid token"
    r"|invalid subscription key|the security token included in the request is invalid"
    r"|unrecognizedclientexception|invalidsignatureexception|no auth credentials found"
    r"|user not found"
)
_KEY_MISSING = (
    r"you didn't provide an api key|missing authentication|no api key|missing api key"
    r"|api key is missing|authorization header is missing|missing bearer|"
    r"no .?gptel-api-key.? found|must provide an api key|missing authorization"
)

AUTH_STEPS = (
    "Check which key gptel sends: the backend's :key, or gptel-api-key, or the auth-source "
    "entry `machine {host} login apikey password KEY` in ~/.authinfo(.gpg).",
    "Compare it with an active key at {keys_url}; keys are per provider, and some per "
    "project or region.",
    "Make sure the key has no trailing newline or space (a function or file that returns the "
    "key often adds one).",
)

RULES = (
    Rule(
        code="AUTH001",
        name="api-key-rejected",
        category="auth.invalid_key",
        when=(
            match(http=(401, 400, 403), codes=("invalid_api_key", "authentication_error",
                                                "api_key_invalid", "unauthenticated")),
            match(http=(401, 400, 403), text=_KEY_WRONG,
                  not_text=r"not a member|ip not authorized|must be verified|permission"),
        ),
        summary="{provider} rejected the API key (HTTP {status}): it is wrong, revoked or for "
        "another provider or endpoint.",
        explanation=(
            "{provider} did not accept the key gptel sent. Common causes: a typo or an old, "
            "revoked key; a key for another provider (an OpenAI key sent to Azure or "
            "OpenRouter); a key picked up from the wrong auth-source entry; or stray whitespace "
            "around it.\n\nThe provider said: {message}"
        ),
        steps=AUTH_STEPS,
        fixes=(
            FixSpec("Create or copy a valid key", "display-only", url="{keys_url}"),
        ),
        docs=("https://github.com/karthink/gptel#usage",
              "https://platform.openai.com/docs/guides/error-codes/api-errors"),
        examples=(
            Example(
                error={
                    "status": "HTTP/1.1 401 Unauthorized",
                    "http_status": "401",
                    "error": {
                        "message": "Incorrect API key provided: sk-test. You can find your "
                        "API key at https://platform.openai.com/account/api-keys.",
                        "type": "invalid_request_error",
                        "param": None,
                        "code": "invalid_api_key",
                    },
                },
                backend={"kind": "openai", "host": "api.openai.com", "has_key": True},
                source="https://platform.openai.com/docs/guides/error-codes/api-errors",
            ),
        ),
        priority=70,
    ),
    Rule(
        code="AUTH002",
        name="api-key-missing",
        category="auth.missing_key",
        when=(
            match(text=_KEY_MISSING),
            match(http=401, text=r"missing|required|no key|not provided"),
        ),
        summary="No API key reached {provider}: gptel found none for this backend.",
        explanation=(
            "The request went out without a key, or gptel could not find one. With "
            "`:key 'gptel-api-key` gptel reads ~/.authinfo for the backend's host; if no "
            "entry matches, it stops before sending. A backend made with gptel-make-openai "
            "and no :key sends no Authorization header at all.\n\nThe provider said: {message}"
        ),
        steps=(
            "Give the backend a key: `:key \"KEY\"`, `:key #'my-key-function`, or an "
            "auth-source line `machine {host} login apikey password KEY`.",
            "Get a key at {keys_url}.",
        ),
        fixes=(FixSpec("Create a key", "display-only", url="{keys_url}"),),
        docs=("https://github.com/karthink/gptel#usage",),
        examples=(
            Example(
                error={
                    "status": "HTTP/1.1 401 Unauthorized",
                    "http_status": "401",
                    "error": {
                        "message": "You didn't provide an API key. You need to provide your "
                        "API key in an Authorization header using Bearer auth (i.e. "
                        "Authorization: Bearer YOUR_KEY).",
                        "type": "invalid_request_error",
                    },
                },
                backend={"kind": "openai", "host": "api.openai.com", "has_key": False},
                source="https://platform.openai.com/docs/guides/error-codes/api-errors",
            ),
        ),
        priority=75,
    ),
)
