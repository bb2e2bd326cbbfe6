"""A fake LLM provider on 127.0.0.1 that replays recorded error responses.

The first path segment picks the reply: a request to /quota/v1/chat/completions gets the
reply registered as "quota".  Replies are real provider bodies from tests/fixtures.
Tests and the demo start it in-process (`FakeProvider`, a context manager).
"""

from __future__ import annotations

import contextlib
import json
import socket
import socketserver
import ssl
import struct
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    content_type: str = "application/json"
    delay: float = 0.0
    headers: tuple[tuple[str, str], ...] = ()
    # Answer a request that does not ask to stream with a normal completion instead:
    # the provider refuses streaming, and the fix (gptel-stream nil) makes it work.
    ok_without_stream: bool = False
    # Answer a request for this model with a normal completion instead: the model exists,
    # the one asked for does not, and the fix (gptel-model) makes it work.
    ok_for_model: str | None = None
    # Close the connection after the body, though Content-Length promised more: curl reads
    # part of the answer, then exits 18.
    cut: bool = False

    @classmethod
    def of(cls, status: int, body: Any, content_type: str | None = None,
           delay: float = 0.0, headers: tuple[tuple[str, str], ...] = (),
           ok_without_stream: bool = False, ok_for_model: str | None = None) -> Reply:
        if isinstance(body, (dict, list)):
            data = json.dumps(body).encode()
            content_type = content_type or "application/json"
        else:
            data = str(body).encode()
            content_type = content_type or "text/html; charset=utf-8"
        return cls(status, data, content_type, delay, headers, ok_without_stream,
                   ok_for_model)


COMPLETION = Reply.of(200, {
    "id": "chatcmpl-fake", "object": "chat.completion", "model": "fake",
    "choices": [{"index": 0, "finish_reason": "stop",
                 "message": {"role": "assistant",
                             "content": "Hello from the fake provider."}}],
    "usage": {"prompt_tokens": 5, "completion_tokens": 6, "total_tokens": 11},
})

# The same answer from Ollama's own chat API (/api/chat), whole.
OLLAMA_COMPLETION = Reply.of(200, {
    "model": "fake", "created_at": "2026-01-01T00:00:00Z",
    "message": {"role": "assistant", "content": "Hello from the fake provider."},
    "done": True, "done_reason": "stop",
})

# The same answers streamed, as a provider sends them to a request with "stream": true:
# OpenAI-compatible server-sent events, and Ollama's lines of JSON.
COMPLETION_STREAM = Reply(
    200,
    b'data: {"id":"chatcmpl-fake","object":"chat.completion.chunk","model":"fake",'
    b'"choices":[{"index":0,"delta":{"role":"assistant","content":"Hello from the "},'
    b'"finish_reason":null}]}\n\n'
    b'data: {"id":"chatcmpl-fake","object":"chat.completion.chunk","model":"fake",'
    b'"choices":[{"index":0,"delta":{"content":"fake provider."},"finish_reason":null}]}\n\n'
    b'data: {"id":"chatcmpl-fake","object":"chat.completion.chunk","model":"fake",'
    b'"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n'
    b"data: [DONE]\n\n",
    "text/event-stream")
OLLAMA_COMPLETION_STREAM = Reply(
    200,
    b'{"model":"fake","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant",'
    b'"content":"Hello from the "},"done":false}\n'
    b'{"model":"fake","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant",'
    b'"content":"fake provider."},"done":false}\n'
    b'{"model":"fake","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant",'
    b'"content":""},"done":true,"done_reason":"stop"}\n',
    "application/x-ndjson")


def _streams(body: bytes) -> bool:
    try:
        return bool(json.loads(body or b"{}").get("stream"))
    except (ValueError, AttributeError):
        return False


def _model(body: bytes) -> str | None:
    try:
        model = json.loads(body or b"{}").get("model")
    except (ValueError, AttributeError):
        return None
    return model if isinstance(model, str) else None


@dataclass
class Seen:
    """A request the fake received, with secrets reduced to their first characters."""

    path: str
    headers: dict[str, str]
    body: bytes = field(repr=False)


def _mask(name: str, value: str) -> str:
    if name.lower() in ("authorization", "x-api-key", "api-key", "x-goog-api-key"):
        return value[:12] + "..."
    return value


Router = Callable[[str, dict[str, str]], Reply]


def self_signed(directory: Path) -> tuple[str, str]:
    """A certificate for 127.0.0.1 (its own CA) and its key, as files in DIRECTORY: what
    `FakeProvider(..., tls=...)` serves, and what curl must be told to trust."""
    cert, key = directory / "ca.pem", directory / "ca-key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return str(cert), str(key)


class FakeProvider:
    """Serves on a free loopback port, in a background thread.

    REPLIES maps the first path segment to a Reply, or is a function of the path and the
    request headers.  With TLS (certificate file, key file) it speaks HTTPS.  HOST picks
    the loopback address (127.0.0.2 is "another host" for redirect tests).
    """

    def __init__(self, replies: dict[str, Reply] | Router,
                 tls: tuple[str, str] | None = None, host: str = "127.0.0.1") -> None:
        self.replies = replies
        self.seen: list[Seen] = []
        provider = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: Any) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                provider.seen.append(Seen(
                    self.path, {k: _mask(k, v) for k, v in self.headers.items()}, body))
                name = self.path.lstrip("/").split("/", 1)[0]
                if callable(provider.replies):
                    reply = provider.replies(
                        self.path, {k.lower(): v for k, v in self.headers.items()})
                else:
                    reply = provider.replies.get(name) or Reply.of(
                        404, {"error": {"message": f"no fake reply named {name!r}"}})
                if reply.ok_without_stream and not _streams(body):
                    reply = COMPLETION
                if reply.ok_for_model and _model(body) == reply.ok_for_model:
                    ollama = self.path.endswith("/api/chat")
                    if _streams(body):
                        reply = OLLAMA_COMPLETION_STREAM if ollama else COMPLETION_STREAM
                    else:
                        reply = OLLAMA_COMPLETION if ollama else COMPLETION
                if reply.delay:
                    time.sleep(reply.delay)
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length",
                                 str(len(reply.body) + (64 if reply.cut else 0)))
                for key, value in reply.headers:
                    self.send_header(key, value)
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(reply.body)
                if reply.cut:
                    self.close_connection = True

            do_POST = _answer
            do_GET = _answer

        self._server = ThreadingHTTPServer((host, 0), Handler)
        self._server.daemon_threads = True
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def __enter__(self) -> FakeProvider:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


class ResettingProxy:
    """A proxy on 127.0.0.1 that accepts each connection, reads the request, and resets it.

    What a broken or blocking proxy does to curl: "Connection reset by peer".  Counts the
    connections it reset, so a test can see the request went through it.  With STALL, it
    instead holds each connection open without a word until it is closed itself: a proxy
    that has lost its way out (Clash or v2ray with no working node), which curl's
    --max-time turns into exit 28.
    """

    def __init__(self, stall: bool = False) -> None:
        self.resets = 0
        closing = threading.Event()
        self._closing = closing
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                with contextlib.suppress(OSError):
                    self.request.recv(65536)
                    if stall:
                        # Held until the proxy closes: the client gives up first.
                        closing.wait()
                        return
                    # SO_LINGER with a zero timeout: close() sends a RST, not a FIN.
                    self.request.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                            struct.pack("ii", 1, 0))
                    # Closed here: socketserver would send a FIN (shutdown) first.
                    self.request.close()
                proxy.resets += 1

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def __enter__(self) -> ResettingProxy:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()
