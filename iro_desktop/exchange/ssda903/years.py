"""The DfE 903 code lists by collection year, read from one table per year in
``resources/ssda903/codes-YYYY.json`` (YYYY: the year the collection ends, 2026 for 2025-26),
from the DfE specification as the public validator (csc-validator-be-903) codes it.

Years before the first table use the first; years after the last use the last (the newest
rules we know of). A new collection year is a new file, not a change of code.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

from iro_desktop.domain.code_lists import YearCodes, collection_year_of
from iro_desktop.package_files import shipped_folder


def _folder() -> Path:
    # Wherever the app runs (clone, wheel, frozen build): package_files knows.
    return shipped_folder("resources") / "ssda903"


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


def newest() -> YearCodes:
    return for_year(known_years()[-1])


def current_codes(today: date) -> YearCodes:
    """The lists the IRO records with today: the current collection year's."""
    return for_year(collection_year_of(today))


@cache
def every_place_code() -> frozenset[str]:
    """Every placement code of any year held: what an old or new file may carry."""
    return frozenset(code for table in _tables().values() for code in table.place)
