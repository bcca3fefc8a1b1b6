"""Consultation papers sent to the child, carers and parents (and when they came back)."""

from __future__ import annotations

from typing import ClassVar

from iro_desktop.domain.tasks import booked_review
from iro_desktop.domain.validation import ConsultationEntry, Problem, consultation_problems
from iro_desktop.gui.forms.base import RecordForm
from iro_desktop.gui.forms.fields import set_date
from iro_desktop.i18n import N_, _
from iro_desktop.services.recording import record_consultation


class ConsultationForm(RecordForm):
    KIND = "consultation"
    UI_FILE = "consultation_form.ui"
    TITLE = N_("Consultation papers")
    FIELDS: ClassVar[dict[str, str]] = {
        "review_date": "reviewDate",
        "sent_on": "sentOn",
        "returned": "returned",
        "returned_on": "returnedOn",
    }
    REQUIRED = ("review_date", "sent_on")

    def setup(self) -> None:
        self.field("returned").toggled.connect(self.field("returned_on").setEnabled)  # type: ignore[attr-defined]

    def apply_defaults(self) -> None:
        detail = self.context.detail
        booking = booked_review(detail.record) if detail else None
        review_date = booking.booked_for if booking else None
        if review_date is None and detail and detail.schedule.next_due:
            review_date = detail.schedule.next_due.due
        set_date(self.field("review_date"), review_date or self.today)
        set_date(self.field("sent_on"), (booking and booking.consultation_sent_on) or self.today)
        returned = booking.consultation_returned_on if booking else None
        self.field("returned").setChecked(returned is not None)  # type: ignore[attr-defined]
        set_date(self.field("returned_on"), returned or self.today)
        self.field("returned_on").setEnabled(returned is not None)

    def entry(self) -> ConsultationEntry:
        return ConsultationEntry(
            self.date("review_date"),
            self.date("sent_on"),
            self.date("returned_on") if self.checked("returned") else None,
        )

    def problems(self) -> list[Problem]:
        return consultation_problems(self.entry(), self.today)

    def save_call(self):
        return record_consultation, (self.context.child_ref, self.entry(), self.today)

    def saved_message(self) -> str:
        return _("Consultation papers recorded.")
