"""Saving a calendar file (.ics), one way for the diary and for a single booking: ask where
(starting in Documents, with a name that holds no personal data), then write it on the worker
through ``file_job.FileJob`` while the status bar says so.

``ask_calendar_path`` is the one place a file dialog opens: tests replace it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from iro_desktop.gui.widgets.dialog_parts import default_folder
from iro_desktop.gui.widgets.file_job import FileJob
from iro_desktop.i18n import N_, _

CALENDAR_FILTER = N_("Calendar file (*.ics)")
SUFFIX = ".ics"


def ask_calendar_path(parent: QWidget, caption: str, suggested: Path) -> Path | None:
    """Where to save (the platform's dialog; tests replace this function)."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, caption, str(suggested), _(CALENDAR_FILTER)
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)


def save_calendar(
    job: FileJob,
    parent: QWidget,
    *,
    caption: str,
    file_name: str,
    write: Callable[..., Any],
    args: tuple[Any, ...],
    on_saved: Callable[[Any], object],
) -> Path | None:
    """Ask where to save ``file_name`` (in Documents), then run ``write(*args, path)`` on the
    worker; ``on_saved(result)`` after. Returns the path chosen (``None``: cancelled)."""
    path = ask_calendar_path(parent, caption, default_folder() / file_name)
    if path is None:
        return None
    job.run(
        write,
        *args,
        path,
        label=_("Saving the calendar file…"),
        busy=_("Saving the calendar file…"),
        on_result=on_saved,
    )
    return path
