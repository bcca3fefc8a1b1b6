"""Each item of a review the child should hear about, as the letter reads it.

The pairing of professional text with child-facing wording is ``domain.wording.review_items``
(the one pairing the review form, the letter and its warnings share: ``decision:<id>``,
``line:<n>`` counting non-blank lines from 0, ``""`` for LEARNED). This module only adds what
the letter needs on top: which decisions the child hears of (live, not dropped, soonest
first), a decision's owner and date, and the wording the chosen language and choice allow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iro_desktop.domain.model import ChildRecord, ChildWording, Review, WordingKind
from iro_desktop.domain.wording import ReviewItem, decision_key
from iro_desktop.domain.wording import review_items as paired_items
from iro_desktop.letters.choices import review_decisions

WHAT_IT_IS = {
    WordingKind.DECISION: "the decision",
    WordingKind.WORRY: "the worry",
    WordingKind.GOING_WELL: "the good thing",
    WordingKind.CHILD_SAID: "what the child said",
    WordingKind.PLAN_REASON: "the reason for the plan",
    WordingKind.LEARNED: "something you learned about the child",
}


@dataclass(frozen=True)
class ChildItem:
    """One professional item and its child-facing wording (None when there is none)."""

    kind: WordingKind
    key: str
    professional: str
    wording: ChildWording | None
    by_when: date | None = None  # a decision's date
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


def _item(paired: ReviewItem, by_when: date | None = None, who: str = "") -> ChildItem:
    return ChildItem(
        paired.kind, paired.item_key, paired.professional.strip(), paired.wording, by_when, who
    )


def review_items(record: ChildRecord, review: Review) -> list[ChildItem]:
    """Every item of ``review`` the letter could speak of, with its wording where one is
    recorded: the pairing of ``domain.wording``, with the decisions the child hears of in
    the order they are due."""
    paired = paired_items(record, review)
    by_key = {(p.kind, p.item_key): p for p in paired}
    out: list[ChildItem] = []
    for d in review_decisions(record, review):
        found = by_key.get((WordingKind.DECISION, decision_key(d.id)))
        if found is not None:
            out.append(_item(found, d.by_when, d.who))
    out += [_item(p) for p in paired if p.kind != WordingKind.DECISION]
    return out
