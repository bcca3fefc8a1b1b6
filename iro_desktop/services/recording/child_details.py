"""The child: their details, the people important to them, and their care episodes."""

from __future__ import annotations

from datetime import date
from typing import Any

from iro_desktop.domain.validation import (
    ChildEntry,
    EpisodeEntry,
    child_problems,
    episode_problems,
)
from iro_desktop.services.recording.common import (
    check,
    child_record,
)
from iro_desktop.storage import history
from iro_desktop.storage.database import Store
from iro_desktop.storage.queries import (
    child_refs_taken,
)

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
    "first_language",
    "letter_format",
    "learning_need",
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
    check(child_problems(entry, today, taken))
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
        "called_by_child": person.called_by_child.strip(),
    }


def edit_child(
    store: Store,
    child_ref: str,
    entry: ChildEntry,
    today: date,
    *,
    expected: ChildEntry | None = None,
) -> str:
    """Change the child's details and their people (people left out are archived).

    ``expected``: the details as the form opened with them. Then only what was changed since
    is written (another window's or an import's change to any other field survives) and a
    field changed both here and there since raises ``ChangedSinceOpened`` (keys ``field`` or
    ``people.<id>.<field>``), with nothing written; people someone else added are kept."""
    child_id, record = child_record(store, child_ref)
    taken = child_refs_taken(store, except_child_id=child_id)
    check(child_problems(entry, today, taken))
    values = _child_values(entry)
    values["child_ref"] = entry.child_ref.strip()
    if entry.language != (expected or record.child).language:
        values["language_recorded_on"] = today
    if expected is not None:
        return _edit_checked(store, child_id, values, entry, expected, today)
    with store.atomic():
        history.update(store, "children", child_id, values)
        kept: set[int] = set()
        current = {p.id: p for p in record.people if p.archived_on is None}
        for person in entry.people:
            if person.id is not None and person.id in current:
                kept.add(person.id)
                old = current[person.id]
                changes = _person_changes(person)
                if person.language != old.language:
                    changes["language_recorded_on"] = today
                history.update(store, "people", person.id, changes)
            else:
                history.insert(store, "people", _person_values(child_id, person, today))
        for person_id in set(current) - kept:
            if person_id is not None:
                history.archive(store, "people", person_id, today)
    return values["child_ref"]


def _person_changes(person) -> dict[str, Any]:
    return {
        "role": person.role,
        "name": person.name.strip(),
        "language": person.language,
        "interpreter_needed": person.interpreter_needed,
        "called_by_child": person.called_by_child.strip(),
    }


def _edit_checked(
    store: Store,
    child_id: int,
    values: dict[str, Any],
    entry: ChildEntry,
    expected: ChildEntry,
    today: date,
) -> str:
    """``edit_child`` against the details the form opened with: every row is checked before
    any is written, in one transaction that holds the file from the check to the write."""
    loaded = {**_child_values(expected), "child_ref": expected.child_ref.strip()}
    loaded_people = {p.id: p for p in expected.people if p.id is not None}
    people_changes = []
    for person in entry.people:
        before = loaded_people.get(person.id) if person.id is not None else None
        changes = _person_changes(person)
        if before is not None and person.language != before.language:
            changes["language_recorded_on"] = today
        people_changes.append((person, changes, before))
    with history.transaction(store):
        conflicts = history.conflicts_with(store, "children", child_id, values, loaded)
        for person, changes, before in people_changes:
            if before is not None:
                found = history.conflicts_with(
                    store, "people", person.id, changes, _person_changes(before)
                )
                conflicts.update({f"people.{person.id}.{k}": v for k, v in found.items()})
        if conflicts:
            raise history.ChangedSinceOpened(conflicts)
        history.update(store, "children", child_id, values, expected=loaded)
        kept: set[int] = set()
        for person, changes, before in people_changes:
            if before is not None:
                kept.add(person.id)
                history.update(
                    store, "people", person.id, changes, expected=_person_changes(before)
                )
            else:
                history.insert(store, "people", _person_values(child_id, person, today))
        # Only the people this form removed: anyone added elsewhere since stays.
        for person_id in set(loaded_people) - kept:
            history.archive(store, "people", person_id, today)
    return values["child_ref"]


def add_episode(store: Store, child_ref: str, entry: EpisodeEntry, today: date) -> int:
    """A new care episode or a change of placement or legal status (a 903 EPISODES row).

    An episode still open when the new one starts is ended that day with REC = X1 (a new
    episode starts the same day), as the 903 return records a change within a period."""
    child_id, record = child_record(store, child_ref)
    episodes = [e for e in record.episodes if e.archived_on is None]
    still_open = [e for e in episodes if e.dec is None]
    open_episode = max(still_open, key=lambda e: e.decom, default=None)
    check(
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
