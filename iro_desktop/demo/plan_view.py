"""The IRO's view of the plan in the demo: at each held review, how the child gave their views
(as categories that agree with the note ``texts.VIEWS_HOW`` gives for the code, so the demo's
figures read the same either way), whether the plan meets the child's needs, one or two
recommendations, and the dates of the last health assessment, dental check and PEP (a few
overdue); at each midpoint check, who was spoken to and how, and whether the plan is on track.

Each draw comes from a generator of its own, seeded by the child's reference and the day, so
the demo's main stream of draws (and everything the other tests know about the demo) is
unchanged, and the same ``today`` still gives the same demo.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from iro_desktop.demo.plan import ChildPlan, Demo
from iro_desktop.domain.dates import age_on
from iro_desktop.domain.model import MidpointCheck, Review

# By participation code: the ways that agree with the code's note in ``texts.VIEWS_HOW``.
VIEWS_BY_CODE = {
    "PN0": ("carer", "observed"),
    "PN1": ("in_person",),
    "PN2": ("in_person", "advocate"),
    "PN3": ("in_person", "pictures"),
    "PN4": ("not_given", "observed"),
    "PN5": ("advocate",),
    "PN6": ("app",),
    "PN7": ("not_given",),
}
RECOMMENDATIONS = (
    "Think about life story work once the placement is settled.",
    "Consider an advocate for the next review.",
    "Ask the virtual school about one-to-one tuition in maths.",
    "Look for a swimming club near the placement: the child asked about one.",
    "Share the plan with the child in a form they can keep.",
    "Consider a sibling contact plan written with the children's views.",
    "Ask the health team whether an eyesight check is due.",
)
NOT_MEETING = (
    "The plan does not meet the child's needs yet: there is no school place named and no "
    "date for one. I have raised this informally with the team manager."
)
PARTLY_MEETING = (
    "The plan meets most of the child's needs, but the contact arrangements are not clear "
    "enough: see the decisions."
)
NOT_ON_TRACK = {
    "PEP not yet done.": (
        "Social worker to book the PEP meeting with the virtual school by the end of the "
        "month; I will check with the designated teacher."
    ),
    "Health assessment late.": (
        "Social worker to chase the health team this week; I will check at my next visit."
    ),
}


def _rng(plan: ChildPlan, day: date, what: str) -> random.Random:
    return random.Random(f"{plan.child.child_ref}|{day.isoformat()}|{what}")


def with_plan_view(demo: Demo, plan: ChildPlan, review: Review) -> Review:
    """A held review with the IRO's view of the plan filled in."""
    day = review.parts[0].held_on
    rng = _rng(plan, day, "review")
    age = age_on(plan.child.dob, day)
    view = review.care_plan_view
    meets = "partly" if "to be completed" in view else "yes"
    draw = rng.random()
    if plan.profile.kind not in ("v3", "v4") and draw < 0.06:
        meets, view = "no", NOT_MEETING
    elif plan.profile.kind not in ("v3", "v4") and draw < 0.16:
        meets, view = "partly", PARTLY_MEETING
    health_days = rng.randint(30, 170) if age < 5 else rng.randint(30, 330)
    if rng.random() < 0.15:
        health_days = rng.randint(200, 260) if age < 5 else rng.randint(380, 450)
    dental_days = rng.randint(20, 300) if rng.random() > 0.1 else rng.randint(400, 500)
    pep_days = rng.randint(10, 100) if rng.random() > 0.15 else rng.randint(130, 200)
    return replace(
        review,
        views_given=VIEWS_BY_CODE.get(review.review_code, ()),
        plan_meets_needs=meets,
        care_plan_view=view,
        recommendations="\n".join(rng.sample(RECOMMENDATIONS, rng.choice((0, 1, 1, 2)))),
        health_assessment_on=max(plan.child.dob, demo.hold(day - timedelta(days=health_days))),
        # a first dental check by the first birthday
        dental_check_on=demo.hold(day - timedelta(days=dental_days)) if age >= 1 else None,
        pep_on=demo.hold(day - timedelta(days=pep_days)) if 3 <= age < 18 else None,
    )


def with_midpoint_view(plan: ChildPlan, check: MidpointCheck) -> MidpointCheck:
    """A midpoint check with who was spoken to, how, and whether the plan is on track."""
    rng = _rng(plan, check.done_on, "midpoint")
    child = plan.child
    people = [child.known_as, f"{child.social_worker} (social worker)"]
    carer = next((p.name for p in plan.people if p.role == "carer" and p.name), "")
    if carer and rng.random() < 0.6:
        people.insert(1, f"{carer} (carer)")
    how = rng.choice((("visit",), ("visit", "phone"), ("phone", "email"), ("video",),
                      ("meeting",)))  # fmt: skip
    concern = check.concerns.strip()
    on_track = concern not in NOT_ON_TRACK
    return replace(
        check,
        spoken_to="\n".join(people),
        spoken_how=how,
        plan_on_track=on_track,
        if_not_on_track="" if on_track else NOT_ON_TRACK[concern],
    )
