"""Tencent Hunyuan through its OpenAI-compatible endpoint (keys are sk-, not SecretId/Key)."""

from __future__ import annotations

from .record import Code, ModelList, Provider

_OPENAI = "https://cloud.tencent.com/document/product/1729/111007"
# The compatible endpoint's error codes are not published; this rule is quoted in its errors.
_REPORT = "https://github.com/FoundationAgents/OpenManus/issues/894"

RECORD = Provider(
    kind="hunyuan",
    name="Tencent Hunyuan",
    name_zh="腾讯混元",
    hosts=r"(^|\.)hunyuan\.cloud\.tencent\.com$",
    api_hosts=("api.hunyuan.cloud.tencent.com",),
    console_url="https://console.cloud.tencent.com/hunyuan",
    key_env="HUNYUAN_API_KEY",
    key_prefixes=("sk-",),
    models_url=_OPENAI,
    models=ModelList("/models", "bearer"),
    codes=(
        Code("", "request.invalid_parameter",
             "User (or tool) and assistant messages must alternate, starting with the user.",
             "messages 中 user（tool）和 assistant 角色需交替出现", _REPORT, http=400,
             text=r"角色需交替出现"),
    ),
)
