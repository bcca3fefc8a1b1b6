from datetime import date

import pytest

from iro_desktop.domain.model import Region
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import (
    PROCLAIMED_HOLIDAY_NAME,
    WorkingDayCalendar,
    calendar_for,
)

# IRO-BRIEF.md §1: the bank holidays the worked examples use (weekday ones).
BRIEF_BANK_HOLIDAYS = {
    2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
    2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
    2028: ["01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"],
}


def _weekday_holidays(cal: WorkingDayCalendar, year: int) -> list[date]:
    days = [
        date.fromordinal(n)
        for n in range(date(year, 1, 1).toordinal(), date(year + 1, 1, 1).toordinal())
    ]
    return [d for d in days if d.weekday() < 5 and not cal.is_working_day(d)]


@pytest.mark.parametrize("region", [Region.ENGLAND, Region.WALES])
@pytest.mark.parametrize("year", sorted(BRIEF_BANK_HOLIDAYS))
def test_weekday_bank_holidays_match_the_brief(region: Region, year: int) -> None:
    cal = WorkingDayCalendar(region)
    expected = [date.fromisoformat(f"{year}-{md}") for md in BRIEF_BANK_HOLIDAYS[year]]
    assert _weekday_holidays(cal, year) == expected


@pytest.mark.parametrize("day", [date(2027, 12, 27), date(2027, 12, 28), date(2028, 1, 3)])
def test_substitute_days_are_not_working_days(day: date) -> None:
    cal = WorkingDayCalendar()
    assert day.weekday() < 5
    assert not cal.is_working_day(day)
    assert "observed" in (cal.holiday_name(day) or "")


@pytest.mark.parametrize(
    "day", [date(2025, 12, 24), date(2025, 12, 31), date(2026, 12, 24), date(2026, 12, 31)]
)
def test_christmas_eve_and_new_years_eve_are_working_days(day: date) -> None:
    assert WorkingDayCalendar().is_working_day(day)
    assert WorkingDayCalendar(Region.WALES).is_working_day(day)


def test_weekends_are_not_working_days() -> None:
    cal = WorkingDayCalendar()
    assert not cal.is_working_day(date(2026, 2, 28))  # Saturday
    assert not cal.is_working_day(date(2026, 3, 1))  # Sunday
    assert cal.is_working_day(date(2026, 3, 2))  # Monday


def test_holiday_name() -> None:
    cal = WorkingDayCalendar()
    assert cal.holiday_name(date(2025, 12, 25)) == "Christmas Day"
    assert cal.holiday_name(date(2026, 12, 28)) == "Boxing Day (observed)"
    assert cal.holiday_name(date(2026, 12, 26)) == "Boxing Day"  # a Saturday: still named
    assert cal.holiday_name(date(2026, 12, 24)) is None


def test_add_working_days_does_not_count_the_start_day() -> None:
    cal = WorkingDayCalendar()
    assert cal.add_working_days(date(2026, 1, 5), 1) == (date(2026, 1, 6), ())  # Mon -> Tue
    assert cal.add_working_days(date(2026, 1, 9), 1) == (date(2026, 1, 12), ())  # Fri -> Mon
    assert cal.add_working_days(date(2026, 1, 10), 1) == (date(2026, 1, 12), ())  # Sat -> Mon
    assert cal.add_working_days(date(2026, 1, 10), 0) == (date(2026, 1, 10), ())


def test_add_working_days_reports_skipped_weekday_holidays() -> None:
    cal = WorkingDayCalendar()
    due, skipped = cal.add_working_days(date(2025, 12, 19), 20)
    assert due == date(2026, 1, 21)
    assert skipped == (date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1))
    # Boxing Day 2026 is a Saturday: only the substitute Monday is listed.
    due, skipped = cal.add_working_days(date(2026, 12, 18), 20)
    assert due == date(2027, 1, 20)
    assert skipped == (date(2026, 12, 25), date(2026, 12, 28), date(2027, 1, 1))


def test_add_working_days_backwards() -> None:
    cal = WorkingDayCalendar()
    assert cal.add_working_days(date(2026, 1, 21), -20) == (
        date(2025, 12, 19),
        (date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1)),
    )


def test_working_days_between() -> None:
    cal = WorkingDayCalendar()
    assert cal.working_days_between(date(2025, 12, 19), date(2026, 1, 21)) == 20
    assert cal.working_days_between(date(2026, 1, 21), date(2025, 12, 19)) == -20
    assert cal.working_days_between(date(2026, 1, 5), date(2026, 1, 5)) == 0


def test_last_working_day_on_or_before() -> None:
    cal = WorkingDayCalendar()
    assert cal.last_working_day_on_or_before(date(2026, 2, 28)) == date(2026, 2, 27)
    assert cal.last_working_day_on_or_before(date(2026, 6, 14)) == date(2026, 6, 12)
    assert cal.last_working_day_on_or_before(date(2026, 12, 28)) == date(2026, 12, 24)
    assert cal.last_working_day_on_or_before(date(2026, 4, 21)) == date(2026, 4, 21)
    # cached answers stay right
    assert cal.last_working_day_on_or_before(date(2026, 2, 28)) == date(2026, 2, 27)


def test_next_working_day_on_or_after() -> None:
    cal = WorkingDayCalendar()
    assert cal.next_working_day_on_or_after(date(2025, 12, 25)) == date(2025, 12, 29)
    assert cal.next_working_day_on_or_after(date(2025, 12, 24)) == date(2025, 12, 24)


def test_extra_proclaimed_holiday_is_respected() -> None:
    proclaimed = date(2026, 6, 15)  # a Monday
    plain = WorkingDayCalendar()
    cal = WorkingDayCalendar(extra_holidays=[proclaimed])
    assert plain.is_working_day(proclaimed)
    assert not cal.is_working_day(proclaimed)
    assert cal.holiday_name(proclaimed) == PROCLAIMED_HOLIDAY_NAME
    assert cal.add_working_days(date(2026, 6, 12), 1) == (date(2026, 6, 16), (proclaimed,))
    assert cal.last_working_day_on_or_before(proclaimed) == date(2026, 6, 12)


def test_wales_calendar_uses_the_welsh_subdivision() -> None:
    cal = WorkingDayCalendar(Region.WALES)
    assert cal.region is Region.WALES
    assert not cal.is_working_day(date(2026, 12, 28))
    assert cal.add_working_days(date(2025, 12, 19), 20)[0] == date(2026, 1, 21)


def test_calendar_for_is_cached_per_region_and_extra_holidays() -> None:
    england = calendar_for(Settings())
    assert calendar_for(Settings()) is england
    assert england.region is Region.ENGLAND
    wales = calendar_for(Settings(region=Region.WALES))
    assert wales is not england and wales.region is Region.WALES
    extra = (date(2026, 6, 15),)
    with_extra = calendar_for(Settings(extra_bank_holidays=extra))
    assert with_extra is not england
    assert calendar_for(Settings(extra_bank_holidays=extra * 2)) is with_extra
    assert not with_extra.is_working_day(date(2026, 6, 15))
    assert england.is_working_day(date(2026, 6, 15))
