"""The GUI's own words go through the app catalogue: in the pseudo language every word the
main window, the caseload, a child's record and the File menu's dialogs show is wrapped in
⟦…⟧, so a text that never went through ``_`` (a forgotten literal, an f-string, a constant
shown untranslated) shows up here with where it is.

Data (names, dates, numbers, codes) is not the app's words, so only what holds the app's own
words is read: window titles, menus and actions, buttons, group boxes, tabs, table headings,
placeholders, form labels (a label with a buddy) and the accessible names of controls.
(The due view, the Designer forms, Settings and Help are checked by the full pseudo-locale
test; the figures' tables come from the domain's figures.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from iro_desktop import i18n

from .test_forms import MASON, WAIT, _close, _launch

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)

# Qt's own tab-bar scroll arrows, and the figures' tables (their words are the domain's).
NOT_OURS = ("ScrollLeftButton", "ScrollRightButton", "FigureTableView")


def _marked(text: str) -> bool:
    """Words with at least one marked part; texts without letters (a dash, a number) pass."""
    return i18n.PSEUDO_OPEN in text or not any(ch.isalpha() for ch in text)


def unmarked_words(root: QWidget) -> list[str]:
    """``where: text`` for every word of the app's own under ``root`` without the markers."""
    found: list[str] = []

    def check(where: str, text: str) -> None:
        if text and not _marked(text):
            found.append(f"{where}: {text!r}")

    for widget in [root, *root.findChildren(QWidget)]:
        kind = type(widget).__name__
        if {kind, widget.objectName(), type(widget.parent()).__name__} & set(NOT_OURS):
            continue
        name = f"{type(root).__name__}/{widget.objectName() or kind}"
        if widget.isWindow():
            check(f"{name} title", widget.windowTitle())
        if isinstance(widget, QAbstractButton):
            check(f"{name} text", widget.text())
        if isinstance(widget, QGroupBox):
            check(f"{name} title", widget.title())
        if isinstance(widget, QLineEdit):
            check(f"{name} placeholder", widget.placeholderText())
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            check(f"{name} label", widget.text())
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                check(f"{name} tab", widget.tabText(index))
        if isinstance(widget, QMenu):
            check(f"{name} menu", widget.title())
            for action in widget.actions():
                check(f"{name} action", action.text())
                check(f"{name} status tip", action.statusTip())
        if isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                heading = model.headerData(column, Qt.Orientation.Horizontal)
                if isinstance(heading, str):
                    check(f"{name} heading", heading)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus or isinstance(widget, QAbstractButton):
            check(f"{name} accessible name", widget.accessibleName())
    return found


@pytest.fixture
def window(qtbot, demo_file):
    i18n.set_language(i18n.PSEUDO)
    made = _launch(qtbot, demo_file)
    yield made
    _close(made)
    i18n.set_language("en")


def _open_child(qtbot, window, tab: str) -> None:
    window.open_child(MASON, tab)
    qtbot.waitUntil(lambda: MASON in window.child_view.facts_label.text(), timeout=WAIT)


def test_the_check_finds_words_that_are_not_marked(qtbot):
    box = QGroupBox("Not translated")
    qtbot.addWidget(box)
    assert unmarked_words(box) == ["QGroupBox/QGroupBox title: 'Not translated'"]


def test_menus_caseload_and_a_childs_record_show_only_marked_words(qtbot, window):
    found: list[str] = []
    for menu in window.menuBar().findChildren(QMenu):
        found += unmarked_words(menu)
    assert window.windowTitle().startswith(i18n.PSEUDO_OPEN)  # the demo's title
    window.actions["show_caseload"].trigger()
    found += unmarked_words(window.caseload_view)
    _open_child(qtbot, window, "details")
    tabs = window.child_view.tab_widget
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        found += unmarked_words(tabs.currentWidget())
    found += unmarked_words(window.child_view)
    window.actions["show_figures"].trigger()
    found += unmarked_words(window.figures_view)
    assert "\n".join(sorted(set(found))) == ""


FILE_MENU_DIALOGS = (
    "hand_over",
    "subject_access",
    "export_903",
    "import_sheet",
    "receive_handover",
    "restore_backup",
    "change_passphrase",
    "purge",
    "briefing",
)


def test_the_file_menus_dialogs_show_only_marked_words(qtbot, window):
    _open_child(qtbot, window, "reviews")
    found: list[str] = []
    for action in FILE_MENU_DIALOGS:  # one window for all: each dialog opened and closed
        before = set(QApplication.topLevelWidgets())
        window.actions[action].trigger()
        qtbot.waitUntil(
            lambda before=before: any(
                w.isVisible() for w in set(QApplication.topLevelWidgets()) - before
            ),
            timeout=WAIT,
        )
        dialog = next(w for w in set(QApplication.topLevelWidgets()) - before if w.isVisible())
        qtbot.wait(200)  # the dialog's first job (a preview, a list of backups) has answered
        found += unmarked_words(dialog)
        dialog.close()
    assert "\n".join(sorted(set(found))) == ""
