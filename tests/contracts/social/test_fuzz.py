"""Schemathesis against the social server's own OpenAPI document (see tests/contracts/fuzz.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.contracts.fuzz import fuzz
from tests.contracts.social.network import Network


@pytest.mark.fuzz
def test_schemathesis_finds_nothing(
    net: Network, contract_server: Any, framework: str, tmp_path: Path
) -> None:
    # One signed-in user: the operations that need a token are fuzzed past the 401.
    user = net.register("fuzzer")
    fuzz(
        label=f"social-{framework}",
        base_url=contract_server.app_url,
        framework=framework,
        headers=user.auth,
        report_dir=tmp_path,
    )
