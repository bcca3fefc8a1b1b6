"""Read rows back as domain records (``ChildRecord``), a whole caseload in a few queries."""

from __future__ import annotations

import json
import types
import typing
from collections import defaultdict
from collections.abc import Callable
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
    ChildWording,
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
from iro_desktop.storage.wordings import answer_keys

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
def _row_reader(cls: type, columns: tuple[str, ...]) -> Callable[[tuple], dict[str, Any]]:
    """A function turning one row tuple into ``cls``'s keyword arguments, each column
    converted to its field's type. Written out once per query shape (a dict display, no loop
    or test per field), because it runs for every row of a long history."""
    converters = _converters(cls)
    env: dict[str, Any] = {}
    items = []
    for index, name in enumerate(columns):
        if name not in converters:
            continue
        convert = converters[name]
        if convert is None:
            items.append(f"{name!r}: row[{index}]")
        else:
            env[f"convert_{index}"] = convert
            items.append(f"{name!r}: convert_{index}(row[{index}])")
    # Only field names (identifiers) and integers go into the text: nothing from the file.
    return eval("lambda row: {" + ", ".join(items) + "}", env)


def _rows_as(
    store: Store, cls: type, sql: str, key: str, params: tuple = ()
) -> dict[int, list[tuple[int, dict[str, Any]]]]:
    """Run ``sql`` and turn each row into the keyword arguments of ``cls`` (its columns
    converted to the fields' types), grouped by ``key``: (row id, values) pairs. Sub-records
    (parts, stages) are attached by the caller."""
    cursor = store._db.conn.execute(sql, params)
    columns = tuple(d[0] for d in cursor.description)
    read = _row_reader(cls, columns)
    key_index = columns.index(key)
    id_index = columns.index("id")
    groups: dict[int, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for row in cursor:
        groups[row[key_index]].append((row[id_index], read(row)))
    return groups


def _build(cls: type[T], grouped: dict[int, list], key: int, **extra_by_id: dict) -> tuple[T, ...]:
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
        for review_id, dates in store._db.conn.execute(sql + " GROUP BY review_id")
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
    wordings = {} if for_rules_only else _wordings_by_child(store, child_filter, decisions)
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
                wordings=_build(ChildWording, wordings, cid),
            )
        )
    return records


# A decision's wording is tied to its decision by ``decision_id`` (a reference the handover
# renumbers), so its item_key is read from that rather than from the stored text.
_WORDING_COLUMNS = (
    "id, child_id, review_id, kind, CASE WHEN decision_id IS NOT NULL "
    "THEN 'decision:' || decision_id ELSE item_key END AS item_key, professional, text_en, "
    "text_cy, reply_en, reply_cy, answers, theme, confirmed, archived_on"
)


def _wordings_by_child(store: Store, child_filter: str, decisions: dict[int, list]) -> dict:
    """The child-facing layer (archived wordings kept, as for every sub-record); a worry's
    answers are stored by place among its review's decisions (see ``storage.wordings``)."""
    sql = f"SELECT {_WORDING_COLUMNS} FROM child_wordings"
    if child_filter:
        sql += f" WHERE {child_filter}"
    grouped = _rows_as(store, ChildWording, sql + " ORDER BY id", "child_id")
    by_review: dict[int, list[int]] = defaultdict(list)
    for rows in decisions.values():
        for decision_id, values in rows:
            by_review[values["review_id"]].append(decision_id)
    for rows in grouped.values():
        for _row_id, values in rows:
            if values["answers"]:
                values["answers"] = answer_keys(values["answers"], by_review[values["review_id"]])
    return grouped


# --- the figures' load ----------------------------------------------------------------------

KEPT_BEFORE = 2  # held reviews kept before the period: enough for every in-period figure

# Only what the figures read: no names, no free text beyond the two participation notes.
_FIGURES_COLUMNS = {
    "episodes": "id, child_id, decom, rne, ls, place, place_provider, dec, rec, pl_post",
    "reviews": "id, child_id, status, booked_for, review_code, views_how, views_given, "
    "parents_participation, timing_reason, decisions_circulated_on, letter_sent_on, "
    "record_sent_on, consultation_sent_on, consultation_returned_on",
    "pre_review_meetings": "id, child_id, review_id, held_on",
    "contacts": 'id, child_id, "on"',
    "midpoint_checks": "id, child_id, after_review_id, done_on",
    "challenges": "id, child_id, theme, cafcass_referred_on, resolved_on",
}
# The date each of these is on: those on or before the last review left out are dropped.
_FIGURES_DATED = {"pre_review_meetings": "held_on", "contacts": "on", "midpoint_checks": "done_on"}


def _kept_reviews(
    store: Store, period_from: date | None, counted_to: date | None, by_final_part: bool
) -> tuple[list[int], dict[int, date]]:
    """Which held reviews can change the period's figures, and for each child whose earlier
    reviews were left out, the day of the last one left out."""
    judged: dict[int, list[tuple[str, int]]] = {}
    for cid, rid, first, last in store._db.conn.execute(
        "SELECT r.child_id, r.id, MIN(p.held_on), MAX(p.held_on) FROM reviews r "
        "JOIN review_parts p ON p.review_id = r.id AND p.archived_on IS NULL "
        "WHERE r.archived_on IS NULL AND r.status = 'held' GROUP BY r.id"
    ):
        judged.setdefault(cid, []).append((last if by_final_part else first, rid))
    kept_ids: list[int] = []
    since_by_child: dict[int, date] = {}
    start = period_from.isoformat() if period_from else ""
    end = (counted_to or date.max).isoformat()
    for cid, items in judged.items():
        if period_from is None:
            kept_ids.extend(rid for _, rid in items)
            continue
        items.sort()
        earlier = [item for item in items if item[0] < start]
        during = [item for item in items if start <= item[0] <= end]
        after = [item for item in items if item[0] > end][:1]
        kept_ids.extend(rid for _, rid in earlier[-KEPT_BEFORE:] + during + after)
        if len(earlier) > KEPT_BEFORE:
            # Nothing on or before the last review left out can change a figure: every
            # review in the period has a kept review before it.
            since_by_child[cid] = date.fromisoformat(earlier[-KEPT_BEFORE - 1][0])
    return kept_ids, since_by_child


def load_for_figures(
    store: Store,
    period_from: date | None = None,
    counted_to: date | None = None,
    *,
    by_final_part: bool = False,
) -> list[ChildRecord]:
    """Every child's record (archived children too) with only what the figures read:
    episodes, held reviews, meetings, contacts, checks and challenges, but no names, no free
    text beyond the two participation notes, no decisions or people. The figures never hold
    a child's name, because it is never read.

    With ``period_from`` (and ``counted_to``), only the held reviews that can change the
    period's figures are built: the last two judged before the period (a review's due date
    depends only on the review before it in its schedule, and its number is first, second
    or subsequent), every review in the period, and the first one after it; and the
    meetings, contacts and checks after the last review left out. The test suite checks this
    gives the same figures as the whole history."""
    kept_ids, since_by_child = _kept_reviews(store, period_from, counted_to, by_final_part)
    ids = json.dumps(kept_ids)

    def by_child(table: str, cls: type, where: str = "archived_on IS NULL", params=()) -> dict:
        sql = f"SELECT {_FIGURES_COLUMNS[table]} FROM {table} WHERE {where} ORDER BY id"
        return _rows_as(store, cls, sql, "child_id", params)

    episodes = by_child("episodes", Episode)
    reviews = by_child("reviews", Review, "id IN (SELECT value FROM json_each(?))", (ids,))
    parts = {
        review_id: tuple(ReviewPart(**v) for _, v in rows)
        for review_id, rows in _rows_as(
            store,
            ReviewPart,
            "SELECT id, review_id, held_on FROM review_parts WHERE archived_on IS NULL "
            "AND review_id IN (SELECT value FROM json_each(?)) ORDER BY held_on",
            "review_id",
            (ids,),
        ).items()
    }
    dated = {table: by_child(table, cls) for table, cls in (
        ("pre_review_meetings", PreReviewMeeting), ("contacts", Contact),
        ("midpoint_checks", MidpointCheck))}  # fmt: skip
    for cid, since in since_by_child.items():
        for table, rows in dated.items():
            column = _FIGURES_DATED[table]
            if rows.get(cid):
                rows[cid] = [(i, v) for i, v in rows[cid] if v[column] > since]
    challenges = by_child("challenges", Challenge)
    stages = {
        challenge_id: tuple(ChallengeStage(**v) for _, v in rows)
        for challenge_id, rows in _rows_as(
            store,
            ChallengeStage,
            "SELECT id, challenge_id, stage, raised_on, response_due, responded_on "
            "FROM challenge_stages WHERE archived_on IS NULL ORDER BY id",
            "challenge_id",
        ).items()
    }
    children = _rows_as(
        store,
        Child,
        "SELECT id, child_ref, '' AS first_name, '' AS last_name, dob, uasc, uasc_ceased, "
        "short_breaks_ended_on, archived_on FROM children ORDER BY child_ref",
        "id",
    )
    return [
        ChildRecord(
            child=Child(**child_values),
            episodes=_build(Episode, episodes, cid),
            reviews=_build(Review, reviews, cid, parts=parts),
            pre_review_meetings=_build(PreReviewMeeting, dated["pre_review_meetings"], cid),
            contacts=_build(Contact, dated["contacts"], cid),
            midpoint_checks=_build(MidpointCheck, dated["midpoint_checks"], cid),
            challenges=_build(Challenge, challenges, cid, stages=stages),
        )
        for cid, [(_, child_values)] in children.items()
    ]


def load_child_record(store: Store, child_ref: str) -> ChildRecord | None:
    found = load_child_records(store, include_archived=True, child_refs=[child_ref])
    return found[0] if found else None


def child_id_for(store: Store, child_ref: str) -> int | None:
    row = next(store._db.query("SELECT id FROM children WHERE child_ref = ?", [child_ref]), None)
    return None if row is None else int(row["id"])
