"""Book the next review: date and venue, and whether the child chose the venue."""

from __future__ import annotations

from typing import ClassVar

from iro_desktop.domain.tasks import booked_review
from iro_desktop.domain.validation import BookingEntry, Problem, booking_problems
from iro_desktop.gui.formatting import format_date
from iro_desktop.gui.forms.base import RecordForm
from iro_desktop.gui.forms.fields import set_date, set_text
from iro_desktop.services.recording import book_review


def due_words(detail) -> str:
    """ "Wed 21 Jan 2026 (hold by ...): why" for the next review, in words."""
    if detail is None or detail.schedule.next_due is None:
        why = detail.schedule.why_none_due if detail else ""
        return f"No review is due{': ' + why if why else ''}."
    due = detail.schedule.next_due
    late = " (overdue)" if due.due < detail.today else ""
    return (
        f"{format_date(due.due)}{late}, hold by {format_date(due.hold_by)}. "
        f"{due.explanation[:1].upper()}{due.explanation[1:]}."
    )


class BookingForm(RecordForm):
    KIND = "booking"
    UI_FILE = "booking_form.ui"
    TITLE = "Book the next review"
    FIELDS: ClassVar[dict[str, str]] = {
        "due": "dueText",
        "booked_for": "bookedFor",
        "venue": "venue",
        "venue_childs_choice": "venueChildsChoice",
    }
    REQUIRED = ("booked_for",)

    def apply_defaults(self) -> None:
        detail = self.context.detail
        self.field("due").setText(due_words(detail))  # type: ignore[attr-defined]
        booking = booked_review(detail.record) if detail else None
        if booking is not None:
            set_date(self.field("booked_for"), booking.booked_for)
            set_text(self.field("venue"), booking.venue)
            self.field("venue_childs_choice").setChecked(bool(booking.venue_childs_choice))  # type: ignore[attr-defined]
            return
        due = detail.schedule.next_due if detail else None
        set_date(
            self.field("booked_for"),
            due.hold_by if due is not None and due.hold_by >= self.today else self.today,
        )

    def entry(self) -> BookingEntry:
        return BookingEntry(
            self.date("booked_for"), self.text("venue"), self.checked("venue_childs_choice")
        )

    def problems(self) -> list[Problem]:
        detail = self.context.detail
        return booking_problems(
            self.entry(), detail.record.child.dob if detail else None, self.today
        )

    def save_call(self):
        return book_review, (self.context.child_ref, self.entry(), self.today)

    def saved_message(self) -> str:
        return "Review booked."
