"""Every address in the Next steps that `roadmap-scaffold new` prints answers.

One project per framework (each with another kind, so every kind is met too):
generate it with the tool, read the addresses from what `new` printed, follow
the steps (`make install`, `make run` on a free port instead of 8000), and GET
each one. None may be an error: a learner's first click must not be a 404.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.support.matrix import catalog, language_of, offered_combinations
from tests.support.net import free_port, request
from tests.support.project import generate
from tests.support.server import ServerProcess
from tests.support.tools import require_tool

from roadmap_scaffold.next_steps import SERVER

pytestmark = pytest.mark.generated

ADDRESS = re.compile(re.escape(SERVER) + r"(/[^\s)]*)?")


def _one_project_per_framework() -> list[tuple[str, str]]:
    """(kind, framework) for every offered framework, rotating through the kinds."""
    kinds = list(catalog().kinds)
    chosen = []
    for index, framework in enumerate(dict.fromkeys(f for _, f in offered_combinations())):
        offered = [k for k, f in offered_combinations() if f == framework]
        preferred = kinds[index % len(kinds)]
        chosen.append((preferred if preferred in offered else offered[0], framework))
    return chosen


def printed_paths(output: str) -> list[str]:
    """The paths of every address on the default server in the printed Next steps."""
    steps = output.split("Next steps:", 1)[-1]
    return list(dict.fromkeys(match.group(1) or "/" for match in ADDRESS.finditer(steps)))


@pytest.mark.parametrize(
    ("kind", "framework"),
    _one_project_per_framework(),
    ids=[f"{k}-{f}" for k, f in _one_project_per_framework()],
)
def test_every_address_in_the_next_steps_answers(kind: str, framework: str, tmp_path: Path) -> None:
    require_tool("git", "let roadmap-scaffold make the first commit")
    make = require_tool("make", "follow the Next steps")
    step, project = generate(kind, framework, language_of(framework), tmp_path / f"my-{kind}")
    assert step.ok, step.describe()
    paths = printed_paths(step.output)
    assert "/health" in paths and len(paths) > 1, f"too few addresses:\n{step.output}"
    install = project.make("install", timeout=1200)
    assert install.ok, install.describe()

    port = free_port()
    env = {**project.env, "HOST": "127.0.0.1", "PORT": str(port)}
    server = ServerProcess([make, "run"], project.root, env, port, tmp_path / "server.log")
    server.start()
    try:
        server.wait_healthy("/health", timeout=120)
        answers = {path: request(port, "GET", path).status for path in paths}
    finally:
        server.stop()

    failing = {path: status for path, status in answers.items() if status >= 400}
    assert failing == {}, f"addresses from the Next steps that fail: {failing}\n{step.output}"
