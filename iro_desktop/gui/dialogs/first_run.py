"""No caseload yet: the first-run choice of the demo, setting up the IRO's own caseload (its
file and passphrase in ``new_caseload``, then the council and the IRO's details in
``setup_wizard``) or an existing file."""

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

from iro_desktop.gui.screen_fit import limit_minimum_width
from iro_desktop.gui.widgets.standard_buttons import name_standard_buttons
from iro_desktop.i18n import _

CHOICE_DEMO, CHOICE_NEW, CHOICE_OPEN = "demo", "new", "open"


class FirstRunDialog(QDialog):
    """No caseload yet: try the demo, create a caseload, or open a file."""

    choiceMade = Signal(str)  # CHOICE_DEMO, CHOICE_NEW or CHOICE_OPEN

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Welcome to IRO Desktop"))
        intro = QLabel(
            _(
                "<h3>Welcome to IRO Desktop</h3>"
                "<p>There is no caseload on this computer yet. What would you like to do?</p>"
                "<p>Setting up takes a few minutes: a passphrase for your caseload's encrypted "
                "file, then your council, your contact details for letters and the services "
                "children can ask for help.</p>"
            )
        )
        intro.setWordWrap(True)
        self.demo_button = QCommandLinkButton(
            _("Try the demo first"),
            _(
                "About 70 fictional children, to try IRO Desktop out. Nothing in it is real, and "
                "it is never opened instead of your own caseload."
            ),
        )
        self.new_button = QCommandLinkButton(
            _("Set up your own caseload"),
            _("An encrypted file for your children, locked with a passphrase you choose."),
        )
        self.open_button = QCommandLinkButton(
            _("Open an existing caseload file"),
            _("A .iro.db file, for example one copied from your old computer."),
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button in (self.new_button, self.demo_button, self.open_button):
            layout.addWidget(button)
        layout.addWidget(buttons)
        self.demo_button.clicked.connect(lambda: self._choose(CHOICE_DEMO))
        self.new_button.clicked.connect(lambda: self._choose(CHOICE_NEW))
        self.open_button.clicked.connect(lambda: self._choose(CHOICE_OPEN))
        buttons.rejected.connect(self.reject)
        limit_minimum_width(self, 480)

    def _choose(self, choice: str) -> None:
        self.accept()
        self.choiceMade.emit(choice)
