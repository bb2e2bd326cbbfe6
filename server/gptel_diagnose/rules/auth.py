"""Authentication and permission: the key is missing, wrong, or not allowed to do this."""

from __future__ import annotations

from .base import Example, FixSpec, Rule, match
from .common import (
    ASK_BACKEND,
    ASK_KEY,
    ASK_MODEL,
    ASK_PROXY,
    AWS_NO_CREDENTIALS,
    GET_KEY,
    KEY_LEAVES_MODEL_OUT,
    LOCAL_SERVERS,
    LOG_REQUESTS,
    PLATFORM_STEPS,
    PROJECT_NO_MODEL_ACCESS,
    REDEFINE_BACKEND,
    WRAPPER_TEXT,
)

# A key that worked once and no longer does (leaked, expired, its project suspended): the
# key's, not a permission.
# Google, for a key whose project (the API's "consumer") was suspended.
_SUSPENDED = r"consumer '[^']*' has been suspended"
_KEY_DEAD = r"leaked|expired|" + _SUSPENDED
_KEY_WRONG = (
    r"incorrect api key|invalid x-api-key|api key not valid|invalid api.?key|invalid_api_key"
    # A client's check of the key's form: "Please enter a valid Gemini API key".
    r"|please enter a valid [\w ]{0,20}api key"
    # Kiro, for a sign-in that lapsed: "Could not complete the request because your session
    # is invalid or expired".
    r"|session is invalid or expired"
    # Azure Resource Manager, for a token another tenant issued (InvalidAuthenticationToken
    # Tenant): "The access token is from the wrong issuer".
    r"|\bfrom the wrong issuer\b"
    # Volcengine's AuthenticationError in its words, quoted without status or code: "The API
    # key or AK/SK in the request is missing or invalid."
    r"|api key or ak/sk in the request is missing or invalid"
    # MiniMax's 1004: "not authorized / token not match group"; Anthropic, for a Claude
    # subscription's credential sent to the API ("This credential is only authorized for use
    # with Claude Code"): a key for another endpoint.
    r"|token not match group|credential is only authorized for use with"
    # Azure OpenAI, for an Entra token issued by another tenant: "Token tenant X does not
    # match resource tenant" (the credential is for another directory).
    r"|token (?:tenant )?\S+ does not match resource tenant"
    # A gateway's own check of the key's shape (Heurist: "Invalid auth_key format").
    r"|invalid auth_?key format"
    r"|tenant provided in token does not match resource token"
    # Gemini, for a key it does not know (without the API_KEY_INVALID detail a client may
    # drop): "API Key not found. Please pass a valid API key."
    r"|api key not found\W+please pass a valid api key"
    # MiniMax's CLI, and others, in three words.
    r"|\bapi key rejected\b"
    # kimi-cli: "Authorization failed, please check your API key".
    r"|authorization failed,? please check your api key"
    # url.el's prompt once a server answered 401 without a challenge it knows ("Username for
    # [https://api.anthropic.com/v1/messages]:"): the credential sent was refused.
    r"|^username for \[https?:"
    # Not OpenAI's "Invalid token in prompt: 123456" (a token id out of the vocabulary).
    r"|api_key_invalid|invalid authentication|authentication fails"
    r"|invalid (access )?token(?! in (the )?prompt)"
    r"|authentication is invalid|key is invalid or revoked"
    # Anthropic, for a Claude login's token revoked since (a 403 permission_error): "OAuth
    # token has been revoked. Please obtain a new token."
    r"|token has been revoked"
    # LobeChat's error type for a provider's refused key; MiniMax's CLI.
    r"|invalidproviderapikey|api key validation failed"
    # OpenHands' status for the provider's refusal of the key: "STATUS$ERROR_LLM_AUTHENTICATION".
    r"|\berror_llm_authentication\b"
    # A gateway passing on its upstream's refusal: "the provider rejected the gateway's
    # credentials"; reqwest refusing a key with a newline or control character as a header
    # value ("Failed to parse header value", Zed).
    r"|rejected the [\w' ]{0,30}credentials|failed to parse header value"
    r"|invalid subscription key"
    r"|(security|bearer) token included in the request is (invalid|expired)"
    r"|unrecognizedclientexception|invalidsignatureexception|expiredtokenexception"
    r"|api key (has )?expired|key (was )?reported as leaked|bad credentials|token (has )?expired"
    r"|" + _SUSPENDED +
    # LiteLLM, for a Vertex AI service-account file missing its fields; AWS, for a key
    # signed for another service.
    r"|service account info was not in the expected format"
    r"|credential should be scoped to correct service"
    r"|invalid_authentication|authentication_error|incorrect_api_key|wrong api key"
    r"|api key is invalid|invalid credentials|unauthenticated|user not found"
    r"|provided (api )?key is (invalid|not valid)|invalid bearer token|\bunauthori[sz]ed\b"
    r"|(token|令牌|密钥|api ?key) ?(已过期|无效|错误|不正确|非法)|无效的\s*(令牌|密钥|api ?key)"
    r"|invalid api token|invalid authorization header"
    # gpt_academic: "OpenAI以提供了不正确的API_KEY为由, 拒绝服务".
    r"|不正确的\s*api_?key"
    # Hugging Face's InferenceClient: "Couldn't authenticate. Reason: Unable authenticate".
    r"|couldn'?t authenticate|could not authenticate"
    r"|sso session .{0,60}(has )?expired|secretid is not found|secretidnotfound"
    # Google OAuth refusing to refresh a token (Vertex AI): log in again.
    r"|\binvalid_grant\b|invalid_rapt|reauth related error"
    # Baidu Qianfan's OAuth token for an unknown API key; a malformed Authorization header.
    r"|\binvalid_client\b|unknown client id|authorization header is (badly formatted|malformed)"
    # iFlytek Spark's gateway (Kong's HMAC check), for a credential that is not the one its
    # OpenAI-compatible API takes.
    r"|hmac signature cannot be verified"
    # A client that cannot tell: the key is there more often than not.
    r"|key is (missing|not set) or invalid|key is invalid or missing"
    r"|\b(ak|api.?key|token) (is not|does not) exist"
    r"|access token (is )?(invalid|expired|no longer valid)|正确获取访问令牌"
    # The OpenAI SDKs' and LiteLLM's exception for a 401 ("Invalid proxy server token" is
    # LiteLLM's proxy refusing its own key, not a network proxy).
    r"|authenticationerror|invalid proxy server token|invalid \w+ api.?key"
    r"|invalid signature(?! in thinking block)"
    r"|authentication failed|invalid or expired (token|key)"
    r"|failed to provide a valid [\w ]{0,20}key"
    # Baidu Qianfan: "AK(bce-v3***) is not correct, please check!"; opencode's Anthropic login.
    r"|\b(ak|sk|api.?key)\b[^,.;]{0,40}\bis not correct|invalid or missing (api )?key"
    # Baidu Qianfan's IAM check; Google's expired application-default credentials.
    r"|iam certification failed|reauthentication is needed"
    r"|iamsignatureinvalid|could not find credential\b"
)
# A key that may be missing or wrong (Azure: "Access token is missing, invalid, audience is
# incorrect ... or have expired"; AWS's signature mismatch) says no more than that.
_NOT_ONLY_MISSING = (r"signature we calculated|missing or invalid|invalid or missing"
                     r"|is missing, (invalid|wrong)"
                     # OpenRouter's one 401 for both (SakanaAI/AI-Scientist#100): the
                     # companion's has_key tells them apart.
                     r"|missing authentication header or invalid")
# A relay's 503 for its own pool of upstream credentials, typed authentication_error: its
# capacity, not the user's key.
_POOL_EMPTY = r"no available authentication tokens"
# Anthropic's answer to a Claude sign-in its organization does not allow, under
# authentication_error as often as permission_error (nine corpus records label it a
# permission): the credential is good, the organization's setting refuses it (PERM002).
_ORG_REFUSES_SIGN_IN = r"oauth authentication is currently not allowed for this organization"
# OpenCode Zen, for a model the account may not use, the key accepted: "MODEL_UNAUTHORIZED_ACCESS
# Unauthorized access to model: X" (PERM002, not AUTH001).
_MODEL_UNAUTHORIZED = r"unauthorized access to model\b"
# Where a key is set, and where to get one.
_KEY_FIXES = (FixSpec("Create a key", "display-only", url="{keys_url}"), ASK_KEY,
              REDEFINE_BACKEND)

_KEY_MISSING = (
    # The OpenAI Python SDK with no key: "An API Key needs to be provided in either the
    # api_key parameter or as an environment variable named OPENAI_API_KEY".
    r"api key needs to be provided|"
    # kubectl-ai: "GEMINI_API_KEY variable not set".
    r"_api_key (?:environment )?variable (?:is )?not set|"
    # Also written as one word with underscores: "message": "missing_api_key" (LongCat).
    r"you didn'?t provide an api key|missing authentication|no[ _]api[ _]key|missing[ _]api[ _]key"
    # Zotero GPT: "Your secretKey is not configured.".
    r"|\bsecret[ _-]?key (?:is |was )?not (?:set|configured|provided)\b"
    # The Copilot CLI (gh-aw) with no token at all.
    r"|no authentication information found"
    # A Python client reading its key from the environment, which has none ("KeyError:
    # 'OPENAI_API_KEY'"); Azure API Management with no key of its own: "Access denied due to
    # a missing application credentials or subscription key".
    r"|keyerror: '\w*api_key'|missing application credentials or subscription key"
    # Google's auth libraries (Vertex AI), with no credentials anywhere they look: "Your
    # default credentials were not found. To set up Application Default Credentials, ...".
    r"|default credentials were not found"
    r"|" + AWS_NO_CREDENTIALS +
    # The AWS SDK for Go, in a Neovim plugin's words: "failed to resolve AWS credentials".
    r"|(?:failed|unable) to resolve (?:aws )?credentials"
    # An app's own check: "No Anthropic API key is set".
    r"|\bno [\w ]{0,20}api key (?:is )?(?:set|configured)\b"
    # httpx (h11) refusing an Authorization header with nothing after "Bearer"; a client's
    # own check ("Codex CLI credential not found").
    r"|illegal header value b?'bearer ?'|\bcredentials? not found\b"
    r"|api key is missing|authorization header is missing|missing bearer|no .?gptel-api-key.? found"
    # IBM watsonx.ai: "Failed to authenticate the request due to no Bearer token in the
    # request header" (authentication_no_token).
    r"|no bearer token in the request"
    # Zhipu's 1001: "Header中未收到Authorization参数，无法进行身份验证" (no Authorization
    # header came); Claude Code with no account or key: "Not logged in · Please run /login".
    r"|未收到\s*authorization|\bnot logged in\b"
    # Hermes Agent with no Nous Portal login: "Hermes is not logged into Nous Portal."
    r"|\bis not logged into\b"
    # Z.ai's 1001 in English: "Authentication parameter not received in Header, unable to
    # authenticate".
    r"|authentication parameter not received in header"
    # A gateway or node asking for credentials before anything else: "10401 - gateway
    # request exception, please auth first", "Unauthorized: Please login first".
    r"|please (?:auth(?:enticate)?|log ?in) first"
    r"|must provide an api.?key|missing authorization|no auth credentials|no cookie auth"
    # A client's check of an empty variable: "The OPENAI_API_KEY must be a non-empty
    # string, but got: undefined".
    r"|api_?key\W? must be a non-empty string"
    # A client whose command for the key failed, so none was sent (parrot.nvim: "Error
    # executing API key command for provider gemini"; gptel's :key may be a function).
    r"|(?:error executing|failed to run) (?:the )?api.?key command"
    # ReqLLM (Elixir), with no key anywhere it looks: "parameter: \":api_key option, config
    # :req_llm, openai_api_key, or OPENAI_API_KEY env var\"".
    r"|:api_key option, config\b"
    # Vercel's AI Gateway with no key: "Unauthenticated. Configure AI_GATEWAY_API_KEY".
    r"|unauthenticated\. configure [a-z_]*api_key"
    # OpenAI's own words when none came; Spring AI's "DashScope API key must be set"; a
    # hosted proxy with no secret of that name.
    r"|you need to provide your api key|api key must be set"
    r"|find a secret with the name \"?[a-z_]*api_key"
    # An app's own check for an unset variable ("Missing OPENAI_API_KEY or ..."); Google's
    # SDK finding neither a key nor default credentials.
    r"|missing [a-z_]*api_key\b|defaultcredentialserror"
    # OpenAI's Node SDK, built with no key: "The OPENAI_API_KEY environment variable is
    # missing or empty".
    r"|[a-z_]*api_key environment variable is (?:missing|not set|empty)"
    # Mastra: "Provider not connected\nSet the OPENAI_API_KEY environment variable to use
    # this provider."
    r"|provider not connected\W+set the [a-z_]*api_key environment variable"
    # Windsurf's service, for a request with an empty key: "metadata.api_key: value length
    # must be at least 1 characters".
    r"|api_key: value length must be at least 1\b"
    r"|could not automatically determine credentials"
    # Baidu's qianfan SDK: "no enough credential found"; AWS's "Unable to locate credentials".
    r"|no (enough )?credentials? (were )?found|unable to locate credentials"
    r"|unregistered callers|api key (is )?required|requires an api key|not provided an api key"
    r"|missing credentials|please (provide|set) (your|an) api key"
    r"|(x-api-key|api-key|authorization) header is (required|missing)"
    r"|api_?key client option must be set|access token is missing|incorrect api key provided: ''"
    r"|[a-z_]*api_key (is )?not set|didn'?t get [a-z_]*api_key"
    # Aider's start-up warning: "- OPENAI_API_KEY: Not set".
    r"|[a-z_]*api_key:\s*not set"
    # A Python client called with no key at all ("anthropic_messages() missing 1 required
    # positional argument: 'api_key'", LiteLLM); Dify's "Model moonshot-v1-32k credentials
    # is not initialized" (no key stored for the model).
    r"|missing \d+ required (?:positional|keyword-only) arguments?: '(?:api_key|apikey)'"
    r"|\bcredentials? (?:is|are) not initiali[sz]ed"
    # AWS's credential chain with nothing to find ("Valid credentials could not be sourced
    # by the IMDS provider"; "AWS SigV4 authentication requires AWS credentials"); Azure
    # tooling with no Entra token ("Access token not available. ... run 'az login'").
    r"|credentials could not be sourced|sigv4 authentication requires aws credentials"
    r"|access token not available"
    # SenseNova's "Authorization Not Found"; MiMo's "API key\n required".
    r"|authorization not found|api.?key\s+required"
    # Google's ErrorInfo reason when the request carried no credential ("401
    # CREDENTIALS_MISSING"), unless it says a key came that this API does not take ("API
    # keys are not supported by this API": a key of the wrong kind); a Copilot plugin before
    # its sign-in ("You haven't signed in yet").
    r"|^(?!.*api keys are not supported).*\bcredentials_missing\b|haven'?t signed in yet"
    # google-genai, built with no key: "Missing key inputs argument! To use the Google AI
    # API, provide (`api_key`) arguments."; a gateway that passed no token on ("Validate
    # Certification failed: missing token").
    r"|missing key inputs argument|certification failed: missing token"
    # LibreChat, for a user-provided key never stored ("No key found. Please provide a key");
    # openai-python's check when it got none ("api_key None must be a valid OpenAI key").
    r"|no key found\. please provide a key|api_key none must be"
    # GitHub Models: "No authorization header or api key found in request.", and in
    # British spelling: "No authorisation header found in request".
    r"|no authori[sz]ation header (or api key )?found"
    # LM Studio: "An LM Studio API token is required ..., but none was provided".
    r"|(token|key) is required to make requests"
    r"|api_key (is )?required|did not find [a-z_]*api_key|failed to find [\w ]{0,20}token"
    r"|please carry the api (secret )?key|license key missed|incorrect api key provided: \.(?!\.)"
    r"|missing [\w ]{0,20}api key|no key is set|api key not provided|missing subscription key"
    r"|api_?key cannot be empty|please set (the )?[a-z_]*api_key"
    # Anthropic's SDKs with neither a key nor a token; "API_KEY missing" in Chinese.
    # Not the first of a list ("API Key 缺失、无效或已禁用": missing, invalid or disabled).
    r"|could not resolve authentication method|(api.?key|密钥|令牌)\s*缺失(?![、,，])"
    # xiaozhi-esp32-server: "你还没配置LLM的密钥"; "未配置 API 密钥".
    r"|(没|未)配置[\w ]{0,20}(密钥|api.?key)"
    # Zotero GPT: "GPT密钥尚未正确配置" (the key is not yet set up right).
    r"|(密钥|api.?key)\s*(尚未|未|没有?)\w{0,4}配置"
    r"|no [\w ]{0,20}token found"
    # OpenAI naming the key a client sent from an unset variable.
    r"|incorrect api key provided: (null|undefined|none)\b"
    # DeepSeek-style "Your api key: {key} is invalid" with nothing between.
    r"|your api key:\s+is invalid|no [\w ]{0,20}key provided"
    # A relay's "No credentials for provider: X" is its own upstream login (SRV005).
    r"|no credentials for(?! provider)"
    # JSON-RPC's -32000 "Authentication required" (an MCP or ACP server); not a proxy's 407.
    r"|(?<!proxy )authentication required"
    # FastAPI's HTTPBearer when no Authorization header came (DeepInfra, small gateways):
    # "Not authenticated"; not the Copilot server's "Not authenticated: <reason>".
    r"|\bnot authenticated\b(?!:)"
    # Codeium's inference server, given no user token: "missing user JWT".
    r"|missing (user )?jwt\b"
    # The Copilot language server before sign-in; Google's client libraries with no
    # credentials ("you can complete authentication by: gcloud auth login"); the AI SDK's
    # gateway asking for its key's environment variable.
    r"|not authenticated: notsignedin|complete authentication by"
    r"|to authenticate, set the [a-z_]*api_key environment variable"
    # shell_gpt's and gpt_academic's own checks for the key in their configuration.
    r"|missing config key: [a-z_]*api_key|请配置\s*[a-z_]*api_key"
)
REGION_BLOCKED = (
    r"unsupported_country_region_territory|country, region, or territory not supported"
    r"|user location is not supported|not available in your (country|region)"
    r"|region (is )?not supported|unsupported (country|region|location)"
    # Cursor's code, inside a router's own 429 ("Model not available", code
    # ERROR_UNSUPPORTED_REGION); Codex's sign-in ("OAuth failed (unsupported_region)").
    r"|unsupported_region\b"
    # Bedrock, for Anthropic's models from where Anthropic does not serve.
    r"|unsupported countries, regions,? or territories"
    # Zed's hosted models, by where the request is served: "Access to Anthropic models is not
    # available from this data center (HKG)" (HTTP 451, Unavailable For Legal Reasons).
    r"|not available from this data cent(er|re)|unavailable for legal reasons"
    # A reverse proxy of ChatGPT's web client on a data-centre IP: "your country may not be
    # supported yet. ... consider using a U.S. VPN".
    r"|\bcountry (?:may )?(?:is )?not (?:be )?supported"
    # A client's words: "OpenAI does not support your region" (Hermes Studio, Codex).
    r"|does not support your (?:country|region)"
    # Cursor's "This model provider doesn't serve your region"; Gemini in Russian ("Gemini
    # пока не поддерживается в вашей стране", not yet supported in your country); the Dart
    # client's exception for Gemini's location check.
    r"|doesn'?t serve your region|не поддерживается в вашей стране|unsupporteduserlocation"
    # Antigravity: "Antigravity is not currently available in your location".
    r"|not (?:currently )?available in your location"
)
# An account or organization the provider has barred: OpenAI's access_terminated ("Your access
# was terminated due to violation of our policies"), Anthropic's "This organization has been
# disabled."  PERM005 says so; PERM002 reads the same words when PERM005 stands aside.
ACCOUNT_DISABLED = (r"access was terminated due to|organization has been disabled"
                     # OpenAI's account_deactivated, whatever the status: "The OpenAI account
                     # associated with this API key has been deactivated", "This key is
                     # associated with a deactivated account" (LABELING.md, stop 54).
                     r"|\baccount_deactivated\b|\baccount (?:\w+ ){0,6}has been deactivated"
                     r"|associated with a deactivated account"
                     # Google, for a project it has barred: "Your project has been denied
                     # access. Please contact support."
                     r"|\bproject has been denied access\b"
                     # AWS (Kiro, Amazon Q), for an account it suspended: "Your User ID (...)
                     # temporarily is suspended. We've locked your account as a security
                     # precaution."
                     r"|temporarily is suspended|we'?ve locked your account"
                     # Augment, for an account it takes for a repeated free trial: "Your account
                     # ... has been suspended because we believe you may be using multiple free
                     # trials."
                     r"|suspended because we believe you may be using multiple free trials")

# A feature turned off for an account that is signed in: Sourcegraph's "status 401, reason
# completions are not enabled" (a model not enabled is model.not_found's).
_FEATURE_OFF = r"\b(completions|features?|api|service|access) (is|are) not enabled\b"

# GitHub Copilot, for a token or plan that may not use it (PERM002, never AUTH001).
_COPILOT_REFUSES = (r"does not have copilot requests permission"
                    r"|not authorized to use this copilot\s+feature"
                    # GitHub Enterprise Server's token exchange for a user without a seat:
                    # "unauthorized: not licensed to use Copilot".
                    r"|not licensed to use copilot")
_NO_PERMISSION = (
    r"accessdeniedexception|you don'?t have access to the model|not authorized to perform"
    # Amazon Q in JetBrains, listing the profiles of an account without one: "You don't have
    # access to the resource".
    r"|you don'?t have access to the resource\b"
    # Google, for an account its product does not take: "Your current account is not
    # eligible for antigravity", "Your account is not eligible for Gemini Code Assist".
    # Antigravity, cut short: "Your current account is not eligible".
    r"|\baccount is not eligible\b"
    # Cursor, for an account or address it has blocked: "Your request has been blocked as
    # our system has detected suspicious activity from your account/ip address".
    r"|detected suspicious activity from your account"
    # GitHub Copilot, for a token or plan that may not use it: "Personal Access Token does
    # not have Copilot Requests permission", "not authorized to use this Copilot feature".
    r"|" + _COPILOT_REFUSES +
    # Google, for an OAuth token without the API's scope (ACCESS_TOKEN_SCOPE_INSUFFICIENT):
    # "Request had insufficient authentication scopes".
    r"|insufficient authentication scopes"
    # Gemini Code Assist, for a Cloud project without its licence or with it off: "lack a
    # Gemini Code Assist license", "Gemini Code Assist is not currently enabled".
    r"|lack a gemini code assist license|gemini code assist is not currently enabled"
    # Google's sign-in for Code Assist, for an account its products may not use: "The
    # following products are not yet authorized to access your account", in Chinese "无权访问
    # 您的账号".
    r"|not yet authorized to access your account|无权访问您的账号"
    r"|not authorized to access (this|the) model"
    # Anthropic, for a subscription's login in an organization that turned it off: "Your
    # organization has disabled Claude subscription access for Claude Code".
    r"|organization has disabled [\w ]{0,40}access"
    # Bedrock's ValidationException for a region where model access was not granted, and
    # for Anthropic's models before the account filed its use case ("Model use case details
    # have not been submitted for this account").
    r"|account is not authorized to invoke|use case details have not been submitted"
    # The same form in Bedrock's newer words: "You have not filled out the required use-case
    # form for this model."
    r"|not filled out the required use-case form"
    # OpenAI, for a model kept for higher usage tiers: "Your organization must qualify for
    # at least usage tier 5 to access 'o1-preview'".
    r"|must qualify for at least usage tier \d+"
    r"|permission .{0,80} denied on resource"
    r"|permission_denied|permission denied|principal does not have access"
    r"|resource not accessible by integration|account type is not currently supported"
    r"|account (has been )?(disabled|suspended|deactivated)"
    # The account is barred, not out of credit.
    r"|" + ACCOUNT_DISABLED + r"|\baccess_terminated\b"
    r"|allowed for build tier|tier \d and above|terms of service|permission_error"
    r"|service_disabled|has not been used in project|api has not been enabled"
    # Firebase AI Logic, for an API not enabled in the project ("requires the Vertex AI in
    # Firebase API (`firebasevertexai.googleapis.com`) to be enabled"), and Google's key
    # restrictions ("Requests from this Android client application <empty> are blocked").
    r"|googleapis\.com`?\) to be enabled"
    r"|requests from this (?:android|ios) client application .{0,80}are blocked"
    r"|must be verified to use the model|not a member of an organization|ip not authorized"
    # Gemini Code Assist, for an account without the edition's entitlement: "You must be a
    # named user on your organization's Gemini Code Assist Standard edition subscription".
    r"|must be a named user on your organization"
    # ModelScope, for a token whose account is not yet bound to an Alibaba Cloud account;
    # Alibaba's Coding Plan (like Kimi's) for a client that is no coding agent.
    r"|bind your alibaba cloud account|coding plan is currently only available for"
    # Kimi For Coding's access_terminated_error in its words, where no status came: "Kimi
    # For Coding is currently only available for Coding Agents such as Kimi CLI, ...".
    r"|only available for coding agents"
    # Google's API key restrictions (ErrorInfo reasons): the key may not be used from this
    # referrer, address, app or for this API ("API_KEY_HTTP_REFERRER_BLOCKED ... Requests
    # from referer <empty> are blocked.").
    r"|\bapi_key_(?:http_referrer|ip_address|android_app|ios_app|service)_blocked\b"
    r"|requests from referer .{0,100}are blocked"
    # API_KEY_SERVICE_BLOCKED's message: "Requests to this API generativelanguage.googleapis.com
    # method ...GenerateContent are blocked."
    r"|requests to this api \S+ method \S+ are blocked"
    # OpenAI, for a feature an unverified organization may not use ("must be verified to
    # generate reasoning summaries").
    r"|must be verified to (?!stream|use the model|use stream)\w"
    r"|access to (this|the) model is (denied|not allowed)|model access is denied"
    # DashScope: "Access to model denied. Please make sure you are eligible for using the model."
    r"|access to model denied"
    # Not pydantic's "extra_forbidden", nor Azure's "access denied due to invalid
    # subscription key", nor DashScope's arrears ("make sure your account is in good
    # standing").
    r"|(?<![\w])forbidden(?![\w])"
    r"|access denied(?! due to (?:invalid|a missing))"
    r"(?!, please make sure your account is in good standing)"
    r"|not allowed to (use|access)|do not have permission"
    r"|does not have permission|insufficient permissions|not enabled for (your|this) account"
    # A gateway's key without the scope (Portkey's AB03: "You do not have enough permissions
    # to execute this request"); GitHub Models, for a token without models:read ("Must have
    # 'models' permissions").
    r"|do not have enough permissions|must have '?models'? permission"
    # GitHub Copilot, for bring-your-own-key on an account not allowed it.
    r"|byok is disabled for this account"
    # The Copilot CLI for an account without it: "You do not have access to GitHub Copilot
    # CLI".
    r"|do not have access to github copilot"
    # A ChatGPT workspace the sign-in belongs to, turned off or not allowed the product
    # (Codex: HTTP 402 {"detail": {"code": "deactivated_workspace"}},
    # "codex_cli_workspace_disabled", "No eligible ChatGPT workspaces found").
    r"|\bdeactivated_workspace\b|\bcodex_cli_workspace_disabled\b"
    r"|no eligible chatgpt workspaces"
    r"|permission is required|requires? the .{0,30}(permission|scope)|missing (the )?scope"
    r"|permission '[\w.]+' denied|free tier can only be used (from within|in) "
    r"|license does not allow|\bip\b.{0,30}\bblocked|restricted to authorized"
    r"|denied by (upstream )?policy"
    # Qianfan's 40005 in its words, "the user's access is restricted".
    r"|用户访问被限制"
    # Groq's organization_restricted: "Organization has been restricted".
    r"|organi[sz]ation has been restricted|organization_restricted"
    # A provider's or its CDN's bot check refusing this network or device ("Our systems have
    # detected unusual activity from your device", Coze's "unusual traffic from your network").
    r"|unusual (activity|traffic) from your (device|network|computer)"
)

AUTH_STEPS = (
    "Check which key gptel sends: {key_from}.",
    "Compare it with an active key at {keys_url}; keys are per provider, and some per "
    "project or region.",
    "Make sure the key has no trailing newline or space (a function or file that returns the "
    "key often adds one).",
)

# A region block's first step, for the rules that read one (PERM001, PERM004).
# OpenAI's refusal by region, as continuedev/continue#11449 quotes it: PERM001's example,
# and PERM007's through a proxy.
_REGION_REFUSED = {"status": "HTTP/2 403", "http_status": "403", "error": {
    "code": "unsupported_country_region_territory",
    "message": "Country, region, or territory not supported", "param": None,
    "type": "request_forbidden"}}
_OTHER_PROVIDER_STEP = "Or switch to a provider available where you are (M-x gptel-menu)."
_REGION_PAGES = ("https://platform.openai.com/docs/supported-countries",
                 "https://ai.google.dev/gemini-api/docs/available-regions")
_PROXY_STEP = ("Route gptel through a proxy in a supported region: "
               "(setq gptel-proxy \"http://HOST:PORT\") (curl only).")

RULES = (
    Rule(
        code="AUTH001",
        name="api-key-rejected",
        category="auth.invalid_key",
        when=(
            match(codes=("invalid_api_key", "authentication_error", "api_key_invalid",
                         # Bifrost, for a virtual key it does not know; Cursor, for the
                         # user's own provider key ("Unauthorized User Openai API key").
                         "virtual_key_not_found", "error_bad_user_api_key",
                         "unauthenticated", "incorrect_api_key", "invalid_authentication",
                         "unrecognizedclientexception", "expiredtokenexception"),
                  not_text=f"{_KEY_MISSING}|{_POOL_EMPTY}|{_ORG_REFUSES_SIGN_IN}"),
            match(text=_KEY_WRONG, not_text=r"not a member|ip not authorized|must be verified|"
                  + _POOL_EMPTY +
                  "|" + _MODEL_UNAUTHORIZED +
                  # Azure's RBAC: the credential was accepted, the principal lacks a right.
                  r"|lacks the required data action|" + _ORG_REFUSES_SIGN_IN +
                  # .NET's AuthenticationException is about TLS.
                  r"|remote party sent a tls alert"
                  r"|security\.authentication\.authenticationexception"
                  r"|license does not allow"
                  # A key that was read, refused for its account or plan (PERM002).
                  r"|detected suspicious activity|" + _COPILOT_REFUSES +
                  # A client's "Invalid Gemini API key:" over the provider's "[503 Service
                  # Unavailable] The model is overloaded": the provider's words decide.
                  r"|the model is overloaded"
                  r"|signature we calculated|permission is required|requires? the .{0,30}permission"
                  # A 401 that says the key was accepted but may not do this.
                  r"|not authorized to access (this|the) model|principal does not have access"
                  # "scope" as a word: DashScope's name has it too.
                  r"|not accessible|account type|\bscopes?\b|" + _FEATURE_OFF +
                  # A JSON decoder's "found invalid token at character 1": not a credential.
                  r"|token at character \d|your api key is valid, but"
                  # A client's list of guesses ("often caused by: • Invalid or missing API
                  # Key • Incorrect Base URL • Network"): no cause is known.
                  r"|(?:often|may be|might be|could be|usually) caused by|possible causes"
                  # A refused field under a client's "authentication failed" (an embedding
                  # plugin's words around NIM's 400 "extra_forbidden ... 'dimensions'").
                  r"|extra_forbidden|extra inputs are not permitted"
                  # The same in Chinese: "可能是 APIKEY 无效，也可能平台或网络等原因".
                  r"|可能是.{0,40}也可能"),
            # The AWS SDK's credential provider, for a session token past its expiry, before
            # anything is sent (Zed's Bedrock: "ProviderError { source: ExpiredToken }").
            match(text=r"\bexpiredtoken\b"),
            # Hugging Face's answer to a token it does not accept, in a login's words:
            # {"error":"Invalid username or password."}.
            match(provider="huggingface", text=r"invalid username or password"),
        ),
        summary="{provider} rejected the API key (HTTP {status}): it is wrong, revoked or for "
        "another provider or endpoint.",
        explanation=(
            "{provider} did not accept the key gptel sent. Common causes: a typo or an old, "
            "revoked key; a key for another provider (an OpenAI key sent to Azure or "
            "OpenRouter); a key picked up from the wrong auth-source entry; or stray whitespace "
            "around it."
        ),
        steps=AUTH_STEPS,
        provider_steps=PLATFORM_STEPS,
        fixes=(GET_KEY, ASK_KEY, REDEFINE_BACKEND),
        next_step=("Change the key in {key_where}.",),
        docs=("https://github.com/karthink/gptel#usage",
              "https://platform.openai.com/docs/guides/error-codes/api-errors"),
        examples=(
            Example(
                error={
                    "status": "HTTP/1.1 401 Unauthorized",
                    "http_status": "401",
                    "error": {
                        "message": "Incorrect API key provided: sk-test. You can find your "
                        "API key at https://platform.openai.com/account/api-keys.",
                        "type": "invalid_request_error",
                        "param": None,
                        "code": "invalid_api_key",
                    },
                },
                backend={"kind": "openai", "host": "api.openai.com", "has_key": True},
                source="https://platform.openai.com/docs/guides/error-codes/api-errors",
            ),
        ),
    ),
    Rule(
        code="AUTH007",
        name="no-key-and-no-other-cause",
        category="auth.missing_key",
        # The last resort before "not sure": the companion says no key is set for a remote
        # API, and nothing in the error (no status, no rule, no telling words) names another
        # cause.  A model server the user runs needs no key.
        # Not a connection that failed before any answer ("Connection error."): a missing
        # key cannot keep the request from reaching the server.
        when=match(has_key=False, http=None, local=False, private=False,
                   not_provider=LOCAL_SERVERS,
                   not_text=WRAPPER_TEXT + r"|failed to connect|error sending request"),
        summary="No API key is set for this {provider} backend and the error names no other "
        "cause, so the missing key is usually the reason: give the backend a key (:key, "
        "gptel-api-key, or ~/.authinfo for {host}).",
        explanation=(
            "The error itself does not say what went wrong, but gptel-diagnose sees that this "
            "backend has no key, and {provider}'s API does not answer without one. A client "
            "that finds no key often fails before it sends anything, with a message of its "
            "own. If a key is set somewhere gptel does not look, that is the place to fix."
        ),
        steps=(
            "Give the backend a key: `:key \"KEY\"`, `:key #'my-key-function`, or an "
            "auth-source line `machine {host} login apikey password KEY`.",
            "If it still fails, set (setq gptel-log-level 'info), resend, and read "
            "*gptel-log*.",
        ),
        fixes=(ASK_KEY, REDEFINE_BACKEND, LOG_REQUESTS),
        next_step=("Set the key in {key_where}.",),
        docs=("https://github.com/karthink/gptel#usage",),
        examples=(
            Example(
                error={"error": "Minuet provider openai is not available"},
                backend={"kind": "openai", "has_key": False, "key_source": "env"},
                source="https://github.com/milanglacier/minuet-ai.el/issues/27",
            ),
        ),
    ),
    Rule(
        code="AUTH002",
        name="api-key-missing",
        category="auth.missing_key",
        when=(
            # Azure's "Access token is missing, invalid, audience is incorrect ... or have
            # expired" lists every reason at once.
            match(text=_KEY_MISSING, not_text=_NOT_ONLY_MISSING),
            match(http=401, has_key=False),
            # A server on this machine that refuses with 403 refuses something else: Ollama
            # answers 403 with no body to an origin it does not allow, keys or none
            # (ollama/ollama#2425).
            match(http=403, has_key=False, local=False),
            # Google answers a request without a key with a bare 400 page; a local server
            # needs no key, so only for a remote one.
            match(http=400, has_key=False, local=False, reasonless=True),
            # The companion knows no key was set: "incorrect key ''" is the missing one.
            match(text=_KEY_WRONG, has_key=False),
            # Any word about keys or authorization, when no key was set.
            match(text=r"\b(api.?)?key\b|\bauth|\bbearer\b|\btoken\b|credential",
                  has_key=False),
        ),
        summary="No API key reached {provider}: the request carried none.",
        explanation=(
            "The request went out without a key, or gptel could not find one. With "
            "`:key 'gptel-api-key` gptel reads ~/.authinfo for the backend's host; if no "
            "entry matches, it stops before sending. A backend made with gptel-make-openai "
            "and no :key sends no Authorization header at all."
        ),
        steps=(
            "Give the backend a key: `:key \"KEY\"`, `:key #'my-key-function`, or an "
            "auth-source line `machine {host} login apikey password KEY`.",
            "Get a key at {keys_url}.",
        ),
        # The key lives in the backend's definition (:key) as often as in gptel-api-key.
        fixes=_KEY_FIXES,
        next_step=("Set the key in {key_where}.",),
        docs=("https://github.com/karthink/gptel#usage",),
        examples=(
            Example(
                error={
                    "status": "HTTP/1.1 401 Unauthorized",
                    "http_status": "401",
                    "error": {
                        "message": "You didn't provide an API key. You need to provide your "
                        "API key in an Authorization header using Bearer auth (i.e. "
                        "Authorization: Bearer YOUR_KEY).",
                        "type": "invalid_request_error",
                    },
                },
                backend={"kind": "openai", "host": "api.openai.com", "has_key": False},
                source="https://platform.openai.com/docs/guides/error-codes/api-errors",
            ),
        ),
    ),
    Rule(
        code="AUTH009",
        name="ollama-not-signed-in",
        category="auth.missing_key",
        # A local Ollama asked for a cloud model ("gpt-oss:120b-cloud") before `ollama
        # signin`: its 401 carries the page that connects this machine ({"error":
        # "unauthorized", "signin_url": "https://ollama.com/connect?..."}); its CLI says "You
        # need to be signed in to Ollama to run Cloud models" (ollama/ollama#12384).
        when=(match(provider="ollama", http=(None, 401), body=r"\bsignin_url\b"),
              match(text=r"need to be signed in to ollama")),
        summary="This Ollama server is not signed in to ollama.com, which its cloud models "
        "need; no key is missing from gptel.",
        explanation=(
            "Ollama runs a model whose name ends in -cloud (or :cloud) on ollama.com, not on "
            "this machine, and only once the Ollama server is connected to an ollama.com "
            "account. This one is not: it answered 401 with the page that connects it. gptel "
            "sends no key to a local Ollama, and needs none."
        ),
        steps=(
            "On the machine that runs Ollama, run `ollama signin` and open the page it prints.",
            "Or pick a local model: M-x gptel-menu.",
        ),
        fixes=(FixSpec("Sign the Ollama server in", "display-only", command="ollama signin"),
               ASK_MODEL),
        next_step=("Run `ollama signin` on the machine that runs Ollama.",),
        docs=("https://docs.ollama.com/cloud",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 401 Unauthorized", "http_status": "401",
                       "error": "unauthorized",
                       "body": "{\"error\": \"unauthorized\", \"signin_url\": "
                       "\"https://ollama.com/connect?name=hostname&key=publickey\"}"},
                backend={"kind": "ollama", "host": "localhost:11434"},
                source="https://mintlify.com/ollama/ollama/api/errors",
            ),
        ),
    ),
    Rule(
        code="AUTH008",
        name="configured-key-not-received",
        category="auth.missing_key",
        # The provider says no key came, but the backend has one: it was empty, went out in a
        # header this provider does not read, or is not this provider's key at all (OpenRouter
        # answers "Missing Authentication header" for a key of another service).
        when=match(text=_KEY_MISSING, has_key=True, not_text=_NOT_ONLY_MISSING),
        summary="{provider} found no key it could use, though this backend has one: the key is "
        "empty, went out in a header {provider} does not read, or is another service's.",
        explanation=(
            "{provider} answered as if the request carried no key, but the backend has one. "
            "Either the key gptel read is empty (a :key function or an auth-source entry that "
            "returns nothing), or it went out in a header {provider} does not read (a backend "
            "of another type: Anthropic-type backends send `x-api-key`, OpenAI-type ones "
            "`Authorization: Bearer`), or it is not {provider}'s key at all: OpenRouter "
            "answers this way for another service's key."
        ),
        steps=(
            "Look at the request: M-x gptel-diagnose-copy-curl copies gptel's curl command "
            "(key redacted) with the header the key goes in.",
            "Use a key from {keys_url}, and a backend type that matches the server "
            "(gptel-make-openai for an OpenAI-compatible API).",
        ),
        fixes=_KEY_FIXES,
        next_step=("Check the key in {key_where}: not empty, and one {provider} issued.",),
        docs=("https://openrouter.ai/docs/api-reference/authentication",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 401 Unauthorized", "http_status": "401",
                       "error": {"message": "Missing Authentication header", "code": 401}},
                backend={"kind": "openrouter", "host": "openrouter.ai", "has_key": True},
                source="https://github.com/fyctyf-5grfg/hermesclaw/blob/"
                "55a74c6efa49cf0d69bae5d8d84a03e4d40555bf/.hermes/sessions/"
                "request_dump_20260906_195042_36e91e_20260906_195044_121477.json",
            ),
        ),
    ),
    Rule(
        code="AUTH003",
        name="api-key-has-stray-whitespace",
        category="auth.invalid_key",
        when=(
            match(key_has_whitespace=True, http=(400, 401, 403)),
            match(key_has_whitespace=True,
                  text=r"could not parse the json body|must provide a model"
                  r"|malformed|invalid header|api key"),
            # Go's net/http refuses to send an Authorization header with a newline in it.
            match(text=r"invalid header field value for \"?authorization"
                  # Node's, for a header with a newline or a character it may not carry:
                  # 'Invalid character in header content ["Authorization"]'; requests', for
                  # a key after "Bearer": "Invalid header value b'Bearer sk-...\\n'" (an empty
                  # one is AUTH002's "Illegal header value b'Bearer '").
                  r"|invalid character in header content \[\"(?:authorization|auth|x-api-key"
                  r"|api-key)\"\]|\binvalid header value b'bearer\b(?! ')"),
            # A client's HTTP library refusing the header before anything is sent (httpx's
            # "Illegal header value", which the OpenAI SDK reports as APIConnectionError):
            # no answer, no curl exit code, and a key with whitespace.
            match(key_has_whitespace=True, answered=False, curl=None),
        ),
        summary="Your API key has a trailing newline or space, which breaks the request: trim "
        "it (string-trim) where the key comes from.",
        next_step=("Remove the whitespace from the key in {key_where}.",),
        explanation=(
            "The key gptel sends for this backend starts or ends with whitespace, typically "
            "the newline at the end of a key file or of a command's output. In an HTTP header "
            "a newline ends the header early, so the provider sees a broken key or a broken "
            "request and answers with a misleading error."
        ),
        steps=("Remove the whitespace: in a :key function return (string-trim ...); in "
               "~/.authinfo make sure the password has no trailing space.",),
        fixes=(GET_KEY, ASK_KEY),
        docs=("https://github.com/karthink/gptel/issues/389",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "message": "We could not parse the JSON body of your request.",
                    "type": "invalid_request_error"}},
                backend={"kind": "openai", "host": "api.openai.com", "has_key": True,
                         "key_has_whitespace": True},
                source="https://github.com/karthink/gptel/issues/389",
            ),
        ),
    ),
    Rule(
        code="AUTH004",
        name="key-for-another-endpoint",
        category="auth.invalid_key",
        # Codestral's own host refusing a La Plateforme key: the 401 names it.
        when=(match(text=r"wrong api endpoint|invalid subscription key or wrong|key for another"),
              match(text=r"codestral", http=401)),
        summary="{provider} rejected the key for this endpoint: it is a key of another "
        "resource, region or product (e.g. an OpenAI key on Azure).",
        explanation=(
            "The key is valid somewhere, but not for the host gptel sent it to: Azure keys "
            "belong to one resource and region, Mistral's Codestral keys only work on "
            "codestral.mistral.ai, and an OpenAI key does not work on Azure."
        ),
        steps=("Use the key of the resource at {host}, or point the backend's :host at the "
               "resource the key belongs to.",),
        fixes=(GET_KEY, ASK_KEY),
        next_step=("Use the key of the resource at {host}, or point the backend's :host at "
                   "the resource the key belongs to.",
                   "Change the key in {key_where}.",),
        docs=("https://learn.microsoft.com/en-us/azure/ai-services/openai/reference",),
        examples=(
            Example(
                error={"status": "HTTP/2 401", "http_status": "401", "error": {
                    "code": "401", "message": "Access denied due to invalid subscription key "
                    "or wrong API endpoint. Make sure to provide a valid key for an active "
                    "subscription and use a correct regional API endpoint for your resource."}},
                backend={"kind": "azure", "host": "myres.openai.azure.com"},
                source="https://github.com/SciSharp/BotSharp/issues/386",
            ),
        ),
    ),
    Rule(
        code="AUTH010",
        name="two-credentials-sent",
        category="auth.invalid_key",
        # Google, for a request that carries its API key and another credential too (an
        # Authorization header beside x-goog-api-key or ?key=).
        when=match(text=r"multiple authentication credentials received"),
        summary="{provider} got two credentials with one request (the API key and another, "
        "such as an Authorization header) and takes only one: send the key alone.",
        explanation=(
            "Google's endpoints accept one credential per request: an API key (the "
            "x-goog-api-key header or ?key= in the URL) or an OAuth token (an Authorization "
            "header), never both. The request carried two, so it was refused before the key "
            "was checked. A :header on the backend that adds Authorization, a key also put "
            "into the :endpoint's URL, or an OpenAI-compatible backend pointed at Gemini "
            "with the key given twice does this."
        ),
        steps=(
            "Look at the backend's :header and :endpoint (M-x gptel-diagnose-copy-curl shows "
            "the headers gptel sends, the key redacted): keep the API key in one place and "
            "remove the other credential.",
        ),
        provider_steps=(("gemini", "gptel-make-gemini sends the key in a header of its own "
                         "unless the backend has a :header: give it :key and either no :header "
                         "or one without Authorization."),),
        fixes=(REDEFINE_BACKEND, ASK_BACKEND),
        next_step=("Remove the second credential from the backend's :header or :endpoint, "
                   "so that the key is sent once.",),
        docs=("https://ai.google.dev/gemini-api/docs/api-key",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "code": 400, "message": "Multiple authentication credentials received. "
                    "Please pass only one.", "status": "INVALID_ARGUMENT"}},
                backend={"kind": "gemini", "host": "generativelanguage.googleapis.com"},
                source="https://github.com/HKUDS/nanobot/issues/3206",
            ),
        ),
    ),
    Rule(
        code="PERM001",
        name="region-not-supported",
        category="auth.permission",
        when=match(text=REGION_BLOCKED),
        summary="{provider} does not serve your region (the country your IP address is in): "
        "use a supported network route, or another provider.",
        explanation=(
            "The provider blocks requests by the location of the network address they come "
            "from. The key and account are fine; the request has to leave from a supported "
            "country (a VPN or proxy), or use another provider."
        ),
        steps=(_PROXY_STEP, _OTHER_PROVIDER_STEP),
        fixes=(ASK_PROXY, ASK_BACKEND),
        docs=_REGION_PAGES,
        examples=(
            Example(
                error=_REGION_REFUSED,
                backend={"kind": "openai", "host": "api.openai.com"},
                source="https://github.com/continuedev/continue/issues/11449",
            ),
        ),
    ),
    Rule(
        code="PERM007",
        name="region-of-the-proxys-exit-not-supported",
        category="auth.permission",
        # The same refusal when the request went through a proxy: the provider saw the
        # proxy's exit address, not the user's.  Proxy apps' nodes in regions these
        # providers do not serve are the usual cause in reports from China.
        when=match(text=REGION_BLOCKED, proxied=True),
        summary="{provider} does not serve the region your proxy's exit is in: the request went "
        "through {proxy_where}, so the provider saw the proxy's address, not yours.",
        explanation=(
            "The provider blocks requests by the location of the network address they come "
            "from. Through a proxy, that address is the proxy's exit (the node it connects "
            "out from), or that of a relay's server when the host is a relay; a proxy app "
            "whose rules send this host direct shows your own. The key and account are "
            "fine; another node, in a country the provider serves, fixes it. Check the "
            "provider's list of supported countries: some nearby regions are not on it."
        ),
        steps=("Switch the proxy to a node in a country {provider} serves, then resend.",
               _OTHER_PROVIDER_STEP),
        fixes=(FixSpec("Send requests through another proxy, in a country {provider} serves",
                       "unsafe", variable="gptel-proxy", ask="proxy"),
               ASK_BACKEND),
        next_step=("Switch the proxy to a node in a country {provider} serves, then resend.",),
        docs=(*_REGION_PAGES, "https://www.anthropic.com/supported-countries"),
        examples=(
            Example(
                error=_REGION_REFUSED,
                backend={"kind": "openai", "host": "api.openai.com"},
                request={"proxy": True, "proxy_host": "127.0.0.1:7890"},
                source="https://github.com/continuedev/continue/issues/11449",
            ),
        ),
    ),
    Rule(
        code="PERM004",
        name="anthropic-request-not-allowed",
        category="auth.permission",
        # Anthropic's edge answers a 403 {"type": "forbidden", "message": "Request not
        # allowed"} with no word of why; in reports it is nearly always a network in a region
        # Anthropic does not serve (China, Hong Kong), fixed by a proxy elsewhere.
        when=match(provider="anthropic", http=(403, None),
                   text=r"(?m)^\W*request not allowed\W*$"
                   r"|\bforbidden\W+request not allowed\b|\"request not allowed\""),
        summary="Anthropic refused the request (HTTP 403 \"Request not allowed\") without saying "
        "why: most often the network is in a region Anthropic does not serve.",
        explanation=(
            "This 403 comes from Anthropic's edge before the key or the model is looked at. "
            "In the reports that found a cause, the request left from a country or region "
            "Anthropic does not serve, and a proxy or VPN elsewhere fixed it; a client that "
            "sent the request to Claude by mistake (another provider meant) meets it too."
        ),
        steps=(_PROXY_STEP,
               "Check that this backend is the one you meant to use (M-x gptel-menu).",
               "Or switch to a provider available where you are."),
        fixes=(ASK_PROXY, ASK_BACKEND),
        docs=("https://www.anthropic.com/supported-countries",),
        examples=(
            Example(
                error={"status": "HTTP/2 403", "http_status": "403", "error": {
                    "type": "error", "error": {"type": "forbidden",
                                               "message": "Request not allowed"}}},
                backend={"kind": "anthropic", "host": "api.anthropic.com"},
                source="https://github.com/anthropics/claude-code/issues/453",
            ),
        ),
    ),
    Rule(
        code="PERM006",
        name="relay-serves-one-client-only",
        category="auth.permission",
        # A relay that resells Claude subscriptions and refuses any client but the Claude
        # Code CLI (Cubence, passed on by claude-code-hub as a 500 "bad_share"): the key and
        # the model are fine; gptel is not the client it allows.
        when=match(text=r"non-claude code (?:cli )?client"
                   # sub2api's group restriction: "this group only allows Claude Code clients",
                   # and its account's: "This account only allows Codex official clients".
                   r"|only allows (?:claude code|codex official) clients"
                   # OpenCode Go, for a request without its clients' session header ("Request
                   # is missing x-opencode-session ... where-can-i-use-it"): LABELING.md,
                   # "two readings settled after batch eo".
                   r"|missing x-opencode-session"),
        # The host, not the provider: a relay given kind anthropic is not Anthropic.
        summary="{host} serves only one coding tool's own client (Claude Code, Codex or "
        "OpenCode): it refused gptel's request as coming from another client.",
        explanation=(
            "Some relays and plans resell a coding tool's subscription (Claude Code, Codex, "
            "OpenCode Go) and check "
            "that each request comes from that tool; anything else, gptel included, is refused "
            "whatever the key and model. No gptel setting changes that: what works is a key "
            "meant for API use (the provider's own, or a relay that allows other clients)."
        ),
        steps=("Ask the relay whether it offers keys for API use from other clients.",
               "Or switch to a backend with an API key (M-x gptel-menu)."),
        fixes=(ASK_BACKEND,),
        next_step=("Switch to a backend whose key allows API use from any client.",),
        docs=("https://github.com/ding113/claude-code-hub/issues/200",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 500 Internal Server Error", "http_status": "500",
                       "error": {"message": "请求目标分享错误", "type": "bad_share",
                                 "upstream_error": {"error": {
                                     "message": "you appear to be making a request using a "
                                     "non-Claude code cli client, which is prohibited",
                                     "type": "invalid_request_error"}, "type": "error"}}},
                backend={"kind": "anthropic", "host": "api-dmit.cubence.com"},
                source="https://github.com/ding113/claude-code-hub/issues/200",
            ),
        ),
    ),
    Rule(
        code="PERM005",
        name="account-disabled",
        category="auth.permission",
        # The provider has barred the account or organization itself: OpenAI's
        # access_terminated, Anthropic's "This organization has been disabled.", Kimi Code's
        # "Access terminated. Review our Community Guidelines".  Not Kimi's access_terminated
        # for a client it does not serve ("only available for Coding Agents"): PERM002's.
        when=match(text=ACCOUNT_DISABLED + r"|^\W*access terminated\. review our",
                   not_text=r"only available for"),
        summary="{provider} has disabled this account (HTTP {status}): no key or setting of "
        "this account will work.",
        explanation=(
            "The key is known, but the provider has suspended or terminated the account or "
            "organization it belongs to, usually for a breach of its usage policies. Every "
            "request from this account fails the same way until the provider restores it; "
            "the provider's email says why and how to appeal."
        ),
        steps=("Read the provider's email to the account's owner about the suspension, and "
               "appeal through its support if it is a mistake.",
               "Meanwhile, switch gptel to another backend (M-x gptel-menu)."),
        fixes=(ASK_BACKEND,),
        next_step=("Read the provider's email about the account, or switch backend (M-x "
                   "gptel-menu).",),
        docs=("https://platform.openai.com/docs/guides/error-codes/api-errors",),
        examples=(
            Example(
                error={"status": "HTTP/2 401", "http_status": "401", "error": {"error": {
                    "message": "Your access was terminated due to violation of our policies, "
                    "please check your email for more information. If you believe this is in "
                    "error and would like to appeal, please contact support@openai.com.",
                    "type": "access_terminated", "param": None, "code": None}}},
                backend={"kind": "openai", "host": "api.openai.com"},
                source="https://github.com/ztjhz/BetterChatGPT/issues/105",
            ),
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "type": "error", "error": {"type": "invalid_request_error",
                                               "message": "This organization has been "
                                               "disabled."}}},
                backend={"kind": "anthropic", "host": "api.anthropic.com"},
                source="https://juejin.cn/post/7604685644684279860",
            ),
        ),
    ),
    Rule(
        code="PERM003",
        name="origin-not-allowed",
        category="auth.permission",
        # A browser's CORS check, or the provider's own refusal of a browser's origin: the
        # server will not answer pages from that origin (Ollama allows only those in
        # OLLAMA_ORIGINS).  gptel sends no Origin; this is a browser or app client's failure.
        when=match(text=r"blocked by cors policy|no 'access-control-allow-origin'"
                   # A header the preflight did not allow ("Request header field X is not
                   # allowed by Access-Control-Allow-Headers in preflight response"), with
                   # or without its last words.
                   r"|is not allowed by access-control-allow-headers"
                   # Safari (WebKit): "Fetch API cannot load URL due to access control checks."
                   r"|due to access control checks"
                   # Firefox: "Cross-Origin Request Blocked: The Same Origin Policy disallows
                   # reading the remote resource at URL. (Reason: CORS header ... missing)".
                   # Not its "(Reason: CORS request did not succeed). Status code: (null)":
                   # no HTTP answer came at all, so no origin was refused.
                   r"|cross-origin request blocked(?!.{0,300}cors request did not succeed)"
                   r"|reason: cors (header|request(?! did not succeed))"
                   # A server's log of a browser's preflight it did not expect (LM Studio:
                   # "Received request: OPTIONS to /v1/models", then an error).
                   r"|received request: options to\b"
                   r"|cors requests (?:must set|are not allowed)"
                   # Anthropic's header for calls from a browser, named in its refusal (a
                   # Chrome extension's "CORS header 'anthropic-dangerous-direct-browser-
                   # access' header": 8r4qrb7kh2-lgtm/cle-allergy-aware); not the header's
                   # name in a log of headers sent.
                   r"|cors header\W{0,3}anthropic-dangerous-direct-browser-access"
                   # A client telling the user to allow its origin in Ollama.
                   r"|\bset ollama_origins\b"),
        summary="{host} does not accept requests from the page or app that sent this one (a "
        "browser's CORS check).",
        explanation=(
            "A browser, a browser extension or an app built on one asked the server first "
            "whether its origin may call it, and the answer was no. The key and the model "
            "are not in question. Ollama answers only the origins in OLLAMA_ORIGINS; "
            "Anthropic wants a header that allows calls from a browser; other servers have "
            "an allow-list. gptel calls from Emacs through curl or url.el and is not "
            "subject to this check."
        ),
        steps=("For Ollama, set OLLAMA_ORIGINS before the server starts, e.g. "
               "OLLAMA_ORIGINS=\"chrome-extension://*,app://obsidian.md\".",
               "Elsewhere, allow the origin in the server's or gateway's settings, or call "
               "from a client that does not run in a browser (gptel does not)."),
        next_step=("Allow the page's origin on the server (for Ollama: OLLAMA_ORIGINS).",),
        docs=("https://github.com/ollama/ollama/blob/main/docs/faq.md"
              "#how-can-i-allow-additional-web-origins-to-access-ollama",),
        examples=(
            Example(
                error={"http_status": "403", "error": (
                    "Access to fetch at 'http://127.0.0.1:11434/api/chat' from origin "
                    "'app://obsidian.md' has been blocked by CORS policy: Response to "
                    "preflight request doesn't pass access control check: No "
                    "'Access-Control-Allow-Origin' header is present on the requested "
                    "resource.")},
                backend={"kind": "ollama", "host": "127.0.0.1:11434"},
                source="https://github.com/logancyang/obsidian-copilot/issues/333",
            ),
        ),
    ),
    Rule(
        code="PERM002",
        name="no-permission",
        category="auth.permission",
        when=(
            match(codes=("permission_denied", "permission_error", "accessdeniedexception",
                         "request_forbidden", "permissiondenied"),
                  not_text=f"{_KEY_MISSING}|{_KEY_DEAD}"),
            # Azure's RBAC: "The principal ... lacks the required data action ...".
            match(text=r"lacks the required data action"),
            # xAI's permission-denied in its words, without its 403 (a relay passing it on):
            # "Access to the chat endpoint is denied. Please ensure you're using the correct
            # credentials ... update the permissions".
            match(text=r"access to the chat endpoint is denied"),
            match(text=_ORG_REFUSES_SIGN_IN),
            # A proxy's or relay's own list of the models it lets through (WindsurfAPI's
            # model_blocked: "模型 X 不在允許清單中"): the model exists, this service will not
            # pass it on (LABELING, stop 52: a key whose own list leaves the model out).
            match(codes=("model_blocked",)),
            match(text=KEY_LEAVES_MODEL_OUT),
            match(text=r"不在(?:允许|允許)(?:清单|清單|列表)中"
                  r"|\bnot in the (?:model )?allow ?list\b"),
            # Hugging Face's router, for a login or token that may not bill an organization:
            # "This authentication method does not have sufficient permissions to call
            # Inference Providers on behalf of org huggingface".
            match(text=r"does not have sufficient permissions to call"),
            # Codex, for an account its cyber-safety check flagged: "Your account was flagged
            # for potentially high-risk cyber activity and this request was routed to gpt-5.2
            # as a fallback. To regain access to gpt-5.3-codex, apply for trusted access"
            # (the account's access to the model, not this prompt).
            match(text=r"request was\s+routed to \S+ as a fallback"),
            # Hugging Face, for a gated model the token has not been granted: "You are trying
            # to access a gated repo. Make sure to request access at ...".
            match(text=r"trying to access a gated repo"),
            match(text=_MODEL_UNAUTHORIZED + r"|\bmodel_unauthorized_access\b"),
            # An OpenAI project whose settings (or the organization's tier) do not allow the
            # model: the key and the model are fine, the project may not use it.
            match(text=PROJECT_NO_MODEL_ACCESS),
            # curl's exit 9 is "FTP access denied": plz reports it for a cancelled request.
            match(text=_NO_PERMISSION,
                  not_text=f"{_KEY_MISSING}|{_KEY_DEAD}|{REGION_BLOCKED}"
                  r"|ftp access denied"),
            match(http=401, text=r"permission is required|requires? the .{0,30}(permission|scope)"
                  r"|account type is not (currently )?supported|" + _FEATURE_OFF),
        ),
        summary="{provider} accepted the key but will not let it do this (HTTP {status}): the "
        "model or feature is not enabled for the account.",
        explanation=(
            "The key works, but the account, organization or project lacks permission for "
            "this model or API: model access not granted (Bedrock), an organization that must "
            "be verified, a higher tier required, an API not enabled in the cloud project, or "
            "an account restriction."
        ),
        steps=("Check the account's model access and settings at {keys_url}.",
               "Or choose a model this account may use (M-x gptel-menu)."),
        # A key of another project or account that has the access is a remedy too.
        fixes=(ASK_BACKEND, ASK_MODEL, ASK_KEY),
        docs=("https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html",),
        examples=(
            Example(
                error={"status": "HTTP/1.1 403 Forbidden", "http_status": "403",
                       "error": "You don't have access to the model with the specified model "
                       "ID."},
                backend={"kind": "bedrock", "host": "bedrock-runtime.us-east-1.amazonaws.com"},
                source="https://github.com/andrewyng/aisuite/issues/174",
            ),
        ),
    ),
    Rule(
        code="AUTH005",
        name="old-gptel-sends-key-newline",
        category="auth.invalid_key",
        when=(
            match(key_has_whitespace=True, key_trimmed=False, http=(400, 401, 403)),
            match(key_has_whitespace=True, key_trimmed=False,
                  text=r"could not parse the json body|must provide a model"
                  r"|malformed|invalid header|api key"),
        ),
        summary="gptel {gptel_version} sends the key with the whitespace around it, which "
        "breaks the request; gptel 0.9.7 and later trim a trailing newline.",
        explanation=(
            "The key ends (or starts) with whitespace, typically the newline at the end of a "
            "key file or a command's output. gptel before 0.9.7 sends it as it is, and in an "
            "HTTP header a newline ends the header early. Since 0.9.7 gptel trims trailing "
            "newlines from a :key string or function; spaces and tabs are still sent."
        ),
        steps=("Upgrade gptel (M-x package-upgrade RET gptel).",
               "Or trim the key where it comes from: (string-trim ...) in a :key function."),
        next_step=("Upgrade gptel, or remove the whitespace from the key in {key_where}.",),
        fixes=(FixSpec("Upgrade gptel", "display-only",
                       command="M-x package-upgrade RET gptel"), ASK_KEY),
        docs=("https://github.com/karthink/gptel/issues/480",),
        examples=(
            Example(
                error={"status": "HTTP/2 400", "http_status": "400", "error": {
                    "message": "We could not parse the JSON body of your request.",
                    "type": "invalid_request_error"}},
                backend={"kind": "openai", "host": "api.openai.com", "has_key": True,
                         "key_has_whitespace": True, "key_source": "function"},
                request={"gptel_version": "0.9.6"},
                source="https://github.com/karthink/gptel/issues/480",
            ),
        ),
    ),
    Rule(
        code="AUTH006",
        name="key-of-another-provider",
        category="auth.invalid_key",
        when=(
            match(foreign_key=True, http=(400, 401, 403)),
            match(foreign_key=True, text=_KEY_WRONG),
        ),
        summary="The key gptel sends to {provider} looks like one of {key_provider}'s keys: "
        "each provider accepts only its own keys.",
        explanation=(
            "The key's prefix is the one {key_provider} gives its keys, and {provider} "
            "refuses keys it did not issue. This happens when several backends share one "
            ":key or gptel-api-key, or when an auth-source entry for another host is picked up."
        ),
        steps=("Put {provider}'s key in {key_where}.",
               "Create one at {keys_url} if you have none."),
        next_step=("Put {provider}'s key in {key_where}.",
                   "Put this provider's own key in {key_where}."),
        # Or the key is right and the backend is not: the provider the key belongs to.
        fixes=(GET_KEY, ASK_KEY, ASK_BACKEND),
        docs=("https://github.com/karthink/gptel#usage",),
        examples=(
            Example(
                error={"status": "HTTP/2 401", "http_status": "401", "error": {
                    "message": "Incorrect API key provided: sk-ant-a************. You can "
                    "find your API key at https://platform.openai.com/account/api-keys.",
                    "type": "invalid_request_error", "param": None,
                    "code": "invalid_api_key"}},
                backend={"kind": "openai", "host": "api.openai.com", "has_key": True,
                         "key_shape": "anthropic", "key_source": "gptel-api-key"},
                source="https://platform.openai.com/docs/guides/error-codes/api-errors",
            ),
        ),
    ),
)
