"""The child-facing layer: what a wording must hold before it is saved."""

from __future__ import annotations

from collections.abc import Iterable

from iro_desktop.domain.model import ChildWording, WordingKind
from iro_desktop.domain.validation.common import Problem

MAX_WORDS = 40  # a sentence for a child: two short sentences at most


def wording_problems(
    wording: ChildWording, item_keys: Iterable[tuple[str, str]], field: str = "wording"
) -> list[Problem]:
    """``item_keys``: the (kind, item_key) pairs of the review's items, so that a wording
    never speaks for something the review does not say."""
    problems: list[Problem] = []
    keys = set(item_keys)
    kind = str(wording.kind)
    if wording.kind != WordingKind.LEARNED and (kind, wording.item_key) not in keys:
        problems.append(
            Problem(field, "This wording is for an item the review no longer has: refresh it.")
        )
    texts = (wording.text_en, wording.text_cy)
    replies = (wording.reply_en, wording.reply_cy)
    if wording.confirmed:
        if wording.kind == WordingKind.CHILD_SAID and not any(r.strip() for r in replies):
            problems.append(Problem(field, "Write your answer to what the child said."))
        elif wording.kind != WordingKind.CHILD_SAID and not any(t.strip() for t in texts):
            problems.append(
                Problem(field, "Write the sentence for the child, or leave it unconfirmed.")
            )
    for text in (*texts, *replies):
        if len(text.split()) > MAX_WORDS:
            problems.append(
                Problem(field, f"Keep it short for the child: {MAX_WORDS} words at most.")
            )
            break
    decisions = {k for kd, k in keys if kd == WordingKind.DECISION}
    if wording.answers and wording.kind != WordingKind.WORRY:
        problems.append(Problem(field, "Only a worry is answered by decisions."))
    elif any(a not in decisions for a in wording.answers):
        problems.append(Problem(field, "A worry can only be answered by this review's decisions."))
    return problems
