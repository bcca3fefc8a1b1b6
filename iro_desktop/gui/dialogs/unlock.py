"""Asking for a caseload's passphrase: at start-up and when the auto-lock unlocks.

After repeated failed tries the Unlock button waits a little longer each time
(``services.passphrases.wrong_try_delay``), so guessing at the dialog is slow."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.gui.widgets.dialog_parts import error_label, password_field
from iro_desktop.gui.widgets.standard_buttons import name_standard_buttons
from iro_desktop.i18n import _
from iro_desktop.services.passphrases import wrong_try_delay


class UnlockDialog(QDialog):
    """Ask for a file's passphrase; stays open (showing why) until one works or they cancel."""

    passphraseEntered = Signal(str)

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(_("Unlock your caseload"))
        intro = QLabel(_("Enter the passphrase for <b>%(name)s</b>.") % {"name": self.path.name})
        where = QLabel(_("in %(parent)s") % {"parent": self.path.parent})
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        self.passphrase = password_field(_("Passphrase"))
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(self.buttons)
        self.unlock_button = self.buttons.addButton(
            _("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setDefault(True)
        form = QFormLayout()
        form.addRow(_("&Passphrase:"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_unlock)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(440)
        self.failed_tries = 0
        self._tried = False
        self.delay_timer = QTimer(self)
        self.delay_timer.setSingleShot(True)
        self.delay_timer.timeout.connect(lambda: self.set_waiting(False))
        self._below: QWidget | None = None

    def place_below(self, widget: QWidget) -> None:
        """Open just below ``widget`` (the lock screen's Unlock button), so that what is
        above it (why the window is locked, the demo's passphrase) stays in view."""
        self._below = widget

    def showEvent(self, event) -> None:
        # On show, QDialogButtonBox makes Cancel an auto-default button, and Enter in the
        # passphrase field would cancel: only Unlock may answer Enter.
        super().showEvent(event)
        for button in self.buttons.buttons():
            button.setAutoDefault(button is self.unlock_button)
        self.unlock_button.setDefault(True)
        self._place()

    def _place(self) -> None:
        below = self._below
        if below is None or not below.isVisible():
            return
        screen = (below.screen() or self.screen()).availableGeometry()
        anchor = below.mapToGlobal(below.rect().bottomLeft())
        frame = self.frameGeometry().size()
        x = below.mapToGlobal(below.rect().center()).x() - frame.width() // 2
        y = anchor.y() + 16
        x = max(screen.left(), min(x, screen.right() - frame.width()))
        y = max(screen.top(), min(y, screen.bottom() - frame.height()))
        self.move(x, y)

    def _fit(self) -> None:
        """Tall enough for the whole message (a wrapped label does not grow its dialog)."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalSizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def show_error(self, message: str) -> None:
        """Say why it did not open; after a failed try, Unlock waits a growing delay."""
        delay = 0.0
        if self._tried:
            self._tried = False
            self.failed_tries += 1
            delay = wrong_try_delay(self.failed_tries)
        self.error.setText(message)
        self.error.setVisible(True)
        self.set_waiting(False)
        if delay > 0:
            self.error.setText(
                _("%(message)s You can try again in %(delay)s seconds.")
                % {"message": message, "delay": format(delay, ".0f")}
            )
            self.unlock_button.setEnabled(False)
            self.delay_timer.start(int(delay * 1000))
        self._fit()
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def set_waiting(self, waiting: bool) -> None:
        self.unlock_button.setEnabled(not waiting)
        self.passphrase.setEnabled(not waiting)
        self.unlock_button.setText(_("Checking…") if waiting else _("&Unlock"))

    @Slot()
    def _on_unlock(self) -> None:
        if not self.passphrase.text():
            self.show_error(_("Type the passphrase first."))
            return
        if self.delay_timer.isActive():
            return
        self.set_waiting(True)
        self._tried = True
        self.passphraseEntered.emit(self.passphrase.text())
