"""The app side of ``atspi_dump.sh``: the main window on a fresh demo caseload, then the "New
child" form with its problems shown, and a status message, so the AT-SPI dump sees a view, a
form and announcements. Quits by itself after ``SECONDS``.

    python packaging/accessibility/atspi_app.py FOLDER [SECONDS]
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer

from iro_desktop.gui.app import application, launch
from iro_desktop.services.session import create_demo

TODAY = date(2026, 11, 23)


def main(folder: str, seconds: float = 25.0) -> int:
    app = application()
    demo, _ = create_demo(TODAY, Path(folder) / "demo.iro.db")
    window = launch(demo, False, TODAY)
    forms = []
    window.recording.formOpened.connect(forms.append)

    def open_form() -> None:
        window.recording.open_form("child")

    def show_problems() -> None:
        if forms:
            forms[0].save_and_close()  # nothing typed: the problems appear and are announced
        window.context.say("Demo caseload open: 371 tasks.")

    def quit_now() -> None:
        for form in forms:
            form.close_for_good()
        window.recording._quit_confirmed = True
        window.close()
        app.quit()

    QTimer.singleShot(4000, open_form)
    QTimer.singleShot(9000, show_problems)
    QTimer.singleShot(int(seconds * 1000), quit_now)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 25.0))
