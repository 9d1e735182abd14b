"""Where webhooks may point: http(s) URLs whose host is, and resolves only to, public addresses. A host that is
or resolves to a loopback, private, link-local, multicast, reserved or otherwise non-global address would let
whoever subscribes make Eventline call into its own network (SSRF). `EVENTLINE_WEBHOOK_ALLOW_PRIVATE=true`
lifts the address rule (receivers on an intranet, tests); the scheme rule always holds. Checked when a webhook
is subscribed, again before each request (DNS answers change), and when connecting: `PublicOnlyBackend` connects
only to an address it vetted itself, so a name that turns private between the check and the connection
(DNS rebinding) is refused too."""

from __future__ import annotations

import socket
from collections.abc import Callable
from ipaddress import IPv4Address, IPv6Address, ip_address
from typing import Any
from urllib.parse import urlsplit

import httpcore

from service.errors import InvalidInput

Resolver = Callable[[str, int], list[str]]
SCHEMES = {"http": 80, "https": 443}
# In the order they are named when refused: the most telling first ("private" covers most of the others too).
_REFUSED = ("loopback", "link_local", "multicast", "unspecified", "reserved", "private")


def resolve_host(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for the host (IPv4 and IPv6)."""
    return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})


def refused_kind(address: IPv4Address | IPv6Address) -> str | None:
    """Why a webhook may not call this address ("loopback", "private", …), or None for a public address."""
    if isinstance(address, IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    for kind in _REFUSED:
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if address.is_global else "non-global"


def public_addresses(host: str, port: int, *, resolve: Resolver = resolve_host) -> list[IPv4Address | IPv6Address]:
    """The host's addresses (itself if it is one); InvalidInput unless there are some and every one is public."""
    try:
        addresses = [ip_address(host)]
    except ValueError:
        try:
            addresses = [ip_address(a.split("%", 1)[0]) for a in resolve(host, port)]
        except (OSError, UnicodeError, ValueError) as error:
            raise InvalidInput(f"the webhook host {host!r} does not resolve") from error
    if not addresses:
        raise InvalidInput(f"the webhook host {host!r} does not resolve")
    for address in addresses:
        if (kind := refused_kind(address)) is not None:
            raise InvalidInput(
                f"the webhook host {host!r} is or resolves to a {kind} address ({address}); webhooks may only "
                "call public addresses unless EVENTLINE_WEBHOOK_ALLOW_PRIVATE=true")
    return addresses


def check_destination(url: str, *, allow_private: bool, resolve: Resolver = resolve_host) -> None:
    """Raises InvalidInput (422) unless the URL is http(s) and its host, and every address it resolves to, is
    public (or `allow_private`)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES or not parts.hostname:
        raise InvalidInput("a webhook URL must be an absolute http:// or https:// URL")
    if allow_private:
        return
    try:
        port = parts.port or SCHEMES[scheme]
    except ValueError as error:
        raise InvalidInput(f"the webhook URL has an invalid port: {error}") from error
    public_addresses(parts.hostname, port, resolve=resolve)


class PublicOnlyBackend(httpcore.SyncBackend):
    """httpcore's network backend, connecting only to a public address it resolved and vetted itself (TLS still
    verifies the certificate against the host name)."""

    def __init__(self, resolve: Resolver = resolve_host) -> None:
        self._resolve = resolve

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        try:
            address = public_addresses(host, port, resolve=self._resolve)[0]
        except InvalidInput as refused:
            raise httpcore.ConnectError(f"refused: {refused.detail}") from refused
        return super().connect_tcp(str(address), port, timeout, local_address, socket_options)
