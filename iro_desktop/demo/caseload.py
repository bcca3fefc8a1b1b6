"""The demo caseload: about 70 fictional children of one IRO, believable to an IRO.

``write_demo_caseload(store, today)`` fills an empty store in one transaction. Everything is
drawn from ``random.Random(seed)`` and placed relative to ``today`` (no clock), so the same
seed and the same day give the same file. The children are at every point of the review
cycle: new this week, first review due, second and later reviews, a few overdue, midpoint
checks due; with short breaks (V3 and V4), a child placed for adoption, unaccompanied young
people, and three Welsh-speaking children placed in Wales.

How a child's history is made: the date of the last review is chosen from the phase the child
should be in today ("recent", "midpoint", "due_soon", "overdue" ...), then the earlier reviews
are laid back from it (6 months, 3 months, 20 working days, each held a little before it was
due), and the episodes are laid over that period. Short breaks and adoption are laid forwards
with the schedule engine itself. The engine then judges every review, so a late review always
carries its reason.

The chapters, in the order they draw from the generator: ``shape`` (who is on the caseload),
``people`` (who they are), ``care_histories`` and ``short_breaks`` (time in care and the
reviews held), ``episodes``, ``placements`` and ``welsh`` (where they lived), ``reviews``,
``decisions`` (and challenges), ``cycle`` (today's contacts, midpoint, booking); ``writing``
puts them in the store. ``wording`` adds the child-facing layer (the type of plan, and the
sentences written for the child) without drawing from the generator.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from iro_desktop.demo import shape
from iro_desktop.demo.care_histories import looked_after_child, new_child
from iro_desktop.demo.cycle import add_current_cycle
from iro_desktop.demo.decisions import add_challenges, add_decision_due_this_week
from iro_desktop.demo.people import add_people, identity
from iro_desktop.demo.plan import DEMO_SETTINGS, ChildPlan, Demo, Profile
from iro_desktop.demo.reviews import add_reviews, add_two_part_reviews
from iro_desktop.demo.short_breaks import (
    placed_for_adoption,
    short_break_series,
    short_break_single,
)
from iro_desktop.demo.wording import add_child_wording
from iro_desktop.demo.writing import write_plan
from iro_desktop.storage import history
from iro_desktop.storage.database import Store
from iro_desktop.storage.settings_store import save_settings

__all__ = ["DEMO_SEED", "DEMO_SETTINGS", "build_plans", "write_demo_caseload"]

DEMO_SEED = 1989  # the year of the Children Act

# How each kind of child came into care and which reviews were held (the rest: looked after).
_HISTORIES: dict[str, Callable[[Demo, ChildPlan], list[date]]] = {
    "v3": short_break_series,
    "v4": short_break_single,
    "adoption": placed_for_adoption,
    "new": new_child,
    "first_due": new_child,
    "late_first": new_child,
}


def write_demo_caseload(store: Store, today: date, seed: int = DEMO_SEED) -> int:
    """Write the demo caseload into an empty open store, in one transaction, as of ``today``.

    Returns the number of children written. The same ``seed`` and ``today`` give the same
    records (apart from the created/updated stamps)."""
    plans = build_plans(random.Random(seed), today)
    with store.atomic():
        save_settings(store, DEMO_SETTINGS, source=history.SOURCE_DEMO)
        for plan in plans:
            write_plan(store, plan)
    return len(plans)


def build_plans(rng: random.Random, today: date) -> list[ChildPlan]:
    """Every child's plan, then what is shared across the caseload (two-part reviews,
    challenges, a decision due today)."""
    demo = Demo(rng, today)
    profiles = shape.profiles(rng)
    styles = shape.participation_styles(rng, profiles)
    plans = [
        _build_child(demo, profile, style) for profile, style in zip(profiles, styles, strict=True)
    ]
    add_two_part_reviews(demo, plans)
    add_challenges(demo, plans)
    add_decision_due_this_week(demo, plans)
    add_child_wording(demo, plans)  # draws nothing: follows from what the others drew
    return plans


def _build_child(demo: Demo, profile: Profile, style: str) -> ChildPlan:
    plan = ChildPlan(profile, identity(demo, profile), style=style)
    held = _HISTORIES.get(profile.kind, looked_after_child)(demo, plan)
    plan.child = replace(plan.child, language_recorded_on=plan.episodes[0].decom)
    add_reviews(demo, plan, held)
    add_current_cycle(demo, plan)
    add_people(demo, plan)
    if profile.kind in ("left_18", "left_sgo"):
        leaving = plan.episodes[-1].dec or demo.today
        plan.child = replace(plan.child, archived_on=leaving + timedelta(days=21))
    return plan
