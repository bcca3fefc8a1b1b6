#!/usr/bin/env bash
# Install IRO Desktop from this folder for the current user: no root needed.
#   bash install.sh      # copies the app to ~/.local/opt/iro-desktop, adds the menu entry
#   bash install.sh --uninstall   # removes the app and the entry; your caseload stays
# Your caseload and backups are in ~/.local/share/IRO Desktop and are never touched.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
APP_DIR="$HOME/.local/opt/iro-desktop"
BIN_DIR="$HOME/.local/bin"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
ENTRY="$DATA/applications/iro-desktop.desktop"

if [ "${1:-}" = --uninstall ]; then
  rm -rf "$APP_DIR" "$ENTRY" "$BIN_DIR/iro-desktop"
  rm -f "$DATA"/icons/hicolor/*/apps/iro-desktop.png
  echo "IRO Desktop was removed. Your caseload and backups are still in $DATA/IRO Desktop."
  exit 0
fi

rm -rf "$APP_DIR"
mkdir -p "$APP_DIR" "$BIN_DIR" "$(dirname "$ENTRY")"
cp -a "$HERE/iro-desktop/." "$APP_DIR/"
ln -sf "$APP_DIR/iro-desktop" "$BIN_DIR/iro-desktop"
for png in "$HERE"/icons/iro-desktop-*.png; do
  size=$(basename "$png" .png); size=${size#iro-desktop-}
  mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$DATA/icons/hicolor/${size}x${size}/apps/iro-desktop.png"
done
sed "s|^Exec=iro-desktop|Exec=\"$APP_DIR/iro-desktop\"|" "$HERE/iro-desktop.desktop" >"$ENTRY"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$(dirname "$ENTRY")" || true
echo "IRO Desktop is installed: find it in your applications menu, or run iro-desktop."
