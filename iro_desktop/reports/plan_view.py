"""The IRO's view of the plan as the decisions record and the briefing pack show it: does the
plan meet the child's needs (and which plans the view covers), the recommendations (advice,
kept apart from the decisions), the health and education checkpoints judged on the review
date, how the child gave their views, and the midpoint check's view of the plan.

The wording follows the record's language, not the window's: each function takes the
``Translator`` the page is written with (``_``, English by default; see ``reports.pages``)."""

from __future__ import annotations

from datetime import date

from iro_desktop.domain.model import MidpointCheck, Review
from iro_desktop.domain.plan_view import (
    CHECKPOINT_NAMES,
    PLAN_MEETS_NEEDS,
    SPOKEN_HOW,
    VIEWS_GIVEN,
    Checkpoint,
    CheckpointState,
    checkpoints,
    labels,
    plans_reviewed,
)
from iro_desktop.domain.wording import item_lines
from iro_desktop.i18n import N_, Translator
from iro_desktop.letters.blocks import typed_paragraphs
from iro_desktop.letters.model import Block, Section
from iro_desktop.reports.pages import ENGLISH, day_text

MEETS_WORDS = {"yes": N_("Yes"), "partly": N_("In part"), "no": N_("No")}


def views_given_text(review: Review, _: Translator = ENGLISH) -> str:
    """The ways the child gave their views, as chosen on the review ("" when none)."""
    return "; ".join(_(label) for label in labels(review.views_given, VIEWS_GIVEN))


def plans_covered(dob: date, on: date, _: Translator = ENGLISH) -> str:
    if plans_reviewed(dob, on) == "pathway":
        return _("the care plan and the pathway plan (the young person is 16 or over)")
    return _("the care plan and the permanence plan")


def plan_view_section(dob: date, review: Review, _: Translator = ENGLISH) -> Section | None:
    """Does the plan meet the child's needs, and the IRO's words on it."""
    lines = typed_paragraphs(review.care_plan_view)
    meets = review.plan_meets_needs
    if not lines and meets not in PLAN_MEETS_NEEDS:
        return None
    blocks = []
    if meets in PLAN_MEETS_NEEDS:
        on = review.part_dates[0] if review.part_dates else None
        answer = _(MEETS_WORDS[meets])
        if on:
            question = _("Does the plan meet the child's needs (%(plans)s)? %(answer)s.") % {
                "plans": plans_covered(dob, on, _),
                "answer": answer,
            }
        else:
            question = _("Does the plan meet the child's needs? %(answer)s.") % {"answer": answer}
        blocks.append(Block("para", question))
    blocks.extend(Block("typed", line) for line in lines)
    return Section("care_plan", _("The IRO's view on the care plan"), tuple(blocks))


def recommendations_section(
    review: Review, heading: str = "", _: Translator = ENGLISH
) -> Section | None:
    items = item_lines(review.recommendations)
    if not items:
        return None
    return Section(
        "recommendations",
        heading or _("The IRO's recommendations"),
        (
            Block("para", _("The IRO's advice: not decisions, so no one owns them and no date.")),
            *(Block("bullet", item) for item in items),
        ),
    )


def checkpoint_line(point: Checkpoint, _: Translator = ENGLISH) -> str:
    values = {
        "name": _(CHECKPOINT_NAMES[point.key]),
        "every": _.ngettext("every %(months)s month", "every %(months)s months", point.months)
        % {"months": point.months},
        "last": day_text(point.last_done, _),
        "due": day_text(point.due_by, _),
    }
    if point.state == CheckpointState.IN_TIME:
        text = _("%(name)s: last done %(last)s; in time (%(every)s), the next due by %(due)s.")
    elif point.state == CheckpointState.OVERDUE:
        text = _("%(name)s: last done %(last)s; OVERDUE (%(every)s): the next was due by %(due)s.")
    elif point.state == CheckpointState.AFTER_THE_DAY:
        text = _("%(name)s: recorded as %(last)s, after the review: check it.")
    elif point.state == CheckpointState.NOT_EXPECTED:
        text = _("%(name)s: not expected at this age.")
    else:
        text = _("%(name)s: not recorded.")
    return text % values


def review_checkpoints(dob: date, review: Review) -> tuple[Checkpoint, ...]:
    """Each checkpoint judged on the review's date; none when the review recorded none."""
    recorded = review.health_assessment_on or review.dental_check_on or review.pep_on
    if not recorded or not review.part_dates:
        return ()
    return checkpoints(
        dob,
        review.part_dates[0],
        review.health_assessment_on,
        review.dental_check_on,
        review.pep_on,
    )


def checkpoint_lines(dob: date, review: Review, _: Translator = ENGLISH) -> list[str]:
    return [checkpoint_line(p, _) for p in review_checkpoints(dob, review)]


def checkpoints_section(
    dob: date, review: Review, heading: str, _: Translator = ENGLISH
) -> Section | None:
    lines = checkpoint_lines(dob, review, _)
    if not lines:
        return None
    return Section("checkpoints", heading, tuple(Block("bullet", line) for line in lines))


def midpoint_lines(check: MidpointCheck) -> list[str]:
    """The midpoint check's view of the plan, for the briefing (none for a check recorded
    before these were asked)."""
    lines = []
    if check.plan_on_track is not None:
        track = "on track" if check.plan_on_track else "NOT on track"
        lines.append(f"Midpoint check {day_text(check.done_on)}: the plan was {track}.")
    if check.if_not_on_track.strip():
        lines.append(f"What was to happen: {check.if_not_on_track.strip()}")
    spoken = item_lines(check.spoken_to)
    if spoken:
        how = ", ".join(w.lower() for w in labels(check.spoken_how, SPOKEN_HOW))
        lines.append(f"Spoke to {', '.join(spoken)}" + (f" ({how})." if how else "."))
    return lines
