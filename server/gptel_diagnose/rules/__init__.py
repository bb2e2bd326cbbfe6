"""The catalogue: one explicit registry, in precedence order.

Rules are defined in their family files (auth, billing, rate, ...); this listing alone says
which one wins when several match a failure: the first listed.  Tiers name why a block of
rules outranks the next.  Every code ever published stays here: a rule taken out of the
catalogue moves to `RETIRED` with its reason, so its code is never given to another rule.
"""

from __future__ import annotations

from ..protocol import Confidence
from . import (
    auth,
    billing,
    config,
    content,
    context,
    documented,
    fallback,
    gptel,
    model,
    network,
    rate,
    request,
    response,
    server,
    words,
)
from .base import Retired, Rule, Tier, build_registry

FAMILIES = (auth, billing, config, content, context, documented, fallback, gptel, model,
            network, rate, request, response, server, words)

# fmt: off
PRECEDENCE: tuple[Tier, ...] = (
    Tier("setup", "The backend's own settings are wrong in a way the request shows, whatever "
         "the answer.", (
        "ENDP002",   # host-misspelt
        "ENDP008",   # host-is-the-providers-website
        # A proxy set where this request's transport does not read it.
        "CONF013",   # gptel-proxy-unused-by-url-retrieve
        "CONF001",   # host-includes-scheme-or-path
        "CONF008",   # endpoint-or-protocol-malformed
        "ENDP004",   # chat-request-on-responses-path
        "AUTH005",   # old-gptel-sends-key-newline
        "AUTH003",   # api-key-has-stray-whitespace
        "AUTH006",   # key-of-another-provider
        # The signature an old curl makes for Bedrock, known by its version.
        "CONF005",   # bedrock-curl-too-old
    )),
    Tier("gptel", "gptel's own Lisp errors and warnings name what broke inside Emacs.", (
        "GPTEL005",  # url-retrieve-payment-required
        "GPTEL003",  # curl-argument-list-too-long
        "GPTEL004",  # model-not-in-backend
        "GPTEL006",  # tool-call-not-parsed
        "GPTEL007",  # reasoning-not-sent-back
        "GPTEL008",  # backend-or-tool-is-nil
        "GPTEL009",  # reasoning-where-text-expected
        "GPTEL010",  # backend-keyword-unknown-to-loaded-gptel
        "GPTEL011",  # model-given-as-a-string
        "GPTEL012",  # gptel-part-missing-from-loaded-gptel
        "GPTEL013",  # request-text-not-utf-8
        "GPTEL002",  # request-value-not-json
        "GPTEL001",  # marker-lost-on-unread-answer
    )),
    Tier("cause", "The provider's code or message names one precise cause.", (
        # A gateway's 5xx around its own failed call upstream: before the 5xx rules and the
        # documented 503s, which would call it the provider's failure.
        "NET016",    # gateway-could-not-reach-upstream
        # A company gateway's own page, whatever its words of refusal or policy.
        "NET018",    # company-web-gateway-page
        # A relay's own access upstream, whatever code of quota or permission it passes on.
        "SRV005",    # relay-lost-its-upstream-access
        "STREAM001", # organization-not-verified-for-streaming
        "BIL004",    # key-credit-limit-reached
        "BIL003",    # max-tokens-beyond-remaining-credit
        "BIL002",    # anthropic-credit-balance-too-low
        "RATE006",   # gemini-free-tier-limit-zero
        "RATE004",   # gemini-quota-per-day
        "RATE003",   # gemini-quota-per-minute
        "BIL006",    # openai-insufficient-quota-elsewhere
        "BIL001",    # openai-insufficient-quota
        "STREAM002", # model-does-not-stream
        "STREAM003", # model-answers-only-streamed
        "STREAM004", # answer-not-streamed
        "RESP012",   # limit-reached-before-any-text
        "RESP014",   # answer-cut-at-its-length-limit
        "CONF004",   # bedrock-needs-curl
        "CONF010",   # client-lacks-a-library
        "CONF009",   # litellm-cannot-tell-the-provider
        "CONF014",   # client-does-not-know-the-provider
        "CONF011",   # azure-request-names-no-deployment
        "CONF012",   # copilot-without-its-client-headers
        "CONF015",   # copilot-client-version-refused
        "POL001",    # content-refused-by-policy
        "CTX002",    # request-exceeds-per-minute-budget
        "PERM007",   # region-of-the-proxys-exit-not-supported
        "PERM001",   # region-not-supported
        "PERM003",   # origin-not-allowed
        "PERM004",   # anthropic-request-not-allowed
        "PERM006",   # relay-serves-one-client-only
        "NET014",    # proxy-caught-local-request
        "RATE005",   # upstream-rate-limited
        "BIL005",    # no-credit-left
        "RATE002",   # rate-limit-usage-window
        "CTX004",    # too-many-images
        "CTX003",    # image-too-large
        "CTX001",    # context-window-exceeded
        "PARAM010",  # max-tokens-in-request-params
        "PARAM002",  # max-tokens-not-supported
        "PARAM015",  # max-output-tokens-not-supported
        "PARAM004",  # tools-not-supported
        "PARAM011",  # tool-definition-rejected
        "PARAM012",  # prompt-caching-refused
        "PARAM009",  # temperature-in-request-params
        "PARAM013",  # temperature-out-of-range
        "PARAM018",  # temperature-and-top-p-together
        "PARAM001",  # temperature-not-supported
        "PARAM016",  # max-tokens-below-thinking-budget
        "PARAM003",  # max-tokens-out-of-range
        "RATE001",   # rate-limit-per-minute
        "PARAM014",  # media-not-read
        "PARAM005",  # media-not-supported
        "MODEL005",  # bedrock-needs-inference-profile
        "MODEL004",  # azure-deployment-not-found
        "MODEL006",  # no-model-loaded
        "ENDP006",   # api-host-shut-down
        "ENDP007",   # github-models-retired
        "MODEL010",  # vertex-model-not-in-this-location
        "MODEL003",  # model-retired
        "AUTH004",   # key-for-another-endpoint
        "AUTH010",   # two-credentials-sent
        "AUTH009",   # ollama-not-signed-in
        "AUTH008",   # configured-key-not-received
        "AUTH002",   # api-key-missing
        "MODEL002",  # ollama-model-not-pulled
        "MODEL007",  # relay-has-no-channel
        "MODEL009",  # model-served-on-another-api
        "PARAM008",  # request-body-not-parsed
        "PARAM017",  # chat-template-failed
        "PARAM007",  # conversation-shape-rejected
        # A local model runner that died: before the overloaded and internal-error rules,
        # which would send the user to resend.
        "SRV004",    # local-model-runner-failed
    )),
    Tier("class", "The provider's code or message names a broad kind of failure.", (
        "AUTH001",   # api-key-rejected
        "MODEL001",  # model-not-found
        "PARAM006",  # unsupported-parameter
        # A permission refusal a gateway passes on as overloaded ("All 2 attempts failed.
        # Last error: HTTP 403 ... PERMISSION_DENIED", typed overloaded_error) is the refusal.
        "PERM005",   # account-disabled
        "PERM002",   # no-permission
        "SRV001",    # provider-overloaded
    )),
    Tier("connection", "The connection failed, or the server did while answering: curl's exit "
         "code, a timeout, an internal error, gptel's own text.", (
        "NET008",    # proxy-failed
        # A certificate or handshake reason names the cause inside a generic connect error
        # ("ConnectError: [SSL: CERTIFICATE_VERIFY_FAILED]", "Failed to connect to HOST:
        # SELF_SIGNED_CERT_IN_CHAIN"), so it outranks the refusal rules.
        "ENDP003",   # https-to-a-plain-http-server
        "ENDP005",   # plain-http-to-an-https-port
        "NET023",    # ollama-registry-certificate
        "NET006",    # certificate-not-trusted
        "NET005",    # tls-handshake-failed
        "NET003",    # local-server-not-running
        "CONF006",   # curl-not-found
        "CONF003",   # curl-option-unsupported
        "CONF007",   # curl-fail-option-hides-answer
        # A relay's 5xx around its upstream's refusal at a local server: before the 5xx
        # rules, and NET002, which would call the relay itself down.
        "NET021",    # relay-upstream-server-refused
        "NET022",    # upstream-host-not-resolved
        "SRV002",    # provider-timed-out
        "SRV003",    # provider-internal-error
        "NET001",    # host-not-resolved
        "NET002",    # connection-refused
        "NET004",    # request-timed-out
        "NET015",    # connection-reset-before-answer
        "NET019",    # plain-http-server-closed-the-connection
        "NET009",    # answer-cut-off
        "NET010",    # too-many-redirects
        "NET011",    # client-certificate-problem
        "NET020",    # no-answer-old-gptel-curl
        "NET007",    # no-http-response
        "CONF002",   # old-gptel-hides-curl-failure
    )),
    Tier("answer", "An answer came, but not one gptel could read.", (
        "RESP006",   # interim-100-continue
        "ENDP001",   # endpoint-not-found
        "RESP009",   # local-server-behind-a-gateway
        "RESP005",   # gateway-error-page
        "RESP004",   # cdn-error-page
        "RESP010",   # stream-chunk-unreadable
        "RESP001",   # response-not-json
        "RESP008",   # responses-stream-on-emacs-28
        "RESP011",   # model-wrote-a-malformed-tool-call
        "RESP013",   # empty-response-body-read
        "RESP003",   # empty-response
        "RESP007",   # failure-inside-ok-response
    )),
    Tier("status", "Only the HTTP status or curl's exit code is known: what it usually means.",
         confidence="guess", codes=(
        # gptel's "Could not parse HTTP response": an error whose words gptel did not read.
        "RESP002",   # response-without-error-field
        "GEN401",    # http-unauthorized
        "GEN402",    # http-payment-required
        "GEN3XX",    # http-redirect
        "GEN403",    # http-forbidden
        "MODEL008",  # not-found-on-the-api-path
        "GEN404",    # http-not-found
        "GEN421",    # http-misdirected-request
        "GEN413",    # http-payload-too-large
        "GEN429",    # http-too-many-requests
        "GEN5XX",    # http-server-error
        "NET012",    # curl-failed
        "NET013",    # connection-failed-without-reason
        "NET017",    # connection-failed-without-reason-remote
        "GEN400",    # http-bad-request-without-reason
        "GEN4XX",    # http-bad-request
        # No status at all; what the context says when the words say nothing.
        "AUTH007",   # no-key-and-no-other-cause
    )),
    Tier("documented", "Chosen only by the engine's documented-code stage, never matched: "
         "the identified provider documents the failure's code, message or status.",
         confidence="certain", codes=(
        "DOC001",    # documented-no-balance
        "DOC002",    # documented-rate-limit
        "DOC003",    # documented-key-rejected
        "DOC004",    # documented-key-missing
        "DOC005",    # documented-no-permission
        "DOC006",    # documented-model-unknown
        "DOC007",    # documented-content-review
        "DOC008",    # documented-input-too-long
        "DOC009",    # documented-bad-parameter
        "DOC010",    # documented-service-busy
        "DOC011",    # documented-timeout
        "DOC012",    # documented-wrong-endpoint
    )),
    Tier("words", "Chosen only by the engine's words stage, never matched: no rule knows the "
         "message, and its words point to one category the status allows.",
         confidence="guess", codes=(
        "WORD001",   # words-say-rate-limit
        "WORD002",   # words-say-key-rejected
        "WORD003",   # words-say-key-missing
        "WORD004",   # words-say-model-unknown
        "WORD005",   # words-say-bad-parameter
        "WORD006",   # words-say-service-busy
        "WORD007",   # words-say-no-permission
        "WORD008",   # words-say-wrong-endpoint
        "WORD009",   # words-say-timeout
        "WORD010",   # words-say-input-too-long
        "WORD011",   # words-say-content-review
        "WORD012",   # words-say-no-balance
    )),
    Tier("fallback", "Nothing else applies.", confidence="guess", codes=(
        "GEN000",    # unclassified
    )),
)
# fmt: on

RETIRED: tuple[Retired, ...] = ()

REGISTRY: tuple[Rule, ...] = build_registry(
    PRECEDENCE, RETIRED, [rule for family in FAMILIES for rule in family.RULES]
)
BY_CODE: dict[str, Rule] = {rule.code: rule for rule in REGISTRY}
CONFIDENCE: dict[str, Confidence] = {code: tier.confidence for tier in PRECEDENCE
                                     for code in tier.codes}
RETIRED_BY_CODE: dict[str, Retired] = {entry.code: entry for entry in RETIRED}
