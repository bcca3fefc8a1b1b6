"""Opens the recording forms and looks after them: from the Record menu, the due list's chosen
task and the child tabs' buttons; says the data changed after every save; offers drafts back
when a caseload is opened; keeps drafts safe before locking or quitting.

All store work goes through the context's worker; the forms call the services themselves.
The forms (and the recording services behind them) are imported when the first one opens.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from iro_desktop.domain.tasks import Task, TaskKind
from iro_desktop.errors import UserError
from iro_desktop.gui.context import AppContext
from iro_desktop.gui.controllers.screens import Screens
from iro_desktop.gui.formatting import format_day_and_time
from iro_desktop.gui.worker import show_error_dialog
from iro_desktop.i18n import _, ngettext
from iro_desktop.services.child import child_detail
from iro_desktop.services.drafts import Draft, discard_draft, load_drafts

if TYPE_CHECKING:
    from iro_desktop.gui.forms.base import FormContext, RecordForm

# The form that records each kind of task on the due list (letters have their own tab).
TASK_FORMS = {
    TaskKind.REVIEW: "review",
    TaskKind.CONSULTATION: "consultation",
    TaskKind.PRE_REVIEW_MEETING: "meeting",
    TaskKind.CHILD_MEETING: "contact",
    TaskKind.CONTACT: "contact",
    TaskKind.MIDPOINT: "midpoint",
    TaskKind.DECISIONS: "circulated",
    TaskKind.DECISION: "decision",
    TaskKind.CHALLENGE_RESPONSE: "challenge_response",
}
# Record menu actions (names in gui/shortcuts.py) and the form each opens for the chosen child.
MENU_FORMS = {
    "edit_child": "edit_child",
    "add_episode": "episode",
    "book_review": "booking",
    "record_consultation": "consultation",
    "record_meeting": "meeting",
    "record_contact": "contact",
    "record_review": "review",
    "record_circulated": "circulated",
    "record_midpoint": "midpoint",
    "raise_challenge": "challenge",
}
# Decision buttons that act at once (today), without a form: the services.recording function.
QUICK_DECISION_ACTIONS = {"done": "mark_decision_done", "chase": "chase_decision"}


def _forms() -> dict[str, type[RecordForm]]:
    """Every form by kind (``gui.forms``), imported the first time a form is wanted."""
    from iro_desktop.gui.forms import FORMS

    return FORMS


def _day_and_time(draft: Draft) -> str:
    return format_day_and_time(draft.saved_at)


class RecordingController(QObject):
    formOpened = Signal(object)  # the RecordForm now on screen
    draftsOffered = Signal(object)  # the QMessageBox offering drafts back

    def __init__(
        self,
        context: AppContext,
        screens: Screens,
        parent: QWidget,
        show_child: Callable[[str, str | None], None],
        is_locked: Callable[[], bool],
    ) -> None:
        """``parent``: the window the forms and message boxes belong to (and that quits);
        ``show_child(child_ref, tab)`` opens a child's record; ``is_locked()``: the app is
        locked (auto-lock)."""
        super().__init__(parent)
        self.context = context
        self.screens = screens
        self._parent = parent
        self._show_child = show_child
        self._is_locked = is_locked
        self.forms: list[RecordForm] = []
        self.drafts_box: QMessageBox | None = None
        self.quit_box: QMessageBox | None = None
        self._quit_confirmed = False
        context.storeChanged.connect(self.offer_drafts)

    @property
    def today(self) -> date:
        return self.context.today

    def action_handlers(self) -> dict[str, Callable[[], object]]:
        handlers: dict[str, Callable[[], object]] = {
            name: (lambda kind=kind: self.open_for_current_child(kind))
            for name, kind in MENU_FORMS.items()
        }
        handlers["new_child"] = lambda: self.open_form("child")
        handlers["record_task"] = self.record_current_task
        handlers["drafts"] = self.offer_drafts
        return handlers

    # -- opening forms ----------------------------------------------------------------------
    def open_for_current_child(self, kind: str, record_ref: str = "") -> None:
        child_ref = self.screens.current_child_ref()
        if not child_ref:
            self._say(_("Choose a child first (on the due list, the caseload or the child view)."))
            return
        self.open_form(kind, child_ref, record_ref)

    def open_form(
        self,
        kind: str,
        child_ref: str = "",
        record_ref: str = "",
        payload: dict[str, Any] | None = None,
        draft_id: int | None = None,
    ) -> None:
        store = self.context.store
        if store is None:
            self._say(_("Open a caseload first."))
            return
        from iro_desktop.gui.forms import WITHOUT_CHILD
        from iro_desktop.gui.forms.base import FormContext

        form_class = _forms()[kind]
        if kind in WITHOUT_CHILD:
            self._show_form(form_class, FormContext(self.today), payload, draft_id)
            return
        self.context.worker.submit(
            child_detail,
            store,
            child_ref,
            self.today,
            on_result=lambda detail: self._on_detail(
                form_class, child_ref, record_ref, detail, payload, draft_id
            ),
            label=_("Opening the form…"),
        )

    def _on_detail(self, form_class, child_ref, record_ref, detail, payload, draft_id) -> None:
        if detail is None:
            self._say(_("No child %(child_ref)s in this caseload.") % {"child_ref": child_ref})
            return
        from iro_desktop.gui.forms.base import FormContext

        context = FormContext(self.today, child_ref, record_ref, detail)
        self._show_form(form_class, context, payload, draft_id)

    def _show_form(
        self,
        form_class: type[RecordForm],
        context: FormContext,
        payload: dict[str, Any] | None,
        draft_id: int | None,
    ) -> RecordForm | None:
        store = self.context.store
        if store is None:
            return None
        from iro_desktop.gui.forms.base import FormHost

        try:
            form = form_class(
                FormHost(self.context.worker, store), context, payload, draft_id, self._parent
            )
        except UserError as error:  # e.g. a form missing from a broken install: say so
            show_error_dialog(error)
            return None
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.savedToRecord.connect(lambda result, f=form: self._on_saved(f, result))
        form.destroyed.connect(self._forget_dead_forms)
        form.closedForGood.connect(self._on_form_closed)
        self.forms.append(form)
        form.show()
        form.activateWindow()
        self.formOpened.emit(form)
        return form

    @Slot(object)
    def record_task(self, task: Task) -> None:
        kind = TASK_FORMS.get(task.task)
        if kind is None:
            self._show_child(task.child_ref, "letters")
            self._say(_("Letters are written and marked sent on the child's Letters tab."))
            return
        self.open_form(kind, task.child_ref, task.ref)

    def record_current_task(self) -> None:
        task = self.screens.chosen_task()
        if task is None:
            self._say(_("Choose a task on the due list first (Ctrl+1), then press Ctrl+T."))
            return
        self.record_task(task)

    @Slot(str, str, str)
    def on_tab_action(self, child_ref: str, action: str, record_ref: str) -> None:
        """A child tab's button, for the child on screen: a form, or a quick decision step."""
        if not child_ref:
            return
        quick_name = QUICK_DECISION_ACTIONS.get(action)
        if quick_name is None:
            self.open_form(action, child_ref, record_ref)
            return
        from iro_desktop.services import recording

        quick = getattr(recording, quick_name)
        store = self.context.store
        decision_id = int(record_ref.split(":")[1]) if ":" in record_ref else 0
        if store is None or not decision_id:
            self._say(_("Choose a decision in the list first."))
            return
        words = _("marked done") if action == "done" else _("marked as chased today")
        self.context.worker.submit(
            quick,
            store,
            decision_id,
            self.today,
            self.today,
            on_result=lambda _r: self._after_change(
                _("Decision %(words)s.") % {"words": words}, child_ref
            ),
            label=_("Updating the decision…"),
        )

    # -- after saving -----------------------------------------------------------------------
    def _on_saved(self, form: RecordForm, result: object) -> None:
        self._after_change(form.saved_message(), form.context.child_ref or None)
        if form.KIND == "child" and isinstance(result, str):
            self._show_child(result, "details")

    def _after_change(self, message: str, child_ref: str | None) -> None:
        self._say(message)
        self.context.data_changed(child_ref)

    @Slot()
    def _on_form_closed(self) -> None:
        """The keyboard goes back to the window (no mouse needed to carry on)."""
        if not self._is_locked():
            self._parent.activateWindow()

    def _forget_dead_forms(self, *_args) -> None:
        self.forms = [f for f in self.forms if shiboken6.isValid(f)]

    def live_forms(self) -> list[RecordForm]:
        self._forget_dead_forms()
        return [f for f in self.forms if not f.closing_for_good]

    # -- drafts -----------------------------------------------------------------------------
    def flush_drafts(self) -> None:
        """Keep every open form's typing as a draft now (before locking or quitting)."""
        for form in self.live_forms():
            form.flush_draft()

    @Slot()
    def offer_drafts(self) -> None:
        store = self.context.store
        if store is None:
            return
        self.context.worker.submit(load_drafts, store, on_result=self._on_drafts)

    def _on_drafts(self, drafts: list[Draft]) -> None:
        open_ids = {f.slot.id for f in self.live_forms()}
        drafts = [d for d in drafts if d.id not in open_ids]
        if not drafts or self.context.store is None:
            return
        latest = max(drafts, key=lambda d: d.saved_at)
        count = len(drafts)
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_("Unsaved forms"))
        when = _day_and_time(latest)
        box.setText(
            _("You have 1 unsaved form from %(when)s.") % {"when": when}
            if count == 1
            else ngettext(
                "You have %(count)d unsaved form, the latest from %(when)s.",
                "You have %(count)d unsaved forms, the latest from %(when)s.",
                count,
            )
            % {"count": count, "when": when}
        )
        forms = _forms()
        lines = [
            f"• {_(forms[d.form].TITLE) if d.form in forms else d.form}"
            + (f" ({d.child_ref})" if d.child_ref else "")
            + (_(", kept %(d)s") % {"d": _day_and_time(d)})
            for d in drafts
        ]
        box.setInformativeText(
            "\n".join(lines) + _("\n\nRestore opens them as you left them; Discard removes them.")
        )
        restore = box.addButton(_("Restore"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(_("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton(_("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.setEscapeButton(later)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.drafts_box = box

        def chosen(button) -> None:
            self.drafts_box = None
            if button is restore:
                for draft in drafts:
                    if draft.form in forms:
                        self.open_form(
                            draft.form, draft.child_ref, draft.record_ref, draft.payload, draft.id
                        )
            elif button is discard and self.context.store is not None:
                for draft in drafts:
                    self.context.worker.submit(discard_draft, self.context.store, draft.id)
                self._say(
                    ngettext(
                        "Discarded %(count)d unsaved form.",
                        "Discarded %(count)d unsaved forms.",
                        count,
                    )
                    % {"count": count}
                )

        box.buttonClicked.connect(chosen)
        box.open()
        self.draftsOffered.emit(box)

    # -- quitting ---------------------------------------------------------------------------
    def confirm_quit(self, locked: bool = False) -> bool:
        """True when the window may close now. With forms still open, keep their typing as
        drafts; with unsaved changes (and not locked), ask first."""
        forms = self.live_forms()
        dirty = [f for f in forms if f.is_dirty()]
        if dirty and not locked and not self._quit_confirmed:
            self._ask_before_quitting(len(dirty))
            return False
        self.flush_drafts()
        for form in forms:
            form.close_for_good()
        return True

    def allow_quit(self) -> None:
        """The next close quits without asking (open forms are still kept as drafts)."""
        self._quit_confirmed = True

    def _ask_before_quitting(self, count: int) -> None:
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Unsaved changes"))
        box.setText(
            ngettext(
                "You have %(count)d form with unsaved changes.",
                "You have %(count)d forms with unsaved changes.",
                count,
            )
            % {"count": count}
        )
        box.setInformativeText(
            _("Quit and keep them as drafts (offered back next time), or go back to them?")
        )
        quit_button = box.addButton(_("Keep as drafts and quit"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(_("Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        self.quit_box = box

        def chosen(button) -> None:
            self.quit_box = None
            if button is quit_button:
                self.allow_quit()
                self._parent.close()

        box.buttonClicked.connect(chosen)
        box.open()

    def _say(self, message: str) -> None:
        self.context.say(message, 6000)
