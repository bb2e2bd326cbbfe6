"""Regenerate what comes from the server's sources: docs/rules.md, the rules summary of
README.md and README.zh-CN.md, and the companion's shared tables,
elisp/gptel-diagnose-tables.el.

    scripts/gen-docs [--check]

With --check, change nothing: print which file is stale and exit 1 if any is.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gptel_diagnose import tables
from gptel_diagnose.catalogue import markdown, with_readme_summary

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="report stale files, write none")
    args = parser.parse_args()
    readme, readme_zh = ROOT / "README.md", ROOT / "README.zh-CN.md"
    wanted = {ROOT / "docs" / "rules.md": markdown(),
              readme: with_readme_summary(readme.read_text()),
              readme_zh: with_readme_summary(readme_zh.read_text(), "zh"),
              ROOT / "elisp" / "gptel-diagnose-tables.el": tables.elisp()}
    stale = [path for path, text in wanted.items() if path.read_text() != text]
    for path in stale:
        if args.check:
            print(f"{path.relative_to(ROOT)} is stale: run scripts/gen-docs", file=sys.stderr)
        else:
            path.write_text(wanted[path])
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
