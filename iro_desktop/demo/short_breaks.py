"""Short breaks (V3 and V4) and a child placed for adoption: their reviews are laid forwards
with the schedule engine itself, since their timing rules differ from the usual cycle."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from iro_desktop.demo import names as names
from iro_desktop.demo.episodes import episodes_from
from iro_desktop.demo.placements import placement, postcode, urn
from iro_desktop.demo.plan import ChildPlan, Demo, Placement
from iro_desktop.domain.model import Episode


def _forward_reviews(
    demo: Demo, plan: ChildPlan, until: date, held: list[date], early: tuple[int, int] = (2, 14)
) -> list[date]:
    held = list(held)
    while True:
        schedule = demo.schedule(plan, held)
        if schedule.next_due is None:
            return held
        day = demo.hold(schedule.next_due.due - timedelta(days=demo.rng.randint(*early)))
        if day >= until or (held and day <= held[-1]):
            return held
        held.append(day)


def short_break_series(demo: Demo, plan: ChildPlan) -> list[date]:
    """V3: a weekend with the same carers every four weeks, each break its own episode."""
    first = demo.today - relativedelta(months=15)
    first -= timedelta(days=(first.weekday() - 4) % 7)  # back to a Friday
    carer = placement(demo, "foster_short", plan)
    carer = replace(carer, name=f"Short break carers ({carer.name.split(' (')[0]})")
    home_post = postcode(demo, False)
    friday = first
    while friday + timedelta(days=2) < demo.today - timedelta(days=3):
        plan.episodes.append(
            Episode(
                None,
                friday,
                "S",
                "V3",
                "N2",
                carer.place,
                carer.provider,
                dec=friday + timedelta(days=2),
                rec="E4A",
                home_post=home_post,
                pl_post=carer.pl_post,
                urn=carer.urn,
                placement_name=carer.name,
            )
        )
        friday += timedelta(weeks=4)
    plan.placements = [(first, carer)]
    return _forward_reviews(demo, plan, demo.today, [])


def short_break_single(demo: Demo, plan: ChildPlan) -> list[date]:
    """V4: one episode for the agreed series of short breaks at a short-break unit."""
    start = demo.hold(demo.today - relativedelta(months=20) - timedelta(days=9))
    unit = Placement(
        "short_break",
        "K2",
        "PR1",
        postcode(demo, False),
        urn(demo),
        demo.rng.choice(names.SHORT_BREAK_UNITS),
    )
    plan.episodes = [
        Episode(
            None,
            start,
            "S",
            "V4",
            "N2",
            unit.place,
            unit.provider,
            home_post=postcode(demo, False),
            pl_post=unit.pl_post,
            urn=unit.urn,
            placement_name=unit.name,
        )
    ]
    plan.placements = [(start, unit)]
    return _forward_reviews(demo, plan, demo.today, [])


def placed_for_adoption(demo: Demo, plan: ChildPlan) -> list[date]:
    """Interim care order, placement order (E1), then placed with adopters (A6)."""
    rng, dob = demo.rng, plan.child.dob
    start = max(demo.today - relativedelta(months=rng.randint(14, 17)), dob + timedelta(days=160))
    authorised = demo.hold(demo.today - timedelta(days=rng.randint(95, 125)))
    placed = demo.today - timedelta(days=rng.randint(14, 20))
    foster = placement(demo, "foster_short", plan)
    adopters = placement(demo, "adopters", plan)
    legal = [(start, "C1"), (authorised, "E1")]
    plan.episodes = episodes_from(demo, plan, legal, [(start, foster)])
    held = _forward_reviews(demo, plan, placed, [])
    plan.episodes = episodes_from(demo, plan, legal, [(start, foster), (placed, adopters)])
    return _forward_reviews(demo, plan, demo.today, held, early=(1, 4))
