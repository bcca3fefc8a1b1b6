"""Results kept in the file: each child's schedule and open tasks, worked out once and read
back until something about the child changes (migration 0008).

A child's kept results are stale when their ``kept_children`` row is missing, carries another
fingerprint (settings, rules, holiday calendar: see ``services.kept_results``), or was worked
out for days that do not include the day asked about (the 18th birthday changes a schedule).
"Overdue", the group and "hold by passed" are never kept: they are worked out from the kept
dates at read time.

**Why triggers mark a child stale**, not the storage door (``storage.history``): a trigger
runs inside the very statement that changes the row, so the mark is in the same transaction
on every path that writes: one row through ``history``, the bulk writers' ``executemany``
(the tracker and 903 imports, ``history.Batch``), the handover's rows as they come, the purge,
a later migration, even SQL typed at the file. A mark in the door would have to be
remembered in every one of those, and a forgotten one would show a wrong due date. The cost
is one primary-key delete per written row. Every table tied to a child gets the triggers;
``tests/storage/test_kept_results.py`` checks that no such table is left without them.

Kept rows are derived, not the IRO's record: they are written and dropped without change
history, never travel in a handover, and are replaced whenever they are stale.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlite_utils

from iro_desktop.domain.model import Regime
from iro_desktop.domain.schedule_types import ChildSchedule, DueDate, ScheduledReview
from iro_desktop.domain.tasks import Task, TaskKind
from iro_desktop.storage.bulk_load import no_gc
from iro_desktop.storage.database import SQLCIPHER_ERRORS, Store
from iro_desktop.storage.record_tables import record_tables_of

KEPT_TABLES = ("kept_children", "kept_tasks", "kept_holidays")

CREATE_STATEMENTS = (
    # No REFERENCES: a kept row is not part of the child's record (handover, purge).
    """CREATE TABLE kept_children (
        child_id INTEGER PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        valid_from TEXT NOT NULL,
        valid_to TEXT NOT NULL,
        schedule TEXT NOT NULL)""",
    """CREATE TABLE kept_tasks (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        child_ref TEXT NOT NULL,
        task TEXT NOT NULL,
        ref TEXT NOT NULL,
        due TEXT NOT NULL,
        hold_by TEXT NOT NULL,
        detail TEXT NOT NULL)""",
    "CREATE INDEX kept_tasks_child ON kept_tasks (child_id)",
    # Which children are current, read without the pages that hold their schedules.
    "CREATE INDEX kept_children_current ON kept_children (fingerprint, valid_from, valid_to)",
    # Each year's bank holidays as the holidays package (``source``: its digest) gave them.
    """CREATE TABLE kept_holidays (
        region TEXT NOT NULL,
        year INTEGER NOT NULL,
        source TEXT NOT NULL,
        days TEXT NOT NULL,
        PRIMARY KEY (region, year))""",
)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _child_expression(tables: dict, table: str, reference: str) -> str:
    """SQL for the child id of the row of ``table`` whose id is ``reference``."""
    if table == "children":
        return reference
    owner = tables[table].owner
    parent = tables[table].refs[owner]
    inner = f"(SELECT {_quoted(owner)} FROM {_quoted(table)} WHERE id = {reference})"
    return _child_expression(tables, parent, inner)


def stale_trigger_statements(db: sqlite_utils.Database, only: Iterable[str] = ()) -> list[str]:
    """CREATE TRIGGER statements marking the child stale on every insert, update and delete
    of a table tied to a child (``only``: just these tables). A later migration that adds
    such a table calls this for it."""
    tables = record_tables_of(db)
    wanted = set(only) or set(tables)
    statements = []
    for name in tables:
        if name not in wanted:
            continue
        if name == "children":
            new, old = "NEW.id", "OLD.id"
        else:
            owner = tables[name].owner
            parent = tables[name].refs[owner]
            new = _child_expression(tables, parent, f"NEW.{_quoted(owner)}")
            old = _child_expression(tables, parent, f"OLD.{_quoted(owner)}")
        for event, children in (
            ("INSERT", new),
            ("UPDATE", f"{old}, {new}"),
            ("DELETE", old),
        ):
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS {_quoted(f'kept_stale_{name}_{event.lower()}')} "
                f"AFTER {event} ON {_quoted(name)} BEGIN "
                f"DELETE FROM kept_children WHERE child_id IN ({children}); END"
            )
    return statements


def tables_without_stale_triggers(store: Store) -> list[str]:
    """Tables tied to a child that some write could change without marking the child stale."""
    triggers = {
        (row[0], row[1])
        for row in store._db.execute(
            "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
    }
    return [
        name
        for name in record_tables_of(store._db)
        if any(
            (name, f"kept_stale_{name}_{event}") not in triggers
            for event in ("insert", "update", "delete")
        )
    ]


# --- turning results into rows and back --------------------------------------------------------


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _from_day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _due_json(due: DueDate | None) -> list | None:
    return None if due is None else [due.due.isoformat(), due.hold_by.isoformat(), due.explanation]


def _due_from(value: list | None) -> DueDate | None:
    if value is None:
        return None
    return DueDate(date.fromisoformat(value[0]), date.fromisoformat(value[1]), value[2])


def schedule_json(schedule: ChildSchedule) -> str:
    """A schedule as JSON text; its last review is kept as its place among the reviews (it
    is always one of them)."""
    last = schedule.last_review
    last_index = None
    if last is not None:
        last_index = next(i for i, r in enumerate(schedule.reviews) if r is last or r == last)
    reviews = [
        [
            r.review_id,
            r.number,
            r.regime.value,
            r.held.isoformat(),
            [p.isoformat() for p in r.parts],
            _due_json(r.due),
            r.in_time,
            _day(r.local_due),
            [p.isoformat() for p in r.parts_after_due],
        ]
        for r in schedule.reviews
    ]
    return json.dumps(
        [
            reviews,
            schedule.next_regime.value if schedule.next_regime else None,
            schedule.next_number,
            _due_json(schedule.next_due),
            _day(schedule.local_due),
            _day(schedule.period_start),
            last_index,
            schedule.why_none_due,
            _day(schedule.looked_after_until),
        ],
        ensure_ascii=False,
    )


def schedule_from_json(text: str) -> ChildSchedule:
    (reviews_in, regime, number, next_due, local, start, last_index, why, until) = json.loads(text)
    reviews = tuple(
        ScheduledReview(
            review_id=review_id,
            number=n,
            regime=Regime(r),
            held=date.fromisoformat(held),
            parts=tuple(map(date.fromisoformat, parts)),
            due=_due_from(due),  # type: ignore[arg-type]
            in_time=in_time,
            local_due=_from_day(local_due),
            parts_after_due=tuple(map(date.fromisoformat, after)),
        )
        for review_id, n, r, held, parts, due, in_time, local_due, after in reviews_in
    )
    return ChildSchedule(
        reviews=reviews,
        next_regime=Regime(regime) if regime else None,
        next_number=number,
        next_due=_due_from(next_due),
        local_due=_from_day(local),
        period_start=_from_day(start),
        last_review=None if last_index is None else reviews[last_index],
        why_none_due=why,
        looked_after_until=_from_day(until),
    )


_KINDS = {kind.value: kind for kind in TaskKind}
_new_task = object.__new__
_fromisoformat = date.fromisoformat
_set_attribute = object.__setattr__


def _tasks_from_rows(rows: Iterable[tuple]) -> list[Task]:
    """Tasks from (child_ref, task, ref, due, hold_by, detail) rows. Built without the
    dataclass's ``__init__`` (a frozen one sets each field through ``object.__setattr__``),
    and each date parsed once: the due list reads thousands, and this is most of its time."""
    out = []
    append = out.append
    kinds = _KINDS
    days: dict[str, date] = {}
    for child_ref, kind, ref, due, hold_by, detail in rows:
        due_day = days.get(due)
        if due_day is None:
            due_day = days[due] = _fromisoformat(due)
        hold_day = days.get(hold_by)
        if hold_day is None:
            hold_day = days[hold_by] = _fromisoformat(hold_by)
        task = _new_task(Task)
        _set_attribute(
            task,
            "__dict__",
            {
                "child_ref": child_ref,
                "task": kinds[kind],
                "ref": ref,
                "due": due_day,
                "hold_by": hold_day,
                "detail": detail,
            },
        )
        append(task)
    return out


# --- reading -----------------------------------------------------------------------------------

_VALID = "k.fingerprint = ? AND k.valid_from <= ? AND k.valid_to > ?"


def stale_child_ids(
    store: Store, fingerprint: str, today: date, *, include_archived: bool = False
) -> list[int]:
    """The children whose kept results cannot answer for ``today``, in id order."""
    day = today.isoformat()
    sql = (
        "SELECT c.id FROM children c LEFT JOIN kept_children k "
        f"ON k.child_id = c.id AND {_VALID} WHERE k.child_id IS NULL"
    )
    if not include_archived:
        sql += " AND c.archived_on IS NULL"
    return [
        row[0] for row in store._db.conn.execute(sql + " ORDER BY c.id", [fingerprint, day, day])
    ]


def kept_open_tasks(
    store: Store, fingerprint: str, today: date, horizon: date | None = None
) -> list[Task]:
    """The kept tasks of every child on the caseload (not archived) whose results are
    current, due up to ``horizon`` (all when None), sorted as ``Task.sort_key``."""
    day = today.isoformat()
    params: list[Any] = [fingerprint, day, day]
    sql = (
        "SELECT t.child_ref, t.task, t.ref, t.due, t.hold_by, t.detail FROM kept_tasks t "
        "JOIN kept_children k ON k.child_id = t.child_id "
        "JOIN children c ON c.id = t.child_id "
        f"WHERE c.archived_on IS NULL AND {_VALID}"
    )
    if horizon is not None:
        sql += " AND t.due <= ?"
        params.append(horizon.isoformat())
    # ISO dates and UTF-8 text sort in SQLite as Python sorts them; seq keeps a child's own
    # order for any tie.
    sql += " ORDER BY t.due, t.child_ref, t.task, t.ref, t.child_id, t.seq"
    with no_gc():
        return _tasks_from_rows(store._db.conn.execute(sql, params))


def open_tasks_now(
    store: Store, fingerprint: str, today: date, horizon: date | None = None
) -> tuple[list[int], list[Task]]:
    """In one read of the file: the children on the caseload whose results are stale, and
    the kept tasks of all the others (see :func:`kept_open_tasks`)."""
    with store.atomic():
        stale = stale_child_ids(store, fingerprint, today)
        return stale, kept_open_tasks(store, fingerprint, today, horizon)


def kept_schedules(
    store: Store, fingerprint: str, today: date, child_ids: Iterable[int] | None = None
) -> dict[int, ChildSchedule]:
    """The current kept schedules, by child id (of ``child_ids``, or of every child)."""
    day = today.isoformat()
    params: list[Any] = [fingerprint, day, day]
    sql = f"SELECT k.child_id, k.schedule FROM kept_children k WHERE {_VALID}"
    if child_ids is not None:
        sql += " AND k.child_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(list(child_ids)))
    with no_gc():
        return {
            child_id: schedule_from_json(text)
            for child_id, text in store._db.conn.execute(sql, params)
        }


# --- writing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChildResults:
    """What is kept for one child, and the days it holds for: ``[valid_from, valid_to)``."""

    child_id: int
    valid_from: date
    valid_to: date
    schedule: ChildSchedule
    tasks: list[Task]


@contextmanager
def _not_waiting(store: Store) -> Iterator[None]:
    """No wait for another process's write: keeping results is worth no delay, so a busy
    file is left for the next read to try."""
    conn = store._db.conn
    (waited,) = conn.execute("PRAGMA busy_timeout").fetchone()
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(waited)}")


def keep(
    store: Store, fingerprint: str, results: list[ChildResults], marker: tuple[int, int]
) -> bool:
    """Write these children's results in one transaction, if nothing was written to the file
    since ``marker`` (``Store.change_marker()`` taken before their records were read: a
    result worked out from rows changed since must not be kept). False, with nothing
    written, when something was, or when the file cannot be written now: read-only, busy
    with another process's write, or full. The caller uses what it worked out either way."""
    if not results:
        return True
    if store.writes_held:
        return False
    children_rows = [
        (
            r.child_id,
            fingerprint,
            r.valid_from.isoformat(),
            r.valid_to.isoformat(),
            schedule_json(r.schedule),
        )
        for r in results
    ]
    task_rows = [
        (
            r.child_id,
            seq,
            t.child_ref,
            t.task.value,
            t.ref,
            t.due.isoformat(),
            t.hold_by.isoformat(),
            t.detail,
        )
        for r in results
        for seq, t in enumerate(r.tasks)
    ]
    ids = json.dumps([r.child_id for r in results])
    return _derived_write(store, lambda: _write(store, ids, children_rows, task_rows), marker)


def _derived_write(
    store: Store, write: Callable[[], None], marker: tuple[int, int] | None = None
) -> bool:
    """Run ``write`` (kept results only) in its own transaction without waiting for a busy
    file; with ``marker``, only if nothing was written since. Answers this process cached
    before it stay good (``Store.note_derived_write``). False when nothing was written."""
    conn = store._db.conn
    if store.writes_held or conn.in_transaction:  # inside another's transaction: next time
        return False
    try:
        with _not_waiting(store):
            conn.execute("BEGIN IMMEDIATE")
            try:
                before = store.change_marker()
                if marker is not None and before != marker:
                    conn.execute("ROLLBACK")
                    return False
                write()
                # Read before COMMIT: no other connection can commit while this one holds
                # the write lock, and this connection's own commit leaves data_version be.
                after = store.change_marker()
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
    except SQLCIPHER_ERRORS:
        return False
    store.note_derived_write(before, after)
    return True


def _write(store: Store, ids: str, children_rows: list[tuple], task_rows: list[tuple]) -> None:
    conn = store._db.conn
    conn.execute("DELETE FROM kept_tasks WHERE child_id IN (SELECT value FROM json_each(?))", [ids])
    conn.executemany(
        "INSERT OR REPLACE INTO kept_children "
        "(child_id, fingerprint, valid_from, valid_to, schedule) VALUES (?, ?, ?, ?, ?)",
        children_rows,
    )
    conn.executemany(
        "INSERT INTO kept_tasks (child_id, seq, child_ref, task, ref, due, hold_by, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        task_rows,
    )


def kept_holiday_years(store: Store, region: str, source: str) -> dict[int, dict[date, str]]:
    """The years of bank holidays kept for ``region`` from this ``source``."""
    return {
        year: {date.fromisoformat(day): name for day, name in json.loads(days)}
        for year, days in store._db.conn.execute(
            "SELECT year, days FROM kept_holidays WHERE region = ? AND source = ?",
            [region, source],
        )
    }


def keep_holiday_years(
    store: Store, region: str, source: str, years: dict[int, dict[date, str]]
) -> bool:
    """Keep these years' bank holidays; False (nothing written) when the file cannot be
    written now. Holidays are public facts, not anyone's record: no history."""
    rows = [
        (region, year, source, json.dumps(sorted((d.isoformat(), n) for d, n in days.items())))
        for year, days in years.items()
    ]
    if not rows:
        return False

    def write() -> None:
        store._db.conn.executemany(
            "INSERT OR REPLACE INTO kept_holidays (region, year, source, days) VALUES (?, ?, ?, ?)",
            rows,
        )

    return _derived_write(store, write)


def forget_all(store: Store) -> None:
    """Drop every kept result (they are worked out again when next asked for)."""
    with store.atomic():
        store._db.conn.execute("DELETE FROM kept_children")
        store._db.conn.execute("DELETE FROM kept_tasks")
        store._db.conn.execute("DELETE FROM kept_holidays")
