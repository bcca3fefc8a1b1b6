"""Reading and writing a form's fields: the usual widgets' values, the optional date that reads
"Not entered", each widget's "it changed" signal, and a whole form's values as a draft's JSON
(``payload_of``) and back (``apply_payload``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from iro_desktop.gui.forms.editors import RowsEditor, from_iso, iso, to_date, to_qdate
from iro_desktop.i18n import N_, _

NOT_ENTERED = N_("Not entered")
# The widgets a person types into or chooses with (named for screen readers, in the Tab order).
INPUTS = (QLineEdit, QPlainTextEdit, QDateEdit, QComboBox, QCheckBox, QSpinBox, QAbstractButton)


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


class _TypeOverNotEntered(QObject):
    """Typing a digit into a date that reads "Not entered" starts a date at the day, so
    "06052016" typed gives 06/05/2016 as in any other date field."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QDateEdit)
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and watched.date() == watched.minimumDate()
        ):
            # "Not entered" has no sections to step through: Tab leaves the field (Qt would
            # keep the keyboard in it for ever).
            forward = event.key() == Qt.Key.Key_Tab and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            _leave(watched, forward)
            return True
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


def _leave(widget: QWidget, forward: bool) -> None:
    """Give the keyboard to the next (or previous) field in the Tab order, skipping the
    date's own inner line edit (whose focus comes back to the date)."""
    step = QWidget.nextInFocusChain if forward else QWidget.previousInFocusChain
    candidate = step(widget)
    while candidate is not None and candidate is not widget:
        inside = widget.isAncestorOf(candidate) or candidate.focusProxy() is widget
        takes_tab = bool(candidate.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if not inside and takes_tab and candidate.isVisible() and candidate.isEnabled():
            reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
            candidate.setFocus(reason)
            return
        candidate = step(candidate)


def allow_no_date(widget: QWidget, earliest: date) -> None:
    """A date field that can be left empty: its earliest date reads "Not entered"."""
    assert isinstance(widget, QDateEdit)
    widget.setMinimumDate(to_qdate(earliest))
    widget.setSpecialValueText(_(NOT_ENTERED))
    widget.setDate(widget.minimumDate())
    widget.installEventFilter(_TypeOverNotEntered(widget))


def optional_date_of(widget: QWidget) -> date | None:
    assert isinstance(widget, QDateEdit)
    if widget.specialValueText() and widget.date() == widget.minimumDate():
        return None
    return to_date(widget.date())


def change_signal(widget: QWidget):
    """The signal a widget sends when what it holds changes (``None``: not an input)."""
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


# -- a whole form ---------------------------------------------------------------------------
def payload_of(widgets: Mapping[str, QWidget], editors: Mapping[str, RowsEditor]) -> dict[str, Any]:
    """Everything typed, as JSON-safe values (what a draft keeps)."""
    out: dict[str, Any] = {}
    for key, widget in widgets.items():
        if isinstance(widget, QLabel):
            continue
        if isinstance(widget, QDateEdit):
            out[key] = iso(optional_date_of(widget))
        elif isinstance(widget, QCheckBox):
            out[key] = widget.isChecked()
        else:
            out[key] = text_of(widget)
    for key, editor in editors.items():
        out[key] = editor.values()
    return out


def apply_payload(
    widgets: Mapping[str, QWidget], editors: Mapping[str, RowsEditor], payload: dict[str, Any]
) -> None:
    """Put a draft's values back into the fields (keys it does not have are left alone)."""
    for key, widget in widgets.items():
        if key not in payload or isinstance(widget, QLabel):
            continue
        value = payload[key]
        if isinstance(widget, QDateEdit):
            set_date(widget, from_iso(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        else:
            set_text(widget, str(value or ""))
    for key, editor in editors.items():
        if key in payload:
            editor.apply(payload[key])
