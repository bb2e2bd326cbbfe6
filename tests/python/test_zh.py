"""The Chinese output reads as Chinese: no English but names, codes, URLs and Lisp; the
glossary's words (docs/glossary.zh.md); every Chinese locale gets it."""

from __future__ import annotations

import re
import socket
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from gptel_diagnose import catalogue, curl, engine, i18n, tables
from gptel_diagnose.checks import run_check
from gptel_diagnose.facts import read_facts
from gptel_diagnose.i18n.extract import marked
from gptel_diagnose.protocol import CheckParams, CheckResult, DiagnoseParams, Diagnosis
from gptel_diagnose.providers import PROVIDERS
from gptel_diagnose.rules import REGISTRY
from gptel_diagnose.rules.base import Rule
from zh_text import stray_english

from fake_provider import FakeProvider, Reply

ZH = i18n.catalogue("zh")
DOCUMENTED = sorted({code.meaning_zh.strip().rstrip("。") for provider in PROVIDERS
                     for code in provider.codes}, key=len, reverse=True)
PLACEHOLDER = re.compile(r"\{(\w+)\}")
KEY = "sk-zh-test-key-0123456789abcdef"


# The locale ------------------------------------------------------------------------------------

@pytest.mark.parametrize("tag", [
    "zh", "ZH", "zh_CN.UTF-8", "zh_CN.GB2312", "zh-Hans", "zh-Hans-CN", "zh-Hant-TW",
    "zh_TW.Big5", "zh_HK.Big5HKSCS", "zh_SG", "zh_CN:en_US:en", "zho", "chi", "cmn",
    "Chinese-GB", "Chinese-GBK", "Chinese-GB18030", "Chinese-BIG5", "Chinese-CNS",
    "Chinese-EUC-TW", " chinese-gb ",
])
def test_every_chinese_locale_gets_the_chinese_catalogue(tag: str) -> None:
    assert i18n.choose(tag) == "zh"


@pytest.mark.parametrize("tag", [
    None, "", "C", "POSIX", "C.UTF-8", "en", "en_US.UTF-8", "English", "Japanese", "ja_JP",
    "ko_KR.UTF-8", "fr_CH", "en_US:zh_CN", "zha", "Chinesey",
])
def test_any_other_locale_gets_english(tag: str | None) -> None:
    # "zha" is Zhuang, not Chinese; a LANGUAGE list counts by its first entry.
    assert i18n.choose(tag) == "en"


# The catalogue ---------------------------------------------------------------------------------

def test_every_marked_text_outside_the_rules_is_translated() -> None:
    texts = marked()
    assert "the provider" in texts and "{n} s" in texts  # the collector finds them
    missing = [text for text in texts if not ZH.get(text)]
    assert not missing, missing[:5]


@pytest.mark.parametrize("msgid", sorted(ZH), ids=lambda text: text[:40])
def test_each_translation_keeps_exactly_its_sources_placeholders(msgid: str) -> None:
    assert Counter(PLACEHOLDER.findall(ZH[msgid])) == Counter(PLACEHOLDER.findall(msgid))


def test_the_stray_english_finder_finds_what_the_review_found() -> None:
    # The leaks the native reader's review quoted (docs/glossary.zh.md), and what must pass.
    for leak in ["你的 the provider 账户", "请等待 20 s 后重试", "（HTTP no HTTP status）",
                 "打开 your provider's billing page", "信任该 CA（edit the path）",
                 "2 min 后", "（display-only）", "Resend after the wait"]:
        assert stray_english(leak), leak
    for fine in ["(setq gptel-stream nil)", "在 https://platform.openai.com/usage 查看",
                 "`ollama pull llama3.2:latest`", "返回 HTTP 429 RESOURCE_EXHAUSTED",
                 "用 M-x gptel-menu 切换", "*gptel-log* 中", "“exceeded your current quota”",
                 "设置 :protocol \"http\"", "curl 的 --fail", "gptel-max-tokens 为 nil",
                 "OpenAI、DeepSeek、LM Studio、llama.cpp 的 token"]:
        assert not stray_english(fine), fine


@pytest.mark.parametrize("msgid", sorted(ZH), ids=lambda text: text[:40])
def test_each_translation_is_free_of_stray_english(msgid: str) -> None:
    assert not stray_english(ZH[msgid]), ZH[msgid]


# The glossary's mechanical part (docs/glossary.zh.md): a name, the pattern that breaks it,
# a text that breaks it and one that keeps it.
_HAN = "\u4e00-\u9fff"
GLOSSARY = [
    ("服务商, not 服务方", re.compile("服务方"), "服务方的网页", "服务商的网页"),
    ("重试, not 重新发送", re.compile("重新发送"), "请重新发送", "请稍后重试"),
    ("配置文件（init.el）, not 初始化文件", re.compile("初始化文件"),
     "在初始化文件中", "在配置文件（init.el）中"),
    ("免费层级, not 免费层", re.compile("免费层(?!级)"), "免费层每日", "免费层级每日"),
    ("提示词, not 提示", re.compile("提示(?!词)"), "这个提示太长", "这条提示词太长"),
    ("余额/配额/消费上限, not 额度", re.compile("额度"), "额度上限", "消费上限"),
    ("响应 for an HTTP response, not 回复", re.compile("回复"), "回复中给出了", "响应中给出了"),
    ("响应 for an HTTP response, not 回答",
     re.compile(r"回答体|HTTP 回答"
                r"|(?:服务器|服务商|网关|主机|\{host\}|\{provider\})\s*(?:没有|未)?回答"),
     "服务器未回答就", "模型的回答"),
    ("秒/分钟/小时, not s/min/h", re.compile(r"\d\s*(?:s|sec|secs|min|mins|h|hr|hrs)\b"),
     "等待 2 min", "等待 20 秒后（HTTP/1.1，max_tokens 1000）"),
    ("full-width punctuation after Chinese", re.compile(f"[{_HAN}][,;:!?(]"),
     "余额,请充值", "余额不足，请充值（HTTP 402）"),
    ("a space between Chinese and Latin",
     # {status_clause} brings its own full-width comma.
     re.compile(f"[{_HAN}](?:[A-Za-z0-9`]|{{(?!status_clause}}))|[A-Za-z0-9`}}][{_HAN}]"),
     "DeepSeek余额", "DeepSeek 余额，返回了错误{status_clause}；"),
]


@pytest.mark.parametrize(("name", "pattern", "broken", "fine"), GLOSSARY,
                         ids=[entry[0] for entry in GLOSSARY])
def test_each_glossary_rule_catches_what_it_names(name: str, pattern: re.Pattern[str],
                                                  broken: str, fine: str) -> None:
    assert pattern.search(broken) and not pattern.search(fine)


def _unquoted(text: str) -> str:
    """TEXT without what it quotes: a provider's message is written the provider's way."""
    return re.sub(r'"[^"\n]*"|“[^”]*”', '""', text)


@pytest.mark.parametrize("msgid", sorted(ZH), ids=lambda text: text[:40])
def test_each_translation_keeps_to_the_glossary(msgid: str) -> None:
    text = _unquoted(ZH[msgid])
    broken = [name for name, pattern, _, _ in GLOSSARY if pattern.search(text)]
    assert not broken, (broken, ZH[msgid])
    quoted = re.findall(r'"[^"\n]*"', ZH[msgid])
    assert not [q for q in quoted if re.search(f"[{_HAN}]", q)], "use “” around Chinese"


# What the user reads ---------------------------------------------------------------------------

def _texts(result: Diagnosis, params: DiagnoseParams) -> list[str]:
    texts = [result.summary, result.explanation, *result.steps,
             *(fix.title for fix in result.fixes), result.next_step]
    # The provider's own message is quoted as it came, a documented code's meaning is the
    # provider's own documentation, and the model's and host's names are names: they are not
    # ours to translate.
    quoted = [text for text in (result.provider_message, params.request.model,
                                params.backend.host, *DOCUMENTED) if text]
    for text in quoted:
        texts = [each.replace(text, "") for each in texts]
    return texts


def _ids(rule: Rule) -> str:
    return rule.code


@pytest.mark.parametrize("rule", REGISTRY, ids=_ids)
def test_rule_reads_in_chinese_for_its_examples(rule: Rule) -> None:
    for example in rule.examples:
        params = DiagnoseParams.model_validate({**example.params(), "locale": "zh_CN.UTF-8"})
        for text in _texts(engine.diagnose(params), params):
            assert not stray_english(text), (rule.code, text)


@pytest.mark.parametrize("rule", REGISTRY, ids=_ids)
def test_rule_reads_in_chinese_when_the_failure_tells_nothing(rule: Rule) -> None:
    # No provider, model, host, status or message: every placeholder takes its default.
    values = engine.placeholders(read_facts(DiagnoseParams.model_validate({"error": {}})),
                                 "zh", None)
    texts = i18n.rule_text("zh", rule)
    for template in [texts.summary, texts.explanation, *texts.steps, *texts.fix_titles]:
        text = engine._say(template, values, "zh")
        assert not stray_english(text), (rule.code, text)
        assert not PLACEHOLDER.search(text), text


@pytest.mark.parametrize("rule", REGISTRY, ids=_ids)
def test_explain_reads_in_chinese(rule: Rule) -> None:
    page = catalogue.explain(rule.code, "zh").markdown
    assert not stray_english(page), [line for line in page.splitlines()
                                     if stray_english(line)][:3]
    # The English page is the one docs/rules.md holds: its headings stay English.
    assert "### What it detects" in catalogue.explain(rule.code, "en").markdown


def test_waits_are_written_in_chinese_units() -> None:
    for seconds, english, chinese in [(5, "5 s", "5 秒"), (2.5, "2.5 s", "2.5 秒"),
                                      (47, "47 s", "47 秒"), (300, "5 min", "5 分钟"),
                                      (5400, "1.5 h", "1.5 小时")]:
        assert engine._format_wait(seconds, "en") == english
        assert engine._format_wait(seconds, "zh") == chinese


def test_a_rate_limit_wait_reads_in_chinese() -> None:
    result = engine.diagnose(DiagnoseParams.model_validate({
        "error": {"http_status": "429", "error": {"error": {
            "message": "Rate limit reached for gpt-4o. Please try again in 20s.",
            "type": "requests", "code": "rate_limit_exceeded"}}},
        "backend": {"kind": "openai", "host": "api.openai.com"}, "locale": "zh"}))
    assert result.category.startswith("rate_limit")
    assert "请等待 20 秒后重试" in result.summary


def test_a_chinese_default_sits_without_spaces_but_a_latin_name_keeps_them() -> None:
    payload: dict[str, Any] = {"error": {"http_status": "402", "error": "Insufficient Balance"},
                               "locale": "zh"}  # no provider named: 服务商
    unnamed = engine.diagnose(DiagnoseParams.model_validate(payload)).summary
    # Groq documents no such code, so its name comes through the same text (DeepSeek's
    # documented 402 now gets its own words).
    named = engine.diagnose(DiagnoseParams.model_validate(
        {**payload, "backend": {"kind": "groq", "host": "api.groq.com"}})).summary
    assert unnamed.startswith("你的服务商账户") and named.startswith("你的 Groq 账户"), (
        unnamed, named)


def test_the_companions_status_meanings_read_in_chinese() -> None:
    for status in tables.generic_statuses():
        meaning = tables.status_meaning(status, "zh")
        assert not stray_english(meaning), meaning
        assert "（无消息）" not in meaning


def test_curl_meanings_read_in_chinese() -> None:
    for code in [*curl.MEANINGS, 99]:
        chinese = curl.meaning(code, "zh")
        assert re.search(r"[\u4e00-\u9fff]", chinese) and not stray_english(chinese), chinese


# The checkup -----------------------------------------------------------------------------------

def _models(path: str, headers: dict[str, str]) -> Reply:
    if headers.get("authorization") != f"Bearer {KEY}":
        return Reply.of(401, {"error": {"message": "Incorrect API key provided: sk-zh***cdef.",
                                        "type": "invalid_request_error",
                                        "code": "invalid_api_key"}})
    return Reply.of(200, {"object": "list", "data": [{"id": "gpt-4o-mini"}, {"id": "gpt-4o"}]})


@pytest.fixture
def api() -> Iterator[FakeProvider]:
    with FakeProvider(_models) as fake:
        yield fake


def _checkup(host: str, **extra: Any) -> CheckResult:
    params = {"backend": {"kind": "openai", "host": host, "protocol": "http"},
              "request": {"model": extra.pop("model", "gpt-4o-mini")},
              "settings": {"local_ports": {}, **extra.pop("settings", {})},
              "key": extra.pop("key", KEY), "locale": "zh_CN.UTF-8"}
    return run_check(CheckParams.model_validate(params))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _assert_chinese(result: CheckResult) -> None:
    texts = [result.summary, *(c.message for c in result.checks),
             *(fix.title for c in result.checks for fix in c.fixes)]
    for text in texts:
        assert re.search(r"[\u4e00-\u9fff]", text) and not stray_english(text), text


def test_a_passing_checkup_reads_in_chinese(api: FakeProvider) -> None:
    result = _checkup(f"127.0.0.1:{api.port}")
    assert {c.name: c.status for c in result.checks}["model"] == "pass"
    _assert_chinese(result)


@pytest.mark.parametrize("case", ["wrong key", "no key", "model missing", "key whitespace",
                                  "bad host", "bad proxy"])
def test_a_failing_checkup_reads_in_chinese(api: FakeProvider, case: str) -> None:
    host = f"127.0.0.1:{api.port}"
    result = {
        "wrong key": lambda: _checkup(host, key="sk-wrong-key-000000000000000000"),
        "no key": lambda: _checkup(host, key=None),
        "model missing": lambda: _checkup(host, model="gpt-4o-mimi"),
        "key whitespace": lambda: _checkup(host, key=KEY + "\n"),
        "bad host": lambda: _checkup("https://api.openai.com/v1"),
        "bad proxy": lambda: _checkup(host,
                                      settings={"proxy": f"http://127.0.0.1:{_free_port()}"}),
    }[case]()
    assert any(c.status == "fail" for c in result.checks)
    _assert_chinese(result)


def test_a_refused_connection_reads_in_chinese() -> None:
    result = _checkup(f"127.0.0.1:{_free_port()}")
    connect = next(c for c in result.checks if c.name == "connect")
    assert connect.status == "fail" and "连接被拒绝" in connect.message, connect.message
    _assert_chinese(result)
