"""Who the children are: name, date of birth, social worker, reference numbers, and the
people around them (parents and carers)."""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from iro_desktop.demo import names as names
from iro_desktop.demo.plan import ChildPlan, Demo, Profile
from iro_desktop.domain.code_lists import FEMALE, MALE, collection_year_of
from iro_desktop.domain.dates import age_on
from iro_desktop.domain.model import Child, LetterFormat, Person


def identity(demo: Demo, profile: Profile) -> Child:
    rng = demo.rng
    gender = MALE if rng.random() < 0.55 else FEMALE
    if profile.kind == "uasc":
        gender = MALE if rng.random() < 0.85 else FEMALE
    if profile.kind == "teen_mother":
        gender = FEMALE
    language, interpreter, comms, disability = "en", False, "", ""
    first_language, letter_format, learning_need = "", LetterFormat.AUTO, False
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
        first_language = asylum.language
    elif profile.kind == "welsh":
        boys, girls, surnames = names.WELSH_BOYS, names.WELSH_GIRLS, names.WELSH_SURNAMES
        ethnicity, language = "WBRI", "cy"
        comms = "Welsh is the first language; letters and forms in Welsh."
        first_language = "Welsh"
        if profile.variant == "nain":  # he likes Nain to read his letter with him
            letter_format = LetterFormat.READ_ALOUD
    else:
        boys, girls, surnames, ethnicity = (
            group.boys,
            group.girls,
            group.surnames,
            (group.ethnicity),
        )
    while True:
        first = rng.choice(boys if gender == MALE else girls)
        last = rng.choice(surnames)
        firsts = [n.split(" ")[0] for n in demo.used_names]
        lasts = [n.split(" ", 1)[1] for n in demo.used_names]
        if (
            f"{first} {last}" not in demo.used_names
            and (firsts.count(first) < 2 or len(boys) + len(girls) < 8)
            and (profile.kind != "welsh" or last not in lasts)
        ):
            break
    demo.used_names.append(f"{first} {last}")
    if profile.kind == "v3":
        disability = "Autism and a learning disability"
        comms = "Few words; uses PECS picture cards and a visual timetable."
        learning_need = True  # easy read (the eye-gaze aid below alone would not be)
    elif profile.kind == "v4":
        disability = "Cerebral palsy; wheelchair user"
        comms = "Uses an eye-gaze communication aid; give extra time."
    dob = _dob_for(demo, profile)
    team_key = _team_for(profile)
    sw_name, sw_phone = rng.choice(names.SOCIAL_WORKERS[team_key])
    team = names.TEAMS[team_key]
    if team_key == "cic":
        team = f"{team} {rng.choice((1, 2))}"
    mother, mc_dob = "", None
    year_end = date(collection_year_of(demo.today), 3, 31)
    if gender == FEMALE and age_on(dob, year_end) >= 12:  # 12 by the year's end: rule 393
        mother = "0"
    if profile.kind == "teen_mother":
        mother, mc_dob = "1", demo.today - timedelta(days=rng.randint(90, 150))
    return Child(
        id=None,
        child_ref=_child_ref(demo),
        first_name=first,
        last_name=last,
        dob=dob,
        preferred_name=names.PREFERRED_NAMES.get(first, ""),
        gender=gender,
        ethnicity=ethnicity,
        upn=_upn(demo) if 5 <= profile.age <= 15 else "",
        mother=mother,
        mc_dob=mc_dob,
        uasc=profile.kind == "uasc",
        disability=disability,
        communication_needs=comms,
        language=language,
        interpreter_needed=interpreter,
        first_language=first_language,
        letter_format=letter_format,
        learning_need=learning_need,
        social_worker=sw_name,
        social_worker_team=team,
        social_worker_phone=sw_phone,
    )


def _dob_for(demo: Demo, profile: Profile) -> date:
    if profile.kind == "new" and profile.age == 0:
        return demo.today - timedelta(days=demo.rng.randint(9, 20))
    if profile.kind == "left_18":
        return demo.today - relativedelta(years=18) - timedelta(days=demo.rng.randint(25, 50))
    dob = demo.today - relativedelta(years=profile.age) - timedelta(days=demo.rng.randint(20, 345))
    return dob


def _team_for(profile: Profile) -> str:
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


def _child_ref(demo: Demo) -> str:
    while True:
        ref = f"DB{demo.rng.randint(100000, 999999)}"
        if ref not in demo.used_refs:
            demo.used_refs.append(ref)
            return ref


def _upn(demo: Demo) -> str:
    """A well-formed Unique Pupil Number (check letter, LA 999 which no council has)."""
    body = f"999{demo.rng.randint(2000, 2999)}{demo.rng.randint(10, 24)}"
    body += f"{demo.rng.randint(1, 999):03d}"
    total = sum(int(ch) * weight for ch, weight in zip(body, range(2, 14), strict=True))
    return "ABCDEFGHJKLMNPQRTUVWXYZ"[total % 23] + body


def add_people(demo: Demo, plan: ChildPlan) -> None:
    """Mother, often father, and the carer today, each with their language."""
    rng, child = demo.rng, plan.child
    recorded = plan.episodes[0].decom
    welsh = child.language == "cy"
    interpreter = child.ethnicity in ("WROM", "WOTH", "OOTH") and demo.chance(0.5)
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
                called_by_child="Mam" if welsh else "Mum",
            )
        )
        if demo.chance(0.7):
            others = names.WELSH_SURNAMES if welsh else names.CARER_SURNAMES
            surname = child.last_name if demo.chance(0.6) else rng.choice(others)
            plan.people.append(
                Person(
                    None,
                    "father",
                    f"{rng.choice(men)} {surname}",
                    "cy" if welsh and demo.chance(0.5) else "en",
                    recorded,
                    interpreter,
                    called_by_child="Dad",
                )
            )
    placement = plan.placement_on(demo.today)
    carer = placement.carer
    if carer:
        role = "other" if "key worker" in carer else "carer"
        called = _called_by_child(placement.name, carer)
        plan.people.append(
            Person(None, role, carer, "cy" if welsh else "en", recorded, called_by_child=called)
        )


# What a child calls a relative who cares for them, from the placement's name.
_KIN_NAMES = (("Nain", "Nain"), ("Mam-gu", "Mam-gu"), ("Grandmother", "Grandma"),
              ("Grandparents", "Nan"))  # fmt: skip


def _called_by_child(placement_name: str, carer: str) -> str:
    for starts, called in _KIN_NAMES:
        if placement_name.startswith(starts):
            return called
    if placement_name.startswith("Aunt"):
        return f"Auntie {carer.split()[0]}"
    return ""
