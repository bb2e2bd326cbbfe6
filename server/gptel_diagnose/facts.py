"""Normalise a gptel failure into the facts rules match on.

gptel hands over its `:status`, `:http-status` and `:error`, which come in many shapes: a status
line or gptel's own text, a string or a provider's error object (OpenAI, Anthropic, Gemini's
array, OpenRouter's upstream `metadata.raw`, Bedrock's bare `message`...).  This module reads
them all once, so that a rule never has to know where a value came from.  Pure: no I/O.
"""

from __future__ import annotations

import ast
import ipaddress
import json
import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import Field, dataclass, field, fields
from typing import Any, Literal, get_args

from .protocol import DiagnoseParams
from .providers import (
    Provider,
    identified,
    identify,
    lookup,
    misspelt_host,
    website_host,
    without_scheme,
)
from .providers.record import host_and_port, host_name

# Bounds that keep classification cheap whatever the payload: the haystack rules search and
# the depth to which embedded JSON strings (OpenRouter's `metadata.raw`) are unpacked.
MAX_TEXT = 16_000
MAX_EMBED_DEPTH = 3

_STATUS_LINE = re.compile(r"HTTP/[\d.]+\s+(\d{3})")
# "Curl failed with exit code 7" (gptel), "curl: (7) Failed to connect" (curl's own text).
_CURL_EXIT = re.compile(r"curl failed with exit code (\d+)|curl: \((\d+)\)"
                        # Another client's words: "curl exited with code=2", "curl error 28".
                        # curl's exit codes have one or two digits ("curl error: 404" is not one).
                        r"|curl (?:exited|failed|error)(?: with)?(?: exit)?(?: code)?[ =:]*"
                        r"(\d{1,2})\b"
                        # curl_cffi (libcurl in Python): "Failed to perform, ErrCode: 35".
                        r"|failed to perform, errcode: (\d{1,2})\b"
                        # A Neovim plugin over plenary's curl job: "Request failed; exit_code: 60".
                        r"|request failed;? exit_code:? (\d{1,2})\b"
                        # llama.vim's curl job: "Job failed with exit code: 7".
                        r"|job failed (?:with )?exit code:? (\d{1,2})\b")
# libcurl's own error texts (curl_easy_strerror and its error buffer), which other clients
# that use libcurl quote without the number: the exit code each stands for.
_CURL_TEXTS = (
    (re.compile(r"could(?:n'?t| not) resolve proxy"), 5),
    (re.compile(r"empty reply from server"), 52),
    (re.compile(r"\brecv failure\b|failure when receiving data from the peer"), 56),
    (re.compile(r"\bsend failure\b|failed sending data to the peer"), 55),
    (re.compile(r"transfer closed with (?:outstanding read data|\d+ bytes) remaining"), 18),
    (re.compile(r"curl: no url specified"), 2),
    (re.compile(r"curl: option \S+: (?:requires parameter|is unknown|is badly used)"), 2),
    (re.compile(r"maximum \(\d+\) redirects followed"), 47),
)
_REASON_PHRASE = re.compile(r"(HTTP/[\d.]+ \d{3})(?: [A-Za-z' -]+)?")
# curl --fail (exit 22): "The requested URL returned error: 404".
_CURL_FAIL_STATUS = re.compile(r"returned error: (\d{3})")
# A status another client kept inside its own words: "status code 524", "code=500", "failed
# with 401 Unauthorized", "(500 Internal Server Error)", "Client error '404 Not Found'".
_TEXT_STATUS = re.compile(
    r"(?:status(?:[ _]code)?|code)\s*(?:is\s*)?[=:]?\s*\(?([45]\d\d)\b"
    r"(?!\s*(?:ms|tokens?|seconds?))"
    r"|\b([45]\d\d)\s+(?:bad request|unauthorized|payment required|forbidden|not found"
    r"|method not allowed|request timeout|payload too large|request entity too large"
    r"|unprocessable entity|too many requests|internal server error|bad gateway"
    r"|service unavailable|gateway time-?out)\b|\bhttp\s+([45]\d\d)\b"
    # "获取 acc_token 请求失败： 403": a status after "failed" in Chinese.
    r"|失败\s*[:：]\s*([45]\d\d)\b",
    re.IGNORECASE)
# A gRPC status, as Go ("rpc error: code = InvalidArgument desc = ...") and Python
# ("status = StatusCode.PERMISSION_DENIED") print it, and the HTTP status Google maps it to
# (https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto).  Not
# "Unknown" or "Internal": they say nothing of the cause.
_GRPC_HTTP = {"invalidargument": 400, "failedprecondition": 400, "outofrange": 400,
              "unauthenticated": 401, "permissiondenied": 403, "notfound": 404,
              "resourceexhausted": 429, "unavailable": 503, "deadlineexceeded": 504}
_GRPC_STATUS = re.compile(
    r"(?:rpc error: code = |statuscode\.)(invalid_?argument|failed_?precondition|out_?of_?range"
    r"|unauthenticated|permission_?denied|not_?found|resource_?exhausted|unavailable"
    r"|deadline_?exceeded)\b")
# Dify's 400 over the status the upstream gave when it checked a model's credentials
# ("Credentials validation failed with status code 404"): the upstream's is the one that says
# what went wrong.
_WRAPPED_STATUS = re.compile(r"credentials validation failed with status code ([45]\d\d)")
# A gateway's 5xx whose whole error is the upstream's status line: {"error": "429 Too Many
# Requests", "status": 500}.
_QUOTED_STATUS = re.compile(r"(?:^|\"error\"\s*:\s*\")([45]\d\d) [a-z][a-z ]*(?:\"|$)")
# A relay's 5xx (or a client's line with no status) around its upstream's refusal, with the
# upstream's status in brackets before its JSON (9router: "[antigravity/gemini-3.7-flash-high]
# [400]: {...} (reset after 7s)"): the upstream's error decides (LABELING.md, stop 57), as a
# pool's last error does.
# A Python server's handler that turned its upstream's refusal into a 500 says it the same
# way without brackets ("Failed to process request: 400: {'error': {...}}").
_BRACKETED_STATUS = re.compile(r"\[(4\d\d)\]:\s*\{|(?:^|:\s)(4\d\d):\s*\{")
# Emacs's own "Search failed" in gptel's parsing (`Search failed: "..."`, or the words alone);
# not a tool's own search ("[DashScope] Search failed: API error: 429").
_SEARCH_FAILED = re.compile(r'search[- ]failed(?!:\s*[^"\s])')
_NO_HEADERS = re.compile(r"\(\(?[0-9a-f]{32} \. 0\)")
# What a failure says when it gives no reason: the status and its phrase, a URL, a client's or
# library's wrapper words ("httpx.HTTPStatusError: Client error '400 Bad Request' for url",
# Dio's "response has a status code of 400 and RequestOptions.validateStatus was configured
# to throw", OpenRouter's "Provider returned error").  What is left once these are gone is
# the reason; `reasonless` says nothing is.
_NO_REASON = re.compile(
    # Whole phrases first, so that a generic word cannot split one.
    r"https?://\S+|\burl\(|\bhttp/[\d.]+|this exception was thrown"
    # A trace or request id ("traceId": "3e79e82a-ddca-47d4-bb9e-27ff52018434") says nothing.
    r"|\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b"
    r"|because the response has a status code of|and requestoptions\.validatestatus was"
    r"|configured to throw for this status code|invalid status code|provider returned error"
    r"|bad request to upstream provider|status code|no body|peculiar error|parse-error"
    r"|远程服务器返回了错误的|响应码|upstream request failed|error from provider \([^)]*\)"
    r"|relay error happen|won't retry in this case|status code is|invalid_request_error"
    # A message of those two words and nothing else ({"message": "Invalid request"}, a
    # relay's for any 400): as bare as "Bad Request".
    r"|(?m:^\W*invalid request\W*$)"
    # The OpenAI SDKs' stock text for any 400, with or without the server's own words.
    r"|please check (?:the )?error message and your parameters|please check your parameters"
    # An Obsidian plugin's and the Nous portal's stock texts for any 400.
    r"|check prompt size, model name, or other parameters"
    r"|this request is not valid\. check the model name and other parameters"
    r"(?:\. additional info)?"
    # Semantic Kernel's for any 4xx: "Invalid request: The request is not valid, HTTP status".
    r"|(?:invalid ?request: )?the request is not valid, http status"
    # Google's status name for any 400, alone ("400 INVALID_ARGUMENT"): its message, when
    # there is one, says what ("Request contains an invalid argument." keeps "contains").
    # Only the status rules read this; "400 Invalid argument" in words still meets the words
    # rules' cue for a parameter first.
    r"|\binvalid[_ ]argument\b"
    r"|request-+(?:default-error-)?callback|cannot read propert(?:y|ies) of (?:null|undefined)"
    r"(?: \(reading '[^']*'\))?"
    # Then exception classes and the words any wrapper uses.
    r"|[\w.]*(?:error|exception)\b"
    r"|\b(?:bad request|client|server|for|url|response|request|failed|status|code|ok|api"
    r"|http|post|get|error|the|with|an?|of|to|from|provider|returned|occurred|got|err|bad"
    r"|remote|chat|completions?|chunk|stream|generate"
    # The keys of the JSON an error comes in ({"type": "error", "message": ...}).
    r"|type|message"
    r"|\d+)\b|[^\w]+|_"
)
# Wrappers' stock sentences that hold a reason word but give no reason: the OpenAI SDKs' "400
# status code (no body)", openai.el's "Please check error message and your parameters",
# llm.el's "Unknown error", and the "Code: unknown, Type: unknown" codex-style clients print
# when the server said nothing.  They are taken out before the reason words are looked for,
# with any URL ("models/gemini-2.0-flash:generateContent" holds "content").
_STOCK_SENTENCE = re.compile(
    r"https?://\S+|\(no body\)|please check (?:the )?error message and your parameters"
    r"|please check your parameters|\bunknown error\b|\b(?:code|type): unknown\b"
    # A relay's wrapper for an upstream status whose body it dropped; a client's complaint
    # that it could not read the error body ("Invalid JSON in API response").
    r"|bad_response_status_code|\bopenai_error\b|invalid json in (?:the )?api response"
    # A JSON object's keys ("type": , "message": ) quoted inside a text, escaped too
    # (\"type\": in JSON inside a JSON string).
    r"|\\*\"\w+\\*\"\s*:"
    r"|unexpected status(?: code)?"
    # reqwest-eventsource's "EventSource stream error: Invalid status code: 400 Bad Request".
    r"|invalid status code"
    # Gateways' words for an upstream status and nothing more: "Upstream error: 400", "Invalid
    # request (Model Provider Error Code: 400, HTTP Status: 400)", "Invalid request Error".
    r"|upstream error: \d{3}\b|invalid request \((?:model )?provider error code"
    r"|\binvalid request error\b"
    # Dart's Dio, after its stock sentence for any status: 'The status code of 400 has the
    # following meaning: "Client error - the request contains bad syntax or cannot be
    # fulfilled"' (RFC wording of the status, not the server's).
    r"|the status code of \d+ has the following meaning\W+[^\"]*\"?"
    # A .NET or Java stack frame's typed parameters ("TalkBoxAPI.OP(String content)"): a
    # parameter's name is not a server's word.
    r"|\((?:(?:string|int|int32|int64|long|object|bool|boolean|double)\s+\w+,?\s*)+\)",
    re.IGNORECASE)
# Words a server uses when it says what it refused in a request; a 400 whose words hold none
# of them gives no reason whatever else it says ("Your IP is being blocked", "There was a
# problem with your chat request", a client's stack trace).
_REASON_WORDS = re.compile(
    r"invalid|\bmust\b|\bshould\b|\bnot (?:be )?(?:supported|allowed|valid|permitted)"
    r"|unsupported|do(?:es)?(?: not|n'?t) support|required|missing|exceed"
    r"|too (?:long|large|many|big)"
    r"|schema|\broles?\b|parameter|argument|\bfields?\b|\bvalues?\b|\bexpected|\bformat"
    r"|allowed|cannot|can'?t|\bonly\b|empty|unknown|malformed|improperly|\brange\b"
    r"|maximum|minimum|greater than|less than|\btype\b|not found|did you mean|mismatch"
    r"|limit|duplicate|conflict|filter|policy|quota|token|prompt|content|deserializ|pars"
    r"|require|ensure|not enabled|please enable|preserve|\bturns?\b"
    # "No tool output found for function call ...", "a max of 128 tools".
    r"|\bno \w+(?: \w+){0,3} found\b|\bmax of \d"
    r"|参数|无效|不支持|必须|缺少|超出|超过|格式|不能|为空|范围|不合法|非法"
)
# A request line a server's log shows: "POST /v1/api/generate".
_REQUEST_PATH = re.compile(r"\b(?:post|get)\s+\"?(/[^\s\"?]*)")
# A URL in the error's text: its host and path.
# Its path stops before the punctuation a sentence puts after it ("url: https://chatgpt.com/
# backend-api/codex/responses, cf-ray: ...").
_URL = re.compile(r"https?://([^/\s'\"()<>]+)(/(?:[^\s'\"()<>?#]*[^\s'\"()<>?#.,;:])?)?")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_WRAPPED = re.compile(r"(?<=[a-z,])[ \t]*\n[ \t]*(?=[a-z])")
# A terminal UI's box around the text (Gemini CLI, Claude Code): its borders where a line
# wrapped ("self-signed     │\n│ certificate") are no words.
_BOXED = re.compile(r"(?<=[a-z,])[ \t]*[│┃║][ \t]*\n[ \t]*[│┃║][ \t]*(?=[a-z])")
_HTML = re.compile(r"<\s*(?:!doctype|html|head|body|title|center|h1)\b", re.IGNORECASE)
# Companies' secure web gateways, as their own pages name them.
_GATEWAY = re.compile(r"\b(?:zscaler|forcepoint|websense|fortiguard|netskope|blue ?coat"
                      r"|cisco umbrella)\b", re.IGNORECASE)
# MiniMax says it in `base_resp.status_msg`, Baidu Qianfan in `error_msg`.
_MESSAGE_KEYS = ("message", "Message", "detail", "error_description", "msg", "error",
                 "status_msg", "error_msg")
# MiniMax's numeric code is `base_resp.status_code`; JavaScript services write `errorCode`
# ({"success": false, "error": "...", "errorCode": "CONTEXT_LENGTH_EXCEEDED"}).
_CODE_KEYS = ("type", "code", "status", "reason", "error_code", "status_code", "__type",
              "errorCode", "quotaId", "finishReason", "finish_reason", "blockReason",
              "block_reason")

# A wait the provider states, in any of the wordings seen in real bodies:
# "try again in 9.816s", "in 9m38.016s", "retry after 20 seconds", "retry in 47.18s",
# Kimi's "please try again after 1 seconds",
# Gemini's RetryInfo `retryDelay: "47s"`, a quota's "Resets in 141h28m14s" or
# "resets in ~5s".
_WAIT_CUE = re.compile(
    r"(?:try again (?:in|after)|retry after|retry in|retry_delay|retrydelay|wait"
    r"|resets? in)\W{0,3}"
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


# The time a plan's window or a quota resets, when the message states it rather than a wait:
# Zhipu's 1308 "Your limit will reset at 2026-09-09 05:38:28" (in Chinese "您的限额将在
# 2026-08-25 07:41:44 重置"), MiniMax's "resets at 2026-05-15T15:00:00Z", a relay's
# "Resets at 10:00 UTC".
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
_STAMP = (rf"\d{{4}}-\d{{2}}-\d{{2}}(?:[ T]{_CLOCK})?(?:\.\d+)?"
          rf"(?:\s*(?:Z|UTC|GMT|[+-]\d{{2}}:?\d{{2}})\b)?|{_CLOCK}(?:\s*(?:UTC|GMT)\b)?")
# Claude's plans reset at a time of day: "You've hit your session limit · resets 3:40am",
# "resets 5pm (Europe/Berlin)".  A plan's window, not credit gone (BIL005 leaves it).
_HOUR = r"\d{1,2}(?::\d\d)?\s*[ap]m"
RESETS_AT_HOUR = rf"\bresets?\s+(?:at\s+)?{_HOUR}\b"
# A time of day with am or pm is read first, so that "resets on 2:49 PM" keeps its PM.
_RESET_CUE = re.compile(
    rf"resets?\s+(?:(?:at|on)\s+)?(?P<clock>{_HOUR}(?:\s*\([\w/+-]+\))?)"
    rf"|resets?\s+(?:at|on)\s+(?P<at>{_STAMP})|将在\s*(?P<zh>{_STAMP})\s*重置",
    re.IGNORECASE)


def stated_reset(text: str) -> str | None:
    """The time a message says its limit resets, as written ("2026-09-09 05:38:28")."""
    match = _RESET_CUE.search(text)
    return (match.group("at") or match.group("zh") or match.group("clock")).strip() \
        if match else None


# The output tokens a message counts: what the credit left covers (OpenRouter's "can only
# afford 3919"), and what was reserved for the answer ("4000 in the completion", "1500 for the
# completion", "1024
# `max_new_tokens`", "max_tokens: 4096", vLLM's "you requested 4096 output tokens").
_AFFORD_CUE = re.compile(r"can only afford (\d+)", re.IGNORECASE)
_RESERVE_CUE = re.compile(r"(\d+) (?:in|for) the completion|(\d+) [`']?max_new_tokens[`']?"
                          r"|max_tokens\W{1,3}(\d+)"
                          # vLLM: "However, you requested 131072 output tokens".
                          r"|you requested ([1-9]\d*) output tokens", re.IGNORECASE)


# The largest answer length a refusal states the model takes: Anthropic's "max_tokens: 131072
# > 64000, which is the maximum allowed number of output tokens", DeepSeek's "the valid range
# of max_tokens is [1, 8192]", OpenAI's "This model supports at most 16384 completion
# tokens", Groq's "`max_tokens` must be less than or equal to `8192`".
_ALLOWED_CUE = re.compile(r"max_tokens: \d+ > (\d+), which is the maximum allowed"
                          r"|valid range of max_tokens is \[\s*\d+\s*,\s*(\d+)\s*\]"
                          r"|supports at most (\d+) completion tokens"
                          r"|max_tokens`? must be less than or equal to `?(\d+)\b"
                          r"|expected number to be <=\s*(\d+) at \W{0,2}params\.max_tokens",
                          re.IGNORECASE)


# Chinese characters (the CJK block), and how much of a piece the encoding repair reads.
_HAN = re.compile(r"[\u4e00-\u9fff]")
_MOJIBAKE_SPAN = 2000


def _mojibake_repaired(piece: str) -> str | None:
    """PIECE read back from GBK into UTF-8, when its Chinese is UTF-8 shown as GBK; else None.

    Real Chinese text, so re-read, turns mostly into replacement characters; mojibake turns
    into Chinese with at most a few (a byte the wrong decoding had already lost)."""
    head = piece[:_MOJIBAKE_SPAN]
    han = len(_HAN.findall(head))
    if han < 4:
        return None
    try:
        repaired = head.encode("gbk", errors="replace").decode("utf-8", errors="replace")
    except (UnicodeError, LookupError):
        return None
    lost = repaired.count("\ufffd") - head.count("\ufffd")
    if repaired == head or lost > max(2, han // 10) or len(_HAN.findall(repaired)) < 2:
        return None
    return repaired


# vLLM's refusal of a length that does not fit: the length asked for, then the window.
_LENGTH_AND_WINDOW = re.compile(r"is too large: (\d+)\.?\s.{0,60}?maximum context length is (\d+)",
                                re.IGNORECASE)


def _length_beyond_window(text: str) -> bool:
    """Whether TEXT states an answer length larger than the whole context window."""
    match = _LENGTH_AND_WINDOW.search(text)
    return match is not None and int(match.group(1)) > int(match.group(2))


def first_group(match: re.Match[str]) -> str:
    """The first group of MATCH that matched: the number or code in whichever alternative
    of a pattern (each alternative with a group of its own) found it."""
    return next(group for group in match.groups() if group)


def stated_tokens(cue: re.Pattern[str], text: str) -> int | None:
    """The first count of tokens CUE finds in TEXT (its first group that matched)."""
    match = cue.search(text)
    return int(first_group(match)) if match else None


def stated_wait(text: str) -> float | None:
    """The wait a provider's message or RetryInfo states, in seconds."""
    match = _WAIT_CUE.search(text)
    return parse_duration(match.group("dur")) if match else None


# How a rule's condition on a fact is tested; `engine` has one check per test.
#   in        the fact (one value, or None) is one of the wanted values
#   overlaps  the fact (a set) shares a value with the wanted set
#   is        the fact (True, False or unknown) is the wanted boolean
#   present   the fact is known (not None), or is not, as wanted
#   pattern   a regex, case-insensitive, is found in the fact
#   text      a regex is found in the lower-cased text (searches are remembered per failure)
# `in`, `overlaps`, `pattern`, `text` and `is` can be negated: `not_<fact>`.
Test = Literal["in", "overlaps", "is", "present", "pattern", "text"]
TESTS: tuple[Test, ...] = get_args(Test)
# `not_<fact>=True` for an "is" fact: anything but True, unknown (None) included.
NEGATABLE: frozenset[Test] = frozenset({"in", "overlaps", "pattern", "text", "is"})

Read = Callable[[DiagnoseParams], Any]


def _fact(about: str, test: Test | None = None, read: Read | None = None) -> Any:
    """A fact: what it is, how a rule's condition tests it (None: for texts only), and, when
    it is a plain read of the params, how to read it (`read_facts` computes the others)."""
    return field(metadata={"about": about, "test": test, "read": read})


# curl options that send the request through a proxy.
_PROXY_ARG = re.compile(r"^(?:-x|--proxy|--socks[45]h?|--preproxy)(?:=|$)")
# The environment variables curl reads a proxy from (no_proxy only exempts hosts).
_PROXY_ENV = ("https_proxy", "http_proxy", "all_proxy")
_VERSION = re.compile(r"\d+(?:\.\d+)*")
# gptel trims trailing newlines from a :key string or function result since 0.9.7
# (`gptel--get-api-key`); spaces, tabs and leading whitespace are still sent.
KEY_TRIM_VERSION = (0, 9, 7)


def version_tuple(text: str | None) -> tuple[int, ...] | None:
    """"0.9.9.6" -> (0, 9, 9, 6); None when TEXT carries no version number."""
    match = _VERSION.search(text or "")
    return tuple(int(part) for part in match.group().split(".")) if match else None


def _env_proxy(params: DiagnoseParams) -> str | None:
    """The first proxy variable set in the environment, as "name=host:port"."""
    env = {name.lower(): value for name, value in (params.request.env_proxy or {}).items()}
    for name in _PROXY_ENV:
        if env.get(name):
            return f"{name}={env[name]}"
    return None


def _proxied(params: DiagnoseParams) -> bool | None:
    """Whether the request went through a proxy: gptel-proxy or a curl argument (for curl:
    url-retrieve reads neither), or the environment (both: url.el reads the scheme's
    *_proxy variable).  None when the companion said nothing about any of them."""
    request = params.request
    said = (request.proxy, request.proxy_host, request.curl_extra_args, request.env_proxy)
    if all(value is None for value in said):
        return None
    curl_proxy = any(_PROXY_ARG.match(arg) for arg in request.curl_extra_args or ())
    by_curl = request.use_curl is not False and bool(
        request.proxy or request.proxy_host or curl_proxy)
    return by_curl or bool(_env_proxy(params))


def _configured_proxies(params: DiagnoseParams) -> list[str]:
    """The proxies the request was sent through, as configured: gptel-proxy's host and the
    environment's proxy variables (either may be empty)."""
    env = params.request.env_proxy or {}
    return [params.request.proxy_host or "",
            *(value for name, value in env.items() if name.lower() in _PROXY_ENV)]


def _names_proxy(params: DiagnoseParams, text: str) -> bool:
    """Whether TEXT (lower case) names the configured proxy's host: its own failure, such
    as a proxy name that does not resolve, not the provider's."""
    for address in _configured_proxies(params):
        name = _bare_host(address.strip())
        # Not a name too short to tell from other words.
        if len(name) >= 4 and name in text:
            return True
    return False


def _names_proxy_address(params: DiagnoseParams, text: str) -> bool:
    """Whether TEXT (lower case) names the configured proxy's host and port together
    ("connect ECONNREFUSED 127.0.0.1:15777" with https_proxy 127.0.0.1:15777): the proxy's
    own socket, which a local model server's on another port is not."""
    for address in _configured_proxies(params):
        bare = host_and_port(without_scheme(address.strip())).lower()
        if ":" in bare and bare.rsplit(":", 1)[1].isdigit() and bare in text:
            return True
    return False


def _key_trimmed(params: DiagnoseParams) -> bool | None:
    version = version_tuple(params.request.gptel_version)
    return None if version is None else version >= KEY_TRIM_VERSION


# The answer length gptel sends with gptel-max-tokens nil, by backend kind: Anthropic's
# Messages API requires max_tokens, so gptel-anthropic.el sends 4096; gptel-bedrock.el sends
# maxTokens 500 (gptel 0.9.9.6).  Other backends send none, and the model chooses.
GPTEL_DEFAULT_MAX_TOKENS = {"anthropic": 4096, "bedrock": 500}


def _default_max_tokens(params: DiagnoseParams) -> int | None:
    return GPTEL_DEFAULT_MAX_TOKENS.get((params.backend.kind or "").lower())


# The most output tokens a Claude model takes, as Anthropic's models overview lists them
# ("Max output", https://docs.claude.com/en/docs/about-claude/models/overview) and its 400
# says ("max_tokens: 9999999 > 128000, which is the maximum allowed number of output tokens
# for claude-opus-4-8").  The names as Anthropic, Bedrock ("anthropic.claude-3-haiku-...")
# and OpenRouter ("anthropic/claude-3.5-haiku") write them; the first pattern found wins.
MODEL_MAX_OUTPUT: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(pattern), tokens) for pattern, tokens in (
        (r"claude-opus-4[-.][678]\b|claude-sonnet-4[-.]6\b", 128000),
        (r"claude-(?:opus|sonnet|haiku)-4[-.]5\b", 64000),
        (r"claude-opus-4(?:[-.]1)?\b", 32000),
        (r"claude-sonnet-4\b|claude-3[-.]7-sonnet", 64000),
        (r"claude-3[-.]5-(?:sonnet|haiku)", 8192),
        (r"claude-3-(?:haiku|sonnet|opus)", 4096),
    ))


def model_max_output(model: str | None) -> int | None:
    """The most output tokens MODEL takes (`MODEL_MAX_OUTPUT`), or None if not known."""
    name = (model or "").lower()
    return next((tokens for pattern, tokens in MODEL_MAX_OUTPUT if pattern.search(name)), None)


def _old_emacs(params: DiagnoseParams) -> bool | None:
    version = version_tuple(params.request.emacs_version)
    return None if version is None else version < (29,)


# curl signs Bedrock's paths right with --aws-sigv4 from this version on (gptel#918).
SIGV4_CURL_VERSION = (8, 10)


def _old_sigv4_curl(params: DiagnoseParams) -> bool | None:
    version = version_tuple(params.request.curl_version)
    return None if version is None else version < SIGV4_CURL_VERSION


def _stream(params: DiagnoseParams) -> bool | None:
    return params.request.stream if params.request.stream is not None else params.backend.stream


def _streamable(params: DiagnoseParams) -> bool:
    """Whether (setq gptel-stream t) would make this request stream: it did not, gptel-send
    or gptel-rewrite sent it (a package's gptel-request streams only when it asks), and
    neither the backend's :stream nor url-retrieve rules streaming out."""
    request = params.request
    return (request.stream is False and request.entry != "request"
            and params.backend.stream is not False and request.use_curl is not False)


@dataclass(frozen=True)
class Facts:
    """Everything the rules match on, read once from the params: the one vocabulary.

    A field with a test is a condition a rule can name, under the same name, in
    `rules.base.match`.  Adding a fact and its condition is adding a field here.  A condition
    about something the companion did not report (None) does not hold: a rule that needs
    `has_key=False` never fires on an unknown key.
    """

    http: int | None = _fact("the HTTP status", "in")
    curl: int | None = _fact("curl's exit code", "in")
    provider: str | None = _fact("the provider kind (openai, anthropic, ollama, ...)", "in")
    provider_assumed: bool = _fact(
        "the provider is known only from the backend's protocol kind (a gptel-make-openai "
        "backend on a host and under a name of no known provider)", "is")
    codes: frozenset[str] = _fact(
        "the error's type/code/status values, lower case; numbers as decimal strings",
        "overlaps")
    param: frozenset[str] = _fact("the error's `param` field, lower case", "overlaps")
    gptel: frozenset[str] = _fact("gptel's own failure kinds (see `_gptel_kinds`)", "overlaps")
    local: bool = _fact("the backend's host is loopback", "is")
    private: bool = _fact("the backend's host is loopback or on a private network (a server "
                          "the user runs)", "is")
    public: bool = _fact("the backend's host names a machine on the internet", "is")
    names_public_host: bool = _fact("a URL in the error's text names a machine on the internet",
                                    "is")
    html: bool = _fact("the body the report shows is an HTML page", "is")
    gateway_page: bool = _fact(
        "the HTML page is a company web gateway's own (Zscaler, Forcepoint, Netskope...)", "is")
    reasonless: bool = _fact(
        "the error gives no reason: only a status, a URL and a client's wrapper words, or "
        "no word a server uses to say what it refused", "is")
    off_path: bool = _fact(
        "a path the error or :endpoint shows is none of the chat paths the provider's API "
        "reference gives (whatever the host)", "is")
    documented_path: bool = _fact(
        "the request went to a chat path the provider's API reference gives, on its own host "
        "(a URL in the error, or :host and :endpoint)", "is")
    structured: bool = _fact(
        "the error is an object the server sent (its JSON), not only a text", "is")
    host_retired: bool = _fact(
        "the backend's host is an API host its provider has shut down", "is")
    model_retired: bool = _fact(
        "the model the request named is one the provider's deprecations page lists as "
        "retired", "is")
    answered: bool = _fact(
        "a server answered: there is an HTTP status, or an error body with a code or type",
        "is")
    stream: bool | None = _fact("the request streamed", "is", _stream)
    streamable: bool = _fact("turning gptel-stream on would make this request stream", "is")
    use_curl: bool | None = _fact("the request went through curl (else url-retrieve)", "is",
                                  lambda p: p.request.use_curl)
    has_key: bool | None = _fact("the backend has a key configured", "is",
                                 lambda p: p.backend.has_key)
    key_has_whitespace: bool | None = _fact(
        "the key (a string or variable) has stray whitespace around it", "is",
        lambda p: p.backend.key_has_whitespace)
    proxy: bool | None = _fact("gptel-proxy is set", "is", lambda p: p.request.proxy)
    body_empty: bool | None = _fact("the response was read and had no body (headers only)",
                                    "is", lambda p: p.error.body_empty)
    proxied: bool | None = _fact(
        "the request went through a proxy: gptel-proxy, a curl argument or the environment",
        "is")
    env_proxy: str | None = _fact("the proxy variable set in the environment, name=host:port",
                                  "present")
    names_proxy: bool = _fact(
        "the error names the host of the proxy configured (gptel-proxy or the environment)",
        "is")
    names_proxy_address: bool = _fact(
        "the error names the host and port of the proxy configured (gptel-proxy or the "
        "environment)", "is")
    use_tools: bool | None = _fact("gptel-use-tools was on for the request", "is",
                                   lambda p: p.request.use_tools)
    key_source: str | None = _fact(
        "where gptel got the key: string, function, auth-source, gptel-api-key, env, none",
        "in", lambda p: p.backend.key_source.lower() if p.backend.key_source else None)
    key_env: str | None = _fact(
        "the environment variable the backend's :key function reads, by name", "present",
        lambda p: p.backend.key_env)
    foreign_key: str | None = _fact(
        "the provider kind the key's prefix belongs to, when not the backend's own", "present")
    old_emacs: bool | None = _fact("Emacs is older than 29 (no two-argument looking-at)", "is")
    old_sigv4_curl: bool | None = _fact("curl is older than 8.10 (its --aws-sigv4 signs "
                                        "Bedrock's paths wrongly)", "is")
    key_trimmed: bool | None = _fact(
        "this gptel trims trailing newlines from the key (0.9.7 and later)", "is")
    temperature_source: str | None = _fact(
        "where the temperature is set: buffer-local, global or model (:request-params)", "in",
        lambda p: p.request.temperature_source)
    max_tokens_source: str | None = _fact(
        "where the answer length is set: buffer-local, global or model (:request-params)",
        "in", lambda p: p.request.max_tokens_source)
    max_tokens: int | None = _fact("the answer length the request asked for (max_tokens)",
                                   "present", lambda p: p.request.max_tokens)
    default_max_tokens: int | None = _fact(
        "the answer length gptel sends for this backend's kind when gptel-max-tokens is nil "
        "(`GPTEL_DEFAULT_MAX_TOKENS`); None where it sends none", "present")
    max_output: int | None = _fact(
        "the most output tokens the request's model takes (`MODEL_MAX_OUTPUT`); None if not "
        "known", "present")
    endpoint: str = _fact("the backend's :endpoint, as configured", "pattern",
                          lambda p: p.backend.endpoint or "")
    protocol: str = _fact("the backend's :protocol, as configured", "pattern",
                          lambda p: p.backend.protocol or "")
    host_typo: str | None = _fact(
        "the API host the backend's host looks like a misspelling of", "present")
    host_website: str | None = _fact(
        "the API host meant, when the backend's host is the provider's website or console",
        "present")
    host: str = _fact("the backend's host, as configured", "pattern")
    body: str = _fact(
        "the response body the companion read beside gptel's own error, as received "
        "(bounded): what gptel did not keep, such as Ollama's signin_url", "pattern",
        lambda p: (p.error.body or "")[:MAX_TEXT])
    text: str = _fact("the error's text, lower case, bounded", "text")
    message: str = _fact("the provider's own message (first found)")
    retry_after: float | None = _fact("the wait the provider states, in seconds")
    resets_at: str | None = _fact("the time the provider says its limit resets, as written")
    afford_tokens: int | None = _fact("the output tokens the error says the credit left covers")
    allowed_tokens: int | None = _fact(
        "the largest answer length the error says the model takes (`_ALLOWED_CUE`)")
    reserve_tokens: int | None = _fact(
        "the output tokens the error says were reserved for the answer")
    length_beyond_window: bool = _fact(
        "the answer length asked for is by itself more than the model's context window, as "
        "the error states both (vLLM: \"'max_tokens' ... is too large: 64000. This model's "
        "maximum context length is 20000 tokens\")", "is")
    model: str | None = _fact("the model the request named", read=lambda p: p.request.model)
    backend_name: str | None = _fact("the gptel backend's name",
                                     read=lambda p: p.backend.name)
    backend_type: str = _fact("the gptel backend's type, as its struct is named",
                              "pattern", lambda p: p.backend.type or "")
    models: tuple[str, ...] = _fact("the backend's :models",
                                    read=lambda p: tuple(p.backend.models or ()))
    refused_models: tuple[str, ...] = _fact(
        "the models this backend answered \"not found\" for earlier in the session",
        read=lambda p: tuple(p.request.refused_models or ()))
    gptel_version: str | None = _fact("the gptel version",
                                      read=lambda p: p.request.gptel_version)
    proxy_host: str | None = _fact("the proxy's host:port, as configured",
                                   read=lambda p: p.request.proxy_host)
    # Pattern -> whether it occurs in `text`, filled in as rules are tried.
    searched: dict[re.Pattern[str], bool] = field(default_factory=dict, compare=False)


FACTS: tuple[Field[Any], ...] = tuple(f for f in fields(Facts) if "about" in f.metadata)
# Condition name -> (the fact it tests, its test, whether it is negated).
CONDITIONS: dict[str, tuple[str, Test, bool]] = {
    name: (f.name, f.metadata["test"], negated)
    for f in FACTS if f.metadata["test"] is not None
    for name, negated in ((f.name, False), (f"not_{f.name}", True))
    if not negated or f.metadata["test"] in NEGATABLE
}


# A client's words before the provider's body it quotes: "Error code: 404 - {'error': ...}"
# (openai-python prints a Python dict), "API error: 400 {"error": ...}".
_QUOTED_OBJECT = re.compile(r"\{\s*['\"“]")
_CURLY_QUOTES = str.maketrans({"“": '"', "”": '"'})
MAX_QUOTED = 20_000
# A quoted object a terminal wrapped may hold a line break inside a string ("Model Not\nExist"):
# control characters in strings are let through.
_DECODER = json.JSONDecoder(strict=False)


# A Python SDK's error printed as its repr, keyword arguments and all:
# "RealtimeError(type='invalid_request_error', code='invalid_value', message=...)".
_REPR_ERROR = re.compile(r"(?:error|exception)\(([^()]{1,2000})\)", re.IGNORECASE)
_REPR_CODE = re.compile(r"\b(?:type|code)=(['\"])([\w.-]{1,80})\1")
# An error that is nothing but a code, as a client quotes it alone: "InvalidApiKey",
# "PAYMENT_METHOD_REQUIRED", "InvalidParameter.UnsupportedModel".  A joined-up word with
# capitals inside, or words joined by underscores; not a plain word ("Unauthorized").
_BARE_CODE = re.compile(r"(?:[A-Z][a-z0-9]+){2,}(?:\.(?:[A-Z][a-z0-9]+)+)*"
                        r"|[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+")


# The same fields as the Vercel AI SDK prints an AI_APICallError, one to a line:
# "type: 'invalid_request_error'\nparam: 'response_format'\ncode: 'wrong_api_format'"; and
# as a Neovim plugin prints a Lua table (vim.inspect): 'type = "invalid_request_error",'.
_FIELD_CODE = re.compile(r"^\s*(?:type|code)(?:: | = )(['\"])([\w.-]{1,80})\1,?\s*$",
                         re.MULTILINE)
# A provider's numeric code a client quotes in words: "zhipu API error code: 1210".  Four to
# six digits: never an HTTP status ("Error code: 400").
_WORDED_CODE = re.compile(r"\berror code[:：]?\s*(\d{4,6})\b"
                          # Chinese: a code, then "error" ("10013错误"), or "错误码: 10013".
                          r"|^\s*(\d{4,6})\s*错误|错误码[:：]?\s*(\d{4,6})\b", re.IGNORECASE)


def _repr_codes(text: str) -> list[str]:
    """The type and code an error's repr (or its printed fields) in TEXT gives, lower case."""
    return [field.group(2).lower() for error in _REPR_ERROR.finditer(text)
            for field in _REPR_CODE.finditer(error.group(1))] + [
                field.group(2).lower() for field in _FIELD_CODE.finditer(text)] + [
                    first_group(found) for found in _WORDED_CODE.finditer(text)]


def _quoted_object(text: str) -> Any:
    """The JSON object or Python dict literal a longer text quotes, or None.

    The first whole JSON object wins: a gateway that lists each upstream's error quotes
    several, and may cut the last one short.
    """
    start = _QUOTED_OBJECT.search(text)
    end = text.rfind("}")
    if start is None or start.start() == 0 or end <= start.start():
        return None
    inner = text[start.start():end + 1]
    if len(inner) > MAX_QUOTED:
        return None
    # A paste that went through a word processor or a Chinese input method has typographic
    # quotes ({“error”:{“type”:“upstream_error”}}): read as plain ones when nothing else does.
    typographic = inner.translate(_CURLY_QUOTES)
    for candidate in (inner, typographic) if typographic != inner else (inner,):
        try:
            return _DECODER.decode(candidate)
        except ValueError:
            pass
        try:
            found, _end = _DECODER.raw_decode(candidate)
            if isinstance(found, dict):
                return found
        except ValueError:
            pass
    return _literal_dict(inner)


def _literal_dict(text: str) -> dict[str, Any] | None:
    """TEXT read as a Python literal, if it is a dict; else None.

    A reporter's text is no source file: its backslashes ("C:\\ollama") would each warn
    that they are an invalid escape, on the server's stderr, so the warnings are kept quiet.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    return found if isinstance(found, dict) else None


def _python_dict(text: str) -> dict[str, Any] | None:
    """TEXT as a Python dict literal (single-quoted keys), or None."""
    if not text.startswith("{'") or len(text) > MAX_QUOTED:
        return None
    return _literal_dict(text)


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
            # A Python client's str() of the error dict: {'code': '1305', 'message': ...}.
            literal = _python_dict(stripped)
            if literal is not None:
                self.walk(literal, embed + 1)
                return
        self.add_string(value)
        if _BARE_CODE.fullmatch(stripped):
            self.codes.add(stripped.lower())
        if embed < MAX_EMBED_DEPTH:
            quoted = _quoted_object(stripped)
            if quoted is not None:
                self.walk(quoted, embed + 1)
            else:
                self.codes.update(_repr_codes(stripped))

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
                # A number is a code too (SiliconFlow's 30011, Zhipu's 1113 sent bare), and
                # may be the HTTP status the body repeats (see `_http_status`).
                self.numeric_codes.append(found)
                self.codes.add(str(found))
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
    if isinstance(raw, str) and raw.strip().isdigit():
        raw = int(raw.strip())
    if raw == 200:
        # A stream that began with 200 and then sent an error event with its own status
        # ({"error": {"message": "invalid request", "code": 400}}): that status is the
        # failure's.
        inner = [code for code in numeric_codes if 400 <= code <= 599]
        return inner[0] if inner else 200
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw if 100 <= raw <= 599 else None
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


def _upstream_status(codes: Iterable[str], params: Iterable[str]) -> int | None:
    """The upstream's HTTP status a One-API/New-API relay puts in `param` when its code is
    `bad_response_status_code` ({"param": "504", "code": "bad_response_status_code"})."""
    if "bad_response_status_code" not in codes:
        return None
    return next((int(p) for p in params if p.isdigit() and 400 <= int(p) <= 599), None)


def _status_in_text(text: str) -> int | None:
    """The HTTP status another client's message states in words, when gptel gave none, or
    the one a gRPC status it quotes stands for."""
    match = _TEXT_STATUS.search(text)
    if match:
        return int(first_group(match))
    match = _GRPC_STATUS.search(text)
    return _GRPC_HTTP[match.group(1).replace("_", "")] if match else None


# gptel's words (lower case) for an answer it read no error out of: JSON in no shape it knows,
# and a 200 with nothing in it (the companion's status for it).
UNPARSEABLE = "could not parse http response"
EMPTY_RESPONSE = "empty response"
# The companion's status for a streamed 200 that carried the provider's error as an event
# (sent as the error, with no HTTP status: the 200 came before it), which gptel skipped.
STREAM_ERROR = "stream error"
# The companion's status for a streamed 200 whose reading stopped at a chunk gptel could not
# parse (sent with that chunk as the body): the reply ended there, and gptel said nothing.
STREAM_STALLED = "stream stalled"
# gptel's words for an answer it could not read, put in :error where the provider's go
# (gptel-request.el).  The companion gets the same list (tables.py) for its line without
# the server.
GPTEL_UNREAD = ("Malformed JSON in response", "json-read-error",
                "Could not parse HTTP response", "Could not parse Curl response")
# A message that is only gptel's own text (or curl's exit, as gptel words it), with the
# status gptel may put before it: "(HTTP/1.1 502 Bad Gateway) Malformed JSON in response.",
# "() Could not parse HTTP response.", "Curl failed with exit code 7. See Curl manpage
# for details.".  Nothing in it is the provider's.
GPTEL_TEXT = re.compile(
    r"\W*(?:\((?:http/[\d.]+ \d{3}[^)]*)?\)\s*)?"
    r"(?:" + "|".join(re.escape(words.lower()) for words in GPTEL_UNREAD) +
    r"|curl failed with exit code \d+\.?(?: see curl manpage for details)?|curl failure"
    r"|empty response|stream stalled|stream error|stopped by hook|search failed)\W*",
    re.IGNORECASE)


def _gptel_kinds(haystack: str, params: DiagnoseParams, http: int | None) -> frozenset[str]:
    """gptel's own failure texts, named: they mean something only gptel knows."""
    kinds = set()
    if "malformed json" in haystack or "json-read-error" in haystack:
        kinds.add("malformed_json")
    if UNPARSEABLE in haystack:
        kinds.add("unparseable")
        if http is None and params.error.error is None:
            # url-retrieve got no HTTP response at all: gptel files the text under
            # :http-status and leaves :error empty.
            kinds.add("no_response")
    if "curl failure" in haystack or "curl failed" in haystack:
        kinds.add("curl_failure")
    if EMPTY_RESPONSE in haystack:
        kinds.add("empty_response")
    # The companion's own finding is its status, "Stream stalled" alone; a client's watchdog
    # ("stream stalled while waiting for the next event") is a timeout of that client's.
    if (params.error.status or "").strip().lower() == STREAM_STALLED:
        kinds.add("stream_stalled")
    if STREAM_ERROR in haystack:
        kinds.add("stream_error")
    if _SEARCH_FAILED.search(haystack):
        kinds.add("search_failed")
    if "stopped by hook" in haystack:
        kinds.add("hook_stop")
    if "parse http response code in odd buffer" in haystack:
        # url.el's own words for the same: its buffer held no HTTP response to parse.
        kinds.add("no_response")
    if _NO_HEADERS.search(haystack):
        # Old gptel shows curl's write-out marker when curl wrote no headers at all.
        kinds.add("no_response")
    return frozenset(kinds)


def _bare_host(host: str) -> str:
    """HOST's name alone, lower case: a :host given with its scheme or a path
    ("http://127.0.0.1:8989/") names the same machine (CONF rules say the rest does not
    belong there)."""
    return host_name(without_scheme(host)).lower()


# A private network's address as users mask it in a report ("192.168.x.x:11434"): no
# address parses, but the prefix says where it is.  Rules match it in text too (NET021).
PRIVATE_PREFIX = r"(?:10|192\.168|172\.(?:1[6-9]|2\d|3[01]))\."
_PRIVATE_PREFIX = re.compile("^" + PRIVATE_PREFIX)


def _host_is_local(host: str) -> bool:
    name = _bare_host(host)
    return name in ("localhost", "::1", "0.0.0.0", "") or name.startswith("127.")


def host_is_public(host: str) -> bool:
    """Whether HOST names a machine on the internet: not loopback, a private or link-local
    address, a one-label name or a local domain (.local, .lan, .internal, .home)."""
    if not host or _host_is_local(host):
        return False
    name = _bare_host(host)
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return ("." in name and not name.endswith((".local", ".lan", ".internal", ".home"))
                and not _PRIVATE_PREFIX.match(name))
    return address.is_global


def _documented_path(urls: list[tuple[str, str]], host: str, endpoint: str | None) -> bool:
    """Whether a URL the error names (URLS, as host and path), or the backend's :host and
    :endpoint, is a chat path of the provider whose own host it is."""
    places = [*urls, (without_scheme(host), endpoint)] if host and endpoint else urls
    for name, path in places:
        record = identify(name, None, None)
        if record and record.serves_chat(path):
            return True
    return False


def _off_path(urls: list[tuple[str, str]], text: str, host: str, endpoint: str | None,
              provider: Provider | None) -> bool:
    """Whether the paths the error (URLS and request lines in TEXT) or :endpoint shows
    include none of PROVIDER's chat paths (False when none shows, or the provider gives
    none).  A URL counts when it is the request's: on the backend's host, on a host with a
    port, or on the provider's API host (a link to the provider's documentation is not)."""
    if provider is None or not provider.chat_paths:
        return False
    name = without_scheme(host).lower()
    paths = [path for url_host, path in urls if path and (
        url_host == name or ":" in url_host or url_host in provider.api_hosts)]
    paths += _REQUEST_PATH.findall(text)
    if endpoint:
        paths.append(endpoint)
    return bool(paths) and not any(provider.serves_chat(path) for path in paths)


def _body_read(body: str | None) -> _Collector:
    """The codes and messages of the JSON object BODY is, if it is one."""
    collector = _Collector()
    stripped = (body or "").strip()
    if not stripped.startswith("{") or len(stripped) > MAX_QUOTED:
        return collector
    try:
        found = json.loads(stripped)
    except ValueError:
        return collector
    if isinstance(found, dict):
        collector.walk(found)
    return collector


def read_facts(params: DiagnoseParams) -> Facts:
    """Normalise PARAMS into `Facts`."""
    collector = _Collector()
    collector.walk(params.error.error)
    # The body the companion read when gptel kept only a message out of it (an error not in
    # OpenAI's shape: SiliconFlow's {"code": 20015, "message": ...}): its codes count too.
    # Only its codes: its other strings (a gateway's "endpoint", a route in its message)
    # read as the request's own and misled more than they helped on the corpus.
    body = _body_read(params.error.body)
    collector.codes.update(body.codes)
    for extra in (params.error.status, params.error.displayed):
        if extra:
            # A status line's reason phrase ("Internal Server Error") is the protocol's
            # wording, not the provider's: keep the code, drop the phrase.
            collector.add_string(_REASON_PHRASE.sub(r"\1", extra))
    if isinstance(params.error.http_status, str):
        collector.add_string(params.error.http_status)
    said = [m for m in collector.messages if m.strip()]
    if not said and isinstance(params.error.error, str) and params.error.error.strip():
        said = [params.error.error]
    # A bare code in the message's place gives way to the first message in words, the body's
    # too: gptel keeps only "ERROR_OPENAI" of Cursor's {"error": "ERROR_OPENAI", "details":
    # {"detail": ...}}.  The message is shown, never matched.
    worded = [m for m in [*said, *body.messages]
              if m.strip() and not _BARE_CODE.fullmatch(m.strip())]
    message = worded[0] if worded else (said[0] if said else "")
    pieces = [*collector.messages, *collector.codes, *collector.strings]
    # A relay's Chinese words read in the wrong encoding (UTF-8 bytes shown as GBK: "鏃犲彲鐢ㄦ
    # 笭閬" for "无可用渠道"), put back beside the garbled piece.
    pieces += [repaired for piece in pieces if (repaired := _mojibake_repaired(piece))]
    haystack = " \n ".join(pieces)
    # A sentence a reporter's paste or a terminal wrapped ("looking\nfor beginning of value")
    # reads as one line: the patterns are written for the words, not the wrapping.  Each
    # piece on its own, so that the pieces stay lines of their own.
    # Typographic apostrophes (macOS's "couldn’t", "isn’t") read as plain ones.
    text = " \n ".join(_WRAPPED.sub(" ", _BOXED.sub(" ", piece.lower().translate(_APOSTROPHES)))
                        for piece in pieces)[: MAX_TEXT * 2]
    # The URLs the text names, as (host, path): three facts read them.
    urls: list[tuple[str, str]] = _URL.findall(text)
    http = _http_status(params, collector.numeric_codes)
    if http is None:
        http = _upstream_status(collector.codes, collector.params)
    if http is None and params.error.curl_exit_code is None:
        http = _status_in_text(text)
    wrapped = _WRAPPED_STATUS.search(text) if http == 400 else None
    if wrapped:
        http = int(wrapped.group(1))
    quoted = _QUOTED_STATUS.search(text) if http in (500, 502) else None
    if quoted and int(quoted.group(1)) != http:
        http = int(quoted.group(1))
    bracketed = _BRACKETED_STATUS.search(text) if http in (None, 500, 502, 503) else None
    if bracketed:
        http = int(bracketed.group(1) or bracketed.group(2))

    # The body the companion read counts: gptel says only "Malformed JSON in response."
    html = bool(_HTML.search(haystack) or _HTML.match((params.error.body or "").lstrip()))

    curl = params.error.curl_exit_code
    if curl is None:
        match = _CURL_EXIT.search(text)
        curl = int(first_group(match)) if match else None
    if curl is None and http is None:
        curl = next((code for pattern, code in _CURL_TEXTS if pattern.search(text)), None)

    backend = params.backend
    host = (backend.host or "").strip()
    local = bool(host) and _host_is_local(host)
    public = bool(host) and host_is_public(host)
    # Who answers: the host says it best, then the backend's kind, then its name.
    record, provider_assumed = identified(host, backend.kind, backend.name)
    provider = record.kind if record else (
        backend.kind.lower() if backend.kind else None)

    shape = (backend.key_shape or "").lower() or None
    foreign = shape if shape and provider and shape != provider and lookup(shape) else None

    return Facts(
        env_proxy=_env_proxy(params),
        names_proxy=_names_proxy(params, text),
        names_proxy_address=_names_proxy_address(params, text),
        proxied=_proxied(params),
        key_trimmed=_key_trimmed(params),
        default_max_tokens=_default_max_tokens(params),
        max_output=model_max_output(params.request.model),
        old_emacs=_old_emacs(params),
        old_sigv4_curl=_old_sigv4_curl(params),
        foreign_key=foreign,
        http=http,
        curl=curl,
        provider=provider,
        provider_assumed=provider_assumed,
        codes=frozenset(collector.codes),
        param=frozenset(collector.params),
        gptel=_gptel_kinds(text, params, http),
        local=local,
        private=bool(host) and not public,
        public=public,
        names_public_host=any(host_is_public(name) for name, _path in urls),
        html=html,
        gateway_page=html and bool(_GATEWAY.search(haystack)
                                   or _GATEWAY.search(params.error.body or "")),
        # The cheap search first: most texts have a reason word, few are all wrapper.
        reasonless=(not _REASON_WORDS.search(_STOCK_SENTENCE.sub(" ", text))
                    or not _NO_REASON.sub("", text).strip()),
        answered=http is not None or bool(collector.codes),
        structured=isinstance(params.error.error, (dict, list)),
        model_retired=bool(record and record.has_retired(params.request.model)),
        host_retired=bool(record and record.host_retired(host)),
        streamable=_streamable(params),
        documented_path=not local and _documented_path(urls, host, backend.endpoint),
        off_path=_off_path(urls, text, host, backend.endpoint, lookup(provider)),
        host_typo=misspelt_host(host) if host and not local else None,
        host_website=website_host(host) if host and not local else None,
        host=host,
        text=text,
        message=message,
        retry_after=stated_wait(haystack),
        resets_at=stated_reset(haystack),
        afford_tokens=stated_tokens(_AFFORD_CUE, haystack),
        allowed_tokens=stated_tokens(_ALLOWED_CUE, haystack),
        reserve_tokens=stated_tokens(_RESERVE_CUE, haystack),
        length_beyond_window=_length_beyond_window(haystack),
        **{f.name: f.metadata["read"](params) for f in FACTS if f.metadata["read"]},
    )
