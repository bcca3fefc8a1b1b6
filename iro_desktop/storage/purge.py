"""Retention: the purge of children archived longer ago than the council's retention period.

This is the product's **only hard delete**. Everything else is archived and kept with its
history; a purge removes a child's rows in every table (found through the foreign keys, so
tables added later are covered) and every ``change_log`` entry about those rows, with
``PRAGMA secure_delete = ON`` (freed pages are overwritten) in one transaction, then runs
``VACUUM`` (outside the transaction) so no free page keeps old content. It appends one
``change_log`` entry saying a purge happened, with no personal data: no reference, no name.

Backups taken before the purge still hold the child until they age out of rotation.

Listing who would be purged (:func:`purge_candidates`) is separate from purging
(:func:`purge_children`), so the app can show the list and ask the IRO first.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from iro_desktop.logs import get_logger, log_event
from iro_desktop.storage.database import Store
from iro_desktop.storage.history import now_stamp
from iro_desktop.storage.locking import KIND_PURGE, exclusively

log = get_logger(__name__)

SOURCE_RETENTION = "retention"
# Tables that hold no child's rows of their own.
_NOT_CHILD_DATA = {"change_log", "settings", "_sqlite_migrations"}


@dataclass(frozen=True)
class PurgeCandidate:
    child_id: int
    child_ref: str
    initials: str
    archived_on: date

    def as_json(self) -> dict[str, str]:
        return {
            "child": self.child_ref,
            "initials": self.initials,
            "archived_on": self.archived_on.isoformat(),
        }


@dataclass(frozen=True)
class PurgeResult:
    children: int
    rows: int  # rows removed from the record tables
    history_entries: int  # change_log entries removed
    cutoff: date
    note: str  # what the change_log now says


def retention_cutoff(today: date, months: int) -> date:
    """Children archived before this day are due to be purged."""
    return today - relativedelta(months=max(months, 0))


def initials(first_name: str, last_name: str) -> str:
    return "".join(part[:1].upper() for part in (first_name.strip(), last_name.strip()) if part)


def purge_candidates(store: Store, today: date, months: int) -> list[PurgeCandidate]:
    """Archived children whose ``archived_on`` is more than ``months`` before ``today``,
    oldest first: who a purge would remove."""
    cutoff = retention_cutoff(today, months)
    rows = store._db.conn.execute(
        "SELECT id, child_ref, first_name, last_name, archived_on FROM children "
        "WHERE archived_on IS NOT NULL AND archived_on < ? ORDER BY archived_on, child_ref",
        [cutoff.isoformat()],
    ).fetchall()
    return [
        PurgeCandidate(int(cid), ref, initials(first, last), date.fromisoformat(archived))
        for cid, ref, first, last, archived in rows
    ]


def _child_tables(store: Store) -> list[str]:
    return [
        name
        for name in store._db.table_names()
        if name not in _NOT_CHILD_DATA and not name.startswith("sqlite_")
    ]


def _references(store: Store) -> dict[str, list[tuple[str, str, str]]]:
    """parent table -> [(table, column, parent column)] for every foreign key, plus any
    ``child_id`` or ``child_ref`` column that names the child without a declared key."""
    conn = store._db.conn
    refs: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for table in _child_tables(store):
        declared = set()
        for fk in conn.execute(f"PRAGMA foreign_key_list({_ident(table)})").fetchall():
            parent, column, parent_column = fk[2], fk[3], fk[4] or "rowid"
            refs[parent].append((table, column, parent_column))
            declared.add(column)
        if table == "children":
            continue
        columns = {c[1] for c in conn.execute(f"PRAGMA table_info({_ident(table)})").fetchall()}
        if "child_id" in columns and "child_id" not in declared:
            refs["children"].append((table, "child_id", "rowid"))
        if "child_ref" in columns and "child_ref" not in declared:
            refs["children"].append((table, "child_ref", "child_ref"))
    return refs


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def rows_of_children(store: Store, child_ids: list[int]) -> dict[str, set[int]]:
    """Every row, in every table, that belongs to these children: table -> row ids."""
    conn = store._db.conn
    refs = _references(store)
    found: dict[str, set[int]] = defaultdict(set)
    found["children"] = set(child_ids)
    queue = ["children"]
    while queue:
        parent = queue.pop()
        ids = json.dumps(sorted(found[parent]))
        for table, column, parent_column in refs.get(parent, ()):
            sql = (
                f"SELECT rowid FROM {_ident(table)} WHERE {_ident(column)} IN "
                f"(SELECT {_ident(parent_column)} FROM {_ident(parent)} "
                "WHERE rowid IN (SELECT value FROM json_each(?)))"
            )
            new = {int(r[0]) for r in conn.execute(sql, [ids])} - found[table]
            if new:
                found[table] |= new
                queue.append(table)
    return {table: ids for table, ids in found.items() if ids}


def purge_children(store: Store, candidates: list[PurgeCandidate], cutoff: date) -> PurgeResult:
    """Hard-delete these children and everything about them; one transaction, then VACUUM.

    The caller takes the backup first and has the IRO's confirmation."""
    started = time.monotonic()
    child_ids = [c.child_id for c in candidates]
    note = f"purged {len(child_ids)} child record(s) archived before {cutoff.isoformat()}"
    if not child_ids:
        return PurgeResult(0, 0, 0, cutoff, "")
    # The one hard delete needs the file alone: refused while another process has it open.
    with exclusively(store.path, KIND_PURGE, "nothing was purged", store._lock):
        return _purge(store, candidates, cutoff, child_ids, note, started)


def _purge(
    store: Store,
    candidates: list[PurgeCandidate],
    cutoff: date,
    child_ids: list[int],
    note: str,
    started: float,
) -> PurgeResult:
    conn = store._db.conn
    conn.execute("PRAGMA secure_delete = ON")
    rows = history_entries = 0
    with store.atomic():
        conn.execute("PRAGMA defer_foreign_keys = ON")
        owned = rows_of_children(store, child_ids)
        if "drafts" in store._db.table_names():  # unsaved forms name the child by reference
            refs = json.dumps([c.child_ref for c in candidates])
            rows += conn.execute(
                "DELETE FROM drafts WHERE child_ref IN (SELECT value FROM json_each(?))", [refs]
            ).rowcount
        for table, ids in owned.items():
            id_list = json.dumps(sorted(ids))
            history_entries += conn.execute(
                "DELETE FROM change_log WHERE table_name = ? "
                "AND row_id IN (SELECT value FROM json_each(?))",
                [table, id_list],
            ).rowcount
            rows += conn.execute(
                f"DELETE FROM {_ident(table)} WHERE rowid IN (SELECT value FROM json_each(?))",
                [id_list],
            ).rowcount
        store._db["change_log"].insert(
            {
                "table_name": "children",
                "row_id": 0,
                "action": "purge",
                "field": "",
                "old": None,
                "new": note,
                "changed_at": now_stamp(),
                "source": SOURCE_RETENTION,
            }
        )
    conn.execute("VACUUM")
    log_event(
        log,
        "purge.done",
        children=len(child_ids),
        rows=rows,
        history=history_entries,
        seconds=time.monotonic() - started,
    )
    return PurgeResult(len(child_ids), rows, history_entries, cutoff, note)
