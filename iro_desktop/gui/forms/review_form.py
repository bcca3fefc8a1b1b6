"""Record a review as it happens: its parts, who came, how the child took part (PN code with
its meaning; PN0 proposed for a child under 4), the decisions carried from before and the new
ones, and the record in the IRO's words (in Welsh where the child's language is Welsh)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from PySide6.QtCore import Qt, Slot

from iro_desktop.domain.codes import PARTICIPATION_CODES
from iro_desktop.domain.model import ChildWording, Review, ReviewStatus, WordingKind
from iro_desktop.domain.plan_view import (
    CHECKPOINT_NAMES,
    PLAN_MEETS_NEEDS,
    VIEWS_GIVEN,
    Checkpoint,
    CheckpointState,
    checkpoints,
    plans_reviewed,
)
from iro_desktop.domain.schedule import age_on
from iro_desktop.domain.tasks import booked_review
from iro_desktop.domain.validation import (
    DecisionStep,
    NewDecision,
    PartEntry,
    Problem,
    ReviewEntry,
    StepAction,
    next_contact_problems,
    proposed_code,
    review_problems,
    wording_problems,
)
from iro_desktop.domain.wording import LINE_FIELDS, PLAN_WORDS, item_lines, line_key
from iro_desktop.gui.formatting import format_date
from iro_desktop.gui.forms.base import RecordForm
from iro_desktop.gui.forms.booking_form import due_words
from iro_desktop.gui.forms.choices import add_choice_boxes, field_key, point_label_at
from iro_desktop.gui.forms.editors import (
    DecisionsEditor,
    PartsEditor,
    StepsEditor,
    fill_combo,
    from_iso,
    iso,
)
from iro_desktop.gui.forms.fields import allow_no_date, set_date, set_text
from iro_desktop.gui.forms.wording_editor import FormItem, WordingsEditor
from iro_desktop.i18n import N_, _
from iro_desktop.services.recording import record_review
from iro_desktop.services.wording import suggestion_for, wording_languages

LANGUAGE_OF_TEXT = (("en", N_("English")), ("cy", N_("Cymraeg (Welsh)")))
WELSH_NOTE = N_(
    "This child prefers Welsh: you can write in Welsh (Cymraeg) in the boxes below. The "
    "language of the text is set to Welsh."
)
VIEWS = "views_given"
# The widget beside each checkpoint date that says whether it is within its interval.
CHECKPOINT_WIDGETS = {
    "health_assessment_on": ("healthAssessment", "healthAssessmentStatus"),
    "dental_check_on": ("dentalCheck", "dentalCheckStatus"),
    "pep_on": ("pep", "pepStatus"),
}


def steps_from(values: list[dict]) -> tuple[DecisionStep, ...]:
    return tuple(
        DecisionStep(
            int(v["decision_id"]),
            StepAction(v["action"]),
            from_iso(v.get("new_by_when")),
            v.get("note", ""),
        )
        for v in values
    )


class ReviewForm(RecordForm):
    KIND = "review"
    UI_FILE = "review_form.ui"
    TITLE = N_("Record a review")
    FIELDS: ClassVar[dict[str, str]] = {
        "due": "dueText",
        "venue": "venue",
        "venue_childs_choice": "venueChildsChoice",
        "timing_reason": "timingReason",
        "attendees": "attendees",
        "review_code": "reviewCode",
        "views_how": "viewsHow",
        "parents_participation": "parentsParticipation",
        "text_language": "textLanguage",
        "going_well": "goingWell",
        "worries": "worries",
        "child_words": "childWords",
        "plan_type": "planType",
        "plan_reasons": "planReasons",
        "next_contact_on": "nextContact",
        "learned": "learned",
        "plan_meets_needs": "planMeetsNeeds",
        "care_plan_view": "carePlanView",
        "recommendations": "recommendations",
        **{key: widgets[0] for key, widgets in CHECKPOINT_WIDGETS.items()},
    }
    REQUIRED = ("review_code",)

    def setup(self) -> None:
        combo = self.field("review_code")
        fill_combo(
            combo,
            [("", _("Choose how the child took part…"))]
            + [(code, f"{code}: {meaning}") for code, meaning in PARTICIPATION_CODES.items()],
        )
        for index in range(combo.count()):  # type: ignore[attr-defined]
            combo.setItemData(  # type: ignore[attr-defined]
                index,
                combo.itemText(index),  # type: ignore[attr-defined]
                Qt.ItemDataRole.ToolTipRole,
            )
        fill_combo(self.field("text_language"), [(k, _(w)) for k, w in LANGUAGE_OF_TEXT])
        self.parts = self.add_editor("parts", PartsEditor(self.today), "partsHost")
        self.steps = self.add_editor("steps", StepsEditor(self.today), "stepsHost")
        self.decisions = self.add_editor("decisions", DecisionsEditor(self.today), "decisionsHost")
        fill_combo(self.field("plan_type"), [(p.value, w) for p, w in PLAN_WORDS.items()])
        allow_no_date(self.field("next_contact_on"), self.today)
        self._setup_plan_view()
        detail = self.context.detail
        name = detail.record.child.known_as if detail else _("the child")
        languages = wording_languages(detail.record, detail.settings) if detail else ("en",)
        self.wordings = self.add_editor(
            "wordings",
            WordingsEditor(self.today, name, languages, self._suggest),
            "wordingsHost",
        )
        self.decisions.changed.connect(self._refresh_items)
        self.decisions.rowsChanged.connect(self._refresh_items)  # a draft's rows put back
        for key in (*LINE_FIELDS.values(),):
            self.field(key).textChanged.connect(self._refresh_items)  # type: ignore[attr-defined]
        self.code_note = self._find("codeNote")
        self.welsh_note = self._find("welshNote")
        self.parts.changed.connect(self._on_review_date_changed)
        combo.currentIndexChanged.connect(self._on_code_changed)  # type: ignore[attr-defined]

    def booking(self) -> Review | None:
        detail = self.context.detail
        if detail is None:
            return None
        wanted = self.context.record_id("review")
        for review in detail.record.reviews:
            if review.id == wanted and review.status == ReviewStatus.BOOKED:
                return review
        return booked_review(detail.record)

    def apply_defaults(self) -> None:
        detail = self.context.detail
        assert detail is not None
        child = detail.record.child
        self.field("due").setText(due_words(detail))  # type: ignore[attr-defined]
        booking = self.booking()
        held = self.today
        if booking is not None and booking.booked_for and booking.booked_for <= self.today:
            held = booking.booked_for
        self.parts.set_values([{"held_on": iso(held), "venue": booking.venue if booking else ""}])
        if booking is not None:
            set_text(self.field("venue"), booking.venue)
            self.field("venue_childs_choice").setChecked(bool(booking.venue_childs_choice))  # type: ignore[attr-defined]
        self.steps.set_decisions(detail.record.decisions)
        welsh = child.language == "cy"
        self.welsh_note.setText(_(WELSH_NOTE) if welsh else "")
        self.welsh_note.setVisible(welsh)
        set_text(self.field("text_language"), "cy" if welsh else "en")
        last = max((r for r in detail.record.reviews if r.is_held and r.archived_on is None),
                   key=lambda r: r.part_dates[0], default=None)  # fmt: skip
        if last is not None and last.plan_type:
            set_text(self.field("plan_type"), str(last.plan_type))  # the plan rarely changes
        carried = False
        for key in CHECKPOINT_WIDGETS:  # the dates known at the last review, to bring up to date
            day = getattr(last, key) if last is not None else None
            set_date(self.field(key), day)
            carried = carried or day is not None
        if carried:
            note = self._find("checkpointsNote")
            note.setText(  # type: ignore[attr-defined]
                note.text()  # type: ignore[attr-defined]
                + " "
                + _("The dates below are those known at the last review: bring each up to date.")
            )
        self._on_review_date_changed()
        self._show_checkpoints()
        self._refresh_items()

    # -- the child's wording ----------------------------------------------------------------
    def form_items(self) -> list[FormItem]:
        items = [
            FormItem(WordingKind.DECISION, f"new:{n}", d["what"].strip())
            for n, d in enumerate(self.decisions.values())
        ]
        for kind, key in LINE_FIELDS.items():
            items.extend(
                FormItem(kind, line_key(n), line)
                for n, line in enumerate(item_lines(self.text(key)))
            )
        return items

    @Slot()
    def _refresh_items(self) -> None:
        self.wordings.set_items(self.form_items())
        self.fix_tab_order()

    def _suggest(self, kind: WordingKind, professional: str) -> ChildWording | None:
        detail = self.context.detail
        if detail is None:
            return None
        return suggestion_for(detail.record, detail.settings, kind, professional, self.today)

    def child_wordings(self) -> tuple[ChildWording, ...]:
        out = list(self.wordings.wordings())
        learned = self.text("learned").strip()
        if learned:
            language = "cy" if self.text("text_language") == "cy" else "en"
            out.append(
                ChildWording(
                    None,
                    None,
                    WordingKind.LEARNED,
                    "",
                    confirmed=True,
                    **{f"text_{language}": learned},
                )
            )
        return tuple(out)

    # -- the participation code ---------------------------------------------------------------
    def review_date(self) -> date | None:
        parts = self.parts.values()
        return from_iso(parts[0]["held_on"]) if parts else None

    @Slot()
    def _on_review_date_changed(self) -> None:
        """Propose PN0 for a child under 4 on the review date (DfE rule 441)."""
        detail = self.context.detail
        on = self.review_date()
        if detail is None or on is None:
            return
        if proposed_code(detail.record.child.dob, on) and not self.text("review_code"):
            set_text(self.field("review_code"), "PN0")
        self._on_code_changed()

    @Slot()
    def _on_code_changed(self, _index: int = 0) -> None:
        detail = self.context.detail
        on = self.review_date()
        code = self.text("review_code")
        if detail is None or on is None:
            return
        child = detail.record.child
        age = age_on(child.dob, on)
        if proposed_code(child.dob, on):
            advice = _("%(name)s is under 4 on the review date: PN0 is proposed.") % {
                "name": child.known_as
            }
        else:
            advice = _(
                "%(name)s is %(age)s on the review date: choose PN1 to PN7 for how they took "
                "part."
            ) % {"name": child.known_as, "age": age}
        meaning = (
            _("%(code)s: %(meaning)s. ") % {"code": code, "meaning": PARTICIPATION_CODES[code]}
            if code in PARTICIPATION_CODES
            else ""
        )
        self.code_note.setText(meaning + advice)  # type: ignore[attr-defined]
        self.code_note.setAccessibleDescription(meaning + advice)

    # -- what it records ----------------------------------------------------------------------
    def entry(self) -> ReviewEntry:
        booking = self.booking()
        return ReviewEntry(
            parts=tuple(PartEntry(from_iso(p["held_on"]), p["venue"]) for p in self.parts.values()),
            review_code=self.text("review_code"),
            venue=self.text("venue"),
            venue_childs_choice=self.checked("venue_childs_choice"),
            attendees=tuple(
                line.strip() for line in self.text("attendees").splitlines() if line.strip()
            ),
            views_how=self.text("views_how"),
            parents_participation=self.text("parents_participation"),
            timing_reason=self.text("timing_reason"),
            going_well=self.text("going_well"),
            worries=self.text("worries"),
            child_words=self.text("child_words"),
            text_language=self.text("text_language"),
            decisions=tuple(
                NewDecision(d["what"], d["who"], from_iso(d["by_when"]))
                for d in self.decisions.values()
            ),
            steps=steps_from(self.steps.values()),
            review_id=booking.id if booking else None,
            plan_type=self.text("plan_type"),
            plan_reasons=self.text("plan_reasons"),
            next_contact_on=self.date("next_contact_on"),
            wordings=self.child_wordings(),
            views_given=self.views_given(),
            plan_meets_needs=self.text("plan_meets_needs"),
            care_plan_view=self.text("care_plan_view"),
            recommendations=self.text("recommendations"),
            health_assessment_on=self.date("health_assessment_on"),
            dental_check_on=self.date("dental_check_on"),
            pep_on=self.date("pep_on"),
        )

    def problems(self) -> list[Problem]:
        detail = self.context.detail
        assert detail is not None
        due = detail.schedule.next_due
        entry = self.entry()
        problems = review_problems(
            entry,
            detail.record.child.dob,
            self.today,
            name=detail.record.child.known_as,
            due=due.due if due else None,
        )
        problems += next_contact_problems(
            entry.review_code,
            entry.next_contact_on,
            self.review_date(),
            detail.record.child.known_as,
        )
        keys = [(str(i.kind), i.item_key) for i in self.form_items()]
        for wording in entry.wordings:
            field = f"wordings.{wording.kind}-{wording.item_key}"
            if wording.kind == WordingKind.LEARNED:
                field = "learned"
            problems += wording_problems(wording, keys, field=field)
        return problems

    def save_call(self):
        return record_review, (self.context.child_ref, self.entry(), self.today)

    def saved_message(self) -> str:
        return _("Review recorded.")

    # -- the IRO's view of the plan -------------------------------------------------------------
    def _setup_plan_view(self) -> None:
        boxes = add_choice_boxes(
            self._find("viewsGivenHost"), self.widgets, VIEWS, VIEWS_GIVEN, columns=2
        )
        point_label_at(self.ui, "viewsGivenLabel", boxes[0])
        fill_combo(
            self.field("plan_meets_needs"),
            [("", _("Choose…"))] + [(k, _(w)) for k, w in PLAN_MEETS_NEEDS.items()],
        )
        detail = self.context.detail
        dob = detail.record.child.dob if detail else date(1900, 1, 2)
        for key in CHECKPOINT_WIDGETS:
            allow_no_date(self.field(key), dob - timedelta(days=1))
            self.field(key).dateChanged.connect(self._show_checkpoints)  # type: ignore[attr-defined]
        self.parts.changed.connect(self._show_checkpoints)
        self._find("checkpointsNote").setText(  # type: ignore[attr-defined]
            _(
                "The date each was last done. Expected: a health assessment every 12 months "
                "(every 6 under 5), a dental check every 12 months, the PEP reviewed each term "
                "(at least every 4 months) from age 3."
            )
        )

    def views_given(self) -> tuple[str, ...]:
        return tuple(k for k in VIEWS_GIVEN if self.checked(field_key(VIEWS, k)))

    def _plans_words(self, on: date) -> str:
        detail = self.context.detail
        assert detail is not None
        child = detail.record.child
        if plans_reviewed(child.dob, on) == "pathway":
            return _(
                "%(name)s is 16 or over: your view covers the care plan and the pathway plan."
            ) % {"name": child.known_as}
        return _(
            "Your view covers the care plan and, from the second review, the permanence plan."
        )

    @Slot()
    def _show_checkpoints(self) -> None:
        detail = self.context.detail
        on = self.review_date() or self.today
        if detail is None:
            return
        self._find("plansNote").setText(self._plans_words(on))  # type: ignore[attr-defined]
        found = checkpoints(
            detail.record.child.dob,
            on,
            **{key: self.date(key) for key in CHECKPOINT_WIDGETS},
        )
        for point in found:
            status = self._find(CHECKPOINT_WIDGETS[point.key][1])
            words = checkpoint_words(point)
            status.setText(words)  # type: ignore[attr-defined]
            status.setAccessibleDescription(words)


def checkpoint_words(point: Checkpoint) -> str:
    """Whether one checkpoint is within its interval on the review date, in words (never by
    colour alone)."""
    name = _(CHECKPOINT_NAMES[point.key])
    values = {"name": name, "months": point.months, "day": format_date(point.due_by)}
    if point.state == CheckpointState.IN_TIME:
        return _("✓ In time (every %(months)s months): the next is due by %(day)s.") % values
    if point.state == CheckpointState.OVERDUE:
        return _(
            "⚠ Overdue on the review date: the next was due by %(day)s (every %(months)s "
            "months). Done since? Enter the new date. If not, say in your view of the plan "
            "what is being done."
        ) % values
    if point.state == CheckpointState.AFTER_THE_DAY:
        return _("⚠ This date is after the review: check it.")
    if point.state == CheckpointState.NOT_EXPECTED:
        return _("Not expected at this age (a PEP from age 3 until 18).")
    return _("Not entered: enter the date it was last done, if you know it.")
