"""Azure OpenAI: OpenAI's models on a per-resource Azure host, addressed by deployment."""

from __future__ import annotations

from .record import Code, ModelList, Provider

FILTER = "https://learn.microsoft.com/en-us/azure/ai-services/openai/concepts/content-filter"
# Microsoft documents DeploymentNotFound only through its staff answers on Microsoft Q&A.
DEPLOYMENT = ("https://learn.microsoft.com/en-us/answers/questions/1189174/"
              "how-do-i-resolve-error-deploymentnotfound-for-azur")

RECORD = Provider(
    kind="azure",
    name="Azure OpenAI",
    hosts=r"\.openai\.azure\.com$|\.cognitiveservices\.azure\.com$",
    key_env="AZURE_OPENAI_API_KEY",
    keys_url="https://portal.azure.com/",
    usage_url="https://portal.azure.com/",
    status_url="https://azure.status.microsoft/",
    errors_url=FILTER,
    models=ModelList("/openai/models?api-version=2024-10-21", "api-key"),
    codes=(
        Code("content_filter", "content_policy",
             "The prompt triggered the deployment's content filter.",
             "提示词触发了该部署的内容过滤。", FILTER, http=400, rule="POL001"),
        Code("responsibleaipolicyviolation", "content_policy",
             "The prompt violated Azure's responsible-AI content policy.",
             "提示词违反了 Azure 的负责任 AI 内容政策。", FILTER),
        Code("deploymentnotfound", "model.not_found",
             "No deployment has this name in the resource: use the deployment name, not the "
             "model name (a new deployment takes a few minutes).",
             "该资源中没有这个名称的部署:应填写部署名称而不是模型名称(新建的部署需要几分钟才生效)。",
             DEPLOYMENT, http=404, rule="MODEL004"),
    ),
)
