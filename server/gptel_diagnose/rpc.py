"""JSON-RPC 2.0 over stdio: framing, dispatch and error mapping.

The only module that imports pylsp_jsonrpc.  We use its `Endpoint` (dispatch, worker pool,
error replies), its stream writer and its exceptions, and read frames ourselves: its reader
stops on a malformed header, re-dispatches a stale message after a bad length, and has no
size limit.  Every way a message can be wrong gets a JSON-RPC error, and the loop goes on.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, BinaryIO

from pydantic import BaseModel, ValidationError
from pylsp_jsonrpc.endpoint import Endpoint
from pylsp_jsonrpc.exceptions import (
    JsonRpcException,
    JsonRpcInvalidParams,
    JsonRpcInvalidRequest,
    JsonRpcMethodNotFound,
    JsonRpcParseError,
)
from pylsp_jsonrpc.streams import JsonRpcStreamWriter

from .protocol import ParamsError

log = logging.getLogger(__name__)

DEFAULT_MAX_MESSAGE_BYTES = 1 << 20
MAX_HEADER_LINE = 8192
INTERNAL_ERROR = -32603


@dataclass(frozen=True)
class Method:
    """A request handler: PARAMS validates the params, RUN computes the result.

    RUN takes the validated model (or None when PARAMS is None) and returns a pydantic model
    or None.  A BACKGROUND method runs on the worker pool, so that slow I/O never holds up
    the reader (and with it every other request).
    """

    params: type[BaseModel] | None
    run: Callable[[Any], BaseModel | None]
    background: bool = False


class _Frame:
    """One message body, or the reason there is none."""

    def __init__(self, body: bytes | None = None, error: JsonRpcException | None = None):
        self.body = body
        self.error = error


def _error(code: int, message: str, data: Any = None) -> JsonRpcException:
    return JsonRpcException(message=message, code=code, data=data)


def _params_error(exc: ValidationError) -> JsonRpcException:
    problems = [
        {"field": ".".join(str(p) for p in e["loc"]) or "params", "message": e["msg"]}
        for e in exc.errors(include_url=False, include_input=False)
    ]
    named = "; ".join(f"{p['field']}: {p['message']}" for p in problems[:5])
    return JsonRpcInvalidParams(message=f"Invalid params: {named}", data=problems)


def _reply_id(message: Any) -> Any:
    """The id to answer MESSAGE with: its own when usable, else null."""
    msg_id = message.get("id") if isinstance(message, dict) else None
    usable = isinstance(msg_id, (str, int)) and not isinstance(msg_id, bool)
    return msg_id if usable else None


def to_wire(result: BaseModel | None) -> Any:
    """RESULT as JSON data.

    pylsp_jsonrpc splices a result dict with a top-level "result" or "error" key into the
    response itself, so such a result is a bug, reported as an internal error.
    """
    if result is None:
        return None
    data = result.model_dump(mode="json")
    if isinstance(data, dict) and ("result" in data or "error" in data):
        raise _error(INTERNAL_ERROR, "Internal error: result has a reserved top-level key")
    return data


class Server:
    """Reads framed messages from RFILE, answers on WFILE, until `exit` or end of input."""

    def __init__(
        self,
        methods: Mapping[str, Method],
        rfile: BinaryIO,
        wfile: BinaryIO,
        max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES,
        workers: int = 4,
    ) -> None:
        self._methods = methods
        self._rfile = rfile
        self._writer = JsonRpcStreamWriter(wfile)
        self._max = max_message_bytes
        self._shutdown_requested = False
        self._exit_code: int | None = None
        self._table = self._dispatcher()
        self._endpoint = Endpoint(self._table, self._writer.write, max_workers=workers)

    # Dispatch ------------------------------------------------------------------------

    def _dispatcher(self) -> dict[str, Callable[[Any], Any]]:
        table: dict[str, Callable[[Any], Any]] = {
            name: self._adapter(name, method) for name, method in self._methods.items()
        }
        table["shutdown"] = self._on_shutdown
        table["exit"] = self._on_exit
        return table

    def _adapter(self, name: str, method: Method) -> Callable[[Any], Any]:
        def handle(params: Any) -> Any:
            if self._shutdown_requested:
                raise JsonRpcInvalidRequest(message=f"Server is shutting down: {name} refused")
            model = self._validate(method.params, params)
            if method.background:
                return lambda: self._run(name, method, model)
            return self._run(name, method, model)

        return handle

    @staticmethod
    def _validate(schema: type[BaseModel] | None, params: Any) -> BaseModel | None:
        if params is not None and not isinstance(params, dict):
            raise JsonRpcInvalidParams(message="Invalid params: params must be an object")
        if schema is None:
            return None
        try:
            return schema.model_validate(params or {})
        except ValidationError as exc:
            raise _params_error(exc) from None

    @staticmethod
    def _run(name: str, method: Method, model: BaseModel | None) -> Any:
        try:
            return to_wire(method.run(model))
        except JsonRpcException:
            raise
        except ParamsError as exc:
            raise JsonRpcInvalidParams(
                message=f"Invalid params: {exc}",
                data=[{"field": exc.field, "message": exc.message}],
            ) from None
        except Exception:
            # The traceback goes to our stderr log, never to the client: it may quote the
            # payload, and a client must not branch on our internals.
            log.exception("%s failed", name)
            raise _error(INTERNAL_ERROR, f"Internal error in {name}") from None

    def _on_shutdown(self, _params: Any) -> None:
        self._shutdown_requested = True
        return None

    def _on_exit(self, _params: Any) -> None:
        self._exit_code = 0 if self._shutdown_requested else 1
        return None

    # Framing -------------------------------------------------------------------------

    def _read_frame(self) -> _Frame | None:
        """The next message body, an error to report, or None at end of input."""
        length: int | None = None
        bad_length: str | None = None
        seen_header = False
        while True:
            line = self._rfile.readline(MAX_HEADER_LINE)
            if not line:
                return None
            if not line.strip():
                if seen_header:
                    break
                continue  # blank lines between messages are harmless
            seen_header = True
            name, sep, value = line.partition(b":")
            if sep and name.strip().lower() == b"content-length":
                text = value.strip().decode("ascii", "replace")
                if text.isdigit():
                    length, bad_length = int(text), None
                else:
                    bad_length = text[:40]
        if length is None:
            reason = (f"invalid Content-Length {bad_length!r}" if bad_length is not None
                      else "missing Content-Length header")
            return _Frame(error=_error(JsonRpcParseError.CODE, f"Parse error: {reason}"))
        if length > self._max:
            if not self._discard(length):
                return None
            return _Frame(error=_error(
                JsonRpcInvalidRequest.CODE,
                f"Invalid Request: message of {length} bytes exceeds the limit of "
                f"{self._max} bytes",
            ))
        body = self._rfile.read(length)
        if len(body) < length:
            return None
        return _Frame(body=body)

    def _discard(self, length: int) -> bool:
        while length > 0:
            chunk = self._rfile.read(min(length, 1 << 16))
            if not chunk:
                return False
            length -= len(chunk)
        return True

    @staticmethod
    def _parse(body: bytes) -> Any:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _error(JsonRpcParseError.CODE,
                         f"Parse error: message is not valid UTF-8 (byte {exc.start})") from None
        try:
            return json.loads(text)
        except RecursionError:
            raise _error(JsonRpcParseError.CODE, "Parse error: JSON nested too deeply") from None
        except ValueError as exc:
            raise _error(JsonRpcParseError.CODE, f"Parse error: {exc}") from None

    @staticmethod
    def _check_shape(message: Any) -> None:
        """Raise Invalid Request unless MESSAGE is a JSON-RPC 2.0 request or notification."""
        if isinstance(message, list):
            raise JsonRpcInvalidRequest(message="Invalid Request: batches are not supported")
        if not isinstance(message, dict):
            raise JsonRpcInvalidRequest(message="Invalid Request: message must be an object")
        if message.get("jsonrpc") != "2.0":
            raise JsonRpcInvalidRequest(message='Invalid Request: "jsonrpc" must be "2.0"')
        if "id" in message:
            msg_id = message["id"]
            if msg_id is not None and (isinstance(msg_id, bool)
                                       or not isinstance(msg_id, (str, int))):
                raise JsonRpcInvalidRequest(message="Invalid Request: id must be a string or "
                                            "an integer")
        if not isinstance(message.get("method"), str):
            raise JsonRpcInvalidRequest(message='Invalid Request: "method" must be a string')

    # The loop --------------------------------------------------------------------------

    def _reply_error(self, msg_id: Any, error: JsonRpcException) -> None:
        self._writer.write({"jsonrpc": "2.0", "id": msg_id, "error": error.to_dict()})

    def _handle(self, frame: _Frame) -> None:
        if frame.error is not None:
            self._reply_error(None, frame.error)
            return
        assert frame.body is not None
        try:
            message = self._parse(frame.body)
        except JsonRpcException as exc:
            self._reply_error(None, exc)
            return
        try:
            self._check_shape(message)
        except JsonRpcException as exc:
            self._reply_error(_reply_id(message), exc)
            return
        if "id" not in message:
            self._notify(message["method"], message.get("params"))
            return
        if message["method"] not in self._table:
            self._reply_error(message["id"], JsonRpcMethodNotFound.of(message["method"]))
            return
        self._endpoint.consume(message)

    def _notify(self, method: str, params: Any) -> None:
        # Notifications get no reply, even when they fail (JSON-RPC 2.0, section 4.1).
        handler = self._table.get(method)
        if handler is None:
            if method != "$/cancelRequest":
                log.info("ignoring unknown notification %s", method)
            return
        try:
            handler(params)
        except Exception:
            log.exception("notification %s failed", method)

    def serve(self) -> int:
        """Serve until `exit` or end of input; return the process exit code."""
        try:
            while self._exit_code is None:
                frame = self._read_frame()
                if frame is None:
                    break
                try:
                    self._handle(frame)
                except Exception:
                    log.exception("unexpected failure while handling a message")
        finally:
            self._endpoint.shutdown()
        return self._exit_code if self._exit_code is not None else 0
