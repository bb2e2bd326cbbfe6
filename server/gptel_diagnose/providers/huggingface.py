"""Hugging Face Inference Providers: one OpenAI-compatible router in front of many hosts."""

from __future__ import annotations

from .record import Provider

DOCS = "https://huggingface.co/docs/inference-providers/index"

RECORD = Provider(
    kind="huggingface",
    name="Hugging Face",
    # api-inference.huggingface.co is the serverless Inference API the router replaced; its
    # path names the model ("/models/ORG/MODEL", with "/v1/chat/completions" for chat).
    hosts=r"(^|\.)(router|api-inference)\.huggingface\.co$",
    api_hosts=("router.huggingface.co",),
    # The router's base URL is https://router.huggingface.co/v1; a provider it fronts can also
    # be named in the path, with the model ("/hf-inference/models/ORG/MODEL/v1/...").
    # Older models have no organisation in their name ("/models/gpt2").
    chat_paths=r"^((/[\w-]+)?/models/[^/]+(/[^/]+)?)?/v1/chat/completions$"
    r"|^(/[\w-]+)?/models/[^/]+(/[^/]+)?$",
    key_env="HF_TOKEN",
    key_prefixes=("hf_",),
    keys_url="https://huggingface.co/settings/tokens",
    billing_url="https://huggingface.co/settings/billing",
    errors_url=DOCS,
    models_url="https://huggingface.co/models?inference_provider=all",
    # The serverless Inference API's host answers 410 Gone, or "https://api-inference.
    # huggingface.co is no longer supported. Please use https://router.huggingface.co
    # instead" (https://huggingface.co/docs/inference-providers/index).
    retired_hosts=r"api-inference\.huggingface\.co",
    moved_to=("router.huggingface.co", "/v1/chat/completions"),
)
