"""Fixes that many rules offer, written once."""

from __future__ import annotations

from .base import FixSpec

SWITCH = FixSpec("Switch model or backend for now (M-x gptel-menu)", "display-only",
                 command="M-x gptel-menu")
STATUS_PAGE = FixSpec("Check the provider's status page", "display-only", url="{status_url}")
EDIT_BACKEND = FixSpec("Edit the backend definition (gptel-make-...) in your init file",
                       "display-only")
# Where the diagnosis is the backend's definition: redefining the backend is what changes
# gptel-backend; shown, never applied.
REDEFINE_BACKEND = FixSpec("Edit the backend definition (gptel-make-...) in your init file",
                           "display-only", variable="gptel-backend")
ADD_CREDIT = FixSpec("Add credit to the API account", "display-only", url="{billing_url}")
GET_KEY = FixSpec("Create or copy a valid key", "display-only", url="{keys_url}")
RESEND = FixSpec("Resend after the wait", "display-only", command="M-x gptel-diagnose-retry")
PICK_MODEL = FixSpec("Choose another model (M-x gptel-menu, then -m)", "display-only",
                     command="M-x gptel-menu")
SEE_MODELS = FixSpec("See the models this provider offers", "display-only", url="{models_url}")
# Remedies whose value is the user's to give: the companion asks for it when applied.
ASK_MODEL = FixSpec("Choose another model of this backend", "unsafe", variable="gptel-model",
                    ask="model")
ASK_KEY = FixSpec("Enter the key for this session", "unsafe", variable="gptel-api-key",
                  ask="key")
ASK_BACKEND = FixSpec("Switch to another backend for now", "unsafe", variable="gptel-backend",
                      ask="backend")
# Where a proxy may be what is missing (a region block, a host the network will not reach):
# its address is the user's to give, so no made-up one reaches the echo line's setq.
ASK_PROXY = FixSpec("Send requests through a proxy", "unsafe", variable="gptel-proxy",
                    ask="proxy")
# The same, offered only for a remote host reached with no proxy at all (`unproxied_host`,
# one of `engine.CONTEXT_VALUES`): a timeout or refusal there may be a blocked route.
ASK_PROXY_REMOTE = FixSpec("Reach {unproxied_host} through a proxy", "unsafe",
                           variable="gptel-proxy", ask="proxy")
# The CA certificate file is the user's to name: the companion asks for it (it must exist)
# and adds `--cacert FILE` to curl's extra arguments, keeping the others.
ASK_CACERT = FixSpec("Trust a CA certificate file", "unsafe",
                     variable="gptel-curl-extra-args", ask="cacert")
LOG_REQUESTS = FixSpec("Log requests and responses to *gptel-log*, then resend", "safe",
                       variable="gptel-log-level", value="'info")
# Debug level logs the response headers and the exact request too; the log then holds the
# key, hence unsafe: applied only after a question, and never to be shared unredacted.
LOG_TRAFFIC = FixSpec("Log the raw traffic to *gptel-log* (it will include your key), then "
                      "resend", "unsafe", variable="gptel-log-level", value="'debug")

# The provider kinds of model servers that run on the user's machine.
LOCAL_SERVERS = ("ollama", "llamacpp", "lmstudio", "vllm", "gpt4all")

# A path no handler serves, in a gateway's words whatever code it gives: Spring's "No static
# resource api-openai/v1/chat/completions/chat/completions.", a chat path doubled by a base
# URL that already ended in it.  ENDP001 reads it; PARAM006 leaves it to ENDP001.
UNROUTED_PATH = r"no static resource |/chat/completions/chat/completions"
