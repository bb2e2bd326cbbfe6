"""A response body gptel received (or logged in *gptel-log*), read where gptel could not read it.

gptel finds a provider's error in a JSON body's `error` (or `detail`, `message`, `Message`)
field.  A body with none of them ({"code": "content_filter", "status": 400}, Baidu's
{"error_msg": ...}, {"msg": ...}) leaves gptel saying "Could not parse HTTP response.", and a
200 whose body holds an error leaves it silent.  The companion then sends the body
(`ErrorInfo.body`), read from gptel's response buffer or from *gptel-log*, and the diagnosis
reads the body itself.
"""

from __future__ import annotations

import json
from typing import Any

from .facts import EMPTY_RESPONSE, UNPARSEABLE
from .protocol import DiagnoseParams

# What gptel says when the body it got held no error it could read.
_UNREAD = (UNPARSEABLE, EMPTY_RESPONSE)


def _unread(params: DiagnoseParams) -> bool:
    error = params.error.error
    if error is None:
        return True
    if not isinstance(error, str):
        return False
    said = " ".join(filter(None, (error, params.error.status))).lower()
    return any(words in said for words in _UNREAD)


def read_body(text: str) -> Any:
    """The error a logged response body holds: its JSON object or array, else None.

    A page or plain text is left to gptel's own words ("Malformed JSON in response"), which
    the rules already read with the status.
    """
    try:
        found = json.loads(text)
    except ValueError:
        return None
    return found if isinstance(found, (dict, list)) and found else None


def with_logged_body(params: DiagnoseParams) -> DiagnoseParams:
    """PARAMS with the logged body as the error, when gptel read none out of it."""
    body = params.error.body
    if not body or not _unread(params):
        return params
    found = read_body(body)
    if found is None:
        return params
    error = params.error.model_copy(update={"error": found})
    return params.model_copy(update={"error": error})
