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
