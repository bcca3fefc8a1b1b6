"""The IRO's view of the plan as the decisions record and the briefing pack show it: does the
plan meet the child's needs (and which plans the view covers), the recommendations (advice,
kept apart from the decisions), the health and education checkpoints judged on the review
date, how the child gave their views, and the midpoint check's view of the plan.

The wording is English, like the rest of these reports (which follow the record's language,
not the window's)."""

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
from iro_desktop.letters.blocks import typed_paragraphs
from iro_desktop.letters.model import Block, Section
from iro_desktop.reports.pages import day_text

MEETS_WORDS = {"yes": "Yes", "partly": "In part", "no": "No"}


def views_given_text(review: Review) -> str:
    """The ways the child gave their views, as chosen on the review ("" when none)."""
    return "; ".join(labels(review.views_given, VIEWS_GIVEN))


def plans_covered(dob: date, on: date) -> str:
    if plans_reviewed(dob, on) == "pathway":
        return "the care plan and the pathway plan (the young person is 16 or over)"
    return "the care plan and the permanence plan"


def plan_view_section(dob: date, review: Review) -> Section | None:
    """Does the plan meet the child's needs, and the IRO's words on it."""
    lines = typed_paragraphs(review.care_plan_view)
    meets = review.plan_meets_needs
    if not lines and meets not in PLAN_MEETS_NEEDS:
        return None
    blocks = []
    if meets in PLAN_MEETS_NEEDS:
        on = review.part_dates[0] if review.part_dates else None
        covered = f" ({plans_covered(dob, on)})" if on else ""
        blocks.append(
            Block("para", f"Does the plan meet the child's needs{covered}? {MEETS_WORDS[meets]}.")
        )
    blocks.extend(Block("typed", line) for line in lines)
    return Section("care_plan", "The IRO's view on the care plan", tuple(blocks))


def recommendations_section(
    review: Review, heading: str = "The IRO's recommendations"
) -> Section | None:
    items = item_lines(review.recommendations)
    if not items:
        return None
    return Section(
        "recommendations",
        heading,
        (
            Block("para", "The IRO's advice: not decisions, so no one owns them and no date."),
            *(Block("bullet", item) for item in items),
        ),
    )


def checkpoint_line(point: Checkpoint) -> str:
    name = CHECKPOINT_NAMES[point.key]
    every = f"every {point.months} months"
    if point.state == CheckpointState.IN_TIME:
        return (
            f"{name}: last done {day_text(point.last_done)}; in time ({every}), the next due "
            f"by {day_text(point.due_by)}."
        )
    if point.state == CheckpointState.OVERDUE:
        return (
            f"{name}: last done {day_text(point.last_done)}; OVERDUE ({every}): the next was "
            f"due by {day_text(point.due_by)}."
        )
    if point.state == CheckpointState.AFTER_THE_DAY:
        return f"{name}: recorded as {day_text(point.last_done)}, after the review: check it."
    if point.state == CheckpointState.NOT_EXPECTED:
        return f"{name}: not expected at this age."
    return f"{name}: not recorded."


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


def checkpoint_lines(dob: date, review: Review) -> list[str]:
    return [checkpoint_line(p) for p in review_checkpoints(dob, review)]


def checkpoints_section(dob: date, review: Review, heading: str) -> Section | None:
    lines = checkpoint_lines(dob, review)
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
