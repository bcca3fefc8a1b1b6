"""What every recording form does, whatever it records.

* The layout comes from a Designer file in ``ui/`` (see ``loader.py``); the form's own module
  fills its lists and says how to read, check and save what was typed.
* Required fields are marked with an asterisk (and "required" for screen readers); each
  problem is shown in words next to its field, with a warning sign, never by colour alone;
  "Save and close" stays disabled until nothing is left to put right.
* Nothing is lost: what has been typed is kept as a draft inside the encrypted store every
  few seconds (``AUTOSAVE_MS``), through the worker; closing, Esc or Cancel with unsaved
  changes asks first; saving the record and removing its draft are one transaction.
* Keys: Ctrl+S keeps a draft now, Ctrl+Enter saves to the record and closes, Esc cancels.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTime, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.domain.validation import Problem
from iro_desktop.gui.forms.editors import (
    RowsEditor,
    StepsEditor,
    error_label,
    from_iso,
    iso,
    show_message,
    to_date,
    to_qdate,
)
from iro_desktop.gui.forms.loader import load_ui
from iro_desktop.gui.worker import Worker, show_error_dialog
from iro_desktop.services.child import ChildDetail
from iro_desktop.services.drafts import DraftSlot, commit_and_discard, discard_slot, save_draft_into
from iro_desktop.services.recording import RecordNotValid
from iro_desktop.storage.database import Store

AUTOSAVE_MS = 3000
REQUIRED_MARK = " *"


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


def _alive(method: Callable[..., None]) -> Callable[..., None]:
    """A worker callback that does nothing if the form has gone meanwhile."""
    owner = method.__self__  # type: ignore[attr-defined]
    return lambda *args: method(*args) if shiboken6.isValid(owner) else None


class RecordForm(QDialog):
    KIND: ClassVar[str] = ""
    UI_FILE: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""
    # field key (as in domain/validation.py) -> objectName of its widget in the .ui
    FIELDS: ClassVar[dict[str, str]] = {}
    REQUIRED: ClassVar[tuple[str, ...]] = ()

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
        self.prompt: QMessageBox | None = None
        self._saving = False
        self._draft_in_flight = False
        self._closing_ok = False
        self._show_required = False
        self._touched: set[str] = set()
        self._problems: list[Problem] = []
        self.editors: dict[str, RowsEditor] = {}
        self._ready = False
        self._focused_once = False

        self.setWindowTitle(self.window_title())
        self.setAccessibleName(self.window_title())
        self.ui = load_ui(self.UI_FILE, None)
        self.widgets = {key: self._find(name) for key, name in self.FIELDS.items()}
        self.setup()
        self.apply_defaults()
        self._baseline = self.payload()
        self._last_draft = self._baseline if draft_id is None else None
        if payload:
            self.apply_payload(payload)

        self._build_frame()
        self._mark_required()
        self._error_labels = {key: self._add_error_label(key) for key in self.widgets}
        self._connect_changes()
        self._name_unnamed_widgets()
        self._add_keys()
        self.fix_tab_order()
        self._ready = True
        self.revalidate()
        self.fit_to_screen()

        self._timer = QTimer(self)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.autosave)
        self._timer.start()

    # -- what each form says ---------------------------------------------------------------
    def window_title(self) -> str:
        detail = self.context.detail
        if detail is None:
            return self.TITLE
        child = detail.record.child
        return f"{self.TITLE}: {child.known_as} {child.last_name} ({child.child_ref})"

    def setup(self) -> None:
        """Fill lists, make row editors, connect the form's own signals."""

    def apply_defaults(self) -> None:
        """Fill the fields from the record the form was opened on."""

    def payload(self) -> dict[str, Any]:
        """Everything typed, as JSON-safe values (what a draft keeps)."""
        out: dict[str, Any] = {}
        for key, widget in self.widgets.items():
            if isinstance(widget, QLabel):
                continue
            if isinstance(widget, QDateEdit):
                out[key] = iso(optional_date_of(widget))
            elif isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
            else:
                out[key] = text_of(widget)
        for key, editor in self.editors.items():
            out[key] = editor.values()
        return out

    def apply_payload(self, payload: dict[str, Any]) -> None:
        for key, widget in self.widgets.items():
            if key not in payload or isinstance(widget, QLabel):
                continue
            value = payload[key]
            if isinstance(widget, QDateEdit):
                set_date(widget, from_iso(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            else:
                set_text(widget, str(value or ""))
        for key, editor in self.editors.items():
            if key in payload:
                editor.apply(payload[key])

    # values of the fields, by key
    def text(self, key: str) -> str:
        return text_of(self.widgets[key])

    def date(self, key: str) -> date | None:
        return optional_date_of(self.widgets[key])

    def checked(self, key: str) -> bool:
        widget = self.widgets[key]
        assert isinstance(widget, QCheckBox)
        return widget.isChecked()

    def problems(self) -> list[Problem]:
        raise NotImplementedError

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        """The services function and its arguments after the store."""
        raise NotImplementedError

    def saved_message(self) -> str:
        return f"{self.TITLE} saved."

    def notes(self) -> list[str]:
        """Lines shown above the form (for example the note about writing in Welsh)."""
        return []

    # -- public ------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.payload() != self._baseline

    def is_valid(self) -> bool:
        return not self._problems

    def field(self, key: str) -> QWidget:
        return self.widgets[key]

    @Slot()
    def autosave(self, force: bool = False) -> None:
        """Keep what has been typed as a draft (every few seconds; Ctrl+S at once)."""
        if self._saving or self._draft_in_flight or self._closing_ok:
            return
        payload = self.payload()
        if payload == self._last_draft and not force:
            return
        if payload == self._baseline and self.slot.id is None and not force:
            return
        self._draft_in_flight = True
        self._last_draft = payload
        self.host.worker.submit(
            save_draft_into,
            self.slot,
            self.host.store,
            self.KIND,
            payload,
            child_ref=self.context.child_ref,
            record_ref=self.context.record_ref,
            on_result=_alive(self._on_draft_saved),
            on_error=_alive(self._on_draft_failed),
            label="Keeping a draft…",
        )

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
        self._show_required = True
        self.revalidate()
        if self._problems:
            self._focus_problem()
            return
        function, args = self.save_call()
        self._saving = True
        self._timer.stop()
        self._set_buttons_enabled(False)
        self.status.setText("Saving…")
        self.host.worker.submit(
            commit_and_discard,
            self.slot,
            self.host.store,
            function,
            *args,
            on_result=_alive(self._on_saved),
            on_error=_alive(self._on_save_failed),
            label=f"Saving: {self.TITLE.lower()}…",
        )

    @property
    def closing_for_good(self) -> bool:
        """Saved, discarded or kept as a draft: closing without asking again."""
        return self._closing_ok

    def close_for_good(self) -> None:
        """Close without asking (quitting: the typing has been kept as a draft first)."""
        self._closing_ok = True
        self.close()

    def reject(self) -> None:  # Esc and Cancel
        self.request_close()

    def request_close(self) -> None:
        if self._closing_ok:
            return
        if not self.is_dirty():
            self._finish(discard=self.slot.id is not None)
            return
        self._ask_about_changes()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing_ok:
            event.accept()
            return
        event.ignore()
        self.request_close()

    # -- validation --------------------------------------------------------------------------
    @Slot()
    def revalidate(self) -> list[Problem]:
        if not self._ready:
            return []
        self._problems = list(self.problems())
        self._show(self._problems)
        return self._problems

    def _show(self, problems: Sequence[Problem]) -> None:
        for key, label in self._error_labels.items():
            shown = [p.message for p in problems if p.field == key and self._shown_inline(p)]
            show_message(label, shown)
            widget = self.widgets[key]
            widget.setAccessibleDescription(" ".join(shown) or self._required_words(key))
        for key, editor in self.editors.items():
            editor.show_problems(
                [p for p in problems if p.field.split(".")[0] == key],
                self._show_required or editor.touched,
            )
        if problems:
            inline = [p for p in problems if self._shown_inline(p)]
            rest = [p for p in problems if not self._shown_inline(p)]
            parts = []
            if inline:
                count = "1 thing" if len(inline) == 1 else f"{len(inline)} things"
                parts.append(f"{count} to put right, marked ⚠ above.")
            if rest:
                parts.append("Still needed: " + " ".join(p.message for p in rest))
            show_message(self.summary, ["Before saving: " + " ".join(parts)])
        else:
            self.summary.clear()
            self.summary.setVisible(False)
        self.save_button.setEnabled(not problems and not self._saving)
        self.save_button.setToolTip(
            "Ctrl+Enter" if not problems else "Put right what is listed above first."
        )

    def _shown_inline(self, problem: Problem) -> bool:
        head = problem.field.split(".")[0]
        if problem.field in self._error_labels:
            return not problem.required or self._show_required or problem.field in self._touched
        if head in self.editors:
            return not problem.required or self._show_required or self.editors[head].touched
        return False

    def _focus_problem(self) -> None:
        first = self._problems[0].field
        head = first.split(".")[0]
        if first in self.widgets:
            self.widgets[first].setFocus()
        elif head in self.editors:
            target = self.editors[head].first_field(first)
            if target is not None:
                target.setFocus()

    # -- building ----------------------------------------------------------------------------
    def _find(self, name: str) -> QWidget:
        widget = self.ui.findChild(QWidget, name)
        if widget is None:
            raise LookupError(f"{self.UI_FILE} has no widget named {name}")
        return widget

    def _build_frame(self) -> None:
        intro_lines = [*self.notes()]
        if self.REQUIRED:
            intro_lines.append("Fields marked * are needed before you can save.")
        intro_lines.append(
            "What you type is kept safe as you go. Ctrl+S keeps a draft now; "
            "Ctrl+Enter saves and closes; Esc cancels."
        )
        self.intro = QLabel("\n".join(intro_lines))
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName("About this form")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.ui)
        scroll.setAccessibleName(self.TITLE)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll = scroll
        self.summary = error_label("Still to put right")
        self.status = QLabel("")
        self.status.setAccessibleName("Draft status")
        self.draft_button = QPushButton("Keep draft (Ctrl+S)")
        self.save_button = QPushButton("Save and close (Ctrl+Enter)")
        self.cancel_button = QPushButton("Cancel (Esc)")
        for button, name in (
            (self.draft_button, "Keep a draft now"),
            (self.save_button, "Save and close"),
            (self.cancel_button, "Cancel"),
        ):
            button.setAutoDefault(False)
            button.setDefault(False)
            button.setAccessibleName(name)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.draft_button.clicked.connect(self.save_draft_now)
        self.save_button.clicked.connect(self.save_and_close)
        self.cancel_button.clicked.connect(self.reject)
        for edit in self.ui.findChildren(QDateEdit):  # dates as wide as a date, no wider
            edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for label in self.ui.findChildren(QLabel):  # wrapped text starts level with its label
            if label.wordWrap():
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def fit_to_screen(self) -> None:
        """As tall as the form needs, up to most of the screen (it scrolls beyond that)."""
        self.ui.adjustSize()
        hint = self.ui.sizeHint()
        chrome = (
            self.intro.sizeHint().height()
            + (self.summary.sizeHint().height() if self.summary.isVisibleTo(self) else 0)
            + self.save_button.sizeHint().height() * 2
            + 24
        )
        screen = self.screen().availableGeometry() if self.screen() else None
        max_height = int(screen.height() * 0.88) if screen else 760
        wide = 860 if any(isinstance(e, StepsEditor) for e in self.editors.values()) else 560
        width = min(max(hint.width() + 60, wide), 1100)
        self.resize(width, min(hint.height() + chrome, max_height))

    def _mark_required(self) -> None:
        for key in self.REQUIRED:
            label = self._label_for(self.widgets[key])
            if label is not None and not label.text().endswith(REQUIRED_MARK):
                label.setText(label.text().rstrip(":") + REQUIRED_MARK + ":")
            widget = self.widgets[key]
            widget.setAccessibleDescription(self._required_words(key))

    def _required_words(self, key: str) -> str:
        return "Required." if key in self.REQUIRED else ""

    def _label_for(self, widget: QWidget) -> QLabel | None:
        for label in self.ui.findChildren(QLabel):
            if label.buddy() is widget:
                return label
        return None

    def _add_error_label(self, key: str) -> QLabel:
        """A message line right under the field, in the same form row (hidden, taking no
        space, until there is something to say)."""
        widget = self.widgets[key]
        label = error_label(f"Problem with {widget.accessibleName() or key}")
        for layout in self.ui.findChildren(QFormLayout):
            row, role = layout.getWidgetPosition(widget)
            if row < 0:
                continue
            label_item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            row_label = label_item.widget() if label_item is not None else None
            layout.takeRow(row)  # the widgets stay; they move into the wrapper below
            wrapper = QWidget()
            column = QVBoxLayout(wrapper)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(label)
            column.addStretch(1)  # extra height goes below, the field stays by its label
            if role == QFormLayout.ItemRole.SpanningRole:
                layout.insertRow(row, wrapper)
            elif row_label is not None:
                layout.insertRow(row, row_label, wrapper)
            else:
                layout.insertRow(row, "", wrapper)
            return label
        parent_layout = widget.parentWidget().layout() if widget.parentWidget() else None
        if isinstance(parent_layout, QVBoxLayout):
            parent_layout.insertWidget(parent_layout.indexOf(widget) + 1, label)
        return label

    def add_editor(self, key: str, editor: RowsEditor, host_name: str) -> RowsEditor:
        host = self._find(host_name)
        host.layout().addWidget(editor)
        self.editors[key] = editor
        editor.changed.connect(self.revalidate)
        editor.rowsChanged.connect(self.fix_tab_order)
        return editor

    def focusable_fields(self) -> list[QWidget]:
        """Every field in reading order (the layouts' order): the Tab order."""
        found: list[QWidget] = []
        _walk_layout(self.layout(), found)
        return found

    @Slot()
    def fix_tab_order(self) -> None:
        """Tab goes top to bottom, through rows added later too (Designer's tab stops cover
        only the fields in the .ui)."""
        if self.layout() is None:
            return
        fields = self.focusable_fields()
        for first, second in itertools.pairwise(fields):
            QWidget.setTabOrder(first, second)

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
            signal = _change_signal(widget)
            if signal is not None:
                signal.connect(lambda *_a, k=key: self._on_field_changed(k))
        for widget in self.ui.findChildren(QWidget):
            if widget in editor_widgets or widget in self.widgets.values():
                continue
            signal = _change_signal(widget)
            if signal is not None:
                signal.connect(self.revalidate)

    def _on_field_changed(self, key: str) -> None:
        self._touched.add(key)
        self.revalidate()

    def _name_unnamed_widgets(self) -> None:
        """Every input has an accessible name: its label's words when the .ui gave none."""
        for widget in self.findChildren(QWidget):
            if widget.accessibleName() or not isinstance(widget, _INPUTS):
                continue
            label = self._label_for(widget)
            if label is not None:
                widget.setAccessibleName(label.text().replace("&", "").rstrip(" *:"))
            elif isinstance(widget, QAbstractButton) and widget.text():
                widget.setAccessibleName(widget.text().replace("&", ""))

    def _add_keys(self) -> None:
        for keys, slot in (
            ("Ctrl+S", self.save_draft_now),
            ("Ctrl+Return", self.save_and_close),
            ("Ctrl+Enter", self.save_and_close),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)

    def _set_buttons_enabled(self, enabled: bool) -> None:
        for button in (self.draft_button, self.save_button, self.cancel_button):
            button.setEnabled(enabled)

    # -- results -----------------------------------------------------------------------------
    def _on_draft_saved(self, draft_id: int) -> None:
        self._draft_in_flight = False
        self.status.setText(f"Draft kept at {QTime.currentTime().toString('HH:mm:ss')}.")
        self.draftSaved.emit(draft_id)

    def _on_draft_failed(self, error: BaseException) -> None:
        self._draft_in_flight = False
        self._last_draft = None  # try again at the next tick
        self.status.setText("The draft could not be kept; trying again.")
        show_error_dialog(error)

    def _on_saved(self, result: object) -> None:
        self._saving = False
        self.savedToRecord.emit(result)
        self._finish(discard=False)

    def _on_save_failed(self, error: BaseException) -> None:
        self._saving = False
        self._set_buttons_enabled(True)
        self._timer.start()
        self.status.setText("Not saved: nothing was changed. Your typing is still here.")
        if isinstance(error, RecordNotValid):
            self._show_required = True
            self._problems = list(error.problems)
            self._show(self._problems)
            self._focus_problem()
        else:
            show_error_dialog(error)

    def _ask_about_changes(self) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Unsaved changes")
        box.setText(f"You have unsaved changes in “{self.TITLE}”.")
        box.setInformativeText(
            "Save them to the record, keep them as a draft to finish later (it is offered "
            "back when you next open IRO Desktop), or discard them?"
        )
        save = box.addButton("Save", QMessageBox.ButtonRole.AcceptRole)
        save.setEnabled(self.is_valid())
        keep = box.addButton("Keep as draft", QMessageBox.ButtonRole.ActionRole)
        discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton("Keep editing", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        self.prompt = box

        def chosen(button: QAbstractButton) -> None:
            self.prompt = None
            if button is save:
                self.save_and_close()
            elif button is keep:
                self.autosave(force=True)
                self._finish(discard=False)
            elif button is discard:
                self._finish(discard=True)

        box.buttonClicked.connect(chosen)
        box.open()

    def _finish(self, *, discard: bool) -> None:
        self._closing_ok = True
        self._timer.stop()
        if discard:
            self.host.worker.submit(
                discard_slot, self.slot, self.host.store, label="Discarding the draft…"
            )
        self.closedForGood.emit()
        self.close()


def _items_in_order(layout) -> list:
    """A layout's items in reading order (a form layout's by row, not by when added)."""
    if isinstance(layout, QFormLayout):
        roles = (
            QFormLayout.ItemRole.LabelRole,
            QFormLayout.ItemRole.FieldRole,
            QFormLayout.ItemRole.SpanningRole,
        )
        items = (layout.itemAt(row, role) for row in range(layout.rowCount()) for role in roles)
        unique: dict[int, object] = {}  # a spanning row answers for every role
        for item in items:
            if item is not None:
                unique.setdefault(id(item.widget() or item.layout() or item), item)
        return list(unique.values())
    return [layout.itemAt(index) for index in range(layout.count())]


def _walk_layout(layout, found: list[QWidget]) -> None:
    if layout is None:
        return
    for item in _items_in_order(layout):
        widget = item.widget()
        if widget is not None:
            if isinstance(widget, QScrollArea):
                inner = widget.widget()
                if inner is not None:
                    _walk_layout(inner.layout(), found)
            elif isinstance(widget, _INPUTS) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                found.append(widget)
            else:
                _walk_layout(widget.layout(), found)
        elif item.layout() is not None:
            _walk_layout(item.layout(), found)


_INPUTS = (QLineEdit, QPlainTextEdit, QDateEdit, QComboBox, QCheckBox, QSpinBox, QAbstractButton)


def _change_signal(widget: QWidget):
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QDateEdit):
        return widget.dateChanged
    if isinstance(widget, QComboBox):
        return widget.currentTextChanged if widget.isEditable() else widget.currentIndexChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    return None


# -- reading and writing the usual widgets -------------------------------------------------------
def text_of(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return widget.currentText() if data is None else str(data)
    raise TypeError(widget)


def set_text(widget: QWidget, value: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != value:
            widget.setPlainText(value)
    elif isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index >= 0:
            widget.setCurrentIndex(index)
        elif widget.isEditable():
            widget.setEditText(value)
    else:
        raise TypeError(widget)


def set_date(widget: QWidget, value: date | None) -> None:
    assert isinstance(widget, QDateEdit)
    if value is not None:
        widget.setDate(to_qdate(value))
    elif widget.specialValueText():
        widget.setDate(widget.minimumDate())


NOT_ENTERED = "Not entered"


class _TypeOverNotEntered(QObject):
    """Typing a digit into a date that reads "Not entered" starts a date at the day, so
    "06052016" typed gives 06/05/2016 as in any other date field."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QDateEdit)
            and isinstance(event, QKeyEvent)
            and event.text().isdigit()
            and watched.date() == watched.minimumDate()
        ):
            watched.setDate(watched.maximumDate())
            watched.setSelectedSection(QDateTimeEdit.Section.DaySection)
        return False


def allow_no_date(widget: QWidget, earliest: date) -> None:
    """A date field that can be left empty: its earliest date reads "Not entered"."""
    assert isinstance(widget, QDateEdit)
    widget.setMinimumDate(to_qdate(earliest))
    widget.setSpecialValueText(NOT_ENTERED)
    widget.setDate(widget.minimumDate())
    widget.installEventFilter(_TypeOverNotEntered(widget))


def optional_date_of(widget: QWidget) -> date | None:
    assert isinstance(widget, QDateEdit)
    if widget.specialValueText() and widget.date() == widget.minimumDate():
        return None
    return to_date(widget.date())
