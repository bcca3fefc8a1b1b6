"""Data in and out through the real dialogs, offscreen: the spreadsheet import (mapping,
refusals, import), the 903 export, and a handover made on one caseload and received into
another through File > Receive handover."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from iro_desktop.gui.dialogs.export_903 import Export903Dialog, last_collection_year
from iro_desktop.gui.dialogs.handover import HandoverDialog
from iro_desktop.gui.dialogs.import_sheet import COL_HEADER, ImportSheetDialog
from iro_desktop.gui.dialogs.receive import ReceiveDialog
from iro_desktop.gui.shortcuts import ACTIONS, FILE_MENU, shortcut_rows
from iro_desktop.services.session import PASSPHRASE_ENV
from iro_desktop.storage.opening import open_store

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WAIT = 15_000
MASON = "DB128330"
LEFT = Qt.MouseButton.LeftButton
SECOND_PASSPHRASE = "the second caseload's passphrase"
HEADINGS = "Child ref,Child name,DOB,Date looked after,Last review,Social worker\n"
BAD_TRACKER = HEADINGS + (
    "ZZ100001,Ada Lovelace,13/04/2015,15/01/2024,25/06/2025,Sam Jones\n"
    "ZZ100002,Bob Bright,31/02/2016,20/10/2023,,Kim Lee\n"
)
GOOD_TRACKER = BAD_TRACKER.replace("31/02/2016", "28/02/2016")


def launch_window(qtbot, path):
    from iro_desktop.gui.app import launch

    window = launch(path, False, TODAY)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.store is not None, timeout=WAIT)
    idle(qtbot, window)
    return window


def close_window(window) -> None:
    if window.data_actions.dialog is not None:
        window.data_actions.dialog.close()
    window.recording.allow_quit()
    window.close()


def idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.worker.pending_jobs == 0, timeout=WAIT)


@pytest.fixture
def window(qtbot, demo_file):
    made = launch_window(qtbot, demo_file)
    yield made
    close_window(made)


def open_dialog(qtbot, window, action: str, kind):
    with qtbot.waitSignal(window.data_actions.dialogOpened, timeout=WAIT) as opened:
        window.actions[action].trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, kind)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    return dialog


def test_every_data_action_is_in_the_file_menu_and_the_shortcut_list():
    names = {
        "import_sheet",
        "export_903",
        "hand_over",
        "receive_handover",
        "subject_access",
        "backup_now",
        "restore_backup",
        "change_passphrase",
        "purge",
    }
    specs = {spec.name: spec for spec in ACTIONS if spec.name in names}
    assert set(specs) == names
    assert all(spec.menu == FILE_MENU for spec in specs.values())
    listed = {what for _keys, what, _where in shortcut_rows()}
    for name in ("import_sheet", "export_903", "hand_over", "receive_handover", "backup_now"):
        assert specs[name].keys
        assert specs[name].text.replace("&", "").rstrip("…") in listed


def test_a_spreadsheet_is_previewed_refused_then_imported(qtbot, window, tmp_path):
    tracker = tmp_path / "my tracker.csv"
    tracker.write_text(BAD_TRACKER, encoding="utf-8")
    dialog = open_dialog(qtbot, window, "import_sheet", ImportSheetDialog)

    dialog.load_file(tracker)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT)
    # The mapping: one row per column, each with its heading, samples and a field combo.
    assert dialog.mapping_table.rowCount() == 6
    assert dialog.mapping_table.item(0, COL_HEADER).text() == "Child ref"
    assert [combo.currentData() for combo in dialog.combos] == [
        "child_ref",
        "child_name",
        "dob",
        "looked_after_from",
        "last_review",
        "social_worker",
    ]
    # The refused row, with its reason, before anything is written; Import disabled.
    refused = [
        [dialog.refusals_table.item(r, c).text() for c in range(4)]
        for r in range(dialog.refusals_table.rowCount())
    ]
    assert refused == [["3", "C DOB", "31/02/2016", "'31/02/2016' is not a real date"]]
    assert "nothing will be imported" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()

    # Without a reference column nothing can be matched: the IRO is told, Import stays off.
    dialog.set_field("A", None)
    qtbot.waitUntil(lambda: "reference" in dialog.summary.text(), timeout=WAIT)
    assert not dialog.import_button.isEnabled()
    dialog.set_field("A", "child_ref")
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT)

    # The corrected file imports, and the caseload view gains the children.
    tracker.write_text(GOOD_TRACKER, encoding="utf-8")
    dialog.load_file(tracker)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=WAIT)
    assert dialog.refusals_table.rowCount() == 0
    assert window.caseload_view.model.row_for_ref("ZZ100001") is None
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    assert dialog.report.added == 2
    assert "Imported: 2 new child(ren)" in dialog.summary.text()
    qtbot.waitUntil(
        lambda: window.caseload_view.model.row_for_ref("ZZ100001") is not None, timeout=WAIT
    )
    assert window.caseload_view.model.row_for_ref("ZZ100002") is not None


def test_the_903_export_writes_the_three_tables(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window, "export_903", Export903Dialog)
    assert dialog.year.value() == last_collection_year(TODAY) == 2026
    qtbot.waitUntil(lambda: dialog.export is not None, timeout=WAIT)
    if dialog.export.problems:  # then the IRO must choose to write them anyway
        assert dialog.problems_table.rowCount() == len(dialog.export.problems)
        assert not dialog.export_button.isEnabled()
        dialog.anyway.setChecked(True)
    assert dialog.export_button.isEnabled()
    dialog.folder_row.set_path(tmp_path / "903")
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=WAIT)
    names = {p.name for p in (tmp_path / "903").iterdir()}
    assert {"header.csv", "episodes.csv", "reviews.csv"} <= names
    episodes = (tmp_path / "903" / "episodes.csv").read_text(encoding="utf-8").splitlines()
    assert episodes[0].startswith("CHILD,DECOM")
    assert len(episodes) > 1
    assert "Written to" in dialog.summary.text()


def test_a_child_handed_over_is_received_once_into_another_caseload(
    qtbot, window, tmp_path, monkeypatch
):
    window.open_child(MASON, None)
    qtbot.waitUntil(lambda: window.child_view.current_child_ref() == MASON, timeout=WAIT)
    dialog = open_dialog(qtbot, window, "hand_over", HandoverDialog)
    qtbot.waitUntil(lambda: MASON in dialog.file_row.edit.text(), timeout=WAIT)
    assert dialog.file_row.path().name.startswith("handover-")
    assert dialog.file_row.path().suffix == ".iro"
    assert not dialog.save_button.isEnabled()
    dialog.passphrase.setText("blue kettle sings loudly")
    dialog.again.setText("blue kettle sings loudly!")
    assert "differ" in dialog.strength.text()
    assert not dialog.save_button.isEnabled()
    dialog.again.setText("blue kettle sings loudly")
    assert dialog.save_button.isEnabled()
    bundle_path = tmp_path / "out" / dialog.file_row.path().name
    bundle_path.parent.mkdir()
    dialog.file_row.set_path(bundle_path)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.bundle is not None, timeout=WAIT)
    assert bundle_path.exists()
    dialog.close()

    second = tmp_path / "second.iro.db"
    open_store(second, SECOND_PASSPHRASE, create=True).close()
    monkeypatch.setenv(PASSPHRASE_ENV, SECOND_PASSPHRASE)
    other = launch_window(qtbot, second)
    try:
        for attempt in (1, 2):
            receive = open_dialog(qtbot, other, "receive_handover", ReceiveDialog)
            receive.file_row.set_path(bundle_path)
            receive.passphrase.setText("wrong passphrase")
            qtbot.mouseClick(receive.open_button, LEFT)
            qtbot.waitUntil(receive.error.isVisible, timeout=WAIT)
            assert "passphrase does not open" in receive.error.text()
            assert not receive.receive_button.isEnabled()

            receive.passphrase.setText("blue kettle sings loudly")
            qtbot.mouseClick(receive.open_button, LEFT)
            qtbot.waitUntil(lambda r=receive: r.bundle is not None, timeout=WAIT)
            # The summary (reference and initials) comes first; nothing is written yet.
            rows = [[receive.children_table.item(0, c).text() for c in range(2)]]
            assert rows[0][0] == MASON and len(rows[0][1]) == 2
            if attempt == 1:
                assert other.caseload_view.model.rowCount() == 0
            qtbot.mouseClick(receive.receive_button, LEFT)
            qtbot.waitUntil(lambda r=receive: r.report is not None, timeout=WAIT)
            assert receive.report.changed == (attempt == 1)
            qtbot.waitUntil(
                lambda: other.caseload_view.model.row_for_ref(MASON) is not None, timeout=WAIT
            )
            assert other.caseload_view.model.rowCount() == 1
            receive.close()
            idle(qtbot, other)
    finally:
        close_window(other)


@pytest.mark.parametrize(
    ("answer", "kept_name", "episodes"),
    [
        ("Leave them out", "Tomos", 0),
        ("Same child: keep my details", "Tomos", 1),
        ("Cancel", None, 0),
    ],
)
def test_a_different_child_under_the_same_reference_is_the_iros_choice(
    qtbot, tmp_path, answer, kept_name, episodes
):
    """Receiving refuses first (nothing written) and asks; Cancel, the default, changes
    nothing; neither choice ever overwrites the name or date of birth held here."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from iro_desktop.exchange.handover import write_handover
    from iro_desktop.gui.worker import Worker
    from iro_desktop.storage import history
    from iro_desktop.storage.records import load_child_record

    sender = open_store(tmp_path / "s.iro.db", "pw", create=True)
    cid = history.insert(sender, "children", {"child_ref": "HB100001", "first_name": "Siân",
                         "last_name": "Pryce", "dob": "2014-05-06"})  # fmt: skip
    history.insert(sender, "episodes", {"child_id": cid, "decom": "2024-02-01", "rne": "S",
                   "ls": "C2", "place": "U4"})  # fmt: skip
    write_handover(sender, ["HB100001"], tmp_path / "h.iro", "blue kettle sings loudly")
    sender.close()
    receiver = open_store(tmp_path / "r.iro.db", "pw", create=True)
    history.insert(receiver, "children", {"child_ref": "HB100001", "first_name": "Tomos",
                   "last_name": "Ellis", "dob": "2011-09-01"})  # fmt: skip

    worker = Worker()
    dialog = ReceiveDialog(worker, receiver, tmp_path)
    qtbot.addWidget(dialog)
    dialog.file_row.set_path(tmp_path / "h.iro")
    dialog.passphrase.setText("blue kettle sings loudly")
    qtbot.mouseClick(dialog.open_button, LEFT)
    qtbot.waitUntil(lambda: dialog.bundle is not None, timeout=WAIT)
    asked: list[str] = []

    def answer_the_question() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer_the_question)
            return
        asked.append(box.text())
        assert box.defaultButton().text() == "&Cancel"
        chosen = next(b for b in box.buttons() if b.text().replace("&", "") == answer)
        chosen.click()

    QTimer.singleShot(20, answer_the_question)
    qtbot.mouseClick(dialog.receive_button, LEFT)
    if kept_name is None:
        qtbot.waitUntil(lambda: "Nothing was received" in dialog.summary.text(), timeout=WAIT)
        assert dialog.report is None
    else:
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    assert asked and "HB100001" in asked[0] and "Siân" not in asked[0]
    record = load_child_record(receiver, "HB100001")
    assert record is not None and record.child.first_name == "Tomos"
    assert record.child.dob.isoformat() == "2011-09-01"
    assert len(record.episodes) == episodes
    worker.shutdown()
    receiver.close()
