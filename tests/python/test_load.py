"""Load: 10,000 diagnoses back to back and 8 clients at once, without failure or leak.

No timing is asserted here (scripts/bench prints the figures); what must hold is that every
call is answered and that resident memory stops growing once the server is warm.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from gptel_view import corpus_params
from wire import Client, frame

ROOT = Path(__file__).resolve().parents[2]
PARAMS = [corpus_params(json.loads(line))
          for path in sorted((ROOT / "tests" / "corpus").glob("*.jsonl"))
          for line in path.read_text().splitlines()]


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def _run(client: Client, start: int, count: int, batch: int = 100) -> list[dict[str, Any]]:
    """COUNT diagnoses, pipelined BATCH at a time; return the replies."""
    replies = []
    for offset in range(start, start + count, batch):
        size = min(batch, start + count - offset)
        client.send(b"".join(
            frame({"jsonrpc": "2.0", "id": n, "method": "diagnose",
                   "params": PARAMS[n % len(PARAMS)]})
            for n in range(offset, offset + size)))
        replies.extend(client.receive(timeout=30) for _ in range(size))
    return replies


def test_ten_thousand_calls_back_to_back_without_failure_or_leak() -> None:
    # Warm means every record seen once: the engine's caches (the rules a gate leaves in
    # play, compiled patterns) fill with what the corpus holds, and the corpus outgrew any
    # fixed count of warm-up calls.  Then 10,000 more must not grow the server.
    warm = len(PARAMS)
    client = Client()
    try:
        first = _run(client, 0, warm)
        after_first = _rss_kb(client.proc.pid)
        rest = _run(client, warm, 10_000)
        after_last = _rss_kb(client.proc.pid)
    finally:
        client.close()
    replies = first + rest
    assert len(replies) == warm + 10_000
    assert [r["id"] for r in replies] == list(range(warm + 10_000))
    assert all("result" in r for r in replies), [r for r in replies if "error" in r][:3]
    assert after_last <= after_first * 1.10, (after_first, after_last)


def test_eight_clients_at_once() -> None:
    results: dict[int, list[dict[str, Any]]] = {}
    errors: list[BaseException] = []

    def work(number: int) -> None:
        client = Client()
        try:
            results[number] = _run(client, number * 1250, 1250, batch=50)
        except BaseException as exc:  # reported below, on the main thread
            errors.append(exc)
        finally:
            client.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors
    assert sorted(results) == list(range(8))
    for number, replies in results.items():
        assert [r["id"] for r in replies] == list(range(number * 1250, (number + 1) * 1250))
        assert all("result" in r for r in replies)
