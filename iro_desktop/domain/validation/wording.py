"""The child-facing layer: what a wording must hold before it is saved."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from iro_desktop.domain.model import ChildWording, WordingKind
from iro_desktop.domain.validation.common import Problem
from iro_desktop.i18n import _

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
            Problem(field, _("This wording is for an item the review no longer has: refresh it."))
        )
    texts = (wording.text_en, wording.text_cy)
    replies = (wording.reply_en, wording.reply_cy)
    if wording.confirmed:
        if wording.kind == WordingKind.CHILD_SAID and not any(r.strip() for r in replies):
            problems.append(Problem(field, _("Write your answer to what the child said.")))
        elif wording.kind != WordingKind.CHILD_SAID and not any(t.strip() for t in texts):
            problems.append(
                Problem(field, _("Write the sentence for the child, or leave it unconfirmed."))
            )
    for text in (*texts, *replies):
        if len(text.split()) > MAX_WORDS:
            problems.append(
                Problem(
                    field,
                    _("Keep it short for the child: %(max_words)s words at most.")
                    % {"max_words": MAX_WORDS},
                )
            )
            break
    decisions = {k for kd, k in keys if kd == WordingKind.DECISION}
    if wording.answers and wording.kind != WordingKind.WORRY:
        problems.append(Problem(field, _("Only a worry is answered by decisions.")))
    elif any(a not in decisions for a in wording.answers):
        problems.append(
            Problem(field, _("A worry can only be answered by this review's decisions."))
        )
    return problems


def next_contact_problems(
    review_code: str, next_contact_on: date | None, review_day: date | None, name: str
) -> list[Problem]:
    """A child who did not take part (PN7) is told in their letter when the IRO will visit
    or call: the date is needed, and it comes after the review."""
    if review_code == "PN7" and next_contact_on is None:
        return [
            Problem(
                "next_contact_on",
                _(
                    "%(name)s did not take part: enter when you will next visit or "
                    "call them, so that their letter can tell them."
                )
                % {"name": name},
                required=True,
            )
        ]
    if next_contact_on and review_day and next_contact_on < review_day:
        return [Problem("next_contact_on", _("The next visit or call comes after the review."))]
    return []
