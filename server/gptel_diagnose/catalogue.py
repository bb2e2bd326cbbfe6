"""The catalogue as documentation: `rules`, `explain` and docs/rules.md, from the rule data."""

from __future__ import annotations

import json
import textwrap

from . import i18n
from .protocol import Fix, ParamsError, RuleDoc, RuleExample, RuleList, RuleSummary
from .providers import LOCAL_PORTS, PROVIDERS, display_name, lookup
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


N_ = i18n.N_
# The words of an `explain` page that are not the rule's own.
HEADINGS = {
    "detects": N_("What it detects"),
    "why": N_("Why it happens"),
    "steps": N_("Steps"),
    "fixes": N_("Fixes"),
    "example": N_("Example"),
    "references": N_("References"),
}
CATEGORY = N_("Category: {category}")
PROVIDERS_LINE = N_("Providers: {providers}")
SEVERITY = N_("Severity: {severity}; retryable: {retryable}")
SOURCE = N_("Source: {source}")
NO_FIXES = N_("None: the steps above are the remedy.")
FIX_LINE = N_("{title} ({applicability})")
# What an ask fix asks for before it sets its variable.
ASKS = {"model": N_("sets {variable} to a model you choose"),
        "key": N_("sets the backend's key to one you type, for this session"),
        "backend": N_("sets {variable} to a backend you choose"),
        "proxy": N_("sets {variable} to a proxy address you type"),
        "cacert": N_("adds a CA certificate file you choose to {variable}")}
# Values shown as words: yes/no, the providers "any", severities, fix applicabilities.
WORDS = {"yes": N_("yes"), "no": N_("no"), "any": N_("any"), "error": N_("error"),
         "warning": N_("warning"), "safe": N_("safe"), "unsafe": N_("unsafe"),
         "display-only": N_("display-only")}


def _markdown(rule: Rule, texts: i18n.RuleText, locale: str = "en") -> str:
    def say(text: str, **values: str) -> str:
        return i18n.gettext(locale, text).format(**values)

    def word(text: str) -> str:
        return i18n.gettext(locale, WORDS.get(text, text))

    heading = {key: say(text) for key, text in HEADINGS.items()}
    separator = "、" if locale == "zh" else ", "
    lines = [
        f"## {rule.code} `{rule.name}`",
        "",
        "- " + say(CATEGORY, category=f"`{rule.category}`"),
        "- " + say(PROVIDERS_LINE, providers=separator.join(
            word(p) if p == "any" or locale == "en" else display_name(p)
            for p in rule.providers)),
        "- " + say(SEVERITY, severity=word(rule.severity),
                   retryable=word("yes" if rule.retryable else "no")),
        "",
        f"### {heading['detects']}",
        "",
        texts.summary,
        "",
        f"### {heading['why']}",
        "",
        texts.explanation,
        "",
        f"### {heading['steps']}",
        "",
        *(f"{n}. {step}" for n, step in enumerate(texts.steps, 1)),
        "",
        f"### {heading['fixes']}",
        "",
    ]
    if not rule.fixes:
        lines.append(say(NO_FIXES))
    for index, fix in enumerate(rule.fixes):
        if fix.ask:
            detail = ": " + say(ASKS[fix.ask], variable=f"`{fix.variable}`")
        else:
            detail = (f" `(setq {fix.variable} {fix.value})`" if fix.value else "") + (
                f" `{fix.command}`" if fix.command else "") + (
                f" <{fix.url}>" if fix.url else "")
        lines.append("- " + say(FIX_LINE, title=texts.fix_title(index, fix.title),
                                applicability=word(fix.applicability)) + detail)
    lines += ["", f"### {heading['example']}", ""]
    for example in rule.examples:
        lines += ["```json", json.dumps(example.params(), indent=2, ensure_ascii=False), "```",
                  say(SOURCE, source=f"<{example.source}>"), ""]
    lines += [f"### {heading['references']}", "", *(f"- <{url}>" for url in rule.docs), ""]
    return "\n".join(lines)


def explain(code: str, locale: str | None) -> RuleDoc:
    rule = BY_CODE.get(code.strip().upper())
    if rule is None:
        retired = RETIRED_BY_CODE.get(code.strip().upper())
        if retired is not None:
            raise ParamsError("rule", f"{retired.code} is retired: {_retirement(retired)}")
        raise ParamsError("rule", f"no rule {code!r}")
    chosen = i18n.choose(locale)
    texts = i18n.rule_text(chosen, rule)
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
                    variable=f.variable, value=f.value, command=f.command, url=f.url,
                    ask=f.ask)
            for i, f in enumerate(rule.fixes)
        ],
        docs=list(rule.docs),
        examples=[RuleExample(params=e.params(), source=e.source) for e in rule.examples],
        markdown=_markdown(rule, texts, chosen),
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
        "`scripts/gen-docs`; do not edit by hand.",
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


README_BEGIN = "<!-- rules summary: generated by scripts/gen-docs from the catalogue -->"
README_END = "<!-- end of rules summary -->"
_LANGUAGES = {"en": "English", "zh": "Simplified Chinese"}
_LANGUAGES_ZH = {"en": "英文", "zh": "简体中文"}


def provider_names(locale: str = "en") -> list[str]:
    """Every provider the catalogue knows, hosted then local, by display name (in Chinese,
    by its Chinese name where it has one)."""
    kinds = [p.kind for p in PROVIDERS] + list(LOCAL_PORTS.values())

    def name(kind: str) -> str:
        record = lookup(kind)
        chinese = record.name_zh if record and locale == "zh" else None
        return chinese or display_name(kind)

    return list(dict.fromkeys(name(kind) for kind in kinds))


def readme_summary(locale: str = "en") -> str:
    """The README's paragraph on what the catalogue knows: counts and names from the code.

    LOCALE "zh" gives README.zh-CN.md's, on one line (a line break inside a Chinese
    paragraph would render as a space)."""
    names = provider_names(locale)
    if locale == "zh":
        languages = "和".join(_LANGUAGES_ZH.get(code, code) for code in i18n.LOCALES)
        return (f"它能识别 {len(REGISTRY)} 种失败，覆盖 {len(names)} 个服务商"
                f"（{'、'.join(names)}），以及 curl 的退出码和 gptel 自己的消息，"
                f"支持{languages}。规则目录按规则生效的先后顺序排列，见 "
                "[docs/rules.md](docs/rules.md)。")
    languages = " and ".join(_LANGUAGES.get(code, code) for code in i18n.LOCALES)
    paragraph = (
        f"It knows {len(REGISTRY)} kinds of failure across {len(names)} providers "
        f"({', '.join(names)}), curl's exit codes, and gptel's own messages, in {languages}.  "
        "The catalogue, in the order its rules win, is in [docs/rules.md](docs/rules.md)."
    )
    return textwrap.fill(paragraph, 100, break_on_hyphens=False, break_long_words=False)


def with_readme_summary(readme: str, locale: str = "en") -> str:
    """README (in LOCALE) with the text between its summary markers regenerated."""
    head, begin, rest = readme.partition(README_BEGIN)
    _, end, tail = rest.partition(README_END)
    if not begin or not end:
        raise ValueError(f"README lacks the markers {README_BEGIN} ... {README_END}")
    return f"{head}{begin}\n{readme_summary(locale)}\n{end}{tail}"
