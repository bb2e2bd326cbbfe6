"""Normalise a gptel failure into the facts rules match on.

gptel hands over its `:status`, `:http-status` and `:error`, which come in many shapes: a status
line or gptel's own text, a string or a provider's error object (OpenAI, Anthropic, Gemini's
array, OpenRouter's upstream `metadata.raw`, Bedrock's bare `message`...).  This module reads
them all once, so that a rule never has to know where a value came from.  Pure: no I/O.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from .protocol import DiagnoseParams
from .providers import LOCAL_PORTS, misspelt_host, provider_for_host

# Bounds that keep classification cheap whatever the payload: the haystack rules search and
# the depth to which embedded JSON strings (OpenRouter's `metadata.raw`) are unpacked.
MAX_TEXT = 16_000
MAX_EMBED_DEPTH = 3

_STATUS_LINE = re.compile(r"HTTP/[\d.]+\s+(\d{3})")
# "Curl failed with exit code 7" (gptel), "curl: (7) Failed to connect" (curl's own text).
_CURL_EXIT = re.compile(r"curl failed with exit code (\d+)|curl: \((\d+)\)")
_REASON_PHRASE = re.compile(r"(HTTP/[\d.]+ \d{3})(?: [A-Za-z' -]+)?")
# curl --fail (exit 22): "The requested URL returned error: 404".
_CURL_FAIL_STATUS = re.compile(r"returned error: (\d{3})")
_NO_HEADERS = re.compile(r"\(\(?[0-9a-f]{32} \. 0\)")
_HTML = re.compile(r"<\s*(?:!doctype|html|head|body|title|center|h1)\b", re.IGNORECASE)
_MESSAGE_KEYS = ("message", "Message", "detail", "error_description", "msg", "error")
_CODE_KEYS = ("type", "code", "status", "reason", "error_code", "__type", "quotaId",
              "finishReason", "finish_reason", "blockReason", "block_reason")

# A wait the provider states, in any of the wordings seen in real bodies:
# "try again in 9.816s", "in 9m38.016s", "retry after 20 seconds", "retry in 47.18s",
# Gemini's RetryInfo `retryDelay: "47s"`.
_WAIT_CUE = re.compile(
    r"(?:try again in|retry after|retry in|retry_delay|retrydelay|wait)\W{0,3}"
    r"(?P<dur>(?:\d+(?:\.\d+)?\s*(?:h|hours?|ms|m(?!s)|min(?:ute)?s?|s|sec(?:ond)?s?)\s*)+)",
    re.IGNORECASE,
)
_DUR_PART = re.compile(
    r"(\d+(?:\.\d+)?)\s*(ms|h|hours?|min(?:ute)?s?|m|s|sec(?:ond)?s?)", re.IGNORECASE
)
_UNIT_SECONDS = {"ms": 0.001, "h": 3600.0, "m": 60.0, "s": 1.0}


def parse_duration(text: str) -> float | None:
    """Seconds in a duration such as "9m38.016s", "20 seconds" or "250ms"."""
    total, found = 0.0, False
    for number, unit in _DUR_PART.findall(text):
        unit = unit.lower()
        key = "ms" if unit == "ms" else unit[0]
        total += float(number) * _UNIT_SECONDS[key]
        found = True
    return round(total, 3) if found else None


def stated_wait(text: str) -> float | None:
    """The wait a provider's message or RetryInfo states, in seconds."""
    match = _WAIT_CUE.search(text)
    return parse_duration(match.group("dur")) if match else None


@dataclass(frozen=True)
class Facts:
    """Everything the rules match on, read once from the params."""

    http: int | None
    codes: frozenset[str]
    param: frozenset[str]
    message: str
    text: str
    curl: int | None
    gptel: frozenset[str]
    html: bool
    provider: str | None
    host: str
    local: bool
    retry_after: float | None
    model: str | None
    stream: bool | None
    use_curl: bool | None
    has_key: bool | None
    key_whitespace: bool | None
    proxy: bool | None
    host_typo: str | None
    params: DiagnoseParams
    # Pattern -> whether it occurs in `text`, filled in as rules are tried.
    searched: dict[re.Pattern[str], bool] = field(default_factory=dict, compare=False)


class _Collector:
    """Walks a provider error value, gathering messages, codes and retry hints."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.codes: set[str] = set()
        self.strings: list[str] = []
        self.numeric_codes: list[int] = []
        self.params: set[str] = set()
        self.size = 0

    def add_string(self, value: str) -> None:
        if self.size < MAX_TEXT:
            piece = value[: MAX_TEXT - self.size]
            self.strings.append(piece)
            self.size += len(piece)

    def walk(self, value: Any, embed: int = 0) -> None:
        if isinstance(value, str):
            self._walk_string(value, embed)
        elif isinstance(value, dict):
            self._walk_object(value, embed)
        elif isinstance(value, list):
            for item in value[:50]:
                self.walk(item, embed)

    def _walk_string(self, value: str, embed: int) -> None:
        stripped = value.strip()
        if embed < MAX_EMBED_DEPTH and stripped[:1] in "{[" and len(stripped) < 200_000:
            try:
                self.walk(json.loads(stripped), embed + 1)
                return
            except ValueError:
                pass
        self.add_string(value)

    def _walk_object(self, obj: dict[str, Any], embed: int) -> None:
        for key in _MESSAGE_KEYS:
            found = obj.get(key)
            if not isinstance(found, str) or not found.strip():
                continue
            if key != "error" or not found.lstrip().startswith(("{", "[")):
                self.messages.append(found)
        param = obj.get("param")
        if isinstance(param, str) and 0 < len(param) <= 120:
            self.params.add(param.lower())
        for key in _CODE_KEYS:
            found = obj.get(key)
            if isinstance(found, str) and 0 < len(found) <= 120:
                self.codes.add(found.lower())
            elif isinstance(found, int) and not isinstance(found, bool):
                self.numeric_codes.append(found)
        for key, item in obj.items():
            if key == "retryDelay" and isinstance(item, str):
                self.add_string(f"retry_delay {item}")
            elif isinstance(item, str):
                if key in _MESSAGE_KEYS:
                    # Kept as a message above; only embedded JSON needs walking.
                    if item.lstrip().startswith(("{", "[")):
                        self._walk_string(item, embed)
                elif key in ("raw", "provider_name", "@type"):
                    self._walk_string(item, embed)
                else:
                    self.add_string(item)
            else:
                self.walk(item, embed)


def _http_status(params: DiagnoseParams, numeric_codes: list[int]) -> int | None:
    raw = params.error.http_status
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw if 100 <= raw <= 599 else None
    if isinstance(raw, str) and raw.strip().isdigit():
        return int(raw.strip())
    for line in (params.error.status, params.error.displayed):
        match = _STATUS_LINE.search(line or "")
        if match:
            return int(match.group(1))
    for line in (params.error.status, params.error.displayed,
                 params.error.error if isinstance(params.error.error, str) else None):
        match = _CURL_FAIL_STATUS.search(line or "")
        if match:
            return int(match.group(1))
    for code in numeric_codes:
        if 400 <= code <= 599:
            return code
    return None


def _gptel_kinds(haystack: str, params: DiagnoseParams, http: int | None) -> frozenset[str]:
    """gptel's own failure texts, named: they mean something only gptel knows."""
    kinds = set()
    if "malformed json" in haystack or "json-read-error" in haystack:
        kinds.add("malformed_json")
    if "could not parse http response" in haystack:
        kinds.add("unparseable")
        if http is None and params.error.error is None:
            # url-retrieve got no HTTP response at all: gptel files the text under
            # :http-status and leaves :error empty.
            kinds.add("no_response")
    if "curl failure" in haystack or "curl failed" in haystack:
        kinds.add("curl_failure")
    if "empty response" in haystack:
        kinds.add("empty_response")
    if "search failed" in haystack or "search-failed" in haystack:
        kinds.add("search_failed")
    if "stopped by hook" in haystack:
        kinds.add("hook_stop")
    if _NO_HEADERS.search(haystack):
        # Old gptel shows curl's write-out marker when curl wrote no headers at all.
        kinds.add("no_response")
    return frozenset(kinds)


def _host_is_local(host: str) -> bool:
    name = host.rsplit("@", 1)[-1].lower()
    if name.startswith("["):
        name = name[1:].split("]", 1)[0]
    else:
        name = name.split(":", 1)[0] if name.count(":") == 1 else name
    return name in ("localhost", "::1", "0.0.0.0", "") or name.startswith("127.")


def _port(host: str) -> int | None:
    tail = host.rsplit(":", 1)
    return int(tail[1]) if len(tail) == 2 and tail[1].isdigit() else None


def read_facts(params: DiagnoseParams) -> Facts:
    """Normalise PARAMS into `Facts`."""
    collector = _Collector()
    collector.walk(params.error.error)
    for extra in (params.error.status, params.error.displayed):
        if extra:
            # A status line's reason phrase ("Internal Server Error") is the protocol's
            # wording, not the provider's: keep the code, drop the phrase.
            collector.add_string(_REASON_PHRASE.sub(r"\1", extra))
    if isinstance(params.error.http_status, str):
        collector.add_string(params.error.http_status)
    message = next((m for m in collector.messages if m.strip()), "")
    if not message and isinstance(params.error.error, str):
        message = params.error.error
    haystack = " \n ".join([*collector.messages, *collector.codes, *collector.strings])
    text = haystack.lower()[: MAX_TEXT * 2]
    http = _http_status(params, collector.numeric_codes)

    curl = params.error.curl_exit_code
    if curl is None:
        match = _CURL_EXIT.search(text)
        curl = int(match.group(1) or match.group(2)) if match else None

    backend, request = params.backend, params.request
    host = (backend.host or "").strip()
    local = bool(host) and _host_is_local(host)
    provider = provider_for_host(host, _port(host) if local else None) or (
        backend.kind.lower() if backend.kind else None
    )
    if provider is None and local and _port(host) in LOCAL_PORTS:
        provider = LOCAL_PORTS[_port(host) or 0]

    stream = request.stream if request.stream is not None else backend.stream
    return Facts(
        http=http,
        codes=frozenset(collector.codes),
        param=frozenset(collector.params),
        message=message,
        text=text,
        curl=curl,
        gptel=_gptel_kinds(text, params, http),
        html=bool(_HTML.search(haystack)),
        provider=provider,
        host=host,
        local=local,
        retry_after=stated_wait(haystack),
        model=request.model,
        stream=stream,
        use_curl=request.use_curl,
        has_key=backend.has_key,
        key_whitespace=backend.key_has_whitespace,
        proxy=request.proxy,
        host_typo=misspelt_host(host) if host and not local else None,
        params=params,
    )
