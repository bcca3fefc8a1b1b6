"""903 episodes: where the child lived and under which legal status, from the start of care
to today (or leaving), each change of either one a new episode."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from iro_desktop.demo.placements import placement, postcode
from iro_desktop.demo.plan import ChildPlan, Demo, Placement, Profile
from iro_desktop.demo.welsh import welsh_placement
from iro_desktop.domain.dates import age_on
from iro_desktop.domain.model import Episode


def placement_path(
    demo: Demo, plan: ChildPlan, start: date, end: date
) -> list[tuple[date, Placement]]:
    """Where the child lived from ``start`` to ``end``: a first placement, then moves."""
    profile, age = plan.profile, age_on(plan.child.dob, start)
    if profile.kind == "welsh":
        return [(start, welsh_placement(demo, profile.variant, plan))]
    if profile.kind == "uasc":
        first = "foster_short" if age < 16 else "semi"
        later = ["semi"]
    elif profile.kind == "teen_mother":
        first, later = "foster_long", ["parent_child"]
    elif age >= 14:
        first = demo.rng.choice(("foster_short", "home", "semi" if age >= 16 else "home"))
        later = ["home", "foster_long", "semi"] if age >= 15 else ["home", "foster_long"]
    else:
        first = demo.rng.choice(("foster_short", "foster_short", "kin_short"))
        later = ["foster_long", "kin_long"] if first == "kin_short" else ["foster_long"]
    path = [(start, placement(demo, first, plan))]
    days = (end - start).days
    moves = 0 if days < 150 else demo.rng.choice((0, 1, 1, 2) if days < 730 else (1, 1, 2, 3))
    if profile.kind == "teen_mother":
        moves = 1
    for step in range(moves):
        low = path[-1][0] + timedelta(days=max(45, days // (moves + 2)))
        high = end - timedelta(days=20)
        if low >= high:
            break
        day = demo.days_between(low, min(high, low + timedelta(days=days // max(moves, 1))))
        kind = later[min(step, len(later) - 1)] if step == 0 else demo.rng.choice(later)
        path.append((day, placement(demo, kind, plan)))
    return path


def legal_path(demo: Demo, plan: ChildPlan, start: date, end: date) -> list[tuple[date, str]]:
    profile = plan.profile
    if profile.kind == "uasc":
        return [(start, "V2" if profile.legal == "s20" else "C2")]
    if profile.legal == "s20":
        return [(start, "V2")]
    steps = [(start, "C1")]
    if profile.legal == "epo":
        steps = [(start, "L2"), (start + timedelta(days=8), "C1")]
    final = start + timedelta(weeks=demo.rng.randint(24, 40))
    if final < end - timedelta(days=10):
        steps.append((final, "C2"))
    return [s for s in steps if s[0] < end or s[0] == start]


def episodes_from(
    demo: Demo,
    plan: ChildPlan,
    legal: list[tuple[date, str]],
    placements: list[tuple[date, Placement]],
    left: tuple[date, str] | None = None,
) -> list[Episode]:
    """903 episodes from the legal-status and placement changes (``RNE`` S, L, P, B)."""
    days = sorted({d for d, _ in legal} | {d for d, _ in placements})
    cin = _cin_for(demo, plan.profile)
    home_post = postcode(demo, False)
    episodes: list[Episode] = []
    ls, place = legal[0][1], placements[0][1]
    for i, day in enumerate(days):
        new_ls = next((v for d, v in legal if d == day), None)
        new_place = next((p for d, p in placements if d == day), None)
        if i == 0:
            rne = "S"
        elif new_ls and new_place:
            rne = "B"  # legal status, placement and carers all change (not T)
        else:
            rne = "L" if new_ls else "P"
        ls, place = new_ls or ls, new_place or place
        episodes.append(
            Episode(
                id=None,
                decom=day,
                rne=rne,
                ls=ls,
                cin=cin,
                place=place.place,
                place_provider=place.provider,
                reason_place_change=_move_reason(demo, place) if rne in ("P", "B") else "",
                home_post=home_post,
                pl_post=place.pl_post,
                urn=place.urn,
                placement_name=place.name,
            )
        )
    for i in range(len(episodes) - 1):
        episodes[i] = replace(episodes[i], dec=episodes[i + 1].decom, rec="X1")
    if left is not None:
        episodes[-1] = replace(episodes[-1], dec=left[0], rec=left[1])
    plan.placements = sorted(placements, key=lambda item: item[0])
    return episodes


def _cin_for(demo: Demo, profile: Profile) -> str:
    if profile.kind == "uasc":
        return "N8"
    if profile.kind in ("v3", "v4"):
        return "N2"
    if profile.legal == "s20":
        return demo.rng.choice(("N4", "N5", "N6", "N3"))
    return demo.rng.choices(("N1", "N5", "N3", "N4"), weights=(70, 15, 10, 5))[0]


def _move_reason(demo: Demo, place: Placement) -> str:
    if place.kind in ("foster_long", "kin_long", "adopters", "semi", "parent_child"):
        return "CARPL"
    if place.kind == "secure":
        return "CUSTOD"
    return demo.rng.choices(
        ("CARPL", "CREQB", "CREQO", "CHILD", "STAND", "LAREQ"), weights=(40, 20, 15, 10, 8, 7)
    )[0]
