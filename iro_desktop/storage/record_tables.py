"""Which tables make up a child's record, found from the schema: each table's columns, its
references and the reference that ties a row to its parent. The handover uses it to collect
a child's rows and to receive them, so that a table added later travels with the record."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from iro_desktop.storage.database import Store

# Tables that are never part of a child's record (the kept results are worked out from it).
_NOT_CHILD_TABLES = {"settings", "change_log", "_sqlite_migrations", "kept_children", "kept_tasks"}
# References the schema does not declare as foreign keys.
_EXTRA_REFERENCES = {("decision_updates", "midpoint_check_id"): "midpoint_checks"}


@dataclass(frozen=True)
class RecordTable:
    name: str
    columns: tuple[str, ...]
    refs: dict[str, str]  # column -> referenced table
    owner: str | None  # the NOT NULL reference that ties a row to its parent (None: children)


def _quoted(name: str) -> str:
    return "[" + name.replace("]", "]]") + "]"


def record_tables(store: Store) -> dict[str, RecordTable]:
    """The tables of a child's record, parents before the rows that refer to them."""
    return record_tables_of(store._db)


def record_tables_of(db: sqlite_utils.Database) -> dict[str, RecordTable]:
    """:func:`record_tables` of a database (a migration has no ``Store``)."""
    names = [
        r["name"]
        for r in db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        if r["name"] not in _NOT_CHILD_TABLES
    ]
    tables: dict[str, RecordTable] = {}
    for name in names:
        info = list(db.execute(f"PRAGMA table_info({_quoted(name)})"))
        columns = tuple(row[1] for row in info)
        not_null = {row[1] for row in info if row[3]}
        refs = {row[3]: row[2] for row in db.execute(f"PRAGMA foreign_key_list({_quoted(name)})")}
        for (table, column), target in _EXTRA_REFERENCES.items():
            if table == name and column in columns:
                refs[column] = target
        # A row belongs to its child (children.id), else to its NOT NULL parent.
        owner = next((c for c, t in refs.items() if t == "children"), None) or next(
            (c for c in refs if c in not_null), None
        )
        tables[name] = RecordTable(name, columns, refs, owner)
    # Only tables tied to a child, directly or through their owner.
    tied = {"children"} if "children" in tables else set()
    changed = True
    while changed:
        changed = False
        for t in tables.values():
            if t.name not in tied and t.owner and t.refs[t.owner] in tied:
                tied.add(t.name)
                changed = True
    ordered: list[str] = []
    pending = sorted(tied)
    while pending:
        progress = False
        for name in list(pending):
            deps = {v for v in tables[name].refs.values() if v in tied and v != name}
            if deps <= set(ordered):
                ordered.append(name)
                pending.remove(name)
                progress = True
        if not progress:  # a cycle: keep the rest in name order
            ordered.extend(pending)
            break
    return {name: tables[name] for name in ordered}
