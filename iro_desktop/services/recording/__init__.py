"""Recording: one function per thing the IRO records, each one transaction.

Every function checks what was typed with ``domain/validation.py`` first and raises
``RecordNotValid`` (a ``UserError`` listing what to put right) when anything is wrong, so
nothing invalid reaches the store. Writes go through ``storage.history`` (source "app"), so
every change is kept in the change log; nothing is deleted.

``today`` is passed in by the caller (the GUI's date, a test's fixed date): the rules never
read the clock.

One module per family of records: ``child_details`` (the child, their people, episodes),
``reviews`` (booking to midpoint), ``decisions`` (their steps), ``challenges``; what they
share is in ``common``. Every public name is importable from here.
"""

from iro_desktop.services.recording.challenges import (
    escalate_challenge,
    raise_challenge,
    record_challenge_response,
    refer_to_cafcass,
    resolve_challenge,
)
from iro_desktop.services.recording.child_details import add_child, add_episode, edit_child
from iro_desktop.services.recording.common import (
    UPDATE_CARRIED,
    UPDATE_CHASED,
    UPDATE_DONE,
    UPDATE_DROPPED,
    UPDATE_PROGRESS,
    ChangedSinceOpened,
    RecordNotFound,
    RecordNotValid,
    cafcass_name,
)
from iro_desktop.services.recording.decisions import (
    carry_decision,
    chase_decision,
    drop_decision,
    mark_decision_done,
    update_decision,
)
from iro_desktop.services.recording.reviews import (
    book_review,
    last_held_review,
    record_consultation,
    record_contact,
    record_decisions_circulated,
    record_midpoint_check,
    record_pre_review_meeting,
    record_review,
    review_due_date,
)

__all__ = [
    "UPDATE_CARRIED",
    "UPDATE_CHASED",
    "UPDATE_DONE",
    "UPDATE_DROPPED",
    "UPDATE_PROGRESS",
    "ChangedSinceOpened",
    "RecordNotFound",
    "RecordNotValid",
    "add_child",
    "add_episode",
    "book_review",
    "cafcass_name",
    "carry_decision",
    "chase_decision",
    "drop_decision",
    "edit_child",
    "escalate_challenge",
    "last_held_review",
    "mark_decision_done",
    "raise_challenge",
    "record_challenge_response",
    "record_consultation",
    "record_contact",
    "record_decisions_circulated",
    "record_midpoint_check",
    "record_pre_review_meeting",
    "record_review",
    "refer_to_cafcass",
    "resolve_challenge",
    "review_due_date",
    "update_decision",
]
