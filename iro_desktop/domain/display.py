"""The one date formatter: every date a person reads is written here, from babel's CLDR data,
so that no output depends on the machine's locale (``strftime`` does).

Each caller passes its own ``style`` and keeps the wording it has always shown; which one
display format the whole app uses is for the "IRO's working day" issue to decide. The
patterns in use are named below, with what they look like.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from babel.dates import format_date as _babel_format_date

__all__ = [
    "DAY_FULL_MONTH_YEAR",
    "DAY_MONTH",
    "DAY_MONTH_YEAR",
    "ENGLISH",
    "LONG_WEEKDAY_DATE",
    "MONTH_NAME",
    "MONTH_YEAR",
    "STYLES",
    "WEEKDAY_DATE",
    "format_date",
    "format_dates",
]

# CLDR's "en" writes "Sep", as the app always has; "en_GB" writes "Sept".
ENGLISH = "en"

# Named styles: babel's four for the locale, ISO 8601, and "column" (the day padded to two
# places so that dates line up in a terminal: "Wed  1 Jan 2026").
STYLES = ("short", "medium", "long", "full", "iso", "column")

# CLDR date patterns the app uses today.
DAY_MONTH_YEAR = "d MMM y"  # 21 Jan 2026
WEEKDAY_DATE = "EEE d MMM y"  # Wed 21 Jan 2026
LONG_WEEKDAY_DATE = "EEEE d MMMM y"  # Wednesday 21 January 2026
DAY_FULL_MONTH_YEAR = "d MMMM y"  # 21 January 2026
DAY_MONTH = "d MMM"  # 21 Jan
MONTH_YEAR = "MMM y"  # Jan 2026
MONTH_NAME = "MMMM"  # January


def format_date(
    day: date | None, style: str = "medium", locale: str = "en_GB", missing: str = ""
) -> str:
    """``day`` in ``style`` (one of :data:`STYLES` or a CLDR pattern such as
    ``"EEE d MMM y"``) and ``locale``; ``missing`` when there is no date."""
    if day is None:
        return missing
    return _formatted(day, style, locale)


def format_dates(
    days: Iterable[date], style: str = "medium", locale: str = "en_GB", missing: str = ""
) -> str:
    """Several dates (a review held in parts), joined in English: "2 Nov 2026 and 10 Nov 2026"
    ("a, b and c"); ``missing`` when there are none."""
    texts = [_formatted(day, style, locale) for day in days]
    if not texts:
        return missing
    if len(texts) == 1:
        return texts[0]
    return ", ".join(texts[:-1]) + " and " + texts[-1]


# Tables repaint the same few hundred dates again and again; babel takes ~10 µs a date.
@lru_cache(maxsize=1 << 14)
def _formatted(day: date, style: str, locale: str) -> str:
    if style == "iso":
        return day.isoformat()
    if style == "column":
        weekday = _babel_format_date(day, "EEE", locale=locale)
        return f"{weekday} {day.day:>2} {_babel_format_date(day, MONTH_YEAR, locale=locale)}"
    return _babel_format_date(day, style, locale=locale)
