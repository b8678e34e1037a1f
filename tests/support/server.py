"""Start a generated project's server (``make run``) and always stop it.

The server runs in its own session, so its process group holds make and
everything make started; stopping signals that group only (never by name).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from tests.support.net import request


class ServerProcess:
    """A command that serves HTTP on 127.0.0.1:``port``, with its log in a file."""

    def __init__(self, argv: list[str], cwd: Path, env: dict[str, str], port: int, log: Path):
        self.argv = argv
        self.cwd = cwd
        self.env = env
        self.port = port
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                self.argv,
                cwd=self.cwd,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_healthy(self, path: str = "/health", timeout: float = 90.0) -> float:
        """Poll ``GET path`` until it answers 200; return the seconds it took.

        Raises AssertionError with the server log when the process exits or the
        timeout passes first.
        """
        assert self.proc is not None, "start() first"
        started = time.monotonic()
        last = "no answer yet"
        while time.monotonic() - started < timeout:
            code = self.proc.poll()
            if code is not None:
                raise AssertionError(
                    f"`{' '.join(self.argv)}` exited with {code} before GET {path} answered "
                    f"200; server log:\n{self.log_tail()}"
                )
            try:
                response = request(self.port, "GET", path, timeout=2)
                if response.status == 200:
                    return time.monotonic() - started
                last = f"HTTP {response.status}: {response.text[:200]}"
            except OSError as error:
                last = str(error)
            time.sleep(0.25)
        raise AssertionError(
            f"GET http://127.0.0.1:{self.port}{path} did not answer 200 within {timeout:.0f}s "
            f"(last: {last}); server log:\n{self.log_tail()}"
        )

    def stop(self, grace: float = 10.0) -> None:
        """SIGTERM our process group, then SIGKILL it if it lingers."""
        if self.proc is None:
            return
        pgid = self.proc.pid  # start_new_session: the group id is our child's pid
        for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(pgid, sig)
            except ProcessLookupError:
                break
            try:
                self.proc.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                continue
            # make is gone; give its children (the server) a moment to follow.
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline and _group_alive(pgid):
                time.sleep(0.1)
            if not _group_alive(pgid):
                break
        self.proc = None

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
