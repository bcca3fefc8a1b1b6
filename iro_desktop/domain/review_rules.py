"""The statutory timing rules, each one regulation: when the first, second and later reviews
fall due for a looked-after child, short breaks, adoption and a placement order, and which
date of a review held in parts it is judged by."""

from __future__ import annotations

from datetime import date, timedelta

from iro_desktop.domain.dates import add_months
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import WorkingDayCalendar

FIRST_REVIEW_WORKING_DAYS = 20
SECOND_REVIEW_MONTHS = 3
SUBSEQUENT_REVIEW_MONTHS = 6
SHORT_BREAKS_FIRST_REVIEW_MONTHS = 3
ADOPTION_FIRST_REVIEW_DAYS = 28
PLACEMENT_ORDER_REVIEW_MONTHS = 3


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
