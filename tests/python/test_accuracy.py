"""The accuracy report counts what it says it counts (scripts/accuracy.py).

A tiny synthetic corpus and a stub judge stand in for the real corpus and the engine, so the
expected figures are worked out by hand from the records below.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from gptel_diagnose.protocol import DiagnoseParams

from gptel_view import corpus_params
from project_files import ROOT, script

accuracy = script("accuracy")
V = accuracy.Verdict

# (file, record fields, what the stub engine answers)
CASES: list[tuple[str, dict[str, Any], Any]] = [
    ("a.jsonl", {"label": "rate_limit"}, V("rate_limit", "r1")),                   # right
    ("a.jsonl", {"label": "billing.quota_exhausted"}, V("rate_limit", "r1")),      # conf. wrong
    ("a.jsonl", {"label": "auth.invalid_key"}, V("unknown", "u")),                 # unknown
    ("b.jsonl", {"label": "unknown"}, V("unknown", "u")),                          # right, unknown
    ("b.jsonl", {"label": "model.not_found", "fix_variable": "gptel-model"},
     V("model.not_found", "m", frozenset({"gptel-model"}))),                       # fix recalled
    ("b.jsonl", {"label": "request.invalid_parameter", "fix_variable": "gptel-temperature"},
     V("request.invalid_parameter", "p", frozenset({"gptel-max-tokens"}))),        # fix missed
    ("b.jsonl", {"label": "unknown"}, V("server.overloaded", "s")),                # conf. wrong
]


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[list[Path], dict[str, Any]]:
    """The synthetic corpus on disk, and a stub judge answering each record's verdict."""
    answers: dict[str, Any] = {}
    lines: dict[str, list[str]] = {}
    for number, (name, fields, verdict) in enumerate(CASES):
        record = {"id": f"t-{number}", "provider": "openai", "source": "https://example.test",
                  "http_status": 400, "body": "x", **fields}
        answers[record["id"]] = verdict
        lines.setdefault(name, []).append(json.dumps(record))
    paths = []
    for name, text in lines.items():
        (tmp_path / name).write_text("\n".join(text) + "\n")
        paths.append(tmp_path / name)
    return paths, answers


def test_counts_on_a_synthetic_corpus(corpus: tuple[list[Path], dict[str, Any]]) -> None:
    paths, answers = corpus
    tally, by_file = accuracy.score(accuracy.load(paths), lambda r: answers[r["id"]])
    assert (tally.total, tally.right, tally.confidently_wrong, tally.unknown) == (7, 4, 2, 2)
    assert (tally.fix_expected, tally.fix_recalled) == (2, 1)
    assert tally.billing_as_rate == 1
    a, b = by_file["a.jsonl"], by_file["b.jsonl"]
    assert (a.total, a.right, a.confidently_wrong, a.unknown, a.fix_expected) == (3, 1, 1, 1, 0)
    assert (b.total, b.right, b.confidently_wrong, b.unknown) == (4, 3, 1, 1)
    assert (b.fix_expected, b.fix_recalled) == (2, 1)


def test_report_prints_the_figures_and_fails_below_the_goal(
        corpus: tuple[list[Path], dict[str, Any]], capsys: pytest.CaptureFixture[str]) -> None:
    paths, answers = corpus
    status = accuracy.main(["--by-file", *map(str, paths)], judge=lambda r: answers[r["id"]])
    out = capsys.readouterr().out
    assert status == 1
    assert "Top-1 accuracy: 4/7 = 57.1%" in out
    assert "Confidently wrong: 2/7 = 28.6%" in out
    assert "Unknown: 2/7 = 28.6%" in out
    assert "Fix recall: 1/2 = 50.0%" in out
    assert "Billing records called rate_limit: 1" in out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()
            if line.startswith(("a.jsonl", "b.jsonl"))}
    assert rows["a.jsonl"] == ["3", "33.3%", "33.3%", "33.3%", "-"]
    assert rows["b.jsonl"] == ["4", "75.0%", "25.0%", "25.0%", "1/2"]


def test_figures_by_evidence_group_the_records_by_whose_words_they_quote(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [("provider", "rate_limit", V("rate_limit", "r")),
            ("provider", "rate_limit", V("server.overloaded", "s")),
            ("client", "unknown", V("request.invalid_parameter", "g")),
            (None, "rate_limit", V("rate_limit", "r"))]
    lines = [json.dumps({"id": f"e-{n}", "provider": "openai", "source": "https://example.test",
                         "body": "x", "label": label, **({"evidence": ev} if ev else {})})
             for n, (ev, label, _) in enumerate(rows)]
    (tmp_path / "e.jsonl").write_text("\n".join(lines) + "\n")
    answers = {f"e-{n}": verdict for n, (_, _, verdict) in enumerate(rows)}
    accuracy.main(["--by-evidence", str(tmp_path / "e.jsonl")],
                  judge=lambda r: answers[r["id"]])
    out = capsys.readouterr().out
    table = {line.split()[0]: line.split()[1:] for line in out.splitlines()
             if line.startswith(("provider", "client", "untagged"))}
    assert table["provider"] == ["2", "50.0%", "50.0%", "0.0%", "-"]
    assert table["client"] == ["1", "0.0%", "100.0%", "0.0%", "-"]
    assert table["untagged"] == ["1", "100.0%", "0.0%", "0.0%", "-"]


def test_figures_by_novelty_split_the_records_whose_body_another_file_has(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def record(n: int, body: Any, label: str = "rate_limit") -> str:
        return json.dumps({"id": f"n-{n}", "provider": "openai", "source": "https://example.test",
                           "body": body, "label": label})
    # An older file of the corpus, and a new batch: one body repeats word for word, one is
    # only like an old one, one is new; the batch's own repeats do not count.
    (tmp_path / "old.jsonl").write_text(record(0, {"error": {"message": "Rate limit"}}) + "\n")
    (tmp_path / "new.jsonl").write_text("\n".join([
        record(1, {"error": {"message": "Rate limit"}}),
        record(2, {"error": {"message": "Rate limit reached"}}),
        record(3, "quota", "billing.quota_exhausted"),
        record(4, "quota", "billing.quota_exhausted")]) + "\n")
    answers = {"n-1": V("rate_limit", "r"), "n-2": V("rate_limit", "r"),
               "n-3": V("rate_limit", "r"), "n-4": V("billing.quota_exhausted", "b")}
    accuracy.main(["--by-novelty", str(tmp_path / "new.jsonl")],
                  judge=lambda r: answers[r["id"]])
    out = capsys.readouterr().out
    table = {line.split()[0]: line.split()[1:] for line in out.splitlines()
             if line.startswith(("seen", "new"))}
    assert table["seen"] == ["1", "100.0%", "0.0%", "0.0%", "-"]
    assert table["new"] == ["3", "66.7%", "33.3%", "0.0%", "-"]


def test_figures_by_confidence_group_the_records_by_the_word_the_diagnosis_states(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [("rate_limit", V("rate_limit", "r", confidence="certain")),
            ("billing.quota_exhausted", V("rate_limit", "g", confidence="guess")),
            ("rate_limit", V("rate_limit", "g", confidence="guess")),
            ("unknown", V("unknown", "u", confidence="guess")),
            ("model.not_found", V("endpoint.wrong", "e", confidence="likely"))]
    lines = [json.dumps({"id": f"c-{n}", "provider": "openai", "source": "https://example.test",
                         "body": "x", "label": label}) for n, (label, _) in enumerate(rows)]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n")
    calls: list[str] = []

    def judge(record: dict[str, Any]) -> Any:
        calls.append(record["id"])
        return rows[int(record["id"][2:])][1]
    accuracy.main(["--by-confidence", "--by-file", str(tmp_path / "c.jsonl")], judge=judge)
    out = capsys.readouterr().out
    table = {line.split()[0]: line.split()[1:] for line in out.splitlines()
             if line.startswith(("certain", "likely", "guess"))}
    assert table["certain"] == ["1", "100.0%", "0.0%", "0.0%", "-"]
    assert table["likely"] == ["1", "0.0%", "100.0%", "0.0%", "-"]
    assert table["guess"] == ["3", "66.7%", "33.3%", "33.3%", "-"]
    assert sorted(calls) == [f"c-{n}" for n in range(5)]  # each record judged once


def test_held_out_files_are_scored_only_when_named() -> None:
    paths, held = accuracy.default_paths()
    assert not {p.name for p in paths} & accuracy.HELD_OUT
    on_disk = {p.name for p in (ROOT / "tests" / "corpus").glob("*.jsonl")}
    assert set(held) == accuracy.HELD_OUT & on_disk


def test_context_fields_reach_the_diagnosis_params() -> None:
    record = {"id": "t", "provider": "deepseek", "source": "https://example.test",
              "http_status": 401, "body": {"error": {"message": "bad key"}},
              "backend": {"host": "https://api.deepseek.com/v1", "has_key": True,
                          "key_has_whitespace": True, "key_source": "auth-source",
                          "key_shape": "anthropic", "models": ["deepseek-chat"]},
              "request": {"model": "deepseek-chat", "stream": True, "proxy": True,
                          "proxy_host": "127.0.0.1:7890", "temperature": 0.2,
                          "curl_extra_args": ["--http1.1"],
                          "env_proxy": {"https_proxy": "127.0.0.1:7890"}},
              "label": "auth.invalid_key", "fix_variable": "gptel-api-key",
              "config_from_source": True}
    params = corpus_params(record)
    assert params["backend"] == {**record["backend"], "kind": "deepseek"}
    assert params["request"] == record["request"]
    # The server accepts the fields it does not model yet and keeps the ones it does.
    parsed = DiagnoseParams.model_validate(params)
    assert parsed.backend.host == "https://api.deepseek.com/v1"
    assert parsed.backend.key_has_whitespace is True
    assert parsed.request.proxy is True and parsed.request.temperature == 0.2


@pytest.mark.parametrize("wrapper", [
    # https://github.com/fishjar/kiss-translator/issues/255: the client logged {"url",
    # "status", "response"}.
    lambda answer: {"url": "https://api.openai.com/v1/chat/completions", "status": 400,
                    "response": answer},
    # https://github.com/baptisteArno/typebot.io/issues/1715 (tRPC's {"status", "body"}).
    lambda answer: {"status": 400, "body": answer},
    # https://github.com/anomalyco/opencode/issues/24334 (OpenCode's {"name", "data"}).
    lambda answer: {"name": "APIError", "data": answer},
])
def test_a_clients_record_of_the_exchange_reads_as_the_servers_answer(
        wrapper: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    # gptel would have read the server's answer, the part the client's record wraps.
    error = {"message": "Unsupported parameter: 'max_tokens' is not supported with this model.",
             "type": "invalid_request_error", "param": "max_tokens",
             "code": "unsupported_parameter"}
    record = {"id": "k", "provider": "openai", "source": "https://example.test",
              "http_status": 400, "label": "request.invalid_parameter",
              "body": wrapper({"error": error})}
    assert corpus_params(record)["error"]["error"] == error


def test_a_clients_message_wrapper_alone_reads_as_the_message() -> None:
    # https://forum.moonshot.ai/t/429-insufficient-balance/244: a client showed the provider's
    # message as {"errorMessage": ...}; gptel would have read the message itself.
    message = "429 Your account is suspended due to insufficient balance"
    record = {"id": "m", "provider": "moonshot", "source": "https://example.test",
              "http_status": 429, "label": "billing.quota_exhausted",
              "body": {"errorMessage": message}}
    assert corpus_params(record)["error"]["error"] == message
    # With the client's details beside it (n8n's errorDetails), the whole record stays.
    detailed = {**record, "http_status": None,
                "body": {"errorMessage": "The connection was aborted",
                         "errorDetails": {"rawErrorMessage": ["timeout of 300000ms exceeded"]}}}
    assert corpus_params(detailed)["error"]["error"] == detailed["body"]


def test_scores_as_the_companion_sends_the_body_gptel_received(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A recorded HTTP body gptel reads no error object from goes with the error, as the
    companion reads it from gptel's response buffer; one gptel read an error from does not."""
    unread = {"id": "az", "provider": "azure", "source": "https://example.test",
              "http_status": 400, "body": {"code": "content_filter", "status": 400},
              "label": "content_policy"}
    read = {"id": "oa", "provider": "openai", "source": "https://example.test",
            "http_status": 400, "body": {"error": {"message": "Invalid 'temperature'",
                                                   "type": "invalid_request_error"}},
            "label": "request.invalid_parameter"}
    (tmp_path / "l.jsonl").write_text(json.dumps(unread) + "\n" + json.dumps(read) + "\n")
    seen: dict[str, dict[str, Any]] = {}

    def judge(r: dict[str, Any]) -> Any:
        seen[r["id"]] = corpus_params(r)["error"]
        return accuracy.engine_verdict(r)

    accuracy.main([str(tmp_path / "l.jsonl")], judge=judge)
    assert "Top-1 accuracy: 2/2" in capsys.readouterr().out
    assert json.loads(seen["az"]["body"]) == unread["body"]
    assert "body" not in seen["oa"]


def _agreement() -> ModuleType:
    return script("agreement")


def test_second_labels_name_corpus_records_and_categories_only() -> None:
    agreement = _agreement()
    corpus = agreement.load_corpus()
    categories = {record["label"] for record in corpus.values()}
    seen = set()
    for line in agreement.SECOND.read_text(encoding="utf-8").splitlines():
        second = json.loads(line)
        assert second["id"] in corpus and second["id"] not in seen, second
        seen.add(second["id"])
        assert second["label"] in categories and second.get("alt", "unknown") in categories
        assert isinstance(second["sure"], bool) and second["set"]


def test_a_label_changes_only_where_two_blind_labels_agree_against_the_first() -> None:
    agreement = _agreement()
    corpus = agreement.load_corpus()
    seconds = {second["id"]: second["label"] for second in agreement.load_labels(agreement.SECOND)}
    thirds = {third["id"]: third["label"] for third in agreement.load_labels(agreement.THIRD)}
    for rid, third in thirds.items():
        record = corpus[rid]
        first = record.get("first_label", record["label"])
        assert first != seconds[rid], rid
        assert record["label"] == (third if third == seconds[rid] else first), rid
    changed = {rid for rid, record in corpus.items() if "first_label" in record}
    assert changed == {rid for rid, third in thirds.items() if third == seconds[rid]}
    assert changed


def test_kappa_is_one_for_agreement_and_zero_for_chance() -> None:
    kappa = _agreement().kappa
    assert kappa([("a", "a"), ("b", "b")]) == 1.0
    assert kappa([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")]) == 0.0
