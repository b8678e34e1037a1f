"""Generation into a temporary folder: Ctrl-C and failures leave nothing behind."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from roadmap_scaffold import generate as generate_module
from roadmap_scaffold.cli import main
from roadmap_scaffold.errors import GenerationError, UserError
from roadmap_scaffold.generate import GenerationRequest, check_destination, generate

Snap = Callable[[Path], Any]


def _fake_render_then(error: BaseException | None) -> Callable[[GenerationRequest, Path], None]:
    """A `render` that writes part of a project, then fails with ``error`` (if any)."""

    def render(request: GenerationRequest, project: Path) -> None:
        (project / "app").mkdir(parents=True)
        (project / "app" / "main.py").write_text("print('half a project')\n", encoding="utf-8")
        (project / ".copier-answers.yml").write_text(
            f"project_name: {request.answers['project_name']}\n", encoding="utf-8"
        )
        if error is not None:
            raise error

    return render


def _interrupt_commit(project: Path, answers: dict[str, Any], *_init: object) -> None:
    (project / "commit-in-progress").touch()
    raise KeyboardInterrupt


def _fail_commit(project: Path, answers: dict[str, Any], *_init: object) -> None:
    (project / "commit-in-progress").touch()
    raise GenerationError("git commit failed: simulated")


def _everything_under(root: Path) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*"))


# --- Ctrl-C ---------------------------------------------------------------------------------


def test_ctrl_c_while_rendering_exits_130_and_removes_everything_it_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / "mine.txt").write_text("keep me\n", encoding="utf-8")
    monkeypatch.setattr(generate_module, "render", _fake_render_then(KeyboardInterrupt()))

    code = main(["new", "new-parent/deeper/proj", "--yes", "--no-git"])

    _, err = capsys.readouterr()
    assert code == 130
    assert "nothing was written" in err
    assert "Traceback" not in err
    assert _everything_under(tmp_path) == ["mine.txt"]  # no project, parents or staging folder


def test_ctrl_c_during_the_first_commit_exits_130_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(generate_module, "render", _fake_render_then(None))
    monkeypatch.setattr(generate_module, "commit_initial", _interrupt_commit)

    code = main(["new", "made/proj", "--yes"])

    assert code == 130
    assert _everything_under(tmp_path) == []


def test_ctrl_c_keeps_parent_folders_that_existed_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "other-project.txt").write_text("x\n", encoding="utf-8")
    monkeypatch.setattr(generate_module, "render", _fake_render_then(KeyboardInterrupt()))

    code = main(["new", "work/new-one/proj", "--yes", "--no-git"])

    assert code == 130
    assert _everything_under(tmp_path) == ["work", "work/other-project.txt"]


def test_ctrl_c_leaves_an_existing_empty_destination_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / "proj").mkdir()
    monkeypatch.setattr(generate_module, "render", _fake_render_then(KeyboardInterrupt()))

    code = main(["new", "proj", "--yes", "--no-git"])

    assert code == 130
    assert _everything_under(tmp_path) == ["proj"]


# --- failures ---------------------------------------------------------------------------------


def test_a_failed_first_commit_is_one_line_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(generate_module, "commit_initial", _fail_commit)  # after a real render

    code = main(["new", "made/proj", "--yes"])

    _, err = capsys.readouterr()
    error_lines = [line for line in err.splitlines() if line.startswith("roadmap-scaffold")]
    assert code == 1
    assert error_lines == ["roadmap-scaffold: error: git commit failed: simulated"]
    assert "Traceback" not in err
    assert _everything_under(tmp_path) == []


def test_a_copier_failure_becomes_a_one_line_generation_error_and_leaves_nothing(
    tmp_path: Path, template_copy: Path
):
    request = GenerationRequest(
        destination=tmp_path / "out" / "proj",
        answers={"project_name": "proj", "database": "mysql"},  # not one of copier.yml's choices
        template=str(template_copy),
        git=False,
    )

    with pytest.raises(GenerationError) as caught:
        generate(request)

    assert "mysql" in str(caught.value)
    assert "\n" not in str(caught.value)

    assert _everything_under(tmp_path) == []


def test_generate_refuses_to_overwrite_what_appeared_while_rendering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    destination = tmp_path / "proj"

    def render_while_someone_writes(request: GenerationRequest, project: Path) -> None:
        _fake_render_then(None)(request, project)
        destination.mkdir()
        (destination / "theirs.txt").write_text("not yours\n", encoding="utf-8")

    monkeypatch.setattr(generate_module, "render", render_while_someone_writes)
    request = GenerationRequest(destination, {"project_name": "proj"}, template="unused", git=False)

    with pytest.raises(UserError):
        generate(request)

    assert _everything_under(tmp_path) == ["proj", "proj/theirs.txt"]


def test_generate_moves_the_rendered_project_into_place_and_returns_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(generate_module, "render", _fake_render_then(None))
    request = GenerationRequest(
        Path("nested/proj"), {"project_name": "proj"}, template="unused", git=False
    )

    result = generate(request)

    assert result == tmp_path / "nested" / "proj"
    assert _everything_under(tmp_path) == [
        "nested",
        "nested/proj",
        "nested/proj/.copier-answers.yml",
        "nested/proj/app",
        "nested/proj/app/main.py",
    ]


# --- check_destination ------------------------------------------------------------------------


def test_check_destination_accepts_a_missing_or_empty_folder(tmp_path: Path):
    (tmp_path / "empty").mkdir()

    check_destination(tmp_path / "missing")
    check_destination(tmp_path / "empty")


def test_check_destination_refuses_a_folder_with_anything_in_it(tmp_path: Path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / ".hidden").write_text("", encoding="utf-8")

    with pytest.raises(UserError, match="already exists and is not empty"):
        check_destination(tmp_path / "taken")


def test_check_destination_refuses_a_file(tmp_path: Path):
    (tmp_path / "file").write_text("x", encoding="utf-8")

    with pytest.raises(UserError, match="already exists and is not a folder"):
        check_destination(tmp_path / "file")


def test_check_destination_refuses_a_symlink_even_to_an_empty_folder(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "empty")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")

    with pytest.raises(UserError):
        check_destination(tmp_path / "link")
    with pytest.raises(UserError):
        check_destination(tmp_path / "dangling")
