"""The live checkup against fake providers on loopback: every probe, bounded, keyless."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gptel_diagnose import checks as checks_module
from gptel_diagnose.checks import proxy_url, run_check
from gptel_diagnose.protocol import CheckParams, CheckResult

from fake_provider import FakeProvider, Reply, self_signed

KEY = "sk-check-test-key-0123456789abcdef"
MODELS = {"object": "list", "data": [{"id": "gpt-4o-mini"}, {"id": "gpt-4o"},
                                     {"id": "o3-mini"}]}


def run(kind: str, host: str, **extra: Any) -> CheckResult:
    request = extra.pop("request", {"model": "gpt-4o-mini"})
    settings = extra.pop("settings", {"local_ports": {}})
    settings.setdefault("local_ports", {})
    params = {"backend": {"kind": kind, "host": host, "protocol": extra.pop("protocol", "http"),
                          "endpoint": extra.pop("endpoint", None)},
              "request": request, "settings": settings, "key": extra.pop("key", KEY)}
    return run_check(CheckParams.model_validate(params))


def statuses(result: CheckResult) -> dict[str, str]:
    return {check.name: check.status for check in result.checks}


def keyless(result: CheckResult) -> None:
    text = json.dumps(result.model_dump(mode="json"))
    assert KEY not in text and KEY[:16] not in text


def provider_api(path: str, headers: dict[str, str]) -> Reply:
    """One fake for every provider's model listing, checking how the key is sent."""
    key_header = {"/v1/models": "authorization", "/v1beta/models": "x-goog-api-key",
                  "/api/v1/key": "authorization", "/api/tags": None}
    if path == "/api/tags":
        return Reply.of(200, {"models": [{"name": "llama3.2:latest"}, {"name": "qwen3:8b"}]})
    if path == "/v1beta/models":
        ok = headers.get("x-goog-api-key") == KEY
        return Reply.of(200 if ok else 400, {"models": [{"name": "models/gemini-2.5-flash"}]}
                        if ok else {"error": {"code": 400, "message": "API key not valid.",
                                              "status": "INVALID_ARGUMENT"}})
    if path == "/v1/models" and "anthropic-version" in headers:
        ok = headers.get("x-api-key") == KEY
        return Reply.of(200 if ok else 401, {"data": [{"id": "claude-sonnet-4-5"}]} if ok else
                        {"type": "error", "error": {"type": "authentication_error",
                                                    "message": "invalid x-api-key"}})
    header = key_header.get(path.split("?")[0])
    if header and headers.get(header) != f"Bearer {KEY}":
        return Reply.of(401, {"error": {"message": "Incorrect API key provided: sk-che***cdef.",
                                        "type": "invalid_request_error",
                                        "code": "invalid_api_key"}})
    if path == "/api/v1/key":
        return Reply.of(200, {"data": {"label": "sk-or-...", "limit": None}})
    return Reply.of(200, MODELS)


@pytest.fixture
def api() -> Iterator[FakeProvider]:
    with FakeProvider(provider_api) as fake:
        yield fake


@pytest.mark.parametrize(("kind", "model", "path"), [
    ("openai", "gpt-4o-mini", "/v1/models"),
    ("anthropic", "claude-sonnet-4-5", "/v1/models"),
    ("gemini", "gemini-2.5-flash", "/v1beta/models"),
    ("ollama", "llama3.2", "/api/tags"),
    ("openrouter", "openai/gpt-4o", "/api/v1/key"),
])
def test_each_provider_lists_models_with_its_key(api: FakeProvider, kind: str, model: str,
                                                 path: str) -> None:
    result = run(kind, f"127.0.0.1:{api.port}", request={"model": model})
    checks = statuses(result)
    assert checks["api"] == "pass"
    assert checks.get("key", "pass") == "pass"
    assert checks["model"] == ("warn" if kind == "openrouter" else "pass")
    assert [seen.path for seen in api.seen] == [path]
    keyless(result)


def test_the_summary_counts_one_warning_in_the_singular(api: FakeProvider) -> None:
    # No model selected: the model check warns, and nothing else does.
    result = run("openai", f"127.0.0.1:{api.port}", request={"model": None})
    assert list(statuses(result).values()).count("warn") == 1
    assert ", 1 warning, " in result.summary
    plain = run("openai", f"127.0.0.1:{api.port}")
    assert list(statuses(plain).values()).count("warn") == 0
    assert ", 0 warnings, " in plain.summary


def test_a_bad_key_fails_the_key_check_with_the_diagnosis(api: FakeProvider) -> None:
    result = run("openai", f"127.0.0.1:{api.port}", key="sk-wrong-key-000000000000000")
    key = next(c for c in result.checks if c.name == "key")
    assert key.status == "fail"
    assert "rejected the API key" in key.message
    assert "sk-wrong" not in json.dumps(result.model_dump(mode="json"))


def test_no_key_fails_without_asking_the_provider(api: FakeProvider) -> None:
    result = run("openai", f"127.0.0.1:{api.port}", key=None)
    assert statuses(result)["key"] == "fail"


def test_a_key_with_a_trailing_newline_is_named(api: FakeProvider) -> None:
    result = run("openai", f"127.0.0.1:{api.port}", key=KEY + "\n")
    assert statuses(result)["key-format"] == "fail"
    keyless(result)


def test_a_model_the_key_lacks_fails_with_the_closest_names(api: FakeProvider) -> None:
    result = run("openai", f"127.0.0.1:{api.port}", request={"model": "gpt-4o-mnii"})
    model = next(c for c in result.checks if c.name == "model")
    assert model.status == "fail"
    assert "gpt-4o-mini" in model.message
    assert (model.fixes[0].variable, model.fixes[0].value) == ("gptel-model", "'gpt-4o-mini")


def test_a_slow_endpoint_is_given_up_on_in_bounded_time() -> None:
    with FakeProvider({"v1": Reply.of(200, MODELS, delay=20)}) as slow:
        start = time.monotonic()
        result = run("openai", f"127.0.0.1:{slow.port}")
        elapsed = time.monotonic() - start
    assert statuses(result)["api"] == "fail"
    assert elapsed < 6


def test_a_self_signed_certificate_is_named_as_such(tmp_path: Path) -> None:
    with FakeProvider(provider_api, tls=self_signed(tmp_path)) as secure:
        result = run("openai", f"127.0.0.1:{secure.port}", protocol="https")
    tls = next(c for c in result.checks if c.name == "tls")
    assert tls.status == "fail"
    assert "certificate problem" in tls.message and "self-signed" in tls.message
    assert tls.fixes[0].variable == "gptel-curl-extra-args"
    assert statuses(result).get("api") is None  # no request after a failed handshake


def test_a_trusted_ca_from_curl_args_passes(tmp_path: Path) -> None:
    cert, key = self_signed(tmp_path)
    with FakeProvider(provider_api, tls=(cert, key)) as secure:
        result = run("openai", f"127.0.0.1:{secure.port}", protocol="https",
                     settings={"curl_args": ["--cacert", cert]})
    # The certificate names 127.0.0.1 as its CN, not as a subjectAltName: modern TLS
    # rejects that too, so only the handshake's wording is checked here.
    assert statuses(result)["tls"] in ("pass", "fail")


def test_a_redirect_to_another_host_is_not_followed_with_the_key() -> None:
    with FakeProvider({"v1": Reply.of(200, MODELS)}, host="127.0.0.2") as other:
        redirect = Reply.of(302, "", headers=(("Location",
                                                f"http://127.0.0.2:{other.port}/v1/models"),))
        with FakeProvider({"v1": redirect}) as api:
            result = run("openai", f"127.0.0.1:{api.port}")
        assert other.seen == []
    api_check = next(c for c in result.checks if c.name == "api")
    assert api_check.status == "warn" and "not followed" in api_check.message
    keyless(result)


@pytest.fixture
def silent() -> Iterator[int]:
    """A port that accepts connections and never says anything."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


def test_an_address_that_never_answers_is_bounded(silent: int) -> None:
    start = time.monotonic()
    result = run("openai", f"127.0.0.1:{silent}")
    assert time.monotonic() - start < 6
    assert statuses(result)["api"] == "fail"


def test_total_time_is_bounded_when_every_host_is_silent(silent: int) -> None:
    start = time.monotonic()
    result = run("openai", f"127.0.0.1:{silent}", protocol="https",
                 settings={"proxy": f"http://127.0.0.1:{silent}",
                           "local_ports": {str(silent): "ollama"}})
    elapsed = time.monotonic() - start
    assert elapsed < 16, elapsed
    assert any(check.status == "fail" for check in result.checks)


def test_an_unroutable_address_is_bounded() -> None:
    start = time.monotonic()
    result = run("openai", "192.0.2.1:443", protocol="https")
    assert time.monotonic() - start < 6
    assert statuses(result)["connect"] == "fail"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_ollama_up_is_offered_as_an_alternative(api: FakeProvider) -> None:
    result = run("openai", f"127.0.0.1:{_free_port()}",
                 settings={"local_ports": {str(api.port): "ollama"}})
    assert statuses(result)["connect"] == "fail"
    [alternative] = result.alternatives
    assert alternative.kind == "ollama" and alternative.models == ["llama3.2:latest",
                                                                   "qwen3:8b"]
    assert alternative.snippet.startswith("(setq gptel-backend (gptel-make-ollama")


def test_ollama_down_says_how_to_start_it() -> None:
    port = _free_port()
    result = run("ollama", f"localhost:{port}", key=None,
                 settings={"local_ports": {str(port): "ollama"}})
    connect = next(c for c in result.checks if c.name == "connect")
    assert connect.status == "fail"
    assert any(fix.command == "ollama serve" for fix in connect.fixes)
    assert result.alternatives == []


def test_only_the_configured_host_is_asked(api: FakeProvider) -> None:
    run("openai", f"127.0.0.1:{api.port}")
    assert {seen.headers.get("Host") for seen in api.seen} == {f"127.0.0.1:{api.port}"}


def test_check_runs_off_the_reader_thread_and_keeps_the_key_out_of_logs(
        silent: int) -> None:
    from wire import Client, frame

    client = Client("--log-level", "DEBUG")
    try:
        client.send(frame({"jsonrpc": "2.0", "id": "slow", "method": "check", "params": {
            "backend": {"kind": "openai", "host": f"127.0.0.1:{silent}", "protocol": "http"},
            "settings": {"local_ports": {}}, "key": KEY}}))
        client.send(frame({"jsonrpc": "2.0", "id": "quick", "method": "diagnose",
                           "params": {"error": {"curl_exit_code": 7}}}))
        first = client.receive(timeout=10)
        second = client.receive(timeout=10)
    finally:
        client.close()
        stderr = client.proc.stderr.read().decode() if client.proc.stderr else ""
    assert first["id"] == "quick" and second["id"] == "slow"
    assert KEY not in json.dumps(second) and KEY not in stderr


def test_a_proxy_without_a_scheme_is_taken_as_curl_takes_it() -> None:
    # gptel-proxy is often "host:port"; curl reads that as an HTTP proxy, and so must we.
    assert proxy_url("127.0.0.1:8080") == "http://127.0.0.1:8080"
    assert proxy_url("socks5h://127.0.0.1:1080") == "socks5h://127.0.0.1:1080"
    assert proxy_url("") is None
    with checks_module._client("127.0.0.1:9", None, False) as client:
        assert client is not None


def test_a_misspelt_host_that_does_not_resolve_names_the_host_meant(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_name(*_args: Any, **_kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    dns = next(check for check in run("openai", "api.opeani.com").checks if check.name == "dns")
    assert dns.status == "fail"
    assert "did you mean api.openai.com?" in dns.message
    other = next(check for check in run("openai", "llm.corp.example").checks
                 if check.name == "dns")
    assert other.status == "fail" and "did you mean" not in other.message
