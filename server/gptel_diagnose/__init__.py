"""gptel-diagnose: explains failed gptel requests."""

import sys

__version__ = "0.1.0"

# Said before anything newer is parsed, in words the companion recognises, so that an old
# Python gets one line, not a traceback from deep in a dependency.
if sys.version_info < (3, 10):  # noqa: UP036
    major, minor = sys.version_info[:2]
    sys.exit(f"gptel-diagnose needs Python 3.10 or newer; this is Python {major}.{minor}")
