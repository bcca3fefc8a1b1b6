"""The day the review's decisions went to the social worker and their manager."""

from __future__ import annotations

from typing import ClassVar

from iro_desktop.domain.model import Review
from iro_desktop.domain.validation import Problem, dated_step_problems
from iro_desktop.gui.formatting import format_dates
from iro_desktop.gui.forms.base import RecordForm
from iro_desktop.gui.forms.fields import set_date
from iro_desktop.i18n import N_, _
from iro_desktop.services.recording import last_held_review, record_decisions_circulated


class CirculatedForm(RecordForm):
    KIND = "circulated"
    UI_FILE = "circulated_form.ui"
    TITLE = N_("Decisions circulated")
    FIELDS: ClassVar[dict[str, str]] = {"review": "reviewText", "on": "on"}
    REQUIRED = ("on",)

    def review(self) -> Review | None:
        detail = self.context.detail
        if detail is None:
            return None
        wanted = self.context.record_id("review")
        for review in detail.record.reviews:
            if review.id == wanted and review.is_held:
                return review
        return last_held_review(detail.record)

    def apply_defaults(self) -> None:
        review = self.review()
        text = (
            _("Held %(part_dates)s") % {"part_dates": format_dates(review.part_dates)}
            if review
            else _("No review held yet.")
        )
        self.field("review").setText(text)  # type: ignore[attr-defined]
        set_date(self.field("on"), self.today)

    def problems(self) -> list[Problem]:
        review = self.review()
        if review is None:
            return [Problem("on", _("There is no held review: record the review first."))]
        return dated_step_problems(
            "on",
            self.date("on"),
            review.part_dates[0],
            self.today,
            _("The date circulated"),
            _("the review"),
        )

    def save_call(self):
        review = self.review()
        assert review is not None and review.id is not None
        return record_decisions_circulated, (
            self.context.child_ref,
            review.id,
            self.date("on"),
            self.today,
        )

    def saved_message(self) -> str:
        return _("Decisions recorded as circulated.")
