"""Keeping the caseload safe through the real dialogs, offscreen: back up now, restore (a later
change is undone), change the passphrase, the subject-access export, the retention purge, and
the offer of the latest good backup when a damaged caseload is opened."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from iro_desktop.gui.dialogs.change_passphrase import ChangePassphraseDialog
from iro_desktop.gui.dialogs.purge import PurgeDialog
from iro_desktop.gui.dialogs.restore import RestoreDialog
from iro_desktop.gui.dialogs.subject_access import SubjectAccessDialog
from iro_desktop.services.safety import backup_now
from iro_desktop.services.session import PASSPHRASE_ENV, list_backups
from iro_desktop.storage import history
from iro_desktop.storage.errors import WrongPassphrase
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.settings_store import load_settings, save_settings
from tests.raw import raw_db
from tests.safety.safety_helpers import add_child

from .test_exchange_gui import LEFT, MASON, WAIT, close_window, idle, launch_window, open_dialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "a brand new passphrase for the laptop"


@pytest.fixture
def window(qtbot, demo_file):
    made = launch_window(qtbot, demo_file)
    yield made
    close_window(made)


@pytest.fixture
def own_window(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "mine.iro.db"
    open_store(path, PASSPHRASE, create=True).close()
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    made = launch_window(qtbot, path)
    yield made
    close_window(made)


def run(qtbot, window, function, *args):
    """Run ``function(window.store, *args)`` on the window's worker and return its result."""
    results = []
    window.worker.submit(function, window.store, *args, on_result=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT)
    return results[0]


def child_id(store, ref):
    return next(raw_db(store).query("SELECT id FROM children WHERE child_ref = ?", [ref]))["id"]


def set_social_worker(store, name):
    history.update(store, "children", child_id(store, MASON), {"social_worker": name})


def social_worker(store):
    return raw_db(store)["children"].get(child_id(store, MASON))["social_worker"]


def test_back_up_now_writes_a_backup(qtbot, window):
    before = len(list_backups(window.store.path))
    window.actions["backup_now"].trigger()
    qtbot.waitUntil(lambda: window.data_actions.last_backup is not None, timeout=WAIT)
    info = window.data_actions.last_backup
    assert info.path.exists() and info.kind == "manual"
    assert len(list_backups(window.store.path)) == before + 1
    assert "Backed up" in window.statusBar().currentMessage()


def test_restoring_a_backup_brings_back_what_it_held(qtbot, window):
    run(qtbot, window, set_social_worker, "Before The Backup")
    run(qtbot, window, backup_now)
    run(qtbot, window, set_social_worker, "After The Backup")
    old_store = window.store

    dialog = open_dialog(qtbot, window, "restore_backup", RestoreDialog)
    qtbot.waitUntil(lambda: dialog.list.count() > 0, timeout=WAIT)
    assert dialog.chosen().kind == "manual"  # newest first
    assert not dialog.passphrase.isVisible()  # the demo's passphrase is built in
    qtbot.mouseClick(dialog.restore_button, LEFT)
    qtbot.waitUntil(lambda: dialog.confirm_box is not None, timeout=WAIT)
    assert "Replace your caseload with the backup from" in dialog.confirm_box.text()
    restore = next(
        b
        for b in dialog.confirm_box.buttons()
        if dialog.confirm_box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    with qtbot.waitSignal(window.storeChanged, timeout=WAIT):
        restore.click()
    assert window.store is not old_store
    idle(qtbot, window)
    assert run(qtbot, window, social_worker) == "Before The Backup"
    assert any(b.kind == "replaced" for b in list_backups(window.store.path))


def test_a_backup_that_the_passphrase_does_not_open_is_refused(qtbot, own_window):
    run(qtbot, own_window, backup_now)
    dialog = open_dialog(qtbot, own_window, "restore_backup", RestoreDialog)
    qtbot.waitUntil(lambda: dialog.list.count() > 0, timeout=WAIT)
    dialog.passphrase.setText("not the passphrase")
    qtbot.mouseClick(dialog.restore_button, LEFT)
    qtbot.waitUntil(dialog.error.isVisible, timeout=WAIT)
    assert "does not open with that passphrase" in dialog.error.text()
    assert dialog.confirm_box is None
    dialog.close()


def test_the_passphrase_changes_and_only_the_new_one_opens_the_file(qtbot, own_window):
    path = own_window.store.path
    # From the settings dialog's button, as from the File menu.
    own_window.open_settings()
    qtbot.waitUntil(
        lambda: own_window.settings_dialog is not None and own_window.settings_dialog.isVisible(),
        timeout=WAIT,
    )
    with qtbot.waitSignal(own_window.data_actions.dialogOpened, timeout=WAIT) as opened:
        qtbot.mouseClick(own_window.settings_dialog.change_passphrase_button, LEFT)
    own_window.settings_dialog.reject()
    dialog = opened.args[0]
    assert isinstance(dialog, ChangePassphraseDialog)

    dialog.old.setText("not my passphrase")
    dialog.new.setText(NEW_PASSPHRASE)
    assert not dialog.change_button.isEnabled()
    dialog.again.setText(NEW_PASSPHRASE)
    assert "Strong" in dialog.strength.text()
    qtbot.mouseClick(dialog.change_button, LEFT)
    qtbot.waitUntil(dialog.error.isVisible, timeout=WAIT)
    assert "not the caseload's current passphrase" in dialog.error.text()
    assert run(qtbot, own_window, lambda store: raw_db(store)["children"].count) == 0  # still open

    dialog.old.setText(PASSPHRASE)
    with qtbot.waitSignal(own_window.storeChanged, timeout=WAIT):
        qtbot.mouseClick(dialog.change_button, LEFT)
    idle(qtbot, own_window)
    close_window(own_window)
    with pytest.raises(WrongPassphrase):
        open_store(path, PASSPHRASE)
    open_store(path, NEW_PASSPHRASE).close()


def test_subject_access_export_writes_a_word_document(qtbot, window, tmp_path):
    window.open_child(MASON, None)
    qtbot.waitUntil(lambda: window.child_view.current_child_ref() == MASON, timeout=WAIT)
    button = window.child_view.findChild(QPushButton, "subject_accessButton")
    with qtbot.waitSignal(window.data_actions.dialogOpened, timeout=WAIT) as opened:
        qtbot.mouseClick(button, LEFT)  # the child view's own button
    dialog = opened.args[0]
    assert isinstance(dialog, SubjectAccessDialog)
    assert MASON in dialog.file_row.path().name
    out = tmp_path / "sar.docx"
    dialog.file_row.set_path(out)
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    assert zipfile.is_zipfile(out)
    assert "personal data" in dialog.result_label.text()


def archive_long_ago(store):
    history.update(store, "children", child_id(store, MASON), {"archived_on": date(2020, 1, 6)})
    save_settings(store, replace(load_settings(store), retention_months_after_archive=24))


def still_there(store):
    return raw_db(store)["children"].count_where("child_ref = ?", [MASON])


def test_purge_lists_who_goes_and_removes_them_only_when_confirmed(qtbot, window):
    run(qtbot, window, archive_long_ago)
    dialog = open_dialog(qtbot, window, "purge", PurgeDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=WAIT)
    rows = [
        [dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())
    ]
    assert rows == [[MASON, rows[0][1], "06/01/2020"]] and len(rows[0][1]) == 2
    assert "24 month(s)" in dialog.summary.text()
    assert "cannot be undone" in dialog.warning.text()
    assert not dialog.purge_button.isEnabled()
    qtbot.mouseClick(dialog.purge_button, LEFT)  # disabled: nothing happens
    idle(qtbot, window)
    assert run(qtbot, window, still_there) == 1

    dialog.confirm.setChecked(True)
    assert dialog.purge_button.isEnabled()
    qtbot.mouseClick(dialog.purge_button, LEFT)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=WAIT)
    assert dialog.result.children == 1
    idle(qtbot, window)
    assert run(qtbot, window, still_there) == 0


def test_a_damaged_caseload_offers_its_latest_good_backup(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "mine.iro.db"
    store = open_store(path, PASSPHRASE, create=True)
    info = backup_now(store)
    store.close()
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)
    path.write_bytes(bytes(data))

    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    from iro_desktop.gui.app import launch

    from .conftest import TODAY

    window = launch(path, False, TODAY)
    qtbot.addWidget(window)
    try:

        def offer():
            boxes = [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.windowTitle() == "Damaged caseload file"
            ]
            return boxes[0] if boxes else None

        qtbot.waitUntil(lambda: offer() is not None and offer().isVisible(), timeout=WAIT)
        box = offer()
        assert "mine.iro.db is damaged" in box.text()
        assert f"latest good backup is from {info.describe()}" in box.text()
        assert window.store is None  # nothing opened, nothing written
        # The safe answer is the default: Enter never restores (issue 14).
        assert box.defaultButton().text() == "&Not now"
        assert box.escapeButton() is box.defaultButton()
        restore = next(b for b in box.buttons() if "Restore" in b.text())
        assert restore is not box.defaultButton()
        with qtbot.waitSignal(window.storeChanged, timeout=WAIT):
            restore.click()
        assert window.store is not None and window.store.path == path
        idle(qtbot, window)
    finally:
        close_window(window)


# -- issue 14: the window and another process, the old passphrase, a missing file ---------------
def _cli(*argv, **env):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    clean = {k: v for k, v in os.environ.items() if not k.startswith("IRO_DESKTOP_")}
    clean.update(PYTHONPATH=str(root), IRO_DESKTOP_PASSPHRASE=PASSPHRASE, **env)
    return subprocess.run(
        [sys.executable, "-m", "iro_desktop", *argv],
        capture_output=True,
        text=True,
        env=clean,
        cwd=root,
        timeout=120,
    )


def test_restore_and_passphrase_from_the_command_line_are_refused_while_the_window_is_open(
    qtbot, own_window
):
    path = own_window.store.path
    backup = run(qtbot, own_window, backup_now)
    run(qtbot, own_window, lambda store: add_child(store, ref="W1"))
    restore = _cli("restore", "--db", str(path), str(backup.path))
    assert restore.returncode == 1 and "open in IRO Desktop since" in restore.stderr
    change = _cli("passphrase", "--db", str(path), IRO_DESKTOP_NEW_PASSPHRASE=NEW_PASSPHRASE)
    assert change.returncode == 1 and "open in IRO Desktop since" in change.stderr
    listed = _cli("backup", "--db", str(path), "--list", "--json")  # reads work beside it
    assert listed.returncode == 0, listed.stderr
    # The window's file was never swapped: what it saves after still lands.
    run(qtbot, own_window, lambda store: add_child(store, ref="W2"))
    refs = run(qtbot, own_window, lambda s: [r["child_ref"] for r in raw_db(s)["children"].rows])
    assert sorted(refs) == ["W1", "W2"]


def test_the_old_passphrase_is_named_and_never_offers_a_restore(qtbot, tmp_path):
    from iro_desktop.gui.app import launch
    from iro_desktop.gui.dialogs.unlock import UnlockDialog
    from iro_desktop.services.passphrases import change_passphrase

    from .conftest import TODAY

    path = tmp_path / "mine.iro.db"
    store = open_store(path, PASSPHRASE, create=True)
    backup_now(store)
    store.close()
    change_passphrase(path, PASSPHRASE, NEW_PASSPHRASE, rekey_backups_too=False)
    window = launch(path, False, TODAY)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: isinstance(window.opener.dialog, UnlockDialog), timeout=WAIT)
        dialog = window.opener.dialog
        dialog.passphrase.setText(PASSPHRASE)
        dialog.unlock_button.click()
        qtbot.waitUntil(dialog.error.isVisible, timeout=WAIT)
        today = date.today()
        assert f"from before {today.day} {today:%b %Y}" in dialog.error.text()
        assert "Use the new one" in dialog.error.text()
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        assert not [b for b in boxes if b.isVisible() and "amaged" in b.windowTitle()]
        assert window.store is None
        # Wrong tries in a row make the next one wait.
        for _ in range(2):
            qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=WAIT)
            dialog.passphrase.setText("still not the passphrase")
            dialog.unlock_button.click()
            qtbot.waitUntil(lambda: "Checking" not in dialog.unlock_button.text(), timeout=WAIT)
        assert dialog.failed_tries == 3
        assert "try again in" in dialog.error.text() and not dialog.unlock_button.isEnabled()
        qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=WAIT)
        dialog.passphrase.setText(NEW_PASSPHRASE)
        with qtbot.waitSignal(window.storeChanged, timeout=WAIT):
            dialog.unlock_button.click()
    finally:
        close_window(window)


def test_an_empty_caseload_with_backups_offers_them(qtbot, tmp_path, monkeypatch):
    from iro_desktop.gui.app import launch

    from .conftest import TODAY

    path = tmp_path / "mine.iro.db"
    store = open_store(path, PASSPHRASE, create=True)
    add_child(store, ref="E1")
    backup_now(store)
    store.close()
    path.write_bytes(b"")  # emptied (a sync client, a full disk)
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    window = launch(path, False, TODAY)
    qtbot.addWidget(window)
    try:

        def offer():
            found = [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.windowTitle() == "Caseload file missing"
            ]
            return found[0] if found and found[0].isVisible() else None

        qtbot.waitUntil(lambda: offer() is not None, timeout=WAIT)
        box = offer()
        assert "missing or empty" in box.text()
        assert box.defaultButton().text() == "&Not now"
        restore = next(b for b in box.buttons() if "Restore" in b.text())
        with qtbot.waitSignal(window.storeChanged, timeout=WAIT):
            restore.click()
        refs = run(qtbot, window, lambda s: [r["child_ref"] for r in raw_db(s)["children"].rows])
        assert refs == ["E1"]
    finally:
        close_window(window)
