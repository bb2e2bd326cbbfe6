"""The Chinese providers' records: well formed, and right on their real failures.

Each payload below is a real body, from the provider's documentation or a public report
(its URL beside it), read the way the engine reads it: `read_facts` on the params gptel
would hand over, then the provider's `documented()` on the codes, status and text found.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from gptel_diagnose.facts import read_facts
from gptel_diagnose.protocol import CATEGORIES, DiagnoseParams
from gptel_diagnose.providers import (
    PROVIDERS,
    dashscope,
    deepseek,
    minimax,
    moonshot,
    relay,
    siliconflow,
    volcengine,
    zhipu,
)
from gptel_diagnose.providers.record import Code, Provider

from gptel_view import corpus_params

CJK = re.compile(r"[\u4e00-\u9fff]")
# Real failures of these providers, labelled as tests/corpus/LABELING.md says: part of the
# corpus `scripts/accuracy` scores.
CHINA_KINDS = ("deepseek", "moonshot", "zhipu", "dashscope", "siliconflow", "volcengine",
               "minimax", "baichuan", "hunyuan", "qianfan", "stepfun", "relay")
RECORDS = tuple(p for p in PROVIDERS if p.kind in CHINA_KINDS)
CORPUS = Path(__file__).parents[1] / "corpus" / "providers-cn.jsonl"


def _ids(record: Provider) -> str:
    return record.kind


@pytest.mark.parametrize("record", RECORDS, ids=_ids)
def test_hosts_regex_matches_every_api_host(record: Provider) -> None:
    for host in record.api_hosts:
        assert re.search(record.hosts, host, re.IGNORECASE), (record.kind, host)


@pytest.mark.parametrize("record", RECORDS, ids=_ids)
def test_every_code_is_sourced_categorised_and_translated(record: Provider) -> None:
    for code in record.codes:
        label = f"{record.kind} {code.key or code.text}"
        assert code.source.startswith("https://"), label
        assert code.category in CATEGORIES, label
        assert CJK.search(code.meaning_zh), label
        assert code.meaning and not CJK.search(code.meaning), label
        assert code.key == code.key.lower(), label
        assert code.key or code.text, f"{label}: a code with neither key nor text never applies"
        if code.text:
            re.compile(code.text)
            assert code.text == code.text.lower(), f"{label}: text is matched lower-cased"


def test_records_are_listed_once_each_in_the_order_of_the_issue() -> None:
    assert [r.kind for r in RECORDS] == [
        "deepseek", "moonshot", "zhipu", "dashscope", "siliconflow", "volcengine",
        "minimax", "baichuan", "hunyuan", "qianfan", "stepfun", "relay"]


def test_z_ai_is_zhipus_international_host_not_a_typo_of_x_ai() -> None:
    assert re.search(zhipu.RECORD.hosts, "api.z.ai")
    assert "api.z.ai" in zhipu.RECORD.api_hosts
    assert not re.search(zhipu.RECORD.hosts, "api.x.ai")


def test_relay_has_no_fixed_host() -> None:
    assert relay.RECORD.hosts == "" and relay.RECORD.api_hosts == ()


def test_balance_apis_are_sourced() -> None:
    # What each balance API answers is tested against the real records in test_balance.py.
    assert {r.kind for r in RECORDS if r.balance} >= {"deepseek", "moonshot", "siliconflow"}
    for record in RECORDS:
        if record.balance:
            assert record.balance.source.startswith("https://"), record.kind


def _documented(record: Provider, http: int | None, body: Any) -> Code | None:
    params = corpus_params({"provider": record.kind, "http_status": http, "body": body})
    facts = read_facts(DiagnoseParams.model_validate(params))
    return record.documented(facts.codes, facts.http, facts.text)


# (record, HTTP status, body, category the provider documents, where the body is from)
CASES: list[tuple[Provider, int | None, Any, str, str]] = [
    (zhipu.RECORD, 429,
     {"error": {"code": "1113", "message": "您的账户已欠费，请充值后重试。"}},
     "billing.quota_exhausted", "https://github.com/langgenius/dify/issues/5850"),
    (zhipu.RECORD, 429,
     {"error": {"code": "1113",
                "message": "Insufficient balance or no resource package. Please recharge."},
      "request_id": "202603142338501da90b7ebe1d473d"},
     "billing.quota_exhausted", "https://github.com/7836246/cursor2api/issues/30"),
    (zhipu.RECORD, 429,
     {"error": {"code": "1308",
                "message": "已达到 5 小时的使用上限。您的限额将在 2026-08-25 07:41:44 重置。"}},
     "rate_limit", "https://github.com/dirge-code/dirge/issues/818"),
    (zhipu.RECORD, 429,
     {"error": {"code": "1302", "message": "您的账户已达到速率限制，请您控制请求频率"}},
     "rate_limit", "https://github.com/yilewang/llm-for-zotero/issues/17"),
    (zhipu.RECORD, 429,
     {"error": {"code": "1305", "message": "该模型当前访问量过大，请您稍后再试"},
      "request_id": "20260416094124822021dae9564747"},
     "server.overloaded", "https://github.com/zhukunpenglinyutong/jetbrains-cc-gui/issues/897"),
    (moonshot.RECORD, 429,
     {"error": {"message": "Your account org-de5241b31b0345aca34d854a6743eacf <ak-REDACTED> "
                           "is suspended due to insufficient balance, please recharge your "
                           "account or check your plan and billing details",
                "type": "exceeded_current_quota_error"}},
     "billing.quota_exhausted", "https://github.com/666ghj/BettaFish/issues/524"),
    (moonshot.RECORD, 429,
     {"error": {"type": "rate_limit_reached_error",
                "message": "Your account xxxxx / proj-xxxxxx <ak-xxxxx> request reached "
                           "project TPM rate limit, current: 1410, limit: 100, see "
                           "https://platform.moonshot.cn/docs/pricing/limits"}},
     "rate_limit", "https://github.com/LLM-Red-Team/kimi-cc/issues/41"),
    (dashscope.RECORD, None,
     {"error": {"code": "Arrearage", "param": None,
                "message": "Access denied, please make sure your account is in good standing.",
                "type": "Arrearage"},
      "id": "chatcmpl-f9fdb027-830c-9e05-8366-ce479a878825",
      "request_id": "f9fdb027-830c-9e05-8366-ce479a878825"},
     "billing.quota_exhausted", "https://github.com/hsliuping/TradingAgents-CN/issues/170"),
    (dashscope.RECORD, 400,
     {"statusCode": 400,
      "message": "Access denied, please make sure your account is in good standing.",
      "code": "Arrearage", "isJson": True,
      "requestId": "8af536f9-6b8b-93b5-bb5f-1597a3f65db4"},
     "billing.quota_exhausted", "https://github.com/tencentmusic/supersonic/issues/1572"),
    (dashscope.RECORD, 400,
     {"error": {"code": "data_inspection_failed", "param": None,
                "message": "Input data may contain inappropriate content.",
                "type": "data_inspection_failed"}},
     "content_policy",
     "https://www.alibabacloud.com/help/en/model-studio/developer-reference/error-code"),
    # The report quotes the client's line, not the body: no status, a message.
    (dashscope.RECORD, None,
     "<400> InternalError.Algo.DataInspectionFailed: Input text data may contain "
     "inappropriate content.",
     "content_policy", "https://github.com/QwenLM/qwen-code/issues/3145"),
    (deepseek.RECORD, 402,
     {"error": {"message": "Insufficient Balance", "type": "unknown_error", "param": None,
                "code": "invalid_request_error"}},
     "billing.quota_exhausted", "https://github.com/harry0703/MoneyPrinterTurbo/issues/932"),
    (deepseek.RECORD, 429, "Rate limit reached for TPM",
     "rate_limit", "https://github.com/esengine/DeepSeek-Reasonix/issues/2387"),
    (siliconflow.RECORD, 403,
     {"code": 30011,
      "message": "The selected model requires paid balance. Your paid balance is "
                 "insufficient. Please top up and try again.",
      "data": None},
     "billing.quota_exhausted", "https://github.com/FoundationAgents/OpenManus/issues/438"),
    (siliconflow.RECORD, 400,
     {"code": 20012, "message": "Model does not exist. Please check it carefully.",
      "data": None},
     "model.not_found", "https://docs.siliconflow.cn/cn/faqs/error-code"),
    (siliconflow.RECORD, 429,
     {"message": "Request was rejected due to rate limiting. Details: TPM limit reached.",
      "data": None},
     "rate_limit", "https://github.com/AIDotNet/OpenDeepWiki/issues/269"),
    (volcengine.RECORD, 403,
     {"code": "AccountOverdueError",
      "message": "The request failed because your account has an overdue balance. "
                 "Request id: 02175807918128087536ccb70d6c1a12319f6b583ee3463218d67",
      "param": "", "type": "Forbidden",
      "request_id": "20250917031941000049CCD20589BB8F4A"},
     "billing.quota_exhausted", "https://github.com/coze-dev/coze-studio/issues/2195"),
    (minimax.RECORD, 400,
     {"error": {"message": "invalid params, chat content has invalid message role: "
                           "system (2013)",
                "type": "bad_request_error", "param": "", "code": None}},
     "request.invalid_parameter", "https://github.com/BigPizzaV3/CodexPlusPlus/issues/267"),
    (minimax.RECORD, None, "invalid params, context window exceeds limit (2013)",
     "request.context_length", "https://github.com/MiniMax-AI/MiniMax-M2/issues/119"),
    (relay.RECORD, 503, "当前分组 svip 下对于模型  无可用渠道",
     "model.not_found", "https://github.com/songquanpeng/one-api/issues/2223"),
    (relay.RECORD, 403,
     {"error": {"message": "user quota is not enough "
                           "(request id: 2024081922011112714735330169131)",
                "type": "v_api_error", "param": "", "code": "insufficient_user_quota"}},
     "billing.quota_exhausted", "https://github.com/popjane/free_chatgpt_api/issues/26"),
    (relay.RECORD, None, "该令牌额度已用尽",
     "billing.quota_exhausted", "https://github.com/songquanpeng/one-api/issues/228"),
    (relay.RECORD, 429, "当前分组上游负载已饱和，请稍后再试 "
                        "(request id: 2025051910334187258811298942008)",
     "rate_limit", "https://github.com/zgsm-ai/costrict/issues/136"),
]


@pytest.mark.parametrize(("record", "http", "body", "category", "source"), CASES,
                         ids=[f"{c[0].kind}-{c[3]}-{i}" for i, c in enumerate(CASES)])
def test_real_payload_is_the_documented_category(
        record: Provider, http: int | None, body: Any, category: str, source: str) -> None:
    code = _documented(record, http, body)
    assert code is not None, f"no documented code for {source}"
    assert code.category == category, (source, code)


def test_zhipu_1113_at_429_is_billing_not_rate_limit() -> None:
    body = {"error": {"code": "1113", "message": "余额不足或无可用资源包,请充值"}}
    code = _documented(zhipu.RECORD, 429, body)
    assert code is not None and code.category == "billing.quota_exhausted"


def test_zhipu_plan_windows_are_rate_limits_and_an_expired_plan_is_billing() -> None:
    # 1308's window is hours ("Usage limit reached for 5 hour. Your limit will reset at
    # 2026-09-09 05:38:28", https://github.com/hugalafutro/model-hotel/pull/955); 1310 names
    # a week and a month with its reset time, a window too (LABELING.md, stop 52); 1309 is
    # the plan gone.
    by_key = {c.key: c.category for c in zhipu.RECORD.codes}
    assert by_key["1308"] == "rate_limit"
    assert by_key["1310"] == "rate_limit"
    assert by_key["1309"] == "billing.quota_exhausted"
    assert by_key["1302"] == by_key["1303"] == "rate_limit"
    assert by_key["1301"] == "content_policy"


def test_relay_no_channel_is_a_model_problem_not_an_overload() -> None:
    code = _documented(relay.RECORD, 503, {"error": {
        "message": "分组 default 下模型 glm-4 无可用渠道（distributor）",
        "type": "new_api_error", "code": "model_not_found"}})
    assert code is not None and code.category == "model.not_found"


def test_a_status_alone_is_not_a_documented_code() -> None:
    # DeepSeek documents 402 with its message; an empty body at 402 proves nothing more.
    assert _documented(deepseek.RECORD, 402, {"error": {"message": "", "code": ""}}) is None


def test_moonshot_quota_error_is_billing_on_403_too() -> None:
    code = _documented(moonshot.RECORD, 403, {"error": {
        "type": "exceeded_current_quota_error",
        "message": "Your account is not active, current state: suspended"}})
    assert code is not None and code.category == "billing.quota_exhausted"


def _corpus() -> list[dict[str, Any]]:
    return [json.loads(line) for line in CORPUS.read_text().splitlines()]


def test_corpus_is_sourced_keyless_and_labelled_for_each_record() -> None:
    key = re.compile(r"sk-(?!REDACTED)[A-Za-z0-9_-]{20,}|ak-(?!REDACTED|x+>)[a-z0-9]{12,}")
    kinds = {r.kind for r in RECORDS}
    seen: set[str] = set()
    for line in CORPUS.read_text().splitlines():
        record = json.loads(line)
        assert record["id"] not in seen, record["id"]
        seen.add(record["id"])
        assert record["provider"] in kinds, record["id"]
        assert record["source"].startswith("https://"), record["id"]
        assert record["label"] in CATEGORIES, record["id"]
        assert "body" in record and "http_status" in record, record["id"]
        assert not key.search(line), record["id"]
    assert kinds <= {json.loads(line)["provider"] for line in CORPUS.read_text().splitlines()}


def test_no_corpus_record_contradicts_its_provider_record() -> None:
    by_kind = {r.kind: r for r in RECORDS}
    agree = 0
    for record in _corpus():
        params = corpus_params(record)
        facts = read_facts(DiagnoseParams.model_validate(params))
        code = by_kind[record["provider"]].documented(facts.codes, facts.http, facts.text)
        if code is not None:
            assert code.category == record["label"], (record["id"], code)
            agree += 1
    # Baichuan publishes no codes: all others are told by a documented code.
    assert agree == len(_corpus()) - 1
