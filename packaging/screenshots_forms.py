"""Save a PNG of every recording form (and the lock screen and the drafts prompt), on a fresh
demo caseload as of 23 Nov 2026, at the scale Qt is run at and with a dark palette.

Run under a virtual X display, once at 100% and once at 200% (screenshots/ is git-ignored):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python packaging/screenshots_forms.py \
        screenshots/forms-100
    QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 3200x2000x24" .venv/bin/python \
        packaging/screenshots_forms.py screenshots/forms-200

Add ``--dark`` to use a dark Fusion palette (the high-contrast check).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import TODAY, Camera, _isolate_user_folders

MASON = "DB128330"  # 10, review booked and overdue
RAYAN = "DB288922"  # an open challenge
ZAINAB = "DB402543"  # open decisions
IFAN = "DB385406"  # prefers Welsh


def _dark_palette():
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#1e1e1e"),
        (QPalette.ColorRole.WindowText, "#ffffff"),
        (QPalette.ColorRole.Base, "#121212"),
        (QPalette.ColorRole.AlternateBase, "#2a2a2a"),
        (QPalette.ColorRole.Text, "#ffffff"),
        (QPalette.ColorRole.Button, "#2d2d2d"),
        (QPalette.ColorRole.ButtonText, "#ffffff"),
        (QPalette.ColorRole.Highlight, "#ffd54f"),
        (QPalette.ColorRole.HighlightedText, "#000000"),
        (QPalette.ColorRole.ToolTipBase, "#000000"),
        (QPalette.ColorRole.ToolTipText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#bdbdbd"),
    ):
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#9e9e9e"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#9e9e9e"))
    return palette


def main(out_dir: Path, dark: bool) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    _isolate_user_folders(Path(tempfile.mkdtemp(prefix="iro-form-screenshots-")))

    from PySide6.QtWidgets import QApplication

    from iro_desktop.gui.app import application, launch
    from iro_desktop.gui.forms.editors import to_qdate
    from iro_desktop.paths import default_demo_path
    from iro_desktop.services.drafts import save_draft
    from iro_desktop.services.session import create_demo
    from iro_desktop.storage.records import load_child_record

    app = application()
    if dark:
        app.setStyle("Fusion")
        app.setPalette(_dark_palette())

    camera = Camera(app, out_dir, settle_rounds=6)
    wait_until, save, saved = camera.wait_until, camera.save, camera.saved
    settle = camera.settle

    demo_path, _count = create_demo(TODAY, default_demo_path())
    window = launch(demo_path, False, TODAY)
    window.resize(1280, 800)
    wait_until(lambda: window.store is not None and window.worker.pending_jobs == 0)
    wait_until(lambda: sum(window.due_view.model.group_counts().values()) > 0)

    def open_form(kind: str, child_ref: str = "", record_ref: str = ""):
        opened: list = []
        window.recording.formOpened.connect(opened.append)
        window.recording.open_form(kind, child_ref, record_ref)
        wait_until(lambda: bool(opened))
        window.recording.formOpened.disconnect(opened.append)
        form = opened[0]
        wait_until(lambda: form.isVisible())
        return form

    def shoot(kind: str, child_ref: str = "", record_ref: str = "", fill=None, full=False):
        form = open_form(kind, child_ref, record_ref)
        if fill is not None:
            fill(form)
        save(form, f"{kind}-form")
        if full:  # the whole form, as if the window were tall enough
            save(form.ui, f"{kind}-form-all")
        form.close_for_good()
        settle()

    def late_review(form) -> None:
        combo = form.field("review_code")
        combo.setCurrentIndex(combo.findData("PN0"))  # refused: Mason is 10
        form.parts.add_button.click()
        form.parts.rows[1].fields["held_on"].setDate(to_qdate(TODAY.replace(day=20)))
        form.parts.rows[1].fields["venue"].setText("School")
        form.decisions.add_button.click()
        form.decisions.rows[0].fields["what"].setText("Book a dentist appointment")

    def midpoint(form) -> None:
        rows = form.steps.rows
        if len(rows) > 2:
            rows[1].fields["action"].setCurrentIndex(2)  # carry
            rows[2].fields["action"].setCurrentIndex(3)  # drop: needs a reason

    decision = next(d.id for d in load_child_record(window.store, ZAINAB).decisions if d.is_open)
    shoot("child", fill=lambda f: f.people.add_row({"name": "Dana Webb", "language": "cy"}))
    shoot("edit_child", MASON)
    shoot("episode", MASON)
    shoot("booking", MASON)
    shoot("consultation", MASON)
    shoot("meeting", MASON)
    shoot("contact", MASON)
    shoot("review", MASON, "review:104", fill=late_review, full=True)
    shoot("review", IFAN)  # Welsh
    shoot("circulated", MASON)
    shoot("midpoint", ZAINAB, fill=midpoint, full=True)
    shoot("challenge", MASON)
    challenge = next(c.id for c in load_child_record(window.store, RAYAN).challenges if c.is_open)
    for kind in ("escalate", "challenge_response", "cafcass", "resolve"):
        shoot(kind, RAYAN, f"challenge:{challenge}")
    for kind in ("decision", "carry", "drop"):
        shoot(kind, ZAINAB, f"decision:{decision}")

    # The unsaved-changes question, the lock screen and the drafts offered back.
    form = open_form("contact", MASON)
    form.field("note").setPlainText("Talked about football")
    form.reject()
    wait_until(lambda: form.prompt is not None and form.prompt.isVisible())
    save(form.prompt, "unsaved-changes-prompt")
    form.prompt.close()
    form.close_for_good()

    window.autolock.lock_now()
    wait_until(lambda: window.autolock.dialog is not None and window.autolock.dialog.isVisible())
    save(window, "locked-window")
    save(window.autolock.dialog, "unlock-dialog")
    window.autolock.unlock()

    save_draft(window.store, "review", {"worries": "x"}, child_ref=MASON, record_ref="review:104")
    window.recording.offer_drafts()
    wait_until(lambda: window.recording.drafts_box is not None)
    save(window.recording.drafts_box, "drafts-offered")
    window.recording.drafts_box.close()

    window.recording.allow_quit()
    window.close()
    QApplication.processEvents()
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--dark"]
    if len(args) != 1:
        print("usage: screenshots_forms.py OUTDIR [--dark]", file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(Path(args[0]), "--dark" in sys.argv))
