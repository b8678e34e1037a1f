"""A throwaway Redis server: Debian's redis-server on 127.0.0.1, as a cache (no disk).

The generated projects that use Redis (``cache: redis``) share one per combination: both
copies behind nginx, on PostgreSQL, use database 0; the SQLite server uses database 1, so
that two servers reading different databases never share a cached answer. The tests stop
and start it again on the same port, to see the apps keep answering while it is away.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.support.net import HOST, free_port, wait_for_port_closed, wait_for_port_open
from tests.support.tools import require_tool

#: The Redis database number of each of a combination's servers, and of its own tests
#: (`make test` with REDIS_URL, which empties its database between tests).
DATABASE_NUMBERS = {"postgresql": 0, "sqlite": 1, "tests": 2}


class RedisServer:
    """redis-server on 127.0.0.1 and a free port, started and stopped by us."""

    def __init__(self) -> None:
        self.server = require_tool("redis-server", "serve the Redis of `cache: redis` projects")
        self.cli = require_tool("redis-cli", "look into the Redis of `cache: redis` projects")
        self.base = Path(tempfile.mkdtemp(prefix="roadmap-scaffold-redis-"))
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def url(self, database: str) -> str:
        """The REDIS_URL of the combination's server on ``database`` (postgresql or sqlite),
        or of its own tests (``tests``)."""
        return f"redis://{HOST}:{self.port}/{DATABASE_NUMBERS[database]}"

    def start(self) -> None:
        """Start (again, on the same port); empty, as a restarted cache without disk is."""
        argv = [self.server, "--bind", HOST, "--port", str(self.port), "--save", ""]
        argv += ["--appendonly", "no", "--dir", str(self.base), "--protected-mode", "yes"]
        log = (self.base / "server.log").open("ab")
        self.process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)
        if not wait_for_port_open(self.port, timeout=10):
            self.stop()
            raise RuntimeError(f"redis-server did not listen on {self.port}:\n{self.log_tail()}")

    def stop(self) -> None:
        """Stop it (SIGTERM to the process we started) and wait for its port to close."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None
        wait_for_port_closed(self.port, timeout=10)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    def keys(self, database: str, pattern: str = "*") -> list[str]:
        """The keys matching ``pattern`` in the Redis database of the server on ``database``."""
        number = str(DATABASE_NUMBERS[database])
        result = subprocess.run(
            [
                self.cli,
                "-h",
                HOST,
                "-p",
                str(self.port),
                "-n",
                number,
                "--scan",
                "--pattern",
                pattern,
            ],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        return result.stdout.split()

    def log_tail(self, lines: int = 20) -> str:
        path = self.base / "server.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])
