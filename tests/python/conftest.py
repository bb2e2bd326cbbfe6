import sys
from pathlib import Path

# Test helpers live next to the tests (gptel_view, recorded, wire) and in tests/e2e
# (fake_provider, for the checkup's fake backends).
HERE = Path(__file__).parent
sys.path[:0] = [str(HERE), str(HERE.parent / "e2e")]
