"""gptel-diagnose: explains failed gptel requests."""

__version__ = "0.1.0"
