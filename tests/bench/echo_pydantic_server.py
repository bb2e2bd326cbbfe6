"""The echo server of echo_server.py, plus what the design requires of any server: pydantic.

Each request's params are validated into gptel-diagnose's own `DiagnoseParams` model and
dumped back as the result; nothing is classified.  The benchmark's second baseline: how
much of our cost is pydantic (imported, schemas built, messages validated and dumped)
rather than our own work.
"""

import sys

from pylsp_jsonrpc.endpoint import Endpoint
from pylsp_jsonrpc.streams import JsonRpcStreamReader, JsonRpcStreamWriter

from gptel_diagnose.protocol import DiagnoseParams


def echo(params: dict) -> dict:
    return {"echo": DiagnoseParams.model_validate(params).model_dump(mode="json")}


def main() -> None:
    writer = JsonRpcStreamWriter(sys.stdout.buffer)
    endpoint = Endpoint({"diagnose": echo, "initialize": lambda params: {}}, writer.write)
    JsonRpcStreamReader(sys.stdin.buffer).listen(endpoint.consume)


if __name__ == "__main__":
    main()
