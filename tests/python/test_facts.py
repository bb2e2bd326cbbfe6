"""One vocabulary: rule conditions are named after facts, and facts after the wire."""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin, get_type_hints

import pytest

from gptel_diagnose.engine import CHECKS, diagnose
from gptel_diagnose.facts import CONDITIONS, FACTS, TESTS, Facts, read_facts
from gptel_diagnose.protocol import BackendInfo, DiagnoseParams, ErrorInfo, RequestInfo
from gptel_diagnose.rules import REGISTRY
from gptel_diagnose.rules.base import match

HINTS = get_type_hints(Facts)


def _parts(hint: Any) -> set[Any]:
    """The members of a union hint, or the hint itself."""
    if get_origin(hint) in (Union, types.UnionType):
        return set(get_args(hint))
    return {hint}


def test_every_rule_condition_names_a_fact() -> None:
    for rule in REGISTRY:
        for when in rule.whens:
            for name in when.conditions:
                assert name in CONDITIONS, (rule.code, name)
                assert CONDITIONS[name][0] in HINTS, (rule.code, name)


@pytest.mark.parametrize("name", ["key_whitespace", "params", "providers", "no_http"])
def test_a_condition_on_no_fact_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match="no fact"):
        match(**{name: True})


def test_each_fact_is_tested_as_its_type_allows() -> None:
    for field in FACTS:
        test, parts = field.metadata["test"], _parts(HINTS[field.name])
        if test == "overlaps":
            assert get_origin(HINTS[field.name]) is frozenset, field.name
        elif test == "in":
            assert not any(get_origin(p) is frozenset for p in parts), field.name
        elif test == "is":
            assert parts <= {bool, type(None)}, field.name
        elif test == "present":
            assert type(None) in parts, field.name
        elif test in ("pattern", "text"):
            assert parts == {str}, field.name


def test_engine_has_a_check_for_every_kind_of_test() -> None:
    assert set(CHECKS) == set(TESTS)


def test_facts_never_carry_the_raw_request() -> None:
    raw = {DiagnoseParams, ErrorInfo, BackendInfo, RequestInfo}
    for name, hint in HINTS.items():
        assert not _parts(hint) & raw, name


def test_a_fact_read_from_the_wire_keeps_its_wire_name() -> None:
    # The drift this guards against: the wire's key_has_whitespace once was key_whitespace.
    wire = (set(RequestInfo.model_fields) | set(BackendInfo.model_fields)
            | set(ErrorInfo.model_fields))
    read = [f.name for f in FACTS if f.metadata["read"]]
    assert read
    for name in read:
        assert name in wire or name.removeprefix("backend_") in BackendInfo.model_fields, name


def test_read_facts_reads_the_backend_name_for_the_texts() -> None:
    params = DiagnoseParams.model_validate(
        {"error": {"http_status": 401}, "backend": {"name": "My-Proxy", "host": "10.0.0.7"}})
    assert read_facts(params).backend_name == "My-Proxy"
    assert "My-Proxy" in diagnose(params).summary


def test_negated_conditions_exclude_the_fact_value() -> None:
    facts = read_facts(DiagnoseParams.model_validate(
        {"error": {"http_status": 429}, "backend": {"kind": "gemini"}}))
    assert CHECKS["in"]("provider", frozenset({"gemini"}), False)(facts) is True
    assert CHECKS["in"]("provider", frozenset({"gemini"}), True)(facts) is False


@pytest.mark.parametrize(("text", "http", "code"), [
    ("Curl failed with exit code 7. See Curl manpage for details.", None, 7),
    ("curl: (35) OpenSSL SSL_connect: Connection reset by peer", None, 35),
    # Other clients' words for curl's exit code.
    ('curl exited with code=2 stderr={ "curl: no URL specified!" }', None, 2),
    ("curl error 28: Operation timed out", None, 28),
    # Not an exit code: curl's has one or two digits.
    ("curl error: 404 Not Found", None, None),
    # libcurl's own texts, quoted without the number, when no HTTP answer came.
    ("Recv failure: Connection reset by peer", None, 56),
    ("Empty reply from server", None, 52),
    ("transfer closed with outstanding read data remaining", None, 18),
    # With an HTTP answer, the words are not curl's verdict.
    ("Empty reply from server", "502", None),
])
def test_curl_exit_code_is_read_from_gptel_curl_and_other_clients(
        text: str, http: str | None, code: int | None) -> None:
    params = DiagnoseParams(error=ErrorInfo(error=text, http_status=http))
    assert read_facts(params).curl == code


def _text_of(error: str) -> str:
    return read_facts(DiagnoseParams(error=ErrorInfo(error=error))).text


def test_chinese_read_in_the_wrong_encoding_is_put_back_beside_it() -> None:
    # New API's "无可用渠道" as a client showed it: UTF-8 bytes decoded as GBK.
    garbled = ("503 鍒嗙粍 aws1 涓嬫ā鍨� claude-3-5-sonnet-20241022 鏃犲彲鐢ㄦ笭閬擄紙"
               "distributor锛� (request id: 20260126221714770426309JB7fopn8)")
    assert "无可用渠道" not in garbled
    assert "无可用渠道" in _text_of(garbled)


@pytest.mark.parametrize("words", ["当前分组上游负载已饱和，请稍后再试", "余额不足，请充值后再试",
                                   "该令牌无权访问模型 gpt-4o", "内容长度超出大语言模型限制。"])
def test_chinese_read_rightly_gets_no_second_reading(words: str) -> None:
    assert _text_of(words).count("\n") == 0
