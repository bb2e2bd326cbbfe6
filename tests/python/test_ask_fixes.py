"""Ask fixes: remedies whose value is the user's to give (a model, the key, another backend,
a proxy).

The server names the variable and what to ask for; the companion asks, and builds the form.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from gptel_diagnose.engine import closest_model, diagnose
from gptel_diagnose.facts import read_facts
from gptel_diagnose.protocol import DiagnoseParams, Diagnosis, Fix
from gptel_diagnose.rules import REGISTRY
from gptel_diagnose.rules.base import ASK_VARIABLES, FixSpec, Rule

from gptel_view import corpus_params, gptel_error

ROOT = Path(__file__).resolve().parents[2]
MODEL_404 = {"error": {"message": "The model `gpt-4o-mni` does not exist or you do not have "
                       "access to it.", "type": "invalid_request_error", "param": None,
                       "code": "model_not_found"}}
OPENAI = {"name": "ChatGPT", "kind": "openai", "host": "api.openai.com"}


def run(error: dict[str, Any], backend: dict[str, Any] | None = None,
        request: dict[str, Any] | None = None, locale: str = "en") -> Diagnosis:
    return diagnose(DiagnoseParams.model_validate(
        {"error": error, "backend": backend or {}, "request": request or {}, "locale": locale}))


def asks(rule: Rule) -> list[str]:
    return [fix.ask for fix in rule.fixes if fix.ask]


def rules_where(predicate: Any) -> list[Rule]:
    return [rule for rule in REGISTRY if predicate(rule)]


# FixSpec: the shapes a fix may take.

@pytest.mark.parametrize(("ask", "variable"), sorted(ASK_VARIABLES.items()))
def test_an_ask_fix_names_its_own_variable_and_no_value(ask: str, variable: str) -> None:
    fix = FixSpec("Ask", "unsafe", variable=variable, ask=ask)  # type: ignore[arg-type]
    assert (fix.variable, fix.value) == (variable, None)


def test_the_ask_variables_are_model_key_backend_proxy_and_cacert() -> None:
    assert ASK_VARIABLES == {"model": "gptel-model", "key": "gptel-api-key",
                             "backend": "gptel-backend", "proxy": "gptel-proxy",
                             "cacert": "gptel-curl-extra-args"}


def test_an_untrusted_certificate_asks_for_the_ca_file_instead_of_a_placeholder_path() -> None:
    # The echo line used to show (setq gptel-curl-extra-args '("--cacert" "/path/to/ca.pem")):
    # a setq no one should apply as it is.
    result = diagnose(DiagnoseParams.model_validate({
        "error": {"status": "Curl failure",
                  "error": "Curl failed with exit code 60. See Curl manpage for details."},
        "backend": {"kind": "openai", "host": "llm.corp.example:8443"},
        "request": {"use_curl": True}}))
    assert result.rule == "NET006"
    assert all("/path/to" not in (fix.value or "") for fix in result.fixes)
    assert [(fix.ask, fix.variable, fix.value) for fix in result.fixes] == [
        ("cacert", "gptel-curl-extra-args", None)]
    assert "gptel-diagnose-apply-fix" in result.next_step


@pytest.mark.parametrize("spec", [
    {"variable": "gptel-model", "value": "'gpt-4o", "ask": "model"},      # a value as well
    {"variable": "gptel-backend", "ask": "model"},                        # another's variable
    {"variable": "gptel-stream", "ask": "model"},
    {"ask": "key"},                                                       # no variable
    {"variable": "gptel-api-key", "ask": "password"},                     # no such ask
    {"variable": "shell-file-name", "ask": "backend"},
])
def test_an_ask_fix_of_any_other_shape_is_refused(spec: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        FixSpec("Ask", "unsafe", **spec)  # type: ignore[arg-type]


def test_an_ask_fix_is_never_display_only() -> None:
    with pytest.raises(ValueError, match="not display-only"):
        FixSpec("Ask", "display-only", variable="gptel-model", ask="model")


def test_a_display_only_fix_may_name_gptel_backend_without_a_value() -> None:
    fix = FixSpec("The backend, corrected", "display-only", variable="gptel-backend",
                  command="(gptel-make-openai ...)")
    assert (fix.variable, fix.value, fix.ask) == ("gptel-backend", None, None)


@pytest.mark.parametrize("applicability", ["safe", "unsafe"])
def test_gptel_backend_without_a_value_is_only_shown(applicability: str) -> None:
    with pytest.raises(ValueError, match="display-only"):
        FixSpec("Redefine", applicability, variable="gptel-backend")  # type: ignore[arg-type]


@pytest.mark.parametrize(("variable", "value"), [
    ("gptel-backend", "gptel--openai"),        # a backend is never a literal to set
    ("gptel-api-key", '"sk-abc"'),            # nor is a key
    ("gptel-model", None),                     # a setq still needs its value
])
def test_a_setq_keeps_todays_checks(variable: str, value: str | None) -> None:
    with pytest.raises(ValueError):
        FixSpec("Set", "unsafe", variable=variable, value=value)


def test_the_wire_refuses_a_fix_carrying_a_key() -> None:
    with pytest.raises(ValidationError, match="gptel-api-key"):
        Fix(title="Key", applicability="unsafe", variable="gptel-api-key", value='"sk-abc"')


# The rules: where each ask fix is the remedy.

# Not MODEL004: an Azure deployment is named in :endpoint, so another gptel-model does not
# change what Azure is asked for; its fix is the backend's definition.
MODEL_RULES = rules_where(lambda rule: rule.category == "model.not_found"
                          and rule.code != "MODEL004")
KEY_RULES = rules_where(lambda rule: rule.category in ("auth.invalid_key", "auth.missing_key"))
BACKEND_RULES = rules_where(
    lambda rule: rule.category == "billing.quota_exhausted"
    or rule.code in ("PERM001", "PERM002", "SRV001", "SRV003", "GEN5XX", "DOC010"))
FEATURE_RULES = rules_where(lambda rule: rule.code in ("PARAM004", "PARAM005", "STREAM002"))


@pytest.mark.parametrize("rule", MODEL_RULES + FEATURE_RULES, ids=lambda rule: rule.code)
def test_a_model_the_backend_cannot_serve_is_fixed_by_asking_for_another(rule: Rule) -> None:
    # Asking for a model comes first; a model that is another backend's (a Claude model sent
    # to OpenAI) may also be fixed by switching backend, never by a key.
    assert asks(rule)[0] == "model"
    assert set(asks(rule)) <= {"model", "backend"}


def test_every_kind_of_model_not_found_asks_for_a_model() -> None:
    # The documented-code rule and gptel's own warning are among them.
    assert {"DOC006", "GPTEL004", "MODEL001", "MODEL002", "MODEL003"} <= {
        rule.code for rule in MODEL_RULES}


@pytest.mark.parametrize("rule", [rule for rule in REGISTRY
                                  if rule.category == "model.not_found"
                                  and any(fix.variable == "gptel-model" and fix.value
                                          for fix in rule.fixes)], ids=lambda rule: rule.code)
def test_the_closest_model_comes_before_asking_for_one(rule: Rule) -> None:
    order = [fix.ask or fix.value for fix in rule.fixes if fix.variable == "gptel-model"]
    assert order == ["'{closest_model}", "model"]


@pytest.mark.parametrize("rule", KEY_RULES, ids=lambda rule: rule.code)
def test_a_rejected_or_missing_key_is_fixed_by_asking_for_it(rule: Rule) -> None:
    # A key shaped like another provider's may be right for that provider's backend
    # (reports-bs: an OpenRouter key sent to OpenAI, fixed by switching gptel-backend).
    # A local Ollama not signed in to ollama.com lacks the server's sign-in, not a key gptel
    # sends: a local model is what gptel can change (reports-cs).  A key sent beside a second
    # credential is right: the backend's definition is what changes (AUTH010).
    expected = {"AUTH006": ["key", "backend"], "AUTH009": ["model"], "AUTH010": ["backend"]}
    assert asks(rule) == expected.get(rule.code, ["key"])


@pytest.mark.parametrize("rule", BACKEND_RULES, ids=lambda rule: rule.code)
def test_a_backend_that_cannot_serve_is_fixed_by_switching_backend(rule: Rule) -> None:
    assert "backend" in asks(rule)
    titles = [fix.title for fix in rule.fixes]
    assert "Switch model or backend for now (M-x gptel-menu)" not in titles


@pytest.mark.parametrize("code", ["CONF001", "CONF008"])
def test_the_corrected_backend_form_names_gptel_backend_and_is_only_shown(code: str) -> None:
    (rule,) = rules_where(lambda rule: rule.code == code)
    shown = [fix for fix in rule.fixes if fix.command == "{backend_form}"]
    assert [(f.variable, f.value, f.applicability) for f in shown] == [
        ("gptel-backend", None, "display-only")]


def test_a_model_not_found_without_a_close_name_asks_and_keeps_its_next_step() -> None:
    # :models lists only the refused name (the typo is in the definition): no other to offer.
    models = {**OPENAI, "models": ["gpt-4o-mni"]}
    assert closest_model(read_facts(DiagnoseParams.model_validate(
        {"error": gptel_error(404, MODEL_404), "backend": models,
         "request": {"model": "gpt-4o-mni"}}))) is None
    result = run(gptel_error(404, MODEL_404), models, {"model": "gpt-4o-mni"})
    assert [(f.variable, f.value, f.ask) for f in result.fixes if f.variable] == [
        ("gptel-model", None, "model"), ("gptel-backend", None, "backend")]
    # An ask fix is no setq: the echo line still ends with a step to take.
    assert result.next_step and "gptel-menu" in result.next_step


def test_a_model_not_found_with_a_close_name_offers_it_first_then_asks() -> None:
    result = run(gptel_error(404, MODEL_404), {**OPENAI, "models": ["gpt-4o-mini", "o3"]},
                 {"model": "gpt-4o-mni"})
    assert [(f.value, f.ask) for f in result.fixes if f.variable == "gptel-model"] == [
        ("'gpt-4o-mini", None), (None, "model")]
    assert result.next_step == ""


def test_a_rejected_key_asks_for_the_key_and_still_says_where_it_lives() -> None:
    result = run(gptel_error(401, {"error": {
        "message": "Incorrect API key provided: sk-abc***xyz.", "type": "invalid_request_error",
        "code": "invalid_api_key"}}), {**OPENAI, "key_source": "auth-source"})
    assert result.category == "auth.invalid_key"
    assert [(f.variable, f.value) for f in result.fixes if f.ask == "key"] == [
        ("gptel-api-key", None)]
    assert "authinfo" in result.next_step


def test_ask_fixes_read_in_chinese() -> None:
    result = run(gptel_error(404, MODEL_404), OPENAI, {"model": "gpt-4o-mni"}, locale="zh")
    fixes = [f for f in result.fixes if f.ask]
    assert [f.ask for f in fixes] == ["model", "backend"]
    for fix in fixes:
        assert fix.title not in ("Choose another model of this backend",
                                 "Switch to another backend for now")
        assert any("\u4e00" <= char <= "\u9fff" for char in fix.title)


def test_an_ask_fix_crosses_the_wire_with_its_kind() -> None:
    result = run(gptel_error(404, MODEL_404), OPENAI, {"model": "gpt-4o-mni"})
    wire = result.model_dump(mode="json")
    fix = next(f for f in wire["fixes"] if f["ask"])
    assert (fix["ask"], fix["variable"], fix["value"]) == ("model", "gptel-model", None)


def _every_diagnosis() -> list[Diagnosis]:
    cases = [example.params() for rule in REGISTRY for example in rule.examples]
    for path in sorted((ROOT / "tests" / "corpus").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                cases.append(corpus_params(json.loads(line)))
    return [diagnose(DiagnoseParams.model_validate({**case, "locale": locale}))
            for case in cases for locale in ("en", "zh")]


def test_no_fix_ever_carries_a_value_for_the_key() -> None:
    diagnoses = _every_diagnosis()
    key_fixes = [fix for result in diagnoses for fix in result.fixes
                 if fix.variable == "gptel-api-key"]
    assert key_fixes, "no diagnosis asked for the key: the test would prove nothing"
    assert all(fix.value is None and fix.ask == "key" for fix in key_fixes)
    assert all(fix.value is None for result in diagnoses for fix in result.fixes if fix.ask)


# A proxy: asked for where a route may be blocked, never offered where it cannot help.

TIMEOUT = {"status": "Curl failure", "error": "Curl failed with exit code 28."}
REFUSED = {"status": "Curl failure", "error": "Curl failed with exit code 7."}


def proxy_asks(result: Diagnosis) -> list[Fix]:
    return [fix for fix in result.fixes if fix.ask == "proxy"]


@pytest.mark.parametrize("error", [TIMEOUT, REFUSED])
def test_a_remote_host_reached_with_no_proxy_is_offered_one_to_type(
        error: dict[str, str]) -> None:
    result = run(error, OPENAI, {"use_curl": True, "proxy": False})
    [fix] = proxy_asks(result)
    assert (fix.variable, fix.value, fix.applicability) == ("gptel-proxy", None, "unsafe")
    assert "api.openai.com" in fix.title
    assert "通过代理访问 api.openai.com" in [
        f.title for f in proxy_asks(run(error, OPENAI, {"use_curl": True}, locale="zh"))]


@pytest.mark.parametrize(("backend", "host"), [
    ({"kind": "openai"}, "api.openai.com"),
    ({"kind": "gemini"}, "generativelanguage.googleapis.com"),
])
def test_a_backend_with_no_host_is_offered_a_proxy_to_its_providers(
        backend: dict[str, str], host: str) -> None:
    # gptel-make-openai and gptel-make-gemini fill in their provider's host when :host is
    # not given; so does the server.  A report that names only the provider:
    # https://github.com/zhaomaoniu/nonebot-plugin-gemini/issues/1 (a timeout from China,
    # fixed with a proxy).
    [fix] = proxy_asks(run(TIMEOUT, backend, {"use_curl": True}))
    assert host in fix.title
    assert proxy_asks(run(TIMEOUT, {"kind": "ollama"}, {"use_curl": True})) == []


@pytest.mark.parametrize(("backend", "request_"), [
    # A local server, a machine on the LAN, a one-label name: no proxy stands between.
    ({"kind": "ollama", "host": "localhost:11434"}, {}),
    ({"kind": "openai", "host": "192.168.1.20:8080"}, {}),
    ({"kind": "openai", "host": "gpu-box:8000"}, {}),
    # A proxy already in the way (it is the suspect, see NET008), or url-retrieve, which
    # ignores gptel-proxy.
    (OPENAI, {"proxy": True, "proxy_host": "127.0.0.1:7890"}),
    (OPENAI, {"env_proxy": {"https_proxy": "127.0.0.1:7890"}, "use_curl": True}),
    (OPENAI, {"use_curl": False}),
])
def test_no_proxy_is_offered_where_one_cannot_help(backend: dict[str, str],
                                                    request_: dict[str, Any]) -> None:
    assert proxy_asks(run(TIMEOUT, backend, request_)) == []


def test_a_region_block_asks_for_a_proxy_instead_of_showing_a_made_up_one() -> None:
    result = run({"status": "HTTP/2 403", "http_status": "403", "error": {
        "code": "unsupported_country_region_territory",
        "message": "Country, region, or territory not supported"}}, OPENAI)
    assert result.rule == "PERM001"
    assert [fix.ask for fix in proxy_asks(result)] == ["proxy"]
    assert all(fix.value is None for fix in result.fixes if fix.variable == "gptel-proxy")


def test_a_bare_400_offers_letting_the_model_choose_the_answer_length_only_when_gptel_set_it(
        ) -> None:
    # https://github.com/open-webui/open-webui/issues/3121: a bare 400 for a request asking
    # gpt-4-turbo for 4097 tokens (its answer limit is 4096).
    bare = {"status": "HTTP/1.1 400 Bad Request", "http_status": "400"}
    offered = run(bare, OPENAI, {"max_tokens": 4097, "max_tokens_source": "global"})
    assert offered.rule == "GEN400"
    fix = next(f for f in offered.fixes if f.variable == "gptel-max-tokens")
    assert (fix.value, fix.applicability) == ("nil", "unsafe") and "4097" in fix.title
    # The log's setq stays first: it is what the echo line shows for a bare 400.
    assert offered.fixes[0].variable == "gptel-log-level"
    assert "4097" in next(f.title for f in run(bare, OPENAI, {"max_tokens": 4097}, "zh").fixes
                          if f.variable == "gptel-max-tokens")
    # Not when gptel sent none, nor when :request-params set it (gptel-max-tokens is not it).
    for request in ({}, {"max_tokens": 4097, "max_tokens_source": "model"}):
        assert all(f.variable != "gptel-max-tokens" for f in run(bare, OPENAI, request).fixes)
