"""What happens to a letter after it is written: what was written (the Letters tab's rows), it
was sent, or it was read through with the child and an interpreter.

Writing a letter (``services/letters.py``) is not sending it; when the IRO marks it sent, the
review's ``letter_sent_on`` is set and the letter task leaves the due list. The app never
translates a letter: the IRO records the day they read it through with an interpreter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iro_desktop.domain.model import ChildRecord, Review
from iro_desktop.errors import UserError
from iro_desktop.i18n import _
from iro_desktop.letters.choices import is_first_review, moved_since
from iro_desktop.storage import history
from iro_desktop.storage.database import Store
from iro_desktop.storage.queries import held_review_first_day, letter_rows
from iro_desktop.storage.records import child_id_for

KIND_LETTER = "letter"


@dataclass(frozen=True)
class WrittenRecord:
    """A row of the ``letters`` table, for the Letters tab."""

    id: int
    child_ref: str
    review_id: int | None
    kind: str
    version: str
    language: str
    written_on: date
    file_name: str
    with_rights: bool = False
    read_with_interpreter_on: date | None = None


def letters_written(store: Store, child_ref: str) -> list[WrittenRecord]:
    """What has been written for a child, newest first: the Letters tab's rows."""
    child_id = child_id_for(store, child_ref)
    if child_id is None:
        return []
    return [
        WrittenRecord(
            id=row["id"],
            child_ref=child_ref,
            review_id=row["review_id"],
            kind=row["kind"],
            version=row["version"],
            language=row["language"],
            written_on=date.fromisoformat(row["written_on"]),
            file_name=row["file_name"],
            with_rights=bool(row.get("with_rights")),
            read_with_interpreter_on=(
                date.fromisoformat(row["read_with_interpreter_on"])
                if row.get("read_with_interpreter_on")
                else None
            ),
        )
        for row in letter_rows(store, child_id)
    ]


class ReviewNotHeld(UserError):
    pass


def mark_letter_sent(store: Store, review_id: int, on: date) -> None:
    """The letter to the child about review ``review_id`` was sent on ``on`` (one transaction)."""
    held, first_day = held_review_first_day(store, review_id)
    if not held:
        raise ReviewNotHeld(
            _(
                "That review is not recorded as held, so there is no letter to "
                "mark sent. Refresh (F5) and choose the review again."
            )
        )
    if first_day and on < first_day:
        raise UserError(
            _("The letter cannot have been sent (%(sent)s) before the review was held (%(held)s).")
            % {"sent": on.isoformat(), "held": first_day.isoformat()}
        )
    with store.atomic():
        history.update(store, "reviews", review_id, {"letter_sent_on": on})


def record_read_with_interpreter(store: Store, child_ref: str, letter_id: int, on: date) -> None:
    """The child's letter ``letter_id`` was read through with them and an interpreter on
    ``on``."""
    child_id = child_id_for(store, child_ref)
    rows = letter_rows(store, child_id) if child_id is not None else []
    if not any(r["id"] == letter_id and r["kind"] == KIND_LETTER for r in rows):
        raise UserError(
            _(
                "%(child_ref)s has no letter %(letter_id)s. The Letters tab lists "
                "the child's letters."
            )
            % {"child_ref": child_ref, "letter_id": letter_id}
        )
    with store.atomic():
        history.update(store, "letters", letter_id, {"read_with_interpreter_on": on})


def latest_letter_id(store: Store, child_ref: str) -> int | None:
    """The child's most recently written letter (not a record or pack)."""
    child_id = child_id_for(store, child_ref)
    if child_id is None:
        return None
    rows = [r for r in letter_rows(store, child_id) if r["kind"] == KIND_LETTER]
    return rows[0]["id"] if rows else None


def rights_page_due(store: Store, record: ChildRecord, review: Review, today: date) -> str:
    """Why the "your rights" page is due with this letter: the first review, a move, or a
    year since it was last sent ("" when it is not due)."""
    if is_first_review(record, review):
        return "this is the child's first review"
    if moved_since(record, review, today) is not None:
        return "the child has moved"
    earlier = [
        r
        for r in record.reviews
        if r.is_held and r.archived_on is None and r.part_dates[0] < review.part_dates[0]
    ]
    if earlier and moved_since(
        record, max(earlier, key=lambda r: r.part_dates[0]), review.part_dates[0]
    ):
        return "the child moved since the last review"
    child_id = record.child.id
    sent = [
        date.fromisoformat(row["written_on"])
        for row in (letter_rows(store, child_id) if child_id is not None else [])
        if row["kind"] == KIND_LETTER and row.get("with_rights")
    ]
    if not sent or (today - max(sent)).days >= 365:
        return "it has not been sent in the last year"
    return ""
