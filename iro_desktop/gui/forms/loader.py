"""Load a Designer form from ``ui/`` with ``QUiLoader`` (a council's own version first: see
``iro_desktop.package_files``).

Why ``QUiLoader`` and not ``pyside6-uic``: there is no build step to forget, a council's IT or a
designer can open a ``.ui`` file in Qt Designer, change it and see it at the next start, and
the forms in ``ui/`` are the only copy (no generated Python beside them to drift). Loading a
form takes a few milliseconds. Signals are connected explicitly in each form's code, never by
``connectSlotsByName``.
"""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from iro_desktop.package_files import MissingShippedFile, form_file


def load_ui(file_name: str, parent: QWidget | None = None) -> QWidget:
    path = form_file(file_name)  # the council's version first; MissingShippedFile names it
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise MissingShippedFile(f"The form {path} could not be opened: {handle.errorString()}")
    try:
        widget = QUiLoader().load(handle, parent)
    except RuntimeError:  # PySide's word for a file QUiLoader cannot parse
        widget = None
    finally:
        handle.close()
    if widget is None:
        raise MissingShippedFile(
            f"The form {path} could not be read: it is not a Designer form. Replace it, or "
            "reinstall IRO Desktop."
        )
    return widget
