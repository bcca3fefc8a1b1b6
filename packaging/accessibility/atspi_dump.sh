#!/usr/bin/env bash
# What a screen reader (Orca) is told by IRO Desktop, dumped from the AT-SPI bus under Xvfb.
# Manual, not in CI (about half a minute). Needs, on Debian/Ubuntu as root:
#   apt-get install -y python3-pyatspi at-spi2-core dbus-x11 xvfb
# Usage: bash packaging/accessibility/atspi_dump.sh [OUT_FILE]   (default: atspi-dump.txt)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$(realpath -m "${1:-atspi-dump.txt}")"
python="${PYTHON:-$root/.venv/bin/python}"
[ -x "$python" ] || python="$(command -v python3)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1 QT_QPA_PLATFORM=xcb
export NO_AT_BRIDGE=0 PYTHONPATH="$root" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
dbus-run-session -- xvfb-run -a -s "-screen 0 1366x768x24" bash -c "
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  sleep 1
  '$python' '$here/atspi_app.py' '$work' 30 &
  app=\$!
  /usr/bin/python3 '$here/atspi_dump.py' '$out' 22
  wait \$app
"
