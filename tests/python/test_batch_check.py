"""scripts/batch_check.py: a new batch is checked as the corpus tests would check it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from project_files import ROOT, script


def _record(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "zzz-openai-001", "provider": "openai",
        "source": "https://github.com/example-owner/example-repo/issues/424242",
        "http_status": 429, "body": {"error": {"message": "Rate limit reached"}},
        "label": "rate_limit", "evidence": "provider", "note": "a test record"}
    record.update(changes)
    return {key: value for key, value in record.items() if value is not None}


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str],
         *batches: list[dict[str, Any]]) -> tuple[int, str]:
    paths = []
    for index, records in enumerate(batches):
        path = tmp_path / f"batch-{index}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        paths.append(str(path))
    status = script("batch_check").main(paths)
    return status, capsys.readouterr().out


def test_a_clean_batch_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The same source may give two records of one batch file: two different failures.
    second = _record(id="zzz-openai-002", label="billing.quota_exhausted")
    assert _run(tmp_path, capsys, [_record(), second]) == (0, "OK: 2 records\n")


def test_a_source_the_corpus_has_is_refused_however_it_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    used = json.loads((ROOT / "tests" / "corpus" / "reports-a.jsonl").read_text(
        encoding="utf-8").splitlines()[0])["source"]
    written = used.replace("https://", "http://www.") + "#issuecomment-1"
    status, out = _run(tmp_path, capsys, [_record(source=written)])
    assert status == 1 and "a source the corpus has already used" in out


def test_another_batch_files_source_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pull = _record(id="zzz-openai-002",
                   source="https://github.com/example-owner/example-repo/pull/424242")
    status, out = _run(tmp_path, capsys, [_record()], [pull])
    assert status == 1 and "batch-1.jsonl:1: a source the corpus has already used" in out


@pytest.mark.parametrize(("changes", "problem"), [
    ({"label": "quota"}, "is no category"),
    ({"provider": "acme"}, "none the corpus knows"),
    ({"evidence": None}, "no evidence"),
    ({"http_status": "429"}, "neither an integer nor null"),
    ({"request": {"model": "gpt-4o"}}, "without config_from_source"),
    ({"request": {"modle": "gpt-4o"}, "config_from_source": True}, "unknown request field"),
    ({"fix_variable": "OPENAI_API_KEY"}, "no gptel variable"),
    ({"note": "key sk-" + "a1B2c3D4e5F6g7H8i9J0k1L2"}, "like a key"),
    ({"id": "cya-anthropic-001"}, "an id another record has"),
])
def test_a_record_the_corpus_tests_would_refuse_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], changes: dict[str, Any],
        problem: str) -> None:
    status, out = _run(tmp_path, capsys, [_record(**changes)])
    assert status == 1 and problem in out, out


def test_a_batch_written_over_a_committed_one_is_refused(tmp_path: Path) -> None:
    # The corpus suffixes are not in order (reports-dd is a batch of long ago): a new batch
    # joined under a taken name replaces that batch, whose sources then pass as unused.
    corpus = tmp_path / "tests" / "corpus"
    corpus.mkdir(parents=True)
    batch = corpus / "reports-dd.jsonl"
    old = [_record(id="dda-openai-001"), _record(id="dda-openai-002")]
    batch.write_text("".join(json.dumps(r) + "\n" for r in old))
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "old batch"], check=True)
    replaced = script("batch_check").replaced
    assert replaced(tmp_path, batch) is None
    # Adding to a committed batch keeps its records: that is no replacement.
    batch.write_text(batch.read_text() + json.dumps(_record(id="dda-openai-003")) + "\n")
    assert replaced(tmp_path, batch) is None
    batch.write_text(json.dumps(_record(id="dea-openai-001")) + "\n")
    assert "2 of its 2 records are gone" in (replaced(tmp_path, batch) or "")
    # A file outside the repository, or one git does not have, replaces nothing.
    assert replaced(tmp_path, tmp_path.parent / "elsewhere.jsonl") is None
    assert replaced(tmp_path, corpus / "reports-df.jsonl") is None
