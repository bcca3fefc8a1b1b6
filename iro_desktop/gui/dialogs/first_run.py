"""No caseload yet: the first-run choice of the demo, a new caseload or an existing file."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

CHOICE_DEMO, CHOICE_NEW, CHOICE_OPEN = "demo", "new", "open"


class FirstRunDialog(QDialog):
    """No caseload yet: try the demo, create a caseload, or open a file."""

    choiceMade = Signal(str)  # CHOICE_DEMO, CHOICE_NEW or CHOICE_OPEN

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to IRO Desktop")
        intro = QLabel(
            "<h3>Welcome to IRO Desktop</h3>"
            "<p>There is no caseload on this computer yet. What would you like to do?</p>"
        )
        intro.setWordWrap(True)
        self.demo_button = QCommandLinkButton(
            "Open the demo",
            "Fictional children, to try IRO Desktop out. Nothing in it is real.",
        )
        self.new_button = QCommandLinkButton(
            "Create a new caseload",
            "An encrypted file for your own caseload, locked with a passphrase you choose.",
        )
        self.open_button = QCommandLinkButton(
            "Open an existing caseload file",
            "A .iro.db file, for example one copied from your old computer.",
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button in (self.demo_button, self.new_button, self.open_button):
            layout.addWidget(button)
        layout.addWidget(buttons)
        self.demo_button.clicked.connect(lambda: self._choose(CHOICE_DEMO))
        self.new_button.clicked.connect(lambda: self._choose(CHOICE_NEW))
        self.open_button.clicked.connect(lambda: self._choose(CHOICE_OPEN))
        buttons.rejected.connect(self.reject)
        self.setMinimumWidth(480)

    def _choose(self, choice: str) -> None:
        self.accept()
        self.choiceMade.emit(choice)
