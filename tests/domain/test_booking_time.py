"""A booking's time, typed as the IRO would say it, and the checks on it."""

from datetime import date

import pytest


# -- a booking's time (typed as the IRO would say it) -------------------------------------------
@pytest.mark.parametrize(
    ("typed", "kept"),
    [("14:30", "14:30"), ("14.30", "14:30"), ("1430", "14:30"), ("2.30pm", "14:30"),
     ("2:30 PM", "14:30"), ("9am", "09:00"), ("12pm", "12:00"), ("10", "10:00"), ("", "")],
)  # fmt: skip
def test_a_booking_time_is_read_as_typed(typed, kept):
    from iro_desktop.domain.booking_time import read_time, time_text
    from iro_desktop.domain.validation import BookingEntry, booking_problems

    assert time_text(read_time(typed)) == kept
    entry = BookingEntry(date(2026, 12, 1), booked_time=typed)
    assert booking_problems(entry, date(2015, 1, 1), date(2026, 11, 1)) == []


@pytest.mark.parametrize(
    ("typed", "says"),
    [("half two", "14:30 or 2.30pm"), ("25:00", "not a time of day"), ("13pm", "1 to 12"),
     ("3", "outside the working day"), ("23:15", "outside the working day")],
)  # fmt: skip
def test_a_booking_time_that_cannot_be_right_is_refused_in_words(typed, says):
    from iro_desktop.domain.validation import BookingEntry, booking_problems

    entry = BookingEntry(date(2026, 12, 1), booked_time=typed)
    problems = booking_problems(entry, date(2015, 1, 1), date(2026, 11, 1))
    assert [p.field for p in problems] == ["booked_time"]
    assert says in problems[0].message
