"""Report how long each stage of the generated-project runs took."""

from __future__ import annotations

import pytest
from tests.support.project import TIMINGS


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TIMINGS:
        return
    terminalreporter.section("generated-project timings")
    for label, seconds in TIMINGS:
        terminalreporter.write_line(f"{seconds:7.1f}s  {label}")
