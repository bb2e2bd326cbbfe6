"""A JSON-RPC server that misbehaves on purpose, for the companion's fault tests.

    misbehave.py crash     answers initialize, then dies in the middle of the next request
    misbehave.py hang      reads every request and never answers
    misbehave.py garbage   writes 300 bytes of junk on stdout, then answers correctly
    misbehave.py stderr    writes to stderr, then exits with status 3 at once
    misbehave.py badresult answers every request with something that is not a diagnosis
    misbehave.py old       answers initialize as version 0.0.1 of the server, then normally
"""

import json
import sys
import time


def read_message():
    length = None
    while True:
        line = sys.stdin.buffer.readline()
        if not line:
            return None
        if not line.strip():
            break
        name, _, value = line.decode().partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    return json.loads(sys.stdin.buffer.read(length))


def write_message(message):
    body = json.dumps(message).encode()
    sys.stdout.buffer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    sys.stdout.buffer.flush()


def main(mode):
    if mode == "stderr":
        sys.stderr.write("misbehave: cannot import pydantic (pretend)\n")
        sys.exit(3)
    if mode == "garbage":
        sys.stdout.buffer.write(b"x" * 300 + b"\r\n")
        sys.stdout.buffer.flush()
    while True:
        message = read_message()
        if message is None:
            return
        if "id" not in message:
            continue
        if mode == "hang":
            continue
        if mode == "crash" and message.get("method") != "initialize":
            time.sleep(0.1)
            sys.exit(9)
        if mode == "badresult" and message.get("method") != "initialize":
            result = {"summary": ["not", "text"], "fixes": 7, "steps": "x"}
        elif mode == "old" and message.get("method") == "initialize":
            result = {"serverInfo": {"name": "gptel-diagnose", "version": "0.0.1"}}
        else:
            result = {"summary": "from misbehave", "fixes": []}
        write_message({"jsonrpc": "2.0", "id": message["id"], "result": result})


if __name__ == "__main__":
    main(sys.argv[1])
