# uv installs the exact versions that uv.lock pins. The uv on your PATH is used when
# there is one. Otherwise `make install` brings this project's own uv, the version
# below, into .tools/uv: a small virtual environment inside the project (git ignores
# it), made with Python's own venv module, so nothing is installed for the whole
# system and Python and make are all you need. Delete .tools/ to drop it.
# (Not `pip install uv`: Debian and Ubuntu refuse pip installs into the system Python.)
UV_VERSION := 0.13.9
UV_HOME := .tools/uv
PYTHON ?= python3
# Resolved once, when make starts: every command below runs this uv.
UV := $(or $(shell command -v uv 2>/dev/null),$(UV_HOME)/bin/uv)

# Only runs when $(UV) is the project's own copy and it is missing.
$(UV_HOME)/bin/uv:
	@echo "uv not found: installing uv $(UV_VERSION) into .tools/ (once)"
	@$(PYTHON) -m venv --clear $(UV_HOME) || { echo "'$(PYTHON) -m venv' failed: install Python's venv module (Debian, Ubuntu: sudo apt install python3-venv), or uv itself (https://docs.astral.sh/uv/getting-started/installation/)"; exit 1; }
	@$(UV_HOME)/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	@$@ --version
