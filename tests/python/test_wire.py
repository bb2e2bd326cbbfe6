"""The wire protocol, through the real server process."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from gptel_diagnose.protocol import CATEGORIES
from gptel_diagnose.rpc import to_wire

from project_files import elisp_version
from wire import Client, frame

QUOTA_ERROR = {
    "status": "HTTP/2 429",
    "http_status": "429",
    "error": {"message": "You exceeded your current quota, please check your plan and billing "
              "details.", "type": "insufficient_quota", "code": "insufficient_quota"},
}


@pytest.fixture
def client() -> Iterator[Client]:
    c = Client()
    yield c
    c.close()


def test_lifecycle_initialize_diagnose_shutdown_exit(client: Client) -> None:
    init = client.request("initialize", {"processId": 1234, "locale": "en"})["result"]
    assert init["serverInfo"]["name"] == "gptel-diagnose"
    assert init["server_info"] == init["serverInfo"]  # the first spelling stays
    assert "diagnose" in init["methods"]
    assert init["categories"] == list(CATEGORIES)

    result = client.request("diagnose", {"error": QUOTA_ERROR})["result"]
    assert set(result) >= {"category", "rule", "severity", "summary", "explanation", "steps",
                           "fixes", "docs"}
    assert result["category"] == "billing.quota_exhausted"
    assert client.request("shutdown")["result"] is None
    client.notify("exit")
    assert client.proc.wait(timeout=10) == 0


def initialize_and_close(client: Client, client_version: str) -> tuple[dict[str, Any], str]:
    """Initialize as the companion at CLIENT_VERSION; the result and the server's stderr."""
    try:
        result = client.request("initialize", {
            "processId": 1234, "clientInfo": {"name": "gptel-diagnose",
                                              "version": client_version}})["result"]
    finally:
        client.close()
    assert client.proc.stderr is not None
    return result, client.proc.stderr.read().decode()


def test_initialize_answers_the_server_version_the_elisp_package_carries(
        client: Client) -> None:
    result, stderr = initialize_and_close(client, elisp_version())
    assert result["serverInfo"] == {"name": "gptel-diagnose", "version": elisp_version()}
    assert "mismatch" not in stderr


def test_a_client_of_another_version_is_logged_as_a_mismatch(client: Client) -> None:
    result, stderr = initialize_and_close(client, "0.0.1")
    assert result["serverInfo"]["version"] == elisp_version()
    [line] = [line for line in stderr.splitlines() if "mismatch" in line]
    assert "0.0.1" in line and elisp_version() in line
    assert "gptel-diagnose-install-server" in line


def test_exit_without_shutdown_exits_nonzero(client: Client) -> None:
    client.notify("exit")
    assert client.proc.wait(timeout=10) == 1


def test_end_of_input_ends_the_server(client: Client) -> None:
    assert client.close() == 0


def test_requests_after_shutdown_are_refused(client: Client) -> None:
    client.request("shutdown")
    reply = client.request("diagnose", {"error": QUOTA_ERROR})
    assert reply["error"]["code"] == -32600


def test_diagnose_accepts_only_error_with_all_fields_null(client: Client) -> None:
    reply = client.request("diagnose", {"error": {"status": None, "http_status": None,
                                                  "error": None, "curl_exit_code": None,
                                                  "displayed": None}})
    assert reply["result"]["category"] == "unknown"


def test_fix_fields_are_present_and_setq_is_data(client: Client) -> None:
    reply = client.request("diagnose", {"error": {
        "status": "HTTP/2 400", "http_status": "400",
        "error": {"message": "Your organization must be verified to stream this model.",
                  "param": "stream", "code": "unsupported_value"}}})
    fix = reply["result"]["fixes"][0]
    assert set(fix) >= {"title", "applicability", "variable", "value"}
    assert (fix["variable"], fix["value"], fix["applicability"]) == ("gptel-stream", "nil", "safe")


@pytest.mark.parametrize(("params", "field"), [
    ({}, "error"),
    ({"error": {"status": 5}}, "error.status"),
    ({"error": {"curl_exit_code": "seven"}}, "error.curl_exit_code"),
    ({"error": {}, "backend": {"stream": "maybe"}}, "backend.stream"),
    ({"error": {}, "request": []}, "request"),
])
def test_wrong_params_name_the_field(client: Client, params: dict, field: str) -> None:
    error = client.request("diagnose", params)["error"]
    assert error["code"] == -32602
    assert field in error["message"]
    assert any(p["field"] == field for p in error["data"])
    assert client.request("diagnose", {"error": QUOTA_ERROR})["result"]


def test_params_must_be_an_object(client: Client) -> None:
    error = client.request("diagnose", [QUOTA_ERROR])["error"]
    assert error["code"] == -32602


def test_unknown_method_is_method_not_found(client: Client) -> None:
    assert client.request("doctor/frobnicate")["error"]["code"] == -32601
    assert client.request("diagnose", {"error": QUOTA_ERROR})["result"]


def test_unknown_notification_gets_no_reply(client: Client) -> None:
    client.notify("textDocument/didOpen", {"x": 1})
    client.notify("$/cancelRequest", {})
    reply = client.request("diagnose", {"error": QUOTA_ERROR})
    assert reply["result"]["category"] == "billing.quota_exhausted"


@pytest.mark.parametrize(("raw", "code"), [
    (b"Content-Length: 5\r\n\r\n{nope", -32700),
    (b"Content-Length: 4\r\n\r\n\xff\xfe\xfd\xfc", -32700),
    (b"X-Other: 1\r\n\r\n", -32700),
    (b"Content-Length: twelve\r\n\r\n", -32700),
    (frame([{"jsonrpc": "2.0", "id": 9, "method": "diagnose"}]), -32600),
    (frame("just a string"), -32600),
    (frame({"jsonrpc": "1.0", "id": 9, "method": "diagnose"}), -32600),
    (frame({"jsonrpc": "2.0", "id": 9}), -32600),
    (frame({"jsonrpc": "2.0", "id": {"a": 1}, "method": "diagnose"}), -32600),
])
def test_malformed_messages_get_errors_and_the_server_goes_on(
        client: Client, raw: bytes, code: int) -> None:
    client.send(raw)
    reply = client.receive()
    assert reply["error"]["code"] == code
    assert "traceback" not in json.dumps(reply)
    assert client.request("diagnose", {"error": QUOTA_ERROR})["result"]


def test_invalid_request_keeps_its_id_when_usable(client: Client) -> None:
    client.send(frame({"jsonrpc": "2.0", "id": 41, "method": 7}))
    reply = client.receive()
    assert (reply["id"], reply["error"]["code"]) == (41, -32600)


def test_oversized_message_is_refused_with_a_clear_error(client: Client) -> None:
    huge = {"jsonrpc": "2.0", "id": 5, "method": "diagnose",
            "params": {"error": {"error": "x" * (2 << 20)}}}
    client.send(frame(huge))
    reply = client.receive()
    assert reply["error"]["code"] == -32600
    assert "exceeds the limit" in reply["error"]["message"]
    assert client.request("diagnose", {"error": QUOTA_ERROR})["result"]


def test_deeply_nested_payload_is_invalid_params(client: Client) -> None:
    nested: dict = {}
    for _ in range(200):
        nested = {"a": nested}
    error = client.request("diagnose", {"error": {"error": nested}})["error"]
    assert error["code"] == -32602
    assert "error.error" in error["message"]


def test_json_nested_beyond_the_parser_is_a_parse_error(client: Client) -> None:
    body = b"[" * 100_000 + b"]" * 100_000
    client.send(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    assert client.receive()["error"]["code"] == -32700
    assert client.request("diagnose", {"error": QUOTA_ERROR})["result"]


def test_rules_and_explain(client: Client) -> None:
    rules = client.request("rules")["result"]["rules"]
    codes = [r["code"] for r in rules]
    assert "BIL001" in codes and len(codes) == len(set(codes))
    doc = client.request("explain", {"rule": "BIL001"})["result"]
    assert doc["category"] == "billing.quota_exhausted"
    assert doc["examples"] and doc["markdown"].startswith("## BIL001")
    error = client.request("explain", {"rule": "NOPE999"})["error"]
    assert error["code"] == -32602 and "NOPE999" in error["message"]


def test_stray_output_cannot_reach_the_wire() -> None:
    code = (
        "import os, sys\n"
        "from gptel_diagnose.__main__ import _claim_stdout\n"
        "wire = _claim_stdout()\n"
        "print('stray print')\n"
        "os.write(1, b'stray bytes on fd 1')\n"
        "wire.write(b'WIRE')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=20)
    assert proc.stdout == b"WIRE"
    assert b"stray print" in proc.stderr and b"stray bytes on fd 1" in proc.stderr


def test_a_result_with_a_reserved_top_level_key_is_refused() -> None:
    from pydantic import BaseModel

    class Bad(BaseModel):
        error: str = "x"

    with pytest.raises(Exception, match="reserved top-level key"):
        to_wire(Bad())
