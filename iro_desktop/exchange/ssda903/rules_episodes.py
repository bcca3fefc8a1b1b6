"""The DfE SSDA903 rules on the episodes table (see ``rule_kit``); each registers itself
with ``rule``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise

from iro_desktop.domain import code_lists
from iro_desktop.exchange.ssda903 import spec as spec
from iro_desktop.exchange.ssda903 import years as years
from iro_desktop.exchange.ssda903.rule_kit import (
    Hit,
    Tables,
    code_rule,
    date_rule,
    dmy_date,
    episodes_by_child,
    rows_of,
    rule,
    year_codes,
    year_end,
)

# --- episodes --------------------------------------------------------------------------------

rule("141", "DECOM (date episode began) must be a valid date DD/MM/YYYY.")(
    date_rule(spec.EPISODES, "DECOM", blank_ok=False)
)
rule("143", "RNE (reason for new episode) must be S, L, P, T, U or B.")(
    code_rule(spec.EPISODES, "RNE", spec.RNE_CODES, blank_ok=False)
)
rule("144", "LS (legal status) must be a valid code.")(
    code_rule(spec.EPISODES, "LS", spec.LS_CODES, blank_ok=False)
)
rule("145", "CIN (category of need) must be N1 to N8.")(
    code_rule(spec.EPISODES, "CIN", spec.CIN_CODES, blank_ok=False)
)


@rule(
    "146",
    "PLACE must be one of the year's placement codes (from 2025-26 H5, P2 and Z1 "
    "are gone: K3 and Z11-Z14 replace them).",
)
def _rule_146(tables: Tables) -> Iterator[Hit]:
    codes = year_codes().place
    for i, row in enumerate(rows_of(tables, spec.EPISODES)):
        if row.get("PLACE", "") not in codes:
            yield spec.EPISODES, i, ("PLACE",)


rule("149", "REC (reason episode ceased) must be a valid code when given.")(
    code_rule(spec.EPISODES, "REC", spec.REC_CODES, blank_ok=True)
)
rule("1009", "REASON_PLACE_CHANGE must be a valid code when given.")(
    code_rule(spec.EPISODES, "REASON_PLACE_CHANGE", spec.REASON_PLACE_CHANGE_CODES, blank_ok=True)
)


@rule(
    "178",
    "PLACE_PROVIDER must be PR0-PR5, and blank only for placements T0-T4 and Z1 (which take none).",
)
def _rule_178(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(rows_of(tables, spec.EPISODES)):
        provider, place = row.get("PLACE_PROVIDER", ""), row.get("PLACE", "")
        if place in year_codes().no_provider_places:
            ok = provider == ""
        else:
            ok = provider in spec.PLACE_PROVIDER_CODES
        if not ok:
            yield spec.EPISODES, i, ("PLACE", "PLACE_PROVIDER")


def _provider_place_rule(provider: str, places: frozenset[str], *, only: bool = False):
    def check(tables: Tables) -> Iterator[Hit]:
        for i, row in enumerate(rows_of(tables, spec.EPISODES)):
            if row.get("PLACE_PROVIDER", "") != provider:
                continue
            inside = row.get("PLACE", "") in places
            if inside != only:
                yield spec.EPISODES, i, ("PLACE", "PLACE_PROVIDER")

    return check


rule("528", "PLACE_PROVIDER PR2 cannot go with placements P1, R2 or R5.")(
    _provider_place_rule("PR2", frozenset({"P1", "R2", "R5"}))
)
rule("529", "PLACE_PROVIDER PR3 cannot go with placements P1, A3-A6, K1, K2 or U1-U6.")(
    _provider_place_rule(
        "PR3",
        frozenset({"P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"}),
    )
)
rule("531", "PLACE_PROVIDER PR5 cannot go with placement P1.")(
    _provider_place_rule("PR5", frozenset({"P1"}))
)
rule("550", "PLACE_PROVIDER PR0 goes only with placement P1.")(
    _provider_place_rule("PR0", frozenset({"P1"}), only=True)
)


@rule("356", "DEC (date episode ceased) must not be before DECOM.")
def _rule_356(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(rows_of(tables, spec.EPISODES)):
        start, end = dmy_date(row.get("DECOM", "")), dmy_date(row.get("DEC", ""))
        if start and end and end < start:
            yield spec.EPISODES, i, ("DECOM", "DEC")


@rule("302", "No episode may start before the child was born.")
def _rule_302(tables: Tables) -> Iterator[Hit]:
    born = {r.get("CHILD", ""): dmy_date(r.get("DOB", "")) for r in rows_of(tables, spec.HEADER)}
    for child, episodes in episodes_by_child(tables).items():
        dob = born.get(child)
        i, first = episodes[0]
        if dob is not None and dmy_date(first["DECOM"]) < dob:  # type: ignore[operator]
            yield spec.EPISODES, i, ("DECOM", "DOB")


@rule("142", "Every episode but a child's last must have ended: DEC and REC given.")
def _rule_142(tables: Tables) -> Iterator[Hit]:
    for episodes in episodes_by_child(tables).values():
        for i, row in episodes[:-1]:
            if not row.get("DEC", "") or not row.get("REC", ""):
                yield spec.EPISODES, i, ("DEC", "REC")


@rule(
    "388",
    "REC X1 (a new episode begins) needs a next episode starting that day; an episode "
    "followed the same day by another must end X1; a last episode cannot end X1.",
)
def _rule_388(tables: Tables) -> Iterator[Hit]:
    for episodes in episodes_by_child(tables).values():
        for position, (i, row) in enumerate(episodes):
            dec, rec = dmy_date(row.get("DEC", "")), row.get("REC", "")
            if dec is None:
                continue
            if position == len(episodes) - 1:
                if rec == "X1":
                    yield spec.EPISODES, i, ("REC",)
                continue
            next_start = dmy_date(episodes[position + 1][1]["DECOM"])
            if (rec == "X1" and dec != next_start) or (rec not in ("", "X1") and dec == next_start):
                yield spec.EPISODES, i, ("DEC", "REC")


@rule("390", "REC E11 or E12 (adopted) only from a placement for adoption (A3-A6).")
def _rule_390(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(rows_of(tables, spec.EPISODES)):
        if row.get("REC", "") in ("E11", "E12") and row.get("PLACE", "") not in (
            "A3",
            "A4",
            "A5",
            "A6",
        ):
            yield spec.EPISODES, i, ("PLACE", "REC")


@rule(
    "431",
    "RNE S (started to be looked after) cannot start on or before the day the previous "
    "episode ended.",
)
def _rule_431(tables: Tables) -> Iterator[Hit]:
    for episodes in episodes_by_child(tables).values():
        for (_, before), (i, row) in pairwise(episodes):
            prev_end = dmy_date(before.get("DEC", ""))
            start = dmy_date(row["DECOM"])
            if row.get("RNE") == "S" and prev_end and start and start <= prev_end:
                yield spec.EPISODES, i, ("RNE", "DECOM")


@rule(
    "433",
    "A continuation episode (RNE P, L, T, U or B) must start the day the previous one ended.",
)
def _rule_433(tables: Tables) -> Iterator[Hit]:
    for episodes in episodes_by_child(tables).values():
        for (_, before), (i, row) in pairwise(episodes):
            continuation = row.get("RNE") in ("P", "L", "T", "U", "B")
            if continuation and dmy_date(before.get("DEC", "")) != dmy_date(row["DECOM"]):
                yield spec.EPISODES, i, ("RNE", "DECOM")


@rule("148", "DEC and REC must both be given, or both be blank.")
def _rule_148(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(rows_of(tables, spec.EPISODES)):
        if bool(row.get("DEC", "")) != bool(row.get("REC", "")):
            yield spec.EPISODES, i, ("DEC", "REC")


@rule("214", "No PL_POST or URN for a short break (V3/V4).")
def _rule_214(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(rows_of(tables, spec.EPISODES)):
        if row.get("LS") in ("V3", "V4") and (row.get("PL_POST") or row.get("URN")):
            yield spec.EPISODES, i, ("PL_POST", "URN")


@rule("398", "No HOME_POST or PL_POST for a short break (V3/V4).")
def _rule_398(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(rows_of(tables, spec.EPISODES)):
        if row.get("LS") in ("V3", "V4") and (row.get("HOME_POST") or row.get("PL_POST")):
            yield spec.EPISODES, i, ("HOME_POST", "PL_POST")


@rule("217", "A3 or A5 (placed for adoption with the current foster carer) needs RNE S, T or U.")
def _rule_217(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(rows_of(tables, spec.EPISODES)):
        start = dmy_date(row.get("DECOM", ""))
        after_2015 = start is not None and start >= date(2015, 4, 1)
        if row.get("PLACE") in ("A3", "A5") and after_2015 and row.get("RNE") not in "STU":
            yield spec.EPISODES, i, ("PLACE", "RNE")


@rule("218", "An Ofsted URN is needed for this placement type (record it on the episode).")
def _rule_218(tables: Tables) -> Iterator[Hit]:
    exempt = year_codes().urn_exempt_places | {"V3", "V4"}
    start = year_end()
    begin = date(start.year - 1, 4, 1) if start else None
    for i, row in enumerate(rows_of(tables, spec.EPISODES)):
        if row.get("URN") or row.get("PLACE") in exempt or row.get("LS") in ("V3", "V4"):
            continue
        dec = dmy_date(row.get("DEC", ""))
        if begin is None or dec is None or dec >= begin:
            yield spec.EPISODES, i, ("PLACE", "URN")


@rule("225", "REASON_PLACE_CHANGE is needed on an episode that ends X1 with a placement change.")
def _rule_225(tables: Tables) -> Iterator[Hit]:
    temporary = {"T0", "T1", "T2", "T3", "T4"}
    for episodes in episodes_by_child(tables).values():
        for (i, row), (_, after) in pairwise(episodes):
            if (
                row.get("REC") == "X1"
                and not row.get("REASON_PLACE_CHANGE")
                and row.get("PLACE") not in temporary
                and after.get("RNE") in ("P", "B", "T", "U")
                and after.get("PLACE") not in temporary
            ):
                yield spec.EPISODES, i, ("REASON_PLACE_CHANGE",)


@rule("233", "No REASON_PLACE_CHANGE on an episode that has not ended.")
def _rule_233(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(rows_of(tables, spec.EPISODES)):
        if not row.get("DEC") and row.get("REASON_PLACE_CHANGE"):
            yield spec.EPISODES, i, ("DEC", "REASON_PLACE_CHANGE")


def _female(row: dict[str, str]) -> bool:
    try:
        return code_lists.normal_sex(row.get("SEX", "")) == code_lists.FEMALE
    except ValueError:
        return False


@rule("393", "MOTHER (0 or 1) is needed for a girl who is looked after (not on short breaks).")
def _rule_393(tables: Tables) -> Iterator[Hit]:
    looked_after = {
        r.get("CHILD") for r in rows_of(tables, spec.EPISODES) if r.get("LS") not in ("V3", "V4")
    }
    for i, row in enumerate(rows_of(tables, spec.HEADER)):
        if _female(row) and row.get("CHILD") in looked_after and not row.get("MOTHER"):
            yield spec.HEADER, i, ("MOTHER",)


@rule("607", "MOTHER is needed for a girl who ceased to be looked after in the year.")
def _rule_607(tables: Tables) -> Iterator[Hit]:
    end = year_end()
    if end is None:
        return
    begin = date(end.year - 1, 4, 1)
    left = {
        r.get("CHILD")
        for r in rows_of(tables, spec.EPISODES)
        if r.get("REC") not in ("", "X1")
        and r.get("LS") not in ("V3", "V4")
        and (d := dmy_date(r.get("DEC", ""))) is not None
        and begin <= d <= end
    }
    for i, row in enumerate(rows_of(tables, spec.HEADER)):
        if _female(row) and row.get("CHILD") in left and not row.get("MOTHER"):
            yield spec.HEADER, i, ("MOTHER",)


@rule("442", "A UPN (or the DfE's unknown code UN1-UN5) is needed for a child looked after.")
def _rule_442(tables: Tables) -> Iterator[Hit]:
    looked_after = {
        r.get("CHILD") for r in rows_of(tables, spec.EPISODES) if r.get("LS") not in ("V3", "V4")
    }
    for i, row in enumerate(rows_of(tables, spec.HEADER)):
        if row.get("CHILD") in looked_after and not row.get("UPN"):
            yield spec.HEADER, i, ("UPN",)


@rule("625", "MC_DOB cannot be after the year's end or the day the child left care.")
def _rule_625(tables: Tables) -> Iterator[Hit]:
    end = year_end()
    last_dec: dict[str, date] = {}
    for row in rows_of(tables, spec.EPISODES):
        dec = dmy_date(row.get("DEC", ""))
        if dec is not None:
            child = row.get("CHILD", "")
            last_dec[child] = max(dec, last_dec.get(child, dec))
    for i, row in enumerate(rows_of(tables, spec.HEADER)):
        born = dmy_date(row.get("MC_DOB", ""))
        if born is None:
            continue
        left = last_dec.get(row.get("CHILD", ""))
        if (end is not None and born > end) or (left is not None and born > left):
            yield spec.HEADER, i, ("MC_DOB",)


@rule("INT08", "Every child in EPISODES and REVIEWS must be in HEADER.")
def _rule_int08(tables: Tables) -> Iterator[Hit]:
    children = {r.get("CHILD", "") for r in rows_of(tables, spec.HEADER)}
    for table in (spec.EPISODES, spec.REVIEWS):
        for i, row in enumerate(rows_of(tables, table)):
            if row.get("CHILD", "") not in children:
                yield table, i, ("CHILD",)
