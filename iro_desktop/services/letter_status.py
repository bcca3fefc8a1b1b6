"""The letter to the child was sent: the one thing the IRO sets after writing it.

Writing a letter (``services/letters.py``) is not sending it; when the IRO marks it sent, the
review's ``letter_sent_on`` is set and the letter task leaves the due list.
"""

from __future__ import annotations

from datetime import date

from iro_desktop.errors import UserError
from iro_desktop.storage import history
from iro_desktop.storage.database import Store


class ReviewNotHeld(UserError):
    pass


def mark_letter_sent(store: Store, review_id: int, on: date) -> None:
    """The letter to the child about review ``review_id`` was sent on ``on`` (one transaction)."""
    rows = list(
        store.db.query(
            "SELECT r.id, MIN(p.held_on) AS first_day FROM reviews r "
            "LEFT JOIN review_parts p ON p.review_id = r.id AND p.archived_on IS NULL "
            "WHERE r.id = ? AND r.status = 'held' AND r.archived_on IS NULL GROUP BY r.id",
            [review_id],
        )
    )
    if not rows:
        raise ReviewNotHeld(
            "That review is not recorded as held, so there is no letter to mark sent. "
            "Refresh (F5) and choose the review again."
        )
    first_day = rows[0]["first_day"]
    if first_day and on < date.fromisoformat(first_day):
        raise UserError(
            f"The letter cannot have been sent ({on.isoformat()}) before the review was held "
            f"({first_day})."
        )
    with store.atomic():
        history.update(store, "reviews", review_id, {"letter_sent_on": on})
