"""Print, for a few real failures, what gptel said and what gptel-diagnose shows."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "e2e"))

from driver import CHECKUP, SCENARIOS, Run, run_all


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--details", default="quota",
                        help="scenario whose M-x gptel-diagnose buffer to print (default quota)")
    args = parser.parse_args()

    runs = [Run(s, "curl") for s in SCENARIOS] + [Run(SCENARIOS[0], "url", "request"),
                                                  Run(CHECKUP, "curl", "checkup")]
    print("gptel-diagnose demo: real gptel against a fake provider on 127.0.0.1\n")
    failures = 0
    for run in run_all(runs):
        result = run.result
        if run.entry == "checkup":
            continue
        title = f"{run.scenario.title}  [{run.transport}, {run.entry}]"
        print(f"== {title}")
        if "harness_error" in result:
            failures += 1
            print(f"   harness error: {result['harness_error']}\n")
            continue
        # gptel-request without a callback says nothing; gptel-send says nothing either of
        # a stream curl cut off, which it ends as if done.
        silent = ("(nothing: gptel-request without a callback is silent)"
                  if run.entry != "send" else "(no error: gptel ended the request as done)")
        if result.get("signal"):
            # An error that escaped gptel: Emacs shows it, gptel says nothing.
            silent = f"(nothing; Emacs signalled: {result['signal']})"
        gptel_said = next((m for m in result["messages"]
                           if "error" in m.lower() and not m.startswith("gptel-diagnose")),
                          silent)
        print(textwrap.fill(gptel_said, 100, break_on_hyphens=False,
                            initial_indent="   gptel said:      ",
                            subsequent_indent=" " * 21))
        line = result["line"] or "(no diagnosis)"
        failures += not result["line"]
        print(textwrap.fill(line, 100, break_on_hyphens=False,
                            initial_indent="   echo area shows: ",
                            subsequent_indent=" " * 21))
        print()
    details = next((r.result for r in runs if r.scenario.name == args.details
                    and r.result.get("details")), None)
    if details:
        print(f"== M-x gptel-diagnose after '{args.details}' shows *gptel-diagnose*:\n")
        print(textwrap.indent(details["details"].rstrip(), "   | "))
    checkup = runs[-1].result.get("checkup")
    failures += not checkup
    print("\n== M-x gptel-diagnose with no recent failure: the live checkup "
          "(backend on the fake provider, gptel-model misspelt):\n")
    print(textwrap.indent((checkup or "(no checkup)").rstrip(), "   | "))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
