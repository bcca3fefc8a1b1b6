"""Showing a form's problems: each in words on the line under its field (or in its row
editor) with a warning sign, never by colour alone; a summary of what is left; "Save and
close" enabled only when nothing is. A required field's problem waits until the IRO has
touched the field or tried to save, so a new form does not open covered in warnings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from iro_desktop.domain.validation import Problem
from iro_desktop.gui.forms.editors import RowsEditor, show_message
from iro_desktop.i18n import N_, _, ngettext

REQUIRED_WORDS = N_("Required.")


class ProblemsDisplay:
    def __init__(
        self,
        widgets: Mapping[str, QWidget],
        editors: Mapping[str, RowsEditor],
        error_labels: Mapping[str, QLabel],
        summary: QLabel,
        save_button: QPushButton,
        required: Sequence[str],
    ) -> None:
        self.widgets = widgets
        self.editors = editors  # the form's own dict: editors added later are seen
        self.error_labels = error_labels
        self.summary = summary
        self.save_button = save_button
        self.required = tuple(required)
        self.problems: list[Problem] = []
        self.show_required = False  # after a try to save: every required field's problem
        self.touched: set[str] = set()

    def required_words(self, key: str) -> str:
        return _(REQUIRED_WORDS) if key in self.required else ""

    def show(self, problems: Sequence[Problem], saving: bool = False) -> None:
        self.problems = list(problems)
        for key, label in self.error_labels.items():
            shown = [p.message for p in problems if p.field == key and self.shown_inline(p)]
            show_message(label, shown)
            widget = self.widgets[key]
            widget.setAccessibleDescription(" ".join(shown) or self.required_words(key))
        for key, editor in self.editors.items():
            editor.show_problems(
                [p for p in problems if p.field.split(".")[0] == key],
                self.show_required or editor.touched,
            )
        if problems:
            inline = [p for p in problems if self.shown_inline(p)]
            rest = [p for p in problems if not self.shown_inline(p)]
            parts = []
            if inline:
                count = ngettext("%(count)d thing", "%(count)d things", len(inline)) % {
                    "count": len(inline)
                }
                parts.append(_("%(count)s to put right, marked ⚠ above.") % {"count": count})
            if rest:
                needed = " ".join(p.message for p in rest)
                parts.append(_("Still needed: %(needed)s") % {"needed": needed})
            show_message(self.summary, [_("Before saving: %(what)s") % {"what": " ".join(parts)}])
        else:
            self.summary.clear()
            self.summary.setVisible(False)
        self.save_button.setEnabled(not problems and not saving)
        self.save_button.setToolTip(
            "Ctrl+Enter" if not problems else _("Put right what is listed above first.")
        )

    def shown_inline(self, problem: Problem) -> bool:
        head = problem.field.split(".")[0]
        if problem.field in self.error_labels:
            return not problem.required or self.show_required or problem.field in self.touched
        if head in self.editors:
            return not problem.required or self.show_required or self.editors[head].touched
        return False

    def focus_first(self) -> None:
        """The keyboard goes to the first problem's field."""
        first = self.problems[0].field
        head = first.split(".")[0]
        if first in self.widgets:
            self.widgets[first].setFocus()
        elif head in self.editors:
            target = self.editors[head].first_field(first)
            if target is not None:
                target.setFocus()
