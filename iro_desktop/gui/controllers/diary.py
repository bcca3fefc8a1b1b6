"""File > Save diary as calendar file: every booked review, pre-review meeting and deadline
of the IRO's own as an .ics file for Outlook, Google or Apple calendars
(``services/diary.py``), saved on the worker while the status bar says so."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from iro_desktop.errors import UserError
from iro_desktop.gui.context import AppContext
from iro_desktop.gui.widgets.calendar_file import save_calendar
from iro_desktop.gui.widgets.file_job import FileJob
from iro_desktop.gui.worker import show_error_dialog
from iro_desktop.i18n import _
from iro_desktop.services.session import Store

if TYPE_CHECKING:  # the diary (exchange, icalendar) loads on first use: a lean start
    from iro_desktop.services.diary import DiaryWritten


def write_diary(store: Store, today: date, path: Path) -> DiaryWritten:
    """The job, on the worker thread."""
    from iro_desktop.services import diary as diary_service

    return diary_service.export_diary(store, path, today)


class _StatusBusy:
    """The status bar as the job's ``file_job.Busy``."""

    def __init__(self, context: AppContext) -> None:
        self._context = context

    def start(self, text: str) -> None:
        self._context.say(text, 0)

    def stop(self) -> None:
        pass  # the result (or the error) replaces the message


class DiaryController(QObject):
    saved = Signal(object)  # DiaryWritten

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self._parent = parent
        self._job = FileJob(parent, context.worker, _StatusBusy(context), self._failed)

    def action_handlers(self) -> dict[str, Callable[[], object]]:
        return {"save_diary": self.save_diary}

    def save_diary(self) -> Path | None:
        store = self.context.require_store()
        if store is None:
            return None
        today = self.context.today
        from iro_desktop.services.diary import diary_file_name

        return save_calendar(
            self._job,
            self._parent,
            caption=_("Save your diary as a calendar file"),
            file_name=diary_file_name(today),
            write=write_diary,
            args=(store, today),
            on_saved=self._saved,
        )

    def _saved(self, written: DiaryWritten) -> None:
        self.context.say(
            written.message() + " " + _("Open it with your calendar to add or update the entries."),
            15_000,
        )
        self.saved.emit(written)

    def _failed(self, message: str) -> None:
        self.context.say(message, 15_000)
        show_error_dialog(UserError(message))
