"""Kept results (migration 0008): which writes mark a child stale, and a due list that still
answers, without writing, when the file cannot be written."""

from __future__ import annotations

import gc
import subprocess
import sys
import time
from datetime import date

from iro_desktop.services.caseload import due_list, due_view
from iro_desktop.services.kept_results import fingerprint
from iro_desktop.storage import history
from iro_desktop.storage import kept_results as kept
from iro_desktop.storage.bulk_load import no_gc
from iro_desktop.storage.database import Store, connect_encrypted, open_read_only
from iro_desktop.storage.settings_store import load_settings, save_settings
from tests.conftest import DEMO_DAY
from tests.raw import raw_db


def _stale(store: Store, today: date = DEMO_DAY) -> list[int]:
    return kept.stale_child_ids(store, fingerprint(load_settings(store)), today)


def _child_of_stage(store: Store) -> tuple[int, int]:
    row = (
        raw_db(store)
        .execute(
            "SELECT s.id, g.child_id FROM challenge_stages s JOIN challenges g "
            "ON g.id = s.challenge_id LIMIT 1"
        )
        .fetchone()
    )
    return row[0], row[1]


def test_every_table_of_a_childs_record_marks_the_child_stale(demo_store):
    assert kept.tables_without_stale_triggers(demo_store) == []


def test_a_change_marks_only_that_child_stale_in_the_same_transaction(demo_store):
    due_list(demo_store, DEMO_DAY)
    assert _stale(demo_store) == []
    stage_id, child_id = _child_of_stage(demo_store)  # two steps below the child
    try:
        with demo_store.atomic():
            history.update(demo_store, "challenge_stages", stage_id, {"responded_on": DEMO_DAY})
            assert _stale(demo_store) == [child_id]  # inside the transaction already
            raise RuntimeError("the save fails")
    except RuntimeError:
        pass
    assert _stale(demo_store) == []  # rolled back with it: the kept result stands
    history.update(demo_store, "challenge_stages", stage_id, {"responded_on": DEMO_DAY})
    assert _stale(demo_store) == [child_id]


def test_bulk_writes_mark_their_children_stale(demo_store):
    due_list(demo_store, DEMO_DAY)
    ids = [r[0] for r in raw_db(demo_store).execute("SELECT id FROM children LIMIT 3")]
    with history.batch(demo_store, history.SOURCE_IMPORT) as writer:
        writer.insert("contacts", {"child_id": ids[0], "on": "2026-11-01"})
        writer.add_row(  # the handover's way: a row as it comes
            "contacts",
            {"child_id": ids[1], "on": "2026-11-02", "created_at": "x", "updated_at": "x"},
        )
        writer.update("children", ids[2], {"social_worker": "Sam Jones"})
    assert _stale(demo_store) == sorted(ids)


def test_a_settings_change_makes_every_result_stale(demo_store):
    due_list(demo_store, DEMO_DAY)
    current = load_settings(demo_store)
    save_settings(demo_store, current.__class__(judge_review_by_final_part=True))
    live = (
        raw_db(demo_store)
        .execute("SELECT count(*) FROM children WHERE archived_on IS NULL")
        .fetchone()[0]
    )
    assert len(_stale(demo_store)) == live


def test_a_read_only_file_still_answers_and_writes_nothing(demo_file, demo_store):
    expected = due_list(demo_store, DEMO_DAY)
    kept.forget_all(demo_store)
    demo_store.close()
    import sqlite_utils

    from iro_desktop.storage.database import DEMO_PASSPHRASE

    read_only = Store(sqlite_utils.Database(open_read_only(demo_file, DEMO_PASSPHRASE)), demo_file)
    try:
        assert due_list(read_only, DEMO_DAY) == expected
        assert raw_db(read_only).execute("SELECT count(*) FROM kept_children").fetchone() == (0,)
    finally:
        read_only.close()


def test_a_file_busy_with_another_write_answers_at_once_and_keeps_nothing(demo_file, demo_store):
    expected = due_list(demo_store, DEMO_DAY)
    kept.forget_all(demo_store)
    demo_store._cache.clear()
    from iro_desktop.storage.database import DEMO_PASSPHRASE

    other = connect_encrypted(demo_file, DEMO_PASSPHRASE)
    other.execute("BEGIN IMMEDIATE")  # another process is writing
    try:
        started = time.monotonic()
        assert due_list(demo_store, DEMO_DAY) == expected
        assert time.monotonic() - started < 2  # not the 5 s a write would wait
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(_stale(demo_store)) > 0
    demo_store._cache.clear()
    assert due_list(demo_store, DEMO_DAY) == expected  # kept now the file is free
    assert _stale(demo_store) == []


def test_due_view_names_each_childs_tasks(demo_store):
    view = due_view(demo_store, DEMO_DAY)
    assert view.tasks == due_list(demo_store, DEMO_DAY)
    assert {t.child_ref for t in view.tasks} <= set(view.names)
    first = view.tasks[0].child_ref
    row = (
        raw_db(demo_store)
        .execute(
            "SELECT first_name, preferred_name, last_name, social_worker FROM children "
            "WHERE child_ref = ?",
            [first],
        )
        .fetchone()
    )
    assert view.names[first] == f"{row[1] or row[0]} {row[2]}".strip()
    assert view.social_workers[first] == row[3].strip()


FIRST_CALL = """
import sys, time
from datetime import date
from pathlib import Path
from iro_desktop.services.caseload import due_list
from iro_desktop.services.session import open_demo_if_demo
store = open_demo_if_demo(Path(sys.argv[1]))
tasks = due_list(store, date.fromisoformat(sys.argv[2]))
print(len(tasks), "holidays" in sys.modules)
"""


def test_the_first_due_list_in_a_process_reads_kept_results_without_the_holidays_package(
    demo_file, demo_store
):
    """What is kept is read back: no rules worked out, so no holiday calendar loaded."""
    count = len(due_list(demo_store, DEMO_DAY))
    demo_store.close()
    out = subprocess.run(
        [sys.executable, "-c", FIRST_CALL, str(demo_file), DEMO_DAY.isoformat()],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == [str(count), "False"]


def test_holidays_kept_in_the_file_are_used_without_the_package(demo_file, demo_store):
    due_list(demo_store, DEMO_DAY)
    kept_years = raw_db(demo_store).execute("SELECT count(*) FROM kept_holidays").fetchone()[0]
    assert kept_years > 0
    raw_db(demo_store).execute("DELETE FROM kept_children")  # every child stale again
    demo_store.close()
    out = subprocess.run(
        [sys.executable, "-c", FIRST_CALL, str(demo_file), DEMO_DAY.isoformat()],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out[1] == "False"


def test_no_gc_puts_the_collector_back_as_it_was():
    assert gc.isenabled()
    with no_gc():
        assert not gc.isenabled()
        with no_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with no_gc():
            pass
        assert not gc.isenabled()  # whoever turned it off keeps it off
    finally:
        gc.enable()


def test_keeping_results_does_not_make_this_process_read_the_caseload_again(demo_store):
    """Writing kept results changes no answer: what was read just before stays in memory."""
    from iro_desktop.services.caseload import caseload

    due_list(demo_store, DEMO_DAY)
    history.update(demo_store, "contacts", 1, {"note": "seen at school"})
    first = caseload(demo_store, DEMO_DAY)  # works the changed child out and keeps it
    due_list(demo_store, DEMO_DAY)
    assert caseload(demo_store, DEMO_DAY) is first
    assert _stale(demo_store) == []
