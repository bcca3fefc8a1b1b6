"""What goes in the IRO's diary, and what each entry says.

Only the IRO's own work is in it: the booked review (or, before one is booked, the review to
hold by its due date), the pre-review meeting, the consultation papers, seeing the child, the
midpoint check, circulating the decisions, the letter and the contact with the child. Others'
actions (decisions owned by a social worker, challenge responses) stay on the due list.

Privacy: an entry names the child by initials and reference ("Review: A.B. (REF123)"); its
description says what to do and when, from the app's own words, never the record's text
(names, date of birth, placement, venue or the reason a date applies: a reason such as
"placed for adoption on ..." is itself personal data). Calendars sync to servers.

Identity: each entry has a stable key (record table, row id, kind) that does not change when
a date moves, so importing the diary again updates an entry instead of adding a second one.
The entries about the next review (booking, papers, meetings) hang on the review before it
(the last held review's row, or the child's row before any review), so the review "to hold"
and the same review once booked are one entry, and a moved booking keeps its entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from iro_desktop.domain import display
from iro_desktop.domain.tasks import Task, TaskKind, TaskOwner
from iro_desktop.i18n import N_, _

# How long a timed review is put in the diary for: most reviews take an hour or two.
REVIEW_MINUTES = 90

# "booked": the booked review itself (the other keys are the due list's task kinds).
SUMMARIES: dict[str, str] = {
    "booked": N_("Review: %(child)s"),
    TaskKind.REVIEW: N_("Review to hold: %(child)s"),
    TaskKind.CONSULTATION: N_("Consultation papers: %(child)s"),
    TaskKind.PRE_REVIEW_MEETING: N_("Pre-review meeting: %(child)s"),
    TaskKind.CHILD_MEETING: N_("See the child before the review: %(child)s"),
    TaskKind.MIDPOINT: N_("Midpoint check: %(child)s"),
    TaskKind.DECISIONS: N_("Circulate the decisions: %(child)s"),
    TaskKind.LETTER: N_("Send the letter and record: %(child)s"),
    TaskKind.CONTACT: N_("Contact with the child: %(child)s"),
}
DESCRIPTIONS: dict[str, str] = {
    TaskKind.REVIEW: N_("The review is due; it is not booked yet."),
    TaskKind.CONSULTATION: N_("Send the consultation papers for the next review."),
    TaskKind.PRE_REVIEW_MEETING: N_("Meet the social worker before the next review."),
    TaskKind.CHILD_MEETING: N_("Speak with the child before the next review."),
    TaskKind.MIDPOINT: N_("Check how the plan is going, halfway between reviews."),
    TaskKind.DECISIONS: N_("Circulate the review's decisions."),
    TaskKind.LETTER: N_("Send the child's letter and the review record."),
    TaskKind.CONTACT: N_("Visit, call or video call the child."),
}


@dataclass(frozen=True)
class ChildTag:
    """What the diary may say about a child, and where their next review's entries hang."""

    child_ref: str
    initials: str  # "A.B."
    child_id: int
    last_review_id: int | None  # the last held review's row; None before the first review

    @property
    def label(self) -> str:
        return f"{self.initials} ({self.child_ref})"

    def next_review_key(self, kind: str) -> tuple[str, int, str]:
        """The key of an entry about the next review (booked or not)."""
        if self.last_review_id is not None:
            return ("reviews", self.last_review_id, f"next-{kind}")
        return ("children", self.child_id, f"first-{kind}")


@dataclass(frozen=True)
class Booking:
    """A booked review as the diary needs it."""

    child_ref: str
    day: date
    start: time | None  # None: booked for the day
    due: date | None = None  # the statutory due date, when there is one


@dataclass(frozen=True)
class DiaryEvent:
    key: tuple[str, int, str]  # (record table, row id, kind): the entry's identity
    summary: str
    description: str
    day: date
    start: time | None = None  # None: an all-day entry
    minutes: int = REVIEW_MINUTES
    busy: bool = False  # shows the IRO as busy (a timed review); deadlines do not


def initials(first_name: str, last_name: str) -> str:
    """ "A.B." from the first letters of the first and last names ("?" for a blank one)."""
    return "".join(f"{(name.strip()[:1] or '?').upper()}." for name in (first_name, last_name))


def _day(day: date) -> str:
    return display.format_date(day, display.WEEKDAY_DATE, display.ENGLISH)


def booking_event(booking: Booking, child: ChildTag) -> DiaryEvent:
    words = [_("Review booked in IRO Desktop.")]
    if booking.start is None:
        words.append(_("Booked for the day; add the time in IRO Desktop when you know it."))
    if booking.due is not None:
        words.append(_("Due by %(day)s.") % {"day": _day(booking.due)})
    return DiaryEvent(
        key=child.next_review_key("review"),
        summary=_(SUMMARIES["booked"]) % {"child": child.label},
        description=" ".join(words),
        day=booking.day,
        start=booking.start,
        busy=booking.start is not None,
    )


def task_event(task: Task, child: ChildTag) -> DiaryEvent | None:
    """The entry for one of the IRO's own tasks (``None`` for anything else)."""
    if task.owner != TaskOwner.IRO or task.task not in SUMMARIES:
        return None
    if task.task == TaskKind.CONTACT:  # one rolling entry: the next contact due
        key = ("children", child.child_id, "contact")
    elif task.task in (TaskKind.MIDPOINT, TaskKind.DECISIONS, TaskKind.LETTER):
        key = (
            ("reviews", child.last_review_id, task.task.value)
            if child.last_review_id is not None
            else ("children", child.child_id, task.task.value)
        )
    else:  # the next review and what prepares it
        key = child.next_review_key("review" if task.task == TaskKind.REVIEW else task.task.value)
    when = _("Due %(due)s.") % {"due": _day(task.due)}
    if task.hold_by != task.due:
        when = _("Due %(due)s; hold by %(hold_by)s (the last working day).") % {
            "due": _day(task.due), "hold_by": _day(task.hold_by)}  # fmt: skip
    return DiaryEvent(
        key=key,
        summary=_(SUMMARIES[task.task]) % {"child": child.label},
        description=f"{_(DESCRIPTIONS[task.task])} {when}",
        day=task.due,
    )


def diary_events(
    tasks: list[Task], bookings: list[Booking], children: dict[str, ChildTag]
) -> list[DiaryEvent]:
    """The diary: each booking, then the IRO's own tasks (the review "to hold" only for a
    child with no booking), sorted by day and summary. One entry per key."""
    events: dict[tuple[str, int, str], DiaryEvent] = {}
    booked = set()
    for booking in bookings:
        child = children.get(booking.child_ref)
        if child is not None:
            event = booking_event(booking, child)
            events[event.key] = event
            booked.add(booking.child_ref)
    for task in tasks:
        child = children.get(task.child_ref)
        if child is None or (task.task == TaskKind.REVIEW and task.child_ref in booked):
            continue
        event = task_event(task, child)
        if event is not None:
            events.setdefault(event.key, event)
    return sorted(events.values(), key=lambda e: (e.day, e.start or time.min, e.summary))
