"""Records are archived, never deleted, and every change is kept in the history."""

import pytest

from iro_desktop.storage import history
from iro_desktop.storage.records import load_child_records
from tests.raw import raw_db


def _child(store, **extra):
    values = {
        "child_ref": "DB000001",
        "first_name": "Amy",
        "last_name": "Lee",
        "dob": "2012-03-04",
        **extra,
    }
    return history.insert(store, "children", values)


def test_update_records_each_changed_field(store):
    cid = _child(store)
    changed = history.update(store, "children", cid, {"first_name": "Aimee", "last_name": "Lee"})
    assert changed == {"first_name": ("Amy", "Aimee")}
    entries = history.history(store, "children", cid)
    assert [(e["action"], e["field"], e["old"], e["new"]) for e in entries[1:]] == [
        ("update", "first_name", "Amy", "Aimee")
    ]


def test_update_with_no_change_writes_nothing(store):
    cid = _child(store)
    before = raw_db(store)["change_log"].count
    assert history.update(store, "children", cid, {"first_name": "Amy"}) == {}
    assert raw_db(store)["change_log"].count == before


def test_archive_keeps_the_row(store):
    from datetime import date

    cid = _child(store)
    history.archive(store, "children", cid, date(2026, 1, 2))
    assert raw_db(store)["children"].count == 1
    assert load_child_records(store) == []
    assert [r.child.archived_on for r in load_child_records(store, include_archived=True)] == [
        date(2026, 1, 2)
    ]


def test_field_sources_say_who_last_changed_each_field(store):
    cid = _child(store)
    history.update(store, "children", cid, {"gender": "F"}, source=history.SOURCE_IMPORT)
    sources = history.field_sources(store, "children", cid)
    assert sources["first_name"] == "app"
    assert sources["gender"] == "import-903"


def test_multi_row_write_is_all_or_nothing(store):
    with pytest.raises(RuntimeError), store.atomic():
        cid = _child(store)
        history.insert(store, "episodes", {"child_id": cid, "decom": "2025-01-01", "rne": "S"})
        raise RuntimeError("power cut")
    assert raw_db(store)["children"].count == 0
    assert raw_db(store)["episodes"].count == 0
    assert raw_db(store)["change_log"].count == 0
