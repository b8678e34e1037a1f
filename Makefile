# Developer commands for roadmap-scaffold itself. `make test` is the one the README names.
#
# The virtual environment is rebuilt only when pyproject.toml changes (the stamp file
# carries its hash); CI points VENV at a cached folder.

PYTHON ?= python3
VENV ?= .venv
PYPROJECT_HASH := $(shell $(PYTHON) -c "import hashlib,pathlib;print(hashlib.sha256(pathlib.Path('pyproject.toml').read_bytes()).hexdigest()[:16])")
STAMP := $(VENV)/.installed-$(PYPROJECT_HASH)
# The lowest Copier pyproject.toml allows, and a venv of its own (cached beside VENV) in
# which `make test` checks that the tool still renders what plain Copier renders.
LOWEST_COPIER := $(shell $(PYTHON) -c "import re,pathlib;print(re.search(r'\"copier>=([0-9.]+)', pathlib.Path('pyproject.toml').read_text())[1])")
LOWEST_VENV ?= $(VENV)-copier-$(LOWEST_COPIER)
LOWEST_PACKAGES := "copier==$(LOWEST_COPIER)" questionary pyyaml packaging pytest pytest-timeout pytest-xdist
LOWEST_STAMP := $(LOWEST_VENV)/.ready-$(shell echo '$(LOWEST_PACKAGES)' | sha256sum | cut -c1-12)
EQUIVALENCE_TEST := tests/render/test_shortcuts.py::test_the_tool_renders_what_plain_copier_renders_first_time_and_after
# The venv's tools (uv, hadolint, copier) must be on PATH for the generated projects' make.
export PATH := $(abspath $(VENV))/bin:$(PATH)

.DEFAULT_GOAL := help

.PHONY: help install test test-fast test-lowest-copier lint format bench

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: $(STAMP) ## create .venv with the tool and its test dependencies

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

# The unit tests and the render matrix start no server: they run on every core (pytest-xdist,
# -n auto). The rest (generated projects, their servers, the contract suites) runs one
# combination at a time (tests/support/lab.py), after them; both run even if the first fails.
FAST_TESTS := tests/unit tests/render

test: $(STAMP) test-lowest-copier ## run every test: unit, render matrix and generated-project runs
	status=0; \
	$(VENV)/bin/python -m pytest -n auto $(FAST_TESTS) $(PYTEST_ARGS) || status=1; \
	$(VENV)/bin/python -m pytest $(addprefix --ignore=,$(FAST_TESTS)) $(PYTEST_ARGS) || status=1; \
	exit $$status

# The tool from this checkout (PYTHONPATH) with the lowest Copier; only what the test imports.
$(LOWEST_STAMP):
	$(PYTHON) -m venv $(LOWEST_VENV)
	$(LOWEST_VENV)/bin/python -m pip install --quiet $(LOWEST_PACKAGES)
	rm -f $(LOWEST_VENV)/.ready*
	touch $@

test-lowest-copier: $(LOWEST_STAMP) ## the render-equivalence test with the lowest Copier allowed
	PYTHONPATH=src $(LOWEST_VENV)/bin/python -m pytest -n auto -q -p no:cacheprovider $(EQUIVALENCE_TEST)

test-fast: $(STAMP) ## run the unit tests and the render matrix only
	$(VENV)/bin/python -m pytest -n auto $(FAST_TESTS) $(PYTEST_ARGS)

lint: $(STAMP) ## ruff and mypy on the tool's own code
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests
	$(VENV)/bin/mypy

format: $(STAMP) ## format the tool's code
	$(VENV)/bin/ruff check --fix src tests
	$(VENV)/bin/ruff format src tests

bench: $(STAMP) ## time new, update and classroom new against plain copier and one new (ratios)
	$(VENV)/bin/python bench/generation.py
	$(VENV)/bin/python bench/update.py
	$(VENV)/bin/python bench/classroom.py
