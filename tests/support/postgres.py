"""A throwaway PostgreSQL server: initdb into a temp dir, pg_ctl on 127.0.0.1.

PostgreSQL refuses to run as root, so when the tests run as root (CI does) every
server command runs as the ``postgres`` OS user via ``runuser``, in a directory
that user owns. The server listens on 127.0.0.1 and a free port only, keeps its
socket in its own directory, and is stopped and deleted at the end.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from tests.support.net import HOST, free_port
from tests.support.tools import require_tool

_SUPERUSER = "postgres"


class PostgresServer:
    """One PostgreSQL cluster in a temporary directory, started and stopped by us."""

    def __init__(self) -> None:
        self.initdb = require_tool("initdb", "create the throwaway PostgreSQL cluster")
        self.pg_ctl = require_tool("pg_ctl", "start the throwaway PostgreSQL server")
        self.psql = require_tool("psql", "create databases on the throwaway PostgreSQL server")
        self.as_root = os.geteuid() == 0
        self.prefix: list[str] = []
        if self.as_root:
            runuser = require_tool("runuser", "run PostgreSQL as the postgres user")
            try:
                self.os_user = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError(
                    "running as root but there is no 'postgres' OS user to run PostgreSQL as "
                    "(apt-get install postgresql creates it)"
                ) from None
            self.prefix = [runuser, "-u", "postgres", "--"]
        # pytest's basetemp is 0700 and owned by root, so the postgres user could
        # not reach a directory inside it; a short path under /tmp also keeps the
        # Unix socket path under its 107-byte limit.
        self.base = Path(tempfile.mkdtemp(prefix="roadmap-scaffold-pg-"))
        self.data = self.base / "data"
        self.sock = self.base / "sock"
        self.log = self.base / "server.log"
        self.port = 0
        self._names = itertools.count(1)
        self._started = False

    # --- lifecycle -----------------------------------------------------------

    def start(self) -> None:
        """initdb and start; raise RuntimeError with the server log on failure."""
        self.sock.mkdir()
        if self.as_root:
            for path in (self.base, self.sock):
                os.chown(path, self.os_user.pw_uid, self.os_user.pw_gid)
        self._run(
            [
                self.initdb,
                "-D",
                str(self.data),
                "-U",
                _SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
                "--no-instructions",
            ],
            "initdb",
        )
        self.port = free_port()
        options = " ".join(
            [
                f"-c listen_addresses={HOST}",
                f"-p {self.port}",
                f"-k {self.sock}",
                # Durability is pointless for a throwaway server; speed is not.
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
            ]
        )
        self._run(
            [
                self.pg_ctl,
                "-D",
                str(self.data),
                "-l",
                str(self.log),
                "-w",
                "-t",
                "60",
                "-o",
                options,
                "start",
            ],
            "pg_ctl start",
        )
        self._started = True

    def stop(self) -> None:
        """Stop the server (fast shutdown) and delete its directory."""
        try:
            if self._started:
                result = subprocess.run(
                    [
                        *self.prefix,
                        self.pg_ctl,
                        "-D",
                        str(self.data),
                        "-m",
                        "fast",
                        "-w",
                        "-t",
                        "30",
                        "stop",
                    ],
                    capture_output=True,
                    text=True,
                    timeout=60,
                    check=False,
                )
                if result.returncode != 0:
                    self._kill_postmaster()
                self._started = False
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    def _kill_postmaster(self) -> None:
        """Last resort: SIGQUIT the postmaster we started, by the PID it recorded."""
        pid_file = self.data / "postmaster.pid"
        try:
            pid = int(pid_file.read_text().splitlines()[0])
        except (OSError, ValueError, IndexError):
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGQUIT)

    # --- use ------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The server's URL, for the superuser, with no database."""
        return f"postgresql://{_SUPERUSER}@{HOST}:{self.port}/"

    def create_database(self, prefix: str = "test") -> str:
        """Create a fresh, empty database and return its URL."""
        name = f"{prefix}_{next(self._names)}".replace("-", "_").lower()
        self.psql_command(f'CREATE DATABASE "{name}"')
        return f"{self.url}{name}"

    def psql_command(self, sql: str, database: str = "postgres") -> str:
        """Run one SQL command over TCP and return psql's output."""
        result = subprocess.run(
            [
                self.psql,
                "-h",
                HOST,
                "-p",
                str(self.port),
                "-U",
                _SUPERUSER,
                "-d",
                database,
                "-v",
                "ON_ERROR_STOP=1",
                "-X",
                "-A",
                "-t",
                "-c",
                sql,
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"psql {sql!r} failed on {self.url}: {result.stderr.strip()}")
        return result.stdout

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"

    def _run(self, argv: list[str], what: str) -> None:
        result = subprocess.run(
            [*self.prefix, *argv],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=self.base,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"{what} failed (exit {result.returncode}) for the throwaway PostgreSQL in "
                f"{self.base}:\n{result.stdout}\n{result.stderr}\nserver log:\n{self.log_tail()}"
            )
