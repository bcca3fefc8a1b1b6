"""Demo children in the situations a letter must handle, found by what their record says
(not by reference, so a change to the demo's seed still finds them): the letters the page
check converts in one batch, and the children an IRO would read first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from iro_desktop.domain.model import ChildRecord, PlanType, Review
from iro_desktop.domain.schedule import age_on
from iro_desktop.letters.choices import (
    held_reviews,
    is_placed_for_adoption,
    is_short_breaks,
    moved_since,
    needs_easy_read,
    pick_review,
)


@dataclass(frozen=True)
class Pick:
    name: str
    ref: str
    version: str | None  # None: the version the letter service chooses
    lang: str | None
    with_rights: bool = False


@dataclass(frozen=True)
class Seen:
    record: ChildRecord
    review: Review
    age: int
    today: date

    @property
    def child(self):
        return self.record.child


# (name, version, language, with the rights page, what the record must say), in the order
# they are looked for; each child is picked once.
WANTED: tuple[tuple[str, str | None, str | None, bool, Callable[[Seen], bool]], ...] = (
    ("easy_read", None, None, False, lambda s: needs_easy_read(s.child)),
    ("adoption", None, None, False, lambda s: is_placed_for_adoption(s.record, s.today)),
    ("short_breaks", None, None, False, lambda s: is_short_breaks(s.record, s.today)),
    ("welsh_read_aloud", None, "cy", False, lambda s: s.child.language == "cy" and s.age < 8),
    ("welsh_cy", None, "cy", False, lambda s: s.child.language == "cy" and s.age >= 8),
    ("welsh_both", None, "both", True, lambda s: s.child.language == "cy"),
    ("toddler", None, None, False, lambda s: s.age < 4),
    ("age5", None, None, False, lambda s: 4 <= s.age < 6),
    ("age7", None, None, False, lambda s: 6 <= s.age <= 8),
    ("age12", None, None, True, lambda s: 11 <= s.age <= 13),
    ("uasc_interpreter", None, None, False, lambda s: s.child.uasc and s.age >= 16),
    ("did_not_take_part", None, None, False, lambda s: s.review.review_code.upper() == "PN7"),
    ("staying_put", None, None, False, lambda s: s.review.plan_type == PlanType.STAYING_PUT),
    ("moved", None, None, False, lambda s: moved_since(s.record, s.review, s.today) is not None),
    ("going_home", None, None, False, lambda s: s.review.plan_type == PlanType.GOING_HOME),
    ("last_before_18", None, None, False, lambda s: s.age == 17),
)


def seen(records, today: date) -> list[Seen]:
    out = []
    for record in records:
        if not held_reviews(record):
            continue
        review = pick_review(record)
        out.append(Seen(record, review, age_on(record.child.dob, review.part_dates[0]), today))
    return out


def demo_picks(records, today: date) -> dict[str, Pick]:
    """One demo child for each situation of ``WANTED`` the demo has."""
    children = seen(records, today)
    taken: set[str] = set()
    picks: dict[str, Pick] = {}
    for name, version, lang, rights, wanted in WANTED:
        for s in children:
            if s.child.child_ref not in taken and wanted(s):
                taken.add(s.child.child_ref)
                picks[name] = Pick(name, s.child.child_ref, version, lang, rights)
                break
    return picks
