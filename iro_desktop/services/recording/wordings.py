"""The child-facing wording written while a review is recorded: its items' keys before the
new decisions have ids ("new:<n>"), and resolving them once they do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from iro_desktop.domain.model import WordingKind
from iro_desktop.domain.wording import LINE_FIELDS, decision_key, item_lines, line_key
from iro_desktop.storage.wordings import TABLE, wording_row

__all__ = ["NEW_PREFIX", "TABLE", "entry_item_keys", "resolve_new", "wording_row"]

NEW_PREFIX = "new:"  # a decision of the review being recorded, by its place in the entry


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
