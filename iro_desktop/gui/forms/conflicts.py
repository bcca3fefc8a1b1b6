"""When a form's record changed somewhere else after the form opened (another window, another
copy of IRO Desktop, an import) in fields the IRO changed too: the dialog that shows each such
field as it was, as it is now and as typed, and asks, field by field, whose value to keep.

Nothing is chosen for the IRO: Save stays disabled until every field has an answer, so no
one's change is reverted by a key pressed in passing. The values are shown as the store holds
them, dates as dates and yes/no fields in words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.gui.formatting import format_date
from iro_desktop.gui.widgets.standard_buttons import name_standard_buttons
from iro_desktop.i18n import N_, _, ngettext

MINE = "mine"
THEIRS = "theirs"
BLANK = N_("(blank)")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Conflict:
    """One field changed both here and elsewhere: its label, and the three values as the form
    holds them (``loaded`` when the form opened, ``theirs`` now in the record, ``mine`` typed)."""

    key: str
    label: str
    loaded: Any
    theirs: Any
    mine: Any


def shown(value: Any, like: Any = None) -> str:
    """A value as a person reads it: a date as a date, a yes/no field in words."""
    if isinstance(like, bool) or isinstance(value, bool):
        return _("Yes") if value else _("No")
    if value is None or value == "":
        return _(BLANK)
    if isinstance(value, str) and _ISO_DAY.match(value):
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def value_at(payload: dict[str, Any], key: str) -> Any:
    """A form value by its key: ``field``, or ``rows.<id>.field`` for a row of an editor."""
    parts = key.split(".")
    if len(parts) == 3:
        row = row_of(payload, parts[0], parts[1])
        return None if row is None else row.get(parts[2])
    return payload.get(key)


def set_at(payload: dict[str, Any], key: str, value: Any) -> None:
    parts = key.split(".")
    if len(parts) == 3:
        row = row_of(payload, parts[0], parts[1])
        if row is not None:
            row[parts[2]] = value
        return
    payload[key] = value


def row_of(payload: dict[str, Any], rows: str, row_id: str) -> dict[str, Any] | None:
    return next((r for r in payload.get(rows) or [] if str(r.get("id")) == row_id), None)


def as_form_value(stored: Any, like: Any) -> Any:
    """A value as the store holds it (0/1, None) as the form holds it (like ``like``)."""
    if isinstance(like, bool):
        return bool(stored)
    if stored is None and isinstance(like, str):
        return ""
    return stored


def row_label(loaded: dict[str, Any], key: str) -> str:
    """A field without a label of its own: a row of an editor, named as it was loaded."""
    parts = key.split(".")
    if len(parts) == 3:
        row = row_of(loaded, parts[0], parts[1]) or {}
        who = row.get("name") or row.get("role") or _("a row")
        return f"{who}: {parts[2].replace('_', ' ')}"
    return key.replace("_", " ").capitalize()


def conflicts_from(
    refused: dict[str, tuple[Any, Any, Any]],
    loaded: dict[str, Any],
    payload: dict[str, Any],
    label_of: Callable[[str], str],
) -> list[Conflict]:
    """The service's {key: (loaded, now, mine)} as the form holds the values."""
    out = []
    for key, (_loaded, now, _mine) in refused.items():
        mine = value_at(payload, key)
        out.append(
            Conflict(key, label_of(key), value_at(loaded, key), as_form_value(now, mine), mine)
        )
    return out


def resolved(
    conflicts: list[Conflict],
    choices: dict[str, str],
    loaded: dict[str, Any],
    payload: dict[str, Any],
) -> dict[str, Any]:
    """The form's values after the IRO's answers: theirs goes into the field; either way
    ``loaded`` (changed in place) now holds the record's current value, so the next save
    writes mine over theirs only where the IRO chose it, and asks again about anything
    changed elsewhere after this."""
    out = dict(payload)
    for conflict in conflicts:
        set_at(loaded, conflict.key, conflict.theirs)
        if choices.get(conflict.key) != MINE:
            set_at(out, conflict.key, conflict.theirs)
    return out


class ConflictDialog(QDialog):
    """Keep mine or take theirs, for each field; ``choices()`` once accepted."""

    def __init__(self, title: str, conflicts: list[Conflict], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Changed since you opened it"))
        self.setAccessibleName(_("Changed since you opened it"))
        self.conflicts = conflicts
        intro = QLabel(
            (
                _(
                    "While “%(title)s” was open, someone changed the same record somewhere "
                    "else (another window, another copy of IRO Desktop, or an import). "
                )
                % {"title": title}
            )
            + (
                _("This field was changed there and by you. Choose which value to keep.")
                if len(conflicts) == 1
                else ngettext(  # two or more: Welsh has its own forms for 2, 3, 6…
                    "%(count)d field was changed there and by you. Choose which value to keep "
                    "for each.",
                    "These %(count)d fields were changed there and by you. Choose "
                    "which value to keep for each.",
                    len(conflicts),
                )
                % {"count": len(conflicts)}
            )
            + _(
                " Everything else you changed is kept, and so is everything else they changed. "
                "Nothing is saved until you press Save."
            )
        )
        intro.setWordWrap(True)
        intro.setAccessibleName(_("What happened"))

        grid = QGridLayout()
        for column, heading in enumerate(
            (
                _("Field"),
                _("When you opened it"),
                _("Changed elsewhere to"),
                _("What you typed"),
                _("Keep"),
            )
        ):
            label = QLabel(f"<b>{heading}</b>")
            label.setTextFormat(Qt.TextFormat.RichText)
            grid.addWidget(label, 0, column)
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[str, dict[str, QRadioButton]] = {}
        for row, conflict in enumerate(conflicts, start=1):
            grid.addWidget(QLabel(conflict.label), row, 0)
            for column, value in enumerate((conflict.loaded, conflict.theirs, conflict.mine), 1):
                cell = QLabel(shown(value, conflict.mine))
                cell.setTextFormat(Qt.TextFormat.PlainText)
                cell.setWordWrap(True)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(cell, row, column)
            mine = QRadioButton(_("Keep mine"))
            theirs = QRadioButton(_("Take theirs"))
            mine.setAccessibleName(
                _("%(label)s: keep mine (%(mine)s)")
                % {"label": conflict.label, "mine": shown(conflict.mine)}
            )
            theirs.setAccessibleName(
                _("%(label)s: take theirs (%(theirs)s)")
                % {"label": conflict.label, "theirs": shown(conflict.theirs, conflict.mine)}
            )
            group = QButtonGroup(self)
            group.addButton(mine)
            group.addButton(theirs)
            group.buttonToggled.connect(self._update_save)
            choice = QWidget()
            choice_layout = QVBoxLayout(choice)
            choice_layout.setContentsMargins(0, 0, 0, 0)
            choice_layout.addWidget(mine)
            choice_layout.addWidget(theirs)
            grid.addWidget(choice, row, 4)
            self.groups[conflict.key] = group
            self.buttons[conflict.key] = {MINE: mine, THEIRS: theirs}

        self.box = QDialogButtonBox()
        name_standard_buttons(self.box)
        self.save_button = self.box.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        back = self.box.addButton(_("Back to the form"), QDialogButtonBox.ButtonRole.RejectRole)
        back.setAccessibleName(_("Back to the form without saving"))
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        self.needed = QLabel(_("Choose mine or theirs for every field to save."))
        self.needed.setAccessibleName(_("What is needed"))
        layout.addWidget(self.needed)
        layout.addWidget(self.box)
        self._update_save()
        if conflicts:  # the keyboard starts on the first choice to make
            self.buttons[conflicts[0].key][MINE].setFocus()

    def choose(self, key: str, which: str) -> None:
        self.buttons[key][which].setChecked(True)

    def choices(self) -> dict[str, str]:
        """{key: MINE or THEIRS} for every field answered."""
        out = {}
        for key, buttons in self.buttons.items():
            for which, button in buttons.items():
                if button.isChecked():
                    out[key] = which
        return out

    @Slot()
    def _update_save(self, *_args: object) -> None:
        complete = len(self.choices()) == len(self.conflicts)
        self.save_button.setEnabled(complete)
        self.needed.setVisible(not complete)
