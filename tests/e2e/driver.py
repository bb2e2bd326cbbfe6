"""Runs real gptel in real batch Emacs against the fake provider, and reads what it showed.

Shared by the end-to-end tests and the demo (scripts/demo).
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fake_provider import COMPLETION, FakeProvider, Reply, ResettingProxy, self_signed

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
HARNESS = ROOT / "tests" / "e2e" / "harness.el"
EMACS_BATCH = ROOT / "scripts" / "emacs-batch"
TEST_KEY = "sk-e2e-fake-key-0123456789abcdef0000"
# An Anthropic-shaped key, for a backend of another provider.
ANTHROPIC_SHAPED_KEY = "sk-ant-api03-e2e-fake-key-0123456789abcdef"


def fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text())
    return data


def reply_for(name: str, delay: float = 0.0, ok_without_stream: bool = False,
              ok_for_model: str | None = None) -> Reply:
    data = fixture(name)
    headers = tuple((str(key), str(value)) for key, value in data.get("headers", ()))
    return Reply.of(data["http_status"], data["body"], data.get("content_type"), delay,
                    headers=headers, ok_without_stream=ok_without_stream,
                    ok_for_model=ok_for_model)


@dataclass(frozen=True)
class Scenario:
    """One failure a user can meet, and what gptel-diagnose must say about it.

    `host` is "fake" (the fake provider), "closed" (a loopback port nobody listens on),
    "dns" (a name that cannot resolve), "slow" (the fake provider, answering late),
    "scheme" (the fake provider, written with "http://" in :host as users do), "tls" (a
    second fake provider speaking HTTPS with a self-signed certificate curl does not trust,
    which answers every request).
    `models` is the backend's :models (default: the model asked for); `works` is the one
    model the fake answers (the others get the fixture).  `proxy` "reset" sets
    gptel-proxy to a proxy that resets every connection, "stall" to one that never answers.
    """

    name: str
    title: str
    backend: str
    category: str
    rule: str
    fixture: str | None = None
    host: str = "fake"
    model: str = "gpt-4o-mini"
    stream: bool = False
    # gptel-stream, when it differs from the backend's :stream (`stream`).
    gptel_stream: bool | None = None
    curl_args: tuple[str, ...] = ()
    transports: tuple[str, ...] = ("curl", "url")
    says: tuple[str, ...] = ()
    setq: str | None = None
    # The line shows a setq of this variable, whatever the value (a placeholder to edit).
    setq_of: str | None = None
    delay: float = 0.0
    models: tuple[str, ...] = ()
    works: str | None = None
    proxy: str | None = None
    key: str = TEST_KEY
    locale: str = "en"
    log_level: str | None = None  # gptel-log-level for the request ("info" logs the body)
    name_shown: str | None = None  # the backend's name, when not the provider's usual one
    endpoint: str | None = None  # the path after /NAME, when not the backend's usual one
    tools: bool = False  # the request offers the model a tool (gptel-tools, gptel-use-tools)
    # The prompt starts with raw bytes, as Chinese typed into a terminal Emacs whose keyboard
    # coding is not UTF-8 arrives.
    raw_bytes: bool = False


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("quota", "OpenAI 429 insufficient_quota", "openai", "billing.quota_exhausted",
             "BIL001", "openai/insufficient-quota-429",
             says=("out of credit", "not rate-limited", "ChatGPT subscription")),
    Scenario("ratelimit", "OpenAI 429 rate_limit_exceeded", "openai", "rate_limit", "RATE001",
             "openai/rate-limit-tpm-429", says=("Rate limited", "Wait 9.8 s")),
    Scenario("badkey", "OpenAI 401 invalid_api_key", "openai", "auth.invalid_key", "AUTH001",
             "openai/invalid-api-key-401", says=("rejected the API key",)),
    # Anthropic's key goes in x-api-key: url.el, seeing no Authorization header sent, would
    # prompt for a user name and password instead of failing.
    Scenario("badkey-anthropic", "Anthropic 401 invalid x-api-key", "anthropic",
             "auth.invalid_key", "AUTH001", "anthropic/auth001-invalid-x-api-key",
             model="claude-sonnet-4-5", says=("rejected the API key",)),
    # An Azure API Management gateway wants its key in its own header, and challenges in a
    # scheme url.el does not know: url.el called nobody back, gptel stayed at "Querying...".
    Scenario("apimkey", "An Azure API Management gateway that reads another key header",
             "azure", "auth.missing_key", "AUTH008",
             "azure/auth008-gateway-wants-its-own-key-header", model="gpt-4o",
             says=("found no key it could use",)),
    # gpt-4.5-preview is on OpenAI's deprecations page: the 404 is read as the model's
    # retirement (MODEL003), not only as a name it does not know.
    Scenario("nomodel", "OpenAI 404 model_not_found for a retired model", "openai",
             "model.not_found", "MODEL003", "openai/model-not-found-404",
             model="gpt-4.5-preview", says=("gpt-4.5-preview", "retired")),
    Scenario("verify", "OpenAI 400 organization must be verified to stream", "openai",
             "request.streaming_unsupported", "STREAM001",
             "openai/org-must-be-verified-to-stream-400", model="o3", stream=True,
             says=("verified",), setq="(setq gptel-stream nil)",
             # url-retrieve never streams, so it never meets this refusal.
             transports=("curl",)),
    Scenario("overloaded", "Anthropic 529 overloaded_error", "anthropic", "server.overloaded",
             "SRV001", "anthropic/overloaded-529", model="claude-sonnet-4-5",
             says=("overloaded",)),
    Scenario("html502", "A gateway's HTML 502 page", "openai", "response.malformed", "RESP005",
             "proxy/html-502-bad-gateway", says=("error page", "not the API's JSON"),
             setq="(setq gptel-log-level 'debug)"),
    # The companion read the body from gptel's response buffer: the line points to it rather
    # than to logging, which would write the key to *gptel-log*.
    Scenario("empty200", "HTTP 200 with no answer in it", "openai", "response.malformed",
             "RESP013", "openai/empty-choices-200",
             says=("no text", "Read the body that came back: M-x gptel-diagnose")),
    # gptel keeps only "unauthorized"; the page to sign in is in the body the companion reads.
    # url.el would prompt for a user name and password that no one asked for.
    Scenario("ollamasignin", "A local Ollama asked for a cloud model before `ollama signin`",
             "ollama", "auth.missing_key", "AUTH009", "ollama/auth009-ollama-not-signed-in",
             model="gpt-oss:120b-cloud", says=("not signed in to ollama.com", "ollama signin")),
    Scenario("ollama-down", "Ollama not running", "ollama", "network.connection_refused",
             "NET003", host="closed", model="llama3.2", says=("ollama serve",)),
    # With url.el, Emacs fails the connection without running its sentinel: url.el never
    # called back and gptel waited forever, until the companion ran the sentinel itself.
    # Nothing leaves Emacs: json-serialize refuses the prompt's raw bytes (a hand trial:
    # the line blamed a tool's result or :request-params, with no tool in sight).
    Scenario("rawbytes", "Raw bytes typed into the prompt, in Chinese", "deepseek", "unknown",
             "GPTEL013", model="deepseek-chat", locale="zh", raw_bytes=True,
             says=("原始字节", "终端")),
    Scenario("dns", "Host name does not resolve", "openai", "network.dns", "NET001",
             host="dns", says=("resolve",)),
    # url.el signals "Somebody wants you to give them money" on a 402 from its process
    # filter; gptel must still see the body and fail, and the line must say billing, in
    # the words DeepSeek documents for its 402.
    Scenario("balance402", "DeepSeek 402 Insufficient Balance", "deepseek",
             "billing.quota_exhausted", "DOC001", "deepseek/insufficient-balance-402",
             model="deepseek-chat", says=("DeepSeek", "balance", "not a rate limit")),
    # Issue 9: the setup the companion sends decides the diagnosis and its fix.
    # gptel itself swaps a model missing from :models for the first one listed, so the
    # model asked for is listed; the provider does not have it.
    Scenario("modelfix", "A model the provider does not have, next to one that works",
             "openai", "model.not_found", "MODEL003", "openai/model-not-found-404",
             model="gpt-4.5-preview", models=("gpt-4.5-preview", "gpt-4o-mini", "o3-mini"),
             works="gpt-4o-mini",
             transports=("curl",), setq="(setq gptel-model 'gpt-4o-mini)"),
    # The same, streamed: the model that works answers as a stream.
    Scenario("modelfix-stream", "A model the provider does not have, streamed", "openai",
             "model.not_found", "MODEL003", "openai/model-not-found-404",
             model="gpt-4.5-preview", models=("gpt-4.5-preview", "gpt-4o-mini", "o3-mini"),
             works="gpt-4o-mini", stream=True,
             transports=("curl",), setq="(setq gptel-model 'gpt-4o-mini)"),
    # Gemini's free tier with no quota at all for the model ("limit: 0"), though the answer
    # names a retry delay: no wait, but a Flash model of the backend's :models.
    Scenario("freetier0", "Gemini 429 with a free-tier limit of 0", "gemini", "rate_limit",
             "RATE006", "gemini/rate006-free-tier-limit-zero-429", model="gemini-2.5-pro",
             models=("gemini-2.5-pro", "gemini-2.5-flash"), transports=("curl",),
             says=("limit: 0", "waiting will not help"),
             setq="(setq gptel-model 'gemini-2.5-flash)"),
    Scenario("foreignkey", "An Anthropic key in an OpenAI backend", "openai",
             "auth.invalid_key", "AUTH006", "openai/invalid-api-key-401",
             key=ANTHROPIC_SHAPED_KEY, transports=("curl",), says=("Anthropic",)),
    Scenario("schemehost", ":host written with its scheme", "openai", "config.backend",
             "CONF001", host="scheme", transports=("curl",), says=(":host",)),
    Scenario("proxyreset", "A configured proxy resets the connection", "openai",
             "network.proxy", "NET008", host="fake", proxy="reset", transports=("curl",),
             says=("proxy", "gptel-proxy"), setq_of="gptel-proxy"),
    # DeepSeek V4 refuses a conversation whose turns that called tools lack their reasoning
    # (gptel issue #1383).  With a tool offered, the line turns tools off; with none, that
    # setq would change nothing, and the line says to start a new chat.
    Scenario("dsreasoning", "DeepSeek wants earlier reasoning sent back, tools offered",
             "deepseek", "request.invalid_parameter", "GPTEL007", model="deepseek-v4-flash",
             transports=("curl",), says=("reasoning",), setq="(setq gptel-use-tools nil)",
             tools=True),
    Scenario("dsreasoningnotools", "The same with no tool offered", "deepseek",
             "request.invalid_parameter", "GPTEL007", model="deepseek-v4-flash",
             transports=("curl",), says=("reasoning", "Next: Start a new chat")),
    # gptel-proxy set, but url-retrieve sends the request: it goes straight to the host
    # (here a port nobody listens on), never to the proxy, and curl is the setq.
    Scenario("proxyunused", "gptel-proxy set, but url-retrieve does not use it", "openai",
             "config.backend", "CONF013", host="closed", proxy="reset", transports=("url",),
             says=("url-retrieve", "gptel-proxy"), setq="(setq gptel-use-curl t)"),
    # A proxy that never answers (no working way out): curl gives up, and the line's setq
    # turns gptel-proxy off to see whether the proxy is the cause.
    Scenario("proxystall", "A configured proxy that never answers; curl gives up", "openai",
             "network.timeout", "NET004", host="fake", proxy="stall",
             curl_args=("--max-time", "1"), transports=("curl",), says=("timed out",),
             setq="(setq gptel-proxy \"\")"),
    # Issue 10: a Chinese user (gptel-diagnose-locale "zh") reaching Chinese providers
    # through gptel-make-openai: billing, told in Chinese, never a rate limit.
    Scenario("zhipu1113-zh", "Zhipu 1113 at HTTP 429, in Chinese", "openai",
             "billing.quota_exhausted", "DOC001", "zhipu/doc001-documented-no-balance",
             model="glm-4", locale="zh", name_shown="Zhipu", says=("智谱", "余额")),
    # A plan's window of hours (1308), also sent as 429: wait for the time it gives.
    Scenario("zhipu1308-zh", "Zhipu 1308 (a plan's 5-hour window) at HTTP 429, in Chinese",
             "openai", "rate_limit", "DOC002", "zhipu/doc002-plan-window-1308",
             model="glm-4.6", locale="zh", name_shown="Zhipu",
             says=("智谱", "重置时间：2026-08-25 07:41:44")),
    # A Chinese gateway with no provider that streams the model answers 503 in its own
    # words; without streaming the same request works.
    Scenario("nostream-zh", "A gateway that cannot stream the model (503), in Chinese",
             "openai", "request.streaming_unsupported", "STREAM002",
             "relay/stream002-gateway-has-no-streaming-provider", model="claude-opus-4-6",
             stream=True, locale="zh", name_shown="Relay", says=("流式",),
             setq="(setq gptel-stream nil)", transports=("curl",)),
    # A server that ignores "stream": true and sends one whole chat completion: gptel's
    # stream reader finds no event and inserts nothing, saying nothing (gptel#253); the
    # companion reads the body from curl's buffer.  Unstreamed, the answer arrives.
    Scenario("wholeanswer", "A whole answer to a streamed request", "openai",
             "response.malformed", "STREAM004",
             "openai/stream004-answer-not-streamed", stream=True,
             says=("in one piece",), setq="(setq gptel-stream nil)", transports=("curl",)),
    # An error in SiliconFlow's own shape ({"code": 20015, "message": ...}): gptel keeps only
    # its message, and the companion sends the body it read, whose code the server reads.
    Scenario("siliconflow20015-zh", "SiliconFlow 400 code 20015, in Chinese", "openai",
             "request.invalid_parameter", "DOC009",
             "siliconflow/doc009-model-does-not-take-enable-thinking",
             model="Qwen/Qwen2.5-7B-Instruct", locale="zh", name_shown="SiliconFlow",
             says=("硅基流动", "enable_thinking")),
    Scenario("deepseek402-zh", "DeepSeek 402 Insufficient Balance, in Chinese", "deepseek",
             "billing.quota_exhausted", "DOC001", "deepseek/insufficient-balance-402",
             model="deepseek-chat", locale="zh", says=("DeepSeek", "余额")),
    Scenario("timeout", "curl gives up (--max-time 1) on a slow provider", "openai",
             "network.timeout", "NET004", "openai/rate-limit-tpm-429", host="slow",
             delay=4.0, curl_args=("--max-time", "1"), transports=("curl",),
             says=("timed out",)),
    # A self-signed certificate: the line must not offer a setq with a placeholder path; the
    # CA-file ask fix (run from the details buffer) makes the resend work.
    Scenario("cacert", "A provider behind a self-signed certificate", "openai",
             "network.tls", "NET006", host="tls", transports=("curl",),
             says=("certificate", "gptel-diagnose-apply-fix")),
    # A body without an `error` field: gptel says only "Could not parse HTTP response.".
    # The companion reads the body from gptel's own response buffer (curl's or url.el's)
    # while gptel still holds it, so no logging is needed; with gptel-log-level 'info it
    # can also read it from *gptel-log*.
    Scenario("unreadbody", "Azure's content filter without an error envelope", "openai",
             "content_policy", "POL001", "azure/pol001-content-filter-read-from-the-log",
             says=("safety filter", "Rephrase")),
    Scenario("unreadstream", "The same, streaming", "openai", "content_policy", "POL001",
             "azure/pol001-content-filter-read-from-the-log", stream=True,
             transports=("curl",), says=("safety filter", "Rephrase")),
    Scenario("logbody", "The same, with gptel-log-level 'info", "openai", "content_policy",
             "POL001", "azure/pol001-content-filter-read-from-the-log", log_level="info",
             says=("safety filter", "Rephrase")),
    # An answer that is headers only: no log can show more, so the line does not offer one;
    # its next step is the curl replay, whose headers are all there is.
    Scenario("nobody403", "Ollama's 403 with no body", "ollama", "auth.permission",
             "GEN403", "ollama/gen403-forbidden-with-no-body", model="llama3.2",
             says=("no body", "curl replay", "To find out: Copy the request as a curl "
                   "command: M-x gptel-diagnose-copy-curl")),
    # A company's web gateway answers for the provider with its own page: gptel says only
    # "Malformed JSON in response."; the page the companion reads names the gateway.
    Scenario("gateway403", "A company web gateway's block page", "openai", "network.proxy",
             "NET018", "proxy/net018-company-gateway-page-403",
             says=("web gateway", "administrators")),
    # An image over Anthropic's 5 MB per-image limit: sending no media is the fix the line
    # shows (gptel-track-media), whatever room the context has left.
    Scenario("image5mb", "Anthropic refuses an image over 5 MB", "anthropic",
             "request.context_length", "CTX003", "anthropic/ctx003-image-too-large",
             model="claude-sonnet-4-5", transports=("curl",), says=("image",),
             setq="(setq gptel-track-media nil)"),
    # More images than Anthropic takes in one request, collected by a chat as it grew
    # (reports-gh): the same fix, for the request's count of images, not one image's size.
    Scenario("manyimages", "Anthropic refuses a request with more images than it takes",
             "anthropic", "request.context_length", "CTX004",
             "anthropic/ctx004-anthropic-too-many-images-and-documents",
             model="claude-sonnet-4-5", transports=("curl",),
             says=("more images than", "start a new chat"),
             setq="(setq gptel-track-media nil)"),
    # A streamed answer cut off after its first words (curl exits 18): gptel itself shows
    # the words and says nothing more (it ends the request as done before it sets :error);
    # the companion still tells that the answer is incomplete.  The fake speaks plain HTTP,
    # where curl uses HTTP/1.1 already: the server is what to look at, and no setq of
    # --http1.1 is offered (NET019, not NET009's HTTPS advice).
    Scenario("cutstream", "A streamed answer cut off after its first words", "openai",
             "response.malformed", "NET019", stream=True, transports=("curl",),
             says=("closed the connection before the answer was complete", "not HTTP/2",
                   "Next: Read the server's log for a crash, then resend.")),
    # A streamed chunk cut short and run into the next (Z.ai's GLM streams): gptel's reader
    # stops there and waits, the reply ends at the first words, and gptel says nothing; the
    # companion finds the chunk it could not read.  Unstreamed, the answer comes whole.
    Scenario("stallstream", "A streamed chunk cut short and run into the next", "openai",
             "response.malformed", "RESP010", stream=True, transports=("curl",),
             says=("chunk cut short",), setq="(setq gptel-stream nil)"),
    # Anthropic overloaded after the answer began: its stream carries the error as an event
    # ("event: error", overloaded_error), which gptel's reader skips: the reply stops at its
    # first words and gptel says nothing.  The companion finds the event and sends it.
    Scenario("streamerror", "Anthropic overloaded in the middle of a streamed answer",
             "anthropic", "server.overloaded", "SRV001", model="claude-sonnet-4-5",
             stream=True, transports=("curl",), says=("overloaded",)),
    # Gemini's safety block in a streamed answer: one chunk whose finishReason is SAFETY and
    # no text.  gptel shows nothing and says nothing; the body the companion reads is the
    # stream, whose last events say why.
    Scenario("safetystream", "Gemini's safety block in a streamed answer", "gemini",
             "content_policy", "POL001", model="gemini-2.5-flash", stream=True,
             transports=("curl",), says=("safety filter",)),
    # Gemini's streamed answer ending at once with MALFORMED_FUNCTION_CALL (a tool call the
    # model botched): no text, and gptel says nothing; the companion reads the last event.
    Scenario("toolcallstream", "Gemini's malformed tool call in a streamed answer", "gemini",
             "response.malformed", "RESP011", model="gemini-2.5-flash", stream=True,
             transports=("curl",), says=("tool call",), setq="(setq gptel-use-tools nil)",
             tools=True),
    # Ollama's model runner failing after the answer began: its stream's last line is
    # {"error": ...}, which gptel's reader skips; the reply stops and gptel says nothing.
    Scenario("ollamaerror", "Ollama's model runner fails in the middle of an answer",
             "ollama", "server.overloaded", "SRV003", model="llama3.2", stream=True,
             transports=("curl",), says=("failed while handling the request",)),
    # A local model too big for the machine: its runner dies, and resending fails the same
    # way.  A smaller model of the backend's :models is the setq; the fake answers it.
    Scenario("ollamamemory", "Ollama's model runner stops: the model does not fit in memory",
             "ollama", "server.overloaded", "SRV004",
             model="llama3.3:70b", models=("llama3.3:70b", "llama3.1:8b"), works="llama3.1:8b",
             transports=("curl",), says=("does not fit in memory",),
             setq="(setq gptel-model 'llama3.1:8b)"),
    # Docker Model Runner's llama.cpp died: it answers in plain text, so gptel says only
    # "Malformed JSON"; the companion sends the text and its words decide.
    Scenario("runnertext", "A local runner's error in plain text (Docker Model Runner)",
             "openai", "server.overloaded", "SRV004", model="ai/gemma3",
             says=("could not run ai/gemma3",)),
    # A gateway's time limit before the first byte, with gptel-stream off on a backend that
    # streams: turning streaming on is the fix the line shows.
    # gptel-make-openai pointed at a Responses path: the Responses API wants "input", which a
    # Chat Completions request does not have.  The line shows the backend with the chat path.
    Scenario("responsespath", "gptel-make-openai with a Responses API :endpoint", "openai",
             "endpoint.wrong", "ENDP004", endpoint="/v1/responses", transports=("curl",),
             says=(':endpoint "/responsespath/v1/chat/completions"',)),
    Scenario("edge504", "A gateway's 504 before the first byte, streaming off", "openai",
             "network.timeout", "SRV002", "relay/srv002-edge-function-timeout", stream=True,
             gptel_stream=False, transports=("curl",), says=("HTTP 504",),
             setq="(setq gptel-stream t)"),
)

# The first words of a streamed answer, then the connection closes early.
CUT_STREAM = Reply(200, b'data: {"id":"chatcmpl-fake","object":"chat.completion.chunk",'
                   b'"model":"fake","choices":[{"index":0,"delta":{"role":"assistant",'
                   b'"content":"Hello, this answer is"},"finish_reason":null}]}\n\n',
                   "text/event-stream", cut=True)

# The first words of a streamed answer, then a chunk cut short that runs into the next, then
# the end of the stream; a request that does not stream gets the whole answer.
STALL_STREAM = Reply(200, b'data: {"id":"chatcmpl-fake","object":"chat.completion.chunk",'
                     b'"model":"fake","choices":[{"index":0,"delta":{"role":"assistant",'
                     b'"content":"Hello, this answer"},"finish_reason":null}]}\n\n'
                     b'data: {"id":"chatcmpl-fake","object":"chat.completion.chunk",'
                     b'"model":"fake","choices":[{"index":0,"delta":{"rodata: {"id":'
                     b'"chatcmpl-fake","object":"chat.completion.chunk","model":"fake",'
                     b'"choices":[{"index":0,"delta":{"content":" stops"},'
                     b'"finish_reason":null}]}\n\n'
                     b'data: [DONE]\n\n',
                     "text/event-stream", ok_without_stream=True)

# Anthropic's stream as its streaming documentation shows an error in it: the first words,
# then "event: error" with overloaded_error (https://docs.anthropic.com/en/docs/build-with-
# claude/streaming#error-events).
STREAM_ERROR = Reply(200, b'event: message_start\n'
                     b'data: {"type":"message_start","message":{"id":"msg_fake","type":'
                     b'"message","role":"assistant","content":[],"model":"claude-sonnet-4-5",'
                     b'"stop_reason":null,"usage":{"input_tokens":10,"output_tokens":1}}}\n\n'
                     b'event: content_block_start\n'
                     b'data: {"type":"content_block_start","index":0,"content_block":'
                     b'{"type":"text","text":""}}\n\n'
                     b'event: content_block_delta\n'
                     b'data: {"type":"content_block_delta","index":0,"delta":'
                     b'{"type":"text_delta","text":"Hello, this"}}\n\n'
                     b'event: error\n'
                     b'data: {"type":"error","error":{"type":"overloaded_error",'
                     b'"message":"Overloaded"}}\n\n',
                     "text/event-stream")

# Gemini's stream for a prompt its safety filter blocks: one chunk, finishReason SAFETY.
SAFETY_STREAM = Reply(200, b'data: {"candidates": [{"finishReason": "SAFETY","index": 0,'
                      b'"safetyRatings": [{"category": "HARM_CATEGORY_HARASSMENT",'
                      b'"probability": "HIGH"}]}],"usageMetadata": {"promptTokenCount": 8,'
                      b'"totalTokenCount": 8},"modelVersion": "gemini-2.5-flash"}\r\n\r\n',
                      "text/event-stream")

# The same stream ending with a tool call the model botched (the fixture
# gemini/resp011-malformed-function-call).
MALFORMED_CALL_STREAM = Reply(200, b'data: {"candidates": [{"content": {"parts": [], '
                              b'"role": "model"}, "finishReason": "MALFORMED_FUNCTION_CALL", '
                              b'"index": 0}], "modelVersion": "gemini-2.5-flash"}\r\n\r\n',
                              "text/event-stream")

# Ollama's stream (lines of JSON) when its model runner fails after the first words.
OLLAMA_ERROR = Reply(200, b'{"model":"llama3.2","created_at":"2026-01-01T00:00:00Z",'
                     b'"message":{"role":"assistant","content":"Hello, this"},"done":false}\n'
                     b'{"error":"an error was encountered while running the model: '
                     b'unexpected EOF"}\n',
                     "application/x-ndjson")

# Ollama's answer when the model runner died, as its API sends every error: {"error": ...}
# (the words of https://github.com/ollama/ollama/issues/14093); the smaller model works.
OLLAMA_RUNNER_STOPPED = Reply.of(500, {
    "error": "model runner has unexpectedly stopped, this may be due to resource limitations "
             "or an internal error, check ollama server logs for details"},
    ok_for_model="llama3.1:8b")

# Docker Model Runner's answer when its llama.cpp would not start, as Go's http.Error writes
# it: plain text (https://github.com/docker/model-runner/issues/479).
RUNNER_TEXT = Reply.of(500, "unable to load runner: error waiting for runner to be ready: "
                       "llama.cpp terminated unexpectedly: llama.cpp exit status: exit status "
                       "0xc0000005\n", "text/plain; charset=utf-8")

# The Responses API's answer to a request without "input": the message a Kaggle proxy passed
# on from OpenAI (Kaggle/kaggle-benchmarks#199), in OpenAI's error envelope
# (openai/codex#6937 shows it for a part of the input).
# DeepSeek's answer, as github.com/karthink/gptel/issues/1383 quotes it.
REASONING_NOT_SENT_BACK = Reply.of(400, {"error": {
    "message": "The `reasoning_content` in the thinking mode must be passed back to the API.",
    "type": "invalid_request_error", "param": None, "code": "invalid_request_error"}})

INPUT_MISSING = Reply.of(400, {"error": {"message": "Missing required parameter: 'input'.",
                                         "type": "invalid_request_error", "param": "input",
                                         "code": "missing_required_parameter"}})

# Not a failure: M-x gptel-diagnose's live checkup of a backend on the fake provider, whose
# model list lacks the (misspelt) model gptel is set to.
CHECKUP = Scenario("checkup", "M-x gptel-diagnose checkup", "openai", "", "",
                   model="gpt-4o-mni", transports=("curl",))

ENTRY_POINTS = ("send", "request", "request-nocb", "rewrite")
# Not an entry point of gptel's: gptel-send fails, then the harness applies the first fix
# (saying no to saving it, yes to resending), waits for the answer, and undoes the fix.
FIX_RESEND_UNDO = "fix-resend-undo"
# gptel-send fails, then the harness opens the details buffer (M-x gptel-diagnose), pushes
# the button of the fix that sets gptel-model, resends, and waits for the answer.
FIX_FROM_DETAILS = "fix-from-details"
# gptel-send fails, then the harness opens the details buffer and presses what a user
# would: a (the fix the echo line showed, confirmed), then r; and waits for the answer.
KEYS_FROM_DETAILS = "keys-from-details"
# The same, pushing the button of the ask fix that chooses another model, and answering its
# question with the model that works.
ASK_FROM_DETAILS = "ask-from-details"
# The same, pushing the button of the ask fix that trusts a CA file, and answering its
# question with the self-signed certificate of the TLS fake provider.
CACERT_FROM_DETAILS = "cacert-from-details"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_command() -> str:
    return os.environ.get("GPTEL_DIAGNOSE_SERVER") or shlex.join(
        [sys.executable, "-m", "gptel_diagnose"])


@dataclass
class Run:
    scenario: Scenario
    transport: str
    entry: str = "send"
    result: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.scenario.name}/{self.transport}/{self.entry}"


def _host(scenario: Scenario, port: int, closed_port: int, tls_port: int = 0) -> str:
    if scenario.host == "tls":
        return f"127.0.0.1:{tls_port}"
    if scenario.host == "closed":
        return f"127.0.0.1:{closed_port}"
    if scenario.host == "dns":
        return "api.gptel-diagnose.invalid"
    if scenario.host == "scheme":
        return f"http://127.0.0.1:{port}"
    return f"127.0.0.1:{port}"


def _spec(run: Run, port: int, closed_port: int, proxy_ports: dict[str, int],
          tls: tuple[int, str] = (0, "")) -> dict[str, Any]:
    scenario = run.scenario
    endpoint = scenario.endpoint or {"anthropic": "/v1/messages", "ollama": "/api/chat"}.get(
        scenario.backend, "/v1/chat/completions")
    return {
        "id": run.id,
        "entry": run.entry,
        "use_curl": run.transport == "curl",
        "timeout": 20,
        "proxy": f"127.0.0.1:{proxy_ports[scenario.proxy]}" if scenario.proxy else "",
        "locale": scenario.locale,
        "log_level": scenario.log_level,
        "tools": scenario.tools,
        "raw_bytes": scenario.raw_bytes,
        "choice": scenario.works,
        "cacert": tls[1] if scenario.host == "tls" else None,
        "backend": {
            "type": scenario.backend,
            "name": scenario.name_shown or {"openai": "OpenAI", "anthropic": "Claude",
                                            "ollama": "Ollama", "deepseek": "DeepSeek"}.get(
                scenario.backend, scenario.backend),
            "host": _host(scenario, port, closed_port, tls[0]),
            "protocol": "https" if scenario.host == "tls" else "http",
            "endpoint": f"/{scenario.name}{endpoint}",
            "key": scenario.key,
            "model": scenario.model,
            "models": list(scenario.models or (scenario.model,)),
            "stream": scenario.stream,
            "gptel_stream": scenario.stream if scenario.gptel_stream is None
            else scenario.gptel_stream,
            "curl_args": list(scenario.curl_args),
        },
    }


def run_all(runs: list[Run], timeout: float = 300, server: str | None = None,
            after: Callable[[list[Run], FakeProvider], None] | None = None) -> list[Run]:
    """Run RUNS in one batch Emacs against one fake provider; fill in each result.

    SERVER is the command line that starts the gptel-diagnose server (default: this
    Python running the package).  AFTER, if given, is called with the runs and the fake
    provider while the provider still serves.
    """
    replies = {
        s.name: reply_for(s.fixture, s.delay,
                          ok_without_stream=s.name in ("verify", "nostream-zh", "wholeanswer"),
                          ok_for_model=s.works)
        for s in {run.scenario for run in runs} if s.fixture
    }
    replies["cutstream"] = CUT_STREAM
    replies["stallstream"] = STALL_STREAM
    replies["streamerror"] = STREAM_ERROR
    replies["safetystream"] = SAFETY_STREAM
    replies["toolcallstream"] = MALFORMED_CALL_STREAM
    replies["dsreasoning"] = replies["dsreasoningnotools"] = REASONING_NOT_SENT_BACK
    replies["ollamaerror"] = OLLAMA_ERROR
    replies["ollamamemory"] = OLLAMA_RUNNER_STOPPED
    replies["runnertext"] = RUNNER_TEXT
    replies["responsespath"] = INPUT_MISSING
    replies["checkup"] = Reply.of(200, {"object": "list", "data": [
        {"id": "gpt-4o-mini"}, {"id": "gpt-4o"}, {"id": "o3-mini"}]})
    closed_port = free_port()
    with FakeProvider(replies) as provider, ResettingProxy() as proxy, \
            ResettingProxy(stall=True) as stalling, \
            tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        tls = (0, "")
        if any(r.scenario.host == "tls" for r in runs):
            cert = self_signed(Path(tmp))
            secure = stack.enter_context(FakeProvider(lambda _path, _headers: COMPLETION,
                                                      tls=cert))
            tls = (secure.port, cert[0])
        spec = Path(tmp) / "runs.json"
        proxies = {"reset": proxy.port, "stall": stalling.port}
        spec.write_text(json.dumps([_spec(r, provider.port, closed_port, proxies, tls)
                                    for r in runs]))
        env = dict(os.environ, GPTEL_DIAGNOSE_SERVER=server or server_command(), HOME=tmp)
        proc = subprocess.run(
            [str(EMACS_BATCH), "-l", str(HARNESS), "-f", "gptel-diagnose-e2e-main", str(spec)],
            capture_output=True, text=True, timeout=timeout, env=env, cwd=tmp,
        )
        results = {}
        marker = "E2E-RESULT "
        for line in proc.stdout.splitlines():
            # Emacs may ring the bell (a raw ^G) on the same line before our marker.
            if marker in line:
                data = json.loads(line[line.index(marker) + len(marker):])
                results[data["id"]] = data
        for run in runs:
            run.result = results.get(run.id) or {
                "harness_error": f"no result; Emacs exited {proc.returncode}",
                "stderr": proc.stderr[-4000:],
            }
        if after:
            after(runs, provider)
    return runs
