"""The child-facing wording in the review form: for each item of the record (a new decision,
a worry, a thing going well, something the child said, a reason for the plan) the
professional text and, beside it, the sentence the child will read, with a "Use suggested
wording" button. A worry can be ticked as answered by the decisions that answer it; what the
child said gets a reply. An empty item stays out of the letter and is marked "not yet written
for <name>".

The rows follow the form's own fields: when a line or a decision is added or removed the rows
are rebuilt (what was typed is kept by item); a changed professional text only changes its
label.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from iro_desktop.domain.model import ChildWording, WordingKind
from iro_desktop.gui.forms.editors import Row, RowsEditor
from iro_desktop.i18n import N_, _

KIND_WORDS = {
    WordingKind.DECISION: N_("Decision"),
    WordingKind.WORRY: N_("Worry"),
    WordingKind.GOING_WELL: N_("Going well"),
    WordingKind.CHILD_SAID: N_("The child said"),
    WordingKind.PLAN_REASON: N_("Reason for the plan"),
}
LANGUAGE_WORDS = {"en": N_("English"), "cy": N_("Welsh")}
TEXT_KEYS = ("text_en", "text_cy", "reply_en", "reply_cy")


@dataclass(frozen=True)
class FormItem:
    kind: WordingKind
    item_key: str
    professional: str


Suggester = Callable[[WordingKind, str], ChildWording | None]


class WordingsEditor(RowsEditor):
    KEY = "wordings"
    ADD_TEXT = ""
    NOUN = ""

    def __init__(
        self,
        today: date,
        name: str,
        languages: Sequence[str],
        suggest: Suggester,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(today, parent)
        self.add_button.hide()
        self.name = name
        self.languages = tuple(languages)
        self.suggest = suggest
        self.items: list[FormItem] = []
        self.decision_count = 0
        self._typed: dict[tuple[str, str], dict[str, Any]] = {}
        self.empty_label.setText(
            _("Nothing recorded yet: the items appear here as you write them.")
        )
        self.empty_label.setAccessibleName(_("No items yet"))
        self.use_all = QPushButton(_("&Use suggested wording for every item not yet written"))
        self.use_all.setAccessibleName(_("Use suggested wording for every item not yet written"))
        self.use_all.setAutoDefault(False)
        self.use_all.clicked.connect(self.use_all_suggestions)
        self.layout().insertWidget(0, self.use_all)

    # -- which items ----------------------------------------------------------------------------
    def set_items(self, items: Sequence[FormItem]) -> None:
        """The form's items now. Rows are rebuilt only when items come or go."""
        items = list(items)
        decisions = sum(1 for i in items if i.kind == WordingKind.DECISION)
        same = [(i.kind, i.item_key) for i in items] == [(i.kind, i.item_key) for i in self.items]
        if same and decisions == self.decision_count and self.rows:
            self.items = items
            for row, item in zip(self.rows, items, strict=True):
                self._label(row, item)
            return
        self._remember()
        self.items = items
        self.decision_count = decisions
        self.set_values([self._typed.get((str(i.kind), i.item_key), {}) | {
            "kind": str(i.kind), "item_key": i.item_key} for i in items])  # fmt: skip

    def _remember(self) -> None:
        for values in super().values():
            self._typed[(values["kind"], values["item_key"])] = values

    # -- rows -------------------------------------------------------------------------------------
    def make_row(self, values: dict[str, Any]) -> Row:
        kind = WordingKind(values["kind"])
        item = next(
            (i for i in self.items if i.kind == kind and i.item_key == values["item_key"]),
            FormItem(kind, values["item_key"], ""),
        )
        row = Row(self)
        row.setProperty("kind", str(kind))
        row.setProperty("item_key", item.item_key)
        summary = QLabel()
        summary.setWordWrap(True)
        summary.setMinimumWidth(220)
        row.add("summary", summary, 2)  # the professional text, left; the child's, right
        prefix = "reply" if kind == WordingKind.CHILD_SAID else "text"
        for language in self.languages:
            edit = QLineEdit(values.get(f"{prefix}_{language}", ""))
            if kind == WordingKind.CHILD_SAID:
                hint = _("Your answer to %(name)s") % {"name": self.name}
            else:
                hint = _("For %(name)s") % {"name": self.name}
            if len(self.languages) > 1:
                hint = _("%(hint)s (%(language)s)") % {
                    "hint": hint,
                    "language": _(LANGUAGE_WORDS[language]),
                }
            edit.setPlaceholderText(hint)
            row.add(f"{prefix}_{language}", edit, 3 if len(self.languages) == 1 else 2)
        button = QPushButton(_("Use suggested"))
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self.use_suggestion(row))
        row.add("suggest", button)
        if kind == WordingKind.WORRY and self.decision_count:
            answers = set(values.get("answers", ()))
            box = QWidget()
            line = QHBoxLayout(box)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(QLabel(_("Answered by:")))
            for n in range(self.decision_count):
                tick = QCheckBox(_("decision %(number)d") % {"number": n + 1})
                tick.setChecked(f"new:{n}" in answers)
                tick.setProperty("answer_key", f"new:{n}")
                tick.setAccessibleName(_("Answered by decision %(number)d") % {"number": n + 1})
                tick.toggled.connect(self._on_edited)
                line.addWidget(tick)
            line.addStretch(1)
            row.outer.insertWidget(1, box)
            row.setProperty("has_answers", True)
            row.answers_box = box  # type: ignore[attr-defined]
        row.outer.setContentsMargins(0, 4, 0, 6)
        for key in TEXT_KEYS:
            if key in row.fields:
                row.fields[key].textChanged.connect(lambda _t, r=row: self._refresh_label(r))  # type: ignore[attr-defined]
        self._label(row, item)
        return row

    def name_row(self, index: int, row: Row) -> None:
        item = self._item_of(row)
        what = _("%(kind)s: %(text)s") % {
            "kind": _(KIND_WORDS[item.kind]),
            "text": item.professional[:60],
        }
        row.fields["summary"].setAccessibleName(what)
        for key in TEXT_KEYS:
            if key in row.fields:
                language = _(LANGUAGE_WORDS[key[-2:]])
                role = _("Your answer") if key.startswith("reply") else _("Child's wording")
                row.fields[key].setAccessibleName(
                    _("%(role)s (%(language)s) for %(what)s")
                    % {"role": role, "language": language, "what": what}
                )
        row.fields["suggest"].setAccessibleName(
            _("Use suggested wording for %(what)s") % {"what": what}
        )
        row.problems.setAccessibleName(_("Problem with %(what)s") % {"what": what})

    def row_key(self, index: int, row: Row) -> str:
        return f"{row.property('kind')}-{row.property('item_key')}"

    def row_values(self, row: Row) -> dict[str, Any]:
        values: dict[str, Any] = {
            "kind": row.property("kind"),
            "item_key": row.property("item_key"),
        }
        for key in TEXT_KEYS:
            widget = row.fields.get(key)
            values[key] = widget.text() if isinstance(widget, QLineEdit) else ""
        box = getattr(row, "answers_box", None)
        values["answers"] = [
            t.property("answer_key") for t in (box.findChildren(QCheckBox) if box else ())
            if t.isChecked()
        ]  # fmt: skip
        return values

    def apply(self, values: Sequence[dict[str, Any]]) -> None:
        """A draft's wording, kept by item until the items are there."""
        for v in values:
            self._typed[(v.get("kind", ""), v.get("item_key", ""))] = dict(v)
        self.set_items(self.items) if not self.rows else self._reapply()

    def _reapply(self) -> None:
        self.set_values([self._typed.get((str(i.kind), i.item_key), {}) | {
            "kind": str(i.kind), "item_key": i.item_key} for i in self.items])  # fmt: skip

    # -- suggestions ----------------------------------------------------------------------------
    def use_suggestion(self, row: Row) -> bool:
        item = self._item_of(row)
        found = self.suggest(item.kind, item.professional)
        if found is None:
            row.fields["suggest"].setToolTip(_("No suggestion for this item: please write one."))
            row.problems.setText(_("ⓘ No suggested wording for this item: please write one."))
            row.problems.setVisible(True)
            return False
        for key in TEXT_KEYS:
            widget = row.fields.get(key)
            text = getattr(found, key)
            if isinstance(widget, QLineEdit) and text:
                widget.setText(text)
        return True

    @Slot()
    def use_all_suggestions(self) -> None:
        for row in self.rows:
            if not self._written(row):
                self.use_suggestion(row)

    # -- helpers --------------------------------------------------------------------------------
    def _item_of(self, row: Row) -> FormItem:
        kind, key = WordingKind(row.property("kind")), row.property("item_key")
        return next(
            (i for i in self.items if i.kind == kind and i.item_key == key), FormItem(kind, key, "")
        )

    def _written(self, row: Row) -> bool:
        return any(
            isinstance(w, QLineEdit) and w.text().strip()
            for k, w in row.fields.items()
            if k in TEXT_KEYS
        )

    def _refresh_label(self, row: Row) -> None:
        self._label(row, self._item_of(row))

    def _label(self, row: Row, item: FormItem) -> None:
        if self._written(row):
            status = _("written for %(name)s") % {"name": self.name}
        else:
            status = _("⚠ not yet written for %(name)s") % {"name": self.name}
        kind = _(KIND_WORDS[item.kind])
        if item.kind == WordingKind.DECISION:
            number = int(item.item_key.split(":")[1]) + 1
            kind = _("Decision %(number)s") % {"number": number}
        label: QLabel = row.fields["summary"]  # type: ignore[assignment]
        label.setText(
            f"<b>{kind}:</b> {escape(item.professional)}<br><small>{status}</small>"  # markup only
        )
        label.setAccessibleDescription(status)
        if "suggest" in row.fields:  # built: name the fields for the text as it is now
            self.name_row(0, row)

    def wordings(self) -> tuple[ChildWording, ...]:
        """What was written, as the review's child-facing layer (confirmed: the IRO wrote or
        chose each one here)."""
        out = []
        for values in self.values():
            texts = {k: values[k].strip() for k in TEXT_KEYS}
            if not any(texts.values()):
                continue
            out.append(
                ChildWording(
                    id=None,
                    review_id=None,
                    kind=WordingKind(values["kind"]),
                    item_key=values["item_key"],
                    answers=tuple(values["answers"]),
                    confirmed=True,
                    **texts,
                )
            )
        return tuple(out)
