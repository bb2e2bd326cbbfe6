"""What gptel 0.9.9.6 hands over for a recorded HTTP error: the `error` params of diagnose.

Mirrors gptel's error path (gptel--parse-response-plist-error and the curl/url parsers)
closely enough to turn a provider's recorded body into the info gptel records.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any


def status_line(code: int) -> str:
    try:
        reason = HTTPStatus(code).phrase
    except ValueError:
        reason = {529: "Overloaded", 520: "", 498: ""}.get(code, "")
    return f"HTTP/1.1 {code} {reason}".rstrip()


def _error_of(body: Any) -> Any:
    if isinstance(body, dict):
        for key in ("error", "detail", "message", "Message"):
            if body.get(key):
                return body[key]
        return None
    if isinstance(body, list):
        for item in body:
            found = _error_of(item)
            if found is not None:
                return found
    return None


def gptel_error(http_status: int, body: Any) -> dict[str, Any]:
    """The `error` params for an HTTP failure with BODY (parsed JSON, or text)."""
    line = status_line(http_status)
    if isinstance(body, str):
        return {"status": f"({line}) Malformed JSON in response.",
                "http_status": str(http_status), "error": "Malformed JSON in response"}
    found = _error_of(body)
    if found is None:
        return {"status": line, "http_status": str(http_status),
                "error": "Could not parse HTTP response."}
    return {"status": line, "http_status": str(http_status), "error": found}


def curl_failure(code: int) -> dict[str, Any]:
    return {"status": "Curl failure",
            "error": f"Curl failed with exit code {code}. See Curl manpage for details."}
