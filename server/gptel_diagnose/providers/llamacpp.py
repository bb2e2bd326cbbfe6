"""llama.cpp's llama-server: a local OpenAI-compatible server (port 8080)."""

from __future__ import annotations

from .record import Code, ModelList, Provider

SOURCE = "https://github.com/ggml-org/llama.cpp/tree/master/tools/server"
CONTEXT = "https://github.com/ggml-org/llama.cpp/pull/15780"

# llama-server documents its errors in its source: format_error_response's types.
RECORD = Provider(
    kind="llamacpp",
    name="llama.cpp",
    errors_url=SOURCE,
    models=ModelList("/v1/models", "bearer"),
    local_port=8080,
    start_command="llama-server -m MODEL.gguf --port 8080",
    codes=(
        Code("exceed_context_size_error", "request.context_length",
             "The prompt exceeds the server's context size: restart it with a larger -c, or trim.",
             "提示词超过了服务器的上下文大小:用更大的 -c 重启服务器,或精简内容。", CONTEXT,
             http=400, rule="CTX001"),
        Code("authentication_error", "auth.invalid_key",
             "The server was started with --api-key and the request's key does not match.",
             "服务器以 --api-key 启动,而请求中的密钥与之不符。", SOURCE, http=401),
        Code("unavailable_error", "server.overloaded",
             "The server is still loading the model; wait and retry.",
             "服务器仍在加载模型;请稍候重试。", SOURCE, http=503, rule="SRV001"),
    ),
)
