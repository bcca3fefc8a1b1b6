"""Restore from a backup: the caseload's backups newest first; the chosen one is checked,
then (confirmed) put in place of the caseload, which is opened again (``services.session``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.gui.dialogs.reopening import ReopensTheStore
from iro_desktop.gui.screen_fit import fit_to_screen
from iro_desktop.gui.widgets.dialog_parts import (
    BusyBar,
    alive,
    error_label,
    note_label,
    password_field,
)
from iro_desktop.gui.widgets.standard_buttons import name_standard_buttons
from iro_desktop.gui.worker import Worker
from iro_desktop.i18n import _
from iro_desktop.services.session import (
    DEMO_PASSPHRASE,
    Reopened,
    Store,
    check_backup,
    list_backups,
    restore_and_reopen,
)


class RestoreDialog(ReopensTheStore, QDialog):
    """The caseload's backups, newest first; the chosen one is checked, then (confirmed)
    restored in place of the caseload, which is then opened again."""

    restored = Signal(object)  # the reopened Store

    def __init__(self, worker: Worker, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore from a backup"))
        self._worker = worker
        self._store = store
        self.backups = []
        self.confirm_box: QMessageBox | None = None
        self.result = None

        intro = note_label(
            _(
                "Put a backup back in place of your caseload. The backup is checked first; the "
                "file it replaces is kept in the backups folder, so nothing is lost."
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName(_("Backups, newest first"))
        self.passphrase = password_field(_("Passphrase of the backup"))
        self.passphrase_label = QLabel(_("&Passphrase:"))
        self.passphrase_label.setBuddy(self.passphrase)
        hint = QLabel(_("The passphrase the caseload had when the backup was taken."))
        hint.setWordWrap(True)
        self.error = error_label()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(self.buttons)
        self.restore_button = self.buttons.addButton(
            _("&Restore…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.passphrase_label, self.passphrase)
        form.addRow("", hint)
        if store.is_demo:  # the demo's passphrase is built in
            self.passphrase.setText(DEMO_PASSPHRASE)
            for widget in (self.passphrase, self.passphrase_label, hint):
                widget.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        list_label = QLabel(_("&Backups (newest first):"))
        list_label.setBuddy(self.list)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self._update_button)
        self.passphrase.textChanged.connect(self._update_button)
        self.buttons.accepted.connect(self.check_chosen)
        self.buttons.rejected.connect(self.reject)
        fit_to_screen(self, 560, 460)
        self.busy.start(_("Looking for backups…"))
        worker.submit(
            list_backups,
            store.path,
            on_result=alive(self, self._on_listed),
            on_error=alive(self, self._show_error),
            label=_("Looking for backups…"),
        )

    def _on_listed(self, backups) -> None:
        self.busy.stop()
        self.backups = list(backups)
        self.list.clear()
        for info in self.backups:
            item = QListWidgetItem(info.describe())
            item.setData(Qt.ItemDataRole.UserRole, info.path)
            self.list.addItem(item)
        if self.backups:
            self.list.setCurrentRow(0)
        else:
            self._show_error_text(_("There are no backups of this caseload yet."))

    @Slot()
    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.list.currentRow() >= 0 and bool(self.passphrase.text()))

    def chosen(self):
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    @Slot()
    def check_chosen(self) -> None:
        """Check the chosen backup (nothing replaced), then ask the IRO to confirm."""
        info = self.chosen()
        if info is None:
            return
        self.error.setVisible(False)
        self.restore_button.setEnabled(False)
        self.busy.start(_("Checking the backup…"))
        self._worker.submit(
            check_backup,
            info.path,
            self.passphrase.text(),
            on_result=alive(self, lambda _version: self._confirm(info)),
            on_error=alive(self, self._show_error),
            label=_("Checking the backup…"),
        )

    def _confirm(self, info) -> None:
        self.busy.stop()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Restore this backup?"))
        box.setText(
            _("Replace your caseload with the backup from %(describe)s?")
            % {"describe": info.describe()}
        )
        box.setInformativeText(
            _(
                "Anything recorded since then will not be in the caseload. The file as it is now "
                "is kept in the backups folder, so you can go back to it."
            )
        )
        restore = box.addButton(_("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        name_standard_buttons(box)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        restore.clicked.connect(lambda: self.restore(info.path))
        box.rejected.connect(self._update_button)
        self.confirm_box = box
        box.open()

    def restore(self, backup: Path) -> None:
        """Restore ``backup`` (confirmed) and open the caseload again."""
        self.restore_button.setEnabled(False)
        self.busy.start(_("Restoring the backup…"))
        passphrase = self.passphrase.text()
        self._worker.submit(
            restore_and_reopen,
            self._store,
            backup,
            passphrase,
            passphrase,
            on_result=self._on_restored,
            on_error=alive(self, self._show_error),
            label=_("Restoring the backup…"),
        )

    def _on_restored(self, outcome: Reopened) -> None:
        self._finish_reopening(outcome, self.restored)

    def _refresh_buttons(self) -> None:
        self._update_button()
