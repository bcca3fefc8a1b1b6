"""The letter dialog's one-click fixes that write to the record: "write the missing
sentence" for an item the letter left out because it has no child-facing wording."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from iro_desktop.domain.model import ChildWording
from iro_desktop.errors import UserError
from iro_desktop.i18n import _
from iro_desktop.services.wording import review_items, save_wording
from iro_desktop.storage.database import Store


def write_missing_sentence(
    store: Store,
    child_ref: str,
    review_id: int,
    kind: str,
    item_key: str,
    language: str,
    text: str,
    today: date,
) -> int:
    """Save ``text`` as the confirmed child-facing wording of one item of the review in
    ``language`` ("en" or "cy"), keeping what the item already has in the other language
    (and, for something the child said, the reply). Returns the wording's id."""
    text = " ".join(text.split())
    if not text:
        raise UserError(_("Write a sentence for the child first."))
    found = next(
        (
            i
            for i in review_items(store, child_ref, review_id, today)
            if str(i.kind) == kind and i.item_key == item_key
        ),
        None,
    )
    if found is None:
        raise UserError(_("That item is no longer in the review: preview the letter again."))
    current = found.wording or ChildWording(
        id=None, review_id=review_id, kind=found.kind, item_key=item_key
    )
    field_name = "text_cy" if language == "cy" else "text_en"
    wording = replace(current, id=None, confirmed=True, **{field_name: text})
    return save_wording(store, child_ref, review_id, wording, today)
