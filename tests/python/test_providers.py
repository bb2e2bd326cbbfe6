"""Provider records: well-formed, identified in order, and their documented codes real."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path
from typing import Any

import pytest

import gptel_diagnose.providers as registry
from gptel_diagnose.engine import diagnose
from gptel_diagnose.facts import read_facts
from gptel_diagnose.protocol import CATEGORIES, DiagnoseParams
from gptel_diagnose.providers import (
    API_HOSTS,
    LOCAL_PORTS,
    PROVIDERS,
    START_COMMANDS,
    Provider,
    identified,
    identify,
    lookup,
    misspelt_host,
    provider_for_host,
)

from gptel_view import corpus_params

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "provider-error-samples.jsonl"
# The sample file names providers as people do; the records by kind.
KINDS = {"OpenAI": "openai", "Azure OpenAI": "azure", "Anthropic": "anthropic",
         "Google Gemini": "gemini", "Ollama (native)": "ollama", "OpenRouter": "openrouter",
         "DeepSeek": "deepseek", "Groq": "groq", "Mistral": "mistral", "xAI": "xai",
         "Perplexity": "perplexity", "Together AI": "together", "GitHub Copilot": "copilot",
         "AWS Bedrock": "bedrock", "llama.cpp server": "llamacpp", "vLLM": "vllm",
         "LM Studio": "lmstudio", "Ollama (OpenAI-compatible)": "ollama"}
CJK = re.compile(r"[\u4e00-\u9fff]")
CODES = [pytest.param(p, c, id=f"{p.kind}:{c.key or c.text or c.http}")
         for p in PROVIDERS for c in p.codes]


def sample(provider: str, contains: str) -> dict[str, Any]:
    """The one recorded sample of PROVIDER whose body contains CONTAINS."""
    found = [record for line in SAMPLES.read_text().splitlines()
             if (record := json.loads(line))["provider"] == provider
             and contains in json.dumps(record["body"])]
    assert len(found) == 1, f"{len(found)} samples of {provider} contain {contains!r}"
    return found[0]


def documented_category(record: dict[str, Any]) -> str | None:
    """What the provider's record says a recorded failure is, read as the engine reads it."""
    kind = KINDS[record["provider"]]
    facts = read_facts(DiagnoseParams.model_validate(
        corpus_params({**record, "provider": kind})))
    provider = lookup(kind)
    assert provider is not None
    code = provider.documented(facts.codes, facts.http, facts.text)
    return code.category if code else None


@pytest.mark.parametrize("provider", PROVIDERS, ids=lambda p: p.kind)
def test_hosts_pattern_matches_every_api_host(provider: Provider) -> None:
    for host in provider.api_hosts:
        assert re.search(provider.hosts, host, re.IGNORECASE), host
        assert provider_for_host(host) == provider.kind


def test_kinds_are_unique_and_every_record_file_is_registered() -> None:
    assert len({p.kind for p in PROVIDERS}) == len(PROVIDERS)
    modules = [m.name for m in pkgutil.iter_modules(registry.__path__) if m.name != "record"]
    for name in modules:
        record = importlib.import_module(f"gptel_diagnose.providers.{name}").RECORD
        assert record in PROVIDERS, f"providers/{name}.py has no line in PROVIDERS"


@pytest.mark.parametrize(("provider", "code"), CODES)
def test_every_code_is_sourced_categorised_and_translated(provider: Provider, code: Any) -> None:
    assert code.source.startswith("https://")
    assert code.category in CATEGORIES
    assert code.meaning.strip() and "\n" not in code.meaning
    assert CJK.search(code.meaning_zh) and "\n" not in code.meaning_zh
    assert code.key == code.key.lower()
    assert code.key or code.text or code.http, "a code must have something to match"
    # A provider that publishes no error table is cited through a public report instead.
    assert (provider.errors_url or "").startswith("https://") or "github.com/" in code.source


def test_two_spellings_of_one_code_are_read_alike() -> None:
    """A code documented in two spellings ("AccessDenied", "access_denied") means the same."""
    for provider in PROVIDERS:
        by_spelling: dict[tuple[str, int | None], Any] = {}
        for code in provider.codes:
            if not code.key:
                continue
            spelling = (code.key.replace("_", "").replace(".", ""), code.http)
            twin = by_spelling.setdefault(spelling, code)
            if twin is code or twin.category != code.category:
                continue
            assert (twin.unless, twin.text) == (code.unless, code.text), (
                f"{provider.kind}: {twin.key} and {code.key} are read differently")


@pytest.mark.parametrize("provider", [p for p in PROVIDERS if p.local_port],
                         ids=lambda p: p.kind)
def test_local_server_is_known_by_its_port_and_how_to_start_it(provider: Provider) -> None:
    assert provider.local_port is not None and provider.models is not None
    assert provider_for_host("localhost", provider.local_port) == provider.kind
    assert LOCAL_PORTS[provider.local_port] == provider.kind
    assert START_COMMANDS[provider.kind] == provider.start_command


def test_misspelt_host_names_the_api_host_it_resembles() -> None:
    assert misspelt_host("api.opneai.com") == "api.openai.com"
    assert misspelt_host("api.anthropic.co") == "api.anthropic.com"
    assert misspelt_host("api.openai.com") is None
    assert misspelt_host("relay.example.org") is None


def test_every_api_host_with_a_swapped_ending_is_taken_back_to_it() -> None:
    # Derived from the records: a new record's api_hosts are caught with no other edit.
    for host in API_HOSTS:
        typo = host[:-2] + host[-1] + host[-2]
        assert misspelt_host(typo) == host, typo


def test_identify_by_host_beats_kind() -> None:
    found = identify("api.groq.com", "anthropic", "Claude")
    assert found is not None and found.kind == "groq"


def test_nvidia_and_hugging_face_routers_are_known_by_their_hosts() -> None:
    # https://build.nvidia.com (base URL https://integrate.api.nvidia.com/v1) and
    # https://huggingface.co/docs/inference-providers (https://router.huggingface.co/v1).
    nvidia = identify("integrate.api.nvidia.com", "openai", "NIM")
    hf = identify("router.huggingface.co", "openai", "HF")
    assert nvidia is not None and nvidia.kind == "nvidia"
    assert hf is not None and hf.kind == "huggingface"
    assert nvidia.serves_chat("/v1/chat/completions")
    assert hf.serves_chat("/v1/chat/completions")
    # A provider the router fronts, named in the path with the model.
    assert hf.serves_chat("/hf-inference/models/Qwen/Qwen2.5-Coder-32B-Instruct/v1/chat/"
                          "completions")
    assert not hf.serves_chat("/v1/embeddings")


def test_identify_by_kind_beats_name() -> None:
    found = identify("relay.example.org", "anthropic", "Groq")
    assert found is not None and found.kind == "anthropic"


def test_openai_constructor_on_a_relay_is_named_by_its_backend_name() -> None:
    found = identify("relay.example.org", "openai", "Groq")
    assert found is not None and found.kind == "groq"


def test_openai_constructor_with_an_unknown_name_stays_openai() -> None:
    found = identify("relay.example.org", "openai", "My relay")
    assert found is not None and found.kind == "openai"


@pytest.mark.parametrize("host", ["llm.corp.example:8080", "127.0.0.1:18080",
                                  "https://gateway.example.org/v1"])
def test_openai_constructor_on_an_unknown_host_is_called_by_the_backends_name(host: str) -> None:
    # Its codes are OpenAI's (the protocol), but OpenAI is not who answers: the line named
    # "OpenAI's safety filter" for a backend "Corp" (hand trial, stop 36) and sent the user
    # to platform.openai.com for a gateway's billing.
    for locale in ("en", "zh"):
        found = diagnose(DiagnoseParams.model_validate({
            "error": {"status": "HTTP/1.1 429 Too Many Requests", "http_status": "429",
                      "error": {"type": "insufficient_quota", "code": "insufficient_quota",
                                "message": "You exceeded your current quota."}},
            "backend": {"name": "Corp", "kind": "openai", "host": host},
            "locale": locale}))
        assert found.category == "billing.quota_exhausted"
        assert "Corp" in found.summary and "OpenAI" not in found.summary
        # What it tells the user to do; its references may still be OpenAI's code list.
        told = [found.summary, found.explanation, found.next_step, *found.steps,
                *(fix.url or "" for fix in found.fixes)]
        assert not [text for text in told if "openai.com" in text]
        # Its references may name OpenAI's code list only where the rule cites it, not as
        # the answering provider's own pages.
        assert "https://developers.openai.com/docs/guides/error-codes" not in found.docs


@pytest.mark.parametrize(("host", "name"), [("api.openai.com", "Corp"),
                                            ("127.0.0.1:18080", "OpenAI")])
def test_openai_is_named_on_its_host_or_when_the_backend_says_so(host: str, name: str) -> None:
    found = diagnose(DiagnoseParams.model_validate({
        "error": {"status": "HTTP/1.1 400 Bad Request", "http_status": "400",
                  "error": {"code": "content_filter", "status": 400}},
        "backend": {"name": name, "kind": "openai", "host": host}}))
    assert found.category == "content_policy" and "OpenAI" in found.summary


def test_openai_constructor_on_a_local_default_port_is_that_local_server() -> None:
    found = identify("localhost:1234", "openai", "My server")
    assert found is not None and found.kind == "lmstudio"
    found = identify("[::1]:11434", "openai", None)
    assert found is not None and found.kind == "ollama"


@pytest.mark.parametrize(("host", "kind", "name", "expected"), [
    ("https://api.deepseek.com", "openai", "ds", "deepseek"),
    ("http://localhost:11434", "openai", "local", "ollama"),
    # The kind and the name still come first, as they do for a bare host.
    ("http://localhost:8080/v1", "vllm", None, "vllm"),
    ("https://relay.example.org", "openai", "Groq", "groq"),
])
def test_a_host_written_with_its_scheme_still_names_its_provider(
        host: str, kind: str, name: str | None, expected: str) -> None:
    # Such a :host was called OpenAI: a DeepSeek backend "ds" with "https://" in its :host
    # got OpenAI's error-code page among the references of its CONF001.
    found, assumed = identified(host, kind, name)
    assert found is not None and (found.kind, assumed) == (expected, False)


def test_a_scheme_in_a_deepseek_host_sends_the_user_to_deepseeks_pages() -> None:
    found = diagnose(DiagnoseParams.model_validate({
        "error": {"status": "Curl failure", "error": "Could not resolve host: https"},
        "backend": {"name": "ds", "kind": "openai", "host": "https://api.deepseek.com"}}))
    assert found.rule == "CONF001"
    assert not [url for url in found.docs if "openai.com" in url]
    assert any("deepseek.com" in url for url in found.docs)


@pytest.mark.parametrize("name", ["OpenAI-compatible", "openai-proxy", "OpenAI中转", "OpenAI-ish",
                                  "OpenAI relay"])
def test_a_name_that_says_relay_or_compatible_is_the_api_not_the_account(name: str) -> None:
    # A hand trial: "OpenAI-ish" on a host of no provider was told its OpenAI account was out
    # of credit and sent to OpenAI's billing page.
    found, assumed = identified("relay.example.org", "openai", name)
    assert found is not None and (found.kind, assumed) == ("openai", True)
    # Plain, or on the provider's own host, it is the provider.
    assert identified("relay.example.org", "openai", "OpenAI")[1] is False
    assert identified("api.openai.com", "openai", name)[1] is False
    quota = diagnose(DiagnoseParams.model_validate({
        "error": {"status": "HTTP/1.1 429", "http_status": "429",
                  "error": {"message": "You exceeded your current quota",
                            "type": "insufficient_quota", "code": "insufficient_quota"}},
        "backend": {"name": name, "kind": "openai", "host": "relay.example.org"}}))
    assert quota.rule == "BIL006" and "ChatGPT" not in quota.summary


def test_unknown_everything_is_no_provider() -> None:
    assert identify("relay.example.org", None, "My relay") is None


@pytest.mark.parametrize(("provider", "contains", "category"), [
    ("OpenAI", '"insufficient_quota"', "billing.quota_exhausted"),
    ("OpenAI", "Rate limit reached for gpt-4 in", "rate_limit"),
    ("OpenAI", "unsupported_country_region_territory", "auth.permission"),
    ("Azure OpenAI", "DeploymentNotFound", "model.not_found"),
    ("Azure OpenAI", "content management policy", "content_policy"),
    ("Anthropic", "overloaded_error", "server.overloaded"),
    ("Anthropic", "rate_limit_error", "rate_limit"),
    ("Anthropic", "authentication_error", "auth.invalid_key"),
    ("Google Gemini", "FAILED_PRECONDITION", "auth.permission"),
    ("Google Gemini", "You exceeded your current quota", "rate_limit"),
    ("Google Gemini", "prepayment credits are depleted", "billing.quota_exhausted"),
    ("Google Gemini", "The model is overloaded", "server.overloaded"),
    ("OpenRouter", "requires more credits", "billing.quota_exhausted"),
    ("OpenRouter", "temporarily rate-limited upstream", "rate_limit"),
    ("Groq", "Request too large for model llama-3.1-8b-instant", "request.context_length"),
    ("Groq", "on tokens per day", "rate_limit"),
    ("Mistral", "Rate limit exceeded", "rate_limit"),
    ("Mistral", "request_id", "auth.invalid_key"),
    ("xAI", "Incorrect API key provided", "auth.invalid_key"),
    ("Together AI", "Invalid API key provided", "auth.invalid_key"),
    ("AWS Bedrock", "AccessDeniedException", "auth.permission"),
    ("Ollama (native)", "try pulling it first", "model.not_found"),
    ("Ollama (native)", "server busy", "server.overloaded"),
    ("llama.cpp server", "exceeds the available context size", "request.context_length"),
])
def test_recorded_sample_is_the_documented_category(provider: str, contains: str,
                                                    category: str) -> None:
    assert documented_category(sample(provider, contains)) == category


def test_openai_quota_429_is_billing_and_rate_limit_429_is_not() -> None:
    quota = documented_category(sample("OpenAI", '"insufficient_quota"'))
    rate = documented_category(sample("OpenAI", "Rate limit reached for gpt-4 in"))
    assert (quota, rate) == ("billing.quota_exhausted", "rate_limit")


@pytest.mark.parametrize(("provider", "contains"), [
    ("Anthropic", "credit balance is too low"),
    ("Google Gemini", "API key not valid"),
])
def test_shared_catch_all_type_is_not_claimed_as_one_cause(provider: str,
                                                           contains: str) -> None:
    # invalid_request_error / INVALID_ARGUMENT carry a low balance and a bad key too: the
    # type alone must not call them parameter errors.
    assert documented_category(sample(provider, contains)) is None


def test_a_documented_code_beats_a_documented_status() -> None:
    openrouter = lookup("openrouter")
    anthropic = lookup("anthropic")
    assert openrouter is not None and anthropic is not None
    by_status = openrouter.documented(frozenset(), 402, "")
    assert by_status is not None and by_status.category == "billing.quota_exhausted"
    assert openrouter.documented(frozenset(), 418, "") is None
    spend = anthropic.documented(frozenset({"rate_limit_error", "enforced_spend_limit_reached"}),
                                 429, "")
    assert spend is not None and spend.category == "billing.quota_exhausted"


def test_a_pool_of_accounts_is_a_relay_speaking_the_api() -> None:
    # A hand trial (stop 61): a relay named "GeminiPool" on a host of no provider was sent to
    # Google's error page and its curl replay to $GEMINI_API_KEY.
    found, assumed = identified("relay.example.com", "openai", "GeminiPool")
    assert found is not None and (found.kind, assumed) == ("gemini", True)
    assert identified("relay.example.com", "openai", "Gemini")[1] is False
    result = diagnose(DiagnoseParams.model_validate({
        "error": {"status": "HTTP/1.1 504", "http_status": "504",
                  "error": {"message": "upstream timed out"}},
        "backend": {"name": "GeminiPool", "kind": "openai", "host": "relay.example.com"}}))
    assert not [url for url in result.docs if "ai.google.dev" in url]
    assert result.key_env is None


def test_bedrocks_bare_validation_code_is_likely_not_certain() -> None:
    # langchain-ai/langchain#17170: the code with no message names no constraint.
    def run(message: str) -> str:
        return diagnose(DiagnoseParams.model_validate({
            "error": {"status": "HTTP/1.1 400", "http_status": "400", "error": message},
            "backend": {"kind": "bedrock", "host": "bedrock-runtime.us-east-1.amazonaws.com"},
        })).confidence
    assert run("An error occurred (ValidationException) when calling the InvokeModel "
               "operation.") == "likely"
    assert run("An error occurred (ValidationException) when calling the Converse "
               "operation: A conversation must start with a user message.") == "certain"


def test_the_key_variable_is_the_one_the_key_function_reads() -> None:
    # Noticed at stop 61: a relay only assumed to be Gemini was told its key is in
    # $GEMINI_API_KEY.  Now the variable the :key function names, else none.
    def where(**backend: object) -> tuple[str, str | None]:
        result = diagnose(DiagnoseParams.model_validate({
            "error": {"status": "HTTP/1.1 401", "http_status": "401",
                      "error": {"message": "Invalid API key"}},
            "backend": {"kind": "openai", "host": "relay.example.com", "name": "GeminiPool",
                        "key_source": "env", **backend}}))
        return result.summary + " " + (result.next_step or ""), result.key_env

    text, env = where()
    assert "GEMINI_API_KEY" not in text and env is None
    assert "the environment variable that the backend's :key reads" in text
    text, env = where(key_env="MY_RELAY_KEY")
    assert "MY_RELAY_KEY" in text and env == "MY_RELAY_KEY"
    # Not a variable's name: dropped, never repeated.
    text, env = where(key_env="sk-proj abc")
    assert "sk-proj" not in text and env is None
    # A provider's own host: its usual variable, unless the function names another.
    result = diagnose(DiagnoseParams.model_validate({
        "error": {"status": "HTTP/1.1 401", "http_status": "401",
                  "error": {"message": "Incorrect API key provided"}},
        "backend": {"kind": "openai", "host": "api.openai.com", "key_source": "env"}}))
    assert result.key_env == "OPENAI_API_KEY"
    assert "OPENAI_API_KEY" in (result.next_step or "") + result.summary


def test_a_rejected_keys_first_step_names_where_the_key_came_from() -> None:
    # Noticed at stop 62: the line named $MY_RELAY_KEY while the details' first step still
    # listed every place gptel might read a key.
    def first_step(locale: str = "en", **backend: object) -> str:
        result = diagnose(DiagnoseParams.model_validate({
            "error": {"status": "HTTP/1.1 401", "http_status": "401",
                      "error": {"message": "Invalid API key"}},
            "backend": {"kind": "openai", "host": "relay.example.com", "name": "MyRelay",
                        **backend},
            "locale": locale}))
        assert result.rule == "AUTH001"
        return result.steps[0]

    step = first_step(key_source="env", key_env="MY_RELAY_KEY")
    assert "MY_RELAY_KEY" in step and "authinfo" not in step
    assert "MY_RELAY_KEY" in first_step("zh", key_source="env", key_env="MY_RELAY_KEY")
    assert "~/.authinfo" in first_step(key_source="auth-source")
    assert "machine relay.example.com login apikey" in first_step(key_source="auth-source")
    # Where the companion did not say, every place gptel reads, with this host's line.
    step = first_step()
    assert "gptel-api-key" in step and "machine relay.example.com login apikey" in step
    assert "{" not in first_step("zh")


def test_a_relay_only_assumed_to_speak_a_protocol_gets_none_of_its_owners_pages() -> None:
    # Noticed at stop 62: a relay's 401 cited OpenAI's error-code guide, which documents
    # OpenAI's codes, not the relay's.
    def docs(host: str) -> list[str]:
        return diagnose(DiagnoseParams.model_validate({
            "error": {"status": "HTTP/1.1 401", "http_status": "401",
                      "error": {"message": "Invalid API key"}},
            "backend": {"kind": "openai", "host": host}})).docs

    assert [url for url in docs("api.openai.com") if "platform.openai.com" in url]
    relay = docs("relay.example.com")
    assert relay and not [url for url in relay if "openai.com" in url]
    assert [url for url in relay if "github.com/karthink/gptel" in url]


def test_a_providers_website_in_host_is_named_with_the_api_host_meant() -> None:
    from gptel_diagnose.providers import website_host

    assert website_host("platform.deepseek.com") == "api.deepseek.com"
    assert website_host("https://www.anthropic.com/") == "api.anthropic.com"
    assert website_host("api.google.com") == "generativelanguage.googleapis.com"
    assert website_host("console.volcengine.com") == "ark.cn-beijing.volces.com"
    # The APIs themselves, and the web chats unofficial clients talk to on purpose, are not.
    for host in ("api.deepseek.com", "api.openai.com", "chatgpt.com", "chat.openai.com",
                 "chat.deepseek.com", "claude.ai", "gemini.google.com", "openrouter.ai",
                 "open.bigmodel.cn", "relay.example.com"):
        assert website_host(host) is None, host

    def run(host: str, kind: str = "openai") -> tuple[str, list[str]]:
        result = diagnose(DiagnoseParams.model_validate({
            "error": {"status": "Curl failure",
                      "error": "Curl failed with exit code 6. See Curl manpage for details."},
            "backend": {"kind": kind, "host": host, "type": f"gptel-{kind}"}}))
        return result.rule, [fix.command or "" for fix in result.fixes]

    rule, commands = run("www.deepseek.com")
    assert rule == "ENDP008"
    assert [c for c in commands if ':host "api.deepseek.com"' in c and "gptel-make-openai" in c]
    # A website reached over plain HTTP still means the API, which is HTTPS.
    result = diagnose(DiagnoseParams.model_validate({
        "error": {"status": "HTTP/1.1 405", "http_status": "405",
                  "error": {"detail": "Method Not Allowed"}},
        "backend": {"kind": "deepseek", "type": "gptel-deepseek", "host": "platform.deepseek.com",
                    "protocol": "http", "endpoint": "/v1/chat/completions"}}))
    assert result.rule == "ENDP008"
    assert [f for f in result.fixes if f.command and ':host "api.deepseek.com" :protocol "https"'
            in f.command]
    rule, commands = run("aistudio.google.com", "gemini")
    assert rule == "ENDP008" and [c for c in commands if "gptel-make-gemini" in c]
    assert run("api.deepseek.com")[0] != "ENDP008"


def test_a_clients_stock_apology_is_not_the_providers_internal_error() -> None:
    # reports-ft (ftc-azure-005): NeMo Guardrails answers "I'm sorry, an internal error has
    # occurred." for any exception of its own pipeline; nothing says the provider failed.
    result = diagnose(DiagnoseParams.model_validate({
        "error": {"status": "", "error": "I'm sorry, an internal error has occurred."},
        "backend": {"kind": "azure"}}))
    assert result.rule != "SRV003" and result.confidence == "guess"
    # The provider's own words stay its failure.
    result = diagnose(DiagnoseParams.model_validate({
        "error": {"status": "HTTP/1.1 500", "http_status": "500",
                  "error": {"message": "An internal error has occurred. Please retry.",
                            "status": "INTERNAL", "code": 500}},
        "backend": {"kind": "gemini", "host": "generativelanguage.googleapis.com"}}))
    assert result.category == "server.overloaded" and result.confidence != "guess"


def test_a_clients_list_of_usual_causes_and_its_wrapper_name_none() -> None:
    # reports-fu: a relay's "This usually indicates session expiration, rate limits, context
    # window limits, or bot protection" is four guesses, not a context window; Warp's
    # "Response stream finished unexpectedly with internal error: ..." is its wrapper, and
    # what follows decides.
    def run(text: str) -> tuple[str, str]:
        result = diagnose(DiagnoseParams.model_validate({"error": {"status": "", "error": text}}))
        return result.category, result.confidence

    assert run("after 3 attempts: Google Gemini Web returned an error (BardErrorInfo code "
               "[13 1152]). This usually indicates session expiration, rate limits, context "
               "window limits, or bot protection/CAPTCHA block.")[0] != "request.context_length"
    _category, confidence = run("Response stream finished unexpectedly with internal error: "
                               "finish was called before the command finished")
    assert confidence == "guess"
    assert run("Response stream finished unexpectedly with internal error: invalid character "
               "'g' after object key:value pair") == ("response.malformed", "likely")
    # Coze's code 5000 in its words is the service failing.
    assert run("We're currently experiencing server issues. Please try your request again "
               "after a short delay.")[0] == "server.overloaded"


def test_a_vertex_model_path_is_no_region_and_a_premature_close_keeps_its_status() -> None:
    # reports-fw: Gemini's FAILED_PRECONDITION is a region block only in its words ("User
    # location is not supported"), not through a model path's "locations/REGION"; Node's
    # "Premature close" is a cut-off body only when no status came with it.
    body = {"code": 400, "status": "FAILED_PRECONDITION",
            "message": "Project `X` is not allowed to use Publisher Model `projects/X/locations/"
            "REGION/publishers/google/models/gemini-1.5-flash`"}
    result = diagnose(DiagnoseParams.model_validate({
        "error": {"status": "HTTP/1.1 400", "http_status": "400", "error": body},
        "backend": {"kind": "gemini", "host": "generativelanguage.googleapis.com"}}))
    assert result.rule != "PERM001" and "region" not in result.summary
    body["message"] = "User location is not supported for the API use."
    result = diagnose(DiagnoseParams.model_validate({
        "error": {"status": "HTTP/1.1 400", "http_status": "400", "error": body},
        "backend": {"kind": "gemini", "host": "generativelanguage.googleapis.com"}}))
    assert result.rule == "PERM001"

    def run(error: dict[str, str]) -> str:
        return diagnose(DiagnoseParams.model_validate({"error": error})).category

    assert run({"status": "", "error": "Error: Premature close"}) == "response.malformed"
    assert run({"status": "HTTP/1.1 403", "http_status": "403",
                "error": "403 Invalid response body while trying to fetch "
                "https://relay.example.com/v1/chat/completions: Premature close"}) \
        == "auth.permission"
