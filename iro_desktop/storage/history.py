"""Every write goes through here: rows are inserted, updated or archived, never deleted, and
each change is appended to ``change_log`` with where it came from (app, import, demo ...).

Callers wrap a multi-row change in ``store.atomic()`` so that the rows and their history are
written together or not at all.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from iro_desktop.storage.database import Store

# Where a change came from. The 903 import lets the IRO's own entries ("app") win.
SOURCE_APP = "app"
SOURCE_IMPORT = "import-903"
SOURCE_DEMO = "demo"


def now_stamp() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def to_column(value: Any) -> Any:
    """A Python value as it is stored: dates ISO text, booleans 0/1, tuples JSON."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return json.dumps(list(value), ensure_ascii=False)
    return value


def _as_text(value: Any) -> str | None:
    return None if value is None else str(value)


def insert(store: Store, table: str, values: dict[str, Any], source: str = SOURCE_APP) -> int:
    stamp = now_stamp()
    row = {key: to_column(value) for key, value in values.items()}
    row.update(created_at=stamp, updated_at=stamp)
    with store.atomic():
        row_id = store._db[table].insert(row).last_pk
        store._db["change_log"].insert(
            {
                "table_name": table,
                "row_id": row_id,
                "action": "insert",
                "field": "",
                "old": None,
                "new": json.dumps(
                    {k: v for k, v in row.items() if v not in (None, "")}, ensure_ascii=False
                ),
                "changed_at": stamp,
                "source": source,
            }
        )
    return int(row_id)


def update(
    store: Store, table: str, row_id: int, changes: dict[str, Any], source: str = SOURCE_APP
) -> dict[str, tuple[Any, Any]]:
    """Apply ``changes`` to one row; returns {field: (old, new)} for what really changed."""
    stamp = now_stamp()
    current = store._db[table].get(row_id)
    changed: dict[str, tuple[Any, Any]] = {}
    for key, value in changes.items():
        new = to_column(value)
        if current.get(key) != new:
            changed[key] = (current.get(key), new)
    if not changed:
        return {}
    with store.atomic():
        store._db[table].update(
            row_id, {**{k: new for k, (_, new) in changed.items()}, "updated_at": stamp}
        )
        store._db["change_log"].insert_all(
            {
                "table_name": table,
                "row_id": row_id,
                "action": "update",
                "field": key,
                "old": _as_text(old),
                "new": _as_text(new),
                "changed_at": stamp,
                "source": source,
            }
            for key, (old, new) in changed.items()
        )
    return changed


def archive(store: Store, table: str, row_id: int, on: date, source: str = SOURCE_APP) -> None:
    """Records are archived, never deleted: the row stays, marked with the date."""
    update(store, table, row_id, {"archived_on": on}, source=source)


def restore(store: Store, table: str, row_id: int, source: str = SOURCE_APP) -> None:
    update(store, table, row_id, {"archived_on": None}, source=source)


def field_sources(store: Store, table: str, row_id: int) -> dict[str, str]:
    """For each field of a row, the source of its latest change (the insert counts for all)."""
    sources: dict[str, str] = {}
    for entry in store._db.query(
        "SELECT action, field, new, source FROM change_log "
        "WHERE table_name = ? AND row_id = ? ORDER BY id",
        [table, row_id],
    ):
        if entry["action"] == "insert":
            for key in json.loads(entry["new"] or "{}"):
                sources[key] = entry["source"]
        else:
            sources[entry["field"]] = entry["source"]
    return sources


def history(store: Store, table: str, row_id: int) -> list[dict[str, Any]]:
    return list(
        store._db.query(
            "SELECT * FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY id",
            [table, row_id],
        )
    )
