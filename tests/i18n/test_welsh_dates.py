"""Dates follow the IRO's language (the one formatter, ``domain/display.py``); the letters pass
their own locale and do not move; a Welsh date a date box shows reads back."""

from datetime import date

import pytest

from iro_desktop import i18n
from iro_desktop.domain import display

DAY = date(2026, 9, 5)


@pytest.fixture(autouse=True)
def _english_after():
    yield
    i18n.set_language("en")


def test_the_default_locale_is_the_iros_language():
    assert display.format_date(DAY, display.WEEKDAY_DATE) == "Sat 5 Sep 2026"
    with i18n.in_language("cy"):
        assert display.format_date(DAY, display.WEEKDAY_DATE) == "Sad 5 Medi 2026"
        assert display.format_date(DAY, "column") == "Sad  5 Medi 2026"
        assert display.format_dates([DAY, date(2026, 9, 7)], display.DAY_MONTH_YEAR) == (
            "5 Medi 2026 a 7 Medi 2026"
        )


def test_an_explicit_locale_is_kept_whatever_the_language():
    """The letters pass the child's language: the IRO's does not change a letter's dates."""
    with i18n.in_language("cy"):
        assert display.format_date(DAY, display.DAY_FULL_MONTH_YEAR, "en_GB") == (
            "5 September 2026"
        )
    assert display.format_date(DAY, display.DAY_FULL_MONTH_YEAR, "cy") == "5 Medi 2026"


@pytest.mark.parametrize(
    "typed", ["Sad 5 Rhag 2026", "5 Rhagfyr 2026", "Dydd Sadwrn 5 Rhagfyr 2026", "5/12/2026"]
)
def test_welsh_dates_read_back(typed):
    assert display.read_date(typed) == date(2026, 12, 5)


def test_heddiw_is_today_and_errors_are_in_welsh():
    with i18n.in_language("cy"):
        assert display.read_date("heddiw", today=DAY) == DAY
        with pytest.raises(ValueError, match="mae gan Chwefror 2027 28 diwrnod"):
            display.read_date("31/02/2027")
    with pytest.raises(ValueError, match="February 2027 has 28 days"):
        display.read_date("31/02/2027")
