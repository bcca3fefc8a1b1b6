"""Keeping a form's typing as a draft inside the encrypted store: every few seconds while
something changed, at once on Ctrl+S, and before locking or quitting. One draft slot per
form; saving the record later removes the draft in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTime, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from iro_desktop.gui.widgets.dialog_parts import alive
from iro_desktop.gui.worker import Worker, show_error_dialog
from iro_desktop.i18n import _
from iro_desktop.services.drafts import DraftSlot, save_draft_into
from iro_desktop.services.session import Store


class DraftKeeper(QObject):
    kept = Signal(int)  # the draft's id, after it was written

    def __init__(
        self,
        form: QWidget,
        worker: Worker,
        store: Store,
        slot: DraftSlot,
        where: dict[str, str],
        payload: Callable[[], dict[str, Any]],
        baseline: dict[str, Any],
        status: QLabel,
        interval_ms: int,
        waiting: Callable[[], bool],
    ) -> None:
        """``where``: the draft's kind, child_ref and record_ref; ``payload()``: what the
        form holds now; ``baseline``: what it held when opened (nothing to keep);
        ``waiting()``: no drafts now (the record is being saved, or the form is closing)."""
        super().__init__(form)
        self._form = form
        self._worker = worker
        self._store = store
        self.slot = slot
        self._where = where
        self._payload = payload
        self._baseline = baseline
        self._status = status
        self._in_flight = False
        self._waiting = waiting
        # A restored draft is kept again at the first tick; a new form only once changed.
        self._last = baseline if slot.id is None else None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.keep)
        self.timer.start()

    @Slot()
    def keep(self, force: bool = False) -> None:
        """Keep what has been typed as a draft (every few seconds; Ctrl+S at once)."""
        if self._waiting() or self._in_flight:
            return
        payload = self._payload()
        if payload == self._last and not force:
            return
        if payload == self._baseline and self.slot.id is None and not force:
            return
        self._in_flight = True
        self._last = payload
        self._worker.submit(
            save_draft_into,
            self.slot,
            self._store,
            self._where["kind"],
            payload,
            child_ref=self._where["child_ref"],
            record_ref=self._where["record_ref"],
            on_result=alive(self._form, self._on_kept),
            on_error=alive(self._form, self._on_failed),
            label=_("Keeping a draft…"),
        )

    def _on_kept(self, draft_id: int) -> None:
        self._in_flight = False
        self._status.setText(
            _("Draft kept at %(time)s.") % {"time": QTime.currentTime().toString("HH:mm:ss")}
        )
        self.kept.emit(draft_id)

    def _on_failed(self, error: BaseException) -> None:
        self._in_flight = False
        self._last = None  # try again at the next tick
        self._status.setText(_("The draft could not be kept; trying again."))
        show_error_dialog(error)
