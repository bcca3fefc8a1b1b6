"""The File menu's data-in, data-out and safety actions, and the child view's "Hand over…" and
"Subject access export…": opens each dialog for the open caseload and, afterwards, says the
data changed or hands the context the caseload opened again.

The window builds this and adds ``action_handlers()`` to its actions; the actions themselves
are in the one registry, ``gui/shortcuts.py``. Each dialog (and the exchange, handover and
safety code behind it) is imported the first time it is opened, not at start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from iro_desktop.gui.context import AppContext
from iro_desktop.gui.controllers.screens import Screens
from iro_desktop.i18n import N_, _

if TYPE_CHECKING:
    from iro_desktop.gui.dialogs.change_passphrase import ChangePassphraseDialog
    from iro_desktop.gui.dialogs.export_903 import Export903Dialog
    from iro_desktop.gui.dialogs.handover import HandoverDialog
    from iro_desktop.gui.dialogs.import_sheet import ImportSheetDialog
    from iro_desktop.gui.dialogs.purge import PurgeDialog
    from iro_desktop.gui.dialogs.receive import ReceiveDialog
    from iro_desktop.gui.dialogs.restore import RestoreDialog
    from iro_desktop.gui.dialogs.subject_access import SubjectAccessDialog

# Actions (names in gui/shortcuts.py) also offered as buttons on the child view's header.
CHILD_VIEW_ACTIONS = {"hand_over": N_("Hand over…"), "subject_access": N_("Subject access export…")}


def default_folder() -> Path:
    """Where files the IRO saves or opens start: Documents when there is one, else home."""
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


class DataActions(QObject):
    dialogOpened = Signal(object)  # the dialog now on screen (tests, screenshots)
    purged = Signal()  # records were purged: the open child may be gone

    def __init__(self, context: AppContext, screens: Screens, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.screens = screens
        self._parent = parent
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

    # -- data in and out ------------------------------------------------------------------
    def import_sheet(self) -> ImportSheetDialog | None:
        from iro_desktop.gui.dialogs.import_sheet import ImportSheetDialog

        store = self.context.require_store()
        if store is None:
            return None
        dialog = ImportSheetDialog(self.context.worker, store, self.context.today, self._parent)
        dialog.imported.connect(lambda _report: self.context.data_changed())
        self._show(dialog)
        dialog.file_row.set_path(default_folder())
        return dialog

    def export_903(self) -> Export903Dialog | None:
        from iro_desktop.gui.dialogs.export_903 import Export903Dialog

        store = self.context.require_store()
        if store is None:
            return None
        dialog = Export903Dialog(
            self.context.worker, store, self.context.today, default_folder(), self._parent
        )
        self._show(dialog)
        return dialog

    def receive_handover(self) -> ReceiveDialog | None:
        from iro_desktop.gui.dialogs.receive import ReceiveDialog

        store = self.context.require_store()
        if store is None:
            return None
        dialog = ReceiveDialog(self.context.worker, store, default_folder(), self._parent)
        dialog.received.connect(lambda _report: self.context.data_changed())
        self._show(dialog)
        return dialog

    def hand_over(self) -> HandoverDialog | None:
        from iro_desktop.gui.dialogs.handover import HandoverDialog

        return self._child_file_dialog(HandoverDialog)

    def subject_access(self) -> SubjectAccessDialog | None:
        from iro_desktop.gui.dialogs.subject_access import SubjectAccessDialog

        return self._child_file_dialog(SubjectAccessDialog)

    def _child_file_dialog(self, dialog_class):
        """A dialog that writes a file about the chosen child (handover, subject access)."""
        store, child_ref = self.context.require_store(), self._child_ref()
        if store is None or child_ref is None:
            return None
        dialog = dialog_class(
            self.context.worker,
            store,
            child_ref,
            self.context.today,
            default_folder(),
            self._parent,
        )
        self._show(dialog)
        return dialog

    # -- safety ---------------------------------------------------------------------------
    def backup_now(self) -> None:
        from iro_desktop.services.safety import backup_now

        store = self.context.require_store()
        if store is None:
            return
        self.context.say(_("Backing up…"), 0)
        self.context.worker.submit(
            backup_now, store, on_result=self._on_backed_up, label=_("Backing up your caseload…")
        )

    def _on_backed_up(self, info) -> None:
        self.last_backup = info
        self.context.say(
            _("Backed up: %(describe)s, in %(parent)s.")
            % {"describe": info.describe(), "parent": info.path.parent},
            10_000,
        )

    def restore_backup(self) -> RestoreDialog | None:
        from iro_desktop.gui.dialogs.restore import RestoreDialog

        store = self.context.require_store()
        if store is None:
            return None
        dialog = RestoreDialog(self.context.worker, store, self._parent)
        dialog.restored.connect(lambda new: self._reopened(new, _("Backup restored.")))
        self._show(dialog)
        return dialog

    def change_passphrase(self) -> ChangePassphraseDialog | None:
        from iro_desktop.gui.dialogs.change_passphrase import ChangePassphraseDialog

        store = self.context.require_store()
        if store is None:
            return None
        dialog = ChangePassphraseDialog(self.context.worker, store, self._parent)
        dialog.changed.connect(lambda new: self._reopened(new, _("Passphrase changed.")))
        self._show(dialog)
        return dialog

    def purge(self) -> PurgeDialog | None:
        from iro_desktop.gui.dialogs.purge import PurgeDialog

        store = self.context.require_store()
        if store is None:
            return None
        dialog = PurgeDialog(self.context.worker, store, self.context.today, self._parent)
        dialog.purged.connect(lambda _result: self._after_purge())
        self._show(dialog)
        return dialog

    def _after_purge(self) -> None:
        if self.screens.open_child_ref() is not None:
            self.purged.emit()  # the window clears the child view before it is read again
        self.context.data_changed()

    def _reopened(self, store, message: str) -> None:
        self.context.set_store(store)
        self.context.say(message, 10_000)

    # -- helpers --------------------------------------------------------------------------
    def _child_ref(self) -> str | None:
        ref = self.screens.open_child_ref()
        if ref is None:
            self.context.say(_("Open a child first (on the caseload or the due list)."), 5000)
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
