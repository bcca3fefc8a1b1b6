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
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from iro_desktop.domain.model import (
    PLACEMENT_ORDER_LEGAL_STATUS,
    ChildRecord,
    Episode,
    Regime,
    Review,
    ReviewStatus,
)
from iro_desktop.domain.schedule_types import ChildSchedule, DueDate, ScheduledReview
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import WorkingDayCalendar

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
    "schedule_for",
    "second_review_due_adoption",
    "second_review_due_looked_after",
    "subsequent_review_due",
]

FIRST_REVIEW_WORKING_DAYS = 20
SECOND_REVIEW_MONTHS = 3
SUBSEQUENT_REVIEW_MONTHS = 6
SHORT_BREAKS_FIRST_REVIEW_MONTHS = 3
ADOPTION_FIRST_REVIEW_DAYS = 28
PLACEMENT_ORDER_REVIEW_MONTHS = 3
ADULTHOOD_AGE = 18
UNDER_FIVE_AGE = 5

_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_NO_DATE = date.min
_HELD = ReviewStatus.HELD


# --------------------------------------------------------------------------------------------
# Dates: month arithmetic, ages, formatting


@lru_cache(maxsize=1 << 16)
def add_months(d: date, months: int) -> date:
    """Calendar months by the corresponding-date rule, with ``dateutil.relativedelta``.

    The same day number ``months`` later; where that month is shorter, its last day
    (31 Aug + 6 months = 28 Feb, or 29 Feb in a leap year). Never a fixed 91 or 183 days.
    Cached: a caseload's history asks for the same few thousand dates again and again.
    """
    return d + relativedelta(months=months)


def birthday(dob: date, age: int) -> date:
    """The day a person born on ``dob`` reaches ``age``; 29 Feb births on 1 Mar in common years.

    Family Law Reform Act 1969 s.9: a person attains an age at the start of the relevant
    anniversary of their birth; in a common year a leap-day birth's anniversary is taken as
    1 March (the later, conservative reading: reviews continue until then).
    """
    try:
        return dob.replace(year=dob.year + age)
    except ValueError:
        return date(dob.year + age, 3, 1)


def age_on(dob: date, on: date) -> int:
    """Age in whole years on ``on`` (see :func:`birthday` for 29 Feb)."""
    years = on.year - dob.year
    if on < birthday(dob, years):
        years -= 1
    return years


def format_date(d: date) -> str:
    """``21 Jan 2026`` (no leading zero, English month abbreviation, locale independent)."""
    return f"{d.day} {_MONTH_ABBR[d.month - 1]} {d.year}"


def format_day_date(d: date) -> str:
    """``Wed 21 Jan 2026``."""
    return f"{_DAY_ABBR[d.weekday()]} {format_date(d)}"


def _format_day_month(d: date) -> str:
    return f"{d.day} {_MONTH_ABBR[d.month - 1]}"


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _month_note(start: date, due: date) -> str:
    if due.day < start.day:
        return f" ({_MONTH_NAMES[due.month - 1]} has no {_ordinal(start.day)}, so its last day)"
    return ""


# --------------------------------------------------------------------------------------------
# The rules (each one regulation)


def first_review_due_looked_after(start: date, calendar: WorkingDayCalendar) -> date:
    """First review of a looked-after child: within 20 working days of becoming looked after.

    Care Planning, Placement and Case Review (England) Regulations 2010 reg 33(a); Care
    Planning, Placement and Case Review (Wales) Regulations 2015, the same timing. The start
    day is not counted (Dodds v Walker [1981]): the due date is the 20th working day after it.
    """
    return calendar.add_working_days(start, FIRST_REVIEW_WORKING_DAYS)[0]


def second_review_due_looked_after(first_held: date) -> date:
    """Second review: not more than 3 months after the first (England reg 33(b); Wales 2015)."""
    return add_months(first_held, SECOND_REVIEW_MONTHS)


def subsequent_review_due(prev_held: date) -> date:
    """Later reviews: not more than 6 months after the previous one (England reg 33(c)).

    The same interval for later reviews under the Wales 2015 regulations, for short breaks
    (England reg 48 / Wales reg 62) and for children placed for adoption (Adoption Agencies
    Regulations 2005 reg 36).
    """
    return add_months(prev_held, SUBSEQUENT_REVIEW_MONTHS)


def first_review_due_short_breaks(first_break_start: date) -> date:
    """Short breaks: first review within 3 months of the first break's start, then 6-monthly.

    England reg 48 (Care Planning, Placement and Case Review (England) Regulations 2010),
    Wales reg 62 (2015), which replace the reg 33 timing for a planned series of breaks.
    """
    return add_months(first_break_start, SHORT_BREAKS_FIRST_REVIEW_MONTHS)


def second_review_due_short_breaks(first_held: date) -> date:
    """Short breaks: the second and later reviews at most 6 months apart (reg 48 / Wales 62)."""
    return add_months(first_held, SUBSEQUENT_REVIEW_MONTHS)


def first_review_due_adoption(placed_on: date) -> date:
    """Placed for adoption: first review not more than 4 weeks (28 days) after placement.

    Adoption Agencies Regulations 2005 reg 36 (placement codes A3-A6).
    """
    return placed_on + timedelta(days=ADOPTION_FIRST_REVIEW_DAYS)


def second_review_due_adoption(first_held: date) -> date:
    """Placed for adoption: second review not more than 3 months after the first (AAR 2005 r36)."""
    return add_months(first_held, SECOND_REVIEW_MONTHS)


def review_due_placement_order(authorised_on: date) -> date:
    """Authorised to place for adoption (placement order, 903 legal status E1), not yet placed.

    Adoption Agencies Regulations 2005 reg 36: a review within 3 months of the date the
    agency was authorised to place, then 6-monthly until placement.
    """
    return add_months(authorised_on, PLACEMENT_ORDER_REVIEW_MONTHS)


def judged_date(parts: tuple[date, ...], settings: Settings) -> date:
    """The date a review is judged by: its first part, or its final part if the council says."""
    return parts[-1] if settings.judge_review_by_final_part else parts[0]


# --------------------------------------------------------------------------------------------
# Segments


@dataclass(slots=True)
class _Segment:
    start: date
    regime: Regime
    period: int  # index of the period of care / short-breaks arrangement
    period_start: date
    continuation: bool = False  # looked after again after leaving an adoptive placement
    authorised_on: date | None = None  # first E1 episode's start (placement order)


def _episode_key(e: Episode) -> tuple:
    return (
        e.decom,
        e.dec is None,
        e.dec or e.decom,
        e.rne,
        e.ls,
        e.place,
        e.rec,
        e.id is None,
        e.id or 0,
    )


def _segments(episodes: list[Episode], short_breaks_ended_on: date | None) -> list[_Segment]:
    segs: list[_Segment] = []
    prev: Episode | None = None
    period = -1
    for ep in episodes:
        cur = segs[-1] if segs else None
        if ep.is_short_break:
            if (
                cur is None
                or cur.regime is not Regime.SHORT_BREAKS
                or (
                    short_breaks_ended_on is not None
                    and cur.start <= short_breaks_ended_on < ep.decom
                )
            ):
                period += 1
                segs.append(_Segment(ep.decom, Regime.SHORT_BREAKS, period, ep.decom))
        else:
            if (
                cur is None
                or cur.regime is Regime.SHORT_BREAKS
                or ep.rne == "S"
                or (prev is not None and prev.left_care)
            ):
                period += 1
                regime = Regime.ADOPTION if ep.is_adoption_placement else Regime.LOOKED_AFTER
                cur = _Segment(ep.decom, regime, period, ep.decom)
                segs.append(cur)
            elif ep.is_adoption_placement and cur.regime is not Regime.ADOPTION:
                cur = _Segment(ep.decom, Regime.ADOPTION, period, cur.period_start)
                segs.append(cur)
            elif not ep.is_adoption_placement and cur.regime is Regime.ADOPTION:
                cur = _Segment(
                    ep.decom, Regime.LOOKED_AFTER, period, cur.period_start, continuation=True
                )
                segs.append(cur)
            if (
                ep.ls == PLACEMENT_ORDER_LEGAL_STATUS
                and cur.regime is Regime.LOOKED_AFTER
                and not cur.continuation
                and cur.authorised_on is None
            ):
                cur.authorised_on = ep.decom
        prev = ep
    return segs


# --------------------------------------------------------------------------------------------
# Due dates with their explanation


def _after_review(number: int) -> str:
    return "the first review" if number == 2 else "the review"


def _statutory_due(
    regime: Regime,
    continuation: bool,
    number: int,
    start: date,
    prev_held: date | None,
    calendar: WorkingDayCalendar,
) -> tuple[date, str]:
    """The due date of review ``number`` of a schedule and why, before the hold-by advice.

    ``start`` is the schedule's start (the period's start for a continuation); it is used
    only for the first review, when there is no ``prev_held``.
    """
    if prev_held is None:  # the first review of the schedule (or a continuation with none)
        if regime is Regime.SHORT_BREAKS:
            due = first_review_due_short_breaks(start)
            return due, (
                f"3 months after the first short break on {format_date(start)}"
                f"{_month_note(start, due)}"
            )
        if regime is Regime.ADOPTION:
            due = first_review_due_adoption(start)
            return due, f"28 days after placement for adoption on {format_date(start)}"
        due, skipped = calendar.add_working_days(start, FIRST_REVIEW_WORKING_DAYS)
        text = f"20 working days after {format_date(start)}"
        if skipped:
            names = _join([_format_day_month(d) for d in skipped])
            text += f", skipping bank holiday{'s' if len(skipped) > 1 else ''} {names}"
        return due, text
    if continuation:
        due = subsequent_review_due(prev_held)
        return due, (
            f"6 months after the review on {format_date(prev_held)}"
            f"{_month_note(prev_held, due)} (no longer placed for adoption)"
        )
    if number == 2 and regime is Regime.LOOKED_AFTER:
        due, months = second_review_due_looked_after(prev_held), SECOND_REVIEW_MONTHS
    elif number == 2 and regime is Regime.ADOPTION:
        due, months = second_review_due_adoption(prev_held), SECOND_REVIEW_MONTHS
    elif number == 2 and regime is Regime.SHORT_BREAKS:
        due, months = second_review_due_short_breaks(prev_held), SUBSEQUENT_REVIEW_MONTHS
    else:
        due, months = subsequent_review_due(prev_held), SUBSEQUENT_REVIEW_MONTHS
    return due, (
        f"{months} months after {_after_review(number)} on {format_date(prev_held)}"
        f"{_month_note(prev_held, due)}"
    )


@lru_cache(maxsize=1 << 16)
def _cached_due_date(
    calendar: WorkingDayCalendar,
    regime: Regime,
    continuation: bool,
    number: int,
    start: date,
    prev_held: date | None,
    authorised_on: date | None,
) -> DueDate:
    """A due date from hashable inputs only, so that equal questions share one answer.

    ``number`` is capped at 3 (every later review follows the same rule), ``start`` is
    only meaningful when ``prev_held`` is None, and ``authorised_on`` is given only when
    the placement-order rule applies to this review.
    """
    due, text = _statutory_due(regime, continuation, number, start, prev_held, calendar)
    if authorised_on is not None:
        po_due = review_due_placement_order(authorised_on)
        if po_due < due:
            due = po_due
            text = (
                "3 months after the authority to place for adoption on "
                f"{format_date(authorised_on)}{_month_note(authorised_on, po_due)}"
            )
    hold_by = calendar.last_working_day_on_or_before(due)
    if hold_by != due:
        text += (
            f"; {format_day_date(due)} is not a working day, "
            f"so hold it by {format_day_date(hold_by)}"
        )
    return DueDate(due, hold_by, text)


def _due_date(
    seg: _Segment,
    number: int,
    prev_held: date | None,
    held: date | None,
    calendar: WorkingDayCalendar,
) -> DueDate:
    """Review ``number`` of ``seg``, after one held on ``prev_held``, judged on ``held``.

    The placement-order rule applies to the first review held on or after the authority to
    place (``held`` is None for the next review, not yet held).
    """
    auth = seg.authorised_on
    if auth is not None and (
        (prev_held is not None and prev_held >= auth) or (held is not None and held < auth)
    ):
        auth = None
    start = seg.period_start if seg.continuation else seg.start
    return _cached_due_date(
        calendar,
        seg.regime,
        seg.continuation,
        min(number, 3),
        start if prev_held is None else _NO_DATE,
        prev_held,
        auth,
    )


def _local_due(
    prev_held: date | None, fifth_birthday: date, due: date, settings: Settings
) -> date | None:
    """The council's shorter interval for under-5s (local practice, never statutory)."""
    months = settings.local_under5_interval_months
    if not months or prev_held is None or prev_held >= fifth_birthday:
        return None
    local = add_months(prev_held, months)
    return local if local < due else None


# --------------------------------------------------------------------------------------------
# The engine


def _review_key(item: tuple[date, tuple[date, ...], Review]) -> tuple:
    judged, parts, review = item
    return (judged, parts, review.id is None, review.id or 0, review.review_code)


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
    episodes = sorted((e for e in record.episodes if e.archived_on is None), key=_episode_key)
    segs = _segments(episodes, child.short_breaks_ended_on)
    if not segs:
        return ChildSchedule(
            reviews=(),
            next_regime=None,
            next_number=None,
            next_due=None,
            local_due=None,
            period_start=None,
            last_review=None,
            why_none_due="no care episode recorded",
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
        due = _due_date(seg, number, prev_held, held, calendar)
        scheduled = ScheduledReview(
            review_id=review.id,
            number=number,
            regime=seg.regime,
            held=held,
            parts=parts,
            due=due,
            in_time=held <= due.due,
            local_due=_local_due(prev_held, fifth_birthday, due.due, settings)
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
            return none_due(f"short breaks ended on {format_date(ended)}")
    else:
        last_episode = episodes[-1]
        if last_episode.left_care and last_episode.dec is not None:
            return none_due(f"left care on {format_date(last_episode.dec)}")
    adult_on = birthday(child.dob, ADULTHOOD_AGE)
    if today is not None and today >= adult_on:
        return none_due(f"turned 18 on {format_date(adult_on)}")

    prev_held = last_review.held if last_review is not None else None
    number = last_review.number + 1 if last_review is not None else 1
    next_due = _due_date(current, number, prev_held, None, calendar)
    if next_due.due >= adult_on:
        return none_due(
            f"turns 18 on {format_date(adult_on)}, before the next review would be due "
            f"({format_date(next_due.due)})",
            looked_after_until=adult_on,
        )
    return ChildSchedule(
        reviews=reviews,
        next_regime=current.regime,
        next_number=number,
        next_due=next_due,
        local_due=_local_due(prev_held, fifth_birthday, next_due.due, settings),
        period_start=current.start,
        last_review=last_review,
    )
