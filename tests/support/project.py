"""A generated project, and the commands a learner would run in it."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from tests.support.output import tail
from tests.support.paths import cache_root
from tests.support.tools import missing_toolchain, require_tool, run_captured

#: Every timed stage, in order, for the closing timing report.
TIMINGS: list[tuple[str, float]] = []

# Variables of ours that must not leak into a generated project's commands.
_SCRUB = (
    "VIRTUAL_ENV",
    "PYTHONPATH",
    "PYTHONHOME",
    "PYTEST_ADDOPTS",
    "DATABASE_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "JWT_SECRET",
    "APP_ENV",
    "HOST",
    "PORT",
    "CORS_ORIGINS",
    "MAKEFLAGS",
    "MFLAGS",
    "MAKELEVEL",
)


@dataclass
class Step:
    """One command's outcome."""

    label: str
    argv: list[str]
    returncode: int
    output: str
    seconds: float

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def describe(self) -> str:
        return (
            f"`{' '.join(self.argv)}` ({self.label}) exited with {self.returncode} after "
            f"{self.seconds:.1f}s; last output:\n{tail(self.output)}"
        )


def project_env(language: str, root: Path) -> dict[str, str]:
    """The environment for a generated project's commands.

    Our venv, database and pytest settings are removed. Each language's package
    manager gets a persistent cache under the cache root; for Python, uv's cache
    is content-addressed (so in effect keyed by what each lock file pins) and
    ``uv sync --locked`` becomes a copy, not a download, after the first run.
    Other languages add theirs here (npm's, Maven's, Go's, Composer's caches).
    """
    env = {key: value for key, value in os.environ.items() if key not in _SCRUB}
    if language == "python":
        env.update(_python_env(root))
    elif language == "javascript":
        env.update(_node_env(root))
    elif language == "go":
        env.update(_go_env())
    elif language == "java":
        env.update(_java_env(root))
    return env


def _java_env(root: Path) -> dict[str, str]:
    """Maven's downloads under the cache root, and the JDK the project itself would pick.

    The Maven wrapper keeps the Maven it downloads in MAVEN_USER_HOME (its wrapper/
    folder), and Maven keeps the libraries in the local repository that MAVEN_ARGS names:
    both are content-addressed by version, so one folder serves every project and a warm
    ``make install`` downloads nothing. The project's scripts/java-home.sh finds a JDK 21
    or newer (JAVA_HOME, PATH, /usr/lib/jvm); none is a missing toolchain.
    """
    sh = require_tool("sh", "find the JDK of the generated Java projects")
    found = subprocess.run(
        [sh, str(root / "scripts" / "java-home.sh")], capture_output=True, text=True, check=False
    ).stdout.strip()
    if not found:
        missing_toolchain(
            "no JDK 21 or newer (JAVA_HOME, PATH, /usr/lib/jvm): the Spring Boot projects need one"
        )
    maven = cache_root() / "m2"
    return {
        "JAVA_HOME": found,
        "MAVEN_USER_HOME": str(maven),
        "MAVEN_ARGS": f"-Dmaven.repo.local={maven / 'repository'}",
    }


def _go_env() -> dict[str, str]:
    """Go's module and build caches under the cache root.

    The module cache is content-addressed (go.sum pins what is in it), so one folder
    serves every project; the build cache is keyed by each compilation's inputs, so
    a warm ``make install`` or ``make test`` recompiles only what changed (the race
    detector's build of the SQLite driver alone takes minutes cold). GOTOOLCHAIN=local:
    the go on PATH builds, never a toolchain downloaded because go.mod asks for one.
    """
    go = require_tool("go", "build the generated Go projects")
    return {
        "PATH": os.pathsep.join([str(Path(go).parent), os.environ.get("PATH", "")]),
        "GOMODCACHE": str(cache_root() / "go" / "mod"),
        "GOCACHE": str(cache_root() / "go" / "build"),
        "GOTOOLCHAIN": "local",
        "GOFLAGS": "-modcacherw",
    }


def _lock_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return "no-lock"


def _python_env(root: Path) -> dict[str, str]:
    env: dict[str, str] = {}
    uv = require_tool("uv", "install the generated Python projects")
    uv_dir = str(Path(uv).parent)
    env["PATH"] = os.pathsep.join([uv_dir, os.environ.get("PATH", "")])
    env["UV_CACHE_DIR"] = str(cache_root() / "uv")
    env["UV_NO_PROGRESS"] = "1"
    # mypy's incremental cache, keyed by the lock file: a cold `make lint` spends
    # most of its time analysing the installed libraries (13s -> 0.4s warm).
    env["MYPY_CACHE_DIR"] = str(cache_root() / f"mypy-{_lock_hash(root / 'uv.lock')}")
    return env


def _node_env(root: Path) -> dict[str, str]:
    """npm's cache, and prebuilt native modules, under the cache root.

    ``npm ci`` always deletes node_modules and installs again, so a copy of
    node_modules cannot be reused. Two caches make it quick instead: npm's own
    (content-addressed, so in effect keyed by what package-lock.json pins) saves
    the downloads, and a folder of prebuilt binaries saves compiling native
    modules (better-sqlite3: minutes) on every run. Their install script,
    prebuild-install, looks for ``<name>-v<version>-node-v<abi>-<platform>-<arch>.tar.gz``
    in ``npm_config_<name>_local_prebuilds`` before it downloads or compiles;
    `save_node_prebuilds` packs the binaries there after the first install; the
    file name carries the Node ABI, so a binary built for one Node major is never
    loaded by another.

    The node on PATH must be one the project supports (its own
    ``scripts/check-node.cjs`` judges, from package.json's engines): .ci/run puts
    one in /usr/local/bin. When compiling, node-gyp uses the headers installed
    with that node (``npm_config_nodedir``), not a download from nodejs.org nor a
    ``nodedir`` in the user's npmrc that belongs to another Node.
    """
    env: dict[str, str] = {}
    node = require_tool("node", "run the generated Node.js projects")
    require_tool("npm", "install the generated Node.js projects")
    _require_supported_node(node, root)
    env["PATH"] = os.pathsep.join([str(Path(node).parent), os.environ.get("PATH", "")])
    headers = _node_headers_prefix(node)
    if headers is not None:
        env["npm_config_nodedir"] = str(headers)
    env["npm_config_cache"] = str(cache_root() / "npm")
    env["npm_config_update_notifier"] = "false"
    env["npm_config_fund"] = "false"
    env["npm_config_audit"] = "false"
    prebuilds = str(_node_prebuilds_dir())
    for name, _version in _native_packages(root):
        env[_prebuild_env_name(name)] = prebuilds
    return env


def _node_version(node: str) -> str:
    result = subprocess.run(
        [node, "-p", "process.versions.node"], capture_output=True, text=True, check=False
    )
    return result.stdout.strip()


def _require_supported_node(node: str, root: Path) -> None:
    """Skip (fail in CI) when the project's own version check refuses this node."""
    check = root / "scripts" / "check-node.cjs"
    if not check.is_file():
        return
    result = subprocess.run(
        [node, str(check)], cwd=root, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        missing_toolchain(
            f"{node}: {(result.stderr or result.stdout).strip()} "
            "(.ci/install-node puts a supported Node.js in /usr/local/bin)"
        )


def _node_headers_prefix(node: str) -> Path | None:
    """The prefix whose include/node holds the C headers of exactly this node, if any."""
    prefix = Path(node).resolve().parent.parent
    try:
        header = (prefix / "include" / "node" / "node_version.h").read_text(encoding="utf-8")
    except OSError:
        return None
    parts = {
        name: match.group(1)
        for name in ("MAJOR", "MINOR", "PATCH")
        if (match := re.search(rf"#define NODE_{name}_VERSION (\d+)", header))
    }
    found = ".".join(parts.get(name, "?") for name in ("MAJOR", "MINOR", "PATCH"))
    return prefix if found == _node_version(node) else None


def _node_prebuilds_dir() -> Path:
    return cache_root() / "node-prebuilds"


def _prebuild_env_name(package: str) -> str:
    # prebuild-install's getEnvPrefix(): npm_config_ + the name, non-alphanumerics as "_".
    name = "".join(c if c.isalnum() else "_" for c in package).lstrip("_")
    return f"npm_config_{name}_local_prebuilds"


def _native_packages(root: Path) -> list[tuple[str, str]]:
    """(name, version) of the locked packages that run an install script."""
    try:
        lock = json.loads((root / "package-lock.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    found = []
    for key, entry in lock.get("packages", {}).items():
        if key and entry.get("hasInstallScript") and "version" in entry:
            found.append((key.rsplit("node_modules/", 1)[-1], entry["version"]))
    return found


def save_node_prebuilds(root: Path, env: dict[str, str]) -> None:
    """After an install, keep each native module's compiled binaries for the next one."""
    glibc = bool(os.confstr("CS_GNU_LIBC_VERSION")) if hasattr(os, "confstr") else False
    if sys.platform != "linux" or not glibc:
        return  # the file names below are those of glibc Linux only
    result = subprocess.run(
        ["node", "-p", "[process.versions.modules, process.platform, process.arch].join(' ')"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return
    abi, node_platform, arch = result.stdout.split()
    folder = _node_prebuilds_dir()
    for name, version in _native_packages(root):
        package = root / "node_modules" / name
        try:
            install = json.loads((package / "package.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if "prebuild-install" not in install.get("scripts", {}).get("install", ""):
            continue
        base = name.rsplit("/", 1)[-1]
        # prebuild-install loads the last .node file of the archive to check it: the
        # package's own binding goes last, and test helpers (test_*.node) stay out.
        main = base.replace("-", "_") + ".node"
        binaries = sorted(
            (
                b
                for b in (package / "build" / "Release").glob("*.node")
                if not b.name.startswith("test_")
            ),
            key=lambda binary: (binary.name == main, binary.name),
        )
        target = folder / f"{base}-v{version}-node-v{abi}-{node_platform}-{arch}.tar.gz"
        if not binaries or target.exists():
            continue
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        with tarfile.open(partial, "w:gz") as archive:
            for binary in binaries:
                archive.add(binary, arcname=binary.relative_to(package).as_posix())
        partial.replace(target)


@dataclass
class GeneratedProject:
    """A project that ``roadmap-scaffold new`` wrote, with its own commands."""

    kind: str
    framework: str
    language: str
    root: Path

    @cached_property
    def env(self) -> dict[str, str]:
        """The environment of its commands, made on first use (it looks for the toolchain)."""
        return project_env(self.language, self.root)

    @property
    def label(self) -> str:
        return f"{self.kind}-{self.framework}"

    def run(
        self,
        argv: list[str],
        label: str,
        extra_env: dict[str, str] | None = None,
        timeout: float = 900,
    ) -> Step:
        env = {**self.env, **(extra_env or {})}
        started = time.monotonic()
        try:
            result = run_captured(argv, self.root, env=env, timeout=timeout)
            code, output = result.returncode, result.stdout
        except subprocess.TimeoutExpired as error:
            partial = error.stdout or ""
            if isinstance(partial, bytes):
                partial = partial.decode(errors="replace")
            code, output = -1, f"{partial}\n(timed out after {timeout:.0f}s)"
        seconds = time.monotonic() - started
        TIMINGS.append((f"{self.label}: {label}", seconds))
        return Step(label, argv, code, output, seconds)

    def make(
        self,
        target: str,
        label: str = "",
        extra_env: dict[str, str] | None = None,
        timeout: float = 900,
    ) -> Step:
        make = require_tool("make", f"run `make {target}` in the generated project")
        step = self.run([make, target], label or f"make {target}", extra_env, timeout)
        if target == "install" and step.ok and self.language == "javascript":
            save_node_prebuilds(self.root, self.env)
        return step


def generate(
    kind: str, framework: str, language: str, dest: Path, cache: str = "none"
) -> tuple[Step, GeneratedProject]:
    """Generate with the tool, as a user would: ``roadmap-scaffold new DIR ... --yes``."""
    argv = [
        sys.executable,
        "-m",
        "roadmap_scaffold",
        "new",
        str(dest),
        "--kind",
        kind,
        "--framework",
        framework,
        "--database",
        "sqlite",
        "--cache",
        cache,
        "--yes",
    ]
    started = time.monotonic()
    result = run_captured(argv, dest.parent, timeout=300, merge_stderr=False)
    seconds = time.monotonic() - started
    TIMINGS.append((f"{kind}-{framework}: roadmap-scaffold new", seconds))
    output = result.stdout + result.stderr
    step = Step("roadmap-scaffold new", argv, result.returncode, output, seconds)
    return step, GeneratedProject(kind, framework, language, dest)
