"""The fuzz lane: Schemathesis against the OpenAPI document each running server publishes.

Each kind's ``test_fuzz.py`` calls :func:`fuzz` with the contract server the other
contract tests already use (no extra server is started) and the Authorization
header of a user it registered through the API. Schemathesis (its CLI, the
interface its documentation leads with) reads the document the server itself
serves, generates valid and invalid requests for every operation, and checks:

- ``not_a_server_error``: no 5xx, whatever the input;
- ``status_code_conformance``, ``content_type_conformance``,
  ``response_schema_conformance``: every response is one the document declares.

Deterministic and cheap: one fixed seed, one worker, no example database and no
crash cache carried between runs (Schemathesis runs in the test's own folder), and
at most ``MAX_EXAMPLES`` generated cases per operation and phase: 500 to 1,200
requests and 5 to 40 seconds per server (``TIMEOUT`` is only the safety net for a
hung server). The stateful phase runs too: the documents declare no links, so
Schemathesis chains the operations it can infer (a created resource's id fed to the
operations that take one). These tests run after every other test of their kind x
framework (tests/support/lab.py), or of the session against --contract-base-url
(tests/contracts/conftest.py): the fuzzer's failed logins count toward the
per-address limit, and the shop's admin deletes what it finds.

A failure prints Schemathesis's own report: each failing check with the request
as a ``curl`` command that reproduces it.

Known debt, if any: ``fuzz_baselines/<kind>-<framework>.json`` (Schemathesis's
baseline format) would list document mismatches accepted for now; they are
reported but do not fail the lane, anything new does, and a server error may never
be listed. There is none today. To write one:
``FUZZ_BASELINE=update pytest tests/contracts -m fuzz -k <framework>``.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import yaml
from tests.support.tools import require_tool, run_captured

#: Where each framework publishes the document: FastAPI generates it from the app,
#: drf-spectacular from the views (YAML unless asked for JSON), Flask, Express, Go and
#: Spring Boot serve the kind's static openapi.yaml.
DOCUMENT_PATHS = {
    "fastapi": "/api/openapi.json",
    "django": "/api/schema?format=json",
    "flask": "/api/openapi.yaml",
    "express": "/api/openapi.yaml",
    "go": "/api/openapi.yaml",
    "spring": "/api/openapi.yaml",
}

CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
)

#: The time box: a fixed seed and at most this many cases per operation and phase.
SEED = 20261205
MAX_EXAMPLES = 20
#: Only a safety net for a server that stops answering; a healthy run ends well before.
TIMEOUT = 300

BASELINES = Path(__file__).resolve().parent / "fuzz_baselines"

#: Operations that are not the API's and need another credential (the metrics token).
EXCLUDED_PATHS = ("/metrics",)


@dataclass
class FuzzResult:
    """What one Schemathesis run did, for the lane's summary."""

    operations: int
    cases: int
    seconds: float

    def describe(self) -> str:
        return f"{self.operations} operations, {self.cases} cases, {self.seconds:.1f}s"


#: Every run of the session, printed at its end (tests/contracts/conftest.py).
RESULTS: list[tuple[str, FuzzResult]] = []


def document_url(base_url: str, framework: str) -> str:
    """The URL of the OpenAPI document the server publishes."""
    return base_url + DOCUMENT_PATHS[framework]


def api_root(base_url: str, document: dict[str, Any]) -> str:
    """The server's base URL plus the path of the document's first ``servers`` entry.

    The document's host is the one it was written for (localhost:8000, a demo site);
    its path (``/api`` or none) is where the operations' paths start.
    """
    servers = document.get("servers") or [{"url": "/"}]
    path = urlsplit(servers[0]["url"]).path.rstrip("/")
    return base_url + path


def fuzz(
    *,
    label: str,
    base_url: str,
    framework: str,
    headers: dict[str, str],
    report_dir: Path,
) -> FuzzResult:
    """Run Schemathesis against the server at ``base_url``; fail with its report on a finding."""
    if framework not in DOCUMENT_PATHS:
        pytest.skip(f"where {framework!r} publishes its OpenAPI document is not known")
    schemathesis = require_tool("schemathesis", "fuzz the generated servers (tests/contracts)")
    url = document_url(base_url, framework)
    response = httpx.get(url, timeout=15)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    document = yaml.safe_load(response.text)  # JSON is YAML too
    junit, run_report = report_dir / "junit.xml", report_dir / "report.json"
    command = [
        schemathesis,
        "run",
        url,
        "--url",
        api_root(base_url, document),
        "--checks",
        ",".join(CHECKS),
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--seed",
        str(SEED),
        "--generation-database",
        "none",
        "--workers",
        "1",
        "--request-timeout",
        "15",
        "--suppress-health-check",
        "all",
        "--report",
        "junit,json",
        "--report-junit-path",
        str(junit),
        "--report-json-path",
        str(run_report),
        "--no-color",
        *(arg for path in EXCLUDED_PATHS for arg in ("--exclude-path", path)),
        *(arg for name, value in headers.items() for arg in ("--header", f"{name}: {value}")),
    ]
    baseline = BASELINES / f"{label}.json"
    updating = os.environ.get("FUZZ_BASELINE") == "update"
    if updating:
        command += ["--baseline", str(baseline), "--baseline-update", "--baseline-prune"]
    elif baseline.is_file():
        command += ["--baseline", str(baseline)]
    started = time.monotonic()
    # Schemathesis keeps a cache of past crashes in its working folder and replays
    # them: a fresh folder per run keeps the run what the seed says.
    result = run_captured(command, report_dir, timeout=TIMEOUT)
    seconds = time.monotonic() - started
    (report_dir / "output.txt").write_text(result.stdout)
    summary = _summary(run_report, seconds)
    RESULTS.append((label, summary))
    _assert_no_server_error_accepted(baseline)
    if updating:
        pytest.skip(f"FUZZ_BASELINE=update: rewrote {baseline}")
    assert result.returncode == 0, (
        f"Schemathesis found problems in {label} (seed {SEED}, report in {report_dir}):\n"
        + result.stdout[-12000:]
    )
    return summary


def _assert_no_server_error_accepted(baseline: Path) -> None:
    if not baseline.is_file():
        return
    entries = json.loads(baseline.read_text())["entries"]
    server_errors = [entry for entry in entries if entry["check"] == "not_a_server_error"]
    assert not server_errors, (
        f"{baseline} accepts server errors, which must be fixed instead: {server_errors}"
    )


def _summary(run_report: Path, seconds: float) -> FuzzResult:
    if not run_report.is_file():
        return FuzzResult(0, 0, seconds)
    report = json.loads(run_report.read_text())
    return FuzzResult(report["operations"]["tested"], report["test_cases"]["generated"], seconds)
