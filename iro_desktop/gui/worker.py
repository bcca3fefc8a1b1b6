"""All database work runs here: one worker thread, a queue of jobs, results back by signal.

A job is a plain callable and its arguments (usually a services function and the store). Jobs
run one after another, in the order they were submitted, on a single QThread, so the store's
connection is only ever used from that thread and the window never freezes. Each job's result
comes back to a callback on the GUI thread; an error goes to the job's error callback, or to
the worker's (a dialog showing ``str(error)``: the store's errors are written for the user).

A job still running after half a second shows the busy indicator (see ``BusyIndicator``).
"""

from __future__ import annotations

import itertools
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMessageBox, QProgressBar, QWidget

from iro_desktop.errors import UserError
from iro_desktop.gui.widgets.standard_buttons import name_standard_buttons
from iro_desktop.i18n import _
from iro_desktop.services.session import explain

SLOW_JOB_MS = 500


ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


@dataclass
class Job:
    job_id: int
    function: Callable[..., Any]
    args: tuple[Any, ...]
    label: str
    on_result: ResultCallback | None = None
    on_error: ErrorCallback | None = None
    kwargs: dict[str, Any] = field(default_factory=dict)


def user_message(error: BaseException) -> str:
    """What to tell the IRO: our own errors are written for them; a busy or read-only file,
    a full disk ... each its own message (``services.session.explain``); anything else is a
    bug."""
    if isinstance(error, UserError):
        return str(error)
    known = explain(error)
    if known is not None:
        return str(known)
    return (
        # The type only: an exception's text may quote a record, and this may be screenshotted.
        _(
            "Something went wrong (%(name)s). Nothing half-written was kept. If it "
            "happens again, please tell your IT support what you were doing."
        )
        % {"name": type(error).__name__}
    )


_open_boxes: set[QMessageBox] = set()


def show_error_dialog(error: BaseException) -> QMessageBox:
    """A warning box with the error's message, opened without blocking (no exec())."""
    if not isinstance(error, UserError) and explain(error) is None:
        # The type and where only: an exception's text may quote a record.
        print(f"IRO Desktop: {type(error).__name__}", file=sys.stderr)  # a log line
        traceback.print_tb(error.__traceback__, file=sys.stderr)
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("IRO Desktop"))
    box.setText(user_message(error))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    name_standard_buttons(box)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.add(box)  # a box without a parent window must outlive this function
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()
    return box


class _JobRunner(QObject):
    """Lives on the worker thread; runs each job it is sent, in order."""

    jobStarted = Signal(int)
    jobFinished = Signal(int, object)
    jobFailed = Signal(int, object)

    @Slot(object)
    def run(self, job: Job) -> None:
        self.jobStarted.emit(job.job_id)
        try:
            result = job.function(*job.args, **job.kwargs)
        except Exception as error:  # every failure goes back to the GUI thread, none is lost
            self.jobFailed.emit(job.job_id, error)
            return
        self.jobFinished.emit(job.job_id, result)


class Worker(QObject):
    """The GUI's one door to the database: ``submit(function, *args, on_result=...)``."""

    busyChanged = Signal(bool, str)  # a job has run over half a second (True, its label) / done
    allJobsDone = Signal()
    _jobSubmitted = Signal(object)

    def __init__(
        self, parent: QObject | None = None, error_callback: ErrorCallback | None = None
    ) -> None:
        super().__init__(parent)
        self._error_callback = error_callback or show_error_dialog
        self._ids = itertools.count(1)
        self._pending: dict[int, Job] = {}
        self._running: Job | None = None
        self._busy = False
        self._thread = QThread()
        self._thread.setObjectName("iro-desktop-worker")
        self._runner = _JobRunner()
        self._runner.moveToThread(self._thread)
        self._jobSubmitted.connect(self._runner.run)
        self._runner.jobStarted.connect(self._on_job_started)
        self._runner.jobFinished.connect(self._on_job_finished)
        self._runner.jobFailed.connect(self._on_job_failed)
        self._slow_timer = QTimer(self)
        self._slow_timer.setSingleShot(True)
        self._slow_timer.setInterval(SLOW_JOB_MS)
        self._slow_timer.timeout.connect(self._on_slow_timer)
        self._thread.start()

    @property
    def pending_jobs(self) -> int:
        return len(self._pending)

    def submit(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        label: str | None = None,
        **kwargs: Any,
    ) -> int:
        """Queue ``function(*args, **kwargs)`` for the worker thread; returns the job's id."""
        if not self._thread.isRunning():
            raise RuntimeError("The worker has been shut down.")
        label = _("Working…") if label is None else label
        job = Job(next(self._ids), function, args, label, on_result, on_error, kwargs)
        self._pending[job.job_id] = job
        self._jobSubmitted.emit(job)
        return job.job_id

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Let the jobs already queued finish, then stop the thread (their results are dropped)."""
        if not self._thread.isRunning():
            return
        self._jobSubmitted.emit(Job(0, _quit_current_thread, (), _("Closing")))
        self._thread.wait(timeout_ms)
        self._slow_timer.stop()
        self._pending.clear()

    @Slot(int)
    def _on_job_started(self, job_id: int) -> None:
        self._running = self._pending.get(job_id)
        if self._running is None:
            return
        if self._busy:
            self.busyChanged.emit(True, self._running.label)
        else:
            self._slow_timer.start()

    @Slot()
    def _on_slow_timer(self) -> None:
        if self._running is not None:
            self._busy = True
            self.busyChanged.emit(True, self._running.label)

    @Slot(int, object)
    def _on_job_finished(self, job_id: int, result: object) -> None:
        job = self._finish(job_id)
        if job is not None and job.on_result is not None:
            job.on_result(result)
        self._announce_if_idle()

    @Slot(int, object)
    def _on_job_failed(self, job_id: int, error: BaseException) -> None:
        job = self._finish(job_id)
        if job is not None:
            (job.on_error or self._error_callback)(error)
        self._announce_if_idle()

    def _finish(self, job_id: int) -> Job | None:
        job = self._pending.pop(job_id, None)
        if self._running is not None and self._running.job_id == job_id:
            self._running = None
            self._slow_timer.stop()
        if not self._pending and self._busy:
            self._busy = False
            self.busyChanged.emit(False, "")
        return job

    def _announce_if_idle(self) -> None:
        if not self._pending:
            self.allJobsDone.emit()


def _quit_current_thread() -> None:
    QThread.currentThread().quit()


class BusyIndicator(QWidget):
    """A busy bar and a label for the status bar, shown while a slow job runs."""

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: no percentage, just movement
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(_("Working"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.setVisible(False)
        worker.busyChanged.connect(self._on_busy_changed)

    @Slot(bool, str)
    def _on_busy_changed(self, busy: bool, label: str) -> None:
        self.label.setText(label)
        self.setVisible(busy)
