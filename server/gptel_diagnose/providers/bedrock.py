"""AWS Bedrock: signed (or bearer-token) requests to a regional runtime host."""

from __future__ import annotations

from .record import Code, Provider

DOCS = "https://docs.aws.amazon.com/bedrock/latest/userguide/troubleshooting-api-error-codes.html"
RUNTIME_NOT_FOUND = ("https://docs.aws.amazon.com/botocore/latest/reference/services/"
                     "bedrock-runtime/client/exceptions/ResourceNotFoundException.html")

# The exception's name travels in the x-amzn-ErrorType header or in the SDK's text, not in a
# body field, so each code is its name found in the text.
RECORD = Provider(
    kind="bedrock",
    name="AWS Bedrock",
    hosts=r"bedrock.*\.amazonaws\.com$",
    key_env="AWS_BEARER_TOKEN_BEDROCK",
    keys_url="https://console.aws.amazon.com/iam/",
    status_url="https://health.aws.amazon.com/",
    errors_url=DOCS,
    codes=(
        Code("", "auth.permission",
             "The IAM user or role lacks permission for the action, or its temporary "
             "credentials expired.",
             "IAM 用户或角色没有执行该操作的权限,或其临时凭据已过期。", DOCS,
             text=r"accessdeniedexception", rule="PERM002",
             # Kiro's "AccessDeniedException: The bearer token included in the request is
             # invalid.": the token itself is refused, as for UnrecognizedClientException.
             unless=r"token included in the request is (invalid|expired)"),
        Code("", "auth.invalid_key",
             "The access key ID does not exist in AWS's records.",
             "该访问密钥 ID 在 AWS 中不存在。", DOCS,
             text=r"invalidclienttokenid"),
        Code("", "auth.invalid_key",
             "The request signature does not conform to AWS standards.",
             "请求签名不符合 AWS 标准。", DOCS,
             text=r"incompletesignature"),
        Code("", "auth.permission",
             "The model's use-case details have not been submitted for this account.",
             "该账户尚未提交模型的用例详情表单。", DOCS,
             text=r"ftuformnotfilled"),
        Code("", "rate_limit",
             "The account exceeded its request or token rate for the model; back off.",
             "账户超出了该模型的请求或 token 速率限制;请退避后重试。", DOCS,
             text=r"throttlingexception", rule="RATE001",
             # Amazon Q's monthly allowance, sent as the same exception: "Maximum
             # ...GenerateAssistantResponse reached for this month" (BIL001).
             unless=r"reached for this month"),
        Code("", "rate_limit",
             "The request exceeds the account's service quota.",
             "请求超出了账户的服务配额。", DOCS,
             text=r"servicequotaexceededexception"),
        # A ValidationException that is not about the input: the account may not invoke models
        # yet (AWS's answer in aws-cli#8717, "a permissions error"; "an issue with the
        # account"), or not in this region.
        # SigV4's answer to a signature it computes otherwise: with a curl new enough to sign
        # Bedrock's paths (else CONF005 says so first), a wrong secret access key.
        Code("", "auth.invalid_key",
             "The request's signature does not match the one AWS computes: usually a secret "
             "access key that is wrong for this access key id.",
             "请求的签名与 AWS 算出的不一致：通常是这个访问密钥 ID 对应的秘密访问密钥不对。",
             "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html",
             text=r"signature we calculated does not match|signaturedoesnotmatch"),
        Code("", "auth.permission",
             "The account may not invoke models here yet: its Bedrock access (model access, "
             "account verification or the region) is not granted.",
             "该账户还不能在此调用模型：Bedrock 的访问权限（模型访问、账户验证或区域）尚未开通。",
             "https://github.com/aws/aws-cli/issues/8717",
             text=r"validationexception.{0,120}(operation not allowed"
             r"|account is not authorized to invoke this api operation)"),
        # The model id is the field that failed ("Value 'anthropic.claude-v2:1:200k' at
        # 'modelId' failed to satisfy constraint"): an id not in the form Bedrock takes.
        Code("", "model.not_found",
             "The model id is not in a form Bedrock takes here (a foundation model id, an "
             "inference profile or an ARN).",
             "模型 ID 的形式 Bedrock 不接受（应为基础模型 ID、推理配置文件或 ARN）。", DOCS,
             text=r"at 'modelid' failed to satisfy constraint"),
        # Before the ValidationException it comes in: "(ValidationException) when calling
        # the InvokeModel operation: The requested operation is not recognized by the
        # service" was a runtime call sent to bedrock.REGION (aws-genai-llm-chatbot#246).
        Code("", "endpoint.wrong",
             "The action or operation asked for is not one this endpoint has: a call sent to "
             "the wrong Bedrock host (bedrock rather than bedrock-runtime) or a misspelt action.",
             "请求的操作在该端点上不存在:请求发到了错误的 Bedrock 主机(bedrock 而非 "
             "bedrock-runtime),或操作名拼写有误。", DOCS,
             text=r"invalidaction|unknownoperationexception"
             r"|operation is not recognized by the service"),
        # The code with no message after it ("An error occurred (ValidationException) when
        # calling the InvokeModel operation."): which constraint failed is not said, so the
        # reading is likely, not certain (langchain-ai/langchain#17170).
        Code("", "request.invalid_parameter",
             "The input fails a constraint Bedrock specifies, but the answer does not say "
             "which (the model id, a parameter or the size): read the full answer to know.",
             "输入不满足 Bedrock 的某项约束，但回答没有说是哪一项(模型 ID、参数或大小)："
             "要看完整的回答才能确定。", DOCS,
             text=r"\(validationexception\) when calling the \w+ operation(?!\s*:)", sure=False),
        Code("", "request.invalid_parameter",
             "The input fails the constraints Bedrock specifies (model id, parameters, size).",
             "输入不满足 Bedrock 的约束(模型 ID、参数或大小)。", DOCS,
             text=r"validationexception",
             # Anthropic's words for a Text Completions body sent to a Messages-only model
             # ("\"claude-3-sonnet-20240229\" is not supported on this API. Please use the
             # Messages API instead."): the API asked for, as ENDP001 says.
             unless=r"not supported on this api\. please use the messages api"),
        Code("", "model.not_found",
             "The resource the request names was not found: a model id or ARN that is wrong "
             "or not offered in this region.",
             "请求所指的资源不存在:模型 ID 或 ARN 有误,或该区域不提供此模型。", RUNTIME_NOT_FOUND,
             text=r"resourcenotfoundexception"),
        Code("", "network.timeout",
             "The model took too long to answer.",
             "模型响应时间过长。", DOCS,
             text=r"modeltimeoutexception"),
        Code("", "server.overloaded",
             "The model is not ready to serve requests yet; retry.",
             "模型尚未准备好处理请求;请重试。", DOCS,
             text=r"modelnotreadyexception"),
        Code("", "server.overloaded",
             "The service is temporarily unavailable; retry.",
             "服务暂时不可用;请重试。", DOCS,
             text=r"serviceunavailableexception"),
        Code("", "server.overloaded",
             "The request failed on AWS's side; retry with backoff.",
             "请求在 AWS 端处理失败;请退避后重试。", DOCS,
             text=r"internalfailure|internalserverexception"
             # Its words when the exception's name is not shown (a stream's error event).
             r"|encountered an unexpected error during processing"),
    ),
)
