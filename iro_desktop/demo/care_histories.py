"""How long each child has been in care and which reviews were held: the last review is
chosen from the phase the child should be in today ("recent", "midpoint", "due_soon",
"overdue" ...), the earlier ones laid back from it (6 months, 3 months, 20 working days, each
held a little before it was due), and the episodes laid over that period."""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from iro_desktop.demo.episodes import episodes_from, legal_path, placement_path
from iro_desktop.demo.placements import placement
from iro_desktop.demo.plan import ChildPlan, Demo, Profile
from iro_desktop.domain.dates import birthday


def looked_after_child(demo: Demo, plan: ChildPlan) -> list[date]:
    profile, dob = plan.profile, plan.child.dob
    end, left = demo.today, None
    if profile.kind == "left_18":
        end = birthday(dob, 18)
        left = (end, "E17")
    elif profile.kind == "left_home":
        end = demo.hold(demo.today - timedelta(days=demo.rng.randint(18, 30)))
        left = (end, "E4A")
    elif profile.kind == "left_sgo":
        end = demo.hold(demo.today - timedelta(days=demo.rng.randint(35, 60)))
        left = (end, "E45")
    months = _months_in_care(demo, profile, dob, end)
    wanted_start = max(end - relativedelta(months=months), dob + timedelta(days=3))
    held, start = _review_chain(demo, profile, dob, wanted_start, end)
    legal = legal_path(demo, plan, start, end)
    if profile.kind == "placement_order" and len(held) >= 3:
        authorised = held[-2] + relativedelta(months=3) + timedelta(days=10)
        if authorised < held[-1]:
            legal = [(d, ls) for d, ls in legal if d < authorised] + [(authorised, "E1")]
    placements = placement_path(demo, plan, start, end)
    if profile.kind == "remand":
        placements.append(
            (
                demo.today - timedelta(days=demo.rng.randint(15, 25)),
                placement(demo, "secure", plan),
            )
        )
        legal.append((placements[-1][0], "J1"))
    if profile.kind == "left_sgo":  # special guardianship to the carers it ends with
        kin = placements[-1][1].kind.startswith("kin")
        left = (end, "E45" if kin else "E46")
    plan.episodes = episodes_from(demo, plan, legal, placements, left)
    return held


def _months_in_care(demo: Demo, profile: Profile, dob: date, end: date) -> int:
    rng = demo.rng
    lived = (end.year - dob.year) * 12 + end.month - dob.month - 1
    if profile.kind == "uasc":
        return max(2, min(rng.randint(3, 20), lived - 186))
    if profile.kind in ("welsh", "left_18"):
        return min(rng.randint(24, 70), lived - 2)
    if profile.kind == "placement_order":
        return min(rng.randint(16, 26), lived - 2)
    if profile.phase == "second":  # one review held: the second, at 3 months, is next
        return max(1, min(rng.randint(2, 3), lived - 1))
    roll = rng.random()
    months = (
        rng.randint(3, 10)
        if roll < 0.3
        else rng.randint(10, 36)
        if roll < 0.7
        else rng.randint(36, 150)
    )
    return max(1, min(months, lived - 1))


def _review_chain(
    demo: Demo, profile: Profile, dob: date, wanted_start: date, end: date
) -> tuple[list[date], date]:
    """The held reviews and the start of care: laid back from the last review."""
    span_months = (end - wanted_start).days / 30.44
    count = 1 if span_months < 3 else 2 + int((span_months - 3.9) // 6)
    count = max(count, 1)
    while True:
        interval = 3 if count == 1 else 6
        last = _last_review_for(demo, profile.phase, interval, end)
        dates = [last]
        for number in range(count, 1, -1):
            months = 3 if number == 2 else 6
            earlier = dates[0] - relativedelta(months=months) + timedelta(days=_slack(demo))
            dates.insert(0, demo.hold(earlier))
        first_wd = demo.rng.randint(22, 30) if demo.chance(0.06) else demo.rng.randint(8, 19)
        start = demo.calendar.add_working_days(dates[0], -first_wd)[0]
        if start > dob or count == 1:
            break
        count -= 1
    if start <= dob:  # a baby looked after from birth
        start = dob + timedelta(days=2)
        first_due = demo.wd_after(start, 20)
        held = [demo.hold(first_due - timedelta(days=5))] if first_due < end else []
        return held, start
    return dates, start


def _last_review_for(demo: Demo, phase: str, interval: int, end: date) -> date:
    """The last review's date so that the child is in ``phase`` on ``end``."""
    rng, days = demo.rng, 182 if interval == 6 else 91
    since = {
        "recent": lambda: rng.randint(1, 16),
        "midpoint": lambda: days // 2 + rng.randint(-14, 7),
        "due_soon": lambda: days - rng.randint(4, 30),
        "overdue": lambda: days + rng.randint(5, 24),
    }.get(phase, lambda: rng.randint(17, days - 31))()
    if end != demo.today:
        since = rng.randint(20, 80)
    return demo.hold(end - timedelta(days=since))


def _slack(demo: Demo) -> int:
    """Days a review was held before it was due: mostly 4-21, now and then late."""
    if demo.chance(0.04):
        return -demo.rng.randint(3, 12)
    return demo.rng.randint(4, 21)


def new_child(demo: Demo, plan: ChildPlan) -> list[date]:
    profile, rng = plan.profile, demo.rng
    if profile.kind == "new":
        start = demo.today - timedelta(days=rng.randint(0, 6))
    elif profile.kind == "first_due":
        start = demo.today - timedelta(days=rng.randint(7, 24))
    else:  # late_first: the first review is overdue
        start = demo.calendar.add_working_days(demo.today, -rng.randint(23, 27))[0]
    start = max(start, plan.child.dob + timedelta(days=2))
    legal = legal_path(demo, plan, start, demo.today + timedelta(days=1))
    placements = [(start, placement(demo, "foster_short" if profile.age < 14 else "home", plan))]
    plan.episodes = episodes_from(demo, plan, legal, placements)
    return []
