"""The response body gptel logged, read by the server where gptel read no error."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from gptel_diagnose.engine import diagnose
from gptel_diagnose.protocol import MAX_BODY, DiagnoseParams, Diagnosis

UNREAD = {"status": "(HTTP/1.1 400 Bad Request) Could not parse HTTP response.",
          "http_status": "400", "error": "Could not parse HTTP response."}


def _diagnose(error: dict[str, object], kind: str = "openai") -> Diagnosis:
    return diagnose(DiagnoseParams.model_validate({"error": error, "backend": {"kind": kind}}))


@pytest.mark.parametrize(("body", "category"), [
    # https://learn.microsoft.com/en-us/answers/questions/5896505/azure-openai-content-filter-400-errors-blocking-sa
    ({"code": "content_filter", "status": 400}, "content_policy"),
    # https://github.com/TokenRhythm/opensquilla/issues/782: a relay's {"code", "msg"}.
    ({"code": 70000, "msg": "Exceeding the limiting length: [max_tokens should be less or "
      "equal to 131072]"}, "request.invalid_parameter"),
])
def test_a_logged_body_decides_where_gptel_read_nothing(body: object, category: str) -> None:
    assert _diagnose(UNREAD).category == "unknown"
    pretty = json.dumps(body, indent=2)
    assert _diagnose({**UNREAD, "body": pretty}).category == category


def test_an_error_gptel_could_not_read_is_not_a_cause_but_a_way_to_read_it() -> None:
    # Without the body, the cause is hidden: the corpus's 13 such reports were content
    # filters, billing, parameter and path errors in envelopes gptel does not read, one
    # unreadable answer.  So: unknown, a guess, and the setq that shows the body.
    found = _diagnose(UNREAD)
    assert (found.rule, found.category, found.confidence) == ("RESP002", "unknown", "guess")
    assert "usually" in found.summary and "gptel-log-level" in found.summary
    assert any(fix.variable == "gptel-log-level" for fix in found.fixes)


def test_a_logged_page_or_text_leaves_gptel_own_words() -> None:
    malformed = {"status": "(HTTP/1.1 502 Bad Gateway) Malformed JSON in response.",
                 "http_status": "502", "error": "Malformed JSON in response"}
    page = "<html><head><title>502 Bad Gateway</title></head></html>"
    assert _diagnose({**malformed, "body": page}).rule == _diagnose(malformed).rule
    assert _diagnose({**UNREAD, "body": "not json"}).rule == _diagnose(UNREAD).rule


def test_an_error_in_plain_text_is_read_for_its_words() -> None:
    # A server that answers an error in plain text leaves gptel saying only "Malformed JSON";
    # the companion sends the text, and its words decide (Ollama's runner, in the words of
    # https://github.com/ollama/ollama/issues/14093; a page would still be a page).
    malformed = {"status": "(HTTP/1.1 500 Internal Server Error) Malformed JSON in response.",
                 "http_status": "500", "error": "Malformed JSON in response"}
    words = ("model runner has unexpectedly stopped, this may be due to resource limitations "
             "or an internal error, check ollama server logs for details")
    assert _diagnose(malformed, "ollama").rule == "RESP005"
    assert _diagnose({**malformed, "body": words}, "ollama").rule == "SRV004"
    # JSON cut short, a stream, a 200 or a dump are not words.
    for body in ('{"error": "model runner has unexpectedly', "data: " + words, "x" * 2001):
        assert _diagnose({**malformed, "body": body}, "ollama").rule == "RESP005", body
    ok = {**malformed, "status": "(HTTP/1.1 200 OK) Malformed JSON in response.",
          "http_status": "200"}
    assert (_diagnose({**ok, "body": words}, "ollama").rule
            == _diagnose(ok, "ollama").rule)


def test_a_body_never_overrides_the_error_gptel_read() -> None:
    read = {"status": "HTTP/1.1 401 Unauthorized", "http_status": "401",
            "error": {"message": "Incorrect API key provided", "code": "invalid_api_key"}}
    body = json.dumps({"code": "content_filter"})
    assert _diagnose({**read, "body": body}).category == "auth.invalid_key"


def test_a_body_past_the_limit_is_refused_clearly() -> None:
    with pytest.raises(ValidationError):
        DiagnoseParams.model_validate({"error": {**UNREAD, "body": "x" * (MAX_BODY + 1)}})


def test_an_error_pages_title_is_quoted_in_the_explanation() -> None:
    # tests/fixtures/proxy/html-502-bad-gateway.json (gptel#889): nginx's 502 page, which
    # gptel reports only as "Malformed JSON in response"; the companion sends the page.
    page = ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>"
            "502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n"
            "</html>\r\n")
    error = {"status": "(HTTP/1.1 502 Bad Gateway) Malformed JSON in response.",
             "http_status": "502", "error": "Malformed JSON in response"}
    backend = {"kind": "openai", "host": "llm.corp.example"}
    seen = diagnose(DiagnoseParams.model_validate(
        {"error": {**error, "body": page}, "backend": backend}))
    unseen = diagnose(DiagnoseParams.model_validate({"error": error, "backend": backend}))
    assert seen.rule == unseen.rule == "RESP005"
    assert 'title: "502 Bad Gateway"' in seen.explanation
    assert "title" not in unseen.explanation


# https://github.com/peteromallet/Arnold/issues/2: gptel takes a string `error` field as the
# whole error, so only "worker_error" reaches :error; the message beside it is the cause.
WORKER_ERROR = {"success": False, "error": "worker_error",
                "message": "Claude step failed: Credit balance is too low"}


def test_a_code_gptel_took_for_the_error_is_read_with_the_body_beside_it() -> None:
    said = {"status": "HTTP/1.1 500 Internal Server Error", "http_status": "500",
            "error": "worker_error"}
    assert _diagnose(said, "anthropic").category != "billing.quota_exhausted"
    found = _diagnose({**said, "body": json.dumps(WORKER_ERROR)}, "anthropic")
    assert found.category == "billing.quota_exhausted"


@pytest.mark.parametrize("said", [
    # A sentence is the provider's message as gptel read it; the rules read that.
    "Too many requests were sent, slow down.",
    # Not the body's own `error` field: another answer's body.
    "other_code",
])
def test_gptels_words_stand_when_they_are_a_sentence_or_not_the_bodys(said: str) -> None:
    body = {"error": said if said != "other_code" else "Too Many Requests",
            "message": "Credit balance is too low"}
    error = {"status": "HTTP/1.1 429 Too Many Requests", "http_status": "429", "error": said}
    assert (_diagnose({**error, "body": json.dumps(body)}, "anthropic").category
            == _diagnose(error, "anthropic").category)


@pytest.mark.parametrize(("said", "body", "category"), [
    # tests/corpus fne-relay-024 (Claude Relay Service): gptel shows only the label.
    ("Relay service error",
     {"error": "Relay service error", "message": "No available Claude accounts support the "
      "requested model: gemini-2.5-pro", "timestamp": "2025-08-09T08:27:11.829Z"},
     "model.not_found"),
    # tests/corpus qd-openai-026: a label in capitals over a message that says a rate.
    ("INSUFFICIENT QUOTA",
     {"status": 429, "error": "INSUFFICIENT QUOTA",
      "message": "You exceeded your current limit of concurrent requests."}, "rate_limit"),
])
def test_a_label_gptel_took_for_the_error_is_read_with_the_message_beside_it(
        said: str, body: dict[str, object], category: str) -> None:
    error = {"status": "HTTP/1.1 429 Too Many Requests" if category == "rate_limit"
             else "HTTP/1.1 500 Internal Server Error",
             "http_status": "429" if category == "rate_limit" else "500", "error": said}
    assert _diagnose(error, "openai").category != category
    assert _diagnose({**error, "body": json.dumps(body)}, "openai").category == category


# https://ai.google.dev/api/generate-content#finishreason: a streamed answer the safety
# filter blocks ends with a chunk whose finishReason is SAFETY and no text.
_SAFETY_CHUNK = ('data: {"candidates": [{"finishReason": "SAFETY", "index": 0, '
                 '"safetyRatings": [{"category": "HARM_CATEGORY_HARASSMENT", '
                 '"probability": "HIGH"}]}], "modelVersion": "gemini-2.5-flash"}\r\n\r\n')


@pytest.mark.parametrize(("kind", "stream", "category"), [
    ("gemini", _SAFETY_CHUNK, "content_policy"),
    # OpenAI's and Azure's: the last chunk before [DONE] says content_filter.
    ("azure", 'data: {"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": '
     '{"role": "assistant", "content": ""}, "finish_reason": null}]}\n\n'
     'data: {"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {}, '
     '"finish_reason": "content_filter"}]}\n\ndata: [DONE]\n\n', "content_policy"),
    # Ollama streams lines of JSON; a runner that failed before the first words ends with
    # an error line.
    ("ollama", '{"model": "llama3.2", "message": {"role": "assistant", "content": ""}, '
     '"done": false}\n{"error": "an error was encountered while running the model: '
     'unexpected EOF"}\n', "server.overloaded"),
])
def test_a_streamed_body_with_no_text_is_read_by_its_last_events(
        kind: str, stream: str, category: str) -> None:
    empty = {"status": "Empty response", "http_status": "200"}
    assert _diagnose(empty, kind).category == "response.malformed"
    assert _diagnose({**empty, "body": stream}, kind).category == category
