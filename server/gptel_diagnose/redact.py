"""Remove API keys and tokens from any text before it leaves the server."""

from __future__ import annotations

import re

# (name, pattern, the literals one of which every match contains).  Order matters: the
# more specific prefixes come before the ones they extend (sk-ant- and sk-or- before sk-).
_KEY_PATTERNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("anthropic-key", r"sk-ant-[A-Za-z0-9_\-]{8,}", ("sk-ant-",)),
    ("openrouter-key", r"sk-or-[A-Za-z0-9_\-]{8,}", ("sk-or-",)),
    ("openai-key", r"sk-[A-Za-z0-9_\-]*\*{3,}[A-Za-z0-9_\-]*|sk-[A-Za-z0-9_\-]{12,}",
     ("sk-",)),
    ("google-key", r"AIza[0-9A-Za-z_\-]{20,}", ("AIza",)),
    ("github-token", r"gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,}",
     ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
    ("groq-key", r"gsk_[A-Za-z0-9]{16,}", ("gsk_",)),
    ("xai-key", r"xai-[A-Za-z0-9_\-]{16,}", ("xai-",)),
    ("perplexity-key", r"pplx-[A-Za-z0-9]{16,}", ("pplx-",)),
    ("huggingface-token", r"hf_[A-Za-z0-9]{16,}", ("hf_",)),
    ("aws-access-key", r"(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}", ("AKIA", "ASIA", "ABIA", "ACCA")),
)
_KEYS = re.compile(
    "|".join(f"(?P<{name.replace('-', '_')}>{pattern})" for name, pattern, _ in _KEY_PATTERNS)
)
# Most texts have none of these, and substring tests are much cheaper than a regex scan.
_KEY_MARKERS = tuple(marker for _, _, markers in _KEY_PATTERNS for marker in markers)

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
    # Not the scheme word itself: a text naming the header ("`Authorization: Bearer`")
    # has no secret after it.  Secrets are printable ASCII, so prose after a header's name
    # ("`Authorization: Bearer`），又或者…") is not taken for one.
    (?P<secret>(?!(?:bearer|basic|token|bot)(?![A-Za-z0-9_\-]))[!#-%(*+\-./0-9:<=?-\\^_a-~]{6,})
    """
)

REDACTED = "<redacted>"

# Every lead of _CONTEXT contains one of these (in lower case).
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
