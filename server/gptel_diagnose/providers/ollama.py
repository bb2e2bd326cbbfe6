"""Ollama: a local server (port 11434), or its cloud at ollama.com."""

from __future__ import annotations

from .record import Code, ModelList, Provider

DOCS = "https://docs.ollama.com/api/errors"
QUEUE = "https://github.com/ollama/ollama/blob/main/server/sched.go"

# Ollama's native errors are a bare string ({"error": "..."}): its codes are statuses and
# messages.
RECORD = Provider(
    kind="ollama",
    name="Ollama",
    hosts=r"(^|\.)ollama\.com$",
    api_hosts=("ollama.com",),
    # Its native API and its OpenAI-compatible one (docs/api.md, docs/openai.md).
    chat_paths=r"^/api/(chat|generate)$|^/v1/(chat/completions|completions|responses)$",
    key_env="OLLAMA_API_KEY",
    errors_url=DOCS,
    models=ModelList("/api/tags", "none"),
    local_port=11434,
    start_command="ollama serve",
    # Its log on Linux with systemd (docs.ollama.com/troubleshooting; macOS keeps it in
    # ~/.ollama/logs/server.log).
    log_command="journalctl -u ollama --no-pager --pager-end",
    codes=(
        Code("", "model.not_found",
             "The model is not on this server; pull it first (ollama pull NAME).",
             "服务器上没有这个模型;请先拉取(ollama pull 名称)。", DOCS, http=404,
             # Not the status line's own phrase ("model test: Client error '404 Not Found'
             # for url ..."): the model's words.
             text=r"model .{0,120}(?<!404 )not found"),
        Code("", "server.overloaded",
             "The server's request queue is full (OLLAMA_MAX_QUEUE); retry later.",
             "服务器的请求队列已满(OLLAMA_MAX_QUEUE);请稍后重试。", QUEUE, http=503,
             text=r"server busy"),
        Code("", "rate_limit",
             "Too many requests: a rate limit was exceeded.",
             "请求过多,超出了速率限制。", DOCS, http=429),
    ),
)
