"""Entry point: `gptel-diagnose-server` / `python -m gptel_diagnose`.

stdout belongs to the wire.  Before anything else runs, the real stdout descriptor is kept
for the JSON-RPC writer and descriptor 1 is pointed at stderr, so that a stray print (ours,
a library's, or C code's) can never corrupt a frame: over 100 stray bytes wedge Emacs's
jsonrpc.el for good.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    import argparse

from . import __version__


def _claim_stdout() -> BinaryIO:
    sys.stdout.flush()
    wire = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return wire


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="gptel-diagnose-server",
        description="JSON-RPC server (stdio) that explains failed gptel requests.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--log-level", default="WARNING",
                        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
                        help="stderr log level (default: WARNING)")
    parser.add_argument("--log-file", help="log here instead of stderr")
    parser.add_argument("--max-message-bytes", type=int, default=None,
                        help="reject larger messages (default: 1 MiB)")
    parser.add_argument("--rules-doc", action="store_true",
                        help="print the rule catalogue as Markdown (docs/rules.md) and exit")
    parser.add_argument("--elisp-tables", action="store_true",
                        help="print the tables the companion shares with the server "
                        "(elisp/gptel-diagnose-tables.el) and exit")
    return parser


def _parser_defaults() -> argparse.Namespace:
    from types import SimpleNamespace

    defaults = SimpleNamespace(log_level="WARNING", log_file=None, max_message_bytes=None,
                               rules_doc=False, elisp_tables=False)
    return defaults  # type: ignore[return-value]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Emacs starts the server without options: skip argparse's import on that path.
    args = _parser().parse_args(argv) if argv else _parser_defaults()
    if args.rules_doc:
        from .catalogue import markdown

        sys.stdout.write(markdown())
        return 0
    if args.elisp_tables:
        from .tables import elisp

        sys.stdout.write(elisp())
        return 0

    wire_out = _claim_stdout()
    handler: logging.Handler = (logging.FileHandler(args.log_file) if args.log_file
                                else logging.StreamHandler(sys.stderr))
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    from .logs import install

    install(handler)
    logging.basicConfig(level=args.log_level, handlers=[handler])
    if args.log_level != "DEBUG":
        # pylsp_jsonrpc logs a traceback for every error reply; ours say enough.
        logging.getLogger("pylsp_jsonrpc").setLevel(logging.CRITICAL)

    from .rpc import DEFAULT_MAX_MESSAGE_BYTES, Server
    from .service import METHODS

    server = Server(METHODS, sys.stdin.buffer, wire_out,
                    max_message_bytes=args.max_message_bytes or DEFAULT_MAX_MESSAGE_BYTES)
    return server.serve()


if __name__ == "__main__":
    sys.exit(main())
