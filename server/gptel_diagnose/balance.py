"""The account's balance, read live from the provider's own balance API.

One parser per documented answer (`PARSERS`, keyed by a record's `Balance.format`), each
reading the provider's JSON into a `Reading`: the amounts exactly as sent, with their currency,
and whether the account can still call the API.  `fetch_balance` asks for it: one request,
bounded in time, with the key sent only to the provider's own host (the backend's host must
match the record's `hosts`; redirects are never followed).  Like checks.py, this module
touches the network; checks.py calls it for the checkup and for the `balance` method.
"""

from __future__ import annotations

import concurrent.futures
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

from .protocol import BalanceAmount, BalanceResult, BalanceStatus
from .providers import lookup
from .providers.record import Provider
from .redact import redact

BALANCE_TIMEOUT = 5.0
# Under one unit of its currency (¥1, $1) a balance lasts a few requests: "low".
LOW = Decimal(1)

_SYMBOLS = {"CNY": "¥", "USD": "$"}


class Malformed(ValueError):
    """The answer is not in the shape the provider documents."""


@dataclass(frozen=True)
class Amount:
    name: str  # what the provider calls it ("total_balance", "available_balance", ...)
    value: str  # exactly as sent ("110.00", "49.58894")
    currency: str | None  # "CNY", "USD", or None where the provider does not say

    @property
    def number(self) -> Decimal:
        return Decimal(self.value)

    def text(self) -> str:
        return f"{self.currency} {self.value}" if self.currency else self.value

    def text_zh(self) -> str:
        if self.currency in _SYMBOLS:
            sign = "-" if self.value.startswith("-") else ""
            return f"{sign}{_SYMBOLS[self.currency]}{self.value.removeprefix('-')}"
        return self.text()


@dataclass(frozen=True)
class Reading:
    """What a balance answer says: the amounts that matter first, and whether calls work."""

    amounts: list[Amount]
    headline: list[Amount]  # the amounts the one-line text shows
    can_call: bool | None  # None: the answer does not say (an OpenRouter key with no limit)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (en, zh) additions
    label: tuple[str, str] = ("balance", "余额")  # what the amounts are, (en, zh)


# Parsers: one per documented answer ----------------------------------------------------------

def _object(data: Any, name: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise Malformed(f"{name} is not an object")
    return data


def _amount(data: dict[str, Any], name: str, currency: str | None,
            required: bool = True) -> Amount | None:
    value = data.get(name)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise Malformed(f"{name} is not an amount")
    text = str(value).strip()
    try:
        Decimal(text)
    except InvalidOperation:
        raise Malformed(f"{name} is not a number: {text[:20]!r}") from None
    return Amount(name, text, currency)


def parse_deepseek(data: Any, host: str) -> Reading:
    """GET /user/balance: `is_available` and `balance_infos[]` per currency (CNY, USD)."""
    body = _object(data, "the answer")
    available, infos = body.get("is_available"), body.get("balance_infos")
    if not isinstance(available, bool) or not isinstance(infos, list):
        raise Malformed("is_available or balance_infos missing")
    amounts: list[Amount] = []
    totals: list[Amount] = []
    for info in infos:
        info = _object(info, "a balance_infos entry")
        currency = info.get("currency")
        if not isinstance(currency, str):
            raise Malformed("a balance_infos entry has no currency")
        for name in ("total_balance", "granted_balance", "topped_up_balance"):
            amount = _amount(info, name, currency, required=name == "total_balance")
            if amount:
                amounts.append(amount)
                if name == "total_balance":
                    totals.append(amount)
    return Reading(amounts, totals, available)


def _moonshot_currency(host: str) -> str:
    # Documented per platform: api.moonshot.cn in yuan ("单位：人民币元"), api.moonshot.ai in USD.
    return "CNY" if host.lower().endswith(".cn") else "USD"


def parse_moonshot(data: Any, host: str) -> Reading:
    """GET /v1/users/me/balance: `data.available_balance` (<= 0: no inference calls)."""
    body = _object(data, "the answer")
    if body.get("code") not in (0, None) or body.get("status") is False:
        raise Malformed(f"code {body.get('code')!r}")
    inner = _object(body.get("data"), "data")
    currency = _moonshot_currency(host)
    available = _amount(inner, "available_balance", currency)
    assert available is not None
    amounts = [available] + [a for name in ("voucher_balance", "cash_balance")
                             if (a := _amount(inner, name, currency, required=False))]
    notes = []
    cash = next((a for a in amounts if a.name == "cash_balance"), None)
    if cash and cash.number < 0:
        notes.append((f"owes {cash.text()}", f"欠费 {cash.text_zh()}"))
    return Reading(amounts, [available], available.number > 0, notes)


def parse_siliconflow(data: Any, host: str) -> Reading:
    """GET /v1/user/info: `data.totalBalance`, `balance`, `chargeBalance` (strings)."""
    body = _object(data, "the answer")
    if body.get("code") not in (20000, None) or body.get("status") is False:
        raise Malformed(f"code {body.get('code')!r}")
    inner = _object(body.get("data"), "data")
    # The docs name no currency for these amounts: shown as sent.
    total = _amount(inner, "totalBalance", None)
    assert total is not None
    amounts = [total] + [a for name in ("balance", "chargeBalance")
                         if (a := _amount(inner, name, None, required=False))]
    return Reading(amounts, [total], total.number > 0)


def parse_openrouter(data: Any, host: str) -> Reading:
    """GET /api/v1/key: this key's credit `limit`, `limit_remaining` (null: no limit), `usage`.

    OpenRouter credits are US dollars.  The account's own credits (`/api/v1/credits`) need a
    management key, which gptel's key is not, so a key without a limit reads as "no limit".
    """
    inner = _object(_object(data, "the answer").get("data"), "data")
    if "limit_remaining" not in inner or "usage" not in inner:
        raise Malformed("limit_remaining or usage missing")
    remaining = _amount(inner, "limit_remaining", "USD", required=False)
    limit = _amount(inner, "limit", "USD", required=False)
    usage = _amount(inner, "usage", "USD")
    assert usage is not None
    amounts = [a for a in (remaining, limit, usage) if a]
    notes = []
    if inner.get("is_free_tier") is True:
        notes.append(("free tier", "免费层级"))
    if remaining is None:
        notes.insert(0, (f"none set, {usage.text()} used", f"未设置，已用 {usage.text_zh()}"))
        return Reading(amounts, [], None, notes, ("key spend limit", "密钥消费上限"))
    return Reading(amounts, [remaining], remaining.number > 0, notes,
                   ("key spend limit left", "密钥消费上限剩余"))


Parser = Callable[[Any, str], Reading]
def parse_stepfun(data: Any, host: str) -> Reading:
    """GET /v1/accounts: `balance` (available), `total_cash_balance`, `total_voucher_balance`.

    A postpaid account is billed afterwards, so its balance says nothing about whether calls
    work.  The docs name no currency: amounts are shown as sent.
    """
    body = _object(data, "the answer")
    if body.get("object") not in ("account", None):
        raise Malformed(f"object {body.get('object')!r}")
    available = _amount(body, "balance", None)
    assert available is not None
    amounts = [available] + [a for name in ("total_cash_balance", "total_voucher_balance")
                             if (a := _amount(body, name, None, required=False))]
    if body.get("type") == "postpaid":
        return Reading(amounts, [available], None, [("postpaid", "后付费")])
    return Reading(amounts, [available], available.number > 0)


PARSERS: dict[str, Parser] = {
    "deepseek": parse_deepseek,
    "moonshot": parse_moonshot,
    "siliconflow": parse_siliconflow,
    "openrouter": parse_openrouter,
    "stepfun": parse_stepfun,
}


# The result ------------------------------------------------------------------------------------

def _names(provider: Provider) -> tuple[str, str]:
    """PROVIDER's name, and its name to put before a Chinese word."""
    zh = provider.name_zh or provider.name
    # Chinese puts a space after a Latin name ("DeepSeek 余额"), none after a Chinese one.
    return provider.name, zh + " " if zh[-1:].isascii() else zh


def _usage_url(provider: Provider | None) -> str | None:
    return (provider.usage_url or provider.billing_url) if provider else None


def _result(provider: Provider | None, status: BalanceStatus, message: str, message_zh: str,
            started: float, reading: Reading | None = None) -> BalanceResult:
    amounts = [BalanceAmount(name=a.name, amount=a.value, currency=a.currency,
                             text=a.text(), text_zh=a.text_zh())
               for a in (reading.amounts if reading else [])]
    return BalanceResult(
        provider=provider.kind if provider else None,
        provider_name=provider.name if provider else None,
        status=status,
        can_call=reading.can_call if reading else None,
        amounts=amounts, message=redact(message), message_zh=redact(message_zh),
        url=_usage_url(provider),
        elapsed_ms=round((time.monotonic() - started) * 1000, 1))


def describe(provider: Provider, reading: Reading, started: float) -> BalanceResult:
    """READING as a result, with its one line in English and Chinese."""
    name, name_zh = _names(provider)
    status: BalanceStatus
    shown = ", ".join(a.text() for a in reading.headline)
    shown_zh = "，".join(a.text_zh() for a in reading.headline)
    if reading.can_call is False:
        status, state, state_zh = "exhausted", "exhausted", "已用尽"
    elif reading.can_call and max(a.number for a in reading.headline) < LOW:
        status, state, state_zh = "low", "low", "余额不多"
    else:
        status, state, state_zh = "ok", "", ""
    notes = [en for en, _ in reading.notes]
    notes_zh = [zh for _, zh in reading.notes]
    if state:
        notes.insert(0, state)
        notes_zh.insert(0, state_zh)
    label, label_zh = reading.label
    en = f"{name} {label}: {shown}" if shown else f"{name} {label}"
    zh = f"{name_zh}{label_zh}：{shown_zh}" if shown_zh else f"{name_zh}{label_zh}"
    if notes:
        en += f" ({'; '.join(notes)})" if shown else f": {'; '.join(notes)}"
        zh += f"（{'；'.join(notes_zh)}）" if shown_zh else f"：{'；'.join(notes_zh)}"
    return _result(provider, status, en, zh, started, reading)


def failed(provider: Provider | None, message: str, message_zh: str) -> BalanceResult:
    """A balance that could not be asked for, and why (MESSAGE, MESSAGE_ZH)."""
    return _result(provider, "failed", message, message_zh, time.monotonic())


def no_balance_api(provider: Provider | None, kind: str | None) -> BalanceResult:
    """The result for a provider with no documented balance API: where to look instead."""
    started = time.monotonic()
    name = provider.name if provider else (kind or "This provider")
    name_zh = _names(provider)[1] if provider else (f"{kind} " if kind else "该服务商")
    url = _usage_url(provider)
    en = f"{name} has no balance API" + (f": see {url}" if url else "")
    zh = f"{name_zh}没有查询余额的 API" + (f"：请在 {url} 查看" if url else "")
    return _result(provider, "no_api", en, zh, started)


def not_its_account(provider: Provider, host: str) -> BalanceResult:
    """The result for a backend at HOST that only speaks PROVIDER's API (a relay, a gateway,
    a name such as "OpenAI中转"): the account is that service's, and so is its balance; the
    provider's usage page is not where to look."""
    name, name_zh = _names(provider)
    result = _result(provider, "unavailable",
                     f"Balance: not asked, {host} is not {name}'s own host: the account is "
                     "that service's, on its own site",
                     f"余额：未查询，{host} 不是{name_zh}自己的主机：账户属于该服务，请在它自己的"
                     "网站上查看", time.monotonic())
    return result.model_copy(update={"url": None})


def provider_record(kind: str | None) -> Provider | None:
    """KIND's provider record."""
    return lookup(kind)


def owns_host(provider: Provider, host: str) -> bool:
    """Whether HOST (a name, without port) is one of PROVIDER's own hosts."""
    return bool(provider.hosts and host and re.search(provider.hosts, host, re.IGNORECASE))


# Asking ----------------------------------------------------------------------------------------

def _headers(scheme: str, key: str) -> dict[str, str]:
    headers = {"Accept": "application/json"}
    if scheme == "bearer":
        headers["Authorization"] = f"Bearer {key}"
    elif scheme != "none":
        headers[scheme] = key
    return headers


def _url(provider: Provider, base: str, host: str) -> str | None:
    """The balance URL, or None when it is on another host than HOST."""
    assert provider.balance is not None
    path = provider.balance.path
    if "://" not in path:
        return base + "/" + path.lstrip("/")
    parts = urlsplit(path)
    return path if parts.scheme == "https" and (parts.hostname or "").lower() == host.lower() \
        else None


def _get(url: str, headers: dict[str, str], timeout: float, proxy: str | None,
         verify: Any) -> tuple[int, dict[str, str], bytes]:
    import httpx  # only the live checks need it

    if url.startswith("http://") and not proxy:
        verify = False  # no TLS here: spare loading the CA bundle
    with httpx.Client(proxy=proxy or None, verify=verify, follow_redirects=False,
                      trust_env=False, timeout=timeout) as client:
        response = client.get(url, headers=headers)
        return response.status_code, dict(response.headers), response.content


def fetch_balance(provider: Provider, host: str, protocol: str, key: str | None, *,
                  port: int | None = None, proxy: str | None = None, verify: Any = True,
                  timeout: float | None = None) -> BalanceResult:
    """PROVIDER's balance for KEY, asked of the backend at PROTOCOL://HOST[:PORT].

    The key goes only to HOST, and only when HOST is one of the provider's own hosts; a
    redirect is reported, never followed.  The whole exchange (name lookup included) ends
    within TIMEOUT seconds (default BALANCE_TIMEOUT).
    """
    started = time.monotonic()
    timeout = BALANCE_TIMEOUT if timeout is None else timeout
    name, name_zh = _names(provider)
    if provider.balance is None or provider.balance.format not in PARSERS:
        return no_balance_api(provider, provider.kind)
    if not owns_host(provider, host):
        # A relay's account is its own; a proxy that only forwards uses the provider's.
        url = _usage_url(provider)
        see, see_zh = ((f"; if it only forwards to {name} with a {name} key, see {url}",
                        f"；如果它只是用{name_zh}的密钥转发到{name_zh.rstrip()}，请在 {url} 查看")
                       if url else ("", ""))
        return _result(provider, "unavailable",
                       f"{name} balance: not asked, {host} is not {name}'s own host. If it is "
                       f"a relay, the balance is on its own site{see}",
                       f"{name_zh}余额：未查询，{host} 不是该服务商自己的主机。如果它是中转服务，"
                       f"余额请在它自己的网站上查看{see_zh}", started)
    if not key:
        return _result(provider, "failed", f"{name} balance: no API key to ask with",
                       f"{name_zh}余额：没有可用于查询的 API 密钥", started)
    default = 443 if protocol == "https" else 80
    shown_host = f"[{host}]" if ":" in host else host
    base = f"{protocol}://{shown_host}" + (f":{port}" if port and port != default else "")
    url = _url(provider, base, host)
    if url is None:
        return _result(provider, "failed",
                       f"{name} balance: its URL is not on {host}: not asked",
                       f"{name_zh}余额：查询地址不在 {host} 上，未查询", started)
    headers = _headers(provider.balance.auth, key)
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    try:
        status, answer_headers, body = pool.submit(
            _get, url, headers, timeout, proxy, verify).result(timeout=timeout + 0.5)
    except (concurrent.futures.TimeoutError, TimeoutError):
        return _timed_out(provider, timeout, started)
    except Exception as exc:  # httpx's errors: timeouts, connection and protocol errors
        if "Timeout" in type(exc).__name__:
            return _timed_out(provider, timeout, started)
        return _result(provider, "failed",
                       f"{name} balance: no answer from {host} ({type(exc).__name__})",
                       f"{name_zh}余额：{host} 没有响应（{type(exc).__name__}）", started)
    finally:
        pool.shutdown(wait=False)
    return _read(provider, host, status, answer_headers, body, started)


def _timed_out(provider: Provider, timeout: float, started: float) -> BalanceResult:
    name, name_zh = _names(provider)
    seconds = f"{timeout:g}"
    return _result(provider, "failed", f"{name} balance: no answer in {seconds} s (timed out)",
                   f"{name_zh}余额：{seconds} 秒内没有响应（超时）", started)


def _read(provider: Provider, host: str, status: int, headers: dict[str, str], body: bytes,
          started: float) -> BalanceResult:
    name, name_zh = _names(provider)
    if 300 <= status < 400:
        other = urlsplit(headers.get("location", "")).hostname or host
        return _result(provider, "failed",
                       f"{name} balance: {host} redirects to {other}; not followed, so the key "
                       "was not sent there",
                       f"{name_zh}余额：{host} 重定向到 {other}；未跟随，密钥没有发往那里",
                       started)
    if status in (401, 403):
        return _result(provider, "failed",
                       f"{name} balance: the key was rejected (HTTP {status})",
                       f"{name_zh}余额：API 密钥被拒绝（HTTP {status}）", started)
    if status >= 400:
        return _result(provider, "failed", f"{name} balance: could not be read (HTTP {status})",
                       f"{name_zh}余额：无法读取（HTTP {status}）", started)
    assert provider.balance is not None
    try:
        # Amounts stay exact: "49.58894" is kept as sent, never rounded through a float.
        data = json.loads(body.decode("utf-8"), parse_float=Decimal)
        reading = PARSERS[provider.balance.format](data, host)
    except (ValueError, UnicodeDecodeError, Malformed):
        return _result(provider, "failed",
                       f"{name} balance: the answer is not in the documented shape",
                       f"{name_zh}余额：响应的格式与文档不符", started)
    return describe(provider, reading, started)
