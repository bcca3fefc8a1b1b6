"""The IRO's footprint on a child's record: every review, contact, meeting, check, challenge
and letter on one dated line, with the gaps longer than the set weeks shown (IRO-BRIEF §5)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from iro_desktop.domain import display
from iro_desktop.domain.model import ChildRecord
from iro_desktop.i18n import _


@dataclass(frozen=True)
class TimelineEvent:
    on: date
    kind: str  # review, contact, pre_review_meeting, midpoint, challenge, letter, decisions, gap
    text: str
    ref: str = ""


def _fmt(day: date) -> str:
    return display.format_date(day, display.DAY_MONTH_YEAR)


def footprint(record: ChildRecord, gap_weeks: int, today: date) -> list[TimelineEvent]:
    """Events in date order (oldest first), with a ``gap`` event wherever the IRO's own
    activity (reviews, contacts, meetings, checks) paused for longer than ``gap_weeks``."""
    events: list[TimelineEvent] = []
    for review in record.reviews:
        if review.archived_on is not None or not review.is_held:
            continue
        for number, part in enumerate(review.part_dates, start=1):
            label = (
                _("Review")
                if len(review.parts) == 1
                else _("Review, part %(number)s") % {"number": number}
            )
            code = f" ({review.review_code})" if review.review_code else ""
            events.append(TimelineEvent(part, "review", f"{label}{code}", f"review:{review.id}"))
        if review.decisions_circulated_on:
            events.append(
                TimelineEvent(
                    review.decisions_circulated_on,
                    "decisions",
                    _("Decisions circulated"),
                    f"review:{review.id}",
                )
            )
        if review.letter_sent_on:
            events.append(
                TimelineEvent(
                    review.letter_sent_on,
                    "letter",
                    _("Letter to the child sent"),
                    f"review:{review.id}",
                )
            )
    for contact in record.contacts:
        if contact.archived_on is None:
            events.append(
                TimelineEvent(
                    contact.on,
                    "contact",
                    _("Contact with the child (%(kind)s)") % {"kind": contact.kind},
                    f"contact:{contact.id}",
                )
            )
    for meeting in record.pre_review_meetings:
        if meeting.archived_on is None:
            text = (
                _("Pre-review meeting with %(who)s") % {"who": meeting.with_whom}
                if meeting.with_whom
                else _("Pre-review meeting")
            )
            events.append(
                TimelineEvent(
                    meeting.held_on,
                    "pre_review_meeting",
                    text,
                    f"meeting:{meeting.id}",
                )
            )
    for check in record.midpoint_checks:
        if check.archived_on is None:
            events.append(
                TimelineEvent(
                    check.done_on, "midpoint", _("Midpoint check"), f"midpoint:{check.id}"
                )
            )
    for challenge in record.challenges:
        if challenge.archived_on is not None:
            continue
        for stage in challenge.stages:
            text = (
                _("Informal challenge raised: %(theme)s")
                if stage.stage == 0
                else _("Formal challenge, stage %(stage)s raised: %(theme)s")
            ) % {"stage": stage.stage, "theme": challenge.theme}
            events.append(
                TimelineEvent(
                    stage.raised_on,
                    "challenge",
                    text,
                    f"challenge:{challenge.id}",
                )
            )
        if challenge.resolved_on:
            events.append(
                TimelineEvent(
                    challenge.resolved_on,
                    "challenge",
                    _("Challenge resolved: %(theme)s") % {"theme": challenge.theme},
                    f"challenge:{challenge.id}",
                )
            )
    events.sort(key=lambda e: (e.on, e.kind, e.ref))
    return _with_gaps(events, gap_weeks, today)


_OVERSIGHT = frozenset({"review", "contact", "pre_review_meeting", "midpoint"})


def _with_gaps(events: list[TimelineEvent], gap_weeks: int, today: date) -> list[TimelineEvent]:
    limit = timedelta(weeks=gap_weeks)
    out: list[TimelineEvent] = []
    previous: date | None = None
    for event in events:
        if event.kind in _OVERSIGHT:
            if previous is not None and event.on - previous > limit:
                out.append(_gap(previous, event.on, gap_weeks))
            previous = event.on
        out.append(event)
    if previous is not None and today - previous > limit:
        out.append(_gap(previous, today, gap_weeks, ongoing=True))
    return out


def _gap(start: date, end: date, gap_weeks: int, ongoing: bool = False) -> TimelineEvent:
    days = (end - start).days
    values = {"days": days, "start": _fmt(start), "end": _fmt(end), "weeks": gap_weeks}
    if ongoing:
        text = _("No IRO contact for %(days)s days since %(start)s (over %(weeks)s weeks)") % values
    else:
        text = (
            _("%(days)s days with no IRO contact, %(start)s to %(end)s (over %(weeks)s weeks)")
            % values
        )
    return TimelineEvent(end, "gap", text)
