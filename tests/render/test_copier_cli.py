"""Copier alone must suffice: no --trust, no extensions, no tasks (DESIGN.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from tests.support.matrix import catalog, offered_combinations
from tests.support.paths import REPO_ROOT
from tests.support.template_repo import source_snapshot
from tests.support.tools import run_captured

pytestmark = pytest.mark.render

COMBOS = offered_combinations()


def copier(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # The snapshot is a commit already: Copier commits nothing, so needs no git identity.
    env = dict(os.environ)
    return run_captured(
        [sys.executable, "-m", "copier", *args], cwd, env=env, timeout=180, merge_stderr=False
    )


@pytest.mark.parametrize(("kind", "framework"), COMBOS, ids=[f"{k}-{f}" for k, f in COMBOS])
def test_plain_copier_copy_works_without_trust(tmp_path: Path, kind: str, framework: str) -> None:
    out = tmp_path / "out"
    result = copier(
        "copy",
        "--defaults",
        "--vcs-ref",
        source_snapshot(),
        "-d",
        f"kind={kind}",
        "-d",
        f"framework={framework}",
        str(REPO_ROOT),
        str(out),
        cwd=tmp_path,
    )
    assert result.returncode == 0, (
        f"copier copy failed (exit {result.returncode}):\n{result.stderr}"
    )
    answers = yaml.safe_load((out / ".copier-answers.yml").read_text(encoding="utf-8"))
    assert (answers["kind"], answers["framework"]) == (kind, framework)


def test_copier_refuses_a_framework_that_is_only_planned(tmp_path: Path) -> None:
    planned = [f for f in catalog().frameworks.values() if not f.kinds]
    if not planned:
        pytest.skip("every framework in the catalog is offered for some kind")
    kind = offered_combinations()[0][0]
    result = copier(
        "copy",
        "--defaults",
        "--vcs-ref",
        source_snapshot(),
        "-d",
        f"kind={kind}",
        "-d",
        f"framework={planned[0].key}",
        str(REPO_ROOT),
        str(tmp_path / "out"),
        cwd=tmp_path,
    )
    assert result.returncode != 0, f"copier generated a {kind} with planned {planned[0].key}"
    assert "framework" in result.stderr, f"the refusal does not name the question:\n{result.stderr}"
    assert not (tmp_path / "out" / ".copier-answers.yml").exists()
