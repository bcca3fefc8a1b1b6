"""Whole tables read at once, for the bulk readers and writers in ``exchange`` and ``reports``
(the 903 import, the tracker import, the handover, the subject-access export).

They need every row of a table to match a file's rows against, not one record at a time as
``records`` gives them. Rows come back as plain dicts of stored values.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from iro_desktop.storage.database import Store

_CHUNK = 500  # ids per statement: well under SQLite's limit on parameters


def _quoted(name: str) -> str:
    return "[" + name.replace("]", "]]") + "]"


def all_rows(store: Store, table: str) -> list[dict[str, Any]]:
    """Every row of ``table``, archived ones too, in id order."""
    return list(store._db.query(f"SELECT * FROM {_quoted(table)} ORDER BY id"))


def live_rows(store: Store, table: str) -> list[dict[str, Any]]:
    """The rows of ``table`` that are not archived, in id order."""
    return list(
        store._db.query(f"SELECT * FROM {_quoted(table)} WHERE archived_on IS NULL ORDER BY id")
    )


def rows_where_in(
    store: Store, table: str, column: str, values: Iterable[Any]
) -> list[dict[str, Any]]:
    """The rows of ``table`` whose ``column`` is one of ``values``: in id order for each 500
    values asked for (a handover lists them in that order)."""
    wanted = list(values)
    out: list[dict[str, Any]] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        out.extend(
            store._db.query(
                f"SELECT * FROM {_quoted(table)} WHERE {_quoted(column)} "
                f"IN ({', '.join('?' for _ in chunk)}) ORDER BY id",
                chunk,
            )
        )
    return out


def rows_by_rowid(store: Store, table: str, rowids: Iterable[int]) -> list[dict[str, Any]]:
    """The rows of ``table`` with these rowids (any table, with an id column or not), in
    rowid order."""
    return list(
        store._db.query(
            f"SELECT * FROM {_quoted(table)} WHERE rowid IN (SELECT value FROM json_each(?)) "
            "ORDER BY rowid",
            [json.dumps(sorted(rowids))],
        )
    )


def first_part_dates(store: Store) -> dict[int, str]:
    """Each held review's first (non-archived) part's date: what a review is matched on."""
    return {
        review_id: first
        for review_id, first in store._db.execute(
            "SELECT review_id, min(held_on) FROM review_parts WHERE archived_on IS NULL "
            "GROUP BY review_id"
        )
    }


def review_part_dates(store: Store) -> list[dict[str, Any]]:
    """Every review part's review, date and archived date (archived parts too)."""
    return list(store._db.query("SELECT review_id, held_on, archived_on FROM review_parts"))
