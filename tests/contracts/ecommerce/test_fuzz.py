"""Schemathesis against the shop server's own OpenAPI document (see tests/contracts/fuzz.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.contracts.ecommerce.shop import User
from tests.contracts.fuzz import fuzz


@pytest.mark.fuzz
def test_schemathesis_finds_nothing(
    admin: User, contract_server: Any, framework: str, tmp_path: Path
) -> None:
    # The admin: it may call every operation, the catalogue's writes included, so
    # each is fuzzed past the 401 and 403.
    fuzz(
        label=f"ecommerce-{framework}",
        base_url=contract_server.app_url,
        framework=framework,
        headers=admin.auth,
        report_dir=tmp_path,
    )
