"""Letters, decisions records and briefing packs.

Opens the document dialogs (from the Record menu, the Reviews and Letters tabs and the due
view), marks letters sent and reads the list of what was written for the Letters tab. Every
piece of store work goes through the context's worker; the services do the work.

The dialogs, the letters and the reports behind them are imported on first use, not at start.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from iro_desktop.gui.context import AppContext
from iro_desktop.gui.controllers.screens import Screens
from iro_desktop.i18n import _
from iro_desktop.services.session import Store

if TYPE_CHECKING:
    from iro_desktop.gui.dialogs.briefing import BriefingDialog
    from iro_desktop.gui.dialogs.decisions_record import DecisionsRecordDialog
    from iro_desktop.gui.dialogs.letter import LetterDialog


class DocumentsController(QObject):
    dialogOpened = Signal(object)  # the document dialog now on screen
    letterMarkedSent = Signal(int)  # review id
    writtenLoaded = Signal(str, object)  # child reference, the documents written for it

    def __init__(self, context: AppContext, screens: Screens, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.screens = screens
        self._parent = parent
        self.dialogs: list[QDialog] = []

    def action_handlers(self):
        return {
            "write_letter": lambda: self.open_letter(*self.screens.current_review()),
            "write_decisions_record": lambda: self.open_decisions_record(
                *self.screens.current_review()
            ),
            "mark_letter_sent": lambda: self.mark_sent(*self.screens.current_review()),
            "briefing": self.open_briefing,
        }

    @property
    def today(self) -> date:
        return self.context.today

    # -- dialogs ---------------------------------------------------------------------------
    def open_letter(self, child_ref: str | None, review_id: int | None) -> LetterDialog | None:
        from iro_desktop.gui.dialogs.letter import LetterDialog

        return self._review_document_dialog(LetterDialog, child_ref, review_id)

    def open_decisions_record(
        self, child_ref: str | None, review_id: int | None
    ) -> DecisionsRecordDialog | None:
        from iro_desktop.gui.dialogs.decisions_record import DecisionsRecordDialog

        return self._review_document_dialog(DecisionsRecordDialog, child_ref, review_id)

    def _review_document_dialog(self, dialog_class, child_ref: str | None, review_id: int | None):
        """The letter or decisions record dialog for one review of the chosen child."""
        store = self._store_for(child_ref)
        if store is None or child_ref is None:
            return None
        dialog = dialog_class(
            self.context.worker,
            store,
            child_ref,
            review_id,
            self.today,
            self.screens.open_child_name(child_ref),
            self._parent,
        )
        return self._show(dialog)

    def open_briefing(self, day: date | None = None) -> BriefingDialog | None:
        from iro_desktop.gui.dialogs.briefing import BriefingDialog

        store = self.context.store
        if store is None:
            self.context.say(_("Open a caseload first."))
            return None
        task = self.screens.chosen_task()
        if day is None and task is not None and task.due >= self.today:
            day = task.due
        dialog = BriefingDialog(self.context.worker, store, self.today, day, self._parent)
        return self._show(dialog)

    def mark_sent(self, child_ref: str | None, review_id: int | None) -> None:
        store = self._store_for(child_ref)
        if store is None:
            return
        if not review_id:
            self.context.say(
                _("Choose the review on the child's Letters tab first, then Mark letter sent.")
            )
            return
        from iro_desktop.services.letter_status import mark_letter_sent

        self.context.worker.submit(
            mark_letter_sent,
            store,
            review_id,
            self.today,
            on_result=lambda _r: self._on_marked_sent(child_ref, review_id),
            label=_("Marking the letter sent…"),
        )

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.written.connect(self._on_written)  # type: ignore[attr-defined]
        dialog.destroyed.connect(self._forget_dead_dialogs)
        self.dialogs.append(dialog)
        dialog.open()
        self.dialogOpened.emit(dialog)
        return dialog

    # -- results and signals ---------------------------------------------------------------
    @Slot(str, str, int)
    def on_document_requested(self, child_ref: str, action: str, review_id: int) -> None:
        """A Reviews or Letters tab button, for the child on screen."""
        from iro_desktop.gui.child_tabs.letters import (  # loaded with the child view
            ACTION_DECISIONS,
            ACTION_LETTER,
            ACTION_MARK_SENT,
        )

        child_ref_or_none = child_ref or None
        if action == ACTION_LETTER:
            self.open_letter(child_ref_or_none, review_id or None)
        elif action == ACTION_DECISIONS:
            self.open_decisions_record(child_ref_or_none, review_id or None)
        elif action == ACTION_MARK_SENT:
            self.mark_sent(child_ref_or_none, review_id)

    @Slot(str)
    def load_written(self, child_ref: str) -> None:
        """Read what was written for the child; ``writtenLoaded`` hands it to the view."""
        store = self.context.store
        if store is None:
            return
        from iro_desktop.services.letter_status import letters_written

        self.context.worker.submit(
            letters_written,
            store,
            child_ref,
            on_result=lambda rows: self.writtenLoaded.emit(child_ref, rows),
            label=_("Reading the letters written…"),
        )

    def _on_written(self, written) -> None:
        what = {"letter": "Letter", "decisions_record": "Decisions record"}.get(
            written.kind, "Briefing pack"
        )
        self.context.say(_("%(what)s saved to %(path)s.") % {"what": what, "path": written.path})
        refs = written.child_refs  # the letters table changed for these children
        self.context.data_changed(refs[0] if len(refs) == 1 else None)

    def _on_marked_sent(self, child_ref: str | None, review_id: int) -> None:
        from iro_desktop.gui.formatting import format_date

        self.context.say(
            _("Letter marked sent today (%(today)s).") % {"today": format_date(self.today)}
        )
        self.letterMarkedSent.emit(review_id)
        self.context.data_changed(child_ref)

    def _forget_dead_dialogs(self, *_args) -> None:
        import shiboken6

        self.dialogs = [d for d in self.dialogs if shiboken6.isValid(d)]

    # -- helpers ---------------------------------------------------------------------------
    def _store_for(self, child_ref: str | None) -> Store | None:
        store = self.context.store
        if store is None:
            self.context.say(_("Open a caseload first."))
            return None
        if not child_ref:
            self.context.say(
                _("Choose a child first (on the due list, the caseload or the child view).")
            )
            return None
        return store
