"""Retention: who is due, the purge (the only hard delete) of every row and history entry,
secure_delete and VACUUM, and a history note with no personal data."""

from __future__ import annotations

import json
from datetime import date

from safety_helpers import PASSPHRASE, add_child

from iro_desktop.domain.settings import Settings
from iro_desktop.services import safety
from iro_desktop.storage import history
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.purge import retention_cutoff
from iro_desktop.storage.settings_store import save_settings
from tests.raw import raw_db

TODAY = date(2026, 11, 23)


def _full_child(store, ref: str, first: str, archived_on: str | None) -> int:
    cid = add_child(store, ref=ref, first=first)
    history.insert(store, "people", {"child_id": cid, "role": "mother", "name": f"{first}'s mum"})
    history.insert(store, "episodes", {"child_id": cid, "decom": "2020-01-01", "ls": "C2"})
    review = history.insert(store, "reviews", {"child_id": cid, "worries": f"{first} worries"})
    history.insert(store, "review_parts", {"review_id": review, "held_on": "2020-03-01"})
    decision = history.insert(
        store, "decisions", {"child_id": cid, "review_id": review, "what": f"{first} to visit"}
    )
    history.insert(
        store,
        "decision_updates",
        {"decision_id": decision, "on_date": "2020-04-01", "kind": "chased", "note": first},
    )
    history.insert(store, "pre_review_meetings", {"child_id": cid, "held_on": "2020-02-20"})
    history.insert(store, "contacts", {"child_id": cid, "on": "2020-02-01", "note": first})
    history.insert(store, "midpoint_checks", {"child_id": cid, "done_on": "2020-06-01"})
    challenge = history.insert(store, "challenges", {"child_id": cid, "theme": first})
    history.insert(
        store,
        "challenge_stages",
        {"challenge_id": challenge, "stage": 1, "raised_on": "2020-07-01"},
    )
    history.update(store, "children", cid, {"communication_needs": f"{first} signs"})
    if archived_on:
        history.archive(store, "children", cid, date.fromisoformat(archived_on))
    return cid


def test_candidates_are_children_archived_longer_ago_than_the_setting(store):
    save_settings(store, Settings(retention_months_after_archive=12))
    _full_child(store, "P000001", "Old", "2025-11-22")
    _full_child(store, "P000002", "Edge", "2025-11-23")  # exactly 12 months: not yet
    _full_child(store, "P000003", "Recent", "2026-10-01")
    _full_child(store, "P000004", "Current", None)
    assert retention_cutoff(TODAY, 12) == date(2025, 11, 23)
    found = safety.purge_candidates(store, TODAY)
    assert [(c.child_ref, c.initials) for c in found] == [("P000001", "OQ")]
    save_settings(store, Settings(retention_months_after_archive=1))
    assert [c.child_ref for c in safety.purge_candidates(store, TODAY)] == [
        "P000001",
        "P000002",
        "P000003",
    ]


def test_purge_removes_every_row_and_its_history_and_leaves_a_note(tmp_path):
    path = tmp_path / "caseload.iro.db"
    store = open_store(path, PASSPHRASE, create=True)
    gone = _full_child(store, "P000001", "Vanishing", "2024-01-01")
    kept = _full_child(store, "P000002", "Staying", None)
    tables = [t for t in raw_db(store).table_names() if t not in ("settings", "_sqlite_migrations")]
    before = {t: raw_db(store)[t].count for t in tables}
    pages_before = raw_db(store).execute("PRAGMA page_count").fetchone()[0]

    # Confirmation is by reference: a child not due is never purged, whatever is confirmed.
    result = safety.purge(store, TODAY, ["P000001", "P000002"])
    assert result.children == 1
    assert result.rows == 12 and result.history_entries > 12

    for table in tables:
        if table == "change_log":
            continue
        assert raw_db(store)[table].count == before[table] // 2, table
    assert (
        raw_db(store).execute("SELECT count(*) FROM children WHERE id = ?", [gone]).fetchone()[0]
        == 0
    )
    assert (
        raw_db(store).execute("SELECT count(*) FROM children WHERE id = ?", [kept]).fetchone()[0]
        == 1
    )
    everything = json.dumps([list(r) for r in raw_db(store).execute("SELECT * FROM change_log")])
    assert "Vanishing" not in everything and "P000001" not in everything
    assert "Staying" in everything
    note = (
        raw_db(store)
        .execute("SELECT new, source FROM change_log WHERE action = 'purge'")
        .fetchall()
    )
    assert note == [("purged 1 child record(s) archived before 2025-11-23", "retention")]
    # VACUUM ran: no free pages keep old content, and the file shrank.
    assert raw_db(store).execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert raw_db(store).execute("PRAGMA page_count").fetchone()[0] <= pages_before
    assert raw_db(store).execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert raw_db(store).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()
    # Nothing about the child is left in the decrypted pages either.
    store = open_store(path, PASSPHRASE)
    plain = tmp_path / "plain.db"
    raw_db(store).execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
    raw_db(store).execute("SELECT sqlcipher_export('plain')")
    raw_db(store).execute("DETACH DATABASE plain")
    store.close()
    raw = plain.read_bytes()
    assert b"Vanishing" not in raw and b"P000001" not in raw
    assert b"Staying" in raw


def test_nothing_due_purges_nothing_and_takes_no_backup(store):
    _full_child(store, "P000001", "Recent", "2026-11-01")
    result = safety.purge(store, TODAY, ["P000001"])
    assert result.children == 0
    assert raw_db(store)["children"].count == 1
    assert not (store.path.parent / "backups").exists()


def test_purge_takes_the_childs_unsaved_drafts_too(tmp_path):
    from iro_desktop.services.drafts import load_drafts, save_draft

    store = open_store(tmp_path / "caseload.iro.db", PASSPHRASE, create=True)
    _full_child(store, "P000001", "Vanishing", "2024-01-01")
    _full_child(store, "P000002", "Staying", None)
    save_draft(store, "review", {"worries": "a draft about Vanishing"}, child_ref="P000001")
    save_draft(store, "review", {"worries": "a draft about Staying"}, child_ref="P000002")
    safety.purge(store, TODAY, ["P000001"])
    assert [d.child_ref for d in load_drafts(store)] == ["P000002"]
    store.close()
