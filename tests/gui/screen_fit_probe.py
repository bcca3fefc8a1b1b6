"""Opens the main window (each view), a form and every dialog on the screen the offscreen
platform was given, and writes what it measured as JSON (run by test_screen_fit.py in a
process of its own: the screen is fixed when Qt starts).

    python -m tests.gui.screen_fit_probe DEMO_FILE OUT_DIR
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QTextEdit,
    QWidget,
)

from iro_desktop.gui.app import application, launch

TODAY = date(2026, 11, 23)
MASON = "DB128330"


def _wait(app: QApplication, done, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def _settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _sideways(widget: QWidget) -> list[str]:
    """Names of the visible tables/trees in ``widget`` that need a sideways scroll bar."""
    return [
        view.accessibleName() or view.objectName() or type(view).__name__
        for view in widget.findChildren(QAbstractItemView)
        if view.isVisible() and view.horizontalScrollBar().maximum() > 0
    ]


def _measure(app, widget: QWidget, name: str, out: Path, results: list) -> None:
    _settle(app)
    print(name, widget.size(), widget.minimumSizeHint(), file=sys.stderr)
    frame = widget.frameGeometry()
    screen = widget.screen().availableGeometry()
    widget.grab().save(str(out / f"{name}.png"))
    size_before = widget.size()
    jumped = False
    # Typing must not change the dialog's size: type into each line edit and text box.
    for edit in widget.findChildren(QLineEdit) + widget.findChildren(QTextEdit):
        if not edit.isVisible() or not edit.isEnabled() or edit.isReadOnly():
            continue
        if isinstance(edit.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # a date or a choice: typing there is item 3's (typed dates)
        edit.setFocus()
        for text in ("x", "a much longer piece of typing" * 4, ""):
            if isinstance(edit, QLineEdit):
                edit.setText(text)
            else:
                edit.setPlainText(text)
            _settle(app, 0.05)
            if widget.size() != size_before:
                jumped = True
    results.append(
        {
            "name": name,
            "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "available": [screen.x(), screen.y(), screen.width(), screen.height()],
            "sideways": _sideways(widget),
            "jumped": jumped,
        }
    )


def main(demo_file: str, out_dir: str) -> None:
    app = application()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    window = launch(Path(demo_file), False, TODAY)
    _wait(app, lambda: window.store is not None and window.due_view.model.visible_tasks())
    results: list[dict] = []
    _measure(app, window, "main_due", out, results)
    tree = window.due_view.tree
    for row in range(4):  # the IRO's own groups closed: the others' actions to chase in view
        tree.collapse(window.due_view.model.index(row, 0))
    _measure(app, window, "main_due_to_chase", out, results)
    for row in range(4):
        tree.expand(window.due_view.model.index(row, 0))
    window.screens.show(window.caseload_view)
    _wait(app, lambda: window.caseload_view.table_view.model().rowCount() > 0)
    _measure(app, window, "main_caseload", out, results)
    for tab in ("reviews", "meetings", "decisions"):
        window.open_child(MASON, tab)
        _wait(app, lambda: window.child_view.current_child_ref() == MASON)
        _settle(app, 0.5)
        _measure(app, window, f"main_child_{tab}", out, results)
    window.screens.show(window.figures_view)
    _measure(app, window, "main_figures", out, results)
    window.show_due()

    forms = []
    window.recording.formOpened.connect(forms.append)
    window.recording.open_form("review", MASON, "review:104")
    _wait(app, lambda: forms)
    _measure(app, forms[0], "form_review", out, results)
    forms[0]._closing_ok = True
    forms[0].close()

    for name, dialog in _dialogs(window, out):
        dialog.show()
        _measure(app, dialog, f"dialog_{name}", out, results)
        dialog.done(0)
        dialog.deleteLater()
    window.recording._quit_confirmed = True
    window.close()
    print(json.dumps(results))


def _dialogs(window, folder: Path):
    """Every dialog, built as the window builds it."""
    from iro_desktop.domain.settings import Settings
    from iro_desktop.gui.dialogs.briefing import BriefingDialog
    from iro_desktop.gui.dialogs.change_passphrase import ChangePassphraseDialog
    from iro_desktop.gui.dialogs.decisions_record import DecisionsRecordDialog
    from iro_desktop.gui.dialogs.export_903 import Export903Dialog
    from iro_desktop.gui.dialogs.first_run import FirstRunDialog
    from iro_desktop.gui.dialogs.handover import HandoverDialog
    from iro_desktop.gui.dialogs.help import ShortcutsDialog
    from iro_desktop.gui.dialogs.import_sheet import ImportSheetDialog
    from iro_desktop.gui.dialogs.letter import LetterDialog
    from iro_desktop.gui.dialogs.new_caseload import NewCaseloadDialog
    from iro_desktop.gui.dialogs.purge import PurgeDialog
    from iro_desktop.gui.dialogs.receive import ReceiveDialog
    from iro_desktop.gui.dialogs.restore import RestoreDialog
    from iro_desktop.gui.dialogs.settings import SettingsDialog
    from iro_desktop.gui.dialogs.setup_wizard import SetupWizard
    from iro_desktop.gui.dialogs.subject_access import SubjectAccessDialog
    from iro_desktop.gui.dialogs.unlock import UnlockDialog
    from iro_desktop.gui.help_window import HelpWindow

    w, s = window.worker, window.store
    yield "briefing", BriefingDialog(w, s, TODAY, parent=window)
    yield "change_passphrase", ChangePassphraseDialog(w, s, window)
    yield "decisions_record", DecisionsRecordDialog(w, s, MASON, None, TODAY, "Mason", window)
    yield "export_903", Export903Dialog(w, s, TODAY, folder, window)
    yield "first_run", FirstRunDialog(window)
    yield "handover", HandoverDialog(w, s, MASON, TODAY, folder, window)
    yield "shortcuts", ShortcutsDialog(window)
    yield "help_guide", HelpWindow(window)
    yield "import_sheet", ImportSheetDialog(w, s, TODAY, window)
    yield "letter", LetterDialog(w, s, MASON, None, TODAY, "Mason", window)
    yield "new_caseload", NewCaseloadDialog(folder / "new.iro.db", window)
    yield "purge", PurgeDialog(w, s, TODAY, window)
    yield "receive", ReceiveDialog(w, s, folder, window)
    yield "restore", RestoreDialog(w, s, window)
    yield "settings", SettingsDialog(Settings(), window)
    yield "setup_wizard", SetupWizard(Settings(), window)
    yield "subject_access", SubjectAccessDialog(w, s, MASON, TODAY, folder, window)
    yield "unlock", UnlockDialog(s.path, window)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
