"""Ports and HTTP: everything listens on 127.0.0.1 only."""

from __future__ import annotations

import http.client
import socket
import time
from dataclasses import dataclass, field

HOST = "127.0.0.1"


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@dataclass
class Response:
    """An HTTP response, read completely."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def request(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 10.0,
) -> Response:
    """Send one request to 127.0.0.1:``port`` and return the whole response.

    Unlike urllib, 4xx and 5xx are returned, not raised: error responses are
    exactly what the security-header checks need to look at.
    """
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    return send(conn, method, path, body, headers)


def send(
    conn: http.client.HTTPConnection,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """One request on ``conn`` (HTTP or HTTPS), read whole; the connection is closed after."""
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        data = resp.read()
        return Response(
            status=resp.status,
            headers={name.lower(): value for name, value in resp.getheaders()},
            body=data,
        )
    finally:
        conn.close()


def wait_for_port_closed(port: int, timeout: float = 10.0) -> bool:
    """Wait until nothing accepts connections on ``port``; True if it closed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.settimeout(0.5)
            if sock.connect_ex((HOST, port)) != 0:
                return True
        time.sleep(0.1)
    return False


def wait_for_port_open(port: int, timeout: float = 10.0) -> bool:
    """Wait until something accepts connections on ``port``; True if it did."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.settimeout(0.5)
            if sock.connect_ex((HOST, port)) == 0:
                return True
        time.sleep(0.05)
    return False
