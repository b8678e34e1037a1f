"""Every address in the Next steps that `roadmap-scaffold new` prints answers.

One project per framework (each with another kind, so every kind is met too):
generate it with the tool, read the addresses from what `new` printed, follow
the steps (`make install`, `make run` on SQLite and a free port instead of 8000),
and GET each one. None may be an error: a learner's first click must not be a 404.
The project and its server are the generated-project lane's (tests/support/lab.py).
"""

from __future__ import annotations

import re

import pytest
from tests.support.lab import ProjectLab, combination_param
from tests.support.matrix import catalog, offered_combinations
from tests.support.net import request

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
    "combination", [combination_param(*chosen) for chosen in _one_project_per_framework()]
)
def test_every_address_in_the_next_steps_answers(
    combination: tuple[str, str], lab: ProjectLab
) -> None:
    kind, framework = combination
    step = lab.generation(kind, framework)
    paths = printed_paths(step.output)
    assert "/health" in paths and len(paths) > 1, f"too few addresses:\n{step.output}"
    server = lab.server(kind, framework, "sqlite")  # installed first, as the steps say

    answers = {path: request(server.port, "GET", path).status for path in paths}
    failing = {path: status for path, status in answers.items() if status >= 400}
    assert failing == {}, f"addresses from the Next steps that fail: {failing}\n{step.output}"
