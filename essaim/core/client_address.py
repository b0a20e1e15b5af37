"""The visitor's address, for whatever counts requests per client (the login lock-out).

Behind `PROXY_COUNT` reverse proxies, each one appends the address it received the request from
to `X-Forwarded-For`; the entry written by the outermost proxy of ours, `PROXY_COUNT` from the
right, is the visitor. Entries further left came from the visitor and may be forged, so they are
never read. Without a proxy (`PROXY_COUNT` = 0) the header is ignored altogether: anyone can send it.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The visitor's IP address: REMOTE_ADDR, or the address our own proxies vouch for."""
    remote = str(request.META.get("REMOTE_ADDR") or "")
    count = int(getattr(settings, "PROXY_COUNT", 0))
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
