"""The DfE SSDA903 ("903") return as far as the IRO's caseload uses it: the columns of the
header, episodes, reviews and uasc tables, their valid codes, and the date format.

Code lists as the DfE guidance has them and as the open-source validator
(data-to-insight/csc-validator-be-903, ``lac_validator/rules``: rules 101, 103, 143-146, 149,
167, 1009) checks them. Codes are compared in upper case.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from iro_desktop.exchange.ssda903 import years

HEADER = "header"
EPISODES = "episodes"
REVIEWS = "reviews"
UASC = "uasc"

# The columns of each table, in the order the DfE files (and our export) have them.
COLUMNS: dict[str, tuple[str, ...]] = {
    HEADER: ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    EPISODES: (
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
        "HOME_POST",
        "PL_POST",
        "URN",
    ),
    REVIEWS: ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    UASC: ("CHILD", "SEX", "DOB", "DUC"),
}

# Columns a file must have. The others are read when present; when a column is absent the
# caseload's value for it is left as it is.
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    HEADER: ("CHILD", "SEX", "DOB", "ETHNIC"),
    EPISODES: ("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC"),
    REVIEWS: ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    UASC: ("CHILD", "DOB", "DUC"),
}

# Cells that must not be blank.
REQUIRED_VALUES: dict[str, tuple[str, ...]] = {
    HEADER: ("CHILD", "DOB"),
    EPISODES: ("CHILD", "DECOM", "RNE", "LS"),
    REVIEWS: ("CHILD", "REVIEW", "REVIEW_CODE"),
    UASC: ("CHILD",),
}

DATE_COLUMNS = frozenset({"DOB", "MC_DOB", "DECOM", "DEC", "REVIEW", "DUC"})

FILE_NAMES: dict[str, str] = {
    HEADER: "header.csv",
    EPISODES: "episodes.csv",
    REVIEWS: "reviews.csv",
    UASC: "uasc.csv",
}
REQUIRED_FILES = (HEADER, EPISODES, REVIEWS)

# Every year's codes are read (old files still import); the year's own list is in
# domain.code_lists and checked on export (rules 101, 146).
SEX_CODES = frozenset({"1", "2", "M", "F", "U"})
MOTHER_CODES = frozenset({"0", "1"})
ETHNIC_CODES = frozenset(
    [
        "WBRI",
        "WIRI",
        "WOTH",
        "WIRT",
        "WROM",
        "MWBC",
        "MWBA",
        "MWAS",
        "MOTH",
        "AIND",
        "APKN",
        "ABAN",
        "AOTH",
        "BCRB",
        "BAFR",
        "BOTH",
        "CHNE",
        "OOTH",
        "REFU",
        "NOBT",
    ]
)
RNE_CODES = frozenset(["S", "L", "P", "T", "U", "B"])
LS_CODES = frozenset(["C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"])
CIN_CODES = frozenset(f"N{n}" for n in range(1, 9))
PLACE_CODES = years.every_place_code()
PLACE_PROVIDER_CODES = frozenset(f"PR{n}" for n in range(0, 6))
REC_CODES = frozenset(
    [
        "E11",
        "E12",
        "E13",
        "E14",
        "E15",
        "E16",
        "E17",
        "E2",
        "E3",
        "E41",
        "E45",
        "E46",
        "E47",
        "E48",
        "E4A",
        "E4B",
        "E5",
        "E6",
        "E7",
        "E8",
        "E9",
        "X1",
    ]
)
REASON_PLACE_CHANGE_CODES = frozenset(
    [
        "CARPL",
        "CLOSE",
        "ALLEG",
        "STAND",
        "APPRR",
        "CREQB",
        "CREQO",
        "CHILD",
        "LAREQ",
        "PLACE",
        "CUSTOD",
        "OTHER",
    ]
)
REVIEW_CODES = frozenset(f"PN{n}" for n in range(0, 8))
UNDER_FOUR_REVIEW_CODE = "PN0"

CODE_LISTS: dict[str, frozenset[str]] = {
    "SEX": SEX_CODES,
    "MOTHER": MOTHER_CODES,
    "ETHNIC": ETHNIC_CODES,
    "RNE": RNE_CODES,
    "LS": LS_CODES,
    "CIN": CIN_CODES,
    "PLACE": PLACE_CODES,
    "PLACE_PROVIDER": PLACE_PROVIDER_CODES,
    "REC": REC_CODES,
    "REASON_PLACE_CHANGE": REASON_PLACE_CHANGE_CODES,
    "REVIEW_CODE": REVIEW_CODES,
}


# 903 column -> column of the caseload table (names follow iro_desktop.domain.model).
CHILD_FIELDS: dict[str, str] = {
    "CHILD": "child_ref",
    "SEX": "gender",
    "DOB": "dob",
    "ETHNIC": "ethnicity",
    "UPN": "upn",
    "MOTHER": "mother",
    "MC_DOB": "mc_dob",
}
EPISODE_FIELDS: dict[str, str] = {
    "DECOM": "decom",
    "RNE": "rne",
    "LS": "ls",
    "CIN": "cin",
    "PLACE": "place",
    "PLACE_PROVIDER": "place_provider",
    "DEC": "dec",
    "REC": "rec",
    "REASON_PLACE_CHANGE": "reason_place_change",
    "HOME_POST": "home_post",
    "PL_POST": "pl_post",
    "URN": "urn",
}
# Dates: DD/MM/YYYY as the DfE files have them (one-digit day or month too, as a spreadsheet
# may save them); ISO YYYY-MM-DD also accepted. A time of midnight after either is ignored.
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+00:00(?::00)?)?")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?")


# A child's reference: what the council's system gives (letters, digits, - _ /), bounded; it
# is used in file names and messages, so nothing else (no dots, spaces or control characters).
REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_/-]{0,39}")
TEXT_COLUMNS = frozenset({"UPN", "HOME_POST", "PL_POST", "URN"})
MAX_TEXT = 40
# Unknown-UPN codes (rule 168): UN1 not of school age, UN2-UN5 other reasons the UPN is unknown.
UPN_UNKNOWN_CODES = frozenset({"UN1", "UN2", "UN3", "UN4", "UN5"})
_UPN = re.compile(r"[A-Z]\d{11}[A-Z0-9]|UN[1-5]")


def upn_ok(text: str) -> bool:
    return bool(_UPN.fullmatch(text))


@cache
def parse_date(text: str) -> date:
    """A 903 date (cached: a return repeats the same dates thousands of times). Raises
    ValueError when ``text`` is not a real date in a format we accept."""
    text = text.strip()
    if match := _DMY.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise ValueError(f"{text!r} is not a date in the form DD/MM/YYYY")
    return date(year, month, day)


def format_date(value: date | None) -> str:
    """A date as the DfE files write it: DD/MM/YYYY (blank for none)."""
    return "" if value is None else value.strftime("%d/%m/%Y")
