"""Recording: one function per thing the IRO records, each one transaction.

Every function checks what was typed with ``domain/validation.py`` first and raises
``RecordNotValid`` (a ``UserError`` listing what to put right) when anything is wrong, so
nothing invalid reaches the store. Writes go through ``storage.history`` (source "app"), so
every change is kept in the change log; nothing is deleted.

``today`` is passed in by the caller (the GUI's date, a test's fixed date): the rules never
read the clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from iro_desktop.domain.model import (
    Challenge,
    ChildRecord,
    Decision,
    DecisionStatus,
    Region,
    Review,
    ReviewStatus,
)
from iro_desktop.domain.schedule import schedule_for
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.tasks import booked_review, challenge_response_due
from iro_desktop.domain.validation import (
    BookingEntry,
    ChallengeEntry,
    ChildEntry,
    ConsultationEntry,
    ContactEntry,
    DecisionStep,
    EpisodeEntry,
    MeetingEntry,
    MidpointEntry,
    Problem,
    ReviewEntry,
    StageEntry,
    StepAction,
    booking_problems,
    challenge_problems,
    child_problems,
    consultation_problems,
    contact_problems,
    dated_step_problems,
    episode_problems,
    escalation_problems,
    meeting_problems,
    midpoint_problems,
    required,
    review_problems,
    step_problems,
)
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.errors import UserError
from iro_desktop.storage import history
from iro_desktop.storage.database import Store
from iro_desktop.storage.queries import (
    child_ref_of_challenge,
    child_ref_of_decision,
    child_refs_taken,
    current_stage_id,
)
from iro_desktop.storage.records import child_id_for, load_child_record
from iro_desktop.storage.settings_store import load_settings

# decision_updates.kind
UPDATE_DONE = "done"
UPDATE_CARRIED = "carried"
UPDATE_DROPPED = "dropped"
UPDATE_CHASED = "chased"
UPDATE_PROGRESS = "progress"


class RecordNotValid(UserError):
    """What was typed does not pass the rules; ``problems`` says what to put right."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        lines = "; ".join(p.message.rstrip(".") for p in self.problems)
        super().__init__(f"Nothing was saved. Please put this right first: {lines}.")


class RecordNotFound(UserError):
    pass


def _check(problems: Sequence[Problem]) -> None:
    if problems:
        raise RecordNotValid(problems)


def _record(store: Store, child_ref: str) -> tuple[int, ChildRecord]:
    child_id = child_id_for(store, child_ref)
    record = load_child_record(store, child_ref) if child_id is not None else None
    if child_id is None or record is None:
        raise RecordNotFound(
            f"There is no child {child_ref} in this caseload: it may have been removed. "
            "Refresh (F5) and choose the child again."
        )
    return child_id, record


def _name(record: ChildRecord) -> str:
    return record.child.known_as or record.child.child_ref


def cafcass_name(settings: Settings) -> str:
    """Cafcass in England, Cafcass Cymru in Wales."""
    return "Cafcass Cymru" if settings.region == Region.WALES else "Cafcass"


# -- the child ---------------------------------------------------------------------------------
_CHILD_FIELDS = (
    "first_name",
    "last_name",
    "preferred_name",
    "dob",
    "gender",
    "ethnicity",
    "language",
    "interpreter_needed",
    "communication_needs",
    "disability",
    "uasc",
    "social_worker",
    "social_worker_team",
    "social_worker_phone",
)


def _child_values(entry: ChildEntry) -> dict[str, Any]:
    values = {name: getattr(entry, name) for name in _CHILD_FIELDS}
    for key, value in values.items():
        if isinstance(value, str):
            values[key] = value.strip()
    return values


def add_child(store: Store, entry: ChildEntry, today: date) -> str:
    """A new child on the caseload, with the people important to them. Returns the ref."""
    taken = child_refs_taken(store)
    _check(child_problems(entry, today, taken))
    ref = entry.child_ref.strip()
    with store.atomic():
        child_id = history.insert(
            store,
            "children",
            {"child_ref": ref, **_child_values(entry), "language_recorded_on": today},
        )
        for person in entry.people:
            history.insert(store, "people", _person_values(child_id, person, today))
    return ref


def _person_values(child_id: int, person, today: date) -> dict[str, Any]:
    return {
        "child_id": child_id,
        "role": person.role,
        "name": person.name.strip(),
        "language": person.language,
        "language_recorded_on": today,
        "interpreter_needed": person.interpreter_needed,
    }


def edit_child(store: Store, child_ref: str, entry: ChildEntry, today: date) -> str:
    """Change the child's details and their people (people left out are archived)."""
    child_id, record = _record(store, child_ref)
    taken = child_refs_taken(store, except_child_id=child_id)
    _check(child_problems(entry, today, taken))
    values = _child_values(entry)
    values["child_ref"] = entry.child_ref.strip()
    if entry.language != record.child.language:
        values["language_recorded_on"] = today
    with store.atomic():
        history.update(store, "children", child_id, values)
        kept: set[int] = set()
        current = {p.id: p for p in record.people if p.archived_on is None}
        for person in entry.people:
            if person.id is not None and person.id in current:
                kept.add(person.id)
                old = current[person.id]
                changes: dict[str, Any] = {
                    "role": person.role,
                    "name": person.name.strip(),
                    "language": person.language,
                    "interpreter_needed": person.interpreter_needed,
                }
                if person.language != old.language:
                    changes["language_recorded_on"] = today
                history.update(store, "people", person.id, changes)
            else:
                history.insert(store, "people", _person_values(child_id, person, today))
        for person_id in set(current) - kept:
            if person_id is not None:
                history.archive(store, "people", person_id, today)
    return values["child_ref"]


def add_episode(store: Store, child_ref: str, entry: EpisodeEntry, today: date) -> int:
    """A new care episode or a change of placement or legal status (a 903 EPISODES row).

    An episode still open when the new one starts is ended that day with REC = X1 (a new
    episode starts the same day), as the 903 return records a change within a period."""
    child_id, record = _record(store, child_ref)
    episodes = [e for e in record.episodes if e.archived_on is None]
    still_open = [e for e in episodes if e.dec is None]
    open_episode = max(still_open, key=lambda e: e.decom, default=None)
    _check(
        episode_problems(
            entry,
            record.child.dob,
            today,
            [e.decom for e in episodes],
            open_episode.decom if open_episode else None,
        )
    )
    with store.atomic():
        if open_episode is not None and open_episode.id is not None:
            history.update(store, "episodes", open_episode.id, {"dec": entry.decom, "rec": "X1"})
        return history.insert(
            store,
            "episodes",
            {
                "child_id": child_id,
                "decom": entry.decom,
                "rne": entry.rne,
                "ls": entry.ls,
                "cin": entry.cin,
                "place": entry.place,
                "place_provider": entry.place_provider,
                "placement_name": entry.placement_name.strip(),
                "pl_post": entry.pl_post.strip().upper(),
                "home_post": entry.home_post.strip().upper(),
                "reason_place_change": entry.reason_place_change,
            },
        )


# -- around the review ---------------------------------------------------------------------------
def _booked(record: ChildRecord, review_id: int | None = None) -> Review | None:
    if review_id is not None:
        for review in record.reviews:
            if (
                review.id == review_id
                and review.status == ReviewStatus.BOOKED
                and review.archived_on is None
            ):
                return review
        return None
    return booked_review(record)


def book_review(store: Store, child_ref: str, entry: BookingEntry, today: date) -> int:
    """Book the next review (date, venue). Re-booking changes the booking already made."""
    child_id, record = _record(store, child_ref)
    _check(booking_problems(entry, record.child.dob, today))
    values = {
        "booked_for": entry.booked_for,
        "venue": entry.venue.strip(),
        "venue_childs_choice": entry.venue_childs_choice,
    }
    current = _booked(record)
    with store.atomic():
        if current is not None and current.id is not None:
            history.update(store, "reviews", current.id, values)
            return current.id
        return history.insert(
            store, "reviews", {"child_id": child_id, "status": ReviewStatus.BOOKED, **values}
        )


def record_consultation(store: Store, child_ref: str, entry: ConsultationEntry, today: date) -> int:
    """Consultation papers sent (and returned) for the booked review; when none is booked yet,
    the review is booked for the date given. Returns the review's id."""
    child_id, record = _record(store, child_ref)
    _check(consultation_problems(entry, today))
    current = _booked(record)
    values = {"consultation_sent_on": entry.sent_on, "consultation_returned_on": entry.returned_on}
    with store.atomic():
        if current is not None and current.id is not None:
            if entry.review_date and entry.review_date != current.booked_for:
                values["booked_for"] = entry.review_date
            history.update(store, "reviews", current.id, values)
            return current.id
        return history.insert(
            store,
            "reviews",
            {
                "child_id": child_id,
                "status": ReviewStatus.BOOKED,
                "booked_for": entry.review_date,
                **values,
            },
        )


def record_pre_review_meeting(
    store: Store, child_ref: str, entry: MeetingEntry, today: date
) -> int:
    child_id, record = _record(store, child_ref)
    _check(meeting_problems(entry, record.child.dob, today))
    booking = _booked(record)
    return history.insert(
        store,
        "pre_review_meetings",
        {
            "child_id": child_id,
            "review_id": booking.id if booking else None,
            "held_on": entry.held_on,
            "with_whom": entry.with_whom.strip(),
            "issues": entry.issues.strip(),
        },
    )


def record_contact(store: Store, child_ref: str, entry: ContactEntry, today: date) -> int:
    """The IRO's contact with the child between reviews (visit, call, video)."""
    child_id, record = _record(store, child_ref)
    _check(contact_problems(entry, record.child.dob, today))
    return history.insert(
        store,
        "contacts",
        {"child_id": child_id, "on": entry.on, "kind": entry.kind, "note": entry.note.strip()},
    )


def review_due_date(store: Store, record: ChildRecord, today: date) -> date | None:
    """The next review's statutory due date (what a review being recorded is judged against)."""
    settings = load_settings(store)
    schedule = schedule_for(record, settings, calendar_for(settings), today)
    return schedule.next_due.due if schedule.next_due else None


def record_review(store: Store, child_ref: str, entry: ReviewEntry, today: date) -> int:
    """A review held (in one part or more): who came, how the child took part, what was
    decided, and what became of the decisions carried from before. A booked review becomes
    the held one. Returns the review's id."""
    child_id, record = _record(store, child_ref)
    problems = review_problems(
        entry,
        record.child.dob,
        today,
        name=_name(record),
        due=review_due_date(store, record, today),
    )
    problems += _unknown_steps(record, entry.steps)
    _check(problems)
    booking = _booked(record, entry.review_id) or _booked(record)
    values = {
        "status": ReviewStatus.HELD,
        "venue": entry.venue.strip() or (entry.parts[0].venue.strip() if entry.parts else ""),
        "venue_childs_choice": entry.venue_childs_choice,
        "attendees": tuple(a.strip() for a in entry.attendees if a.strip()),
        "review_code": entry.review_code,
        "views_how": entry.views_how.strip(),
        "parents_participation": entry.parents_participation.strip(),
        "timing_reason": entry.timing_reason.strip(),
        "going_well": entry.going_well.strip(),
        "worries": entry.worries.strip(),
        "child_words": entry.child_words.strip(),
        "text_language": entry.text_language,
    }
    held_on = entry.parts[0].held_on or today
    with store.atomic():
        if booking is not None and booking.id is not None:
            review_id = booking.id
            history.update(store, "reviews", review_id, values)
        else:
            review_id = history.insert(store, "reviews", {"child_id": child_id, **values})
        for part in entry.parts:
            history.insert(
                store,
                "review_parts",
                {"review_id": review_id, "held_on": part.held_on, "venue": part.venue.strip()},
            )
        for decision in entry.decisions:
            history.insert(
                store,
                "decisions",
                {
                    "child_id": child_id,
                    "review_id": review_id,
                    "what": decision.what.strip(),
                    "who": decision.who.strip(),
                    "by_when": decision.by_when,
                    "status": DecisionStatus.OPEN,
                },
            )
        for step in entry.steps:
            _apply_step(
                store, _decision(record, step.decision_id), step, held_on, review_id=review_id
            )
    return review_id


def record_decisions_circulated(
    store: Store, child_ref: str, review_id: int, on: date, today: date
) -> None:
    """The decisions of a held review went to the social worker and manager on ``on``."""
    _child_id, record = _record(store, child_ref)
    review = next((r for r in record.reviews if r.id == review_id and r.is_held), None)
    if review is None:
        raise RecordNotFound("That review has not been recorded as held: record it first.")
    _check(
        dated_step_problems(
            "on", on, review.part_dates[0], today, "The decisions were circulated", "the review"
        )
    )
    history.update(store, "reviews", review_id, {"decisions_circulated_on": on})


def last_held_review(record: ChildRecord) -> Review | None:
    held = [r for r in record.reviews if r.is_held and r.archived_on is None]
    return max(held, key=lambda r: r.part_dates[0], default=None)


def record_midpoint_check(store: Store, child_ref: str, entry: MidpointEntry, today: date) -> int:
    """The midpoint check between reviews, with the progress of each open decision."""
    child_id, record = _record(store, child_ref)
    last = last_held_review(record)
    problems = midpoint_problems(
        entry, record.child.dob, today, last.part_dates[0] if last else None
    )
    problems += _unknown_steps(record, entry.steps)
    _check(problems)
    after = entry.after_review_id or (last.id if last else None)
    on = entry.done_on or today
    with store.atomic():
        check_id = history.insert(
            store,
            "midpoint_checks",
            {
                "child_id": child_id,
                "after_review_id": after,
                "done_on": entry.done_on,
                "concerns": entry.concerns.strip(),
                "challenge_needed": entry.challenge_needed,
            },
        )
        for step in entry.steps:
            _apply_step(
                store, _decision(record, step.decision_id), step, on, midpoint_check_id=check_id
            )
    return check_id


# -- decisions ---------------------------------------------------------------------------------
def _decision(record: ChildRecord, decision_id: int) -> Decision:
    found = next((d for d in record.decisions if d.id == decision_id), None)
    if found is None:
        raise RecordNotFound("That decision is no longer on the child's record: refresh (F5).")
    return found


def _unknown_steps(record: ChildRecord, steps: Iterable[DecisionStep]) -> list[Problem]:
    open_ids = {d.id for d in record.decisions if d.is_open and d.archived_on is None}
    return [
        Problem(f"steps.{s.decision_id}", "That decision is already closed: refresh (F5).")
        for s in steps
        if s.decision_id not in open_ids
    ]


def _decision_for_child_ref(store: Store, decision_id: int) -> tuple[ChildRecord, Decision]:
    child_ref = child_ref_of_decision(store, decision_id)
    if child_ref is None:
        raise RecordNotFound("That decision is no longer on the record: refresh (F5).")
    _child_id, record = _record(store, child_ref)
    return record, _decision(record, decision_id)


def _apply_step(
    store: Store,
    decision: Decision,
    step: DecisionStep,
    on: date,
    *,
    review_id: int | None = None,
    midpoint_check_id: int | None = None,
) -> None:
    """Write one decision's step and its ``decision_updates`` row (inside the caller's
    transaction). The old date of a carried decision stays in the change log."""
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
        },
    )


def update_decision(store: Store, step: DecisionStep, on: date, today: date) -> None:
    """Mark done, carry with a new date, drop with a reason, or chase one decision (from the
    Decisions tab). One transaction."""
    _, decision = _decision_for_child_ref(store, step.decision_id)
    if not decision.is_open:
        raise RecordNotValid(
            [Problem("decision", "That decision is already closed: nothing was changed.")]
        )
    problems = step_problems([step], today)
    problems += dated_step_problems("on", on, None, today, "The date", "")
    _check(problems)
    with store.atomic():
        _apply_step(store, decision, step, on)


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


# -- challenges ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ChallengeRef:
    record: ChildRecord
    challenge: Challenge
    settings: Settings


def _challenge(store: Store, challenge_id: int) -> ChallengeRef:
    child_ref = child_ref_of_challenge(store, challenge_id)
    if child_ref is None:
        raise RecordNotFound("That challenge is no longer on the record: refresh (F5).")
    _child_id, record = _record(store, child_ref)
    challenge = next(c for c in record.challenges if c.id == challenge_id)
    return ChallengeRef(record, challenge, load_settings(store))


def _insert_stage(
    store: Store, challenge_id: int, stage: int, raised_on: date, raised_with: str, settings
) -> int:
    due = challenge_response_due(stage, raised_on, settings, calendar_for(settings))
    return history.insert(
        store,
        "challenge_stages",
        {
            "challenge_id": challenge_id,
            "stage": stage,
            "raised_on": raised_on,
            "raised_with": raised_with.strip(),
            "response_due": due,
        },
    )


def raise_challenge(store: Store, child_ref: str, entry: ChallengeEntry, today: date) -> int:
    """Raise a challenge (informal, or straight at a formal stage); the response is due by
    the council's timescale for that stage. Returns the challenge's id."""
    child_id, _ = _record(store, child_ref)
    settings = load_settings(store)
    _check(challenge_problems(entry, today, settings.formal_challenge_stages))
    assert entry.raised_on is not None
    with store.atomic():
        challenge_id = history.insert(
            store, "challenges", {"child_id": child_id, "theme": entry.theme.strip()}
        )
        _insert_stage(
            store, challenge_id, entry.stage, entry.raised_on, entry.raised_with, settings
        )
    return challenge_id


def escalate_challenge(store: Store, challenge_id: int, entry: StageEntry, today: date) -> int:
    """Take the challenge to a further formal stage (the IRO may skip stages)."""
    found = _challenge(store, challenge_id)
    current = found.challenge.current_stage
    _check(
        escalation_problems(
            entry,
            current.stage if current else -1,
            current.raised_on if current else None,
            today,
            found.settings.formal_challenge_stages,
            found.challenge.is_open,
        )
    )
    assert entry.raised_on is not None
    return _insert_stage(
        store, challenge_id, entry.stage, entry.raised_on, entry.raised_with, found.settings
    )


def record_challenge_response(
    store: Store, challenge_id: int, responded_on: date | None, response: str, today: date
) -> None:
    """The response to the challenge's current stage."""
    found = _challenge(store, challenge_id)
    current = found.challenge.current_stage
    if current is None:
        raise RecordNotFound("That challenge has no stage to respond to.")
    problems = dated_step_problems(
        "responded_on", responded_on, current.raised_on, today, "The response", "the challenge"
    )
    problems += required("response", response, "what the response said")
    _check(problems)
    history.update(
        store,
        "challenge_stages",
        current_stage_id(store, challenge_id, current.stage),
        {"responded_on": responded_on, "response": response.strip()},
    )


def refer_to_cafcass(store: Store, challenge_id: int, on: date | None, today: date) -> None:
    """Refer the challenge to Cafcass (Cafcass Cymru in Wales); the IRO may do so at any point."""
    found = _challenge(store, challenge_id)
    _check(
        dated_step_problems(
            "on",
            on,
            found.challenge.raised_on,
            today,
            f"The referral to {cafcass_name(found.settings)}",
            "the challenge was raised",
        )
    )
    history.update(store, "challenges", challenge_id, {"cafcass_referred_on": on})


def resolve_challenge(
    store: Store, challenge_id: int, on: date | None, outcome: str, today: date
) -> None:
    found = _challenge(store, challenge_id)
    problems = dated_step_problems(
        "on", on, found.challenge.raised_on, today, "The resolution", "the challenge was raised"
    )
    problems += required("outcome", outcome, "the outcome")
    _check(problems)
    history.update(
        store, "challenges", challenge_id, {"resolved_on": on, "outcome": outcome.strip()}
    )
