"""The bulk history writer writes what one write at a time writes, and the one reader of
"where did this field's value come from" follows one rule for every importer."""

from __future__ import annotations

import json
from datetime import date

from iro_desktop.exchange.spreadsheet import (
    import_sheet,
    preview_import,
    propose_mapping,
    read_sheet,
)
from iro_desktop.storage import bulk, history
from iro_desktop.storage.opening import open_store

CHILDREN = [
    {"child_ref": "B1", "first_name": "Ana", "dob": date(2014, 1, 2)},
    {"child_ref": "B2", "first_name": "Ben", "dob": date(2015, 3, 4), "uasc": True},
    {"child_ref": "B3", "first_name": "", "dob": date(2016, 5, 6), "social_worker": "Sue"},
]
STAMPS = ("created_at", "updated_at", "changed_at", "id")


def _without_stamps(rows):
    out = []
    for row in rows:
        row = {k: v for k, v in row.items() if k not in STAMPS}
        if row.get("action") == "insert":
            row["new"] = {k: v for k, v in json.loads(row["new"]).items()
                          if k not in STAMPS}  # fmt: skip
        out.append(row)
    return out


def _written(store):
    return (
        _without_stamps(bulk.all_rows(store, "children")),
        _without_stamps(bulk.all_rows(store, "reviews")),
        _without_stamps(bulk.all_rows(store, "change_log")),
    )


def test_insert_many_writes_what_insert_writes_one_by_one(tmp_path):
    one, many = (open_store(tmp_path / f"{n}.db", "pw", create=True) for n in ("one", "many"))
    try:
        ids = [history.insert(one, "children", row) for row in CHILDREN]
        reviews = [{"child_id": ids[0], "status": "booked"}, {"child_id": ids[1]}]
        review_ids = [history.insert(one, "reviews", row) for row in reviews]

        assert history.insert_many(many, "children", CHILDREN) == ids
        assert history.insert_many(many, "reviews", reviews) == review_ids
        assert _written(many) == _written(one)
        # A column a row leaves out keeps its default (status 'held'), as with one insert.
        assert [r["status"] for r in bulk.all_rows(many, "reviews")] == ["booked", "held"]
    finally:
        one.close()
        many.close()


def test_a_batch_keeps_the_order_of_the_history_and_can_update_its_own_rows(store):
    with history.batch(store, "import-sheet") as writer:
        cid = writer.insert("children", {"child_ref": "C1", "dob": date(2014, 1, 1)})
        rid = writer.insert("reviews", {"child_id": cid, "status": "booked"})
        # The child is not written yet: updating it writes the pending rows first.
        writer.update("children", cid, {"first_name": "Cas"})
        writer.insert("review_parts", {"review_id": rid, "held_on": date(2026, 1, 5)})
        assert ("update", "first_name", "", "Cas") in {
            e[:4] for e in writer.logged("children", cid)
        }
    log = bulk.all_rows(store, "change_log")
    entries = [(e["table_name"], e["action"], e["field"]) for e in log]
    assert entries == [
        ("children", "insert", ""),
        ("reviews", "insert", ""),
        ("children", "update", "first_name"),
        ("review_parts", "insert", ""),
    ]
    assert {e["source"] for e in log} == {"import-sheet"}


def test_only_inserts_and_updates_say_where_a_value_came_from(store):
    """Where the readers used to disagree: an entry that is neither an insert nor an update
    (a handover's "received" note, or an action copied from another version's handover),
    and an insert entry whose values cannot be read. The general reader (and the tracker
    import's copy of it) counted the first for its field and failed on the second; the
    handover's reader ignored both. The one rule is the handover's."""
    cid = history.insert(store, "children", {"child_ref": "D1", "dob": "2014-01-01",
                                             "social_worker": "Mine"})  # fmt: skip
    history.record(store, "children", cid, "received", field="social_worker", source="handover")
    history.record(store, "children", cid, "insert", new="not JSON", source="handover")
    history.record(store, "children", cid, "insert", new="[1, 2]", source="handover")
    sources = history.field_sources(store, "children", cid)
    assert sources["social_worker"] == history.SOURCE_APP
    assert sources["child_ref"] == history.SOURCE_APP
    assert history.table_field_sources(store, "children")[cid] == sources


def test_a_note_on_a_field_does_not_let_a_tracker_overwrite_the_iro_s_value(store, tmp_path):
    cid = history.insert(store, "children", {"child_ref": "D1", "dob": "2014-01-01",
                                             "social_worker": "Mine"})  # fmt: skip
    history.record(store, "children", cid, "received", field="social_worker", source="handover")
    tracker = tmp_path / "t.csv"
    tracker.write_text("Child ref,Social worker\nD1,Theirs\n", encoding="utf-8")
    sheet = read_sheet(tracker)
    preview = preview_import(store, sheet, propose_mapping(sheet).mapping, date(2026, 4, 20))
    report = import_sheet(store, preview)
    assert [(c.field, c.app_value, c.file_value) for c in report.conflicts] == [
        ("social_worker", "Mine", "Theirs")
    ]
    assert bulk.all_rows(store, "children")[0]["social_worker"] == "Mine"
