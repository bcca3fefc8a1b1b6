"""The diary in the window: File > Save diary as calendar file (Ctrl+Shift+Y) and the booking
form's time and "Save as calendar invite", driven through the real widgets offscreen. The
file dialog is the one seam replaced (``gui/widgets/calendar_file.ask_calendar_path``)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from iro_desktop.gui.widgets import calendar_file
from iro_desktop.services.caseload import due_list
from iro_desktop.storage.records import load_child_record

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WAIT = 10_000
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, demo_file):
    from iro_desktop.gui.app import launch

    made = launch(demo_file, False, TODAY)
    qtbot.addWidget(made)
    with qtbot.waitSignal(made.dueLoaded, timeout=WAIT):
        pass
    made.activateWindow()
    yield made
    for form in made.recording.live_forms():
        form._closing_ok = True
        form.close()
    made.recording._quit_confirmed = True
    made.close()


@pytest.fixture
def chosen(monkeypatch, tmp_path):
    """The file dialog, answered with a file in a Documents folder: what it was offered."""
    offered: list[Path] = []

    def ask(_parent, _caption, suggested: Path) -> Path:
        offered.append(suggested)
        return tmp_path / suggested.name

    monkeypatch.setattr(calendar_file, "ask_calendar_path", ask)
    return offered


def test_ctrl_shift_y_saves_the_diary_from_documents_with_no_name_in_the_file_name(
    qtbot, window, chosen, tmp_path
):
    with qtbot.waitSignal(window.diary.saved, timeout=WAIT) as saved:
        qtbot.keyClick(window, Qt.Key.Key_Y, CTRL_SHIFT)
    assert chosen[0].name == "iro-diary-2026-11-23.ics"
    assert chosen[0].parent.name in ("Documents", Path.home().name)  # never the program folder
    written = saved.args[0]
    assert written.path == tmp_path / chosen[0].name
    events = Calendar.from_ical(written.path.read_bytes()).walk("VEVENT")
    assert len(events) == written.entries > 20
    assert window.statusBar().currentMessage().startswith("Saved ")


def test_the_booking_form_takes_a_typed_time_and_saves_the_booking_as_one_invite(
    qtbot, window, chosen, tmp_path
):
    store = window.context.store
    child = next(t.child_ref for t in due_list(store, TODAY) if t.ref == "review:next")
    window.open_child(child, "reviews")
    qtbot.waitUntil(lambda: window.child_view.current_child_ref() == child, timeout=WAIT)
    with qtbot.waitSignal(window.recording.formOpened, timeout=WAIT) as opened:
        window.actions["book_review"].trigger()
    form = opened.args[0]
    qtbot.waitExposed(form)
    day = TODAY + timedelta(days=9)
    assert day == date(2026, 12, 2)
    form.field("booked_for").setDate(day)
    time_field = form.field("booked_time")
    time_field.setFocus()
    qtbot.keyClicks(time_field, "half two")
    assert "14:30 or 2.30pm" in form._error_labels["booked_time"].text()
    assert not form.save_button.isEnabled()
    time_field.clear()
    qtbot.keyClicks(time_field, "2.30pm")
    assert form.is_valid()

    qtbot.wait(50)  # let the layout settle before the screenshot
    form.grab().save(str(tmp_path / "booking-form.png"))
    form.invite_button.click()  # the booking as the form shows it, before saving
    invite = tmp_path / f"review-{child}-2026-11-23.ics"
    qtbot.waitUntil(invite.exists, timeout=WAIT)
    assert chosen == [chosen[0]] and chosen[0].name == invite.name
    events = Calendar.from_ical(invite.read_bytes()).walk("VEVENT")
    assert len(events) == 1 and "ATTENDEE" not in events[0]
    assert events[0]["DTSTART"].dt == datetime(2026, 12, 2, 14, 30, tzinfo=UTC)  # GMT in winter
    qtbot.waitUntil(lambda: "Saved 1 calendar entry" in form.status.text(), timeout=WAIT)

    with qtbot.waitSignal(form.savedToRecord, timeout=WAIT):
        qtbot.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.worker.pending_jobs == 0, timeout=WAIT)
    booked = [r for r in load_child_record(store, child).reviews if r.booked_for == day]
    assert [r.booked_time for r in booked] == ["14:30"]
    assert QApplication.activeModalWidget() is None
