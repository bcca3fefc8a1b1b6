"""``iro-desktop calendar``: the diary as a calendar file from a terminal."""

from __future__ import annotations

import json
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from iro_desktop.cli import main

ON = "23/11/2026"
TODAY = date(2026, 11, 23)


@pytest.fixture
def demo_db(demo_file) -> Path:
    return demo_file  # the session's demo caseload, copied for the test


def _starts(path: Path) -> list[date]:
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    return [e["DTSTART"].dt if type(e["DTSTART"].dt) is date else e["DTSTART"].dt.date()
            for e in events]  # fmt: skip


def test_calendar_writes_the_diary_and_within_keeps_it_to_the_days_asked(
    demo_db, tmp_path, capsys
):
    everything, soon = tmp_path / "diary.ics", tmp_path / "soon.ics"
    assert main(["calendar", "--db", str(demo_db), "--on", ON, "--out", str(everything)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("DEMO DATA") and f"to {everything}." in out
    argv = ["calendar", "--db", str(demo_db), "--on", ON, "--out", str(soon), "--within", "7"]
    assert main([*argv, "--json"]) == 0
    written = json.loads(capsys.readouterr().out)
    assert written["path"] == str(soon) and written["entries"] == len(_starts(soon))
    assert stat.S_IMODE(soon.stat().st_mode) == 0o600
    all_days, soon_days = _starts(everything), _starts(soon)
    assert 0 < len(soon_days) < len(all_days)
    assert max(soon_days) <= TODAY + timedelta(days=7) < max(all_days)


def test_calendar_with_a_child_saves_their_booking_as_one_entry(demo_db, tmp_path, capsys):
    from iro_desktop.domain.validation import BookingEntry
    from iro_desktop.services.caseload import due_list
    from iro_desktop.services.recording import book_review
    from iro_desktop.services.session import open_demo_if_demo

    store = open_demo_if_demo(demo_db)
    child = next(t.child_ref for t in due_list(store, TODAY) if t.ref == "review:next")
    book_review(store, child, BookingEntry(TODAY + timedelta(days=10), booked_time="10:30"),
                TODAY)  # fmt: skip
    store.close()
    invite = tmp_path / "review.ics"
    argv = ["calendar", "--db", str(demo_db), "--on", ON, "--out", str(invite), "--child", child]
    assert main(argv) == 0
    events = Calendar.from_ical(invite.read_bytes()).walk("VEVENT")
    assert len(events) == 1 and child in str(events[0]["SUMMARY"])
    assert isinstance(events[0]["DTSTART"].dt, datetime)


def test_calendar_mistakes_are_told_in_sentences(demo_db, tmp_path, capsys):
    base = ["calendar", "--db", str(demo_db), "--on", ON]
    assert main([*base, "--out", str(tmp_path / "diary.txt")]) == 1
    assert ".ics at the end" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([*base, "--out", str(tmp_path / "d.ics"), "--within", "soon"])
    assert "not a number of days" in capsys.readouterr().err
    assert main([*base, "--out", str(tmp_path / "d.ics"), "--child", "NOBODY"]) == 1
    assert "no child NOBODY" in capsys.readouterr().err
    assert not (tmp_path / "d.ics").exists()
