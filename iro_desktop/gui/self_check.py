"""The window half of ``iro-desktop self-check``: open the main window on a caseload, build
every recording form from its Designer file, then close. Run offscreen by the command (and by
the packaging smoke tests), so an install can be checked with no one at the screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from iro_desktop.errors import UserError
from iro_desktop.gui.app import application, launch
from iro_desktop.gui.forms import FORMS, WITHOUT_CHILD
from iro_desktop.gui.forms.base import FormContext, FormHost
from iro_desktop.gui.forms.loader import load_ui
from iro_desktop.i18n import _
from iro_desktop.package_files import shipped_folder
from iro_desktop.services.caseload import caseload
from iro_desktop.services.child import child_detail
from iro_desktop.services.session import open_demo_if_demo

WAIT_MS = 60_000


class SelfCheckFailed(UserError):
    """The window or a form could not be built: the message says which."""


def _wait_for(signal) -> None:
    loop = QEventLoop()
    arrived: list[bool] = []
    signal.connect(lambda *_args: (arrived.append(True), loop.quit()))
    QTimer.singleShot(WAIT_MS, loop.quit)
    loop.exec()
    if not arrived:
        raise SelfCheckFailed(
            _("The main window did not show the due list within %(seconds)d s.")
            % {"seconds": WAIT_MS // 1000}
        )


def check_window_and_forms(demo_path: Path, today: date, say: Callable[[str], None]) -> None:
    """Open the window on ``demo_path`` (a demo file) and build every form; raise if any fails."""
    application()
    window = launch(demo_path, False, today)
    try:
        _wait_for(window.dueLoaded)
        say(_("Main window opened on the demo: %(title)s") % {"title": window.windowTitle()})
        for ui_file in sorted(shipped_folder("ui").glob("*.ui")):
            load_ui(ui_file.name, None).deleteLater()
        store = open_demo_if_demo(demo_path)
        if store is None:
            raise SelfCheckFailed(_("%(path)s is not a demo caseload.") % {"path": demo_path})
        try:
            with_decision = next(
                o.record.child.child_ref
                for o in caseload(store, today)
                if any(d.is_open for d in o.record.decisions)
            )
            detail = child_detail(store, with_decision, today)
            for kind, form_class in sorted(FORMS.items()):
                record_ref = ""
                if kind in {"decision", "carry", "drop"} and detail is not None:
                    open_id = next(d.id for d in detail.record.decisions if d.is_open)
                    record_ref = f"decision:{open_id}"
                context = (
                    FormContext(today)
                    if kind in WITHOUT_CHILD
                    else FormContext(today, with_decision, record_ref, detail)
                )
                form = form_class(FormHost(window.worker, store), context)
                form.close_for_good()
                form.deleteLater()
            say(
                _("Built every form from its Designer file: %(forms)s forms.")
                % {"forms": len(FORMS)}
            )
        finally:
            store.close()
    finally:
        window.recording.allow_quit()
        window.close()
        window.deleteLater()
