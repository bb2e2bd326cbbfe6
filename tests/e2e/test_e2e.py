"""Real gptel in real batch Emacs, gptel-diagnose-mode on, against the fake provider.

Each scenario replays a real provider error body (tests/fixtures) or makes a real network
failure, through curl and through url-retrieve, and checks what the echo area shows last.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from typing import Any

import pytest

from driver import (
    ANTHROPIC_SHAPED_KEY,
    ASK_FROM_DETAILS,
    CACERT_FROM_DETAILS,
    CHECKUP,
    ENTRY_POINTS,
    FIX_FROM_DETAILS,
    FIX_RESEND_UNDO,
    KEYS_FROM_DETAILS,
    ROOT,
    SCENARIOS,
    TEST_KEY,
    Run,
    run_all,
)
from fake_provider import FakeProvider

pytestmark = pytest.mark.e2e

SCENARIO_RUNS = [Run(s, t) for s in SCENARIOS for t in s.transports]
ENTRY_RUNS = [Run(SCENARIOS[0], t, e) for t in ("curl", "url") for e in ENTRY_POINTS
              if e != "send"]


def _scenario(name: str) -> Any:
    return next(s for s in SCENARIOS if s.name == name)


FIX_RUNS = [Run(_scenario("verify"), "curl", FIX_RESEND_UNDO),
            Run(_scenario("nostream-zh"), "curl", FIX_RESEND_UNDO),
            Run(_scenario("stallstream"), "curl", FIX_RESEND_UNDO),
            Run(_scenario("wholeanswer"), "curl", FIX_RESEND_UNDO),
            Run(_scenario("modelfix"), "curl", FIX_FROM_DETAILS),
            Run(_scenario("ollamamemory"), "curl", FIX_FROM_DETAILS),
            Run(_scenario("modelfix"), "curl", ASK_FROM_DETAILS),
            Run(_scenario("modelfix-stream"), "curl", KEYS_FROM_DETAILS),
            Run(_scenario("cacert"), "curl", CACERT_FROM_DETAILS)]
# url.el's HTTP 402 through gptel-request: the user's callback must hear of it.
BALANCE_RUNS = [Run(_scenario("balance402"), "url", "request")]


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, Any]]:
    """All runs, made in one Emacs session (each run waits for its own diagnosis)."""
    done = run_all(SCENARIO_RUNS + ENTRY_RUNS + FIX_RUNS + BALANCE_RUNS)
    return {run.id: run.result for run in done}


def _check_shown(result: dict[str, Any]) -> str:
    assert "harness_error" not in result, result
    line = result["line"]
    assert line, f"no gptel-diagnose line; messages were {result['messages']}"
    # What the user sees is the last message: nothing may overwrite the diagnosis.
    assert result["last_message"] == line
    assert "\n" not in line
    return str(line)


@pytest.mark.parametrize("run", SCENARIO_RUNS, ids=lambda r: r.id)
def test_failure_is_explained_in_the_echo_area(run: Run, results: dict[str, Any]) -> None:
    result = results[run.id]
    line = _check_shown(result)
    scenario = run.scenario
    assert result["diagnosis"]["category"] == scenario.category
    assert result["diagnosis"]["rule"] == scenario.rule
    for phrase in scenario.says:
        assert phrase in line
    if scenario.setq:
        fix = {"zh": "修复："}.get(scenario.locale, "Fix: ")
        assert line.endswith(f"{fix}{scenario.setq}")
    elif scenario.setq_of:
        assert f"Fix: (setq {scenario.setq_of} " in line
    else:
        assert "(setq" not in line


@pytest.mark.parametrize("run", [r for r in SCENARIO_RUNS if r.scenario.locale == "zh"],
                         ids=lambda r: r.id)
def test_chinese_providers_failures_are_told_in_chinese(run: Run, results: dict[str, Any]) -> None:
    # Billing (Zhipu's 1113, DeepSeek's 402) and a plan's window of hours (Zhipu's 1308),
    # all at 429 or 402: each told as what it is, in Chinese.
    result = results[run.id]
    line = _check_shown(result)
    assert result["diagnosis"]["locale"] == "zh"
    assert result["diagnosis"]["category"] == run.scenario.category
    assert line.startswith("gptel-diagnose：")
    assert "OpenAI" not in line and "ChatGPT" not in line


@pytest.mark.parametrize("run", ENTRY_RUNS, ids=lambda r: r.id)
def test_every_entry_point_is_watched(run: Run, results: dict[str, Any]) -> None:
    result = results[run.id]
    line = _check_shown(result)
    assert result["diagnosis"]["category"] == "billing.quota_exhausted"
    assert "out of credit" in line
    assert result["sent"]["request"]["entry"] == run.entry.replace("-nocb", "")


@pytest.mark.parametrize("run", [r for r in ENTRY_RUNS if r.entry == "request"],
                         ids=lambda r: r.id)
def test_gptel_request_callback_still_gets_the_failure(run: Run, results: dict[str, Any]) -> None:
    assert results[run.id]["callback"] == ["nil"]


def test_quota_is_billing_and_rate_limit_gives_the_wait(results: dict[str, Any]) -> None:
    quota = _check_shown(results["quota/curl/send"])
    assert "out of credit" in quota and "ChatGPT subscription" in quota
    assert "rate-limited" in quota and "Rate limited" not in quota
    rate = results["ratelimit/curl/send"]
    assert rate["diagnosis"]["retry_after"] == pytest.approx(9.816)
    assert "Wait 9.8 s" in _check_shown(rate)


def test_gptel_own_message_comes_first(results: dict[str, Any]) -> None:
    messages = results["quota/curl/send"]["messages"]
    gptel_line = next(m for m in messages if m.startswith("OpenAI error:"))
    assert "insufficient_quota" in gptel_line
    assert messages.index(gptel_line) < messages.index(results["quota/curl/send"]["line"])


def test_the_key_is_never_sent_nor_shown(results: dict[str, Any]) -> None:
    everything = json.dumps(results)
    for key in (TEST_KEY, ANTHROPIC_SHAPED_KEY):
        assert key not in everything
        assert key[:20] not in everything
    allowed = {"name", "type", "kind", "host", "protocol", "endpoint", "stream", "has_key",
               "key_has_whitespace", "models", "key_source", "key_shape", "key_env"}
    for result in results.values():
        backend = result["sent"]["backend"]
        assert set(backend) <= allowed
        assert backend["has_key"] is (backend["kind"] != "ollama")


MISBEHAVE = ROOT / "tests" / "elisp" / "servers" / "misbehave.py"
# Without a server, the companion quotes the provider's reason gptel has, with the status
# (what the status alone usually means could say otherwise), then why the server could not
# help.
LOCAL_429 = ("gptel-diagnose: HTTP 429, in the provider's words: You exceeded your current "
             "quota")


# The rewrite goes through url-retrieve, the others through curl.  With a server that hangs
# and is stopped, gptel's own message used to go missing now and then: the dying server's
# sentinel muted the echo area while it waited for stderr, and gptel's request ended inside
# that wait (see `gptel-diagnose--quiet-sentinel').
@pytest.mark.parametrize("mode", ["crash", "hang", "garbage", "badresult"])
def test_broken_server_never_breaks_gptel(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GPTEL_DIAGNOSE_TIMEOUT", "2")
    runs = run_all([Run(SCENARIOS[0], "curl"), Run(SCENARIOS[0], "curl", "request"),
                    Run(SCENARIOS[0], "url", "rewrite")],
                   server=shlex.join([sys.executable, str(MISBEHAVE), mode]))
    send, request, rewrite = (run.result for run in runs)
    for result in (send, request, rewrite):
        line = _check_shown(result)
        assert line.startswith(LOCAL_429)
        assert result["signal"] is None
    assert any(m.startswith("OpenAI error:") for m in send["messages"])
    assert request["callback"] == ["nil"]
    assert any(m.startswith("LLM response error:") for m in rewrite["messages"])


def test_missing_server_gives_install_hint_and_gptel_carries_on() -> None:
    runs = run_all([Run(SCENARIOS[0], "curl"), Run(SCENARIOS[0], "curl", "request")],
                   server="/nonexistent/gptel-diagnose-server")
    send, request = (run.result for run in runs)
    line = _check_shown(send)
    assert line.startswith(LOCAL_429)
    assert "server not available" in line
    assert line.endswith("install it with M-x gptel-diagnose-install-server")
    assert any(m.startswith("OpenAI error:") for m in send["messages"])
    assert request["callback"] == ["nil"]
    assert send["signal"] is None and request["signal"] is None


@pytest.mark.parametrize("run", [r for r in FIX_RUNS if r.entry == FIX_RESEND_UNDO],
                         ids=lambda r: r.id)
def test_fix_applied_request_resent_and_fix_undone(run: Run, results: dict[str, Any]) -> None:
    result = results[run.id]
    _check_shown(result)
    fix_run = result["fix_run"]
    assert fix_run["fix"]["variable"] == "gptel-stream"
    assert fix_run["stream_after_fix"] is False
    assert fix_run["prompts"] == []  # a safe fix asks nothing; saving is off by default
    applied = {"zh": "已应用 (setq gptel-stream nil)。按 M-x gptel-diagnose-retry 重试请求"}.get(
        run.scenario.locale,
        "Applied (setq gptel-stream nil).  M-x gptel-diagnose-retry resends the request")
    assert applied in fix_run["messages"]
    assert "Hello from the fake provider." in fix_run["buffer_after_resend"]
    assert fix_run["stream_after_undo"] is True


def test_copied_curl_command_reproduces_the_failure() -> None:
    replays: dict[str, Any] = {}

    def replay(runs: list[Run], provider: FakeProvider) -> None:
        for run in runs:
            command = run.result["curl"]
            before = len(provider.seen)
            proc = subprocess.run(["bash", "-c", command], capture_output=True, text=True,
                                  timeout=30, env={"PATH": os.environ["PATH"],
                                                   "OPENAI_API_KEY": TEST_KEY,
                                                   "ANTHROPIC_API_KEY": TEST_KEY})
            replays[run.id] = (command, proc.stdout, provider.seen[before:])

    quota, overloaded = SCENARIOS[0], next(s for s in SCENARIOS if s.name == "overloaded")
    run_all([Run(quota, "curl"), Run(quota, "url", "request"), Run(overloaded, "curl")],
            after=replay)
    for run_id, (command, output, seen) in replays.items():
        assert TEST_KEY not in command, run_id
        assert '"$OPENAI_API_KEY"' in command or '"$ANTHROPIC_API_KEY"' in command
        expected = "529" if run_id.startswith("overloaded") else "429"
        assert output.startswith(f"HTTP/1.0 {expected}") or f" {expected} " in output
        assert ("overloaded_error" if expected == "529" else "insufficient_quota") in output
        [request] = seen
        sent_key = request.headers.get("Authorization") or request.headers.get("x-api-key")
        # The fake keeps only the first characters: enough to see the key from $VAR.
        assert sent_key is not None and sent_key.startswith(("Bearer sk-e2", "sk-e2e-fake"))
        assert json.loads(request.body)["messages"]


def test_checkup_reports_each_check_and_never_the_key() -> None:
    [run] = run_all([Run(CHECKUP, "curl", "checkup")])
    text = run.result["checkup"]
    assert text, run.result
    assert "[ok  ] connect" in text and "[ok  ] api" in text and "[ok  ] key" in text
    assert "[FAIL] model" in text and "closest: gpt-4o-mini" in text
    assert "(setq gptel-model 'gpt-4o-mini)" in text
    assert "key set (not shown)" in text
    assert TEST_KEY not in json.dumps(run.result)


@pytest.mark.parametrize("run", [Run(_scenario("balance402"), "url"), *BALANCE_RUNS],
                         ids=lambda r: r.id)
def test_url_retrieve_402_ends_the_request_as_a_billing_failure(
        run: Run, results: dict[str, Any]) -> None:
    # Without the companion, url.el signals "Somebody wants you to give them money" from
    # its process filter: gptel never calls back, and a batch Emacs exits.
    result = results[run.id]
    line = _check_shown(result)
    assert result["diagnosis"]["category"] == "billing.quota_exhausted"
    # DeepSeek documents 402 "Insufficient Balance": the documented code decides.
    assert result["diagnosis"]["confidence"] == "certain"
    assert "DeepSeek" in line and "balance" in line
    sent = result["sent"]
    assert sent["error"]["http_status"] == "402"
    assert "Insufficient Balance" in json.dumps(sent["error"]["error"])
    assert sent["request"]["use_curl"] is False
    # gptel's state machine reached its error state, and gptel-request's callback heard.
    assert sent["request"]["state"] == "ERRS"
    if run.entry == "request":
        assert result["callback"] == ["nil"]
    assert result["signal"] is None


def test_model_fix_from_the_details_buffer_gets_the_answer(results: dict[str, Any]) -> None:
    result = results["modelfix/curl/fix-from-details"]
    line = _check_shown(result)
    assert line.endswith("(setq gptel-model 'gpt-4o-mini)")
    assert result["sent"]["backend"]["models"] == ["gpt-4.5-preview", "gpt-4o-mini", "o3-mini"]
    fix_run = result["fix_run"]
    assert fix_run["details_buffer"], fix_run
    assert "gpt-4o-mini" in fix_run["fix_label"]
    assert fix_run["value_after_fix"] == "gpt-4o-mini"
    assert "Hello from the fake provider." in fix_run["buffer_after_resend"]


def test_a_then_r_in_the_details_buffer_gets_the_streamed_answer(
        results: dict[str, Any]) -> None:
    # What a new user does: reads the line, opens the details, presses a (one question:
    # the unsafe model fix's confirmation, never a choice among fixes), then r.  The model
    # that works answers as a stream.
    result = results["modelfix-stream/curl/keys-from-details"]
    line = _check_shown(result)
    assert line.endswith("(setq gptel-model 'gpt-4o-mini)")
    fix_run = result["fix_run"]
    assert fix_run["details_buffer"] == "*gptel-diagnose*"
    assert len(fix_run["prompts"]) == 1 and "(setq gptel-model 'gpt-4o-mini)" in fix_run[
        "prompts"][0]
    assert fix_run["value_after_fix"] == "gpt-4o-mini"
    assert "Hello from the fake provider." in fix_run["buffer_after_resend"]


def test_a_local_model_too_big_for_memory_gets_a_smaller_one(results: dict[str, Any]) -> None:
    # Ollama's runner stopped on llama3.3:70b: the line offers the smaller model of :models,
    # not "resend in a minute"; that fix, from the details buffer, gets the answer.
    result = results["ollamamemory/curl/fix-from-details"]
    line = _check_shown(result)
    assert line.endswith("(setq gptel-model 'llama3.1:8b)") and "Resend" not in line
    fix_run = result["fix_run"]
    assert fix_run["value_after_fix"] == "llama3.1:8b"
    assert "Hello from the fake provider." in fix_run["buffer_after_resend"]


def test_choosing_a_model_from_the_details_buffer_gets_the_answer(
        results: dict[str, Any]) -> None:
    result = results["modelfix/curl/ask-from-details"]
    _check_shown(result)
    fixes = result["diagnosis"]["fixes"]
    assert [(f["variable"], f.get("value")) for f in fixes if f.get("ask") == "model"] == [
        ("gptel-model", None)]
    fix_run = result["fix_run"]
    assert fix_run["fix_label"].endswith(
        "asks which of the backend's models, then sets gptel-model"), fix_run
    # The backend's other models, the one refused left out, as gptel keeps them.
    assert fix_run["offered"] == ["gpt-4o-mini", "o3-mini"]
    assert fix_run["value_after_fix"] == "gpt-4o-mini"
    assert "Hello from the fake provider." in fix_run["buffer_after_resend"]


def test_trusting_the_ca_file_from_the_details_buffer_gets_the_answer(
        results: dict[str, Any]) -> None:
    result = results["cacert/curl/cacert-from-details"]
    line = _check_shown(result)
    assert "exit code 60" in result["sent"]["error"]["error"]
    # No setq with a placeholder path to edit: the fix asks for the file.
    assert "(setq" not in line and "/path/to" not in line
    fixes = result["diagnosis"]["fixes"]
    assert [(f["variable"], f.get("value")) for f in fixes if f.get("ask") == "cacert"] == [
        ("gptel-curl-extra-args", None)]
    fix_run = result["fix_run"]
    assert fix_run["fix_label"].endswith(
        "asks for the CA certificate file, then adds it to gptel-curl-extra-args"), fix_run
    assert any("CA certificate file" in prompt for prompt in fix_run["prompts"])
    assert '"--cacert"' in fix_run["value_after_fix"] or "--cacert" in fix_run["value_after_fix"]
    assert "ca.pem" in fix_run["value_after_fix"]
    # curl now trusts the provider's certificate: the resend gets the answer.
    assert "Hello from the fake provider." in fix_run["buffer_after_resend"]


def test_rejected_key_diagnosis_says_where_the_key_is_set(results: dict[str, Any]) -> None:
    result = results["badkey/curl/send"]
    assert result["sent"]["backend"]["key_source"] == "string"
    next_step = result["diagnosis"]["next_step"]
    assert ":key" in next_step and "gptel-make-" in next_step


def test_rejected_key_line_says_where_the_key_is_set(results: dict[str, Any]) -> None:
    line = _check_shown(results["badkey/curl/send"])
    assert ":key" in line


def _corrected_host(result: dict[str, Any]) -> str:
    host = result["sent"]["backend"]["host"]
    assert host.startswith("http://")
    return f':host "{host.removeprefix("http://")}"'


def test_host_with_a_scheme_gets_the_corrected_form(results: dict[str, Any]) -> None:
    result = results["schemehost/curl/send"]
    assert result["sent"]["error"]["status"] == "Curl failure"
    next_step = result["diagnosis"]["next_step"]
    assert "(gptel-make-openai" in next_step
    assert _corrected_host(result) in next_step
    assert ':protocol "http"' in next_step
    # M-x gptel-diagnose shows it as a display-only fix, never applied: it changes
    # gptel-backend, and carries no value to set it to.
    [fix] = [f for f in result["diagnosis"]["fixes"] if _corrected_host(result) in
             (f["command"] or "")]
    assert (fix["applicability"], fix["variable"], fix["value"]) == (
        "display-only", "gptel-backend", None)
    assert fix["command"] in result["details"]


def test_host_with_a_scheme_line_shows_the_corrected_form(results: dict[str, Any]) -> None:
    result = results["schemehost/curl/send"]
    assert _corrected_host(result) in _check_shown(result)


def test_reset_through_a_configured_proxy_names_gptel_proxy(results: dict[str, Any]) -> None:
    result = results["proxyreset/curl/send"]
    line = _check_shown(result)
    request = result["sent"]["request"]
    assert request["proxy"] is True
    assert request["proxy_host"].startswith("127.0.0.1:")
    # curl 55 or 56: the connection was reset while sending or receiving (by the proxy,
    # which is all it does).
    assert re.search(r"exit code 5[56]\b", result["sent"]["error"]["error"])
    assert result["diagnosis"]["category"] == "network.proxy"
    assert "gptel-proxy" in line


def test_a_key_shaped_like_another_providers_names_that_provider(
        results: dict[str, Any]) -> None:
    result = results["foreignkey/curl/send"]
    line = _check_shown(result)
    backend = result["sent"]["backend"]
    assert backend["kind"] == "openai"
    assert backend["key_shape"] == "anthropic"
    assert "Anthropic" in line and "OpenAI" in line
    # A bare sk- key names nobody: the other OpenAI scenarios send one.
    assert results["badkey/curl/send"]["sent"]["backend"]["key_shape"] is None


@pytest.mark.parametrize("transport", ["curl", "url"])
def test_gptels_own_text_is_not_shown_as_the_providers(transport: str,
                                                       results: dict[str, Any]) -> None:
    # A gateway's HTML 502: gptel says only its own "Malformed JSON in response" (curl) or
    # "json-read-error" (url-retrieve).  The details buffer showed that under "The provider
    # said"; it is gptel's, and stays under what gptel reported.
    result = results[f"html502/{transport}/send"]
    assert result["diagnosis"]["message_source"] == "gptel"
    details = result["details"]
    assert "The provider said" not in details
    assert result["diagnosis"]["provider_message"] in details


def test_a_stream_cut_after_its_first_words_is_still_reported(results: dict[str, Any]) -> None:
    # gptel ends a stream that curl cut off (exit 18) as done, and sets the error only
    # after: the companion reports it when gptel leaves that state.  The answer had begun:
    # the provider's 200 is there, beside curl's exit.
    result = results["cutstream/curl/send"]
    line = _check_shown(result)
    assert result["sent"]["error"]["http_status"] == "200"
    assert "exit code 18" in result["sent"]["error"]["error"]
    assert result["sent"]["request"]["state"] is None
    assert "curl 18" in line


def test_a_stream_whose_reading_stalled_is_reported(results: dict[str, Any]) -> None:
    # gptel ends the request as done, with the first words in the buffer and no error; the
    # companion sends the chunk gptel's reader stopped at, never the whole stream.
    result = results["stallstream/curl/send"]
    line = _check_shown(result)
    sent = result["sent"]["error"]
    assert (sent["status"], sent["http_status"]) == ("Stream stalled", "200")
    assert sent["body"].startswith("data: ") and '"delta":{"rodata: ' in sent["body"]
    assert "Hello, this answer" not in sent["body"]
    assert line.endswith("(setq gptel-stream nil)")



def test_a_resend_replaces_the_first_words_of_an_answer_that_broke_off(
        results: dict[str, Any]) -> None:
    # The stalled stream left "Hello, this answer" in the chat; resent without streaming, the
    # whole answer takes its place (it went in among those words before).
    after = results["stallstream/curl/fix-resend-undo"]["fix_run"]["buffer_after_resend"]
    assert after.count("Hello from the fake provider.") == 1
    assert "this answer" not in after
    # One separator before it and one prompt opened after it (text-mode's "### "): those
    # gptel put around the broken answer went with it.
    assert after.startswith("Say hello.\n\nHello from the fake provider."), after
    assert after.count("###") == 1 and after.rstrip().endswith("###"), after


def test_an_error_event_in_a_stream_gptel_skipped_is_reported(results: dict[str, Any]) -> None:
    # gptel showed "Hello, this" and ended the request as done; the provider's error was in
    # the stream.  The companion sends that error object, not the stream.
    result = results["streamerror/curl/send"]
    line = _check_shown(result)
    sent = result["sent"]["error"]
    assert sent["status"] == "Stream error" and sent["http_status"] is None
    assert sent["error"] == {"type": "error", "error": {"type": "overloaded_error",
                                                         "message": "Overloaded"}}
    assert "body" not in sent
    assert "overloaded" in line

