"""The formal documents: the decisions record for the social worker and their manager, and
the visit briefing pack for the IRO. Pure functions from the record to ``Page`` content.

These are professional documents in English (the council's working language for records);
the letter to the child is the one in the child's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from iro_desktop.domain.codes import (
    legal_status_meaning,
    participation_meaning,
    placement_meaning,
)
from iro_desktop.domain.dates import age_on
from iro_desktop.domain.model import ChildRecord, Decision, DecisionStatus, Review, ReviewStatus
from iro_desktop.domain.placement import current_episode
from iro_desktop.domain.schedule_types import ChildSchedule, ScheduledReview
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.tasks import TASK_LABELS, Task
from iro_desktop.domain.working_days import WorkingDayCalendar
from iro_desktop.letters.blocks import typed_paragraphs
from iro_desktop.letters.choices import review_decisions
from iro_desktop.letters.model import Block, Section

PERSONAL_DATA_NOTICE = (
    "Personal data about a child in care. Keep it with you, never leave it on a seat or a "
    "shared printer, and shred it or delete it when you no longer need it."
)


def day_text(day: date | None) -> str:
    return format_date(day, "EEE d MMM y", locale="en_GB") if day else "not set"


def long_day(day: date) -> str:
    return format_date(day, "EEEE d MMMM y", locale="en_GB")


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class RecordRow:
    what: str
    who: str
    by_when: str
    status: str


@dataclass(frozen=True)
class Page:
    title: str
    subtitle: str
    facts: tuple[Fact, ...]
    sections: tuple[Section, ...]
    notice: str = ""
    footer: str = ""
    child_ref: str = ""

    def texts(self) -> list[str]:
        out = [self.title, self.subtitle, self.notice, self.footer]
        for fact in self.facts:
            out += [fact.label, fact.value]
        for section in self.sections:
            out.append(section.heading)
            for block in section.blocks:
                out.append(block.text)
                for row in block.rows:
                    out += [row.what, row.who, row.by_when, getattr(row, "status", "")]
        return [t for t in out if t]


def _facts(*pairs: tuple[str, str]) -> tuple[Fact, ...]:
    return tuple(Fact(label, value) for label, value in pairs if value and value.strip())


def _typed_section(key: str, heading: str, text: str) -> Section | None:
    lines = typed_paragraphs(text)
    if not lines:
        return None
    return Section(key, heading, tuple(Block("typed", line) for line in lines))


def _bullets(key: str, heading: str, items: list[str]) -> Section | None:
    items = [i for i in items if i.strip()]
    if not items:
        return None
    return Section(key, heading, tuple(Block("bullet", i) for i in items))


def decision_status(decision: Decision, today: date) -> str:
    if decision.status == DecisionStatus.DONE:
        return f"Done {day_text(decision.done_on)}" if decision.done_on else "Done"
    if decision.status == DecisionStatus.DROPPED:
        return "Dropped" + (f": {decision.dropped_reason}" if decision.dropped_reason else "")
    if decision.by_when and decision.by_when < today:
        return f"Open, {(today - decision.by_when).days} days overdue"
    return "Open"


def _decision_table(
    key: str, heading: str, decisions: list[Decision], today: date, intro: str = ""
) -> Section | None:
    if not decisions:
        return None
    rows = tuple(
        RecordRow(
            d.what.strip(),
            d.who.strip() or "not set",
            day_text(d.by_when),
            decision_status(d, today),
        )
        for d in decisions
    )
    blocks = [Block("para", intro)] if intro else []
    blocks.append(Block("table", rows=rows))  # type: ignore[arg-type]
    return Section(key, heading, tuple(blocks))


def scheduled(schedule: ChildSchedule, review: Review) -> ScheduledReview | None:
    return next((s for s in schedule.reviews if s.review_id == review.id), None)


def circulate_by(review: Review, settings: Settings, calendar: WorkingDayCalendar) -> date:
    """The decisions go out within the set working days after the review (5 by default)."""
    held = review.part_dates[0]
    return calendar.add_working_days(held, settings.timescales.decisions_working_days_after)[0]


def full_name(record: ChildRecord) -> str:
    child = record.child
    return f"{child.known_as} {child.last_name}".strip() or child.child_ref


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
    facts = _facts(
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
        _bullets("attendees", "Who attended", list(review.attendees)),
        _typed_section("child_words", "The child's views, in their words", review.child_words),
        _typed_section("going_well", "What is going well", review.going_well),
        _typed_section("worries", "Worries", review.worries),
        _typed_section("care_plan", "The IRO's view on the care plan", review.care_plan_view),
        _decision_table(
            "decisions", "Decisions of this review", review_decisions(record, review), today
        )
        or Section(
            "decisions",
            "Decisions of this review",
            (Block("para", "No decisions were recorded for this review."),),
        ),
        _decision_table(
            "earlier",
            "Earlier decisions still open",
            earlier_open,
            today,
            "Still open from earlier reviews: to be checked at the midpoint and the next review.",
        ),
        _typed_section("timing", "Why the review was held early or late", review.timing_reason),
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
    facts = _facts(
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
    sections = [
        _typed_section(
            "child_words", "The child's words last time", last.child_words if last else ""
        ),
        _decision_table("last_decisions", "Decisions from the last review", last_decisions, day),
        _decision_table("other_open", "Other open decisions", other_open, day),
        _bullets("challenges", "Open challenges", challenges),
        _typed_section("worries", "Worries last time", last.worries if last else ""),
        _bullets("key_dates", "Key dates (next four weeks and overdue)", key_dates),
        _bullets("people", who_heading, people),
        _bullets("checks", "What to check", checks),
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
