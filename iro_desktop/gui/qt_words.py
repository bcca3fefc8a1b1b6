"""Qt's own words (the standard buttons "OK", "Cancel", "Save"; the Cut/Copy/Paste menu of a
text box; a wizard's Back and Next) in the IRO's language.

Qt ships no Welsh translation of its own strings (there is no ``qtbase_cy.qm``), so instead of
a ``.qm`` file this translator answers Qt's questions from the app's gettext catalogue: the
few strings of Qt a person meets are marked here with ``N_`` and translated in
``resources/translations/*/LC_MESSAGES/app.po`` like every other word of the app. Anything
else Qt asks for stays as Qt wrote it. In the pseudo language the same markers appear on
Qt's words, so the marked-string test sees them too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from iro_desktop.i18n import N_, _
from iro_desktop.services.settings import start_in_chosen_language

# The contexts Qt asks in, and the words of Qt an IRO meets (each as Qt writes it; some
# platforms' themes put a mnemonic in: "&OK").
QT_CONTEXTS = frozenset(
    {
        "QPlatformTheme",
        "QGnomeTheme",
        "QDialogButtonBox",
        "QMessageBox",
        "QWidgetTextControl",
        "QLineEdit",
        "QAbstractSpinBox",
        "QWizard",
    }
)
QT_WORDS = frozenset(
    {
        N_("OK"),
        N_("&OK"),
        N_("Cancel"),
        N_("&Cancel"),
        N_("Save"),
        N_("&Save"),
        N_("Save All"),
        N_("Open"),
        N_("Close"),
        N_("&Close"),
        N_("Apply"),
        N_("Reset"),
        N_("Help"),
        N_("Discard"),
        N_("Don't Save"),
        N_("Close without Saving"),
        N_("&Yes"),
        N_("&No"),
        N_("Yes to &All"),
        N_("N&o to All"),
        N_("Abort"),
        N_("Retry"),
        N_("Ignore"),
        N_("Restore Defaults"),
        N_("Show Details..."),
        N_("Hide Details..."),
        N_("&Undo"),
        N_("&Redo"),
        N_("Cu&t"),
        N_("&Copy"),
        N_("&Paste"),
        N_("Delete"),
        N_("Select All"),
        N_("Copy &Link Location"),
        N_("&Step up"),
        N_("Step &down"),
        N_("< &Back"),
        N_("&Next >"),
        N_("&Finish"),
        N_("Go Back"),
        N_("Continue"),
        N_("Commit"),
        N_("Done"),
    }
)


class QtWords(QTranslator):
    """Answers Qt's own ``tr()`` from the app's catalogue."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        if context in QT_CONTEXTS and source_text in QT_WORDS:
            return _(source_text)
        return None  # a null string: not ours, Qt keeps its own text ("" would blank it)

    def isEmpty(self) -> bool:
        return False


_installed: list[QtWords] = []  # kept alive: Qt holds only a pointer


def start_gui_language(app: QCoreApplication) -> str:
    """The app's language at the desktop app's start (kept if the command line set it), and
    Qt's own words in it; returns the language."""
    lang = start_in_chosen_language(keep=True)
    if lang == "cy":  # Qt's own dates (a date box's day and month names, its calendar) in Welsh
        QLocale.setDefault(QLocale(QLocale.Language.Welsh, QLocale.Country.UnitedKingdom))
    if not _installed:
        _installed.append(QtWords(app))
        app.installTranslator(_installed[0])
    return lang
