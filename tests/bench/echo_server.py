"""A bare JSON-RPC echo server on the same library and transport as gptel-diagnose's.

python-lsp-jsonrpc's stream reader, writer and Endpoint over stdio; every request's params
come back as its result.  The benchmark's baseline: what the library and Python cost alone.

With --pydantic, it also does what the design requires of any server: each request's params
are validated into gptel-diagnose's own `DiagnoseParams` and dumped back, nothing classified.
The second baseline: how much of our cost is pydantic (imported, schema built, messages
validated and dumped) rather than our own work.
"""

import sys
from collections.abc import Callable
from typing import Any

from pylsp_jsonrpc.endpoint import Endpoint
from pylsp_jsonrpc.streams import JsonRpcStreamReader, JsonRpcStreamWriter


def _echo() -> Callable[[Any], Any]:
    if "--pydantic" not in sys.argv[1:]:
        return lambda params: {"echo": params}
    from gptel_diagnose.protocol import DiagnoseParams

    return lambda params: {"echo": DiagnoseParams.model_validate(params).model_dump(mode="json")}


def main() -> None:
    writer = JsonRpcStreamWriter(sys.stdout.buffer)
    endpoint = Endpoint({"diagnose": _echo(), "initialize": lambda params: {}}, writer.write)
    JsonRpcStreamReader(sys.stdin.buffer).listen(endpoint.consume)


if __name__ == "__main__":
    main()
