"""The frozen app's entry point: the ``iro-desktop`` command, as ``pip`` installs it."""

import os
import sys

# The windowed Windows program (IRO Desktop.exe) has no console, so no stdout or stderr:
# give anything printed somewhere harmless to go rather than fail.
for stream in ("stdout", "stderr"):
    if getattr(sys, stream) is None:
        setattr(sys, stream, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115

from iro_desktop.__main__ import main  # noqa: E402  (the key first: issue 18)

raise SystemExit(main())
