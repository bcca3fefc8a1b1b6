"""The one date formatter: the same words whatever the machine's locale."""

import ast
from datetime import date
from pathlib import Path

from iro_desktop.domain import display
from iro_desktop.domain.display import format_date, format_dates

SEPT = date(2026, 9, 1)


def test_named_styles_and_patterns():
    assert format_date(SEPT, "iso") == "2026-09-01"
    assert format_date(SEPT, "column", display.ENGLISH) == "Tue  1 Sep 2026"
    assert format_date(date(2026, 9, 21), "column", display.ENGLISH) == "Mon 21 Sep 2026"
    assert format_date(SEPT, display.WEEKDAY_DATE, display.ENGLISH) == "Tue 1 Sep 2026"
    assert format_date(SEPT, display.DAY_MONTH_YEAR, display.ENGLISH) == "1 Sep 2026"
    assert format_date(SEPT, display.LONG_WEEKDAY_DATE) == "Tuesday 1 September 2026"
    assert format_date(SEPT, "full", "cy") == "Dydd Mawrth, 1 Medi 2026"
    assert format_date(SEPT, display.DAY_FULL_MONTH_YEAR, "cy") == "1 Medi 2026"


def test_one_month_abbreviation_everywhere():
    """Issue 17: "Sept" and "Sep" both appeared (CLDR's en_GB data says "Sept"): every
    English date now says "Sep"; full month names are untouched."""
    assert format_date(SEPT, "d MMM y", display.ENGLISH) == "1 Sep 2026"
    assert format_date(SEPT, "d MMM y", "en_GB") == "1 Sep 2026"
    assert format_date(SEPT, display.WEEKDAY_DATE, "en_GB") == "Tue 1 Sep 2026"
    assert format_date(SEPT, "medium") == "1 Sep 2026"
    assert format_date(SEPT, display.DAY_FULL_MONTH_YEAR, "en_GB") == "1 September 2026"
    assert format_date(SEPT, display.DISPLAY) == "Tue 1 Sep 2026"


def test_a_typed_date_is_read_in_every_way_the_forms_and_cli_accept():
    today = date(2026, 12, 5)
    for typed in ("25/12/2026", "25/12/26", "25.12.2026", "25-12-2026", "25122026",
                  "2026-12-25", "Fri 25 Dec 2026", "25 December 2026", " 25/12/2026 "):  # fmt: skip
        assert display.read_date(typed, today) == date(2026, 12, 25), typed
    assert display.read_date("5/1/27", today) == date(2027, 1, 5)
    assert display.read_date("Today", today) == today
    assert display.read_date(display.format_date(SEPT, display.DISPLAY)) == SEPT


def test_a_bad_typed_date_says_precisely_what_is_wrong():
    import pytest

    cases = {
        "2026-13-01": "2026-13-01: there is no month 13",
        "31/02/2027": "31/02/2027: February 2027 has 28 days",
        "31/04/2026": "31/04/2026: April 2026 has 30 days",
        "0/1/2026": "0/1/2026: there is no day 0",
        "today": "today is not a date",  # no today given: the caller has no clock
        "next week": "next week is not a date: write it as DD/MM/YYYY",
    }
    for typed, message in cases.items():
        with pytest.raises(ValueError) as error:
            display.read_date(typed)
        assert str(error.value).startswith(message), typed


def test_no_date_gives_the_missing_words():
    assert format_date(None) == ""
    assert format_date(None, missing="Not recorded") == "Not recorded"
    assert format_dates([], missing="—") == "—"


def test_several_dates_are_joined_in_english():
    days = [date(2026, 11, 2), date(2026, 11, 10), date(2026, 12, 1)]
    style = display.WEEKDAY_DATE
    assert format_dates(days[:1], style, display.ENGLISH) == "Mon 2 Nov 2026"
    assert format_dates(days[:2], style, display.ENGLISH) == "Mon 2 Nov 2026 and Tue 10 Nov 2026"
    assert (
        format_dates(days, style, display.ENGLISH)
        == "Mon 2 Nov 2026, Tue 10 Nov 2026 and Tue 1 Dec 2026"
    )


# Packages and modules whose dates are all written by ``domain.display`` (others still have
# their own formatting until their owners move them over).
DISPLAYED_THROUGH_DISPLAY = (
    "domain",
    "letters",
    "demo",
    "reports/pages.py",
    "reports/decisions_record.py",
    "reports/briefing.py",
    "gui/formatting.py",
    "cli/common.py",
)


def _strftime_uses(paths: list[Path], root: Path) -> list[str]:
    found = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            called = isinstance(node, ast.Attribute) and node.attr == "strftime"
            spec = isinstance(node, ast.FormattedValue) and node.format_spec is not None
            if called or (spec and "%" in ast.unparse(node.format_spec)):
                found.add(f"{path.relative_to(root)}:{node.lineno}")
    return sorted(found)


def test_no_date_a_person_reads_goes_through_strftime():
    """``strftime`` and ``f"{day:%b}"`` follow the machine's locale: a date a person reads is
    written by ``domain.display``."""
    root = Path(display.__file__).resolve().parents[1]
    paths = []
    for name in DISPLAYED_THROUGH_DISPLAY:
        target = root / name
        paths += sorted(target.rglob("*.py")) if target.is_dir() else [target]
    assert _strftime_uses(paths, root) == []


def test_the_scan_finds_a_strftime(tmp_path):
    """The scan above can fail: both kinds of locale-dependent formatting are found."""
    (tmp_path / "spec.py").write_text('def f(day):\n    return f"{day:%b %Y}"\n')
    (tmp_path / "call.py").write_text('def f(day):\n    return day.strftime("%a")\n')
    (tmp_path / "fine.py").write_text('def f(n):\n    return f"{n:>2}"\n')
    paths = sorted(tmp_path.glob("*.py"))
    assert _strftime_uses(paths, tmp_path) == ["call.py:2", "spec.py:2"]
