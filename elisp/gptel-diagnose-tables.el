;;; gptel-diagnose-tables.el --- Tables gptel-diagnose shares with its server  -*- lexical-binding: t -*-

;; Copyright (C) 2026 The gptel-diagnose authors

;; Author: The gptel-diagnose authors
;; URL: https://github.com/gptel-diagnose/gptel-diagnose

;; This file is not part of GNU Emacs.

;; This program is free software; you can redistribute it and/or modify
;; it under the terms of the GNU General Public License as published by
;; the Free Software Foundation, either version 3 of the License, or
;; (at your option) any later version.

;; This program is distributed in the hope that it will be useful,
;; but WITHOUT ANY WARRANTY; without even the implied warranty of
;; MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
;; GNU General Public License for more details.

;; You should have received a copy of the GNU General Public License
;; along with this program.  If not, see <https://www.gnu.org/licenses/>.

;;; Commentary:

;; GENERATED: do not edit.  `gptel-diagnose-server --elisp-tables'
;; (scripts/gen-docs) writes this file from the server's sources:
;; server/gptel_diagnose/settable.json, the generic rules of
;; rules/fallback.py, curl.py, gptel's own words in facts.py and the
;; provider records.  The companion keeps its own copy so that it
;; refuses any other variable whatever the server says, and can say
;; what a failure means when the server is missing.

;;; Code:

(defconst gptel-diagnose--settable-variables
  '(gptel-stream
    gptel-model
    gptel-use-curl
    gptel-proxy
    gptel-log-level
    gptel-temperature
    gptel-max-tokens
    gptel-curl-extra-args
    gptel-curl-file-size-threshold
    gptel-use-tools
    gptel-use-context
    gptel-track-media
    gptel-include-reasoning
    gptel-cache)
  "The gptel options a fix may set.  Anything else the server names is refused.")

(defconst gptel-diagnose--ask-variables
  '(("model" . gptel-model)
    ("key" . gptel-api-key)
    ("backend" . gptel-backend)
    ("proxy" . gptel-proxy)
    ("cacert" . gptel-curl-extra-args))
  "The variable each kind of ask fix sets, as (KIND . VARIABLE).
The user gives the value when the fix is applied; no other ask is
heeded, and an ask fix naming another variable is refused.")

(defconst gptel-diagnose--status-meanings
  '((301 "The backend's host redirected the request (HTTP 301) instead of answering: that usually means the URL is not the API's own; check the backend's :protocol, :host and :endpoint." . "后端主机没有作答，而是把请求重定向了（HTTP 301）：这通常说明这个 URL 不是 API 本身的地址；请检查后端的 :protocol、:host 和 :endpoint。")
    (302 "The backend's host redirected the request (HTTP 302) instead of answering: that usually means the URL is not the API's own; check the backend's :protocol, :host and :endpoint." . "后端主机没有作答，而是把请求重定向了（HTTP 302）：这通常说明这个 URL 不是 API 本身的地址；请检查后端的 :protocol、:host 和 :endpoint。")
    (303 "The backend's host redirected the request (HTTP 303) instead of answering: that usually means the URL is not the API's own; check the backend's :protocol, :host and :endpoint." . "后端主机没有作答，而是把请求重定向了（HTTP 303）：这通常说明这个 URL 不是 API 本身的地址；请检查后端的 :protocol、:host 和 :endpoint。")
    (307 "The backend's host redirected the request (HTTP 307) instead of answering: that usually means the URL is not the API's own; check the backend's :protocol, :host and :endpoint." . "后端主机没有作答，而是把请求重定向了（HTTP 307）：这通常说明这个 URL 不是 API 本身的地址；请检查后端的 :protocol、:host 和 :endpoint。")
    (308 "The backend's host redirected the request (HTTP 308) instead of answering: that usually means the URL is not the API's own; check the backend's :protocol, :host and :endpoint." . "后端主机没有作答，而是把请求重定向了（HTTP 308）：这通常说明这个 URL 不是 API 本身的地址；请检查后端的 :protocol、:host 和 :endpoint。")
    (400 "The provider refused the request (HTTP 400) without giving a reason: that usually means a parameter or value the model does not take, but nothing here says which; set gptel-log-level to 'info and resend to read its answer." . "服务商拒绝了请求（HTTP 400），但没有说明原因：这通常是模型不接受某个参数或取值，但这里看不出是哪一个；请把 gptel-log-level 设为 'info 后重试，读一读它的响应。")
    (401 "The provider refused the request (HTTP 401): that usually means the API key was refused; to see its own reason, set gptel-log-level to 'info and resend." . "服务商拒绝了请求（HTTP 401）：这通常表示 API 密钥被拒绝；要查看服务商自己给出的原因，请把 gptel-log-level 设为 'info 后重试。")
    (402 "The provider refused the request (HTTP 402): that usually means the account's credit or spending limit is used up; to see its own reason, set gptel-log-level to 'info and resend." . "服务商拒绝了请求（HTTP 402）：这通常表示账户余额已用完或已达到消费上限；要查看服务商自己给出的原因，请把 gptel-log-level 设为 'info 后重试。")
    (403 "The provider refused the request (HTTP 403): that usually means the key may not use this model or feature, or access is blocked; to see its own reason, set gptel-log-level to 'info and resend." . "服务商拒绝了请求（HTTP 403）：这通常表示该密钥无权使用此模型或功能，或访问被阻止；要查看服务商自己给出的原因，请把 gptel-log-level 设为 'info 后重试。")
    (404 "The backend's host answered \"not found\" (HTTP 404): that usually means a wrong URL (:host, :endpoint) or model name; to see its own reason, set gptel-log-level to 'info and resend." . "后端主机返回“未找到”（HTTP 404）：这通常表示 URL（:host、:endpoint）或模型名称有误；要查看服务商自己给出的原因，请把 gptel-log-level 设为 'info 后重试。")
    (405 "The backend's host has no API at this path (HTTP 405): the backend's :host, :endpoint or :protocol is wrong." . "后端主机在此路径上没有 API（HTTP 405）：后端的 :host、:endpoint 或 :protocol 有误。")
    (406 "The provider refused the request (HTTP 406) without giving a reason: that usually means a parameter or value the model does not take, but nothing here says which; set gptel-log-level to 'info and resend to read its answer." . "服务商拒绝了请求（HTTP 406），但没有说明原因：这通常是模型不接受某个参数或取值，但这里看不出是哪一个；请把 gptel-log-level 设为 'info 后重试，读一读它的响应。")
    (409 "The provider refused the request (HTTP 409) without giving a reason: that usually means a parameter or value the model does not take, but nothing here says which; set gptel-log-level to 'info and resend to read its answer." . "服务商拒绝了请求（HTTP 409），但没有说明原因：这通常是模型不接受某个参数或取值，但这里看不出是哪一个；请把 gptel-log-level 设为 'info 后重试，读一读它的响应。")
    (413 "The provider refused the request (HTTP 413): that usually means the request is too large; to see its own reason, set gptel-log-level to 'info and resend." . "服务商拒绝了请求（HTTP 413）：这通常表示请求过大；要查看服务商自己给出的原因，请把 gptel-log-level 设为 'info 后重试。")
    (415 "The provider refused the request (HTTP 415) without giving a reason: that usually means a parameter or value the model does not take, but nothing here says which; set gptel-log-level to 'info and resend to read its answer." . "服务商拒绝了请求（HTTP 415），但没有说明原因：这通常是模型不接受某个参数或取值，但这里看不出是哪一个；请把 gptel-log-level 设为 'info 后重试，读一读它的响应。")
    (421 "The backend's host answered HTTP 421 (Misdirected Request): that usually means the request went to a host that does not serve it, such as the wrong host for your account's plan; to see its own reason, set gptel-log-level to 'info and resend." . "后端主机返回了 HTTP 421（请求发错了主机）：这通常表示请求发到了不为它服务的主机，例如不属于你账号套餐的主机；要查看服务商自己给出的原因，请把 gptel-log-level 设为 'info 后重试。")
    (422 "The provider rejected the request (HTTP 422), usually over a parameter or value it does not take (set gptel-log-level to 'info and resend to see the request)" . "服务商拒绝了请求（HTTP 422），通常是因为它不接受某个参数或取值（请把 gptel-log-level 设为 'info 后重试，查看请求内容）")
    (429 "The provider refused the request (HTTP 429): that usually means a rate limit, sometimes used-up credit; to see its own reason, set gptel-log-level to 'info and resend." . "服务商拒绝了请求（HTTP 429）：这通常表示触发了速率限制，有时是余额已用完；要查看服务商自己给出的原因，请把 gptel-log-level 设为 'info 后重试。")
    (500 "The provider's servers failed (HTTP 500): that usually passes and is not your setup; resend shortly, and if it persists set gptel-log-level to 'info to see the answer." . "服务商的服务器出错（HTTP 500）：这通常会自行恢复，不是你的配置问题；请稍后重试，如果持续出现，请把 gptel-log-level 设为 'info 查看响应内容。")
    (502 "The provider's servers failed (HTTP 502): that usually passes and is not your setup; resend shortly, and if it persists set gptel-log-level to 'info to see the answer." . "服务商的服务器出错（HTTP 502）：这通常会自行恢复，不是你的配置问题；请稍后重试，如果持续出现，请把 gptel-log-level 设为 'info 查看响应内容。")
    (503 "The provider is overloaded right now (HTTP 503): nothing is wrong on your side, and it usually passes within minutes." . "服务商目前过载（HTTP 503）：你这边没有问题，通常几分钟内就会恢复。")
    (504 "The provider gave up on the request (HTTP 504): it took too long; retry, or send less context." . "服务商处理超时（HTTP 504）：请求耗时太长；请重试，或减少上下文。")
    (520 "A CDN in front of the backend's host answered HTTP 520 with its own error page (not the API's JSON): usually brief; retry, and check the provider's status." . "后端主机前面的 CDN 返回了 HTTP 520 和它自己的错误页面（不是 API 的 JSON）：通常很快恢复；请重试，并查看服务商状态。")
    (521 "A CDN in front of the backend's host answered HTTP 521 with its own error page (not the API's JSON): usually brief; retry, and check the provider's status." . "后端主机前面的 CDN 返回了 HTTP 521 和它自己的错误页面（不是 API 的 JSON）：通常很快恢复；请重试，并查看服务商状态。")
    (522 "A CDN in front of the backend's host answered HTTP 522 with its own error page (not the API's JSON): usually brief; retry, and check the provider's status." . "后端主机前面的 CDN 返回了 HTTP 522 和它自己的错误页面（不是 API 的 JSON）：通常很快恢复；请重试，并查看服务商状态。")
    (523 "A CDN in front of the backend's host answered HTTP 523 with its own error page (not the API's JSON): usually brief; retry, and check the provider's status." . "后端主机前面的 CDN 返回了 HTTP 523 和它自己的错误页面（不是 API 的 JSON）：通常很快恢复；请重试，并查看服务商状态。")
    (524 "The provider gave up on the request (HTTP 524): it took too long; retry, or send less context." . "服务商处理超时（HTTP 524）：请求耗时太长；请重试，或减少上下文。")
    (598 "The provider's servers failed (HTTP 598): that usually passes and is not your setup; resend shortly, and if it persists set gptel-log-level to 'info to see the answer." . "服务商的服务器出错（HTTP 598）：这通常会自行恢复，不是你的配置问题；请稍后重试，如果持续出现，请把 gptel-log-level 设为 'info 查看响应内容。")
    (599 "The provider's servers failed (HTTP 599): that usually passes and is not your setup; resend shortly, and if it persists set gptel-log-level to 'info to see the answer." . "服务商的服务器出错（HTTP 599）：这通常会自行恢复，不是你的配置问题；请稍后重试，如果持续出现，请把 gptel-log-level 设为 'info 查看响应内容。"))
  "What an HTTP status alone means, as (STATUS ENGLISH . CHINESE).")

(defconst gptel-diagnose--status-reason-meanings
  '((400 "The provider rejected the request (HTTP 400), usually over a parameter or value it does not take (set gptel-log-level to 'info and resend to see the request): %s" . "服务商拒绝了请求（HTTP 400），通常是因为它不接受某个参数或取值（请把 gptel-log-level 设为 'info 后重试，查看请求内容）：%s")
    (406 "The provider rejected the request (HTTP 406), usually over a parameter or value it does not take (set gptel-log-level to 'info and resend to see the request): %s" . "服务商拒绝了请求（HTTP 406），通常是因为它不接受某个参数或取值（请把 gptel-log-level 设为 'info 后重试，查看请求内容）：%s")
    (409 "The provider rejected the request (HTTP 409), usually over a parameter or value it does not take (set gptel-log-level to 'info and resend to see the request): %s" . "服务商拒绝了请求（HTTP 409），通常是因为它不接受某个参数或取值（请把 gptel-log-level 设为 'info 后重试，查看请求内容）：%s")
    (415 "The provider rejected the request (HTTP 415), usually over a parameter or value it does not take (set gptel-log-level to 'info and resend to see the request): %s" . "服务商拒绝了请求（HTTP 415），通常是因为它不接受某个参数或取值（请把 gptel-log-level 设为 'info 后重试，查看请求内容）：%s"))
  "What a status means when the provider said why: (STATUS ENGLISH . CHINESE).\nEach is a format string: the provider's reason goes where %s is.")

(defconst gptel-diagnose--curl-meanings
  '((1 "unsupported protocol" . "不支持的协议")
    (2 "curl failed to start (an option it does not support)" . "curl 无法启动（不支持的选项）")
    (3 "the URL is malformed" . "URL 格式错误")
    (4 "a feature curl was not built with" . "curl 编译时未包含的功能")
    (5 "the proxy's name did not resolve" . "代理的主机名无法解析")
    (6 "the host name did not resolve" . "主机名无法解析")
    (7 "nothing is listening at the host and port" . "该主机和端口上没有服务在监听")
    (8 "the server's reply was not understood" . "无法理解服务器的响应")
    (16 "an HTTP/2 error" . "HTTP/2 错误")
    (18 "the answer was cut off" . "响应被截断")
    (22 "the server answered an HTTP error and --fail hid it" . "服务器返回了 HTTP 错误，但被 --fail 隐藏")
    (23 "curl could not write what it received" . "curl 无法写出收到的数据")
    (25 "the upload failed" . "上传失败")
    (26 "curl could not read the request body" . "curl 无法读取请求体")
    (27 "out of memory" . "内存不足")
    (28 "the request timed out" . "请求超时")
    (33 "a range request failed" . "范围请求失败")
    (35 "the TLS handshake failed" . "TLS 握手失败")
    (43 "curl was called wrongly" . "curl 的调用方式有误")
    (45 "the network interface could not be used" . "无法使用指定的网络接口")
    (47 "too many redirects" . "重定向次数过多")
    (52 "the server closed the connection without answering" . "服务器未响应就关闭了连接")
    (53 "the TLS engine was not found" . "找不到 TLS 引擎")
    (55 "sending the request failed" . "发送请求失败")
    (56 "the connection broke while receiving" . "接收时连接中断")
    (58 "the client certificate is wrong" . "客户端证书有问题")
    (59 "the TLS cipher could not be used" . "无法使用该 TLS 加密套件")
    (60 "the certificate is not trusted" . "证书不受信任")
    (61 "the content encoding is not understood" . "无法识别的内容编码")
    (77 "the CA certificate file cannot be read" . "无法读取 CA 证书文件")
    (78 "the remote file was not found" . "远程文件不存在")
    (80 "closing the TLS connection failed" . "关闭 TLS 连接失败")
    (83 "the TLS issuer check failed" . "TLS 颁发者检查失败")
    (90 "the pinned public key did not match" . "固定的公钥不匹配")
    (91 "the TLS certificate status is invalid" . "TLS 证书状态无效")
    (92 "the HTTP/2 stream was reset" . "HTTP/2 流被重置")
    (95 "an HTTP/3 error" . "HTTP/3 错误")
    (96 "a QUIC connection error" . "QUIC 连接错误")
    (97 "the proxy handshake failed" . "代理握手失败")
    (127 "the curl program could not be run" . "无法运行 curl 程序"))
  "What a curl exit code means, as (CODE ENGLISH . CHINESE).")

(defconst gptel-diagnose--key-envs
  '(("azure" . "AZURE_OPENAI_API_KEY")
    ("openai" . "OPENAI_API_KEY")
    ("anthropic" . "ANTHROPIC_API_KEY")
    ("gemini" . "GEMINI_API_KEY")
    ("openrouter" . "OPENROUTER_API_KEY")
    ("groq" . "GROQ_API_KEY")
    ("mistral" . "MISTRAL_API_KEY")
    ("xai" . "XAI_API_KEY")
    ("perplexity" . "PERPLEXITY_API_KEY")
    ("together" . "TOGETHER_API_KEY")
    ("kagi" . "KAGI_API_KEY")
    ("github-models" . "GITHUB_TOKEN")
    ("bedrock" . "AWS_BEARER_TOKEN_BEDROCK")
    ("cerebras" . "CEREBRAS_API_KEY")
    ("fireworks" . "FIREWORKS_API_KEY")
    ("nvidia" . "NVIDIA_API_KEY")
    ("huggingface" . "HF_TOKEN")
    ("deepseek" . "DEEPSEEK_API_KEY")
    ("moonshot" . "MOONSHOT_API_KEY")
    ("zhipu" . "ZAI_API_KEY")
    ("dashscope" . "DASHSCOPE_API_KEY")
    ("volcengine" . "ARK_API_KEY")
    ("mimo" . "MIMO_API_KEY")
    ("hunyuan" . "HUNYUAN_API_KEY")
    ("ollama" . "OLLAMA_API_KEY"))
  "The usual environment variable of each provider kind's key.")

(defconst gptel-diagnose--key-prefixes
  '(("github_pat_" . "github-models")
    ("sk-svcacct-" . "openai")
    ("sk-proj-" . "openai")
    ("bce-v3/" . "qianfan")
    ("sk-ant-" . "anthropic")
    ("nvapi-" . "nvidia")
    ("sk-or-" . "openrouter")
    ("pplx-" . "perplexity")
    ("AIza" . "gemini")
    ("ghp_" . "github-models")
    ("gsk_" . "groq")
    ("xai-" . "xai")
    ("hf_" . "huggingface"))
  "How a provider kind's keys begin, longest first.
Only prefixes that name one provider: a bare sk- names nobody.")

(defconst gptel-diagnose--gptel-unread
  '("Malformed JSON in response"
    "json-read-error"
    "Could not parse HTTP response"
    "Could not parse Curl response")
  "The words gptel puts where the provider's go, for an answer it could not read.")

(provide 'gptel-diagnose-tables)
;;; gptel-diagnose-tables.el ends here
