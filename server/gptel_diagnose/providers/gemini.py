"""Google Gemini: the Generative Language API (and Vertex AI hosts)."""

from __future__ import annotations

from .record import Code, ModelList, Provider

DOCS = "https://ai.google.dev/gemini-api/docs/generate-content/api-errors"
# Which models have a free tier ("Free Tier: Not available" for some previews).
PRICING = "https://ai.google.dev/gemini-api/docs/pricing"
PREPAY = ("https://discuss.ai.google.dev/t/api-update-depleted-prepay-credits-now-return-"
          "http-402-instead-of-429/183654")

# INVALID_ARGUMENT and NOT_FOUND are left out: Gemini sends them for a bad key, a long
# prompt or a malformed body, and for a missing file as well as a wrong model.
RECORD = Provider(
    kind="gemini",
    name="Gemini",
    hosts=r"generativelanguage\.googleapis\.com$|aiplatform\.googleapis\.com$",
    web_hosts=(("api.google.com", "generativelanguage.googleapis.com"),
               ("aistudio.google.com", "generativelanguage.googleapis.com"),
               ("ai.google.dev", "generativelanguage.googleapis.com")),
    api_hosts=("generativelanguage.googleapis.com",),
    # Its own generateContent, and its OpenAI-compatible chat path
    # (https://ai.google.dev/gemini-api/docs/openai).
    chat_paths=r"/models/[^/]+:(stream)?(generatecontent|rawpredict|predict)$"
    r"|/openai/chat/completions$",
    key_env="GEMINI_API_KEY",
    key_prefixes=("AIza",),
    keys_url="https://aistudio.google.com/app/apikey",
    billing_url="https://aistudio.google.com/app/plan_information",
    usage_url="https://aistudio.google.com/app/usage",
    status_url="https://aistudio.google.com/status",
    models_url="https://ai.google.dev/gemini-api/docs/models",
    errors_url=DOCS,
    models=ModelList("/v1beta/models", "x-goog-api-key"),
    # Shut down, so the API answers 404 (models/ prefix allowed, as gptel sends it bare).
    retired=r"(models/)?(gemini-pro(-vision)?|gemini-1\.[05]-[\w.-]+|gemini-2\.0-[\w.-]+"
    r"|gemini-2\.5-pro-preview-[\d-]+|gemini-3-pro-preview|gemini-exp-\d+"
    r"|(text|chat)-bison[\w.-]*"
    # The embedding models: embedding-001, embedding-gecko-001 and gemini-embedding-exp shut
    # down in October 2025, text-embedding-004 on 14 January 2026.
    r"|embedding-001|embedding-gecko-001|gemini-embedding-exp(-03-07)?|text-embedding-004)",
    retired_source="https://ai.google.dev/gemini-api/docs/deprecations",
    codes=(
        # Only with the documented words: Vertex AI sends FAILED_PRECONDITION for other
        # preconditions too ("The deployed model does not support ChatCompletions",
        # "Precondition check failed."), which say nothing of a country.
        Code("failed_precondition", "auth.permission",
             "The free tier is not available in this country and billing is not enabled.",
             "Gemini API 免费层在所在国家或地区不可用,且项目未启用结算。", DOCS, http=400,
             # Not a resource path's "locations/us-central1" (Vertex AI's "Project X is not
             # allowed to use Publisher Model projects/.../locations/...").
             text=r"location(?!s/)|country|(?<!/)region|territor|billing", rule="PERM001"),
        # Google's ErrorInfo reason BILLING_DISABLED, inside a PERMISSION_DENIED: the key may
        # call the API, its project cannot pay for this method or model (LABELING.md, stop 52).
        Code("permission_denied", "billing.quota_exhausted",
             "Billing is not enabled for the key's Google Cloud project, and this method or "
             "model needs it: enable billing for the project",
             "密钥所属的 Google Cloud 项目没有启用结算，而这个方法或模型需要结算：请为该项目启用"
             "结算", "https://ai.google.dev/gemini-api/docs/billing", http=403,
             text=r"billing_disabled|requires billing to be enabled",
             next_step="Enable billing for the key's project (Google AI Studio: Settings, "
             "Plan information, or the link in the message), then resend.",
             next_step_zh="为密钥所属的项目启用结算（Google AI Studio：设置中的“方案信息”，或消息"
             "里的链接），然后重新发送。"),
        Code("permission_denied", "auth.permission",
             "The API key does not have the required permissions.",
             "该 API 密钥没有所需的权限。", DOCS, http=403, rule="PERM002"),
        Code("resource_exhausted", "billing.quota_exhausted",
             "The prepaid credit balance is depleted; buy credits.",
             "预付余额已用完;请充值。", PREPAY,
             text=r"prepayment credits are depleted"),
        # A preview model with no free tier, asked for with a free key: typed as a quota, yet
        # no wait ends it (LABELING.md: a model not enabled for this plan).
        Code("resource_exhausted", "model.not_found",
             "This model has no free tier: a key without billing may not use it at all.",
             "这个模型没有免费层:未开通结算的密钥完全不能使用它。", PRICING,
             http=429, text=r"free quota tier", rule="MODEL001",
             next_step="Choose a model with a free tier (M-x gptel-menu, then -m), or enable "
             "billing for the key's project.",
             next_step_zh="改用有免费层的模型（M-x gptel-menu，再按 -m），或为密钥所在的项目开通"
             "结算。"),
        # Typed as a quota, yet it is the model's capacity for every user that ran out
        # (ErrorInfo reason MODEL_CAPACITY_EXHAUSTED): no wait of the user's lifts it sooner.
        Code("resource_exhausted", "server.overloaded",
             "No capacity is left for this model on Google's servers, for every user; retry "
             "later or switch model.",
             "Google 服务器上这个模型暂无可用容量（所有用户都受影响）；请稍后重试或换用其他模型。",
             "https://github.com/google-gemini/gemini-cli/issues/23980", http=429,
             text=r"no capacity available for model|model_capacity_exhausted", rule="SRV001"),
        Code("resource_exhausted", "rate_limit",
             "A per-minute or per-day quota (RPM, TPM, RPD, spend) was exceeded.",
             "超出了每分钟或每天的配额(RPM、TPM、RPD 或支出)。", DOCS, http=429),
        Code("resource_exhausted", "billing.quota_exhausted",
             "The prepaid credit balance is depleted; buy credits.",
             "预付余额已用完;请充值。", PREPAY, http=402),
        Code("internal", "server.overloaded",
             "An unexpected error on Google's side, sometimes a too-long input.",
             "Google 端发生意外错误,有时是输入上下文过长所致。", DOCS, http=500, rule="SRV003"),
        Code("unavailable", "server.overloaded",
             "The service is temporarily overloaded or down; retry or switch model.",
             "服务暂时过载或不可用;请重试或换用其他模型。", DOCS, http=503, rule="SRV001"),
        Code("deadline_exceeded", "network.timeout",
             "The prompt was too large to process before the deadline.",
             "提示词过大,未能在截止时间内处理完。", DOCS, http=504),
    ),
)
