"""The File menu's data-in, data-out and safety actions, and the child view's "Hand over…" and
"Subject access export…": opens each dialog for the window's caseload and, afterwards,
refreshes the views or hands the window the caseload opened again.

The window only builds this (``DataActions(window)``) and adds ``action_handlers()`` to its
actions; the actions themselves are in the one registry, ``gui/shortcuts.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton

from iro_desktop.gui.dialogs.export_903 import Export903Dialog
from iro_desktop.gui.dialogs.handover import HandoverDialog
from iro_desktop.gui.dialogs.import_sheet import ImportSheetDialog
from iro_desktop.gui.dialogs.receive import ReceiveDialog
from iro_desktop.gui.safety_dialogs import (
    ChangePassphraseDialog,
    PurgeDialog,
    RestoreDialog,
    SubjectAccessDialog,
)
from iro_desktop.services.safety import backup_now

if TYPE_CHECKING:
    from iro_desktop.gui.main_window import MainWindow

# Actions (names in gui/shortcuts.py) also offered as buttons on the child view's header.
CHILD_VIEW_ACTIONS = {"hand_over": "Hand over…", "subject_access": "Subject access export…"}


def default_folder() -> Path:
    """Where files the IRO saves or opens start: Documents when there is one, else home."""
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


class DataActions(QObject):
    dialogOpened = Signal(object)  # the dialog now on screen (tests, screenshots)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QDialog | None = None
        self.last_backup = None

    def action_handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "import_sheet": self.import_sheet,
            "export_903": self.export_903,
            "receive_handover": self.receive_handover,
            "hand_over": self.hand_over,
            "subject_access": self.subject_access,
            "backup_now": self.backup_now,
            "restore_backup": self.restore_backup,
            "change_passphrase": self.change_passphrase,
            "purge": self.purge,
        }

    def add_child_view_buttons(self) -> None:
        """Buttons on the child view for the actions about the child on screen."""
        header = getattr(self.window.child_view, "header_actions", None)
        if not isinstance(header, QHBoxLayout):
            return
        header.addStretch(1)
        for name, text in CHILD_VIEW_ACTIONS.items():
            action = self.window.actions[name]
            button = QPushButton(text)
            button.setToolTip(action.toolTip())
            button.setObjectName(f"{name}Button")
            button.clicked.connect(action.trigger)
            header.addWidget(button)

    # -- data in and out ------------------------------------------------------------------
    def import_sheet(self) -> ImportSheetDialog | None:
        store = self._store()
        if store is None:
            return None
        dialog = ImportSheetDialog(self.window.worker, store, self.window.today, self.window)
        dialog.imported.connect(lambda _report: self.window.refresh())
        self._show(dialog)
        dialog.file_row.set_path(default_folder())
        return dialog

    def export_903(self) -> Export903Dialog | None:
        store = self._store()
        if store is None:
            return None
        dialog = Export903Dialog(
            self.window.worker, store, self.window.today, default_folder(), self.window
        )
        self._show(dialog)
        return dialog

    def receive_handover(self) -> ReceiveDialog | None:
        store = self._store()
        if store is None:
            return None
        dialog = ReceiveDialog(self.window.worker, store, default_folder(), self.window)
        dialog.received.connect(lambda _report: self.window.refresh())
        self._show(dialog)
        return dialog

    def hand_over(self) -> HandoverDialog | None:
        store, child_ref = self._store(), self._child_ref()
        if store is None or child_ref is None:
            return None
        dialog = HandoverDialog(
            self.window.worker, store, child_ref, self.window.today, default_folder(), self.window
        )
        self._show(dialog)
        return dialog

    def subject_access(self) -> SubjectAccessDialog | None:
        store, child_ref = self._store(), self._child_ref()
        if store is None or child_ref is None:
            return None
        dialog = SubjectAccessDialog(
            self.window.worker, store, child_ref, self.window.today, default_folder(), self.window
        )
        self._show(dialog)
        return dialog

    # -- safety ---------------------------------------------------------------------------
    def backup_now(self) -> None:
        store = self._store()
        if store is None:
            return
        self.window.statusBar().showMessage("Backing up…")
        self.window.worker.submit(
            backup_now, store, on_result=self._on_backed_up, label="Backing up your caseload…"
        )

    def _on_backed_up(self, info) -> None:
        self.last_backup = info
        self.window.statusBar().showMessage(
            f"Backed up: {info.describe()}, in {info.path.parent}.", 10_000
        )

    def restore_backup(self) -> RestoreDialog | None:
        store = self._store()
        if store is None:
            return None
        dialog = RestoreDialog(self.window.worker, store, self.window)
        dialog.restored.connect(lambda new: self._reopened(new, "Backup restored."))
        self._show(dialog)
        return dialog

    def change_passphrase(self) -> ChangePassphraseDialog | None:
        store = self._store()
        if store is None:
            return None
        dialog = ChangePassphraseDialog(self.window.worker, store, self.window)
        dialog.changed.connect(lambda new: self._reopened(new, "Passphrase changed."))
        self._show(dialog)
        return dialog

    def purge(self) -> PurgeDialog | None:
        store = self._store()
        if store is None:
            return None
        dialog = PurgeDialog(self.window.worker, store, self.window.today, self.window)
        dialog.purged.connect(lambda _result: self._after_purge())
        self._show(dialog)
        return dialog

    def _after_purge(self) -> None:
        ref = self.window.child_view.current_child_ref()
        if ref is not None:
            self.window.child_view.clear()
        self.window.refresh()

    def _reopened(self, store, message: str) -> None:
        self.window.set_store(store)
        self.window.statusBar().showMessage(message, 10_000)

    # -- helpers --------------------------------------------------------------------------
    def _store(self):
        if self.window.store is None:
            self.window.statusBar().showMessage("Open a caseload first.", 5000)
        return self.window.store

    def _child_ref(self) -> str | None:
        ref = self.window.child_view.current_child_ref()
        if ref is None:
            self.window.statusBar().showMessage(
                "Open a child first (on the caseload or the due list).", 5000
            )
        return ref

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: self._forget(dialog))
        dialog.open()
        self.dialogOpened.emit(dialog)

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
