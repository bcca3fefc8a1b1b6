"""Drafts: a form being filled in, kept inside the encrypted store every few seconds.

A draft is never written to a plain file: it is a row in the ``drafts`` table of the
SQLCipher file, so it is encrypted at rest like the record itself. Drafts are scratch copies,
not records: they are not in the change history (which would keep every keystroke for
ever) and are deleted once the form is saved or the IRO discards them.

``DraftSlot`` lets the GUI's autosave and the final save share one draft id on the worker
thread: the job that saves a draft writes its id into the slot, and the job that saves the
record reads it, so the record and the removal of its draft are one transaction whatever
the order in which their results reach the window.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from iro_desktop.storage.database import Store
from iro_desktop.storage.drafts import delete_draft, draft_rows, write_draft

T = TypeVar("T")


@dataclass(frozen=True)
class Draft:
    id: int
    form: str  # the form's kind: "review", "midpoint", "child" ...
    child_ref: str
    record_ref: str  # what the form was opened on: "review:12", "challenge:3", ""
    payload: dict[str, Any]
    saved_at: datetime  # local time, for "You have 1 unsaved form from Mon 23 Nov 10:42"


@dataclass
class DraftSlot:
    """The id of one form's draft, shared by the jobs that save and discard it."""

    id: int | None = None


def _local_now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def save_draft(
    store: Store,
    form: str,
    payload: dict[str, Any],
    *,
    child_ref: str = "",
    record_ref: str = "",
    draft_id: int | None = None,
) -> int:
    """Write (or overwrite) a draft; returns its id. One small transaction."""
    return write_draft(
        store,
        draft_id,
        form=form,
        child_ref=child_ref,
        record_ref=record_ref,
        payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
        saved_at=_local_now(),
    )


def save_draft_into(
    slot: DraftSlot,
    store: Store,
    form: str,
    payload: dict[str, Any],
    *,
    child_ref: str = "",
    record_ref: str = "",
) -> int:
    """``save_draft`` for the slot's draft, remembering the id in the slot."""
    slot.id = save_draft(
        store, form, payload, child_ref=child_ref, record_ref=record_ref, draft_id=slot.id
    )
    return slot.id


def load_drafts(store: Store) -> list[Draft]:
    """Every draft, oldest first."""
    return [
        Draft(
            id=int(row["id"]),
            form=row["form"],
            child_ref=row["child_ref"],
            record_ref=row["record_ref"],
            payload=json.loads(row["payload"] or "{}"),
            saved_at=datetime.fromisoformat(row["saved_at"]),
        )
        for row in draft_rows(store)
    ]


def discard_draft(store: Store, draft_id: int | None) -> None:
    """Remove a draft (a missing one is fine: it may have been discarded already)."""
    if draft_id is None:
        return
    delete_draft(store, draft_id)


def discard_slot(slot: DraftSlot, store: Store) -> None:
    discard_draft(store, slot.id)
    slot.id = None


def commit_and_discard(
    slot: DraftSlot, store: Store, action: Callable[..., T], *args: Any, **kwargs: Any
) -> T:
    """Run a recording action and remove the form's draft in the same transaction: a crash
    can never leave both the saved record and its draft (which would be offered again)."""
    with store.atomic():
        result = action(store, *args, **kwargs)
        discard_draft(store, slot.id)
    slot.id = None
    return result
