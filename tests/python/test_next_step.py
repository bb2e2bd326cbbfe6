"""Every echo line ends with the next action, and says how sure it is."""

from __future__ import annotations

import re
from typing import Any

import pytest

from gptel_diagnose.engine import STAND_INS, diagnose
from gptel_diagnose.protocol import DiagnoseParams, Diagnosis
from gptel_diagnose.rules import BY_CODE, CONFIDENCE, PRECEDENCE, REGISTRY
from gptel_diagnose.rules.base import Example, Rule

SETQ = re.compile(r"\(setq\b")


def run(params: dict[str, Any], locale: str = "en") -> Diagnosis:
    return diagnose(DiagnoseParams.model_validate({**params, "locale": locale}))


def _bare(example: Example) -> dict[str, Any]:
    """EXAMPLE's error with no context at all: no backend, no request."""
    return {"error": example.error, "backend": {}, "request": {}}


def _cases() -> list[tuple[Rule, str, dict[str, Any]]]:
    cases = []
    for rule in REGISTRY:
        for number, example in enumerate(rule.examples):
            cases.append((rule, f"{rule.code}-{number}", example.params()))
            cases.append((rule, f"{rule.code}-{number}-bare", _bare(example)))
    return cases


@pytest.mark.parametrize(("rule", "case", "params"), _cases(), ids=lambda x: x
                         if isinstance(x, str) else "")
@pytest.mark.parametrize("locale", ["en", "zh"])
def test_every_diagnosis_ends_with_one_next_action(
        rule: Rule, case: str, params: dict[str, Any], locale: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Each value not known for a failure is shown by a marker: none may reach the next step,
    # which is an instruction ("Add credit at your provider's billing page" is none).
    for name in STAND_INS:
        monkeypatch.setitem(STAND_INS, name, f"<unknown {name}>")
    result = run(params, locale)
    setq = [fix for fix in result.fixes if fix.variable and fix.value]
    if setq:
        # The companion shows that setq; a next step would be a second instruction.
        assert result.next_step == "", (case, result.next_step)
    else:
        assert result.next_step.strip(), (case, result.summary)
        assert "<unknown" not in result.next_step, (case, result.next_step)
        assert "{" not in result.next_step, (case, result.next_step)
        for fix in result.fixes:
            # Said once: "Choose another model (M-x gptel-menu): M-x gptel-menu" is noise.
            if fix.command and fix.command in result.next_step:
                assert result.next_step.count(fix.command) == 1, (case, result.next_step)


@pytest.mark.parametrize(("rule", "case", "params"), _cases(), ids=lambda x: x
                         if isinstance(x, str) else "")
def test_every_fix_has_something_to_open_run_or_set(
        rule: Rule, case: str, params: dict[str, Any]) -> None:
    # A page whose address is not known for this provider (the bare cases know no provider)
    # leaves its fix with nothing to act on: it is not offered at all.  Fixes that are only an
    # instruction ("Edit the backend definition ... in your init file") are that by design.
    instructions = {spec.title for each in REGISTRY for spec in each.fixes
                    if not (spec.url or spec.command or spec.variable)}
    for fix in run(params).fixes:
        assert fix.url or fix.command or fix.variable or fix.title in instructions, (
            case, fix.title)


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda r: r.code)
def test_no_summary_carries_a_setq(rule: Rule) -> None:
    # The companion appends the fix's setq; a summary with one shows it twice.
    assert not SETQ.search(rule.summary), rule.summary


def test_confidence_comes_from_the_tier_not_the_rule() -> None:
    for tier in PRECEDENCE:
        for code in tier.codes:
            assert CONFIDENCE[code] == tier.confidence
    assert {tier.confidence for tier in PRECEDENCE if tier.name in ("status", "fallback")} == {
        "guess"}


def test_a_status_alone_is_a_guess_that_says_how_to_find_out() -> None:
    result = run({"error": {"status": "HTTP/1.1 403 Forbidden", "http_status": "403"},
                  "backend": {"kind": "openai", "host": "api.openai.com"}})
    assert (result.rule, result.confidence) == ("GEN403", "guess")
    assert "usually" in result.summary
    assert re.search(r"gptel-log-level|gptel-diagnose-copy-curl", result.summary)


@pytest.mark.parametrize("locale", ["en", "zh"])
@pytest.mark.parametrize(("status", "rule"), [("403 Forbidden", "GEN403"),
                                              ("404 Not Found", "GEN404"),
                                              ("400 Bad Request", "GEN400")])
def test_an_answer_with_no_body_is_not_sent_to_the_log(status: str, rule: str,
                                                       locale: str) -> None:
    # Logging an answer that was headers only shows nothing more: the curl replay's
    # headers are all there is (ollama/ollama#2425: Ollama's 403 to an origin it refuses).
    error = {"status": f"HTTP/1.1 {status}", "http_status": status.split()[0]}
    backend = {"kind": "openai", "host": "api.openai.com"}
    logged = run({"error": error, "backend": backend}, locale)
    empty = run({"error": {**error, "body_empty": True}, "backend": backend}, locale)
    assert logged.rule == empty.rule == rule
    assert [f.value for f in logged.fixes if f.variable == "gptel-log-level"] == ["'info"]
    assert not [f for f in empty.fixes if f.variable == "gptel-log-level"]
    assert "gptel-log-level" in logged.summary and "gptel-log-level" not in empty.summary
    assert "curl" in empty.summary
    assert "gptel-diagnose-copy-curl" in empty.next_step
    # The replay finds the cause out; it is not what to do if the guess is right.
    assert empty.next_step_finds_out and not logged.next_step_finds_out



@pytest.mark.parametrize("locale", ["en", "zh"])
def test_a_replay_that_tests_the_network_is_a_step_that_finds_out(locale: str) -> None:
    # NET015's next step is a curl test of the host ("a reset there too means the network
    # path"), not a remedy: it finds the cause out, though it names no copy-curl command.
    reset = run({"error": {"error": "Recv failure: Connection reset by peer"},
                 "backend": {"kind": "openai", "host": "api.openai.com"}}, locale)
    assert reset.rule == "NET015" and "curl -sI https://api.openai.com" in reset.next_step
    assert reset.next_step_finds_out
    # A step that acts on the cause (add credit on the billing page) does not.
    quota = run({"error": {"status": "HTTP/1.1 429", "http_status": "429",
                           "error": {"type": "insufficient_quota", "code": "insufficient_quota",
                                     "message": "You exceeded your current quota."}},
                 "backend": {"kind": "openai", "host": "api.openai.com"}}, locale)
    assert quota.next_step and not quota.next_step_finds_out

def test_a_message_rule_is_likely() -> None:
    example = BY_CODE["MODEL001"].examples[0]
    assert run(example.params()).confidence == "likely"


def test_guesses_never_name_a_cause_they_cannot_see() -> None:
    for code in [code for tier in PRECEDENCE if tier.confidence == "guess"
                 for code in tier.codes]:
        summary = BY_CODE[code].summary
        assert re.search(r"usually|does not recognise", summary), (code, summary)


@pytest.mark.parametrize(("locale", "words"), [
    ("en", "Enable extra usage at https://claude.ai/settings/usage"),
    ("zh", "在 https://claude.ai/settings/usage 开通额外用量"),
])
def test_a_documented_code_may_name_its_own_next_step(locale: str, words: str) -> None:
    # https://github.com/anthropics/claude-code/issues/58730: a Claude plan's long-context
    # add-on is enabled at claude.ai, not by adding credit to the API account.
    result = run({"error": {"status": "HTTP/2 429", "http_status": "429",
                            "error": {"type": "rate_limit_error", "message": "Extra usage is "
                                      "required for long context requests."}},
                  "backend": {"kind": "anthropic", "host": "api.anthropic.com"}}, locale)
    assert result.category == "billing.quota_exhausted"
    assert result.next_step.startswith(words)
    # Any other documented billing code keeps the rule's own next step.
    other = run({"error": {"status": "HTTP/2 402", "http_status": "402",
                           "error": {"type": "billing_error", "message": "Billing issue."}},
                 "backend": {"kind": "anthropic", "host": "api.anthropic.com"}}, locale)
    assert other.next_step and "claude.ai" not in other.next_step


def _word_runs(text: str, size: int = 4) -> set[tuple[str, ...]]:
    words = [w.strip(".:'") for w in re.findall(r"[\w:'./-]+", text.lower())]
    words = [w for w in words if w]
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def _han_runs(text: str, size: int = 8) -> set[str]:
    text = re.sub(r"\s+", "", text)
    return {text[i:i + size] for i in range(len(text) - size + 1)
            if re.search(r"[\u4e00-\u9fff]{4}", text[i:i + size])}


@pytest.mark.parametrize(("rule", "case", "params"), _cases(), ids=lambda x: x
                         if isinstance(x, str) else "")
@pytest.mark.parametrize("locale", ["en", "zh"])
def test_the_summary_does_not_say_the_next_step_again(
        rule: Rule, case: str, params: dict[str, Any], locale: str) -> None:
    # The echo line is the summary, then "Next: " and the next step.  A summary that ends
    # with the same instruction shows it twice and pushes the diagnosis out of the line
    # (seen for AUTH008: "... check that the key in the :key string ... Next: Check the
    # key in the :key string ...").  The summary says what went wrong; the step, what to do.
    result = run(params, locale)
    if not result.next_step:
        return
    shared = _word_runs(result.summary) & _word_runs(result.next_step)
    if locale == "zh":
        shared |= {(run_,) for run_ in _han_runs(result.summary) & _han_runs(result.next_step)}
    assert not shared, (case, result.summary, result.next_step)


# An overload that does not pass (a local model runner that died, SRV004, not retryable) has
# another way on: the server's log and a smaller model (test_context).
@pytest.mark.parametrize("rule", [r for r in REGISTRY if r.category == "content_policy"
                                  or (r.category == "server.overloaded" and r.retryable)],
                         ids=lambda r: r.code)
def test_the_next_step_is_the_one_that_helps(rule: Rule) -> None:
    # A filter lets the same prompt through on no page and no model of the same provider:
    # the way on is a changed prompt.  An overload passes: the way on is to resend.  A
    # status page or another model is for when it persists, not the first step.
    for example in rule.examples:
        result = run(example.params())
        if any(fix.variable and fix.value for fix in result.fixes):
            continue
        first = result.next_step.split()[0] if result.next_step else ""
        want = "Rephrase" if rule.category == "content_policy" else "Resend"
        assert first == want, (rule.code, result.next_step)


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_a_status_guess_quotes_the_providers_words_rather_than_send_for_them(
        locale: str) -> None:
    # gptel already showed the provider's message: logging would show the same words again,
    # so the guess quotes them instead of telling the user to log them.
    error = {"status": "HTTP/1.1 401 Unauthorized", "http_status": "401",
             "error": {"message": "Token has been frozen by the workspace admin."}}
    result = run({"error": error, "backend": {"kind": "openai", "host": "api.example.com"}},
                 locale)
    assert (result.rule, result.confidence) == ("GEN401", "guess")
    assert "Token has been frozen by the workspace admin" in result.summary
    assert "gptel-log-level" not in result.summary
