"""The words stage: what an unknown message's words point to, when only its status is left."""

from __future__ import annotations

import pytest

from gptel_diagnose import cues
from gptel_diagnose.engine import diagnose
from gptel_diagnose.protocol import DiagnoseParams
from gptel_diagnose.rules import PRECEDENCE, words


def _run(error: dict[str, object], kind: str = "relay") -> tuple[str, str, str]:
    result = diagnose(DiagnoseParams.model_validate({"error": error,
                                                     "backend": {"kind": kind}}))
    return result.rule, result.category, result.confidence


def _status(status: int, message: str) -> dict[str, object]:
    return {"status": f"HTTP/1.1 {status}", "http_status": str(status),
            "error": {"message": message}}


@pytest.mark.parametrize(("text", "category"), [
    ("token amount has been exhausted token.remainquota = 0", "billing.quota_exhausted"),
    ("ratelimit exceeded. please wait a moment", "rate_limit"),
    ("输入内容过长，请减少 prompt 中的 token 数量后重试", "request.context_length"),
    ("model disabled.", "model.not_found"),
    ("bad request: authorization header is badly formatted", "auth.invalid_key"),
    ("oai compatible api key not found", "auth.missing_key"),
    ("inappropriate output content detected in output blocklist", "content_policy"),
    ("服务内部错误", "server.overloaded"),
    ("request method 'post' not supported", "endpoint.wrong"),
    ("input validation error: top_p must be > 0.0 and < 1.0", "request.invalid_parameter"),
    ("[] is too short - 'tools'", "request.invalid_parameter"),
    ("generatecontentrequest.contents: contents is not specified", "request.invalid_parameter"),
    ("maxpredictedtokens does not satisfy the schema", "request.invalid_parameter"),
    ("history must start with a user turn.", "request.invalid_parameter"),
    ("`temperature` is deprecated for this model.", "request.invalid_parameter"),
])
def test_each_cue_points_to_its_category(text: str, category: str) -> None:
    assert category in cues.pointed_to(text)


@pytest.mark.parametrize(("text", "category"), [
    # https://github.com/danny-avila/LibreChat/issues/4258
    ("[handleAbortError] AI response error; aborting request: Prompt token count of 37165 "
     "exceeds max token count of 4095.", "request.context_length"),
    # https://github.com/PipedreamHQ/pipedream/issues/17819
    ("You must submit 'messages' for routers", "request.invalid_parameter"),
    # https://github.com/jackMort/ChatGPT.nvim/issues/377, the reporter's spelling
    ("you must provide a model paramater", "request.invalid_parameter"),
    # https://github.com/yangjian102621/geekai-plus/issues/1 (Zhipu's 1214, curly quotes)
    ("请求大模型 API 失败：{“error”:{“code”:“1214”,“message”:“messages:输入不能为空”}}",
     "request.invalid_parameter"),
    # https://github.com/sinanuozdemir/quick-start-guide-to-llms/pull/35 (Cohere)
    ("Generate API was removed on September 15 2025. Please migrate to Chat API.",
     "endpoint.wrong"),
    # A server's own words for its failure: https://github.com/ChatGPTBox-dev/chatGPTBox/issues/653,
    # https://github.com/RooCodeInc/Roo-Code/issues/789 (Copilot),
    # https://github.com/justlovemaki/AIClient-2-API/blob/12ac49b48447bb2f25b7620bcf89abc816d1d330/README.md
    # and https://github.com/OpenHands/OpenHands/issues/780 (LiteLLM).
    ('{"error": "Unexpected server error"}', "server.overloaded"),
    ("Server error, please report the following request id: "
     "c1abab9a-6b87-42bf-b218-176f71929c9c", "server.overloaded"),
    ("No available and healthy providers for type xxx", "server.overloaded"),
    ("ValueError: No healthy deployment available, passed model=ollama/llama2",
     "server.overloaded"),
    # A validator's generic forms: https://github.com/kwaroran/Risuai/commit/
    # d80ceaae313dfae491cc76e01c44fa6053414bdf (Gemini's MALFORMED_FUNCTION_CALL) and
    # https://github.com/sigoden/aichat/commit/cfd29d936ad72d0465b86bd4875ba7567194da7d.
    ("malformed function call", "request.invalid_parameter"),
    ("Error: Failed to call chat-completions api\nTool call 'xxx' have non-JSON arguments",
     "request.invalid_parameter"),
    # reports-bm, after its first scoring: Ollama's structured output
    # (https://github.com/av/harbor/commit/720fb4803c5ec06e679eb546c3ff36daf7b980e1), Copilot
    # (https://github.com/mnfst/manifest/commit/c1fe19a95f99ab706bd235b006cfbd3fd8f66329),
    # Moonshot (https://github.com/OpenBMB/PilotDeck/commit/8608d29075dacf31175d3f8c97e3b021799963b9),
    # Volcengine Ark
    # (https://github.com/volcengine/OpenViking/commit/6c696fc7eee7bb35ac1cf7d381419f3c9bdb9609),
    # Vertex AI (https://github.com/Flemma-Dev/flemma.nvim/commit/
    # 7bf8d647c596c191479143865ea499bd3fec2747) and Chutes
    # (https://github.com/chutesai/chutes/issues/18).
    ("invalid JSON schema in format", "request.invalid_parameter"),
    ("Unsupported API for model", "model.not_found"),
    ("tools.function.parameters is not a valid moonshot flavored json schema\n→ At path "
     "'properties.schedule.anyOf.properties.unit': type is not defined",
     "request.invalid_parameter"),
    ("RequestBurstTooFast", "rate_limit"),
    ("Proto field is not repeating, cannot start list", "request.invalid_parameter"),
    ('{"detail": "Quota exceeded and account balance is $0.0, please pay with fiat or send tao '
     'to <ADDRESS REMOVED FOR PRIVACY>"}', "billing.quota_exhausted"),
    # reports-bo, after its first scoring (fix notes in repositories): google-generativeai's
    # finish reason (https://github.com/JianJiangKCL/HooRii/blob/
    # 5f77d2e47332c966207e87f66c38dbbe6f51a930/VPN_TROUBLESHOOTING.md), Perplexity
    # (https://github.com/AUQIB92/LLMfied-Courseware/blob/c78a5d69783787cc1972d27bc8a437f5108ab45a/
    # PERPLEXITY_FIX_SUMMARY.md) and Claude Code
    # (https://github.com/rmar-dev/suma-ide/blob/25cb89d0a2c9e5b965334a721cc19431dff0a5d2/
    # _features/user-authentication/Gate-1-Architecture/Security/authentication-design.md).
    ("finish_reason=2  (SAFETY - 安全过滤器阻止)", "content_policy"),
    ("search_domain_filters must be a valid domain name, but got edu",
     "request.invalid_parameter"),
    # (Claude Code's "response exceeded the 32000 output token maximum" was here: RESP014 reads
    # it now, as LABELING's length-limit policy says, response.malformed.)
    # reports-bq, after its first scoring: Moonshot's code for a path it does not serve
    # (https://github.com/xpzouying/moonshot/blob/14c2fb92ce34fa8073b92cb8e13e3f1eddf8c34f/
    # README.md), Bedrock's schema check (https://github.com/sigoden/aichat/issues/543), the
    # Gemini SDK's RECITATION (https://github.com/FrosterMonster/
    # aoop_2025_group6_Smart_Scheduling_Agent/blob/cb54368af601db11ed3cbfe7635528ae2db805e6/
    # docs/development/GEMINI_SAFETY_FILTER_FIX.md), a credential of the wrong kind for Vertex
    # AI (https://github.com/brainlid/langchain/issues/190), an option xAI retired
    # (https://github.com/lightmode-laboratories/spacesuit/issues/1).
    ('{"code": 5, "error": "url.not_found", "message": "没找到对象", "method": "GET", '
     '"url": "/v1/chat/completions"}', "endpoint.wrong"),
    ("Malformed input request: #: subject must not be valid against schema "
     '{"required":["messages"]}#: extraneous key [stream] is not permitted, please reformat '
     "your input and try again.", "request.invalid_parameter"),
    ("Invalid operation: The `response.text` quick accessor requires the response to contain "
     "a valid `Part`, but none were returned. The candidate's [finish_reason](https://"
     "ai.google.dev/api/generate-content#finishreason) is 4. Meaning that the model was "
     "reciting from copyrighted material.", "content_policy"),
    ("API keys are not supported by this API. Expected OAuth2 access token or other "
     "authentication credentials that assert a principal. See "
     "https://cloud.google.com/docs/authentication", "auth.invalid_key"),
    ("Error: Live search is deprecated. Please switch to the Agent Tools API: "
     "https://docs.x.ai/docs/guides/tools/overview", "request.invalid_parameter"),
    # reports-br, after its first scoring: Anthropic's cap on cache breakpoints
    # (https://github.com/griffinmartin/opencode-claude-auth/issues/121) and a sign-in that
    # could not be renewed (https://github.com/ahmednasr999/openclaw-workspace/blob/
    # 0d0c222bf5f0c13407637f801fc3cdeb34e6c236/memory/archives/
    # 2026-03-21-oauth-token-refresh-fail.md).
    ("A maximum of 4 blocks with cache_control may be provided. Found 5.",
     "request.invalid_parameter"),
    ("openai-codex/gpt-5.4-pro: OAuth token refresh failed for openai-codex: Failed to refresh "
     "OAuth token for openai-codex. Please try again or re-authenticate. (auth)",
     "auth.invalid_key"),
])
def test_a_message_no_rule_knows_is_read_by_its_words(text: str, category: str) -> None:
    rule, found, confidence = _run({"error": text})
    assert (found, confidence) == (category, "guess"), rule
    assert rule.startswith("WORD"), rule


@pytest.mark.parametrize(("text", "category"), [
    # Read by their words until stop 44, when reports-cu brought rules for them: Google's
    # API key restriction, its ErrorInfo reason (reports-bo: https://github.com/ddeone51-dev/
    # vidsto1/blob/3d0a5825dfe59085bb52e40d71c86af1b281a057/FIX_API_BLOCKED.md), and
    # OpenRouter's words alone (https://github.com/adarsh25k/devil-ai-platform/blob/
    # 29e8e59c5649794bc6c029152b33284007e07dc2/OPENROUTER_API_FIX_COMPLETE.md).
    ("API_KEY_SERVICE_BLOCKED", "auth.permission"),
    ("No endpoints found", "model.not_found"),
])
def test_a_message_a_rule_has_learnt_keeps_its_category(text: str, category: str) -> None:
    rule, found, confidence = _run({"error": text})
    assert (found, confidence) == (category, "likely"), rule
    assert not rule.startswith("WORD"), rule


def test_a_clients_hedge_names_no_cause() -> None:
    # https://github.com/RooCodeInc/Roo-Code/issues/2444: said whatever LM Studio answered.
    text = ("Please check the LM Studio developer logs to debug what went wrong. You may need "
            "to load the model with a larger context length to work with Roo Code's prompts.")
    assert _run({"error": text}, kind="lmstudio")[1] == "unknown"


@pytest.mark.parametrize("text", [
    # A link to a billing page, a header's name, a Python asyncio misuse: no cause.
    "upgrade to access the required service tier at console.groq.com/settings/billing",
    "x-anthropic-billing-header is a reserved keyword",
    "timeout should be used inside a task",
    "error from provider (console go): upstream request failed",
])
def test_words_that_name_no_cause_point_nowhere(text: str) -> None:
    assert not cues.pointed_to(text)


def test_words_replace_a_status_that_says_something_else() -> None:
    # https://github.com/kwaroran/Risuai/issues/504, under a 500 from a gateway.
    rule, category, confidence = _run(_status(
        500, "invalid request: message must be at least 1 token long or tool results "
        "must be specified."))
    assert (category, confidence) == ("request.invalid_parameter", "guess")
    assert rule in {r.code for r in words.RULES}


def test_words_that_agree_with_the_status_leave_it() -> None:
    assert _run(_status(500, "服务内部错误"))[0] == "GEN5XX"


def test_a_status_with_its_own_meaning_bounds_the_words() -> None:
    # A 401 is about the key (or the credit, or a gateway's refusal of the model: OpenCode's
    # "Model X not supported"): words of a rate limit do not make it one.
    assert _run(_status(401, "请求次数过多，请稍后重试"))[1] == "auth.invalid_key"
    # A 403 is not about the key: "missing token" under it stays a permission.
    assert _run(_status(403, "Invalid copilot token: missing token: 403"))[1] \
        == "auth.permission"


def test_anthropics_type_name_does_not_outvote_its_own_message() -> None:
    # A relay passing Anthropic's body on: its error type is "rate_limit_error" whatever the
    # message says (reports-fd: fdc-anthropic-003), and the message is what decides.
    body = ('{"type":"error","error":{"type":"rate_limit_error","message":'
            '"Usage credits are required for long context requests."}}')
    assert _run(_status(429, body))[1] == "billing.quota_exhausted"
    assert _run(_status(429, body.replace(
        "Usage credits are required for long context requests",
        "This request would exceed your rate limit")))[1] == "rate_limit"


def test_words_pointing_two_ways_decide_nothing() -> None:
    assert cues.pointed_to("model zork disabled; throttling engaged") == {
        "model.not_found", "rate_limit"}
    assert _run(_status(500, "glorp failed: model zork disabled; throttling engaged"))[0] \
        == "GEN5XX"


def test_curls_own_words_are_not_read() -> None:
    rule, _category, _confidence = _run({"status": "Curl failure", "curl_exit_code": 9,
                                         "error": "curl: (9) FTP access denied"})
    assert not rule.startswith("WORD")


def test_the_words_tier_is_a_guess_and_never_matched() -> None:
    tier = next(tier for tier in PRECEDENCE if tier.name == "words")
    assert tier.confidence == "guess"
    assert set(tier.codes) == {rule.code for rule in words.RULES}
    assert all(rule.whens == () for rule in words.RULES)


def test_a_busy_model_under_a_429_is_its_capacity() -> None:
    # https://github.com/truefoundry/models/pull/862: DeepInfra's words under a gateway's 429.
    assert _run(_status(429, "Invalid response received from deepinfra: "
                             '{"error":{"message":"Model busy, retry later"}}'))[1] \
        == "server.overloaded"


@pytest.mark.parametrize(("text", "label"), [
    # https://github.com/danny-avila/LibreChat/issues/4866: pydantic's type name.
    ('{"detail": [{"type": "extra_forbidden", "msg": "Extra inputs are not permitted"}]}',
     "request.invalid_parameter"),
    # https://github.com/microsoft/genaiscript/issues/781: Azure, for a wrong key.
    ("Access denied due to invalid subscription key or wrong API endpoint.",
     "auth.invalid_key"),
])
def test_permission_words_inside_other_causes_are_not_a_permission(text: str,
                                                                   label: str) -> None:
    assert "auth.permission" not in cues.pointed_to(text.lower())
    assert _run({"error": text}, kind="openai")[1] != "auth.permission"



def test_googles_not_found_entity_is_the_model_and_offers_the_nearest_one() -> None:
    # Google's JSON NOT_FOUND under a 404 (https://github.com/google-gemini/gemini-cli/issues/
    # 28600, https://github.com/lbjlaq/Antigravity-Manager/issues/1741); a wrong path gets
    # Google's HTML page instead.  xAI's code "Some requested entity was not found" is not it.
    body = {"error": {"code": 404, "message": "Requested entity was not found.",
                      "status": "NOT_FOUND"}}
    result = diagnose(DiagnoseParams.model_validate({
        "error": {"status": "HTTP/2 404", "http_status": "404", "error": body["error"]},
        "backend": {"kind": "gemini", "host": "generativelanguage.googleapis.com",
                    "models": ["gemini-2.5-flash", "gemini-2.5-pro"]},
        "request": {"model": "gemini-2.5-flsh"}}))
    assert (result.category, result.confidence) == ("model.not_found", "guess")
    assert ("gptel-model", "'gemini-2.5-flash") in [(f.variable, f.value) for f in result.fixes]
    assert "model.not_found" not in cues.pointed_to("some requested entity was not found")


@pytest.mark.parametrize(("status", "text", "category"), [
    # DeepSeek's words (https://github.com/modelscope/ms-agent/commit/
    # d7537a59a8471f61caa9266c3d0f29a469663ad9), Anthropic's for an image it cannot decode
    # (https://github.com/dnouri/pi-coding-agent/commit/62dc81f92ac5f0a5fe3f159ba267f704ba2ed73f),
    # and NVIDIA's missing header (https://github.com/sipeed/picoclaw/issues/2479).
    (400, "insufficient tool messages following tool_calls message", "request.invalid_parameter"),
    (400, "Could not process image", "request.invalid_parameter"),
    (401, "Header of type authorization was missing", "auth.missing_key"),
    # Vertex AI's 400 as https://firebase.google.com/docs/ai-logic/error-codes quotes it, and a
    # sandbox proxy's 403 for a body over its cap (reports-bn, after its first scoring:
    # https://github.com/airutorg/airut/commit/7bf9871a0d0229525d2210255ee1c6f8e01e700f).
    (400, "Service agents are being provisioned ... Service agents are needed to read the Cloud "
          "Storage file provided.", "auth.permission"),
    (403, "Request body exceeds the 1 MiB size limit for Anthropic Messages tool-config parsing.",
     "request.context_length"),
])
def test_words_under_a_status_that_says_less(status: int, text: str, category: str) -> None:
    assert _run(_status(status, text), "openai")[1:] == (category, "guess")


def test_a_token_of_the_wrong_kind_under_a_400_is_the_key() -> None:
    # https://github.com/earendil-works/pi/issues/3461 (reports-bq): a fine-grained GitHub
    # token sent to the Copilot API.
    rule, category, _ = _run(_status(
        400, "Error: 400 checking third-party user token: bad request: Personal Access       "
        "\n Tokens are not supported for this endpoint"), kind="copilot")
    assert category == "auth.invalid_key", rule


def test_terms_not_accepted_under_a_400_is_a_permission() -> None:
    # https://github.com/SanjeevKGupta/inference-gateway/blob/
    # 0d00f3024d8d25c8537a2fe6b63c9aace5f5f882/examples/
    # my-notes-llms-access-using-groq-api-key.md (reports-br): Groq's model_terms_required.
    rule, category, _ = _run(_status(
        400, "The model `playai-tts` requires terms acceptance. Please have the org admin "
        "accept the terms at https://console.groq.com/playground?model=playai-tts"), kind="groq")
    assert category == "auth.permission", rule


@pytest.mark.parametrize("message", [
    # OpenCode's gateways answer 401 for a model they do not serve:
    # https://github.com/link-assistant/agent/blob/af6b72467adad2242f4415383891583354ebbd7f/
    # docs/case-studies/issue-208/solution-draft-log.txt (reports-br, a dot in the name) and
    # https://github.com/NousResearch/hermes-agent/issues/5211.
    "Model kimi-k2.5-free not supported",
    "error type: ModelError\nmessage: Model minimax-m2-7 not supported",
])
def test_a_model_refused_under_a_401_is_the_model(message: str) -> None:
    rule, category, confidence = _run(_status(401, message))
    assert (category, confidence) == ("model.not_found", "guess"), rule


def test_a_request_lines_http_version_does_not_join_a_model_to_not_found() -> None:
    # https://github.com/open-webui/open-webui/issues/12117: vLLM's access log for a doubled
    # slash, "/v1//models HTTP/1.1" 404, is the path.
    assert "model.not_found" not in cues.pointed_to('"get /v1//models http/1.1" 404 not found')


def test_a_request_that_named_no_model_is_the_model() -> None:
    # Azure AI's no_model_name (https://github.com/microsoft/AI-Red-Teaming-Playground-Labs/
    # issues/14) was read from its words as a parameter; reports-fv's fvc-azure-010 and the
    # stop-57 policy for "model is required" make it the model: naming one is the fix.
    assert _run(_status(400, "No model specified in request. Please provide a model name in "
                        "the request body or as a x-ms-model-mesh-model-name header."),
                "openai")[1:] == ("model.not_found", "likely")
