"""Children in the situations a letter must handle, built in code (the demo's child-facing
texts land separately): each with professional text AND child-facing wording, so a test can
check that the letter says only the latter.

``situations()`` -> {name: Situation}; ``letter_for(situation, ...)`` builds its letters.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from iro_desktop.domain.model import (
    ChildRecord,
    ChildWording,
    Decision,
    LetterFormat,
    Person,
    PlanType,
    Region,
    WordingKind,
)
from iro_desktop.domain.schedule import schedule_for
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.letters.content import build_letters
from iro_desktop.letters.model import Letter
from tests.domain.builders import episode, held_review, make_child, make_record

TODAY = date(2026, 3, 20)
HELD = date(2026, 3, 10)
SETTINGS = Settings(
    iro_name="Sam Okafor",
    iro_phone="01234 567890",
    iro_email="sam.okafor@council.example",
    advocacy_service="Voices",
    complaints_contact="Freephone 0800 000 000",
)
WALES = replace(SETTINGS, region=Region.WALES)


@dataclass(frozen=True)
class Situation:
    record: ChildRecord
    settings: Settings
    language: str = "en"
    version: str = "auto"
    # Professional texts that have child-facing wording: never in the letter verbatim.
    professional: tuple[str, ...] = ()


def _w(kind, key, en, cy="", reply_en="", reply_cy="", answers=(), confirmed=True, **kw):
    return ChildWording(
        id=None,
        review_id=1,
        kind=kind,
        item_key=key,
        text_en=en,
        text_cy=cy,
        reply_en=reply_en,
        reply_cy=reply_cy,
        answers=tuple(answers),
        confirmed=confirmed,
        **kw,
    )


PROFESSIONAL = {
    "reasons": "Placement meets identified needs\nBirth parents unable to meet needs",
    "said": "Wants more contact with brother Leo\nAsked about changing school",
    "well": "Kezia is settled in placement and attending school consistently",
    "worries": "Finds the change back home on Sunday hard\nDental check overdue",
    "decisions": (
        "Support the young person to access CAMHS",
        "SW to arrange sibling contact with Leo fortnightly",
        "Hold a strategy meeting about exploitation concerns",
    ),
}


def _decisions() -> tuple[Decision, ...]:
    return tuple(
        Decision(id=10 + n, review_id=1, what=what, who=who, by_when=when)
        for n, (what, who, when) in enumerate(
            zip(
                PROFESSIONAL["decisions"],
                ("Priya Nair (social worker)", "Priya Nair (social worker)", "Team manager"),
                (date(2026, 4, 30), date(2026, 4, 1), date(2026, 3, 24)),
                strict=True,
            )
        )
    )


def _wordings(welsh: bool = False, *, sensitive: bool = False) -> tuple[ChildWording, ...]:
    cy = welsh
    out = [
        _w(
            WordingKind.PLAN_REASON,
            "line:0",
            "You are safe and happy here.",
            "Rwyt ti'n saff ac yn hapus yma." if cy else "",
        ),
        _w(
            WordingKind.CHILD_SAID,
            "line:0",
            "You told me you want to see Leo more.",
            "Dywedaist ti dy fod eisiau gweld Leo yn amlach." if cy else "",
            "I agree. You will see him every two weeks.",
            "Rwy'n cytuno. Byddi di'n ei weld bob pythefnos." if cy else "",
        ),
        _w(
            WordingKind.CHILD_SAID,
            "line:1",
            "You asked if you can change school.",
            "Gofynnaist ti a gei di newid ysgol." if cy else "",
            "Not this year. We want you to stay with your friends.",
            "Dim eleni. Rydyn ni eisiau i ti aros gyda dy ffrindiau." if cy else "",
        ),
        _w(
            WordingKind.GOING_WELL,
            "line:0",
            "You are happy at home and you go to school every day.",
            "Rwyt ti'n hapus gartref ac rwyt ti'n mynd i'r ysgol bob dydd." if cy else "",
        ),
        _w(
            WordingKind.WORRY,
            "line:0",
            "Sunday nights can feel hard after you see your mum.",
            "Gall nos Sul fod yn anodd ar ôl i ti weld dy fam." if cy else "",
            answers=("decision:10",),
        ),
        _w(
            WordingKind.WORRY,
            "line:1",
            "You have not seen the dentist for a while.",
            "Dwyt ti ddim wedi gweld y deintydd ers tipyn." if cy else "",
        ),
        _w(
            WordingKind.DECISION,
            "decision:10",
            "Priya will help you find someone to talk to about your feelings.",
            "Bydd Priya yn dy helpu di i ddod o hyd i rywun i siarad â nhw am dy deimladau."
            if cy
            else "",
        ),
        _w(
            WordingKind.DECISION,
            "decision:11",
            "You will see Leo every two weeks.",
            "Byddi di'n gweld Leo bob pythefnos." if cy else "",
        ),
        _w(
            WordingKind.LEARNED,
            "",
            "You are brilliant at drawing horses.",
            "Rwyt ti'n wych am dynnu lluniau ceffylau." if cy else "",
        ),
    ]
    if sensitive:
        out.append(
            _w(
                WordingKind.DECISION,
                "decision:12",
                "Some grown-ups will meet to keep you safe from people who use children for money.",
                "",
                confirmed=True,
            )
        )
    return tuple(out)


def _record(dob: date, *, wordings=None, people=(), episodes=None, **kw) -> ChildRecord:
    child_kw = {
        k: kw.pop(k)
        for k in list(kw)
        if k
        in (
            "first_name",
            "preferred_name",
            "language",
            "language_recorded_on",
            "interpreter_needed",
            "first_language",
            "letter_format",
            "learning_need",
            "uasc",
            "communication_needs",
        )
    }
    review_kw = {
        "id": 1,
        "venue": "your home",
        "attendees": ("Priya Nair (social worker)", "Carer"),
        "plan_type": PlanType.STAYING_HERE,
        "plan_reasons": PROFESSIONAL["reasons"],
        "child_words": PROFESSIONAL["said"],
        "going_well": PROFESSIONAL["well"],
        "worries": PROFESSIONAL["worries"],
    }
    review_kw.update(kw)
    child = make_child(
        dob=dob, id=7, first_name=child_kw.pop("first_name", "Kezia"), last_name="Jones", **child_kw
    )
    return make_record(
        child,
        episodes=episodes or [episode(date(2024, 9, 1))],
        reviews=[held_review(date(2025, 9, 1), id=0), held_review(HELD, **review_kw)],
        decisions=_decisions(),
        people=(Person(id=1, role="carer", name="Stacey Hill"), *people),
        wordings=_wordings() if wordings is None else wordings,
    )


ALL_PROFESSIONAL = (
    *PROFESSIONAL["reasons"].split("\n"),
    *PROFESSIONAL["said"].split("\n"),
    PROFESSIONAL["well"],
    *PROFESSIONAL["worries"].split("\n"),
    *PROFESSIONAL["decisions"][:2],
)


def situations() -> dict[str, Situation]:
    s = {
        "toddler": Situation(_record(date(2023, 5, 1), code="PN0", child_words=""), SETTINGS),
        "age7": Situation(_record(date(2018, 11, 2)), SETTINGS),
        "age12": Situation(_record(date(2013, 6, 1)), SETTINGS),
        "uasc16": Situation(
            _record(
                date(2009, 8, 1),
                first_name="Dawit",
                uasc=True,
                interpreter_needed=True,
                first_language="Tigrinya",
                plan_type=PlanType.OWN_HOME,
            ),
            SETTINGS,
        ),
        "easy_read": Situation(_record(date(2014, 2, 1), learning_need=True), SETTINGS),
        "welsh_cy": Situation(
            _record(
                date(2016, 4, 4),
                language="cy",
                wordings=_wordings(welsh=True),
                text_language="cy",
                venue="dy gartref",
                people=(Person(id=2, role="carer", name="Eirlys Morgan", called_by_child="Nain"),),
            ),
            WALES,
            language="cy",
        ),
        "welsh_both": Situation(
            _record(date(2016, 4, 4), wordings=_wordings(welsh=True)),
            WALES,
            language="both",
        ),
        "adoption": Situation(
            _record(
                date(2021, 1, 5),
                plan_type=PlanType.ADOPTION,
                episodes=[episode(date(2024, 9, 1), ls="E1", place="A4")],
            ),
            SETTINGS,
        ),
        "short_breaks": Situation(
            _record(date(2015, 3, 3), episodes=[episode(date(2025, 1, 1), ls="V3", place="R1")]),
            SETTINGS,
        ),
        "last_before_18": Situation(
            _record(date(2008, 6, 1), plan_type=PlanType.STAYING_PUT), SETTINGS
        ),
        "did_not_take_part": Situation(
            _record(
                date(2012, 1, 1), code="PN7", child_words="", next_contact_on=date(2026, 4, 15)
            ),
            SETTINGS,
        ),
        "kinship": Situation(
            _record(
                date(2017, 1, 1),
                people=(
                    Person(id=3, role="carer", name="Eirlys Jones", called_by_child="Grandma"),
                ),
                attendees=("Eirlys Jones (carer)", "Priya Nair (social worker)"),
            ),
            SETTINGS,
        ),
        "young_person": Situation(_record(date(2009, 2, 1)), SETTINGS),
        "read_aloud5": Situation(_record(date(2020, 10, 1)), SETTINGS),
        "standard_format": Situation(
            _record(date(2019, 1, 1), letter_format=LetterFormat.STANDARD), SETTINGS
        ),
        "sensitive": Situation(
            _record(date(2012, 5, 5), wordings=_wordings(sensitive=True)), SETTINGS
        ),
    }
    # The kinship child's carer is Grandma only.
    kin = s["kinship"].record
    s["kinship"] = replace(
        s["kinship"], record=replace(kin, people=tuple(p for p in kin.people if p.id != 1))
    )
    return {k: replace(v, professional=ALL_PROFESSIONAL) for k, v in s.items()}


def letter_for(
    situation: Situation,
    *,
    version: str | None = None,
    language: str | None = None,
    use_suggestions: bool = False,
    with_rights: bool = False,
) -> list[Letter]:
    from iro_desktop.letters.choices import choose_version

    record = situation.record
    settings = situation.settings
    review = record.reviews[-1]
    chosen = version or situation.version
    if chosen == "auto":
        chosen = choose_version(record.child, review.part_dates[0], settings.read_aloud_under_age)
    schedule = schedule_for(record, settings, calendar_for(settings), TODAY)
    return build_letters(
        record,
        schedule,
        review,
        settings,
        language or situation.language,
        chosen,
        TODAY,
        use_suggestions=use_suggestions,
        with_rights=with_rights,
    )
