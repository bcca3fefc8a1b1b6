#!/usr/bin/env bash
# CI: the Linux desktop build, built and smoke-tested. packaging/linux/build.sh makes the
# one-folder app and its tarball; the tarball is unpacked and installed for a throwaway user,
# and the installed app prints its version, writes the demo, a letter and a decisions record,
# then `iro-desktop self-check` opens its main window offscreen and builds every form.
#
#   bash packaging/ci/frozen_build.sh [TEST_VENV]     # default .venv (bootstrap.sh's)
#
# PyInstaller (pyproject's `build` extra) is installed into TEST_VENV, which already has
# every library the app needs.
set -euo pipefail
cd "$(dirname "$0")/../.."
TEST_VENV=$(cd "${1:-.venv}" && pwd)
PY="$TEST_VENV/bin/python"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/iro-frozen.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
DAY=2026-11-23
CHILD=DB402543
started=$SECONDS
say() { printf -- '--> %s\n' "$*"; }

# shellcheck disable=SC2046
"$PY" -m pip install -q --disable-pip-version-check $("$PY" -c '
import tomllib
print(*tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["build"])')

say "Frozen build: PyInstaller, one folder"
PYINSTALLER_WORKPATH="$WORK/build" GZIP_LEVEL=1 bash packaging/linux/build.sh "$PY" "$WORK/dist"
say "Built in $((SECONDS - started)) s"

say "Unpacking the tarball and installing it for a throwaway user"
mkdir -p "$WORK/unpacked" "$WORK/home" "$WORK/run"
tar -xzf "$WORK"/dist/iro-desktop-*-linux-*.tar.gz -C "$WORK/unpacked"
cd "$WORK/run"
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share" \
  XDG_STATE_HOME="$WORK/home/.local/state" XDG_CONFIG_HOME="$WORK/home/.config" \
  XDG_CACHE_HOME="$WORK/home/.cache" QT_QPA_PLATFORM=offscreen
unset PYTHONPATH
bash "$WORK"/unpacked/iro-desktop-*/install.sh
entry="$XDG_DATA_HOME/applications/iro-desktop.desktop"
grep -q "^Exec=\"$HOME/.local/opt/iro-desktop/iro-desktop\"" "$entry"
test -f "$XDG_DATA_HOME/icons/hicolor/256x256/apps/iro-desktop.png"
APP="$HOME/.local/bin/iro-desktop"

"$APP" --version
"$APP" demo --on "$DAY"
"$APP" letter --demo --on "$DAY" --child "$CHILD" --confirm-sensitive --out letter.docx 2>/dev/null
"$APP" decisions --demo --on "$DAY" --child "$CHILD" --out record.docx
test -s letter.docx && test -s record.docx
"$APP" self-check --on "$DAY" 2> >(grep -v propagateSizeHints >&2)
bash "$WORK"/unpacked/iro-desktop-*/install.sh --uninstall
test -f "$XDG_DATA_HOME/IRO Desktop/demo-caseload.iro.db"  # the uninstall left the data
say "Frozen build smoke test passed in $((SECONDS - started)) s"
