"""Settings: every setting the app reads, in tabs (you, your council, letters, timescales, bank
holidays, safety), each tab scrolling so the dialog fits a 1366x768 screen. Ctrl+Tab moves
between the tabs.

Built from ``gui/widgets/settings_fields.FIELDS`` (one entry per setting, checked by a test)
rather than a Designer form, which could not keep in step with the settings model. The dialog
only edits a ``Settings`` value; the settings controller saves it through the worker
(``settingsAccepted``), with the change history.

One choice is not the council's but the IRO's own: the language of the app (first tab). It is
kept outside the caseload (``services.settings.save_ui_language``), because the app needs it
before any caseload is open, and it takes effect at the next start (every window is built in
one language; switching live would rebuild them all).
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.domain.settings import Settings
from iro_desktop.gui.palette import set_high_contrast
from iro_desktop.gui.screen_fit import fit_to_screen
from iro_desktop.gui.widgets.settings_editors import Editor, parse_postcodes
from iro_desktop.gui.widgets.settings_fields import (
    BY_KEY,
    FIELDS,
    GROUPS,
    SAFETY,
    TIMESCALE_PREFIX,
    YOU,
    edited,
    make_editors,
    show_values,
)
from iro_desktop.i18n import N_, _
from iro_desktop.services.settings import (
    save_high_contrast,
    save_ui_language,
    saved_high_contrast,
    saved_ui_language,
)

__all__ = ["HELP_STYLE", "SettingsDialog", "add_field_rows", "parse_postcodes"]

HELP_STYLE = "color: palette(window-text); font-style: italic;"  # dark grey failed WCAG AA
DIALOG_SIZE = (820, 600)  # fits a 1366x768 screen with the taskbar and title bar
# The app's languages as the choice offers them (None: follow the computer's language).
UI_LANGUAGES = (
    (None, N_("As the computer is set")),
    ("en", N_("English")),
    ("cy", N_("Cymraeg (Welsh)")),
)


def add_field_rows(form: QFormLayout, editors: dict[str, Editor]) -> None:
    """One row per editor, with its label (buddied, for the mnemonic) and help below it."""
    for key, editor in editors.items():
        spec = BY_KEY[key]
        label = QLabel(_(spec.label))
        label.setBuddy(editor)
        form.addRow(label, editor)
        if spec.help:
            help_text = QLabel(_(spec.help))
            help_text.setWordWrap(True)
            help_text.setStyleSheet(HELP_STYLE)
            help_text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            form.addRow("", help_text)


def _scrolling(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(content)
    return area


class SettingsDialog(QDialog):
    settingsAccepted = Signal(object)  # the edited Settings
    changePassphraseRequested = Signal()  # "Change passphrase…" (gui/dialogs/change_passphrase.py)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        self._original = settings
        self.editors: dict[str, Editor] = make_editors(tuple(f.key for f in FIELDS))
        self.timescales = {
            key.removeprefix(TIMESCALE_PREFIX): editor
            for key, editor in self.editors.items()
            if key.startswith(TIMESCALE_PREFIX)
        }
        self.tabs = QTabWidget()
        self.pages: dict[str, QWidget] = {}
        self.change_passphrase_button = QPushButton(_("Change pass&phrase…"))
        self.ui_language = self._language_choice()
        self.high_contrast = QCheckBox(_("&High contrast: white text on black"))
        self.high_contrast.setChecked(saved_high_contrast())
        self.high_contrast.setAccessibleDescription(
            _("For low vision; also View > High contrast for this session only.")
        )
        self.change_passphrase_button.clicked.connect(self.changePassphraseRequested)
        for group in GROUPS:
            content = QWidget()
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            if group == YOU:
                self._add_language_rows(form)
            column = QVBoxLayout(content)
            column.addLayout(form)
            column.addStretch(1)  # rows stay together at the top, however tall the tab
            add_field_rows(form, {f.key: self.editors[f.key] for f in FIELDS if f.group == group})
            if group == SAFETY:
                form.addRow("", self.change_passphrase_button)
            self.pages[group] = content
            self.tabs.addTab(_scrolling(content), _(group))
        note = QLabel(_("Every change is kept in your caseload's change history."))
        note.setStyleSheet(HELP_STYLE)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        fit_to_screen(self, *DIALOG_SIZE)
        self.show_settings(settings)

    def editor(self, key: str) -> Editor:
        return self.editors[key]

    def show_group(self, group: str) -> None:
        self.tabs.setCurrentIndex(GROUPS.index(group))

    def show_settings(self, settings: Settings) -> None:
        self._original = settings
        show_values(self.editors, settings)

    def settings(self) -> Settings:
        """The settings as edited."""
        return edited(self.editors, self._original)

    def _language_choice(self) -> QComboBox:
        choice = QComboBox()
        for code, name in UI_LANGUAGES:
            choice.addItem(_(name), code)
        saved = saved_ui_language()
        choice.setCurrentIndex(next(i for i, (c, _n) in enumerate(UI_LANGUAGES) if c == saved))
        choice.setAccessibleName(_("Language of the app"))
        choice.setAccessibleDescription(_("Takes effect the next time IRO Desktop starts."))
        return choice

    def _add_language_rows(self, form: QFormLayout) -> None:
        label = QLabel(_("&Language of the app"))
        label.setBuddy(self.ui_language)
        form.addRow(label, self.ui_language)
        help_text = QLabel(
            _(
                "Windows, menus and messages in English or Welsh. It takes effect the next time "
                "IRO Desktop starts. A letter's language is the child's, chosen with the letter."
            )
        )
        help_text.setWordWrap(True)
        help_text.setStyleSheet(HELP_STYLE)
        help_text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        form.addRow("", help_text)
        form.addRow("", self.high_contrast)

    def chosen_ui_language(self) -> str | None:
        """The language chosen for the app: ``en``, ``cy``, or None (as the computer is set)."""
        return self.ui_language.currentData()

    @Slot()
    def _on_save(self) -> None:
        chosen = self.chosen_ui_language()
        if chosen != saved_ui_language():
            save_ui_language(chosen)  # a few bytes beside the last file opened: no worker
        if self.high_contrast.isChecked() != saved_high_contrast():
            save_high_contrast(self.high_contrast.isChecked())
            app = QApplication.instance()
            if isinstance(app, QApplication):  # at once, and at every start from now on
                set_high_contrast(app, self.high_contrast.isChecked())
        self.settingsAccepted.emit(self.settings())
        self.accept()
