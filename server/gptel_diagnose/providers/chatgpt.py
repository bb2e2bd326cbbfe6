"""ChatGPT (OAuth): the ChatGPT subscription's backend.  No public error documentation."""

from __future__ import annotations

from .record import Provider

RECORD = Provider(
    kind="chatgpt",
    name="ChatGPT (OAuth)",
    hosts=r"(^|\.)chatgpt\.com$",
)
