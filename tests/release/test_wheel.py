"""A released wheel is an updatable template source, offline, from an empty home folder.

Two real releases are built from this repository (v0.1.0, and v0.2.0 which adds a
file and changes a shared one), installed one after the other into a fresh
virtualenv with an empty HOME and, where the machine allows it, no network at all
(``unshare --net``). A project made with v0.1.0 is then brought to v0.2.0 both by
``roadmap-scaffold update`` and by plain ``copier update``. The releases are made
both ways the tool supports: as the README says (bump ``__version__``, commit,
build: no tag anywhere, so the user's store must keep v0.1.0 from the first wheel),
and with release tags in the checkout (each wheel then carries every release).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from tests.support.paths import REPO_ROOT, cache_root
from tests.support.template_repo import export_tracked
from tests.support.tools import in_ci

pytestmark = pytest.mark.release

IDENTITY = ["-c", "user.name=Release Test", "-c", "user.email=release@example.com"]
RELEASE_FILES = (
    "copier.yml",
    "templates",
    "src",
    "pyproject.toml",
    "hatch_build.py",
    "README.md",
    "LICENSE",
)
BUNDLE = Path(".local/share/roadmap-scaffold/template.bundle")

Run = Callable[..., subprocess.CompletedProcess[str]]


def _git(where: Path, *args: str) -> None:
    subprocess.run(["git", *IDENTITY, *args], cwd=where, check=True, capture_output=True)


def _unavailable(message: str) -> None:
    if in_ci():
        pytest.fail(f"{message}; CI=true, so this is a failure", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def wheelhouse() -> Path:
    """The tool's dependencies as wheels, downloaded once (the only step that needs PyPI)."""
    dependencies = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "dependencies"
    ]
    key = hashlib.sha256(f"{sys.version_info[:2]}{dependencies}".encode()).hexdigest()[:16]
    folder = cache_root() / f"wheelhouse-{key}"
    if not (folder / ".complete").exists():
        result = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "-d", str(folder), *dependencies],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            _unavailable(f"cannot download the tool's dependencies: {result.stderr[-300:]}")
        (folder / ".complete").touch()
    return folder


def _release(source: Path, version: str, dist: Path, tagged: bool) -> Path:
    """Bump, commit (and tag, if ``tagged``) and build a release of the repository at ``source``."""
    init = source / "src" / "roadmap_scaffold" / "__init__.py"
    init.write_text(f'"""roadmap-scaffold."""\n\n__version__ = "{version}"\n', "utf-8")
    _git(source, "add", "--all")
    _git(source, "commit", "--quiet", "-m", f"Release v{version}")
    if tagged:
        _git(source, "tag", f"v{version}")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(dist),
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"building the v{version} wheel failed:\n{result.stderr}"
    (wheel,) = dist.glob(f"roadmap_scaffold-{version}-*.whl")
    return wheel


@pytest.fixture(scope="module", params=["untagged", "tagged"])
def releases(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """Two wheels: v0.1.0, and v0.2.0 which adds CONTRIBUTING.md and changes SECURITY.md."""
    tagged = request.param == "tagged"
    root = tmp_path_factory.mktemp(f"releases-{request.param}-")
    source = root / "source"
    source.mkdir()
    export_tracked(source, RELEASE_FILES)
    _git(source, "init", "--quiet", "--initial-branch=main")
    first = _release(source, "0.1.0", root / "dist", tagged)

    (source / "templates" / "fastapi" / "CONTRIBUTING.md.jinja").write_text(
        "# Contributing to {{ project_name }}\n", encoding="utf-8"
    )
    security = source / "templates" / "_shared" / "SECURITY.md.jinja"
    security.write_text(
        security.read_text("utf-8").replace("## Reporting a problem", "## Reporting a flaw"),
        "utf-8",
    )
    second = _release(source, "0.2.0", root / "dist", tagged)
    return first, second


@pytest.fixture
def offline(tmp_path: Path, wheelhouse: Path) -> tuple[Run, Path, Path]:
    """A fresh venv, an empty HOME, and a runner that cuts the network where it can."""
    home = tmp_path / "home"
    home.mkdir()
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    no_network = (
        ["unshare", "--net"]
        if shutil.which("unshare")
        and subprocess.run(["unshare", "--net", "true"], capture_output=True).returncode == 0
        else []
    )
    env = {
        "HOME": str(home),
        "PATH": f"{venv / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheelhouse),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "LANG": "C.UTF-8",
    }

    def run(*argv: str | Path, cwd: Path = tmp_path) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [*no_network, *map(str, argv)],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, f"{argv} failed:\n{result.stdout}\n{result.stderr}"
        return result

    return run, venv, home


def _answers(project: Path) -> dict[str, str]:
    return yaml.safe_load((project / ".copier-answers.yml").read_text("utf-8"))


def test_a_wheel_generates_offline_and_both_updaters_bring_the_next_release(
    tmp_path: Path, releases: tuple[Path, Path], offline: tuple[Run, Path, Path]
) -> None:
    first, second = releases
    run, venv, home = offline
    run(venv / "bin" / "pip", "install", "--quiet", first)

    run(venv / "bin" / "roadmap-scaffold", "new", "my-blog", "--yes")

    project = tmp_path / "my-blog"
    assert _answers(project)["_commit"] == "v0.1.0"
    assert _answers(project)["_src_path"] == "~/" + BUNDLE.as_posix()
    assert (home / BUNDLE).is_file()
    readme = project / "README.md"
    readme.write_text(readme.read_text("utf-8") + "\nA line of my own.\n", "utf-8")
    _git(project, "commit", "--quiet", "--all", "-m", "My work")
    by_copier = tmp_path / "by-copier"
    shutil.copytree(project, by_copier, symlinks=True)

    run(venv / "bin" / "pip", "install", "--quiet", second)
    if first.parent.parent.name.startswith("releases-tagged-"):
        # A machine where the bundle was never mirrored: the tool restores it from the
        # package, whose bundle holds every tagged release.
        shutil.rmtree(home / ".local")
    report = run(venv / "bin" / "roadmap-scaffold", "update", "--yes", cwd=project).stdout
    run(venv / "bin" / "copier", "update", "--defaults", cwd=by_copier)

    assert "CONTRIBUTING.md" in report
    for updated in (project, by_copier):
        assert _answers(updated)["_commit"] == "v0.2.0", updated
        assert (updated / "CONTRIBUTING.md").read_text("utf-8") == "# Contributing to my-blog\n"
        assert "## Reporting a flaw" in (updated / "SECURITY.md").read_text("utf-8")
        assert (updated / "README.md").read_text("utf-8").endswith("A line of my own.\n")
    check = subprocess.run(
        [venv / "bin" / "roadmap-scaffold", "check", project],
        env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
