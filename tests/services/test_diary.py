"""The diary as a calendar file, on a copy of the demo caseload: parsed back with the
``icalendar`` library, as a calendar would read it."""

from __future__ import annotations

import re
import stat
from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Calendar

from iro_desktop.domain.tasks import TaskKind, TaskOwner
from iro_desktop.domain.validation import BookingEntry
from iro_desktop.errors import UserError
from iro_desktop.services import diary
from iro_desktop.services.caseload import due_list
from iro_desktop.services.recording import RecordNotValid, book_review
from iro_desktop.storage.records import load_child_record, load_child_records
from tests.conftest import DEMO_DAY

TODAY = DEMO_DAY
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def _events(path):
    calendar = Calendar.from_ical(path.read_bytes())
    return calendar, list(calendar.walk("VEVENT"))


def _by_summary(events):
    return {str(e["SUMMARY"]): e for e in events}


def _unbooked_child(store):
    """A child with a review due and none booked (the demo has several)."""
    for task in due_list(store, TODAY):
        if task.task == TaskKind.REVIEW and task.ref == "review:next" and task.due >= TODAY:
            return task
    raise AssertionError("the demo has no child with an unbooked review")


def test_the_diary_is_a_calendar_outlook_imports_with_the_iros_own_work(demo_store, tmp_path):
    out = tmp_path / "diary.ics"
    written = diary.export_diary(demo_store, out, TODAY, now=NOW)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    calendar, events = _events(out)
    assert (str(calendar["VERSION"]), str(calendar["METHOD"])) == ("2.0", "PUBLISH")
    assert str(calendar["PRODID"]).startswith("-//IRO Desktop//")
    assert written.entries == len(events) > 20
    summaries = [str(e["SUMMARY"]) for e in events]
    # Each names the child by initials and reference: "Review: A.B. (DB123456)".
    assert all(re.fullmatch(r"[^:]+: [A-Z?]\.[A-Z?]\. \(DB\d{6}\)", s) for s in summaries)
    kinds = {s.split(":")[0] for s in summaries}
    assert {"Review", "Consultation papers", "Pre-review meeting", "Midpoint check"} <= kinds
    assert not any("Decision" in s or "hallenge" in s for s in summaries)  # others' actions
    # The IRO's own tasks from the due list, one entry each.
    own = [t for t in due_list(demo_store, TODAY) if t.owner == TaskOwner.IRO]
    assert len(events) >= len({(t.child_ref, t.task) for t in own}) - len(own) // 4
    for event in events:
        assert "ATTENDEE" not in event and "ORGANIZER" not in event and "LOCATION" not in event
        assert str(event["CLASS"]) == "PRIVATE"
        assert event["DTSTAMP"].dt == NOW


def test_all_day_entries_end_the_next_day_and_a_timed_booking_is_in_utc(demo_store, tmp_path):
    task = _unbooked_child(demo_store)
    summer = date(2027, 7, 14)  # British Summer Time: 14:30 in London is 13:30 UTC
    book_review(demo_store, task.child_ref, BookingEntry(summer, booked_time="2.30pm"), TODAY)
    out = tmp_path / "diary.ics"
    diary.export_diary(demo_store, out, TODAY, now=NOW)
    _, events = _events(out)
    timed = [e for e in events if isinstance(e["DTSTART"].dt, datetime)]
    assert len(timed) == 1
    event = timed[0]
    assert task.child_ref in str(event["SUMMARY"]) and str(event["SUMMARY"]).startswith("Review:")
    assert event["DTSTART"].dt == datetime(2027, 7, 14, 13, 30, tzinfo=UTC)
    assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(minutes=90)
    assert str(event["TRANSP"]) == "OPAQUE"
    raw = out.read_text()
    assert "DTSTART:20270714T133000Z" in raw  # UTC: no TZID for a calendar to misread
    for event in events:
        if event is not timed[0]:
            start, end = event["DTSTART"].dt, event["DTEND"].dt
            assert type(start) is date and end == start + timedelta(days=1)
            assert str(event["TRANSP"]) == "TRANSPARENT"
    assert re.search(r"^DTSTART;VALUE=DATE:\d{8}\r?$", raw, re.MULTILINE)


def test_uids_stay_the_same_across_exports_and_when_a_booking_moves(demo_store, tmp_path):
    task = _unbooked_child(demo_store)
    first, second, third = (tmp_path / f"{n}.ics" for n in ("one", "two", "three"))
    diary.export_diary(demo_store, first, TODAY, now=NOW)
    diary.export_diary(demo_store, second, TODAY, now=NOW + timedelta(hours=2))
    one, two = (_by_summary(_events(p)[1]) for p in (first, second))
    assert {s: str(e["UID"]) for s, e in one.items()} == {s: str(e["UID"]) for s, e in two.items()}
    assert len({str(e["UID"]) for e in one.values()}) == len(one)
    # Each export is newer than the one before, so a calendar takes its changes.
    assert all(two[s]["SEQUENCE"] > one[s]["SEQUENCE"] for s in one)

    label = f"({task.child_ref})"
    to_hold = next(e for s, e in one.items() if s.startswith("Review to hold") and label in s)
    booked_on = task.due - timedelta(days=3)
    book_review(demo_store, task.child_ref, BookingEntry(booked_on), TODAY)
    diary.export_diary(demo_store, second, TODAY, now=NOW)
    booked = next(e for s, e in _by_summary(_events(second)[1]).items() if s == f"Review: {s[8:]}"
                  and label in s)  # fmt: skip
    assert str(booked["UID"]) == str(to_hold["UID"])  # booked: the same entry, now on its day
    assert booked["DTSTART"].dt == booked_on

    book_review(demo_store, task.child_ref, BookingEntry(booked_on + timedelta(days=1),
                                                         booked_time="10:00"), TODAY)  # fmt: skip
    diary.export_diary(demo_store, third, TODAY, now=NOW)
    moved = next(e for s, e in _by_summary(_events(third)[1]).items() if s.startswith("Review:")
                 and label in s)  # fmt: skip
    assert str(moved["UID"]) == str(booked["UID"])
    assert moved["DTSTART"].dt.date() == booked_on + timedelta(days=1)

    # Another caseload's entries never collide with these.
    assert diary.caseload_identity(demo_store) == diary.caseload_identity(demo_store)


def _private_words(record) -> set[str]:
    child = record.child
    words = {child.first_name, child.last_name, child.preferred_name, child.upn}
    words |= {f"{child.first_name} {child.last_name}"}
    for day in (child.dob,):
        words |= {day.isoformat(), day.strftime("%d/%m/%Y")}  # (a deadline may share its day)
    for episode in record.episodes:
        words |= {episode.placement_name, episode.home_post, episode.pl_post, episode.urn}
    words |= {person.name for person in record.people}
    words |= {review.venue for review in record.reviews}
    return {w.strip() for w in words if w and len(w.strip()) > 1}


def test_no_name_birthday_placement_or_address_of_any_demo_child_is_in_the_file(
    demo_store, tmp_path
):
    for task in [_unbooked_child(demo_store)]:  # a booking with a venue and a time too
        entry = BookingEntry(task.due, venue="Foster home, 12 Privet Drive", booked_time="11:00")
        book_review(demo_store, task.child_ref, entry, TODAY)
    out = tmp_path / "diary.ics"
    diary.export_diary(demo_store, out, TODAY, now=NOW)
    text = Calendar.from_ical(out.read_bytes()).to_ical().decode()  # unfolded, as read
    unfolded = out.read_text().replace("\r\n ", "")
    records = load_child_records(demo_store)
    assert len(records) > 20
    private = {word: r.child.child_ref for r in records for word in _private_words(r)}
    # One pattern for every child's words (a loop of ~900 searches takes seconds).
    words = "|".join(re.escape(w) for w in sorted(private, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{words})(?![\w-])")
    for content in (text, unfolded):
        found = pattern.search(content)
        assert found is None, (private[found.group(0)], found.group(0))
    for record in records:
        # The birthday as written in words, other than a deadline's own "Fri 6 Nov 2026".
        dob = record.child.dob
        born = rf"(?<![A-Z][a-z]{{2}} ){dob.day} {dob.strftime('%b')}[a-z]* {dob.year}"
        assert not re.search(born, unfolded), record.child.child_ref
    assert "Privet" not in unfolded and "Foster" not in unfolded


def test_the_within_window_keeps_what_is_overdue_and_due_soon(demo_store, tmp_path):
    out = tmp_path / "soon.ics"
    diary.export_diary(demo_store, out, TODAY, within_days=14, now=NOW)
    _, soon = _events(out)
    diary.export_diary(demo_store, out, TODAY, now=NOW)
    _, everything = _events(out)
    assert 0 < len(soon) < len(everything)
    assert max(e["DTSTART"].dt for e in soon) <= TODAY + timedelta(days=14)
    assert any(e["DTSTART"].dt < TODAY for e in soon)  # overdue work stays in


def test_a_booking_as_a_single_invite_is_the_diary_s_own_entry(demo_store, tmp_path):
    task = _unbooked_child(demo_store)
    with pytest.raises(UserError, match="no booked review"):
        diary.export_booking_invite(demo_store, task.child_ref, tmp_path / "x.ics", TODAY)
    book_review(demo_store, task.child_ref, BookingEntry(task.due, booked_time="09:15"), TODAY)
    name = diary.invite_file_name(task.child_ref, TODAY)
    assert name == f"review-{task.child_ref}-2026-11-23.ics"
    invite = tmp_path / name
    diary.export_booking_invite(demo_store, task.child_ref, invite, TODAY, now=NOW)
    calendar, events = _events(invite)
    assert str(calendar["METHOD"]) == "PUBLISH" and len(events) == 1
    assert "ATTENDEE" not in events[0] and "ORGANIZER" not in events[0]
    diary.export_diary(demo_store, tmp_path / "all.ics", TODAY, now=NOW)
    same = [e for e in _events(tmp_path / "all.ics")[1] if e["UID"] == events[0]["UID"]]
    assert len(same) == 1 and same[0]["DTSTART"].dt == events[0]["DTSTART"].dt
    # The form's own values (not yet saved), checked as saving would check them.
    changed = BookingEntry(task.due + timedelta(days=1), booked_time="16:00")
    diary.export_booking_invite(demo_store, task.child_ref, invite, TODAY, changed, now=NOW)
    start = _events(invite)[1][0]["DTSTART"].dt
    assert start == datetime.combine(changed.booked_for, time(16), UTC)  # winter: GMT = UTC
    with pytest.raises(RecordNotValid):
        diary.export_booking_invite(
            demo_store, task.child_ref, invite, TODAY, BookingEntry(task.due, booked_time="25:00")
        )


def test_a_file_without_ics_or_in_a_missing_folder_is_refused_in_words(demo_store, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(UserError, match=r"\.ics at the end"):
        diary.export_diary(demo_store, folder / "diary.txt", TODAY)
    with pytest.raises(UserError, match="does not exist"):
        diary.export_diary(demo_store, folder / "nowhere" / "diary.ics", TODAY)
    assert not list(folder.iterdir())


def test_a_booking_s_time_is_kept_with_its_history(demo_store):
    from iro_desktop.storage import history

    task = _unbooked_child(demo_store)
    review_id = book_review(demo_store, task.child_ref, BookingEntry(task.due), TODAY)
    book_review(demo_store, task.child_ref, BookingEntry(task.due, booked_time="2pm"), TODAY)
    record = load_child_record(demo_store, task.child_ref)
    assert next(r for r in record.reviews if r.id == review_id).booked_time == "14:00"
    book_review(demo_store, task.child_ref, BookingEntry(task.due, booked_time=""), TODAY)
    record = load_child_record(demo_store, task.child_ref)
    assert next(r for r in record.reviews if r.id == review_id).booked_time is None
    changes = [
        (row["old"], row["new"])
        for row in history.history(demo_store, "reviews", review_id)
        if row["field"] == "booked_time" and row["action"] == "update"
    ]
    assert changes == [(None, "14:00"), ("14:00", None)]
