"""The midpoint check between reviews: progress on each open decision, listed first."""

from __future__ import annotations

from typing import ClassVar

from iro_desktop.domain.validation import MidpointEntry, Problem, midpoint_problems
from iro_desktop.gui.formatting import format_dates
from iro_desktop.gui.forms.base import RecordForm
from iro_desktop.gui.forms.editors import StepsEditor
from iro_desktop.gui.forms.fields import set_date
from iro_desktop.gui.forms.review_form import steps_from
from iro_desktop.services.recording import last_held_review, record_midpoint_check


class MidpointForm(RecordForm):
    KIND = "midpoint"
    UI_FILE = "midpoint_form.ui"
    TITLE = "Midpoint check"
    FIELDS: ClassVar[dict[str, str]] = {
        "done_on": "doneOn",
        "after": "afterText",
        "concerns": "concerns",
        "challenge_needed": "challengeNeeded",
    }
    REQUIRED = ("done_on",)

    def setup(self) -> None:
        self.steps = self.add_editor("steps", StepsEditor(self.today), "stepsHost")

    def apply_defaults(self) -> None:
        detail = self.context.detail
        assert detail is not None
        set_date(self.field("done_on"), self.today)
        last = last_held_review(detail.record)
        self.field("after").setText(  # type: ignore[attr-defined]
            f"The review held {format_dates(last.part_dates)}" if last else "No review held yet."
        )
        self.steps.set_decisions(detail.record.decisions)

    def entry(self) -> MidpointEntry:
        return MidpointEntry(
            self.date("done_on"),
            self.text("concerns"),
            self.checked("challenge_needed"),
            steps_from(self.steps.values()),
        )

    def problems(self) -> list[Problem]:
        detail = self.context.detail
        assert detail is not None
        last = last_held_review(detail.record)
        return midpoint_problems(
            self.entry(),
            detail.record.child.dob,
            self.today,
            last.part_dates[0] if last else None,
        )

    def save_call(self):
        return record_midpoint_check, (self.context.child_ref, self.entry(), self.today)

    def saved_message(self) -> str:
        return "Midpoint check recorded."
