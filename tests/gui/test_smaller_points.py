"""Issue 17's smaller points: the search goes Down into the list, the new-caseload dialog
starts at the passphrase, a decision's "Who" has room, save dialogs start in Documents, and
the unlock dialog leaves the lock screen's words (the demo's passphrase) in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from iro_desktop.gui.dialogs.new_caseload import NewCaseloadDialog
from iro_desktop.gui.forms.editors import WHO_SAMPLE, DecisionsEditor
from iro_desktop.gui.widgets import dialog_parts
from iro_desktop.services.session import DEMO_PASSPHRASE

from .conftest import TODAY
from .test_forms import MASON, WAIT, _close, _launch

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@pytest.fixture
def window(qtbot, demo_file):
    made = _launch(qtbot, demo_file)
    yield made
    _close(made)


def test_search_down_enter_opens_the_child_with_one_enter(qtbot, window):
    window.actions["show_caseload"].trigger()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    view = window.caseload_view
    qtbot.waitUntil(lambda: view.proxy.rowCount() > 0, timeout=WAIT)  # the caseload has loaded
    view.focus_search()
    qtbot.keyClicks(view.search_box, MASON)  # the reference: one child
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1, timeout=WAIT)
    qtbot.keyClick(view.search_box, Qt.Key.Key_Down)
    assert view.table_view.hasFocus() and view.current_child_ref() == MASON
    with qtbot.waitSignal(view.childActivated, timeout=WAIT) as opened:
        qtbot.keyClick(view.table_view, Qt.Key.Key_Return)
    assert opened.args == [MASON]


def test_the_new_caseload_dialog_starts_at_the_passphrase(qtbot, tmp_path):
    dialog = NewCaseloadDialog(tmp_path / "mine.iro.db")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.passphrase, timeout=WAIT)
    qtbot.keyClicks(QApplication.focusWidget(), "typed straight in")
    assert dialog.passphrase.text() == "typed straight in"
    assert dialog.path.text() == str(tmp_path / "mine.iro.db")


def test_a_decision_s_who_has_room_for_a_name_and_role(qtbot):
    editor = DecisionsEditor(TODAY)
    qtbot.addWidget(editor)
    editor.resize(700, 200)
    editor.show()
    qtbot.waitExposed(editor)
    row = editor.add_row({"what": "Book a dentist appointment", "who": WHO_SAMPLE})
    who = row.fields["who"]
    assert who.width() >= who.fontMetrics().horizontalAdvance(WHO_SAMPLE)


def test_save_dialogs_start_in_documents_never_the_program_folder(monkeypatch, tmp_path):
    documents = tmp_path / "Documents"
    monkeypatch.setattr(dialog_parts.platformdirs, "user_documents_dir", lambda: str(documents))
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    assert dialog_parts.default_folder() == tmp_path  # no Documents folder: home
    documents.mkdir()
    assert dialog_parts.default_folder() == documents
    from iro_desktop.gui.dialogs.document import default_folder

    assert default_folder() == documents  # the letter, briefing and record dialogs' start


def test_a_file_row_chooser_opens_in_documents_when_nothing_is_typed(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(dialog_parts.platformdirs, "user_documents_dir", lambda: str(tmp_path))
    row = dialog_parts.FileRow("Save to", "Word (*.docx)", save=True)
    qtbot.addWidget(row)
    row.button.click()
    assert row.chooser is not None
    assert Path(row.chooser.directory().absolutePath()) == tmp_path
    row.chooser.reject()


def test_the_unlock_dialog_leaves_the_demo_passphrase_in_view_and_shows_a_whole_message(
    qtbot, window
):
    window.setGeometry(0, 0, 1366, 728)
    window.autolock.lock_now()
    qtbot.waitUntil(lambda: window.autolock.dialog is not None, timeout=WAIT)
    dialog = window.autolock.dialog
    qtbot.waitExposed(dialog)
    hint = next(w for w in window.findChildren(QLabel) if w.accessibleName() == "Demo passphrase")
    assert DEMO_PASSPHRASE in hint.text() and hint.isVisible()
    hint_bottom = hint.mapToGlobal(hint.rect().bottomLeft()).y()
    assert dialog.frameGeometry().top() > hint_bottom  # the dialog is below the line
    dialog.passphrase.setText("not the passphrase")
    dialog.unlock_button.click()
    qtbot.waitUntil(dialog.error.isVisible, timeout=WAIT)
    qtbot.wait(50)
    error = dialog.error
    assert error.height() >= error.heightForWidth(error.width())  # nothing clipped
    # Unlock again: a locked window hides every other window shown (the next test's).
    qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=WAIT)
    dialog.passphrase.setText(DEMO_PASSPHRASE)
    with qtbot.waitSignal(window.autolock.lockedChanged, timeout=WAIT):
        dialog.unlock_button.click()
