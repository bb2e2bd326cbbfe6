"""gptel-diagnose's speed and memory, beside a bare JSON-RPC echo server, in one run.

    scripts/bench [--quick]

Prints, side by side:
  - cold start (spawn to first diagnosis) of our server, of a bare echo server on the same
    library and transport (tests/bench/echo_server.py), of the same with pydantic validation
    of each message (its --pydantic), and of `python -c pass`;
  - warm round trip p50 and p99 over 2,000 sequential calls, ours and both echo servers';
  - classification alone, per call, in-process, over the corpus;
  - our server's resident memory after the run;
  - from batch Emacs with jsonrpc.el and real gptel: the time from gptel's failure to our
    message: cold (no server yet: it starts with the request), the first failure once the
    server was started in the background (as an idle Emacs with gptel loaded starts it),
    and warm.
and which goals are met.  Figures only: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "python"), str(ROOT / "tests" / "e2e")]

from gptel_view import corpus_params  # noqa: E402
from wire import frame  # noqa: E402

PY = sys.executable
OURS = [PY, "-m", "gptel_diagnose"]
ECHO = [PY, str(ROOT / "tests" / "bench" / "echo_server.py")]
ECHO_PYDANTIC = [*ECHO, "--pydantic"]
REQUEST = {"error": {"status": "Curl failure",
                     "error": "Curl failed with exit code 7. See Curl manpage for details."},
           "backend": {"kind": "ollama", "host": "localhost:11434"}}


def _read_frame(stream: Any) -> dict[str, Any]:
    length = 0
    while True:
        line = stream.readline()
        if not line:
            raise EOFError("server closed its output")
        if not line.strip():
            break
        name, _, value = line.decode().partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    data: dict[str, Any] = json.loads(stream.read(length))
    return data


def _spawn(command: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)


def cold_start(command: list[str], runs: int) -> float:
    """Median seconds from spawn to the first diagnosis's answer."""
    times = []
    message = frame({"jsonrpc": "2.0", "id": 1, "method": "diagnose", "params": REQUEST})
    for _ in range(runs):
        start = time.perf_counter()
        proc = _spawn(command)
        assert proc.stdin and proc.stdout
        proc.stdin.write(message)
        proc.stdin.flush()
        _read_frame(proc.stdout)
        times.append(time.perf_counter() - start)
        proc.stdin.close()
        proc.wait()
    return statistics.median(times)


def python_pass(runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([PY, "-c", "pass"], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def warm(command: list[str], calls: int, params: list[dict[str, Any]]) -> tuple[
        float, float, float]:
    """p50 and p99 round trip (seconds) over CALLS sequential calls; resident MB after."""
    proc = _spawn(command)
    assert proc.stdin and proc.stdout
    times = []
    for number in range(calls + 50):
        message = frame({"jsonrpc": "2.0", "id": number, "method": "diagnose",
                         "params": params[number % len(params)]})
        start = time.perf_counter()
        proc.stdin.write(message)
        proc.stdin.flush()
        _read_frame(proc.stdout)
        if number >= 50:  # the first calls warm caches up
            times.append(time.perf_counter() - start)
    rss = _rss_mb(proc.pid)
    proc.stdin.close()
    proc.wait()
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.99)], rss


def classification(params: list[dict[str, Any]], rounds: int) -> float:
    """Microseconds per diagnosis, in-process (validation, classification, rendering)."""
    from gptel_diagnose.engine import diagnose
    from gptel_diagnose.protocol import DiagnoseParams

    models = [DiagnoseParams.model_validate(p) for p in params]
    for model in models:
        diagnose(model)
    start = time.perf_counter()
    for _ in range(rounds):
        for model in models:
            diagnose(model).model_dump(mode="json")
    return (time.perf_counter() - start) / (rounds * len(models)) * 1e6


def emacs_time_to_message(failures: int) -> dict[str, float] | None:
    """Milliseconds from gptel's failure to our message, from batch Emacs: cold, the first
    failure after a background start, then warm."""
    from driver import EMACS_BATCH
    from fake_provider import FakeProvider, Reply

    bench_el = ROOT / "tests" / "bench" / "time-to-message.el"
    reply = Reply.of(429, {"error": {"message": "You exceeded your current quota.",
                                     "type": "insufficient_quota",
                                     "code": "insufficient_quota"}})
    with FakeProvider({"quota": reply}) as provider, tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HOME=tmp, GPTEL_DIAGNOSE_SERVER=shlex.join(OURS),
                   BENCH_HOST=f"127.0.0.1:{provider.port}", BENCH_FAILURES=str(failures))
        proc = subprocess.run([str(EMACS_BATCH), "-l", str(bench_el), "-f",
                               "gptel-diagnose-bench-main"], capture_output=True, text=True,
                              env=env, cwd=tmp, timeout=600)
    for line in proc.stdout.splitlines():
        if line.startswith("BENCH "):
            data: dict[str, float] = json.loads(line[len("BENCH "):])
            return data
    sys.stderr.write(proc.stderr[-2000:])
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    runs, calls = (5, 500) if args.quick else (15, 2000)

    params = [corpus_params(json.loads(line))
              for path in sorted((ROOT / "tests" / "corpus").glob("*.jsonl"))
              for line in path.read_text().splitlines()]

    ours_cold, echo_cold, bare = cold_start(OURS, runs), cold_start(ECHO, runs), python_pass(runs)
    pyd_cold = cold_start(ECHO_PYDANTIC, runs)
    ours_p50, ours_p99, ours_rss = warm(OURS, calls, params)
    echo_p50, echo_p99, echo_rss = warm(ECHO, calls, params)
    pyd_p50, pyd_p99, pyd_rss = warm(ECHO_PYDANTIC, calls, params)
    per_call = classification(params, 5 if args.quick else 20)
    emacs = emacs_time_to_message(10 if args.quick else 30)

    ms = 1000.0
    print(f"gptel-diagnose benchmark (Python {sys.version.split()[0]}, {os.cpu_count()} CPUs,"
          f" corpus of {len(params)} payloads)\n")
    print(f"{'':34} {'ours':>10} {'echo':>10} {'echo+pydantic':>14} {'python -c pass':>15}")
    print(f"{'cold start, spawn to answer (ms)':34} {ours_cold * ms:10.1f} "
          f"{echo_cold * ms:10.1f} {pyd_cold * ms:14.1f} {bare * ms:15.1f}")
    print(f"{'warm round trip p50 (ms)':34} {ours_p50 * ms:10.3f} {echo_p50 * ms:10.3f} "
          f"{pyd_p50 * ms:14.3f}")
    print(f"{'warm round trip p99 (ms)':34} {ours_p99 * ms:10.3f} {echo_p99 * ms:10.3f} "
          f"{pyd_p99 * ms:14.3f}")
    print(f"{'resident memory after run (MB)':34} {ours_rss:10.1f} {echo_rss:10.1f} "
          f"{pyd_rss:14.1f}")
    print(f"{'classification alone (us/call)':34} {per_call:10.1f}")
    if emacs:
        print(f"{'Emacs: failure to message, cold (ms)':34} {emacs['cold']:10.1f}"
              "   (no server yet: it starts with the request)")
        print(f"{'Emacs: first failure, bg start':34} {emacs['background']:10.1f}"
              "   (server started in the background, as when Emacs is idle)")
        print(f"{'Emacs: failure to message, warm p50':34} {emacs['warm_p50']:10.1f}"
              f"   (p90 {emacs['warm_p90']:.1f}, {int(emacs['n'])} failures)")
    else:
        print("Emacs: time to message not measured (see stderr)")

    goals = [
        ("cold start <= 3x echo", ours_cold <= 3 * echo_cold,
         f"{ours_cold / echo_cold:.1f}x"),
        ("warm p50 <= 1.5x echo", ours_p50 <= 1.5 * echo_p50, f"{ours_p50 / echo_p50:.2f}x"),
        ("warm time to message < 20 ms", bool(emacs) and emacs["warm_p50"] < 20,
         f"{emacs['warm_p50']:.1f} ms" if emacs else "n/a"),
        ("first failure (bg start) <= 50 ms", bool(emacs) and emacs["background"] <= 50,
         f"{emacs['background']:.1f} ms" if emacs else "n/a"),
        ("resident memory < 40 MB", ours_rss < 40, f"{ours_rss:.1f} MB"),
    ]
    print("\nGoals:")
    for name, met, figure in goals:
        print(f"  {'met    ' if met else 'NOT met'}  {name:32} {figure}")
    print("\nFor scale: the echo server that only adds pydantic (our DiagnoseParams, validated"
          f" and dumped)\nis already {pyd_cold / echo_cold:.1f}x the bare echo cold and"
          f" {pyd_p50 / echo_p50:.2f}x warm.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
