"""The catalogue as documentation: `rules`, `explain` and docs/rules.md, from the rule data."""

from __future__ import annotations

import json

from . import i18n
from .protocol import Fix, ParamsError, RuleDoc, RuleExample, RuleList, RuleSummary
from .rules import BY_CODE, PRECEDENCE, REGISTRY, RETIRED, RETIRED_BY_CODE
from .rules.base import Retired, Rule


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
        retired = RETIRED_BY_CODE.get(code.strip().upper())
        if retired is not None:
            raise ParamsError("rule", f"{retired.code} is retired: {_retirement(retired)}")
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


def _retirement(entry: Retired) -> str:
    return entry.reason + (f"; see {entry.replaced_by}" if entry.replaced_by else "")


def markdown(locale: str = "en") -> str:
    """docs/rules.md: every rule, in precedence order, then the retired codes."""
    order = [(tier, BY_CODE[code]) for tier in PRECEDENCE for code in tier.codes]
    header = [
        "# gptel-diagnose rules",
        "",
        "Generated from the rule catalogue (`server/gptel_diagnose/rules/`) by "
        "`gptel-diagnose-server --rules-doc`; do not edit by hand.",
        "",
        "Texts use placeholders ({provider}, {model}, {host}, {wait}, ...) that are filled in "
        "from the failed request.",
        "",
        "## Precedence",
        "",
        "When several rules match a failure, the one listed first wins "
        "(`rules.PRECEDENCE`). Each tier outranks the next:",
        "",
        *(f"- **{tier.name}**: {tier.about}" for tier in PRECEDENCE),
        "",
        "| # | Code | Name | Tier | Category | Providers |",
        "|---|---|---|---|---|---|",
        *(f"| {n} | [{r.code}](#{r.code.lower()}-{r.name}) | `{r.name}` | {tier.name} | "
          f"`{r.category}` | {', '.join(r.providers)} |" for n, (tier, r) in enumerate(order, 1)),
        "",
        "## Retired codes",
        "",
        "A code taken out of the catalogue is listed here and never given to another rule.",
        "",
        *([f"- {entry.code}: {_retirement(entry)}" for entry in RETIRED] or ["None yet."]),
        "",
    ]
    sections = "\n".join(explain(r.code, locale).markdown for r in REGISTRY)
    return "\n".join(header) + "\n" + sections
