"""Where the template comes from.

The package ships its template: in a built wheel as package data under
``roadmap_scaffold/template/`` (see ``[tool.hatch.build]`` in pyproject.toml),
and in a source checkout (an editable install) as the repository itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from roadmap_scaffold.errors import ScaffoldError, UserError

PACKAGED_TEMPLATE = Path(__file__).with_name("template")
SOURCE_CHECKOUT = Path(__file__).resolve().parents[2]


def default_template_root() -> Path:
    """Return the folder of the template that ships with this installation."""
    for candidate in (PACKAGED_TEMPLATE, SOURCE_CHECKOUT):
        if (candidate / "copier.yml").is_file():
            return candidate
    raise ScaffoldError(
        "the template is missing from this installation: reinstall roadmap-scaffold"
    )


def local_template_root(source: str | None) -> Path | None:
    """Return the folder of ``source`` when it is a local template, else None (a git URL)."""
    if source is None:
        return default_template_root()
    path = Path(source).expanduser()
    if (path / "copier.yml").is_file():
        return path.resolve()
    if path.exists():
        raise UserError(f"{source} is not a roadmap-scaffold template (it has no copier.yml)")
    return None


def template_questions(template_root: Path) -> set[str]:
    """The answer keys a user may give for the template at ``template_root``.

    Hidden, computed answers (``when: false``) and Copier's own settings (``_*``)
    are not questions, so ``--data`` cannot set them.
    """
    config: dict[str, Any] = yaml.safe_load((template_root / "copier.yml").read_text("utf-8"))
    return {
        key
        for key, spec in config.items()
        if not key.startswith("_") and not (isinstance(spec, dict) and spec.get("when") is False)
    }
