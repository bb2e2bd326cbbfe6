"""The live checkup: probes of the user's backend.  The only code that touches the network.

Every probe is bounded (a few seconds) and the whole checkup has a deadline.  Probes go only
to the configured host and proxy (and, for alternatives, to default loopback ports); a
redirect to another host is reported, never followed with the key.  The key is used only in
the request that checks it and never appears in a result or a log line.
"""

from __future__ import annotations

import concurrent.futures
import difflib
import errno
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from . import i18n
from .i18n import N_
from .protocol import (
    Alternative,
    BalanceParams,
    BalanceResult,
    Check,
    CheckParams,
    CheckResult,
    Fix,
)
from .providers import (
    LOCAL_PORTS,
    START_COMMANDS,
    ModelList,
    display_name,
    identified,
    lookup,
    misspelt_host,
)
from .redact import redact

PROBE_TIMEOUT = 3.0
TOTAL_BUDGET = 15.0
LOCAL_TIMEOUT = 0.5

# How a backend of unknown kind lists models: the OpenAI way most servers imitate.
_DEFAULT_MODELS = ModelList("/v1/models", "bearer")


def _model_list(kind: str | None) -> ModelList:
    """How KIND's provider lists models with a key: its cheapest authenticated read."""
    provider = lookup(kind)
    return provider.models if provider and provider.models else _DEFAULT_MODELS


@dataclass
class _Target:
    protocol: str
    name: str
    port: int
    kind: str | None
    # Only the API is KIND's (`identified`): a relay or gateway speaking it, whose account
    # and balance are its own.
    api_only: bool = False

    @property
    def base(self) -> str:
        default = 443 if self.protocol == "https" else 80
        host = f"[{self.name}]" if ":" in self.name else self.name
        port = "" if self.port == default else f":{self.port}"
        return f"{self.protocol}://{host}{port}"


def _target(params: CheckParams) -> _Target | None:
    host = (params.backend.host or "").strip()
    if not host or "/" in host:
        return None
    protocol = (params.backend.protocol or "https").lower()
    name, port = host, 443 if protocol == "https" else 80
    if host.startswith("["):
        name, _, rest = host[1:].partition("]")
        port = int(rest[1:]) if rest.startswith(":") and rest[1:].isdigit() else port
    elif host.count(":") == 1:
        name, _, text = host.partition(":")
        port = int(text) if text.isdigit() else port
    # Who answers, as the diagnosis says it: by host (or a local server's port), kind, name.
    provider, api_only = identified(host, params.backend.kind, params.backend.name)
    kind = provider.kind if provider else (params.backend.kind or "").lower() or None
    if kind in (None, "openai") and name in ("localhost", "127.0.0.1", "::1"):
        kind = LOCAL_PORTS.get(port, kind)
    return _Target(protocol, name, port, kind, api_only)


class _Budget:
    """The checkup's deadline: each probe gets at most PROBE_TIMEOUT and what is left."""

    def __init__(self, total: float) -> None:
        self.end = time.monotonic() + total

    def timeout(self) -> float:
        return max(0.05, min(PROBE_TIMEOUT, self.end - time.monotonic()))

    def spent(self) -> bool:
        return time.monotonic() >= self.end


def _say(locale: str, template: str, **values: Any) -> str:
    """TEMPLATE, a checkup text marked with `i18n.N_`, in LOCALE, filled with VALUES."""
    return i18n.tidy(locale, i18n.gettext(locale, template).format(**values))


# What the system's commonest network errors mean, for the Chinese checkup (English keeps
# the system's own words).
_ERRNO = {
    errno.ECONNREFUSED: N_("connection refused"),
    errno.ETIMEDOUT: N_("timed out"),
    errno.EHOSTUNREACH: N_("host unreachable"),
    errno.ENETUNREACH: N_("network unreachable"),
    errno.ECONNRESET: N_("connection reset"),
}
_EAI = {
    socket.EAI_NONAME: N_("no such host name"),
    socket.EAI_AGAIN: N_("the DNS server did not answer"),
}


def _os_error(exc: OSError, locale: str) -> str:
    """What EXC says: the system's words in English, the meaning in LOCALE where known."""
    table = _EAI if isinstance(exc, socket.gaierror) else _ERRNO
    known = table.get(exc.errno or 0) if locale != "en" else None
    return i18n.gettext(locale, known) if known else str(exc.strerror or exc)


# httpx's errors by name, for the Chinese checkup (English keeps the name).
_HTTPX = {
    "ConnectError": N_("could not connect"),
    "ConnectTimeout": N_("connecting timed out"),
    "ReadTimeout": N_("no response in time"),
    "WriteTimeout": N_("sending timed out"),
    "PoolTimeout": N_("timed out"),
    "ProxyError": N_("the proxy failed"),
    "ReadError": N_("the connection broke while receiving"),
    "WriteError": N_("sending the request failed"),
    "RemoteProtocolError": N_("the server broke the HTTP protocol"),
}


def _http_error(exc: Exception, locale: str) -> str:
    name = type(exc).__name__
    known = _HTTPX.get(name) if locale != "en" else None
    return i18n.gettext(locale, known) if known else name


def _check(name: str, status: str, message: str, *fixes: Fix, started: float) -> Check:
    return Check(name=name, status=status,  # type: ignore[arg-type]
                 message=redact(message), fixes=list(fixes),
                 elapsed_ms=round((time.monotonic() - started) * 1000, 1))


def _within(seconds: float, call: Callable[[], Any]) -> Any:
    """CALL's result, or TimeoutError if it takes longer than SECONDS (getaddrinfo has no
    timeout of its own)."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(call).result(timeout=seconds)
    finally:
        pool.shutdown(wait=False)


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return False


def _probe_dns(target: _Target, budget: _Budget, locale: str) -> tuple[Check, list[str]]:
    started = time.monotonic()
    if _is_ip(target.name):
        return _check("dns", "pass", _say(locale, N_("{host} is an address: nothing to resolve"),
                                          host=target.name),
                      started=started), [target.name]
    try:
        infos = _within(budget.timeout(), lambda: socket.getaddrinfo(
            target.name, target.port, type=socket.SOCK_STREAM))
    except (OSError, TimeoutError, concurrent.futures.TimeoutError) as exc:
        why = _say(locale, N_("no answer in time")) if isinstance(
            exc, (TimeoutError, concurrent.futures.TimeoutError)) else (
            str(exc) if locale == "en" else _os_error(exc, locale))
        intended = misspelt_host(target.name)
        text = N_("{host} does not resolve ({why}): did you mean {intended}? Check the :host "
                  "spelling") if intended else N_(
            "{host} does not resolve ({why}): check the :host spelling, the network and DNS")
        return _check("dns", "fail", _say(locale, text, host=target.name, why=why,
                                          intended=intended), started=started), []
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    return _check("dns", "pass", _say(locale, N_("{host} resolves to {addresses}"),
                                      host=target.name, addresses=", ".join(addresses[:3])),
                  started=started), addresses


def _probe_tcp(target: _Target, addresses: list[str], budget: _Budget, locale: str) -> Check:
    started = time.monotonic()
    error: str = _say(locale, N_("no address"))
    for address in addresses[:2]:
        try:
            with socket.create_connection((address, target.port), timeout=budget.timeout()):
                return _check("connect", "pass", _say(
                    locale, N_("TCP connection to {address} port {port} works"),
                    address=address, port=target.port), started=started)
        except TimeoutError:
            error = _say(locale, N_("no answer from {address} port {port} in time"),
                         address=address, port=target.port)
        except OSError as exc:
            error = _say(locale, N_("{address} port {port}: {error}"), address=address,
                         port=target.port, error=_os_error(exc, locale))
    fixes = []
    if target.kind in START_COMMANDS and target.name in ("localhost", "127.0.0.1", "::1"):
        fixes.append(Fix(title=_say(locale, N_("Start {name}"), name=display_name(target.kind)),
                         applicability="display-only", command=START_COMMANDS[target.kind]))
    return _check("connect", "fail", _say(locale, N_("cannot connect: {error}"), error=error),
                  *fixes, started=started)


def _ssl_context(cafile: str | None) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if cafile:
        context.load_verify_locations(cafile=cafile)
    return context


def _probe_tls(target: _Target, addresses: list[str], budget: _Budget,
               cafile: str | None, locale: str) -> Check:
    started = time.monotonic()
    try:
        context = _ssl_context(cafile)
        with socket.create_connection((addresses[0], target.port),
                                      timeout=budget.timeout()) as raw, \
                context.wrap_socket(raw, server_hostname=target.name) as tls:
            version = tls.version()
        return _check("tls", "pass", _say(
            locale, N_("TLS handshake with {host} works ({version}), certificate trusted"),
            host=target.name, version=version), started=started)
    except ssl.SSLCertVerificationError as exc:
        reason = exc.verify_message or str(exc)
        # The file is the user's to name: the companion asks for it (ASK_CACERT's kind).
        fix = Fix(title=_say(locale, N_("Trust a CA certificate file")),
                  applicability="unsafe", variable="gptel-curl-extra-args", ask="cacert")
        return _check("tls", "fail", _say(locale, N_(
            "certificate problem: {reason} (self-signed, an unknown CA such as a corporate "
            "proxy's, expired, or for another name)"), reason=reason), fix, started=started)
    except ssl.SSLError as exc:
        return _check("tls", "fail", _say(locale, N_(
            "TLS handshake failed: {reason} (a plain-HTTP server needs :protocol \"http\")"),
            reason=exc.reason or exc), started=started)
    except (OSError, TimeoutError) as exc:
        return _check("tls", "fail", _say(locale, N_("TLS handshake did not complete: {error}"),
                                          error=exc if locale == "en" else _os_error(exc, locale)),
                      started=started)


def proxy_url(proxy: str | None) -> str | None:
    """PROXY as a URL: like curl, a bare "host:port" (as gptel-proxy often is) means HTTP."""
    if not proxy:
        return None
    return proxy if "://" in proxy else f"http://{proxy}"


def _client(proxy: str | None, cafile: str | None, insecure: bool) -> Any:
    import httpx  # only the checkup needs it: keep it out of the server's start-up

    verify: Any = False if insecure else (_ssl_context(cafile) if cafile else True)
    return httpx.Client(proxy=proxy_url(proxy), verify=verify, follow_redirects=False,
                        trust_env=False, timeout=PROBE_TIMEOUT)


def _auth_headers(scheme: str, key: str | None, kind: str | None) -> dict[str, str]:
    headers = {"Accept": "application/json"}
    if kind == "anthropic":
        headers["anthropic-version"] = "2023-06-01"
    if not key or scheme == "none":
        return headers
    if scheme == "bearer":
        headers["Authorization"] = f"Bearer {key}"
    else:
        headers[scheme] = key
    return headers


def _model_names(data: Any) -> list[str]:
    """Model ids in a models listing, whatever the provider's shape."""
    items: Any = []
    if isinstance(data, dict):
        items = data.get("data") or data.get("models") or []
    elif isinstance(data, list):
        items = data
    names = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            name = item.get("id") or item.get("name") or item.get("model")
            if isinstance(name, str):
                names.append(name.removeprefix("models/"))
        elif isinstance(item, str):
            names.append(item)
    return names


def _http_probe(client: Any, url: str, headers: dict[str, str], budget: _Budget) -> Any:
    return client.get(url, headers=headers, timeout=budget.timeout())


def _diagnose_body(response: Any, target: _Target, key_set: bool, locale: str) -> str:
    """What an error answer means, in one line, by the diagnosis engine."""
    from .engine import diagnose
    from .protocol import DiagnoseParams

    try:
        body: Any = response.json()
    except ValueError:
        body = response.text[:2000]
    error = body.get("error", body) if isinstance(body, dict) else body
    params = DiagnoseParams.model_validate({
        "error": {"status": f"HTTP/1.1 {response.status_code}",
                  "http_status": str(response.status_code), "error": error},
        "backend": {"kind": target.kind, "host": target.name, "has_key": key_set},
        "locale": locale})
    return diagnose(params).summary


def _probe_api(client: Any, target: _Target, params: CheckParams, budget: _Budget,
               key: str | None, locale: str) -> list[Check]:
    """The API answers; the key works; the model is available.  Up to three checks."""
    started = time.monotonic()
    listing = _model_list(target.kind)
    path, scheme = listing.path, listing.auth
    endpoint = params.backend.endpoint or ""
    if target.kind in (None, "openai", "llamacpp", "lmstudio", "vllm", "gpt4all") and \
            endpoint.endswith("/chat/completions"):
        path = endpoint.removesuffix("/chat/completions") + "/models"
    url = target.base + path
    try:
        response = _http_probe(client, url, _auth_headers(scheme, key, target.kind), budget)
    except Exception as exc:  # httpx's errors: timeouts, connection and protocol errors
        return [_check("api", "fail", _say(locale, N_("no HTTP response from {base}: {error}"),
                                           base=target.base, error=_http_error(exc, locale)),
                       started=started)]
    checks = []
    status = response.status_code
    if 300 <= status < 400:
        location = response.headers.get("location", "")
        other = urlsplit(location).hostname
        if other and other != target.name:
            return [_check("api", "warn", _say(locale, N_(
                "{base} redirects to another host ({other}); not followed, so the key was not "
                "sent there"), base=target.base, other=other), started=started)]
        return [_check("api", "warn", _say(locale, N_("{url} answered a redirect ({status})"),
                                           url=url, status=status), started=started)]
    checks.append(_check("api", "pass", _say(
        locale, N_("the API at {base} answers (HTTP {status})"), base=target.base,
        status=status), started=started))
    key_started = time.monotonic()
    if scheme != "none" and not key:
        provider = lookup(target.kind)
        checks.append(_check("key", "fail", _say(
            locale, N_("no API key: gptel found none for this backend")),
                             Fix(title=_say(locale, N_("Create a key")),
                                 applicability="display-only",
                                 url=(provider.keys_url or provider.console_url)
                                 if provider else None),
                             started=key_started))
        return checks
    if status in (401, 403):
        checks.append(_check("key", "fail", _diagnose_body(response, target, bool(key), locale),
                             started=key_started))
        return checks
    if status >= 400:
        checks.append(_check("key", "warn", _say(
            locale, N_("listing models failed (HTTP {status}): {diagnosis}"), status=status,
            diagnosis=_diagnose_body(response, target, bool(key), locale)),
                             started=key_started))
        return checks
    if scheme != "none":
        checks.append(_check("key", "pass", _say(
            locale, N_("the key is accepted (listing models works)")), started=key_started))
    try:
        available = _model_names(response.json())
    except ValueError:
        available = []
    checks.append(_model_check(params, available, target, locale))
    return checks


def _model_check(params: CheckParams, available: list[str], target: _Target,
                 locale: str = "en") -> Check:
    started = time.monotonic()
    model = params.request.model
    if not model:
        return _check("model", "warn", _say(locale, N_("no model selected (gptel-model is nil)")),
                      started=started)
    if target.kind == "openrouter" or not available:
        return _check("model", "warn", _say(
            locale, N_("could not list this key's models to look for {model}"), model=model),
                      started=started)
    if model in available or f"{model}:latest" in available:
        return _check("model", "pass", _say(locale, N_("{model} is available to this key"),
                                            model=model), started=started)
    close = difflib.get_close_matches(model, available, n=3, cutoff=0.5)
    fixes = [Fix(title=_say(locale, N_("Use {model}"), model=name), applicability="unsafe",
                 variable="gptel-model", value=f"'{name}")
             for name in close if _is_symbol_name(name)]
    text = _say(locale, N_("{model} is not among the {count} models this key can use"),
                model=model, count=len(available))
    if close:
        text += _say(locale, N_("; closest: {models}"), models=", ".join(close))
    return _check("model", "fail", text, *fixes, started=started)


def _is_symbol_name(name: str) -> bool:
    return bool(name) and not any(c in name for c in " ()'\"`;#,\\[]")


def _probe_proxy(proxy: str, budget: _Budget, locale: str = "en") -> Check:
    started = time.monotonic()
    parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    if not parts.hostname:
        return _check("proxy", "fail", _say(locale, N_("gptel-proxy is not a URL")),
                      started=started)
    port = parts.port or (1080 if parts.scheme.startswith("socks") else 80)
    try:
        with socket.create_connection((parts.hostname, port), timeout=budget.timeout()):
            pass
    except (OSError, TimeoutError) as exc:
        return _check("proxy", "fail", _say(
            locale, N_("the proxy {proxy} does not answer: {error}"),
            proxy=f"{parts.hostname}:{port}",
            error=exc if locale == "en" else _os_error(exc, locale)), started=started)
    return _check("proxy", "pass", _say(locale, N_("the proxy {proxy} accepts connections"),
                                        proxy=f"{parts.hostname}:{port}"), started=started)


def _local_alternative(kind: str, port: int) -> Alternative | None:
    import httpx

    try:
        response = httpx.get(f"http://127.0.0.1:{port}{_model_list(kind).path}",
                             timeout=LOCAL_TIMEOUT, trust_env=False, follow_redirects=False)
    except Exception:  # nothing there, or not this server
        return None
    if response.status_code != 200:
        return None
    try:
        models = _model_names(response.json())
    except ValueError:
        return None
    return Alternative(kind=kind, name=display_name(kind), host=f"localhost:{port}",
                       models=models[:20], snippet=_snippet(kind, port, models))


def _snippet(kind: str, port: int, models: list[str]) -> str:
    names = " ".join(m for m in models[:5] if _is_symbol_name(m)) or "MODEL"
    constructor = "gptel-make-ollama" if kind == "ollama" else "gptel-make-openai"
    extra = "" if kind == "ollama" else " :protocol \"http\" :endpoint \"/v1/chat/completions\""
    return (f"(setq gptel-backend ({constructor} \"{display_name(kind)}\" "
            f":host \"localhost:{port}\"{extra} :stream t :models '({names}))\n"
            f"      gptel-model '{names.split()[0]})")


def _alternatives(ports: dict[int, str]) -> list[Alternative]:
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, len(ports))) as pool:
        found = pool.map(lambda item: _local_alternative(item[1], item[0]), ports.items())
        return [alternative for alternative in found if alternative]


def _curl_options(curl_args: list[str]) -> tuple[str | None, bool]:
    cafile, insecure = None, False
    for index, arg in enumerate(curl_args):
        if arg in ("--insecure", "-k"):
            insecure = True
        if arg == "--cacert" and index + 1 < len(curl_args):
            cafile = curl_args[index + 1]
    return cafile, insecure


def run_check(params: CheckParams) -> CheckResult:
    """The checkup of PARAMS's backend."""
    started = time.monotonic()
    budget = _Budget(TOTAL_BUDGET)
    checks: list[Check] = []
    target = _target(params)
    key = params.key.strip() if params.key else None
    settings = params.settings
    locale = i18n.choose(params.locale)
    ports = {int(port): kind for port, kind in (settings.local_ports or {}).items()} or {
        port: kind for port, kind in LOCAL_PORTS.items()}
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        alternatives = pool.submit(_alternatives, ports)
        if params.key and params.key != params.key.strip():
            checks.append(_check("key-format", "fail", _say(locale, N_(
                "the key has whitespace around it (a trailing newline breaks the request "
                "headers)")), started=time.monotonic()))
        if settings.proxy:
            checks.append(_probe_proxy(settings.proxy, budget, locale))
        if target is None:
            checks.append(_check("host", "fail", _say(locale, N_(
                "the backend's :host is empty or contains a scheme or path: it takes a bare "
                "name like api.openai.com")), started=time.monotonic()))
        else:
            checks.extend(_probe_network(target, params, budget, key, locale))
        try:
            found = alternatives.result(timeout=max(0.1, budget.end - time.monotonic()))
        except concurrent.futures.TimeoutError:
            found = []
    count = {status: sum(1 for c in checks if c.status == status)
             for status in ("pass", "warn", "fail")}
    # One warning is "1 warning": English's plural, a msgid of its own.
    line = N_("{passed} passed, {warnings} warning, {failed} failed") if count["warn"] == 1 \
        else N_("{passed} passed, {warnings} warnings, {failed} failed")
    return CheckResult(
        checks=checks, alternatives=found,
        summary=_say(locale, line, passed=count["pass"], warnings=count["warn"],
                     failed=count["fail"]),
        elapsed_ms=round((time.monotonic() - started) * 1000, 1))


def _probe_network(target: _Target, params: CheckParams, budget: _Budget,
                   key: str | None, locale: str) -> list[Check]:
    checks: list[Check] = []
    settings = params.settings
    proxied = bool(settings.proxy)
    addresses: list[str] = []
    if not proxied:
        dns, addresses = _probe_dns(target, budget, locale)
        checks.append(dns)
        if not addresses:
            return checks
        connect = _probe_tcp(target, addresses, budget, locale)
        checks.append(connect)
        if connect.status == "fail":
            return checks
    cafile, insecure = _curl_options(settings.curl_args or [])
    if target.protocol == "https" and not proxied:
        if insecure:
            checks.append(_check("tls", "warn", _say(
                locale, N_("certificate checks are off (--insecure)")), started=time.monotonic()))
        else:
            tls = _probe_tls(target, addresses, budget, cafile, locale)
            checks.append(tls)
            if tls.status == "fail":
                return checks
    if budget.spent():
        return checks
    with _client(settings.proxy, cafile, insecure) as client:
        checks.extend(_probe_api(client, target, params, budget, key, locale))
    balance = _probe_balance(target, params, budget, key, checks, locale)
    if balance:
        checks.append(balance)
    return checks


def _verify(cafile: str | None, insecure: bool) -> Any:
    return False if insecure else (_ssl_context(cafile) if cafile else True)


def _probe_balance(target: _Target, params: CheckParams, budget: _Budget, key: str | None,
                   checks: list[Check], locale: str = "en") -> Check | None:
    """The account's balance, where the provider has a balance API and the key got in."""
    from .balance import fetch_balance, provider_record

    provider = provider_record(target.kind)
    if provider is None or provider.balance is None or budget.spent() or not any(
            c.name == "key" and c.status in ("pass", "warn") for c in checks):
        return None
    started = time.monotonic()
    cafile, insecure = _curl_options(params.settings.curl_args or [])
    result = fetch_balance(provider, target.name, target.protocol, key, port=target.port,
                           proxy=proxy_url(params.settings.proxy), verify=_verify(cafile, insecure),
                           timeout=budget.timeout())
    status = {"ok": "pass", "exhausted": "fail"}.get(result.status, "warn")
    fixes = []
    if result.status in ("low", "exhausted") and (provider.billing_url or result.url):
        fixes.append(Fix(title=_say(locale, N_("Top up")), applicability="display-only",
                         url=provider.billing_url or result.url))
    elif result.status == "unavailable" and result.url:
        fixes.append(Fix(title=_say(locale, N_("See the usage page")),
                         applicability="display-only", url=result.url))
    return _check("balance", status, result.message_zh if locale == "zh" else result.message,
                  *fixes, started=started)


def run_balance(params: BalanceParams) -> BalanceResult:
    """The balance of PARAMS's backend's account, asked of the provider's own host only."""
    from .balance import failed, fetch_balance, no_balance_api, not_its_account, provider_record

    target = _target(params)
    if target is None:
        return failed(None, "balance: the backend's :host is empty or contains a scheme or "
                      "path", "余额：后端的 :host 为空，或包含协议或路径")
    provider = provider_record(target.kind)
    # Only the API is the provider's, as the diagnosis has it: the account and its balance
    # are the service's at the host.
    if provider is not None and target.api_only:
        return not_its_account(provider, target.name)
    if provider is None or provider.balance is None:
        return no_balance_api(provider, target.kind)
    cafile, insecure = _curl_options(params.settings.curl_args or [])
    key = params.key.strip() if params.key else None
    return fetch_balance(provider, target.name, target.protocol, key, port=target.port,
                         proxy=proxy_url(params.settings.proxy), verify=_verify(cafile, insecure))
