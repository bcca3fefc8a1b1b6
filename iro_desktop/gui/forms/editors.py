"""Lists of rows inside a form: a review's parts, new decisions, the decisions carried
forward, and the people around a child. Each row is a line of ordinary widgets (no table
cells), so Tab walks through them in reading order and a screen reader names each one.

Field keys match ``domain/validation.py``: problems for ``parts.1.held_on`` are shown under
row 2 of the parts editor.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.domain.model import Decision
from iro_desktop.domain.validation import PERSON_ROLES, Problem, StepAction
from iro_desktop.gui.accessibility import LiveLabel
from iro_desktop.gui.formatting import format_date
from iro_desktop.i18n import N_, _

DATE_FORMAT = "dd/MM/yyyy"  # Qt's typing pattern; shown as domain/display.DISPLAY (input_guard)
WHO_SAMPLE = N_("Sam Lee, social worker")
LANGUAGE_CHOICES = (("en", N_("English")), ("cy", N_("Welsh (Cymraeg)")))
ROLE_WORDS = {
    "mother": N_("Mother"),
    "father": N_("Father"),
    "carer": N_("Carer"),
    "other": N_("Other"),
}
STEP_CHOICES = (
    (StepAction.KEEP, N_("Keep open")),
    (StepAction.DONE, N_("Done")),
    (StepAction.CARRY, N_("Carry to a new date")),
    (StepAction.DROP, N_("Drop (say why)")),
)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def from_iso(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def date_edit(value: date, accessible_name: str) -> QDateEdit:
    edit = QDateEdit(to_qdate(value))
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setAccessibleName(accessible_name)
    return edit


def error_label(accessible_name: str) -> QLabel:
    """A message saying what to put right: a warning sign and words, never colour alone."""
    from iro_desktop.gui.models.records_model import alert_colour

    label = LiveLabel()  # a problem is announced when it appears, not only shown
    label.setWordWrap(True)
    label.setObjectName("problem")
    label.setAccessibleName(accessible_name)
    label.setStyleSheet(f"color: {alert_colour().name()}; font-weight: bold;")
    label.setVisible(False)
    return label


def show_message(label: QLabel, messages: Sequence[str]) -> None:
    text = "\n".join(f"⚠ {m}" for m in messages)
    label.setText(text)
    label.setAccessibleDescription(" ".join(messages))
    label.setVisible(bool(messages))


def fill_combo(combo: QComboBox, choices: Sequence[tuple[Any, str]]) -> None:
    combo.clear()
    for value, text in choices:
        combo.addItem(text, value)


def translated(choices: Sequence[tuple[Any, str]]) -> list[tuple[Any, str]]:
    """Choices whose labels are marked with N_, in the language in use (codes unchanged)."""
    return [(value, _(text) if text else text) for value, text in choices]


def set_combo(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class Row(QWidget):
    """One line of fields plus its own message line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        self.line = QHBoxLayout()
        self.line.setContentsMargins(0, 0, 0, 0)
        self.problems = error_label(_("Problem with this row"))
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 2, 0, 2)
        self.outer.setSpacing(2)
        self.outer.addLayout(self.line)
        self.outer.addWidget(self.problems)

    def add_above(self, key: str, widget: QWidget) -> QWidget:
        """A line of its own above the fields (the decision a step is about)."""
        self.fields[key] = widget
        self.outer.insertWidget(0, widget)
        return widget

    def add(self, key: str, widget: QWidget, stretch: int = 0) -> QWidget:
        self.fields[key] = widget
        self.line.addWidget(widget, stretch)
        return widget


class RowsEditor(QWidget):
    """Rows the IRO can add and remove; ``changed`` on any edit."""

    changed = Signal()
    rowsChanged = Signal()  # a row was added or removed: the Tab order needs redoing
    KEY = ""
    ADD_TEXT = N_("Add")
    NOUN = "row"
    EMPTY_TEXT = N_("No rows yet.")
    REMOVE_TEXT = N_("Remove row")
    REMOVE_NTH = N_("Remove row %(number)d")
    PROBLEM_NTH = N_("Problem with row %(number)d")
    MIN_ROWS = 0

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.rows: list[Row] = []
        self.touched = False
        self._rows_box = QVBoxLayout()
        self._rows_box.setContentsMargins(0, 0, 0, 0)
        add_text = _(self.ADD_TEXT) if self.ADD_TEXT else ""  # _("") is the catalogue's header
        self.add_button = QPushButton(add_text)
        self.add_button.setAccessibleName(add_text)
        self.add_button.setAutoDefault(False)
        self.add_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.empty_label = QLabel(_(self.EMPTY_TEXT) if self.NOUN else "")
        self.empty_label.setAccessibleName(_(self.EMPTY_TEXT).rstrip(".") if self.NOUN else "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_box)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.add_button)
        self.add_button.clicked.connect(self._on_add)
        self._update_empty()

    # -- rows --------------------------------------------------------------------------------
    def make_row(self, values: dict[str, Any] | None) -> Row:
        raise NotImplementedError

    def add_row(self, values: dict[str, Any] | None = None) -> Row:
        row = self.make_row(values or {})
        if self.NOUN and self.ADD_TEXT:
            remove = QPushButton(_(self.REMOVE_TEXT))
            remove.setAutoDefault(False)
            remove.clicked.connect(lambda: self.remove_row(row))
            row.add("remove", remove)
        self.rows.append(row)
        self._rows_box.addWidget(row)
        if self.isVisible():
            row.show()  # at once, so that Tab can reach it before the next event loop turn
        for widget in row.fields.values():
            _connect_changes(widget, self._on_edited)
        self._renumber()
        self._update_empty()
        self.rowsChanged.emit()
        return row

    def remove_row(self, row: Row) -> None:
        if row not in self.rows or len(self.rows) <= self.MIN_ROWS:
            return
        index = self.rows.index(row)
        self.rows.remove(row)
        self._rows_box.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._renumber()
        self._update_empty()
        self.rowsChanged.emit()
        self.touched = True
        self.changed.emit()
        # Keep the keyboard somewhere sensible: the row that took its place, or Add.
        if self.rows:
            first = next(iter(self.rows[min(index, len(self.rows) - 1)].fields.values()))
            first.setFocus()
        else:
            self.add_button.setFocus()

    def values(self) -> list[dict[str, Any]]:
        return [self.row_values(row) for row in self.rows]

    def set_values(self, values: Sequence[dict[str, Any]]) -> None:
        for row in list(self.rows):
            self.rows.remove(row)
            self._rows_box.removeWidget(row)
            row.hide()
            row.deleteLater()
        for item in values:
            self.add_row(item)
        while len(self.rows) < self.MIN_ROWS:
            self.add_row()
        self._update_empty()

    def row_values(self, row: Row) -> dict[str, Any]:
        raise NotImplementedError

    def apply(self, values: Sequence[dict[str, Any]]) -> None:
        """Put back what a draft kept."""
        self.set_values(values)

    def row_key(self, index: int, row: Row) -> str:
        return str(index)

    def show_problems(self, problems: Sequence[Problem], show_required: bool) -> None:
        """Problems whose field starts with ``KEY.`` go under their row."""
        for index, row in enumerate(self.rows):
            prefix = f"{self.KEY}.{self.row_key(index, row)}."
            messages = [
                p.message
                for p in problems
                if (p.field + ".").startswith(prefix) and (show_required or not p.required)
            ]
            show_message(row.problems, messages)

    def first_field(self, key: str) -> QWidget | None:
        """The widget for a problem's field key, to put the keyboard there."""
        parts = key.split(".")
        for index, row in enumerate(self.rows):
            if len(parts) >= 2 and parts[1] == self.row_key(index, row):
                if len(parts) >= 3 and parts[2] in row.fields:
                    return row.fields[parts[2]]
                return next(iter(row.fields.values()), None)
        return self.add_button

    # -- helpers -----------------------------------------------------------------------------
    def _renumber(self) -> None:
        for index, row in enumerate(self.rows):
            self.name_row(index, row)

    def name_row(self, index: int, row: Row) -> None:
        remove = row.fields.get("remove")
        if remove is not None:
            remove.setAccessibleName(_(self.REMOVE_NTH) % {"number": index + 1})
        row.problems.setAccessibleName(_(self.PROBLEM_NTH) % {"number": index + 1})

    def _update_empty(self) -> None:
        self.empty_label.setVisible(not self.rows)

    @Slot()
    def _on_add(self) -> None:
        row = self.add_row()
        self.touched = True
        self.changed.emit()
        next(iter(row.fields.values())).setFocus()

    @Slot()
    def _on_edited(self) -> None:
        self.touched = True
        self.changed.emit()


def _connect_changes(widget: QWidget, slot) -> None:
    if isinstance(widget, QLineEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QDateEdit):
        widget.dateChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
    elif isinstance(widget, QCheckBox):
        widget.toggled.connect(slot)


class PartsEditor(RowsEditor):
    """A review's parts: date and venue each. A review has at least one part."""

    KEY = "parts"
    ADD_TEXT = N_("Add a part")
    NOUN = "part"
    EMPTY_TEXT = N_("No parts yet.")
    REMOVE_TEXT = N_("Remove part")
    REMOVE_NTH = N_("Remove part %(number)d")
    PROBLEM_NTH = N_("Problem with part %(number)d")
    MIN_ROWS = 1

    def make_row(self, values: dict[str, Any]) -> Row:
        row = Row(self)
        held = from_iso(values.get("held_on")) or self.today
        row.add("held_on", date_edit(held, _("Part date")))
        venue = QLineEdit(values.get("venue", ""))
        venue.setPlaceholderText(_("Venue"))
        row.add("venue", venue, 1)
        return row

    def name_row(self, index: int, row: Row) -> None:
        super().name_row(index, row)
        row.fields["held_on"].setAccessibleName(
            _("Part %(number)d: date held") % {"number": index + 1}
        )
        row.fields["venue"].setAccessibleName(_("Part %(number)d: venue") % {"number": index + 1})

    def row_values(self, row: Row) -> dict[str, Any]:
        held: QDateEdit = row.fields["held_on"]  # type: ignore[assignment]
        venue: QLineEdit = row.fields["venue"]  # type: ignore[assignment]
        return {"held_on": iso(to_date(held.date())), "venue": venue.text()}


class DecisionsEditor(RowsEditor):
    """New decisions: what, who, by when (SMART: every decision has who and by when)."""

    KEY = "decisions"
    ADD_TEXT = N_("Add a decision")
    NOUN = "decision"
    EMPTY_TEXT = N_("No decisions yet.")
    REMOVE_TEXT = N_("Remove decision")
    REMOVE_NTH = N_("Remove decision %(number)d")
    PROBLEM_NTH = N_("Problem with decision %(number)d")

    def make_row(self, values: dict[str, Any]) -> Row:
        row = Row(self)
        what = QLineEdit(values.get("what", ""))
        what.setPlaceholderText(_("What will happen"))
        who = QLineEdit(values.get("who", ""))
        who.setPlaceholderText(_("Who (name and role)"))
        # Wide enough for a name and a role ("Sam Lee, social worker") without scrolling.
        who.setMinimumWidth(who.fontMetrics().horizontalAdvance(_(WHO_SAMPLE)) + 16)
        by_when = from_iso(values.get("by_when")) or self.today + timedelta(days=28)
        row.add("what", what, 3)
        row.add("who", who, 2)
        row.add("by_when", date_edit(by_when, _("By when")))
        return row

    def name_row(self, index: int, row: Row) -> None:
        super().name_row(index, row)
        number = index + 1
        row.fields["what"].setAccessibleName(
            _("Decision %(number)s: what will happen") % {"number": number}
        )
        row.fields["who"].setAccessibleName(_("Decision %(number)s: who") % {"number": number})
        row.fields["by_when"].setAccessibleName(
            _("Decision %(number)s: by when") % {"number": number}
        )

    def row_values(self, row: Row) -> dict[str, Any]:
        what: QLineEdit = row.fields["what"]  # type: ignore[assignment]
        who: QLineEdit = row.fields["who"]  # type: ignore[assignment]
        by_when: QDateEdit = row.fields["by_when"]  # type: ignore[assignment]
        return {"what": what.text(), "who": who.text(), "by_when": iso(to_date(by_when.date()))}


class PeopleEditor(RowsEditor):
    """Parents, carers and others, each with their preferred language for letters."""

    KEY = "people"
    ADD_TEXT = N_("Add a person")
    NOUN = "person"
    EMPTY_TEXT = N_("No persons yet.")
    REMOVE_TEXT = N_("Remove person")
    REMOVE_NTH = N_("Remove person %(number)d")
    PROBLEM_NTH = N_("Problem with person %(number)d")

    def make_row(self, values: dict[str, Any]) -> Row:
        row = Row(self)
        row.setProperty("person_id", values.get("id"))
        role = QComboBox()
        fill_combo(role, [(r, _(ROLE_WORDS[r])) for r in PERSON_ROLES])
        set_combo(role, values.get("role", "mother"))
        name = QLineEdit(values.get("name", ""))
        name.setPlaceholderText(_("Name"))
        language = QComboBox()
        fill_combo(language, translated(LANGUAGE_CHOICES))
        set_combo(language, values.get("language", "en"))
        interpreter = QCheckBox(_("Interpreter"))
        interpreter.setChecked(bool(values.get("interpreter_needed")))
        called = QLineEdit(values.get("called_by_child", ""))
        called.setPlaceholderText(_("The child calls them (Nain, Grandma…)"))
        row.add("role", role)
        row.add("name", name, 1)
        row.add("called_by_child", called, 1)
        row.add("language", language)
        row.add("interpreter_needed", interpreter)
        return row

    def name_row(self, index: int, row: Row) -> None:
        super().name_row(index, row)
        number = index + 1
        row.fields["role"].setAccessibleName(_("Person %(number)s: role") % {"number": number})
        row.fields["name"].setAccessibleName(_("Person %(number)s: name") % {"number": number})
        row.fields["called_by_child"].setAccessibleName(
            _("Person %(number)s: what the child calls them") % {"number": number}
        )
        row.fields["language"].setAccessibleName(
            _("Person %(number)s: preferred language") % {"number": number}
        )
        row.fields["interpreter_needed"].setAccessibleName(
            _("Person %(number)s: interpreter needed") % {"number": number}
        )

    def row_values(self, row: Row) -> dict[str, Any]:
        role: QComboBox = row.fields["role"]  # type: ignore[assignment]
        name: QLineEdit = row.fields["name"]  # type: ignore[assignment]
        language: QComboBox = row.fields["language"]  # type: ignore[assignment]
        interpreter: QCheckBox = row.fields["interpreter_needed"]  # type: ignore[assignment]
        return {
            "id": row.property("person_id"),
            "role": role.currentData(),
            "name": name.text(),
            "language": language.currentData(),
            "interpreter_needed": interpreter.isChecked(),
            "called_by_child": row.fields["called_by_child"].text(),  # type: ignore[attr-defined]
        }


class StepsEditor(RowsEditor):
    """The open decisions carried forward, open ones listed first (soonest due first), each
    to keep open, mark done, carry to a new date or drop with a reason."""

    KEY = "steps"
    ADD_TEXT = ""
    NOUN = ""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.add_button.hide()
        self.empty_label.setText(_("No open decisions to carry forward."))
        self.empty_label.setAccessibleName(_("No open decisions to carry forward"))
        self._decisions: dict[int, Decision] = {}

    def set_decisions(self, decisions: Sequence[Decision]) -> None:
        """The child's open decisions; earlier choices (a draft) are kept by decision id."""
        open_ones = sorted(
            (d for d in decisions if d.is_open and d.archived_on is None and d.id is not None),
            key=lambda d: (d.by_when or date.max, d.what),
        )
        self._decisions = {d.id: d for d in open_ones if d.id is not None}
        self.set_values([{"decision_id": d.id} for d in open_ones])

    def apply(self, values: Sequence[dict[str, Any]]) -> None:
        by_id = {int(v["decision_id"]): v for v in values if v.get("decision_id") is not None}
        for row in self.rows:
            saved = by_id.get(int(row.property("decision_id")))
            if saved is None:
                continue
            action: QComboBox = row.fields["action"]  # type: ignore[assignment]
            set_combo(action, saved.get("action", StepAction.KEEP))
            new_date = from_iso(saved.get("new_by_when"))
            if new_date:
                row.fields["new_by_when"].setDate(to_qdate(new_date))  # type: ignore[attr-defined]
            row.fields["note"].setText(saved.get("note", ""))  # type: ignore[attr-defined]
            self._on_action(row)

    def make_row(self, values: dict[str, Any]) -> Row:
        decision = self._decisions[int(values["decision_id"])]
        row = Row(self)
        row.setProperty("decision_id", decision.id)
        due = decision.by_when
        late = _(" (overdue)") if due and due < self.today else ""
        who = f", {decision.who}" if decision.who else ""
        summary = QLabel(
            _("• %(what)s%(who)s; due %(due)s%(late)s")
            % {"what": decision.what, "who": who, "due": format_date(due), "late": late}
        )
        summary.setWordWrap(True)
        action = QComboBox()
        fill_combo(action, [(a.value, _(text)) for a, text in STEP_CHOICES])
        new_date = date_edit(max(self.today, due or self.today) + timedelta(days=28), _("New date"))
        note = QLineEdit()
        note.setPlaceholderText(_("Reason (to drop) or progress"))
        row.add_above("summary", summary)
        row.add("action", action)
        row.add("new_by_when", new_date)
        row.add("note", note, 1)
        row.outer.setContentsMargins(0, 4, 0, 6)
        action.currentIndexChanged.connect(lambda _i: self._on_action(row))
        self._on_action(row)
        return row

    def name_row(self, index: int, row: Row) -> None:
        decision = self._decisions[int(row.property("decision_id"))]
        what = decision.what[:60]
        row.fields["summary"].setAccessibleName(_("Decision: %(what)s") % {"what": what})
        row.fields["action"].setAccessibleName(_("What happens to: %(what)s") % {"what": what})
        row.fields["new_by_when"].setAccessibleName(_("New date for: %(what)s") % {"what": what})
        row.fields["note"].setAccessibleName(_("Reason or progress for: %(what)s") % {"what": what})
        row.problems.setAccessibleName(_("Problem with: %(what)s") % {"what": what})

    def row_key(self, index: int, row: Row) -> str:
        return str(row.property("decision_id"))

    def row_values(self, row: Row) -> dict[str, Any]:
        action: QComboBox = row.fields["action"]  # type: ignore[assignment]
        new_date: QDateEdit = row.fields["new_by_when"]  # type: ignore[assignment]
        note: QLineEdit = row.fields["note"]  # type: ignore[assignment]
        chosen = action.currentData()
        return {
            "decision_id": int(row.property("decision_id")),
            "action": chosen,
            "new_by_when": iso(to_date(new_date.date())) if chosen == StepAction.CARRY else "",
            "note": note.text(),
        }

    def _on_action(self, row: Row) -> None:
        """The new date is asked for only when the decision is carried forward."""
        action: QComboBox = row.fields["action"]  # type: ignore[assignment]
        carry = action.currentData() == StepAction.CARRY
        row.fields["new_by_when"].setEnabled(carry)
        row.fields["new_by_when"].setVisible(carry)
