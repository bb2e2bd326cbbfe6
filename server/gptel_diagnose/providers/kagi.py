"""Kagi: FastGPT and the summarizer.  It publishes no error-code documentation."""

from __future__ import annotations

from .record import Provider

RECORD = Provider(
    kind="kagi",
    name="Kagi",
    hosts=r"(^|\.)kagi\.com$",
    api_hosts=("kagi.com",),
    key_env="KAGI_API_KEY",
    keys_url="https://kagi.com/settings?p=api",
    billing_url="https://kagi.com/settings?p=billing_api",
)
