"""What gptel 0.9.9.6 hands over for a recorded HTTP error: the `error` params of diagnose.

Mirrors gptel's error path (gptel--parse-response-plist-error and the curl/url parsers)
closely enough to turn a provider's recorded body into the info gptel records.
"""

from __future__ import annotations

import json
import re
from http import HTTPStatus
from typing import Any


def status_line(code: int) -> str:
    try:
        reason = HTTPStatus(code).phrase
    except ValueError:
        reason = {529: "Overloaded", 520: "", 498: ""}.get(code, "")
    return f"HTTP/1.1 {code} {reason}".rstrip()


def _error_of(body: Any) -> Any:
    if isinstance(body, dict) and "error" not in body and "message" in body and (
            "type" in body or "code" in body or "metadata" in body):
        # A report quoting the error object without its envelope.
        return body
    if isinstance(body, dict) and "error" not in body:
        # A client's record of the exchange ({"url": ..., "status": 400, "response": {...}},
        # {"status": 400, "body": {...}}; OpenCode's {"name": "APIError", "data": {...}}):
        # what it wraps is what the server sent.
        for key in ("response", "body", "data"):
            if isinstance(body.get(key), dict) and (key != "data" or "name" in body):
                return _error_of(body[key])
    if isinstance(body, dict) and list(body) == ["errorMessage"]:
        # A client's own wrapper of the message alone ({"errorMessage": "429 ..."}).
        return body["errorMessage"]
    if isinstance(body, dict):
        for key in ("error", "detail", "message", "Message"):
            # A flag such as {"error": true, "message": ...} marks the message; it is not one.
            if body.get(key) and not isinstance(body[key], bool):
                return body[key]
        return None
    if isinstance(body, list):
        for item in body:
            found = _error_of(item)
            if found is not None:
                return found
    return None


def looks_unparseable(text: str) -> bool:
    """Whether gptel would fail to read TEXT as JSON: HTML, plain text pages, nothing."""
    stripped = text.strip()
    if not stripped:
        return True
    try:
        json.loads(stripped)
        return False
    except ValueError:
        return True


def gptel_error(http_status: int, body: Any, as_message: bool = False) -> dict[str, Any]:
    """The `error` params for an HTTP failure with BODY (parsed JSON, or text).

    A text BODY is what the server sent, which gptel cannot parse ("Malformed JSON"),
    unless AS_MESSAGE says it is the error message a report quotes from a JSON body.
    """
    line = status_line(http_status)
    if isinstance(body, str) and not as_message and looks_unparseable(body):
        return {"status": f"({line}) Malformed JSON in response.",
                "http_status": str(http_status), "error": "Malformed JSON in response"}
    if isinstance(body, str):
        try:
            body = json.loads(body)
        except ValueError:
            return {"status": line, "http_status": str(http_status), "error": body}
    if isinstance(body, str):
        # A JSON string body (xAI sends some errors this way) is the message itself.
        return {"status": line, "http_status": str(http_status), "error": body}
    found = _error_of(body)
    if found is None and http_status == 200:
        # A 200 that failed (a safety block, an error event inside a stream): gptel reports
        # no error; the companion reads the body.
        return {"status": line, "http_status": "200", "error": body}
    if found is None:
        return {"status": line, "http_status": str(http_status),
                "error": "Could not parse HTTP response."}
    return {"status": line, "http_status": str(http_status), "error": found}


def curl_failure(code: int) -> dict[str, Any]:
    return {"status": "Curl failure",
            "error": f"Curl failed with exit code {code}. See Curl manpage for details."}


def corpus_params(record: dict[str, Any]) -> dict[str, Any]:
    """The diagnose params for a corpus record, as gptel-diagnose would receive them.

    A record gives either what gptel recorded (`gptel`) or the provider's HTTP status and
    body; `http_status` may be null when the report does not say.
    """
    if "gptel" in record and (not ("body" in record and record.get("http_status"))
                              or record["gptel"].get("status") == "Empty response"):
        # What gptel printed; when the report also shows the provider's body, the body is
        # what today's gptel hands over, so it wins.  Except for a 200 gptel read no text
        # from ("Empty response", as the companion reports it): the body then goes beside.
        error = dict(record["gptel"])
    elif record.get("http_status") is None:
        body = record.get("body")
        found = _error_of(body)
        error = {"error": found if found is not None else body}
    else:
        body = record.get("body")
        # A report quoting a message, not a page, stands for a JSON error body.
        # A tag opens a page; "<400> InternalError..." is a client's quoted status and message.
        quoted = isinstance(body, str) and not re.match(r"<[!?a-zA-Z]", body.lstrip()) and bool(
            body.strip())
        error = gptel_error(int(record["http_status"]), body, as_message=quoted)
    # A body the error was taken from as a bare word ({"error": "worker_error", "message":
    # "... Credit balance is too low"}) holds more than that word: gptel, which put the word
    # in :error, still received the body, and the companion sends it as for any answer.
    worded = (isinstance(record.get("body"), dict) and isinstance(error.get("error"), str)
              and any(isinstance(value, str) and value != error["error"]
                      for value in record["body"].values()))
    received = ((record.get("http_status") is not None or worded) and "body" in record
                and not isinstance(error.get("error"), dict))
    if received and isinstance(record["body"], str) and not record["body"].strip():
        # The answer was headers only: the companion says so rather than send a body.
        error = {**error, "body_empty": True}
    elif (record.get("logged") or received) and "body" in record:
        # gptel logged the response (gptel-log-level), or it read no error object out of
        # the body it received: the companion sends the body as text (read from gptel's own
        # response buffer, or from *gptel-log*).
        body = record["body"]
        error = {**error, "body": body if isinstance(body, str) else json.dumps(body)}
    backend = dict(record.get("backend") or {})
    backend.setdefault("kind", {"gptel": None}.get(record["provider"], record["provider"]))
    request = dict(record.get("request") or {})
    for number in ("temperature", "max_tokens"):
        # The companion sends these only when they are numbers (a report may quote a
        # client's "hot" that gptel's own settings cannot hold).
        if isinstance(request.get(number), str):
            del request[number]
    return {"error": error, "backend": backend, "request": request,
            "locale": record.get("locale")}
