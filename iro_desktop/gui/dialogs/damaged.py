"""A caseload file found damaged on opening: the offer of its latest good backup, restored
and opened on the worker (``services.session.restore_damaged``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from iro_desktop.gui.worker import Worker, show_error_dialog
from iro_desktop.services.session import (
    DamagedStore,
    Store,
    backup_description,
    restore_damaged,
)

_offers: set[QMessageBox] = set()


def offer_damaged_restore(
    parent: QWidget,
    worker: Worker,
    path: Path,
    passphrase: str | None,
    error: BaseException,
    on_opened: Callable[[Store], None],
) -> QMessageBox | None:
    """When ``error`` is a DamagedStore with a good backup, ask whether to restore it (and open
    it). Returns the question on screen, or None when there is nothing to offer."""
    backup = getattr(error, "latest_good_backup", None)
    if not isinstance(error, DamagedStore) or backup is None:
        return None
    when = backup_description(Path(backup))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Damaged caseload file")
    box.setText(
        f"This caseload file is damaged ({Path(path).name} failed its integrity check), so "
        f"IRO Desktop will not write to it. Restore the latest good backup from {when}?"
    )
    box.setInformativeText(
        "Anything recorded after that backup will not be in the caseload. The damaged file "
        "is kept in the backups folder for your IT department."
    )
    box.setDetailedText(str(error))
    restore = box.addButton("&Restore the backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Not now", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def do_restore() -> None:
        worker.submit(
            restore_damaged,
            Path(path),
            Path(backup),
            passphrase,
            on_result=on_opened,
            on_error=show_error_dialog,
            label="Restoring the latest good backup…",
        )

    restore.clicked.connect(do_restore)
    _offers.add(box)
    box.finished.connect(lambda _result: _offers.discard(box))
    box.open()
    return box
