"""The methods the server offers: thin adapters from wire models to pure functions."""

from __future__ import annotations

import logging

from . import __version__
from .engine import diagnose
from .protocol import (
    CATEGORIES,
    BalanceParams,
    BalanceResult,
    CheckParams,
    CheckResult,
    DiagnoseParams,
    Diagnosis,
    ExplainParams,
    InitializeParams,
    InitializeResult,
    RuleDoc,
    RuleList,
    RulesParams,
    ServerInfo,
)
from .rpc import Method

log = logging.getLogger(__name__)


# Two failures that walk the whole catalogue: a transport error, and an HTTP error with a
# JSON body in Chinese, so that catalogue is read too.  The rules compile their patterns on
# first use, which makes a fresh server's first diagnosis some 100 ms slower than the rest;
# the companion starts the server before a failure comes, so this is paid then instead.
_PRIMERS = (
    {"error": {"status": "Curl failure", "error": "Curl failed with exit code 7."},
     "backend": {"kind": "ollama", "host": "localhost:11434"}},
    {"error": {"status": "HTTP/1.1 429 Too Many Requests", "http_status": "429",
               "error": {"message": "You exceeded your current quota.",
                         "type": "insufficient_quota", "code": "insufficient_quota"}},
     "backend": {"kind": "openai", "host": "api.openai.com"}, "locale": "zh"},
)


def _prime() -> None:
    for payload in _PRIMERS:
        try:
            diagnose(DiagnoseParams.model_validate(payload)).model_dump(mode="json")
        except Exception:  # a primer must never cost the user the server
            log.exception("priming the catalogue failed")


def initialize(params: InitializeParams) -> InitializeResult:
    client = params.client_info
    if client is not None and client.version and client.version != __version__:
        # Said on stderr, which the companion keeps in its log; the companion decides
        # from serverInfo whether to offer an upgrade.
        log.warning("version mismatch: client %s %s, server gptel-diagnose %s "
                    "(M-x gptel-diagnose-install-server installs the matching server)",
                    client.name or "gptel-diagnose", client.version, __version__)
    _prime()
    return InitializeResult(
        serverInfo=ServerInfo(name="gptel-diagnose", version=__version__),
        methods=sorted([*METHODS, "shutdown", "exit"]),
        categories=list(CATEGORIES),
    )


def run_diagnose(params: DiagnoseParams) -> Diagnosis:
    return diagnose(params)


def rules(params: RulesParams) -> RuleList:
    from .catalogue import rule_list  # documentation is not needed to diagnose

    return rule_list(params.locale)


def explain(params: ExplainParams) -> RuleDoc:
    from .catalogue import explain as explain_rule

    return explain_rule(params.rule, params.locale)


def check(params: CheckParams) -> CheckResult:
    from .checks import run_check  # sockets, TLS and httpx: only the checkup needs them

    return run_check(params)


def balance(params: BalanceParams) -> BalanceResult:
    from .checks import run_balance

    return run_balance(params)


METHODS: dict[str, Method] = {
    # Network probes take seconds: off the reader thread, so other requests are answered.
    "check": Method(CheckParams, check, background=True),
    "balance": Method(BalanceParams, balance, background=True),
    "initialize": Method(InitializeParams, initialize),
    "diagnose": Method(DiagnoseParams, run_diagnose),
    "rules": Method(RulesParams, rules),
    "explain": Method(ExplainParams, explain),
}
