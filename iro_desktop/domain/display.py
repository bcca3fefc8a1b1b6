"""The one date formatter: every date a person reads is written here, from babel's CLDR data,
so that no output depends on the machine's locale (``strftime`` does); and the one reader of
a date a person types (``read_date``), for the forms and the command line alike.

The app's display format is :data:`DISPLAY` = "Sat 5 Dec 2026": the month in letters, so
5/12 and 12/5 can never be confused (a council's American-set laptop); short enough for a
table column; and the weekday, because an IRO plans visits and reviews by the day of the
week. Months are abbreviated one way everywhere: CLDR's "en" ("Sep", never en_GB's "Sept").
Dates are typed the British way (DD/MM/YYYY). Data formats do not use this module's words:
the 903 keeps DD/MM/YYYY, storage and JSON keep ISO 8601.

With no ``locale`` given, a date is written in the IRO's language (``iro_desktop.i18n``:
"Sad 5 Rhag 2026" in Welsh); the letters pass the child's language's locale themselves.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from babel.dates import format_date as _babel_format_date
from babel.dates import get_month_names
from babel.lists import format_list

from iro_desktop.i18n import N_, _, babel_locale

__all__ = [
    "DAY_FULL_MONTH_YEAR",
    "DAY_MONTH",
    "DAY_MONTH_YEAR",
    "DISPLAY",
    "ENGLISH",
    "LONG_WEEKDAY_DATE",
    "MONTH_NAME",
    "MONTH_YEAR",
    "STYLES",
    "WEEKDAY_DATE",
    "format_date",
    "format_dates",
    "read_date",
]

# CLDR's "en" writes "Sep", as the app always has; "en_GB" writes "Sept", the one abbreviation
# where they differ. Every English date says "Sep" (see ``_one_abbreviation``).
ENGLISH = "en"
_SEPT = re.compile(r"\bSept\b")

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
DISPLAY = WEEKDAY_DATE  # the one display format: "Sat 5 Dec 2026"


def format_date(
    day: date | None, style: str = "medium", locale: str | None = None, missing: str = ""
) -> str:
    """``day`` in ``style`` (one of :data:`STYLES` or a CLDR pattern such as
    ``"EEE d MMM y"``) and ``locale`` (default: the IRO's language); ``missing`` when there
    is no date."""
    if day is None:
        return missing
    return _formatted(day, style, locale or babel_locale())


def format_dates(
    days: Iterable[date], style: str = "medium", locale: str | None = None, missing: str = ""
) -> str:
    """Several dates (a review held in parts), joined in the locale's words: "2 Nov 2026 and
    10 Nov 2026" ("a, b and c"; Welsh "a, b a c"); ``missing`` when there are none."""
    locale = locale or babel_locale()
    texts = [_formatted(day, style, locale) for day in days]
    if not texts:
        return missing
    # CLDR's "en" puts a comma before "and"; British English (en_GB) does not.
    joined = format_list(texts, locale="en_GB" if locale == ENGLISH else locale)
    # CLDR's Welsh writes "a(c)": "ac" before a vowel, "a" otherwise.
    return _WELSH_AND.sub(lambda m: ("ac " if m.group(1) in _VOWELS else "a ") + m.group(1), joined)


_WELSH_AND = re.compile(r"\ba\(c\) (\w)")
_VOWELS = frozenset("aeiouwyâêîôûŵŷAEIOUWYÂÊÎÔÛŴŶ")


# Tables repaint the same few hundred dates again and again; babel takes ~10 µs a date.
@lru_cache(maxsize=1 << 14)
def _formatted(day: date, style: str, locale: str) -> str:
    if style == "iso":
        return day.isoformat()
    if style == "column":
        weekday = _babel_format_date(day, "EEE", locale=locale)
        month_year = _babel_format_date(day, MONTH_YEAR, locale=locale)
        return _one_abbreviation(f"{weekday} {day.day:>2} {month_year}", locale)
    return _one_abbreviation(_babel_format_date(day, style, locale=locale), locale)


def _one_abbreviation(text: str, locale: str) -> str:
    """ "Sep" in every English date (en_GB's CLDR data alone says "Sept"), so a briefing
    pack, a table and a form never disagree."""
    return _SEPT.sub("Sep", text) if locale.startswith("en") else text


# -- reading a typed date ----------------------------------------------------------------------
_MONTHS = {
    name.lower(): number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
# Welsh too ("5 Rhag 2026", "5 Rhagfyr 2026"): a date box shows Welsh names when the app is in
# Welsh, and what it shows must read back.
for _width in ("abbreviated", "wide"):
    for _number, _name in get_month_names(_width, locale="cy").items():
        _MONTHS.setdefault(_name.lower().rstrip("."), _number)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMBERS = re.compile(r"(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4}|\d{2})")
_RUN = re.compile(r"(\d{2})(\d{2})(\d{4}|\d{2})")  # 25122026 or 251226
# An optional weekday (two words in Welsh: "Dydd Sadwrn"), the day, the month's name, the year.
_WORDS = re.compile(
    r"(?:[a-z]+,?\s+){0,2}(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4}|\d{2})"
)
TYPED_HINT = N_("write it as DD/MM/YYYY (25/12/2026), D/M/YY (5/1/27), YYYY-MM-DD or today")


def read_date(text: str, today: date | None = None) -> date:
    """The date a person typed: ``25/12/2026``, ``5/1/27``, ``25122026``, ``2026-12-25``,
    ``Fri 25 Dec 2026``, ``25 December 2026``, or ``today`` (when ``today`` is given).
    Two-digit years are this century. ValueError says precisely what is wrong
    ("31/02/2027: February 2027 has 28 days")."""
    typed = text.strip()
    lowered = typed.lower()
    if today is not None and lowered in ("today", _("today").lower()):  # "heddiw" in Welsh
        return today
    match = _ISO.fullmatch(lowered)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _checked(typed, year, month, day)
    match = _NUMBERS.fullmatch(lowered) or _RUN.fullmatch(lowered)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return _checked(typed, _full_year(year, match.group(3)), month, day)
    match = _WORDS.fullmatch(lowered)
    if match and match.group(2) in _MONTHS:
        year = _full_year(int(match.group(3)), match.group(3))
        return _checked(typed, year, _MONTHS[match.group(2)], int(match.group(1)))
    raise ValueError(
        _("%(typed)s is not a date: %(hint)s")
        % {"typed": typed or _("nothing"), "hint": _(TYPED_HINT)}
    )


def _full_year(year: int, written: str) -> int:
    return 2000 + year if len(written) == 2 else year


def _checked(typed: str, year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise ValueError(
            _("%(typed)s: there is no month %(month)s") % {"typed": typed, "month": month}
        )
    if year < 1:
        raise ValueError(_("%(typed)s: there is no year %(year)s") % {"typed": typed, "year": year})
    length = calendar.monthrange(year, month)[1]
    if day < 1:
        raise ValueError(_("%(typed)s: there is no day %(day)s") % {"typed": typed, "day": day})
    if day > length:
        month_year = format_date(date(year, month, 1), "MMMM y")
        raise ValueError(
            _("%(typed)s: %(month)s has %(days)s days")
            % {"typed": typed, "month": month_year, "days": length}
        )
    return date(year, month, day)
