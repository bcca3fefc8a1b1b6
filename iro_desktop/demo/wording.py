"""The demo's child-facing layer: the type of plan and its reasons on every held review, the
date of the next visit for a child who did not take part, and, for each child's latest
review, the sentences written for the child (``for_the_child``).

Nothing here draws from the generator: every choice follows from what the other chapters
already drew (the child, the placement, the texts), so the rest of the demo is unchanged.
Most items are confirmed; a few are deliberately left unwritten or only suggested, so that
the letter's warnings and the "use suggested wording" flow have something to show.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from iro_desktop.demo import for_the_child as words
from iro_desktop.demo import for_the_welsh_child as welsh_words
from iro_desktop.demo.plan import ChildPlan, Demo, Placement, ReviewPlan
from iro_desktop.demo.welsh import as_written
from iro_desktop.domain.dates import age_on
from iro_desktop.domain.model import ChildWording, PlanType, Review, WordingKind
from iro_desktop.domain.wording import item_lines

NEXT_VISIT_AFTER = timedelta(days=21)  # a child who did not take part is visited soon


def plan_type_for(plan: ChildPlan, placement: Placement, day: date) -> PlanType:
    kind, age = plan.profile.kind, age_on(plan.child.dob, day)
    if kind in ("v3", "v4", "remand"):
        return PlanType.OTHER
    if placement.kind == "adopters" or kind in words.ADOPTION_PLANS:
        return PlanType.ADOPTION
    if kind == "left_sgo":
        return PlanType.SPECIAL_GUARDIANSHIP
    if kind == "left_home":
        return PlanType.GOING_HOME
    if kind == "uasc" or placement.kind in ("semi", "parent_child", "secure"):
        return PlanType.OWN_HOME
    if age >= 16:
        return PlanType.STAYING_PUT if placement.kind.endswith("_long") else PlanType.OWN_HOME
    if placement.kind in ("foster_long", "kin_long", "home"):
        return PlanType.STAYING_HERE
    return PlanType.GOING_HOME if plan.profile.legal == "s20" else PlanType.OTHER


def _reasons(plan: ChildPlan, plan_type: PlanType) -> tuple[tuple[str, str, str], ...]:
    if plan.profile.kind in ("v3", "v4"):
        return (words.SHORT_BREAK_REASON,)
    if plan.profile.kind == "remand":
        return (words.REMAND_REASON,)
    return words.PLAN_REASONS[plan_type]


def with_plan(demo: Demo, plan: ChildPlan, placement: Placement, review: Review) -> Review:
    """The review with its type of plan, the reasons, and the next visit when the child did
    not take part (PN7)."""
    day = review.parts[0].held_on
    plan_type = plan_type_for(plan, placement, day)
    reasons = "\n".join(r[0] for r in _reasons(plan, plan_type))
    # Still ahead on the demo's day, as a letter not yet written would say it.
    visit = max(day + NEXT_VISIT_AFTER, demo.today + timedelta(days=14))
    next_contact = demo.hold(visit) if review.review_code == "PN7" else None
    return replace(review, plan_type=plan_type, plan_reasons=reasons, next_contact_on=next_contact)


# --- the sentences for the child ----------------------------------------------------------------


def _names(plan: ChildPlan, placement: Placement) -> dict[str, str]:
    carer = next((p for p in plan.people if p.role in ("carer", "other")), None)
    called = carer.called_by_child if carer else ""
    carer_name = placement.carer.replace(" (key worker)", "")
    return {
        "carer": called or (carer_name.split()[0] if carer_name else "your carers"),
        "worker": plan.child.social_worker.split()[0],
    }


def _fill(text: str, names: dict[str, str]) -> str:
    for key, value in names.items():
        text = text.replace("{" + key + "}", value)
    return text


def _for_child(professional: str, welsh: bool) -> tuple[str, str]:
    """(English, Welsh) for the child; ("", "") where nothing was written."""
    if welsh:
        found = welsh_words.FOR_WELSH_CHILD.get(as_written(professional))
        if found:
            return found
        if professional in welsh_words.DECISIONS_WELSH:
            return words.FOR_CHILD.get(professional, ""), welsh_words.DECISIONS_WELSH[professional]
    return words.FOR_CHILD.get(professional, ""), ""


def _reply(said: str, welsh: bool) -> tuple[str, str]:
    if welsh and as_written(said) in welsh_words.REPLIES_WELSH:
        return welsh_words.REPLIES_WELSH[as_written(said)]
    return words.REPLIES.get(said, ""), ""


def add_child_wording(demo: Demo, plans: list[ChildPlan]) -> None:
    """The child-facing layer of each current child's latest review."""
    current = [p for p in plans if p.reviews and p.child.archived_on is None]
    for number, plan in enumerate(current):
        rp = plan.reviews[-1]
        rp.wordings = _wordings(demo, plan, rp, number)


def _wordings(demo: Demo, plan: ChildPlan, rp: ReviewPlan, number: int) -> list[ChildWording]:
    review, welsh = rp.review, plan.child.language == "cy"
    day = review.parts[0].held_on
    names = _names(plan, plan.placement_on(day))
    out: list[ChildWording] = []

    def add(kind: WordingKind, key: str, professional: str, en: str, cy: str, **extra) -> None:
        if not (en or cy):
            return  # nothing written for it: the letter leaves it out and warns
        body = {"reply_en": _fill(en, names), "reply_cy": _fill(cy, names)}
        if kind != WordingKind.CHILD_SAID:
            body = {"text_en": _fill(en, names), "text_cy": _fill(cy, names)}
        out.append(ChildWording(None, None, kind, key, professional, confirmed=True,
                                **body, **extra))  # fmt: skip

    for n, decision in enumerate(rp.decisions):
        add(WordingKind.DECISION, f"new:{n}", decision.what, *_for_child(decision.what, welsh))
    for n, line in enumerate(item_lines(review.worries)):
        answering = words.ANSWERS.get(line, ())
        answers = tuple(f"new:{i}" for i, d in enumerate(rp.decisions) if d.what in answering)
        add(WordingKind.WORRY, f"line:{n}", line, *_for_child(line, welsh), answers=answers)
    for n, line in enumerate(item_lines(review.going_well)):
        add(WordingKind.GOING_WELL, f"line:{n}", line, *_for_child(line, welsh))
    for n, line in enumerate(item_lines(review.child_words)):
        add(WordingKind.CHILD_SAID, f"line:{n}", line, *_reply(line, welsh))
    for n, line in enumerate(item_lines(review.plan_reasons)):
        reason = next((r for r in _all_reasons() if r[0] == line), None)
        if reason is not None:
            add(WordingKind.PLAN_REASON, f"line:{n}", line, reason[1], reason[2] if welsh else "")
    band = plan.band(day)
    if review.review_code in ("PN1", "PN2", "PN3") and band in words.LEARNED and number % 3 == 0:
        en, cy = words.LEARNED[band][number % 2]
        add(WordingKind.LEARNED, "", "", en, cy if welsh else "")
    return _leave_some_unwritten(out, number, plan.profile.variant == "foster")


def _all_reasons() -> list[tuple[str, str, str]]:
    every = [r for reasons in words.PLAN_REASONS.values() for r in reasons]
    return [*every, words.SHORT_BREAK_REASON, words.REMAND_REASON]


def _leave_some_unwritten(
    out: list[ChildWording], number: int, english_only: bool
) -> list[ChildWording]:
    """A few children's letters still wait for the IRO: a worry not yet written, a decision
    only suggested (not confirmed), and in one Welsh letter a decision written in English
    only."""
    if number % 9 == 4:
        worry = next((w for w in out if w.kind == WordingKind.WORRY), None)
        out = [w for w in out if w is not worry]
    if number % 11 == 6:
        out = [
            replace(w, confirmed=False) if w.kind == WordingKind.DECISION and i == 0 else w
            for i, w in enumerate(out)
        ]
    if english_only:  # the Welsh-speaking boy in foster care: his letter warns
        first = next((w for w in out if w.kind == WordingKind.DECISION), None)
        out = [replace(w, text_cy="") if w is first else w for w in out]
    return out
