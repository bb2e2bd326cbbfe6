"""Rules that decide on what the companion knows about the setup, and fixes built from it."""

from __future__ import annotations

from typing import Any

import pytest

from gptel_diagnose.engine import (
    closest_model,
    corrected_backend,
    diagnose,
    free_tier_model,
    smaller_model,
    vertex_global_backend,
)
from gptel_diagnose.facts import read_facts
from gptel_diagnose.protocol import DiagnoseParams, Diagnosis, Fix

from gptel_view import curl_failure, gptel_error

MODEL_404 = {"error": {"message": "The model `gpt-4o-mni` does not exist or you do not have "
                       "access to it.", "type": "invalid_request_error", "param": None,
                       "code": "model_not_found"}}
KEY_401 = {"error": {"message": "Incorrect API key provided: sk-abc***xyz. You can find your "
                     "API key at https://platform.openai.com/account/api-keys.",
                     "type": "invalid_request_error", "param": None,
                     "code": "invalid_api_key"}}
OPENAI = {"name": "ChatGPT", "kind": "openai", "host": "api.openai.com"}


def run(error: dict[str, Any], backend: dict[str, Any] | None = None,
        request: dict[str, Any] | None = None, locale: str = "en") -> Diagnosis:
    return diagnose(DiagnoseParams.model_validate(
        {"error": error, "backend": backend or {}, "request": request or {},
         "locale": locale}))


def params(backend: dict[str, Any], request: dict[str, Any] | None = None,
           error: dict[str, Any] | None = None) -> DiagnoseParams:
    return DiagnoseParams.model_validate(
        {"error": error or {}, "backend": backend, "request": request or {}})


def setq(result: Diagnosis, variable: str) -> Fix | None:
    """RESULT's setq of VARIABLE: a fix naming it with a value (an ask fix has none)."""
    return next((fix for fix in result.fixes if fix.variable == variable and fix.value), None)


def test_missing_model_offers_the_closest_model_the_backend_lists() -> None:
    result = run(gptel_error(404, MODEL_404),
                 {**OPENAI, "models": ["gpt-4.1", "gpt-4o-mini", "o3"]}, {"model": "gpt-4o-mni"})
    fix = setq(result, "gptel-model")
    assert result.rule == "MODEL001"
    assert fix is not None and (fix.value, fix.applicability) == ("'gpt-4o-mini", "unsafe")
    # The companion shows that setq: no second instruction.
    assert result.next_step == ""


def test_missing_model_without_models_offers_no_made_up_model() -> None:
    result = run(gptel_error(404, MODEL_404), OPENAI, {"model": "gpt-4o-mni"})
    assert setq(result, "gptel-model") is None
    assert "gptel-menu" in result.next_step
    # What it offers instead: the companion asks for one of the backend's models.
    assert [(f.variable, f.ask) for f in result.fixes if f.ask] == [
        ("gptel-model", "model"), ("gptel-backend", "backend")]


def test_a_model_the_error_lists_is_offered_when_the_backend_lists_none() -> None:
    facts = read_facts(params(OPENAI, {"model": "llama3"}, {"error": (
        "model 'llama3' is not supported. Available models: llama-3.1-8b-instant, "
        "llama-3.3-70b-versatile, gemma2-9b-it")}))
    assert closest_model(facts) == "llama-3.1-8b-instant"


def test_closest_model_is_never_the_refused_one_nor_unreadable_as_a_symbol() -> None:
    facts = read_facts(params({**OPENAI, "models": ["gpt-4o", "my model (old)", "2.5"]},
                              {"model": "gpt-4o"}))
    assert closest_model(facts) is None


def test_a_model_refused_earlier_in_the_session_is_not_offered_again() -> None:
    # A hand trial: gpt-5 refused, the line offered gpt-4o; gpt-4o refused, it offered gpt-5.
    result = run(gptel_error(404, MODEL_404), {**OPENAI, "models": ["gpt-4o-mini", "gpt-4o",
                                                                    "gpt-5"]},
                 {"model": "gpt-4o", "refused_models": ["gpt-5"]})
    fix = setq(result, "gptel-model")
    assert fix is not None and fix.value == "'gpt-4o-mini"
    # Every other model refused: nothing made up, the companion asks instead.
    facts = read_facts(params({**OPENAI, "models": ["gpt-4o", "gpt-5"]},
                              {"model": "gpt-4o", "refused_models": ["GPT-5"]}))
    assert closest_model(facts) is None


def test_rejected_key_says_where_gptel_got_it() -> None:
    for source, where in (("auth-source", "machine api.openai.com login apikey password KEY"),
                          ("gptel-api-key", "gptel-api-key"),
                          ("string", ":key string"),
                          ("function", "function named by the backend's :key")):
        result = run(gptel_error(401, KEY_401), {**OPENAI, "key_source": source})
        assert result.rule == "AUTH001"
        assert where in result.next_step, (source, result.next_step)


def test_rejected_key_without_its_source_names_every_place_gptel_reads() -> None:
    result = run(gptel_error(401, KEY_401), OPENAI)
    assert result.next_step == ("Change the key in the backend's :key, gptel-api-key, or "
                                "~/.authinfo.")


def test_rejected_key_source_is_said_in_chinese_too() -> None:
    result = run(gptel_error(401, KEY_401), {**OPENAI, "key_source": "auth-source"},
                 locale="zh")
    assert "machine api.openai.com login apikey password KEY" in result.next_step
    assert "更换密钥" in result.next_step


def test_key_whitespace_on_old_gptel_says_upgrade() -> None:
    backend = {**OPENAI, "has_key": True, "key_has_whitespace": True, "key_source": "function"}
    old = run(gptel_error(401, KEY_401), backend, {"gptel_version": "0.9.6"})
    new = run(gptel_error(401, KEY_401), backend, {"gptel_version": "0.9.9.6"})
    assert (old.rule, new.rule) == ("AUTH005", "AUTH003")
    assert "0.9.6" in old.summary and "Upgrade gptel" in old.next_step


def test_key_shaped_like_another_providers_names_that_provider() -> None:
    result = run(gptel_error(401, KEY_401),
                 {**OPENAI, "key_shape": "anthropic", "key_source": "gptel-api-key"})
    assert result.rule == "AUTH006"
    assert "Anthropic" in result.summary and "gptel-api-key" in result.next_step


def test_key_shaped_like_its_own_provider_is_just_rejected() -> None:
    result = run(gptel_error(401, KEY_401), {**OPENAI, "key_shape": "openai"})
    assert result.rule == "AUTH001"


@pytest.mark.parametrize(("backend", "form"), [
    ({"host": "https://api.example.com/v1", "name": "Relay"},
     '(gptel-make-openai "Relay" :host "api.example.com" :protocol "https" '
     ':endpoint "/v1/chat/completions" …)'),
    ({"host": "http://localhost:11434", "type": "gptel-ollama", "name": "Ollama"},
     '(gptel-make-ollama "Ollama" :host "localhost:11434" :protocol "http" …)'),
    ({"host": "localhost:8080", "endpoint": "v1/chat/completions", "protocol": "http"},
     '(gptel-make-openai "NAME" :host "localhost:8080" :protocol "http" '
     ':endpoint "/v1/chat/completions" …)'),
    # No backend type (an older companion, or pasted text): Ollama's own path on Ollama's
    # host is gptel-make-ollama's, and OpenAI's /v1 before it goes.
    ({"host": "localhost:11434", "endpoint": "/v1/api/chat", "protocol": "http",
      "name": "Ollama"},
     '(gptel-make-ollama "Ollama" :host "localhost:11434" :protocol "http" '
     ':endpoint "/api/chat" …)'),
    # Ollama's OpenAI-compatible path stays gptel-make-openai's.
    ({"host": "http://localhost:11434/v1", "name": "Ollama"},
     '(gptel-make-openai "Ollama" :host "localhost:11434" :protocol "http" '
     ':endpoint "/v1/chat/completions" …)'),
])
def test_malformed_host_endpoint_or_protocol_gets_the_corrected_form(
        backend: dict[str, Any], form: str) -> None:
    assert corrected_backend(read_facts(params(backend))) == form


def test_a_well_formed_backend_needs_no_correction() -> None:
    facts = read_facts(params({"host": "api.openai.com", "endpoint": "/v1/chat/completions",
                               "protocol": "https"}))
    assert corrected_backend(facts) is None


VERTEX_404 = {"code": 404, "status": "NOT_FOUND", "message": (
    "Publisher Model `projects/p1/locations/us-central1/publishers/google/models/"
    "gemini-3-pro-preview` was not found or your project does not have access to it.")}
VERTEX_REGIONAL = {"kind": "openai", "name": "Vertex",
                   "host": "us-central1-aiplatform.googleapis.com",
                   "endpoint": "/v1/projects/p1/locations/us-central1/endpoints/openapi/"
                   "chat/completions"}


@pytest.mark.parametrize(("backend", "form"), [
    (VERTEX_REGIONAL,
     '(gptel-make-openai "Vertex" :host "aiplatform.googleapis.com" :endpoint '
     '"/v1/projects/p1/locations/global/endpoints/openapi/chat/completions" …)'),
    # Already global, or not Vertex at all: nothing to move.
    ({**VERTEX_REGIONAL, "host": "aiplatform.googleapis.com"}, None),
    (OPENAI, None),
])
def test_a_regional_vertex_backend_is_moved_to_the_global_location(
        backend: dict[str, Any], form: str | None) -> None:
    assert vertex_global_backend(read_facts(params(backend))) == form


def test_gemini_3_not_found_at_a_vertex_region_shows_the_global_form_not_retired() -> None:
    # It was called retired (MODEL003): the same name answers at locations/global.
    result = run(gptel_error(404, VERTEX_404), VERTEX_REGIONAL,
                 {"model": "google/gemini-3-pro-preview"})
    assert result.rule == "MODEL010"
    assert "retired" not in result.summary
    assert result.next_step.startswith('Redefine the backend as (gptel-make-openai "Vertex" '
                                       ':host "aiplatform.googleapis.com"')
    shown = [fix for fix in result.fixes if fix.command]
    assert [(f.variable, f.applicability) for f in shown[:1]] == [
        ("gptel-backend", "display-only")]
    # Without the backend's host, the step says what to change instead of a form.
    bare = run(gptel_error(404, VERTEX_404))
    assert bare.rule == "MODEL010"
    assert "/locations/global/" in bare.next_step and "(gptel-make" not in bare.next_step
    # At the global location already, the model is not found there: not this rule.
    at_global = {**VERTEX_404, "message": VERTEX_404["message"].replace("us-central1",
                                                                        "global")}
    assert run(gptel_error(404, at_global)).rule != "MODEL010"


def test_a_shut_down_api_host_gets_the_host_that_replaced_it() -> None:
    # Hugging Face's serverless host answers 410 Gone since the router replaced it.
    backend = {"kind": "openai", "name": "HF", "host": "api-inference.huggingface.co",
               "endpoint": "/models/Qwen/Qwen2.5-Coder-32B-Instruct/v1/chat/completions"}
    form = ('(gptel-make-openai "HF" :host "router.huggingface.co" :protocol "https" '
            ':endpoint "/v1/chat/completions" …)')
    assert corrected_backend(read_facts(params(backend))) == form
    result = run(gptel_error(410, "410 Gone"), backend)
    assert result.rule == "ENDP006"
    assert "https://router.huggingface.co/v1/chat/completions" in result.summary
    assert result.next_step == f"Redefine the backend as {form}"
    # The host's failures from when it served are not blamed on it.
    loading = {"error": "Model mistralai/Mistral-7B-v0.1 is currently loading",
               "estimated_time": 20.0}
    assert run(gptel_error(503, loading), backend).rule != "ENDP006"
    # Reached over plain HTTP (through a local tunnel, as the new-user trial did): the new
    # host is HTTPS all the same.
    assert corrected_backend(read_facts(params({**backend, "protocol": "http"}))) == form
    # The router itself is no retired host.
    assert corrected_backend(read_facts(params(
        {**backend, "host": "router.huggingface.co", "endpoint": "/v1/chat/completions"}))) is None


def test_host_with_a_scheme_shows_the_corrected_form_as_display_only() -> None:
    result = run(curl_failure(6), {"kind": "openai", "host": "https://api.example.com",
                                   "name": "Relay"})
    assert result.rule == "CONF001"
    commands = [fix for fix in result.fixes if fix.command]
    assert commands[0].applicability == "display-only"
    assert commands[0].command is not None and ':host "api.example.com"' in commands[0].command
    assert result.next_step.startswith("Redefine the backend as (gptel-make-openai")


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_host_with_a_scheme_step_names_no_sample_host_beside_the_real_form(locale: str) -> None:
    # The details buffer showed "Redefine the backend with :host \"api.example.com\"" next to
    # the fix's (gptel-make-openai "ds" :host "api.deepseek.com" ...): two hosts for one change.
    result = run(curl_failure(6), {"kind": "openai", "host": "https://api.deepseek.com",
                                   "name": "ds"}, locale=locale)
    assert result.rule == "CONF001"
    assert not any("example.com" in step for step in result.steps), result.steps
    assert any(":endpoint" in step and ":protocol" in step for step in result.steps)


@pytest.mark.parametrize(("error", "claimed"), [
    (curl_failure(6), True),
    ({"error": "Could not resolve host: http"}, True),
    # https://github.com/stephenturner/biorecap/issues/3 and a browser's fetch: words that
    # say nothing of the name or URL leave :host out of it.
    ({"error": "[ERROR] Chunk 1: NetworkError when attempting to fetch resource."}, False),
    ({"error": "API error: Connection error."}, False),
])
def test_a_scheme_in_host_is_blamed_only_for_a_failure_it_can_cause(
        error: dict[str, Any], claimed: bool) -> None:
    result = run(error, {"kind": "openai", "host": "http://localhost:11434"})
    assert (result.rule == "CONF001") is claimed, result.rule


def test_a_documented_key_failure_is_not_called_a_missing_key_when_one_was_set() -> None:
    # https://github.com/NousResearch/hermes-agent/issues/2094: MiniMax's 1004 ("login fail:
    # Please carry the API secret key ...") documents a key that did not authenticate; the
    # companion says a key was set, so "carry the key" does not make it a missing one.
    body = {"type": "error", "error": {"type": "authorized_error", "message": "login fail: "
            "Please carry the API secret key in the 'Authorization' field of the request "
            "header (1004)"}}
    backend = {"kind": "minimax", "host": "api.minimax.io"}
    with_key = run(gptel_error(401, body), {**backend, "has_key": True})
    assert (with_key.category, with_key.confidence) == ("auth.invalid_key", "certain")
    without = run(gptel_error(401, body), {**backend, "has_key": False})
    assert without.category == "auth.missing_key"


def test_reset_through_gptel_proxy_names_gptel_proxy() -> None:
    result = run(curl_failure(56), OPENAI,
                 {"use_curl": True, "proxy": True, "proxy_host": "proxy.corp:3128"})
    assert (result.rule, result.category) == ("NET008", "network.proxy")
    assert "gptel-proxy (proxy.corp:3128)" in result.summary
    # The first setq is the one the echo line shows: turn that proxy off, to test.
    first = next(fix for fix in result.fixes if fix.variable)
    assert (first.variable, first.value) == ("gptel-proxy", '""')


def test_reset_through_an_environment_proxy_names_the_variable() -> None:
    result = run(curl_failure(35), OPENAI,
                 {"use_curl": True, "proxy": False, "env_proxy": {"https_proxy": "10.0.0.2:7890"}})
    assert result.category == "network.proxy"
    assert "https_proxy=10.0.0.2:7890" in result.summary
    first = next(fix for fix in result.fixes if fix.variable)
    assert (first.variable, first.value) == ("gptel-curl-extra-args", '\'("--noproxy" "*")')


@pytest.mark.parametrize(("request_", "variable", "value"), [
    ({"use_curl": True, "proxy": True, "proxy_host": "127.0.0.1:7890"}, "gptel-proxy", '""'),
    ({"use_curl": True, "proxy": False, "env_proxy": {"https_proxy": "127.0.0.1:7890"}},
     "gptel-curl-extra-args", '\'("--noproxy" "*")'),
])
def test_a_timeout_through_a_proxy_offers_to_test_past_it(
        request_: dict[str, Any], variable: str, value: str) -> None:
    # A proxy that does not answer (Clash or v2ray not running) shows as curl 28; the line's
    # setq is the one that tests past that proxy, and no fix asks for a proxy to be set.
    result = run(curl_failure(28), OPENAI, request_)
    assert (result.rule, result.category) == ("NET004", "network.timeout")
    first = next(fix for fix in result.fixes if fix.variable)
    assert (first.variable, first.value) == (variable, value)
    assert "127.0.0.1:7890" in first.title
    assert not any(fix.variable == "gptel-proxy" and fix.value is None for fix in result.fixes)


def test_reset_without_any_proxy_is_not_a_proxy_failure() -> None:
    result = run(curl_failure(56), OPENAI, {"use_curl": True, "proxy": False, "env_proxy": {}})
    assert result.category != "network.proxy"


def test_a_name_that_does_not_resolve_is_the_proxys_when_it_is_the_proxys_host() -> None:
    # https://github.com/slippersheepig/chatgpt-web/issues/13 (Go, in Docker): the proxy is
    # host.docker.internal, and it is that name the resolver cannot find.
    text = ("Post \"https://api.openai.com/v1/chat/completions\": proxyconnect tcp: dial tcp: "
            "lookup host.docker.internal on 8.8.8.8:53: no such host")
    through = run({"error": text}, OPENAI, {"proxy": True, "proxy_host": "host.docker.internal"})
    assert (through.rule, through.category) == ("NET008", "network.proxy")
    env = run({"error": "lookup host.docker.internal on 8.8.8.8:53: no such host"}, OPENAI,
              {"env_proxy": {"HTTPS_PROXY": "http://host.docker.internal:7890"}})
    assert env.category == "network.proxy"
    # The provider's own name not resolving, with a proxy set elsewhere, is DNS as before.
    direct = run({"error": "lookup api.openai.com on 8.8.8.8:53: no such host"}, OPENAI,
                 {"proxy": True, "proxy_host": "host.docker.internal"})
    assert direct.category == "network.dns"


def test_proxy_in_the_curl_arguments_counts_as_a_proxy() -> None:
    result = run(curl_failure(52), OPENAI,
                 {"use_curl": True, "curl_extra_args": ["--proxy", "http://10.1.1.1:8080"]})
    assert result.category == "network.proxy"
    assert "--proxy argument in gptel-curl-extra-args" in result.summary


def test_proxy_failure_without_context_names_every_place_a_proxy_is_set() -> None:
    result = run(curl_failure(5), OPENAI, {"use_curl": True})
    assert "gptel-proxy, gptel-curl-extra-args or the https_proxy" in result.summary


def test_url_retrieve_402_is_billing() -> None:
    result = run({"status": "Lisp error", "error": "error in process filter: Somebody wants "
                  "you to give them money"}, {"kind": "deepseek", "host": "api.deepseek.com"},
                 {"use_curl": False})
    assert result.category == "billing.quota_exhausted"
    assert result.next_step.startswith("Add credit at https://")


@pytest.mark.parametrize("reason", ["SAFETY", "PROHIBITED_CONTENT", "RECITATION"])
def test_gemini_finish_reasons_are_content_policy(reason: str) -> None:
    body = {"candidates": [{"finishReason": reason, "index": 0}]}
    result = run(gptel_error(200, body),
                 {"kind": "gemini", "host": "generativelanguage.googleapis.com"})
    assert result.category == "content_policy"


def test_tool_call_parse_failure_names_the_gptel_version_and_turns_tools_off() -> None:
    result = run({"status": "Lisp error", "error": "Unknown tool called by model: :null"},
                 {"kind": "openai", "host": "openrouter.ai"},
                 {"use_tools": True, "gptel_version": "0.9.9.3"})
    assert result.rule == "GPTEL006"
    assert "0.9.9.3" in result.summary
    fix = setq(result, "gptel-use-tools")
    assert fix is not None and fix.value == "nil"


def test_context_rules_are_likely_and_status_rules_guesses() -> None:
    # Perplexity documents no codes: the message pattern alone is likely.
    perplexity = {"kind": "perplexity", "host": "api.perplexity.ai"}
    assert run(gptel_error(401, KEY_401), perplexity).confidence == "likely"
    # OpenAI documents "Incorrect API key provided" at 401: certain.
    assert run(gptel_error(401, KEY_401), OPENAI).confidence == "certain"
    assert run(gptel_error(401, {"error": {"message": "nope"}}), OPENAI).confidence == "guess"


@pytest.mark.parametrize(("emacs", "rule"), [("28.2", "RESP008"), ("30.1", "RESP003")])
def test_empty_streamed_responses_answer_is_emacs_28s_only_there(emacs: str, rule: str) -> None:
    result = run({"status": "Empty response", "http_status": "200"},
                 {"kind": "openai", "type": "gptel-openai-responses", "host": "api.openai.com"},
                 {"stream": True, "emacs_version": emacs})
    assert result.rule == rule
    if rule == "RESP008":
        fix = setq(result, "gptel-stream")
        assert fix is not None and fix.value == "nil"


# Ollama's words when its model runner died (https://github.com/ollama/ollama/issues/14093).
RUNNER_STOPPED = {"error": "model runner has unexpectedly stopped, this may be due to resource "
                           "limitations or an internal error, check ollama server logs for "
                           "details"}
OLLAMA = {"name": "Ollama", "kind": "ollama", "host": "localhost:11434"}


def test_a_crashed_local_runner_offers_a_smaller_model_of_the_backend() -> None:
    result = run(gptel_error(500, RUNNER_STOPPED),
                 {**OLLAMA, "models": ["llama3.3:70b", "qwen2.5:32b", "llama3.1:8b", "mistral"]},
                 {"model": "llama3.3:70b"})
    fix = setq(result, "gptel-model")
    assert (result.rule, result.category) == ("SRV004", "server.overloaded")
    # The nearest name among the smaller ones: a model without a size in its name is no
    # candidate, as nothing says it is smaller.
    assert fix is not None and fix.value == "'llama3.1:8b"
    assert result.next_step == ""


def test_a_crashed_local_runner_sends_to_its_log_not_to_resend() -> None:
    for locale, log in (("en", "log"), ("zh", "日志")):
        result = run(gptel_error(500, RUNNER_STOPPED), OLLAMA, {"model": "llama3.3:70b"}, locale)
        assert result.rule == "SRV004"
        assert setq(result, "gptel-model") is None
        assert "journalctl -u ollama" in result.next_step and log in result.next_step
        assert "Resend" not in result.next_step and "重" not in result.next_step
        assert any(fix.command and fix.command.startswith("journalctl") for fix in result.fixes)


def test_a_smaller_model_is_read_from_the_sizes_the_names_give() -> None:
    def smaller(model: str, models: list[str]) -> str | None:
        facts = read_facts(params({**OLLAMA, "models": models}, {"model": model}))
        return smaller_model(facts)

    assert smaller("mixtral:8x7b", ["llama3.1:8b", "mixtral:8x22b"]) == "llama3.1:8b"
    assert smaller("gemma3n:e4b", ["gemma3n:e2b", "gemma3:12b"]) == "gemma3n:e2b"
    assert smaller("qwen2.5:0.5b", ["qwen2.5:1.5b", "llama3.2:3b"]) is None
    # No size in the refused model's name: nothing to compare with.
    assert smaller("mistral:latest", ["llama3.2:1b"]) is None


# Gemini's 429 for a model its free tier leaves out (continuedev/continue#9996): the answer
# names a retry delay, and no wait lifts a limit of 0.
FREE_TIER_NONE = {"error": {
    "code": 429, "status": "RESOURCE_EXHAUSTED",
    "message": "You exceeded your current quota, please check your plan and billing details.\n"
    "* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier"
    "_requests, limit: 0, model: gemini-2.5-pro\nPlease retry in 447.165279ms."}}
GEMINI = {"name": "Gemini", "kind": "gemini", "host": "generativelanguage.googleapis.com"}


def test_a_model_the_free_tier_leaves_out_offers_a_flash_model_of_the_backend() -> None:
    models = ["gemini-2.5-pro", "gemini-2.5-flash-image", "gemini-2.0-flash", "gemini-2.5-flash"]
    for locale in ("en", "zh"):
        result = run(gptel_error(429, FREE_TIER_NONE), {**GEMINI, "models": models},
                     {"model": "gemini-2.5-pro"}, locale)
        fix = setq(result, "gptel-model")
        assert (result.rule, result.category) == ("RATE006", "rate_limit")
        assert fix is not None and fix.value == "'gemini-2.5-flash"
        # Not "wait and resend": the line says waiting will not help.
        assert not any(f.command == "M-x gptel-diagnose-retry" for f in result.fixes)
    assert "limit: 0" in result.summary and "等待都没有用" in result.summary


def test_without_a_flash_model_the_free_tier_rule_asks_for_one() -> None:
    result = run(gptel_error(429, FREE_TIER_NONE), {**GEMINI, "models": ["gemini-2.5-pro"]},
                 {"model": "gemini-2.5-pro"})
    assert result.rule == "RATE006"
    assert setq(result, "gptel-model") is None
    # The companion asks which model instead.
    assert any(fix.variable == "gptel-model" and fix.ask == "model" for fix in result.fixes)


def test_a_flash_model_is_one_that_answers_chat() -> None:
    def flash(model: str, models: list[str]) -> str | None:
        return free_tier_model(read_facts(params({**GEMINI, "models": models}, {"model": model})))

    assert flash("gemini-2.5-pro", ["gemini-2.5-flash-preview-tts", "gemini-2.5-flash-lite"]) \
        == "gemini-2.5-flash-lite"
    assert flash("gemini-2.5-flash", ["gemini-2.5-flash", "gemini-2.5-pro"]) is None
    assert flash("gemini-2.5-pro", ["gemini-2.5-flash-live", "gemini-embedding-001"]) is None


def test_a_runner_crash_is_read_from_lm_studios_words_too() -> None:
    # LM Studio's words under its 400 (https://github.com/zoofighter/writer-editor-agent/blob/
    # 99fa3c71e80e215a09b92c1c4a1b344654949fd2/docs/08-troubleshooting-lm-studio.md).
    result = run(gptel_error(400, {"error": "The model has crashed without additional "
                                   "information. (Exit code: 11)"}),
                 {"kind": "lmstudio", "host": "localhost:1234"})
    assert (result.rule, result.category) == ("SRV004", "server.overloaded")


def test_a_hosted_providers_memory_error_is_not_a_local_runner() -> None:
    result = run(gptel_error(500, {"error": {"message": "CUDA out of memory",
                                             "type": "server_error"}}), OPENAI)
    assert result.rule != "SRV004"


ANTHROPIC = {"name": "Claude", "kind": "anthropic", "host": "api.anthropic.com"}
CUT = {"error": "API Error: Claude's response exceeded the 32000 output token maximum."}
TOO_LARGE = gptel_error(400, {"type": "error", "error": {
    "type": "invalid_request_error", "message": "max_tokens: 131072 > 64000, which is the "
    "maximum allowed number of output tokens for claude-sonnet-4-20250514"}})


def test_an_answer_cut_at_its_length_asks_anthropic_for_a_larger_number_not_nil() -> None:
    # gptel sends Anthropic max_tokens 4096 when gptel-max-tokens is nil: nil is no "let the
    # model choose" there, and with 32000 set it would cut the answer shorter still.
    for request, wanted in (({"max_tokens": 32000, "max_tokens_source": "global"}, "64000"),
                            ({"max_tokens": 1000, "max_tokens_source": "global"}, "4096"),
                            ({}, "8192")):
        result = run(CUT, ANTHROPIC, request)
        assert result.rule == "RESP014"
        assert [(f.variable, f.value) for f in result.fixes
                if f.variable == "gptel-max-tokens"] == [("gptel-max-tokens", wanted)]
    # Bedrock's default is 500; the longer answer is at least 4096.
    assert setq(run(CUT, {"kind": "bedrock"}), "gptel-max-tokens").value == "4096"


def test_a_longer_answer_stops_at_the_models_own_output_limit() -> None:
    # Anthropic's models overview: Claude 3 Haiku writes at most 4096 tokens, 3.5 Haiku
    # 8192, Opus 4.1 32000, Opus 4.6 128000.  Twice what was sent, but never past that.
    for model, sent, wanted in (("claude-3-5-haiku-20241022", None, "8192"),
                                ("claude-3-5-haiku-20241022", 8000, "8192"),
                                ("claude-opus-4-1-20250805", 8192, "16384"),
                                ("claude-opus-4-1-20250805", 20000, "32000"),
                                ("claude-opus-4-6", 64000, "128000"),
                                ("anthropic/claude-3.5-haiku", 4096, "8192")):
        request = {"model": model} if sent is None else {
            "model": model, "max_tokens": sent, "max_tokens_source": "global"}
        fix = setq(run(CUT, ANTHROPIC, request), "gptel-max-tokens")
        assert fix is not None and fix.value == wanted, (model, sent)
    # Already at the model's limit: no larger number to offer.
    for model, sent in (("claude-3-haiku-20240307", None), ("claude-opus-4-1-20250805", 32000),
                        ("claude-3-5-sonnet-20241022", 8192)):
        request = {"model": model} if sent is None else {
            "model": model, "max_tokens": sent, "max_tokens_source": "global"}
        assert setq(run(CUT, ANTHROPIC, request), "gptel-max-tokens") is None, model
    # Bedrock's names for the same models.
    assert setq(run(CUT, {"kind": "bedrock"}, {"model": "anthropic.claude-3-haiku-20240307-v1:0",
                                                 "max_tokens": 4096}),
                "gptel-max-tokens") is None


def test_an_answer_cut_at_its_length_elsewhere_lets_the_model_choose() -> None:
    result = run(CUT, OPENAI, {"max_tokens": 1000, "max_tokens_source": "global"})
    assert [(f.value, "1000" in f.title) for f in result.fixes
            if f.variable == "gptel-max-tokens"] == [("nil", True)]
    # No number to raise where the length came from :request-params, or was 64000 already.
    for request in ({"max_tokens": 8000, "max_tokens_source": "model"},
                    {"max_tokens": 64000, "max_tokens_source": "global"}):
        assert setq(run(CUT, ANTHROPIC, request), "gptel-max-tokens") is None


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_an_answer_a_local_server_cut_with_no_length_sent_offers_a_number(locale: str) -> None:
    # strands-sglang#2: with no max_tokens sent, SGLang's own default (128 new tokens) cut a
    # thinking model's answer; sending a length fixed it.  nil would change nothing there.
    vllm = {"kind": "vllm", "host": "localhost:8000", "protocol": "http"}
    fixes = [(f.variable, f.value) for f in run(CUT, vllm, {}, locale).fixes
             if f.variable == "gptel-max-tokens"]
    assert fixes == [("gptel-max-tokens", "8192")]
    # With a length sent, nil is the offer as before; at a provider, its default is the
    # model's own limit, which a number would not raise.
    assert [f.value for f in run(CUT, vllm, {"max_tokens": 1000, "max_tokens_source": "global"},
                                 locale).fixes if f.variable == "gptel-max-tokens"] == ["nil"]
    assert setq(run(CUT, OPENAI, {}, locale), "gptel-max-tokens") is None
    assert setq(run(CUT, vllm, {"max_tokens": 1000, "max_tokens_source": "model"}, locale),
                "gptel-max-tokens") is None


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_a_length_too_large_for_claude_offers_gptels_default_by_name(locale: str) -> None:
    result = run(TOO_LARGE, ANTHROPIC, {"max_tokens": 131072, "max_tokens_source": "global"},
                 locale)
    assert result.rule == "PARAM003"
    # The most the refusal states first, then gptel's default by name.
    most, fix = [f for f in result.fixes if f.variable == "gptel-max-tokens"]
    assert most.value == "64000" and fix.value == "nil" and "4096" in fix.title
    # The same refusal from an OpenAI-style backend: nil sends nothing, and the model chooses.
    most, other = [f for f in run(TOO_LARGE, OPENAI, {"max_tokens": 131072}, locale).fixes
                   if f.variable == "gptel-max-tokens"]
    assert most.value == "64000" and other.value == "nil" and "4096" not in other.title


@pytest.mark.parametrize("message, most", [
    ("max_tokens: 131072 > 64000, which is the maximum allowed number of output tokens for "
     "claude-sonnet-4-20250514", "64000"),
    ("Invalid max_tokens value, the valid range of max_tokens is [1, 8192]", "8192"),
    ("max_tokens is too large: 100000. This model supports at most 16384 completion tokens, "
     "whereas you provided 100000.", "16384"),
    ("`max_tokens` must be less than or equal to `8192`, the maximum value for `max_tokens` is "
     "less than the `context_window` for this model", "8192"),
    # A gateway's schema check (OmniRoute, zod).
    ("[400]: Invalid request error. HINT: Validation error: Too big: expected number to be "
     "<=200000 at \"params.max_tokens\"", "200000")])
def test_a_length_refused_as_too_large_offers_the_most_the_refusal_states(
        message: str, most: str) -> None:
    error = gptel_error(400, {"error": {"message": message, "type": "invalid_request_error"}})
    result = run(error, OPENAI, {"max_tokens": 250000, "max_tokens_source": "global"})
    assert result.rule == "PARAM003"
    assert next(f.value for f in result.fixes if f.variable == "gptel-max-tokens") == most
    # No number stated, none offered but nil.
    vague = gptel_error(400, {"error": {"message": "max_tokens is invalid"}})
    assert [f.value for f in run(vague, OPENAI, {"max_tokens": 200000}).fixes
            if f.variable == "gptel-max-tokens"] == ["nil"]


def test_gptels_default_length_is_offered_only_where_it_is_shorter() -> None:
    # Anthropic's "input length and `max_tokens` exceed context limit": nil reserves 4096.
    over = gptel_error(400, {"type": "error", "error": {
        "type": "invalid_request_error", "message": "input length and `max_tokens` exceed "
        "context limit: 180000 + 32000 > 200000, decrease input length or `max_tokens` and "
        "try again"}})
    result = run(over, ANTHROPIC, {"max_tokens": 32000, "max_tokens_source": "global"})
    assert result.category == "request.context_length"
    fix = setq(result, "gptel-max-tokens")
    assert fix is not None and fix.value == "nil" and "4096" in fix.title
    # With 2000 reserved, nil would reserve more: not offered; nor "stop reserving".
    assert setq(run(over, ANTHROPIC, {"max_tokens": 2000, "max_tokens_source": "global"}),
                "gptel-max-tokens") is None
    # A length refused as too large, below gptel's default already: nil is no way down.
    assert setq(run(TOO_LARGE, ANTHROPIC, {"max_tokens": 3000, "max_tokens_source": "global"}),
                "gptel-max-tokens") is None


def test_a_length_below_the_thinking_budget_is_raised_not_refused_as_too_large() -> None:
    below = gptel_error(400, {"type": "error", "error": {
        "type": "invalid_request_error",
        "message": "`max_tokens` must be greater than `thinking.budget_tokens`"}})
    result = run(below, ANTHROPIC)
    assert result.rule == "PARAM016"
    fix = setq(result, "gptel-max-tokens")
    assert fix is not None and fix.value == "8192"
    # Through an OpenAI-style relay, nil sends no length at all.
    relayed = setq(run(below, OPENAI, {"max_tokens": 2000, "max_tokens_source": "global"}),
                   "gptel-max-tokens")
    assert relayed is not None and relayed.value == "nil"
