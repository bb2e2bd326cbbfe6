"""Responses gptel could not read: usually not the provider's JSON at all."""

from __future__ import annotations

from dataclasses import replace

from ..cues import PATH_AS_MODEL, RESPONSES_REFUSED
from .base import Example, FixSpec, Rule, match, said
from .common import (
    ASK_BACKEND,
    BACKEND_FORM,
    DOUBLE_SLASH_URL,
    EVENT_UNREAD,
    FASTAPI_NOT_FOUND,
    GATEWAY_UNREAD,
    INPUT_MISSING,
    LENGTH_OFF,
    LOCAL_SERVERS,
    LOG_REQUESTS,
    LOG_TRAFFIC,
    MAX_TOKENS_EXPLICIT,
    MAX_TOKENS_NIL_SAYS,
    MAX_TOKENS_UP,
    MESSAGES_REFUSED,
    NO_TOOLS,
    REDEFINE_BACKEND,
    STREAM_OFF,
    UNROUTED_PATH,
)

_SHOW_BODY = LOG_TRAFFIC
# An answer that ended at its length limit: Gemini's finish reason MAX_TOKENS, OpenAI's
# "length".  With no text (what makes it a failure), the limit went on reasoning.
# Google's Python SDK gives the reason as a number: 2 is MAX_TOKENS ("The candidate's
# finish_reason is 2"); an app may say only "Reason: MAX_TOKENS".
# Ollama's own API names it done_reason.
_CUT_AT_LIMIT = (r"(?:finish|done)_?reason\W{1,6}(?:max_tokens|length)\b|finish_reason is 2\b"
                 # The Vertex AI SDK's ResponseValidationError, with the FinishReason enum's
                 # number (2 is MAX_TOKENS): "did not complete successfully.\nFinish reason: 2."
                 r"|did not complete successfully\.\s*finish reason: 2\b"
                 r"|\breason\W{1,3}max_tokens\b")
# What else to try for an answer gptel found no text in (RESP003, RESP013).
_EMPTY_ANSWER_STEPS = (
    "If gptel-max-tokens is small, raise it or set it to nil.",
    "On Emacs 28 with OpenAI's default (Responses) backend: (setq gptel-stream nil).",
)
# Gemini's finish reasons for a tool call the model could not write or should not have made.
_BOTCHED_TOOL_CALL = (r"\bmalformed_function_call\b|\bunexpected_tool_call\b"
                      # Its finish reason TOO_MANY_TOOL_CALLS, in the words of the 400 the
                      # Interactions API answers with ("Model generated too many tool calls.
                      # Please retry the request.").
                      r"|\btoo_many_tool_calls\b|model generated too many tool calls"
                      # The same finish reason in Gemini CLI's words ("Response stopped due to
                      # malformed function call.") and the Vertex SDK's ("Finish reason: 9.
                      # Finish message: Malformed function call: ...").
                      r"|stopped due to malformed function call"
                      r"|finish message: malformed function call")
# The same, where the backend's corrected form, once known, says more than the page would:
# the line then ends with that form rather than with a setq of gptel-log-level.
_SHOW_BODY_UNLESS_FORM = replace(LOG_TRAFFIC, unless_known="backend_form")
# Asking for the answer whole: what helps when gptel cannot read the stream.

# A URL path that names its API version twice.
_VERSION_TWICE = r"/(v\d+(?:beta\d*|alpha\d*)?)/(?:[\w.-]+/){0,2}\1(?:/|\b)"
_OLLAMA_UNDER_V1 = r"/v1/api/(?:chat|generate|embed|embeddings|show|tags)\b"


RULES = (
    Rule(
        code="ENDP002",
        name="host-misspelt",
        category="endpoint.wrong",
        # Not when a server answered with a status or an API's error code: then the host
        # exists and speaks for itself ("Model Not Exist" from a DeepSeek host).
        when=match(host_typo=True, answered=False),
        summary="The backend's :host is \"{host}\": did you mean {intended_host}? Fix the "
        "backend definition.",
        explanation=(
            "The host gptel sent the request to is one or two letters away from a provider's "
            "API host, and is not a host gptel-diagnose knows. A misspelt :host fails in "
            "confusing ways: the name may not resolve, may resolve to an unrelated server "
            "(TLS or HTML errors), or may answer 404."
        ),
        steps=("Redefine the backend with :host \"{intended_host}\".",),
        fixes=(REDEFINE_BACKEND,),
        next_step=("Change :host to \"{intended_host}\" in the backend's definition "
                   "(gptel-make-…).",),
        docs=("https://github.com/karthink/gptel#usage",),
        examples=(
            Example(
                error={"status": "Curl failure",
                       "error": "Curl failed with exit code 35. See Curl manpage for details."},
                backend={"kind": "openai", "host": "api.openapi.com"},
                request={"use_curl": True},
                source="https://github.com/openai/openai-cookbook/issues/553",
            ),
        ),
    ),
    Rule(
        code="ENDP008",
        name="host-is-the-providers-website",
        category="endpoint.wrong",
        # Whatever answered: a website or console answers a page, a 404 or a 405, or nothing
        # an API client can read, and the cause is the host either way.
        when=match(host_website=True),
        summary="The backend's :host is \"{host}\", which is not {provider}'s API: use :host "
        "\"{intended_host}\".",
        explanation=(
            "{host} is {provider}'s website or console (or a host people take for its API), "
            "not the API gptel talks to. Requests sent there get a web page, a 404 or 405, or "
            "no connection at all, whatever the key and the model."
        ),
        steps=("Redefine the backend with :host \"{intended_host}\" (and the :endpoint "
               "{provider}'s API reference gives).",),
        fixes=(BACKEND_FORM, REDEFINE_BACKEND),
        next_step=("Redefine the backend as {backend_form}",
                   "Change :host to \"{intended_host}\" in the backend's definition "
                   "(gptel-make-…).",),
        docs=("https://github.com/karthink/gptel#usage",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 405 Method Not Allowed", "http_status": "405",
                       "error": {"detail": "Method Not Allowed"}},
                backend={"kind": "openai", "host": "platform.deepseek.com",
                         "endpoint": "/chat/completions"},
                source="https://github.com/FoundationAgents/OpenManus/issues/81",
            ),
            Example(
                error={"status": "Curl failure",
                       "error": "Cannot connect to gemini at https://api.google.com/v1. Please "
                       "check that the service is running and accessible."},
                backend={"kind": "gemini", "host": "api.google.com"},
                source="https://github.com/xincmm/sageread/issues/1",
            ),
        ),
    ),
    Rule(
        code="RESP001",
        name="response-not-json",
        category="response.malformed",
        # Statuses with a meaning of their own (401, 403, 404, 429, 503...) go to the
        # rules for that meaning; these say only that the body was not the API's.
        # Not an answer with no body at all: nothing came to be unreadable (a bare 400 says
        # no more than its status).
        when=(match(gptel="malformed_json", http=(None, 200, 201, 400, 409, 422),
                    not_gptel="no_response", not_body_empty=True),
              # A page quoted with no status (a CDN's "Attention Required!"), or in place of
              # the API's JSON with a status that says no more (Google's front end's "Error
              # 400 (Bad Request)!!1" page; LABELING.md: 200, 400 and none are unreadable).
              match(html=True, http=(None, 200, 400)),
              # A relay's own words for an upstream that answered a page, whatever status it
              # passes on ("response conversion failed: upstream returned html challenge",
              # a Codex gateway's 403): LABELING, stop 54.
              match(text=r"upstream returned (?:an? )?html\b"),
              match(text=r"while parsing json|json-read|json parse error"
                    r"|unexpected end of json|invalid json response|not (a )?valid json"
                    # Jackson's JsonEOFException (Java SDKs): "Unexpected end-of-input:
                    # expected close marker for Object".
                    r"|unexpected end-of-input"
                    # kotlinx.serialization, in Kotlin clients (openai-kotlin, Ktor):
                    # "Unexpected JSON token at offset 0: Expected start of the object '{'";
                    # not when the JSON input it quotes holds the provider's message, whose
                    # words say more.
                    r"|unexpected json token at offset \d+(?![\s\S]*\"message\" ?:)"
                  r"|unexpected token '?<'?, \"?<?!?doctype|unexpected token '<'"
                  # serde_json's error as Rust clients print it.
                  r"|jsondeserialize\(|expected value\"?, line: \d+"
                    r"|trailing characters at line \d+ column \d+"
                    r"|expected value at line \d+ column \d+|eof while parsing a value"
                    r"|in json at position \d+|failed to execute 'json' on 'response'"
                    # Python's json, Go's encoding/json, JS's JSON.parse, Lua's cjson, and a
                    # client that could not read the answer into its response type.
                    r"|expecting value: line \d+ column \d+|looking for beginning of value"
                    # Python's json on a line that is not JSON at all (MindSearch's stream
                    # reader, reports-fi) or JSON with more after it.
                    r"|expecting property name enclosed in double quotes:\s*line \d+ column \d+"
                    r"|unterminated string starting at: line \d+ column \d+"
                    # The same from another Python JSON reader (LiteLLM's Ollama route, as
                    # WrenAI showed it): "unexpected character: line 1 column 1 (char 0)".
                    r"|unexpected character: line \d+ column \d+"
                    # Python's exception by name, its message cut ("JSONDecodeError: Expecting").
                    r"|jsondecodeerror|\bjson decode error\b"
                    # PHP's json_decode ("JsonException: Syntax error"); openai-php's
                    # UnserializableResponse around it is below.
                    r"|jsonexception: syntax error"
                    r"|json: cannot unmarshal|non-whitespace character after json"
                    # Firefox's JSON.parse: "JSON.parse: unexpected character at line 1 ...".
                    r"|json\.parse: unexpected"
                    # A page or JSON where an event stream was expected (reqwest-eventsource,
                    # httpx-sse); ArduinoJson; a Python client's traceback while reading
                    # chunk['choices'][0]["delta"]["content"].
                    r"|invalid header value: \\?\"(text/html|application/json)"
                    r"|expected response header content-type to contain"
                    r"|deserializejson\(\) failed"
                    # serde, for a stream chunk of no shape it knows (Zed).
                    r"|did not match any variant of untagged enum \w*(response|stream|chunk)"
                    r"|\[['\"]choices['\"]\]\[0\].{0,200}\n(keyerror|indexerror|typeerror)"
                    # The Vercel AI SDK, for a chunk its schema does not take, and for a 200
                    # answer it could not read ("Failed to process successful response").
                    r"|type validation failed: value:|failed to process successful response"
                    # Apple's URL loading system for an answer it could not parse at all
                    # (NSURLErrorCannotParseResponse).
                    r"|nsurlerrordomain code=-1017\b"
                    r"|" + GATEWAY_UNREAD +
                    # nlohmann's JSON for C++ (a Notepad++ plugin): "[json.exception.
                    # parse_error.101] parse error at line 2, column 25".
                    r"|json\.exception\.parse_error"
                    # The OpenAI Java SDK, for an answer missing a field it requires ("`id` is
                    # not set" in a streamed chunk from a gateway that left it out).
                    r"|openaiinvaliddataexception"
                    # Swift's Codable on an answer of another shape (BoltAI): "The data
                    # couldn't be read because it's missing." / "... isn't in the correct
                    # format."
                    r"|the data couldn'?t be read because it(?:'s| is) missing"
                    r"|the data couldn'?t be read because it isn'?t in the correct format"
                    # R's jsonlite; a Chinese client's "the API returned a wrong format".
                    r"|invalid char in json text|返回(的)?(数据)?格式(错误|不正确|有误)"
                    r"|expected [\w ]{1,30} but found t_\w+\s+at character"
                    # JSON cut short, as JS, Dart and Jackson-style parsers say it; a client's
                    # "could not parse JSON stream", "invalid response format".
                    r"|unexpected end of input|unterminated string|could not parse json stream"
                    r"|unable to parse [\w ]{0,30}response|invalid response format"
                    # OpenClaw, for a model server's answer it could not read.
                    r"|returned an invalid response\b"
                    r"|unparseable buffer"
                    r"|failed to parse [\w ]{0,30}response|validation errors? for chatcompletion"
                    # Pydantic, on an answer of another shape than the client's model
                    # ("1 validation error for ShowResponse"); the Anthropic SDKs' stream
                    # reader, on events out of order ("Unexpected event order, got
                    # content_block_stop before \"message_start\"").
                    r"|validation errors? for \w*response\b"
                    # The OpenAI SDK's pydantic model of one choice, for a finish_reason it
                    # does not take ("1 validation error for Choice\nfinish_reason").
                    r"|validation errors? for choice\b|" + EVENT_UNREAD +
                    # Spring's RestTemplate (Spring AI), on an answer of a content type it has
                    # no reader for: "Error while extracting response for type
                    # [OpenAiApi$ChatCompletion] and content type [text/plain]".
                    r"|error while extracting response for type"
                    # (not "got error before": an error event came first, and says why).
                    r"|unexpected event order(?!, got error\b)"
                    r"|doesn'?t return any data|stream failed: stream ended"
                    r"|unable to parse [\w ]{0,20}chunk|error decoding response body"
                    r"|extra data: line \d+ column \d+|incomplete chunked read"
                    r"|peer closed connection without sending complete message body"
                    # A gateway's words for an upstream stream cut short: OmniRoute's "Stream
                    # ended before producing useful content", CLIProxyAPI's "upstream stream
                    # closed before [DONE]"; node-fetch's "Invalid response body while trying
                    # to fetch ...: Premature close".
                    r"|stream ended before producing|stream closed before \[done\]"
                    # Reasonix (Go), for a stream cut off: "stream ended before completion:
                    # unexpected EOF".
                    r"|stream ended before completion"
                    # The Vercel AI SDK, for a streamed tool call without its id ("Expected 'id'
                    # to be a string.") and an answer it could not read as the object asked for
                    # ("No object generated: could not parse the response."); Warp's "Failed to
                    # deserialize AI response YAML".
                    r"|expected 'id' to be a string|no object generated: could not parse"
                    # The same SDK's NoObjectGeneratedError for an answer that did not fit the
                    # schema asked for, or came back empty ("No object generated: response did
                    # not match schema.", "... the model did not return a response.").
                    r"|no object generated: (?:response did not match schema"
                    r"|the model did not return a response)"
                    # Codex's remote compaction, for an answer without the item it asked for:
                    # "remote compaction v2 expected exactly one compaction output item, got 0
                    # from 3 output items".
                    r"|expected exactly one \w+ output item, got\s+0\b"
                    r"|failed to deserialize ai response"
                    # Go's HTTP/2 client, for a stream the server reset part-way ("stream
                    # error: stream ID 53; INTERNAL_ERROR; received from peer"), as curl's
                    # exit 92 is.
                    r"|stream error: stream id \d+; internal_error"
                    r"|invalid response body while trying to fetch"
                    r"|response was interrupted|^parse error$"
                    # A client that wanted JSON or an event stream ("Invalid content-type:
                    # text/html; charset=utf-8", OkHttp-based Java clients).
                    r"|(?:unexpected|invalid) content-type:? text/html"
                    # openai4j on a stream line it could not read; MATLAB's JSON decoder.
                    r"|invalid sse format|json syntax error: expected|stream response invalid"
                    # R's httr2, for a page or plain text where JSON was due; a client's
                    # "Could not decode JSON response".
                    r"|unexpected content type \"text/(?:html|plain)\""
                    # GPT4All; Jackson on a page; serde on an answer without a field it needs.
                    r"|(?:returned|responded with|sent) (?:an? )?invalid json"
                    r"|unexpected character \('<'|formatexception: unexpected character"
                    r"|missing field `\w+` at line \d+ column \d+"
                    r"|(?:could not|couldn'?t|unable to|failed to) decode json"
                    # Go's json after a plain-text page, aiohttp and Swift's decoders, and
                    # One-API's code for an upstream body it could not read.
                    r"|after top-level value|unexpected mimetype|isn'?t in the correct format"
                    r"|unmarshal_response_body_failed"
                    # pydantic, validating a model's answer against the client's schema:
                    # "Invalid JSON: EOF while parsing a string ... [type=json_invalid".
                    r"|\[type=json_invalid\b"
                    # Ollama's pull, for a download that arrived corrupted: "digest mismatch,
                    # file must be downloaded again".
                    r"|digest mismatch, file must be downloaded again"
                    # A coding agent, for a model's answer not in the form it asked: "Invalid
                    # LLM output format: ...".
                    r"|invalid llm output format|model generated invalid tool call"
                    # Gemini Code Assist's client: "Failed to generate contents. Invalid
                    # response data received."
                    r"|invalid response data received"
                    # serde (Rust clients: Amazon Q's CLI), on an answer cut short: "EOF
                    # while parsing a string at line 1 column 12866".
                    r"|\beof while parsing an? (?:string|value|object|list)\b"
                    # Lua's and Vim's JSON decoders on a reply cut short or not JSON; a
                    # client's "empty or unparsable" and Swift's missing-field decoding error.
                    r"|but found (?:invalid token|unexpected end of string) at character \d+"
                    r"|e474: unexpected end of input"
                    r"|empty or unparsable response|couldn'?t be read because it is missing"
                    r"|error deserializing [\w ]{0,30}response|error parsing json"
                    # An answer with nothing in it (Ollama with a reasoning model whose text
                    # went to its thinking, LiteLLM's stream with no choice); Plandex's
                    # stream cut off after it started.
                    r"|no response data from|response stream must include at least one choice"
                    # The same in a client's words: "response does not contain valid
                    # choices" (MateChat), "模型 … 返回空回复" (MaiBot: returned an empty reply).
                    r"|(?:does not|doesn'?t) contain (?:any )?valid choices"
                    # Copilot Chat's, for a bring-your-own-key model's answer.
                    r"|response contained no choices"
                    r"|返回空(?:回复|响应|内容)"
                    r"|stream error\W+unexpected eof"
                    # A relay's websocket to its upstream dropped mid-answer: "error reading
                    # stream response: websocket: close 1006 (abnormal closure): unexpected EOF".
                    r"|websocket: close 1006 \(abnormal closure\)"
                    # Go's JSON decoder on the model's output, as a service quotes it ("internal
                    # error: invalid character '\n' in string literal", "... 'g' after object
                    # key:value pair").
                    r"|invalid character '.{1,4}' (?:in string literal|after object key)"
                    # Chinese "could not parse the response returned".  (Not a browser's
                    # TypeError reading the first item of a field the answer did not have,
                    # Chrome's "reading '0'" or Firefox's "can't access property 0": it does
                    # not say what came back.)
                    r"|无法解析返回的响应"
                    # A client's words for an answer not of the shape it expects ("Incorrect
                    # response from OpenAI API", EASYChatGPT and a ChatTTS plugin).
                    r"|incorrect response from \w+ api\b"
                    # Google's older SDKs, for an answer they could not read: JS "Failed to
                    # parse stream", Dart "Unhandled format for Content: {}", Android's
                    # "Something went wrong while trying to deserialize a response from the
                    # server".
                    r"|googlegenerativeai error\]: failed to parse stream"
                    r"|unhandled format for \w*(?:content|response)\b"
                    r"|trying to deserialize a response from the server"
                    # openai-php's and go-openai's words for an answer they could not read.
                    r"|unserializableresponse|stream has sent too many empty messages"
                    r"|failed to parse json(?![\w-])|did not contain a valid json"
                    # The OpenAI Python SDK hands back the body as a string when it was not
                    # JSON, and the caller then fails on it: "'str' object has no attribute
                    # 'choices'" (a relay's page or plain text where a completion was due).
                    r"|'str' object has no attribute '(?:choices|model_dump|usage)'"
                    # The AI SDK's AI_JSONParseError, quoting the answer's text it could not
                    # parse ("JSON parsing failed: Text: {...chat.completion.chunk...").
                    r"|json parsing failed: text:"
                    # iFlow's "response format error / invalid (no choices)".
                    r"|响应格式(?:错误|无效)"
                    # .NET's System.Text.Json on an HTML page.
                    r"|'<' is an invalid start of a value"
                    # Swift's Codable on an answer missing a field it needs ("DecodingError.
                    # keyNotFound(CodingKeys(stringValue: \"uri\" ...", the Gemini iOS SDK).
                    r"|(?:decodingerror\.)?keynotfound\(codingkeys|error decoding server json"
                    # Gemini CLI, on a line of the streamed answer it could not read.
                    r"|unexpected line format in (?:the )?response"
                    # zod, checking a streamed chunk against the client's schema: '"code":
                    # "invalid_type", "path": ["choices", 0, "delta", ...]', or the path first
                    # ('[{"path":["choices",0,"delta","role"],"message":"Invalid input: ...'); the
                    # AI SDK's own name for it.
                    r"|invalid_type\W{1,8}(?:path\W{1,6})?choices\W{1,6}(?:\d+\W{1,4})?delta\b"
                    r"|\bpath\W{1,6}choices\W{1,6}\d+\W{1,4}delta\b|\bai_typevalidationerror\b",
                    # With a 4xx the parse error is the server's, about gptel's request.
                    http=(None, 200, 500, 502, 503),
                    # Ollama's Go server, about gptel's request: "cannot unmarshal ... into
                    # Go struct field ChatRequest.messages".
                    not_text=r"could not parse the json body|request body|deserialize the json"
                    r"|into go struct field \w*request"),
              # A relay's words for an upstream answer it could not read, whatever status it
              # then gives ("格式转换错误: Failed to parse upstream response: expected value at
              # line 1 column 1", a 422): the answer was the upstream's, not gptel's request.
              match(text=r"(?:failed|unable) to parse (?:the )?upstream response"),
              match(http=(204, 205)),
              # Node's HTTP parser: what answered does not speak HTTP, whatever status it
              # seemed to give.
              match(text=r"parse error: expected http/")),
        summary="The answer from {host} was not JSON (HTTP {status}): often a proxy's or CDN's "
        "HTML page, or a wrong :host or :endpoint.",
        explanation=(
            "gptel expected the provider's JSON and got something else (\"Malformed JSON in "
            "response\"). Usually that is an HTML page: from a corporate proxy or captive "
            "portal, from a CDN in front of the API (HTTP 520-524), or from a web server "
            "because :host or :endpoint points at the wrong place. gptel does not show the "
            "body; with gptel-log-level set, *gptel-log* does.{page_title_clause}"
        ),
        steps=(
            "Set (setq gptel-log-level 'debug), resend, and read the response body in "
            "*gptel-log*.",
            "Check the backend's :host, :endpoint and :protocol against the provider's "
            "documentation.",
            "If the body is a proxy's login or block page, set gptel-proxy or ask your "
            "network administrator.",
        ),
        fixes=(_SHOW_BODY, REDEFINE_BACKEND),
        docs=("https://github.com/karthink/gptel/issues/997",
              "https://github.com/karthink/gptel/issues/889"),
        examples=(
            Example(
                error={
                    "status": "(HTTP/2 400) Malformed JSON in response.",
                    "http_status": "400",
                    "error": "Malformed JSON in response",
                },
                backend={"kind": "openai", "host": "api.openai.com"},
                source="https://github.com/karthink/gptel/issues/211",
            ),
        ),
    ),
    Rule(
        code="ENDP001",
        name="endpoint-not-found",
        category="endpoint.wrong",
        when=(
            # Not on the provider's own documented path for a model (Hugging Face's
            # /models/ORG/MODEL): there the page is about the model (MODEL008).
            match(http=404, gptel=("malformed_json", "unparseable"), documented_path=False),
            # A known provider's host answered a path that is none of its APIs with a body no
            # client could read (goose: "Response body is not valid JSON: error decoding
            # response body for url (https://open.bigmodel.cn/v1/models)"): the path.
            match(off_path=True, local=False, http=(None, 200, 404),
                  text=r"not (a )?valid json|error decoding response body"),
            # Or with its web site's HTML page: Zhipu's console for "/v4/..." without
            # "/api/paas" (monet88/FluxOrigin's recording).
            match(off_path=True, local=False, http=(None, 200, 404), html=True),
            # An :endpoint of "/" (a base URL with no API path): a site's home page came
            # back (RikkaHub with "https://tbai.xin/", rikkahub/rikkahub).
            match(endpoint=r"^/$", local=False, http=(None, 200, 404), html=True),
            # 405 Method Not Allowed: the path exists but takes no POST, so it is not the API's.
            match(http=405),
            # A client that asked the base URL for its models list and got something else
            # (JetBrains AI Assistant: "GET http://127.0.0.1:2455/backend-api/codex/models
            # ... Illegal input: Field 'data' is required for type with serial name
            # '...OpenAIModelsResponse'"): that base URL serves no OpenAI-style API.
            match(text=r"field 'data' is required for type with serial name "
                  r"'[\w.]*models?response'"),
            # A 404 for a URL with an empty path segment ("https://generativelanguage.
            # googleapis.com/v1beta//models"): a base URL that ended in "/" before a path
            # that starts with one, whatever the words say of the model.
            match(http=(None, 404), text=DOUBLE_SLASH_URL),
            # OpenAI's Realtime API, for the beta's path and shape after the GA: "The Realtime
            # Beta API is no longer supported. Please use /v1/realtime for the GA API."
            match(codes=("beta_api_shape_disabled",)),
            # OpenAI's answer for a path it has not: "Invalid URL (POST /v1/...)", an Azure
            # deployments path included.
            match(text=r"invalid url \((get|post|put|patch|delete) /"),
            # Azure's v1 API, for a URL that also names an api-version (a client that adds one
            # to every Azure URL): "api-version query parameter is not allowed when using /v1
            # path".
            match(text=r"api-version query parameter is not allowed when using /v1 path"),
            # A URL with a second "?" ("...?alt=sse?key=..."): Google reads the rest as the
            # value of the first parameter ("Invalid value \"sse?key=AIza...\" for query
            # parameter 'alt'").
            match(text=r"invalid value \W{0,2}\w+\?\w+=.{0,120}for query parameter"),
            # A JSON answer whose whole message is "Not Found" and no status came with it (a
            # router or SDK that dropped the 404): the path, as for a bare 404 page.
            match(http=None, text=r"['\"]?message['\"]?\s*:\s*['\"]not found['\"]"),
            # A server error whose whole message is the 404 behind it (Z.ai, for a path it has
            # not: {"error": {"code": "500", "message": "404 NOT_FOUND"}}): the path, as the
            # same body with no status says.
            match(http=(500, 502), text=r"^\W*404 not[ _]found\W*(?:\n|$)"),
            # A path with its version twice ("/v1/v1/chat/completions", text-generation-
            # webui's "/v1/api/v1/generate"): a base URL that already ended in it, whatever
            # words the failure came with.
            match(http=(None, 404, 405), text=_VERSION_TWICE),
            # OpenAI's "/v1" glued onto Ollama's own "/api/..." (a base URL that ended in
            # /v1, then Ollama's path: "POST http://host.docker.internal:11434/v1/api/
            # embeddings 404", letta-ai/letta#2747): a path in neither API.
            match(provider="ollama", http=(None, 404, 405), text=_OLLAMA_UNDER_V1),
            match(provider="ollama", http=(None, 404, 405), endpoint=_OLLAMA_UNDER_V1),
            match(http=(None, 404, 405), endpoint=_VERSION_TWICE),
            # A model the Responses API does not serve, on that API's path (LABELING: the
            # path is what to change), even where the words go on to "not found: model".
            match(text=RESPONSES_REFUSED),
            # The path read as part of the model's name: Hugging Face's "Model
            # google/gemma-2-2b-it/v1/chat/completions does not exist".
            match(text=PATH_AS_MODEL),
            match(text=r"404 page not found|cannot post|no route(?! to host)|unknown (request )?url"
                  r"|method not allowed|unexpected endpoint|resource not found|wrong endpoint"
                  r"|request method '?\w+'? not supported|unsupported method \('?(get|post)"
                  # Another API's path for this model; on the chat path it is MODEL009's.
                  r"|not accessible via the /?[\w/.]+ endpoint"
                  # Azure's "completion" (legacy) and "embeddings" operations; Azure AI's
                  # Responses API; Hugging Face's text-generation task, for a chat model.
                  r"|\b(completion|embeddings) operation does not work with the specified model"
                  r"|is not supported for task text-generation|" + RESPONSES_REFUSED +
                  r"|only (available|supported) (via|through|on) the|use the /?responses"
                  # A relay that serves only the Responses API: "Unsupported legacy protocol:
                  # /v1/chat/completions is not supported. Please use /v1/responses".
                  r"|unsupported legacy protocol"
                  r"|unrecognized request url|page not found|path not found|endpoint not found"
                  r"|" + FASTAPI_NOT_FOUND +
                  # New API, for a request its adaptor has no way to send for that channel
                  # (a rerank or Responses call to a chat-only upstream).
                  r"|(^|[\s:\"])not implemented \(request id: \w+\)"
                  # Baidu's older API, for a URL that names no method it offers.
                  r"|unsupported openapi method|invalid websocket upgrade"
                  # Gradio (text-generation-webui): "This app has no endpoint /api/textgen/."
                  r"|this app has no endpoint|no such endpoint"
                  # A path no handler serves (Spring's "No static resource ...").
                  r"|" + UNROUTED_PATH + r"|welcome to the openai api"
                  # OpenAI, for a chat model sent to the legacy /v1/completions.
                  r"|not supported in the v1/completions endpoint"
                  # Mistral, for the same: "The model X does not support the /v1/completions
                  # API".
                  r"|does not support the /v1/completions api"
                  # A chat body sent to the Responses API's path ("Unsupported parameter:
                  # 'messages'. In the Responses API, this parameter has moved to 'input'").
                  r"|" + MESSAGES_REFUSED
                  # Azure OpenAI, for the api-version in :endpoint's query.
                  + r"|api version not supported|model \S+ is enabled only for api versions"
                  # The same for the Responses API: "Azure OpenAI Responses API is enabled only
                  # for api-version 2025-03-01-preview and later".
                  r"|responses api is enabled only for api-version"
                  # Azure's words for no api-version in the URL, or one it does not serve.
                  r"|missing required query parameter: api-version"
                  r"|the api version '[^']{1,40}' is not available"
                  # An API or host retired for another: OpenAI's "The v1 Assistants API has
                  # been deprecated", Hugging Face's "https://api-inference.huggingface.co is
                  # no longer supported. Please use https://router.huggingface.co instead",
                  # Cohere's "this model is not supported with '/v1/chat', please use
                  # '/v2/chat' instead".
                  r"|\bapi has been deprecated|is no longer supported\W+please use https?://"
                  # The same API's v1 header, for a newer model: "The requested model 'gpt-4o'
                  # cannot be used with the Assistants API in v1."
                  r"|cannot be used with the assistants api in v1\b"
                  r"|not supported with '/[\w/.]+', please use '/"
                  # Anthropic, for a current model on the legacy /v1/complete: "is not
                  # supported on this API. Please use the Messages API instead."
                  r"|not supported on this api\. please use the [\w ]{1,30} api"
                  # A relay that serves only some paths: "Only /v1/chat/completions &&
                  # /v1/embeddings allowed now , your path {/moderations}" (langgenius/dify#80).
                  r"|only /v1/[\w/]+ .{0,60}allowed now|\byour path \{/",
                  not_text=r"model .{0,80}(not found|does not exist)|deployment|url scheme"
                  r"|missing an? .?https?"),
            # A bare "Not Found" and nothing else: the path, except on the provider's own
            # documented path for a model (Hugging Face's /models/ORG/MODEL), where what is
            # missing is the model (MODEL008; LABELING.md, stop 53).
            match(text=r"^not found$|\n not found \n", documented_path=False,
                  not_text=r"model .{0,80}(not found|does not exist)|deployment"),
            # A 5xx is the server's own failure: an "invalid URL" there is its upstream's.
            match(text=r"invalid url", not_http=(500, 502, 503, 504),
                  not_text=r"model .{0,80}(not found|does not exist)|deployment|url scheme"
                  r"|missing an? .?https?"),
        ),
        summary="{host} has no API at this path (HTTP {status}): the backend's :host, "
        ":endpoint or :protocol is wrong.",
        explanation=(
            "The server answered, but with a \"not found\" page rather than the provider's "
            "JSON: the URL gptel built from :protocol, :host and :endpoint does not exist "
            "there. Typical mistakes: https:// or a path inside :host, a missing /v1 in "
            ":endpoint, or an OpenAI-style endpoint on a server with another API."
        ),
        steps=(
            "Check the backend's :host (bare host and port), :endpoint (for example "
            "/v1/chat/completions) and :protocol.",
            "Set (setq gptel-log-level 'debug) and resend to see the page in *gptel-log*.",
        ),
        # The backend's own form put right, when the path shows what is wrong with it (a
        # base URL without its chat path, OpenAI's /v1 before Ollama's /api/).
        fixes=(BACKEND_FORM, _SHOW_BODY_UNLESS_FORM, REDEFINE_BACKEND),
        next_step=("Redefine the backend as {backend_form}",),
        docs=("https://github.com/karthink/gptel/issues/997",),
        examples=(
            Example(
                error={
                    "status": "(HTTP/1.1 404 Not Found) Malformed JSON in response.",
                    "http_status": "404",
                    "error": "Malformed JSON in response",
                },
                backend={"kind": "openai", "host": "localhost:8080", "endpoint": "/chat"},
                source="https://github.com/karthink/gptel/issues/997",
            ),
        ),
    ),
    Rule(
        code="ENDP004",
        name="chat-request-on-responses-path",
        category="endpoint.wrong",
        # A backend that sends Chat Completions requests (gptel-make-openai off OpenAI's own
        # host) pointed at a Responses path: the Responses API wants "input" where the
        # request has "messages".  Not a part of an input missing ("input[399].id"), which
        # is the request's own shape; not a Responses backend (gptel-make-openai-responses).
        when=(match(endpoint=r"/responses/?$", not_backend_type=r"responses",
                    text=INPUT_MISSING),
              match(endpoint=r"/responses/?$", backend_type=r"^gptel-openai$",
                    http=(400, 404, 422))),
        summary="The backend's :endpoint is a Responses API path (/responses), but this backend "
        "sends Chat Completions requests (messages, not input): give it the chat path.",
        explanation=(
            "gptel-make-openai builds Chat Completions requests, with the conversation in "
            "\"messages\". A path ending in /responses is the Responses API, which reads "
            "\"input\" instead, so it refuses the request as missing its input. Either point "
            "the backend at the chat path, or (gptel 0.9.9.5 and newer) define it with "
            "gptel-make-openai-responses, which speaks the Responses API."
        ),
        steps=("Redefine the backend with :endpoint \"/v1/chat/completions\" (or the chat path "
               "your server documents).",
               "Or, with gptel 0.9.9.5 or newer, define it with gptel-make-openai-responses.",),
        fixes=(BACKEND_FORM, REDEFINE_BACKEND),
        next_step=("Redefine the backend as {backend_form}",
                   "Give the backend the chat path, :endpoint \"/v1/chat/completions\".",),
        docs=("https://platform.openai.com/docs/api-reference/responses/create",
              "https://github.com/karthink/gptel/blob/master/gptel-openai-responses.el"),
        examples=(
            Example(
                error={"status": "HTTP/1.1 400 Bad Request", "http_status": "400",
                       "error": {"message": "Missing required parameter: 'input'.",
                                 "type": "invalid_request_error"}},
                backend={"kind": "relay", "endpoint": "/openapi/v1/responses"},
                source="https://github.com/Kaggle/kaggle-benchmarks/issues/199",
            ),
        ),
    ),
    Rule(
        code="ENDP006",
        name="api-host-shut-down",
        category="endpoint.wrong",
        # The backend's :host is one its provider has shut down (the record's retired_hosts):
        # Hugging Face's serverless api-inference.huggingface.co answers 410 Gone, or "is no
        # longer supported", since the router replaced it.  Only with those answers: the
        # host's older failures (a 503 while a model loaded, a 429) came while it served.
        when=(match(host_retired=True, http=410),
              # Not "deprecated": a model the host once retired ("Model X is deprecated") is
              # MODEL003's, whatever host said it.
              match(host_retired=True, text=r"no longer supported|\bgone\b")),
        summary="{provider} has shut down {host}: its API is now at {moved_to_url}.",
        explanation=(
            "The backend's :host is an API host {provider} no longer serves, so every "
            "request to it fails, whatever the model or the key. The same key works at the "
            "host that replaced it; the path changes with it, and a model may be named "
            "differently there (the new API's model list says how)."
        ),
        steps=("Redefine the backend with the new host and path: {moved_to_url}.",
               "Then check the model name against {models_url}."),
        fixes=(BACKEND_FORM, REDEFINE_BACKEND),
        next_step=("Redefine the backend as {backend_form}",
                   "Redefine the backend at {moved_to_url}.",),
        docs=("https://huggingface.co/docs/inference-providers/index",),
        examples=(
            Example(
                error={"status": "HTTP/2 410", "http_status": "410",
                       "error": "410 Client Error: Gone for url: https://api-inference."
                       "huggingface.co/models/Qwen/Qwen2.5-Coder-32B-Instruct"},
                backend={"kind": "openai", "name": "HF", "host": "api-inference.huggingface.co",
                         "endpoint": "/models/Qwen/Qwen2.5-Coder-32B-Instruct"},
                source="https://huggingface.co/spaces/agents-course/unit2_smolagents_quiz/"
                "discussions/26",
            ),
        ),
    ),
    Rule(
        code="ENDP007",
        name="github-models-retired",
        category="endpoint.wrong",
        # GitHub retired GitHub Models on 30 July 2026, after brownouts on 16 and 23 July that
        # answered the same 410 ("GitHub Models is temporarily unavailable as part of a
        # scheduled retirement brownout", code github_models_retirement_brownout).  Its hosts
        # answer no one now, and no host replaced them: the backend must change provider.
        when=(match(text=r"github models is temporarily unavailable as part of a scheduled "
                    r"retirement|github_models_retirement"),
              match(provider="github-models", http=410)),
        summary="GitHub Models has been shut down (GitHub retired it on 30 July 2026): this "
        "backend can no longer answer, whatever the key or the model.",
        explanation=(
            "GitHub retired GitHub Models on 30 July 2026, after brownouts on 16 and 23 July "
            "that answered with the same HTTP 410. Its inference API (models.github.ai and "
            "models.inference.ai.azure.com) no longer serves anyone, and no other host took "
            "its place. GitHub points its users to Microsoft Foundry; any other provider gptel "
            "supports works as well."
        ),
        steps=("Define a backend for another provider (Microsoft Foundry or Azure OpenAI "
               "with gptel-make-azure, or any other) and make it gptel-backend.",
               "Remove the GitHub Models backend from your init file."),
        fixes=(ASK_BACKEND, REDEFINE_BACKEND),
        next_step=("Switch gptel-backend to another provider (M-x gptel-menu, then -m)",),
        docs=("https://github.blog/changelog/2026-07-30-github-models-is-now-retired/",),
        examples=(
            Example(
                error={"status": "HTTP/2 410", "http_status": "410",
                       "error": {"code": "github_models_retirement_brownout",
                                 "message": "GitHub Models is temporarily unavailable as part "
                                 "of a scheduled retirement brownout."}},
                backend={"kind": "openai", "name": "GitHub Models",
                         "host": "models.inference.ai.azure.com"},
                source="https://github.com/microsoft/langchain-for-beginners/issues/34",
            ),
        ),
    ),
    Rule(
        code="RESP002",
        name="response-without-error-field",
        # Not response.malformed: the body is an error, only in an envelope gptel does not
        # read (Azure's bare {"code": "content_filter"}, DashScope's {"code": "Arrearage"}, a
        # gateway's {"success": false, ...}); its cause is in the words gptel hides.
        category="unknown",
        when=match(gptel="unparseable", not_gptel="no_response",
                   http=(None, 200, 201, 400, 409, 422, 500, 502)),
        summary="{host} answered HTTP {status} with an error in a shape gptel does not read, so "
        "its reason is hidden: usually the provider's or a gateway's own error format; set "
        "gptel-log-level to 'info and resend to read it.",
        explanation=(
            "gptel got JSON, but neither an answer nor an error in the shape it knows "
            "(\"Could not parse HTTP response\"), so the provider's reason is not shown. "
            "Usually the provider, or a gateway in front of it, wraps its error its own way (a "
            "content filter, a billing or parameter error); sometimes the server behind :host "
            "is another kind of API than the backend type says."
        ),
        steps=(
            "Set (setq gptel-log-level 'info) and resend: gptel-diagnose then reads the body "
            "gptel logs and names the cause (the body is in *gptel-log* too).",
            "Check that the backend was made with the right gptel-make-* for this server.",
        ),
        # 'info logs the body, which is all this needs; no headers, so no key.
        fixes=(LOG_REQUESTS,),
        docs=("https://github.com/karthink/gptel#usage",),
        examples=(
            Example(
                error={
                    "status": "HTTP/1.1 400 Bad Request",
                    "http_status": "400",
                    "error": "Could not parse HTTP response.",
                },
                backend={"kind": "openai", "host": "localhost:5000"},
                source="https://github.com/karthink/gptel/blob/master/gptel-request.el",
            ),
        ),
    ),
    Rule(
        code="RESP012",
        name="limit-reached-before-any-text",
        category="response.malformed",
        # Before the key words of a client that reads an empty answer as a bad key ("Invalid
        # Gemini API key: Invalid response format ... finishReason: MAX_TOKENS").
        when=said(_CUT_AT_LIMIT),
        summary="{provider} stopped at the answer's length limit before writing any text (its "
        "finish reason says so): a reasoning model can spend the whole limit thinking; allow "
        "a longer answer.",
        explanation=(
            "The answer ended because it reached its maximum length (Gemini's finishReason "
            "MAX_TOKENS, OpenAI's finish_reason \"length\"), yet it holds no text. Reasoning "
            "models (Gemini 2.5, OpenAI's gpt-5 and o3) count their hidden thinking "
            "against that limit, so a small gptel-max-tokens can be used up before the answer "
            "begins."
        ),
        steps=(
            "Allow a longer answer: (setq gptel-max-tokens nil), or raise it well above what "
            "the model thinks (several thousand tokens). " + MAX_TOKENS_NIL_SAYS,
            "Or ask the model to think less, in the backend's or the model's :request-params.",
        ),
        fixes=(LENGTH_OFF, MAX_TOKENS_UP, MAX_TOKENS_EXPLICIT),
        next_step=("Ask the model to think less, in the model's :request-params",),
        docs=("https://ai.google.dev/gemini-api/docs/thinking",),
        examples=(
            Example(
                error={"error": "Review failed: Invalid Gemini API key: Invalid response "
                       "format from Gemini API. \nExpected structure: "
                       "candidates[0].content.parts[0].text. \nRaw response: { \n  "
                       "\"candidates\": [{ \n    \"content\": { \"role\": \"model\" },  "
                       "\u2190 NO \"parts\" field!\n    \"finishReason\": \"MAX_TOKENS\",\n"
                       "    ...\n  }]\n}"},
                backend={"kind": "gemini"},
                request={"model": "gemini-2.5", "max_tokens": 1500},
                source="https://github.com/raju-bvssn/agent-review-board/blob/HEAD/"
                "GEMINI_TOKEN_LIMIT_FIX.md",
            ),
        ),
    ),
    Rule(
        code="RESP014",
        name="answer-cut-at-its-length-limit",
        category="response.malformed",
        # A client's words for an answer that stopped at its output limit part-way (RESP012 is
        # the same limit reached before any text): Claude Code's "Claude's response exceeded
        # the 32000 output token maximum", a Chinese app's "AI 输出达到模型最大长度，结果不完整"
        # and its report's "结束原因: length".
        when=match(text=r"response exceeded the \d+ output token maximum"
                   # Hermes Agent: "Response truncated due to output length limit".
                   r"|truncated due to (?:the )?(?:output )?(?:length|token) limit"
                   # pi: "Model stopped because it reached the maximum output token limit."
                   r"|reached the maximum output token limit"
                   # Kilo Code, for OpenRouter's finish reason "length": "Provider ended the
                   # request: The maximum number of completion tokens was reached."
                   r"|maximum number of completion tokens was reached"
                   r"|response remained truncated"
                   # openai-python's LengthFinishReasonError, when it parses a structured
                   # answer: "Could not parse response content as the length limit was
                   # reached".
                   r"|could not parse response content as the length limit was reached"
                   # Strands Agents' exception for the same: "MaxTokensReachedException".
                   r"|\bmaxtokensreachedexception\b"
                   r"|输出达到(?:了)?模型(?:的)?最大长度|(?:结束原因|失败码)\s*[:：]\s*length\b"
                   # An agent's log of the finish reason: "stop_reason: length", and
                   # Anthropic's own name for it in a client's words ("Anthropic response
                   # contained no tool_use block (stop_reason: max_tokens)").
                   r"|\b(?:stop|finish)_reason: (?:length|max_tokens)\b"),
        summary="{provider} stopped the answer at its length limit, so it is incomplete; the "
        "key, the model and the connection are fine.",
        explanation=(
            "The model was still writing when the answer reached the most tokens it may have "
            "(the request's max_tokens, or the model's own output limit). The answer itself is "
            "cut off; the key, the model and the connection are fine. Reasoning models count "
            "their thinking against the same limit."
        ),
        steps=(
            "Allow a longer answer: (setq gptel-max-tokens nil), or a larger number. "
            + MAX_TOKENS_NIL_SAYS,
            "If the model's own output limit is the cap, ask for less at a time (split the "
            "task), or use a model with a larger output limit.",
        ),
        fixes=(LENGTH_OFF, MAX_TOKENS_UP, MAX_TOKENS_EXPLICIT),
        next_step=("Ask for a shorter answer, or split the task into parts.",),
        docs=("https://docs.anthropic.com/en/api/handling-stop-reasons",),
        examples=(
            Example(
                error={"error": "API Error: Claude's response exceeded the 32000 output token "
                       "maximum. To configure this behavior, set the\n     "
                       "CLAUDE_CODE_MAX_OUTPUT_TOKENS environment variable."},
                source="https://github.com/techjarves/OpenClaude-Portable/issues/36",
            ),
        ),
    ),
    Rule(
        code="RESP011",
        name="model-wrote-a-malformed-tool-call",
        category="response.malformed",
        # Gemini's finish reasons for a tool call the model botched: in the error's text, or
        # in the last events of a stream that brought no text (the body the companion read).
        when=said(_BOTCHED_TOOL_CALL),
        summary="{provider} ended the answer because the model's tool calls were unusable (one "
        "that does not parse, a tool not offered, or too many): resend, or send no tools.",
        explanation=(
            "Gemini stops with `finishReason` MALFORMED_FUNCTION_CALL when the model tries to "
            "call one of the tools gptel sent (gptel-tools) and what it writes is not a valid "
            "call, with UNEXPECTED_TOOL_CALL when it calls a tool it was not offered, and with "
            "TOO_MANY_TOOL_CALLS when it asks for more calls than one turn allows. The "
            "key, the model name and the request are fine: the model's output is at fault. It "
            "happens more with many tools, long tool descriptions, or a setting that asks for "
            "plain text."
        ),
        steps=(
            "Resend: the model often writes the call correctly the next time.",
            "If it keeps happening, send fewer tools (M-x gptel-menu), or none: "
            "(setq gptel-use-tools nil); or use a larger model.",
        ),
        fixes=(NO_TOOLS,),
        docs=("https://ai.google.dev/api/generate-content#FinishReason",),
        examples=(
            Example(
                error={"error": "MALFORMED_FUNCTION_CALL"},
                backend={"kind": "gemini"},
                request={"model": "gemini-2.5-flash"},
                source="https://github.com/6-7Development/archetype/blob/HEAD/"
                "GEMINI_FUNCTION_CALLING_FIX.md",
            ),
        ),
    ),
    Rule(
        code="RESP013",
        name="empty-response-body-read",
        category="response.malformed",
        # gptel's "Empty response" where the companion read the body from gptel's response
        # buffer: what came back is known and shown, so no logging (which writes the key to
        # *gptel-log*) is needed to see it.
        when=match(gptel="empty_response", http=(None, 200), body=r"\S"),
        summary="gptel got an answer with no text it could read, and gptel-diagnose kept what "
        "was in it.",
        explanation=(
            "The request succeeded (HTTP 200) but gptel found no text to insert (\"Empty "
            "response\"). gptel-diagnose read the body from gptel's response buffer; it shows "
            "whether it holds an error object gptel does not parse, a safety block, a reasoning "
            "model's answer that ran out of tokens, or something else in a shape gptel does "
            "not expect."
        ),
        steps=("Read the body under \"What gptel reported\" in M-x gptel-diagnose.",
               *_EMPTY_ANSWER_STEPS),
        next_step=("Read the body that came back: M-x gptel-diagnose",),
        docs=("https://github.com/karthink/gptel/pull/1012",),
        examples=(
            Example(
                error={"status": "Empty response", "http_status": "200",
                       "body": '{"id": "chatcmpl-empty", "object": "chat.completion", '
                       '"choices": []}'},
                backend={"kind": "openai", "host": "api.openai.com"},
                source="https://github.com/karthink/gptel/pull/1012",
            ),
        ),
    ),
    Rule(
        code="RESP003",
        name="empty-response",
        category="response.malformed",
        # gptel's "Empty response" is its word for a 200 with nothing in it; a client's
        # "HTTP 404: empty response" is a status with no body, which the status explains.
        when=(match(gptel="empty_response", http=(None, 200)),
              match(http=200, text=r"finish_?reason\W+(length|error)|empty (response|reply)"
                    r"|no (content|candidates|choices)"),
              match(text=r"no generations found in stream|did not provide any assistant messages"
                    r"|no output found in (?:the )?response"
                    r"|empty reply from server"
                    # Vim's JSON decoder on an empty body; gp.nvim's own words.
                    # Void: "Response from model was empty."
                    r"|attempt to decode a blank string"
                    r"|\bresponse (?:from (?:the )?model )?(?:is|was) empty\b"
                    r"|no response received from the model"
                    # FastGPT: "sse error: LLM model response empty"; AstrBot: "API 返回的
                    # completion 为空"; a router's "[Proxy Error] The upstream API returned an
                    # empty response".
                    r"|\bmodel response empty\b|返回的 ?completion ?为空"
                    r"|upstream api returned an empty response"
                    # Burp AI Agent: "OpenAI-compatible response content was empty".
                    r"|response content was empty"
                    r"|request ended without sending any chunks"
                    # OpenClaw: "incomplete turn detected: runId=... stopReason=stop
                    # payloads=0".
                    r"|incomplete turn detected\b.{0,120}\bpayloads=0\b"
                    # Hermes Agent: "Provider returned an empty stream with no finish_reason".
                    r"|returned an empty stream"
                    # Claude Code: "Stream ended without receiving any events"; Gemini CLI
                    # and its forks: "Model stream was invalid or completed without valid
                    # content."
                    r"|stream ended without receiving any events"
                    r"|stream was invalid or completed without valid content"
                    # wget's and browsers' words for a connection closed with no answer.
                    r"|no data received|err_empty_response"
                    # hyper (Rust): the server closed the connection without answering.
                    r"|connection closed before message completed"
                    # Apps' words for an answer with no text: the AI SDK's NoTextGenerated,
                    # FastGPT's "response_empty", opencommit's EMPTY_MESSAGE, gptel's own
                    # (misspelt in some versions) "Emtpy Response".
                    r"|no text generated|response_empty|\bempty_message\b|emtpy response"
                    r"|ended the response before returning|stream terminated"
                    r"|api returned no (?:message )?content"
                    # An agent library's words for an answer with neither text nor a tool call:
                    # "model output must contain either output text or tool calls".
                    r"|must contain either output text or tool calls"
                    # A Chinese Gemini proxy (Hajimi): "空响应次数达到限制 (13/13)" (empty answers
                    # up to its retry limit).
                    r"|空响应|响应为空"
                    # LightRAG: "Received empty content from OpenAI API" (HKUDS/LightRAG#1708).
                    r"|received empty (?:content|response) from\b"
                    # Onyx's EmptyLLMResponseError: "The selected model returned no final
                    # answer before the stream completed. No text or tool calls were received".
                    r"|returned no final answer|no text or tool calls were received"
                    # LLM Gateway: "Response finished successfully but returned no content or
                    # tool calls".
                    r"|returned no content or tool calls"
                    # Compaction's summary came back empty: OpenCode's "Compaction produced no
                    # summary", Claude Code's "Failed to generate conversation summary -
                    # response did not contain valid text".
                    r"|compaction produced no summary|response did not contain valid text"
                    # CoStrict, in Chinese: "API返回异常：模型没有回复任何消息" (the model
                    # replied with no message; zgsm-ai/costrict#559).
                    r"|模型没有回复任何消息"
                    # More clients' words for an answer with nothing in it: Copilot Chat's
                    # "Sorry, no response was returned.", Go's Gemini client's "GenerateContent
                    # API returned a candidate with no content", Letta's "API call didn't
                    # return a message", big-AGI's "empty model message".
                    r"|\bno response was returned\b|returned a candidate with no content"
                    r"|api call didn'?t return a message|\bempty model message\b"
                    # Copilot Chat: "The model unexpectedly did not return a response, which
                    # may indicate a service issue."
                    r"|model unexpectedly did not return a response"
                    # Python reading the first chunk of a stream that had none.
                    r"|next\(\w*stream\w*\)[^\n]*(?:\n[^\n]*){0,3}\bstopiteration\b"
                    # A Gemini answer with no candidate, or one with no parts: New API's "No
                    # candidates returned", AstrBot's "API 返回的 candidate.content.parts 为空".
                    r"|\bno candidates returned\b|candidate\.content\.parts ?为空"
                    # The AI SDK's NoOutputGeneratedError: "No output generated. Check the
                    # stream for errors.", or its class name alone.
                    r"|no output generated\. check the stream|\bai_nooutputgeneratederror$"
                    # Claude Code, for a turn that ended with no assistant message.
                    r"|no assistant message found"),
              # An answer quoted whole with nothing in it: a chat completion whose message
              # content is null, that calls no tool and whose "error" field, if any, is null
              # (Ollama's OpenAI-compatible path, at random).
              match(http=(None, 200),
                    text=r'"object":\s*"chat\.completion".*"content":\s*null\b',
                    not_text=r'"tool_calls":\s*\[\s*\{|"error":\s*[^\sn]'),
              # OmniRoute's words for the same, with no status: "Provider returned empty
              # content" (under its 502 the gateway failed).
              match(http=(None, 200),
                    text=r"\bprovider returned (?:an )?empty (?:content|response)\b")),
        summary="gptel got an answer with no text in it; the body, logged in *gptel-log*, "
        "shows what came back.",
        explanation=(
            "The request succeeded (HTTP 200) but gptel found no text to insert (\"Empty "
            "response\"). Causes: an error event inside a stream that gptel does not parse, a "
            "safety block (Gemini), a reasoning model that spent its whole token budget "
            "thinking, or a body gptel cannot read (on Emacs 28 with a Responses backend, "
            "streaming breaks: turn it off)."
        ),
        steps=("Set (setq gptel-log-level 'debug), resend, and read the body in *gptel-log*.",
               *_EMPTY_ANSWER_STEPS),
        fixes=(_SHOW_BODY,),
        docs=("https://github.com/karthink/gptel/pull/1012",),
        examples=(
            Example(
                error={"status": "Empty response"},
                backend={"kind": "openai", "host": "api.openai.com"},
                source="https://github.com/karthink/gptel/issues/253",
            ),
        ),
    ),
    Rule(
        code="RESP004",
        name="cdn-error-page",
        category="response.malformed",
        when=(match(http=(520, 521, 522, 523, 525, 526, 527, 530)),
              # Cloudflare's 520 page in words, quoted without its status ("The origin web
              # server returned an invalid or incomplete response to Cloudflare. This
              # typically indicates the origin is overloaded or misconfigured.").
              match(text=r"returned an invalid or incomplete response to cloudflare"
                    # Its page for a Cloudflare Tunnel whose far end is down (error 1033 and
                    # the 530 that carries it): "Argo Tunnel error".
                    r"|argo tunnel error")),
        summary="A CDN in front of {host} answered HTTP {status} with its own error page (not the "
        "API's JSON): usually brief; retry, and check the provider's status.",
        explanation=(
            "Statuses 520 to 530 come from Cloudflare, not from the API behind it: the origin "
            "server returned something unexpected, was down or unreachable, or the TLS between "
            "them failed. The body is an HTML page, which gptel reports as \"Malformed JSON\". "
            "Nothing in your setup causes it, unless :host points at the wrong server."
            "{page_title_clause}"
        ),
        steps=("Resend in a minute.", "If it persists, check {status_url}.",
               "Set (setq gptel-log-level 'debug) to see the page in *gptel-log*."),
        fixes=(_SHOW_BODY,),
        docs=("https://developers.cloudflare.com/support/troubleshooting/http-status-codes/"
              "cloudflare-5xx-errors/",),
        examples=(
            Example(
                error={"status": "(HTTP/2 520) Malformed JSON in response.", "http_status": "520",
                       "error": "Malformed JSON in response"},
                backend={"kind": "anthropic", "host": "api.anthropic.com"},
                source="https://github.com/karthink/gptel/issues/889",
            ),
        ),
        retryable=True,
        severity="warning",
    ),
    Rule(
        code="RESP009",
        name="local-server-behind-a-gateway",
        category="response.malformed",
        # A local model server (Ollama, llama.cpp, LM Studio, vLLM) answers its own errors
        # with 4xx/500/503; a 502 comes from something in between.
        # A local server's kind with no public host counts: an "Ollama call failed with
        # status code 502" from a client that does not say where Ollama runs.
        when=match(public=False, http=502, provider=LOCAL_SERVERS),
        summary="A 502 for {host}, a server on this machine: local model servers do not "
        "answer 502 themselves, so a proxy or gateway in between did.",
        explanation=(
            "Requests to localhost should go straight to the server. A 502 Bad Gateway means "
            "they went through something else first: most often an HTTP proxy from the "
            "environment or the system settings (http_proxy, https_proxy or a VPN client "
            "without localhost in no_proxy), sometimes a reverse proxy in front of the "
            "server. That proxy could not reach the server, or the server is not running."
        ),
        steps=("Check http_proxy, https_proxy, all_proxy and no_proxy in Emacs: M-x getenv. "
               "Add localhost,127.0.0.1 to no_proxy.",
               "Test without any proxy: curl --noproxy '*' -s http://{host}/ in a terminal.",
               "Set (setq gptel-log-level 'debug) and resend to read the answer in "
               "*gptel-log*."),
        next_step=("Test past any proxy: `curl --noproxy '*' -s http://{host}/` in a "
                   "terminal.",),
        fixes=(FixSpec("Send gptel's requests past any proxy, to see whether it is the "
                       "cause", "unsafe", variable="gptel-curl-extra-args",
                       value="'(\"--noproxy\" \"*\")"),
               _SHOW_BODY),
        docs=("https://curl.se/docs/manpage.html#--noproxy",),
        examples=(
            Example(
                error={"status": "(HTTP/1.1 502 Bad Gateway) Malformed JSON in response.",
                       "http_status": "502", "error": "Malformed JSON in response"},
                backend={"kind": "ollama", "host": "127.0.0.1:11434"},
                source="https://github.com/ollama/ollama-python/issues/14",
            ),
        ),
    ),
    Rule(
        code="RESP005",
        name="gateway-error-page",
        category="response.malformed",
        # Not an answer with no body at all: no page came, only the status (a bare 502 is
        # the server's or a gateway's failure, as LABELING.md's status policy reads it).
        when=(match(http=(500, 502), gptel=("malformed_json", "unparseable"),
                    not_body_empty=True),
              match(http=(500, 502), html=True),
              # The page quoted as text: Cloudflare's words or ray id, nginx's signature.
              # A client's JSON decoder on the page: "unexpected character at (0)".
              match(http=(500, 502), text=r"json error unexpected character|formatexception: "
                    r"unexpected character|unexpected character \('<'"),
              match(http=(500, 502), text=r"\bcf-ray\b|cloudflare|\bnginx/\d"
                    # Vercel's page when the function behind it failed.
                    r"|router_external_target_error")),
        summary="{host} answered HTTP {status} with an error page, not the API's JSON: the "
        "provider or a proxy in between is failing; retry shortly.",
        explanation=(
            "A 500 or 502 with an HTML body comes from the web server or gateway in front of "
            "the API (nginx, openresty, a corporate proxy), not from the API itself: the "
            "service behind it crashed or could not be reached. gptel reports it as "
            "\"Malformed JSON in response\". It usually passes; if it does not, check the "
            "provider's status page, and whether a proxy sits between you and {host}."
            "{page_title_clause}"
        ),
        steps=("Resend in a minute.", "If it persists, check {status_url}.",
               "Set (setq gptel-log-level 'debug) and resend to read the page in *gptel-log*."),
        fixes=(_SHOW_BODY,),
        docs=("https://github.com/karthink/gptel/issues/889",),
        examples=(
            Example(
                error={"status": "(HTTP/1.1 502 Bad Gateway) Malformed JSON in response.",
                       "http_status": "502", "error": "Malformed JSON in response"},
                backend={"kind": "openai", "host": "llm-gateway.corp.example"},
                source="https://github.com/karthink/gptel/issues/889",
            ),
        ),
        retryable=True,
        severity="warning",
    ),
    Rule(
        code="RESP006",
        name="interim-100-continue",
        category="response.malformed",
        when=match(http=100),
        summary="gptel read curl's interim \"HTTP/1.1 100 Continue\" as the answer (older gptel, "
        "large requests): upgrade gptel.",
        explanation=(
            "For large request bodies curl asks the server for permission first (Expect: "
            "100-continue) and prints the interim 100 Continue before the real answer. Older "
            "gptel versions took it for the final status and could not parse the rest."
        ),
        steps=("Upgrade gptel.",
               "Meanwhile: (setq gptel-curl-extra-args '(\"-H\" \"Expect:\")) stops curl from "
               "asking."),
        fixes=(FixSpec("Stop curl from sending Expect: 100-continue", "unsafe",
                       variable="gptel-curl-extra-args", value="'(\"-H\" \"Expect:\")"),),
        docs=("https://github.com/karthink/gptel/issues/98",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 100 Continue", "http_status": "100",
                       "error": "Could not parse HTTP response."},
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"use_curl": True},
                source="https://github.com/karthink/gptel/issues/98",
            ),
        ),
    ),
    Rule(
        code="RESP007",
        name="failure-inside-ok-response",
        category="response.malformed",
        when=match(http=200),
        summary="{host} answered HTTP 200, but not with an answer gptel could use; the "
        "body, logged in *gptel-log*, shows what came back.",
        explanation=(
            "The request went through, yet what came back was not a normal answer: text "
            "before the HTTP headers (a proxy wrapper such as proxychains writing to curl's "
            "output), an error event inside the stream, or a body in a shape the backend "
            "type does not expect."
        ),
        steps=("Set (setq gptel-log-level 'debug), resend, and read *gptel-log*.",
               "If something wraps Emacs or curl (proxychains, torsocks), run without it or "
               "configure gptel-proxy instead."),
        fixes=(_SHOW_BODY,),
        docs=("https://github.com/karthink/gptel/issues/60",),
        examples=(
            Example(
                error={"status": "HTTP/2 200", "http_status": "200",
                       "error": "[proxychains] DLL init: proxychains-ng 4.16\nHTTP/2 200"},
                backend={"kind": "openai", "host": "api.openai.com"},
                source="https://github.com/karthink/gptel/issues/60",
            ),
        ),
    ),
    Rule(
        code="RESP010",
        name="stream-chunk-unreadable",
        category="response.malformed",
        # A client that could not parse one chunk of a streamed answer and quotes it: the
        # chunk was cut short, or ran into the next "data:" line (Z.ai's GLM streams during
        # long reasoning, a Mistral stream through a proxy).  The answer is what broke, and
        # asking for it whole, without streaming, avoids the chunking.  gptel's own reader
        # stops at such a chunk and waits for the rest of it: the reply ends there and gptel
        # says nothing, so the companion reports it ("Stream stalled", with the chunk).
        when=(match(gptel="stream_stalled"),
              match(http=(None, 200),
                    text=r"(?=.*(?:chat\.completion\.chunk|\bdata: ?\{))"
                    r"(?:json parsing failed|jsonparseerror|jsondecodeerror|error parsing item"
                    # Not a client's "Stream decoding failed" alone: it quotes whole chunks
                    # as often as broken ones.
                    r"|unterminated string"
                    r"|json parse error)")),
        summary="{provider}'s streamed answer came with a chunk cut short or run into the "
        "next one, so it could not be read: ask for the answer whole, without streaming.",
        explanation=(
            "A streamed answer arrives as a series of \"data:\" lines, each one JSON chunk. "
            "Here a chunk ended in the middle, or the next one began inside it, so the "
            "client could not parse it. That is the server or something between (a relay, "
            "a proxy) breaking the stream, not the request. Without streaming the answer "
            "comes as one JSON body."
        ),
        steps=("Turn streaming off: (setq gptel-stream nil).",
               "If it keeps happening, report it to the provider or relay with the chunk "
               "shown."),
        fixes=(STREAM_OFF,),
        docs=("https://html.spec.whatwg.org/multipage/server-sent-events.html",),
        examples=(
            Example(
                error={"error": "AI_JSONParseError: JSON parsing failed: Text: {\"id\":"
                       "\"20260114043705b7f7de19603a48fd\",\"created\":1768336625,"
                       "\"object\":\"chat.completion.chunk\",\"model\":\"glm-4.7\","
                       "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"adata: {\"id\":"
                       "\"20260114043917eff1a1dd435a4df0\",\"created\":1768336757,"
                       "\"object\":\"chat.completion.chunk\",\"model\":\"glm-4.7\","
                       "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                       "\"reasoning_content\":\"Now\"}}]}.\nError message: JSON Parse "
                       "error: Expected '}'"},
                backend={"kind": "zhipu", "host": "api.z.ai"},
                request={"model": "glm-4.7", "stream": True},
                source="https://github.com/anomalyco/opencode/issues/8282",
            ),
        ),
    ),
    Rule(
        code="RESP008",
        name="responses-stream-on-emacs-28",
        category="response.malformed",
        when=match(gptel="empty_response", old_emacs=True, stream=True,
                   backend_type=r"responses"),
        summary="gptel reads nothing from a Responses backend's stream on Emacs 28 and older: "
        "its stream reader needs Emacs 29.",
        explanation=(
            "gptel reads OpenAI's Responses stream with a two-argument looking-at, which "
            "Emacs 28 does not have. The error is swallowed, so every streamed answer comes "
            "back empty. Since gptel 0.9.9.5, gptel-make-openai on api.openai.com makes a "
            "Responses backend, so the default OpenAI setup meets it."
        ),
        steps=("Turn streaming off: (setq gptel-stream nil).", "Or upgrade to Emacs 29."),
        fixes=(STREAM_OFF,),
        docs=("https://github.com/karthink/gptel/blob/master/gptel-openai-responses.el",),
        examples=(
            Example(
                error={"status": "Empty response", "http_status": "200"},
                backend={"kind": "openai", "type": "gptel-openai-responses",
                         "host": "api.openai.com", "stream": True},
                request={"stream": True, "emacs_version": "28.2", "gptel_version": "0.9.9.6"},
                source="https://github.com/karthink/gptel/blob/master/gptel-openai-responses.el",
            ),
        ),
    ),
)
