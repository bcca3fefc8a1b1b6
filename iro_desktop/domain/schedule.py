"""The statutory review schedule: when each review was due, whether it was in time, what is next.

Entry point: :func:`schedule_for`. Pure: no clock (``today`` is passed in), no I/O, no Qt.
Every timing rule is a small named function citing its regulation; the engine only chooses
which rule applies (IRO-BRIEF.md §1-2).

How a child's history is cut into schedules ("segments"):

* Episodes (non-archived, sorted) are walked in order. A **new period of care** starts at the
  first episode, at any non-short-break episode with ``RNE = S``, and at any episode that
  follows one that left care (ended with a ``REC`` other than X1). A change of placement or
  legal status within a period (``RNE`` P, L, T, U, B) does not restart the schedule.
* **Short breaks** (legal status V3/V4): every V3/V4 episode belongs to one arrangement from the
  first break's start, until a non-short-break episode starts or the IRO marks the arrangement
  ended (``Child.short_breaks_ended_on``); a break starting after that date opens a new
  arrangement. Gaps between breaks are not "leaving care".
* **Adoption**: the first episode of a period placed for adoption (A3-A6), after a
  non-adoption episode or at the period's start, restarts the schedule under the Adoption
  Agencies Regulations 2005 from the placement date. Moving between A3-A6 is not a restart.
  If the child then leaves the adoptive placement within the period, the schedule continues
  under the looked-after regime, 6 months from the last review held in the period (or, when
  none was held, 20 working days from the period's start). Review numbers carry on from the
  period's last review, so such a review may be numbered 2 yet counted at 6 months.
* **Placement order** (legal status E1, not yet placed): the first E1 episode's start within a
  looked-after schedule is taken as the date the agency was authorised to place. A review
  due within 3 months of it applies to the first review after it; the due date is the
  earlier of that and the ordinary one (the 6-monthly reviews after it match the ordinary
  rule, so they need nothing more).

A held review belongs to the segment in effect on the date it is judged by (its first part,
or its final part when ``Settings.judge_review_by_final_part``). A review held before the
earliest recorded episode is judged as part of the earliest segment, so that every held
review appears in the result (it is numbered from 1 and counts as in time). Review numbers
and intervals run from the date each previous review was actually held.

The parts: ``review_rules`` (one function per regulation), ``segments`` (cutting the history),
``due_dates`` (a due date with its explanation), ``dates`` (months, birthdays, ages); this
module is the engine and the schedule's one public name for them all.
"""

from __future__ import annotations

from datetime import date

from iro_desktop.domain.dates import add_months, age_on, birthday
from iro_desktop.domain.due_dates import due_date, format_date, format_day_date, local_due
from iro_desktop.domain.model import Child, ChildRecord, Regime, Review, ReviewStatus
from iro_desktop.domain.review_rules import (
    ADOPTION_FIRST_REVIEW_DAYS,
    FIRST_REVIEW_WORKING_DAYS,
    first_review_due_adoption,
    first_review_due_looked_after,
    first_review_due_short_breaks,
    judged_date,
    review_due_placement_order,
    second_review_due_adoption,
    second_review_due_looked_after,
    subsequent_review_due,
)
from iro_desktop.domain.schedule_types import ChildSchedule, ScheduledReview
from iro_desktop.domain.segments import episode_key, segments
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import WorkingDayCalendar
from iro_desktop.i18n import _

__all__ = [
    "ADOPTION_FIRST_REVIEW_DAYS",
    "FIRST_REVIEW_WORKING_DAYS",
    "add_months",
    "age_on",
    "birthday",
    "first_review_due_adoption",
    "first_review_due_looked_after",
    "first_review_due_short_breaks",
    "format_date",
    "format_day_date",
    "judged_date",
    "review_due_placement_order",
    "same_result_between",
    "schedule_for",
    "second_review_due_adoption",
    "second_review_due_looked_after",
    "subsequent_review_due",
]

ADULTHOOD_AGE = 18
UNDER_FIVE_AGE = 5

_HELD = ReviewStatus.HELD


def _review_key(item: tuple[date, tuple[date, ...], Review]) -> tuple:
    judged, parts, review = item
    return (judged, parts, review.id is None, review.id or 0, review.review_code)


def same_result_between(child: Child, today: date) -> tuple[date, date]:
    """The days ``[first, end)`` around ``today`` on which :func:`schedule_for` (and the task
    list built on it) gives the same answer for this child's record: the day asked about
    matters only through the 18th birthday, after which no review is due."""
    adult_on = birthday(child.dob, ADULTHOOD_AGE)
    return (date.min, adult_on) if today < adult_on else (adult_on, date.max)


def schedule_for(
    record: ChildRecord,
    settings: Settings,
    calendar: WorkingDayCalendar,
    today: date | None = None,
) -> ChildSchedule:
    """Judge every held review of the child and work out the next one (see the module doc).

    ``today`` is used only to say the child has turned 18 (no review due); the domain never
    reads the clock. The result does not depend on the order of episodes or reviews.
    """
    child = record.child
    episodes = sorted((e for e in record.episodes if e.archived_on is None), key=episode_key)
    segs = segments(episodes, child.short_breaks_ended_on)
    if not segs:
        return ChildSchedule(
            reviews=(),
            next_regime=None,
            next_number=None,
            next_due=None,
            local_due=None,
            period_start=None,
            last_review=None,
            why_none_due=_("no care episode recorded"),
        )

    by_final_part = settings.judge_review_by_final_part
    items = []
    for review in record.reviews:
        # Review.is_held and Review.part_dates, inlined: this loop runs for every review.
        raw = review.parts
        if review.archived_on is not None or review.status != _HELD or not raw:
            continue
        parts = (raw[0].held_on,) if len(raw) == 1 else tuple(sorted(p.held_on for p in raw))
        items.append((parts[-1] if by_final_part else parts[0], parts, review))
    if len(items) > 1:
        items.sort(key=_review_key)

    fifth_birthday = birthday(child.dob, UNDER_FIVE_AGE)
    local_months = settings.local_under5_interval_months
    seg_last: dict[int, ScheduledReview] = {}
    period_last: dict[int, ScheduledReview] = {}
    judged_reviews: list[ScheduledReview] = []
    index = 0  # reviews come in date order, so the segment only moves forward
    last_index = len(segs) - 1
    for held, parts, review in items:
        while index < last_index and segs[index + 1].start <= held:
            index += 1
        seg = segs[index]
        prev = period_last.get(seg.period) if seg.continuation else seg_last.get(index)
        prev_held = prev.held if prev is not None else None
        number = prev.number + 1 if prev is not None else 1
        due = due_date(seg, number, prev_held, held, calendar)
        scheduled = ScheduledReview(
            review_id=review.id,
            number=number,
            regime=seg.regime,
            held=held,
            parts=parts,
            due=due,
            in_time=held <= due.due,
            local_due=local_due(prev_held, fifth_birthday, due.due, settings)
            if local_months
            else None,
            parts_after_due=tuple(p for p in parts if p > due.due) if parts[-1] > due.due else (),
        )
        judged_reviews.append(scheduled)
        seg_last[index] = scheduled
        period_last[seg.period] = scheduled

    current_index = len(segs) - 1
    current = segs[current_index]
    last_review = (
        period_last.get(current.period) if current.continuation else seg_last.get(current_index)
    )
    reviews = tuple(judged_reviews)

    def none_due(why: str, looked_after_until: date | None = None) -> ChildSchedule:
        return ChildSchedule(
            reviews=reviews,
            next_regime=None,
            next_number=None,
            next_due=None,
            local_due=None,
            period_start=current.start,
            last_review=last_review,
            why_none_due=why,
            looked_after_until=looked_after_until,
        )

    if current.regime is Regime.SHORT_BREAKS:
        ended = child.short_breaks_ended_on
        if ended is not None and ended >= current.start:
            return none_due(_("short breaks ended on %(date)s") % {"date": format_date(ended)})
    else:
        last_episode = episodes[-1]
        if last_episode.left_care and last_episode.dec is not None:
            return none_due(_("left care on %(date)s") % {"date": format_date(last_episode.dec)})
    adult_on = birthday(child.dob, ADULTHOOD_AGE)
    if today is not None and today >= adult_on:
        return none_due(_("turned 18 on %(date)s") % {"date": format_date(adult_on)})

    prev_held = last_review.held if last_review is not None else None
    number = last_review.number + 1 if last_review is not None else 1
    next_due = due_date(current, number, prev_held, None, calendar)
    if next_due.due >= adult_on:
        return none_due(
            _("turns 18 on %(date)s, before the next review would be due (%(due)s)")
            % {"date": format_date(adult_on), "due": format_date(next_due.due)},
            looked_after_until=adult_on,
        )
    return ChildSchedule(
        reviews=reviews,
        next_regime=current.regime,
        next_number=number,
        next_due=next_due,
        local_due=local_due(prev_held, fifth_birthday, next_due.due, settings),
        period_start=current.start,
        last_review=last_review,
    )
