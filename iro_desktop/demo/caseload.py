"""The demo caseload: about 70 fictional children of one IRO, believable to an IRO.

``write_demo_caseload(store, today)`` fills an empty store in one transaction. Everything is
drawn from ``random.Random(seed)`` and placed relative to ``today`` (no clock), so the same
seed and the same day give the same file. The children are at every point of the review
cycle: new this week, first review due, second and later reviews, a few overdue, midpoint
checks due; with short breaks (V3 and V4), a child placed for adoption, unaccompanied young
people, and three Welsh-speaking children placed in Wales.

How a child's history is made: the date of the last review is chosen from the phase the child
should be in today ("recent", "midpoint", "due_soon", "overdue" ...), then the earlier reviews
are laid back from it (6 months, 3 months, 20 working days, each held a little before it was
due), and the episodes are laid over that period. Short breaks and adoption are laid forwards
with the schedule engine itself. The engine then judges every review, so a late review always
carries its reason.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from iro_desktop.demo import names as names
from iro_desktop.domain.model import (
    Challenge,
    ChallengeStage,
    Child,
    ChildRecord,
    Contact,
    Decision,
    DecisionStatus,
    Episode,
    MidpointCheck,
    Person,
    PreReviewMeeting,
    Region,
    Review,
    ReviewPart,
    ReviewStatus,
)
from iro_desktop.domain.schedule import age_on, birthday, schedule_for
from iro_desktop.domain.schedule_types import ChildSchedule
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import WorkingDayCalendar, calendar_for
from iro_desktop.storage import history
from iro_desktop.storage.database import Store
from iro_desktop.storage.settings_store import save_settings

DEMO_SEED = 1989  # the year of the Children Act

DEMO_SETTINGS = Settings(
    region=Region.ENGLAND,
    council_name="Demo Borough Council",
    council_postcodes=("DB1", "DB2", "DB3", "DB4"),
    iro_name="Alex Morgan",
    iro_phone="01632 960418",
    iro_email="alex.morgan@demo-borough.example.org",
)

# Postcode districts: the fictional council's own (DB), real-shaped ones elsewhere in England,
# and in Wales for the Welsh-speaking children.
IN_AREA = ("DB1", "DB2", "DB3", "DB4")
OUT_OF_AREA = (
    "B23",
    "CV6",
    "LE4",
    "NG7",
    "DE24",
    "WS3",
    "ST4",
    "WV10",
    "S10",
    "MK9",
    "NN3",
    "M14",
    "BS5",
    "PE1",
    "LN6",
)
WALES = {"nain": "LL55", "mam-gu": "SA31", "foster": "SY23"}
OWN_FOSTERING_URN = "SC990417"  # the council's own fostering service

# Table H of seed 002 (Westminster 2022/23): codes for children aged 4 and over.
PN_WEIGHTS = {"PN1": 349, "PN2": 6, "PN3": 3, "PN4": 2, "PN5": 4, "PN6": 45, "PN7": 42}
ATTENDED = ("PN1", "PN2", "PN3", "PN4")

# Share of children by age today (the seeds' mix): 0-4, 5-9, 10-15, 16-17.
AGE_BAND_TARGETS = {(0, 4): 10, (5, 9): 14, (10, 15): 28, (16, 17): 17}

LATE_REASONS = (
    "Rearranged: the child was unwell on the day.",
    "Rearranged: the social worker was in court.",
    "Moved by a few days so that Mum could attend.",
    "Rearranged after the carer's bereavement, by agreement.",
)
LATE_FIRST_REASON = (
    "Late notification: the IRO service was told two weeks after the child became looked after."
)


@dataclass(frozen=True)
class _Profile:
    kind: str  # general, uasc, welsh, v3, v4, adoption, new, first_due, late_first, ...
    age: int
    phase: str = "any"  # where the child is in the review cycle today
    legal: str = "court"  # court, epo, s20
    variant: str = ""  # welsh: nain / mam-gu / foster


@dataclass(frozen=True)
class _Placement:
    kind: str
    place: str
    provider: str
    pl_post: str
    urn: str
    name: str
    carer: str = ""


@dataclass
class _ReviewPlan:
    review: Review
    decisions: list[Decision] = field(default_factory=list)
    meeting: PreReviewMeeting | None = None
    midpoint: MidpointCheck | None = None  # the check done after this review


@dataclass
class _Plan:
    profile: _Profile
    child: Child
    style: str = "PN1"
    placements: list[tuple[date, _Placement]] = field(default_factory=list)
    episodes: list[Episode] = field(default_factory=list)
    reviews: list[_ReviewPlan] = field(default_factory=list)
    booked: _ReviewPlan | None = None
    contacts: list[Contact] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    challenges: list[Challenge] = field(default_factory=list)


def write_demo_caseload(store: Store, today: date, seed: int = DEMO_SEED) -> int:
    """Write the demo caseload into an empty open store, in one transaction, as of ``today``.

    Returns the number of children written. The same ``seed`` and ``today`` give the same
    records (apart from the created/updated stamps)."""
    builder = _DemoBuilder(random.Random(seed), today)
    plans = builder.build()
    with store.atomic():
        save_settings(store, DEMO_SETTINGS, source=history.SOURCE_DEMO)
        for plan in plans:
            _write_plan(store, plan)
    return len(plans)


# --------------------------------------------------------------------------------------------
# The caseload's shape


def _profiles(rng: random.Random) -> list[_Profile]:
    """Who is on the caseload: the special cases, then ordinary children to fill the ages."""
    specials = [
        *(
            _Profile("uasc", rng.choice((16, 17)), legal="s20" if i < 7 else "court")
            for i in range(9)
        ),
        _Profile("welsh", 7, variant="nain"),
        _Profile("welsh", 11, variant="mam-gu"),
        _Profile("welsh", 14, variant="foster"),
        _Profile("v3", 9),
        _Profile("v4", 13),
        _Profile("adoption", 2),
        _Profile("new", 0, legal="epo"),
        _Profile("new", 14, legal="s20"),
        _Profile("first_due", 5),
        _Profile("first_due", 15, legal="s20"),
        _Profile("late_first", 8),
        _Profile("general", 10, phase="overdue"),
        _Profile("general", 16, phase="overdue", legal="s20"),
        _Profile("general", 12, phase="overdue"),
        _Profile("left_18", 18),
        _Profile("left_home", 6, legal="s20"),
        _Profile("left_sgo", 3),
        _Profile("placement_order", 3),
        _Profile("remand", 16, legal="s20"),
        _Profile("teen_mother", 17),
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
        _Profile("general", age, phase=phase, legal=_legal_path(rng, age))
        for age, phase in zip(ages, phases, strict=True)
    ]
    profiles = specials + general
    rng.shuffle(profiles)
    return profiles


def _participation_styles(rng: random.Random, profiles: list[_Profile]) -> list[str]:
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


# --------------------------------------------------------------------------------------------
# The builder


class _DemoBuilder:
    def __init__(self, rng: random.Random, today: date):
        self.rng = rng
        self.today = today
        self.settings = DEMO_SETTINGS
        self.calendar: WorkingDayCalendar = calendar_for(DEMO_SETTINGS)
        self.used_names: list[str] = []
        self.used_refs: list[str] = []
        self.used_urns: list[str] = []

    # ---- small helpers

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

    def schedule(self, plan: _Plan, held: list[date] | None = None) -> ChildSchedule:
        reviews = (
            tuple(r.review for r in plan.reviews)
            if held is None
            else tuple(Review(id=i, parts=(ReviewPart(d),)) for i, d in enumerate(held, start=1))
        )
        record = ChildRecord(child=plan.child, episodes=tuple(plan.episodes), reviews=reviews)
        return schedule_for(record, self.settings, self.calendar, self.today)

    # ---- the caseload

    def build(self) -> list[_Plan]:
        profiles = _profiles(self.rng)
        styles = _participation_styles(self.rng, profiles)
        plans = [
            self.build_child(profile, style)
            for profile, style in zip(profiles, styles, strict=True)
        ]
        self.add_two_part_reviews(plans)
        self.add_challenges(plans)
        self.add_decision_due_this_week(plans)
        return plans

    def build_child(self, profile: _Profile, style: str) -> _Plan:
        plan = _Plan(profile, self.identity(profile), style=style)
        builders = {
            "v3": self.short_break_series,
            "v4": self.short_break_single,
            "adoption": self.placed_for_adoption,
            "new": self.new_child,
            "first_due": self.new_child,
            "late_first": self.new_child,
        }
        held = builders.get(profile.kind, self.looked_after_child)(plan)
        plan.child = replace(plan.child, language_recorded_on=plan.episodes[0].decom)
        self.add_reviews(plan, held)
        self.add_current_cycle(plan)
        self.add_people(plan)
        if profile.kind in ("left_18", "left_sgo"):
            leaving = plan.episodes[-1].dec or self.today
            plan.child = replace(plan.child, archived_on=leaving + timedelta(days=21))
        return plan

    # ---- identity

    def identity(self, profile: _Profile) -> Child:
        rng = self.rng
        gender = "1" if rng.random() < 0.55 else "2"
        if profile.kind == "uasc":
            gender = "1" if rng.random() < 0.85 else "2"
        if profile.kind == "teen_mother":
            gender = "2"
        language, interpreter, comms, disability = "en", False, "", ""
        asylum = rng.choice(names.ASYLUM_GROUPS)
        group = rng.choices(
            [g for g, _ in names.NAME_GROUPS], weights=[w for _, w in names.NAME_GROUPS]
        )[0]
        if profile.kind == "uasc":
            boys, girls, surnames, ethnicity = (
                asylum.boys,
                asylum.girls,
                asylum.surnames,
                (asylum.ethnicity),
            )
            interpreter = True
            comms = f"First language {asylum.language}; an interpreter for reviews."
        elif profile.kind == "welsh":
            boys, girls, surnames = names.WELSH_BOYS, names.WELSH_GIRLS, names.WELSH_SURNAMES
            ethnicity, language = "WBRI", "cy"
            comms = "Welsh is the first language; letters and forms in Welsh."
        else:
            boys, girls, surnames, ethnicity = (
                group.boys,
                group.girls,
                group.surnames,
                (group.ethnicity),
            )
        while True:
            first = rng.choice(boys if gender == "1" else girls)
            last = rng.choice(surnames)
            firsts = [n.split(" ")[0] for n in self.used_names]
            lasts = [n.split(" ", 1)[1] for n in self.used_names]
            if (
                f"{first} {last}" not in self.used_names
                and (firsts.count(first) < 2 or len(boys) + len(girls) < 8)
                and (profile.kind != "welsh" or last not in lasts)
            ):
                break
        self.used_names.append(f"{first} {last}")
        if profile.kind == "v3":
            disability = "Autism"
            comms = "Few words; uses PECS picture cards and a visual timetable."
        elif profile.kind == "v4":
            disability = "Cerebral palsy; wheelchair user"
            comms = "Uses an eye-gaze communication aid; give extra time."
        dob = self.dob_for(profile)
        team_key = self.team_for(profile)
        sw_name, sw_phone = rng.choice(names.SOCIAL_WORKERS[team_key])
        team = names.TEAMS[team_key]
        if team_key == "cic":
            team = f"{team} {rng.choice((1, 2))}"
        mother, mc_dob = "", None
        if gender == "2" and age_on(dob, self.today) >= 12:
            mother = "0"
        if profile.kind == "teen_mother":
            mother, mc_dob = "1", self.today - timedelta(days=rng.randint(90, 150))
        return Child(
            id=None,
            child_ref=self.child_ref(),
            first_name=first,
            last_name=last,
            dob=dob,
            preferred_name=names.PREFERRED_NAMES.get(first, ""),
            gender=gender,
            ethnicity=ethnicity,
            upn=self.upn() if 5 <= profile.age <= 15 else "",
            mother=mother,
            mc_dob=mc_dob,
            uasc=profile.kind == "uasc",
            disability=disability,
            communication_needs=comms,
            language=language,
            interpreter_needed=interpreter,
            social_worker=sw_name,
            social_worker_team=team,
            social_worker_phone=sw_phone,
        )

    def dob_for(self, profile: _Profile) -> date:
        if profile.kind == "new" and profile.age == 0:
            return self.today - timedelta(days=self.rng.randint(9, 20))
        if profile.kind == "left_18":
            return self.today - relativedelta(years=18) - timedelta(days=self.rng.randint(25, 50))
        dob = (
            self.today
            - relativedelta(years=profile.age)
            - timedelta(days=self.rng.randint(20, 345))
        )
        return dob

    def team_for(self, profile: _Profile) -> str:
        by_kind = {
            "uasc": "uasc",
            "welsh": "welsh",
            "v3": "disabled",
            "v4": "disabled",
            "adoption": "adoption",
            "placement_order": "adoption",
            "new": "court",
            "first_due": "court",
            "late_first": "court",
            "left_18": "leaving",
            "teen_mother": "leaving",
            "remand": "leaving",
        }
        if profile.kind in by_kind:
            return by_kind[profile.kind]
        return "leaving" if profile.age >= 16 else "cic"

    def child_ref(self) -> str:
        while True:
            ref = f"DB{self.rng.randint(100000, 999999)}"
            if ref not in self.used_refs:
                self.used_refs.append(ref)
                return ref

    def upn(self) -> str:
        """A well-formed Unique Pupil Number (check letter, LA 999 which no council has)."""
        body = f"999{self.rng.randint(2000, 2999)}{self.rng.randint(10, 24)}"
        body += f"{self.rng.randint(1, 999):03d}"
        total = sum(int(ch) * weight for ch, weight in zip(body, range(2, 14), strict=True))
        return "ABCDEFGHJKLMNPQRTUVWXYZ"[total % 23] + body

    # ---- placements and episodes

    def postcode(self, out_of_area: bool, district: str | None = None) -> str:
        district = district or self.rng.choice(OUT_OF_AREA if out_of_area else IN_AREA)
        return f"{district} {self.rng.randint(1, 9)}"

    def urn(self) -> str:
        while True:
            urn = f"SC{self.rng.randint(380000, 499999)}"
            if urn not in self.used_urns:
                self.used_urns.append(urn)
                return urn

    def placement(self, kind: str, plan: _Plan, district: str | None = None) -> _Placement:
        rng = self.rng
        out = district is not None or rng.random() < 0.65
        post = self.postcode(out, district)
        surname = rng.choice(names.CARER_SURNAMES)
        if kind in ("foster_short", "foster_long"):
            agency = rng.random() < 0.45
            return _Placement(
                kind,
                "U6" if kind == "foster_short" else "U4",
                "PR4" if agency else "PR1",
                post,
                self.urn() if agency else OWN_FOSTERING_URN,
                f"Mr and Mrs {surname} (foster carers)"
                if rng.random() < 0.6
                else f"Ms {surname} (foster carer)",
                f"{rng.choice(names.ADULT_WOMEN)} {surname}",
            )
        if kind in ("kin_short", "kin_long"):
            relative = rng.choice(("Grandmother", "Aunt", "Grandparents"))
            surname = plan.child.last_name if relative != "Aunt" else surname
            return _Placement(
                kind,
                "U3" if kind == "kin_short" else "U1",
                "PR1",
                post,
                OWN_FOSTERING_URN,
                f"{relative} ({'Mrs' if relative != 'Aunt' else 'Ms'} {surname})",
                f"{rng.choice(names.ADULT_WOMEN)} {surname}",
            )
        if kind == "home":
            return _Placement(
                kind,
                "K2",
                rng.choice(("PR4", "PR4", "PR1", "PR5")),
                post,
                self.urn(),
                rng.choice(names.CHILDRENS_HOMES),
                f"{rng.choice(names.ADULT_MEN)} {surname} (key worker)",
            )
        if kind == "semi":
            return _Placement(
                kind,
                "H5",
                rng.choice(("PR4", "PR5")),
                post,
                self.urn(),
                rng.choice(names.SUPPORTED_ACCOMMODATION),
                f"{rng.choice(names.ADULT_WOMEN)} {surname} (key worker)",
            )
        if kind == "parent_child":
            return _Placement(
                kind,
                "R3",
                "PR4",
                post,
                self.urn(),
                "Hillcrest Parent and Child Unit",
                f"{rng.choice(names.ADULT_WOMEN)} {surname} (key worker)",
            )
        if kind == "secure":
            return _Placement(
                kind,
                "K1",
                "PR2",
                self.postcode(True),
                self.urn(),
                "Clearwater Secure Children's Home",
            )
        if kind == "adopters":
            return _Placement(
                kind,
                "A5",
                "PR1",
                self.postcode(True),
                "",
                f"Adopters (Mr and Mrs {surname})",
                f"{rng.choice(names.ADULT_MEN)} {surname}",
            )
        raise ValueError(kind)

    def welsh_placement(self, variant: str, plan: _Plan) -> _Placement:
        post = self.postcode(True, WALES[variant])
        surname = self.rng.choice(names.WELSH_SURNAMES)
        carer = f"{self.rng.choice(names.WELSH_WOMEN)} {plan.child.last_name}"
        if variant == "nain":
            return _Placement(
                "kin_long",
                "U1",
                "PR1",
                post,
                OWN_FOSTERING_URN,
                f"Nain a Taid (Mr and Mrs {plan.child.last_name})",
                carer,
            )
        if variant == "mam-gu":
            return _Placement(
                "kin_long",
                "U1",
                "PR1",
                post,
                OWN_FOSTERING_URN,
                f"Mam-gu (Mrs {plan.child.last_name})",
                carer,
            )
        return _Placement(
            "foster_long",
            "U4",
            "PR2",
            post,
            self.urn(),
            f"Mr and Mrs {surname} (foster carers, Ceredigion)",
            f"{self.rng.choice(names.WELSH_WOMEN)} {surname}",
        )

    def placement_path(self, plan: _Plan, start: date, end: date) -> list[tuple[date, _Placement]]:
        """Where the child lived from ``start`` to ``end``: a first placement, then moves."""
        profile, age = plan.profile, age_on(plan.child.dob, start)
        if profile.kind == "welsh":
            return [(start, self.welsh_placement(profile.variant, plan))]
        if profile.kind == "uasc":
            first = "foster_short" if age < 16 else "semi"
            later = ["semi"]
        elif profile.kind == "teen_mother":
            first, later = "foster_long", ["parent_child"]
        elif age >= 14:
            first = self.rng.choice(("foster_short", "home", "semi" if age >= 16 else "home"))
            later = ["home", "foster_long", "semi"] if age >= 15 else ["home", "foster_long"]
        else:
            first = self.rng.choice(("foster_short", "foster_short", "kin_short"))
            later = ["foster_long", "kin_long"] if first == "kin_short" else ["foster_long"]
        path = [(start, self.placement(first, plan))]
        days = (end - start).days
        moves = 0 if days < 150 else self.rng.choice((0, 1, 1, 2) if days < 730 else (1, 1, 2, 3))
        if profile.kind == "teen_mother":
            moves = 1
        for step in range(moves):
            low = path[-1][0] + timedelta(days=max(45, days // (moves + 2)))
            high = end - timedelta(days=20)
            if low >= high:
                break
            day = self.days_between(low, min(high, low + timedelta(days=days // max(moves, 1))))
            kind = later[min(step, len(later) - 1)] if step == 0 else self.rng.choice(later)
            path.append((day, self.placement(kind, plan)))
        return path

    def legal_path(self, plan: _Plan, start: date, end: date) -> list[tuple[date, str]]:
        profile = plan.profile
        if profile.kind == "uasc":
            return [(start, "V2" if profile.legal == "s20" else "C2")]
        if profile.legal == "s20":
            return [(start, "V2")]
        steps = [(start, "C1")]
        if profile.legal == "epo":
            steps = [(start, "L2"), (start + timedelta(days=8), "C1")]
        final = start + timedelta(weeks=self.rng.randint(24, 40))
        if final < end - timedelta(days=10):
            steps.append((final, "C2"))
        return [s for s in steps if s[0] < end or s[0] == start]

    def episodes_from(
        self,
        plan: _Plan,
        legal: list[tuple[date, str]],
        placements: list[tuple[date, _Placement]],
        left: tuple[date, str] | None = None,
    ) -> list[Episode]:
        """903 episodes from the legal-status and placement changes (``RNE`` S, L, P, T)."""
        days = sorted({d for d, _ in legal} | {d for d, _ in placements})
        cin = self.cin_for(plan.profile)
        home_post = self.postcode(False)
        episodes: list[Episode] = []
        ls, place = legal[0][1], placements[0][1]
        for i, day in enumerate(days):
            new_ls = next((v for d, v in legal if d == day), None)
            new_place = next((p for d, p in placements if d == day), None)
            if i == 0:
                rne = "S"
            elif new_ls and new_place:
                rne = "T"
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
                    reason_place_change=self.move_reason(place) if rne in ("P", "T") else "",
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

    def cin_for(self, profile: _Profile) -> str:
        if profile.kind == "uasc":
            return "N8"
        if profile.kind in ("v3", "v4"):
            return "N2"
        if profile.legal == "s20":
            return self.rng.choice(("N4", "N5", "N6", "N3"))
        return self.rng.choices(("N1", "N5", "N3", "N4"), weights=(70, 15, 10, 5))[0]

    def move_reason(self, place: _Placement) -> str:
        if place.kind in ("foster_long", "kin_long", "adopters", "semi", "parent_child"):
            return "CARPL"
        if place.kind == "secure":
            return "CUSTOD"
        return self.rng.choices(
            ("CARPL", "CREQB", "CREQO", "CHILD", "STAND", "LAREQ"), weights=(40, 20, 15, 10, 8, 7)
        )[0]

    # ---- looked-after children: reviews laid back from the last one

    def looked_after_child(self, plan: _Plan) -> list[date]:
        profile, dob = plan.profile, plan.child.dob
        end, left = self.today, None
        if profile.kind == "left_18":
            end = birthday(dob, 18)
            left = (end, "E17")
        elif profile.kind == "left_home":
            end = self.hold(self.today - timedelta(days=self.rng.randint(18, 30)))
            left = (end, "E4A")
        elif profile.kind == "left_sgo":
            end = self.hold(self.today - timedelta(days=self.rng.randint(35, 60)))
            left = (end, "E45")
        months = self.months_in_care(profile, dob, end)
        wanted_start = max(end - relativedelta(months=months), dob + timedelta(days=3))
        held, start = self.review_chain(profile, dob, wanted_start, end)
        legal = self.legal_path(plan, start, end)
        if profile.kind == "placement_order" and len(held) >= 3:
            authorised = held[-2] + relativedelta(months=3) + timedelta(days=10)
            if authorised < held[-1]:
                legal = [(d, ls) for d, ls in legal if d < authorised] + [(authorised, "E1")]
        placements = self.placement_path(plan, start, end)
        if profile.kind == "remand":
            placements.append(
                (
                    self.today - timedelta(days=self.rng.randint(15, 25)),
                    self.placement("secure", plan),
                )
            )
            legal.append((placements[-1][0], "J1"))
        if profile.kind == "left_sgo":  # special guardianship to the carers it ends with
            kin = placements[-1][1].kind.startswith("kin")
            left = (end, "E45" if kin else "E46")
        plan.episodes = self.episodes_from(plan, legal, placements, left)
        return held

    def months_in_care(self, profile: _Profile, dob: date, end: date) -> int:
        rng = self.rng
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

    def review_chain(
        self, profile: _Profile, dob: date, wanted_start: date, end: date
    ) -> tuple[list[date], date]:
        """The held reviews and the start of care: laid back from the last review."""
        span_months = (end - wanted_start).days / 30.44
        count = 1 if span_months < 3 else 2 + int((span_months - 3.9) // 6)
        count = max(count, 1)
        while True:
            interval = 3 if count == 1 else 6
            last = self.last_review_for(profile.phase, interval, end)
            dates = [last]
            for number in range(count, 1, -1):
                months = 3 if number == 2 else 6
                earlier = dates[0] - relativedelta(months=months) + timedelta(days=self.slack())
                dates.insert(0, self.hold(earlier))
            first_wd = self.rng.randint(22, 30) if self.chance(0.06) else self.rng.randint(8, 19)
            start = self.calendar.add_working_days(dates[0], -first_wd)[0]
            if start > dob or count == 1:
                break
            count -= 1
        if start <= dob:  # a baby looked after from birth
            start = dob + timedelta(days=2)
            first_due = self.wd_after(start, 20)
            held = [self.hold(first_due - timedelta(days=5))] if first_due < end else []
            return held, start
        return dates, start

    def last_review_for(self, phase: str, interval: int, end: date) -> date:
        """The last review's date so that the child is in ``phase`` on ``end``."""
        rng, days = self.rng, 182 if interval == 6 else 91
        since = {
            "recent": lambda: rng.randint(1, 16),
            "midpoint": lambda: days // 2 + rng.randint(-14, 7),
            "due_soon": lambda: days - rng.randint(4, 30),
            "overdue": lambda: days + rng.randint(5, 24),
        }.get(phase, lambda: rng.randint(17, days - 31))()
        if end != self.today:
            since = rng.randint(20, 80)
        return self.hold(end - timedelta(days=since))

    def slack(self) -> int:
        """Days a review was held before it was due: mostly 4-21, now and then late."""
        if self.chance(0.04):
            return -self.rng.randint(3, 12)
        return self.rng.randint(4, 21)

    # ---- children new to care

    def new_child(self, plan: _Plan) -> list[date]:
        profile, rng = plan.profile, self.rng
        if profile.kind == "new":
            start = self.today - timedelta(days=rng.randint(0, 6))
        elif profile.kind == "first_due":
            start = self.today - timedelta(days=rng.randint(7, 24))
        else:  # late_first: the first review is overdue
            start = self.calendar.add_working_days(self.today, -rng.randint(23, 27))[0]
        start = max(start, plan.child.dob + timedelta(days=2))
        legal = self.legal_path(plan, start, self.today + timedelta(days=1))
        placements = [(start, self.placement("foster_short" if profile.age < 14 else "home", plan))]
        plan.episodes = self.episodes_from(plan, legal, placements)
        return []

    # ---- short breaks and adoption: laid forwards with the schedule engine

    def forward_reviews(
        self, plan: _Plan, until: date, held: list[date], early: tuple[int, int] = (2, 14)
    ) -> list[date]:
        held = list(held)
        while True:
            schedule = self.schedule(plan, held)
            if schedule.next_due is None:
                return held
            day = self.hold(schedule.next_due.due - timedelta(days=self.rng.randint(*early)))
            if day >= until or (held and day <= held[-1]):
                return held
            held.append(day)

    def short_break_series(self, plan: _Plan) -> list[date]:
        """V3: a weekend with the same carers every four weeks, each break its own episode."""
        first = self.today - relativedelta(months=15)
        first -= timedelta(days=(first.weekday() - 4) % 7)  # back to a Friday
        carer = self.placement("foster_short", plan)
        carer = replace(carer, name=f"Short break carers ({carer.name.split(' (')[0]})")
        home_post = self.postcode(False)
        friday = first
        while friday + timedelta(days=2) < self.today - timedelta(days=3):
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
        return self.forward_reviews(plan, self.today, [])

    def short_break_single(self, plan: _Plan) -> list[date]:
        """V4: one episode for the agreed series of short breaks at a short-break unit."""
        start = self.hold(self.today - relativedelta(months=20) - timedelta(days=9))
        unit = _Placement(
            "short_break",
            "K2",
            "PR1",
            self.postcode(False),
            self.urn(),
            self.rng.choice(names.SHORT_BREAK_UNITS),
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
                home_post=self.postcode(False),
                pl_post=unit.pl_post,
                urn=unit.urn,
                placement_name=unit.name,
            )
        ]
        plan.placements = [(start, unit)]
        return self.forward_reviews(plan, self.today, [])

    def placed_for_adoption(self, plan: _Plan) -> list[date]:
        """Interim care order, placement order (E1), then placed with adopters (A5)."""
        rng, dob = self.rng, plan.child.dob
        start = max(
            self.today - relativedelta(months=rng.randint(14, 17)), dob + timedelta(days=160)
        )
        authorised = self.hold(self.today - timedelta(days=rng.randint(95, 125)))
        placed = self.today - timedelta(days=rng.randint(14, 20))
        foster = self.placement("foster_short", plan)
        adopters = self.placement("adopters", plan)
        legal = [(start, "C1"), (authorised, "E1")]
        plan.episodes = self.episodes_from(plan, legal, [(start, foster)])
        held = self.forward_reviews(plan, placed, [])
        plan.episodes = self.episodes_from(plan, legal, [(start, foster), (placed, adopters)])
        return self.forward_reviews(plan, self.today, held, early=(1, 4))

    # ---- reviews

    def add_reviews(self, plan: _Plan, held: list[date]) -> None:
        plan.reviews = [
            _ReviewPlan(self.held_review(plan, day, i == len(held) - 1))
            for i, day in enumerate(held)
        ]
        plan.reviews = [
            replace(rp, review=replace(rp.review, id=i))
            for i, rp in enumerate(plan.reviews, start=1)
        ]
        schedule = self.schedule(plan)
        for judged in schedule.reviews:
            rp = plan.reviews[judged.review_id - 1]
            if not judged.in_time:
                reasons = LATE_REASONS[:2] if plan.profile.kind == "uasc" else LATE_REASONS
                reason = LATE_FIRST_REASON if judged.number == 1 else self.rng.choice(reasons)
                rp.review = replace(rp.review, timing_reason=reason)
        for i, rp in enumerate(plan.reviews):
            later = plan.reviews[i + 1].review.parts[0].held_on if i + 1 < len(held) else None
            self.add_review_extras(plan, rp, later, recent=i >= len(held) - 3)

    def band(self, plan: _Plan, on: date) -> str:
        age = age_on(plan.child.dob, on)
        if plan.profile.kind == "uasc":
            return "uasc"
        if age < 4:
            return "under4"
        return "child" if age <= 10 else "teen" if age <= 15 else "young_person"

    def code_for(self, plan: _Plan, on: date) -> str:
        if age_on(plan.child.dob, on) < 4:
            return "PN0"
        if plan.profile.kind in ("v3", "v4") or self.chance(0.85):
            return plan.style
        return self.rng.choices(list(PN_WEIGHTS), weights=list(PN_WEIGHTS.values()))[0]

    def placement_on(self, plan: _Plan, day: date) -> _Placement:
        current = plan.placements[0][1]
        for start, placement in plan.placements:
            if start <= day:
                current = placement
        return current

    def held_review(self, plan: _Plan, day: date, latest: bool) -> Review:
        rng, child = self.rng, plan.child
        code = self.code_for(plan, day)
        band = self.band(plan, day)
        placement = self.placement_on(plan, day)
        going_well, worries, words = self.review_texts(plan, band, code)
        circulated = self.wd_after(
            day, rng.randint(1, 5) if self.chance(0.9) else rng.randint(6, 9)
        )
        letter = self.wd_after(
            day, rng.randint(8, 20) if self.chance(0.88) else rng.randint(21, 28)
        )
        if latest and (self.today - day).days < 60 and self.chance(0.25):
            letter = self.today  # still being written
        if latest and self.wd_after(day, 5) >= self.today:
            circulated = self.today  # still within the 5 working days: not out yet
        consultation = self.calendar.add_working_days(day, -rng.randint(18, 22))[0]
        return Review(
            id=None,
            status=ReviewStatus.HELD,
            parts=(ReviewPart(day, self.venue(plan, placement)),),
            venue=self.venue(plan, placement),
            venue_childs_choice=self.chance(0.6)
            if band in ("teen", "young_person", "uasc")
            else None,
            attendees=self.attendees(plan, placement, code, band),
            review_code=code,
            views_how=names.VIEWS_HOW[code],
            parents_participation=self.parents_participation(plan),
            decisions_circulated_on=circulated if circulated < self.today else None,
            letter_sent_on=letter if letter < self.today else None,
            record_sent_on=letter if letter < self.today else None,
            consultation_sent_on=consultation if band != "under4" else None,
            consultation_returned_on=(
                consultation + timedelta(days=rng.randint(5, 12))
                if band != "under4" and self.chance(0.55)
                else None
            ),
            care_plan_view=self.care_plan_view(plan, placement),
            going_well=going_well,
            worries=worries,
            child_words=words,
            text_language="cy" if child.language == "cy" else "en",
        )

    def review_texts(self, plan: _Plan, band: str, code: str) -> tuple[str, str, str]:
        rng = self.rng
        if plan.profile.kind == "welsh":
            texts = names.WELSH_TEXTS[plan.profile.variant]
            words = rng.choice(texts["child_words"]) if code not in ("PN4", "PN7") else ""
            return rng.choice(texts["going_well"]), rng.choice(texts["worries"]), words
        if plan.profile.kind in ("v3", "v4"):
            return (
                rng.choice(names.GOING_WELL["short_breaks"]),
                rng.choice(names.WORRIES["short_breaks"]),
                rng.choice(names.SHOWN_WORDS),
            )
        bank = band if band in names.CHILD_WORDS else "child"
        if code in ("PN0", "PN4", "PN7"):
            words = ""
        elif code == "PN3":
            words = "Pointed to the smiley face card for home and for school."
        else:
            words = rng.choice(names.CHILD_WORDS[bank])
        return rng.choice(names.GOING_WELL[band]), rng.choice(names.WORRIES[band]), words

    def venue(self, plan: _Plan, placement: _Placement) -> str:
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
        return self.rng.choice(names.VENUES[kind])

    def attendees(self, plan: _Plan, placement: _Placement, code: str, band: str) -> tuple:
        child = plan.child
        people = []
        if code in ATTENDED:
            people.append(
                f"{child.known_as} (child)"
                if band != "uasc"
                else f"{child.known_as} (young person)"
            )
        if plan.profile.kind in ("v3", "v4"):
            people.append("Mum and Dad")
        elif band != "uasc" and self.chance(0.6):
            people.append("Mum")
        if placement.carer:
            role = "key worker" if "key worker" in placement.carer else "carer"
            people.append(f"{placement.carer.replace(' (key worker)', '')} ({role})")
        people.append(f"{child.social_worker} (social worker)")
        if band in ("child", "teen") and self.chance(0.5):
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

    def parents_participation(self, plan: _Plan) -> str:
        if plan.profile.kind == "uasc":
            return "Parents are not in the UK."
        return self.rng.choice(
            (
                "Mum came to the review.",
                "Mum came; Dad sent his views by email.",
                "Parents invited; did not come. The social worker shared their views.",
                "Dad joined by phone.",
                "Mum met the IRO separately before the review.",
            )
        )

    def care_plan_view(self, plan: _Plan, placement: _Placement) -> str:
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

    def add_review_extras(
        self, plan: _Plan, rp: _ReviewPlan, next_held: date | None, recent: bool
    ) -> None:
        """Pre-review meeting, IRO contact, decisions and the midpoint check after it."""
        rng, day = self.rng, rp.review.parts[0].held_on
        if self.chance(0.85):
            rp.meeting = PreReviewMeeting(
                None,
                None,
                self.hold(day - timedelta(days=rng.randint(4, 15))),
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
        if self.chance(0.85):
            plan.contacts.append(
                Contact(
                    None,
                    self.hold(day - timedelta(days=rng.randint(2, 12))),
                    rng.choice(("visit", "visit", "phone", "video")),
                    "Spoke with the child before the review.",
                )
            )
        if recent:
            rp.decisions = self.decisions_for(plan, day, next_held)
        if next_held is not None:
            midpoint = day + (next_held - day) / 2
            if self.chance(0.4):
                plan.contacts.append(
                    Contact(None, self.hold(midpoint), "visit", "Visit between reviews.")
                )
            if self.chance(0.85):
                done = self.hold(midpoint + timedelta(days=rng.randint(-10, 10)))
                rp.midpoint = MidpointCheck(
                    None, None, done, concerns=rng.choice(("", "", "Health assessment late."))
                )

    def decisions_for(self, plan: _Plan, day: date, next_held: date | None) -> list[Decision]:
        rng = self.rng
        bank = {"v3": "short_breaks", "v4": "short_breaks"}.get(
            plan.profile.kind, self.band(plan, day)
        )
        if self.placement_on(plan, day).kind == "adopters":
            bank = "adoption"
        chosen = rng.sample(
            names.DECISIONS[bank], rng.randint(2, min(4, len(names.DECISIONS[bank])))
        )
        placement = self.placement_on(plan, day)
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
        for what, who, weeks in chosen:
            by_when = day + timedelta(weeks=weeks)
            status, done_on = self.decision_outcome(day, by_when, next_held)
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

    def decision_outcome(
        self, day: date, by_when: date, next_held: date | None
    ) -> tuple[DecisionStatus, date | None]:
        """Older reviews' decisions are nearly all done; the latest's depend on their date."""
        roll = self.rng.random()
        if next_held is not None:
            if roll < 0.03:
                return DecisionStatus.DROPPED, None
            done, end = roll < 0.997, min(by_when, next_held - timedelta(days=1))
        elif by_when < self.today:
            done, end = roll < 0.96, by_when
        else:
            done, end = roll < 0.15, self.today
        start, end = day + timedelta(days=3), min(end, self.today - timedelta(days=1))
        if not done or end < start:
            return DecisionStatus.OPEN, None
        return DecisionStatus.DONE, self.days_between(start, end)

    # ---- today's cycle: booking, pre-review meeting, contacts, midpoint

    def add_current_cycle(self, plan: _Plan) -> None:
        schedule = self.schedule(plan)
        rng, today = self.rng, self.today
        if schedule.next_due is None:
            return
        last = plan.reviews[-1].review.parts[0].held_on if plan.reviews else None
        since = last or plan.episodes[0].decom
        if plan.profile.kind in ("new", "first_due", "late_first") and self.chance(0.7):
            met = since + timedelta(days=rng.randint(2, 6))
            if met < today:
                plan.contacts.append(Contact(None, met, "visit", "Introduced myself as the IRO."))
        # A diligent IRO: most children were seen or spoken to in the last ten weeks.
        if (today - since).days > 30 and self.chance(0.9):
            day = self.hold(
                self.days_between(
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
            if midpoint < today - timedelta(days=3) and self.chance(0.88):
                plan.reviews[-1].midpoint = MidpointCheck(
                    None,
                    None,
                    self.hold(
                        min(
                            midpoint + timedelta(days=rng.randint(-5, 5)), today - timedelta(days=1)
                        )
                    ),
                    concerns="Decisions on track." if self.chance(0.7) else "PEP not yet done.",
                )
        self.maybe_book(plan, due)

    def maybe_book(self, plan: _Plan, due: date) -> None:
        rng, today = self.rng, self.today
        overdue = due < today
        if (due - today).days > 40 or not self.chance(0.75 if overdue else 0.7):
            return
        if overdue:
            booked_for = self.next_working(today + timedelta(days=rng.randint(2, 9)))
            reason = (
                LATE_FIRST_REASON
                if not plan.reviews
                else "Postponed: the young person was in hospital; rebooked for the first "
                "date everyone could come."
            )
        else:
            booked_for = self.hold(due - timedelta(days=rng.randint(0, 8)))
            reason = ""
            if booked_for < today:
                booked_for = self.next_working(today)
                if booked_for > due:
                    return
        placement = self.placement_on(plan, today)
        consultation = self.calendar.add_working_days(booked_for, -20)[0]
        review = Review(
            id=None,
            status=ReviewStatus.BOOKED,
            booked_for=booked_for,
            venue=self.venue(plan, placement),
            timing_reason=reason,
            consultation_sent_on=consultation
            if consultation < today and self.chance(0.9)
            else None,
            text_language=plan.child.language,
        )
        meeting = None
        if booked_for - timedelta(days=15) < today and self.chance(0.85):
            day = self.hold(today - timedelta(days=rng.randint(1, 4)))
            if not plan.reviews or day > plan.reviews[-1].review.parts[0].held_on:
                meeting = PreReviewMeeting(
                    None,
                    None,
                    day,
                    with_whom=f"{plan.child.social_worker} (social worker)",
                    issues="Agenda for the review agreed.",
                )
        plan.booked = _ReviewPlan(review, meeting=meeting)

    # ---- people

    def add_people(self, plan: _Plan) -> None:
        rng, child = self.rng, plan.child
        recorded = plan.episodes[0].decom
        welsh = child.language == "cy"
        interpreter = child.ethnicity in ("WROM", "WOTH", "OOTH") and self.chance(0.5)
        if plan.profile.kind != "uasc":
            women = names.WELSH_WOMEN if welsh else names.ADULT_WOMEN
            men = names.WELSH_MEN if welsh else names.ADULT_MEN
            plan.people.append(
                Person(
                    None,
                    "mother",
                    f"{rng.choice(women)} {child.last_name}",
                    "cy" if welsh else "en",
                    recorded,
                    interpreter,
                )
            )
            if self.chance(0.7):
                others = names.WELSH_SURNAMES if welsh else names.CARER_SURNAMES
                surname = child.last_name if self.chance(0.6) else rng.choice(others)
                plan.people.append(
                    Person(
                        None,
                        "father",
                        f"{rng.choice(men)} {surname}",
                        "cy" if welsh and self.chance(0.5) else "en",
                        recorded,
                        interpreter,
                    )
                )
        carer = self.placement_on(plan, self.today).carer
        if carer:
            role = "other" if "key worker" in carer else "carer"
            plan.people.append(Person(None, role, carer, "cy" if welsh else "en", recorded))

    # ---- across the caseload

    def add_two_part_reviews(self, plans: list[_Plan]) -> None:
        """Two reviews held in two parts (seed 004): the second part a week or two later."""
        candidates = [p for p in plans if len(p.reviews) >= 3 and p.child.archived_on is None]
        for plan in self.rng.sample(candidates, 2):
            rp = plan.reviews[-2]
            first = rp.review.parts[0]
            second = self.wd_after(first.held_on, self.rng.randint(5, 9))
            if second >= plan.reviews[-1].review.parts[0].held_on:
                continue
            rp.review = replace(
                rp.review,
                parts=(first, ReviewPart(second, "Video call (Teams)")),
                parents_participation="Held in two parts so that the child did not have to "
                "meet Dad; Dad joined part two.",
            )

    def add_challenges(self, plans: list[_Plan]) -> None:
        """Five open challenges at different stages and three resolved ones (IRO Handbook ch. 6)."""
        eligible = [
            p
            for p in plans
            if len(p.reviews) >= 2
            and p.child.archived_on is None
            and p.episodes[-1].dec is None
            and (self.today - p.episodes[0].decom).days > 230
        ]
        chosen = self.rng.sample(eligible, 8)
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
            plan.challenges.append(self.challenge(plan, setup, resolved=i >= 5))

    def challenge(self, plan: _Plan, setup: list[tuple], resolved: bool) -> Challenge:
        rng, today = self.rng, self.today
        manager = ("Team manager", "Service manager", "Head of Service")
        stages = []
        for index, (stage, raised_ago, responded_ago) in enumerate(setup):
            raised = self.hold(today - timedelta(days=raised_ago))
            days = 10 if stage == 0 else 5
            responded = self.hold(today - timedelta(days=responded_ago)) if responded_ago else None
            stages.append(
                ChallengeStage(
                    stage,
                    raised,
                    raised_with=f"{manager[stage]}, {plan.child.social_worker_team}",
                    response_due=self.wd_after(raised, days),
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
            rng.choice(names.CHALLENGE_THEMES),
            stages=tuple(stages),
            outcome="Resolved: the action was taken within the agreed time." if resolved else "",
            resolved_on=last_response if resolved else None,
        )

    def add_decision_due_this_week(self, plans: list[_Plan]) -> None:
        """One open decision falls due today, so "this week" is never empty for the demo."""
        for plan in plans:
            if plan.child.archived_on is None and plan.reviews and plan.reviews[-1].decisions:
                rp = plan.reviews[-1]
                d = rp.decisions[0]
                rp.decisions[0] = replace(
                    d, by_when=self.today, status=DecisionStatus.OPEN, done_on=None
                )
                return


# --------------------------------------------------------------------------------------------
# Writing


def _values(obj: Any, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj) if f.name not in ("id", *drop)}


def _insert(store: Store, table: str, values: dict[str, Any]) -> int:
    return history.insert(store, table, values, source=history.SOURCE_DEMO)


def _write_plan(store: Store, plan: _Plan) -> None:
    child_id = _insert(store, "children", _values(plan.child))
    for episode in plan.episodes:
        _insert(store, "episodes", {"child_id": child_id, **_values(episode)})
    for person in plan.people:
        _insert(store, "people", {"child_id": child_id, **_values(person)})
    review_plans = [*plan.reviews, *([plan.booked] if plan.booked else [])]
    for rp in review_plans:
        _write_review(store, child_id, rp)
    for contact in sorted(plan.contacts, key=lambda c: c.on):
        _insert(store, "contacts", {"child_id": child_id, **_values(contact)})
    for challenge in plan.challenges:
        challenge_id = _insert(
            store, "challenges", {"child_id": child_id, **_values(challenge, ("stages",))}
        )
        for stage in challenge.stages:
            _insert(store, "challenge_stages", {"challenge_id": challenge_id, **_values(stage)})


def _write_review(store: Store, child_id: int, rp: _ReviewPlan) -> None:
    review_id = _insert(store, "reviews", {"child_id": child_id, **_values(rp.review, ("parts",))})
    for part in rp.review.parts:
        _insert(store, "review_parts", {"review_id": review_id, **_values(part)})
    for decision in rp.decisions:
        _insert(
            store, "decisions", {**_values(decision), "child_id": child_id, "review_id": review_id}
        )
    if rp.meeting is not None:
        _insert(
            store,
            "pre_review_meetings",
            {**_values(rp.meeting), "child_id": child_id, "review_id": review_id},
        )
    if rp.midpoint is not None:
        _insert(
            store,
            "midpoint_checks",
            {**_values(rp.midpoint), "child_id": child_id, "after_review_id": review_id},
        )
