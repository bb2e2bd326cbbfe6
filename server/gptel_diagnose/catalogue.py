"""The catalogue as documentation: `rules`, `explain` and docs/rules.md, from the rule data."""

from __future__ import annotations

import json

from . import i18n
from .protocol import Fix, ParamsError, RuleDoc, RuleExample, RuleList, RuleSummary
from .rules import BY_CODE, REGISTRY
from .rules.base import Rule


def rule_list(locale: str | None) -> RuleList:
    chosen = i18n.choose(locale)
    return RuleList(
        rules=[
            RuleSummary(code=r.code, name=r.name, category=r.category,
                        providers=list(r.providers),
                        summary=i18n.rule_text(chosen, r).summary)
            for r in REGISTRY
        ]
    )


def _markdown(rule: Rule, texts: i18n.RuleText) -> str:
    lines = [
        f"## {rule.code} `{rule.name}`",
        "",
        f"- Category: `{rule.category}`",
        f"- Providers: {', '.join(rule.providers)}",
        f"- Severity: {rule.severity}; retryable: {'yes' if rule.retryable else 'no'}",
        "",
        "### What it detects",
        "",
        texts.summary,
        "",
        "### Why it happens",
        "",
        texts.explanation,
        "",
        "### Steps",
        "",
        *(f"{n}. {step}" for n, step in enumerate(texts.steps, 1)),
        "",
        "### Fixes",
        "",
    ]
    if not rule.fixes:
        lines.append("None: the steps above are the remedy.")
    for index, fix in enumerate(rule.fixes):
        detail = (f" `(setq {fix.variable} {fix.value})`" if fix.variable else "") + (
            f" `{fix.command}`" if fix.command else "") + (f" <{fix.url}>" if fix.url else "")
        lines.append(f"- {texts.fix_title(index, fix.title)} ({fix.applicability}){detail}")
    lines += ["", "### Example", ""]
    for example in rule.examples:
        lines += ["```json", json.dumps(example.params(), indent=2, ensure_ascii=False), "```",
                  f"Source: <{example.source}>", ""]
    lines += ["### References", "", *(f"- <{url}>" for url in rule.docs), ""]
    return "\n".join(lines)


def explain(code: str, locale: str | None) -> RuleDoc:
    rule = BY_CODE.get(code.strip().upper())
    if rule is None:
        raise ParamsError("rule", f"no rule {code!r}")
    texts = i18n.rule_text(i18n.choose(locale), rule)
    return RuleDoc(
        code=rule.code,
        name=rule.name,
        category=rule.category,
        providers=list(rule.providers),
        severity=rule.severity,
        retryable=rule.retryable,
        summary=texts.summary,
        explanation=texts.explanation,
        steps=list(texts.steps),
        fixes=[
            Fix(title=texts.fix_title(i, f.title), applicability=f.applicability,
                    variable=f.variable, value=f.value, command=f.command, url=f.url)
            for i, f in enumerate(rule.fixes)
        ],
        docs=list(rule.docs),
        examples=[RuleExample(params=e.params(), source=e.source) for e in rule.examples],
        markdown=_markdown(rule, texts),
    )


def markdown(locale: str = "en") -> str:
    """docs/rules.md: every rule, in catalogue order."""
    header = [
        "# gptel-diagnose rules",
        "",
        "Generated from the rule catalogue (`server/gptel_diagnose/rules/`) by "
        "`gptel-diagnose-server --rules-doc`; do not edit by hand.",
        "",
        "Texts use placeholders ({provider}, {model}, {host}, {wait}, ...) that are filled in "
        "from the failed request.",
        "",
        "| Code | Name | Category | Providers |",
        "|---|---|---|---|",
        *(f"| [{r.code}](#{r.code.lower()}-{r.name}) | `{r.name}` | `{r.category}` | "
          f"{', '.join(r.providers)} |" for r in REGISTRY),
        "",
    ]
    sections = "\n".join(explain(r.code, locale).markdown for r in REGISTRY)
    return "\n".join(header) + "\n" + sections
