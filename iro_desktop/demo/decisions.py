"""Decisions made at reviews (done, open, dropped, one due today) and the IRO's challenges
through the dispute resolution stages (IRO Handbook ch. 6)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from iro_desktop.demo import names as names
from iro_desktop.demo import texts as texts
from iro_desktop.demo.for_the_child import ADOPTION_DECISION, ADOPTION_PLANS
from iro_desktop.demo.plan import ChildPlan, Demo
from iro_desktop.domain.model import Challenge, ChallengeStage, Decision, DecisionStatus


def decisions_for(demo: Demo, plan: ChildPlan, day: date, next_held: date | None) -> list[Decision]:
    rng = demo.rng
    bank = {"v3": "short_breaks", "v4": "short_breaks"}.get(plan.profile.kind, plan.band(day))
    if plan.placement_on(day).kind == "adopters":
        bank = "adoption"
    chosen = rng.sample(texts.DECISIONS[bank], rng.randint(2, min(4, len(texts.DECISIONS[bank]))))
    placement = plan.placement_on(day)
    roles = {
        "sw": f"{plan.child.social_worker} (social worker)",
        "nurse": "Children in Care nurse",
        "vs": "Virtual School",
        "carer": placement.carer or "Carer",
        "pa": "Personal adviser",
        "hv": "Health visitor",
        "kw": placement.carer or "Key worker",
    }
    decisions = []
    adoption_plan = plan.profile.kind in ADOPTION_PLANS
    for what, who, weeks in chosen:
        if adoption_plan and what.startswith("Increase contact with Mum"):
            what, who = ADOPTION_DECISION[:2]  # weeks kept: same draws
        by_when = day + timedelta(weeks=weeks)
        status, done_on = _decision_outcome(demo, day, by_when, next_held)
        decisions.append(
            Decision(
                None,
                None,
                what,
                roles[who],
                by_when,
                status,
                done_on,
                dropped_reason="No longer needed after the change of plan."
                if status == DecisionStatus.DROPPED
                else "",
            )
        )
    return decisions


def _decision_outcome(
    demo: Demo, day: date, by_when: date, next_held: date | None
) -> tuple[DecisionStatus, date | None]:
    """Older reviews' decisions are nearly all done; the latest's depend on their date."""
    roll = demo.rng.random()
    if next_held is not None:
        if roll < 0.03:
            return DecisionStatus.DROPPED, None
        done, end = roll < 0.997, min(by_when, next_held - timedelta(days=1))
    elif by_when < demo.today:
        done, end = roll < 0.96, by_when
    else:
        done, end = roll < 0.15, demo.today
    start, end = day + timedelta(days=3), min(end, demo.today - timedelta(days=1))
    if not done or end < start:
        return DecisionStatus.OPEN, None
    return DecisionStatus.DONE, demo.days_between(start, end)


def add_challenges(demo: Demo, plans: list[ChildPlan]) -> None:
    """Five open challenges at different stages and three resolved ones (IRO Handbook ch. 6)."""
    eligible = [
        p
        for p in plans
        if len(p.reviews) >= 2
        and p.child.archived_on is None
        and p.episodes[-1].dec is None
        and (demo.today - p.episodes[0].decom).days > 230
    ]
    chosen = demo.rng.sample(eligible, 8)
    setups = [
        [(0, 3, None)],
        [(0, 17, None)],
        [(0, 6, None)],
        [(0, 34, 22), (1, 3, None)],
        [(0, 52, 40), (1, 33, 27), (2, 4, None)],
        [(0, 130, 121)],
        [(0, 75, 66)],
        [(0, 200, 190), (1, 185, 180)],
    ]
    for i, (plan, setup) in enumerate(zip(chosen, setups, strict=True)):
        plan.challenges.append(_challenge(demo, plan, setup, resolved=i >= 5))


def _challenge(demo: Demo, plan: ChildPlan, setup: list[tuple], resolved: bool) -> Challenge:
    rng, today = demo.rng, demo.today
    manager = ("Team manager", "Service manager", "Head of Service")
    stages = []
    for index, (stage, raised_ago, responded_ago) in enumerate(setup):
        raised = demo.hold(today - timedelta(days=raised_ago))
        days = 10 if stage == 0 else 5
        responded = demo.hold(today - timedelta(days=responded_ago)) if responded_ago else None
        stages.append(
            ChallengeStage(
                stage,
                raised,
                raised_with=f"{manager[stage]}, {plan.child.social_worker_team}",
                response_due=demo.wd_after(raised, days),
                responded_on=responded,
                response=(
                    ""
                    if responded is None
                    else "Not agreed; the IRO escalated to the next stage."
                    if index < len(setup) - 1
                    else rng.choice(
                        (
                            "Agreed; the health assessment is now booked.",
                            "Agreed; funding for the tutor was approved at panel.",
                            "Agreed; a new social worker is allocated from Monday.",
                        )
                    )
                ),
            )
        )
    last_response = stages[-1].responded_on
    return Challenge(
        None,
        rng.choice(texts.CHALLENGE_THEMES),
        stages=tuple(stages),
        outcome="Resolved: the action was taken within the agreed time." if resolved else "",
        resolved_on=last_response if resolved else None,
    )


def add_decision_due_this_week(demo: Demo, plans: list[ChildPlan]) -> None:
    """One open decision falls due today, so "this week" is never empty for the demo."""
    for plan in plans:
        if plan.child.archived_on is None and plan.reviews and plan.reviews[-1].decisions:
            rp = plan.reviews[-1]
            d = rp.decisions[0]
            rp.decisions[0] = replace(
                d, by_when=demo.today, status=DecisionStatus.OPEN, done_on=None
            )
            return
