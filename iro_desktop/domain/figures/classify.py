"""Reading the IRO's free-text notes into the figures' rows: how the child gave their views,
how the parents took part. Plain-words keyword rules, first match wins for views."""

from __future__ import annotations

import re

_VIEWS_RULES = (
    ("app", r"mind of my own|\bmomo\b|viewpoint|\bapp\b"),
    ("writing", r"\bwr(ote|itten|iting|ite)\b|\bletter\b|e-?mail|\bform\b|\btext"),
    ("phone", r"phone|\bcall"),
    ("video", r"video|\bteams\b|zoom"),
    ("pictures", r"picture|\bcards?\b|symbol|drawing|makaton"),
    ("advocate", r"advocate"),
    ("not_given", r"not (to )?(share|give|say)|did not share|no views|chose not"),
    ("in_person", r"\bcame\b|attended|spoke|in person|\bjoined\b"),
)
_PARENT_RULES = (
    ("separate", r"separate|met the iro|spoke (to|with) the iro|saw the iro"),
    ("in_writing", r"e-?mail|\bwr(ote|itten|iting)\b|\bletter\b|\bform\b|sent (his|her|their)"),
    ("attended", r"\bcame\b|attended|\bjoined\b|was at|were at|present"),
    ("none", r"did not (come|attend|take part)|declined|not in the uk|no contact|not involved"),
)


# The order a review's categories are counted in when it has more than one: each review
# counts once, as the keyword rules did, so the rows add up to the reviews. The keyword
# order, with "through their carer" after "advocate" (views passed on by someone) and
# "observed" after "did not give views" (a child who chose not to give views and was
# observed counts as not giving them: being seen is not giving a view).
VIEWS_ORDER = (
    "app", "writing", "phone", "video", "pictures", "advocate", "carer", "not_given",
    "observed", "in_person", "other",
)  # fmt: skip


def views_key(categories: tuple[str, ...], note: str) -> str:
    """The figures' ``views_how`` key of one review: the first of its categories in
    ``VIEWS_ORDER``. A review recorded before the categories existed (none chosen) keeps the
    keyword reading of the IRO's note (``classify_views``), so older figures do not move."""
    for key in VIEWS_ORDER:
        if key in categories:
            return key
    return classify_views(note)


def classify_views(text: str) -> str:
    lowered = text.strip().lower()
    if not lowered:
        return "not_recorded"
    for key, pattern in _VIEWS_RULES:
        if re.search(pattern, lowered):
            return key
    return "other"


def classify_parents(text: str) -> set[str]:
    lowered = text.strip().lower()
    if not lowered:
        return {"not_recorded"}
    found = {key for key, pattern in _PARENT_RULES if re.search(pattern, lowered)}
    if "none" in found and len(found) > 1:
        found.discard("none")  # "Dad did not come; Mum sent a letter": one took part
    return found or {"none"}
