"""The Chinese providers' real failures as gptel-diagnose explains them, in both languages.

    scripts/providers-table [CORPUS.jsonl]

One row per record of tests/corpus/providers-cn.jsonl (default): the provider, the payload
and its source, the labelled category and the one diagnosed, the provider as named in each
language, the provider's console (or billing) page when the diagnosis links it, and the
summary in English and in Chinese.  Under the table: how many rows have the right category,
the provider named, its page linked and no OpenAI wording, in each language.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "python"))

from gptel_diagnose.engine import diagnose  # noqa: E402
from gptel_diagnose.protocol import DiagnoseParams, Diagnosis  # noqa: E402
from gptel_diagnose.providers import Provider, lookup  # noqa: E402

from gptel_view import corpus_params  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "providers-cn.jsonl"
OPENAI_WORDS = re.compile(r"openai|chatgpt", re.IGNORECASE)
LOCALES = ("en", "zh")


def _cell(text: str, limit: int = 0) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if not limit or len(text) <= limit else text[: limit - 1] + "…"


def _payload(record: dict[str, Any]) -> str:
    body = record.get("body")
    shown = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    status = record.get("http_status")
    return (f"{status} " if status else "") + f"`{_cell(shown, 70)}`"


def _pages(provider: Provider) -> list[str]:
    return [url for url in (provider.console_url, provider.billing_url, provider.keys_url,
                            provider.usage_url) if url]


def _linked(provider: Provider, result: Diagnosis) -> str | None:
    links = [*(fix.url for fix in result.fixes if fix.url), *result.docs]
    return next((url for url in _pages(provider) if url in links), None)


def _named(provider: Provider, result: Diagnosis, locale: str) -> str | None:
    name = provider.name_zh if locale == "zh" and provider.name_zh else provider.name
    return name if name in result.summary + result.explanation else None


def _clean(result: Diagnosis) -> bool:
    said = " ".join([result.summary, result.explanation, *result.steps,
                     *(f.title for f in result.fixes), *(f.url or "" for f in result.fixes),
                     *result.docs])
    return not OPENAI_WORDS.search(said)


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else CORPUS
    records = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    good = dict.fromkeys(LOCALES, 0)
    print("| Provider | Payload (source) | Label | Category | Named (en / zh) | Console page "
          "| Summary (en) | Summary (zh) |")
    print("|---|---|---|---|---|---|---|---|")
    for record in records:
        provider = lookup(record["provider"])
        assert provider is not None, record["id"]
        results = {locale: diagnose(DiagnoseParams.model_validate(
            {**corpus_params(record), "locale": locale})) for locale in LOCALES}
        for locale, result in results.items():
            has_pages = bool(_pages(provider))
            if (result.category == record["label"] and _named(provider, result, locale)
                    and (_linked(provider, result) or not has_pages) and _clean(result)):
                good[locale] += 1
        english, chinese = results["en"], results["zh"]
        category = english.category if english.category == chinese.category else (
            f"{english.category} / {chinese.category}")
        names = " / ".join(_named(provider, results[locale], locale) or "—"
                           for locale in LOCALES)
        page = _linked(provider, english) or ("(none on record)" if not _pages(provider)
                                              else "—")
        print(f"| {provider.kind} | {_payload(record)} ([source]({record['source']})) "
              f"| {record['label']} | {category} ({english.rule}) | {_cell(names)} | {page} "
              f"| {_cell(english.summary)} | {_cell(chinese.summary)} |")
    print()
    for locale in LOCALES:
        print(f"{locale}: {good[locale]}/{len(records)} with the labelled category, the "
              "provider named, its console or billing page linked (where its record has "
              "one) and no OpenAI wording")
    return 0 if all(count == len(records) for count in good.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
