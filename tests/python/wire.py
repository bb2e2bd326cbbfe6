"""A test client for the real server process: raw bytes in, parsed frames out."""

from __future__ import annotations

import json
import os
import queue
import shlex
import subprocess
import sys
import threading
from typing import Any, BinaryIO


def frame(message: Any) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_frames(stream: BinaryIO, out: queue.Queue[Any]) -> None:
    """Parse frames from STREAM into OUT; a malformed frame is queued as an AssertionError."""
    while True:
        line = stream.readline()
        if not line:
            out.put(EOFError())
            return
        headers = {}
        while line.strip():
            name, _, value = line.decode().partition(":")
            headers[name.strip().lower()] = value.strip()
            line = stream.readline()
        if "content-length" not in headers:
            out.put(AssertionError(f"server wrote a frame without Content-Length: {headers}"))
            return
        out.put(json.loads(stream.read(int(headers["content-length"]))))


def server_command() -> list[str]:
    """The server under test: $GPTEL_DIAGNOSE_SERVER (scripts/test sets it to the installed
    wheel's script), else this interpreter's gptel_diagnose."""
    command = os.environ.get("GPTEL_DIAGNOSE_SERVER")
    return shlex.split(command) if command else [sys.executable, "-m", "gptel_diagnose"]


class Client:
    def __init__(self, *args: str, command: list[str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [*(command or server_command()), *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        assert self.proc.stdout is not None
        self.inbox: queue.Queue[Any] = queue.Queue()
        self._reader = threading.Thread(target=read_frames, args=(self.proc.stdout, self.inbox),
                                        daemon=True)
        self._reader.start()
        self._next_id = 0

    def send(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any = None) -> None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(frame(message))

    def request(self, method: str, params: Any = None) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"jsonrpc": "2.0", "id": self._next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(frame(message))
        reply = self.receive()
        assert reply["id"] == self._next_id, reply
        return reply

    def receive(self, timeout: float = 10) -> dict[str, Any]:
        item = self.inbox.get(timeout=timeout)
        if isinstance(item, BaseException):
            raise item
        assert isinstance(item, dict)
        return item

    def close(self) -> int:
        if self.proc.poll() is None and self.proc.stdin and not self.proc.stdin.closed:
            self.proc.stdin.close()
        try:
            return self.proc.wait(timeout=10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
