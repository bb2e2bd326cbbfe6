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

# Every pattern above needs one of these in the text; most texts have none, and one search
# for them is much cheaper than the two substitutions.
_MAYBE = re.compile(
    r"(?i)sk-|aiza|gh[pousr]_|github_pat_|gsk_|xai-|pplx-|hf_|akia|asia|abia|acca"
    r"|bearer|authori[sz]ation|key|cookie|token|secret|password|sig|--user"
)


def redact(text: str) -> str:
    """TEXT with every recognised key, token and credential replaced by a marker."""
    if not text or not _MAYBE.search(text):
        return text
    text = _KEYS.sub(lambda m: f"<redacted {m.lastgroup.replace('_', '-')}>"
                     if m.lastgroup else REDACTED, text)
    return _CONTEXT.sub(lambda m: m.group("lead") + REDACTED
                        if not m.group("secret").startswith("<redacted") else m.group(0), text)
