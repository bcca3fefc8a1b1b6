"""The way into the desktop app: ``iro-desktop`` with no command calls ``run_gui``."""

from __future__ import annotations

import os
import sys
from concurrent.futures import Future
from datetime import date
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from iro_desktop import __version__
from iro_desktop.gui.accessibility import install as install_accessibility
from iro_desktop.gui.collector import collect_on_the_gui_thread
from iro_desktop.gui.main_window import APP_TITLE, MainWindow
from iro_desktop.gui.qt_words import start_gui_language
from iro_desktop.gui.widgets.input_guard import install_input_guard
from iro_desktop.gui.worker import Worker
from iro_desktop.logs import configure_logging
from iro_desktop.package_files import shipped_folder
from iro_desktop.services.session import LaunchOpening, announce_process, tidy_data_folder

PRIVATE_UMASK = 0o077  # files the app writes are the user's alone (0600; folders 0700)


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    start_gui_language(app)  # the IRO's language (issue 19), before any window is built
    app.setApplicationName(APP_TITLE)
    app.setApplicationDisplayName(APP_TITLE)
    app.setOrganizationName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("iro-desktop")  # packaging/linux/iro-desktop.desktop
    app.setWindowIcon(QIcon(str(shipped_folder("resources") / "icons" / "iro-desktop-256.png")))
    install_input_guard(app)  # no wheel changes without focus; dates typed straight away
    install_accessibility(app)  # names, announcements, high contrast (gui/accessibility.py)
    collect_on_the_gui_thread(app)  # no garbage collection on the worker thread
    return app  # type: ignore[return-value]


def launch(
    db_path: Path | None,
    demo: bool,
    today: date | None,
    early: Future[LaunchOpening] | None = None,
) -> MainWindow:
    """Show the window and start opening a caseload: the demo, ``db_path``, the last file
    opened, or (first run) the choice of demo, new caseload or existing file. ``early``: the
    same opening, already begun by the command line before Qt was loaded."""
    announce_process("app")  # the note on an open file says "open in IRO Desktop since ..."
    application()
    window = MainWindow(Worker(), today or date.today())
    window.show()
    window.opener.start(db_path, demo, early)
    return window


def run_gui(
    db_path: Path | None,
    demo: bool,
    today: date | None,
    early: Future[LaunchOpening] | None = None,
) -> int:
    os.umask(PRIVATE_UMASK)
    configure_logging()
    announce_process("app")
    tidy_data_folder()
    app = application()
    window = launch(db_path, demo, today, early)
    code = app.exec()
    del window
    return code
