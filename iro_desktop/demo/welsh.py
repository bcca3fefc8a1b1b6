"""The three Welsh-speaking children placed in Wales: with Nain a Thaid, with Mam-gu, and with
Welsh-speaking foster carers in Ceredigion (their review texts are in ``texts.WELSH_TEXTS``)."""

from __future__ import annotations

from iro_desktop.demo import names as names
from iro_desktop.demo import texts as texts
from iro_desktop.demo.placements import OWN_FOSTERING_URN, postcode, urn
from iro_desktop.demo.plan import ChildPlan, Demo, Placement
from iro_desktop.domain.code_lists import FEMALE

WALES = {"nain": "LL55", "mam-gu": "SA31", "foster": "SY23"}  # postcode districts


def welsh_placement(demo: Demo, variant: str, plan: ChildPlan) -> Placement:
    post = postcode(demo, True, WALES[variant])
    surname = demo.rng.choice(names.WELSH_SURNAMES)
    carer = f"{demo.rng.choice(names.WELSH_WOMEN)} {plan.child.last_name}"
    if variant == "nain":
        return Placement(
            "kin_long",
            "U1",
            "PR1",
            post,
            OWN_FOSTERING_URN,
            f"Nain a Thaid (Mr and Mrs {plan.child.last_name})",
            carer,
        )
    if variant == "mam-gu":
        return Placement(
            "kin_long",
            "U1",
            "PR1",
            post,
            OWN_FOSTERING_URN,
            f"Mam-gu (Mrs {plan.child.last_name})",
            carer,
        )
    return Placement(
        "foster_long",
        "U4",
        "PR2",
        post,
        urn(demo),
        f"Mr and Mrs {surname} (foster carers, Ceredigion)",
        f"{demo.rng.choice(names.WELSH_WOMEN)} {surname}",
    )


# The Welsh texts are written for a boy; a girl's forms differ after "ei" (her) and in the
# person of a preposition.
_GIRL_FORMS = (("ei frawd", "ei brawd"), ("ganddo", "ganddi"), ("o'i deulu", "o'i theulu"))


def for_gender(text: str, gender: str) -> str:
    """The text for a girl (sex "F"), or as written for a boy."""
    if gender == FEMALE:
        for boy, girl in _GIRL_FORMS:
            text = text.replace(boy, girl)
    return text


def as_written(text: str) -> str:
    """A girl's text back to the form it is written in (to find its child-facing wording)."""
    for boy, girl in _GIRL_FORMS:
        text = text.replace(girl, boy)
    return text
