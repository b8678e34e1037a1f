"""`roadmap-scaffold list`: every kind and framework, and which combinations exist."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from roadmap_scaffold.catalog import Catalog
from roadmap_scaffold.cli import main


def _section(out: str, title: str) -> list[str]:
    """The indented lines under ``title`` up to the next blank line."""
    lines = out.splitlines()
    start = lines.index(title) + 1
    section = []
    for line in lines[start:]:
        if not line.strip():
            break
        section.append(line.strip())
    return section


def test_list_prints_every_kind_and_says_which_are_not_available_yet(
    catalog: Catalog, capsys: pytest.CaptureFixture[str]
):
    code = main(["list"])

    out, err = capsys.readouterr()
    kinds = _section(out, "Kinds:")
    assert code == 0
    assert err == ""
    assert [line.split()[0] for line in kinds] == list(catalog.kinds)
    offered = {kind.key for kind in catalog.offered_kinds()}
    for line in kinds:
        assert line.endswith("(not available yet)") == (line.split()[0] not in offered), line


def test_list_prints_every_framework_with_its_language_and_what_it_builds(
    catalog: Catalog, capsys: pytest.CaptureFixture[str]
):
    main(["list"])

    frameworks = _section(capsys.readouterr().out, "Frameworks:")
    assert [line.split()[0] for line in frameworks] == list(catalog.frameworks)
    fastapi = next(line for line in frameworks if line.startswith("fastapi"))
    laravel = next(line for line in frameworks if line.startswith("laravel"))
    assert "(Python)" in fastapi
    assert "blog" in fastapi
    assert "planned, not available yet" in laravel


def test_list_prints_the_caches_and_which_frameworks_can_use_redis(
    catalog: Catalog, capsys: pytest.CaptureFixture[str]
):
    main(["list"])

    out = capsys.readouterr().out
    assert [line.split()[0] for line in _section(out, "Caches (--cache):")] == list(catalog.caches)
    for line in _section(out, "Frameworks:"):
        framework = catalog.frameworks[line.split()[0]]
        assert line.endswith("; with Redis too") == ("redis" in framework.caches), line


def test_list_prints_exactly_the_offered_combinations(
    catalog: Catalog, capsys: pytest.CaptureFixture[str]
):
    main(["list"])

    combinations = _section(capsys.readouterr().out, "Available combinations (kind x framework):")
    assert "blog x fastapi" in combinations
    assert combinations == [f"{kind} x {fw}" for kind, fw in catalog.offered_combinations()]


def test_list_reads_the_catalog_of_the_given_template(
    tmp_path: Path, template_copy: Path, capsys: pytest.CaptureFixture[str]
):
    catalog_file = template_copy / "templates" / "_catalog.yml"
    original = catalog_file.read_text(encoding="utf-8")
    other = tmp_path / "other-template"
    (other / "templates").mkdir(parents=True)
    (other / "copier.yml").write_text("", encoding="utf-8")
    (other / "templates" / "_catalog.yml").write_text(
        # The first planned framework (an empty list) gains the social network.
        original.replace("    kinds: []", "    kinds: [social]", 1),
        encoding="utf-8",
    )
    planned = next(
        key for key, item in yaml.safe_load(original)["frameworks"].items() if not item["kinds"]
    )

    code = main(["list", "--template", str(other)])

    combinations = _section(capsys.readouterr().out, "Available combinations (kind x framework):")
    assert code == 0
    assert f"social x {planned}" in combinations


def test_list_with_a_folder_that_is_not_a_template_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    code = main(["list", "--template", str(tmp_path)])

    _, err = capsys.readouterr()
    assert code == 2
    assert err.strip().count("\n") == 0
    assert "not a roadmap-scaffold template" in err
