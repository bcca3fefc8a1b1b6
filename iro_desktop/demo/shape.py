"""The caseload's shape: who is on it (the special cases, then ordinary children to fill the
ages) and how each child usually takes part in reviews."""

from __future__ import annotations

import random

from iro_desktop.demo.plan import Profile

# Share of children by age today (the seeds' mix): 0-4, 5-9, 10-15, 16-17.
AGE_BAND_TARGETS = {(0, 4): 10, (5, 9): 14, (10, 15): 28, (16, 17): 17}


def profiles(rng: random.Random) -> list[Profile]:
    """Who is on the caseload: the special cases, then ordinary children to fill the ages."""
    specials = [
        *(
            Profile("uasc", rng.choice((16, 17)), legal="s20" if i < 7 else "court")
            for i in range(9)
        ),
        Profile("welsh", 7, variant="nain"),
        Profile("welsh", 11, variant="mam-gu"),
        Profile("welsh", 14, variant="foster"),
        Profile("v3", 9),
        Profile("v4", 13),
        Profile("adoption", 2),
        Profile("new", 0, legal="epo"),
        Profile("new", 14, legal="s20"),
        Profile("first_due", 5),
        Profile("first_due", 15, legal="s20"),
        Profile("late_first", 8),
        Profile("general", 10, phase="overdue"),
        Profile("general", 16, phase="overdue", legal="s20"),
        Profile("general", 12, phase="overdue"),
        Profile("left_18", 18),
        Profile("left_home", 6, legal="s20"),
        Profile("left_sgo", 3),
        Profile("placement_order", 3),
        Profile("remand", 16, legal="s20"),
        Profile("teen_mother", 17),
    ]
    counts = dict.fromkeys(AGE_BAND_TARGETS, 0)
    for p in specials:
        for band in counts:
            if band[0] <= p.age <= band[1]:
                counts[band] += 1
    ages = [
        rng.randint(low, high)
        for (low, high), target in AGE_BAND_TARGETS.items()
        for _ in range(target - counts[(low, high)])
    ]
    phases = ["recent"] * 7 + ["midpoint"] * 7 + ["due_soon"] * 9 + ["second"] * 3
    phases += ["any"] * (len(ages) - len(phases))
    rng.shuffle(phases)
    general = [
        Profile("general", age, phase=phase, legal=_legal_path(rng, age))
        for age, phase in zip(ages, phases, strict=True)
    ]
    everyone = specials + general
    rng.shuffle(everyone)
    return everyone


def participation_styles(rng: random.Random, profiles: list[Profile]) -> list[str]:
    """How each child usually takes part, in Table H's proportions (seed 002).

    A review uses the child's own way most of the time; PN0 is used for any review before
    the 4th birthday whatever the style."""
    fixed = {"v3": "PN2", "v4": "PN3"}
    quota = ["PN2", "PN4", "PN5"] + ["PN6"] * 7 + ["PN7"] * 7
    free = sum(1 for p in profiles if p.kind not in fixed)
    quota += ["PN1"] * (free - len(quota))
    rng.shuffle(quota)
    styles = []
    for profile in profiles:
        styles.append(fixed.get(profile.kind) or quota.pop())
    return styles


def _legal_path(rng: random.Random, age: int) -> str:
    if age <= 4:
        return "court"
    if age >= 16:
        return rng.choice(("s20", "court"))
    return rng.choices(("court", "s20", "epo"), weights=(60, 25, 15))[0]
