"""What curl's exit codes mean, in the words a gptel user needs.  Data only.

Source: the EXIT CODES section of curl's manual (https://curl.se/docs/manpage.html#EXIT).
The Chinese is in i18n/zh.po, keyed by the English.
"""

from __future__ import annotations

from .i18n import N_, gettext

# code -> what it means, in English
MEANINGS: dict[int, str] = {
    1: N_("unsupported protocol"),
    2: N_("curl failed to start (an option it does not support)"),
    3: N_("the URL is malformed"),
    4: N_("a feature curl was not built with"),
    5: N_("the proxy's name did not resolve"),
    6: N_("the host name did not resolve"),
    7: N_("nothing is listening at the host and port"),
    8: N_("the server's reply was not understood"),
    16: N_("an HTTP/2 error"),
    18: N_("the answer was cut off"),
    22: N_("the server answered an HTTP error and --fail hid it"),
    23: N_("curl could not write what it received"),
    25: N_("the upload failed"),
    26: N_("curl could not read the request body"),
    27: N_("out of memory"),
    28: N_("the request timed out"),
    33: N_("a range request failed"),
    35: N_("the TLS handshake failed"),
    43: N_("curl was called wrongly"),
    45: N_("the network interface could not be used"),
    47: N_("too many redirects"),
    52: N_("the server closed the connection without answering"),
    53: N_("the TLS engine was not found"),
    55: N_("sending the request failed"),
    56: N_("the connection broke while receiving"),
    58: N_("the client certificate is wrong"),
    59: N_("the TLS cipher could not be used"),
    60: N_("the certificate is not trusted"),
    61: N_("the content encoding is not understood"),
    77: N_("the CA certificate file cannot be read"),
    78: N_("the remote file was not found"),
    80: N_("closing the TLS connection failed"),
    83: N_("the TLS issuer check failed"),
    90: N_("the pinned public key did not match"),
    91: N_("the TLS certificate status is invalid"),
    92: N_("the HTTP/2 stream was reset"),
    95: N_("an HTTP/3 error"),
    96: N_("a QUIC connection error"),
    97: N_("the proxy handshake failed"),
    127: N_("the curl program could not be run"),
}
OTHER = N_("curl error {code}")


def meaning(code: int | None, locale: str = "en") -> str:
    """What curl exit CODE means, in LOCALE ("en" or "zh")."""
    if code is None:
        return ""
    english = MEANINGS.get(code)
    if english is None:
        return gettext(locale, OTHER).format(code=code)
    return gettext(locale, english)
