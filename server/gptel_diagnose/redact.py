"""Remove API keys and tokens from any text before it leaves the server."""

from __future__ import annotations

import re

# Order matters: the more specific prefixes come before the ones they extend
# (sk-ant- and sk-or- before sk-).
_KEY_PATTERNS: tuple[tuple[str, str], ...] = (
    ("anthropic-key", r"sk-ant-[A-Za-z0-9_\-]{8,}"),
    ("openrouter-key", r"sk-or-[A-Za-z0-9_\-]{8,}"),
    ("openai-key", r"sk-[A-Za-z0-9_\-]*\*{3,}[A-Za-z0-9_\-]*|sk-[A-Za-z0-9_\-]{12,}"),
    ("google-key", r"AIza[0-9A-Za-z_\-]{20,}"),
    ("github-token", r"gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,}"),
    ("groq-key", r"gsk_[A-Za-z0-9]{16,}"),
    ("xai-key", r"xai-[A-Za-z0-9_\-]{16,}"),
    ("perplexity-key", r"pplx-[A-Za-z0-9]{16,}"),
    ("huggingface-token", r"hf_[A-Za-z0-9]{16,}"),
    ("aws-access-key", r"(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}"),
)
_KEYS = re.compile(
    "|".join(f"(?P<{name.replace('-', '_')}>{pattern})" for name, pattern in _KEY_PATTERNS)
)

# Secrets recognised by what precedes them rather than by their shape.
_CONTEXT = re.compile(
    r"""(?ix)
    (?P<lead>
        \b(?:authorization|proxy-authorization)\b["']?\s*[:=]\s*["']?\s*
            (?:bearer|basic|token|bot)?\s*
      | \bbearer\s+
      | \b(?:x-api-key|api-key|x-goog-api-key|x-amz-security-token|cookie|set-cookie)
            \b["']?\s*[:=]\s*["']?\s*
      | [?&](?:key|api_key|apikey|api-key|access_token|token|sig|signature)=
      | \b(?:api_?key|apikey|secret|password|aws_secret_access_key|aws_session_token
            |client_secret|access_token|refresh_token)\b["']?\s*[:=]\s*["']?\s*
      | --user\s+["']?[A-Z0-9]{16,}:
      | \bpassword\s+
    )
    (?P<secret>[^\s"'&,;)>\]]{6,})
    """
)

REDACTED = "<redacted>"

# Each pattern above needs one of these literals in the text (the key shapes as written,
# the context leads in lower case).  Most texts have none, and a few substring tests are much
# cheaper than a regex scan, let alone the substitutions.
_KEY_MARKERS = ("sk-", "AIza", "hp_", "ho_", "hu_", "hs_", "hr_", "github_pat_", "gsk_",
                "xai-", "pplx-", "hf_", "AKIA", "ASIA", "ABIA", "ACCA")
_CONTEXT_MARKERS = ("authori", "bearer", "key", "cookie", "token", "secret", "password",
                    "sig", "--user")


def redact(text: str) -> str:
    """TEXT with every recognised key, token and credential replaced by a marker."""
    if not text:
        return text
    if any(marker in text for marker in _KEY_MARKERS):
        text = _redact_keys(text)
    # IGNORECASE also matches "ſ" to "s" and "ı" to "i"; casefold and the replace see them too.
    folded = text.casefold().replace("\u0131", "i")
    if any(marker in folded for marker in _CONTEXT_MARKERS):
        text = _redact_context(text)
    return text


def _redact_keys(text: str) -> str:
    return _KEYS.sub(lambda m: f"<redacted {m.lastgroup.replace('_', '-')}>"
                     if m.lastgroup else REDACTED, text)


def _redact_context(text: str) -> str:
    return _CONTEXT.sub(lambda m: m.group("lead") + REDACTED
                        if not m.group("secret").startswith("<redacted") else m.group(0), text)
