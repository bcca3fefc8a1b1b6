"""A new caseload: where its file goes and its passphrase (typed twice, with a hint)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.gui.screen_fit import limit_minimum_width
from iro_desktop.gui.widgets.dialog_parts import error_label
from iro_desktop.gui.widgets.passphrase import NewPassphrase
from iro_desktop.gui.widgets.standard_buttons import name_standard_buttons
from iro_desktop.i18n import N_, _

FILE_FILTER = N_("IRO Desktop caseloads (*.iro.db);;All files (*)")


class NewCaseloadDialog(QDialog):
    """Choose where the new caseload goes and its passphrase (typed twice), with a hint."""

    createRequested = Signal(Path, str)

    def __init__(self, default_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New caseload"))
        intro = QLabel(
            _(
                "Your caseload is kept in one encrypted file. Choose a passphrase you will "
                "remember: without it nobody, including IT, can open the file."
            )
        )
        intro.setWordWrap(True)
        self.path = QLineEdit(str(default_path))
        self.browse_button = QPushButton(_("C&hoose…"))
        self.new_passphrase = NewPassphrase(_("New passphrase"), parent=self)
        self.passphrase = self.new_passphrase.first
        self.again = self.new_passphrase.again
        self.strength = self.new_passphrase.strength
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(self.buttons)
        self.create_button = self.buttons.addButton(
            _("C&reate"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse_button)
        file_label = QLabel(_("&File:"))
        file_label.setBuddy(self.path)
        form = QFormLayout()
        # The passphrase first: the file's place has a sensible default, the passphrase none.
        self.new_passphrase.add_rows(form)
        form.addRow(file_label, where)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.new_passphrase.changed.connect(self._on_typed)
        self.browse_button.clicked.connect(self._on_browse)
        self.buttons.accepted.connect(self._on_create)
        self.buttons.rejected.connect(self.reject)
        limit_minimum_width(self, 520)
        self._on_typed()
        self.passphrase.setFocus()  # the keyboard starts where the typing is

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.create_button.setText(_("C&reate"))
        self._on_typed()

    @Slot()
    def _on_typed(self) -> None:
        self.create_button.setEnabled(self.new_passphrase.assess())

    @Slot()
    def _on_browse(self) -> None:
        chooser = QFileDialog(self, _("New caseload file"), self.path.text(), _(FILE_FILTER))
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("iro.db")
        chooser.fileSelected.connect(self.path.setText)
        chooser.open()

    @Slot()
    def _on_create(self) -> None:
        self.error.setVisible(False)
        self.create_button.setEnabled(False)
        self.create_button.setText(_("Creating…"))
        self.createRequested.emit(Path(self.path.text().strip()), self.passphrase.text())
