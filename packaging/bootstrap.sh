#!/usr/bin/env bash
# One command to set up IRO Desktop from a clean clone and either launch it on the demo
# caseload (`demo`) or run the whole test suite (`test`). Safe to run again.
#
#   bash packaging/bootstrap.sh demo     # install, then open the app on the demo caseload
#   bash packaging/bootstrap.sh test     # install, then lint and run every test
#
# On Debian/Ubuntu it installs the system libraries Qt needs with apt when they are missing
# (as root, or through sudo when that needs no password); elsewhere it says what to install.
set -euo pipefail

mode="${1:-}"
case "$mode" in
  demo|test) ;;
  *) echo "usage: bash packaging/bootstrap.sh demo|test" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
VENV="${IRO_DESKTOP_VENV:-.venv}"
PYTHON="${PYTHON:-python3}"

say() { printf '==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

apt_updated=""
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ -z "$apt_updated" ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing_debs() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

ensure_debs() {
  local missing
  missing=$(missing_debs "$@" | tr '\n' ' ')
  [ -z "${missing// /}" ] && return 0
  say "Installing system packages: $missing"
  # shellcheck disable=SC2086
  apt_install $missing || {
    echo "Could not install: $missing" >&2
    echo "Ask for them to be installed (sudo apt-get install $missing) and run this again." >&2
    exit 1
  }
}

"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "IRO Desktop needs Python 3.11 or newer; $("$PYTHON" --version 2>&1) was found." >&2
  exit 1
}

# Qt's libraries: enough to run offscreen (tests) or in a real window (the app).
QT_DEBS="libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfreetype6 libfontconfig1 libdbus-1-3"
WINDOW_DEBS="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libx11-xcb1"
if command -v apt-get >/dev/null 2>&1; then
  # Debian's names for two of them changed in trixie; take whichever exists.
  if ! apt-cache show libglib2.0-0 >/dev/null 2>&1 && apt-cache show libglib2.0-0t64 >/dev/null 2>&1; then
    QT_DEBS="${QT_DEBS/libglib2.0-0/libglib2.0-0t64}"
  fi
  # shellcheck disable=SC2086
  ensure_debs $QT_DEBS
  # shellcheck disable=SC2086
  [ "$mode" = demo ] && ensure_debs $WINDOW_DEBS
fi

if [ ! -x "$VENV/bin/python" ]; then
  say "Creating a virtual environment in $VENV"
  if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    pyver=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    ensure_debs "python${pyver}-venv"
    "$PYTHON" -m venv "$VENV"
  fi
fi

say "Installing IRO Desktop and its libraries into $VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
if [ "$mode" = test ]; then
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]"
else
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e .
fi

if [ "$mode" = demo ]; then
  # A window needs a display (X11 or Wayland; macOS always has one). Without one the app
  # would run invisibly until killed: say so, show the demo's due list instead, and fail.
  if [ "$(uname -s)" != Darwin ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] \
    && { [ -z "${QT_QPA_PLATFORM:-}" ] || [ "${QT_QPA_PLATFORM}" = offscreen ]; }; then
    echo "No display was found (DISPLAY and WAYLAND_DISPLAY are not set), so no window can" >&2
    echo "open here. Run this from a desktop session, or with a virtual display:" >&2
    echo "  xvfb-run -a bash packaging/bootstrap.sh demo" >&2
    echo "Instead, here is the demo caseload's due list (iro-desktop due --demo):" >&2
    "$VENV/bin/iro-desktop" demo >/dev/null
    "$VENV/bin/iro-desktop" due --demo
    exit 3
  fi
  say "Starting IRO Desktop on the demo caseload"
  exec "$VENV/bin/iro-desktop" --demo
fi

export QT_QPA_PLATFORM=offscreen
bash packaging/ci/letter_pages.sh  # LibreOffice + Carlito for the letters' page-count test
say "Lint (ruff) and the import rules (import-linter)"
"$VENV/bin/ruff" check iro_desktop tests packaging
"$VENV/bin/lint-imports" --no-cache
# The packaging checks (only in a full run: extra pytest arguments pick a few tests).
[ $# -le 1 ] && bash packaging/ci/wheel_install.sh "$VENV"
[ $# -le 1 ] && bash packaging/ci/frozen_build.sh "$VENV"
[ $# -le 1 ] && bash packaging/ci/dfe_validator.sh "$VENV/bin/python"  # the DfE's 903 validator on the demo
say "Tests"
exec "$VENV/bin/python" -m pytest -q -p no:cacheprovider "${@:2}"
