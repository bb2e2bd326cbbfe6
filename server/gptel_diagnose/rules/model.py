"""Models: the model name is unknown to the backend, or not available to this key."""

from __future__ import annotations

from .base import Example, FixSpec, Rule, match

RULES = (
    Rule(
        code="MODEL001",
        name="model-not-found",
        category="model.not_found",
        when=(
            match(codes=("model_not_found", "deploymentnotfound", "invalid_model",
                         "model_not_supported")),
            match(
                http=(404, 400),
                text=r"model.{0,80}(does not exist|not found|is not supported|not available"
                r"|no access|invalid model|unknown model)|invalid model|unknown model"
                r"|no such model",
                not_text=r"try pulling it first",
            ),
        ),
        summary="{provider} has no model {model} for this key: a typo, a retired model, or one "
        "your account cannot use. Pick another with M-x gptel-menu.",
        explanation=(
            "The backend answered HTTP {status}: the model name gptel sent is unknown to it or "
            "not available to this key. \"Does not exist\" often means \"you do not have access\": "
            "some models need a verified organization, a paid tier or a region; names also "
            "change when models are retired.\n\nThe provider said: {message}"
        ),
        steps=(
            "Check the model name gptel sends (gptel-model, or the model chosen in "
            "M-x gptel-menu) against {models_url}.",
            "If the name is right, check that your account or project has access to it.",
            "For Azure, the model name must be the deployment name.",
        ),
        fixes=(
            FixSpec("Choose another model (M-x gptel-menu, then -m)", "display-only",
                    command="M-x gptel-menu"),
            FixSpec("See the models this provider offers", "display-only", url="{models_url}"),
        ),
        docs=("https://platform.openai.com/docs/models",),
        examples=(
            Example(
                error={
                    "status": "HTTP/1.1 404 Not Found",
                    "http_status": "404",
                    "error": {
                        "message": "The model `gpt-nope` does not exist or you do not have "
                        "access to it.",
                        "type": "invalid_request_error",
                        "param": None,
                        "code": "model_not_found",
                    },
                },
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"model": "gpt-nope"},
                source="https://github.com/ChatGPTNextWeb/NextChat/issues/889",
            ),
        ),
        priority=70,
    ),
    Rule(
        code="MODEL002",
        name="ollama-model-not-pulled",
        category="model.not_found",
        when=(
            match(text=r"try pulling it first"),
            match(http=404, providers="ollama", text=r"model .{0,80}not found"),
        ),
        summary="Ollama has no model {model}: pull it with `ollama pull {model_arg}`, or pick an "
        "installed one.",
        explanation=(
            "Ollama answered HTTP {status}: the model named in the request is not installed. "
            "Ollama needs the exact name and tag, as `ollama list` prints it (for example "
            "llama3.2:latest).\n\nOllama said: {message}"
        ),
        steps=(
            "Run `ollama list` to see the installed models.",
            "Run `ollama pull {model_arg}` to install this one, or set gptel-model to one from "
            "the list (the backend's :models should list them too).",
        ),
        fixes=(
            FixSpec("Install the model", "display-only", command="ollama pull {model_arg}"),
        ),
        docs=("https://github.com/ollama/ollama/blob/main/docs/api.md",),
        examples=(
            Example(
                error={
                    "status": "HTTP/1.1 404 Not Found",
                    "http_status": "404",
                    "error": 'model "llama9" not found, try pulling it first',
                },
                backend={"kind": "ollama", "host": "localhost:11434"},
                request={"model": "llama9"},
                source="https://github.com/ollama/ollama/blob/main/server/routes.go",
            ),
        ),
        priority=75,
    ),
)
