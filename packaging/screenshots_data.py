"""Save a PNG of every data-in/data-out and safety dialog (import, 903 export, handover,
receive, restore, passphrase, subject access, purge, the damaged-file offer), on a fresh demo
caseload as of 23 Nov 2026. Nothing real is touched: the user's folders point at a temporary
folder first.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python packaging/screenshots_data.py \
        screenshots/data
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import TODAY, WINDOW_SIZE, Camera, _isolate_user_folders

MASON = "DB128330"
TRACKER = (
    "Child ref,Child name,DOB,Date looked after,Last review,Next review booked,Social worker,"
    "RAG\n"
    "ZZ100001,Ada Lovelace,13/04/2015,15/01/2024,25/06/2025,14/12/2026,Sam Jones,green\n"
    "ZZ100002,Bob Bright,31/02/2016,20/10/2023,,,Kim Lee,amber\n"
    "ZZ100003,Cai Evans,22/09/2012,05/05/2022,3/4/25,,Kim Lee,red\n"
    "DB128330,Mason Demo,14/03/2016,18/07/2023,,,A. Different Worker,\n"
)


def main(out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="iro-screenshots-data-"))
    _isolate_user_folders(root)

    from PySide6.QtWidgets import QApplication, QMessageBox

    from iro_desktop.gui.app import application, launch
    from iro_desktop.gui.dialogs.change_passphrase import ChangePassphraseDialog
    from iro_desktop.gui.dialogs.damaged import offer_damaged_restore
    from iro_desktop.paths import default_demo_path
    from iro_desktop.services.safety import backup_now
    from iro_desktop.services.session import create_demo
    from iro_desktop.services.settings import load_settings, save_settings
    from iro_desktop.storage import history
    from iro_desktop.storage.integrity import DamagedStore
    from iro_desktop.storage.opening import open_store
    from iro_desktop.storage.records import child_id_for

    app = application()

    camera = Camera(app, out_dir, settle_rounds=8, timeout=30.0)
    wait_until, save, saved = camera.wait_until, camera.save, camera.saved

    def run(function, *args):
        results: list[object] = []
        window.worker.submit(function, window.store, *args, on_result=results.append)
        wait_until(lambda: bool(results))
        return results[0]

    demo_path, _count = create_demo(TODAY, default_demo_path())
    window = launch(demo_path, False, TODAY)
    window.resize(*WINDOW_SIZE)
    wait_until(lambda: window.store is not None and window.worker.pending_jobs == 0)
    actions = window.data_actions

    # The child view's own buttons (Hand over…, Subject access export…).
    window.open_child(MASON, None)
    wait_until(lambda: window.child_view.current_child_ref() == MASON)
    save(window, "child-view-with-data-buttons")

    # Import: a tracker with a refused row, an ambiguous-looking date and a conflict.
    tracker = root / "my tracker.csv"
    tracker.write_text(TRACKER, encoding="utf-8")
    window.actions["import_sheet"].trigger()
    dialog = actions.dialog
    dialog.load_file(tracker)
    wait_until(lambda: dialog.preview is not None)
    save(dialog, "import-refused")
    dialog.preview_tabs.setCurrentIndex(1)
    save(dialog, "import-rows")
    tracker.write_text(TRACKER.replace("31/02/2016", "28/02/2016").replace("3/4/25", "13/4/25"))
    dialog.load_file(tracker)
    wait_until(lambda: dialog.preview is not None and dialog.import_button.isEnabled())
    save(dialog, "import-ready")
    dialog.close()

    window.actions["export_903"].trigger()
    dialog = actions.dialog
    wait_until(lambda: dialog.export is not None)
    save(dialog, "export-903")
    dialog.close()

    window.actions["hand_over"].trigger()
    dialog = actions.dialog
    wait_until(
        lambda: "handover-" in dialog.file_row.edit.text() and MASON in dialog.file_row.edit.text()
    )
    dialog.passphrase.setText("blue kettle sings loudly")
    dialog.again.setText("blue kettle sings loudly")
    save(dialog, "hand-over")
    bundle = root / "out" / dialog.file_row.path().name
    bundle.parent.mkdir()
    dialog.file_row.set_path(bundle)
    dialog.save_button.click()
    wait_until(lambda: dialog.bundle is not None)
    save(dialog, "hand-over-done")
    dialog.close()

    window.actions["receive_handover"].trigger()
    dialog = actions.dialog
    dialog.file_row.set_path(bundle)
    dialog.passphrase.setText("blue kettle sings loudly")
    dialog.open_file()
    wait_until(lambda: dialog.bundle is not None)
    save(dialog, "receive-summary")
    dialog.receive_button.click()
    wait_until(lambda: dialog.report is not None)
    save(dialog, "receive-report")
    dialog.close()

    run(backup_now)
    window.actions["backup_now"].trigger()
    wait_until(lambda: actions.last_backup is not None)
    save(window, "backed-up-status")

    window.actions["restore_backup"].trigger()
    dialog = actions.dialog
    wait_until(lambda: dialog.list.count() > 0)
    save(dialog, "restore-list")
    dialog.check_chosen()
    wait_until(lambda: dialog.confirm_box is not None and dialog.confirm_box.isVisible())
    save(dialog.confirm_box, "restore-confirm")
    dialog.confirm_box.reject()
    dialog.close()

    window.actions["change_passphrase"].trigger()  # the demo's is built in: it says so
    dialog = actions.dialog
    save(dialog, "change-passphrase-demo")
    dialog.close()

    window.actions["subject_access"].trigger()
    dialog = actions.dialog
    save(dialog, "subject-access")
    dialog.close()

    def archive_two(store):
        for ref, day in ((MASON, date(2023, 5, 2)), ("DB276287", date(2024, 2, 19))):
            history.update(store, "children", child_id_for(store, ref), {"archived_on": day})
        save_settings(store, replace(load_settings(store), retention_months_after_archive=24))

    run(archive_two)
    window.actions["purge"].trigger()
    dialog = actions.dialog
    wait_until(lambda: dialog.table.rowCount() > 0)
    save(dialog, "purge-warning")
    dialog.close()

    good = next((demo_path.parent / "backups").glob("*.iro-backup"))
    error = DamagedStore("caseload.iro.db is damaged.", latest_good_backup=good)
    box = offer_damaged_restore(window, window.worker, demo_path, None, error, lambda s: None)
    assert isinstance(box, QMessageBox)
    save(box, "damaged-offer")
    box.reject()

    # A caseload of your own: the passphrase dialog as an IRO sees it.
    own = open_store(root / "mine.iro.db", "correct horse battery staple", create=True)
    dialog = ChangePassphraseDialog(window.worker, own, window)
    dialog.old.setText("correct horse battery staple")
    dialog.new.setText("a new passphrase")
    dialog.again.setText("a new passphrase")
    dialog.show()
    save(dialog, "change-passphrase")
    dialog.close()
    own.close()

    window.close()
    QApplication.processEvents()
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: screenshots_data.py OUTDIR", file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(Path(sys.argv[1])))
