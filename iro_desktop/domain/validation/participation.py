"""How the child took part (DfE participation codes, rules 440/441): PN0 under 4, PN1-PN7
from the 4th birthday on."""

from __future__ import annotations

from datetime import date

from iro_desktop.domain.codes import PARTICIPATION_CODES
from iro_desktop.domain.dates import age_on, birthday
from iro_desktop.domain.validation.common import Problem, blank
from iro_desktop.domain.validation.common import date_words as _d
from iro_desktop.i18n import _

UNDER_FOUR_CODE = "PN0"
PN0_AGE = 4  # DfE rules 440/441: PN0 under 4; PN1-PN7 from the 4th birthday on


def proposed_code(dob: date, review_date: date) -> str | None:
    """PN0 for a child under 4 on the review date; None (choose PN1-PN7) from the 4th birthday."""
    return UNDER_FOUR_CODE if age_on(dob, review_date) < PN0_AGE else None


def code_problems(
    dob: date | None, review_date: date | None, code: str, name: str = ""
) -> list[Problem]:
    if blank(code):
        return [
            Problem("review_code", _("Choose how the child took part (PN0 to PN7)."), required=True)
        ]
    if code not in PARTICIPATION_CODES:
        return [
            Problem(
                "review_code",
                _("%(code)s is not a participation code: choose PN0 to PN7.") % {"code": code},
            )
        ]
    if dob is None or review_date is None:
        return []
    who = name or _("The child")
    age = age_on(dob, review_date)
    fourth = birthday(dob, PN0_AGE)
    if code == UNDER_FOUR_CODE and age >= PN0_AGE:
        return [
            Problem(
                "review_code",
                _(
                    "PN0 is only for a child under 4. %(who)s was %(age)s on %(date)s: "
                    "choose PN1 to PN7 for how they took part."
                )
                % {"who": who, "age": age, "date": _d(review_date)},
            )
        ]
    if code != UNDER_FOUR_CODE and age < PN0_AGE:
        return [
            Problem(
                "review_code",
                _(
                    "%(who)s was under 4 on %(date)s (4 on %(birthday)s): the code for a "
                    "child under 4 is PN0."
                )
                % {"who": who, "date": _d(review_date), "birthday": _d(fourth)},
            )
        ]
    return []
