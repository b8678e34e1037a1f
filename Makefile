# Developer commands for roadmap-scaffold itself. `make test` is the one the README names.
#
# The virtual environment is rebuilt only when pyproject.toml changes (the stamp file
# carries its hash); CI points VENV at a cached folder.

PYTHON ?= python3
VENV ?= .venv
PYPROJECT_HASH := $(shell $(PYTHON) -c "import hashlib,pathlib;print(hashlib.sha256(pathlib.Path('pyproject.toml').read_bytes()).hexdigest()[:16])")
STAMP := $(VENV)/.installed-$(PYPROJECT_HASH)
# The venv's tools (uv, hadolint, copier) must be on PATH for the generated projects' make.
export PATH := $(abspath $(VENV))/bin:$(PATH)

.DEFAULT_GOAL := help

.PHONY: help install test test-fast lint format bench

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: $(STAMP) ## create .venv with the tool and its test dependencies

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

test: $(STAMP) ## run every test: unit, render matrix and generated-project runs
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

test-fast: $(STAMP) ## run the unit tests and the render matrix only
	$(VENV)/bin/python -m pytest tests/unit tests/render $(PYTEST_ARGS)

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
