"""The visit briefing pack for the IRO: one page for each child seen on a day (a review, a
visit, a pre-review meeting), with what to know and what to check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iro_desktop.domain.codes import legal_status_meaning, placement_meaning
from iro_desktop.domain.dates import age_on
from iro_desktop.domain.model import ChildRecord, DecisionStatus, ReviewStatus
from iro_desktop.domain.placement import current_episode
from iro_desktop.domain.plan_view import CheckpointState
from iro_desktop.domain.schedule_types import ChildSchedule
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.tasks import TASK_LABELS, Task
from iro_desktop.letters.choices import review_decisions
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
    midpoint_lines,
    plan_view_section,
    recommendations_section,
    review_checkpoints,
)

PERSONAL_DATA_NOTICE = (
    "Personal data about a child in care. Keep it with you, never leave it on a seat or a "
    "shared printer, and shred it or delete it when you no longer need it."
)


@dataclass(frozen=True)
class BriefingItem:
    """What brings the IRO to a child on the day: a review, a visit, or both."""

    record: ChildRecord
    schedule: ChildSchedule
    tasks: tuple[Task, ...]
    what: tuple[str, ...]  # "Review booked", "Visit"


def briefing_items(
    entries: list[tuple[ChildRecord, ChildSchedule, tuple[Task, ...]]], day: date
) -> list[BriefingItem]:
    """The children the IRO sees on ``day``: a review booked or held then, or a visit."""
    items = []
    for record, schedule, tasks in entries:
        what = []
        for review in record.reviews:
            if review.archived_on is not None:
                continue
            if review.status == ReviewStatus.BOOKED and review.booked_for == day:
                what.append("Review (booked)")
            elif review.is_held and day in review.part_dates:
                what.append("Review")
        for contact in record.contacts:
            if contact.archived_on is None and contact.on == day:
                what.append(contact.kind.capitalize() or "Visit")
        for meeting in record.pre_review_meetings:
            if meeting.archived_on is None and meeting.held_on == day:
                what.append("Pre-review meeting")
        if what:
            items.append(BriefingItem(record, schedule, tasks, tuple(dict.fromkeys(what))))
    return sorted(items, key=lambda i: i.record.child.child_ref)


def build_briefing_page(item: BriefingItem, settings: Settings, day: date, today: date) -> Page:
    record, schedule = item.record, item.schedule
    child = record.child
    held = [r for r in record.reviews if r.is_held and r.archived_on is None]
    held = [r for r in held if r.part_dates[0] < day] or held
    last = max(held, key=lambda r: r.part_dates[0], default=None)
    episode = current_episode(record, day)
    booked = next(
        (
            r
            for r in record.reviews
            if r.status == ReviewStatus.BOOKED and r.booked_for == day and r.archived_on is None
        ),
        None,
    )
    language = {"cy": "Welsh", "en": "English"}.get(child.language, child.language)
    if child.interpreter_needed:
        language += " (interpreter needed)"
    placement = ""
    if episode:
        placement = ", ".join(
            x for x in (episode.placement_name, placement_meaning(episode.place)) if x
        )
    facts = make_facts(
        ("Age", f"{age_on(child.dob, day)} (born {day_text(child.dob)})"),
        ("Lives", placement),
        ("Legal status", f"{episode.ls}: {legal_status_meaning(episode.ls)}" if episode else ""),
        (
            "Social worker",
            " ".join(x for x in (child.social_worker, child.social_worker_phone) if x),
        ),
        ("Language", language),
        ("Communication", child.communication_needs),
        ("Disability", child.disability),
        (
            "Last review",
            f"{day_text(last.part_dates[0])}, {last.review_code}" if last else "none held yet",
        ),
        (
            "Next review due",
            f"{day_text(schedule.next_due.due)} (hold by {day_text(schedule.next_due.hold_by)})"
            if schedule.next_due
            else schedule.why_none_due,
        ),
    )
    last_decisions = review_decisions(record, last) if last else []
    last_ids = {d.id for d in last_decisions}
    other_open = [
        d
        for d in record.decisions
        if d.id not in last_ids and d.archived_on is None and d.status == DecisionStatus.OPEN
    ]
    challenges = []
    for c in record.challenges:
        if c.archived_on is not None or not c.is_open:
            continue
        stage = c.current_stage
        where = "informal" if stage is None or stage.stage == 0 else f"formal stage {stage.stage}"
        due = (
            f", response due {day_text(stage.response_due)}" if stage and stage.response_due else ""
        )
        challenges.append(f"{c.theme or 'Challenge'}: {where}, raised {day_text(c.raised_on)}{due}")
    soon = sorted((t for t in item.tasks if (t.due - day).days <= 28), key=Task.sort_key)
    key_dates = [f"{day_text(t.due)}: {TASK_LABELS[t.task]} ({t.detail})" for t in soon[:8]]
    people = list(booked.attendees) if booked and booked.attendees else []
    who_heading = "Who will be there"
    if not people and last and last.attendees:
        people, who_heading = list(last.attendees), "Who came last time"
    checks = []
    overdue = [
        d
        for d in record.decisions
        if d.is_open and d.by_when and d.by_when < day and d.archived_on is None
    ]
    if overdue:
        checks.append(f"{len(overdue)} decision(s) overdue: ask what is in the way.")
    if challenges:
        checks.append("Open challenge(s): has the response come, and is it enough?")
    if last and last.worries.strip():
        checks.append("Last time's worries (above): better, the same, or worse?")
    if child.language == "cy":
        checks.append("The review and papers in Welsh: is a Welsh-speaking worker there?")
    if child.interpreter_needed:
        checks.append("Is the interpreter booked, and for the right language?")
    checks.append(f"Ask {child.known_as} where the next review should be and who should come.")
    checks.append(f"See {child.known_as} on their own, if they want to.")
    last_check = max(
        (m for m in record.midpoint_checks
         if m.archived_on is None and m.done_on < day and last and m.done_on >= last.part_dates[0]),
        key=lambda m: m.done_on,
        default=None,
    )  # fmt: skip
    if last is not None and last.plan_meets_needs in ("partly", "no"):
        checks.append("The plan did not fully meet the child's needs last time: what changed?")
    if last_check is not None and last_check.plan_on_track is False:
        checks.append("The plan was not on track at the midpoint: did what was agreed happen?")
    if last is not None:
        states = {p.state for p in review_checkpoints(child.dob, last)}
        if CheckpointState.OVERDUE in states:
            checks.append("A health or education check was overdue last time: is it done now?")
    sections = [
        typed_section(
            "child_words", "The child's words last time", last.child_words if last else ""
        ),
        plan_view_section(child.dob, last) if last else None,
        recommendations_section(last, "Recommendations last time") if last else None,
        checkpoints_section(child.dob, last, "Health and education at the last review")
        if last
        else None,
        bullet_section(
            "midpoint", "The midpoint check", midpoint_lines(last_check) if last_check else []
        ),
        decision_table("last_decisions", "Decisions from the last review", last_decisions, day),
        decision_table("other_open", "Other open decisions", other_open, day),
        bullet_section("challenges", "Open challenges", challenges),
        typed_section("worries", "Worries last time", last.worries if last else ""),
        bullet_section("key_dates", "Key dates (next four weeks and overdue)", key_dates),
        bullet_section("people", who_heading, people),
        bullet_section("checks", "What to check", checks),
    ]
    return Page(
        title=f"Briefing: {full_name(record)} ({child.child_ref})",
        subtitle=f"{' and '.join(item.what)} on {long_day(day)}",
        facts=facts,
        sections=tuple(s for s in sections if s is not None),
        notice=PERSONAL_DATA_NOTICE,
        footer=f"Prepared {long_day(today)} for {settings.iro_name or 'the IRO'}.",
        child_ref=child.child_ref,
    )


def build_briefing(
    entries: list[tuple[ChildRecord, ChildSchedule, tuple[Task, ...]]],
    settings: Settings,
    day: date,
    today: date,
) -> list[Page]:
    return [build_briefing_page(i, settings, day, today) for i in briefing_items(entries, day)]
