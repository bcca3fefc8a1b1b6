"""Date arithmetic the rules share: calendar months, birthdays and ages (pure, no clock)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from dateutil.relativedelta import relativedelta


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
