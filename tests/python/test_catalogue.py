"""The catalogue checks itself: every rule is documented, exemplified, tested and translated."""

from __future__ import annotations

import importlib
import importlib.util
import json
import pkgutil
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import gptel_diagnose
from gptel_diagnose import catalogue, i18n
from gptel_diagnose.catalogue import markdown, provider_names, with_readme_summary
from gptel_diagnose.engine import diagnose
from gptel_diagnose.i18n.extract import marked
from gptel_diagnose.protocol import CATEGORIES, DiagnoseParams, ParamsError
from gptel_diagnose.rules import BY_CODE, FAMILIES, PRECEDENCE, REGISTRY, RETIRED, documented
from gptel_diagnose.rules.base import Retired, Rule, Tier, build_registry

from project_files import script
from recorded import FIXTURES, ROOT, fixture_files

PLACEHOLDER = re.compile(r"\{(\w+)\}")
FIXTURE_RULES = {json.loads(p.read_text())["expect"].get("rule") for p in fixture_files()}


def _ids(rule: Rule) -> str:
    return rule.code


def test_codes_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in REGISTRY]
    assert len(codes) == len(set(codes))
    names = [rule.name for rule in REGISTRY]
    assert len(names) == len(set(names))
    for code in codes:
        assert re.fullmatch(r"[A-Z]+[0-9X]{3}", code), code


def test_catalogue_ends_with_a_catch_all() -> None:
    last = REGISTRY[-1]
    assert last.category == "unknown" and PRECEDENCE[-1].codes == (last.code,)
    nothing = diagnose(DiagnoseParams.model_validate({"error": {"error": "?"}}))
    assert nothing.rule == last.code


def test_registry_is_the_precedence_listing_in_order() -> None:
    assert [rule.code for rule in REGISTRY] == [c for tier in PRECEDENCE for c in tier.codes]
    assert len({tier.name for tier in PRECEDENCE}) == len(PRECEDENCE)


def test_every_rule_in_a_family_file_is_listed() -> None:
    defined = {rule.code for family in FAMILIES for rule in family.RULES}
    assert defined == set(BY_CODE)


def test_precedence_comments_name_the_listed_rule() -> None:
    # The listing's trailing comments are for the reader; they must not lie.
    source = (ROOT / "server" / "gptel_diagnose" / "rules" / "__init__.py").read_text()
    entries = re.findall(r'^\s+"([A-Z0-9X]+)",\s*# (\S+)$', source, re.MULTILINE)
    assert len(entries) == len(REGISTRY)
    for code, name in entries:
        assert BY_CODE[code].name == name, code


def test_a_retired_code_cannot_be_reused() -> None:
    rule = BY_CODE["GEN000"]
    build_registry([Tier("all", "", (rule.code,))], [Retired("GEN999", "merged")], [rule])
    with pytest.raises(ValueError, match="GEN000 is retired"):
        build_registry([Tier("all", "", (rule.code,))], [Retired(rule.code, "merged")], [rule])
    with pytest.raises(ValueError, match="GEN000 is retired"):
        build_registry([Tier("all", "", ())], [Retired(rule.code, "merged")], [rule])
    with pytest.raises(ValueError, match="listed twice"):
        build_registry([Tier("a", "", (rule.code,)), Tier("b", "", (rule.code,))], [], [rule])


def test_registry_refuses_an_unlisted_or_undefined_code() -> None:
    rule = BY_CODE["GEN000"]
    with pytest.raises(ValueError, match="not listed"):
        build_registry([Tier("all", "", ())], [], [rule])
    with pytest.raises(ValueError, match="not defined"):
        build_registry([Tier("all", "", (rule.code, "NET999"))], [], [rule])


def test_explaining_a_retired_code_says_why_and_what_replaced_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    entry = Retired("NET999", "merged into connection-refused", replaced_by="NET002")
    monkeypatch.setitem(catalogue.RETIRED_BY_CODE, entry.code, entry)
    with pytest.raises(ParamsError, match=r"NET999 is retired: merged .*; see NET002"):
        catalogue.explain("net999", None)
    with pytest.raises(ParamsError, match="no rule"):
        catalogue.explain("NET998", None)


def test_retired_codes_name_a_reason_and_a_live_replacement() -> None:
    for entry in RETIRED:
        assert entry.reason.strip() and entry.code not in BY_CODE
        assert entry.replaced_by is None or entry.replaced_by in BY_CODE


def test_codes_are_numbered_without_gaps() -> None:
    # A number missing from a family means a code deleted without a `Retired` entry: its
    # number would be free to be given to another rule.  GEN codes are HTTP statuses.
    numbers: dict[str, set[int]] = {}
    for code in [*BY_CODE, *(entry.code for entry in RETIRED)]:
        family, number = re.fullmatch(r"([A-Z]+?)([0-9X]{3})", code).groups()  # type: ignore[union-attr]
        if family != "GEN":
            numbers.setdefault(family, set()).add(int(number))
    for family, found in numbers.items():
        assert found == set(range(1, max(found) + 1)), family


@pytest.mark.parametrize("rule", REGISTRY, ids=_ids)
def test_rule_is_documented(rule: Rule) -> None:
    assert rule.category in CATEGORIES
    assert rule.summary.strip() and rule.explanation.strip()
    assert rule.steps and all(step.strip() for step in rule.steps)
    # A documented-code rule cites the code's own source, which the engine fills in.
    assert rule.docs and all(url.startswith("https://") or url == documented.SOURCE
                             for url in rule.docs)
    for fix in rule.fixes:
        assert fix.title.strip()


@pytest.mark.parametrize("rule", REGISTRY, ids=_ids)
def test_rule_has_an_example_with_a_source(rule: Rule) -> None:
    assert rule.examples
    for example in rule.examples:
        assert example.source.startswith("https://")
        assert diagnose(DiagnoseParams.model_validate(example.params())).rule == rule.code


@pytest.mark.parametrize("rule", REGISTRY, ids=_ids)
def test_rule_has_a_recorded_fixture(rule: Rule) -> None:
    assert rule.code in FIXTURE_RULES, f"no file in {FIXTURES} expects {rule.code}"


def _sources(rule: Rule) -> list[str]:
    return [rule.summary, rule.explanation, *rule.all_steps, *(fix.title for fix in rule.fixes),
            *rule.next_step]


# What a translation must carry over from its source: Lisp forms and symbols, keywords,
# snake_case codes and HTTP statuses.
_KEPT = re.compile(r"\(setq [^()]*\)|\bgptel-[\w-]*\w|(?<!\w):[a-z][\w-]*\w|\b[a-z]+_[a-z_]+\b"
                   r"|\b[1-5]\d\d\b")


@pytest.mark.parametrize("rule", REGISTRY, ids=_ids)
def test_rule_is_translated_keeping_every_placeholder(rule: Rule) -> None:
    catalogue = i18n.catalogue("zh")
    for english in _sources(rule):
        translated = catalogue.get(english)
        assert translated, f"{rule.code}: no Chinese for {english[:60]!r}"
        assert set(PLACEHOLDER.findall(english)) == set(PLACEHOLDER.findall(translated)), (
            english, translated)
        assert re.search(r"[\u4e00-\u9fff]", translated), translated


@pytest.mark.parametrize("rule", REGISTRY, ids=_ids)
def test_each_translation_lines_up_with_its_own_source(rule: Rule) -> None:
    # Keyed by the English text, a translation cannot drift to a neighbour's sentence; this
    # checks the pairs themselves: what must survive translation is found in the translation.
    for english in _sources(rule):
        translated = i18n.gettext("zh", english)
        for kept in _KEPT.findall(english):
            assert kept in translated, f"{rule.code}: {kept!r} lost in {translated!r}"


def test_reordered_steps_keep_their_own_translations() -> None:
    rule = next(r for r in REGISTRY if len(set(r.steps)) >= 2)
    swapped = replace(rule, steps=tuple(reversed(rule.steps)))
    assert i18n.rule_text("zh", swapped).steps == tuple(
        reversed(i18n.rule_text("zh", rule).steps))


def test_no_translation_is_stale() -> None:
    # Sources: the rules' texts, and every N_("...") in the code, found as xgettext would
    # (a text marked only when its function runs is found all the same).
    sources = {text for rule in REGISTRY for text in _sources(rule)} | set(marked())
    assert sources >= i18n.MARKED
    stale = set(i18n.catalogue("zh")) - sources
    assert not stale, sorted(stale)[:5]


def test_a_marker_around_anything_but_a_literal_is_refused(tmp_path: Path) -> None:
    (tmp_path / "ok.py").write_text('N_("Top up")\ni18n.N_("Top" " up, twice")\n')
    assert marked(tmp_path) == {"Top up": ["ok.py:1"], "Top up, twice": ["ok.py:2"]}
    (tmp_path / "bad.py").write_text("text = 'x'\nN_(text)\n")
    with pytest.raises(ValueError, match=r"bad\.py:2"):
        marked(tmp_path)


@pytest.mark.parametrize("locale", ["en", "zh-CN"])
def test_every_example_renders_fully_in_both_languages(locale: str) -> None:
    for rule in REGISTRY:
        for example in rule.examples:
            params = DiagnoseParams.model_validate({**example.params(), "locale": locale})
            result = diagnose(params)
            text = " ".join([result.summary, result.explanation, *result.steps,
                             *(fix.title for fix in result.fixes)])
            assert not PLACEHOLDER.search(text), (rule.code, text)
            assert "\n" not in result.summary


def test_chinese_locale_gives_chinese_text() -> None:
    rule = BY_CODE["BIL001"]
    result = diagnose(DiagnoseParams.model_validate({**rule.examples[0].params(),
                                                     "locale": "zh_CN.UTF-8"}))
    assert result.locale == "zh"
    assert "ChatGPT" in result.summary and "余额" in result.summary


def test_docs_rules_md_is_generated_from_the_catalogue() -> None:
    assert (ROOT / "docs" / "rules.md").read_text() == markdown()


def test_readme_counts_and_names_come_from_the_catalogue() -> None:
    readme = (ROOT / "README.md").read_text()
    assert readme == with_readme_summary(readme), "README.md is stale: run scripts/gen-docs"
    assert f"It knows {len(REGISTRY)} kinds of failure" in readme
    for name in ("OpenAI", "Anthropic", "llama.cpp", "GPT4All"):
        assert name in provider_names()


def test_the_chinese_readme_counts_come_from_the_catalogue() -> None:
    readme = (ROOT / "README.zh-CN.md").read_text()
    assert readme == with_readme_summary(readme, "zh"), "README.zh-CN.md is stale: scripts/gen-docs"
    assert f"它能识别 {len(REGISTRY)} 种失败" in readme


# What a reader types or sets: the scripts, the package's commands and options, command-line
# options, and M-x commands.
_NAMED = re.compile(r"(?<![\w./-])(?:scripts/[\w-]+|\.ci/run|gptel-diagnose-[a-z-]*[a-z](?![\w.-])"
                    r"|--[a-z][\w-]*|M-x [\w-]+)")


def test_both_readmes_name_the_same_commands_and_options() -> None:
    english, chinese = ((ROOT / name).read_text() for name in ("README.md", "README.zh-CN.md"))
    assert "[简体中文](README.zh-CN.md)" in english.split("\n\n", 2)[1]
    assert "[English](README.md)" in chinese.split("\n\n", 2)[1]
    named = {name: set(_NAMED.findall(text)) for name, text in (("en", english), ("zh", chinese))}
    assert {"scripts/demo", "scripts/test", "gptel-diagnose-mode"} <= named["en"]
    assert named["en"] - named["zh"] == set(), "README.zh-CN.md lacks these"
    assert named["zh"] - named["en"] == set(), "README.md lacks these"


def test_docs_name_only_functions_that_exist() -> None:
    # A docstring's `module.function` must resolve: the base module once named a missing one.
    reference = re.compile(r"`((?:[a-z_]+\.)+[A-Za-z_]+)`")
    for info in pkgutil.walk_packages(gptel_diagnose.__path__, "gptel_diagnose."):
        module = importlib.import_module(info.name)
        source = Path(module.__file__ or "").read_text()
        for dotted in reference.findall(source):
            head, *rest = dotted.split(".")
            candidates = [f"gptel_diagnose.{head}", f"gptel_diagnose.rules.{head}"]
            base = next((importlib.import_module(c) for c in candidates
                         if importlib.util.find_spec(c) is not None), None)
            if base is None:
                continue  # not one of ours (a gptel variable, a file name, ...)
            target: object = base
            for part in rest:
                assert hasattr(target, part), f"{info.name} names `{dotted}`, which is missing"
                target = getattr(target, part)


def test_fixture_files_are_well_formed() -> None:
    for path in fixture_files():
        data = json.loads(path.read_text())
        assert data["source"].startswith("https://"), path
        assert data["expect"]["category"] in CATEGORIES, path
        assert ("body" in data and "http_status" in data) or "gptel" in data, path


def test_accuracy_report_meets_the_goal_on_the_corpus() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "accuracy.py")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Billing records called rate_limit: 0" in proc.stdout


def test_corpus_records_are_sourced_and_keyless() -> None:
    key = script("batch_check").KEY
    providers = set()
    count = 0
    for path in sorted((ROOT / "tests" / "corpus").glob("*.jsonl")):
        for line in path.read_text().splitlines():
            record = json.loads(line)
            count += 1
            providers.add(record["provider"])
            assert record["source"].startswith("http"), record["id"]
            assert record["label"] in CATEGORIES, record["id"]
            assert not key.search(line), record["id"]
    assert count >= 100 and len(providers) >= 15


def test_fixture_directory_is_not_empty() -> None:
    assert len(fixture_files()) >= len(REGISTRY)


@pytest.mark.parametrize("path", [p for p in Path(FIXTURES).rglob("*.json")],
                         ids=lambda p: p.stem)
def test_fixture_names_its_rule_in_the_catalogue(path: Path) -> None:
    rule = json.loads(path.read_text())["expect"].get("rule")
    assert rule is None or rule in {r.code for r in REGISTRY}
