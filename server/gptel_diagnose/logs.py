"""Logging that cannot leak a key: every record is redacted before any handler sees it."""

from __future__ import annotations

import logging

from .redact import redact


class RedactingFilter(logging.Filter):
    """Replaces a record's message (and traceback text) with its redacted rendering."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = ()
        if record.exc_info:
            formatter = logging.Formatter()
            record.exc_text = redact(formatter.formatException(record.exc_info))
            record.exc_info = None
        return True


def install(handler: logging.Handler) -> None:
    handler.addFilter(RedactingFilter())
