"""What is due, from the store: filtering, JSON shapes, and fresh answers after every write."""

from datetime import date

from iro_desktop.services.caseload import (
    caseload,
    due_list,
    schedule_as_json,
    task_as_json,
)
from iro_desktop.services.settings import load_settings
from iro_desktop.storage import history

TODAY = date(2026, 1, 6)


def _new_child(store, ref="DB000001", start="2026-01-05"):
    with store.atomic():
        cid = history.insert(
            store,
            "children",
            {"child_ref": ref, "first_name": "Tia", "last_name": "Test", "dob": "2015-01-01"},
        )
        history.insert(
            store,
            "episodes",
            {"child_id": cid, "decom": start, "rne": "S", "ls": "C2", "place": "U1"},
        )
    return cid


def test_due_list_keeps_overdue_and_the_window(store):
    _new_child(store)
    tasks = due_list(store, TODAY, within_days=7)
    assert all(t.due <= date(2026, 1, 13) for t in tasks)
    kinds = {(t.task.value, t.status(TODAY)) for t in tasks}
    # Consultation papers were due 20 working days before Mon 2 Feb: Mon 5 Jan, yesterday.
    assert ("consultation", "overdue") in kinds
    assert "review" not in {t.task.value for t in tasks}  # due 2 Feb, beyond 7 days
    assert "review" in {t.task.value for t in due_list(store, TODAY, within_days=28)}


def test_answers_follow_every_write(store):
    cid = _new_child(store)
    assert [t for t in due_list(store, TODAY, 28) if t.task.value == "review"]
    with store.atomic():
        rid = history.insert(
            store, "reviews", {"child_id": cid, "status": "held", "review_code": "PN1"}
        )
        history.insert(store, "review_parts", {"review_id": rid, "held_on": "2026-01-30"})
    review = next(t for t in due_list(store, TODAY, None) if t.task.value == "review")
    assert review.due == date(2026, 4, 30)  # second review: 3 months after 30 Jan
    history.archive(store, "children", cid, TODAY)
    assert due_list(store, TODAY, None) == []
    assert caseload(store, TODAY) == []


def test_json_shapes_keep_their_contract(store):
    _new_child(store)
    settings = load_settings(store)
    [overview] = caseload(store, TODAY, settings)
    row = schedule_as_json(overview, settings)
    assert {
        "child",
        "region",
        "regime",
        "language",
        "next_review_due",
        "hold_by",
        "local_due",
        "reviews",
    } <= set(row)
    assert row["next_review_due"] == "2026-02-02"
    assert row["regime"] == "looked_after"
    task = task_as_json(due_list(store, TODAY, 28)[0], TODAY)
    assert {"child", "task", "ref", "due", "hold_by", "status", "group"} <= set(task)
