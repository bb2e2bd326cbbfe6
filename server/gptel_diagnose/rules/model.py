"""Models: the model name is unknown to the backend, retired, or not available to this key."""

from __future__ import annotations

from ..cues import (
    DEPRECATED_OPTION,
    GO_CERTIFICATE_REFUSED,
    MODEL_NOT_FOUND,
    PATH_AS_MODEL,
    RESPONSES_REFUSED,
)
from .base import Example, FixSpec, Rule, match
from .common import (
    ASK_BACKEND,
    ASK_MODEL,
    AWS_NO_CREDENTIALS,
    CLOSEST,
    DOUBLE_SLASH_URL,
    FASTAPI_NOT_FOUND,
    KEY_LEAVES_MODEL_OUT,
    LOG_REQUESTS,
    PICK_MODEL,
    PROJECT_NO_MODEL_ACCESS,
    REDEFINE_BACKEND,
    SEE_MODELS,
    THINKING_ONLY,
)

# A 404 that is not Ollama's own JSON answer: another server's "404 page not found" page, as
# the client that could not parse it says.
_NOT_OLLAMAS_404 = (r"page not found|page was not found|cannot unmarshal|not valid json"
                    # FastAPI's answer for a route it does not have: another server.
                    r"|" + FASTAPI_NOT_FOUND +
                    r"|unexpected token|after json at position"
                    # serde, reading another server's "404 page not found" as the number 404.
                    r"|invalid type: integer `404`")
# How to tell a wrong model name from one the key may not use.
_CHECK_NAME = (
    "Check the model name gptel sends (gptel-model, or the model chosen in M-x gptel-menu) "
    "against {models_url}.",
    "If the name is right, check that your account or project has access to it.",
)

# OpenAI's model_not_found for a model an unverified organization may not use: the message
# says the model is there (PERM002).
_UNVERIFIED = r"must be verified to use the model"

RULES = (
    Rule(
        code="MODEL001",
        name="model-not-found",
        category="model.not_found",
        when=(
            # Anthropic's not_found_error is also its answer for a wrong path, with the message
            # a bare "Not Found" where a model would be named; so is llama.cpp's server's, with
            # "File Not Found" (it serves one model whatever the name).
            match(codes=("model_not_found", "invalid_model", "unknown_model", "model_not_available",
                         # WindsurfAPI, for a model its accounts' plan does not include.
                         "model_not_entitled",
                         # Cursor, for a model name it does not know ("AI Model Not Found").
                         "error_bad_model_name",
                         "not_found_error"),
                  not_text=r"not accessible via the|endpoint|url|route|^not found\s*(\n|$)"
                  r"|\bfile not found\b|"
                  + _UNVERIFIED + "|" + PROJECT_NO_MODEL_ACCESS),
            # DuckDuckGo's AI chat: 404 {"type": "ERR_MODEL_UNAVAILABLE"} for a model it no
            # longer offers (a relay's "Model is unavailable" with no status is load);
            # OpenRouter's 404 for a :free variant it dropped ("This model is unavailable
            # for free. The paid version is available now - use this slug instead: X").
            # The same "Model is unavailable" passed on with a 400 or 403 (OpenCode's Console
            # through a relay) is the model too.
            match(http=(400, 403, 404), text=r"\berr_model_unavailable\b|\bmodel is unavailable\b"
                  r"|use this slug instead"),
            # Hugging Face's serverless API, for a repository it cannot serve (GGUF files
            # only, no known architecture): "Pipeline cannot infer suitable model classes
            # from TheBloke/Llama-2-13B-chat-GGUF".
            match(text=r"pipeline cannot infer suitable model classes"),
            # Vertex AI's 404 "Publisher Model `projects/.../models/X` was not found", its
            # words cut before "not found" by a client's log.
            match(http=404, text=r"\bpublisher model\W{0,3}projects/"),
            # The same closing a Live API websocket (close code 1008), its words cut after
            # the model's path.
            match(http=None, text=r"\b1008 \(policy violation\) publisher model\W{0,3}projects/"),
            # A service's Chinese words for a model it does not serve: iFlow's "心流不支持当前
            # 模型，请更换模型后重试" (does not support the current model, change it).
            match(text=r"不支持(?:当前|该|此)模型.{0,6}请更换模型"
                  # A relay skipping an upstream account: "账号不支持此模型或无权限，跳过" (the
                  # account does not support this model, or has no right to it: skipped).
                  r"|账号不支持此模型"
                  # langwatch's gateway, with no key for the model asked ("no keys found that
                  # support model: X"); claude-code-router's gateway, for a model name it does
                  # not route ("Model X is not configured for target provider openai. Allowed
                  # models: ...").
                  r"|no keys found that support model"
                  # MiniMax, for a model outside the plan: "plan does not support model".
                  r"|\bplan does not support (?:the |this )?model\b"
                  # Zhipu's 1311 in its words, where no code came: "Your current subscription
                  # plan does not yet include access to GLM-5".
                  r"|subscription plan does not (?:yet )?include access to"
                  # A gateway whose keys each carry a list of models: "Validation failed:
                  # Model 'custom-default' not in this key's catalog".
                  r"|not in this key'?s catalog"
                  # Anthropic, for the 1M-token variant of a model a subscription or tier does
                  # not include: "The long context beta is not yet available for this
                  # subscription." (the variant, not the account, is what fails).
                  r"|long context beta is not yet available for this\s+subscription"
                  r"|is not configured for (?:target )?provider \S+\W+allowed models"
                  # Vertex AI, for a partner model sent to Gemini's API (Claude through
                  # Gemini's route): "claude-sonnet-4 is not supported in the
                  # streamGenerateContent API".
                  r"|is not supported in the (?:stream)?generatecontent api"
                  # Anthropic's not_found_error for a model, as a client prefixes it:
                  # "404 Not Found: model: anthropic/claude-3-7-sonnet-latest".
                  r"|\b404 not found: model: \S+"),
            # NVIDIA's gateway, on its own documented chat path, for a model it does not
            # serve (a name without its organization, "nemotron-3-ultra-550b-a55b"): Go's
            # plain "404 page not found", which elsewhere is a path's (LABELING, stop 55).
            # In the error's words, or in the body the companion read where gptel could not
            # parse the answer ("Could not parse HTTP response").
            # OpenAI's words for a model it does not have, whatever tool or parameter the error
            # also names (Codex's image tool: {"message": "The model 'gpt-image-2' does not
            # exist.", "param": "tools"}).
            match(text=r"\bthe model [`'\"][^`'\"\s]{1,80}[`'\"] does not exist\.?(?:\W|$)",
                  not_text=r"decommissioned|deprecated|retired|legacy|" + _UNVERIFIED + "|"
                  + PROJECT_NO_MODEL_ACCESS),
            match(provider="nvidia", documented_path=True, text=r"(?:^|\W)404 page not found\b"),
            match(provider="nvidia", documented_path=True, body=r"^\W*404 page not found\W*$"),
            match(
                # "model" as a word, not inside a host name ("model_name.region.models.ai...").
                text=r"\bmodels?\b(?![.])\S*.{0,120}(does not ?exist|doesn'?t exist"
                r"|" + MODEL_NOT_FOUND +
                r"|is not supported"
                # "is unknown", not a log's "model=X ... reason=unknown".
                r"|not available|no access|is invalid|is unknown|not a valid model)"
                # LocalAI, for a model file it does not have or cannot read.
                # DeepSeek listing the model names it takes; MiMo; Groq for a retired model.
                r"|supported api model names are|not supported model|model .{0,80}is not active"
                # ModelScope; Claude Code's words for a model it was refused.
                r"|has no provider\s+supported|selected model .{0,80}may not exist"
                # A relay with no route for the model: "unknown provider for model X".
                r"|unknown provider\s+for model"
                # Hugging Face's router, for a model no inference provider serves.
                r"|inference provider information for model"
                # Anthropic's not_found_error for a model ("model: X"), quoted as a fragment
                # of its body ("\"model: glm-4-plus\",\"type\":\"not_found_error").
                r"|\bmodel: [\w.:/-]+\W{1,6}type\W{1,6}not_found_error"
                # Anthropic, for a model a Claude Code client of that version may not use
                # ("does not support this model; version 2.1.280 or newer is required").
                r"|does not support this model; version \S+ or newer is required"
                # A client's exception class: OpenCode's ProviderModelNotFoundError.
                r"|modelnotfound(error|exception)"
                # A relay, for a model it retired: "X is no longer available. Please switch".
                r"|is no longer available\. ?please ?switch to"
                r"|could not load model: rpc error: code = unknown desc = "
                r"(?:unsupported model|stat )"
                # LocalAI's bare words for a model file it does not have.
                r"|^stat \S*/models/\S+: no such file or directory"
                r"|invalid model|unknown (?:chat )?model|no such model|model not exist"
                # Simon Willison's llm, for a model no plugin registered: "'llama3.2' is not
                # a known model".
                r"|is not a known model\b"
                # A gateway naming the models it takes ("The request was malformed and could
                # not be processed.\nUse model `auto`, `fantail`, or `moa`.").
                r"|\buse model `[^`\n]+`(?:, `[^`\n]+`)*,? or `"
                r"|model_not_found"
                # Ollama's cloud, for a model it does not serve ("Unsupported model
                # (model=deepseek-v4-flash:cloud)", typed invalid_parameter); claude.ai, for a
                # model the plan cannot use now ("permission_error - This model isn't
                # available right now. You can switch to another model"); Tabby, for a name
                # missing from its registry ("Invalid `model_id` <TabbyML/...>").
                r"|unsupported model \(model=|this model isn'?t available right now"
                # A gateway, for a name outside its map of one upstream's models: "Unsupported
                # qoder model: \"qmodel_latest\"" (9router).
                r"|\bunsupported [\w.-]+ model: "
                # Google's "models/X is not found for API version v1beta" as a slug, in a
                # client's error code ("gemini-1-5-flash-001-tuning-is-not-found-for-api-
                # version-v1beta").
                r"|-is-not-found-for-api-version-"
                # A gateway, for a model outside its list: "404: No matching model found"; a
                # relay's "model 'windsurf/claude-3-7-sonnet' is not not yet supported".
                r"|\bno matching model found\b|\bmodel '[^'\n]+' is not (?:not )?yet supported"
                r"|invalid `model_id`"
                # The ChatGPT sign-in's Codex backend, for a name it does not serve: "ChatGPT
                # subscription does not support model \"gpt-5.6\" on the Codex backend."
                r"|subscription does not support model\b"
                # Gemini's, as a terminal wraps it ("models_X is not\nfound for API version
                # v1beta"); LiteLLM's router, for a model name no deployment has.
                r"|is not\s+found for api version|there is no 'model_name' with this string"
                # Hugging Face's router, for a model none of the user's providers serves;
                # Baidu's qianfan SDK, for a name missing from its list of models.
                r"|not supported by any provider you have enabled"
                # Codex CLI, for a model its key's /models list leaves out: "Warning: model
                # \"o4-mini\" is not in the list of available models returned by OpenAI."
                r"|is not in the list of (?:supported|available) models"
                # Gemini CLI, for a preview model the account is not enabled for: "It seems
                # like you don't have access to Gemini 3."
                r"|you don'?t have access to gemini \d"
                # OpenClaw, for a model outside its configured list: "Model \"X\" is not
                # allowed. Use /models to list providers".
                r"|is not allowed\. use /models\b"
                # FastChat's OpenAI-style server (code 40301): "Only m1&&m2 allowed now, your
                # model m3".
                r"|allowed now, your model\b"
                # Kimi Code's 404: "Not found the model kimi-for-coding or Permission denied".
                r"|not found the model"
                # llama.cpp, for a model file cut short: "data is not within the file bounds,
                # model is corrupted or incomplete" (download it again, as an unpulled one).
                r"|model is corrupted or incomplete"
                # CLIProxyAPI, for a model the API the request went to does not serve: "当前
                # API 不支持所选模型 glm-4.7" (the current API does not support the selected
                # model).
                r"|不支持所选模型"
                # One-API forks, for a model the channel's adaptor has no mapping for:
                # "cannot found vertex chat adaptor for model gemini-3.1-pro-preview".
                r"|(?:cannot|can'?t|could not|couldn'?t) (?:found|find) [\w ]{0,30}"
                r"adaptor for model"
                # Hugging Face's serverless API, for a model whose architecture it cannot
                # load: "The model_type 'mistral' is not recognized."
                r"|model_type '[\w-]+' is not recognized"
                r"|model identifier is invalid|requested model is not supported"
                r"|not a valid model id|no endpoints found for (?!that|the request with)"
                # Xiaomi MiMo's Token Plan endpoint: "Notsupported model mimo-v2-flash".
                r"|\bnotsupported model\b"
                # A model id in the wrong form for the service: Synthetic's "Your model name
                # should start with an hf: prefix".
                r"|model name should start with|model (?:name|id) must (?:start|begin) with"
                # A router that picks a provider by the model's name, for a name none of its
                # providers has: "Provider 'Qwen/Qwen3-Coder-480B' not found", "provider not
                # found: provider '' not found in registry".
                r"|\bprovider '[^'\n]{0,120}' not found"
                # OpenRouter's words alone, as a client quotes them ("No endpoints found").
                r"|^no endpoints found\W*(?:$|\n)"
                # A relay's free key, for a model its plan leaves out (ChatAnywhere: "免费API限制
                # 使用gpt-3.5-turbo ... The free account is limited to use ...", "Limit to use
                # gpt-3.5-turbo, gpt-4 and embeddings").
                r"|免费api限制使用|\blimit(?:ed)? to use (?:[\w.-]+,? )+(?:and )?embeddings\b"
                # Anthropic's not_found_error message is the model alone ("model:
                # claude-3-haiku-20240307"), as clients quote it after their own words.
                r"|(?:^|: )model: claude-[\w.:@-]+\s*(?:$|\n)"
                # Google's own SDK calls only its documented paths, so its 404 is the model's
                # ("GoogleGenerativeAI Error: Error fetching from ... status: 404 Not Found").
                r"|googlegenerativeai ?(?:fetch)?error\b.{0,300}\b404\b"
                # Hugging Face's Inference API, for a repository it cannot load as the task's
                # model: "Could not load model X with any of the following classes: (...)".
                r"|could not load model \S+ with any of the following classes"
                # GitHub Copilot, for a model its plan or policies do not enable.
                r"|no endpoints available for this model"
                r"|no endpoints (found|available) matching your|engine .{0,40} not available"
                # Gemini for a model id in the wrong form; LM Studio's noModelMatchingQuery.
                r"|unexpected model name format|no model found that fits the query"
                r"|nomodelmatchingquery"
                r"|model .{0,80}is not downloaded|\bmodel not support(ed)?\b"
                r"|chatcompletion operation does not work with the specified model"
                # Azure's OperationNotSupported in its generic words, for a deployment (a
                # codex model) that does not serve chat completions.
                r"|the requested operation is unsupported"
                r"|unable to access (non-serverless )?model|model .{0,80}is not running"
                r"|dedicated endpoint .{0,120}is not running|no allowed providers"
                # Poe, for a model (a "bot") it does not have: "Bot does not exist: X".
                r"|\bbot does not exist:"
                r"|exceeds the limit of 0\b|model_not_supported"
                # GitHub Copilot, for a model its organisation's policy has not enabled.
                r"|model access is not permitted per policy"
                # Vertex AI, for a publisher model not offered in the region asked for.
                r"|is not servable in region"
                # Anthropic's not-found text "model: X", alone or inside a client's words.
                # efrit's "API Error (not_found_error): model: claude-bogus-99".
                # Anthropic's Python SDK: "Error code: 404 - model: claude-x".
                # Its JSON, quoted with a brace missing so that it is only text:
                # '"not_found_error","message":"model: claude-3-5-haiku-latest"'.
                # claw-code's "api returned 404 Not Found (not_found_error) [trace req_…]:
                # model: X".
                r"|(?:^|message: |error: |_error\): |\b404 - "
                r"|not_found_error\W{1,20}message\W{1,4}"
                r"|not_found_error\) \[trace [\w-]+\]: )model:\s{1,12}[\w.:/-]+"
                # GitHub Models: "400 Unavailable model: gpt-5".
                r"|unavailable model:"
                # Z.ai's 1214 for a model code it does not serve: "[1214][modelCode: does
                # not exist]".
                r"|\bmodelcode:? does not exist"
                # A gateway's "model name not specified / may not be empty", in Chinese.
                r"|未指定模型名称|模型名称不能为空"
                # LM Studio: 'Cannot find model "X"'.
                r"|(cannot|could not|couldn'?t) find model"
                # Dify and relays: "Model deepseek-v3.1 not exist."
                r"|\bmodel \S+ not exists?\b"
                # OpenAI, for a completions-only model sent to chat/completions.
                r"|this is not a chat model|(^|error: )engine not found$"
                # Vertex AI's deployed models: "The deployed model does not support
                # ChatCompletions" (docker/docker-agent#2469).
                r"|does not support chat ?completions"
                # Ollama, for an embedding model sent to chat or generate:
                # '"all-minilm:latest" does not support chat'.
                r"|\"[^\"]{1,120}\" does not support (chat|generate)\b"
                # Ollama's CLI, for the same kind of model: "embedding models do not support
                # chat" (ollama/ollama#2778).
                r"|\bembedding models? (?:do|does) not support (chat|generate)\b"
                # A client checking the provider's model list: 'does not serve "m" to you'.
                r"|does not serve \"[^\"]{1,120}\""
                # claude-relay-service: "No available Claude accounts support the requested
                # model: claude-opus-4-6".
                r"|no available [\w ]{0,30}accounts? support the requested model"
                # A client's check of the server's list: "Ollama server does not have the
                # provided model: NAME".
                r"|does not have the (provided|requested|specified) model"
                # AFFiNE, for a model none of its configured providers serves; Copilot for
                # Eclipse, for a model family it has no settings for; a demo key's proxy
                # serving one model only.
                r"|no copilot provider available|no model configuration found for"
                r"|only [\w.:-]+ models? (?:is|are) available|not eligible for this model"
                r"|no supported model available|illegal model request"
                # SiliconFlow's "Model disabled." (its code 30003): not offered any more.
                r"|\bmodel (is )?disabled\b|incorrect model id"
                # Hugging Face, for a model outside the account's plan; Gemini, under 429,
                # for a preview model a free key may not use at all.
                r"|model requires a \w+ subscription|model .{0,80}is not allowed, allowed"
                # Warp's "the requested planning model (claude-3-5-sonnet) is not allowed for
                # your account"; a gateway's "Model 'gpt-5.5' is not allowed for this
                # provider": a model this account or plan cannot use (LABELING.md).
                r"|\bmodel\b.{0,80}\bis not allowed for (?:your|this) (?:account|plan|provider)"
                # Ollama's cloud, for a model the account's plan leaves out: "this model
                # requires a subscription, upgrade for access" (LABELING.md, stop 52).
                r"|this model requires a subscription"
                # Hugging Face's serverless API, for a model bigger than its plan loads: "The
                # model X is too large to be loaded automatically (93GB > 10GB)".
                r"|too large to be loaded automatically"
                # The ChatGPT backend, for a model this client's version may not use: "The
                # 'gpt-5.5' model requires a newer version of Codex".
                r"|model requires a newer version of"
                r"|doesn'?t have a free quota tier"
                # NVIDIA's API catalog, for a model's function this account cannot call.
                r"|function '[^'\n]{1,80}':? not found for account"
                # Volcengine Ark's ModelNotOpen in its words, as a relay passes it on.
                r"|has not activated the model"
                # Ollama, for an empty or unparseable model name; FastChat-style servers;
                # Volcengine Ark for a model of another API; Zhipu's 1211 in Chinese.
                r"|\bmodel is required\b|only .{0,80}allowed now, your model"
                r"|\bmodel is not specified\b|\bmodel name is missing from the request\b"
                # Azure AI's model inference endpoint (no_model_name): "No model specified in
                # request" (LABELING, stop 57: a model the request did not name).
                r"|\bno model specified in request\b"
                # Replicate, for a model version id it does not know.
                r"|the specified version does not exist"
                # LiteLLM's router, for a model name in none of its deployments: "You passed
                # in model=X. There are no healthy deployments for this model."
                r"|you passed in model=\S+\. there are no healthy deployments"
                r"|model .{0,80}does not support this api|模型不存在"
                # Zhipu's coding plan, for a model id it does not have: "1214 modelCode 不存在".
                r"|modelcode\s*不存在"
                # Llama Stack, for a model id it has not registered ("`llama3.2` not
                # registered. Make sure there is an Inference provider serving this model",
                # ogx-ai/ogx#332); Foundry Local, for one it has not loaded ("No
                # OpenAIService provider found for modelName:X", microsoft/foundry-local#92).
                r"|make sure there is an inference provider serving this model"
                r"|no \w+ provider found for modelname"
                # A relay, for a model outside what the key may use: "模型 X 不在当前 API Key
                # 的可用模型范围内".
                r"|不在当前 ?api ?key ?的可用模型"
                # OpenAI's older words for a model the endpoint does not serve.
                r"|requested a model that is not compatible with this engine",
                # "Error loading models: ... API key not found" is about the key.
                not_text=r"try pulling it first|decommissioned|deprecated|retired|legacy"
                r"|key not found|" + _UNVERIFIED + "|" + PROJECT_NO_MODEL_ACCESS +
                # "Model X does not exist and could not be pulled: ... connection refused":
                # the server was never reached.
                r"|connect: connection refused|econnrefused"
                # A relay's router, for a path it has no route for, model and all ("Route
                # /api/v1beta/models/gemini-2.5-flash-lite:generateContent not found").
                r"|^route /\S+ not found"
                # Werkzeug's 404 page, for a path the server has no route for: "The requested
                # URL was not found on the server", as a gateway passes it on after its own
                # "invoke llm model failed".
                r"|requested url was not found on the server"
                r"|not accessible via the|tool|does not support (tools|images|vision|thinking)"
                # The model exists, on another API than the one asked (ENDP001).
                r"|not supported for task|" + RESPONSES_REFUSED + "|" + PATH_AS_MODEL +
                r"|\bcompletion operation does not work"
                r"|unknown error was encountered"
                # "X is not supported by this model" refuses X, a parameter; so does
                # "X is a thinking-only model; disabling thinking ... is not supported".
                # Volcengine Ark's words: "The parameter `reasoning` specified in the request
                # are not valid: reasoning is not supported by current model".
                r"|is not supported (by|for|with|on) (?:this|the current|current) model"
                r"|disabling thinking"
                r"|" + THINKING_ONLY + "|" + KEY_LEAVES_MODEL_OUT +
                # Vertex's MALFORMED_FUNCTION_CALL in an adapter's words: the call the model
                # wrote is invalid, not the model.
                r"|function call generated by the model is invalid"
                # The model is served, on another path the message names (ENDP001): Cohere's
                # "this model is not supported with '/v1/chat', please use '/v2/chat'".
                r"|not supported with '/[\w/.]+', please use '/"
                r"|unsupported.?parameter|unsupported.?value"
                # A server's access log: '"GET /v1//models HTTP/1.1" 404 Not Found' is
                # about the path it was asked for.
                r"|\b(get|post) /\S* http/[\d.]+\W+404"
                # Go's router for a path it has no handler for ("Error loading models: 404
                # page not found"), whoever asked for it; Kong's (Mistral's gateway).
                r"|404 page not found|no route matched with those values"
                r"|" + FASTAPI_NOT_FOUND +
                # OpenAI's and One-API's words for a path they do not serve, whatever model
                # the path names ("Invalid URL (POST /v1beta/models/gemini-...)"): ENDP001.
                r"|invalid url \((?:get|post|put|patch|delete) /"
                # A 404 for a URL with an empty path segment is the URL's (ENDP001).
                r"|" + DOUBLE_SLASH_URL,
                # A web server's "404 Not Found" page after a model's name is about the URL.
                html=False,
                # A 401 is about the key ("Invalid model key"), whatever else it names.
                not_http=401,
            ),
        ),
        summary="{provider} does not offer {model} to this key: a typo, a retired model, or one "
        "your account cannot use.",
        explanation=(
            "The backend answered HTTP {status}: the model name gptel sent is unknown to it or "
            "not available to this key. \"Does not exist\" often means \"you do not have access\": "
            "some models need a verified organization, a paid tier or a region; names also "
            "change when models are retired."
        ),
        steps=_CHECK_NAME,
        provider_steps=(("azure", "For Azure, the model name must be the deployment name."),),
        fixes=(
            CLOSEST,
            ASK_MODEL,
            PICK_MODEL,
            SEE_MODELS,
            # The model may be another backend's (a Claude model sent to OpenAI).
            ASK_BACKEND,
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
            # As gptel meets it: its own words, the page read from its response buffer.
            Example(
                error={"status": "HTTP/1.1 404 Not Found", "http_status": "404",
                       "error": "Could not parse HTTP response.",
                       "body": "404 page not found"},
                backend={"kind": "openai", "host": "integrate.api.nvidia.com",
                         "endpoint": "/v1/chat/completions",
                         "models": ["nemotron-3-ultra-550b-a55b",
                                    "nvidia/nemotron-3-ultra-550b-a55b"]},
                request={"model": "nemotron-3-ultra-550b-a55b"},
                source="https://github.com/NousResearch/hermes-agent/issues/78796",
            ),
        ),
    ),
    Rule(
        code="MODEL002",
        name="ollama-model-not-pulled",
        category="model.not_found",
        when=(
            match(text=r"no longer compatible with your version of ollama"
                  r"|may be incompatible with your version of ollama"
                  # "this model is not supported by your version of Ollama. You may need to
                  # upgrade", as its runner stops.
                  r"|not supported by your version of ollama"),
            match(text=r"try pulling it first|pull model manifest"
                  r"|model .{0,80}" + MODEL_NOT_FOUND + r".{0,40}ollama"
                  # A model file of Ollama's store gone from disk (a pull cut short); older
                  # Ollama's words for a model never pulled: "stat /root/.ollama/models/
                  # manifests/registry.ollama.ai/library/llama2/latest: no such file or
                  # directory" (ivanfioravanti/chatbot-ollama#4).
                  r"|\.ollama[\\/]+models[\\/]+(?:blobs|manifests)[\\/]+\S*.{0,40}"
                  r"(?:cannot find the file"
                  r"|no such file)",
                  # Not a pull that failed on the registry's certificate ("pull model
                  # manifest: Get ...: tls: failed to verify certificate: x509: ..."): the
                  # network's (NET023).
                  # Nor the registry failing itself ("pull model manifest: 500: ... internal
                  # error"): the server's.
                  # Nor a registry whose name did not resolve ("dial tcp: lookup
                  # registry.ollama.ai: no such host", "... server misbehaving"): NET001's.
                  # Nor a pull whose connection broke or went through a proxy that refused
                  # ("pull model manifest: Get \"https://ollama.com/token?...\": read tcp ...:
                  # connection reset by peer", "...: proxyconnect tcp: ..."): the network's.
                  not_text=GO_CERTIFICATE_REFUSED + r"|pull model manifest: 5\d\d\b"
                  r"|pull model manifest: get \"[^\"]+\": (?:read tcp|proxyconnect tcp)"
                  r"|dial tcp: lookup \S+(?: on \S+)?: (?:no such host|server misbehaving"
                  r"|read udp|i/o timeout)"
                  # Nor the registry refusing the pull with a bare status of its own ("pull
                  # model manifest: 401", "on pull registry responded with code 403"): its
                  # status says what (a 400 or 412 with words stays here).
                  r"|pull model manifest: 40[0-3]\b(?!:\s*\w)"
                  r"|on pull registry responded with code 40[13]\b"),
            # A client's own words for the same: 'Model "qwen3.5:27b-bf16" is not installed.'
            match(provider="ollama", text=r"model .{0,80}" + MODEL_NOT_FOUND + "|model_not_found"
                  r'|\bmodel\s+"[^"]{1,80}"\s+is not installed'),
            # Ollama answers a request for a model it does not have with a bare 404.
            # Its answer is JSON: a client that could not parse the 404 got another server's
            # "404 page not found".
            # Not a 404 for the list of models ("Error fetching Ollama models ... status 404",
            # GET /api/tags): no model was named, the URL is what was not found.
            match(provider="ollama", http=404, html=False, off_path=False,
                  not_text=f"{_NOT_OLLAMAS_404}|endpoint|route"
                  r"|(?:fetch|list|load)(?:ing)? (?:\w+ ){0,2}models\b|/api/tags"),
            # The same on Ollama's other paths that name a model (embeddings, model details):
            # they exist, so a bare 404 there is the model too.
            # Not under "/v1/api/": OpenAI's prefix glued onto Ollama's own path is no path
            # of Ollama's (ENDP001).
            match(provider="ollama", http=404, html=False,
                  text=r"(?<!/v1)/api/(?:embed|embeddings|show)\b", not_text=_NOT_OLLAMAS_404),
        ),
        summary="Ollama does not have {model}: it has not been pulled on this server.",
        explanation=(
            "Ollama answered HTTP {status}: the model named in the request is not installed. "
            "Ollama needs the exact name and tag, as `ollama list` prints it (for example "
            "llama3.2:latest)."
        ),
        steps=(
            "Run `ollama list` to see the installed models.",
            "Run `ollama pull {model_arg}` to install this one, or set gptel-model to one from "
            "the list (the backend's :models should list them too).",
        ),
        fixes=(
            FixSpec("Install the model", "display-only", command="ollama pull {model_arg}"),
            ASK_MODEL,
        ),
        next_step=("Install the model: `ollama pull {model_arg}`.",
                   "Run `ollama list` to see the installed models.",),
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
    ),
    Rule(
        code="MODEL010",
        name="vertex-model-not-in-this-location",
        category="model.not_found",
        # Vertex AI's 404 for a Gemini 3 or preview model asked for at a regional location:
        # Google serves those at the global location only (the docs' "Available regions:
        # global" for Gemini 3 and the newer previews), so the model is not "retired", and the
        # same name works once the backend points at locations/global.  Threads where that
        # was the fix: google-gemini/gemini-cli (us-central1 for Gemini 3), vercel/ai's
        # google-vertex (flash-lite-preview), LiteLLM (GOOGLE_CLOUD_LOCATION ignored).
        when=match(text=r"publisher model\W{0,3}projects/[^/\s]+/locations/(?!global/)"
                   r"[a-z]+-[a-z]+\d+/publishers/google/models/"
                   r"(?:gemini-3[\w.@-]*|[\w.@-]*preview[\w.@-]*)\W{0,3}(?:was )?not found"),
        summary=(
            "Vertex AI does not serve {model} at the backend's regional location: Gemini 3 "
            "and most preview models are served only at the global location."
        ),
        explanation=(
            "Vertex AI answered that the publisher model was not found in the location the "
            "request named (the region in the URL, such as us-central1). Google serves "
            "Gemini 3 and most preview models only at the global location, so the same model "
            "name works once the backend points there: the host aiplatform.googleapis.com "
            "and /locations/global/ in the path. If it still fails there, the project may "
            "not have access to the model yet."
        ),
        steps=(
            "Redefine the backend with :host \"aiplatform.googleapis.com\" and "
            "/locations/global/ in place of the region in :endpoint.",
            "Or choose a model served in your region (M-x gptel-menu, then -m).",
        ),
        next_step=("Redefine the backend as {vertex_global_form}",
                   "Point the backend at Vertex's global location: :host "
                   "\"aiplatform.googleapis.com\" and /locations/global/ in :endpoint.",),
        fixes=(FixSpec("The backend at Vertex AI's global location", "display-only",
                       variable="gptel-backend", command="{vertex_global_form}"),
               REDEFINE_BACKEND, ASK_MODEL),
        docs=("https://cloud.google.com/vertex-ai/generative-ai/docs/learn/locations",),
        examples=(
            Example(
                error={"status": "HTTP/2 404", "http_status": "404", "error": {
                    "code": 404, "status": "NOT_FOUND",
                    "message": "Publisher Model `projects/my-project/locations/us-central1/"
                    "publishers/google/models/gemini-3-pro-preview` was not found or your "
                    "project does not have access to it. Please ensure you are using a valid "
                    "model version. For more information, see: https://cloud.google.com/"
                    "vertex-ai/generative-ai/docs/learn/model-versions"}},
                backend={"kind": "openai", "host": "us-central1-aiplatform.googleapis.com",
                         "endpoint": "/v1/projects/my-project/locations/us-central1/endpoints/"
                         "openapi/chat/completions"},
                request={"model": "google/gemini-3-pro-preview"},
                source="https://github.com/google-gemini/gemini-cli/issues/14262",
            ),
        ),
    ),
    Rule(
        code="MODEL003",
        name="model-retired",
        category="model.not_found",
        when=(match(text=r"decommissioned|has been deprecated|is deprecated"
                    r"|model.{0,120}no longer (supported|available)"
                    # Google, for a model closed to keys made after its cut-off date:
                    # "This model ... is no longer available to new users".
                    r"|no longer available to new users|\bnot available for new users\b"
                    # OpenCode Zen, for a free model whose promotion ended, whatever the
                    # status (a 401): "Free promotion has ended for DeepSeek V4 Flash Free".
                    r"|free promotion has ended for"
                    r"|has been retired|been shut ?down|marked by provider as legacy"
                    r"|end of life|sunset"
                    # Bedrock: "This model version has reached the end of its life."
                    r"|reached the end of its life"
                    # Cohere: "model 'command' was removed on September 15, 2025".
                    r"|model '?[\w.:/-]+'? (was|has been) removed"
                    # Azure AI Foundry's ServiceModelDeprecating.
                    r"|is in deprecating state",
                    # Not a parameter retired for the model ("`top_k` is deprecated for this
                    # model"): the model is there.  Nor an API version retired ("The v1
                    # Assistants API has been deprecated"): the request's path or header.
                    # Nor an option of the request ("Live search is deprecated").
                    not_text=r"is deprecated for this model|\bapi has been deprecated|"
                    + DEPRECATED_OPTION),
              # The provider's deprecations page lists the model as retired, and the answer
              # is "not found": the model, not the URL.
              # Not when the path is only a base ("/v1beta/openai/" without chat/completions,
              # "/vibeta"): then the path is what was not found.  Another API's operation
              # (the legacy "/v1/completions") still finds the model retired.
              # Nor when the 404 is a router's stock page ("404 page not found"): the
              # provider answers a retired model in its JSON, a router a path it has not
              # (simonw/llm#139, an OpenAI-like gateway without /v1).
              match(model_retired=True, http=404, off_path=False,
                    not_text=r"404 page not found"),
              match(model_retired=True, http=404,
                    endpoint=r"(?i)complet|messages|generate|predict|chat|embed"),
              # 410 Gone names what is gone for good; when that is a model (NVIDIA's "The
              # model 'z-ai/glm-5.2' has reached its end of life", cut short by a relay), the
              # model is retired.
              match(http=410, text=r"\bmodel\b"),
              # Google's words cut to their end by a client ("404 - no longer available"):
              # with the 404, what is gone is the model, unless the words name another thing.
              match(http=404, text=r"\bno longer available\b",
                    not_text=r"endpoint|\bapi\b|path|\burl\b|version|region|country")),
        summary=(
            "{provider} no longer serves {model} (the model was retired, or a free offer for "
            "it ended): requests for it fail from now on."
        ),
        explanation=(
            "Providers retire models on a schedule and end free offers; requests for such a "
            "name fail even though it once worked, often with a pointer to its successor."
        ),
        steps=("Pick a current model (M-x gptel-menu), and update gptel-model or the "
               "backend's :models in your configuration.",
               "See {models_url} for the current names."),
        fixes=(CLOSEST, ASK_MODEL, PICK_MODEL,
               FixSpec("See current models", "display-only", url="{models_url}")),
        docs=("https://console.groq.com/docs/deprecations",
              "https://platform.openai.com/docs/deprecations"),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "message": "The model `qwen-qwq-32b` has been decommissioned and is no "
                    "longer supported. Please refer to https://console.groq.com/docs/"
                    "deprecations for a recommendation on which model to use instead.",
                    "type": "invalid_request_error", "code": "model_decommissioned"}},
                backend={"kind": "groq", "host": "api.groq.com"},
                request={"model": "qwen-qwq-32b"},
                source="https://github.com/atiilla/sqlmap-ai/issues/3",
            ),
        ),
    ),
    Rule(
        code="MODEL004",
        name="azure-deployment-not-found",
        category="model.not_found",
        when=(
            match(codes="deploymentnotfound"),
            match(text=r"api deployment for (this|the) resource does not exist|deploymentnotfound"
                  r"|^\W*deployment not found\W*$"),
        ),
        # gptel-make-azure names the deployment in :endpoint ("/openai/deployments/NAME/chat/
        # completions?api-version=..."); gptel-model goes in the body, which Azure does not
        # route by.  So the line points at :endpoint, and offers no other model.
        summary="The Azure deployment {deployment} does not exist on this resource, or was "
        "created only minutes ago; gptel-model cannot change it.",
        explanation=(
            "On Azure OpenAI a model is called through a deployment you create and name in the "
            "Azure portal, and gptel-make-azure names it in :endpoint "
            "(\"/openai/deployments/NAME/chat/completions?api-version=...\"). This resource has "
            "no deployment of that name, or the deployment is less than a few minutes old. "
            "gptel-model is sent too, but Azure goes by the deployment in the URL."
        ),
        steps=("In the Azure portal (AI Foundry), copy the deployment's name and put it after "
               "/deployments/ in the backend's :endpoint (gptel-make-azure).",
               "A new deployment can take about 5 minutes to become available."),
        fixes=(FixSpec("Open the Azure portal", "display-only", url="https://ai.azure.com/"),
               REDEFINE_BACKEND),
        next_step=("Put your deployment's name after /deployments/ in the backend's :endpoint "
                   "(gptel-make-azure), as the Azure portal lists it.",),
        docs=("https://learn.microsoft.com/en-us/azure/ai-services/openai/how-to/create-resource",),
        examples=(
            Example(
                error={"status": "HTTP/2 404", "http_status": "404", "error": {
                    "code": "DeploymentNotFound", "message": "The API deployment for this "
                    "resource does not exist. If you created the deployment within the last 5 "
                    "minutes, please wait a moment and try again."}},
                backend={"kind": "azure", "host": "myres.openai.azure.com"},
                source="https://github.com/chatboxai/chatbox/issues/861",
            ),
        ),
    ),
    Rule(
        code="MODEL005",
        name="bedrock-needs-inference-profile",
        category="model.not_found",
        # Not a client that could not list the inference profiles because the AWS SDK found
        # no credentials ("Failed to fetch inference profiles Could not load credentials from
        # any providers"): the credentials (AUTH002).
        when=match(text=r"on-demand throughput isn.?t supported|inference profile"
                   r"|do(es)?n'?t support on-demand throughput",
                   not_text=AWS_NO_CREDENTIALS),
        summary="Bedrock needs an inference profile id for {model}: use the id with the region "
        "prefix (us., eu., apac.), e.g. us.anthropic.claude-...",
        explanation=(
            "Newer models on AWS Bedrock cannot be called by their bare model id with "
            "on-demand throughput; they are called through a cross-region inference profile, "
            "whose id adds a region prefix."
        ),
        steps=("Use the inference profile id (Bedrock console > Inference profiles) as the "
               "model in gptel-make-bedrock's :models.",),
        fixes=(FixSpec("See inference profiles", "display-only",
                       url="https://docs.aws.amazon.com/bedrock/latest/userguide/"
                       "inference-profiles-support.html"), ASK_MODEL),
        docs=("https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles.html",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 400 Bad Request", "http_status": "400",
                       "error": "Invocation of model ID anthropic.claude-sonnet-4-5-20250929-"
                       "v1:0 with on-demand throughput isn’t supported. Retry your request "
                       "with the ID or ARN of an inference profile that contains this model."},
                backend={"kind": "bedrock", "host": "bedrock-runtime.us-east-1.amazonaws.com"},
                source="https://github.com/gepa-ai/gepa/issues/153",
            ),
        ),
    ),
    Rule(
        code="MODEL006",
        name="no-model-loaded",
        category="model.not_found",
        when=match(text=r"no models? (is )?loaded|model is not loaded|lms load|load a model"
                   r"|model with key '[^']+' not loaded"
                   # text-generation-webui's OpenAI extension: "No model has been loaded".
                   r"|no model has been loaded"
                   # Jan's local server (cortex) before a model is started.
                   r"|engine is not loaded"),
        summary=(
            "The local server has no model loaded, so it has nothing to answer with."
        ),
        explanation=(
            "LM Studio (and some other local servers) answer only with a model loaded in "
            "memory; the request named a model that is not loaded, or none is."
        ),
        steps=("Load the model in LM Studio's developer page or with `lms load {model_arg}`.",
               "Or turn on just-in-time model loading in LM Studio's server settings."),
        fixes=(FixSpec("Load the model", "display-only", command="lms load {model_arg}"),
               ASK_MODEL),
        next_step=("Load the model: `lms load {model_arg}`.",
                   "Load a model in LM Studio's developer page, or turn on just-in-time "
                   "loading.",),
        docs=("https://lmstudio.ai/docs/cli/load",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 404 Not Found", "http_status": "404",
                       "error": "No models loaded. Please load a model in the developer page "
                       "or use the `lms load` command."},
                backend={"kind": "openai", "host": "localhost:1234"},
                source="https://github.com/lmstudio-ai/lms/issues/107",
            ),
        ),
    ),
    Rule(
        code="MODEL007",
        name="relay-has-no-channel",
        category="model.not_found",
        # One-API/New-API's wording: distributor.go and relay.go in their repositories.
        # Not a relay whose upstreams are all cut off by its circuit breaker ("所有供应商已熔断，
        # 无可用渠道"): none can serve now, whatever the model (SRV001).
        when=match(text=r"无可用渠道|可用渠道不存在|可用渠道失败|no available channel",
                   not_text=r"熔断"),
        summary=(
            "{provider} has no channel for {model} in your group: not an overload, and not "
            "gptel; only the relay's operator can add one."
        ),
        explanation=(
            "A One-API or New-API relay forwards each model to the upstream channels its "
            "operator configured for your group. It found none for this model (none set up, "
            "or all disabled), so it refused the request without asking any provider. "
            "Resending will fail the same way; the backend definition and the key are fine."
        ),
        steps=(
            "Choose a model the relay offers to your group (M-x gptel-menu, then -m); the "
            "relay's model list or its web page shows them.",
            "Or ask the relay's operator to enable a channel for {model}.",
        ),
        fixes=(CLOSEST, ASK_MODEL, PICK_MODEL),
        docs=("https://github.com/songquanpeng/one-api/blob/main/middleware/distributor.go",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 503", "http_status": "503",
                       "error": {"message": "当前分组 svip 下对于模型  无可用渠道",
                                 "type": "one_api_error"}},
                backend={"kind": "openai", "host": "api.example-relay.cn"},
                source="https://github.com/songquanpeng/one-api/issues/2223",
            ),
        ),
    ),
    Rule(
        code="MODEL009",
        name="model-served-on-another-api",
        category="model.not_found",
        # The chat path gptel uses is right; the provider serves this model only through
        # another API (GitHub Copilot's codex models only on /responses; Azure's
        # chatCompletion operation on a completions-only or embedding deployment).  The
        # user's fix is the model, not the path: gptel builds the path.  A request that went
        # to another API's path (the legacy completions, Azure's "completion" operation) is
        # ENDP001's.
        when=match(text=r"not accessible via the /?(?:v1/)?chat/completions endpoint"
                   r"|unsupported_api_for_model"
                   # Bedrock's OpenAI-compatible API, for a model served only through the
                   # Responses API: "The model 'X' does not support the '/v1/chat/completions'
                   # API".
                   r"|does not support the '?/?(?:v1/)?chat/completions'? api"
                   r"|chatcompletion operation does not work with the specified model"
                   # Vertex AI, for a partner model (Claude) sent to Gemini's chat method:
                   # "claude-sonnet-4-6 is not supported in the generateContent API".
                   r"|is not supported in the generatecontent api"
                   # Gemini's speech models asked for text: "Model tried to generate text,
                   # but it should only be used for TTS."
                   r"|should only be used for tts"
                   # Cloudflare Workers AI, for a model it serves only on its OpenAI-compatible
                   # path: "Anthropic Messages API is not supported for model \"@cf/...\"".
                   r"|messages api is not supported for model"
                   # OpenAI, for its codex models on the chat path (404 or 400): "This model is
                   # only supported in v1/responses and not in v1/chat/completions."
                   r"|only supported in /?(?:v1/)?responses and not in /?(?:v1/)?chat/completions"
                   # Gemini, for an agent model served only by its Interactions API (Deep
                   # Research): "This model only supports Interactions API."
                   r"|model only supports interactions api",
                   # Copilot's unsupported_api_for_model for a request that went to the
                   # Responses path ("does not support Responses API"): the path (ENDP001).
                   not_text=RESPONSES_REFUSED),
        summary=(
            "{provider} does not serve {model} on the chat API gptel uses: it is offered "
            "only through another API."
        ),
        explanation=(
            "The URL is right and the model exists, but {provider} offers it only through "
            "another API than chat completions: OpenAI and GitHub Copilot serve their codex "
            "models only through the Responses API, and an Azure deployment of a completions or "
            "embedding model takes no chat requests. gptel's request for this backend goes "
            "to the chat API, so the model has to be one that API serves."
        ),
        steps=(
            "Choose another model of this backend (M-x gptel-menu, then -m).",
            "For Azure, point the backend at a deployment of a chat model.",
            # gptel-make-openai picks the Responses API for api.openai.com from 0.9.9.5 on
            # (gptel-openai.el), so only an older gptel sends OpenAI's codex models to chat.
            "On api.openai.com, gptel 0.9.9.5 and newer use the Responses API, which serves "
            "these models: upgrade gptel to use them.",
        ),
        fixes=(CLOSEST, ASK_MODEL, SEE_MODELS),
        docs=("https://docs.github.com/en/copilot/reference/ai-models/supported-models",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {"error": {
                    "message": "model gpt-5-codex is not accessible via the /chat/completions "
                    "endpoint", "code": "unsupported_api_for_model"}}},
                backend={"kind": "github-copilot", "host": "api.githubcopilot.com"},
                request={"model": "gpt-5-codex"},
                source="https://github.com/zed-industries/zed/issues/41697",
            ),
        ),
    ),
    Rule(
        code="MODEL008",
        name="not-found-on-the-api-path",
        category="model.not_found",
        # The path is the provider's own chat path on its own host, so the URL is right and
        # what is not found is the model (OpenAI answers 404 for a model a key may not use;
        # Gemini and Vertex put the model in the path).
        when=(match(http=404, documented_path=True, html=False),
              match(http=None, documented_path=True, html=False,
                    text=r"\bnot.?found\b", not_text=r"model")),
        summary="{provider} answered \"not found\" (HTTP 404) on its own chat API path, which "
        "usually means {model} is misspelt, retired or not open to this key; {find_out}.",
        explanation=(
            "The request went to a path {provider}'s API reference gives, on its own host, so "
            "the URL is not what was missing. A 404 there is about the model: its name is "
            "wrong or retired, or this account may not use it (OpenAI says \"does not exist\" "
            "for models a key has no access to)."
        ),
        steps=_CHECK_NAME,
        fixes=(
            CLOSEST,
            ASK_MODEL,
            SEE_MODELS,
            LOG_REQUESTS,
        ),
        docs=("https://platform.openai.com/docs/guides/error-codes",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 404 Not Found", "http_status": "404",
                       "error": "404 Client Error: Not Found for url: "
                       "https://api.openai.com/v1/chat/completions"},
                backend={"kind": "openai", "host": "api.openai.com",
                         "endpoint": "/v1/chat/completions"},
                # The report's model (gpt-4-32k-0613) has since been retired: MODEL003.
                source="https://github.com/TheR1D/shell_gpt/issues/420",
            ),
        ),
        severity="warning",
    ),
)
