"""Simplified Chinese catalogue, keyed by rule code.  Placeholders are the English ones.

Each entry has the rule's summary, explanation, steps (as many as in English) and fix titles
(as many as in English); tests/python/test_catalogue.py checks that nothing is missing and
that every placeholder of the English text is kept.
"""

from __future__ import annotations

SHARED: dict[str, str] = {
    "wait_clause": "请等待 {wait} 后重新发送。",
}

_ADD_CREDIT = "为 API 账户充值"
_SWITCH = "暂时换用其他后端或模型（M-x gptel-menu）"
_LOG_RESPONSES = "把原始通信记录到 *gptel-log*（其中会包含你的密钥），然后重新发送"
_LOG_ALL = "把请求和响应记录到 *gptel-log*，然后重新发送"
_STATUS = "查看服务方的状态页"
_PICK_MODEL = "换一个模型（M-x gptel-menu，然后按 -m）"
_VALID_KEY = "创建或复制一个有效的密钥"
_URL_RETRIEVE = "改用 Emacs 自带的 url-retrieve 代替 curl"

_AUTH_STEPS = [
    "检查 gptel 发送的是哪个密钥：后端的 :key、gptel-api-key，或 ~/.authinfo(.gpg) 中的 "
    "`machine {host} login apikey password KEY` 条目。",
    "与 {keys_url} 上的有效密钥核对；密钥按服务方区分，有的还按项目或地区区分。",
    "确认密钥前后没有多余的换行或空格（从文件或命令读取密钥的函数常会带上换行）。",
]
_BILLING_STEPS = [
    "打开 {billing_url}，查看拥有此密钥的账户、组织或项目的余额。",
    "充值或添加付款方式，或提高消费上限。",
    "在此之前，可以用 M-x gptel-menu 把 gptel 切换到其他后端或模型。",
]

RULES: dict[str, dict[str, str | list[str]]] = {
    "BIL001": {
        "summary": "你的 {provider} API 账户余额已用完（insufficient_quota），这不是限流："
        "API 计费与 ChatGPT 订阅相互独立，请为 API 充值。",
        "explanation": "{provider} 返回了 HTTP {status} 和 insufficient_quota。状态码与限流相同，"
        "含义却不同：此密钥所属的 API 账户没有预付余额、没有付款方式，或已达到每月消费上限。"
        "等待后重新发送仍会以同样方式失败。\n\nAPI 与 ChatGPT 分开计费：ChatGPT Plus、Pro 或 "
        "Team 订阅不包含 API 额度，新账户也不再赠送试用额度。",
        "steps": [
            "打开 {billing_url}，查看拥有此密钥的组织和项目的余额。",
            "充值（或添加付款方式），或在 {usage_url} 提高每月预算。",
            "充值后可能要过几分钟才生效；如果仍然失败，请在同一项目中新建一个密钥。",
            "在此之前，可以用 M-x gptel-menu 把 gptel 切换到其他后端。",
        ],
        "fixes": [_ADD_CREDIT, _SWITCH],
    },
    "BIL002": {
        "summary": "你的 Anthropic 余额不足：请在 Console（Plans & Billing）充值。Claude.ai "
        "订阅不包含 API 费用。",
        "explanation": "当 API 账户的预付余额用完时，Anthropic 会拒绝请求（返回 HTTP {status}，"
        "而不是 402）。Claude Pro 或 Max 订阅与 API 额度是分开的。",
        "steps": _BILLING_STEPS,
        "fixes": [_ADD_CREDIT, _SWITCH],
    },
    "BIL003": {
        "summary": "{provider} 无法为本次请求的最大输出预留足够额度：请充值，或调低 "
        "gptel-max-tokens。",
        "explanation": "在执行请求前，{provider} 会按可能生成的最长回答（max_tokens；gptel 未发送时"
        "按模型默认值）预留额度。你的余额或此密钥的额度上限不足以覆盖。调小 gptel-max-tokens "
        "可以用剩余额度完成请求；充值才能彻底解决。",
        "steps": [
            "在 {billing_url} 充值，或提高此密钥的额度上限。",
            "或者限制回答长度：(setq gptel-max-tokens 1000)。",
        ],
        "fixes": ["把回答限制在 1000 个 token 以内", _ADD_CREDIT],
    },
    "BIL004": {
        "summary": "此 {provider} 密钥已达到它自己的额度上限：请提高该密钥的上限，或换用其他密钥。",
        "explanation": "{provider} 允许给每个 API 密钥单独设置消费上限。即使账户还有余额，"
        "此密钥的上限也已用完（或对本次请求来说太低）。",
        "steps": ["在 {keys_url} 提高该密钥的上限，或新建一个不设上限的密钥。"],
        "fixes": ["管理该密钥的上限"],
    },
    "BIL005": {
        "summary": "你的 {provider} 账户已没有余额（或达到消费上限）：请充值；等待无济于事。",
        "explanation": "{provider} 拒绝了请求，因为账户无法支付：预付余额已用完、已达到消费上限，"
        "或未设置付款方式。这不是限流：在充值之前，稍后重新发送也会同样失败。",
        "steps": _BILLING_STEPS,
        "fixes": [_ADD_CREDIT, _SWITCH],
    },
    "RATE001": {
        "summary": "被 {provider} 限流：每分钟的请求数或 token 数过多，这不是计费问题。"
        "{wait_clause}",
        "explanation": "{provider} 返回了 HTTP {status}：此密钥在过去一分钟内发送的请求或 token "
        "超过了其等级的限额。限额会在一分钟内自动恢复；账户本身正常，也有余额。",
        "steps": [
            "等待服务方给出的时间（或大约一分钟）后重新发送。",
            "如果经常发生，请减少上下文（gptel 上下文中的缓冲区更少或更短），或在 {usage_url} "
            "申请更高的等级。",
        ],
        "fixes": ["等待后重新发送", "查看你的限额和等级"],
    },
    "RATE002": {
        "summary": "已达到此密钥或模型的 {provider} 用量上限（每日、每小时或每个会话的额度）："
        "它会随时间重置。{wait_clause}",
        "explanation": "{provider} 返回了 HTTP {status}：按比一分钟更长的时间窗口计算的上限"
        "（每日请求数或 token 数、免费层的每日额度、每小时或每周的用量上限）已经用完。与每分钟"
        "限额不同，在窗口重置之前很快重新发送仍会失败；付费等级或充值通常会提高上限。",
        "steps": [
            "等待重置，或先切换到其他模型或后端（M-x gptel-menu）。",
            "付费等级或充值通常会提高或取消这些上限：见 {usage_url}。",
        ],
        "fixes": [_SWITCH, "查看你的限额"],
    },
    "RATE003": {
        "summary": "达到了 Gemini 每分钟配额（这里的 \"exceeded your current quota\" 指免费层限流，"
        "不是计费问题）。{wait_clause}",
        "explanation": "Gemini 返回了 HTTP 429 RESOURCE_EXHAUSTED。尽管措辞提到 \"quota\" 和 "
        "\"billing details\"，这其实是限流：免费层（或你的等级）对此模型每分钟只允许一定数量的"
        "请求或 token，回复中给出了等待时间（retryDelay）。为 Google Cloud 项目启用计费可以"
        "提高限额。",
        "steps": [
            "等待给出的时间后重新发送。",
            "如需更高限额，在 AI Studio 中为项目关联计费账户（{billing_url}）。",
        ],
        "fixes": ["等待后重新发送", "查看你的配额和等级"],
    },
    "RATE004": {
        "summary": "此模型的 Gemini 每日配额已用完（免费层每日请求数）：它在太平洋时间午夜重置，"
        "在此之前请换用其他模型。",
        "explanation": "Gemini 因每日配额（quotaId 以 PerDay 结尾）返回了 HTTP 429 "
        "RESOURCE_EXHAUSTED。今天再对此模型发送请求仍会失败；其他模型有各自的每日配额，"
        "启用计费可以提高限额。",
        "steps": ["在重置前切换到其他 Gemini 模型或后端（M-x gptel-menu）。",
                  "或为项目关联计费以获得更高限额（{billing_url}）。"],
        "fixes": [_SWITCH],
    },
    "RATE005": {
        "summary": "模型的上游服务方正在对 {provider} 的共享资源池限流（你的密钥没有问题）："
        "请稍后重试，或换用其他服务方或模型。",
        "explanation": "{provider} 把请求转发给了上游服务方，而上游正在对共用此线路的所有人限流"
        "（免费模型版本常见）。你自己的账户没有问题。",
        "steps": ["过一会儿重新发送。",
                  "使用该模型的付费版本、其他模型，或你自己的上游密钥。"],
        "fixes": [_SWITCH],
    },
    "CTX002": {
        "summary": "这一个请求就超过了 {provider} 每分钟 token 限额：等待无济于事；请减少上下文"
        "或调低 gptel-max-tokens。",
        "explanation": "{provider} 返回了 HTTP {status} 和限流代码，但消息表明这一个请求本身所需"
        "的 token 就超过了此密钥每分钟可用的数量。原样重新发送永远会失败；必须缩小请求，或提高"
        "等级。",
        "steps": [
            "少发一些：从 gptel 的上下文中移除缓冲区或文件，或新开一个聊天缓冲区。",
            "如果 gptel-max-tokens 设得很大，请调低：请求的输出长度也计算在内。",
            "或在 {usage_url} 提高账户等级。",
        ],
        "fixes": ["让模型自行决定输出长度"],
    },
    "CTX001": {
        "summary": "对话长度超出了 {model} 能接受的范围：请新开聊天或减少上下文；等待无济于事。",
        "explanation": "gptel 发送的提示（聊天中光标之前的整个缓冲区，加上系统消息、gptel 的上下文"
        "和工具结果）连同为回答预留的空间，超过了模型的上下文窗口；对于本地模型，则是超过了"
        "服务器启动时设置的上下文大小。",
        "steps": [
            "新开一个聊天缓冲区，或缩小缓冲区范围（gptel 发送光标之前的文本或选区）。",
            "从 gptel 的上下文中移除大文件和缓冲区（M-x gptel-menu 中的上下文部分）。",
            "如果 gptel-max-tokens 很大，请调低：预留的回答长度也计算在内。",
            "对于本地服务器，以更大的上下文重启（Ollama：在 :request-params 中设置 num_ctx；"
            "llama.cpp：-c；LM Studio：模型的上下文长度）。",
        ],
        "fixes": ["让模型自行决定回答长度"],
    },
    "AUTH001": {
        "summary": "{provider} 拒绝了 API 密钥（HTTP {status}）：密钥错误、已撤销，或属于其他"
        "服务方或端点。",
        "explanation": "{provider} 不接受 gptel 发送的密钥。常见原因：输入错误或旧的已撤销密钥；"
        "其他服务方的密钥（把 OpenAI 密钥发给 Azure 或 OpenRouter）；从错误的 auth-source 条目"
        "读取了密钥；或密钥前后有多余空白。",
        "steps": _AUTH_STEPS,
        "fixes": [_VALID_KEY],
    },
    "AUTH002": {
        "summary": "没有 API 密钥到达 {provider}：请为后端提供密钥（:key、gptel-api-key，或 "
        "{host} 在 ~/.authinfo 中的条目）。",
        "explanation": "请求发出时没有带密钥，或 gptel 没有找到密钥。使用 `:key 'gptel-api-key` "
        "时，gptel 会在 ~/.authinfo 中按后端主机查找；没有匹配的条目时，它会在发送前停止。"
        "用 gptel-make-openai 创建且没有 :key 的后端根本不发送 Authorization 头。",
        "steps": [
            "为后端提供密钥：`:key \"KEY\"`、`:key #'my-key-function`，或 auth-source 中的一行 "
            "`machine {host} login apikey password KEY`。",
            "在 {keys_url} 获取密钥。",
        ],
        "fixes": ["创建一个密钥"],
    },
    "AUTH003": {
        "summary": "你的 API 密钥末尾带有换行或空格，这会破坏请求：请在密钥来源处去掉它"
        "（string-trim）。",
        "explanation": "gptel 为此后端发送的密钥以空白开头或结尾，通常是密钥文件或命令输出末尾的"
        "换行。在 HTTP 头中，换行会提前结束该头，于是服务方看到的是损坏的密钥或损坏的请求，"
        "并返回误导性的错误。",
        "steps": ["去掉空白：在 :key 函数中返回 (string-trim ...)；在 ~/.authinfo 中确认密码后面"
                  "没有多余空格。"],
        "fixes": [_VALID_KEY],
    },
    "AUTH004": {
        "summary": "{provider} 拒绝了此端点的密钥：该密钥属于其他资源、地区或产品（例如把 OpenAI "
        "密钥用于 Azure）。",
        "explanation": "密钥在别处有效，但对 gptel 发送到的主机无效：Azure 密钥只属于一个资源和地区，"
        "Mistral 的 Codestral 密钥只能用于 codestral.mistral.ai，OpenAI 密钥不能用于 Azure。",
        "steps": ["使用 {host} 上那个资源的密钥，或把后端的 :host 指向密钥所属的资源。"],
        "fixes": [_VALID_KEY],
    },
    "PERM001": {
        "summary": "{provider} 不为你所在的地区（你的 IP 地址所在的国家）提供服务：请使用受支持的"
        "网络线路，或换用其他服务方。",
        "explanation": "服务方按请求来源网络地址的位置进行封锁。密钥和账户都没有问题；请求必须从"
        "受支持的国家发出（VPN 或代理），或改用其他服务方。",
        "steps": ["让 gptel 通过受支持地区的代理发送请求："
                  "(setq gptel-proxy \"http://HOST:PORT\")（仅 curl 有效）。",
                  "或切换到在你所在地区可用的服务方（M-x gptel-menu）。"],
        "fixes": ["通过代理发送请求（请修改地址）"],
    },
    "PERM002": {
        "summary": "{provider} 接受了密钥，但不允许它执行此操作（HTTP {status}）：账户未开通该"
        "模型或功能。",
        "explanation": "密钥有效，但账户、组织或项目没有此模型或 API 的权限：未获得模型访问权限"
        "（Bedrock）、组织需要验证、需要更高等级、云项目中未启用该 API，或账户受到限制。",
        "steps": ["在 {keys_url} 检查账户的模型访问权限和设置。",
                  "或选择此账户可以使用的模型（M-x gptel-menu）。"],
        "fixes": [_SWITCH],
    },
    "MODEL001": {
        "summary": "{provider} 没有可供此密钥使用的模型 {model}：名称拼错、模型已下线，或你的账户"
        "无权使用。请用 M-x gptel-menu 另选一个。",
        "explanation": "后端返回了 HTTP {status}：gptel 发送的模型名称它不认识，或此密钥无权使用。"
        "\"不存在\" 往往意味着 \"你没有访问权限\"：有些模型需要验证过的组织、付费等级或特定地区；"
        "模型下线时名称也会改变。",
        "steps": [
            "把 gptel 发送的模型名称（gptel-model，或在 M-x gptel-menu 中选的模型）与 "
            "{models_url} 核对。",
            "如果名称正确，检查你的账户或项目是否有权使用它。",
            "对于 Azure，模型名称必须是部署名称。",
        ],
        "fixes": [_PICK_MODEL, "查看此服务方提供的模型"],
    },
    "MODEL002": {
        "summary": "Ollama 中没有模型 {model}：用 `ollama pull {model_arg}` 拉取它，或选择一个已"
        "安装的模型。",
        "explanation": "Ollama 返回了 HTTP {status}：请求中的模型没有安装。Ollama 需要与 "
        "`ollama list` 输出完全一致的名称和标签（例如 llama3.2:latest）。",
        "steps": [
            "运行 `ollama list` 查看已安装的模型。",
            "运行 `ollama pull {model_arg}` 安装它，或把 gptel-model 设为列表中的某个模型"
            "（后端的 :models 也应列出它们）。",
        ],
        "fixes": ["安装该模型"],
    },
    "MODEL003": {
        "summary": "{provider} 已下线 {model}：请用 M-x gptel-menu 换用当前的模型。",
        "explanation": "服务方会按计划下线模型；对已下线名称的请求会失败，尽管它以前能用，"
        "回复中往往会指出替代模型。",
        "steps": ["选择一个当前模型（M-x gptel-menu），并在配置中更新 gptel-model 或后端的 "
                  ":models。",
                  "当前的名称见 {models_url}。"],
        "fixes": [_PICK_MODEL, "查看当前的模型"],
    },
    "MODEL004": {
        "summary": "Azure 中没有名为 {model} 的部署：gptel-model 必须是你的部署名称，而不是 "
        "OpenAI 的模型名称。",
        "explanation": "在 Azure OpenAI 上，URL 中的模型是你在 Azure 门户中创建并命名的部署。"
        "gptel 发送的名称（gptel-model）与此资源的任何部署都不匹配，或者该部署创建还不到几分钟。",
        "steps": ["在 Azure 门户（AI Foundry）中复制部署名称，用作 gptel-make-azure 的 :models "
                  "和 gptel-model 中的模型。",
                  "新建的部署可能需要约 5 分钟才能使用。"],
        "fixes": ["打开 Azure 门户"],
    },
    "MODEL005": {
        "summary": "Bedrock 需要用推理配置文件 ID 调用 {model}：请使用带地区前缀（us.、eu.、apac.）"
        "的 ID，例如 us.anthropic.claude-...",
        "explanation": "AWS Bedrock 上较新的模型不能用裸模型 ID 以按需吞吐量调用；必须通过跨地区"
        "推理配置文件调用，其 ID 带有地区前缀。",
        "steps": ["把推理配置文件 ID（Bedrock 控制台 > Inference profiles）用作 "
                  "gptel-make-bedrock 的 :models 中的模型。"],
        "fixes": ["查看推理配置文件"],
    },
    "MODEL006": {
        "summary": "本地服务器没有加载模型：请加载一个（LM Studio：`lms load MODEL`，或启用即时加载）。",
        "explanation": "LM Studio（以及其他一些本地服务器）只有在模型已加载到内存时才能回答；"
        "请求指定的模型没有加载，或者根本没有加载任何模型。",
        "steps": ["在 LM Studio 的开发者页面加载模型，或运行 `lms load {model_arg}`。",
                  "或在 LM Studio 的服务器设置中开启即时（just-in-time）模型加载。"],
        "fixes": ["加载该模型"],
    },
    "STREAM001": {
        "summary": "{provider} 只对经过验证的组织提供此模型的流式输出：请关闭流式输出，或验证你的组织。",
        "explanation": "{provider} 拒绝了请求，因为它要求流式回答（gptel-stream 已开启），而 "
        "{model} 的流式输出需要经过验证的组织。同样的请求在不流式时可以成功。验证只需在服务方"
        "网站上做一次，大约需要 15 分钟生效。",
        "steps": [
            "关闭流式输出：(setq gptel-stream nil)。回答会一次性到达。",
            "或在 https://platform.openai.com/settings/organization/general 验证组织，等待几分钟，"
            "再重新打开流式输出。",
        ],
        "fixes": ["关闭流式输出", "验证你的组织"],
    },
    "STREAM002": {
        "summary": "{model} 不支持流式输出回答：请为它关闭流式输出。",
        "explanation": "模型拒绝了流式请求（gptel-stream 已开启）。有些模型（通常是推理模型或预览"
        "模型）只能一次性回答。",
        "steps": ["关闭流式输出：(setq gptel-stream nil)，或为后端设置 `:stream nil`。"],
        "fixes": ["关闭流式输出"],
    },
    "PARAM001": {
        "summary": "{model} 不接受 temperature 参数：请停止发送它，(setq gptel-temperature nil)。",
        "explanation": "推理模型（OpenAI o 系列、GPT-5 等）只接受默认的 temperature。gptel 在设置了 "
        "gptel-temperature 时会发送它；设为 nil 则不发送。后端或模型的 :request-params 也可能"
        "设置它。",
        "steps": ["设置 (setq gptel-temperature nil)，或从模型的 :request-params 中删除 "
                  ":temperature。"],
        "fixes": ["不发送 temperature"],
    },
    "PARAM002": {
        "summary": "{model} 需要 max_completion_tokens 而不是 max_tokens：(setq gptel-max-tokens "
        "nil)，或在 :request-params 中设置 :max_completion_tokens。",
        "explanation": "较新的 OpenAI 模型（o 系列、GPT-5）拒绝 max_tokens 参数，而 gptel 在设置了 "
        "gptel-max-tokens 时会发送它。请让 gptel-max-tokens 保持 nil；如需限制长度，请在模型的 "
        ":request-params 中设置 :max_completion_tokens。",
        "steps": ["设置 (setq gptel-max-tokens nil)。",
                  "如需限制回答长度，在后端定义中为模型的 :request-params 加上 "
                  "(:max_completion_tokens 4000)。"],
        "fixes": ["不发送 max_tokens"],
    },
    "PARAM003": {
        "summary": "gptel-max-tokens 超出了 {model} 允许的范围：请调低，或 (setq gptel-max-tokens nil) "
        "让模型自行决定。",
        "explanation": "gptel 请求的回答长度（gptel-max-tokens，或 :request-params 中的 "
        ":max_tokens）超出了此模型接受的范围。",
        "steps": ["设置 (setq gptel-max-tokens nil)，或设为模型限制以内的值。"],
        "fixes": ["让模型自行决定回答长度"],
    },
    "PARAM004": {
        "summary": "{model} 不能使用工具：(setq gptel-use-tools nil)，或选择支持工具调用的模型。",
        "explanation": "gptel 发送了工具定义（gptel-use-tools 已开启且选择了工具），而此模型或服务器"
        "不支持工具调用：许多本地模型不支持，llama.cpp 需要 --jinja 才能使用工具。",
        "steps": ["关闭工具：(setq gptel-use-tools nil)，或在 M-x gptel-menu 中取消选择工具。",
                  "或选择支持工具的模型（Ollama 可用 `ollama show MODEL` 查看）。"],
        "fixes": ["不发送工具"],
    },
    "PARAM005": {
        "summary": "{model} 不能读取图片或文件：请从请求中移除它们，或 (setq gptel-track-media nil)。",
        "explanation": "请求中带有图片或文件（gptel-track-media，或 gptel 上下文中的媒体），而此模型"
        "只接受文本。",
        "steps": ["设置 (setq gptel-track-media nil)，从 gptel 的上下文中移除媒体，或选择支持视觉的"
                  "模型。"],
        "fixes": ["不发送媒体"],
    },
    "PARAM006": {
        "summary": "{provider} 拒绝了 gptel 为 {model} 发送的某个参数：{message}",
        "explanation": "模型不接受请求中的某个参数或取值。gptel 会根据其选项发送 temperature、"
        "max_tokens 和 stream，以及后端或模型 :request-params 中的任何内容。",
        "steps": ["在 :request-params（后端或模型）或设置它的 gptel 选项中找到消息所指的参数，"
                  "并删除它。",
                  "设置 (setq gptel-log-level 'info) 并重新发送，在 *gptel-log* 中查看请求。"],
        "fixes": [_LOG_ALL],
    },
    "PARAM007": {
        "summary": "{provider} 拒绝了 gptel 发送的对话结构：{message}",
        "explanation": "服务方会检查消息的顺序和内容（角色交替、没有空消息、工具调用有对应的工具"
        "结果）。gptel 根据缓冲区构建消息；提示为空、手工编辑过的聊天、不支持系统消息的模型，"
        "或未得到回复的工具调用，都可能产生服务方拒绝的顺序。",
        "steps": ["确认光标之前有文本（gptel 发送光标之前的缓冲区），并且聊天中的提示和回答完整。",
                  "如果工具调用被中断，请新开一个聊天缓冲区。",
                  "设置 (setq gptel-log-level 'info) 并重新发送，查看发送的消息。"],
        "fixes": [_LOG_ALL],
    },
    "PARAM008": {
        "summary": "{provider} 无法读取 gptel 发送的请求。在 gptel 中，这通常意味着 API 密钥末尾"
        "有换行，破坏了请求。",
        "explanation": "服务方说请求体不是有效的 JSON（或缺少它总是包含的字段）。gptel 生成的 JSON "
        "是有效的，所以通常的原因在请求体之外：带有末尾换行的 API 密钥（来自密钥文件、shell 命令"
        "或 pass）会提前结束请求头，请求的其余部分因此被误读。其他原因：提示中含有无效的 UTF-8 "
        "字符，或 gptel 安装损坏。",
        "steps": ["确认密钥末尾没有换行：在密钥函数外包一层 string-trim，或修正它所来自的文件或 "
                  "auth-source 条目。",
                  "设置 (setq gptel-log-level 'debug) 并重新发送：*gptel-log* 会显示请求（其中包含"
                  "密钥：不要未经脱敏就分享该日志）。"],
        "fixes": ["把完整请求记录到 *gptel-log*（其中包含密钥）"],
    },
    "SRV001": {
        "summary": "{provider} 目前过载（HTTP {status}）：你这边没有问题；请一分钟后重试或换用"
        "其他模型。",
        "explanation": "{provider} 返回了 HTTP {status}：它的服务器对所有用户都已满载，并非只针对"
        "你的账户。这通常会在几分钟内自行恢复。你的密钥、余额和设置都没有问题。",
        "steps": ["一分钟后重新发送。",
                  "如果持续发生，查看 {status_url}，或切换到其他模型或后端（M-x gptel-menu）。"],
        "fixes": [_STATUS, _SWITCH],
    },
    "SRV002": {
        "summary": "{provider} 放弃了这个请求（HTTP {status}）：耗时太长；请重试，或减少上下文。",
        "explanation": "{provider} 或其前面的网关不再等待回答。很长的提示、不流式的长回答以及繁忙"
        "时段都更容易导致这种情况。这不是你的密钥或账户的问题。",
        "steps": ["重新发送；如果一直发生，请减少上下文或要求更短的回答。",
                  "保持流式输出开启（gptel-stream t）：流式回答会立即开始到达。"],
        "fixes": [_STATUS],
    },
    "SRV003": {
        "summary": "{provider} 在处理请求时出错（HTTP {status}）：不是你的配置问题；请重试，"
        "如果持续发生请查看 {status_url}。",
        "explanation": "服务方或运行模型的服务器发生了内部错误：崩溃、模型加载失败或内存不足"
        "（本地服务器），或由路由服务转发的上游服务方故障。",
        "steps": ["重新发送；很多此类错误是暂时的。",
                  "对于本地服务器，请查看它的日志：模型可能需要更多内存或更小的上下文。",
                  "如果持续发生，查看 {status_url} 或换用其他模型（M-x gptel-menu）。"],
        "fixes": [_STATUS],
    },
    "NET001": {
        "summary": "无法解析 {host}（curl 6）：请检查网络、DNS 或 VPN，以及后端 :host 的拼写。",
        "explanation": "curl 无法把主机名 {host} 解析为地址，因此请求没有发出。要么本机离线或其 "
        "DNS（或 VPN）没有响应，要么后端的 :host 拼写错误。:host 只接受像 api.openai.com 这样的"
        "纯主机名：不带 https://，也不带路径。",
        "steps": ["检查连接：在终端中运行 `curl -sI https://{host}`。",
                  "检查后端的 :host（M-x describe-variable gptel-backend）。",
                  "在公司网络中可能需要代理：(setq gptel-proxy \"http://proxy:port\")。"],
        "fixes": ["在终端中测试该主机"],
    },
    "NET002": {
        "summary": "{host} 上没有服务在监听（curl 7）：服务器未运行、:host 端口错误，或被防火墙阻止。",
        "explanation": "curl 到达了那台机器，但连接被拒绝：该端口上没有服务器在监听，或防火墙或"
        "缺少的代理阻止了连接。",
        "steps": ["如果是本地服务器，请启动它并检查 :host 中的端口。",
                  "如果是远程服务器，请检查网络，以及是否需要设置 gptel-proxy。"],
        "fixes": ["在终端中测试该主机"],
    },
    "NET003": {
        "summary": "{provider} 没有在 {host} 上运行：请用 `{start_command}` 启动它。",
        "explanation": "到 {host} 的连接被拒绝：那里没有服务在监听。对于本地模型服务器，这几乎总是"
        "意味着它没有启动，或者它监听的端口与后端 :host 中的不同。",
        "steps": ["启动服务器：`{start_command}`。",
                  "确认 :host 中的端口（{host}）就是服务器监听的端口。"],
        "fixes": ["启动服务器"],
    },
    "NET004": {
        "summary": "发往 {host} 的请求超时（curl 28）：网络缓慢或受阻，或模型回答太慢。",
        "explanation": "在规定时间内没有收到完整的回答。gptel 本身要在两小时无响应后才放弃，"
        "所以 curl 超时通常来自 gptel-curl-extra-args 或后端 :curl-args 中的 --max-time 或 "
        "--connect-timeout；对于较慢的本地模型，第一个 token 可能要等几分钟。",
        "steps": ["检查网络，以及是否需要 VPN 或代理。",
                  "如果你在 gptel-curl-extra-args 中设置了 --max-time，请调大它。",
                  "对于较长的回答，保持流式输出开启，让文本边生成边到达。"],
        "fixes": [],
    },
    "NET005": {
        "summary": "与 {host} 的 TLS 握手失败（curl {exit}）：可能是检查 HTTPS 的代理、过旧的 TLS "
        "库，或以 https 访问了纯 HTTP 服务器。",
        "explanation": "curl 已连接，但无法建立加密连接。常见原因：拦截 HTTPS 的公司代理或杀毒软件；"
        "过旧的 curl 或 TLS 库；或本地服务器只支持纯 HTTP，而后端写的是 :protocol \"https\""
        "（本地服务器通常需要 :protocol \"http\"）。",
        "steps": ["对于本地服务器，让后端使用 `:protocol \"http\"`。",
                  "在终端中运行 `curl -v https://{host}` 查看握手过程。",
                  "在公司代理之后，请设置 gptel-proxy，或升级 curl。"],
        "fixes": ["查看握手过程"],
    },
    "NET006": {
        "summary": "curl 不信任 {host} 的证书（curl {exit}）：这是自签名或公司证书；请用 --cacert "
        "添加其 CA。",
        "explanation": "无法用 curl 所知的 CA 证书验证服务器的证书。这会发生在本地服务器使用自签名"
        "证书时、在重新签发 HTTPS 的公司代理之后，或系统的 CA 证书包缺失时。",
        "steps": ["获取 CA 证书（向 IT 部门索取，或从本地服务器的配置中找到）并添加："
                  "(setq gptel-curl-extra-args '(\"--cacert\" \"/path/to/ca.pem\"))。",
                  "对于你信任的本地服务器，后端可以使用 `:curl-args '(\"--insecure\")`。"],
        "fixes": ["信任该 CA 证书（请修改路径）"],
    },
    "NET007": {
        "summary": "{host} 没有返回 HTTP 响应：连接失败（服务器未运行、:host 或端口错误，或没有"
        "网络）。curl 能说明确切原因。",
        "explanation": "gptel 使用了 Emacs 自带的 url-retrieve（gptel-use-curl 为 nil），它完全没有"
        "收到 HTTP 响应，只报告 \"Could not parse HTTP response\"。连接被拒绝、主机名无法解析，"
        "或网络中断。使用 curl 时，gptel 会以退出码报告确切原因。",
        "steps": ["确认 {host} 上的服务器正在运行，并且 :host 中的端口正确。",
                  "改用 curl 以获得确切原因：(setq gptel-use-curl t)，然后重新发送。"],
        "fixes": ["使用 curl，它会报告连接失败的原因"],
    },
    "NET008": {
        "summary": "代理失败（curl {exit}）：请检查 gptel-proxy 的地址和凭据，或你的 curl 是否支持"
        "相关选项。",
        "explanation": "gptel 通过 gptel-proxy 中的代理发送请求（使用 curl 时会加上 "
        "--proxy-negotiate 和 --proxy-user :），而代理这一步失败了：代理主机名无法解析、代理拒绝"
        "连接、代理要求凭据（HTTP 407），或已安装的 curl 不支持 gptel 传入的某个选项"
        "（--proxy-negotiate 需要 SPNEGO）。",
        "steps": ["检查 gptel-proxy：(setq gptel-proxy \"http://USER:PASSWORD@HOST:PORT\")。",
                  "测试代理：curl -x http://HOST:PORT -sI https://{host}",
                  "如果 curl 不支持 --proxy-negotiate，请把代理写到后端的 :curl-args 中，如 "
                  "(\"--proxy\" \"http://HOST:PORT\")，而不是使用 gptel-proxy。"],
        "fixes": ["设置代理（请修改地址）"],
    },
    "NET009": {
        "summary": "与 {host} 的连接在回答完整之前中断（curl {exit}）：请重试；在代理之后或回答很长"
        "时可尝试 HTTP/1.1。",
        "explanation": "curl 收到了部分回答（或什么也没收到），随后连接被关闭或重置：负载均衡器的"
        "空闲超时、代理、HTTP/2 流被重置，或服务器放弃了耗时很长的请求。",
        "steps": ["重新发送。",
                  "如果长回答经常这样，请强制使用 HTTP/1.1："
                  "(setq gptel-curl-extra-args '(\"--http1.1\"))。"],
        "fixes": ["使用 HTTP/1.1"],
    },
    "NET010": {
        "summary": "{host} 一直在重定向（curl 47）：:host 或 :endpoint 指向了已迁移的页面，或认证门户、"
        "代理把每个请求都转到了别处。",
        "explanation": "gptel 以 --location 运行 curl，会跟随重定向，而 curl 在重定向次数过多后放弃了。"
        "API 会直接回答其端点；重定向循环说明 gptel 构建的 URL 不是 API 的（用了 http 而不是 https、"
        "缺少路径），或网络登录页面在拦截请求。",
        "steps": ["检查后端的 :protocol、:host 和 :endpoint。",
                  "在浏览器中打开 https://{host}：如果出现登录页面，说明网络在拦截请求。"],
        "fixes": ["查看重定向的去向"],
    },
    "NET011": {
        "summary": "curl 无法使用给它的客户端证书或 TLS 设置（curl {exit}）：请检查 "
        "gptel-curl-extra-args 或 :curl-args 中的 --cert 和 --key。",
        "explanation": "后端或 gptel-curl-extra-args 给了 curl 一个它无法加载或使用的客户端证书"
        "（或 TLS 引擎、加密套件选项）：路径错误、密码错误，或 curl 的 TLS 库不支持的格式。",
        "steps": ["检查 gptel-curl-extra-args 和后端 :curl-args 中的 --cert、--key、--engine 或 "
                  "--ciphers 参数。"],
        "fixes": ["显示额外的 curl 参数"],
    },
    "NET012": {
        "summary": "curl 以退出码 {exit} 失败：{curl_meaning}。请在终端中用 curl 运行 gptel 的请求，"
        "查看 curl 自己的消息。",
        "explanation": "gptel 运行 curl 时没有加 --show-error，所以 curl 自己的说明丢失了，gptel "
        "只报告了数字。退出码 {exit} 的含义是：{curl_meaning}。",
        "steps": ["把请求复制为 curl 命令（M-x gptel-diagnose-copy-curl）并在终端中运行：curl "
                  "会打印出错的原因。"],
        "fixes": ["把请求复制为 curl 命令"],
    },
    "CONF007": {
        "summary": "curl 的 --fail 隐藏了服务方的回答（curl 22{status_clause}）：请从 "
        "gptel-curl-extra-args 或后端的 :curl-args 中删除 --fail（-f）。",
        "explanation": "使用 --fail 时，curl 在任何 HTTP 错误时都以退出码 22 退出并丢弃响应体，"
        "所以 gptel 永远看不到服务方的说明。gptel 自己不传 --fail；它来自你的 "
        "gptel-curl-extra-args 或后端的 :curl-args。",
        "steps": ["从 gptel-curl-extra-args 和后端的 :curl-args 中删除 \"--fail\" 或 \"-f\"，然后"
                  "重新发送以看到服务方真正的错误。"],
        "fixes": ["显示额外的 curl 参数"],
    },
    "RESP001": {
        "summary": "来自 {host} 的回答不是 JSON（HTTP {status}）：通常是代理或 CDN 的 HTML 页面，"
        "或 :host、:endpoint 错误。",
        "explanation": "gptel 期望收到服务方的 JSON，却收到了别的东西（\"Malformed JSON in "
        "response\"）。通常那是一个 HTML 页面：来自公司代理或认证门户，来自 API 前面的 CDN"
        "（HTTP 520-524），或者因为 :host 或 :endpoint 指向了错误的地方而来自某个网页服务器。"
        "gptel 不显示响应体；设置 gptel-log-level 后，*gptel-log* 会显示。",
        "steps": ["设置 (setq gptel-log-level 'debug)，重新发送，在 *gptel-log* 中阅读响应体。",
                  "根据服务方文档检查后端的 :host、:endpoint 和 :protocol。",
                  "如果响应体是代理的登录或拦截页面，请设置 gptel-proxy 或咨询网络管理员。"],
        "fixes": [_LOG_RESPONSES],
    },
    "ENDP002": {
        "summary": "后端的 :host 是 \"{host}\"：你是想写 {intended_host} 吗？请修改后端定义。",
        "explanation": "gptel 发送请求的主机名与某个服务方的 API 主机只差一两个字母，而且不是 "
        "gptel-diagnose 认识的主机。拼错的 :host 会以令人困惑的方式失败：主机名可能无法解析、"
        "可能解析到无关的服务器（出现 TLS 或 HTML 错误），也可能返回 404。",
        "steps": ["用 :host \"{intended_host}\" 重新定义后端。"],
        "fixes": ["在初始化文件中修改后端定义（gptel-make-...）"],
    },
    "ENDP001": {
        "summary": "{host} 在此路径上没有 API（HTTP {status}）：后端的 :host、:endpoint 或 "
        ":protocol 有误。",
        "explanation": "服务器有回答，但返回的是 \"未找到\" 页面而不是服务方的 JSON：gptel 根据 "
        ":protocol、:host 和 :endpoint 构建的 URL 在那里不存在。常见错误：:host 中带有 https:// "
        "或路径、:endpoint 中缺少 /v1，或把 OpenAI 风格的端点用在了另一种 API 的服务器上。",
        "steps": ["检查后端的 :host（纯主机名和端口）、:endpoint（例如 /v1/chat/completions）"
                  "和 :protocol。",
                  "设置 (setq gptel-log-level 'debug) 并重新发送，在 *gptel-log* 中查看该页面。"],
        "fixes": [_LOG_RESPONSES],
    },
    "RESP002": {
        "summary": "{host} 返回了 HTTP {status} 和 gptel 无法读取的 JSON：很可能不是 gptel 在此 "
        ":host 和 :endpoint 上所期望的 API。",
        "explanation": "gptel 收到了 JSON，但其中既没有回答，也没有它认识的格式的错误（\"Could not "
        "parse HTTP response\"）。:host 后面的服务器很可能是与后端类型不同的另一种 API（例如把 "
        "OpenAI 风格的后端指向非 OpenAI 服务器），或者某个网关以自己的方式包装了错误。",
        "steps": ["设置 (setq gptel-log-level 'debug)，重新发送，在 *gptel-log* 中阅读响应体。",
                  "确认后端是用适合此服务器的 gptel-make-* 创建的。"],
        "fixes": [_LOG_RESPONSES],
    },
    "RESP003": {
        "summary": "gptel 收到的回答中没有文本：设置 (setq gptel-log-level 'debug) 并重新发送，"
        "查看返回了什么。",
        "explanation": "请求成功了（HTTP 200），但 gptel 没有找到可插入的文本（\"Empty "
        "response\"）。原因可能是：流中有 gptel 不解析的错误事件、安全拦截（Gemini）、推理模型把"
        "全部 token 预算都用在了思考上，或 gptel 无法读取的响应体（在 Emacs 28 上使用 Responses "
        "后端时流式输出会失效：请关闭它）。",
        "steps": ["设置 (setq gptel-log-level 'debug)，重新发送，在 *gptel-log* 中阅读响应体。",
                  "如果 gptel-max-tokens 很小，请调大或设为 nil。",
                  "在 Emacs 28 上使用 OpenAI 默认（Responses）后端时：(setq gptel-stream nil)。"],
        "fixes": [_LOG_RESPONSES],
    },
    "RESP004": {
        "summary": "{host} 前面的 CDN 返回了 HTTP {status} 和它自己的错误页面（不是 API 的 "
        "JSON）：通常很快恢复；请重试，并查看服务方状态。",
        "explanation": "520 到 530 的状态码来自 Cloudflare，而不是其后的 API：源服务器返回了意外"
        "内容、已宕机或无法访问，或二者之间的 TLS 失败。响应体是 HTML 页面，gptel 报告为 "
        "\"Malformed JSON\"。这与你的配置无关，除非 :host 指向了错误的服务器。",
        "steps": ["一分钟后重新发送。", "如果持续发生，查看 {status_url}。",
                  "设置 (setq gptel-log-level 'debug)，在 *gptel-log* 中查看该页面。"],
        "fixes": [_LOG_RESPONSES],
    },
    "RESP005": {
        "summary": "{host} 返回了 HTTP {status} 和一个错误页面，而不是 API 的 JSON：服务方或中间"
        "的代理出了故障；请稍后重试。",
        "explanation": "带有 HTML 响应体的 500 或 502 来自 API 前面的网页服务器或网关（nginx、"
        "openresty、公司代理），而不是 API 本身：其后的服务崩溃了或无法访问。gptel 报告为 "
        "\"Malformed JSON in response\"。它通常会恢复；如果没有，请查看服务方状态页，以及你与 "
        "{host} 之间是否有代理。",
        "steps": ["一分钟后重新发送。", "如果持续发生，查看 {status_url}。",
                  "设置 (setq gptel-log-level 'debug) 并重新发送，在 *gptel-log* 中阅读该页面。"],
        "fixes": [_LOG_RESPONSES],
    },
    "RESP006": {
        "summary": "gptel 把 curl 的临时响应 \"HTTP/1.1 100 Continue\" 当成了回答（旧版 gptel、"
        "大请求）：请升级 gptel。",
        "explanation": "对于较大的请求体，curl 会先向服务器请求许可（Expect: 100-continue），并在"
        "真正的回答之前输出临时的 100 Continue。旧版 gptel 把它当成了最终状态，因而无法解析"
        "其余内容。",
        "steps": ["升级 gptel。",
                  "在此之前：(setq gptel-curl-extra-args '(\"-H\" \"Expect:\")) 让 curl 不再请求许可。"],
        "fixes": ["让 curl 不发送 Expect: 100-continue"],
    },
    "RESP007": {
        "summary": "{host} 返回了 HTTP 200，但内容不是 gptel 能用的回答：设置 "
        "(setq gptel-log-level 'debug) 并重新发送，查看返回了什么。",
        "explanation": "请求已经成功送达，但返回的不是正常的回答：HTTP 头之前有文本（例如 "
        "proxychains 这类代理包装程序写入了 curl 的输出）、流中的错误事件，或后端类型不认识的"
        "响应格式。",
        "steps": ["设置 (setq gptel-log-level 'debug)，重新发送，阅读 *gptel-log*。",
                  "如果有程序包装了 Emacs 或 curl（proxychains、torsocks），请去掉它，或改为配置 "
                  "gptel-proxy。"],
        "fixes": [_LOG_RESPONSES],
    },
    "POL001": {
        "summary": "{provider} 的安全过滤器拒绝了这个提示（或其回答）：请换种说法，或新开聊天；"
        "原样重新发送仍会失败。",
        "explanation": "服务方的内容审核标记了请求或响应。在推理模型上，这在长会话中有时是误报；"
        "在 Azure 上，过滤器可以按部署配置。Gemini 会把被拦截的回答报告为带 SAFETY 原因的空"
        "响应。",
        "steps": ["换一种说法，或新开一个不包含被标记内容的聊天缓冲区。",
                  "在 Azure 上，检查该部署的内容过滤配置。"],
        "fixes": ["了解该过滤器"],
    },
    "CONF001": {
        "summary": "后端的 :host \"{host}\" 包含协议或路径：:host 只接受纯主机名（api.example.com），"
        "其余部分由 :protocol 和 :endpoint 指定。",
        "explanation": "gptel 以 PROTOCOL://HOST ENDPOINT 的形式构建 URL。如果 :host 中含有 "
        "https:// 或路径，URL 就会变成类似 https://https://api.example.com/... 的样子，"
        "因而无法解析或连接。",
        "steps": ["用 :host \"api.example.com\"、:protocol \"https\" 和 :endpoint "
                  "\"/v1/chat/completions\"（或你的服务器使用的路径）重新定义后端。"],
        "fixes": ["在初始化文件中修改后端定义（gptel-make-...）"],
    },
    "CONF002": {
        "summary": "curl 失败了，而这个 gptel（早于 0.9.9.5）无法报告原因（\"Search failed\"）："
        "请升级 gptel，然后重试以看到真正的错误。",
        "explanation": "0.9.9.5 之前的 gptel 不检查 curl 的退出状态：当 curl 在回答之前失败（不支持"
        "的选项、证书问题、无法连接）时，gptel 的进程哨兵会报 \"Search failed\"，请求就此挂起。"
        "较新的 gptel 会报告 \"Curl failed with exit code N\"，gptel-diagnose 能够解释它。curl "
        "输出的文本（如果有）在 gptel 报告的消息中。",
        "steps": ["升级 gptel（M-x package-upgrade gptel，或按你的包管理器的方式）。",
                  "在此之前，在终端中运行 gptel 的 curl 命令查看 curl 的错误（把 gptel-log-level "
                  "设为 'debug 以获得该命令）。",
                  "或改用 url-retrieve 代替 curl：(setq gptel-use-curl nil)。"],
        "fixes": [_URL_RETRIEVE],
    },
    "CONF003": {
        "summary": "curl 拒绝了 gptel 构建的请求（curl {exit}）：已安装的 curl 缺少某个选项，或由 "
        ":protocol/:host/:endpoint 组成的 URL 格式错误。",
        "explanation": "当 curl 不支持给定的某个选项（旧的 curl 缺少 --compressed 或 --http2，"
        "Windows 版本各有不同），或 URL 格式错误（:protocol、:host 或 :endpoint 有拼写错误）时，"
        "它会在连接之前停止。",
        "steps": ["检查后端的 :protocol、:host 和 :endpoint。",
                  "升级 curl，或让 gptel 使用另一个 curl：(setq gptel-use-curl \"/path/to/curl\")。",
                  "或使用 url-retrieve：(setq gptel-use-curl nil)。"],
        "fixes": [_URL_RETRIEVE],
    },
    "CONF004": {
        "summary": "gptel 的 Bedrock 后端只能通过 curl 工作（它用 curl 的 --aws-sigv4 为请求签名）："
        "(setq gptel-use-curl t)。",
        "explanation": "AWS Bedrock 的请求必须签名。gptel 通过把凭据交给 curl 来签名（--aws-sigv4，"
        "或 bearer token 头）；使用 url-retrieve 时不会发送签名，AWS 就会拒绝请求。",
        "steps": ["设置 (setq gptel-use-curl t)，并确认已安装 curl。"],
        "fixes": ["使用 curl"],
    },
    "CONF005": {
        "summary": "AWS 拒绝了请求签名：gptel 的 Bedrock 后端需要 curl 8.10 或更新版本来支持 "
        "--aws-sigv4（或请检查密钥）。",
        "explanation": "gptel 用 curl 的 --aws-sigv4 为 Bedrock 请求签名。较旧的 curl 对 Bedrock "
        "的路径计算签名的方式不同，因此 AWS 拒绝了它；错误的 secret access key 也会得到同样的"
        "消息。",
        "steps": ["检查 `curl --version`：需要 8.10 或更新版本。",
                  "用 (setq gptel-use-curl \"/path/to/curl\") 让 gptel 使用较新的 curl，或改用 "
                  "bearer token 认证（AWS_BEARER_TOKEN_BEDROCK）。",
                  "如果 curl 版本足够新，请检查 AWS_SECRET_ACCESS_KEY。"],
        "fixes": ["检查 curl 版本"],
    },
    "CONF006": {
        "summary": "gptel 无法运行 curl：请安装 curl、修正 gptel-use-curl 的路径，或用 "
        "(setq gptel-use-curl nil) 改用 url-retrieve。",
        "explanation": "gptel-use-curl 已开启（或指定了某个 curl 程序），但 Emacs 无法启动它："
        "没有安装 curl、不在 exec-path 中，或路径错误。",
        "steps": ["安装 curl，或确保 Emacs 的 exec-path 能找到它。",
                  "或使用 url-retrieve：(setq gptel-use-curl nil)（不支持流式输出和 gptel-proxy）。"],
        "fixes": [_URL_RETRIEVE],
    },
    "GEN401": {
        "summary": "{provider} 拒绝了凭据（HTTP 401）：请检查 gptel 发送的 API 密钥。",
        "explanation": "HTTP 401 表示请求没有带上有效的凭据。",
        "steps": ["检查后端的密钥（其 :key、gptel-api-key 或 ~/.authinfo）。",
                  "与 {keys_url} 上的有效密钥核对。"],
        "fixes": ["管理你的 API 密钥"],
    },
    "GEN402": {
        "summary": "{provider} 要求付费（HTTP 402）：账户的余额或消费上限已用完；请充值。",
        "explanation": "HTTP 402 表示账户无法支付此请求：余额已用完，或已达到消费上限。重新发送"
        "无济于事。",
        "steps": ["在 {billing_url} 充值或提高消费上限。"],
        "fixes": ["打开计费页面"],
    },
    "GEN403": {
        "summary": "{provider} 拒绝了此请求（HTTP 403）：密钥没有相应权限，或访问被阻止。",
        "explanation": "HTTP 403 表示凭据已被识别，但不允许执行此操作：账户未开通该模型或功能，"
        "或访问被策略或地区阻止。",
        "steps": ["在 {keys_url} 检查账户对此模型和功能的访问权限。"],
        "fixes": [_LOG_ALL],
    },
    "GEN404": {
        "summary": "{host} 返回了 HTTP 404：URL 或模型名称有误。",
        "explanation": "HTTP 404 表示 {host} 上不存在该路径，或那里不认识请求中的模型。",
        "steps": ["检查后端的 :host 和 :endpoint，以及 gptel-model。"],
        "fixes": [_LOG_ALL],
    },
    "GEN413": {
        "summary": "请求对 {provider} 来说太大（HTTP 413）：请减少上下文或使用更小的文件。",
        "explanation": "HTTP 413 表示请求体超过了服务器接受的大小。",
        "steps": ["从 gptel 的上下文中移除较大的缓冲区、文件或图片。"],
        "fixes": [],
    },
    "GEN429": {
        "summary": "{provider} 说请求太多（HTTP 429）：请等待后重新发送；如果一直不恢复，请检查"
        "账户的限额和余额。",
        "explanation": "HTTP 429 通常表示限流。消息没有说明是哪一种；如果等待无效，请查看账户的"
        "用量和余额。",
        "steps": ["等一分钟后重新发送。", "在 {usage_url} 查看限额和余额。"],
        "fixes": ["查看用量和限额"],
    },
    "GEN4XX": {
        "summary": "{provider} 拒绝了请求（HTTP {status}）：{message}",
        "explanation": "服务方不接受 gptel 发送的请求：模型不接受的某个参数或取值，或它不期望的"
        "请求结构。",
        "steps": ["阅读上面服务方的消息：它通常会指出是哪个参数。",
                  "设置 (setq gptel-log-level 'info) 并重新发送，在 *gptel-log* 中查看请求。"],
        "fixes": [_LOG_ALL],
    },
    "GEN5XX": {
        "summary": "{provider} 的服务器出错（HTTP {status}）：不是你的配置问题；请稍后重试或查看 "
        "{status_url}。",
        "explanation": "5xx 状态表示服务方（或其前面的网关）在处理请求时失败。这通常是暂时的。",
        "steps": ["一分钟后重新发送。", "如果持续发生，查看 {status_url}。"],
        "fixes": [_STATUS],
    },
    "GEN000": {
        "summary": "gptel-diagnose 不认识这个失败（HTTP {status}）：{message}",
        "explanation": "没有规则匹配这个失败。服务方自己的描述是最好的线索。",
        "steps": ["设置 (setq gptel-log-level 'info)，重新发送，阅读 *gptel-log*。",
                  "如果你认为 gptel-diagnose 应该认识这个失败，请连同（已脱敏的）错误一起报告。"],
        "fixes": [_LOG_ALL],
    },
}
