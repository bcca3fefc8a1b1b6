#!/usr/bin/env bash
# Build the Linux desktop app: a runnable folder and a tarball to hand out.
#
#   bash packaging/linux/build.sh [PYTHON] [OUT]
#
# PYTHON: a Python with IRO Desktop's libraries and PyInstaller (default .venv/bin/python;
# `pip install -e ".[build]"` gives both). OUT: where to put the results (default dist/).
# Makes OUT/iro-desktop/ (run OUT/iro-desktop/iro-desktop) and
# OUT/iro-desktop-VERSION-linux-ARCH.tar.gz holding that folder, the .desktop entry, the
# icons and install.sh (a per-user install with a menu entry; no root needed).
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON="${1:-.venv/bin/python}"
OUT=$(realpath -m "${2:-dist}")
WORK="${PYINSTALLER_WORKPATH:-build/pyinstaller}"
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' iro_desktop/__init__.py)
NAME="iro-desktop-$VERSION-linux-$(uname -m)"

"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --workpath "$WORK" --distpath "$OUT" \
  packaging/pyinstaller/iro-desktop.spec

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/$NAME/icons"
cp -a "$OUT/iro-desktop" "$STAGE/$NAME/"
cp packaging/linux/iro-desktop.desktop packaging/linux/install.sh "$STAGE/$NAME/"
cp resources/icons/iro-desktop-*.png "$STAGE/$NAME/icons/"
tar -C "$STAGE" -cf - "$NAME" | gzip "-${GZIP_LEVEL:-6}" >"$OUT/$NAME.tar.gz"
echo "Built $OUT/iro-desktop/ and $OUT/$NAME.tar.gz"
