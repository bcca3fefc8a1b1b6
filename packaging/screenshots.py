"""Save a PNG of every view and dialog, on a fresh demo caseload as of 23 Nov 2026.

Run under a virtual X display (screenshots/ is git-ignored):

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python packaging/screenshots.py screenshots

The user's folders are pointed at a temporary folder first, so no real caseload, demo or
remembered path is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TODAY = date(2026, 11, 23)
WINDOW_SIZE = (1280, 800)
WRONG_PASSPHRASE_EXAMPLE = (
    "That passphrase does not open caseload.iro.db. Check Caps Lock and try again; "
    "nothing in the file has been changed."
)


def _isolate_user_folders(root: Path) -> None:
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        os.environ[var] = str(root / sub)
    os.environ.pop("IRO_DESKTOP_PASSPHRASE", None)


class Camera:
    """Drives the Qt event loop until the app is ready, and saves numbered PNGs of widgets."""

    def __init__(
        self, app, out_dir: Path, *, prefix: str = "", settle_rounds: int = 5, timeout: float = 20.0
    ) -> None:
        self.app, self.out_dir, self.prefix = app, out_dir, prefix
        self.settle_rounds, self.timeout = settle_rounds, timeout
        self.saved: list[Path] = []

    def wait_until(self, condition: Callable[[], bool], timeout: float | None = None) -> None:
        from PySide6.QtCore import QEventLoop

        deadline = time.monotonic() + (timeout or self.timeout)
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the app did not get there in time")
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.01)

    def settle(self) -> None:
        for _ in range(self.settle_rounds):
            self.app.processEvents()
            time.sleep(0.02)

    def save(self, widget, name: str) -> Path:
        self.settle()
        path = self.out_dir / f"{self.prefix}{len(self.saved) + 1:02d}-{name}.png"
        widget.grab().save(str(path))
        self.saved.append(path)
        return path


def main(out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    _isolate_user_folders(Path(tempfile.mkdtemp(prefix="iro-screenshots-")))

    from PySide6.QtWidgets import QApplication

    from iro_desktop.gui.app import application, launch
    from iro_desktop.gui.dialogs.first_run import FirstRunDialog
    from iro_desktop.gui.dialogs.new_caseload import NewCaseloadDialog
    from iro_desktop.gui.dialogs.unlock import UnlockDialog
    from iro_desktop.gui.views.child import TAB_NAMES
    from iro_desktop.paths import default_demo_path
    from iro_desktop.services.session import create_demo
    from iro_desktop.storage.errors import WrongPassphrase

    app = application()

    camera = Camera(app, out_dir)
    wait_until, save, saved = camera.wait_until, camera.save, camera.saved

    demo_path, _count = create_demo(TODAY, default_demo_path())
    window = launch(demo_path, False, TODAY)
    window.resize(*WINDOW_SIZE)
    wait_until(lambda: window.store is not None and window.due_view.model.rowCount() > 0)
    wait_until(lambda: sum(window.due_view.model.group_counts().values()) > 0)
    wait_until(lambda: window.worker.pending_jobs == 0)
    save(window, "due")

    window.actions["show_caseload"].trigger()
    save(window, "caseload")

    first = window.due_view.model.index(0, 0, window.due_view.model.index(0, 0))
    from iro_desktop.gui.models.due_model import TASK_ROLE

    child_ref = first.data(TASK_ROLE).child_ref
    window.open_child(child_ref, TAB_NAMES[0])
    wait_until(lambda: window.child_view.current_child_ref() == child_ref)
    for tab in TAB_NAMES:
        window.child_view.set_current_tab(tab)
        save(window, f"child-{tab}")

    window.show_due()
    window.open_settings()
    wait_until(lambda: window.settings_dialog is not None and window.settings_dialog.isVisible())
    save(window.settings_dialog, "settings-dialog")
    window.settings_dialog.reject()

    save(window.open_shortcuts(), "shortcuts-dialog")
    window.shortcuts_dialog.close()

    for name, dialog in (
        ("first-run-dialog", FirstRunDialog(window)),
        ("unlock-dialog", UnlockDialog(Path.home() / "caseload.iro.db", window)),
        ("new-caseload-dialog", NewCaseloadDialog(Path.home() / "caseload.iro.db", window)),
    ):
        if isinstance(dialog, UnlockDialog):
            dialog.show_error(str(WrongPassphrase(WRONG_PASSPHRASE_EXAMPLE)))
        if isinstance(dialog, NewCaseloadDialog):
            dialog.passphrase.setText("blue kettle sings")
            dialog.again.setText("blue kettle sings")
        dialog.show()
        save(dialog, name)
        dialog.close()

    window.close()
    QApplication.processEvents()
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: screenshots.py OUTDIR", file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(Path(sys.argv[1])))
