"""The live balance check against fake providers on loopback that replay documented answers.

Each answer is the provider's documented example (source beside it), or that shape with the
figures of an exhausted account.  The key must reach the provider's own host and nothing else.
"""

from __future__ import annotations

import json
import os
import queue
import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from gptel_diagnose import balance as balance_module
from gptel_diagnose.balance import PARSERS, fetch_balance, parse_moonshot
from gptel_diagnose.checks import run_balance, run_check
from gptel_diagnose.protocol import BalanceParams, BalanceResult, CheckParams
from gptel_diagnose.providers import PROVIDERS, lookup
from gptel_diagnose.providers.record import Balance

from fake_provider import FakeProvider, Reply

KEY = "sk-balance-test-key-0123456789abcdef"
LOOPBACK = r"^127\.0\.0\.1$"

# The real records, served on loopback: their balance paths and formats are what is tested.
RECORDS = {kind: replace(record, hosts=LOOPBACK) for kind in
           ("deepseek", "moonshot", "siliconflow", "openrouter", "stepfun")
           if (record := lookup(kind)) is not None}

# https://api-docs.deepseek.com/api/get-user-balance (example response)
DEEPSEEK = {"is_available": True, "balance_infos": [
    {"currency": "CNY", "total_balance": "110.00", "granted_balance": "10.00",
     "topped_up_balance": "100.00"}]}
DEEPSEEK_EXHAUSTED = {"is_available": False, "balance_infos": [
    {"currency": "CNY", "total_balance": "0.00", "granted_balance": "0.00",
     "topped_up_balance": "0.00"}]}
# https://platform.kimi.ai/docs/api/balance.md (example response)
MOONSHOT_TEXT = ('{"code": 0, "data": {"available_balance": 49.58894, "voucher_balance": '
                 '46.58893, "cash_balance": 3.00001}, "scode": "0x0", "status": true}')
MOONSHOT_EXHAUSTED = {"code": 0, "data": {"available_balance": -2.5, "voucher_balance": 0,
                                          "cash_balance": -2.5}, "scode": "0x0", "status": True}
# https://docs.siliconflow.cn/cn/api-reference/userinfo/get-user-info (example response)
SILICONFLOW = {"code": 20000, "message": "OK", "status": True, "data": {
    "id": "", "name": "user", "image": "", "email": "", "isAdmin": False, "balance": "0.88",
    "status": "normal", "introduction": "", "role": "", "chargeBalance": "88.00",
    "totalBalance": "88.88"}}
SILICONFLOW_EXHAUSTED = {**SILICONFLOW, "data": {
    **SILICONFLOW["data"], "balance": "0.00", "chargeBalance": "0.00",  # type: ignore[dict-item]
    "totalBalance": "0.00"}}
# https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key (SDK example)
OPENROUTER = {"data": {
    "byok_usage": 17.38, "include_byok_in_limit": False, "is_free_tier": False,
    "is_management_key": False, "is_provisioning_key": False, "label": "sk-or-v1-au7...890",
    "limit": 100, "limit_remaining": 74.5, "limit_reset": "monthly",
    "usage": 25.5, "usage_daily": 25.5, "usage_monthly": 25.5, "usage_weekly": 25.5}}
OPENROUTER_UNLIMITED = {"data": {**OPENROUTER["data"], "limit": None,
                                 "limit_remaining": None, "limit_reset": None}}
# https://platform.stepfun.com/docs/api-reference/accounts/get (fields as documented)
STEPFUN = {"object": "account", "type": "prepaid", "balance": "12.50",
           "total_cash_balance": "20.00", "total_voucher_balance": "5.00"}
STEPFUN_EXHAUSTED = {**STEPFUN, "balance": "0.00"}
STEPFUN_POSTPAID = {**STEPFUN, "type": "postpaid", "balance": "0.00"}
OPENROUTER_EXHAUSTED = {"data": {**OPENROUTER["data"], "limit": 5, "limit_remaining": 0,
                                 "usage": 5}}

PATHS = {record.balance.path: kind for kind, record in RECORDS.items() if record.balance}


def replaying(answer: Any, status: int = 200) -> Any:
    """A fake that answers the balance path with ANSWER, only for the right bearer key."""
    def route(path: str, headers: dict[str, str]) -> Reply:
        if path not in PATHS:
            return Reply.of(404, {"error": {"message": "not found"}})
        if headers.get("authorization") != f"Bearer {KEY}":
            return Reply.of(401, {"error": {"message": "Authentication Fails"}})
        if isinstance(answer, str):
            return Reply(status, answer.encode(), "application/json")
        return Reply.of(status, answer)
    return route


def ask(kind: str, answer: Any, status: int = 200, key: str | None = KEY) -> BalanceResult:
    with FakeProvider(replaying(answer, status)) as fake:
        result = fetch_balance(RECORDS[kind], "127.0.0.1", "http", key, port=fake.port)
        assert [seen.path for seen in fake.seen] == [RECORDS[kind].balance.path]  # type: ignore[union-attr]
    assert KEY not in json.dumps(result.model_dump(mode="json"))
    return result


@pytest.mark.parametrize(("kind", "answer", "status", "can_call", "line", "line_zh"), [
    ("deepseek", DEEPSEEK, "ok", True,
     "DeepSeek balance: CNY 110.00", "深度求索 DeepSeek 余额：¥110.00"),
    ("deepseek", DEEPSEEK_EXHAUSTED, "exhausted", False,
     "DeepSeek balance: CNY 0.00 (exhausted)", "深度求索 DeepSeek 余额：¥0.00（已用尽）"),
    ("moonshot", MOONSHOT_TEXT, "ok", True,
     "Moonshot AI (Kimi) balance: USD 49.58894", "月之暗面 Kimi 余额：$49.58894"),
    ("moonshot", MOONSHOT_EXHAUSTED, "exhausted", False,
     "Moonshot AI (Kimi) balance: USD -2.5 (exhausted; owes USD -2.5)",
     "月之暗面 Kimi 余额：-$2.5（已用尽；欠费 -$2.5）"),
    ("stepfun", STEPFUN, "ok", True, "StepFun balance: 12.50", "阶跃星辰余额：12.50"),
    ("stepfun", STEPFUN_EXHAUSTED, "exhausted", False,
     "StepFun balance: 0.00 (exhausted)", "阶跃星辰余额：0.00（已用尽）"),
    ("stepfun", STEPFUN_POSTPAID, "ok", None,
     "StepFun balance: 0.00 (postpaid)", "阶跃星辰余额：0.00（后付费）"),
    ("siliconflow", SILICONFLOW, "ok", True,
     "SiliconFlow balance: 88.88", "硅基流动余额：88.88"),
    ("siliconflow", SILICONFLOW_EXHAUSTED, "exhausted", False,
     "SiliconFlow balance: 0.00 (exhausted)", "硅基流动余额：0.00（已用尽）"),
    ("openrouter", OPENROUTER, "ok", True,
     "OpenRouter key spend limit left: USD 74.5", "OpenRouter 密钥消费上限剩余：$74.5"),
    ("openrouter", OPENROUTER_UNLIMITED, "ok", None,
     "OpenRouter key spend limit: none set, USD 25.5 used",
     "OpenRouter 密钥消费上限：未设置，已用 $25.5"),
    ("openrouter", OPENROUTER_EXHAUSTED, "exhausted", False,
     "OpenRouter key spend limit left: USD 0 (exhausted)",
     "OpenRouter 密钥消费上限剩余：$0（已用尽）"),
])
def test_each_documented_answer_reads_as_its_figures(
        kind: str, answer: Any, status: str, can_call: bool | None, line: str,
        line_zh: str) -> None:
    result = ask(kind, answer)
    assert (result.status, result.can_call) == (status, can_call)
    assert (result.message, result.message_zh) == (line, line_zh)
    assert result.provider == kind


def test_amounts_are_kept_exactly_as_the_provider_sent_them() -> None:
    moonshot = ask("moonshot", MOONSHOT_TEXT)
    assert [(a.name, a.amount) for a in moonshot.amounts] == [
        ("available_balance", "49.58894"), ("voucher_balance", "46.58893"),
        ("cash_balance", "3.00001")]
    deepseek = ask("deepseek", DEEPSEEK)
    assert [(a.name, a.amount, a.currency, a.text, a.text_zh) for a in deepseek.amounts] == [
        ("total_balance", "110.00", "CNY", "CNY 110.00", "¥110.00"),
        ("granted_balance", "10.00", "CNY", "CNY 10.00", "¥10.00"),
        ("topped_up_balance", "100.00", "CNY", "CNY 100.00", "¥100.00")]


def test_deepseek_amounts_as_numbers_in_the_older_docs_still_read() -> None:
    # https://platform.deepseek.com/api-docs/zh-cn/api/get-user-balance typed them as numbers.
    older = ('{"is_available": true, "balance_infos": [{"currency": "CNY", '
             '"total_balance": 110.00, "granted_balance": 10.00, "topped_up_balance": 100.00}]}')
    assert ask("deepseek", older).message == "DeepSeek balance: CNY 110.00"


def test_moonshot_cn_is_in_yuan_and_ai_in_dollars() -> None:
    data = json.loads(MOONSHOT_TEXT, parse_float=Decimal)
    cn = parse_moonshot(data, "api.moonshot.cn")
    ai = parse_moonshot(data, "api.moonshot.ai")
    assert {a.currency for a in cn.amounts} == {"CNY"}
    assert {a.currency for a in ai.amounts} == {"USD"}


def test_a_small_balance_is_low_not_ok() -> None:
    low = {"is_available": True, "balance_infos": [
        {"currency": "USD", "total_balance": "0.42", "granted_balance": "0.00",
         "topped_up_balance": "0.42"}]}
    result = ask("deepseek", low)
    assert (result.status, result.can_call) == ("low", True)
    assert result.message == "DeepSeek balance: USD 0.42 (low)"


@pytest.mark.parametrize("kind", sorted(RECORDS))
@pytest.mark.parametrize("answer", [
    "<html><body>502 Bad Gateway</body></html>",
    {"error": {"message": "something else", "type": "unknown"}},
    {"data": {"available_balance": "lots", "limit_remaining": "lots"},
     "balance_infos": [{"total_balance": "1.00"}], "is_available": True},
])
def test_a_malformed_answer_is_said_to_be_one(kind: str, answer: Any) -> None:
    result = ask(kind, answer)
    assert result.status == "failed" and result.amounts == []
    assert "not in the documented shape" in result.message
    assert "格式与文档不符" in result.message_zh


def test_a_rejected_key_is_named() -> None:
    with FakeProvider(replaying(DEEPSEEK)) as fake:
        result = fetch_balance(RECORDS["deepseek"], "127.0.0.1", "http", "sk-wrong-0000000000",
                               port=fake.port)
    assert result.status == "failed" and "key was rejected (HTTP 401)" in result.message
    assert "sk-wrong" not in json.dumps(result.model_dump(mode="json"))


def test_a_redirect_to_another_host_is_not_followed_with_the_key() -> None:
    with FakeProvider(replaying(DEEPSEEK), host="127.0.0.2") as other:
        moved = Reply.of(302, "", headers=(("Location",
                                            f"http://127.0.0.2:{other.port}/user/balance"),))
        with FakeProvider({"user": moved}) as api:
            result = fetch_balance(RECORDS["deepseek"], "127.0.0.1", "http", KEY,
                                   port=api.port)
        assert other.seen == []
    assert result.status == "failed" and "not followed" in result.message
    assert "127.0.0.2" in result.message


def test_a_host_that_is_not_the_providers_own_is_not_sent_the_key() -> None:
    relay = replace(RECORDS["deepseek"], hosts=r"(^|\.)deepseek\.com$")
    with FakeProvider(replaying(DEEPSEEK)) as fake:
        result = fetch_balance(relay, "127.0.0.1", "http", KEY, port=fake.port)
        assert fake.seen == []
    assert result.status == "unavailable"
    assert result.url == "https://platform.deepseek.com/usage"
    assert "127.0.0.1 is not DeepSeek's own host" in result.message
    # The page is offered only for a host that forwards to DeepSeek, not for a relay.
    assert "If it is a relay, the balance is on its own site" in result.message
    assert "如果它是中转服务" in result.message_zh
    assert "转发到深度求索 DeepSeek，请在" in result.message_zh


def test_an_absolute_balance_url_on_another_host_is_not_asked() -> None:
    with FakeProvider(replaying(DEEPSEEK), host="127.0.0.2") as other:
        elsewhere = replace(RECORDS["deepseek"], balance=Balance(
            f"https://127.0.0.2:{other.port}/user/balance", "deepseek", "test"))
        result = fetch_balance(elsewhere, "127.0.0.1", "http", KEY, port=other.port)
        assert other.seen == []
    assert result.status == "failed" and "not on 127.0.0.1" in result.message


@pytest.fixture
def silent() -> Iterator[int]:
    """A port that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    yield server.getsockname()[1]
    server.close()


def test_a_silent_provider_times_out(silent: int) -> None:
    result = fetch_balance(RECORDS["deepseek"], "127.0.0.1", "http", KEY, port=silent,
                           timeout=0.5)
    assert result.status == "failed"
    assert "timed out" in result.message and "超时" in result.message_zh


def test_a_provider_without_a_balance_api_links_its_usage_page() -> None:
    result = run_balance(BalanceParams.model_validate({
        "backend": {"host": "api.openai.com"}, "key": KEY}))
    assert result.status == "no_api"
    assert result.url == "https://platform.openai.com/usage"
    assert result.message == "OpenAI has no balance API: see https://platform.openai.com/usage"


@pytest.mark.parametrize("backend", [
    {"host": "relay.example.org", "kind": "openai", "name": "OpenAI中转"},
    {"host": "relay.example.org", "kind": "openai"},
])
def test_a_relay_speaking_a_providers_api_is_not_sent_to_the_providers_usage_page(
        backend: dict[str, str]) -> None:
    # A hand trial: a relay named "OpenAI中转" out of credit was told to look at OpenAI's
    # usage page for its balance.
    result = run_balance(BalanceParams.model_validate({"backend": backend, "key": KEY}))
    assert result.status == "unavailable" and result.url is None
    assert "relay.example.org is not OpenAI's own host" in result.message
    assert "该服务" in result.message_zh and "openai.com" not in result.message_zh


@pytest.fixture
def loopback_records(monkeypatch: pytest.MonkeyPatch) -> None:
    """The records above for their kinds, so the checkup finds them on 127.0.0.1."""
    monkeypatch.setattr(balance_module, "provider_record", RECORDS.get)


def checkup(kind: str, port: int, locale: str | None = None) -> dict[str, Any]:
    result = run_check(CheckParams.model_validate({
        "backend": {"kind": kind, "host": f"127.0.0.1:{port}", "protocol": "http"},
        "request": {"model": "deepseek-chat"}, "settings": {"local_ports": {}},
        "key": KEY, "locale": locale}))
    assert KEY not in json.dumps(result.model_dump(mode="json"))
    return {check.name: check for check in result.checks}


def with_models(answer: Any) -> Any:
    balance = replaying(answer)

    def route(path: str, headers: dict[str, str]) -> Reply:
        if path == "/models":
            return Reply.of(200, {"object": "list", "data": [{"id": "deepseek-chat"}]})
        return balance(path, headers)  # type: ignore[no-any-return]
    return route


@pytest.mark.usefixtures("loopback_records")
def test_the_checkup_shows_an_exhausted_balance_as_a_failure_with_top_up() -> None:
    with FakeProvider(with_models(DEEPSEEK_EXHAUSTED)) as fake:
        checks = checkup("deepseek", fake.port)
    assert checks["key"].status == "pass"
    assert checks["balance"].status == "fail"
    assert checks["balance"].message == "DeepSeek balance: CNY 0.00 (exhausted)"
    assert [fix.url for fix in checks["balance"].fixes] == [
        "https://platform.deepseek.com/top_up"]


@pytest.mark.usefixtures("loopback_records")
def test_the_checkup_balance_line_follows_the_locale() -> None:
    with FakeProvider(with_models(DEEPSEEK)) as fake:
        checks = checkup("deepseek", fake.port, locale="zh")
    balance = checks["balance"]
    assert (balance.status, balance.message) == ("pass", "深度求索 DeepSeek 余额：¥110.00")


def test_the_checkup_has_no_balance_line_without_a_balance_api() -> None:
    with FakeProvider(with_models(DEEPSEEK)) as fake:
        checks = checkup("openai", fake.port)
        assert [seen.path for seen in fake.seen] == ["/v1/models"]
    assert "balance" not in checks


@pytest.mark.usefixtures("loopback_records")
def test_balance_method_answers_off_the_reader_thread(silent: int,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from gptel_diagnose.rpc import Server
    from gptel_diagnose.service import METHODS

    from wire import frame, read_frames

    monkeypatch.setattr(balance_module, "BALANCE_TIMEOUT", 0.5)
    requests_r, requests_w = os.pipe()
    replies_r, replies_w = os.pipe()
    server = Server(METHODS, os.fdopen(requests_r, "rb"), os.fdopen(replies_w, "wb"))
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    inbox: queue.Queue[Any] = queue.Queue()
    threading.Thread(target=read_frames, args=(os.fdopen(replies_r, "rb"), inbox),
                     daemon=True).start()
    with os.fdopen(requests_w, "wb") as requests:
        requests.write(frame({"jsonrpc": "2.0", "id": "balance", "method": "balance",
                              "params": {"backend": {"kind": "deepseek", "protocol": "http",
                                                     "host": f"127.0.0.1:{silent}"},
                                         "key": KEY}}))
        requests.write(frame({"jsonrpc": "2.0", "id": "quick", "method": "diagnose",
                              "params": {"error": {"curl_exit_code": 7}}}))
        requests.flush()
        first, second = inbox.get(timeout=30), inbox.get(timeout=30)
    thread.join(timeout=30)
    assert first["id"] == "quick" and second["id"] == "balance"
    result = second["result"]
    assert result["status"] == "failed" and "timed out" in result["message"]
    assert KEY not in json.dumps(second)


def test_every_record_with_a_balance_api_names_a_parser_that_exists() -> None:
    named = {p.kind: p.balance.format for p in PROVIDERS if p.balance}
    assert {"deepseek", "moonshot", "siliconflow", "openrouter", "stepfun"} <= set(named)
    assert set(named.values()) <= set(PARSERS)
