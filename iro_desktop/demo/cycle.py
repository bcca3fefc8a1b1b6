"""Today's review cycle for each child: the IRO's recent contact, the midpoint check, and the
next review booked (with its pre-review meeting) when it is near."""

from __future__ import annotations

from datetime import date, timedelta

from iro_desktop.demo.plan import ChildPlan, Demo, ReviewPlan
from iro_desktop.demo.plan_view import with_midpoint_view
from iro_desktop.demo.reviews import LATE_FIRST_REASON, venue
from iro_desktop.domain.model import Contact, MidpointCheck, PreReviewMeeting, Review, ReviewStatus


def add_current_cycle(demo: Demo, plan: ChildPlan) -> None:
    schedule = demo.schedule(plan)
    rng, today = demo.rng, demo.today
    if schedule.next_due is None:
        return
    last = plan.reviews[-1].review.parts[0].held_on if plan.reviews else None
    since = last or plan.episodes[0].decom
    if plan.profile.kind in ("new", "first_due", "late_first") and demo.chance(0.7):
        met = since + timedelta(days=rng.randint(2, 6))
        if met < today:
            plan.contacts.append(Contact(None, met, "visit", "Introduced myself as the IRO."))
    # A diligent IRO: most children were seen or spoken to in the last ten weeks.
    if (today - since).days > 30 and demo.chance(0.9):
        day = demo.hold(
            demo.days_between(
                max(since + timedelta(days=14), today - timedelta(days=70)),
                today - timedelta(days=1),
            )
        )
        if day > since:
            plan.contacts.append(
                Contact(
                    None,
                    day,
                    rng.choice(("visit", "phone", "video")),
                    "Checked in between reviews.",
                )
            )
    due = schedule.next_due.due
    if last is not None and plan.reviews and (today - last).days > 20:
        midpoint = last + (due - last) / 2
        if midpoint < today - timedelta(days=3) and demo.chance(0.88):
            check = MidpointCheck(
                None,
                None,
                demo.hold(
                    min(midpoint + timedelta(days=rng.randint(-5, 5)), today - timedelta(days=1))
                ),
                concerns="Decisions on track." if demo.chance(0.7) else "PEP not yet done.",
            )
            plan.reviews[-1].midpoint = with_midpoint_view(plan, check)
    _maybe_book(demo, plan, due)


def _maybe_book(demo: Demo, plan: ChildPlan, due: date) -> None:
    rng, today = demo.rng, demo.today
    overdue = due < today
    if (due - today).days > 40 or not demo.chance(0.75 if overdue else 0.7):
        return
    if overdue:
        booked_for = demo.next_working(today + timedelta(days=rng.randint(2, 9)))
        reason = (
            LATE_FIRST_REASON
            if not plan.reviews
            else "Postponed: the young person was in hospital; rebooked for the first "
            "date everyone could come."
        )
    else:
        booked_for = demo.hold(due - timedelta(days=rng.randint(0, 8)))
        reason = ""
        if booked_for < today:
            booked_for = demo.next_working(today)
            if booked_for > due:
                return
    placement = plan.placement_on(today)
    consultation = demo.calendar.add_working_days(booked_for, -20)[0]
    review = Review(
        id=None,
        status=ReviewStatus.BOOKED,
        booked_for=booked_for,
        venue=venue(demo, plan, placement),
        timing_reason=reason,
        consultation_sent_on=consultation if consultation < today and demo.chance(0.9) else None,
        text_language=plan.child.language,
    )
    meeting = None
    if booked_for - timedelta(days=15) < today and demo.chance(0.85):
        day = demo.hold(today - timedelta(days=rng.randint(1, 4)))
        if not plan.reviews or day > plan.reviews[-1].review.parts[0].held_on:
            meeting = PreReviewMeeting(
                None,
                None,
                day,
                with_whom=f"{plan.child.social_worker} (social worker)",
                issues="Agenda for the review agreed.",
            )
    plan.booked = ReviewPlan(review, meeting=meeting)
