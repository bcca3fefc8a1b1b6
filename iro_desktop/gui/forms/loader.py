"""Load a Designer form from ``ui/`` with ``QUiLoader``.

Why ``QUiLoader`` and not ``pyside6-uic``: there is no build step to forget, a council's IT or a
designer can open a ``.ui`` file in Qt Designer, change it and see it at the next start, and
the forms in ``ui/`` are the only copy (no generated Python beside them to drift). Loading a
form takes a few milliseconds. Signals are connected explicitly in each form's code, never by
``connectSlotsByName``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget


def ui_folder() -> Path:
    """``ui/`` beside the package in a source tree; in a frozen build, inside its bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "ui"
    return Path(__file__).resolve().parents[3] / "ui"


def load_ui(file_name: str, parent: QWidget | None = None) -> QWidget:
    path = ui_folder() / file_name
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"The form {file_name} is missing from {path.parent}.")
    try:
        widget = QUiLoader().load(handle, parent)
    finally:
        handle.close()
    if widget is None:
        raise RuntimeError(f"The form {file_name} could not be read.")
    return widget
