"""Where the child lives now, and whether that is outside the council's own area."""

from __future__ import annotations

from datetime import date

from iro_desktop.domain.model import ChildRecord, Episode
from iro_desktop.domain.settings import Settings


def outward_code(postcode: str) -> str:
    """The district part of a postcode: "NW8 7AB" -> "NW8", "nw87ab" -> "NW8"."""
    text = postcode.strip().upper()
    if " " in text:
        return text.split()[0]
    return text[:-3] if len(text) > 4 else text


def _area(outward: str) -> str:
    return "".join(ch for ch in outward if ch.isalpha())


def is_out_of_area(episode: Episode, settings: Settings) -> bool | None:
    """True when the placement postcode lies outside the council's postcode areas or
    districts (a setting). None when either is unknown: we do not guess."""
    if not episode.pl_post.strip() or not settings.council_postcodes:
        return None
    outward = outward_code(episode.pl_post)
    for entry in settings.council_postcodes:
        entry = entry.strip().upper()
        if outward == entry or (entry.isalpha() and _area(outward) == entry):
            return False
    return True


def current_episode(record: ChildRecord, today: date) -> Episode | None:
    """The latest episode that has started by ``today`` and is not archived."""
    started = [e for e in record.episodes if e.archived_on is None and e.decom <= today]
    return max(started, key=lambda e: e.decom, default=None)
