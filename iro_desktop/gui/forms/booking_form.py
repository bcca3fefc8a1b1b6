"""Book the next review: date, time (empty: the whole day) and venue, and whether the child
chose the venue; the booking can be saved as a single calendar invite (an .ics file)."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QPushButton

from iro_desktop.domain.tasks import booked_review
from iro_desktop.domain.validation import BookingEntry, Problem, booking_problems
from iro_desktop.gui.formatting import format_date
from iro_desktop.gui.forms.base import RecordForm
from iro_desktop.gui.forms.fields import set_date, set_text
from iro_desktop.gui.widgets.calendar_file import save_calendar
from iro_desktop.gui.widgets.file_job import FileJob
from iro_desktop.i18n import N_, _
from iro_desktop.services.diary import export_booking_invite, invite_file_name
from iro_desktop.services.recording import book_review


def due_words(detail) -> str:
    """ "Wed 21 Jan 2026 (hold by ...): why" for the next review, in words."""
    if detail is None or detail.schedule.next_due is None:
        why = detail.schedule.why_none_due if detail else ""
        if why:
            return _("No review is due: %(why)s.") % {"why": why}
        return _("No review is due.")
    due = detail.schedule.next_due
    words = _("%(due)s, hold by %(hold_by)s.")
    if due.due < detail.today:
        words = _("%(due)s (overdue), hold by %(hold_by)s.")
    why = f"{due.explanation[:1].upper()}{due.explanation[1:]}."
    return f"{words % {'due': format_date(due.due), 'hold_by': format_date(due.hold_by)}} {why}"


def write_invite(store, child_ref, today, entry, path):
    """The job, on the worker thread: the booking as the form shows it, as one entry."""
    return export_booking_invite(store, child_ref, path, today, entry)


class _FormStatus:
    """The form's status line as the invite job's ``file_job.Busy``."""

    def __init__(self, form: BookingForm) -> None:
        self._form = form

    def start(self, text: str) -> None:
        self._form.status.setText(text)

    def stop(self) -> None:
        pass


class BookingForm(RecordForm):
    KIND = "booking"
    UI_FILE = "booking_form.ui"
    TITLE = N_("Book the next review")
    FIELDS: ClassVar[dict[str, str]] = {
        "due": "dueText",
        "booked_for": "bookedFor",
        "booked_time": "bookedTime",
        "venue": "venue",
        "venue_childs_choice": "venueChildsChoice",
    }
    REQUIRED = ("booked_for",)

    def setup(self) -> None:
        self.invite_button = self._find("saveInvite")
        assert isinstance(self.invite_button, QPushButton)
        self.invite_job = FileJob(
            self, self.host.worker, _FormStatus(self), lambda message: self.status.setText(message)
        )
        self.invite_button.clicked.connect(self.save_invite)

    def window_title(self) -> str:
        title = super().window_title()
        return title.replace(self.TITLE, _(self.TITLE), 1)

    def apply_defaults(self) -> None:
        detail = self.context.detail
        self.field("due").setText(due_words(detail))  # type: ignore[attr-defined]
        booking = booked_review(detail.record) if detail else None
        if booking is not None:
            set_date(self.field("booked_for"), booking.booked_for)
            set_text(self.field("booked_time"), booking.booked_time or "")
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
            self.date("booked_for"),
            self.text("venue"),
            self.checked("venue_childs_choice"),
            booked_time=self.text("booked_time"),
        )

    def problems(self) -> list[Problem]:
        detail = self.context.detail
        return booking_problems(
            self.entry(), detail.record.child.dob if detail else None, self.today
        )

    def save_call(self):
        return book_review, (self.context.child_ref, self.entry(), self.today)

    def saved_message(self) -> str:
        return _("Review booked.")

    def save_invite(self) -> None:
        """The booking as the form shows it, as one calendar entry: asks where first."""
        if self.revalidate():
            self.status.setText(_("Put right what the form shows, then save the invite."))
            return
        save_calendar(
            self.invite_job,
            self,
            caption=_("Save the booking as a calendar invite"),
            file_name=invite_file_name(self.context.child_ref, self.today),
            write=write_invite,
            args=(self.host.store, self.context.child_ref, self.today, self.entry()),
            on_saved=lambda written: self.status.setText(written.message()),
        )
