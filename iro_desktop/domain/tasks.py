"""The IRO's task list: what must happen around each review, and by when (IRO-BRIEF.md §5).

Tasks before a review count from its booked date, or its statutory due date when none is
booked. A task is due or overdue; done tasks leave the list. Timescales come from settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from iro_desktop.domain import display
from iro_desktop.domain.model import ChildRecord, Review, ReviewStatus
from iro_desktop.domain.schedule_types import ChildSchedule
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import WorkingDayCalendar
from iro_desktop.i18n import N_, _, ngettext

# Codes where the child was at the review in person: the IRO saw them there.
CHILD_ATTENDED_CODES = frozenset({"PN1", "PN2", "PN3", "PN4"})


class TaskKind(StrEnum):
    REVIEW = "review"
    CONSULTATION = "consultation"
    PRE_REVIEW_MEETING = "pre_review_meeting"
    CHILD_MEETING = "child_meeting"
    MIDPOINT = "midpoint"
    DECISIONS = "decisions"
    LETTER = "letter"
    CHALLENGE_RESPONSE = "challenge_response"
    DECISION = "decision"
    CONTACT = "contact"


class TaskOwner(StrEnum):
    """Who acts: the IRO's own statutory work, or someone else's action the IRO chases."""

    IRO = "iro"
    OTHERS = "others"


# Decisions are owned by whoever the review named (usually the social worker) and challenge
# responses by the manager challenged: the IRO chases them but cannot do them.
OWNER_FOR_KIND = {
    kind: (
        TaskOwner.OTHERS
        if kind in (TaskKind.DECISION, TaskKind.CHALLENGE_RESPONSE)
        else TaskOwner.IRO
    )
    for kind in TaskKind
}

# Labels are marked for the catalogue (N_) and translated where shown: _(TASK_LABELS[kind]).
SECTION_LABELS = {
    TaskOwner.IRO: N_("Yours to do"),
    TaskOwner.OTHERS: N_("Others' actions to chase"),
}
SECTION_KEYS = {TaskOwner.IRO: "yours", TaskOwner.OTHERS: "to_chase"}


class TaskGroup(StrEnum):
    OVERDUE = "overdue"
    THIS_WEEK = "this_week"
    NEXT_4_WEEKS = "next_4_weeks"
    LATER = "later"


TASK_LABELS = {
    TaskKind.REVIEW: N_("Hold the review"),
    TaskKind.CONSULTATION: N_("Send consultation papers"),
    TaskKind.PRE_REVIEW_MEETING: N_("Pre-review meeting with the social worker"),
    TaskKind.CHILD_MEETING: N_("Speak with the child before the review"),
    TaskKind.MIDPOINT: N_("Midpoint check"),
    TaskKind.DECISIONS: N_("Circulate the decisions"),
    TaskKind.LETTER: N_("Send the letter and record"),
    TaskKind.CHALLENGE_RESPONSE: N_("Challenge response due"),
    TaskKind.DECISION: N_("Decision due"),
    TaskKind.CONTACT: N_("Contact with the child"),
}

GROUP_LABELS = {
    TaskGroup.OVERDUE: N_("Overdue"),
    TaskGroup.THIS_WEEK: N_("This week"),
    TaskGroup.NEXT_4_WEEKS: N_("Next 4 weeks"),
    TaskGroup.LATER: N_("Later"),
}


@dataclass(frozen=True)
class Task:
    child_ref: str
    task: TaskKind
    ref: str  # "review:12", "review:next", "decision:4", "challenge:2", "contact:7"
    due: date
    hold_by: date
    detail: str  # plain words: what and why, no personal data beyond the record's own text

    def status(self, today: date) -> str:
        return "overdue" if self.due < today else "due"

    @property
    def owner(self) -> TaskOwner:
        return OWNER_FOR_KIND[self.task]

    def hold_by_passed(self, today: date) -> bool:
        """Not yet overdue, but the last working day to do it has gone (a weekend or a bank
        holiday between): it must be treated as late already."""
        return self.hold_by < today <= self.due

    def reviews_first_key(self) -> tuple[bool, date, str, str, str]:
        """Within a group, the reviews to hold before everything else, then by date."""
        return (self.task != TaskKind.REVIEW, *self.sort_key())

    def sort_key(self) -> tuple[date, str, str, str]:
        return (self.due, self.child_ref, self.task.value, self.ref)


def group_for(due: date, today: date) -> TaskGroup:
    """Overdue; this week (today to the coming Sunday); the 28 days after; later."""
    if due < today:
        return TaskGroup.OVERDUE
    sunday = today + timedelta(days=6 - today.weekday())
    if due <= sunday:
        return TaskGroup.THIS_WEEK
    if due <= sunday + timedelta(days=28):
        return TaskGroup.NEXT_4_WEEKS
    return TaskGroup.LATER


def summary_line(tasks: list[Task], today: date) -> str:
    """One line for the top of the due list, statutory work first:
    "2 reviews overdue, 3 due this week; 5 other tasks of yours overdue, 4 due this week;
    to chase: 12 overdue". Parts with nothing in them are left out."""
    counts: dict[tuple[TaskOwner, bool, TaskGroup], int] = {}
    for task in tasks:
        key = (task.owner, task.task == TaskKind.REVIEW, group_for(task.due, today))
        counts[key] = counts.get(key, 0) + 1

    def part(owner: TaskOwner, reviews: bool) -> str:
        overdue = counts.get((owner, reviews, TaskGroup.OVERDUE), 0)
        week = counts.get((owner, reviews, TaskGroup.THIS_WEEK), 0)
        bits = []
        if overdue:
            bits.append(_counted(owner, reviews, overdue, week=False))
        if week:
            bits.append(
                ngettext("%(count)d due this week", "%(count)d due this week", week)
                % {"count": week}
                if bits
                else _counted(owner, reviews, week, week=True)
            )
        return ", ".join(bits)

    parts = [part(TaskOwner.IRO, True), part(TaskOwner.IRO, False)]
    chase = part(TaskOwner.OTHERS, False)
    if chase:
        parts.append(_("to chase: %(actions)s") % {"actions": chase})
    line = "; ".join(p for p in parts if p)
    return line[:1].upper() + line[1:] if line else _("Nothing overdue or due this week")


def _counted(owner: TaskOwner, reviews: bool, count: int, *, week: bool) -> str:
    """ "3 reviews overdue", "1 other task of yours due this week", "2 actions overdue"
    (each a literal message, so that the catalogue finds it)."""
    if owner == TaskOwner.OTHERS and week:
        text = ngettext("%(count)d action due this week", "%(count)d actions due this week", count)
    elif owner == TaskOwner.OTHERS:
        text = ngettext("%(count)d action overdue", "%(count)d actions overdue", count)
    elif reviews and week:
        text = ngettext("%(count)d review due this week", "%(count)d reviews due this week", count)
    elif reviews:
        text = ngettext("%(count)d review overdue", "%(count)d reviews overdue", count)
    elif week:
        text = ngettext(
            "%(count)d other task of yours due this week",
            "%(count)d other tasks of yours due this week",
            count,
        )
    else:
        text = ngettext(
            "%(count)d other task of yours overdue", "%(count)d other tasks of yours overdue", count
        )
    return text % {"count": count}


def working_days_before(calendar: WorkingDayCalendar, day: date, count: int) -> date:
    """The ``count``th working day before ``day`` (``day`` itself not counted)."""
    current = day
    remaining = count
    while remaining > 0:
        current -= timedelta(days=1)
        if calendar.is_working_day(current):
            remaining -= 1
    return current


def _fmt(day: date) -> str:
    return display.format_date(day, display.WEEKDAY_DATE)


def booked_review(record: ChildRecord) -> Review | None:
    """The next review the IRO has booked and not yet held."""
    booked = [
        r
        for r in record.reviews
        if r.status == ReviewStatus.BOOKED and r.booked_for and r.archived_on is None
    ]
    return max(booked, key=lambda r: r.booked_for or date.min, default=None)


def tasks_for(
    record: ChildRecord,
    schedule: ChildSchedule,
    settings: Settings,
    calendar: WorkingDayCalendar,
    today: date,
) -> list[Task]:
    """Every open task for one child, whatever its date (callers filter by window)."""
    child_ref = record.child.child_ref
    ts = settings.timescales
    tasks: list[Task] = []

    def add(kind: TaskKind, ref: str, due: date, detail: str) -> None:
        hold_by = calendar.last_working_day_on_or_before(due)
        tasks.append(Task(child_ref, kind, ref, due, hold_by, detail))

    last = schedule.last_review
    since = last.held if last else schedule.period_start
    if schedule.next_due is not None:
        booking = booked_review(record)
        basis = booking.booked_for if booking and booking.booked_for else schedule.next_due.due
        basis_words = (
            _("the review booked for %(date)s") if booking else _("the review due %(date)s")
        ) % {"date": _fmt(basis)}
        review_ref = f"review:{booking.id}" if booking else "review:next"
        add(TaskKind.REVIEW, review_ref, schedule.next_due.due, schedule.next_due.explanation)
        if not (booking and booking.consultation_sent_on):
            add(
                TaskKind.CONSULTATION,
                review_ref,
                working_days_before(calendar, basis, ts.consultation_working_days_before),
                _("%(days)s working days before %(review)s")
                % {"days": ts.consultation_working_days_before, "review": basis_words},
            )
        if not any(
            m.archived_on is None and (since is None or m.held_on > since)
            for m in record.pre_review_meetings
        ):
            add(
                TaskKind.PRE_REVIEW_MEETING,
                review_ref,
                basis - timedelta(days=ts.pre_review_meeting_days_before),
                _("%(days)s days before %(review)s")
                % {"days": ts.pre_review_meeting_days_before, "review": basis_words},
            )
        if not any(
            c.archived_on is None and (since is None or c.on > since) for c in record.contacts
        ):
            add(
                TaskKind.CHILD_MEETING,
                review_ref,
                basis - timedelta(days=1),
                _("by the day before %(review)s") % {"review": basis_words},
            )

    # Monitoring between reviews goes on while the child is looked after: to the next review,
    # or to the 18th birthday when no review falls due before it.
    horizon = schedule.next_due.due if schedule.next_due else schedule.looked_after_until
    if horizon is not None:
        if last is not None and not any(
            m.archived_on is None and m.done_on > last.held for m in record.midpoint_checks
        ):
            end_words = (
                _("the next due %(date)s") if schedule.next_due else _("18 on %(date)s")
            ) % {"date": _fmt(horizon)}
            add(
                TaskKind.MIDPOINT,
                f"review:{last.review_id}" if last.review_id is not None else "review:next",
                last.held + (horizon - last.held) / 2,
                _("halfway between the review on %(date)s and %(end)s")
                % {"date": _fmt(last.held), "end": end_words},
            )
        tasks.extend(_contact_task(record, schedule, settings, calendar))

    if last is not None and last.review_id is not None:
        # A review in parts is finished at its final part: decisions and the letter count
        # from then (its first part may be what is judged for timeliness).
        finished = last.parts[-1] if last.parts else last.held
        held_review = next((r for r in record.reviews if r.id == last.review_id), None)
        if held_review is not None and held_review.decisions_circulated_on is None:
            add(
                TaskKind.DECISIONS,
                f"review:{last.review_id}",
                calendar.add_working_days(finished, ts.decisions_working_days_after)[0],
                _("%(days)s working days after the review on %(date)s")
                % {"days": ts.decisions_working_days_after, "date": _fmt(finished)},
            )
        if held_review is not None and held_review.letter_sent_on is None:
            add(
                TaskKind.LETTER,
                f"review:{last.review_id}",
                calendar.add_working_days(finished, ts.letter_working_days_after)[0],
                _("%(days)s working days after the review on %(date)s")
                % {"days": ts.letter_working_days_after, "date": _fmt(finished)},
            )

    for decision in record.decisions:
        if decision.is_open and decision.archived_on is None and decision.by_when:
            add(TaskKind.DECISION, f"decision:{decision.id}", decision.by_when, decision.what)

    for challenge in record.challenges:
        stage = challenge.current_stage
        if challenge.archived_on is not None or not challenge.is_open or stage is None:
            continue
        if stage.responded_on is not None:
            continue
        due = stage.response_due or challenge_response_due(
            stage.stage, stage.raised_on, settings, calendar
        )
        words = (
            _("response to the informal challenge raised on %(date)s")
            if stage.stage == 0
            else _("response to the formal stage %(stage)s raised on %(date)s")
        )
        add(
            TaskKind.CHALLENGE_RESPONSE,
            f"challenge:{challenge.id}",
            due,
            words % {"stage": stage.stage, "date": _fmt(stage.raised_on)},
        )
    return tasks


def challenge_response_due(
    stage: int, raised_on: date, settings: Settings, calendar: WorkingDayCalendar
) -> date:
    """Informal: 10 working days; each formal stage: 5 working days (IRO Handbook ch. 6)."""
    days = (
        settings.timescales.informal_challenge_working_days
        if stage == 0
        else settings.timescales.formal_stage_working_days
    )
    return calendar.add_working_days(raised_on, days)[0]


def _contact_task(
    record: ChildRecord,
    schedule: ChildSchedule,
    settings: Settings,
    calendar: WorkingDayCalendar,
) -> list[Task]:
    """Flag when the IRO last saw or spoke with the child more than the set weeks ago."""
    seen: list[tuple[date, str]] = [
        (c.on, f"contact:{c.id}") for c in record.contacts if c.archived_on is None
    ]
    for review in record.reviews:
        if (
            review.is_held
            and review.archived_on is None
            and (review.review_code in CHILD_ATTENDED_CODES)
        ):
            seen.append((review.part_dates[0], f"review:{review.id}"))
    if schedule.period_start is not None:
        seen = [s for s in seen if s[0] >= schedule.period_start]
    if seen:
        last_seen, ref = max(seen)
        since_words = _("last contact %(date)s") % {"date": _fmt(last_seen)}
    elif schedule.period_start is not None:
        last_seen, ref = schedule.period_start, "contact:none"
        since_words = _("no contact recorded since the start on %(date)s") % {
            "date": _fmt(last_seen)
        }
    else:
        return []
    weeks = settings.timescales.contact_every_weeks
    due = last_seen + timedelta(weeks=weeks)
    hold_by = calendar.last_working_day_on_or_before(due)
    return [
        Task(
            record.child.child_ref,
            TaskKind.CONTACT,
            ref,
            due,
            hold_by,
            _("a contact at least every %(weeks)s weeks; %(since)s")
            % {"weeks": weeks, "since": since_words},
        )
    ]
