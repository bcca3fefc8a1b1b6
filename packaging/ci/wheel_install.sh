#!/usr/bin/env bash
# CI: the wheel is a whole app. Build it from a clean copy of the tree, install it into a
# fresh virtual environment OUTSIDE the repository and use it as an IRO would: the demo, a
# letter, a decisions record, a briefing pack, the figures as JSON, and the main window with
# every form (offscreen, `iro-desktop self-check`).
#
#   bash packaging/ci/wheel_install.sh [TEST_VENV]     # default .venv (bootstrap.sh's)
#
# Speed: the fresh venv gets the libraries of TEST_VENV through a .pth file (a plain path
# line: TEST_VENV's own .pth files, its editable install among them, are not run), and the
# wheel goes in with --no-deps; the script checks it is the wheel's iro_desktop that runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
TEST_VENV=$(cd "${1:-.venv}" && pwd)
PY="$TEST_VENV/bin/python"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/iro-wheel.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
DAY=2026-11-23   # the demo's usual "today": a day with reviews to brief on
CHILD=DB402543   # a demo child with reviews and open decisions
started=$SECONDS
say() { printf -- '--> %s\n' "$*"; }

say "Wheel: building from a clean copy of the tree"
mkdir -p "$WORK/src"
if git -C "$REPO" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$REPO" ls-files -z -co --exclude-standard \
    | tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -x -C "$WORK/src"
else
  tar --exclude=./.venv --exclude=./build --exclude=./dist -cf - . | tar -x -C "$WORK/src"
fi
"$PY" -m pip wheel -q --no-deps -w "$WORK/dist" "$WORK/src" 2>"$WORK/build.log" || {
  cat "$WORK/build.log" >&2; exit 1; }
if grep -i -E "warning|deprecat" "$WORK/build.log" >&2; then
  echo "The wheel build printed warnings (above)." >&2; exit 1
fi
wheel=$(ls "$WORK"/dist/iro_desktop-*.whl)
say "Built $(basename "$wheel")"

say "Installing it into a fresh venv outside the repository"
"$PY" -m venv --without-pip "$WORK/venv"
site=$("$WORK/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
"$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])' >"$site/zz_test_venv_libraries.pth"
"$PY" -m pip --python "$WORK/venv/bin/python" install -q --no-deps "$wheel"

mkdir -p "$WORK/home" "$WORK/run"
cd "$WORK/run"
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/data" XDG_STATE_HOME="$WORK/home/state" \
  XDG_CONFIG_HOME="$WORK/home/config" XDG_CACHE_HOME="$WORK/home/cache" QT_QPA_PLATFORM=offscreen
unset PYTHONPATH
APP="$WORK/venv/bin/iro-desktop"
"$WORK/venv/bin/python" - "$WORK/venv" <<'PY'
import sys
from pathlib import Path

import iro_desktop
from iro_desktop.package_files import shipped_folder

venv = Path(sys.argv[1]).resolve()
here = Path(iro_desktop.__file__).resolve()
assert venv in here.parents, f"iro_desktop ran from {here}, not the wheel in {venv}"
assert venv in shipped_folder("ui").resolve().parents, shipped_folder("ui")
print(f"    iro_desktop from {here.parent}")
PY

"$APP" --version
"$APP" demo --on "$DAY"
"$APP" letter --demo --on "$DAY" --child "$CHILD" --confirm-sensitive --out letter.docx 2> >(grep -v -i "warning\|^  " >&2 || true)
"$APP" decisions --demo --on "$DAY" --child "$CHILD" --out record.docx
"$APP" briefing --demo --on "$DAY" --date "$DAY" --out briefing.docx
"$APP" figures --demo --on "$DAY" --json >figures.json
"$WORK/venv/bin/python" - <<'PY'
import json
import zipfile

for name in ("letter.docx", "record.docx", "briefing.docx"):
    with zipfile.ZipFile(name) as document:
        assert "word/document.xml" in document.namelist(), name
figures = json.load(open("figures.json"))
assert figures, "figures --json printed nothing"
print("    letter, decisions record and briefing are Word files; figures JSON read")
PY
"$APP" self-check --on "$DAY" 2> >(grep -v propagateSizeHints >&2)
say "Wheel install test passed in $((SECONDS - started)) s"
