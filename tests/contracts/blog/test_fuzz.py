"""Schemathesis against the blog server's own OpenAPI document (see tests/contracts/fuzz.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.contracts.blog.conduit import Conduit
from tests.contracts.fuzz import fuzz


@pytest.mark.fuzz
def test_schemathesis_finds_nothing(
    conduit: Conduit, contract_server: Any, framework: str, tmp_path: Path
) -> None:
    # One signed-in user: the operations that need a token are fuzzed past the 401.
    user = conduit.register("fuzzer")
    fuzz(
        label=f"blog-{framework}",
        base_url=contract_server.app_url,
        framework=framework,
        headers=user.auth,
        report_dir=tmp_path,
    )
