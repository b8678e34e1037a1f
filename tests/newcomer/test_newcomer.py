"""The newcomer lane: the README followed exactly as a newcomer would, on a bare machine.

For one project per framework, in a temporary folder:

1. a fresh clone of this repository (the working tree under test committed into it
   when it has uncommitted changes, so the lane tests this code, not HEAD's);
2. a fresh home folder, as Debian makes one for a new account (``/etc/skel``), with no
   git identity from anywhere, and a PATH with the system's tools only: no uv, no
   pipx, nothing of ours;
3. the README's install-and-generate block, taken from README.md and run as written;
4. in a new login shell (so ``roadmap-scaffold`` is found by name, as the README says):
   the generated project's own README steps, ``make install`` and ``make test``, then
   ``roadmap-scaffold check``;
5. a new release made as the README's "Releasing" says (bump ``__version__``, commit)
   with a change to the template, installed with the README's Upgrade command;
6. a learner's own edit, committed; ``roadmap-scaffold update``; the new version's
   change is in the project and the learner's edit is kept.

Caches only make it quicker: pip's, uv's and npm's caches live under the CI cache root.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from tests.support.output import tail
from tests.support.paths import REPO_ROOT, cache_root
from tests.support.project import _node_env, save_node_prebuilds
from tests.support.template_repo import source_snapshot

pytestmark = pytest.mark.newcomer

#: The PATH of a fresh Debian account: the system's tools only.
SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
INSTALL_HEADING = "## Install the tool and generate a project"
UPGRADE_HEADING = "## Upgrade"
README_PROJECT = "~/my-blog"  # what the README's block generates (a FastAPI blog)
FRAMEWORKS = ("fastapi", "django", "express")
STEP_TIMEOUT = 900
# The learner's identity, as a learner sets it before their first commit of their own.
LEARNER = ["-c", "user.name=Ada Learner", "-c", "user.email=ada@example.com"]
RELEASE_MARK = "This line came with the release under test."


def readme_block(readme: str, heading: str) -> str:
    """The first fenced ``sh`` block after ``heading`` (a line of its own) in ``readme``."""
    after = readme.split(f"\n{heading}\n", 1)
    assert len(after) == 2, f"README.md has no heading {heading!r}"
    section = after[1].split("\n## ", 1)[0]
    match = re.search(r"^```sh\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)
    assert match, f"README.md's section {heading!r} has no ```sh block"
    return match.group(1)


def _git(where: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        ["git", *args], cwd=where, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"git {' '.join(args)} in {where}:\n{result.stderr}"
    return result.stdout.strip()


def fresh_clone(folder: Path) -> Path:
    """Clone this repository; commit the working tree under test into the clone if it differs."""
    snapshot = source_snapshot()  # first: the clone copies the objects it is made of
    clone = folder / "roadmap-scaffold"
    _git(folder, "clone", "--quiet", str(REPO_ROOT), str(clone))
    if _git(clone, "rev-parse", f"{snapshot}^{{tree}}") != _git(clone, "rev-parse", "HEAD^{tree}"):
        commit = _git(clone, *LEARNER, "commit-tree", f"{snapshot}^{{tree}}", "-p", "HEAD",
                      "-m", "The working tree under test")  # fmt: skip
        _git(clone, "reset", "--quiet", "--hard", commit)
    return clone


def fresh_home(folder: Path) -> Path:
    """A home folder as Debian makes one for a new account: /etc/skel's files, nothing else."""
    home = folder / "home"
    if Path("/etc/skel").is_dir():
        shutil.copytree("/etc/skel", home, symlinks=True)
    else:
        home.mkdir()
    return home


#: The machine's own TLS trust for Node.js, which every process on it is given: where the
#: network reaches the registry through a proxy with a CA of its own, Node.js (which trusts
#: only its bundled CAs) needs it, and npm without it retries every request until it falls
#: back to its cache (the Express project's `npm ci` took 145 s instead of seconds). It is
#: the machine's setting, not a tool of ours, so the newcomer's shell keeps it.
MACHINE_TRUST = ("NODE_EXTRA_CA_CERTS",)


def newcomer_env(home: Path) -> dict[str, str]:
    """No git identity, the system's PATH; caches under the CI cache root only to save time."""
    cache = cache_root()
    network = {name: os.environ[name] for name in MACHINE_TRUST if name in os.environ}
    return network | {
        "HOME": str(home),
        "PATH": SYSTEM_PATH,
        "LANG": "C.UTF-8",
        "USER": os.environ.get("USER", "newcomer"),
        "TMPDIR": os.environ.get("TMPDIR", "/tmp"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "PIP_CACHE_DIR": str(cache / "pip"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "UV_CACHE_DIR": str(cache / "uv"),
        "UV_NO_PROGRESS": "1",
        "npm_config_cache": str(cache / "npm"),
        "npm_config_update_notifier": "false",
        "npm_config_fund": "false",
        "npm_config_audit": "false",
    }


def shell(
    script: str, cwd: Path, env: dict[str, str], login: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run ``script`` as a newcomer types it: ``sh``, or a new login shell (``bash -l``)."""
    argv = ["bash", "-l", "-c", script] if login else ["sh", "-c", script]
    result = subprocess.run(
        argv,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    return result


def ok(result: subprocess.CompletedProcess[str], what: str) -> str:
    assert result.returncode == 0, (
        f"{what} failed (exit {result.returncode}):\n{tail(result.stdout + result.stderr, 60)}"
    )
    return result.stdout


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_a_newcomer_follows_the_readme_from_clone_to_update(tmp_path: Path, framework: str) -> None:
    if (
        shutil.which("make", path=SYSTEM_PATH) is None
        or shutil.which("git", path=SYSTEM_PATH) is None
    ):
        pytest.fail("make and git must be system tools (/usr/bin) for the newcomer lane")
    clone = fresh_clone(tmp_path)
    home = fresh_home(tmp_path)
    env = newcomer_env(home)
    readme = (clone / "README.md").read_text(encoding="utf-8")

    ok(shell(readme_block(readme, INSTALL_HEADING), clone, env), "the README's install block")

    # A new shell: Debian's ~/.profile puts ~/.local/bin on PATH; without /etc/skel, the
    # line install.sh prints does.
    if not (home / ".profile").is_file():
        (home / ".profile").write_text('export PATH="$HOME/.local/bin:$PATH"\n', "utf-8")
    found = ok(shell("command -v roadmap-scaffold", home, env, login=True), "roadmap-scaffold")
    assert found.strip() == str(home / ".local" / "bin" / "roadmap-scaffold")

    if framework == "fastapi":
        project = home / README_PROJECT.removeprefix("~/")
    else:
        project = home / f"my-{framework}"
        generate = f"roadmap-scaffold new ~/{project.name} --framework {framework} --yes"
        ok(shell(generate, home, env, login=True), generate)
    assert (project / ".git").is_dir()

    project_env = dict(env)
    if framework == "express":  # prebuilt native modules, as the generated-project runs keep them
        project_env.update({k: v for k, v in _node_env(project).items() if k != "PATH"})
    ok(shell("make install", project, project_env, login=True), f"{framework}: make install")
    if framework == "express":
        save_node_prebuilds(project, project_env)
    ok(shell("make test", project, project_env, login=True), f"{framework}: make test")
    checked = ok(shell("roadmap-scaffold check", project, env, login=True), "check")
    assert "Up to date." in checked

    # A new release, as README.md's "Releasing" says: bump __version__, commit; then Upgrade.
    version_file = clone / "src" / "roadmap_scaffold" / "__init__.py"
    text = version_file.read_text("utf-8")
    current = re.search(r'__version__ = "(\d+)\.(\d+)\.(\d+)"', text)
    assert current, "no __version__ in src/roadmap_scaffold/__init__.py"
    major, minor, _ = (int(part) for part in current.groups())
    new_version = f"{major}.{minor + 1}.0"
    version_file.write_text(text.replace(current.group(0), f'__version__ = "{new_version}"'))
    security = clone / "templates" / "_shared" / "SECURITY.md.jinja"
    security.write_text(security.read_text("utf-8") + f"\n{RELEASE_MARK}\n", "utf-8")
    _git(clone, *LEARNER, "commit", "--quiet", "--all", "-m", f"Release {new_version}")
    ok(shell(readme_block(readme, UPGRADE_HEADING), clone, env), "the README's Upgrade command")

    notes = project / "README.md"
    notes.write_text(notes.read_text("utf-8") + "\nMy own notes on this project.\n", "utf-8")
    _git(project, *LEARNER, "commit", "--quiet", "--all", "-m", "My notes")
    behind = shell("roadmap-scaffold check", project, env, login=True)
    assert behind.returncode == 1, f"check after the release:\n{behind.stdout}{behind.stderr}"
    ok(shell("roadmap-scaffold update --yes", project, env, login=True), "roadmap-scaffold update")

    answers = yaml.safe_load((project / ".copier-answers.yml").read_text("utf-8"))
    assert answers["_commit"] == f"v{new_version}"
    assert (project / "SECURITY.md").read_text("utf-8").rstrip().endswith(RELEASE_MARK)
    assert notes.read_text("utf-8").endswith("My own notes on this project.\n")
