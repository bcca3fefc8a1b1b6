"""The demo's working parts: what one child's plan holds, and the state every chapter shares.

Every chapter draws from the one ``Demo.rng`` in a fixed order, so the same seed and day
give the same file: a chapter must never draw from another generator or reorder its draws.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from iro_desktop.domain.dates import age_on
from iro_desktop.domain.model import (
    Challenge,
    Child,
    ChildRecord,
    ChildWording,
    Contact,
    Decision,
    Episode,
    MidpointCheck,
    Person,
    PreReviewMeeting,
    Region,
    Review,
    ReviewPart,
)
from iro_desktop.domain.schedule import schedule_for
from iro_desktop.domain.schedule_types import ChildSchedule
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import WorkingDayCalendar, calendar_for

DEMO_SETTINGS = Settings(
    region=Region.ENGLAND,
    council_name="Demo Borough Council",
    council_postcodes=("DB1", "DB2", "DB3", "DB4"),
    iro_name="Alex Morgan",
    iro_phone="01632 960418",
    iro_email="alex.morgan@demo-borough.example.org",
)


@dataclass(frozen=True)
class Profile:
    kind: str  # general, uasc, welsh, v3, v4, adoption, new, first_due, late_first, ...
    age: int
    phase: str = "any"  # where the child is in the review cycle today
    legal: str = "court"  # court, epo, s20
    variant: str = ""  # welsh: nain / mam-gu / foster


@dataclass(frozen=True)
class Placement:
    kind: str
    place: str
    provider: str
    pl_post: str
    urn: str
    name: str
    carer: str = ""


@dataclass
class ReviewPlan:
    review: Review
    decisions: list[Decision] = field(default_factory=list)
    meeting: PreReviewMeeting | None = None
    midpoint: MidpointCheck | None = None  # the check done after this review
    # the child-facing layer (latest review only); a new decision's key is "new:<n>"
    wordings: list[ChildWording] = field(default_factory=list)


@dataclass
class ChildPlan:
    profile: Profile
    child: Child
    style: str = "PN1"
    placements: list[tuple[date, Placement]] = field(default_factory=list)
    episodes: list[Episode] = field(default_factory=list)
    reviews: list[ReviewPlan] = field(default_factory=list)
    booked: ReviewPlan | None = None
    contacts: list[Contact] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    challenges: list[Challenge] = field(default_factory=list)

    def placement_on(self, day: date) -> Placement:
        current = self.placements[0][1]
        for start, placement in self.placements:
            if start <= day:
                current = placement
        return current

    def band(self, on: date) -> str:
        """The age band that chooses the wording banks in ``names``."""
        age = age_on(self.child.dob, on)
        if self.profile.kind == "uasc":
            return "uasc"
        if age < 4:
            return "under4"
        return "child" if age <= 10 else "teen" if age <= 15 else "young_person"


class Demo:
    """The generator, the day, the calendar, and what is already used (names, references)."""

    def __init__(self, rng: random.Random, today: date):
        self.rng = rng
        self.today = today
        self.settings = DEMO_SETTINGS
        self.calendar: WorkingDayCalendar = calendar_for(DEMO_SETTINGS)
        self.used_names: list[str] = []
        self.used_refs: list[str] = []
        self.used_urns: list[str] = []

    def hold(self, day: date) -> date:
        return self.calendar.last_working_day_on_or_before(day)

    def next_working(self, day: date) -> date:
        return self.calendar.next_working_day_on_or_after(day)

    def wd_after(self, day: date, n: int) -> date:
        return self.calendar.add_working_days(day, n)[0]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def days_between(self, start: date, end: date) -> date:
        """A random day in [start, end] (start when the range is empty)."""
        span = (end - start).days
        return start + timedelta(days=self.rng.randint(0, span)) if span > 0 else start

    def schedule(self, plan: ChildPlan, held: list[date] | None = None) -> ChildSchedule:
        reviews = (
            tuple(r.review for r in plan.reviews)
            if held is None
            else tuple(Review(id=i, parts=(ReviewPart(d),)) for i, d in enumerate(held, start=1))
        )
        record = ChildRecord(child=plan.child, episodes=tuple(plan.episodes), reviews=reviews)
        return schedule_for(record, self.settings, self.calendar, self.today)
