"""nginx in front of two copies of a generated app, with the project's own configuration.

compose.yaml builds the proxy's image from deploy/nginx/Dockerfile (Debian 12's nginx-light
and its headers-more module, with deploy/nginx/nginx.conf) and mounts default.conf and the
certificate that deploy/nginx/make-certificate.sh makes. Here the same packages serve the
same files on 127.0.0.1 (no Docker engine, no images): the configuration is the project's,
read as text, with what only compose knows put in its place:

- the upstream's ``server app:8000;`` (Docker's DNS) becomes the two copies' ports;
- the listen ports 8080 and 8443 (and the redirect's 8443) become free ports;
- the certificate's folder /etc/nginx/certs/ becomes the project's deploy/nginx/certs/;
- nginx connects to the copies from ``PROXY_ADDRESS`` (127.0.0.254), the one address the
  copies trust (``TRUSTED_PROXIES``), so that clients on other loopback addresses
  are told apart from the proxy, as on a real network;
- each response names the copy that answered (``X-Upstream``), for the tests only;
- in nginx.conf (the proxy image's), the pid file, the include and the temporary files
  move into a folder of the test's, with one worker.

Each replacement must match exactly once: when the project's configuration changes
shape, the tests say so instead of testing something else.
"""

from __future__ import annotations

import http.client
import os
import shutil
import ssl
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.support.net import HOST, Response, free_port, send
from tests.support.server import ServerProcess
from tests.support.tools import require_tool

#: The address nginx connects to the app from; the copies' TRUSTED_PROXIES. Clients
#: use other loopback addresses (the contract suites' "second client" is 127.0.0.2).
PROXY_ADDRESS = "127.0.0.254"
#: The header the test configuration adds: which copy answered.
UPSTREAM_HEADER = "x-upstream"


@dataclass
class Balancer:
    """nginx on 127.0.0.1: plain HTTP on ``http_port``, TLS on ``https_port``."""

    process: ServerProcess
    http_port: int
    https_port: int
    certificate: Path
    copies: tuple[int, ...]

    @property
    def base_url(self) -> str:
        return f"https://{HOST}:{self.https_port}"

    def ssl_context(self) -> ssl.SSLContext:
        """A client context that trusts the project's certificate (as `curl --cacert`)."""
        return ssl.create_default_context(cafile=str(self.certificate))

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        client: str = HOST,
    ) -> Response:
        """One HTTPS request through nginx from the loopback address ``client``.

        The certificate is checked against the project's own (a client that trusts it,
        as `curl --cacert` does), host name included.
        """
        conn = http.client.HTTPSConnection(
            HOST,
            self.https_port,
            timeout=15,
            context=self.ssl_context(),
            source_address=(client, 0),
        )
        return send(conn, method, path, body, headers)

    def copy_that_answered(self, response: Response) -> int:
        """The port of the copy of the app that answered ``response``."""
        upstream = response.headers.get(UPSTREAM_HEADER, "")
        return int(upstream.rsplit(":", 1)[-1]) if upstream else 0


def _replace_once(text: str, old: str, new: str) -> str:
    count = text.count(old)
    if count != 1:
        raise AssertionError(
            f"deploy/nginx/default.conf: expected {old!r} once, found it {count} times"
        )
    return text.replace(old, new)


def configuration_for_tests(
    project_conf: str, copies: tuple[int, ...], http_port: int, https_port: int, certs: Path
) -> str:
    """The project's default.conf, with compose's names replaced by this machine's."""
    servers = "".join(f"server {HOST}:{port};\n    " for port in copies).rstrip()
    conf = _replace_once(project_conf, "server app:8000;", servers)
    conf = _replace_once(conf, "listen 8080;", f"listen {HOST}:{http_port};")
    conf = _replace_once(conf, "listen 8443 ssl;", f"listen {HOST}:{https_port} ssl;")
    conf = _replace_once(conf, "https://$host:8443", f"https://$host:{https_port}")
    conf = conf.replace("/etc/nginx/certs/", f"{certs}/")
    return _replace_once(
        conf,
        "proxy_pass http://app;",
        f"proxy_pass http://app;\n        proxy_bind {PROXY_ADDRESS};\n"
        f"        add_header X-Upstream $upstream_addr always;",
    )


def main_configuration_for_tests(project_main: str, prefix: Path) -> str:
    """The project's nginx.conf (its image's), with its paths in ``prefix``: the pid file,
    the included server blocks, and one worker (the tests send few requests)."""
    conf = _replace_once(project_main, "pid /run/nginx.pid;", f"pid {prefix}/nginx.pid;")
    conf = _replace_once(
        conf, "include /etc/nginx/conf.d/*.conf;", f"include {prefix}/default.conf;"
    )
    conf = _replace_once(conf, "worker_processes auto;", "worker_processes 1;")
    # Temporary files (large bodies, buffered answers) in ``prefix``, not /var/lib/nginx.
    temp = "".join(
        f"\n    {name}_temp_path {prefix}/{name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = _replace_once(conf, "http {", "http {" + temp)
    if os.geteuid() != 0:  # only root can hand the workers to another user
        conf = _replace_once(conf, "user www-data;", "")
    return conf


def make_certificate(project_root: Path) -> Path:
    """Run the project's deploy/nginx/make-certificate.sh; return the certificates' folder."""
    script = project_root / "deploy" / "nginx" / "make-certificate.sh"
    result = subprocess.run(
        ["sh", str(script)],
        cwd=project_root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(f"{script} failed:\n{result.stdout}{result.stderr}")
    return script.parent / "certs"


def start_balancer(project_root: Path, copies: tuple[int, ...]) -> Balancer:
    """nginx with the project's configuration in front of ``copies``, started and healthy."""
    nginx = require_tool("nginx", "run the project's nginx configuration (apt install nginx-light)")
    certs = make_certificate(project_root)
    # Under /tmp and readable by all: when the tests run as root, nginx's workers run as
    # www-data (nginx.conf's `user`) and write their temp files here (pytest's basetemp
    # is 0700).
    prefix = Path(tempfile.mkdtemp(prefix="roadmap-scaffold-nginx-"))
    os.chmod(prefix, 0o755)
    http_port, https_port = free_port(), free_port()
    nginx_dir = project_root / "deploy" / "nginx"
    (prefix / "default.conf").write_text(
        configuration_for_tests(
            (nginx_dir / "default.conf").read_text(), copies, http_port, https_port, certs
        )
    )
    (prefix / "nginx.conf").write_text(
        main_configuration_for_tests((nginx_dir / "nginx.conf").read_text(), prefix)
    )
    argv = [
        nginx,
        "-p",
        str(prefix),
        "-e",
        str(prefix / "error.log"),
        "-c",
        str(prefix / "nginx.conf"),
        # In the foreground, as the image's CMD runs it.
        "-g",
        "daemon off;",
    ]
    process = _NginxProcess(argv, prefix, dict(os.environ), http_port, prefix / "nginx.log")
    balancer = Balancer(process, http_port, https_port, certs / "localhost.crt", copies)
    process.start()
    try:
        _wait_healthy(balancer)
    except AssertionError:
        process.stop()
        raise
    return balancer


class _NginxProcess(ServerProcess):
    """nginx, run from its own folder under /tmp (its ``cwd``), which goes when it stops."""

    def stop(self, grace: float = 10.0) -> None:
        super().stop(grace)
        shutil.rmtree(self.cwd, ignore_errors=True)


def _wait_healthy(balancer: Balancer, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    while time.monotonic() < deadline:
        proc = balancer.process.proc
        if proc is not None and proc.poll() is not None:
            break
        try:
            response = balancer.request("GET", "/health/live")
            if response.status == 200:
                return
            last = f"HTTP {response.status}"
        except OSError as error:
            last = str(error)
        time.sleep(0.2)
    error_log = balancer.process.cwd / "error.log"
    log = error_log.read_text(errors="replace") if error_log.exists() else ""
    raise AssertionError(
        f"nginx with the project's configuration never answered /health/live ({last}):\n"
        f"{balancer.process.log_tail()}\n{log[-3000:]}"
    )
