"""How far the corpus labels can be trusted, and how the engine does where they are sure.

    scripts/agreement [--set NAME]

tests/corpus/second-labels/labels.jsonl holds a second, blind labelling of some records: a
labeller who saw only LABELING.md and what the diagnosis sees (the provider kind, the status,
the body or gptel's record, the context fields), never the first label, its note, the source
or the engine.  For each set of records it prints:

  agreement           how often the two labels are the same (and Cohen's kappa)
  both sure           records neither labeller doubted (the first one's note does not start
                      with "doubtful", the second said sure), and how often they agree there
  engine              top-1 and confidently wrong on all the set, on the records whose labels
                      agree, and on those that agree and both labellers were sure of

second-labels/third.jsonl holds a third blind label, by the same rules, of the records where
the first two disagree.  Where the second and third agree, their label is the corpus label and
the record keeps the first in `first_label`; the figures above always compare the first
labelling with the second, as they were made.  The script ends with what the third decided.

The engine is the one `gptel_diagnose` imports: to score a set as it was before tuning, run
this with PYTHONPATH=<a worktree at the batch's scoring commit>/server.
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

SECOND = ROOT / "tests" / "corpus" / "second-labels" / "labels.jsonl"
THIRD = ROOT / "tests" / "corpus" / "second-labels" / "third.jsonl"


def load_corpus() -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    for path in sorted((ROOT / "tests" / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                records[record["id"]] = record
    return records


def kappa(pairs: list[tuple[str, str]]) -> float:
    total = len(pairs)
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    observed = sum(a == b for a, b in pairs) / total
    expected = sum(first[k] * second[k] for k in first) / total / total
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def figures(rows: list[tuple[str, str]]) -> str:
    """Top-1 and confidently wrong of (engine, label) ROWS."""
    if not rows:
        return "no records"
    right = sum(engine == label for engine, label in rows)
    wrong = sum(engine not in (label, "unknown") for engine, label in rows)
    return (f"{right}/{len(rows)} = {right / len(rows):.1%} top-1, "
            f"{wrong / len(rows):.1%} confidently wrong")


def load_labels(path: Path) -> list[dict[str, Any]]:
    """The labels of PATH, a JSON line each (second-labels/labels.jsonl or third.jsonl)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", help="only the set of this name (as in labels.jsonl)")
    args = parser.parse_args()
    corpus = load_corpus()
    all_seconds = load_labels(SECOND)
    sets: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for second in all_seconds:
        if args.set is None or second["set"] == args.set:
            sets[second["set"]].append(second)
    for name, seconds in sets.items():
        pairs, agreed, sure, every = [], [], [], []
        sure_total = sure_agree = 0
        for second in seconds:
            record = corpus[second["id"]]
            first = record.get("first_label", record["label"])
            pairs.append((first, second["label"]))
            engine = diagnose(DiagnoseParams.model_validate(corpus_params(record))).category
            every.append((engine, first))
            both_sure = second["sure"] and not record["note"].lower().startswith("doubtful")
            sure_total += both_sure
            sure_agree += both_sure and first == second["label"]
            if first == second["label"]:
                agreed.append((engine, first))
                if both_sure:
                    sure.append((engine, first))
        same = sum(a == b for a, b in pairs)
        print(f"{name}: {len(pairs)} records")
        print(f"  agreement      {same}/{len(pairs)} = {same / len(pairs):.1%} "
              f"(kappa {kappa(pairs):.2f})")
        print(f"  both sure      {sure_total} records, agree on {sure_agree}")
        print(f"  engine, all    {figures(every)}")
        print(f"  engine, agreed {figures(agreed)}")
        print(f"  engine, agreed and both sure {figures(sure)}")
    if args.set is None:
        adjudication(corpus, {second["id"]: second["label"] for second in all_seconds})
    return 0


def adjudication(corpus: dict[str, dict[str, Any]], seconds: dict[str, str]) -> None:
    """Print what the third labeller decided where the first two disagreed (SECONDS: the
    second label of each record)."""
    if not THIRD.exists():
        return
    sides: Counter[str] = Counter()
    for third in load_labels(THIRD):
        record = corpus[third["id"]]
        first = record.get("first_label", record["label"])
        sides["first" if third["label"] == first
              else "second" if third["label"] == seconds[third["id"]] else "neither"] += 1
    print(f"third label of {sum(sides.values())} disagreements: sided with the first "
          f"{sides['first']}, with the second {sides['second']} (the corpus label now), "
          f"with neither {sides['neither']} (the first label stays)")


if __name__ == "__main__":
    sys.exit(main())
