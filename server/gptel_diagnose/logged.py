"""A response body gptel received (or logged in *gptel-log*), read where gptel could not read it.

gptel finds a provider's error in a JSON body's `error` (or `detail`, `message`, `Message`)
field.  A body with none of them ({"code": "content_filter", "status": 400}, Baidu's
{"error_msg": ...}, {"msg": ...}) leaves gptel saying "Could not parse HTTP response.", a
200 whose body holds an error leaves it silent, and an error answered in plain text leaves
only "Malformed JSON in response".  The companion then sends the body
(`ErrorInfo.body`), read from gptel's response buffer or from *gptel-log*, and the diagnosis
reads the body itself.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .facts import EMPTY_RESPONSE, UNPARSEABLE
from .protocol import DiagnoseParams

# What gptel says when the body it got held no error it could read.
_UNREAD = (UNPARSEABLE, EMPTY_RESPONSE)


def _gptel_said(params: DiagnoseParams) -> str:
    """What gptel said of the answer, lower case: its error when that is text, and the
    status it put with it."""
    error = params.error.error
    return " ".join(filter(None, (error if isinstance(error, str) else None,
                                  params.error.status))).lower()


def _unread(params: DiagnoseParams) -> bool:
    error = params.error.error
    if error is None:
        return True
    if not isinstance(error, str):
        return False
    return any(words in _gptel_said(params) for words in _UNREAD)


# A stream's events: "data: {...}" lines (with "event:" lines between, for Anthropic), or
# Ollama's lines of JSON.
_DATA_LINE = re.compile(r"^(?:data:[ \t]*)?(\{.*\})[ \t]*\r?$", re.MULTILINE)
# The last events of a stream are where it says why it ended (Gemini's finishReason SAFETY,
# OpenAI's finish_reason content_filter, an error event); the earlier ones are the answer.
_LAST_EVENTS = 3


def read_body(text: str) -> Any:
    """The error a logged response body holds: its JSON object or array, else None.

    A streamed body (server-sent events, or Ollama's lines of JSON) gives its last JSON
    events, as a list: a stream that brought no text says why in them (Gemini's safety
    block arrives as a chunk whose finishReason is SAFETY).  A page is left to gptel's own
    words ("Malformed JSON in response"), which the rules read with the status; an error
    answered in plain text is read for its words (`_plain_words`).
    """
    try:
        found = json.loads(text)
    except ValueError:
        events = []
        for data in _DATA_LINE.findall(text):
            try:
                event = json.loads(data)
            except ValueError:
                continue
            if isinstance(event, dict) and event:
                events.append(event)
        return events[-_LAST_EVENTS:] or None
    return found if isinstance(found, (dict, list)) and found else None


# The most words a label has ("Relay service error", "Too Many Requests").
_LABEL_WORDS = 4
# The fields that say more than a label, beside a string `error`.
_SAYS_MORE = ("message", "detail", "msg", "error_description")


def _code_or_label(error: Any) -> bool:
    """Whether gptel's ERROR is a code ("worker_error") or a short label ("Relay service
    error"), not a sentence: the body may say more beside it."""
    if not isinstance(error, str):
        return False
    said = error.strip()
    return bool(said) and len(said.split()) <= _LABEL_WORDS and not said.endswith(".")


def _one_field_of(error: Any, found: Any) -> bool:
    """Whether gptel's ERROR is only the `error` field of the body FOUND, which says more:
    gptel takes a string `error` field as the whole error ({"error": "worker_error",
    "message": "Claude step failed: Credit balance is too low"} shows as "worker_error").
    A code counts beside any other field; a label only beside a longer message."""
    if not (_code_or_label(error) and isinstance(found, dict)):
        return False
    said = error.strip()
    if not (isinstance(found.get("error"), str) and found["error"].strip() == said):
        return False
    if " " not in said:
        return any(isinstance(value, str) and value.strip() and value.strip() != said
                   for value in found.values())
    # A label ({"error": "Relay service error", "message": "No available Claude accounts
    # support the requested model: gemini-2.5-pro"}): only a message that says more.
    return any(isinstance(found.get(key), str) and len(found[key].strip()) > len(said)
               for key in _SAYS_MORE)


# What gptel says of a body that is not JSON at all.
_NOT_JSON = "malformed json"
# The longest plain-text answer read as the server's own words: longer is a page or a dump.
_MAX_WORDS = 2000


def _plain_words(params: DiagnoseParams) -> str | None:
    """The words of an error answer that came as plain text (not JSON, not a page), which
    gptel could only call "Malformed JSON": a local server's "model runner has unexpectedly
    stopped", Envoy's "upstream connect error ...".  None for anything else."""
    text = (params.error.body or "").strip()
    if _NOT_JSON not in _gptel_said(params) or not text or len(text) > _MAX_WORDS:
        return None
    status = str(params.error.http_status or "")
    if not (status.isdigit() and int(status) >= 400):
        return None
    # A page, JSON cut short, or a stream: not words.
    if text[0] in "<{[" or _DATA_LINE.search(text) or text.lower().startswith("data:"):
        return None
    return text


def with_logged_body(params: DiagnoseParams) -> DiagnoseParams:
    """PARAMS with the logged body as the error, when gptel read none out of it, or only
    its code or label (`_one_field_of`), or could not read it as JSON because it is the
    server's words in plain text."""
    words = _plain_words(params)
    if words is not None:
        return _with_error(params, words)
    body = params.error.body
    unread = _unread(params)
    # The body is parsed only where it could be used: not for every answer that has one.
    if not body or not (unread or _code_or_label(params.error.error)):
        return params
    found = read_body(body)
    if found is None or not (unread or _one_field_of(params.error.error, found)):
        return params
    return _with_error(params, found)


def _with_error(params: DiagnoseParams, error: Any) -> DiagnoseParams:
    """PARAMS with ERROR, read from the body, as the error gptel reported."""
    return params.model_copy(update={"error": params.error.model_copy(update={"error": error})})
