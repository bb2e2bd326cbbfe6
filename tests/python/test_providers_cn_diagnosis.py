"""The Chinese providers' real failures, diagnosed end to end in both languages.

Every record of tests/corpus/providers-cn.jsonl is a real body (from the provider's
documentation or a public report, its URL in the record) of DeepSeek, Moonshot, Zhipu,
DashScope, SiliconFlow, Volcengine, MiniMax, Baichuan, Hunyuan, Qianfan, StepFun or a relay.
Each must come back with its labelled category, the provider named as its record names it
(its Chinese name in Chinese), that provider's own console or billing page among the links,
and no word of OpenAI's.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from gptel_diagnose.engine import classify, diagnose
from gptel_diagnose.facts import read_facts
from gptel_diagnose.protocol import DiagnoseParams, Diagnosis
from gptel_diagnose.providers import PROVIDERS, Provider, lookup
from gptel_diagnose.rules import BY_CODE

from gptel_view import corpus_params, gptel_error

CORPUS = Path(__file__).parents[1] / "corpus" / "providers-cn.jsonl"
RECORDS = [json.loads(line) for line in CORPUS.read_text().splitlines() if line.strip()]
OPENAI_WORDS = re.compile(r"openai|chatgpt", re.IGNORECASE)
# What an unidentified provider's placeholders said in English inside Chinese text.
ENGLISH_DEFAULTS = re.compile(r"the provider|your provider's|the model\b|no HTTP status"
                              r"|the backend's host|\(no message\)")


def run(params: dict[str, Any], locale: str | None = None) -> Diagnosis:
    return diagnose(DiagnoseParams.model_validate({**params, "locale": locale}))


def _text(result: Diagnosis) -> str:
    """Everything the diagnosis says in its own words (the provider's message excluded)."""
    return " ".join([result.summary, result.explanation, *result.steps,
                     *(fix.title for fix in result.fixes)])


def _links(result: Diagnosis) -> list[str]:
    return [*(fix.url for fix in result.fixes if fix.url), *result.docs]


def _pages(provider: Provider) -> set[str]:
    return {url for url in (provider.console_url, provider.keys_url, provider.billing_url,
                            provider.usage_url) if url}


@pytest.mark.parametrize("locale", ["en", "zh"])
@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_chinese_provider_failure_is_its_category_named_and_linked(
        record: dict[str, Any], locale: str) -> None:
    result = run(corpus_params(record), locale)
    provider = lookup(record["provider"])
    assert provider is not None
    # Its pages as seen from the record's host (a provider's international site has its own).
    provider = provider.at((record.get("backend") or {}).get("host"))
    assert result.category == record["label"], (record["id"], result.rule)
    name = provider.name_zh if locale == "zh" and provider.name_zh else provider.name
    assert name in result.summary + result.explanation, (record["id"], result.summary)
    if _pages(provider):
        assert _pages(provider) & set(_links(result)), (record["id"], _links(result))
    said = _text(result) + " " + " ".join(_links(result))
    assert not OPENAI_WORDS.search(said), (record["id"], said)
    if locale == "zh":
        assert not ENGLISH_DEFAULTS.search(_text(result)), (record["id"], _text(result))


def test_every_chinese_provider_has_a_real_failure_in_the_corpus() -> None:
    kinds = {"deepseek", "moonshot", "zhipu", "dashscope", "siliconflow", "volcengine",
             "minimax", "baichuan", "hunyuan", "qianfan", "stepfun", "relay"}
    assert kinds <= {record["provider"] for record in RECORDS}


def test_zhipu_1113_at_429_is_billing_stated_as_documented_not_a_rate_limit() -> None:
    params = {"error": gptel_error(429, {"error": {"code": "1113",
                                                  "message": "余额不足或无可用资源包,请充值"}}),
              "backend": {"name": "GLM", "kind": "openai", "host": "open.bigmodel.cn"}}
    result = run(params, "zh")
    assert result.category == "billing.quota_exhausted" and not result.retryable
    assert "余额不足或无可用资源包" in result.summary  # the record's documented meaning
    assert "https://docs.bigmodel.cn/cn/faq/api-code" in result.docs
    assert result.confidence == "certain"


def test_a_documented_code_beats_openais_wording_of_the_same_message() -> None:
    # Kimi's body borrows OpenAI's "check your plan and billing details".
    body = {"error": {"message": "Your account org-x <ak-REDACTED> is suspended due to "
                      "insufficient balance, please recharge your account or check your plan "
                      "and billing details", "type": "exceeded_current_quota_error"}}
    result = run({"error": gptel_error(429, body),
                  "backend": {"kind": "openai", "host": "api.moonshot.cn"}})
    assert result.rule == "DOC001"
    assert not OPENAI_WORDS.search(_text(result) + " ".join(_links(result)))


def test_documented_code_is_what_the_diagnosis_rests_on() -> None:
    params = DiagnoseParams.model_validate({
        "error": gptel_error(429, {"error": {"code": "1302", "message": "并发数过高"}}),
        "backend": {"host": "open.bigmodel.cn"}})
    selection = classify(read_facts(params))
    assert selection.documented is not None and selection.documented.key == "1302"
    assert selection.rule.category == "rate_limit"
    assert diagnose(params).confidence == "certain"


def test_api_z_ai_is_never_called_a_typo_of_api_x_ai() -> None:
    for http in (401, 404, 429):
        result = run({"error": gptel_error(http, {"error": {"message": "x"}}),
                      "backend": {"kind": "openai", "host": "api.z.ai"}}, "zh")
        assert "api.x.ai" not in _text(result), result.summary
        assert result.rule != "ENDP002"


def test_unidentified_provider_reads_as_chinese_in_chinese() -> None:
    result = run({"error": gptel_error(429, {"error": {"message": "该令牌额度已用尽"}}),
                  "backend": {"host": "relay.example.org"}}, "zh")
    assert result.category == "billing.quota_exhausted"
    assert not ENGLISH_DEFAULTS.search(_text(result)), _text(result)
    assert "服务商" in _text(result)


def test_relay_no_channel_says_pick_another_model_or_ask_the_operator() -> None:
    for backend in ({"kind": "relay"}, {"kind": "openai", "host": "api.some-relay.cn"}):
        body = {"error": {"message": "当前分组 default 下对于模型 glm-4 无可用渠道",
                          "type": "one_api_error"}}
        params = {"error": gptel_error(503, body),
                  "backend": backend, "request": {"model": "glm-4"}}
        english, chinese = run(params, "en"), run(params, "zh")
        assert english.category == chinese.category == "model.not_found"
        assert "not an overload" in english.summary and "operator" in english.summary
        assert "不是服务过载" in chinese.summary and "运营者" in chinese.summary
        assert not english.retryable


def test_relay_quota_is_billing_of_the_relay_account() -> None:
    body = {"error": {"message": "user quota is not enough", "type": "new_api_error",
                      "code": "insufficient_user_quota"}}
    result = run({"error": gptel_error(403, body), "backend": {"kind": "relay"}}, "zh")
    assert result.category == "billing.quota_exhausted"
    assert "中转站" in result.summary


def test_numeric_body_code_is_a_code_and_still_gives_the_status() -> None:
    facts = read_facts(DiagnoseParams.model_validate(
        {"error": {"error": {"code": 30011, "message": "The selected model requires paid "
                             "balance."}}}))
    assert "30011" in facts.codes and facts.http is None
    facts = read_facts(DiagnoseParams.model_validate(
        {"error": {"error": {"error": {"code": 402, "message": "Insufficient credits"}}}}))
    assert facts.http == 402 and "402" in facts.codes


def test_minimax_status_code_in_base_resp_is_documented() -> None:
    body = {"base_resp": {"status_code": 1008, "status_msg": "insufficient balance"}}
    result = run({"error": {"error": body}, "backend": {"host": "api.minimaxi.com"}})
    assert result.category == "billing.quota_exhausted" and result.rule == "DOC001"
    assert result.provider_message == "insufficient balance"


def test_a_code_that_names_a_rule_names_one_of_its_category() -> None:
    named = [(p.kind, c) for p in PROVIDERS for c in p.codes if c.rule]
    assert named
    for kind, code in named:
        assert code.rule in BY_CODE, (kind, code.key or code.text)
        assert BY_CODE[code.rule].category == code.category, (kind, code.rule)


# One failure, the account's money gone, seen from each site of a provider with two: the
# billing page named is that site's, never the other's (separate accounts).
SITE_BILLING = [
    ("open.bigmodel.cn", {"error": {"code": "1113", "message": "余额不足或无可用资源包,请充值。"}},
     "https://bigmodel.cn/finance-center/", "z.ai"),
    ("api.z.ai", {"error": {"code": "1113", "message": "Insufficient balance or no resource "
                                                    "package. Please recharge."}},
     "https://z.ai/", "bigmodel.cn"),
    ("api.minimaxi.com", {"base_resp": {"status_code": 1008,
                                        "status_msg": "insufficient balance"}},
     "https://platform.minimaxi.com/", "minimax.io"),
    ("api.minimax.io", {"base_resp": {"status_code": 1008,
                                      "status_msg": "insufficient balance"}},
     "https://platform.minimax.io/", "minimaxi.com"),
    ("api.moonshot.cn", {"error": {"type": "exceeded_current_quota_error",
                                   "message": "Your account is suspended, please check your "
                                              "plan and billing details"}},
     "https://platform.moonshot.cn/", "moonshot.ai"),
    ("api.moonshot.ai", {"error": {"type": "exceeded_current_quota_error",
                                   "message": "Your account is suspended, please check your "
                                              "plan and billing details"}},
     "https://platform.moonshot.ai/", "moonshot.cn"),
]


@pytest.mark.parametrize("host,body,page,other", SITE_BILLING,
                         ids=[case[0] for case in SITE_BILLING])
def test_billing_page_is_the_sites_own(host: str, body: dict[str, Any], page: str,
                                       other: str) -> None:
    result = run({"error": {"http_status": "429", "status": "HTTP/2 429",
                            "error": json.dumps(body)},
                  "backend": {"host": host, "kind": "openai"}})
    assert result.category == "billing.quota_exhausted"
    # What the user is sent to (the documentation of the code may be either site's).
    pages = [fix.url for fix in result.fixes if fix.url] + [result.next_step]
    assert any(page in link for link in pages), pages
    assert not any(other in link for link in pages), pages


def test_a_code_the_provider_sends_for_two_failures_is_likely_and_says_both() -> None:
    # DashScope's compatible mode sends OpenAI's insufficient_quota at 429 for its per-minute
    # quota, and reports show it for a used-up balance too (the COFCO payload of
    # https://github.com/dataelement/bisheng/commit/46074138edbe4ab82710ceda32e5b8176612869b;
    # https://github.com/hawkxtreme/mini-ai-1c/issues/23 cleared on a resend).
    body = {"error": {"message": "You exceeded your current quota, please check your plan and "
                      "billing details.", "type": "insufficient_quota",
                      "code": "insufficient_quota"}}
    backend = {"kind": "openai", "host": "dashscope.aliyuncs.com"}
    english = run({"error": gptel_error(429, body), "backend": backend})
    assert (english.category, english.confidence) == ("rate_limit", "likely")
    assert "balance" in english.summary and "minute" in english.summary
    chinese = run({"error": gptel_error(429, body), "backend": backend}, "zh")
    assert chinese.confidence == "likely" and "余额" in chinese.summary
    # A code the provider sends for one failure only stays certain (Arrearage).
    arrears = run({"error": gptel_error(400, {"code": "Arrearage", "message": "Access denied."}),
                   "backend": backend})
    assert (arrears.category, arrears.confidence) == ("billing.quota_exhausted", "certain")


def test_a_relays_upstream_saturated_words_are_read_by_the_code_in_front_of_them() -> None:
    # New API rewords any upstream 429 as 当前分组上游负载已饱和; a client prints the upstream's
    # code before it (https://github.com/labring/FastGPT/issues/3856 and
    # https://github.com/labring/FastGPT/issues/1056, as the corpus quotes them).
    relayed = ("insufficient_quota 当前分组上游负载已饱和，请稍后再试 "
               "(request id: 2025022112482585670542332302066)")
    billing = run({"error": gptel_error(429, relayed, as_message=True)})
    assert (billing.category, billing.confidence) == ("billing.quota_exhausted", "certain")
    # The words alone are any upstream 429: likely a rate limit, and the line says the other.
    alone = run({"error": gptel_error(429, {"error": {
        "message": "当前分组上游负载已饱和,请稍后再试 "
                   "(request id: 20251216182959217593133rZmhf7Uh)",
        "type": "rix_api_error", "param": "", "code": None}})})
    assert (alone.category, alone.confidence) == ("rate_limit", "likely")
    assert "quota" in alone.summary


def test_a_documented_unknown_model_offers_the_nearest_model_the_backend_has() -> None:
    # Zhipu's 1211 (documented: the model does not exist); the backend's :models has the name
    # the user meant.
    result = run({"error": gptel_error(400, {"error": {"code": "1211",
                                                       "message": "模型不存在，请检查模型代码。"}}),
                  "backend": {"kind": "openai", "host": "open.bigmodel.cn",
                              "models": ["glm-4-plus", "glm-4-flash"]},
                  "request": {"model": "glm-4-pls"}})
    assert (result.rule, result.confidence) == ("DOC006", "certain")
    assert ("gptel-model", "'glm-4-plus") in [(f.variable, f.value) for f in result.fixes]


def test_kimis_high_risk_refusal_under_the_generic_type_is_the_content_filter() -> None:
    # Kimi Code's API sends the content filter's documented words under invalid_request_error
    # (reports-bp: https://github.com/weiaiwayne/commDAAF/blob/
    # de44566fca0e153b7f42d9cd4bc2d2e7046cdda5/studies/llm-censorship-bias/results/xinjiang/
    # comparative/batch_1_kimi.md).
    body = {"error": {"type": "invalid_request_error",
                      "message": "The request was rejected because it was considered high risk"}}
    result = run({"error": gptel_error(400, body),
                  "backend": {"kind": "openai", "host": "api.moonshot.cn"}})
    assert (result.category, result.confidence) == ("content_policy", "certain")


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_xiaomi_mimo_is_named_and_its_documented_statuses_read(locale: str) -> None:
    # https://platform.xiaomimimo.com/docs/en-US/quick-start/error-codes documents 402 as the
    # balance, 401 as a key that is wrong or of the other plan (a Token Plan has its own Base
    # URL and key), 403 as a region or a key restricted by risk control.  Before its record,
    # a gptel-make-openai backend on api.xiaomimimo.com was told of OpenAI's billing ("API
    # billing is separate from a ChatGPT subscription") for a 402-less insufficient_quota.
    def run402(host: str, status: int) -> Any:
        return diagnose(DiagnoseParams.model_validate({
            "error": {"status": f"HTTP/1.1 {status}", "http_status": str(status),
                      "error": {"message": "request failed", "type": "error"}},
            "backend": {"name": "MiMo", "kind": "openai", "host": host, "has_key": True},
            "locale": locale}))
    billing = run402("api.xiaomimimo.com", 402)
    assert billing.category == "billing.quota_exhausted"
    assert ("Xiaomi MiMo" if locale == "en" else "小米 MiMo") in billing.summary
    key = run402("token-plan-sgp.xiaomimimo.com", 401)
    assert key.category == "auth.invalid_key" and key.confidence == "likely"
    assert "Token Plan" in key.summary
    region = run402("api.xiaomimimo.com", 403)
    assert region.category == "auth.permission"


@pytest.mark.parametrize(("status", "body", "category", "confidence"), [
    # The same page: 429 is requests too frequent or a Token Plan's quota used up (whose
    # answer says "quota exhausted", type "limitation": the plan's window, not the balance,
    # as two blind labellers read it in reports-ck), 421 a content filter, 500 and 503 the
    # servers.
    (429, {"error": {"code": "429", "message": "quota exhausted", "type": "limitation"}},
     "rate_limit", "likely"),
    (421, {"error": {"message": "request failed", "type": "error"}}, "content_policy",
     "certain"),
    # SRV001 reads any 503 before the documented statuses are tried.
    (503, {"error": {"message": "request failed", "type": "error"}}, "server.overloaded",
     "likely"),
])
def test_xiaomi_mimos_other_documented_statuses(status: int, body: dict[str, Any],
                                                category: str, confidence: str) -> None:
    # https://github.com/xingandai0-netizen/hermes-backup/blob/19bab57edb5fa9f941a0e596dd4a9fa5a6e5e16c/sessions/request_dump_20260704_074230_4b0862_20260704_112749_620598.json
    # (the 429): before, its words read as used-up credit.
    result = diagnose(DiagnoseParams.model_validate({
        "error": gptel_error(status, body),
        "backend": {"kind": "openai", "host": "token-plan-cn.xiaomimimo.com"}}))
    assert (result.category, result.confidence) == (category, confidence), result.rule
