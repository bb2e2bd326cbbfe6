"""A bare JSON-RPC echo server on the same library and transport as gptel-diagnose's.

python-lsp-jsonrpc's stream reader, writer and Endpoint over stdio; every request's params
come back as its result.  The benchmark's baseline: what the library and Python cost alone.
"""

import sys

from pylsp_jsonrpc.endpoint import Endpoint
from pylsp_jsonrpc.streams import JsonRpcStreamReader, JsonRpcStreamWriter


def main() -> None:
    writer = JsonRpcStreamWriter(sys.stdout.buffer)
    echo = {"diagnose": lambda params: {"echo": params}, "initialize": lambda params: {}}
    endpoint = Endpoint(echo, writer.write)
    JsonRpcStreamReader(sys.stdin.buffer).listen(endpoint.consume)


if __name__ == "__main__":
    main()
