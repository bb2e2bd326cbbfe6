"""One-API and New-API relays: no fixed host, so known by the messages and codes they send.

A relay answers with its own envelope (`one_api_error`, `new_api_error`) and its own wording;
its "no channel" means the relay cannot route that model, not that anything is overloaded.
"""

from __future__ import annotations

from .record import QWEN_FREE_DAILY, Code, Provider

_ONE = "https://github.com/songquanpeng/one-api"
_ONE_TOKEN = f"{_ONE}/blob/main/model/token.go"
_ONE_AUTH = f"{_ONE}/blob/main/middleware/auth.go"
_ONE_DIST = f"{_ONE}/blob/main/middleware/distributor.go"
_ONE_HELPER = f"{_ONE}/blob/main/relay/controller/helper.go"
_ONE_RELAY = f"{_ONE}/blob/main/controller/relay.go"
_NEW = "https://github.com/QuantumNous/new-api"
_NEW_QUOTA = f"{_NEW}/blob/main/service/pre_consume_quota.go"
# A relay passes its upstream's error code through (its OpenAI adaptor relays the error
# object as it came); OpenAI documents these two codes in its error-codes guide.
_UPSTREAM = f"{_ONE}/blob/main/relay/adaptor/openai/main.go"

_UPSTREAM_NO_CREDIT = Code(
    "insufficient_quota", "billing.quota_exhausted",
    "The upstream account behind the relay has no credit left (OpenAI's insufficient_quota, "
    "passed through): the relay's operator must top it up; retrying does not help.",
    "中转站上游账户余额不足（透传了 OpenAI 的 insufficient_quota），需要中转站运营者"
    "充值；重试没有用", _UPSTREAM, unless=QWEN_FREE_DAILY)

RECORD = Provider(
    kind="relay",
    name="One-API / New-API relay",
    name_zh="中转站（One API / New API）",
    codes=(
        # Upstream codes come first: a relay may reword the message ("当前分组上游负载已饱和")
        # while the code still says the upstream account cannot pay.
        _UPSTREAM_NO_CREDIT,
        Code("billing_not_active", "billing.quota_exhausted",
             "The upstream account behind the relay has no active billing (OpenAI's "
             "billing_not_active, passed through): the relay's operator must fix it.",
             "中转站上游账户未开通计费（透传了 OpenAI 的 billing_not_active），需要中转站运营者"
             "处理", _UPSTREAM),
        Code("sensitive_words_detected", "content_policy",
             "The relay's own sensitive-word filter refused the prompt.",
             "中转站自己的敏感词过滤拒绝了这条提示", f"{_NEW}/blob/main/service/sensitive.go"),
        Code("insufficient_user_quota", "billing.quota_exhausted",
             "The relay user's quota (balance on the relay) is used up: top up on the relay.",
             "用户额度不足，请在中转站充值", _ONE_HELPER),
        # A relay's token is the key gptel sends, and its quota is set on the token, apart
        # from the user's balance: the key's own credit limit (BIL004), which another token
        # (key) or a raised quota lifts.
        Code("pre_consume_token_quota_failed", "billing.quota_exhausted",
             "The relay token's quota cannot cover this request.",
             "令牌额度不足，预扣费失败", _ONE_TOKEN, rule="BIL004"),
        Code("", "billing.quota_exhausted",
             "This relay token's quota is exhausted: raise it or top up on the relay.",
             "该令牌额度已用尽", _ONE_TOKEN,
             text=r"额度已用尽|token quota is exhausted|tokenstatusexhausted", rule="BIL004"),
        Code("", "billing.quota_exhausted",
             "The relay user's or token's quota is not enough for this request.",
             "用户额度不足或令牌额度不足", _NEW_QUOTA,
             text=r"用户额度不足|令牌额度不足|订阅额度不足|quota is not enough"),
        Code("", "model.not_found",
             "The relay has no channel for this model in your group: pick another model "
             "or ask the relay's operator to add one.",
             "当前分组下对于该模型无可用渠道，请换一个模型或联系中转站管理员", _ONE_DIST,
             text=r"无可用渠道|可用渠道不存在|可用渠道失败|no available channel",
             rule="MODEL007", unless=r"熔断"),
        # New API will not serve a model its operator has set no price (ratio) for: "模型 X
        # 倍率或价格未配置，请联系管理员设置或开始自用模式" (LABELING's table: a model the
        # relay does not offer).
        Code("model_price_error", "model.not_found",
             "The relay has no price set for this model, so it will not serve it: choose "
             "another model, or ask the relay's operator to set its price.",
             "中转站没有为这个模型设置倍率或价格，因此不提供它：请换一个模型，或请管理员设置价格",
             f"{_NEW}/issues/4119"),
        Code("", "auth.missing_key", "No relay token was sent.", "未提供令牌", _ONE_TOKEN,
             text=r"未提供令牌"),
        Code("", "auth.invalid_key",
             "The relay token is invalid, expired or disabled.",
             "无效的令牌（或令牌已过期、状态不可用）", _ONE_TOKEN,
             text=r"无效的令牌|令牌验证失败|该令牌已过期|该令牌状态不可用"),
        Code("", "auth.permission",
             "The relay token may not use this model.", "该令牌无权使用该模型", _ONE_AUTH,
             text=r"该?令牌无权(使用|访问)"),
        Code("", "auth.permission",
             "The relay token is limited to other IP addresses, or the user is banned.",
             "该令牌只能在指定网段使用，或用户已被封禁", _ONE_AUTH,
             text=r"指定网段|不在令牌允许访问的列表|用户已被封禁"),
        # The same words with the upstream's code in front of them, as a client prints a
        # relay's error ("insufficient_quota 当前分组上游负载已饱和"): the code says which.
        _UPSTREAM_NO_CREDIT.by_words(r"\binsufficient_quota[^\w]{1,3}当前分组上游负载已饱和"),
        # The relay's words for any 429 of its upstream (a rate limit, or an upstream account
        # out of quota: reports read both), so not sure.
        Code("", "rate_limit",
             "usually the relay's upstream channels for your group are saturated (its words "
             "for an upstream 429); if it persists, the upstream account may be out of quota: "
             "ask the relay's operator.",
             "通常是当前分组的上游渠道负载已饱和（中转站对上游 429 的说法），请稍后再试；若持续"
             "出现，可能是上游账户额度用完，请联系中转站运营者", _ONE_RELAY,
             text=r"上游负载已饱和", sure=False),
    ),
)
