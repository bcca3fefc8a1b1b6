"""Save PNGs of the letters, decisions-record and briefing dialogs and the Figures view.

Run under a virtual X display, on a fresh demo caseload as of 23 Nov 2026:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python packaging/screenshots_documents.py \\
        screenshots

Nothing is written outside a temporary folder except the PNGs (the documents the dialogs
save go to the temporary folder too).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import TODAY, WINDOW_SIZE, Camera, _isolate_user_folders

LETTER_CHILD = "DB608704"
BRIEFING_DAY = date(2026, 11, 30)
EMPTY_DAY = date(2026, 11, 24)


def main(out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="iro-screenshots-"))
    _isolate_user_folders(scratch)

    from PySide6.QtWidgets import QApplication

    from iro_desktop.gui.app import application, launch
    from iro_desktop.gui.dialogs import document as document_dialog
    from iro_desktop.paths import default_demo_path
    from iro_desktop.services.session import create_demo

    app = application()
    document_dialog.open_in_word_processor = lambda _path: True  # never start Word here
    document_dialog.ask_save_path = lambda _p, _c, suggested: scratch / suggested.name

    camera = Camera(app, out_dir, prefix="documents-")
    wait_until, save, saved = camera.wait_until, camera.save, camera.saved

    demo_path, _count = create_demo(TODAY, default_demo_path())
    window = launch(demo_path, False, TODAY)
    window.resize(*WINDOW_SIZE)
    wait_until(lambda: window.store is not None and window.due_view.model.rowCount() > 0)
    wait_until(lambda: window.worker.pending_jobs == 0)
    idle = lambda: window.worker.pending_jobs == 0  # noqa: E731

    # The Figures view, one picture per topic.
    window.actions["show_figures"].trigger()
    wait_until(lambda: window.figures_view.figures is not None)
    wait_until(idle)
    tabs = window.figures_view.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        save(window, "figures-" + tabs.tabText(index).replace("&", "").split()[0].lower())
    for table_id, canvas in window.figures_view.canvases.items():
        for index in range(tabs.count()):
            if canvas in tabs.widget(index).findChildren(type(canvas)):
                tabs.setCurrentIndex(index)
        save(canvas, f"chart-{table_id}")
    tabs.setCurrentIndex(0)

    # The child's Reviews and Letters tabs, then the letter dialog.
    window.open_child(LETTER_CHILD, "reviews")
    wait_until(lambda: window.child_view.current_child_ref() == LETTER_CHILD)
    wait_until(idle)
    save(window, "child-reviews-with-document-buttons")
    reviews = window.child_view.tabs["reviews"]
    reviews.document_bar.buttons["letter"].click()
    wait_until(lambda: bool(window.documents.dialogs))
    letter = window.documents.dialogs[-1]
    wait_until(lambda: letter.save_button.isEnabled())
    save(letter, "letter-dialog-preview")
    letter.save()
    wait_until(lambda: letter.written_path is not None)
    save(letter, "letter-dialog-written")
    letter.close()
    wait_until(idle)

    window.child_view.set_current_tab("letters")
    wait_until(lambda: bool(window.child_view.tabs["letters"].written_rows()))
    save(window, "child-letters-tab")

    window.child_view.tabs["letters"].action_bar.buttons["decisions_record"].click()
    wait_until(lambda: bool(window.documents.dialogs))
    record = window.documents.dialogs[-1]
    wait_until(lambda: record.save_button.isEnabled())
    save(record, "decisions-record-dialog")
    record.close()
    wait_until(idle)

    window.show_due()
    briefing = window.documents.open_briefing(BRIEFING_DAY)
    wait_until(lambda: briefing.save_button.isEnabled())
    save(briefing, "briefing-dialog")
    briefing.set_day(EMPTY_DAY)
    wait_until(lambda: briefing.save_button.isEnabled())
    briefing.save()
    wait_until(lambda: bool(briefing.problem_text()))
    save(briefing, "briefing-dialog-nothing-that-day")
    briefing.close()
    save(window, "due-with-briefing-button")

    window.recording.allow_quit()
    window.close()
    QApplication.processEvents()
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: screenshots_documents.py OUTDIR", file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(Path(sys.argv[1])))
