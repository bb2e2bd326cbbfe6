"""gptel's own failures: Lisp errors and warnings from gptel or url.el, not from a provider."""

from __future__ import annotations

from .base import Example, FixSpec, Rule, match
from .common import ASK_BACKEND, ASK_MODEL, CLOSEST, LOG_REQUESTS, UPGRADE_GPTEL

_UPGRADE = UPGRADE_GPTEL
# An older gptel than the code calling it, often a second copy earlier on load-path.
_SHADOWS_STEP = "Look for a second, older copy of gptel: M-x list-load-path-shadows."
_FIND_SHADOWS = FixSpec("Find a second, older copy of gptel", "display-only",
                        command="M-x list-load-path-shadows")
_NO_TOOLS = FixSpec("Stop sending tools for now", "unsafe", variable="gptel-use-tools",
                    value="nil")

RULES = (
    Rule(
        code="GPTEL001",
        name="marker-lost-on-unread-answer",
        # The Lisp error hides the failure: an error reply this version does not parse, a
        # curl failure, a stale byte-compiled gptel have all ended here.  No category fits.
        category="unknown",
        when=match(text=r"wrong.type.argument:? markerp,? nil|\(wrong-type-argument markerp nil\)"),
        summary="gptel failed in its own code (Wrong type argument: markerp, nil) before it "
        "could show what went wrong: log the request and resend to see the real failure.",
        explanation=(
            "gptel keeps a marker where the answer is inserted, and sets it only once it has "
            "read some text. When no answer text came (an error reply this version does not "
            "parse, such as Gemini's errors in older versions, or a curl failure) or a stale "
            "byte-compiled gptel mixes old and new code, the marker is never set and gptel "
            "fails with this Lisp error instead of showing the cause."
        ),
        steps=("Log requests and responses ((setq gptel-log-level 'info)), resend, and read "
               "the reply in *gptel-log*.",
               "Or copy the request as curl (M-x gptel-diagnose-copy-curl) and run it in a "
               "terminal.",
               "Upgrade gptel and recompile it (delete its .elc files): newer versions report "
               "such replies as errors."),
        fixes=(LOG_REQUESTS, _UPGRADE),
        docs=("https://github.com/karthink/gptel/issues/210",),
        examples=(
            Example(
                error={"status": "Lisp error",
                       "error": "Wrong type argument: markerp, nil"},
                backend={"kind": "gemini", "host": "generativelanguage.googleapis.com"},
                request={"gptel_version": "0.6.5"},
                source="https://github.com/karthink/gptel/issues/208",
            ),
        ),
    ),
    Rule(
        code="GPTEL013",
        name="request-text-not-utf-8",
        # Nothing reached the provider: the text itself could not be encoded.  No category
        # fits, as for GPTEL002.
        category="unknown",
        # json-serialize refuses a string of raw bytes: Emacs 28 and 29 say utf-8-string-p,
        # Emacs 30 json-value-p with the string, whose raw bytes print as octal escapes
        # ("\342\200\224" for an em dash gptel kept undecoded).  gptel#1431 (open): a
        # tool result with non-ASCII text; the same with a tool call's arguments on the
        # Responses API (gptel-agent#100, fixed in gptel in May 2026, then seen again in
        # August).  In a hand trial, Chinese typed into a terminal Emacs whose keyboard
        # coding was not UTF-8 reached the chat buffer as raw bytes.  A string with no raw
        # bytes refused as json-value-p is another matter (GPTEL002).
        when=(match(text=r"utf-8-string-p"),
              match(text=r'json-value-p,? "[^"]*\\[23][0-7]{2}')),
        summary="gptel could not encode the request as JSON: it holds raw bytes (a "
        "backslash and three digits, such as \\344), not text: usually a tool's result or "
        "arguments that gptel kept undecoded, else text typed in a terminal whose coding is "
        "not UTF-8.",
        explanation=(
            "Before sending, gptel turns the conversation into JSON, which carries only "
            "valid UTF-8 text. A string of raw bytes stops it there, before any request "
            "leaves Emacs; Emacs shows the bytes as a backslash and three digits "
            "(\\342\\200\\224 is an em dash left undecoded). gptel keeps a tool's "
            "result or a tool call's arguments this way when they hold non-ASCII text or "
            "binary data (gptel issue #1431). Without tools, the bytes come from a terminal "
            "Emacs that reads keys in another coding than the terminal sends (LANG set to a "
            "locale the system does not have), or from a buffer or context file decoded in "
            "the wrong encoding."
        ),
        steps=("If a tool ran this turn, send this turn without tools: (setq gptel-use-tools "
               "nil); upgrade gptel, whose fixes for this are ongoing.",
               "Otherwise delete the raw bytes (shown as \\344) from the chat buffer or the "
               "context, then resend.",
               "In a terminal, have Emacs read keys as UTF-8: M-x set-keyboard-coding-system "
               "RET utf-8, or start it with LANG set to a UTF-8 locale the system has "
               "(`locale -a` lists them).",
               "For a file added as context, reopen it in its real encoding: M-x "
               "revert-buffer-with-coding-system."),
        next_step=("Delete those raw bytes from the chat buffer or the context, then "
                   "resend.",),
        fixes=(_NO_TOOLS, _UPGRADE,
               FixSpec("Read keys from this terminal as UTF-8", "display-only",
                       command="M-x set-keyboard-coding-system RET utf-8")),
        docs=("https://github.com/karthink/gptel/issues/1431",
              "https://www.gnu.org/software/emacs/manual/html_node/emacs/Terminal-Coding.html"),
        examples=(
            Example(
                error={"status": "Lisp error",
                       "error": "error in process sentinel: Wrong type argument: json-value-p, "
                       "\"Hello \\342\\200\\224 world\""},
                backend={"kind": "github-copilot", "host": "api.business.githubcopilot.com"},
                request={"use_tools": True, "model": "claude-sonnet-4.6"},
                source="https://github.com/karthink/gptel/issues/1431",
            ),
        ),
    ),
    Rule(
        code="GPTEL002",
        name="request-value-not-json",
        # Nothing reached the provider, so no parameter was refused: gptel (or a tool)
        # failed inside Emacs.  No category fits.
        category="unknown",
        when=match(text=r"json-value-p"),
        summary="gptel could not encode the request as JSON (json-value-p): a tool's result, "
        "a tool definition or :request-params holds a Lisp value JSON cannot carry.",
        explanation=(
            "Before sending, gptel turns the conversation, the tools and any extra parameters "
            "into JSON. A value that is not a string, number, list or plist (a keyword where a "
            "string belongs, a tool result in another shape) stops it there, before any "
            "request leaves Emacs."
        ),
        steps=("If a tool was called, check what it returns: a tool must return a string.",
               "Check :request-params in the backend and in gptel-make-preset.",
               "Meanwhile, send without tools: (setq gptel-use-tools nil)."),
        fixes=(_NO_TOOLS, _UPGRADE),
        docs=("https://github.com/karthink/gptel/issues/902",),
        examples=(
            Example(
                error={"status": "Lisp error",
                       "error": "Debugger entered--Lisp error: (wrong-type-argument "
                       "json-value-p :text)"},
                backend={"kind": "anthropic", "host": "api.anthropic.com"},
                request={"use_tools": True},
                source="https://github.com/karthink/gptel/issues/902",
            ),
        ),
    ),
    Rule(
        code="GPTEL003",
        name="curl-argument-list-too-long",
        category="config.backend",
        when=match(text=r"argument list too long|e2big"),
        summary="The request was too big to hand to curl on its command line (Argument list too "
        "long): this gptel passes small requests as an argument.",
        explanation=(
            "gptel before 0.9.9.6 passes a request body smaller than "
            "gptel-curl-file-size-threshold to curl as a command-line argument, and larger "
            "ones through a temporary file. When the system's limit on an argument is lower "
            "than the threshold (Windows, some Unix builds), a large prompt cannot start curl. "
            "gptel 0.9.9.6 sends every body through curl's standard input."
        ),
        steps=("Upgrade gptel to 0.9.9.6 or later.",
               "Meanwhile lower the threshold: (setq gptel-curl-file-size-threshold 30000)."),
        fixes=(FixSpec("Hand curl large requests through a file", "unsafe",
                       variable="gptel-curl-file-size-threshold", value="30000"), _UPGRADE),
        docs=("https://github.com/karthink/gptel/pull/517",),
        examples=(
            Example(
                error={"status": "Lisp error",
                       "error": "Spawning child process: Argument list too long"},
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"use_curl": True, "gptel_version": "0.9.8", "request_bytes": 125000},
                source="https://github.com/karthink/gptel/pull/137",
            ),
        ),
    ),
    Rule(
        code="GPTEL004",
        name="model-not-in-backend",
        category="model.not_found",
        when=match(text=r"preferred .?gptel-model.? .{0,120}not ?supported in"),
        summary="{model} (gptel-model) is not one of the backend's :models, so gptel used "
        "another model instead.",
        explanation=(
            "gptel checks gptel-model against the backend's :models. When the model is not "
            "listed it warns and falls back to the first model of the list, which may not be "
            "the one you meant, or one your key may use."
        ),
        steps=("Set gptel-model to a model the backend lists (M-x gptel-menu, then -m).",
               "Or add the model to the backend's :models."),
        fixes=(CLOSEST, ASK_MODEL, FixSpec("Choose another model (M-x gptel-menu, then -m)",
                                 "display-only", command="M-x gptel-menu")),
        docs=("https://github.com/karthink/gptel/blob/master/gptel-request.el",),
        examples=(
            Example(
                error={"status": "Warning (gptel)",
                       "error": "Preferred `gptel-model' \"gpt-4o-mni\" notsupported in "
                       "\"ChatGPT\", using \"gpt-4o-mini\" instead"},
                backend={"name": "ChatGPT", "kind": "openai", "host": "api.openai.com",
                         "models": ["gpt-4o-mini", "gpt-4.1"]},
                request={"model": "gpt-4o-mni"},
                source="https://github.com/karthink/gptel/blob/master/gptel-request.el",
            ),
        ),
    ),
    Rule(
        code="GPTEL005",
        name="url-retrieve-payment-required",
        category="billing.quota_exhausted",
        when=match(text=r"somebody wants you to give them money"),
        summary="{provider} wants payment (HTTP 402), which Emacs's url-retrieve reports as "
        "\"Somebody wants you to give them money\": the account's credit is used up.",
        explanation=(
            "With gptel-use-curl nil, gptel uses Emacs's url-retrieve, which treats an HTTP "
            "402 as an error of its own and never hands the answer to gptel: the request "
            "seems to hang at \"Querying…\". The provider answered that the account cannot pay "
            "for the request (DeepSeek's \"Insufficient Balance\", OpenRouter's credits)."
        ),
        steps=("Add credit at {billing_url}.",
               "With curl, gptel shows the provider's own message: (setq gptel-use-curl t)."),
        next_step=("Add credit at {billing_url}.",
                   "Add credit to the account the key belongs to, or raise its spending "
                   "limit."),
        fixes=(FixSpec("Open billing", "display-only", url="{billing_url}"), ASK_BACKEND),
        docs=("https://git.savannah.gnu.org/cgit/emacs.git/tree/lisp/url/url-http.el",),
        examples=(
            Example(
                error={"status": "Lisp error",
                       "error": "error in process filter: Somebody wants you to give them "
                       "money"},
                backend={"kind": "deepseek", "host": "api.deepseek.com"},
                request={"use_curl": False},
                source="https://git.savannah.gnu.org/cgit/emacs.git/tree/lisp/url/url-http.el",
            ),
        ),
    ),
    Rule(
        code="GPTEL006",
        name="tool-call-not-parsed",
        category="response.malformed",
        when=match(text=r"unknown tool called by model:? (:?null|nil)|sequencep :null"
                   r"|tool.{0,40}(nil|null) arg|tool_calls.{0,40}:null"),
        summary="gptel {gptel_version} could not read the model's tool call (a null tool name "
        "or nil arguments): a known gptel bug with some servers.",
        explanation=(
            "Some servers and proxies (LiteLLM, OpenRouter's upstreams, Mistral) stream tool "
            "calls in pieces or with null fields that older gptel versions do not put "
            "together, so gptel sees a tool with no name or no arguments. Newer gptel versions "
            "read these; until you upgrade, sending without tools avoids it."
        ),
        steps=("Upgrade gptel.",
               "Until then, turn tools off: (setq gptel-use-tools nil), or stream off: "
               "(setq gptel-stream nil)."),
        fixes=(_NO_TOOLS, _UPGRADE),
        docs=("https://github.com/karthink/gptel/issues/1181",
              "https://github.com/karthink/gptel/issues/935"),
        examples=(
            Example(
                error={"status": "Lisp error",
                       "error": "Unknown tool called by model: :null"},
                backend={"kind": "openai", "host": "openrouter.ai"},
                request={"use_tools": True, "stream": True, "gptel_version": "0.9.9.3"},
                source="https://github.com/karthink/gptel/issues/1181",
            ),
        ),
    ),
    Rule(
        code="GPTEL007",
        name="reasoning-not-sent-back",
        category="request.invalid_parameter",
        when=match(text=r"reasoning_(content|text).{0,80}(passed back|missing|required)"
                   r"|missing .?reasoning_content|expected .?thinking.? or .?redacted_thinking"
                   r"|must start with a thinking block"
                   # OpenRouter, for Gemini 3 with tools: "Gemini models require OpenRouter
                   # reasoning details to be preserved in each request".
                   r"|reasoning details to be preserved"),
        summary="{provider} wants the model's earlier reasoning sent back with the conversation, "
        "and gptel {gptel_version} did not send it for the turns that called tools.",
        explanation=(
            "Thinking models that call tools (DeepSeek's thinking mode, Claude with extended "
            "thinking) require each earlier assistant turn to carry its reasoning block. gptel "
            "versions that drop or do not keep those blocks send a conversation the provider "
            "refuses. DeepSeek wants the reasoning of every turn that called a tool, in every "
            "later request of the conversation; gptel sends it back within one request's tool "
            "calls, but not from the turns already in a chat buffer (gptel issue #1383, open "
            "in August 2026), so upgrading may not help yet."
        ),
        steps=("Turn tools off ((setq gptel-use-tools nil)) and start a new chat: the turns "
               "that called tools in this one lack their reasoning.",
               "Or turn thinking off for this model. For DeepSeek, add :request-params "
               "'(:thinking (:type \"disabled\")) to the backend definition.",
               "Upgrade gptel when a version that keeps the reasoning is out.",
               "Or choose a model without a thinking mode (M-x gptel-menu, then -m)."),
        fixes=(_NO_TOOLS, _UPGRADE, ASK_MODEL),
        # With tools already off (the request sent none), what is left is the conversation.
        next_step=("Start a new chat: the turns that called tools in this one lack their "
                   "reasoning, or turn thinking off for this model.",),
        docs=("https://api-docs.deepseek.com/guides/thinking_mode",
              "https://github.com/karthink/gptel/issues/1383"),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "message": "The reasoning_content in the thinking mode must be passed back "
                    "to the API.", "type": "invalid_request_error", "param": None,
                    "code": "invalid_request_error"}},
                backend={"kind": "deepseek", "host": "api.deepseek.com"},
                request={"use_tools": True},
                source="https://github.com/JohnnyZ93/oai-compatible-copilot/issues/202",
            ),
        ),
    ),
    Rule(
        code="GPTEL008",
        name="backend-or-tool-is-nil",
        category="config.backend",
        # cl-defstruct's type check, as gptel signals it when the variable holds nil.
        when=match(text=r"wrong.type.argument:? \(?gptel-(backend|tool),? nil"),
        summary="gptel found nil where a backend or a tool belongs: gptel-backend is not set, "
        "or a selected tool no longer exists.",
        explanation=(
            "gptel checks that gptel-backend holds a backend made by gptel-make-openai, "
            "gptel-make-gemini and the like, and that each tool in gptel-tools was made by "
            "gptel-make-tool. A nil there means the backend was never set (or was set before "
            "gptel loaded), or a tool was made again and the old selection points at nothing. "
            "No request was sent."
        ),
        steps=("Check gptel-backend (M-x describe-variable gptel-backend) and set it in your "
               "init file, after gptel is loaded.",
               "If you use tools, clear the selection ((setq gptel-tools nil)) and choose them "
               "again in gptel's menu."),
        fixes=(FixSpec("Show gptel-backend", "display-only",
                       command="M-x describe-variable RET gptel-backend"),),
        docs=("https://github.com/karthink/gptel#usage",),
        examples=(
            Example(
                error={"status": "Lisp error",
                       "error": "Wrong type argument: gptel-backend, nil"},
                request={"gptel_version": "20260304.709", "emacs_version": "30.2"},
                source="https://github.com/karthink/gptel/issues/1279",
            ),
            Example(
                error={"status": "Lisp error",
                       "error": "(wrong-type-argument gptel-tool nil)"},
                request={"emacs_version": "30.1"},
                source="https://github.com/karthink/gptel/issues/1140",
            ),
        ),
    ),
    Rule(
        code="GPTEL011",
        name="model-given-as-a-string",
        category="config.backend",
        # gptel's model names are symbols since 0.9.x; a string in gptel-model (or in a
        # backend's :models) fails in its own code before any request.
        # A role ("user") there is an old-style prompt list from another package instead.
        when=match(text=r"wrong.type.argument:? \(?symbolp,? \"",
                   not_text=r"symbolp,? \"(user|assistant|system|tool)\""),
        summary="gptel-model holds a string where gptel wants a symbol: give it the model's "
        "name as a symbol.",
        explanation=(
            "gptel names models with symbols ('gpt-4o-mini), in gptel-model and in a "
            "backend's :models. A string there (\"gpt-4o-mini\") makes gptel's own code stop "
            "with \"Wrong type argument: symbolp\" before it sends anything."
        ),
        steps=("Set the model as a symbol: (setq gptel-model '{model_arg}).",
               "Check the backend's :models too: each entry is a symbol, or a list starting "
               "with one."),
        fixes=(FixSpec("Set gptel-model as a symbol", "safe", variable="gptel-model",
                       value="'{model_arg}"),),
        next_step=("Check that gptel-model and the backend's :models hold symbols, not "
                   "strings.",),
        docs=("https://github.com/karthink/gptel#usage",),
        examples=(
            Example(
                error={"status": "Lisp error",
                       "error": "Error running timer ‘gptel--suffix-rewrite’: "
                       "(wrong-type-argument symbolp \"xxx\")"},
                backend={"kind": "openai", "name": "OpenWebUI"},
                request={"model": "Qwen3-235B"},
                source="https://github.com/karthink/gptel/issues/1078",
            ),
        ),
    ),
    Rule(
        code="GPTEL010",
        name="backend-keyword-unknown-to-loaded-gptel",
        category="config.backend",
        # cl-defstruct's constructor, for a keyword its slots do not have: the code calling
        # gptel-make-... is newer than the gptel that is loaded.
        when=match(text=r"keyword argument :[\w-]+ not one of \(:name :host"),
        summary="A backend definition passed a keyword the loaded gptel does not know: an "
        "older gptel is loaded than the code that calls it; upgrade gptel, then restart Emacs.",
        explanation=(
            "Each gptel-make-... function builds its backend from a fixed list of keywords. "
            "\"Keyword argument :X not one of (...)\" means the call used a keyword that the "
            "gptel in memory lacks: a newer backend file (or init code written for a newer "
            "gptel) met an older gptel, often a second copy earlier on load-path or an old "
            "byte-compiled file. No request was sent."
        ),
        steps=("Upgrade gptel, then restart Emacs so that no old definition stays loaded.",
               _SHADOWS_STEP,
               "Or drop the keyword from the backend definition until gptel knows it."),
        fixes=(_FIND_SHADOWS,),
        docs=("https://github.com/karthink/gptel#installation",),
        examples=(
            Example(
                error={"status": "Lisp error",
                       "error": "Keyword argument :coding-system not one of (:name :host "
                       ":header :protocol :stream :endpoint :key :models :url :request-params "
                       ":curl-args)"},
                backend={"kind": "bedrock"},
                source="https://github.com/karthink/gptel/pull/670",
            ),
        ),
    ),
    Rule(
        code="GPTEL012",
        name="gptel-part-missing-from-loaded-gptel",
        # No category fits: nothing is wrong with the backend or the request, and nothing was
        # sent.  The rule explains; it claims no cause from the catalogue's categories.
        category="unknown",
        when=match(text=r"(?:symbol.s (?:value as variable|function definition) is void"
                   r"|void-(?:variable|function)):? \\?\(?(?:setf\\? )?gptel-"),
        summary="Code in this Emacs uses a part of gptel that the loaded gptel does not "
        "define: gptel is older than that code, or old and new gptel files are mixed.",
        explanation=(
            "\"Symbol's value as variable is void\" or \"Symbol's function definition is void\" "
            "on a gptel- name means Emacs looked for a variable or function that the gptel in "
            "memory does not have. Usually an extension (gptel-agent, gptel-quick...) or init "
            "code was written for a newer gptel; or an upgrade left old byte-compiled files "
            "beside new ones; or the gptel file that defines it is not loaded yet. No request "
            "was sent."
        ),
        steps=("Upgrade gptel (and the extension that failed), then restart Emacs.",
               _SHADOWS_STEP,
               "If gptel was just upgraded, reinstall it (or delete its .elc files) so that old "
               "and new code do not mix."),
        fixes=(_FIND_SHADOWS,),
        next_step=("Upgrade gptel (and the extension that failed), then restart Emacs.",),
        docs=("https://github.com/karthink/gptel#installation",),
        examples=(
            Example(
                error={"status": "Lisp error",
                       "error": "Error (use-package): gptel-agent/:catch: Symbol’s value as "
                       "variable is void: gptel--tool-preview-alist"},
                source="https://github.com/karthink/gptel-agent/issues/5",
            ),
        ),
    ),
    Rule(
        code="GPTEL009",
        name="reasoning-where-text-expected",
        category="response.malformed",
        # The value in the error is the reasoning itself: gptel's (reasoning . TEXT) cons, or
        # a list of content blocks with a thinking block in it.
        when=match(text=r"wrong.type.argument:? \(?(stringp|char-or-string-p),? "
                   r"(\(reasoning \.|\[?\(:type \\?\"thinking)"),
        summary="The model's reasoning reached code that expected only the answer's text: turn "
        "gptel-include-reasoning off.",
        explanation=(
            "Reasoning models send their thinking apart from the answer. gptel hands it over "
            "as (reasoning . TEXT), or keeps it as a thinking block, and code that expects "
            "only strings (an older gptel, or a package built on gptel-request) fails with "
            "Wrong type argument. With gptel-include-reasoning set to nil, gptel drops the "
            "reasoning and hands over only the answer."
        ),
        steps=("Drop the reasoning: (setq gptel-include-reasoning nil).",
               "If a package built on gptel fails this way, upgrade it and gptel."),
        fixes=(FixSpec("Drop the model's reasoning", "unsafe",
                       variable="gptel-include-reasoning", value="nil"), _UPGRADE),
        docs=("https://github.com/karthink/gptel/issues/1035",),
        examples=(
            Example(
                error={"status": "Lisp error",
                       "error": "error in process sentinel: Wrong type argument: "
                       "char-or-string-p, (reasoning . \"**My Thought Process**\")"},
                backend={"kind": "gemini"},
                request={"stream": False},
                source="https://github.com/ragnard/gptel-magit/issues/8",
            ),
        ),
    ),
)
