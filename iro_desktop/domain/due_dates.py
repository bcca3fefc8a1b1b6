"""Due dates with their explanation: which rule gives a review's due date, the words saying
why ("20 working days after 19 Dec 2025, skipping ..."), the working day to hold it by, and
the council's shorter local interval for under-5s."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from iro_desktop.domain import display
from iro_desktop.domain.dates import add_months
from iro_desktop.domain.model import Regime
from iro_desktop.domain.review_rules import (
    FIRST_REVIEW_WORKING_DAYS,
    SECOND_REVIEW_MONTHS,
    SUBSEQUENT_REVIEW_MONTHS,
    first_review_due_adoption,
    first_review_due_short_breaks,
    review_due_placement_order,
    second_review_due_adoption,
    second_review_due_looked_after,
    second_review_due_short_breaks,
    subsequent_review_due,
)
from iro_desktop.domain.schedule_types import DueDate
from iro_desktop.domain.segments import Segment
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import WorkingDayCalendar
from iro_desktop.i18n import _, language, ngettext

_NO_DATE = date.min


def format_date(d: date) -> str:
    """``21 Jan 2026`` (no leading zero, locale independent) in the IRO's language."""
    return display.format_date(d, display.DAY_MONTH_YEAR)


def format_day_date(d: date) -> str:
    """``Wed 21 Jan 2026``."""
    return display.format_date(d, display.WEEKDAY_DATE)


def _format_day_month(d: date) -> str:
    return display.format_date(d, display.DAY_MONTH)


def _ordinal(n: int) -> str:
    """ "31st" in English; the number alone in Welsh, whose translation says "dydd 31"."""
    if language() == "cy":
        return str(n)
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s and %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def _month_note(start: date, due: date) -> str:
    if due.day < start.day:
        month = display.format_date(due, display.MONTH_NAME)
        return _(" (%(month)s has no %(ordinal)s, so its last day)") % {
            "month": month,
            "ordinal": _ordinal(start.day),
        }
    return ""


def _months_after(months: int, number: int, held: date, due: date) -> str:
    values = {"months": months, "date": format_date(held), "note": _month_note(held, due)}
    if number == 2:
        return _("%(months)s months after the first review on %(date)s%(note)s") % values
    return _("%(months)s months after the review on %(date)s%(note)s") % values


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
            return due, _("3 months after the first short break on %(date)s%(note)s") % {
                "date": format_date(start),
                "note": _month_note(start, due),
            }
        if regime is Regime.ADOPTION:
            due = first_review_due_adoption(start)
            return due, _("28 days after placement for adoption on %(date)s") % {
                "date": format_date(start)
            }
        due, skipped = calendar.add_working_days(start, FIRST_REVIEW_WORKING_DAYS)
        text = _("20 working days after %(date)s") % {"date": format_date(start)}
        if skipped:
            names = _join([_format_day_month(d) for d in skipped])
            text += ngettext(
                ", skipping bank holiday %(days)s",
                ", skipping bank holidays %(days)s",
                len(skipped),
            ) % {"days": names}
        return due, text
    if continuation:
        due = subsequent_review_due(prev_held)
        return due, _(
            "6 months after the review on %(date)s%(note)s (no longer placed for adoption)"
        ) % {"date": format_date(prev_held), "note": _month_note(prev_held, due)}
    if number == 2 and regime is Regime.LOOKED_AFTER:
        due, months = second_review_due_looked_after(prev_held), SECOND_REVIEW_MONTHS
    elif number == 2 and regime is Regime.ADOPTION:
        due, months = second_review_due_adoption(prev_held), SECOND_REVIEW_MONTHS
    elif number == 2 and regime is Regime.SHORT_BREAKS:
        due, months = second_review_due_short_breaks(prev_held), SUBSEQUENT_REVIEW_MONTHS
    else:
        due, months = subsequent_review_due(prev_held), SUBSEQUENT_REVIEW_MONTHS
    return due, _months_after(months, number, prev_held, due)


@lru_cache(maxsize=1 << 16)
def _cached_due_date(
    calendar: WorkingDayCalendar,
    regime: Regime,
    continuation: bool,
    number: int,
    start: date,
    prev_held: date | None,
    authorised_on: date | None,
    lang: str,
) -> DueDate:
    """A due date from hashable inputs only, so that equal questions share one answer
    (``lang``, the IRO's language, is part of the question: the answer's words are in it).

    ``number`` is capped at 3 (every later review follows the same rule), ``start`` is
    only meaningful when ``prev_held`` is None, and ``authorised_on`` is given only when
    the placement-order rule applies to this review.
    """
    due, text = _statutory_due(regime, continuation, number, start, prev_held, calendar)
    if authorised_on is not None:
        po_due = review_due_placement_order(authorised_on)
        if po_due < due:
            due = po_due
            text = _("3 months after the authority to place for adoption on %(date)s%(note)s") % {
                "date": format_date(authorised_on),
                "note": _month_note(authorised_on, po_due),
            }
    hold_by = calendar.last_working_day_on_or_before(due)
    if hold_by != due:
        text += _("; %(due)s is not a working day, so hold it by %(hold_by)s") % {
            "due": format_day_date(due),
            "hold_by": format_day_date(hold_by),
        }
    return DueDate(due, hold_by, text)


def due_date(
    seg: Segment,
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
        language(),
    )


def local_due(
    prev_held: date | None, fifth_birthday: date, due: date, settings: Settings
) -> date | None:
    """The council's shorter interval for under-5s (local practice, never statutory)."""
    months = settings.local_under5_interval_months
    if not months or prev_held is None or prev_held >= fifth_birthday:
        return None
    local = add_months(prev_held, months)
    return local if local < due else None
