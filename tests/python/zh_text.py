"""What counts as English left in a Chinese text: the words that are not names, codes, URLs,
Lisp, command lines or quoted literals.  Shared by the tests of the Chinese output."""

from __future__ import annotations

import re

from gptel_diagnose.providers import PROVIDERS

_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
# Removed before looking for words, in this order.
_NOT_PROSE = [
    re.compile(r"```.*?```", re.DOTALL),  # code blocks
    re.compile(r"`[^`]*`"),  # inline code
    re.compile(rf"<?https?://[^\s{_CJK}>]+>?"),  # URLs
    re.compile(r"\{\w+\}"),  # placeholders
    # Quoted literals: Lisp strings, and messages as the provider or gptel wrote them.
    re.compile(r'"[^"\n]*"|“[\x20-\x7e]+”'),
    re.compile(r"\*[\w-]+\*"),  # buffer names
    re.compile(r"(?<![\w-])--?[A-Za-z][\w.-]*"),  # command-line options
    re.compile(r"(?<![\w:])[:'][a-z][\w-]*"),  # Lisp keywords and quoted symbols
    re.compile(r"\b[\w.-]+:[\w.-]+"),  # model names with a tag (llama3.2:latest)
    re.compile(r"\b[CM]-[a-z]\b"),  # keys
    re.compile(r"~/\S+|/path/to/\S+"),  # file names
]
# Words that may stand in Chinese text: names of providers, products and programs, and
# the acronyms and terms Chinese technical writing keeps in Latin letters.
NAMES = {
    word for provider in PROVIDERS
    for word in re.findall(r"[A-Za-z][\w.-]*", f"{provider.name} {provider.name_zh or ''}")
} | {
    # products and programs
    "OpenAI", "ChatGPT", "Plus", "Pro", "Team", "Claude", "Max", "Console", "Anthropic",
    "Gemini", "Google", "Cloud", "AI", "Studio", "Vertex", "Azure", "Microsoft", "Foundry",
    "Bedrock", "AWS",
    "Codestral", "Mistral", "Cloudflare", "Ollama", "LM", "GPT", "GLM", "Kimi", "DeepSeek",
    "Responses", "Chat", "Completions", "Emacs", "gptel", "gptel-diagnose", "curl", "nginx",
    "openresty",
    "proxychains", "torsocks", "pass", "shell", "Windows", "Unix", "LiteLLM", "Lisp", "Elisp",
    "claude-code-router", "Portkey", "Code", "Linux", "macOS", "Kiro", "Codex", "Cursor",
    "OpenCode", "Go",
    # organizations as model ids spell them ("nvidia/nemotron-…")
    "nvidia",
    # companies' web gateways, named by the page they answer with (NET018)
    "Zscaler", "Forcepoint", "Netskope", "Blue", "Coat", "FortiGuard", "Cisco", "Umbrella",
    # console pages named as the provider names them
    "Plans", "Billing", "Inference", "profiles", "Business", "Enterprise",
    # acronyms and terms kept in Latin letters
    "IT", "VPN", "DNS", "TCP", "TLS", "SSL", "HTTP", "HTTPS", "API", "JSON", "HTML", "URL",
    "CDN", "CA", "UTF", "QUIC", "IP", "ID", "SPNEGO", "OAuth", "token", "Bearer",
    # fields, headers and values as the wire spells them
    "SAFETY", "PerDay", "quotaId", "retryDelay", "temperature", "stream", "Authorization",
    "nil", "t", "null", "http", "https",
}
# A Lisp symbol: gptel's and Emacs's, as the user types them.
_LISP = re.compile(r"(?:gptel|package|string|auth|url|exec|describe|customize|use|lms|json)"
                   r"(?:-[a-z0-9]+)+")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.'/+-]*[A-Za-z0-9]|[A-Za-z]")


def _strip_lisp(text: str) -> str:
    """TEXT without its Lisp forms: (setq ...), '(...), (:key ...), ("..." ...)."""
    out, depth, index = [], 0, 0
    while index < len(text):
        char = text[index]
        if depth == 0 and char == "(" and re.match(
                r"\((?:setq |string-trim|[:'\"]|gptel-|[a-z]+-[a-z-]+ )", text[index:]):
            depth = 1
        elif depth and char == "(":
            depth += 1
        elif depth and char == ")":
            depth -= 1
        elif not depth:
            out.append(char)
        index += 1
    return "".join(out)


def stray_english(text: str) -> list[str]:
    """The English words in TEXT, a Chinese text, that are not names, codes or Lisp."""
    for pattern in _NOT_PROSE[:5]:
        text = pattern.sub(" ", text)
    text = _strip_lisp(text)
    for pattern in _NOT_PROSE[5:]:
        text = pattern.sub(" ", text)
    words = []
    for word in _WORD.findall(text):
        if word in NAMES or _LISP.fullmatch(word):
            continue
        if re.search(r"[\d_./]", word) or word.isupper() or not re.search("[a-z]", word):
            continue  # codes, versions, hosts, model names, constants
        words.append(word)
    return words
