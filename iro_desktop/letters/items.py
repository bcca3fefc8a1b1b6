"""Each item of a review the child should hear about, paired with its child-facing wording.

The letter is built only from the child-facing layer (``ChildWording``). This module pairs
each professional item (a decision, a line of the worries, of what is going well, of what the
child said, of the plan's reasons, and the one "something I learned") with its wording by the
item_key convention of ``domain.model.WordingKind``: ``decision:<id>`` for a decision,
``line:<n>`` for the n-th non-empty line (from 0) of the review's text, ``""`` for LEARNED.

It is private to the letters: the lead reconciles it with ``domain/wording.py``'s
``review_items`` when that lands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from iro_desktop.domain.model import ChildRecord, ChildWording, Review, WordingKind
from iro_desktop.letters.choices import review_decisions

WHAT_IT_IS = {
    WordingKind.DECISION: "the decision",
    WordingKind.WORRY: "the worry",
    WordingKind.GOING_WELL: "the good thing",
    WordingKind.CHILD_SAID: "what the child said",
    WordingKind.PLAN_REASON: "the reason for the plan",
    WordingKind.LEARNED: "something you learned about the child",
}


def lines_of(text: str) -> list[str]:
    """The non-empty lines of a typed text, stripped: what ``line:<n>`` counts."""
    return [line.strip() for line in re.split(r"\n+", text or "") if line.strip()]


@dataclass(frozen=True)
class ChildItem:
    """One professional item and its child-facing wording (None when there is none)."""

    kind: WordingKind
    key: str
    professional: str
    wording: ChildWording | None
    by_when: object = None  # a decision's date (``date | None``)
    who: str = ""  # a decision's owner, as typed

    def text(self, language: str, use_suggestions: bool) -> str:
        """The child-facing sentence the letter may use, or "" (then the item is left out)."""
        w = self.wording
        if w is None or not (w.confirmed or use_suggestions):
            return ""
        return w.text(language).strip()

    def reply(self, language: str, use_suggestions: bool) -> str:
        w = self.wording
        if w is None or not (w.confirmed or use_suggestions):
            return ""
        return w.reply(language).strip()

    @property
    def has_suggestion(self) -> bool:
        return self.wording is not None and not self.wording.confirmed

    def missing_warning(self, name: str, language: str) -> str:
        short = (
            self.professional if len(self.professional) <= 60 else self.professional[:57] + "..."
        )
        what = WHAT_IT_IS[self.kind]
        label = f' "{short}"' if short else ""
        lang = " in Welsh" if language == "cy" else ""
        if self.has_suggestion:
            return (
                f"Not yet written for {name}{lang}: {what}{label} is left out. A suggested "
                "sentence is waiting: confirm it, or choose to use suggested wording."
            )
        return (
            f"Not yet written for {name}{lang}: {what}{label} is left out. Write a sentence "
            "for the child to include it."
        )


def _wordings(record: ChildRecord, review: Review) -> dict[tuple[str, str], ChildWording]:
    found: dict[tuple[str, str], ChildWording] = {}
    for w in record.wordings:
        if w.archived_on is None and w.review_id == review.id:
            found[(str(w.kind), w.item_key)] = w
    return found


def review_items(record: ChildRecord, review: Review) -> list[ChildItem]:
    """Every item of ``review`` the letter could speak of, in the letter's order, with its
    wording where one is recorded."""
    wordings = _wordings(record, review)
    out: list[ChildItem] = []

    def lines(kind: WordingKind, text: str) -> None:
        for n, line in enumerate(lines_of(text)):
            key = f"line:{n}"
            out.append(ChildItem(kind, key, line, wordings.get((str(kind), key))))

    lines(WordingKind.PLAN_REASON, review.plan_reasons)
    lines(WordingKind.CHILD_SAID, review.child_words)
    lines(WordingKind.GOING_WELL, review.going_well)
    lines(WordingKind.WORRY, review.worries)
    for d in review_decisions(record, review):
        key = f"decision:{d.id}"
        out.append(
            ChildItem(
                WordingKind.DECISION,
                key,
                d.what.strip(),
                wordings.get((str(WordingKind.DECISION), key)),
                d.by_when,
                d.who,
            )
        )
    learned = wordings.get((str(WordingKind.LEARNED), ""))
    if learned is not None:
        out.append(ChildItem(WordingKind.LEARNED, "", "", learned))
    return out
