"""Asking for a caseload's passphrase: at start-up and when the auto-lock unlocks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.gui.widgets.dialog_parts import error_label, password_field


class UnlockDialog(QDialog):
    """Ask for a file's passphrase; stays open (showing why) until one works or they cancel."""

    passphraseEntered = Signal(str)

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle("Unlock your caseload")
        intro = QLabel(f"Enter the passphrase for <b>{self.path.name}</b>.")
        where = QLabel(f"in {self.path.parent}")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        self.passphrase = password_field("Passphrase")
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.unlock_button = self.buttons.addButton(
            "&Unlock", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setDefault(True)
        form = QFormLayout()
        form.addRow("&Passphrase:", self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_unlock)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(440)

    def showEvent(self, event) -> None:
        # On show, QDialogButtonBox makes Cancel an auto-default button, and Enter in the
        # passphrase field would cancel: only Unlock may answer Enter.
        super().showEvent(event)
        for button in self.buttons.buttons():
            button.setAutoDefault(button is self.unlock_button)
        self.unlock_button.setDefault(True)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.set_waiting(False)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def set_waiting(self, waiting: bool) -> None:
        self.unlock_button.setEnabled(not waiting)
        self.passphrase.setEnabled(not waiting)
        self.unlock_button.setText("Checking…" if waiting else "&Unlock")

    @Slot()
    def _on_unlock(self) -> None:
        if not self.passphrase.text():
            self.show_error("Type the passphrase first.")
            return
        self.set_waiting(True)
        self.passphraseEntered.emit(self.passphrase.text())
