"""The stored row of a child-facing wording (shared by the review's save and the wording
service)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from iro_desktop.domain.model import ChildWording, WordingKind
from iro_desktop.domain.wording import LINE_FIELDS, decision_key, item_lines, line_key

TABLE = "child_wordings"
NEW_PREFIX = "new:"  # a decision of the review being recorded, by its place in the entry


def wording_row(child_id: int, wording: ChildWording) -> dict[str, Any]:
    """The stored row. A decision's wording holds its decision as a real reference (so a
    handover keeps it on the right decision); its item_key is read from that."""
    decision_id = None
    item_key = wording.item_key
    if wording.kind == WordingKind.DECISION:
        decision_id = int(item_key.split(":", 1)[1])
        item_key = ""
    return {
        "child_id": child_id,
        "review_id": wording.review_id,
        "decision_id": decision_id,
        "kind": wording.kind,
        "item_key": item_key,
        "professional": wording.professional.strip(),
        "text_en": wording.text_en.strip(),
        "text_cy": wording.text_cy.strip(),
        "reply_en": wording.reply_en.strip(),
        "reply_cy": wording.reply_cy.strip(),
        "answers": tuple(wording.answers),
        "theme": wording.theme,
        "confirmed": wording.confirmed,
    }


def entry_item_keys(entry: Any) -> list[tuple[str, str]]:
    """The (kind, item_key) pairs of a review being recorded (``ReviewEntry``)."""
    keys = [(str(WordingKind.DECISION), f"{NEW_PREFIX}{n}") for n in range(len(entry.decisions))]
    for kind, field_name in LINE_FIELDS.items():
        for n, _line in enumerate(item_lines(getattr(entry, field_name))):
            keys.append((str(kind), line_key(n)))
    return keys


def resolve_new(key: str, decision_ids: Sequence[int]) -> str:
    """ "new:<n>" as the key of the decision just saved."""
    if key.startswith(NEW_PREFIX):
        return decision_key(decision_ids[int(key[len(NEW_PREFIX) :])])
    return key
