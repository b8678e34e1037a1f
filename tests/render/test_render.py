"""The render matrix: every offered kind x framework x database renders cleanly.

Fast and run every time. One rendering per combination (made once, on first
use), then one test per property, so a failure names the combination and what
broke. A check that needs some kind of file (shell scripts, JavaScript, PHP...)
exists only for the renderings whose framework tree holds such files, and each
language's style linters run on the renderings in that language.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.render import checks
from tests.support.matrix import cache_of, language_of, render_matrix
from tests.support.paths import REPO_ROOT, cache_root
from tests.support.project import project_env
from tests.support.template_repo import source_snapshot
from tests.support.tools import require_tool, run_captured

pytestmark = pytest.mark.render

MATRIX = render_matrix()

# The contract's task commands (DESIGN.md, contract 2): the same in every framework.
CONTRACT_MAKE_TARGETS = ("install", "test", "lint", "run", "dev")


def answers_for(kind: str, framework: str, database: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "framework": framework,
        "database": database,
        "project_name": f"render-{kind}-{framework}-{database}",
        "author_name": "Render Matrix",
        "author_email": "render@example.com",
        # Every option renders at least once without doubling the matrix: the
        # PostgreSQL rendering is also a classroom one (grading workflow included).
        "classroom": database == "postgres",
        # Likewise Redis, where the framework can use it (said only then: "none" is the default).
        **({"cache": "redis"} if database == "postgres" and cache_of(framework) == "redis" else {}),
    }


def _id(combination: tuple[str, str, str]) -> str:
    return "-".join(combination)


@pytest.fixture(scope="session")
def _renderings() -> dict[tuple[str, str, str], Any]:
    """Every rendering made so far: tests parametrized over a part of the matrix reuse them."""
    return {}


@pytest.fixture(scope="module", params=MATRIX, ids=[_id(c) for c in MATRIX])
def rendering(
    request: pytest.FixtureRequest,
    copie_session: Any,
    _renderings: dict[tuple[str, str, str], Any],
) -> Any:
    """The template rendered with pytest-copie for one combination (uncommitted work included)."""
    combination: tuple[str, str, str] = request.param
    if combination not in _renderings:
        answers = answers_for(*combination)
        # A commit of the tracked files: untracked ones (a project generated in the
        # clone) never reach Copier, and Copier commits nothing, so needs no identity.
        result = copie_session.copy(
            extra_answers=answers, template_dir=REPO_ROOT, vcs_ref=source_snapshot()
        )
        result.requested = answers
        _renderings[combination] = result
    return _renderings[combination]


@pytest.fixture(scope="module")
def project(rendering: Any) -> Path:
    """The rendered project's folder; fails (naming the error) if rendering failed."""
    if rendering.exception is not None:
        pytest.fail(f"rendering failed: {rendering.exception!r}", pytrace=False)
    return Path(rendering.project_dir)


def test_template_renders_without_error(rendering: Any) -> None:
    assert rendering.exception is None, f"copier raised {rendering.exception!r}"
    assert rendering.exit_code == 0, f"copier exited with {rendering.exit_code}"
    assert any(Path(rendering.project_dir).iterdir()), "the rendered project is empty"


def test_no_file_keeps_the_jinja_suffix(project: Path) -> None:
    left = checks.jinja_suffixes(project)
    assert not left, "files still named *.jinja (not rendered):\n" + "\n".join(left)


def test_no_leftover_jinja_in_any_file(project: Path) -> None:
    left = checks.leftover_jinja(project)
    assert not left, "leftover Jinja markers:\n" + "\n".join(left)


def test_python_files_compile(project: Path) -> None:
    problems = checks.python_errors(project)
    assert not problems, "Python files that do not compile:\n" + "\n".join(problems)


def test_yaml_files_load(project: Path) -> None:
    problems = checks.yaml_errors(project)
    assert not problems, "YAML files that do not load:\n" + "\n".join(problems)


def test_json_files_load(project: Path) -> None:
    problems = checks.json_errors(project)
    assert not problems, "JSON files that do not load:\n" + "\n".join(problems)


def test_toml_files_load(project: Path) -> None:
    problems = checks.toml_errors(project)
    assert not problems, "TOML files that do not load:\n" + "\n".join(problems)


def test_ini_files_load(project: Path) -> None:
    problems = checks.ini_errors(project)
    assert not problems, "INI files that do not load:\n" + "\n".join(problems)


@dataclass(frozen=True)
class SyntaxCheck:
    """A language's own syntax checker, for the files with its suffixes."""

    language: str
    suffixes: tuple[str, ...]
    tool: str
    errors: Callable[[Path, str], list[str]]  # (project, tool) -> "path: message" each


SYNTAX_CHECKS = (
    SyntaxCheck("shell", (".sh",), "bash", checks.shell_errors),  # bash -n
    SyntaxCheck("javascript", checks.JAVASCRIPT_SUFFIXES, "node", checks.javascript_errors),
    SyntaxCheck("php", (".php",), "php", checks.php_errors),  # php -l
    SyntaxCheck("go", (".go",), "gofmt", checks.go_errors),  # gofmt -l -e: parses and formatting
    SyntaxCheck("java", (".java",), "javac", checks.java_errors),  # javac, parsing only
)


@cache
def _template_suffixes(framework: str) -> frozenset[str]:
    """The suffixes of the files the framework's tree renders (copier.yml's _subdirectory)."""
    tree = REPO_ROOT / "templates" / framework
    return frozenset(
        Path(path.name.removesuffix(".jinja")).suffix for path in tree.rglob("*") if path.is_file()
    )


def _syntax_cases() -> list[Any]:
    """(rendering, check) for each rendering whose framework tree has files the check reads."""
    return [
        pytest.param(combination, check, id=f"{_id(combination)}-{check.language}")
        for combination in MATRIX
        for check in SYNTAX_CHECKS
        if _template_suffixes(combination[1]) & set(check.suffixes)
    ]


@pytest.mark.parametrize(("rendering", "check"), _syntax_cases(), indirect=["rendering"])
def test_sources_parse(project: Path, check: SyntaxCheck) -> None:
    if not checks.files_with_suffix(project, *check.suffixes):
        pytest.skip(f"the framework's tree has {check.language} files, this rendering none")
    tool = require_tool(check.tool, f"syntax-check {check.language} files")
    problems = check.errors(project, tool)
    assert not problems, f"{check.language} files with syntax errors:\n" + "\n".join(problems)


# --- style: each language's linters, as the project's own `make lint` runs them ----------------


def _renderings_in(language: str) -> list[Any]:
    return [
        pytest.param(combination, id=_id(combination))
        for combination in MATRIX
        if language_of(combination[1]) == language
    ]


@pytest.mark.parametrize("rendering", _renderings_in("python"), indirect=True)
def test_python_style_passes_ruff(project: Path) -> None:
    """ruff check and ruff format --check with the project's own settings (pyproject.toml)."""
    ruff = require_tool("ruff", "check the rendered Python code's style")
    problems = []
    for argv in (["check", "--no-cache", "."], ["format", "--check", "--no-cache", "."]):
        result = _run([ruff, *argv], project)
        if result.returncode != 0:
            problems.append(f"ruff {' '.join(argv)}:\n{result.stdout}{result.stderr}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("rendering", _renderings_in("javascript"), indirect=True)
def test_javascript_style_passes_the_projects_lint(project: Path, tmp_path: Path) -> None:
    """`npm run lint` (ESLint and Prettier with the project's own config) on a copy of it.

    Both need the project's node_modules: one per package-lock.json, installed from
    npm's cache under the cache root (which the generated-project lane fills) with no
    install scripts, since linting loads no native module.
    """
    npm = require_tool("npm", "run the rendered project's linters")
    modules = _lint_node_modules(project, npm)
    copy = tmp_path / project.name
    shutil.copytree(project, copy)
    (copy / "node_modules").symlink_to(modules, target_is_directory=True)
    result = run_captured(
        [npm, "run", "--silent", "lint"], copy, env=project_env("javascript", copy), timeout=300
    )
    assert result.returncode == 0, f"npm run lint:\n{result.stdout}"


def _lint_node_modules(project: Path, npm: str) -> Path:
    """node_modules for the project's lock file, from npm's cache only; skips on a miss."""
    lock = project / "package-lock.json"
    folder = cache_root() / f"lint-node-modules-{_digest(lock)}"
    if (folder / "node_modules").is_dir():
        return folder / "node_modules"
    partial = folder.with_name(f"{folder.name}.{os.getpid()}.tmp")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy2(project / name, partial / name)
    env = project_env("javascript", partial)
    result = run_captured(
        [npm, "ci", "--offline", "--ignore-scripts", "--no-audit", "--no-fund"],
        partial,
        env=env,
        timeout=600,
    )
    if result.returncode != 0:
        shutil.rmtree(partial, ignore_errors=True)
        pytest.skip(
            "the linters need the project's node_modules, and npm's cache "
            f"({env.get('npm_config_cache')}) lacks packages of this package-lock.json "
            "(the generated-project lane fills it)"
        )
    try:
        partial.rename(folder)
    except OSError:  # another test run got there first: theirs is the same install
        shutil.rmtree(partial, ignore_errors=True)
    return folder / "node_modules"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def test_makefile_parses_and_has_the_contract_targets(project: Path) -> None:
    makefile = project / "Makefile"
    assert makefile.is_file(), "no Makefile: every project has make install/test/lint/run/dev"
    make = require_tool("make", "parse the generated Makefile")
    # -q runs no recipe; exit 2 (not 0/1) means make could not read the Makefile.
    result = _run([make, "-q", "-p", "-f", "Makefile"], project)
    assert result.returncode in (0, 1), f"make cannot parse the Makefile:\n{result.stderr}"
    missing = [t for t in CONTRACT_MAKE_TARGETS if t not in checks.make_targets(result.stdout)]
    assert not missing, f"Makefile lacks the contract targets: {', '.join(missing)}"


@pytest.mark.parametrize("target", CONTRACT_MAKE_TARGETS)
def test_make_target_dry_runs(project: Path, target: str) -> None:
    if not (project / "Makefile").is_file():
        pytest.fail("no Makefile", pytrace=False)
    make = require_tool("make", "dry-run the generated Makefile")
    result = _run([make, "-n", target], project)
    assert result.returncode == 0, f"make -n {target} failed:\n{result.stdout}\n{result.stderr}"


def _template_yaml(relative: str) -> Any:
    return yaml.safe_load((REPO_ROOT / "templates" / relative).read_text("utf-8"))


def test_make_loadtest_sends_the_kinds_requests(project: Path, rendering: Any) -> None:
    """The kind's loadtest list (kind.yml) is in its language's tool file (_catalog.yml)."""
    kind, framework = rendering.requested["kind"], rendering.requested["framework"]
    language = language_of(framework)
    tool_file = _template_yaml("_catalog.yml")["languages"][language]["loadtest"]["file"]
    found = list(project.glob(tool_file) if "/" in tool_file else project.rglob(tool_file))
    assert len(found) == 1, (
        f"{language}'s load test {tool_file} is not in the project once: {found}"
    )
    source = found[0].read_text("utf-8")
    visits = _template_yaml(f"_kinds/{kind}/kind.yml")["loadtest"]
    missing = [
        visit["path"] for visit in visits if f'"{visit["path"]}"' not in source.replace("'", '"')
    ]
    assert visits and not missing, f"{found[0].name} does not request {missing}"
    make = require_tool("make", "dry-run the generated Makefile")
    result = _run([make, "-n", "loadtest", "URL=http://127.0.0.1:9999", "DURATION=3"], project)
    assert result.returncode == 0, f"make -n loadtest failed:\n{result.stdout}\n{result.stderr}"
    assert "127.0.0.1:9999" in result.stdout, f"make loadtest ignores URL:\n{result.stdout}"


def test_answers_file_records_the_answers(project: Path, rendering: Any) -> None:
    path = project / ".copier-answers.yml"
    assert path.is_file(), ".copier-answers.yml is missing: copier update would be impossible"
    recorded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(recorded, dict), f".copier-answers.yml is not a mapping: {recorded!r}"
    wrong = {
        key: (recorded.get(key), value)
        for key, value in rendering.requested.items()
        if recorded.get(key) != value
    }
    assert not wrong, f"answers recorded wrongly (recorded, given): {wrong}"
    assert recorded.get("_commit"), "no _commit recorded: copier update needs it"
    src = str(recorded.get("_src_path", ""))
    assert src.startswith(("/", "~")) or "://" in src, (
        f"_src_path {src!r} must be absolute or ~-based for copier update to work"
    )
    hidden = {"catalog", "kind_data"} & recorded.keys()
    assert not hidden, f"computed answers leaked into the answers file: {sorted(hidden)}"


def test_dockerfiles_pass_hadolint(project: Path) -> None:
    files = checks.dockerfiles(project)
    assert files, "no Dockerfile: every project ships a multi-stage Dockerfile"
    hadolint = require_tool("hadolint", "lint Dockerfiles")
    problems = []
    for dockerfile in files:
        result = _run([hadolint, "--no-color", str(dockerfile.relative_to(project))], project)
        if result.returncode != 0 or result.stdout.strip() or result.stderr.strip():
            problems.append(f"{result.stdout}{result.stderr}".strip())
    assert not problems, "hadolint reports:\n" + "\n".join(problems)


def test_workflows_pass_actionlint(project: Path) -> None:
    files = checks.workflows(project)
    assert any(f.name == "ci.yml" for f in files), "no .github/workflows/ci.yml"
    actionlint = require_tool("actionlint", "lint GitHub Actions workflows")
    relative = [str(f.relative_to(project)) for f in files]
    result = _run([actionlint, "-no-color", "-oneline", *relative], project)
    assert result.returncode == 0 and not result.stdout.strip(), (
        f"actionlint reports (exit {result.returncode}):\n{result.stdout}{result.stderr}"
    )


def _run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_captured(argv, cwd, timeout=120, merge_stderr=False)


def test_classroom_projects_and_only_they_have_the_grading_workflow(
    project: Path, rendering: Any
) -> None:
    grading = project / ".github" / "workflows" / "grade.yml"
    if rendering.requested["classroom"]:
        assert grading.is_file(), "a classroom project has no grading workflow"
        assert "make grade" in grading.read_text("utf-8")
    else:
        assert not grading.exists(), "grade.yml was rendered for a project that is not a class's"


# --- compose.yaml, checked by Compose itself with the README's environment ------------------
#
# Debian 12's docker-compose (Compose 1.29, Python) is the validator: `docker-compose config`
# checks the file against the Compose specification's schema and interpolates every
# ${VAR} as `docker compose` does, failing on a ${VAR:?} that is unset, and it needs no
# Docker engine. (The alternative, the compose-spec JSON schema plus an interpolation of
# our own, would test our reimplementation rather than Compose's.)


def _compose_config(project: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """`docker-compose config` in `project`, with nothing but PATH and HOME from our environment.

    Compose reads `.env` next to compose.yaml, as `docker compose` does.
    """
    compose = require_tool("docker-compose", "validate compose.yaml with Compose's own loader")
    return run_captured(
        [compose, "--project-directory", project, "config"],
        project,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home)},
        timeout=120,
        merge_stderr=False,
    )


def _readme_docker_steps(project: Path) -> list[str]:
    """The shell lines of the README's "Run it in Docker" block, in order."""
    readme = (project / "README.md").read_text(encoding="utf-8")
    _, found, section = readme.partition("\n## Run it in Docker\n")
    assert found, "README.md has no 'Run it in Docker' section"
    _, found, block = section.partition("```sh\n")
    assert found, "the README's 'Run it in Docker' section has no ```sh block"
    return [line for line in block.split("```")[0].splitlines() if line.strip()]


def test_compose_needs_no_variable_to_start_the_database_alone(
    project: Path, tmp_path: Path
) -> None:
    """`docker compose up -d db` comes before any .env exists (the quick start, Next steps).

    Compose interpolates the whole file even for one service, so any ${VAR:?} would stop it.
    """
    result = _compose_config(project, tmp_path)
    assert result.returncode == 0, (
        f"docker-compose config with no .env and no variables failed:\n{result.stderr}"
    )
    assert "db" in yaml.safe_load(result.stdout)["services"], "compose.yaml has no db service"


def test_readme_docker_steps_set_everything_compose_and_the_app_need(
    project: Path, tmp_path: Path
) -> None:
    """Run the README's steps before `docker compose` (they write .env), then validate.

    Every value of the app's environment must be set: the app refuses to start in
    production with an empty secret.
    """
    workdir = tmp_path / "project"
    workdir.mkdir()
    for name in ("compose.yaml", "Dockerfile", ".dockerignore"):
        if (project / name).exists():
            (workdir / name).write_bytes((project / name).read_bytes())
    shutil.copytree(project / "deploy" / "nginx", workdir / "deploy" / "nginx")
    steps = _readme_docker_steps(project)
    assert any(line.startswith("docker compose") for line in steps), (
        f"the README's Docker steps never run docker compose: {steps}"
    )
    if (project / "package.json").is_file():
        python = [line for line in steps if "python" in line]
        assert not python, f"a Node project's README needs Python for its secrets: {python}"
    setup = [line for line in steps if not line.startswith("docker compose")]
    bash = require_tool("bash", "run the README's Docker steps")
    ran = run_captured(
        [bash, "-euo", "pipefail", "-c", "\n".join(setup)],
        workdir,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path)},
        timeout=60,
        merge_stderr=False,
    )
    assert ran.returncode == 0, f"the README's Docker steps failed:\n{setup}\n{ran.stderr}"

    result = _compose_config(workdir, tmp_path)
    assert result.returncode == 0, (
        f"docker-compose config after the README's steps failed:\n{result.stderr}"
    )
    environment = yaml.safe_load(result.stdout)["services"]["app"].get("environment", {})
    unset = sorted(name for name, value in environment.items() if value in (None, ""))
    assert not unset, f"the README's Docker steps leave the app's {', '.join(unset)} empty"


def test_compose_migrates_once_before_the_app_starts(project: Path, tmp_path: Path) -> None:
    """Migrations are their own step (DESIGN.md, scale-out): a one-off service that the
    app waits for, with the app's own settings; the image's start command only serves,
    so that replicas never race to change the schema."""
    result = _compose_config(project, tmp_path)
    assert result.returncode == 0, f"docker-compose config failed:\n{result.stderr}"
    services = yaml.safe_load(result.stdout)["services"]
    migrate, app = services.get("migrate"), services["app"]
    assert migrate and migrate.get("command"), "compose.yaml has no migrate service with a command"
    assert migrate.get("environment") == app.get("environment"), (
        "the migrate service and the app do not share their settings"
    )
    assert app["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    start = _dockerfile_start_command(project)
    assert not re.search(r"migrat|upgrade|flyway", start, re.IGNORECASE), (
        f"the image's start command still migrates: {start}"
    )


def _dockerfile_start_command(project: Path) -> str:
    """The last ENTRYPOINT and CMD lines of the final stage, joined."""
    lines = (project / "Dockerfile").read_text(encoding="utf-8").splitlines()
    final_stage = lines[max(i for i, line in enumerate(lines) if line.startswith("FROM ")) :]
    return " ".join(line for line in final_stage if line.startswith(("ENTRYPOINT", "CMD")))


# The manifests under deploy/kubernetes/, each a file the README's steps apply.
_KUBERNETES_FILES = {
    "app.yaml",
    "config.yaml",
    "dev-postgres.yaml",
    "migrate-job.yaml",
    "secret.example.yaml",
}


def test_the_ingress_serves_https_with_the_certificate_the_readme_makes(
    project: Path, tmp_path: Path
) -> None:
    """The Ingress ends TLS for every host it routes, with the Secret the README's steps
    create from deploy/nginx/make-certificate.sh's certificate, which names those hosts."""
    manifests = (project / "deploy" / "kubernetes" / "app.yaml").read_text(encoding="utf-8")
    ingress = next(doc for doc in yaml.safe_load_all(manifests) if doc["kind"] == "Ingress")
    hosts = {rule["host"] for rule in ingress["spec"]["rules"]}
    (tls,) = ingress["spec"]["tls"]
    assert hosts <= set(tls["hosts"]), f"hosts without TLS: {hosts - set(tls['hosts'])}"
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert f"kubectl create secret tls {tls['secretName']}" in readme
    script = tmp_path / "make-certificate.sh"  # it writes certs/ beside itself
    shutil.copy(project / "deploy" / "nginx" / "make-certificate.sh", script)
    made = _run(["sh", str(script)], tmp_path)
    assert made.returncode == 0, made.stderr
    openssl = require_tool("openssl", "read the certificate's names")
    names = _run(
        [openssl, "x509", "-noout", "-ext", "subjectAltName", "-in", "certs/localhost.crt"],
        tmp_path,
    ).stdout
    assert all(f"DNS:{host}" in names for host in hosts), f"{hosts} not all in {names}"


def test_kubernetes_manifests_pass_kubernetes_validate(project: Path) -> None:
    """Every manifest is valid for the current Kubernetes, strictly (an unknown field is an
    error), with kubernetes-validate's bundled schemas: nothing is downloaded."""
    folder = project / "deploy" / "kubernetes"
    files = sorted(folder.glob("*.yaml"))
    redis = (
        {"dev-redis.yaml"}
        if (project / ".copier-answers.yml").read_text().count("cache: redis")
        else set()
    )
    assert {f.name for f in files} == _KUBERNETES_FILES | redis
    validate = require_tool("kubernetes-validate", "validate Kubernetes manifests offline")
    result = _run([validate, "--strict", "--quiet", *(f.name for f in files)], folder)
    assert result.returncode == 0 and not result.stdout.strip(), (
        f"kubernetes-validate reports (exit {result.returncode}):\n{result.stdout}{result.stderr}"
    )
    job = yaml.safe_load((folder / "migrate-job.yaml").read_text(encoding="utf-8"))
    compose = yaml.safe_load((project / "compose.yaml").read_text(encoding="utf-8"))
    assert (
        job["spec"]["template"]["spec"]["containers"][0]["args"]
        == (compose["services"]["migrate"]["command"])
    ), "the migration Job and compose's migrate service run different commands"


# --- monitoring: Prometheus and Grafana (compose.yaml's `monitoring` profile) ----------------


def test_prometheus_configuration_passes_promtool(project: Path) -> None:
    """deploy/monitoring/prometheus.yml, checked by Prometheus's own promtool (Debian's
    `prometheus` package). --syntax-only: the token file exists only in the container."""
    promtool = require_tool("promtool", "check the Prometheus configuration")
    config = project / "deploy" / "monitoring" / "prometheus.yml"
    result = _run([promtool, "check", "config", "--syntax-only", str(config)], project)
    assert result.returncode == 0, f"promtool reports:\n{result.stdout}{result.stderr}"


def test_grafana_finds_its_data_source_and_dashboard(project: Path) -> None:
    """What compose mounts is what Grafana's provisioning names, and every panel of the
    dashboard asks the provisioned Prometheus (by its uid) something."""
    folder = project / "deploy" / "monitoring"
    sources = yaml.safe_load((folder / "datasources.yaml").read_text(encoding="utf-8"))
    uids = {source["uid"] for source in sources["datasources"]}
    providers = yaml.safe_load((folder / "dashboards.yaml").read_text(encoding="utf-8"))
    dashboard_dirs = {provider["options"]["path"] for provider in providers["providers"]}
    compose = yaml.safe_load((project / "compose.yaml").read_text(encoding="utf-8"))
    mounts = dict(volume.rsplit(":", 2)[:2] for volume in compose["services"]["grafana"]["volumes"])
    dashboard_mount = mounts.get("./deploy/monitoring/app-dashboard.json", "")
    assert dashboard_mount.rsplit("/", 1)[0] in dashboard_dirs, (
        f"compose mounts the dashboard at {dashboard_mount!r}, Grafana looks in {dashboard_dirs}"
    )
    dashboard = json.loads((folder / "app-dashboard.json").read_text(encoding="utf-8"))
    assert dashboard["panels"], "the dashboard has no panels"
    for panel in dashboard["panels"]:
        assert panel["datasource"]["uid"] in uids, f"{panel['title']}: unknown data source"
        assert panel["targets"] and all(t["expr"] for t in panel["targets"]), panel["title"]


# --- the default database is the one chosen -----------------------------------------------

# compose.yaml's database as published on the host (127.0.0.1: compose publishes nowhere else).
_DEFAULT_URLS = {
    "sqlite": "sqlite:///./app.db",
    "postgres": "postgresql://app:app@127.0.0.1:5432/app",
}
# Where each framework's config module writes its DATABASE_URL default.
_CONFIG_DEFAULTS = {
    "fastapi": ("app/core/config.py", r'^\s*DATABASE_URL: str = "([^"]*)"'),
    "django": ("config/settings/base.py", r'env\.get_str\("DATABASE_URL", "([^"]*)"\)'),
    "flask": ("app/core/config.py", r'^\s*DATABASE_URL: str = "([^"]*)"'),
    "express": ("src/lib/config.js", r"DATABASE_URL: z\..*\.default\('([^']*)'\)"),
    "go": ("internal/config/config.go", r'r\.str\("DATABASE_URL", "([^"]*)"\)'),
    "spring": (
        "src/main/resources/application.properties",
        r"^app\.database-url=\$\{DATABASE_URL:(.*)\}$",
    ),
}


def test_the_default_database_url_is_the_chosen_database(project: Path, rendering: Any) -> None:
    framework, database = rendering.requested["framework"], rendering.requested["database"]
    if framework not in _CONFIG_DEFAULTS:
        pytest.fail(f"no DATABASE_URL default known for {framework}: add it to _CONFIG_DEFAULTS")
    expected = _DEFAULT_URLS[database]
    path, pattern = _CONFIG_DEFAULTS[framework]
    defaults = re.findall(pattern, (project / path).read_text(encoding="utf-8"), re.MULTILINE)
    assert defaults == [expected], f"{path}: DATABASE_URL defaults to {defaults}, not {expected}"

    example = (project / ".env.example").read_text(encoding="utf-8")
    active = re.findall(r"^DATABASE_URL=(.*)$", example, re.MULTILINE)
    assert active == [expected], f".env.example sets DATABASE_URL={active}, not {expected}"
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert f"| `DATABASE_URL` | `{expected}` |" in readme, "the README's settings table disagrees"
    if database == "postgres":
        db = yaml.safe_load((project / "compose.yaml").read_text("utf-8"))["services"]["db"]
        assert "127.0.0.1:5432:5432" in db["ports"], "compose's db is not where the default points"
