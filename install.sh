#!/bin/sh
# Install roadmap-scaffold from this clone for the current user, or upgrade it:
# run it again after `git pull` and the newer version replaces the old one.
#
# The command ends up as ~/.local/bin/roadmap-scaffold, the folder where the usual
# Python tool installers put commands (and which Debian's and Ubuntu's ~/.profile
# put on PATH at login when it exists). The tool gets a virtual environment of its
# own, so it never touches the system's Python:
#   - with uv on PATH:   uv tool install (uv keeps the environment)
#   - else with pipx:    pipx install
#   - else:              python3 -m venv ~/.local/share/roadmap-scaffold/venv, and a link
# An upgrade keeps the way the first install chose. Needs: python3 (3.11 or newer,
# with venv), git.
set -eu

cd "$(dirname "$0")"
BIN_DIR="$HOME/.local/bin"
DATA_DIR="${XDG_DATA_HOME:-$HOME/.local/share}/roadmap-scaffold"
VENV="$DATA_DIR/venv"

say() { printf 'install.sh: %s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

command -v git >/dev/null 2>&1 || fail "git is not installed (Debian/Ubuntu: sudo apt install git)"
command -v python3 >/dev/null 2>&1 || fail "python3 is not installed (Debian/Ubuntu: sudo apt install python3)"
python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || fail "roadmap-scaffold needs Python 3.11 or newer; python3 is $(python3 -V 2>&1)"

mkdir -p "$BIN_DIR"
if [ ! -x "$VENV/bin/roadmap-scaffold" ] && command -v uv >/dev/null 2>&1; then
  say "installing with uv tool (uv is on PATH)"
  UV_TOOL_BIN_DIR="$BIN_DIR" uv tool install --quiet --force --reinstall .
elif [ ! -x "$VENV/bin/roadmap-scaffold" ] && command -v pipx >/dev/null 2>&1; then
  say "installing with pipx (pipx is on PATH)"
  PIPX_BIN_DIR="$BIN_DIR" pipx install --force .
else
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the tool's virtual environment in $VENV"
    python3 -m venv "$VENV" 2>/dev/null || {
      rm -rf "$VENV"
      fail "python3 cannot create a virtual environment (Debian/Ubuntu: sudo apt install python3-venv)"
    }
  fi
  say "installing into $VENV"
  # pip always rebuilds and reinstalls a folder, even at the same version number.
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check .
  ln -sf "$VENV/bin/roadmap-scaffold" "$BIN_DIR/roadmap-scaffold"
fi

say "installed $("$BIN_DIR/roadmap-scaffold" --version 2>/dev/null || echo roadmap-scaffold) as $BIN_DIR/roadmap-scaffold"
case ":$PATH:" in
  *":$BIN_DIR:"*) ;;
  *)
    say "$BIN_DIR is not on your PATH yet. Log in again (Debian's and Ubuntu's ~/.profile"
    say "add it when it exists), or add this line to ~/.profile (or ~/.bashrc, ~/.zshrc):"
    # shellcheck disable=SC2016 # the line is printed as it must be written
    printf '\n    export PATH="$HOME/.local/bin:$PATH"\n\n'
    ;;
esac
