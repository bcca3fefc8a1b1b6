"""Pairing a review's professional text with its child-facing layer (pure: no storage).

Each item of a review the child's letter can speak about (a decision, a worry, a thing going
well, something the child said, a reason for the plan) is paired with its live
``ChildWording``. The review form, the letter and its warnings all use this one pairing, so
that "written", "suggested" and "not yet written" mean the same everywhere.

Lines: a worry, good thing, thing the child said or plan reason is one non-blank line of its
field; ``item_key`` "line:<n>" counts those lines from 0 (blank lines are not counted).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from iro_desktop.domain.model import ChildRecord, ChildWording, PlanType, Review, WordingKind
from iro_desktop.i18n import N_

# The review field each line-kind comes from.
LINE_FIELDS = {
    WordingKind.WORRY: "worries",
    WordingKind.GOING_WELL: "going_well",
    WordingKind.CHILD_SAID: "child_words",
    WordingKind.PLAN_REASON: "plan_reasons",
}
# The phrase bank's theme for each type of plan.
PLAN_THEMES = {
    PlanType.STAYING_HERE: "staying_here",
    PlanType.GOING_HOME: "going_home",
    PlanType.ADOPTION: "adoption",
    PlanType.SPECIAL_GUARDIANSHIP: "special_guardianship",
    PlanType.STAYING_PUT: "staying_put",
    PlanType.OWN_HOME: "living_on_your_own",
    PlanType.OTHER: "other",
}
# The words the IRO reads for each type of plan (the review form's choices), marked for the
# app's catalogue: ``_(PLAN_WORDS[plan])`` where shown.
PLAN_WORDS = {
    PlanType.NOT_RECORDED: N_("Not recorded"),
    PlanType.STAYING_HERE: N_("Staying here while growing up (long-term care)"),
    PlanType.GOING_HOME: N_("Going home (return to family)"),
    PlanType.ADOPTION: N_("Adoption"),
    PlanType.SPECIAL_GUARDIANSHIP: N_("Special guardianship"),
    PlanType.STAYING_PUT: N_("Staying put (after 18 with carers)"),
    PlanType.OWN_HOME: N_("Getting ready to live independently"),
    PlanType.OTHER: N_("Other"),
}


def item_lines(text: str) -> list[str]:
    """The non-blank lines of a field, stripped: the items "line:<n>" counts."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def line_key(n: int) -> str:
    return f"line:{n}"


def decision_key(decision_id: int | None) -> str:
    return f"decision:{decision_id}"


@dataclass(frozen=True)
class ReviewItem:
    """One thing a review says that the child's letter may speak about."""

    kind: WordingKind
    item_key: str
    professional: str  # the recorded text (a decision's "what"; one line of a field)
    wording: ChildWording | None  # its live child-facing wording, confirmed or suggested

    @property
    def written(self) -> bool:
        """Confirmed by the IRO with some text (for something the child said: a reply)."""
        w = self.wording
        if w is None or not w.confirmed:
            return False
        if self.kind == WordingKind.CHILD_SAID:
            return bool(w.reply_en.strip() or w.reply_cy.strip())
        return bool(w.text_en.strip() or w.text_cy.strip())

    @property
    def suggested(self) -> bool:
        """An unconfirmed suggestion waits for the IRO (used only when they choose)."""
        w = self.wording
        return (
            w is not None
            and not w.confirmed
            and bool(w.text_en or w.text_cy or w.reply_en or w.reply_cy)
        )

    @property
    def changed_since_written(self) -> bool:
        """The professional text was edited after the child-facing wording was written."""
        w = self.wording
        return w is not None and bool(w.professional) and w.professional != self.professional

    def status(self, name: str) -> str:
        """What the form shows beside the item, with the child's preferred name."""
        if self.written:
            if self.changed_since_written:
                return f"written for {name}; the record has changed since: check it"
            return f"written for {name}"
        if self.suggested:
            return f"suggested, not yet written for {name}"
        return f"not yet written for {name}"


def review_decision_ids(record: ChildRecord, review_id: int | None) -> list[int]:
    """Every decision recorded at the review (archived too), in the order recorded."""
    return sorted(d.id for d in record.decisions if d.review_id == review_id and d.id is not None)


def live_wordings(
    record: ChildRecord, review_id: int | None
) -> dict[tuple[str, str], ChildWording]:
    """The review's live wordings by (kind, item_key); the latest row wins."""
    out: dict[tuple[str, str], ChildWording] = {}
    for w in sorted(record.wordings, key=lambda w: w.id or 0):
        if w.review_id == review_id and w.archived_on is None:
            out[(str(w.kind), w.item_key)] = w
    return out


def review_items(record: ChildRecord, review: Review) -> list[ReviewItem]:
    """Every item of ``review`` with its child-facing wording (None where none exists):
    the review's decisions (live, in the order recorded), then its worries, things going
    well, things the child said and reasons for the plan, line by line, then "something I
    learned about you" when one was written."""
    wordings = live_wordings(record, review.id)
    items: list[ReviewItem] = []
    decisions = sorted(
        (d for d in record.decisions if d.review_id == review.id and d.archived_on is None),
        key=lambda d: d.id or 0,
    )
    for d in decisions:
        key = decision_key(d.id)
        items.append(
            ReviewItem(WordingKind.DECISION, key, d.what, wordings.get((WordingKind.DECISION, key)))
        )
    for kind, field_name in LINE_FIELDS.items():
        for n, line in enumerate(item_lines(getattr(review, field_name))):
            key = line_key(n)
            items.append(ReviewItem(kind, key, line, wordings.get((str(kind), key))))
    learned = wordings.get((WordingKind.LEARNED, ""))
    if learned is not None:
        items.append(ReviewItem(WordingKind.LEARNED, "", "", learned))
    return items


def answering(items: Iterable[ReviewItem], worry: ReviewItem) -> list[ReviewItem]:
    """The decisions (among ``items``) a worry's wording says answer it."""
    keys = set(worry.wording.answers) if worry.wording else set()
    return [i for i in items if i.kind == WordingKind.DECISION and i.item_key in keys]


def match_theme(text: str, keywords: Mapping[str, Iterable[str]]) -> str:
    """The first theme (in ``keywords``' order) one of whose keywords starts a word of
    ``text`` (case-insensitive; a keyword may be several words). "" when none matches: an
    item with no theme gets no suggestion."""
    words = " " + re.sub(r"[^\w'’-]+", " ", (text or "").lower()) + " "
    for theme, stems in keywords.items():
        for stem in stems:
            stem = stem.strip().lower()
            if stem and re.search(r"(?<![\w])" + re.escape(stem), words):
                return theme
    return ""
