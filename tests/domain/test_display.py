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


def test_english_keeps_sep_where_british_cldr_says_sept():
    """The app has always written "Sep"; CLDR's en_GB data says "Sept"."""
    assert format_date(SEPT, "d MMM y", display.ENGLISH) == "1 Sep 2026"
    assert format_date(SEPT, "d MMM y", "en_GB") == "1 Sept 2026"


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
