"""The frozen app's entry point: the ``iro-desktop`` command, as ``pip`` installs it."""

from iro_desktop.cli import main

raise SystemExit(main())
