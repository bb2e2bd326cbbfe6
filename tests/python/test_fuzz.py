"""Fuzzing the server: whatever arrives, each message gets a clear answer and serving goes on.

The server runs in-process on byte streams, so hypothesis can try many inputs quickly; the
wire tests (test_wire.py) cover the same paths through a real process.
"""

from __future__ import annotations

import io
import json
import queue
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gptel_diagnose.rpc import Server
from gptel_diagnose.service import METHODS

from wire import Client, frame, read_frames

ERROR_CODES = {-32700, -32600, -32601, -32602, -32603}

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-2**40, 2**40) | st.floats(allow_nan=False)
    | st.text(max_size=50),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=25,
)
ERROR_FIELDS = st.fixed_dictionaries({}, optional={
    "status": JSON, "http_status": JSON, "error": JSON, "curl_exit_code": JSON,
    "displayed": JSON})
PARAMS = st.one_of(
    JSON,
    st.fixed_dictionaries({"error": ERROR_FIELDS}, optional={
        "backend": st.dictionaries(st.sampled_from(
            ["name", "kind", "host", "protocol", "stream", "has_key", "models"]), JSON),
        "request": st.dictionaries(st.sampled_from(
            ["model", "stream", "use_curl", "temperature", "max_tokens"]), JSON),
        "locale": JSON}),
)
# Not "exit" or "shutdown": they end the session on purpose (tests/python/test_wire.py), so
# nothing after them is served.  Random text found "exit" once.
METHOD_NAMES = st.sampled_from(["diagnose", "rules", "explain", "initialize", "nope",
                                "$/cancelRequest", "textDocument/x", ""]) | st.text(
                                    max_size=12).filter(lambda m: m not in ("exit", "shutdown"))


@st.composite
def unit(draw: st.DrawFn, number: int) -> tuple[bytes, Any]:
    """One self-delimited chunk of input, and the id it must be answered with (or None)."""
    kind = draw(st.sampled_from(["request", "notification", "json", "bytes", "header",
                                 "bad-length", "wrong-version"]))
    if kind == "request":
        msg_id = f"r{number}"
        message = {"jsonrpc": "2.0", "id": msg_id, "method": draw(METHOD_NAMES),
                   "params": draw(PARAMS)}
        return frame(message), msg_id
    if kind == "notification":
        return frame({"jsonrpc": "2.0", "method": draw(METHOD_NAMES),
                      "params": draw(PARAMS)}), None
    if kind == "json":
        return frame(draw(JSON)), "null"
    if kind == "bytes":
        body = draw(st.binary(min_size=1, max_size=200))
        return b"Content-Length: %d\r\n\r\n" % len(body) + body, "maybe"
    if kind == "header":
        junk = draw(st.text(alphabet="abcdefgh:- 0123456789", min_size=1, max_size=40))
        return (junk.replace("\n", "") + "\r\n\r\n").encode(), "null"
    if kind == "bad-length":
        return b"Content-Length: -5\r\n\r\n", "null"
    msg_id = f"v{number}"
    return frame({"jsonrpc": "1.0", "id": msg_id, "method": "diagnose"}), msg_id


@st.composite
def session(draw: st.DrawFn) -> list[tuple[bytes, Any]]:
    count = draw(st.integers(1, 8))
    return [draw(unit(number)) for number in range(count)]


def _serve(data: bytes) -> list[dict[str, Any]]:
    out = io.BytesIO()
    Server(METHODS, io.BytesIO(data), out).serve()
    frames: queue.Queue[Any] = queue.Queue()
    read_frames(io.BytesIO(out.getvalue()), frames)
    replies = []
    while True:
        item = frames.get_nowait()
        if isinstance(item, EOFError):
            return replies
        assert not isinstance(item, BaseException), item
        replies.append(item)


FINAL = {"jsonrpc": "2.0", "id": "final", "method": "diagnose",
         "params": {"error": {"status": "Curl failure", "curl_exit_code": 7}}}


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(units=session())
def test_every_message_gets_a_clear_answer_and_the_next_request_is_served(
        units: list[tuple[bytes, Any]]) -> None:
    data = b"".join(chunk for chunk, _ in units) + frame(FINAL)
    replies = _serve(data)
    for reply in replies:
        assert reply["jsonrpc"] == "2.0"
        assert ("result" in reply) != ("error" in reply), reply
        if "error" in reply:
            assert reply["error"]["code"] in ERROR_CODES, reply
            assert reply["error"]["message"]
            assert "traceback" not in json.dumps(reply)
    answered = [reply["id"] for reply in replies]
    for _, expected in units:
        if isinstance(expected, str) and expected.startswith(("r", "v")):
            assert answered.count(expected) == 1, (expected, replies)
    final = [r for r in replies if r.get("id") == "final"]
    assert len(final) == 1 and final[0]["result"]["category"] == "network.connection_refused"


@settings(max_examples=60, deadline=None)
@given(params=PARAMS)
def test_diagnose_answers_any_params_with_a_result_or_invalid_params(params: Any) -> None:
    replies = _serve(frame({"jsonrpc": "2.0", "id": 1, "method": "diagnose", "params": params}))
    assert len(replies) == 1
    reply = replies[0]
    if "error" in reply:
        assert reply["error"]["code"] in (-32602, -32600)
    else:
        assert reply["result"]["category"]


def test_deep_nesting_and_big_strings_are_bounded() -> None:
    nested = (b'{"jsonrpc": "2.0", "id": 1, "method": "diagnose", "params": {"error": '
              b'{"error": ' + b"[" * 5000 + b'"x"' + b"]" * 5000 + b"}}}")
    big = "y" * (900 * 1024)
    data = (b"Content-Length: %d\r\n\r\n" % len(nested) + nested
            + frame({"jsonrpc": "2.0", "id": 2, "method": "diagnose",
                     "params": {"error": {"error": big}}})
            + frame(FINAL))
    replies = _serve(data)
    assert replies[0]["error"]["code"] in (-32700, -32602)
    replies_by_id = {reply["id"]: reply for reply in replies}
    assert replies_by_id[2]["result"]["category"]
    assert replies_by_id["final"]["result"]


def test_pipelined_requests_are_all_answered_in_order() -> None:
    client = Client()
    try:
        for number in range(300):
            client.send(frame({"jsonrpc": "2.0", "id": number, "method": "diagnose",
                               "params": {"error": {"http_status": str(400 + number % 200)}}}))
            if number % 7 == 0:
                client.send(b"Content-Length: 3\r\n\r\n{{{")
        answered = []
        while len([a for a in answered if a is not None]) < 300:
            reply = client.receive()
            answered.append(reply.get("id"))
        assert [a for a in answered if a is not None] == list(range(300))
    finally:
        client.close()
