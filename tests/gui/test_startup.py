"""Start-up: first run, the demo, unlocking (wrong passphrase and retry), a new caseload."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from iro_desktop.gui import startup
from iro_desktop.gui.app import launch
from iro_desktop.gui.dialogs.first_run import FirstRunDialog
from iro_desktop.gui.dialogs.new_caseload import NewCaseloadDialog
from iro_desktop.gui.dialogs.unlock import UnlockDialog
from iro_desktop.gui.main_window import DEMO_BANNER_TEXT
from iro_desktop.services import session
from iro_desktop.services.session import PASSPHRASE_ENV
from iro_desktop.storage.opening import open_store

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def own_caseload(tmp_path) -> Path:
    path = tmp_path / "mine.iro.db"
    open_store(path, PASSPHRASE, create=True).close()
    return path


@pytest.fixture
def start(qtbot):
    windows = []

    def starter(db_path=None, demo=False):
        window = launch(db_path, demo, TODAY)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield starter
    for window in windows:
        window.close()


def _wait_for_dialog(qtbot, window, kind):
    qtbot.waitUntil(lambda: isinstance(window.opener.dialog, kind), timeout=5000)
    qtbot.waitUntil(lambda: window.opener.dialog.isVisible(), timeout=5000)
    return window.opener.dialog


# -- the window ------------------------------------------------------------------------------
def test_first_run_offers_the_demo_and_opens_it_with_a_banner(qtbot, start, demo_file, monkeypatch):
    for module in (startup, session):
        monkeypatch.setattr(module, "default_demo_path", lambda: demo_file)
    window = start()
    dialog = _wait_for_dialog(qtbot, window, FirstRunDialog)
    assert {b.text() for b in (dialog.demo_button, dialog.new_button, dialog.open_button)} == {
        "Try the demo first",
        "Set up your own caseload",
        "Open an existing caseload file",
    }
    with qtbot.waitSignal(window.dueLoaded, timeout=10000):
        dialog.demo_button.click()
    assert window.store.is_demo
    assert window.banner.isVisible()
    assert DEMO_BANNER_TEXT in window.banner.text()
    assert DEMO_BANNER_TEXT in window.windowTitle()
    assert sum(window.due_view.model.group_counts().values()) > 0
    assert session.last_caseload_path() is None  # the demo is never remembered (test_first_run)


def test_demo_flag_makes_the_demo_when_missing(qtbot, start, tmp_path, monkeypatch):
    made = []

    def fake_create_demo(today, path):
        import shutil

        made.append(today)
        shutil.copy2(tmp_path / "template.iro.db", path)

    demo = tmp_path / "made" / "demo.iro.db"
    demo.parent.mkdir()
    from iro_desktop.services.session import create_demo

    create_demo(TODAY, tmp_path / "template.iro.db")
    monkeypatch.setattr(session, "default_demo_path", lambda: demo)
    monkeypatch.setattr(session, "create_demo", fake_create_demo)
    window = start(demo=True)
    with qtbot.waitSignal(window.dueLoaded, timeout=15000):
        pass
    assert made == [TODAY]
    assert window.banner.isVisible()


def test_a_later_run_asks_for_the_passphrase_says_when_wrong_and_lets_them_retry(
    qtbot, start, own_caseload
):
    session.remember_caseload_path(own_caseload)
    window = start()
    dialog = _wait_for_dialog(qtbot, window, UnlockDialog)
    assert dialog.path == own_caseload
    assert not dialog.error.isVisible()

    dialog.passphrase.setText("not the passphrase")
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert dialog.error.text().startswith("That passphrase does not open mine.iro.db.")
    assert dialog.isVisible() and dialog.unlock_button.isEnabled()
    assert window.store is None

    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.dueLoaded, timeout=10000):
        dialog.unlock_button.click()
    assert window.store.path == own_caseload
    assert not window.banner.isVisible()
    # Issue 17: the system adds the app's display name after the title; it is not repeated.
    assert window.windowTitle() == "mine.iro.db"
    assert QApplication.applicationDisplayName() == "IRO Desktop"


def test_the_environment_passphrase_opens_unasked(qtbot, start, own_caseload, monkeypatch):
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    window = start(own_caseload)
    with qtbot.waitSignal(window.dueLoaded, timeout=10000):
        pass
    assert window.opener.dialog is None
    assert window.store.path == own_caseload


def test_a_wrong_environment_passphrase_falls_back_to_asking(
    qtbot, start, own_caseload, monkeypatch
):
    monkeypatch.setenv(PASSPHRASE_ENV, "wrong wrong wrong")
    window = start(own_caseload)
    dialog = _wait_for_dialog(qtbot, window, UnlockDialog)
    assert dialog.error.isVisible()
    assert "does not open" in dialog.error.text()


def test_a_new_caseload_needs_a_matching_passphrase_of_eight_or_more(qtbot, start, tmp_path):
    window = start()
    _wait_for_dialog(qtbot, window, FirstRunDialog).new_button.click()
    dialog = _wait_for_dialog(qtbot, window, NewCaseloadDialog)
    target = tmp_path / "new.iro.db"
    dialog.path.setText(str(target))
    dialog.passphrase.setText("short")
    assert not dialog.create_button.isEnabled()
    assert "Too short" in dialog.strength.text()
    for weak in ("aaaaaaaa", "password", "12345678"):  # long enough, but guessed at once
        dialog.passphrase.setText(weak)
        dialog.again.setText(weak)
        assert not dialog.create_button.isEnabled()
        assert "too easy to guess" in dialog.strength.text()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE + "x")
    assert not dialog.create_button.isEnabled()
    assert "differ" in dialog.strength.text()
    dialog.again.setText(PASSPHRASE)
    assert dialog.create_button.isEnabled()
    assert "Strong" in dialog.strength.text()
    with qtbot.waitSignal(window.dueLoaded, timeout=10000):
        dialog.create_button.click()
    assert window.store.path == target
    assert sum(window.due_view.model.group_counts().values()) == 0
    assert session.last_caseload_path() == target.resolve()


def test_the_command_without_a_command_opens_the_window(monkeypatch):
    from iro_desktop import cli
    from iro_desktop.gui import app

    calls = []
    monkeypatch.setattr(app, "run_gui", lambda *args: calls.append(args) or 0)
    assert cli.main(["--demo", "--on", TODAY.isoformat()]) == 0
    [(db, demo, today, early)] = calls
    assert (db, demo, today) == (None, True, TODAY)
    # The caseload began opening before Qt loaded: the demo, made and opened.
    opened = early.result(timeout=30)
    assert opened.store is not None and opened.store.is_demo
    opened.store.close()


def test_enter_in_the_passphrase_field_unlocks_not_cancels(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    dialog = UnlockDialog(tmp_path / "mine.iro.db")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.passphrase, "correct horse battery")
    with qtbot.waitSignal(dialog.passphraseEntered) as entered:
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert entered.args == ["correct horse battery"]
    assert dialog.isVisible()  # it stays open until the passphrase is known to work
