"""The DfE 903 code lists that change from one collection year to the next, as the domain sees
them: one year's lists (:class:`YearCodes`, read from ``resources/ssda903/codes-YYYY.json`` by
``exchange.ssda903.years``), the collection year of a day, and the app's one vocabulary for sex:
M/F/U (the 2024-25 codes; the older 1 and 2 are read as M and F).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iro_desktop.i18n import N_

# Sex, as the app holds it: the DfE's 2024-25 codes.
MALE, FEMALE, SEX_UNKNOWN = "M", "F", "U"
_SEX_ALIASES = {"1": MALE, "2": FEMALE, "M": MALE, "F": FEMALE, "U": SEX_UNKNOWN}
SEX_MEANINGS = {
    MALE: N_("Male"),
    FEMALE: N_("Female"),
    SEX_UNKNOWN: N_("Not known or not stated"),
}  # marked for the app's catalogue: ``_(meaning)`` where shown


@dataclass(frozen=True)
class YearCodes:
    """One collection year's lists: code -> meaning, and the placement rules built on them."""

    year: int  # the year the collection ends (31 March)
    label: str  # "2025-26"
    sex: dict[str, str]
    place: dict[str, str]
    no_provider_places: frozenset[str]  # rule 178: PLACE_PROVIDER must be blank
    urn_exempt_places: frozenset[str]  # rule 218: no Ofsted URN needed

    @property
    def sex_as_numbers(self) -> bool:
        return "1" in self.sex


def collection_year_of(day: date) -> int:
    """The collection year (its end) a day falls in: 1 April to 31 March."""
    return day.year + 1 if day.month >= 4 else day.year


def normal_sex(value: str) -> str:
    """Sex in the app's one vocabulary: "1"/"M" -> M, "2"/"F" -> F, "U" -> U, blank stays
    blank. Raises ValueError for anything else."""
    text = (value or "").strip().upper()
    if text.endswith(".0"):
        text = text[:-2]
    if not text:
        return ""
    try:
        return _SEX_ALIASES[text]
    except KeyError:
        raise ValueError(f"{value!r} is not a sex code (M, F, U; or 1, 2 before 2024-25)") from None


def sex_for_year(value: str, codes: YearCodes) -> str:
    """Sex as the return for a year writes it: 1/2 before 2024-25, M/F/U from then
    (U has no older code: written blank, which the older rule 101 then reports)."""
    internal = normal_sex(value) if value else ""
    if not internal or not codes.sex_as_numbers:
        return internal
    return {MALE: "1", FEMALE: "2"}.get(internal, "")
