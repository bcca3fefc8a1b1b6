"""Setting up a new caseload: the council, the IRO and the services for children that letters
name (the same fields, labels and editors as Settings: ``settings_fields.SETUP_PAGES``), then
what to do first with an empty caseload.

Shown once the new caseload file exists (its passphrase was chosen in ``new_caseload``); the
settings controller saves what was typed, with its history, and runs the next step chosen.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from iro_desktop.domain.settings import Settings
from iro_desktop.gui.dialogs.settings import add_field_rows
from iro_desktop.gui.screen_fit import fit_to_screen
from iro_desktop.gui.widgets.settings_editors import Editor
from iro_desktop.gui.widgets.settings_fields import (
    SETUP_KEYS,
    SETUP_PAGES,
    edited,
    make_editors,
    show_values,
)
from iro_desktop.i18n import N_, _

# The first things to do with an empty caseload: (action name in gui/shortcuts.py, what it
# says, its shortcut). "import_903" is the settings controller's own (a folder of 903 files).
NEXT_STEPS: tuple[tuple[str, str, str, str], ...] = (
    ("import_903", N_("Import your 903 files"), "",
     N_("The DfE SSDA903 CSV files your council's data team gives you (a folder).")),
    ("import_sheet", N_("Import your tracker spreadsheet"), "Ctrl+I",
     N_("Your own list of children (.xlsx or .csv), with a preview before anything is saved.")),
    ("new_child", N_("Add a child"), "Ctrl+N", N_("Type in one child's details.")),
    ("receive_handover", N_("Receive a handover"), "Ctrl+Shift+I",
     N_("Children another IRO handed over to you, in an encrypted file.")),
)  # fmt: skip
SIZE = (760, 560)  # fits a 1366x768 screen


class SetupWizard(QWizard):
    """``setupFinished(settings, next_step)``: ``next_step`` is one of ``NEXT_STEPS``' names,
    or "" for "go to my (empty) due list"."""

    setupFinished = Signal(object, str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Set up your caseload"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self._base = settings
        self.next_step = ""
        self.editors: dict[str, Editor] = make_editors(SETUP_KEYS)
        show_values(self.editors, settings)
        for number, (title, intro, keys) in enumerate(SETUP_PAGES):
            page = QWizardPage()
            page.setTitle(_(title))
            subtitle = _(intro)
            if number == 0:
                subtitle = _(
                    "%(intro)s Everything here can be changed later in Settings (Ctrl+,)."
                ) % {"intro": subtitle}
            page.setSubTitle(subtitle)
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            add_field_rows(form, {key: self.editors[key] for key in keys})
            column = QVBoxLayout(page)
            column.addLayout(form)
            column.addStretch(1)  # the rows stay together at the top
            self.addPage(page)
        self.next_buttons: dict[str, QCommandLinkButton] = {}
        self.addPage(self._ready_page())
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Go to my &due list"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("&Skip for now"))
        # Qt's own words otherwise (it has no Welsh): the same English, from the catalogue.
        self.setButtonText(QWizard.WizardButton.BackButton, _("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, _("&Next >"))
        fit_to_screen(self, *SIZE)

    def _ready_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(_("Your caseload is ready"))
        page.setSubTitle(
            _(
                "It is empty. Bring your children in, or add them one at a time. "
                "(All of these are in the File and Record menus too.)"
            )
        )
        layout = QVBoxLayout(page)
        for name, text, keys, description in NEXT_STEPS:
            button = QCommandLinkButton(
                _("%(text)s (%(keys)s)") % {"text": _(text), "keys": keys} if keys else _(text),
                _(description),
            )
            button.clicked.connect(lambda _checked=False, step=name: self._finish_with(step))
            self.next_buttons[name] = button
            layout.addWidget(button)
        layout.addStretch(1)
        layout.addWidget(QLabel(_("Or press “Go to my due list” and start later.")))
        return page

    def settings(self) -> Settings:
        """The settings as typed here; everything not asked keeps its value."""
        return edited(self.editors, self._base)

    def _finish_with(self, step: str) -> None:
        self.next_step = step
        self.accept()

    def accept(self) -> None:
        super().accept()
        self.setupFinished.emit(self.settings(), self.next_step)
