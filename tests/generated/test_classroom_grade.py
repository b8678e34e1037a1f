"""`roadmap-scaffold classroom grade`: every student's `make grade`, in one class table.

Slow (it installs and tests real projects), so a class of two: one student's
work is intact, the other broke a rule, and the table must tell them apart.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from tests.support.matrix import offered_combinations
from tests.support.project import project_env
from tests.support.tools import require_tool

from roadmap_scaffold.cli import main

pytestmark = pytest.mark.generated


def test_classroom_grade_writes_a_table_that_tells_students_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    require_tool("make", "run make grade")
    if ("blog", "fastapi") not in offered_combinations():
        pytest.skip("the blog on FastAPI is not offered")
    for key, value in project_env("python", tmp_path).items():
        monkeypatch.setenv(key, value)
    for key in set(os.environ) - set(project_env("python", tmp_path)):
        monkeypatch.delenv(key)
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "name,email,github\nAda Lovelace,ada@example.edu,ada\nAlan Turing,alan@example.edu,alan\n",
        encoding="utf-8",
    )
    output = tmp_path / "class"
    assert main(
        ["classroom", "new", str(roster), "--kind", "blog", "--framework", "fastapi",
         "-o", str(output), "--yes"]
    ) == 0  # fmt: skip
    # Alan lets anyone delete any comment: the ownership tests must catch it.
    dependencies = next((output / "alan" / "app").glob("*/comments/dependencies.py"))
    source = dependencies.read_text("utf-8")
    assert "PermissionDeniedError(" in source
    dependencies.write_text(
        source.replace(
            "raise PermissionDeniedError(", "return comment  # raise PermissionDeniedError(", 1
        ),
        "utf-8",
    )
    capsys.readouterr()

    code = main(["classroom", "grade", str(output)])

    with (output / "grades.csv").open(encoding="utf-8") as table:
        rows = {row["repository"]: row for row in csv.DictReader(table)}
    assert set(rows) == {"ada", "alan"}
    ada, alan = rows["ada"], rows["alan"]
    assert int(ada["total"]) > 0 and ada["passed"] == ada["total"], ada
    assert ada["name"] == "Ada Lovelace" and ada["percent"] == "100"
    assert int(alan["passed"]) < int(alan["total"]) == int(ada["total"]), alan
    markdown = (output / "grades.md").read_text("utf-8")
    assert f"| ada | Ada Lovelace | {ada['passed']}/{ada['total']} | 100 |" in markdown
    assert code == 0, capsys.readouterr().out
