"""Named look-ups the services make (read-only): the one place their SQL lives.

Whole records are read by ``storage.records``; these answer the small questions around a
write (which references are taken, whose record a decision is on, ...).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from iro_desktop.storage.database import Store


def _first(store: Store, sql: str, params: list[Any]) -> dict[str, Any] | None:
    return next(store._db.query(sql, params), None)


def child_refs_taken(store: Store, *, except_child_id: int | None = None) -> list[str]:
    """Every child reference on the file (archived children too), but ``except_child_id``'s."""
    if except_child_id is None:
        return [row["child_ref"] for row in store._db.query("SELECT child_ref FROM children")]
    return [
        row["child_ref"]
        for row in store._db.query(
            "SELECT child_ref FROM children WHERE id != ?", [except_child_id]
        )
    ]


def child_ref_of_decision(store: Store, decision_id: int) -> str | None:
    row = _first(
        store,
        "SELECT c.child_ref FROM decisions d JOIN children c ON c.id = d.child_id WHERE d.id = ?",
        [decision_id],
    )
    return None if row is None else str(row["child_ref"])


def child_ref_of_challenge(store: Store, challenge_id: int) -> str | None:
    row = _first(
        store,
        "SELECT c.child_ref FROM challenges g JOIN children c ON c.id = g.child_id WHERE g.id = ?",
        [challenge_id],
    )
    return None if row is None else str(row["child_ref"])


def current_stage_id(store: Store, challenge_id: int, stage: int) -> int:
    """The row of the challenge's live ``stage`` (the latest raised, if raised twice)."""
    row = next(
        store._db.query(
            "SELECT id FROM challenge_stages WHERE challenge_id = ? AND stage = ? "
            "AND archived_on IS NULL ORDER BY raised_on DESC, id DESC LIMIT 1",
            [challenge_id, stage],
        )
    )
    return int(row["id"])


def held_review_first_day(store: Store, review_id: int) -> tuple[bool, date | None]:
    """(whether ``review_id`` is a live held review, the first day it was held)."""
    row = _first(
        store,
        "SELECT r.id, MIN(p.held_on) AS first_day FROM reviews r "
        "LEFT JOIN review_parts p ON p.review_id = r.id AND p.archived_on IS NULL "
        "WHERE r.id = ? AND r.status = 'held' AND r.archived_on IS NULL GROUP BY r.id",
        [review_id],
    )
    if row is None:
        return False, None
    first_day = row["first_day"]
    return True, date.fromisoformat(first_day) if first_day else None


def letter_rows(store: Store, child_id: int) -> list[dict[str, Any]]:
    """The child's live letters, records and packs, newest first."""
    return list(
        store._db.query(
            "SELECT * FROM letters WHERE child_id = ? AND archived_on IS NULL "
            "ORDER BY written_on DESC, id DESC",
            [child_id],
        )
    )


def child_labels(store: Store) -> dict[str, tuple[str, str, str]]:
    """Each child on the caseload (not archived) by reference: (the name they are known by,
    last name, social worker)."""
    return {
        ref: (preferred or first, last, worker)
        for ref, preferred, first, last, worker in store._db.conn.execute(
            "SELECT child_ref, preferred_name, first_name, last_name, social_worker "
            "FROM children WHERE archived_on IS NULL"
        )
    }
