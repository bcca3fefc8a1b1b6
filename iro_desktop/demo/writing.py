"""Writing the plans into the store, each row through the history writer with the demo as
its source, in the order the original generator wrote them (ids and history follow it)."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from iro_desktop.demo.plan import ChildPlan, ReviewPlan
from iro_desktop.storage import history
from iro_desktop.storage.database import Store
from iro_desktop.storage.wordings import TABLE as WORDINGS
from iro_desktop.storage.wordings import wording_row


def _values(obj: Any, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj) if f.name not in ("id", *drop)}


def _insert(store: Store, table: str, values: dict[str, Any]) -> int:
    return history.insert(store, table, values, source=history.SOURCE_DEMO)


def write_plan(store: Store, plan: ChildPlan) -> None:
    child_id = _insert(store, "children", _values(plan.child))
    for episode in plan.episodes:
        _insert(store, "episodes", {"child_id": child_id, **_values(episode)})
    for person in plan.people:
        _insert(store, "people", {"child_id": child_id, **_values(person)})
    review_plans = [*plan.reviews, *([plan.booked] if plan.booked else [])]
    for rp in review_plans:
        _write_review(store, child_id, rp)
    for contact in sorted(plan.contacts, key=lambda c: c.on):
        _insert(store, "contacts", {"child_id": child_id, **_values(contact)})
    for challenge in plan.challenges:
        challenge_id = _insert(
            store, "challenges", {"child_id": child_id, **_values(challenge, ("stages",))}
        )
        for stage in challenge.stages:
            _insert(store, "challenge_stages", {"challenge_id": challenge_id, **_values(stage)})


def _write_review(store: Store, child_id: int, rp: ReviewPlan) -> None:
    review_id = _insert(store, "reviews", {"child_id": child_id, **_values(rp.review, ("parts",))})
    for part in rp.review.parts:
        _insert(store, "review_parts", {"review_id": review_id, **_values(part)})
    decision_ids = [
        _insert(
            store, "decisions", {**_values(decision), "child_id": child_id, "review_id": review_id}
        )
        for decision in rp.decisions
    ]
    if rp.meeting is not None:
        _insert(
            store,
            "pre_review_meetings",
            {**_values(rp.meeting), "child_id": child_id, "review_id": review_id},
        )
    if rp.midpoint is not None:
        _insert(
            store,
            "midpoint_checks",
            {**_values(rp.midpoint), "child_id": child_id, "after_review_id": review_id},
        )
    for wording in rp.wordings:
        resolved = replace(
            wording,
            review_id=review_id,
            item_key=_resolved(wording.item_key, decision_ids),
            answers=tuple(_resolved(a, decision_ids) for a in wording.answers),
        )
        _insert(store, WORDINGS, wording_row(child_id, resolved, decision_ids))


def _resolved(key: str, decision_ids: list[int]) -> str:
    """A new decision's "new:<n>" as "decision:<id>" once it is written."""
    return f"decision:{decision_ids[int(key[4:])]}" if key.startswith("new:") else key
