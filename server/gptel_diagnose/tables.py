"""The tables the Emacs companion keeps its own copy of, generated from the server's sources.

`gptel-diagnose-server --elisp-tables` (run by scripts/gen-docs) prints
elisp/gptel-diagnose-tables.el; scripts/test fails when the file is stale.  It holds:

- the settable-variable allowlist (settable.json), which the companion enforces whatever
  the server says;
- what an HTTP status alone means, as the server says it when it knows nothing else (the
  statuses of the generic rules in rules/fallback.py), for the line the companion shows
  when the server is missing;
- what each curl exit code means (curl.py), for the same line;
- gptel's own words for an answer it could not read (facts.py), which that line does not
  quote as the provider's reason;
- the usual environment variable of each provider's key (providers/), for the curl replay;
- the documented key prefixes that name one provider (providers/), so the companion can say
  whose key a backend holds without sending the key.
"""

from __future__ import annotations

import json
import re

from . import curl, i18n
from .engine import STAND_INS, diagnose
from .facts import GPTEL_UNREAD
from .protocol import DiagnoseParams
from .providers import PROVIDERS
from .rules import fallback
from .rules.base import SETTABLE_FILE

LOCALES = ("en", "zh")


def settable() -> list[str]:
    """The settable variables, in the order settable.json lists them."""
    with open(SETTABLE_FILE, encoding="utf-8") as file:
        names: list[str] = json.load(file)["settable"]
    return names


def ask_variables() -> dict[str, str]:
    """The variable each kind of ask fix names, as settable.json lists them."""
    with open(SETTABLE_FILE, encoding="utf-8") as file:
        kinds: dict[str, str] = json.load(file)["ask"]
    return kinds


def generic_statuses() -> list[int]:
    """The HTTP statuses the generic rules name."""
    return sorted({status for rule in fallback.RULES for when in rule.whens
                   for status in (when.wanted("http") or ()) if status is not None})


def status_meaning(status: int, locale: str) -> str:
    """What the server says of a failure that is known only by its HTTP STATUS."""
    params = DiagnoseParams.model_validate({"error": {"http_status": str(status)},
                                            "locale": locale})
    summary = diagnose(params).summary
    # Without the server there is no provider message to quote: leave out its stand-in, in
    # brackets or ending the sentence.
    no_message = re.escape(i18n.gettext(i18n.choose(locale), STAND_INS["message"]))
    summary = re.sub(rf"\s*[(（]{no_message}[)）]|[\s:：]*{no_message}(?=[.。]?$)", "", summary)
    return summary


# A reason no rule reads as more than "the provider said why": it stands where the quoted
# message goes, so the companion can put the real one there.
_REASON_STAND_IN = "Invalid value QQREASONQQ"


def status_meaning_with_reason(status: int, locale: str) -> str | None:
    """What the server says of STATUS when the provider gave a reason, as a format string.

    Only for the statuses whose meaning alone says the provider gave none (GEN400): given
    a reason, the server quotes it (GEN4XX), and the companion can too, with "%s" where
    the reason goes.  None for the others: their meaning holds whatever the reason.
    """
    def rule_and_summary(error: dict[str, str]) -> tuple[str, str]:
        found = diagnose(DiagnoseParams.model_validate({"error": error, "locale": locale}))
        return found.rule, found.summary

    alone, _ = rule_and_summary({"http_status": str(status)})
    rule, summary = rule_and_summary({"http_status": str(status), "error": _REASON_STAND_IN})
    if (alone, rule) != ("GEN400", "GEN4XX") or _REASON_STAND_IN not in summary:
        return None
    return summary.replace("%", "%%").replace(_REASON_STAND_IN, "%s")


def curl_meanings() -> dict[int, tuple[str, str]]:
    """Curl exit code -> (English, Chinese) meaning."""
    return {code: (curl.meaning(code, "en"), curl.meaning(code, "zh")) for code in curl.MEANINGS}


def key_envs() -> dict[str, str]:
    """Provider kind -> the environment variable its key usually lives in."""
    return {provider.kind: provider.key_env for provider in PROVIDERS if provider.key_env}


def key_prefixes() -> list[tuple[str, str]]:
    """(prefix, provider kind) for every key prefix that names one provider, longest first.

    A prefix several providers document ("sk-") or that begins another provider's prefix
    names nobody: an "sk-" key may be OpenAI's, DeepSeek's or Moonshot's.
    """
    owners: dict[str, set[str]] = {}
    for provider in PROVIDERS:
        for prefix in provider.key_prefixes:
            owners.setdefault(prefix, set()).add(provider.kind)
    distinctive = [
        (prefix, next(iter(kinds))) for prefix, kinds in owners.items()
        if len(kinds) == 1 and not any(
            other != prefix and other.startswith(prefix) and owners[other] != kinds
            for other in owners)]
    return sorted(distinctive, key=lambda row: (-len(row[0]), row[0]))


def _string(text: str) -> str:
    # A JSON string is an Elisp string once \u escapes are avoided (ensure_ascii=False).
    return json.dumps(text, ensure_ascii=False)


def _alist(name: str, doc: str, rows: dict[int, tuple[str, str]]) -> str:
    body = "\n    ".join(f"({key} {_string(en)} . {_string(zh)})" for key, (en, zh) in rows.items())
    return f"(defconst {name}\n  '({body})\n  {_string(doc)})\n"


_REASON_DOC = ("What a status means when the provider said why: (STATUS ENGLISH . CHINESE).\n"
               "Each is a format string: the provider's reason goes where %s is.")

_FIRST_LINE = (";;; gptel-diagnose-tables.el --- Tables gptel-diagnose shares with its server"
               "  -*- lexical-binding: t -*-\n")


def elisp() -> str:
    """The text of elisp/gptel-diagnose-tables.el."""
    statuses = {status: (status_meaning(status, "en"), status_meaning(status, "zh"))
                for status in generic_statuses()}
    with_reason = {status: (en, zh) for status in generic_statuses()
                   if (en := status_meaning_with_reason(status, "en"))
                   and (zh := status_meaning_with_reason(status, "zh"))}
    variables = "\n    ".join(settable())
    asks = "\n    ".join(f"({_string(kind)} . {variable})"
                          for kind, variable in ask_variables().items())
    envs = "\n    ".join(f"({_string(kind)} . {_string(env)})" for kind, env in key_envs().items())
    prefixes = "\n    ".join(f"({_string(prefix)} . {_string(kind)})"
                              for prefix, kind in key_prefixes())
    unread = "\n    ".join(_string(words) for words in GPTEL_UNREAD)
    return _FIRST_LINE + f"""\

;; Copyright (C) 2026 The gptel-diagnose authors

;; Author: The gptel-diagnose authors
;; URL: https://github.com/gptel-diagnose/gptel-diagnose

;; This file is not part of GNU Emacs.

;; This program is free software; you can redistribute it and/or modify
;; it under the terms of the GNU General Public License as published by
;; the Free Software Foundation, either version 3 of the License, or
;; (at your option) any later version.

;; This program is distributed in the hope that it will be useful,
;; but WITHOUT ANY WARRANTY; without even the implied warranty of
;; MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
;; GNU General Public License for more details.

;; You should have received a copy of the GNU General Public License
;; along with this program.  If not, see <https://www.gnu.org/licenses/>.

;;; Commentary:

;; GENERATED: do not edit.  `gptel-diagnose-server --elisp-tables'
;; (scripts/gen-docs) writes this file from the server's sources:
;; server/gptel_diagnose/settable.json, the generic rules of
;; rules/fallback.py, curl.py, gptel's own words in facts.py and the
;; provider records.  The companion keeps its own copy so that it
;; refuses any other variable whatever the server says, and can say
;; what a failure means when the server is missing.

;;; Code:

(defconst gptel-diagnose--settable-variables
  '({variables})
  "The gptel options a fix may set.  Anything else the server names is refused.")

(defconst gptel-diagnose--ask-variables
  '({asks})
  "The variable each kind of ask fix sets, as (KIND . VARIABLE).
The user gives the value when the fix is applied; no other ask is
heeded, and an ask fix naming another variable is refused.")

{_alist("gptel-diagnose--status-meanings",
        "What an HTTP status alone means, as (STATUS ENGLISH . CHINESE).", statuses)}
{_alist("gptel-diagnose--status-reason-meanings", _REASON_DOC, with_reason)}
{_alist("gptel-diagnose--curl-meanings",
        "What a curl exit code means, as (CODE ENGLISH . CHINESE).", curl_meanings())}
(defconst gptel-diagnose--key-envs
  '({envs})
  "The usual environment variable of each provider kind's key.")

(defconst gptel-diagnose--key-prefixes
  '({prefixes})
  "How a provider kind's keys begin, longest first.
Only prefixes that name one provider: a bare sk- names nobody.")

(defconst gptel-diagnose--gptel-unread
  '({unread})
  "The words gptel puts where the provider's go, for an answer it could not read.")

(provide 'gptel-diagnose-tables)
;;; gptel-diagnose-tables.el ends here
"""
