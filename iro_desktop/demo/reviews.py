"""Reviews and what surrounds them: each held review (venue, who came, how the child took
part, what is going well, the worries, the child's words), the pre-review meeting and IRO
contact before it, the midpoint check after it, and the two reviews held in two parts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from iro_desktop.demo import names as names
from iro_desktop.demo import texts as texts
from iro_desktop.demo.decisions import decisions_for
from iro_desktop.demo.for_the_child import (
    ADOPTED_GOING_WELL,
    ADOPTED_WORRIES,
    ADOPTION_PLANS,
    WAITING_GOING_WELL,
    WAITING_WORRIES,
)
from iro_desktop.demo.plan import ChildPlan, Demo, Placement, ReviewPlan
from iro_desktop.demo.plan_view import with_midpoint_view, with_plan_view
from iro_desktop.demo.welsh import for_gender
from iro_desktop.demo.wording import with_plan
from iro_desktop.domain.dates import age_on
from iro_desktop.domain.model import (
    Contact,
    MidpointCheck,
    PreReviewMeeting,
    Review,
    ReviewPart,
    ReviewStatus,
)

# Table H of seed 002 (Westminster 2022/23): codes for children aged 4 and over.
PN_WEIGHTS = {"PN1": 349, "PN2": 6, "PN3": 3, "PN4": 2, "PN5": 4, "PN6": 45, "PN7": 42}
ATTENDED = ("PN1", "PN2", "PN3", "PN4")

LATE_REASONS = (
    "Rearranged: the child was unwell on the day.",
    "Rearranged: the social worker was in court.",
    "Moved by a few days so that Mum could attend.",
    "Rearranged after the carer's bereavement, by agreement.",
)
LATE_FIRST_REASON = (
    "Late notification: the IRO service was told two weeks after the child became looked after."
)


def add_reviews(demo: Demo, plan: ChildPlan, held: list[date]) -> None:
    plan.reviews = [
        ReviewPlan(_held_review(demo, plan, day, i == len(held) - 1)) for i, day in enumerate(held)
    ]
    plan.reviews = [
        replace(rp, review=replace(rp.review, id=i)) for i, rp in enumerate(plan.reviews, start=1)
    ]
    schedule = demo.schedule(plan)
    for judged in schedule.reviews:
        rp = plan.reviews[judged.review_id - 1]
        if not judged.in_time:
            reasons = LATE_REASONS[:2] if plan.profile.kind == "uasc" else LATE_REASONS
            reason = LATE_FIRST_REASON if judged.number == 1 else demo.rng.choice(reasons)
            rp.review = replace(rp.review, timing_reason=reason)
    for i, rp in enumerate(plan.reviews):
        later = plan.reviews[i + 1].review.parts[0].held_on if i + 1 < len(held) else None
        _add_review_extras(demo, plan, rp, later, recent=i >= len(held) - 3)


def _held_review(demo: Demo, plan: ChildPlan, day: date, latest: bool) -> Review:
    rng, child = demo.rng, plan.child
    code = _code_for(demo, plan, day)
    band = plan.band(day)
    placement = plan.placement_on(day)
    going_well, worries, words = _review_texts(demo, plan, band, code)
    if placement.kind == "adopters" or plan.profile.kind in ADOPTION_PLANS:
        # The plan is adoption: no talk of more time with the birth family.
        placed = placement.kind == "adopters"
        going_well = _adopted(
            going_well,
            texts.GOING_WELL["under4"],
            ADOPTED_GOING_WELL if placed else WAITING_GOING_WELL,
        )
        worries = _adopted(worries, texts.WORRIES["under4"],
                           ADOPTED_WORRIES if placed else WAITING_WORRIES)  # fmt: skip
    if plan.profile.kind == "welsh":
        going_well, worries, words = (
            for_gender(t, child.gender) for t in (going_well, worries, words)
        )
    circulated = demo.wd_after(day, rng.randint(1, 5) if demo.chance(0.9) else rng.randint(6, 9))
    letter = demo.wd_after(day, rng.randint(8, 20) if demo.chance(0.88) else rng.randint(21, 28))
    if latest and (demo.today - day).days < 60 and demo.chance(0.25):
        letter = demo.today  # still being written
    if latest and demo.wd_after(day, 5) >= demo.today:
        circulated = demo.today  # still within the 5 working days: not out yet
    consultation = demo.calendar.add_working_days(day, -rng.randint(18, 22))[0]
    review = Review(
        id=None,
        status=ReviewStatus.HELD,
        parts=(ReviewPart(day, venue(demo, plan, placement)),),
        venue=venue(demo, plan, placement),
        venue_childs_choice=demo.chance(0.6) if band in ("teen", "young_person", "uasc") else None,
        attendees=_attendees(demo, plan, placement, code, band),
        review_code=code,
        views_how=texts.VIEWS_HOW[code],
        parents_participation=_parents_participation(demo, plan, placement),
        decisions_circulated_on=circulated if circulated < demo.today else None,
        letter_sent_on=letter if letter < demo.today else None,
        record_sent_on=letter if letter < demo.today else None,
        consultation_sent_on=consultation if band != "under4" else None,
        consultation_returned_on=(
            consultation + timedelta(days=rng.randint(5, 12))
            if band != "under4" and demo.chance(0.55)
            else None
        ),
        care_plan_view=_care_plan_view(plan, placement),
        going_well=going_well,
        worries=worries,
        child_words=words,
        text_language="cy" if child.language == "cy" else "en",
    )
    return with_plan_view(demo, plan, with_plan(demo, plan, placement, review))


def _adopted(text: str, bank: tuple[str, ...], adopted: tuple[str, ...]) -> str:
    """The same place in the adopted child's bank (the draw already made is kept)."""
    return adopted[bank.index(text)] if text in bank else text


def _code_for(demo: Demo, plan: ChildPlan, on: date) -> str:
    if age_on(plan.child.dob, on) < 4:
        return "PN0"
    if plan.profile.kind in ("v3", "v4") or demo.chance(0.85):
        return plan.style
    return demo.rng.choices(list(PN_WEIGHTS), weights=list(PN_WEIGHTS.values()))[0]


def _review_texts(demo: Demo, plan: ChildPlan, band: str, code: str) -> tuple[str, str, str]:
    rng = demo.rng
    if plan.profile.kind == "welsh":
        welsh = texts.WELSH_TEXTS[plan.profile.variant]
        words = rng.choice(welsh["child_words"]) if code not in ("PN4", "PN7") else ""
        return rng.choice(welsh["going_well"]), rng.choice(welsh["worries"]), words
    if plan.profile.kind in ("v3", "v4"):
        return (
            rng.choice(texts.GOING_WELL["short_breaks"]),
            rng.choice(texts.WORRIES["short_breaks"]),
            rng.choice(texts.SHOWN_WORDS),
        )
    bank = band if band in texts.CHILD_WORDS else "child"
    if code in ("PN0", "PN4", "PN7"):
        words = ""
    elif code == "PN3":
        words = "Pointed to the smiley face card for home and for school."
    else:
        words = rng.choice(texts.CHILD_WORDS[bank])
    return rng.choice(texts.GOING_WELL[band]), rng.choice(texts.WORRIES[band]), words


def venue(demo: Demo, plan: ChildPlan, placement: Placement) -> str:
    kind = {
        "foster_short": "foster",
        "foster_long": "foster",
        "kin_short": "kin",
        "kin_long": "kin",
        "home": "home",
        "semi": "semi",
        "adopters": "adopters",
        "short_break": "short_breaks",
    }.get(placement.kind, "other")
    if plan.profile.kind == "v3":
        kind = "short_breaks"
    return demo.rng.choice(texts.VENUES[kind])


def _attendees(demo: Demo, plan: ChildPlan, placement: Placement, code: str, band: str) -> tuple:
    child = plan.child
    people = []
    if code in ATTENDED:
        people.append(
            f"{child.known_as} (child)" if band != "uasc" else f"{child.known_as} (young person)"
        )
    if plan.profile.kind in ("v3", "v4"):
        people.append("Mum and Dad")
    elif band != "uasc" and demo.chance(0.6) and placement.kind != "adopters":
        people.append("Mum")
    if placement.carer:
        role = "key worker" if "key worker" in placement.carer else "carer"
        people.append(f"{placement.carer.replace(' (key worker)', '')} ({role})")
    people.append(f"{child.social_worker} (social worker)")
    if band in ("child", "teen") and demo.chance(0.5):
        people.append("Designated teacher")
    if band == "under4":
        people.append("Health visitor")
    if band in ("young_person", "uasc"):
        people.append("Personal adviser")
    if code in ("PN2", "PN5"):
        people.append("Advocate")
    if child.interpreter_needed:
        language = child.communication_needs.split(";")[0].removeprefix("First language ")
        people.append(f"Interpreter ({language})")
    return tuple(people)


def _parents_participation(demo: Demo, plan: ChildPlan, placement: Placement) -> str:
    if plan.profile.kind == "uasc":
        return "Parents are not in the UK."
    said = demo.rng.choice(
        (
            "Mum came to the review.",
            "Mum came; Dad sent his views by email.",
            "Parents invited; did not come. The social worker shared their views.",
            "Dad joined by phone.",
            "Mum met the IRO separately before the review.",
        )
    )
    if placement.kind == "adopters":  # the draw is kept, so the rest of the demo is unchanged
        return "Birth parents were told of the review; letterbox contact only."
    return said


def _care_plan_view(plan: ChildPlan, placement: Placement) -> str:
    kind = plan.profile.kind
    if kind in ("v3", "v4"):
        return "Short break plan endorsed; the breaks meet the child's and family's needs."
    if kind == "uasc":
        return "Care plan endorsed; pathway plan to be completed."
    if placement.kind == "adopters":
        return "Adoption plan endorsed; the placement is meeting the child's needs."
    if placement.kind in ("foster_long", "kin_long"):
        return "Plan for permanence through long-term fostering endorsed."
    return "Care plan endorsed with the changes in the decisions below."


def _add_review_extras(
    demo: Demo, plan: ChildPlan, rp: ReviewPlan, next_held: date | None, recent: bool
) -> None:
    """Pre-review meeting, IRO contact, decisions and the midpoint check after it."""
    rng, day = demo.rng, rp.review.parts[0].held_on
    if demo.chance(0.85):
        rp.meeting = PreReviewMeeting(
            None,
            None,
            demo.hold(day - timedelta(days=rng.randint(4, 15))),
            with_whom=f"{plan.child.social_worker} (social worker)",
            issues=rng.choice(
                (
                    "Contact arrangements and school.",
                    "Health and CAMHS wait.",
                    "Care plan and the next steps.",
                    "Placement stability.",
                )
            ),
        )
    if demo.chance(0.85):
        plan.contacts.append(
            Contact(
                None,
                demo.hold(day - timedelta(days=rng.randint(2, 12))),
                rng.choice(("visit", "visit", "phone", "video")),
                "Spoke with the child before the review.",
            )
        )
    if recent:
        rp.decisions = decisions_for(demo, plan, day, next_held)
    if next_held is not None:
        midpoint = day + (next_held - day) / 2
        if demo.chance(0.4):
            plan.contacts.append(
                Contact(None, demo.hold(midpoint), "visit", "Visit between reviews.")
            )
        if demo.chance(0.85):
            done = demo.hold(midpoint + timedelta(days=rng.randint(-10, 10)))
            rp.midpoint = with_midpoint_view(
                plan,
                MidpointCheck(
                    None, None, done, concerns=rng.choice(("", "", "Health assessment late."))
                ),
            )


def add_two_part_reviews(demo: Demo, plans: list[ChildPlan]) -> None:
    """Two reviews held in two parts (seed 004): the second part a week or two later."""
    candidates = [p for p in plans if len(p.reviews) >= 3 and p.child.archived_on is None]
    for plan in demo.rng.sample(candidates, 2):
        rp = plan.reviews[-2]
        first = rp.review.parts[0]
        second = demo.wd_after(first.held_on, demo.rng.randint(5, 9))
        if second >= plan.reviews[-1].review.parts[0].held_on:
            continue
        rp.review = replace(
            rp.review,
            parts=(first, ReviewPart(second, "Video call (Teams)")),
            parents_participation="Held in two parts so that the child did not have to "
            "meet Dad; Dad joined part two.",
        )
