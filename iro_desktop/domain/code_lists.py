"""The DfE 903 code lists that change from one collection year to the next (SEX, PLACE and the
placement rules that follow them), read from one table per year in
``resources/ssda903/codes-YYYY.json`` (YYYY: the year the collection ends, 2026 for 2025-26).

The app keeps one vocabulary inside: sex as M/F/U (the 2024-25 codes; the older 1 and 2 are read
as M and F) and placement codes as recorded. What a file of a given year may hold, and how an
export for that year writes sex, comes from that year's table. Years before the first table
use the first; years after the last use the last (the newest rules we know of).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

# Sex, as the app holds it: the DfE's 2024-25 codes.
MALE, FEMALE, SEX_UNKNOWN = "M", "F", "U"
_SEX_ALIASES = {"1": MALE, "2": FEMALE, "M": MALE, "F": FEMALE, "U": SEX_UNKNOWN}
SEX_MEANINGS = {MALE: "Male", FEMALE: "Female", SEX_UNKNOWN: "Not known or not stated"}


def _folder() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # a frozen build unpacks resources beside it
    root = Path(bundle) if bundle else Path(__file__).resolve().parent.parent.parent
    return root / "resources" / "ssda903"


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


@cache
def _tables() -> dict[int, YearCodes]:
    out = {}
    for path in sorted(_folder().glob("codes-*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        codes = data["codes"]
        year = int(data["collection_year"])
        out[year] = YearCodes(
            year,
            data["label"],
            dict(codes["SEX"]),
            dict(codes["PLACE"]),
            frozenset(data["no_provider_places"]),
            frozenset(data["urn_exempt_places"]),
        )
    return out


def known_years() -> list[int]:
    return sorted(_tables())


def for_year(year: int) -> YearCodes:
    """The lists for the collection year ending 31 March ``year`` (clamped to the years held)."""
    tables = _tables()
    years = sorted(tables)
    return tables[min(max(year, years[0]), years[-1])]


def collection_year_of(day: date) -> int:
    """The collection year (its end) a day falls in: 1 April to 31 March."""
    return day.year + 1 if day.month >= 4 else day.year


def current_codes(today: date) -> YearCodes:
    """The lists the IRO records with today: the current collection year's."""
    return for_year(collection_year_of(today))


@cache
def every_place_code() -> frozenset[str]:
    """Every placement code of any year held: what an old or new file may carry."""
    return frozenset(code for table in _tables().values() for code in table.place)


def place_meaning(code: str) -> str:
    """A placement code's meaning from the newest year that has it."""
    for year in sorted(_tables(), reverse=True):
        meaning = _tables()[year].place.get(code)
        if meaning:
            return meaning
    return code


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


def sex_for_year(value: str, year: int) -> str:
    """Sex as the return for ``year`` writes it: 1/2 before 2024-25, M/F/U from then
    (U has no older code: written blank, which the older rule 101 then reports)."""
    internal = normal_sex(value) if value else ""
    if not internal or not for_year(year).sex_as_numbers:
        return internal
    return {MALE: "1", FEMALE: "2"}.get(internal, "")
