"""The decisions record of a review, for the social worker and their manager: a pure function
from the record to a ``Page``."""

from __future__ import annotations

from datetime import date

from iro_desktop.domain.codes import participation_meaning
from iro_desktop.domain.dates import age_on
from iro_desktop.domain.model import ChildRecord, DecisionStatus, Review
from iro_desktop.domain.schedule_types import ChildSchedule, ScheduledReview
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import WorkingDayCalendar
from iro_desktop.letters.choices import review_decisions
from iro_desktop.letters.model import Block, Section
from iro_desktop.reports.pages import (
    Page,
    bullet_section,
    day_text,
    decision_table,
    full_name,
    long_day,
    make_facts,
    typed_section,
)
from iro_desktop.reports.plan_view import (
    checkpoints_section,
    plan_view_section,
    recommendations_section,
    views_given_text,
)


def scheduled(schedule: ChildSchedule, review: Review) -> ScheduledReview | None:
    return next((s for s in schedule.reviews if s.review_id == review.id), None)


def circulate_by(review: Review, settings: Settings, calendar: WorkingDayCalendar) -> date:
    """The decisions go out within the set working days after the review (5 by default)."""
    held = review.part_dates[0]
    return calendar.add_working_days(held, settings.timescales.decisions_working_days_after)[0]


def build_decisions_record(
    record: ChildRecord,
    schedule: ChildSchedule,
    review: Review,
    settings: Settings,
    calendar: WorkingDayCalendar,
    today: date,
) -> Page:
    child = record.child
    held = review.part_dates
    judged = scheduled(schedule, review)
    due_out = circulate_by(review, settings, calendar)
    days = settings.timescales.decisions_working_days_after
    if review.decisions_circulated_on:
        notice = f"Circulated on {long_day(review.decisions_circulated_on)}."
    else:
        notice = (
            f"Circulate by {long_day(due_out)}: {days} working days after the review, to the "
            "social worker and their manager."
        )
    later = [s for s in schedule.reviews if s.held > held[0]]
    if later:
        next_due = f"{day_text(later[0].due.due)} (held {day_text(later[0].held)})"
    elif schedule.next_due:
        next_due = (
            f"{day_text(schedule.next_due.due)} (hold by {day_text(schedule.next_due.hold_by)})"
        )
    else:
        next_due = f"none due: {schedule.why_none_due}" if schedule.why_none_due else ""
    review_kind = ""
    timeliness = ""
    if judged is not None:
        review_kind = f"{judged.kind.capitalize()} review ({judged.regime.value.replace('_', ' ')})"
        timeliness = f"{'In time' if judged.in_time else 'Late'}: due {day_text(judged.due.due)}"
    code = review.review_code.strip().upper()
    social_worker = ", ".join(x for x in (child.social_worker, child.social_worker_team) if x)
    facts = make_facts(
        ("Child", full_name(record)),
        ("Child reference", child.child_ref),
        (
            "Date of birth",
            f"{day_text(child.dob)} (age {age_on(child.dob, held[0])} at the review)",
        ),
        ("Review held", ", ".join(day_text(d) for d in held)),
        ("Review", review_kind),
        ("Timeliness", timeliness),
        ("Where", review.venue),
        (
            "Chaired by",
            f"{settings.iro_name}, Independent Reviewing Officer" if settings.iro_name else "",
        ),
        ("Social worker", social_worker),
        ("Participation", f"{code}: {participation_meaning(code)}" if code else ""),
        ("How the child gave their views", views_given_text(review)),
        ("How the child's views were shared", review.views_how),
        ("Parents' participation", review.parents_participation),
        ("Next review due", next_due),
        ("Decisions circulate by", day_text(due_out)),
    )
    earlier_open = [
        d
        for d in record.decisions
        if d.review_id != review.id and d.archived_on is None and d.status == DecisionStatus.OPEN
    ]
    sections = [
        bullet_section("attendees", "Who attended", list(review.attendees)),
        typed_section("child_words", "The child's views, in their words", review.child_words),
        typed_section("going_well", "What is going well", review.going_well),
        typed_section("worries", "Worries", review.worries),
        plan_view_section(child.dob, review),
        decision_table(
            "decisions", "Decisions of this review", review_decisions(record, review), today
        )
        or Section(
            "decisions",
            "Decisions of this review",
            (Block("para", "No decisions were recorded for this review."),),
        ),
        decision_table(
            "earlier",
            "Earlier decisions still open",
            earlier_open,
            today,
            "Still open from earlier reviews: to be checked at the midpoint and the next review.",
        ),
        recommendations_section(review),
        checkpoints_section(child.dob, review, "Health and education"),
        typed_section("timing", "Why the review was held early or late", review.timing_reason),
    ]
    signer = settings.iro_name or "the Independent Reviewing Officer"
    return Page(
        title="Review decisions record",
        subtitle=f"{full_name(record)} ({child.child_ref}): review held {long_day(held[0])}",
        facts=facts,
        sections=tuple(s for s in sections if s is not None),
        notice=notice,
        footer=(
            f"Written by {signer} on {long_day(today)}. This record is confidential: share it "
            "only with the people who need it."
        ),
        child_ref=child.child_ref,
    )
