"""The midpoint check between reviews: who the IRO spoke to and how, whether the plan is on
track (and what happens if not), and progress on each open decision, listed first."""

from __future__ import annotations

from typing import ClassVar

from iro_desktop.domain.plan_view import SPOKEN_HOW
from iro_desktop.domain.validation import MidpointEntry, Problem, midpoint_problems
from iro_desktop.gui.formatting import format_dates
from iro_desktop.gui.forms.base import RecordForm
from iro_desktop.gui.forms.choices import add_choice_boxes, field_key, point_label_at
from iro_desktop.gui.forms.editors import StepsEditor, fill_combo
from iro_desktop.gui.forms.fields import set_date
from iro_desktop.gui.forms.review_form import steps_from
from iro_desktop.gui.forms.text_language import TEXT_LANGUAGE, add_text_language
from iro_desktop.i18n import N_, _
from iro_desktop.services.recording import last_held_review, record_midpoint_check

SPOKEN = "spoken_how"
ON_TRACK = (("", N_("Choose…")), ("yes", N_("Yes, on track")), ("no", N_("No, not on track")))


class MidpointForm(RecordForm):
    KIND = "midpoint"
    UI_FILE = "midpoint_form.ui"
    TITLE = N_("Midpoint check")
    FIELDS: ClassVar[dict[str, str]] = {
        "done_on": "doneOn",
        "after": "afterText",
        "spoken_to": "spokenTo",
        "plan_on_track": "planOnTrack",
        "if_not_on_track": "ifNotOnTrack",
        "concerns": "concerns",
        "challenge_needed": "challengeNeeded",
    }
    REQUIRED = ("done_on", "plan_on_track")

    def setup(self) -> None:
        boxes = add_choice_boxes(
            self._find("spokenHowHost"), self.widgets, SPOKEN, SPOKEN_HOW, columns=len(SPOKEN_HOW)
        )
        point_label_at(self.ui, "spokenHowLabel", boxes[0])
        fill_combo(self.field("plan_on_track"), [(k, _(w)) for k, w in ON_TRACK])
        self.steps = self.add_editor("steps", StepsEditor(self.today), "stepsHost")
        add_text_language(self, before="spoken_to")

    def apply_defaults(self) -> None:
        detail = self.context.detail
        assert detail is not None
        set_date(self.field("done_on"), self.today)
        last = last_held_review(detail.record)
        self.field("after").setText(  # type: ignore[attr-defined]
            _("The review held %(days)s") % {"days": format_dates(last.part_dates)}
            if last
            else _("No review held yet.")
        )
        self.steps.set_decisions(detail.record.decisions)

    def plan_on_track(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.text("plan_on_track"))

    def entry(self) -> MidpointEntry:
        return MidpointEntry(
            self.date("done_on"),
            self.text("concerns"),
            self.checked("challenge_needed"),
            steps_from(self.steps.values()),
            spoken_to=self.text("spoken_to"),
            spoken_how=tuple(k for k in SPOKEN_HOW if self.checked(field_key(SPOKEN, k))),
            plan_on_track=self.plan_on_track(),
            if_not_on_track=self.text("if_not_on_track"),
            text_language=self.text(TEXT_LANGUAGE),
        )

    def problems(self) -> list[Problem]:
        detail = self.context.detail
        assert detail is not None
        last = last_held_review(detail.record)
        problems = midpoint_problems(
            self.entry(),
            detail.record.child.dob,
            self.today,
            last.part_dates[0] if last else None,
        )
        if self.plan_on_track() is None:  # asked at every check made in the form
            problems.append(
                Problem("plan_on_track", _("Choose whether the plan is on track."), required=True)
            )
        return problems

    def save_call(self):
        return record_midpoint_check, (self.context.child_ref, self.entry(), self.today)

    def saved_message(self) -> str:
        return _("Midpoint check recorded.")
