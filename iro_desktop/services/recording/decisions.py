"""Decisions and their steps: done, carried to a new date, dropped, chased, or kept open
with progress; each step leaves a ``decision_updates`` row."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from iro_desktop.domain.model import (
    ChildRecord,
    Decision,
    DecisionStatus,
)
from iro_desktop.domain.validation import (
    DecisionStep,
    Problem,
    StepAction,
    dated_step_problems,
    step_problems,
)
from iro_desktop.i18n import _
from iro_desktop.services.recording.common import (
    UPDATE_CARRIED,
    UPDATE_CHASED,
    UPDATE_DONE,
    UPDATE_DROPPED,
    UPDATE_PROGRESS,
    RecordNotFound,
    RecordNotValid,
    check,
    child_record,
)
from iro_desktop.storage import history
from iro_desktop.storage.database import Store
from iro_desktop.storage.queries import (
    child_ref_of_decision,
)


def decision_of(record: ChildRecord, decision_id: int) -> Decision:
    found = next((d for d in record.decisions if d.id == decision_id), None)
    if found is None:
        raise RecordNotFound(_("That decision is no longer on the child's record: refresh (F5)."))
    return found


def unknown_steps(record: ChildRecord, steps: Iterable[DecisionStep]) -> list[Problem]:
    open_ids = {d.id for d in record.decisions if d.is_open and d.archived_on is None}
    return [
        Problem(f"steps.{s.decision_id}", _("That decision is already closed: refresh (F5)."))
        for s in steps
        if s.decision_id not in open_ids
    ]


def _decision_for_child_ref(store: Store, decision_id: int) -> tuple[ChildRecord, Decision]:
    child_ref = child_ref_of_decision(store, decision_id)
    if child_ref is None:
        raise RecordNotFound(_("That decision is no longer on the record: refresh (F5)."))
    _child_id, record = child_record(store, child_ref)
    return record, decision_of(record, decision_id)


def apply_step(
    store: Store,
    decision: Decision,
    step: DecisionStep,
    on: date,
    *,
    review_id: int | None = None,
    midpoint_check_id: int | None = None,
    language: str = "",
) -> None:
    """Write one decision's step and its ``decision_updates`` row (inside the caller's
    transaction). The old date of a carried decision stays in the change log. The note's
    language: the step's own, else ``language`` (the review's or check's it is recorded at),
    else the decision's."""
    assert decision.id is not None
    note = step.note.strip()
    changes: dict[str, Any] = {}
    kind = {
        StepAction.DONE: UPDATE_DONE,
        StepAction.CARRY: UPDATE_CARRIED,
        StepAction.DROP: UPDATE_DROPPED,
        StepAction.CHASE: UPDATE_CHASED,
        StepAction.KEEP: UPDATE_PROGRESS,
    }[step.action]
    if step.action == StepAction.DONE:
        changes = {"status": DecisionStatus.DONE, "done_on": on}
    elif step.action == StepAction.CARRY:
        changes = {"by_when": step.new_by_when}
    elif step.action == StepAction.DROP:
        changes = {"status": DecisionStatus.DROPPED, "dropped_reason": note}
    elif step.action == StepAction.CHASE:
        changes = {"last_chased_on": on}
    elif not note:
        return  # kept open with nothing to say: nothing to write
    if changes:
        history.update(store, "decisions", decision.id, changes)
    history.insert(
        store,
        "decision_updates",
        {
            "decision_id": decision.id,
            "on_date": on,
            "kind": kind,
            "note": note,
            "new_by_when": step.new_by_when if step.action == StepAction.CARRY else None,
            "review_id": review_id,
            "midpoint_check_id": midpoint_check_id,
            "text_language": step.text_language or language or decision.text_language,
        },
    )


def update_decision(store: Store, step: DecisionStep, on: date, today: date) -> None:
    """Mark done, carry with a new date, drop with a reason, or chase one decision (from the
    Decisions tab). One transaction."""
    _record, decision = _decision_for_child_ref(store, step.decision_id)
    if not decision.is_open:
        raise RecordNotValid(
            [Problem("decision", _("That decision is already closed: nothing was changed."))]
        )
    problems = step_problems([step], today)
    problems += dated_step_problems("on", on, None, today, _("The date"), "")
    check(problems)
    with store.atomic():
        apply_step(store, decision, step, on)


def mark_decision_done(store: Store, decision_id: int, on: date, today: date) -> None:
    update_decision(store, DecisionStep(decision_id, StepAction.DONE), on, today)


def carry_decision(
    store: Store, decision_id: int, new_by_when: date | None, on: date, today: date, note=""
) -> None:
    update_decision(
        store, DecisionStep(decision_id, StepAction.CARRY, new_by_when, note), on, today
    )


def drop_decision(store: Store, decision_id: int, reason: str, on: date, today: date) -> None:
    update_decision(store, DecisionStep(decision_id, StepAction.DROP, note=reason), on, today)


def chase_decision(store: Store, decision_id: int, on: date, today: date, note: str = "") -> None:
    update_decision(store, DecisionStep(decision_id, StepAction.CHASE, note=note), on, today)
