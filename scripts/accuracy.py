"""Accuracy of the diagnosis engine on the labelled corpus of real error reports.

    scripts/accuracy [--verbose] [--by-file] [--by-evidence] [--by-novelty] [--by-confidence]
                      [CORPUS.jsonl ...]

Each record of tests/corpus/*.jsonl is a real report (with its source URL) and the category
a person gave it.  The report prints:

  top-1 accuracy      the diagnosis' category is the label
  confidently wrong   a wrong category other than `unknown` (worse than admitting ignorance)
  unknown             the diagnosis said `unknown`
  fix recall          of the records naming the gptel variable that fixed them
                      (`fix_variable`), how many diagnoses offer a fix of that variable

then per-category accuracy, the confusions, and whether any billing record was called a rate
limit.  --by-file prints the four figures for each corpus file, --by-evidence for each kind
of evidence the records quote (`evidence`: the provider's words, gptel's or curl's, or only
another client's; see LABELING.md), --by-novelty for the records whose body (or gptel text)
is word for word in another file of the same folder ("seen") and the others ("new"): a
fresh batch's records that repeat a known failure say little about failures never seen.
--by-confidence prints them for each confidence the diagnosis states (certain, likely,
guess): how far each word can be trusted.  Exit status 1 if top-1 accuracy is below the
goal (95%) or a billing record is called rate_limit.

Held-out files (HELD_OUT) are left out unless named: they are scored once, as they are,
before anyone tunes a rule against them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "python"))

from gptel_diagnose.engine import diagnose  # noqa: E402
from gptel_diagnose.protocol import DiagnoseParams  # noqa: E402

from gptel_view import corpus_params  # noqa: E402

GOAL = 0.95
HELD_OUT = frozenset({"reports-f.jsonl", "reports-g.jsonl", "reports-h.jsonl",
                      "reports-i.jsonl", "reports-j.jsonl", "reports-k.jsonl",
                      "reports-l.jsonl", "reports-m.jsonl", "reports-n.jsonl",
                      "reports-o.jsonl", "reports-p.jsonl", "reports-q.jsonl",
                      "reports-r.jsonl", "reports-s.jsonl", "reports-t.jsonl",
                      "reports-u.jsonl", "reports-v.jsonl", "reports-w.jsonl",
                      "reports-x.jsonl", "reports-y.jsonl", "reports-z.jsonl",
                      "reports-aa.jsonl", "reports-bb.jsonl", "reports-cc.jsonl",
                      "reports-dd.jsonl", "reports-ee.jsonl", "reports-ff.jsonl",
                      "reports-gg.jsonl", "reports-hh.jsonl", "reports-ii.jsonl",
                      "reports-jj.jsonl", "reports-kk.jsonl", "reports-ll.jsonl",
                      "reports-mm.jsonl", "reports-nn.jsonl",
                      "reports-oo.jsonl", "reports-pp.jsonl", "reports-qq.jsonl",
                      "reports-rr.jsonl", "reports-ss.jsonl", "reports-tt.jsonl",
                      "reports-uu.jsonl", "reports-vv.jsonl",
                      "reports-ww.jsonl", "reports-xx.jsonl",
                      "reports-yy.jsonl", "reports-zz.jsonl", "reports-ab.jsonl",
                      "reports-ac.jsonl", "reports-ad.jsonl", "reports-ae.jsonl",
                      "reports-af.jsonl", "reports-ag.jsonl", "reports-ah.jsonl",
                      "reports-ai.jsonl", "reports-aj.jsonl",
                      "reports-ak.jsonl", "reports-al.jsonl",
                      "reports-am.jsonl", "reports-an.jsonl", "reports-ao.jsonl",
                      "reports-ap.jsonl", "reports-aq.jsonl",
                      "reports-ar.jsonl", "reports-as.jsonl",
                      "reports-at.jsonl", "reports-au.jsonl",
                      "reports-av.jsonl", "reports-aw.jsonl",
                      "reports-ax.jsonl", "reports-ay.jsonl",
                      "reports-az.jsonl", "reports-ba.jsonl",
                      "reports-bc.jsonl", "reports-bd.jsonl", "reports-be.jsonl",
                      "reports-bf.jsonl", "reports-bg.jsonl", "reports-bh.jsonl",
                      "reports-bi.jsonl", "reports-bj.jsonl",
                      "reports-bk.jsonl", "reports-bl.jsonl",
                      "reports-bm.jsonl", "reports-bn.jsonl",
                      "reports-bo.jsonl", "reports-bp.jsonl",
                      "reports-bq.jsonl", "reports-br.jsonl",
                      "reports-bs.jsonl", "reports-bt.jsonl",
                      "reports-bv.jsonl", "reports-bw.jsonl",
                      "reports-bx.jsonl", "reports-by.jsonl",
                      "reports-bz.jsonl", "reports-ca.jsonl",
                      "reports-cb.jsonl", "reports-cd.jsonl",
                      "reports-ce.jsonl", "reports-cf.jsonl", "reports-cg.jsonl",
                      "reports-ch.jsonl", "reports-ci.jsonl", "reports-cj.jsonl",
                      "reports-ck.jsonl", "reports-cl.jsonl", "reports-cm.jsonl",
                      "reports-cn.jsonl", "reports-co.jsonl",
                      "reports-cp.jsonl", "reports-cq.jsonl",
                      "reports-cr.jsonl", "reports-cs.jsonl",
                      "reports-ct.jsonl", "reports-cu.jsonl",
                      "reports-cv.jsonl", "reports-cw.jsonl",
                      "reports-cx.jsonl", "reports-cy.jsonl",
                      "reports-cz.jsonl", "reports-da.jsonl",
                      "reports-db.jsonl", "reports-dc.jsonl",
                      "reports-de.jsonl", "reports-df.jsonl",
                      "reports-dg.jsonl", "reports-dh.jsonl",
                      "reports-di.jsonl", "reports-dj.jsonl",
                      "reports-dk.jsonl", "reports-dl.jsonl",
                      "reports-dm.jsonl", "reports-dn.jsonl",
                      "reports-do.jsonl", "reports-dp.jsonl",
                      "reports-dq.jsonl", "reports-dr.jsonl",
                      "reports-ds.jsonl", "reports-dt.jsonl", "reports-du.jsonl",
                      "reports-dv.jsonl", "reports-dw.jsonl",
                      "reports-dx.jsonl", "reports-dy.jsonl", "reports-dz.jsonl",
                      "reports-ea.jsonl", "reports-eb.jsonl", "reports-ec.jsonl",
                      "reports-ed.jsonl", "reports-ef.jsonl", "reports-eh.jsonl",
                      "reports-eg.jsonl", "reports-ei.jsonl", "reports-ej.jsonl",
                      "reports-ek.jsonl", "reports-el.jsonl",
                      "reports-em.jsonl", "reports-en.jsonl",
                      "reports-eo.jsonl", "reports-ep.jsonl",
                      "reports-eq.jsonl", "reports-er.jsonl",
                      "reports-es.jsonl", "reports-et.jsonl",
                      "reports-eu.jsonl", "reports-ev.jsonl",
                      "reports-ew.jsonl", "reports-ex.jsonl",
                      "reports-ey.jsonl", "reports-ez.jsonl",
                      "reports-fa.jsonl", "reports-fb.jsonl",
                      "reports-fc.jsonl", "reports-fd.jsonl",
                      "reports-fe.jsonl", "reports-fg.jsonl",
                      "reports-fh.jsonl", "reports-fi.jsonl",
                      "reports-fj.jsonl", "reports-fk.jsonl",
                      "reports-fl.jsonl", "reports-fm.jsonl",
                      "reports-fn.jsonl", "reports-fo.jsonl",
                      "reports-fp.jsonl", "reports-fq.jsonl",
                      "reports-fr.jsonl", "reports-fs.jsonl",
                      "reports-ft.jsonl", "reports-fu.jsonl",
                      "reports-fv.jsonl", "reports-fw.jsonl",
                      "reports-fx.jsonl", "reports-fy.jsonl",
                      "reports-fz.jsonl", "reports-ga.jsonl",
                      "reports-gb.jsonl", "reports-gc.jsonl",
                      "reports-gd.jsonl", "reports-ge.jsonl",
                      "reports-gf.jsonl", "reports-gh.jsonl",
                      "reports-gi.jsonl", "reports-gj.jsonl",
                      "reports-gk.jsonl", "reports-gl.jsonl",
                      "reports-gm.jsonl", "reports-gn.jsonl",
                      "reports-go.jsonl", "reports-gp.jsonl",
                      "reports-gq.jsonl", "reports-gr.jsonl",
                      "reports-gs.jsonl", "reports-gt.jsonl",
                      "reports-gu.jsonl", "reports-gv.jsonl"})


@dataclass(frozen=True)
class Verdict:
    """What the engine said about one record: its category, rule and fix variables."""

    category: str
    rule: str
    fix_variables: frozenset[str] = frozenset()
    confidence: str = "likely"


def engine_verdict(record: dict[str, Any]) -> Verdict:
    result = diagnose(DiagnoseParams.model_validate(corpus_params(record)))
    return Verdict(result.category, result.rule,
                   frozenset(f.variable for f in result.fixes if f.variable), result.confidence)


@dataclass
class Tally:
    """The counts behind every figure of the report, for one set of records."""

    total: int = 0
    right: int = 0
    unknown: int = 0
    confidently_wrong: int = 0
    fix_expected: int = 0
    fix_recalled: int = 0
    per_category: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    providers: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[dict[str, Any], Verdict]] = field(default_factory=list)

    def add(self, record: dict[str, Any], verdict: Verdict) -> None:
        label = record["label"]
        self.total += 1
        self.providers[record["provider"]] += 1
        self.per_category[label][verdict.category] += 1
        if verdict.category == label:
            self.right += 1
        else:
            self.misses.append((record, verdict))
            if verdict.category != "unknown":
                self.confidently_wrong += 1
        if verdict.category == "unknown":
            self.unknown += 1
        if record.get("fix_variable"):
            self.fix_expected += 1
            if record["fix_variable"] in verdict.fix_variables:
                self.fix_recalled += 1

    @property
    def billing_as_rate(self) -> int:
        return self.per_category.get("billing.quota_exhausted", Counter())["rate_limit"]


def score(records: Iterable[dict[str, Any]],
          judge: Callable[[dict[str, Any]], Verdict] = engine_verdict,
          group: Callable[[dict[str, Any]], str] = lambda record: record.get("_file", "?"),
          ) -> tuple[Tally, dict[str, Tally]]:
    """The tally over RECORDS, and one per GROUP (by default the corpus file, `_file`)."""
    overall: Tally = Tally()
    groups: dict[str, Tally] = {}
    for record in records:
        verdict = judge(record)
        overall.add(record, verdict)
        groups.setdefault(group(record), Tally()).add(record, verdict)
    return overall, groups


def evidence(record: dict[str, Any]) -> str:
    """Whose words the record quotes (LABELING.md, `evidence`), or "untagged"."""
    return str(record.get("evidence") or "untagged")


def body_key(record: dict[str, Any]) -> str:
    """The record's failure as text: its body, or gptel's own text."""
    return json.dumps(record.get("body") if "body" in record else record.get("gptel"),
                      sort_keys=True, ensure_ascii=False)


def seen_bodies(paths: list[Path]) -> set[str]:
    """The bodies of the other corpus files in the folders of PATHS (not PATHS themselves)."""
    named = {path.resolve() for path in paths}
    others = {other for path in paths for other in path.resolve().parent.glob("*.jsonl")
              if other not in named}
    return {body_key(record) for record in load(sorted(others))}


def load(paths: list[Path]) -> list[dict[str, Any]]:
    records = []
    for path in paths:
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if line.strip():
                record = json.loads(line)
                record["_file"] = path.name
                record["_where"] = f"{path.name}:{number}"
                records.append(record)
    return records


def rate(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.1%}" if whole else f"{part}/0 = n/a"


def figures(tally: Tally) -> list[str]:
    return [
        f"Top-1 accuracy: {rate(tally.right, tally.total)} (goal {GOAL:.0%})",
        f"Confidently wrong: {rate(tally.confidently_wrong, tally.total)}"
        " (a wrong category other than unknown)",
        f"Unknown: {rate(tally.unknown, tally.total)} (answered unknown)",
        f"Fix recall: {rate(tally.fix_recalled, tally.fix_expected)}"
        " (records with fix_variable whose diagnosis offers a fix of it)",
    ]


def by_file_table(by_file: dict[str, Tally], heading: str = "file") -> list[str]:
    lines = [f"{heading:20} {'records':>7} {'top-1':>7} {'conf.wrong':>10} {'unknown':>8}"
             f" {'fix recall':>10}"]
    for name in sorted(by_file):
        t = by_file[name]
        fix = f"{t.fix_recalled}/{t.fix_expected}" if t.fix_expected else "-"
        lines.append(f"{name:20} {t.total:7} {t.right / t.total:7.1%}"
                     f" {t.confidently_wrong / t.total:10.1%} {t.unknown / t.total:8.1%}"
                     f" {fix:>10}")
    return lines


def default_paths() -> tuple[list[Path], list[str]]:
    """The corpus files scored when none is named, and the held-out ones left aside."""
    every = sorted((ROOT / "tests" / "corpus").glob("*.jsonl"))
    return ([p for p in every if p.name not in HELD_OUT],
            [p.name for p in every if p.name in HELD_OUT])


def main(argv: list[str] | None = None,
         judge: Callable[[dict[str, Any]], Verdict] = engine_verdict) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="*", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    parser.add_argument("--by-file", action="store_true",
                        help="print the figures for each corpus file")
    parser.add_argument("--by-evidence", action="store_true",
                        help="print the figures by whose words the records quote (provider, "
                        "gptel, another client)")
    parser.add_argument("--by-confidence", action="store_true",
                        help="print the figures for each confidence the diagnosis states "
                        "(certain, likely, guess): how far each word can be trusted")
    parser.add_argument("--by-novelty", action="store_true",
                        help="print the figures for records whose body another corpus file "
                        "already has (seen) and the others (new)")
    args = parser.parse_args(argv)
    if args.corpus:
        paths = args.corpus
    else:
        paths, held = default_paths()
        if held:
            print(f"Held out (name them to score them): {', '.join(held)}")
    records = load(paths)
    # Each record is judged once, however many tables show it.
    verdicts = {record["_where"]: judge(record) for record in records}

    def judged(record: dict[str, Any]) -> Verdict:
        return verdicts[record["_where"]]

    tally, by_file = score(records, judged)
    if not tally.total:
        print("No records.")
        return 1

    print(f"Corpus: {tally.total} real error reports, {len(tally.providers)} providers "
          f"({', '.join(f'{p} {n}' for p, n in tally.providers.most_common())})")
    print("\n".join(figures(tally)))
    if args.by_file:
        print("\n" + "\n".join(by_file_table(by_file)))
    if args.by_evidence:
        _, by_evidence = score(records, judged, evidence)
        print("\n" + "\n".join(by_file_table(by_evidence, "evidence")))
    if args.by_confidence:
        _, by_confidence = score(records, judged, lambda record: judged(record).confidence)
        print("\n" + "\n".join(by_file_table(by_confidence, "confidence")))
    if args.by_novelty:
        seen = seen_bodies(paths)
        _, by_novelty = score(records, judged,
                              lambda record: "seen" if body_key(record) in seen else "new")
        print("\n" + "\n".join(by_file_table(by_novelty, "body")))
    print(f"\n{'category':32} {'right':>5} {'total':>5} {'accuracy':>8}  confused with")
    per_category = tally.per_category
    for label in sorted(per_category, key=lambda c: -sum(per_category[c].values())):
        counts = per_category[label]
        n = sum(counts.values())
        ok = counts[label]
        confused = ", ".join(f"{c} {k}" for c, k in counts.most_common() if c != label)
        print(f"{label:32} {ok:5} {n:5} {ok / n:8.1%}  {confused}")
    print(f"\nBilling records called rate_limit: {tally.billing_as_rate}")
    if args.verbose and tally.misses:
        print("\nMisses:")
        for record, verdict in tally.misses:
            print(f"  {record['_where']} {record['id']} [{record['label']} -> "
                  f"{verdict.category} {verdict.rule}] {record['source']}")
    return 0 if tally.right / tally.total >= GOAL and tally.billing_as_rate == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
