"""One application-wide event filter for every form and dialog, so that no value changes
without the IRO meaning it and every date can be typed straight away.

- **The wheel**: a combo box, date, time, spin box or slider changes on the mouse wheel only
  when it has the keyboard. Scrolling a long form over one passes the scroll to the form
  (the nearest scroll area) instead: a review date or a participation code feeds the DfE
  return, and must never move because the pointer happened to be over it. Such inputs take
  focus by click or Tab only (``Qt.StrongFocus``), so a wheel never gives them the keyboard.
- **Typing a date**: a printable key in a date field starts a typed date (``25/12/2026``,
  ``5/1/27``, ``25122026``, ``today``); Enter, Tab or leaving the field reads it, Escape puts
  the old date back. Without this, Qt's date field takes digits only section by section, and
  only after the section is selected: typing after a click silently did nothing.

Installed once by ``gui.app`` (``install_input_guard``); Qt widgets made by ``QUiLoader`` are
covered as well as those made in code.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QScrollBar,
    QToolTip,
    QWidget,
)

from iro_desktop.domain.display import read_date
from iro_desktop.i18n import language

# Qt's pattern for domain/display.DISPLAY ("Sat 5 Dec 2026"), in the locale whose words match
# babel's "en" ("Sep", not "Sept"), so that a date field reads as every other date does.
QT_DISPLAY = "ddd d MMM yyyy"
QT_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
QT_WELSH = QLocale(QLocale.Language.Welsh, QLocale.Country.UnitedKingdom)
GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)
TYPING = "_iro_typed_date"  # the text typed so far, kept on the date field itself
BEFORE = "_iro_date_before_typing"  # what Escape puts back
_COMMIT_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab}


def _guarded(widget: QObject) -> bool:
    # A scroll bar is how a form scrolls: it keeps the wheel.
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


def _today_of(edit: QDateEdit) -> date:
    """The app's "today" (a form's context may run as another day: the demo, tests)."""
    window = edit.window()
    for holder in (window, getattr(window, "context", None), window.parentWidget()):
        today = getattr(holder, "today", None)
        if isinstance(today, date):
            return today
    return date.today()


class InputGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and _guarded(watched):
            assert isinstance(watched, QWidget)
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            if type(watched) is QDateEdit:
                watched.setLocale(QT_WELSH if language() == "cy" else QT_ENGLISH)
                watched.setDisplayFormat(QT_DISPLAY)
        elif kind == QEvent.Type.Wheel and _guarded(watched):
            assert isinstance(watched, QWidget) and isinstance(event, QWheelEvent)
            if not watched.hasFocus():
                _scroll_the_form(watched, event)
                return True
        elif isinstance(watched, QDateEdit):
            if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return _typed_key(watched, event)
            if kind == QEvent.Type.FocusOut:
                _commit(watched)
        return False


def _scroll_the_form(widget: QWidget, event: QWheelEvent) -> None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        return
    horizontal = abs(event.angleDelta().x()) > abs(event.angleDelta().y())
    bar = parent.horizontalScrollBar() if horizontal else parent.verticalScrollBar()
    QApplication.sendEvent(bar, event)


def _typed_key(edit: QDateEdit, event: QKeyEvent) -> bool:
    """True when the key was part of a typed date (so Qt's own section editing does not see
    it)."""
    typed = edit.property(TYPING)
    key = event.key()
    if typed is None:
        text = event.text()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and text and (text.isalnum() or text in "/.-"):
            edit.setProperty(BEFORE, edit.date())
            _show(edit, text)
            return True
        return False
    if key == Qt.Key.Key_Escape:
        edit.setProperty(TYPING, None)
        edit.setDate(edit.property(BEFORE))
        edit.lineEdit().setText(edit.textFromDateTime(edit.dateTime()))
        return True
    if key in _COMMIT_KEYS:
        _commit(edit)
        return False  # Tab moves on; Enter (or Ctrl+Enter: save) does what it always did
    if key == Qt.Key.Key_Backspace:
        _show(edit, str(typed)[:-1])
        return True
    if event.text() and event.text().isprintable():
        _show(edit, str(typed) + event.text())
        return True
    return False


def _show(edit: QDateEdit, typed: str) -> None:
    """Show what is typed so far; as soon as it reads as a whole date the field holds that
    date (so the form checks it at once), though it keeps showing what was typed."""
    edit.setProperty(TYPING, typed)
    try:
        day = read_date(typed, _today_of(edit))
    except ValueError:
        pass
    else:
        if to_qdate(day) != edit.date():
            edit.setDate(to_qdate(day))
    line = edit.lineEdit()
    line.blockSignals(True)
    line.setText(typed)
    line.setCursorPosition(len(typed))
    line.blockSignals(False)


def _commit(edit: QDateEdit) -> None:
    typed = edit.property(TYPING)
    if typed is None:
        return
    edit.setProperty(TYPING, None)
    text = str(typed).strip()
    if not text and edit.specialValueText():
        edit.setDate(edit.minimumDate())  # all rubbed out: "Not entered"
    else:
        try:
            day = read_date(text, _today_of(edit))
        except ValueError as error:  # say what is wrong; the date stays as it was
            QToolTip.showText(edit.mapToGlobal(edit.rect().bottomLeft()), str(error), edit)
        else:
            edit.setDate(to_qdate(day))
    # Show the date as it now stands (unchanged when the typing was not a date), with the
    # last part selected so that Tab moves on to the next field.
    edit.lineEdit().setText(edit.textFromDateTime(edit.dateTime()))
    edit.setSelectedSection(QDateTimeEdit.Section.YearSection)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


_GUARD: InputGuard | None = None


def install_input_guard(app: QApplication) -> InputGuard:
    """Install the one guard on ``app`` (again is harmless)."""
    global _GUARD
    if _GUARD is None:
        _GUARD = InputGuard()
    app.removeEventFilter(_GUARD)
    app.installEventFilter(_GUARD)
    return _GUARD
