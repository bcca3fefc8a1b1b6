"""Migration 0007: a booked review may have a time of day; bookings made before have none
(booked for the day, all-day in the diary)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from iro_desktop.domain.validation import BookingEntry
from iro_desktop.services.recording import book_review
from iro_desktop.storage.migrations import SCHEMA_VERSION, schema_version
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.records import load_child_records
from tests.raw import raw_db

FIXTURES = Path(__file__).parent.parent / "fixtures" / "schemas"


def test_a_schema_0005_file_gains_an_empty_booking_time_and_keeps_a_typed_one(tmp_path):
    copy = tmp_path / "schema-0005.iro.db"
    copy.write_bytes((FIXTURES / copy.name).read_bytes())
    store = open_store(copy, "fixture passphrase")
    try:
        db = raw_db(store)
        assert schema_version(db) == SCHEMA_VERSION >= 7
        assert "booked_time" in db["reviews"].columns_dict
        assert {row["booked_time"] for row in db["reviews"].rows} == {None}
        record = load_child_records(store)[0]
        assert all(review.booked_time is None for review in record.reviews)

        day = date(2026, 12, 1)
        book_review(store, "FX000001", BookingEntry(day, booked_time="9.30am"), date(2026, 11, 1))
        booked = [r for r in load_child_records(store)[0].reviews if r.booked_for == day]
        assert [r.booked_time for r in booked] == ["09:30"]
    finally:
        store.close()
