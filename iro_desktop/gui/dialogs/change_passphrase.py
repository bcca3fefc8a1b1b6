"""Change the passphrase: the current one, the new one twice (with a strength hint); the job
re-encrypts the caseload and its backups and opens it again (``services.passphrases``)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.gui.dialogs.reopening import ReopensTheStore
from iro_desktop.gui.screen_fit import limit_minimum_width
from iro_desktop.gui.widgets.dialog_parts import (
    BusyBar,
    alive,
    error_label,
    note_label,
    password_field,
)
from iro_desktop.gui.widgets.passphrase import NewPassphrase
from iro_desktop.gui.widgets.standard_buttons import name_standard_buttons
from iro_desktop.gui.worker import Worker
from iro_desktop.i18n import _
from iro_desktop.services.passphrases import change_and_reopen
from iro_desktop.services.session import Reopened, Store


class ChangePassphraseDialog(ReopensTheStore, QDialog):
    """The current passphrase, the new one twice (with a strength hint)."""

    changed = Signal(object)  # the reopened Store

    def __init__(self, worker: Worker, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Change the passphrase"))
        self._worker = worker
        self._store = store
        self.result = None
        intro = note_label(
            _(
                "The caseload is re-encrypted with the new passphrase, and so are its backups. "
                "Without the passphrase nobody, including IT, can open the file: choose one you "
                "will remember."
            )
        )
        self.old = password_field(_("Current passphrase"))
        self.new_passphrase = NewPassphrase(
            _("New passphrase"), differ=_("The two new passphrases differ."), parent=self
        )
        self.new = self.new_passphrase.first
        self.again = self.new_passphrase.again
        self.strength = self.new_passphrase.strength
        self.error = error_label()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(self.buttons)
        self.change_button = self.buttons.addButton(
            _("C&hange"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        form = QFormLayout()
        form.addRow(_("&Current passphrase:"), self.old)
        self.new_passphrase.add_rows(form, _("&New passphrase:"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.old.textChanged.connect(self._on_typed)
        self.new_passphrase.changed.connect(self._on_typed)
        self.buttons.accepted.connect(self._on_change)
        self.buttons.rejected.connect(self.reject)
        limit_minimum_width(self, 520)
        if store.is_demo:
            self._show_error_text(
                _(
                    "The demo caseload's passphrase is built in and cannot be changed. Open your "
                    "own caseload to change its passphrase."
                )
            )
            self.old.setEnabled(False)
            self.new_passphrase.set_enabled(False)
        self._on_typed()
        self.strength.setVisible(not store.is_demo)

    @Slot()
    def _on_typed(self) -> None:
        usable = self.new_passphrase.assess(current=self.old.text())
        self.change_button.setEnabled(not self._store.is_demo and bool(self.old.text()) and usable)

    @Slot()
    def _on_change(self) -> None:
        self.error.setVisible(False)
        self.change_button.setEnabled(False)
        self.busy.start(_("Re-encrypting the caseload and its backups…"))
        self._worker.submit(
            change_and_reopen,
            self._store,
            self.old.text(),
            self.new.text(),
            on_result=self._on_changed,
            on_error=alive(self, self._show_error),
            label=_("Changing the passphrase…"),
        )

    def _on_changed(self, outcome: Reopened) -> None:
        self._finish_reopening(outcome, self.changed)

    def _refresh_buttons(self) -> None:
        self._on_typed()
