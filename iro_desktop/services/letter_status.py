"""The letter to the child was sent: the one thing the IRO sets after writing it.

Writing a letter (``services/letters.py``) is not sending it; when the IRO marks it sent, the
review's ``letter_sent_on`` is set and the letter task leaves the due list.
"""

from __future__ import annotations

from datetime import date

from iro_desktop.errors import UserError
from iro_desktop.storage import history
from iro_desktop.storage.database import Store
from iro_desktop.storage.queries import held_review_first_day


class ReviewNotHeld(UserError):
    pass


def mark_letter_sent(store: Store, review_id: int, on: date) -> None:
    """The letter to the child about review ``review_id`` was sent on ``on`` (one transaction)."""
    held, first_day = held_review_first_day(store, review_id)
    if not held:
        raise ReviewNotHeld(
            "That review is not recorded as held, so there is no letter to mark sent. "
            "Refresh (F5) and choose the review again."
        )
    if first_day and on < first_day:
        raise UserError(
            f"The letter cannot have been sent ({on.isoformat()}) before the review was held "
            f"({first_day.isoformat()})."
        )
    with store.atomic():
        history.update(store, "reviews", review_id, {"letter_sent_on": on})
