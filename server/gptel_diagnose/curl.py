"""What curl's exit codes mean, in the words a gptel user needs.  Data only.

Source: the EXIT CODES section of curl's manual (https://curl.se/docs/manpage.html#EXIT).
"""

from __future__ import annotations

# code -> (English, Simplified Chinese)
MEANINGS: dict[int, tuple[str, str]] = {
    1: ("unsupported protocol", "不支持的协议"),
    2: ("curl failed to start (an option it does not support)", "curl 无法启动（不支持的选项）"),
    3: ("the URL is malformed", "URL 格式错误"),
    4: ("a feature curl was not built with", "curl 编译时未包含的功能"),
    5: ("the proxy's name did not resolve", "代理的主机名无法解析"),
    6: ("the host name did not resolve", "主机名无法解析"),
    7: ("nothing is listening at the host and port", "该主机和端口上没有服务在监听"),
    8: ("the server's reply was not understood", "无法理解服务器的回复"),
    16: ("an HTTP/2 error", "HTTP/2 错误"),
    18: ("the answer was cut off", "回答被截断"),
    22: ("the server answered an HTTP error and --fail hid it", "服务器返回了 HTTP 错误，被 --fail 隐藏"),
    23: ("curl could not write what it received", "curl 无法写出收到的数据"),
    25: ("the upload failed", "上传失败"),
    26: ("curl could not read the request body", "curl 无法读取请求体"),
    27: ("out of memory", "内存不足"),
    28: ("the request timed out", "请求超时"),
    33: ("a range request failed", "范围请求失败"),
    35: ("the TLS handshake failed", "TLS 握手失败"),
    43: ("curl was called wrongly", "curl 的调用方式有误"),
    45: ("the network interface could not be used", "无法使用指定的网络接口"),
    47: ("too many redirects", "重定向次数过多"),
    52: ("the server closed the connection without answering", "服务器未回答就关闭了连接"),
    53: ("the TLS engine was not found", "找不到 TLS 引擎"),
    55: ("sending the request failed", "发送请求失败"),
    56: ("the connection broke while receiving", "接收时连接中断"),
    58: ("the client certificate is wrong", "客户端证书有问题"),
    59: ("the TLS cipher could not be used", "无法使用该 TLS 加密套件"),
    60: ("the certificate is not trusted", "证书不受信任"),
    61: ("the content encoding is not understood", "无法识别的内容编码"),
    77: ("the CA certificate file cannot be read", "无法读取 CA 证书文件"),
    78: ("the remote file was not found", "远程文件不存在"),
    80: ("closing the TLS connection failed", "关闭 TLS 连接失败"),
    83: ("the TLS issuer check failed", "TLS 颁发者检查失败"),
    90: ("the pinned public key did not match", "固定的公钥不匹配"),
    91: ("the TLS certificate status is invalid", "TLS 证书状态无效"),
    92: ("the HTTP/2 stream was reset", "HTTP/2 流被重置"),
    95: ("an HTTP/3 error", "HTTP/3 错误"),
    96: ("a QUIC connection error", "QUIC 连接错误"),
    97: ("the proxy handshake failed", "代理握手失败"),
    127: ("the curl program could not be run", "无法运行 curl 程序"),
}


def meaning(code: int | None, locale: str = "en") -> str:
    """What curl exit CODE means, in LOCALE ("en" or "zh")."""
    if code is None:
        return ""
    english, chinese = MEANINGS.get(code, (f"curl error {code}", f"curl 错误 {code}"))
    return chinese if locale == "zh" else english
