"""`make install && make test` on a newcomer's machine: nothing but the runtime and make.

A Python project must bring its own pinned uv when none is on PATH (into the
project's .tools/, ignored by git); an Express project must refuse an unsupported
Node.js in one line. The PATH here is the system's only (no venv, no uv of ours)
and HOME is empty, as in a fresh account.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.support.output import SUMMARY_PARSERS
from tests.support.paths import cache_root
from tests.support.project import GeneratedProject, Step, generate
from tests.support.tools import require_tool

pytestmark = pytest.mark.generated

#: A newcomer's PATH: the system's directories only.
SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin"


def _newcomer_env(project: GeneratedProject, home: Path) -> dict[str, str]:
    env = dict(project.env)
    env["PATH"] = SYSTEM_PATH
    env["HOME"] = str(home)
    for key in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "UV_CACHE_DIR"):
        env.pop(key, None)
    # The downloads are what a newcomer's first run costs; keeping them under the
    # cache root only saves CI the same ~30 MB every run (uv's wheel, the project's).
    env["PIP_CACHE_DIR"] = str(cache_root() / "pip")
    env["UV_CACHE_DIR"] = str(cache_root() / "uv")
    return env


def _make(project: GeneratedProject, target: str, env: dict[str, str]) -> Step:
    make = shutil.which("make", path=SYSTEM_PATH)
    if make is None:
        pytest.fail(f"make is not on the system PATH ({SYSTEM_PATH})", pytrace=False)
    return project.run([make, target], f"make {target} (newcomer)", extra_env=env, timeout=1200)


def _assert_tests_passed(project: GeneratedProject, step: Step) -> None:
    counts = SUMMARY_PARSERS[project.language](step.output)
    assert counts is not None, f"no test summary: {step.describe()}"
    assert step.ok and counts.passed > 0 and not counts.failed and not counts.errors, (
        f"tests failed ({counts.line!r}): {step.describe()}"
    )


@pytest.mark.parametrize("framework", ["fastapi", "django", "flask"])
def test_python_project_installs_its_own_uv_when_none_is_on_path(
    framework: str, tmp_path: Path
) -> None:
    require_tool("git", "let roadmap-scaffold make the first commit")
    if shutil.which("uv", path=SYSTEM_PATH):
        pytest.skip(f"uv is installed system-wide ({SYSTEM_PATH}): no PATH here lacks it")
    if not shutil.which("python3", path=SYSTEM_PATH):
        pytest.skip(f"no python3 on the system PATH ({SYSTEM_PATH})")
    step, project = generate("blog", framework, "python", tmp_path / "my-blog")
    assert step.ok, step.describe()
    home = tmp_path / "home"
    home.mkdir()
    env = _newcomer_env(project, home)

    install = _make(project, "install", env)

    assert install.ok, install.describe()
    assert "uv not found: installing uv " in install.output, install.output
    assert (project.root / ".tools" / "uv" / "bin" / "uv").is_file()
    status = project.run(["git", "status", "--porcelain"], "git status")
    assert status.output.strip() == "", f"not ignored by git:\n{status.output}"
    _assert_tests_passed(project, _make(project, "test", env))
    again = _make(project, "install", env)
    assert again.ok and "installing uv" not in again.output, again.describe()


def _node_major(node: str) -> int:
    result = subprocess.run(
        [node, "-p", "process.versions.node.split('.')[0]"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout)


def test_express_project_refuses_an_unsupported_node_in_one_line(tmp_path: Path) -> None:
    require_tool("git", "let roadmap-scaffold make the first commit")
    old_node = next(
        (
            node
            for node in ("/usr/bin/node", shutil.which("node") or "")
            if node and os.access(node, os.X_OK) and _node_major(node) < 22
        ),
        None,
    )
    if old_node is None:
        pytest.skip("no Node.js older than 22 on this machine to refuse")
    step, project = generate("blog", "express", "javascript", tmp_path / "my-blog")
    assert step.ok, step.describe()
    old_bin = tmp_path / "old-node-bin"
    old_bin.mkdir()
    (old_bin / "node").symlink_to(old_node)
    # Not project.run: the harness's environment insists on a supported Node.
    env = {**os.environ, "PATH": os.pathsep.join([str(old_bin), SYSTEM_PATH])}
    env.pop("MAKEFLAGS", None)

    install = subprocess.run(
        ["make", "install"],
        cwd=project.root,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    output = install.stdout + install.stderr
    assert install.returncode != 0, output
    version = subprocess.run(
        [old_node, "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    lines = [line for line in output.splitlines() if "Node.js" in line]
    assert len(lines) == 1, output
    assert f"Node.js {version.lstrip('v')} is not supported" in lines[0]
    assert "install Node.js 24" in lines[0]
    assert not (project.root / "node_modules").exists(), "npm ran anyway"
