"""No key survives: random keys at random places of random payloads never reach any output."""

from __future__ import annotations

import json
import logging
import re
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gptel_diagnose.engine import diagnose
from gptel_diagnose.logs import RedactingFilter
from gptel_diagnose.protocol import DiagnoseParams
from gptel_diagnose.redact import _redact_context, _redact_keys, redact
from gptel_diagnose.rules import REGISTRY

ALNUM = string.ascii_letters + string.digits
UPPER = string.ascii_uppercase + string.digits
HEX = "0123456789abcdef"


def _token(alphabet: str, low: int, high: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=low, max_size=high)


# Each strategy draws (what a leak would look like, the secret part that must vanish).
KEYS = st.one_of(
    _token(ALNUM, 32, 64).map(lambda t: "sk-" + t),
    _token(ALNUM + "_-", 40, 120).map(lambda t: "sk-proj-" + t),
    _token(ALNUM + "_-", 40, 100).map(lambda t: "sk-ant-api03-" + t),
    _token(HEX, 64, 64).map(lambda t: "sk-or-v1-" + t),
    _token(ALNUM + "_-", 35, 35).map(lambda t: "AIza" + t),
    st.tuples(st.sampled_from(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]),
              _token(ALNUM, 36, 36)).map("".join),
    _token(ALNUM, 52, 52).map(lambda t: "gsk_" + t),
    _token(ALNUM, 80, 80).map(lambda t: "xai-" + t),
    st.tuples(st.sampled_from(["AKIA", "ASIA"]), _token(UPPER, 16, 16)).map("".join),
)
SECRET_HEADERS = st.one_of(
    _token(ALNUM + "-._~+/", 20, 60).map(lambda t: ("Authorization: Bearer " + t, t)),
    _token(ALNUM + "-._~+/", 20, 60).map(lambda t: ("authorization: bearer " + t, t)),
    _token(ALNUM + "-_", 20, 60).map(lambda t: ("x-api-key: " + t, t)),
    _token(ALNUM + "-_", 20, 60).map(lambda t: ("X-Goog-Api-Key: " + t, t)),
    _token(ALNUM + "-_", 20, 60).map(lambda t: ("api-key: " + t, t)),
    _token(ALNUM + "-_", 20, 60).map(lambda t: ("https://x.example/v1?key=" + t, t)),
)
SECRETS = st.one_of(KEYS.map(lambda k: (k, k)), SECRET_HEADERS)
FILLER = st.text(alphabet=string.printable.replace("\x0b", "").replace("\x0c", ""),
                 max_size=40)
SEPARATORS = st.sampled_from([" ", "\n", ": ", "'", '"', "(", "[", ",", "=", "\t", " key "])


@st.composite
def text_with_secret(draw: st.DrawFn) -> tuple[str, str]:
    leak, secret = draw(SECRETS)
    before, after = draw(FILLER), draw(FILLER)
    # A filler that happens to spell the secret is not a leak of it, nor is a "secret" of
    # plain words that the output uses anyway (a rule name such as bedrock-curl-too-old).
    assume(secret not in before + after)
    assume(not re.fullmatch(r"[a-z._~+/-]+", secret))
    text = before + draw(SEPARATORS) + leak + draw(SEPARATORS) + after
    return text, secret


def _place(value: Any, path: list[str], text: str) -> Any:
    """VALUE with TEXT stored at PATH (creating objects as needed)."""
    if not path:
        return text
    base = dict(value) if isinstance(value, dict) else {}
    base[path[0]] = _place(base.get(path[0]), path[1:], text)
    return base


PLACES = [
    ["error", "error"],
    ["error", "error", "message"],
    ["error", "error", "error", "message"],
    ["error", "error", "metadata", "raw"],
    ["error", "error", "details"],
    ["error", "status"],
    ["error", "displayed"],
    ["error", "http_status"],
    ["backend", "name"],
    ["backend", "host"],
    ["backend", "kind"],
    ["backend", "endpoint"],
    ["backend", "protocol"],
    ["request", "proxy_host"],
    ["request", "model"],
    ["request", "gptel_version"],
]
BASES = [example.params() for rule in REGISTRY[:: max(1, len(REGISTRY) // 12)]
         for example in rule.examples[:1]]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(secret=text_with_secret(), place=st.sampled_from(PLACES),
       base=st.sampled_from(BASES), locale=st.sampled_from(["en", "zh"]))
def test_no_key_survives_in_any_field_of_any_result(
        secret: tuple[str, str], place: list[str], base: dict[str, Any], locale: str) -> None:
    text, needle = secret
    params = _place(base, place, text)
    params["locale"] = locale
    result = diagnose(DiagnoseParams.model_validate(params)).model_dump(mode="json")
    assert needle not in json.dumps(result, ensure_ascii=False)


@settings(max_examples=300, deadline=None)
@given(secret=text_with_secret())
def test_redact_removes_every_secret_shape(secret: tuple[str, str]) -> None:
    text, needle = secret
    assert needle not in redact(text)


@settings(max_examples=100, deadline=None)
@given(secret=text_with_secret())
def test_log_lines_are_redacted(secret: tuple[str, str]) -> None:
    text, needle = secret
    record = logging.LogRecord("gptel_diagnose", logging.ERROR, __file__, 1,
                               "failed on %s", (text,), None)
    RedactingFilter().filter(record)
    assert needle not in record.getMessage()


# Words the patterns key on, in odd cases and with the characters IGNORECASE folds into
# ASCII ("ſ" is an s, "ı" an i, "K" a k), to test the cheap marker tests against.
ODD_WORDS = st.sampled_from(["Bearer ", "AUTHORIZATION: ", "x-api-Key=", "ſecret: ",
                             "authorızation: ", "\u212aey=", "?sig=", "--user ", "Cookie: ",
                             "PaSSword ", "token="])


@settings(max_examples=500, deadline=None)
@given(parts=st.lists(st.one_of(st.tuples(ODD_WORDS, _token(ALNUM, 6, 20)).map("".join),
                                KEYS, st.text(max_size=30)), max_size=4))
def test_marker_tests_never_skip_a_secret(parts: list[str]) -> None:
    text = " ".join(parts)
    assert redact(text) == _redact_context(_redact_keys(text))


def test_redaction_keeps_ordinary_text() -> None:
    text = "The model `gpt-4o` does not exist or you do not have access to it."
    assert redact(text) == text
    assert redact("Please try again in 9.816s.") == "Please try again in 9.816s."


def test_provider_masking_is_also_redacted() -> None:
    masked = "Incorrect API key provided: sk-proj-abc*****************xyz1."
    assert "xyz1" not in redact(masked)


# The cases the companion's redactor runs too (tests/elisp/gptel-diagnose-tests.el).
REDACTION_CASES = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "redaction-cases.json").read_text("utf-8")
)["cases"]


@pytest.mark.parametrize("case", REDACTION_CASES, ids=[c["name"] for c in REDACTION_CASES])
def test_redaction_case_shared_with_the_companion(case: dict[str, Any]) -> None:
    redacted = redact(case["text"])
    assert case["secret"] not in redacted
    for kept in case["keep"]:
        assert kept in redacted
    # What was redacted once (the companion's body, a log line) stays as it is.
    assert redact(redacted) == redacted
