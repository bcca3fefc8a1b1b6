"""Working days in England and Wales: the calendar the statutory timescales count in.

A working day is any day but Saturday, Sunday and the England and Wales bank holidays
(Banking and Financial Dealings Act 1971: Christmas Day, Good Friday, the scheduled bank
holidays, substitute days and proclaimed one-off days). England and Wales share one list;
Christmas Eve and 31 December are working days. The list comes from the ``holidays`` package
(``country_holidays("GB", subdiv="ENG" | "WLS")``), loaded lazily one year at a time; a
council adds proclaimed days the package does not know yet through
``Settings.extra_bank_holidays``.

The package is imported only when a year is first needed that the caller has not handed in
already (:meth:`WorkingDayCalendar.add_known_year`): importing it loads every country's
rules (~0.1 s), so the services keep each year's England and Wales days in the file and
hand them in, and a due list worked out at start costs what the tenth one does.

Pure: no clock, no I/O. Every lookup is a set membership test after the first use of a year,
because the schedule asks thousands of times.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from iro_desktop.domain.model import Region
from iro_desktop.domain.settings import Settings

__all__ = ["PROCLAIMED_HOLIDAY_NAME", "WorkingDayCalendar", "calendar_for"]

_SUBDIVISIONS = {Region.ENGLAND: "ENG", Region.WALES: "WLS"}
_ONE_DAY = timedelta(days=1)
PROCLAIMED_HOLIDAY_NAME = "Proclaimed bank holiday"


class WorkingDayCalendar:
    """Bank holidays and working days for one region, plus any extra proclaimed days."""

    __slots__ = (
        "_extra",
        "_from_package",
        "_hold_by",
        "_holidays",
        "_loaded_years",
        "_names",
        "region",
    )

    def __init__(self, region: Region = Region.ENGLAND, extra_holidays: Iterable[date] = ()):
        self.region = Region(region)
        self._extra: frozenset[date] = frozenset(extra_holidays)
        self._holidays: set[date] = set(self._extra)  # every known holiday, any weekday
        self._names: dict[date, str] = {}
        self._loaded_years: set[int] = set()
        self._hold_by: dict[date, date] = {}
        self._from_package: dict[int, dict[date, str]] = {}

    def __repr__(self) -> str:
        return f"WorkingDayCalendar({self.region.value!r}, extra_holidays={sorted(self._extra)})"

    @property
    def extra_holidays(self) -> frozenset[date]:
        return self._extra

    def add_known_year(self, year: int, days: dict[date, str]) -> None:
        """The bank holidays of ``year`` as the package gives them (kept from an earlier
        look-up), so that the package need not be asked. Ignored once the year is loaded."""
        if year in self._loaded_years:
            return
        self._loaded_years.add(year)
        self._add(days)

    def years_from_package(self) -> dict[int, dict[date, str]]:
        """The years this calendar asked the package for, with their days: what to keep."""
        return dict(self._from_package)

    def _add(self, days: dict[date, str]) -> None:
        for day, name in days.items():
            self._holidays.add(day)
            self._names.setdefault(day, name)

    def _load(self, year: int) -> None:
        self._loaded_years.add(year)
        import holidays  # here, not at the top: see the module's doc

        try:
            found = holidays.country_holidays("GB", subdiv=_SUBDIVISIONS[self.region], years=year)
        except (NotImplementedError, ValueError, OverflowError):  # far outside any real use
            return
        days = {day: str(name) for day, name in found.items() if day.year == year}
        self._from_package[year] = days
        self._add(days)

    def is_holiday(self, d: date) -> bool:
        """A bank holiday (including substitute and proclaimed days), on any day of the week."""
        if d.year not in self._loaded_years:
            self._load(d.year)
        return d in self._holidays

    def is_working_day(self, d: date) -> bool:
        """Not a Saturday or Sunday and not a bank holiday or extra proclaimed holiday."""
        if d.weekday() >= 5:
            return False
        if d.year not in self._loaded_years:
            self._load(d.year)
        return d not in self._holidays

    def holiday_name(self, d: date) -> str | None:
        """The bank holiday's name ("Boxing Day (observed)"), or None on an ordinary day."""
        if not self.is_holiday(d):
            return None
        return self._names.get(d, PROCLAIMED_HOLIDAY_NAME)

    def add_working_days(self, start: date, n: int) -> tuple[date, tuple[date, ...]]:
        """The nth working day after ``start`` and the weekday bank holidays skipped on the way.

        The start day itself is never counted (Dodds v Walker [1981]): working day 1 is the
        first working day after ``start``. ``n == 0`` returns ``start`` unchanged; a negative
        ``n`` counts back: the |n|th working day before ``start``. Bank holidays falling on a
        Saturday or Sunday are not listed as skipped (the weekend was skipped anyway).
        """
        step = _ONE_DAY if n >= 0 else -_ONE_DAY
        remaining = abs(n)
        skipped: list[date] = []
        d = start
        while remaining:
            d += step
            if d.weekday() >= 5:
                continue
            if d.year not in self._loaded_years:
                self._load(d.year)
            if d in self._holidays:
                skipped.append(d)
                continue
            remaining -= 1
        if n < 0:
            skipped.reverse()
        return d, tuple(skipped)

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days fall in ``(start, end]`` (negative when ``end`` is earlier)."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        d = start
        while d < end:
            d += _ONE_DAY
            if self.is_working_day(d):
                count += 1
        return count

    def last_working_day_on_or_before(self, d: date) -> date:
        """The "hold by" date: ``d`` itself when a working day, else the working day before."""
        cached = self._hold_by.get(d)
        if cached is not None:
            return cached
        day = d
        while not self.is_working_day(day):
            day -= _ONE_DAY
        self._hold_by[d] = day
        return day

    def next_working_day_on_or_after(self, d: date) -> date:
        """``d`` itself when a working day, else the first working day after it."""
        while not self.is_working_day(d):
            d += _ONE_DAY
        return d


@lru_cache(maxsize=32)
def _cached_calendar(region: Region, extra: tuple[date, ...]) -> WorkingDayCalendar:
    return WorkingDayCalendar(region, extra)


def calendar_for(settings: Settings) -> WorkingDayCalendar:
    """The shared calendar for the council's region and extra proclaimed holidays (cached)."""
    extra = tuple(sorted(set(settings.extra_bank_holidays)))
    return _cached_calendar(Region(settings.region), extra)
