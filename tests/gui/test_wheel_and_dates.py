"""Issue 17: no value changes on the mouse wheel without intent, and dates that can be typed
straight away, in every form (built as tests/gui/test_forms.py builds them) and dialog."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QScrollBar,
    QSpinBox,
    QWidget,
)

from iro_desktop.gui.app import application
from iro_desktop.gui.forms import FORMS
from iro_desktop.gui.forms.base import FormContext, FormHost
from iro_desktop.gui.forms.editors import to_date
from iro_desktop.services.child import child_detail

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)

ZAINAB = "DB402543"  # 3 open decisions


@pytest.fixture
def worker(qtbot, demo_store):  # stops (its jobs done) before the store is closed
    from iro_desktop.gui.worker import Worker

    made = Worker()
    yield made
    # As test_forms does: the forms and dialogs go before their worker stops.
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    QApplication.processEvents()
    made.shutdown()


def _form(qtbot, worker, store, kind):
    application()  # what the app does at start: installs the one input guard
    detail = None if kind == "child" else child_detail(store, ZAINAB, TODAY)
    record_ref = ""
    if detail is not None and kind in {"decision", "carry", "drop"}:
        record_ref = f"decision:{next(d.id for d in detail.record.decisions if d.is_open)}"
    form = FORMS[kind](
        FormHost(worker, store), FormContext(TODAY, ZAINAB if detail else "", record_ref, detail)
    )
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def _value(widget: QWidget):
    if isinstance(widget, QComboBox):
        return widget.currentIndex(), widget.currentText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractSlider):
        return widget.value()
    raise TypeError(widget)


def _wheel(widget: QWidget, steps: int) -> None:
    """A mouse wheel turned over the middle of ``widget`` (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _inputs(form) -> list[QWidget]:
    kinds = (QComboBox, QAbstractSpinBox, QAbstractSlider)
    return [
        w
        for w in form.findChildren(QWidget)
        if isinstance(w, kinds) and not isinstance(w, QScrollBar) and w.isVisibleTo(form)
    ]


@pytest.mark.parametrize("kind", sorted(FORMS))
def test_scrolling_over_every_input_of_every_form_changes_nothing(qtbot, worker, demo_store, kind):
    form = _form(qtbot, worker, demo_store, kind)
    form.cancel_button.setFocus()  # the keyboard is elsewhere, as when scrolling a long form
    inputs = _inputs(form)
    for widget in inputs:
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus, widget.accessibleName()
        before = _value(widget)
        for steps in (1, -1, -1, 3, -5):
            _wheel(widget, steps)
        assert _value(widget) == before, f"{kind}: {widget.accessibleName()} changed on the wheel"
        assert not widget.hasFocus()  # a wheel never gives the keyboard
    form._closing_ok = True
    form.close()


def test_the_wheel_over_an_input_scrolls_the_form_and_changes_a_focused_one(
    qtbot, worker, demo_store
):
    form = _form(qtbot, worker, demo_store, "review")
    form.resize(form.width(), 300)  # short enough to scroll
    qtbot.wait(20)
    area = next(
        a for a in form.findChildren(QAbstractScrollArea) if a.verticalScrollBar().maximum()
    )
    combo = form.field("text_language")
    form.cancel_button.setFocus()
    before = area.verticalScrollBar().value()
    _wheel(combo, -3)
    assert combo.currentData() == "en"
    assert area.verticalScrollBar().value() > before  # the scroll went to the form
    combo.setFocus()  # clicked or tabbed to: now the wheel is the IRO's choice
    _wheel(combo, -1)
    assert combo.currentData() != "en"
    form._closing_ok = True
    form.close()


def test_a_dialog_s_spin_box_and_date_ignore_the_wheel_without_focus(qtbot):
    application()
    dialog = QWidget()
    spin, day, other = QSpinBox(dialog), QDateEdit(dialog), QLineEdit(dialog)
    spin.move(0, 0), day.move(0, 40), other.move(0, 80)
    spin.setValue(5)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    other.setFocus()
    shown = day.date()
    _wheel(spin, 2)
    _wheel(day, -2)
    assert spin.value() == 5 and day.date() == shown


# -- dates typed straight away -------------------------------------------------------------------
def _click_end_of(qtbot, edit: QDateEdit) -> None:
    edit.window().activateWindow()
    qtbot.waitUntil(edit.window().isActiveWindow)
    line = edit.findChild(QLineEdit)
    qtbot.mouseClick(
        line, Qt.MouseButton.LeftButton, pos=QPoint(line.width() - 4, line.height() // 2)
    )
    assert edit.hasFocus()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("05/01/2027", date(2027, 1, 5)),
        ("5/1/27", date(2027, 1, 5)),
        ("today", TODAY),
        ("25122026", date(2026, 12, 25)),
    ],
)
def test_a_date_is_typed_after_one_click_without_selecting_a_part(
    qtbot, worker, demo_store, typed, expected
):
    form = _form(qtbot, worker, demo_store, "decision")
    edit = next(e for e in form.findChildren(QDateEdit) if e.isVisibleTo(form))
    edit.setDate(edit.date().addDays(-3))  # not already the date to be typed
    _click_end_of(qtbot, edit)
    qtbot.keyClicks(edit, typed)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert to_date(edit.date()) == expected
    assert not edit.hasFocus()  # Tab moved on to the next field
    form._closing_ok = True
    form.close()


def test_a_date_field_reads_like_every_other_date_and_says_what_is_wrong(qtbot, worker, demo_store):
    form = _form(qtbot, worker, demo_store, "decision")
    edit = next(e for e in form.findChildren(QDateEdit) if e.isVisibleTo(form))
    edit.setDate(edit.date().fromString("2026-09-01", Qt.DateFormat.ISODate))
    assert edit.text() == "Tue 1 Sep 2026"  # domain/display.DISPLAY, "Sep" as everywhere
    _click_end_of(qtbot, edit)
    qtbot.keyClicks(edit, "31/02/2027")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert to_date(edit.date()) == date(2026, 9, 1)  # unchanged, and told why
    from PySide6.QtWidgets import QToolTip

    assert QToolTip.text() == "31/02/2027: February 2027 has 28 days"
    assert edit.text() == "Tue 1 Sep 2026"
    form._closing_ok = True
    form.close()


def test_the_briefing_dialog_takes_a_typed_date(qtbot, worker, demo_store):
    from iro_desktop.gui.dialogs.briefing import BriefingDialog

    application()
    dialog = BriefingDialog(worker, demo_store, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _click_end_of(qtbot, dialog.day_edit)
    qtbot.keyClicks(dialog.day_edit, "9/12/26")
    qtbot.keyClick(dialog.day_edit, Qt.Key.Key_Tab)
    assert dialog.day() == date(2026, 12, 9)
    qtbot.waitUntil(lambda: worker.pending_jobs == 0, timeout=10_000)  # its preview is done
    dialog.close()


def test_escape_puts_back_the_date_before_typing(qtbot, worker, demo_store):
    form = _form(qtbot, worker, demo_store, "decision")
    edit = next(e for e in form.findChildren(QDateEdit) if e.isVisibleTo(form))
    before = edit.date()
    _click_end_of(qtbot, edit)
    qtbot.keyClicks(edit, "1/1/30")
    assert to_date(edit.date()) == date(2030, 1, 1)  # a whole date counts as soon as typed
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.date() == before
    form._closing_ok = True
    form.close()
