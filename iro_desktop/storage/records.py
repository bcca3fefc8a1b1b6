"""Read rows back as domain records (``ChildRecord``), a whole caseload in a few queries."""

from __future__ import annotations

import json
import types
import typing
from collections import defaultdict
from dataclasses import fields
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from iro_desktop.domain.model import (
    Challenge,
    ChallengeStage,
    Child,
    ChildRecord,
    Contact,
    Decision,
    Episode,
    MidpointCheck,
    Person,
    PreReviewMeeting,
    Review,
    ReviewPart,
)
from iro_desktop.storage.database import Store

T = TypeVar("T")


def _enum_converter(enum_cls: type[Enum]) -> Any:
    by_value = {member.value: member for member in enum_cls}
    return lambda v: by_value.get(v) or enum_cls(v)


def _optional_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _optional_bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _json_tuple(value: str | None) -> tuple:
    return tuple(json.loads(value or "[]"))


@cache
def _converters(cls: type) -> dict[str, Any]:
    """For each dataclass field, a function turning the stored column into the field's type
    (None where the stored value is already right)."""
    hints = typing.get_type_hints(cls)
    out: dict[str, Any] = {}
    for f in fields(cls):
        hint = hints[f.name]
        args = typing.get_args(hint)
        is_union = isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union
        base = next(a for a in args if a is not type(None)) if is_union else hint
        if base is date:
            out[f.name] = _optional_date
        elif base is bool:
            out[f.name] = _optional_bool
        elif isinstance(base, type) and issubclass(base, Enum):
            out[f.name] = _enum_converter(base)
        elif typing.get_origin(hint) is tuple and args and args[0] is str:
            out[f.name] = _json_tuple
        else:
            out[f.name] = None
    return out


@cache
def _plan(cls: type, columns: tuple[str, ...]) -> tuple[tuple[int, str, Any], ...]:
    """Which column feeds which field, and how to convert it: worked out once per query."""
    converters = _converters(cls)
    return tuple(
        (index, name, converters[name]) for index, name in enumerate(columns) if name in converters
    )


def _rows_as(
    store: Store, cls: type[T], sql: str, key: str, params: tuple = ()
) -> dict[int, list[tuple[int, T]]]:
    """Run ``sql`` and build ``cls`` objects straight from the row tuples, grouped by ``key``.
    Each entry is (row id, object). Sub-records (parts, stages) are attached by the caller."""
    cursor = store.db.conn.execute(sql, params)
    columns = tuple(d[0] for d in cursor.description)
    plan = _plan(cls, columns)
    key_index = columns.index(key)
    id_index = columns.index("id")
    groups: dict[int, list[tuple[int, T]]] = defaultdict(list)
    for row in cursor:
        values = {
            name: (convert(row[i]) if convert is not None else row[i]) for i, name, convert in plan
        }
        groups[row[key_index]].append((row[id_index], values))  # type: ignore[arg-type]
    return groups


def _build(cls: type[T], grouped: dict[int, list], key: int, **extra_by_id: dict) -> tuple:
    out = []
    for row_id, values in grouped.get(key, ()):
        extras = {name: by_id.get(row_id, ()) for name, by_id in extra_by_id.items()}
        out.append(cls(**values, **extras))
    return tuple(out)


def _select(table: str, where: str = "") -> str:
    return f"SELECT * FROM {table}" + (f" WHERE {where}" if where else "") + " ORDER BY id"


# What the schedule, the task list and the caseload table read: the light load skips the
# free text and the closed records, which are most of a long history's rows.
_RULES_COLUMNS = {
    "reviews": "id, child_id, status, booked_for, review_code, decisions_circulated_on, "
    "letter_sent_on, consultation_sent_on, archived_on",
    "decisions": "id, child_id, review_id, what, who, by_when, status, archived_on",
    "pre_review_meetings": "id, child_id, review_id, held_on, archived_on",
    "contacts": 'id, child_id, "on", archived_on',
    "midpoint_checks": "id, child_id, after_review_id, done_on, archived_on",
}
_RULES_WHERE = {
    "decisions": "status = 'open' AND archived_on IS NULL",
    "challenges": "resolved_on IS NULL AND archived_on IS NULL",
}
# The rules read only each child's latest contact, pre-review meeting and midpoint check.
_RULES_LATEST_BY = {
    "contacts": '"on"',
    "pre_review_meetings": "held_on",
    "midpoint_checks": "done_on",
}


def _latest_per_child(table: str, date_column: str) -> str:
    return (
        f"id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY child_id "
        f"ORDER BY {date_column} DESC, id DESC) AS n FROM {table} "
        "WHERE archived_on IS NULL) WHERE n = 1)"
    )


def _part_dates_by_review(store: Store, child_filter: str) -> dict[int, tuple[ReviewPart, ...]]:
    """Each review's part dates in one aggregated row per review: what the rules need."""
    sql = "SELECT review_id, group_concat(held_on) FROM review_parts WHERE archived_on IS NULL"
    if child_filter:
        sql += f" AND review_id IN (SELECT id FROM reviews WHERE {child_filter})"
    return {
        review_id: tuple(ReviewPart(date.fromisoformat(d)) for d in sorted(dates.split(",")))
        for review_id, dates in store.db.conn.execute(sql + " GROUP BY review_id")
    }


def load_child_records(
    store: Store,
    *,
    include_archived: bool = False,
    child_refs: list[str] | None = None,
    for_rules_only: bool = False,
) -> list[ChildRecord]:
    """Every child's record, sorted by child reference. Archived sub-records are kept (with
    their ``archived_on``) so views can show them; the rules skip them.

    ``for_rules_only`` loads just what the schedule, the task list and the caseload table
    read (no free text, only open decisions and challenges): several times faster."""
    where = [] if include_archived else ["archived_on IS NULL"]
    params: tuple = ()
    if child_refs is not None:
        where.append(f"child_ref IN ({', '.join('?' for _ in child_refs)})")
        params = tuple(child_refs)
    sql = "SELECT * FROM children" + (f" WHERE {' AND '.join(where)}" if where else "")
    children = _rows_as(store, Child, sql + " ORDER BY child_ref", "id", params)
    if child_refs is not None:
        ids = ", ".join(str(cid) for cid in children) or "NULL"
        child_filter = f"child_id IN ({ids})"
    else:
        child_filter = ""

    def by_child(table: str, cls: type) -> dict[int, list]:
        columns = _RULES_COLUMNS.get(table, "*") if for_rules_only else "*"
        conditions = [c for c in (child_filter, for_rules_only and _RULES_WHERE.get(table)) if c]
        if for_rules_only and table in _RULES_LATEST_BY:
            conditions.append(_latest_per_child(table, _RULES_LATEST_BY[table]))
        sql = f"SELECT {columns} FROM {table}"
        if conditions:
            sql += " WHERE " + " AND ".join(f"({c})" for c in conditions)
        return _rows_as(store, cls, sql + " ORDER BY id", "child_id")

    episodes = by_child("episodes", Episode)
    reviews = by_child("reviews", Review)
    decisions = by_child("decisions", Decision)
    meetings = by_child("pre_review_meetings", PreReviewMeeting)
    contacts = by_child("contacts", Contact)
    checks = by_child("midpoint_checks", MidpointCheck)
    challenges = by_child("challenges", Challenge)
    people = {} if for_rules_only else by_child("people", Person)
    parts: dict[int, tuple] = (
        _part_dates_by_review(store, child_filter)
        if for_rules_only
        else {
            review_id: tuple(sorted((ReviewPart(**v) for _, v in rows), key=lambda p: p.held_on))
            for review_id, rows in _rows_as(
                store,
                ReviewPart,
                "SELECT id, review_id, held_on, venue FROM review_parts WHERE archived_on IS NULL"
                + (
                    f" AND review_id IN (SELECT id FROM reviews WHERE {child_filter})"
                    if child_filter
                    else ""
                )
                + " ORDER BY id",
                "review_id",
            ).items()
        }
    )
    challenge_ids = ", ".join(str(i) for rows in challenges.values() for i, _ in rows) or "NULL"
    stages: dict[int, tuple] = {
        challenge_id: tuple(ChallengeStage(**v) for _, v in rows)
        for challenge_id, rows in _rows_as(
            store,
            ChallengeStage,
            _select(
                "challenge_stages", f"archived_on IS NULL AND challenge_id IN ({challenge_ids})"
            ),
            "challenge_id",
        ).items()
    }

    records = []
    for cid, [(_, child_values)] in children.items():
        records.append(
            ChildRecord(
                child=Child(**child_values),
                episodes=_build(Episode, episodes, cid),
                reviews=_build(Review, reviews, cid, parts=parts),
                decisions=_build(Decision, decisions, cid),
                pre_review_meetings=_build(PreReviewMeeting, meetings, cid),
                contacts=_build(Contact, contacts, cid),
                midpoint_checks=_build(MidpointCheck, checks, cid),
                challenges=_build(Challenge, challenges, cid, stages=stages),
                people=_build(Person, people, cid),
            )
        )
    return records


def load_child_record(store: Store, child_ref: str) -> ChildRecord | None:
    found = load_child_records(store, include_archived=True, child_refs=[child_ref])
    return found[0] if found else None


def child_id_for(store: Store, child_ref: str) -> int | None:
    row = next(store.db.query("SELECT id FROM children WHERE child_ref = ?", [child_ref]), None)
    return None if row is None else int(row["id"])
