"""What every recording form does, whatever it records; each part in its own module.

* The layout comes from a Designer file in ``ui/`` (see ``loader.py``), framed by
  ``layout.FormFrame``; the form's own module fills its lists and says how to read, check and
  save what was typed. Field values are read and written by ``fields``.
* Required fields are marked with an asterisk (and "required" for screen readers); each
  problem is shown in words next to its field, with a warning sign, never by colour alone;
  "Save and close" stays disabled until nothing is left to put right (``problems``).
* Nothing is lost: what has been typed is kept as a draft inside the encrypted store every
  few seconds (``AUTOSAVE_MS``, ``drafts``), through the worker; closing, Esc or Cancel with
  unsaved changes asks first (``closing``); saving the record and removing its draft are one
  transaction.
* Keys: Ctrl+S keeps a draft now, Ctrl+Enter saves to the record and closes, Esc cancels.
* No lost updates: the form keeps the values it opened with (``loaded``, kept in its draft
  too). A save whose service takes ``expected`` is given the entry as it was then; the
  service writes only what the IRO changed and, when someone else changed the same field
  since, refuses with ``ChangedSinceOpened``: the form then asks, field by field, whose value
  to keep (``conflicts``) and saves again with the answers.
* Titles carry the child's initials and reference, never the name (``window_title``).
"""

from __future__ import annotations

import copy
import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QMessageBox, QWidget

from iro_desktop.domain.validation import Problem
from iro_desktop.gui.forms import layout
from iro_desktop.gui.forms.closing import CloseGuard
from iro_desktop.gui.forms.conflicts import (
    Conflict,
    ConflictDialog,
    conflicts_from,
    resolved,
    row_label,
)
from iro_desktop.gui.forms.drafts import DraftKeeper
from iro_desktop.gui.forms.editors import RowsEditor, StepsEditor, from_iso
from iro_desktop.gui.forms.fields import (
    apply_payload,
    change_signal,
    optional_date_of,
    payload_of,
    text_of,
)
from iro_desktop.gui.forms.loader import load_ui
from iro_desktop.gui.forms.problems import REQUIRED_WORDS, ProblemsDisplay
from iro_desktop.gui.help_guide import FORM_SECTIONS
from iro_desktop.gui.help_window import HelpWindow, open_guide
from iro_desktop.gui.widgets.dialog_parts import alive
from iro_desktop.gui.worker import Worker, show_error_dialog
from iro_desktop.i18n import _
from iro_desktop.services.child import ChildDetail
from iro_desktop.services.drafts import DraftSlot, commit_and_discard
from iro_desktop.services.recording import ChangedSinceOpened, RecordNotValid
from iro_desktop.services.session import Store

AUTOSAVE_MS = 3000
# In a draft of a form that checks for changes made elsewhere: the values it opened with.
LOADED_KEY = "__loaded__"


@dataclass
class FormHost:
    """What a form needs from the window: the worker and the open store."""

    worker: Worker
    store: Store


@dataclass(frozen=True)
class FormContext:
    today: date
    child_ref: str = ""
    record_ref: str = ""  # what the form was opened on: "review:12", "decision:4", ""
    detail: ChildDetail | None = None  # the child's record, for forms about a child

    def record_id(self, kind: str) -> int | None:
        prefix = f"{kind}:"
        if self.record_ref.startswith(prefix) and self.record_ref[len(prefix) :].isdigit():
            return int(self.record_ref[len(prefix) :])
        return None


class RecordForm(QDialog):
    KIND: ClassVar[str] = ""
    UI_FILE: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""  # marked with N_ in each form; translated where shown
    # field key (as in domain/validation.py) -> objectName of its widget in the .ui
    FIELDS: ClassVar[dict[str, str]] = {}
    REQUIRED: ClassVar[tuple[str, ...]] = ()
    # The user guide's section about this form (its Help button and F1); "" takes the
    # section help_guide.FORM_SECTIONS gives the form's KIND.
    HELP_SECTION: ClassVar[str] = ""

    savedToRecord = Signal(object)  # the service's result
    draftSaved = Signal(int)
    closedForGood = Signal()

    def __init__(
        self,
        host: FormHost,
        context: FormContext,
        payload: dict[str, Any] | None = None,
        draft_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.host = host
        self.context = context
        self.today = context.today
        self.slot = DraftSlot(draft_id)
        self.closing = CloseGuard(self)
        self._saving = False
        self.editors: dict[str, RowsEditor] = {}
        self._ready = False
        self._focused_once = False

        self.setWindowTitle(self.window_title())
        self.setAccessibleName(self.window_title())
        self.ui = load_ui(self.UI_FILE, None)
        self.widgets = {key: self._find(name) for key, name in self.FIELDS.items()}
        self._reading: dict[str, Any] | None = None  # values read instead of the widgets'
        self._checks: bool | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.setup()
        self.apply_defaults()
        self._baseline = self.payload()
        self.loaded = copy.deepcopy(self._baseline)  # what the record held when opened
        if payload:
            payload = dict(payload)
            kept_loaded = payload.pop(LOADED_KEY, None)
            if isinstance(kept_loaded, dict):
                self.loaded = kept_loaded  # opened before the draft was typed
            self.apply_payload(payload)

        self._build_frame()
        layout.mark_required(self.ui, self.widgets, self.REQUIRED, _(REQUIRED_WORDS))
        error_labels = {
            key: layout.add_error_label(self.ui, widget, key)
            for key, widget in self.widgets.items()
        }
        self.display = ProblemsDisplay(
            self.widgets,
            self.editors,
            error_labels,
            self.summary,
            self.save_button,
            self.REQUIRED,
        )
        self._connect_changes()
        layout.name_unnamed_widgets(self, self.ui)
        self._add_keys()
        self.fix_tab_order()
        self._ready = True
        self.revalidate()
        self.fit_to_screen()

        self.drafts = DraftKeeper(
            self,
            host.worker,
            host.store,
            self.slot,
            {"kind": self.KIND, "child_ref": context.child_ref, "record_ref": context.record_ref},
            self.draft_payload,
            self._draft_baseline(),
            self.status,
            AUTOSAVE_MS,
            waiting=lambda: self._saving or self.closing.closing_ok,
        )
        self.drafts.kept.connect(self.draftSaved)

    # -- what each form says ---------------------------------------------------------------
    def window_title(self) -> str:
        """The child's initials and reference, never the name: a title shows outside the
        form (taskbar, window switcher, a screen being shared, a screen reader's list of
        windows), where the app cannot tell who is looking."""
        detail = self.context.detail
        if detail is None:
            return _(self.TITLE)
        child = detail.record.child
        return _("%(title)s: %(initials)s (%(child_ref)s)") % {
            "title": _(self.TITLE),
            "initials": child.initials or "XX",
            "child_ref": child.child_ref,
        }

    def setup(self) -> None:
        """Fill lists, make row editors, connect the form's own signals."""

    def apply_defaults(self) -> None:
        """Fill the fields from the record the form was opened on."""

    def payload(self) -> dict[str, Any]:
        """Everything typed, as JSON-safe values (what a draft keeps)."""
        if self._reading is not None:
            return copy.deepcopy(self._reading)
        return payload_of(self.widgets, self.editors)

    def draft_payload(self) -> dict[str, Any]:
        """What a draft keeps: the payload and, for a form that checks, what it opened with."""
        if not self.checks_changes():
            return self.payload()
        return {**self.payload(), LOADED_KEY: self.loaded}

    def _draft_baseline(self) -> dict[str, Any]:
        if not self.checks_changes():
            return self._baseline
        return {**self._baseline, LOADED_KEY: self.loaded}

    def apply_payload(self, payload: dict[str, Any]) -> None:
        apply_payload(self.widgets, self.editors, payload)

    # values of the fields, by key
    def text(self, key: str) -> str:
        if self._reading is not None:
            return str(self._reading.get(key) or "")
        return text_of(self.widgets[key])

    def date(self, key: str) -> date | None:
        if self._reading is not None:
            return from_iso(self._reading.get(key))
        return optional_date_of(self.widgets[key])

    def checked(self, key: str) -> bool:
        if self._reading is not None:
            return bool(self._reading.get(key))
        widget = self.widgets[key]
        assert isinstance(widget, QCheckBox)
        return widget.isChecked()

    def problems(self) -> list[Problem]:
        raise NotImplementedError

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        """The services function and its arguments after the store."""
        raise NotImplementedError

    def saved_message(self) -> str:
        return _("%(title)s saved.") % {"title": _(self.TITLE)}

    # -- changes made elsewhere ----------------------------------------------------------------
    def checks_changes(self) -> bool:
        """The save's service takes the values the form opened with (``expected``)."""
        if self._checks is None:
            try:
                function, _ = self.save_call()
            except Exception:  # a form that cannot name its save yet does not check
                return False
            parameters = inspect.signature(function).parameters
            self._checks = hasattr(self, "entry") and "expected" in parameters
        return self._checks

    def loaded_entry(self) -> Any:
        """``entry()`` as it was when the form opened (read from ``loaded``, not the widgets)."""
        self._reading = copy.deepcopy(self.loaded)
        try:
            return self.entry()  # type: ignore[attr-defined]
        finally:
            self._reading = None

    def conflicts_of(self, error: ChangedSinceOpened) -> list[Conflict]:
        """The refused fields as the form shows them, labelled as on the form."""
        return conflicts_from(error.conflicts, self.loaded, self.payload(), self.label_of)

    def label_of(self, key: str) -> str:
        widget = self.widgets.get(key)
        label = self._label_for(widget) if widget is not None else None
        if label is None:
            return row_label(self.loaded, key)
        return label.text().replace("&", "").replace(layout.REQUIRED_MARK, "").rstrip(": ")

    def resolve(self, conflicts: list[Conflict], choices: dict[str, str]) -> None:
        """Apply the IRO's answers (see ``conflicts.resolved``) to the fields."""
        self.apply_payload(resolved(conflicts, choices, self.loaded, self.payload()))

    def help_section(self) -> str:
        """The guide's section about this form."""
        return self.HELP_SECTION or FORM_SECTIONS.get(self.KIND, "")

    @Slot()
    def show_help(self) -> HelpWindow:
        """The user guide at this form's section (beside the form, which stays open)."""
        return open_guide(self, self.help_section())

    def notes(self) -> list[str]:
        """Lines shown above the form (for example the note about writing in Welsh)."""
        return []

    # -- public ------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.payload() != self._baseline

    def is_valid(self) -> bool:
        return not self.display.problems

    def field(self, key: str) -> QWidget:
        return self.widgets[key]

    @property
    def prompt(self) -> QMessageBox | None:
        """The "unsaved changes" question, while it is on screen."""
        return self.closing.prompt

    @Slot()
    def autosave(self, force: bool = False) -> None:
        """Keep what has been typed as a draft (every few seconds; Ctrl+S at once)."""
        self.drafts.keep(force)

    def save_draft_now(self) -> None:
        self.autosave(force=True)

    def flush_draft(self) -> None:
        """Before locking or quitting: keep any typing not yet in a draft."""
        if self.is_dirty():
            self.autosave()

    @Slot()
    def save_and_close(self) -> None:
        if self._saving:
            return
        self.display.show_required = True
        self.revalidate()
        if self.display.problems:
            self.display.focus_first()
            return
        function, args = self.save_call()
        if self.checks_changes():
            function = functools.partial(function, expected=self.loaded_entry())
        self._saving = True
        self.drafts.timer.stop()
        self.frame.set_buttons_enabled(False)
        self.status.setText(_("Saving…"))
        self.host.worker.submit(
            commit_and_discard,
            self.slot,
            self.host.store,
            function,
            *args,
            on_result=alive(self, self._on_saved),
            on_error=alive(self, self._on_save_failed),
            label=_("Saving: %(title)s…") % {"title": _(self.TITLE)},
        )

    @property
    def closing_for_good(self) -> bool:
        """Saved, discarded or kept as a draft: closing without asking again."""
        return self.closing.closing_ok

    def close_for_good(self) -> None:
        """Close without asking (quitting: the typing has been kept as a draft first)."""
        self.closing.closing_ok = True
        self.close()

    def reject(self) -> None:  # Esc and Cancel
        self.request_close()

    def request_close(self) -> None:
        self.closing.request_close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.closing.closing_ok:
            event.accept()
            return
        event.ignore()
        self.request_close()

    # -- validation --------------------------------------------------------------------------
    @Slot()
    def revalidate(self) -> list[Problem]:
        if not self._ready:
            return []
        self.display.show(self.problems(), self._saving)
        return self.display.problems

    # The tests (and older callers) read these by their first names.
    @property
    def _problems(self) -> list[Problem]:
        return self.display.problems

    @property
    def _error_labels(self) -> dict[str, QLabel]:
        return dict(self.display.error_labels)

    @property
    def _closing_ok(self) -> bool:
        return self.closing.closing_ok

    @_closing_ok.setter
    def _closing_ok(self, value: bool) -> None:
        self.closing.closing_ok = value

    # -- building ----------------------------------------------------------------------------
    def _find(self, name: str) -> QWidget:
        widget = self.ui.findChild(QWidget, name)
        if widget is None:
            raise LookupError(f"{self.UI_FILE} has no widget named {name}")
        return widget

    def _label_for(self, widget: QWidget) -> QLabel | None:
        return layout.label_for(self.ui, widget)

    def _build_frame(self) -> None:
        intro_lines = [*self.notes()]
        if self.REQUIRED:
            intro_lines.append(_("Fields marked * are needed before you can save."))
        intro_lines.append(
            _(
                "What you type is kept safe as you go. Ctrl+S keeps a draft now; "
                "Ctrl+Enter saves and closes; Esc cancels."
            )
        )
        self.frame = layout.FormFrame(self, self.ui, _(self.TITLE), intro_lines)
        self.intro, self.scroll = self.frame.intro, self.frame.scroll
        self.summary, self.status = self.frame.summary, self.frame.status
        self.draft_button = self.frame.draft_button
        self.save_button = self.frame.save_button
        self.cancel_button = self.frame.cancel_button
        self.draft_button.clicked.connect(self.save_draft_now)
        self.save_button.clicked.connect(self.save_and_close)
        self.cancel_button.clicked.connect(self.reject)
        self.help_button = self.frame.help_button
        self.help_button.clicked.connect(self.show_help)

    def fit_to_screen(self) -> None:
        """As tall as the form needs, up to most of the screen (it scrolls beyond that)."""
        wide = any(isinstance(e, StepsEditor) for e in self.editors.values())
        self.frame.fit(self, self.ui, wide)

    def add_editor(self, key: str, editor: RowsEditor, host_name: str) -> RowsEditor:
        host = self._find(host_name)
        host.layout().addWidget(editor)
        self.editors[key] = editor
        editor.changed.connect(self.revalidate)
        editor.rowsChanged.connect(self.fix_tab_order)
        return editor

    def focusable_fields(self) -> list[QWidget]:
        """Every field in reading order (the layouts' order): the Tab order."""
        return layout.focusable_fields(self.layout())

    @Slot()
    def fix_tab_order(self) -> None:
        """Tab goes top to bottom, through rows added later too (Designer's tab stops cover
        only the fields in the .ui)."""
        if self.layout() is None:
            return
        layout.set_tab_order(self.focusable_fields())

    def first_field(self) -> QWidget | None:
        return next(
            (w for w in self.focusable_fields() if w.isEnabled() and w.isVisibleTo(self)), None
        )

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._focused_once:
            self._focused_once = True
            self.fit_to_screen()  # now that every row is laid out
            first = self.first_field()
            if first is not None:
                first.setFocus(Qt.FocusReason.TabFocusReason)

    def _connect_changes(self) -> None:
        """Every field re-checks the form when it changes (connected here, explicitly)."""
        editor_widgets = {
            w for editor in self.editors.values() for w in editor.findChildren(QWidget)
        }
        for key, widget in self.widgets.items():
            signal = change_signal(widget)
            if signal is not None:
                signal.connect(lambda *_a, k=key: self._on_field_changed(k))
        for widget in self.ui.findChildren(QWidget):
            if widget in editor_widgets or widget in self.widgets.values():
                continue
            signal = change_signal(widget)
            if signal is not None:
                signal.connect(self.revalidate)

    def _on_field_changed(self, key: str) -> None:
        self.display.touched.add(key)
        self.revalidate()

    def _add_keys(self) -> None:
        for keys, slot in (
            ("Ctrl+S", self.save_draft_now),
            ("Ctrl+Return", self.save_and_close),
            ("Ctrl+Enter", self.save_and_close),
            ("F1", self.show_help),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)

    # -- results -----------------------------------------------------------------------------
    def _on_saved(self, result: object) -> None:
        self._saving = False
        self.savedToRecord.emit(result)
        self.closing.finish(discard=False)

    def _on_save_failed(self, error: BaseException) -> None:
        self._saving = False
        self.frame.set_buttons_enabled(True)
        self.drafts.timer.start()
        self.status.setText(_("Not saved: nothing was changed. Your typing is still here."))
        if isinstance(error, ChangedSinceOpened):
            self.status.setText(_("Not saved: this record was changed elsewhere. Choose below."))
            self.ask_about_conflicts(error)
        elif isinstance(error, RecordNotValid):
            self.display.show_required = True
            self.display.show(list(error.problems), self._saving)
            self.display.focus_first()
        else:
            show_error_dialog(error)

    def ask_about_conflicts(self, error: ChangedSinceOpened) -> ConflictDialog:
        """Field by field, keep mine or take theirs; Save saves again with the answers."""
        conflicts = self.conflicts_of(error)
        dialog = ConflictDialog(_(self.TITLE), conflicts, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.conflict_dialog = dialog

        def answered() -> None:
            self.resolve(conflicts, dialog.choices())
            self.save_and_close()

        dialog.accepted.connect(answered)
        dialog.open()
        return dialog
