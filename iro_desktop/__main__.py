"""``iro-desktop`` and ``python -m iro_desktop``. Opening the desktop app (no command), the
caseload's key is begun first, before the command line and the app load (issue 18)."""

from __future__ import annotations

import sys


def main() -> int:
    from iro_desktop.services.early import begin_key_for_arguments

    begin_key_for_arguments(sys.argv[1:])
    from iro_desktop.cli import main as run

    return run()


if __name__ == "__main__":
    raise SystemExit(main())
