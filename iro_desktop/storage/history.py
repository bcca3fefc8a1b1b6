"""Every write goes through here: rows are inserted, updated or archived, never deleted, and
each change is appended to the change history with where it came from (app, import, demo ...).

This module is the one writer of that history and the one reader of "where did this field's
value come from" (:func:`field_sources`, :func:`table_field_sources`). The bulk writers
(imports, handover) use :class:`Batch` / :func:`insert_many`: the same rows and the same
history entries, in the same order, in a few statements instead of one per row.

Callers wrap a multi-row change in ``store.atomic()`` so that the rows and their history are
written together or not at all.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlite_utils.db import jsonify_if_needed

from iro_desktop.errors import UserError
from iro_desktop.storage.database import Store
from iro_desktop.storage.entry_json import insert_json as _insert_json

# Where a change came from. The 903 import lets the IRO's own entries ("app") win.
SOURCE_APP = "app"
SOURCE_IMPORT = "import-903"
SOURCE_DEMO = "demo"

LOG_TABLE = "change_log"
_LOG_COLUMNS = ("table_name", "row_id", "action", "field", "old", "new", "changed_at", "source")


def now_stamp() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _stamp_of_second(second: int) -> str:
    """:func:`now_stamp` during the ``time.time()`` second ``second`` (``datetime.now``
    takes the clock's floor, as ``int`` does)."""
    return datetime.fromtimestamp(second, UTC).isoformat(timespec="seconds")


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


def _quoted(name: str) -> str:
    return "[" + name.replace("]", "]]") + "]"


def _entry(
    table: str, row_id: int, action: str, field: str, old: Any, new: Any, stamp: str, source: str
) -> dict[str, Any]:
    return {
        "table_name": table,
        "row_id": row_id,
        "action": action,
        "field": field,
        "old": old,
        "new": new,
        "changed_at": stamp,
        "source": source,
    }


def _insert_entry(table: str, row_id: int, row: dict[str, Any], stamp: str, source: str) -> dict:
    """An insert is recorded as one entry holding every value that is not blank."""
    return _entry(table, row_id, "insert", "", None, _insert_json(row), stamp, source)


# Values stored as they are: to_column would hand them back unchanged (bool is not int here:
# ``type(True) is int`` is false, so booleans still go through to_column).
_AS_IS = frozenset({str, int, float, type(None)})


def _stamped(values: dict[str, Any], stamp: str) -> dict[str, Any]:
    row = {
        key: value if type(value) in _AS_IS else to_column(value) for key, value in values.items()
    }
    row["created_at"] = stamp
    row["updated_at"] = stamp
    return row


def _differences(current: dict[str, Any], changes: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    changed: dict[str, tuple[Any, Any]] = {}
    for key, value in changes.items():
        new = to_column(value)
        if current.get(key) != new:
            changed[key] = (current.get(key), new)
    return changed


def _update_entries(
    table: str, row_id: int, changed: dict[str, tuple[Any, Any]], stamp: str, source: str
) -> list[dict[str, Any]]:
    return [
        _entry(table, row_id, "update", key, _as_text(old), _as_text(new), stamp, source)
        for key, (old, new) in changed.items()
    ]


def insert(store: Store, table: str, values: dict[str, Any], source: str = SOURCE_APP) -> int:
    stamp = now_stamp()
    row = _stamped(values, stamp)
    with store.atomic():
        row_id = store._db[table].insert(row).last_pk
        store._db[LOG_TABLE].insert(_insert_entry(table, row_id, row, stamp, source))
    return int(row_id)


class ChangedSinceOpened(UserError):
    """A save would change fields that someone else changed since the form opened (another
    window, another process, an import). Nothing was written.

    ``conflicts``: {field: (loaded, now, mine)}: the value the form opened with, the value
    the record holds now, and the value the save would write."""

    def __init__(self, conflicts: dict[str, tuple[Any, Any, Any]]) -> None:
        self.conflicts = dict(conflicts)
        super().__init__(
            "This record was changed somewhere else (another window, another copy of IRO "
            "Desktop or an import) after you opened it, in fields you changed too. Nothing was "
            "saved: open it again to see the other change, then make yours."
        )


@contextmanager
def transaction(store: Store) -> Iterator[None]:
    """A write transaction that takes the write lock first (``BEGIN IMMEDIATE``), so what is
    read in it cannot be changed by another connection before it is written; a savepoint
    inside a transaction already open (whose reads already hold the file)."""
    conn = store._db.conn
    if conn.in_transaction:
        with store.atomic():
            yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def checked_changes(
    current: dict[str, Any], changes: dict[str, Any], expected: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, tuple[Any, Any, Any]]]:
    """What to write of ``changes`` given the values the form opened with (``expected``), and
    the fields in conflict.

    A field in ``expected`` is written only when the save changes it (mine differs from what
    was loaded): a field left alone keeps whatever the record holds now, so another's change
    to it survives. A field changed here and, differently, somewhere else since is a conflict
    ({field: (loaded, now, mine)}). Fields not in ``expected`` are written as given."""
    to_write: dict[str, Any] = {}
    conflicts: dict[str, tuple[Any, Any, Any]] = {}
    for key, value in changes.items():
        if key not in expected:
            to_write[key] = value
            continue
        mine, loaded, now = to_column(value), to_column(expected[key]), current.get(key)
        if mine == loaded:
            continue
        if now not in (loaded, mine):
            conflicts[key] = (loaded, now, mine)
        to_write[key] = value
    return to_write, conflicts


def conflicts_with(
    store: Store, table: str, row_id: int, changes: dict[str, Any], expected: dict[str, Any]
) -> dict[str, tuple[Any, Any, Any]]:
    """The fields :func:`update` with ``expected`` would refuse (read inside the caller's
    transaction, so that it checks many rows before writing any)."""
    return checked_changes(store._db[table].get(row_id), changes, expected)[1]


def update(
    store: Store,
    table: str,
    row_id: int,
    changes: dict[str, Any],
    source: str = SOURCE_APP,
    *,
    expected: dict[str, Any] | None = None,
) -> dict[str, tuple[Any, Any]]:
    """Apply ``changes`` to one row; returns {field: (old, new)} for what really changed.

    With ``expected`` (the values the form opened with), only the fields changed since then
    are written, and a field someone else changed meanwhile raises ``ChangedSinceOpened``
    with nothing written: the check and the write are one transaction."""
    with transaction(store):
        current = store._db[table].get(row_id)
        if expected is not None:
            changes, conflicts = checked_changes(current, changes, expected)
            if conflicts:
                raise ChangedSinceOpened(conflicts)
        changed = _differences(current, changes)
        if not changed:
            return {}
        stamp = now_stamp()
        store._db[table].update(
            row_id, {**{k: new for k, (_, new) in changed.items()}, "updated_at": stamp}
        )
        store._db[LOG_TABLE].insert_all(_update_entries(table, row_id, changed, stamp, source))
    return changed


def archive(store: Store, table: str, row_id: int, on: date, source: str = SOURCE_APP) -> None:
    """Records are archived, never deleted: the row stays, marked with the date."""
    update(store, table, row_id, {"archived_on": on}, source=source)


def restore(store: Store, table: str, row_id: int, source: str = SOURCE_APP) -> None:
    update(store, table, row_id, {"archived_on": None}, source=source)


def record(
    store: Store,
    table: str,
    row_id: int,
    action: str,
    *,
    field: str = "",
    old: Any = None,
    new: Any = None,
    source: str = SOURCE_APP,
    stamp: str | None = None,
) -> None:
    """One history entry that is not a row's insert or update (a setting changed, a purge)."""
    store._db[LOG_TABLE].insert(
        _entry(table, row_id, action, field, old, new, stamp or now_stamp(), source)
    )


# --- bulk writing ------------------------------------------------------------------------------


class Batch:
    """Inserts, updates and history entries for a bulk writer, written in a few statements.

    A row's id is given out at once (the id SQLite would give it: one more than the largest,
    the tables have no AUTOINCREMENT), the row is written at :meth:`flush`; an update is
    written at once and its history kept back. The history is written in the order it was
    made, so the entries, their order and the rows' ids are what one write at a time gives.
    Use it through :func:`batch`, which holds one transaction and flushes at the end.

    It is the 903 import's inner loop (tens of thousands of rows), so rows and entries are
    kept as tuples ready for ``executemany``, the insert entry's JSON is made without a new
    encoder per row (:func:`_insert_json`), the stamp once a second, and the per-row index of
    the history that :meth:`logged` needs only when it is asked for. What is written is
    exactly what :func:`insert` / :func:`update` write one at a time
    (tests/storage/test_golden_history.py, test_history_bulk.py, test_history_json.py).
    """

    def __init__(self, store: Store, source: str) -> None:
        self.store = store
        self.source = source
        self._next_id: dict[str, int] = {}
        self._first_pending: dict[str, int] = {}  # ids from here on are not written yet
        # table -> columns -> rows (id first), in the order they were given
        self._rows: dict[str, dict[tuple[str, ...], list[tuple]]] = {}
        self._log: list[tuple] = []  # entries as tuples in _LOG_COLUMNS order
        self._by_row: dict[tuple[str, int], list[tuple]] = defaultdict(list)
        self._indexed = 0  # how many of self._log are in self._by_row
        self._second = -1
        self._stamp = ""

    def _now(self) -> str:
        """:func:`now_stamp`, made once a second (the stamp is to the second)."""
        second = int(time.time())
        if second != self._second:
            self._second = second
            self._stamp = _stamp_of_second(second)
        return self._stamp

    def _allocate(self, table: str) -> int:
        row_id = self._next_id.get(table)
        if row_id is None:
            (largest,) = self.store._db.execute(
                f"SELECT coalesce(max(rowid), 0) FROM {_quoted(table)}"
            ).fetchone()
            row_id = int(largest) + 1
        self._next_id[table] = row_id + 1
        if table not in self._first_pending:
            self._first_pending[table] = row_id
        return row_id

    def add_row(self, table: str, row: dict[str, Any]) -> int:
        """A row as given, with no history entry of its own (a handover's row, which brings
        its history with it). Lists and dicts are kept as JSON, as sqlite-utils keeps them."""
        return self._add({key: jsonify_if_needed(value) for key, value in row.items()}, table)

    def _add(self, row: dict[str, Any], table: str) -> int:
        row_id = self._allocate(table)
        groups = self._rows.get(table)
        if groups is None:
            groups = self._rows[table] = {}
        written_id = row_id
        if "id" in row:  # a row given with its own id keeps it, as it always did
            row = dict(row)
            written_id = row.pop("id")
        columns = tuple(row)
        group = groups.get(columns)
        if group is None:
            group = groups[columns] = []
        group.append((written_id, *row.values()))
        return row_id

    def insert(self, table: str, values: dict[str, Any], source: str | None = None) -> int:
        """As :func:`insert`: the row with its stamps, and its insert entry."""
        second = int(time.time())
        stamp = self._stamp if second == self._second else self._now()
        row = _stamped(values, stamp)
        row_id = self._add(row, table)
        self._log.append(
            (table, row_id, "insert", "", None, _insert_json(row), stamp, source or self.source)
        )
        return row_id

    def update(
        self, table: str, row_id: int, changes: dict[str, Any], source: str | None = None
    ) -> dict[str, tuple[Any, Any]]:
        """As :func:`update`; the row is written now, its history with the rest."""
        if row_id >= self._first_pending.get(table, row_id + 1):
            self._write_rows()
        stamp = now_stamp()
        changed = _differences(self.store._db[table].get(row_id), changes)
        if changed:
            self.store._db[table].update(
                row_id, {**{k: new for k, (_, new) in changed.items()}, "updated_at": stamp}
            )
            self._log_entries(_update_entries(table, row_id, changed, stamp, source or self.source))
        return changed

    def append(self, entries: Iterable[dict[str, Any]]) -> None:
        """History entries as they are (a handover copies the sender's)."""
        self._log_entries(
            {column: jsonify_if_needed(entry.get(column)) for column in _LOG_COLUMNS}
            for entry in entries
        )

    def _log_entries(self, entries: Iterable[dict[str, Any]]) -> None:
        self._log.extend(tuple(entry[c] for c in _LOG_COLUMNS) for entry in entries)

    def logged(self, table: str, row_id: int) -> set[tuple]:
        """(action, field, old, new, changed_at, source) of every entry about one row, written
        or still to be written."""
        for entry in self._log[self._indexed :]:
            self._by_row[(entry[0], entry[1])].append(entry)
        self._indexed = len(self._log)
        waiting = self._by_row.get((table, row_id), [])
        return set(entries_about(self.store, table, row_id)) | {entry[2:] for entry in waiting}

    def _write_rows(self) -> None:
        conn = self.store._db.conn
        for table, groups in self._rows.items():
            # One statement per set of columns; the ids are given, so the order is free.
            for columns, rows in groups.items():
                sql = (
                    f"INSERT INTO {_quoted(table)} "
                    f"({', '.join(map(_quoted, ('id', *columns)))}) "
                    f"VALUES ({', '.join('?' for _ in range(len(columns) + 1))})"
                )
                conn.executemany(sql, rows)
        self._rows.clear()
        self._first_pending.clear()

    def flush(self) -> None:
        self._write_rows()
        if self._log:
            self.store._db.conn.executemany(
                f"INSERT INTO {LOG_TABLE} ({', '.join(_LOG_COLUMNS)}) "
                f"VALUES ({', '.join('?' for _ in _LOG_COLUMNS)})",
                self._log,
            )
        self._log.clear()
        self._by_row.clear()
        self._indexed = 0


@contextmanager
def batch(store: Store, source: str) -> Iterator[Batch]:
    """A :class:`Batch` in one transaction: everything in it is written, or nothing."""
    with store.atomic():
        writer = Batch(store, source)
        yield writer
        writer.flush()


def insert_many(
    store: Store, table: str, rows: Iterable[dict[str, Any]], source: str = SOURCE_APP
) -> list[int]:
    """:func:`insert` for many rows: one statement for the rows (per set of columns) and one
    for their history, which is the same as inserting them one by one writes."""
    with batch(store, source) as writer:
        return [writer.insert(table, row) for row in rows]


# --- reading -----------------------------------------------------------------------------------


def _sources_from(entries: Iterable[tuple[Any, str, str, str | None, str]]) -> dict:
    """The one rule for where a field's value came from, over entries in the order written:
    an ``insert`` entry counts for every value it holds, an ``update`` entry for its field;
    the latest wins.

    Any other entry (a handover's "received" note, a purge note, or whatever action a
    handover copied from another version) says nothing about a field's value, and an insert
    entry whose values cannot be read counts for none. This was the handover's rule; the
    general reader used to count every other action for its field (and failed on an
    unreadable insert), so a copied note could have taken the "entered in the app"
    protection off a value the IRO typed. A field's source decides whether an import may
    overwrite it, so only the entries that wrote the value may decide it.
    """
    out: dict[Any, dict[str, str]] = defaultdict(dict)
    for row_id, action, field, new, source in entries:
        if action == "insert":
            try:
                values = json.loads(new or "{}")
            except (TypeError, ValueError):
                continue
            if isinstance(values, dict):
                for key in values:
                    out[row_id][key] = source
        elif action == "update":
            out[row_id][field] = source
    return out


def field_sources(store: Store, table: str, row_id: int) -> dict[str, str]:
    """For each field of one row, the source of its latest change (see ``_sources_from``)."""
    entries = store._db.execute(
        f"SELECT row_id, action, field, new, source FROM {LOG_TABLE} "
        "WHERE table_name = ? AND row_id = ? ORDER BY id",
        [table, row_id],
    )
    return dict(_sources_from(entries).get(row_id, {}))


def table_field_sources(store: Store, table: str) -> dict[int, dict[str, str]]:
    """:func:`field_sources` for every row of ``table``, in one pass."""
    entries = store._db.execute(
        f"SELECT row_id, action, field, new, source FROM {LOG_TABLE} "
        "WHERE table_name = ? ORDER BY id",
        [table],
    )
    return _sources_from(entries)


def insert_sources(store: Store, table: str) -> dict[int, str]:
    """Who made each row of ``table``: the source of its insert entry."""
    return {
        row_id: source
        for row_id, source in store._db.execute(
            f"SELECT row_id, source FROM {LOG_TABLE} WHERE table_name = ? AND action = 'insert'",
            [table],
        )
    }


def history(store: Store, table: str, row_id: int) -> list[dict[str, Any]]:
    return list(
        store._db.query(
            f"SELECT * FROM {LOG_TABLE} WHERE table_name = ? AND row_id = ? ORDER BY id",
            [table, row_id],
        )
    )


def entries_about(store: Store, table: str, row_id: int) -> list[tuple]:
    """(action, field, old, new, changed_at, source) of each entry about one row."""
    return [
        tuple(r)
        for r in store._db.execute(
            f"SELECT {', '.join(_LOG_COLUMNS[2:])} FROM {LOG_TABLE} "
            "WHERE table_name = ? AND row_id = ?",
            [table, row_id],
        )
    ]


def history_of_rows(store: Store, table: str, row_ids: Iterable[int]) -> list[dict[str, Any]]:
    """Every entry about the given rows of ``table``, with its ``id``: oldest first for each
    500 rows asked for (a handover lists them in that order)."""
    ids = list(row_ids)
    out: list[dict[str, Any]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        out.extend(
            store._db.query(
                f"SELECT id, {', '.join(_LOG_COLUMNS)} FROM {LOG_TABLE} "
                f"WHERE table_name = ? AND row_id IN ({', '.join('?' for _ in chunk)}) "
                "ORDER BY id",
                [table, *chunk],
            )
        )
    return out
