"""ChatGPT (OAuth): the ChatGPT subscription's backend.  No public error documentation.

Its chat path is the one Codex signed in with ChatGPT posts to (`/backend-api/codex/responses`,
in openai/codex's source): a 404 there is about the model, not the URL.
"""

from __future__ import annotations

from .record import Provider

RECORD = Provider(
    kind="chatgpt",
    name="ChatGPT (OAuth)",
    hosts=r"(^|\.)chatgpt\.com$",
    chat_paths=r"^/backend-api/codex/responses$",
)
