"""The checkers themselves: they must catch what they claim to catch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.render import checks
from tests.support.output import parse_go_summary, parse_pytest_summary
from tests.support.tools import require_tool


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_leftover_jinja_is_found_everywhere_but_github_expressions(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "app/main.py": "name = '{{ project_name }}'\n",
            "README.md": "{% if x %}\n",
            ".github/workflows/ci.yml": (
                "run: echo ${{ github.sha }} {{ leftover }}\nok: ${{ matrix.db }}\n"
            ),
            "scripts/len.sh": 'echo "${#name}"\n',
            "docs/notes.md": "${#name}\n",
        },
    )
    found = checks.leftover_jinja(root)
    assert any(p.startswith("app/main.py:1:") for p in found)
    assert any(p.startswith("README.md:1:") for p in found)
    assert any(p.startswith(".github/workflows/ci.yml:1:") for p in found)
    assert not any(p.startswith(".github/workflows/ci.yml:2:") for p in found)
    assert not any(p.startswith("scripts/len.sh") for p in found)
    assert any(p.startswith("docs/notes.md:1:") for p in found), (
        "${# is only legitimate in shell-like files"
    )


def test_parse_errors_are_reported_per_format(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "a.py": "def broken(:\n",
            "b.yml": "key: [unclosed\n",
            "c.json": "{'single': 'quotes'}",
            "d.toml": "key = \n",
            "e.ini": "no section header\n",
            "ok.ini": "[alembic]\nscript_location = %(here)s/alembic\n",
            "ok.py": "x = 1\n",
            "ok.yaml": "a: 1\n---\nb: 2\n",
        },
    )
    assert [p.split(":")[0] for p in checks.python_errors(root)] == ["a.py"]
    assert [p.split(":")[0] for p in checks.yaml_errors(root)] == ["b.yml"]
    assert [p.split(":")[0] for p in checks.json_errors(root)] == ["c.json"]
    assert [p.split(":")[0] for p in checks.toml_errors(root)] == ["d.toml"]
    assert [p.split(":")[0] for p in checks.ini_errors(root)] == ["e.ini"]


def test_jinja_suffixes_and_dockerfiles_are_found(tmp_path: Path) -> None:
    root = write(
        tmp_path, {"x.py.jinja": "", "Dockerfile": "", "deploy/Dockerfile.prod": "", "y.py": ""}
    )
    assert checks.jinja_suffixes(root) == ["x.py.jinja"]
    assert sorted(p.name for p in checks.dockerfiles(root)) == ["Dockerfile", "Dockerfile.prod"]


def test_make_targets_come_from_the_database_not_from_variables() -> None:
    database = (
        "install: .venv\n\t@uv sync\nCC := gcc\n# Not a target:\nMakefile:\n"
        ".PHONY: install test\ntest run:\n"
    )
    targets = checks.make_targets(database)
    assert {"install", "test", "run"} <= targets
    assert "CC" not in targets and "Makefile" not in targets


def test_pytest_summary_lines_are_parsed() -> None:
    verbose = parse_pytest_summary(
        "...\n===== 3 failed, 40 passed, 1 warning in 2.51s =====\nmake: *** [test] Error 1\n"
    )
    assert verbose is not None and (verbose.passed, verbose.failed) == (40, 3)
    quiet = parse_pytest_summary("41 passed, 2 skipped in 0.12s\n")
    assert quiet is not None and (quiet.passed, quiet.skipped) == (41, 2)
    errors = parse_pytest_summary("== 1 passed, 2 errors in 1.00s (0:00:01) ==")
    assert errors is not None and errors.errors == 2
    nothing = parse_pytest_summary("===== no tests ran in 0.01s =====")
    assert nothing is not None and nothing.passed == 0
    assert parse_pytest_summary("make: *** No rule to make target 'test'.") is None


def test_go_test_package_lines_are_parsed() -> None:
    output = (
        "ok  \tmy-blog/internal/auth\t0.31s\n"
        "?   \tmy-blog/internal/store\t[no test files]\n"
        "--- FAIL: TestLogin (0.01s)\n"
        "FAIL\n"
        "FAIL\tmy-blog/internal/blog/blogapi\t1.20s\n"
        "ok  \tmy-blog/internal/config\t(cached)\n"
    )
    counts = parse_go_summary(output)
    assert counts is not None
    assert (counts.passed, counts.failed) == (2, 1)
    assert parse_go_summary("make: *** No rule to make target 'test'.") is None


def test_go_errors_name_unformatted_and_unparsable_files(tmp_path: Path) -> None:
    gofmt = require_tool("gofmt", "check Go files")
    (tmp_path / "good.go").write_text("package main\n\nfunc main() {}\n", encoding="utf-8")
    (tmp_path / "ugly.go").write_text("package main\nfunc  f( ) {}\n", encoding="utf-8")
    (tmp_path / "broken.go").write_text("package main\nfunc {\n", encoding="utf-8")
    problems = "\n".join(checks.go_errors(tmp_path, gofmt))
    assert "ugly.go: not gofmt-formatted" in problems
    assert "broken.go" in problems
    assert "good.go" not in problems


def test_missing_and_weak_security_headers_are_reported() -> None:
    from tests.generated.contracts import (
        SECURITY_HEADERS,
        missing_security_headers,
        wrong_security_header_values,
    )

    complete = {name: "x" for name in SECURITY_HEADERS}
    complete |= {"x-content-type-options": "nosniff", "strict-transport-security": "max-age=1"}
    assert missing_security_headers(complete) == []
    assert wrong_security_header_values(complete) == []
    without_frame = {k: v for k, v in complete.items() if k != "x-frame-options"}
    assert missing_security_headers(without_frame) == ["x-frame-options"]
    without_frame["content-security-policy"] = "default-src 'none'; frame-ancestors 'none'"
    assert missing_security_headers(without_frame) == []
    assert missing_security_headers({**complete, "permissions-policy": " "}) == [
        "permissions-policy"
    ]
    weak = {**complete, "x-content-type-options": "sniff", "strict-transport-security": "max-age=0"}
    assert len(wrong_security_header_values(weak)) == 2


def test_a_missing_tool_skips_locally_and_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.support.tools import require_tool

    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception, match="no-such-tool-xyz not found: install it"):
        require_tool("no-such-tool-xyz")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true, so a missing toolchain is a failure"):
        require_tool("no-such-tool-xyz")


def test_a_present_tool_is_found_off_path(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.support.tools import require_tool

    monkeypatch.setenv("PATH", "/nonexistent")
    # The test venv's own bin is searched even when it is not on PATH.
    assert Path(require_tool("python")).parent == Path(sys.executable).parent


#: (path, source, parses): the grammar follows Node's rules (.mjs, .cjs, package.json's
#: "type", syntax detection when there is none), so each case is one `node --check` decides.
JAVASCRIPT_CASES = [
    ("esm/src/ok.js", 'import x from "y";\nexport const a = await x;\n', True),
    ("esm/src/bad.js", 'import x from "y";\nconst a = ;\n', False),
    ("esm/src/return.js", "return 1;\n", False),
    ("esm/src/with.js", "with (a) {}\n", False),
    ("esm/src/ok.cjs", 'const x = require("a");\n', True),
    ("esm/src/bad.cjs", "module.exports = {\n", False),
    ("cjs/ok.js", '#!/usr/bin/env node\nconst a = require("x");\nreturn;\n', True),
    ("cjs/import.js", 'import x from "y";\n', False),
    ("cjs/ok.mjs", "export default 1;\n", True),
    ("cjs/strict.js", '"use strict"; with (a) {}\n', False),
    ("untyped/detected.js", "export const a = 1;\n", True),
    ("untyped/commonjs.js", 'const a = require("b");\nreturn;\n', True),
    ("untyped/bad.js", "let let = 1;\n", False),
]


def test_javascript_errors_agree_with_node_check_file_by_file(tmp_path: Path) -> None:
    from tests.support.tools import require_tool

    node = require_tool("node", "syntax-check JavaScript files")
    root = write(
        tmp_path,
        {
            "esm/package.json": '{"type": "module"}',
            "cjs/package.json": '{"type": "commonjs"}',
            "untyped/package.json": "{}",
            **{path: source for path, source, _ in JAVASCRIPT_CASES},
        },
    )
    found = checks.javascript_errors(root, node)
    failing = sorted(problem.split(":")[0] for problem in found)
    assert failing == sorted(path for path, _, parses in JAVASCRIPT_CASES if not parses)
    for path, _, parses in JAVASCRIPT_CASES:
        by_node = subprocess.run([node, "--check", path], cwd=root, capture_output=True)
        assert (by_node.returncode == 0) == parses, f"node --check {path} disagrees with the case"
    # Each failure carries node's own report: the file, the line and the error.
    bad = next(problem for problem in found if problem.startswith("esm/src/bad.js"))
    assert "bad.js:2" in bad and "SyntaxError: Unexpected token ';'" in bad
