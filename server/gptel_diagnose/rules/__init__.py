"""The catalogue: one explicit registry, read by the engine, `rules`, `explain` and the docs."""

from __future__ import annotations

from . import (
    auth,
    billing,
    config,
    content,
    context,
    fallback,
    model,
    network,
    rate,
    request,
    response,
    server,
)
from .base import Rule

REGISTRY: tuple[Rule, ...] = (
    *billing.RULES,
    *rate.RULES,
    *context.RULES,
    *auth.RULES,
    *model.RULES,
    *request.RULES,
    *server.RULES,
    *network.RULES,
    *response.RULES,
    *content.RULES,
    *config.RULES,
    *fallback.RULES,
)

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in REGISTRY}
assert len(BY_CODE) == len(REGISTRY), "rule codes must be unique"
