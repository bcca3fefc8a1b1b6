"""Dates in a tracker, read day-first the way people in England and Wales type them.

A cell is read as a date when it is an Excel date cell, an ISO date (``2025-04-03``), a
day-month-year with a month name (``03-Apr-25``, ``3 April 2025``, read with python-dateutil,
``dayfirst=True``), or numbers ``d/m/y`` (``3/4/2025``; ``/``, ``-`` or ``.``). It is *listed*,
not guessed, when:

* **impossible**: not a real date (``31/02/2025``), not complete (``April 2025``), a number
  or formula rather than a date, or a month over 12 (``4/25/2025`` is month-first, US style);
* **ambiguous**: numbers ``d/m/y`` where both the day and the month are 12 or less and differ
  (``3/4/2025``: 3 April or 4 March), *unless* the same column has day-first evidence: another
  numeric date whose first number is over 12 (``25/4/2025``) and no month-first evidence (a
  second number over 12). Or a two-digit year that is not 20YY on or before next year
  (``3/4/99`` could be 1999 or 2099; ``03-Apr-25`` is 2025).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dateutil import parser as date_parser

from iro_desktop.exchange.spreadsheet.cells import blank, shown

__all__ = ["DateReading", "column_evidence", "parse_sheet_date"]

_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})")
_MIDNIGHT = re.compile(r"[ T]00:00(?::00(?:\.0+)?)?$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


@dataclass(frozen=True)
class DateReading:
    value: date | None = None
    problem: str = ""  # "" | "ambiguous" | "impossible"
    reason: str = ""


def _long(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _two_digit_year(yy: int, today: date) -> int | None:
    year = 2000 + yy
    return year if year <= today.year + 1 else None


def column_evidence(values: list[Any]) -> bool:
    """True when the column shows it is written day-first: a numeric date whose first number
    is over 12 (so it can only be a day), and none whose second number is over 12."""
    day_first = month_first = False
    for value in values:
        if not isinstance(value, str):
            continue
        match = _NUMERIC.fullmatch(_MIDNIGHT.sub("", value.strip()))
        if not match:
            continue
        a, b = int(match.group(1)), int(match.group(2))
        if a > 12 and b <= 12:
            day_first = True
        elif b > 12 and a <= 12:
            month_first = True
    return day_first and not month_first


def parse_sheet_date(value: Any, today: date, *, day_first_evidence: bool = False) -> DateReading:
    """Read one cell as a date by the rules in the module's docstring."""
    if blank(value):
        return DateReading()
    if isinstance(value, datetime):
        return DateReading(value.date())
    if isinstance(value, date):
        return DateReading(value)
    if isinstance(value, int | float):
        return DateReading(
            problem="impossible",
            reason=f"{shown(value)} is a number, not a date (format the column as dates in "
            "Excel, or type the date as 03-Apr-2025)",
        )
    text = _MIDNIGHT.sub("", " ".join(str(value).split()))
    if text.startswith(("=", "+", "@")):
        return DateReading(problem="impossible", reason=f"{text!r} is a formula, not a date")
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        try:
            return DateReading(date(year, month, day))
        except ValueError:
            return DateReading(problem="impossible", reason=f"{text!r} is not a real date")
    if match := _NUMERIC.fullmatch(text):
        a, b, y = int(match.group(1)), int(match.group(2)), match.group(3)
        year: int | None = int(y)
        if len(y) == 2:
            year = _two_digit_year(int(y), today)
            if year is None:
                return DateReading(
                    problem="ambiguous",
                    reason=f"{text!r} has a two-digit year: 19{y} or 20{y}? Write the year in full",
                )
        if b > 12:
            looks = f"; it looks month-first (US style): {b}/{a}/{year}" if a <= 12 else ""
            return DateReading(
                problem="impossible",
                reason=f"{text!r} is not a date read day-first (there is no month {b}){looks}",
            )
        try:
            reading = date(year, b, a)  # type: ignore[arg-type]
        except ValueError:
            return DateReading(problem="impossible", reason=f"{text!r} is not a real date")
        if a <= 12 and a != b and not day_first_evidence:
            other = date(year, a, b)  # type: ignore[arg-type]
            return DateReading(
                problem="ambiguous",
                reason=f"{text!r} could be {_long(reading)} (day first) or {_long(other)} "
                "(month first), and nothing else in the column shows which; write it as "
                f"{reading:%d-%b-%Y} or {reading.isoformat()}",
            )
        return DateReading(reading)
    # Words: "03-Apr-25", "3 April 2025", "Thu 3 Apr 2025".
    try:
        first = date_parser.parse(text, dayfirst=True, default=datetime(2000, 1, 1))
        second = date_parser.parse(text, dayfirst=True, default=datetime(2004, 2, 2))
    except (ValueError, OverflowError):
        return DateReading(problem="impossible", reason=f"{text!r} is not a date")
    if first != second:
        return DateReading(
            problem="impossible", reason=f"{text!r} is not a whole date (day, month and year)"
        )
    if first.time() != datetime.min.time():
        return DateReading(problem="impossible", reason=f"{text!r} has a time, not only a date")
    if not re.search(r"\d{3,4}", text):
        year = _two_digit_year(first.year % 100, today)
        if year is None:
            return DateReading(
                problem="ambiguous",
                reason=f"{text!r} has a two-digit year: 19{first.year % 100:02d} or "
                f"20{first.year % 100:02d}? Write the year in full",
            )
        try:
            return DateReading(first.date().replace(year=year))
        except ValueError:
            return DateReading(problem="impossible", reason=f"{text!r} is not a real date")
    return DateReading(first.date())
