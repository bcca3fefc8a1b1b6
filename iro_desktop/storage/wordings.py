"""A child-facing wording (``domain.model.ChildWording``) as the row it is stored in; read
back by ``storage.records``.

Row ids change when a record is handed over to another IRO, so nothing here stores one as
text: a decision's wording holds its decision in ``decision_id`` (a reference the handover
renumbers), and a worry's ``answers`` are stored as the places of those decisions among its
review's decisions in the order they were recorded (0, 1, 2 ...), which a handover keeps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from iro_desktop.domain.model import ChildWording, WordingKind

TABLE = "child_wordings"


def wording_row(
    child_id: int, wording: ChildWording, review_decision_ids: Sequence[int]
) -> dict[str, Any]:
    """The stored row. ``review_decision_ids``: every decision recorded at the wording's
    review (archived ones too), so that a worry's answers are stored by place."""
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
        "answers": answer_places(wording.answers, review_decision_ids),
        "theme": wording.theme,
        "confirmed": wording.confirmed,
    }


def answer_places(answers: Sequence[str], review_decision_ids: Sequence[int]) -> tuple:
    """ "decision:<id>" keys as places among the review's decisions (in the order recorded)."""
    ordered = sorted(review_decision_ids)
    return tuple(ordered.index(int(key.split(":", 1)[1])) for key in answers)


def answer_keys(places: Sequence[int], review_decision_ids: Sequence[int]) -> tuple[str, ...]:
    """Stored places back as "decision:<id>" keys (a place with no decision is dropped)."""
    ordered = sorted(review_decision_ids)
    return tuple(f"decision:{ordered[p]}" for p in places if 0 <= int(p) < len(ordered))
