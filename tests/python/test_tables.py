"""The tables the companion ships: generated from the server's own sources, and fresh."""

from __future__ import annotations

import re
from pathlib import Path

from gptel_diagnose import curl, tables
from gptel_diagnose.providers import PROVIDERS
from gptel_diagnose.rules.base import SETTABLE, FixSpec

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_elisp_tables_are_the_generated_ones() -> None:
    shipped = (ROOT / "elisp" / "gptel-diagnose-tables.el").read_text("utf-8")
    assert shipped == tables.elisp(), "elisp/gptel-diagnose-tables.el is stale: scripts/gen-docs"


def test_the_companion_allowlist_is_the_servers() -> None:
    shipped = (ROOT / "elisp" / "gptel-diagnose-tables.el").read_text("utf-8")
    block = shipped.split("(defconst gptel-diagnose--settable-variables", 1)[1].split('"', 1)[0]
    assert set(re.findall(r"gptel-[a-z-]+", block)) == SETTABLE


def test_a_fix_outside_the_allowlist_cannot_be_written() -> None:
    try:
        FixSpec("Change the shell", "safe", variable="shell-file-name", value='"/bin/sh"')
    except ValueError:
        return
    raise AssertionError("a rule could set a variable the companion would refuse")


def test_every_generic_status_has_a_meaning_that_names_it() -> None:
    assert 401 in tables.generic_statuses() and 500 in tables.generic_statuses()
    for status in tables.generic_statuses():
        for locale in tables.LOCALES:
            meaning = tables.status_meaning(status, locale)
            assert f"HTTP {status}" in meaning
            assert "(no message)" not in meaning
            assert "{" not in meaning


def test_every_curl_code_of_the_server_is_in_the_companions_table() -> None:
    text = tables.elisp()
    for code, english in curl.MEANINGS.items():
        assert f'({code} "{english}" . ' in text


def test_every_provider_key_variable_is_in_the_companions_table() -> None:
    text = tables.elisp()
    for provider in PROVIDERS:
        if provider.key_env:
            assert f'("{provider.kind}" . "{provider.key_env}")' in text


def test_a_key_prefix_names_its_provider_and_a_shared_one_names_nobody() -> None:
    prefixes = dict(tables.key_prefixes())
    shared = {prefix for prefix in {p for r in PROVIDERS for p in r.key_prefixes}
              if sum(prefix in r.key_prefixes for r in PROVIDERS) > 1}
    assert "sk-" in shared  # DeepSeek, Moonshot, Hunyuan... all document it
    assert not shared & set(prefixes)
    for provider in PROVIDERS:
        for prefix in set(provider.key_prefixes) - shared:
            assert prefixes[prefix] == provider.kind
    # The companion takes the first match: a longer prefix must come before its own start.
    order = [prefix for prefix, _kind in tables.key_prefixes()]
    for i, prefix in enumerate(order):
        assert not any(later.startswith(prefix) for later in order[i + 1:])
