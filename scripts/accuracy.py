"""Accuracy of the diagnosis engine on the labelled corpus of real error reports.

    scripts/accuracy [--verbose] [CORPUS.jsonl ...]

Each record of tests/corpus/*.jsonl is a real report (with its source URL) and the category
a person gave it.  The report prints overall and per-category accuracy, the confusions, and
whether any billing record was called a rate limit.  Exit status 1 if accuracy is below the
goal (95%) or a billing record is called rate_limit.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "python"))

from gptel_diagnose.engine import diagnose  # noqa: E402
from gptel_diagnose.protocol import DiagnoseParams  # noqa: E402

from gptel_view import corpus_params  # noqa: E402

GOAL = 0.95


def load(paths: list[Path]) -> list[dict[str, Any]]:
    records = []
    for path in paths:
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if line.strip():
                record = json.loads(line)
                record["_where"] = f"{path.name}:{number}"
                records.append(record)
    return records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="*", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args()
    paths = args.corpus or sorted((ROOT / "tests" / "corpus").glob("*.jsonl"))
    records = load(paths)

    per_category: dict[str, Counter[str]] = defaultdict(Counter)
    providers: Counter[str] = Counter()
    misses = []
    for record in records:
        result = diagnose(DiagnoseParams.model_validate(corpus_params(record)))
        label = record["label"]
        per_category[label][result.category] += 1
        providers[record["provider"]] += 1
        if result.category != label:
            misses.append((record, result))

    total = len(records)
    right = total - len(misses)
    print(f"Corpus: {total} real error reports, {len(providers)} providers "
          f"({', '.join(f'{p} {n}' for p, n in providers.most_common())})")
    print(f"Accuracy: {right}/{total} = {right / total:.1%} (goal {GOAL:.0%})\n")
    print(f"{'category':32} {'right':>5} {'total':>5} {'accuracy':>8}  confused with")
    for label in sorted(per_category, key=lambda c: -sum(per_category[c].values())):
        counts = per_category[label]
        n = sum(counts.values())
        ok = counts[label]
        confused = ", ".join(f"{c} {k}" for c, k in counts.most_common() if c != label)
        print(f"{label:32} {ok:5} {n:5} {ok / n:8.1%}  {confused}")
    billing_as_rate = per_category["billing.quota_exhausted"]["rate_limit"]
    print(f"\nBilling records called rate_limit: {billing_as_rate}")
    if args.verbose and misses:
        print("\nMisses:")
        for record, result in misses:
            print(f"  {record['_where']} {record['id']} [{record['label']} -> {result.category}"
                  f" {result.rule}] {record['source']}")
    return 0 if right / total >= GOAL and billing_as_rate == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
