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


@cache
def _converters(cls: type) -> tuple[tuple[str, Any], ...]:
    """For each dataclass field, a function turning the stored column into the field's type."""
    hints = typing.get_type_hints(cls)
    out = []
    for f in fields(cls):
        hint = hints[f.name]
        args = typing.get_args(hint)
        base = next((a for a in args if a is not type(None)), hint) if args else hint
        if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
            base = next(a for a in args if a is not type(None))
        if base is date:
            convert: Any = lambda v: date.fromisoformat(v) if v else None  # noqa: E731
        elif base is bool:
            convert = lambda v: None if v is None else bool(v)  # noqa: E731
        elif isinstance(base, type) and issubclass(base, Enum):
            convert = base
        elif typing.get_origin(hint) is tuple and args and args[0] is str:
            convert = lambda v: tuple(json.loads(v or "[]"))  # noqa: E731
        else:
            convert = None
        out.append((f.name, convert))
    return tuple(out)


def from_row(cls: type[T], row: dict[str, Any], **extra: Any) -> T:
    values: dict[str, Any] = {}
    for name, convert in _converters(cls):
        if name in extra:
            values[name] = extra[name]
        elif name in row:
            value = row[name]
            values[name] = convert(value) if convert is not None else value
    return cls(**values)


def _grouped(store: Store, table: str, key: str, where: str = "") -> dict[int, list[dict]]:
    groups: dict[int, list[dict]] = defaultdict(list)
    sql = f"SELECT * FROM {table}" + (f" WHERE {where}" if where else "") + " ORDER BY id"
    for row in store.db.query(sql):
        groups[row[key]].append(row)
    return groups


def load_child_records(
    store: Store, *, include_archived: bool = False, child_refs: list[str] | None = None
) -> list[ChildRecord]:
    """Every child's full record, sorted by child reference. Archived sub-records are kept
    (with their ``archived_on``) so views can show them; the rules skip them."""
    where = "" if include_archived else "archived_on IS NULL"
    children = list(
        store.db.query(
            "SELECT * FROM children" + (f" WHERE {where}" if where else "") + " ORDER BY child_ref"
        )
    )
    if child_refs is not None:
        wanted = set(child_refs)
        children = [c for c in children if c["child_ref"] in wanted]
    episodes = _grouped(store, "episodes", "child_id")
    reviews = _grouped(store, "reviews", "child_id")
    parts = _grouped(store, "review_parts", "review_id", "archived_on IS NULL")
    decisions = _grouped(store, "decisions", "child_id")
    meetings = _grouped(store, "pre_review_meetings", "child_id")
    contacts = _grouped(store, "contacts", "child_id")
    checks = _grouped(store, "midpoint_checks", "child_id")
    challenges = _grouped(store, "challenges", "child_id")
    stages = _grouped(store, "challenge_stages", "challenge_id", "archived_on IS NULL")
    people = _grouped(store, "people", "child_id")

    records = []
    for row in children:
        cid = row["id"]
        records.append(
            ChildRecord(
                child=from_row(Child, row),
                episodes=tuple(from_row(Episode, r) for r in episodes.get(cid, ())),
                reviews=tuple(
                    from_row(
                        Review,
                        r,
                        parts=tuple(
                            sorted(
                                (from_row(ReviewPart, p) for p in parts.get(r["id"], ())),
                                key=lambda p: p.held_on,
                            )
                        ),
                    )
                    for r in reviews.get(cid, ())
                ),
                decisions=tuple(from_row(Decision, r) for r in decisions.get(cid, ())),
                pre_review_meetings=tuple(
                    from_row(PreReviewMeeting, r) for r in meetings.get(cid, ())
                ),
                contacts=tuple(from_row(Contact, r) for r in contacts.get(cid, ())),
                midpoint_checks=tuple(from_row(MidpointCheck, r) for r in checks.get(cid, ())),
                challenges=tuple(
                    from_row(
                        Challenge,
                        r,
                        stages=tuple(
                            from_row(ChallengeStage, s) for s in stages.get(r["id"], ())
                        ),
                    )
                    for r in challenges.get(cid, ())
                ),
                people=tuple(from_row(Person, r) for r in people.get(cid, ())),
            )
        )
    return records


def load_child_record(store: Store, child_ref: str) -> ChildRecord | None:
    found = load_child_records(store, include_archived=True, child_refs=[child_ref])
    return found[0] if found else None


def child_id_for(store: Store, child_ref: str) -> int | None:
    row = next(store.db.query("SELECT id FROM children WHERE child_ref = ?", [child_ref]), None)
    return None if row is None else int(row["id"])
