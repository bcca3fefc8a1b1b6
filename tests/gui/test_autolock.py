"""Auto-lock: the caseload is hidden after the idle time or Ctrl+L, drafts are kept, and the
passphrase brings everything back as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from iro_desktop.services.drafts import load_drafts
from iro_desktop.services.session import DEMO_PASSPHRASE

from .test_forms import MASON, WAIT, _close, _idle, _launch, _open, _open_child

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, demo_file):
    made = _launch(qtbot, demo_file)
    yield made
    _close(made)


NAMES = ("Mason", "Webb")


def _visible_texts() -> list[str]:
    """Every piece of text on screen: window titles, labels, buttons, fields and lists."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            stack = [model.index(r, c) for r in range(model.rowCount()) for c in range(1)]
            while stack:
                index = stack.pop()
                texts.append(str(index.data() or ""))
                for r in range(model.rowCount(index)):
                    stack.append(model.index(r, 0, index))
    return texts


def _shows_a_name() -> bool:
    return any(name in text for text in _visible_texts() for name in NAMES)


def test_idle_locks_hides_every_name_keeps_the_draft_and_unlock_restores_it(qtbot, window):
    _open_child(qtbot, window, MASON, "meetings")
    form = _open(qtbot, window, lambda: window.actions["record_contact"].trigger())
    qtbot.keyClicks(form.field("note"), "Mason talked about his football team")
    assert _shows_a_name()

    with qtbot.waitSignal(window.autolock.lockedChanged, timeout=WAIT):
        window.autolock.set_idle_ms(200)  # as if 5 minutes had passed with no key or mouse
    qtbot.waitUntil(lambda: window.autolock.dialog is not None, timeout=WAIT)
    _idle(qtbot, window)
    assert not form.isVisible()
    assert not _shows_a_name()
    assert not window.menuBar().isVisible()
    assert not window.actions["record_review"].isEnabled()
    [draft] = load_drafts(window.store)  # kept before the lock went on
    assert "football" in draft.payload["note"]

    dialog = window.autolock.dialog
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT)
    assert "does not open" in dialog.error.text()
    assert window.autolock.locked and not _shows_a_name()

    qtbot.keyClicks(dialog.passphrase, DEMO_PASSPHRASE)
    with qtbot.waitSignal(window.autolock.lockedChanged, timeout=WAIT) as unlocked:
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert unlocked.args == [False]
    assert form.isVisible()
    assert form.text("note") == "Mason talked about his football team"
    assert window.menuBar().isVisible() and window.actions["record_review"].isEnabled()
    assert window.child_view.current_child_ref() == MASON
    assert window.centralWidget().findChild(QWidget, "demoBanner") is not None


def test_ctrl_l_locks_at_once(qtbot, window):
    assert window.autolock.timer.isActive()  # counting down from the last key or click
    with qtbot.waitSignal(window.autolock.lockedChanged, timeout=WAIT):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.autolock.locked
    assert not _shows_a_name()
    assert window.autolock.lock_screen.isVisible()
    qtbot.waitUntil(lambda: window.autolock.dialog is not None, timeout=WAIT)
    window.autolock.dialog.reject()  # Cancel: stays locked, Unlock is one key away
    assert window.autolock.locked
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is window.autolock.lock_screen.unlock_button,
        timeout=WAIT,
    )


def _unlock(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.autolock.dialog is not None, timeout=WAIT)
    dialog = window.autolock.dialog
    qtbot.keyClicks(dialog.passphrase, DEMO_PASSPHRASE)
    with qtbot.waitSignal(window.autolock.lockedChanged, timeout=WAIT):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)


def test_ctrl_l_in_a_form_locks_every_window_and_the_typing_comes_back(qtbot, window):
    _open_child(qtbot, window, MASON, "meetings")
    form = _open(qtbot, window, lambda: window.actions["record_contact"].trigger())
    qtbot.keyClicks(form.field("note"), "Mason talked about his football team")
    assert QApplication.activeWindow() is form

    with qtbot.waitSignal(window.autolock.lockedChanged, timeout=WAIT):
        qtbot.keyClick(form.field("note"), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    _idle(qtbot, window)
    assert window.autolock.locked and not form.isVisible()
    assert not _shows_a_name()
    assert "football" in form.text("note") and "l" not in form.text("note")[-1:]
    [draft] = load_drafts(window.store)
    assert draft.payload["note"] == "Mason talked about his football team"

    _unlock(qtbot, window)
    assert form.isVisible()
    assert form.text("note") == "Mason talked about his football team"


def test_idle_time_locks_with_a_dialog_open_and_brings_it_back(qtbot, window):
    window.open_settings()
    qtbot.waitUntil(
        lambda: window.settings_dialog is not None and window.settings_dialog.isVisible(),
        timeout=WAIT,
    )
    settings = window.settings_dialog
    assert QApplication.activeModalWidget() is settings

    with qtbot.waitSignal(window.autolock.lockedChanged, timeout=WAIT):
        window.autolock.set_idle_ms(200)
    qtbot.waitUntil(lambda: window.autolock.dialog is not None, timeout=WAIT)
    assert not settings.isVisible()
    assert not _shows_a_name()
    assert window.autolock.dialog.isVisible()
    assert QApplication.activeModalWidget() is window.autolock.dialog

    _unlock(qtbot, window)
    assert settings.isVisible()


def test_ctrl_l_in_a_dialog_in_front_of_a_form_locks(qtbot, window):
    _open_child(qtbot, window, MASON, "meetings")
    form = _open(qtbot, window, lambda: window.actions["record_meeting"].trigger())
    qtbot.keyClicks(form.field("issues"), "School move")
    qtbot.keyClick(form.field("issues"), Qt.Key.Key_Escape)  # "Unsaved changes?" in front
    qtbot.waitUntil(lambda: form.prompt is not None and form.prompt.isVisible(), timeout=WAIT)
    prompt = form.prompt

    with qtbot.waitSignal(window.autolock.lockedChanged, timeout=WAIT):
        qtbot.keyClick(prompt, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not prompt.isVisible() and not form.isVisible()
    assert not _shows_a_name()

    _unlock(qtbot, window)
    assert form.isVisible() and prompt.isVisible()
    assert form.text("issues") == "School move"


def test_a_form_that_opens_after_the_lock_went_on_stays_hidden_until_unlock(qtbot, window):
    _open_child(qtbot, window, MASON, "meetings")
    with qtbot.waitSignal(window.autolock.lockedChanged, timeout=WAIT):
        window.actions["lock"].trigger()
    # A form asked for just before the lock (its record loads on the worker) arrives now.
    with qtbot.waitSignal(window.recording.formOpened, timeout=WAIT) as opened:
        window.recording.open_form("contact", MASON)
    form = opened.args[0]
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT)
    _idle(qtbot, window)
    assert not form.isVisible() and not _shows_a_name()
    assert window.autolock.dialog is not None and window.autolock.dialog.isVisible()

    _unlock(qtbot, window)
    assert form.isVisible()
