"""Copier's and Jinja's private names are touched in one module only: copier_patches.py.

Copier's own ``__init__`` says its private members "will become inaccessible in
the future", and Jinja's compiler internals change between releases. Kept in one
module, each use is guarded and can fall back to plain Copier; anywhere else it
is a traceback waiting for the next release (as ``copier._template`` was in 9.6).
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.paths import REPO_ROOT

ALLOWED = REPO_ROOT / "src" / "roadmap_scaffold" / "copier_patches.py"

# A private module or member of Copier (copier._main, from copier import _x), any
# underscored name reached through jinja2, and Jinja's compiler and node internals.
PRIVATE_USE = re.compile(
    r"\bcopier\._\w"
    r"|\bfrom\s+copier(\.\w+)*\s+import\s+\(?\s*_\w"
    r"|\bjinja2(\.\w+)*\._\w"
    r"|\bfrom\s+jinja2(\.\w+)*\s+import\s+\(?\s*_\w"
    r"|\bjinja2\.(compiler|nodes|idtracking|optimizer)\b"
    r"|\b_output_child_to_const\b"
)


def python_files() -> list[Path]:
    folders = [REPO_ROOT / "src", REPO_ROOT / "tests", REPO_ROOT / "bench"]
    files = [path for folder in folders for path in sorted(folder.rglob("*.py"))]
    return [*files, REPO_ROOT / "hatch_build.py"]


def test_the_pattern_finds_what_it_is_meant_to_find():
    for line in (
        "from copier._vcs import get_latest_tag",
        "import copier._main",
        "from copier import _main",
        "from jinja2.compiler import CodeGenerator",
        "CodeGenerator._output_child_to_const = fast",
        "jinja2.sandbox._DEFAULT_SAFE_FILTERS",
    ):
        assert PRIVATE_USE.search(line), line
    for line in ("from copier import run_copy", "from jinja2.sandbox import SandboxedEnvironment"):
        assert not PRIVATE_USE.search(line), line


def test_no_module_but_copier_patches_touches_copier_or_jinja_internals():
    found = [
        f"{path.relative_to(REPO_ROOT)}:{number}: {line.strip()}"
        for path in python_files()
        if path not in (ALLOWED, Path(__file__).resolve())
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if PRIVATE_USE.search(line)
    ]
    assert not found, "private Copier or Jinja names outside copier_patches.py:\n" + "\n".join(
        found
    )
