"""The address of the client that sent a request, for limits and logs.

Behind a reverse proxy (nginx, a load balancer, a platform's router) every request
comes from the proxy's address; the proxy names the real client in the
X-Forwarded-For header, appending the address it received the request from. That
header is believed only when the request comes from an address in TRUSTED_PROXIES:
anyone else could write any address into it, and dodge the sign-in limits or lock
somebody else out.
"""

from ipaddress import ip_address

from fastapi import Request

from app.core.config import settings


def client_address(request: Request) -> str:
    peer = request.client.host if request.client else "unknown"
    if not _is_trusted_proxy(peer):
        return peer
    forwarded = request.headers.get("x-forwarded-for", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    # Read from the right: each trusted proxy appended the address it was called from,
    # so the first untrusted address from the right is the client's. What lies further
    # left was written by the client itself and proves nothing.
    for hop in reversed(hops):
        if not _is_trusted_proxy(hop):
            return hop if _is_address(hop) else peer
    return peer


def _is_trusted_proxy(address: str) -> bool:
    if not _is_address(address):
        return False
    return any(ip_address(address) in network for network in settings.TRUSTED_PROXIES)


def _is_address(text: str) -> bool:
    try:
        ip_address(text)
    except ValueError:
        return False
    return True
