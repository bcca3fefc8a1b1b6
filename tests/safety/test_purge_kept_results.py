"""The purge takes a child's kept results with the rest of the child (a kept task can hold a
decision's words)."""

from __future__ import annotations

from datetime import date

from safety_helpers import PASSPHRASE, add_child

from iro_desktop.services import safety
from iro_desktop.services.caseload import caseload
from iro_desktop.storage import history
from iro_desktop.storage.opening import open_store
from tests.raw import raw_db

TODAY = date(2026, 11, 23)


def test_purge_removes_the_childs_kept_results(tmp_path):
    store = open_store(tmp_path / "c.iro.db", PASSPHRASE, create=True)
    for ref in ("P000001", "P000002"):
        cid = add_child(store, ref=ref, first="Wren")
        history.insert(store, "episodes", {"child_id": cid, "decom": "2024-01-01", "ls": "C2"})
        history.insert(
            store,
            "decisions",
            {"child_id": cid, "what": f"{ref} to see Nan", "by_when": "2025-01-01"},
        )
    gone = (
        raw_db(store).execute("SELECT id FROM children WHERE child_ref = 'P000001'").fetchone()[0]
    )
    history.archive(store, "children", gone, date(2024, 6, 1))
    caseload(store, TODAY, include_archived=True)  # keeps the archived child's results too
    assert raw_db(store).execute(
        "SELECT count(*) FROM kept_tasks WHERE detail = 'P000001 to see Nan'"
    ).fetchone() == (1,)
    safety.purge(store, TODAY, ["P000001"])
    for table in ("kept_children", "kept_tasks"):
        assert raw_db(store).execute(
            f"SELECT count(*) FROM {table} WHERE child_id = ?", [gone]
        ).fetchone() == (0,)
    assert raw_db(store).execute(
        "SELECT count(*) FROM kept_tasks WHERE detail LIKE 'P000002%'"
    ).fetchone() == (1,)
    store.close()
