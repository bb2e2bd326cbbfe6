"""Check a new batch of labelled reports before it joins the corpus.

    scripts/batch-check BATCH.jsonl [BATCH.jsonl ...]

A batch is collected from sources no corpus file has used, and labelled under
tests/corpus/LABELING.md.  For each record this checks what the corpus tests would refuse
later, and what a collector most often gets wrong: the JSON itself, the fields and their
types, a provider and a label the corpus knows, `evidence`, a source URL no corpus file
(nor another record of the batch files given) has used, no key in the text, and context
fields only with `config_from_source`.  Sources are compared without their scheme, `www.`,
query and fragment, with a pull request or a discussion counted as its issue.

Prints each problem, then "OK: N records" when there is none; exit status 1 on a problem.
Records of the batch files themselves, if they are already in tests/corpus, are not
checked against one another's sources twice.  A batch file written over a committed one
(reports-dd is an old batch, not a free name) is refused while that file's records are gone.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "server"))

from gptel_diagnose.protocol import CATEGORIES  # noqa: E402
from gptel_diagnose.providers import PROVIDERS  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
TOP = {"id", "provider", "source", "http_status", "body", "gptel", "backend", "request",
       "fix_variable", "config_from_source", "label", "evidence", "note", "first_label"}
BACKEND = {"name", "kind", "host", "endpoint", "protocol", "stream", "models", "has_key",
           "key_has_whitespace", "key_source", "key_shape"}
REQUEST = {"model", "stream", "use_curl", "temperature", "max_tokens", "proxy", "proxy_host",
           "curl_extra_args", "env_proxy", "gptel_version", "emacs_version", "curl_version",
           "request_bytes"}
EVIDENCE = {"provider", "gptel", "client"}
# What the corpus test refuses as a key (test_catalogue uses this one): a key starts its
# own word, so not "task-026_meta-llama..." in a source's file name.
KEY = re.compile(r"(?<![\w-])sk-(?!REDACTED)[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{30,}"
                 r"|gsk_[A-Za-z0-9]{20,}")


def source_key(url: str) -> str:
    """URL as sources are compared: no scheme, `www.`, query or fragment, lower case."""
    text = re.sub(r"^https?://(?:www\.)?", "", url.strip().lower())
    text = text.split("#")[0].split("?")[0].rstrip("/")
    return text.replace("/pull/", "/issues/").replace("/discussions/", "/issues/")


def _corpus(skip: set[Path]) -> tuple[set[str], set[str], set[str]]:
    """The sources, ids and providers of the corpus files, but for those in SKIP."""
    sources: set[str] = set()
    ids: set[str] = set()
    providers = {provider.kind for provider in PROVIDERS}
    for path in sorted(CORPUS.glob("*.jsonl")):
        if path.resolve() in skip:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            sources.add(source_key(record.get("source", "")))
            ids.add(record.get("id", ""))
            providers.add(record.get("provider", ""))
    return sources, ids, providers


def replaced(root: Path, path: Path) -> str | None:
    """What PATH, a batch file written into ROOT's corpus, would throw away: a sentence when
    it stands where a committed corpus file stands without keeping that file's records."""
    try:
        name = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
    committed = subprocess.run(["git", "-C", str(root), "show", f"HEAD:{name}"],
                               capture_output=True, text=True, check=False)
    if committed.returncode != 0:
        return None
    ids = {json.loads(line).get("id") for line in committed.stdout.splitlines() if line.strip()}
    kept = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            kept.add(json.loads(line).get("id"))
        except (ValueError, AttributeError):
            continue
    gone = len(ids - kept)
    if not gone:
        return None
    return (f"{path.name} stands where a committed batch stands, and {gone} of its "
            f"{len(ids)} records are gone: give the new batch a suffix no corpus file has")


def problems(record: Any, line: str, known: set[str], ids: set[str],
             providers: set[str]) -> list[str]:
    """What is wrong with RECORD (its text LINE) for a corpus that has the sources KNOWN,
    the record ids IDS and the providers PROVIDERS."""
    if not isinstance(record, dict):
        return ["not a JSON object"]
    found = [f"unknown field {key!r}" for key in record if key not in TOP]
    for key in ("id", "provider", "source", "label", "evidence", "note"):
        if not record.get(key):
            found.append(f"no {key}")
    if record.get("id") in ids:
        found.append("an id another record has")
    if record.get("provider") not in providers:
        found.append(f"provider {record.get('provider')!r} is none the corpus knows")
    if record.get("label") not in CATEGORIES:
        found.append(f"label {record.get('label')!r} is no category")
    if record.get("evidence") not in EVIDENCE:
        found.append("evidence is none of provider, gptel, client")
    source = str(record.get("source", ""))
    if not source.startswith("http"):
        found.append("the source is no URL")
    elif source_key(source) in known:
        found.append("a source the corpus has already used")
    if "body" not in record and "gptel" not in record:
        found.append("neither body nor gptel")
    if "body" in record and "http_status" not in record:
        found.append("a body without http_status (null when the report has none)")
    status = record.get("http_status")
    if status is not None and (not isinstance(status, int) or isinstance(status, bool)):
        found.append("http_status is neither an integer nor null")
    for group, allowed in (("backend", BACKEND), ("request", REQUEST)):
        value = record.get(group)
        if value is not None and not isinstance(value, dict):
            found.append(f"{group} is not an object")
            continue
        found += [f"unknown {group} field {key!r}" for key in (value or {}) if key not in allowed]
    if (record.get("backend") or record.get("request")) and record.get(
            "config_from_source") is not True:
        found.append("context fields without config_from_source true")
    fix = record.get("fix_variable")
    if fix is not None and not str(fix).startswith("gptel-"):
        found.append("fix_variable is no gptel variable")
    if KEY.search(line):
        found.append("something like a key: write sk-REDACTED")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("batches", nargs="+", type=Path)
    args = parser.parse_args(argv)
    batches = [path.resolve() for path in args.batches]
    known, ids, providers = _corpus(set(batches))
    # A source one file of the batch used counts as used for the next file.
    count = 0
    bad = 0
    overwrote = False
    for path in batches:
        used: set[str] = set()
        lost = replaced(ROOT, path)
        if lost:
            print(lost)
            overwrote = True
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            count += 1
            try:
                record = json.loads(line)
            except ValueError as error:
                found = [f"not JSON: {error}"]
                record = None
            else:
                found = problems(record, line, known, ids, providers)
            for problem in found:
                print(f"{path.name}:{number}: {problem}")
            bad += bool(found)
            if isinstance(record, dict):
                ids.add(str(record.get("id", "")))
                used.add(source_key(str(record.get("source", ""))))
        known |= used
    if bad:
        print(f"{bad} of {count} records need a change")
    if bad or overwrote:
        return 1
    print(f"OK: {count} records")
    return 0


if __name__ == "__main__":
    sys.exit(main())
