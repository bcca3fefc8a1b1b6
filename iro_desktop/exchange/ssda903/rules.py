"""The DfE SSDA903 validation rules that concern the header, episodes and reviews tables, as far
as an IRO's caseload can break them. Each is checked on the rows as they would be written
(text cells, dates DD/MM/YYYY), the way the DfE's validator reads the files.

Rule numbers and meanings follow the DfE's 903 validation rules as coded in the open-source
validator data-to-insight/csc-validator-be-903 (``lac_validator/rules/``); the code here is
our own. Rules that need tables an IRO does not hold (OC2, OC3, AD1, missing episodes,
previous years' returns, provider postcodes) are not checked. ``RULES`` lists every rule
checked, with one line each; ``check_tables`` returns every breach found.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from iro_desktop.domain import code_lists
from iro_desktop.domain.schedule import birthday
from iro_desktop.exchange.ssda903 import spec as spec
from iro_desktop.exchange.ssda903 import years as years

Tables = dict[str, list[dict[str, str]]]
# (table, index of the row in that table, columns) for one breach
Hit = tuple[str, int, tuple[str, ...]]


@dataclass(frozen=True)
class Problem:
    """One breach of a DfE rule: where it is (row as a spreadsheet shows it, header = 1)."""

    rule: str
    table: str
    row: int
    child: str
    columns: tuple[str, ...]
    message: str

    def as_json(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "table": self.table,
            "row": self.row,
            "child": self.child,
            "columns": list(self.columns),
            "message": self.message,
        }

    def line(self) -> str:
        return (
            f"rule {self.rule}: {spec.FILE_NAMES.get(self.table, self.table)} row {self.row} "
            f"(child {self.child}, {', '.join(self.columns)}): {self.message}"
        )


@dataclass(frozen=True)
class Rule:
    code: str
    description: str
    check: Callable[[Tables], Iterator[Hit]]


RULES: list[Rule] = []


def _rule(code: str, description: str) -> Callable:
    def register(fn: Callable[[Tables], Iterator[Hit]]) -> Callable[[Tables], Iterator[Hit]]:
        RULES.append(Rule(code, description, fn))
        return fn

    return register


def _date(text: str) -> date | None:
    """A DD/MM/YYYY date, as the DfE validator reads it (strictly); None when not one."""
    text = (text or "").strip()
    parts = text.split("/")
    if len(parts) != 3 or len(parts[2]) != 4 or not all(p.isdigit() for p in parts):
        return None
    try:
        return date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        return None


# The collection year being checked (the year's code lists: rules 101, 146, 178, 218).
_YEAR: ContextVar[int] = ContextVar("year", default=0)


def _codes() -> code_lists.YearCodes:
    return years.for_year(_YEAR.get()) if _YEAR.get() else years.newest()


def _year_end() -> date | None:
    year = _YEAR.get()
    return date(year, 3, 31) if year else None


def _rows(tables: Tables, table: str) -> list[dict[str, str]]:
    return tables.get(table, [])


def _code_rule(table: str, column: str, codes: frozenset[str], *, blank_ok: bool):
    def check(tables: Tables) -> Iterator[Hit]:
        for i, row in enumerate(_rows(tables, table)):
            value = row.get(column, "")
            if (value == "" and not blank_ok) or (value != "" and value not in codes):
                yield table, i, (column,)

    return check


def _date_rule(table: str, column: str, *, blank_ok: bool):
    def check(tables: Tables) -> Iterator[Hit]:
        for i, row in enumerate(_rows(tables, table)):
            value = row.get(column, "")
            if (value == "" and not blank_ok) or (value != "" and _date(value) is None):
                yield table, i, (column,)

    return check


def _episodes_by_child(tables: Tables) -> dict[str, list[tuple[int, dict[str, str]]]]:
    """Each child's episodes in DECOM order (rows with an unreadable DECOM left out)."""
    out: dict[str, list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for i, row in enumerate(_rows(tables, spec.EPISODES)):
        if _date(row.get("DECOM", "")) is not None:
            out[row.get("CHILD", "")].append((i, row))
    for rows in out.values():
        rows.sort(key=lambda item: _date(item[1]["DECOM"]))  # type: ignore[arg-type,return-value]
    return out


def _short_break_children(tables: Tables) -> set[str]:
    """Children whose every episode in the return is a short break (V3/V4)."""
    legal: dict[str, set[str]] = defaultdict(set)
    for row in _rows(tables, spec.EPISODES):
        legal[row.get("CHILD", "")].add(row.get("LS", ""))
    return {child for child, codes in legal.items() if codes and codes <= {"V3", "V4"}}


# --- header ----------------------------------------------------------------------------------

@_rule("101", "SEX must be one of the year's codes: M, F or U (1 or 2 before 2024-25).")
def _rule_101(tables: Tables) -> Iterator[Hit]:
    codes = _codes().sex
    for i, row in enumerate(_rows(tables, spec.HEADER)):
        if row.get("SEX", "") not in codes:
            yield spec.HEADER, i, ("SEX",)
_rule("102", "DOB (date of birth) must be a valid date DD/MM/YYYY.")(
    _date_rule(spec.HEADER, "DOB", blank_ok=False)
)
_rule("103", "ETHNIC must be one of the DfE ethnicity codes.")(
    _code_rule(spec.HEADER, "ETHNIC", spec.ETHNIC_CODES, blank_ok=False)
)


@_rule("611", "A child recorded as a mother (MOTHER = 1) needs MC_DOB, her child's birth date.")
def _rule_611(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(_rows(tables, spec.HEADER)):
        if row.get("MOTHER", "") == "1" and not row.get("MC_DOB", ""):
            yield spec.HEADER, i, ("MOTHER", "MC_DOB")


@_rule(
    "399",
    "No MOTHER, REVIEW or REVIEW_CODE for a child whose every episode is a short break (V3/V4).",
)
def _rule_399(tables: Tables) -> Iterator[Hit]:
    short = _short_break_children(tables)
    for i, row in enumerate(_rows(tables, spec.HEADER)):
        if row.get("CHILD", "") in short and row.get("MOTHER", ""):
            yield spec.HEADER, i, ("MOTHER",)
    for i, row in enumerate(_rows(tables, spec.REVIEWS)):
        if row.get("CHILD", "") in short:
            yield spec.REVIEWS, i, ("REVIEW", "REVIEW_CODE")


# --- episodes --------------------------------------------------------------------------------

_rule("141", "DECOM (date episode began) must be a valid date DD/MM/YYYY.")(
    _date_rule(spec.EPISODES, "DECOM", blank_ok=False)
)
_rule("143", "RNE (reason for new episode) must be S, L, P, T, U or B.")(
    _code_rule(spec.EPISODES, "RNE", spec.RNE_CODES, blank_ok=False)
)
_rule("144", "LS (legal status) must be a valid code.")(
    _code_rule(spec.EPISODES, "LS", spec.LS_CODES, blank_ok=False)
)
_rule("145", "CIN (category of need) must be N1 to N8.")(
    _code_rule(spec.EPISODES, "CIN", spec.CIN_CODES, blank_ok=False)
)
@_rule("146", "PLACE must be one of the year's placement codes (from 2025-26 H5, P2 and Z1 "
      "are gone: K3 and Z11-Z14 replace them).")
def _rule_146(tables: Tables) -> Iterator[Hit]:
    codes = _codes().place
    for i, row in enumerate(_rows(tables, spec.EPISODES)):
        if row.get("PLACE", "") not in codes:
            yield spec.EPISODES, i, ("PLACE",)
_rule("149", "REC (reason episode ceased) must be a valid code when given.")(
    _code_rule(spec.EPISODES, "REC", spec.REC_CODES, blank_ok=True)
)
_rule("1009", "REASON_PLACE_CHANGE must be a valid code when given.")(
    _code_rule(spec.EPISODES, "REASON_PLACE_CHANGE", spec.REASON_PLACE_CHANGE_CODES, blank_ok=True)
)

@_rule(
    "178",
    "PLACE_PROVIDER must be PR0-PR5, and blank only for placements T0-T4 and Z1 (which take none).",
)
def _rule_178(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(_rows(tables, spec.EPISODES)):
        provider, place = row.get("PLACE_PROVIDER", ""), row.get("PLACE", "")
        if place in _codes().no_provider_places:
            ok = provider == ""
        else:
            ok = provider in spec.PLACE_PROVIDER_CODES
        if not ok:
            yield spec.EPISODES, i, ("PLACE", "PLACE_PROVIDER")


def _provider_place_rule(provider: str, places: frozenset[str], *, only: bool = False):
    def check(tables: Tables) -> Iterator[Hit]:
        for i, row in enumerate(_rows(tables, spec.EPISODES)):
            if row.get("PLACE_PROVIDER", "") != provider:
                continue
            inside = row.get("PLACE", "") in places
            if inside != only:
                yield spec.EPISODES, i, ("PLACE", "PLACE_PROVIDER")

    return check


_rule("528", "PLACE_PROVIDER PR2 cannot go with placements P1, R2 or R5.")(
    _provider_place_rule("PR2", frozenset({"P1", "R2", "R5"}))
)
_rule("529", "PLACE_PROVIDER PR3 cannot go with placements P1, A3-A6, K1, K2 or U1-U6.")(
    _provider_place_rule(
        "PR3",
        frozenset({"P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"}),
    )
)
_rule("531", "PLACE_PROVIDER PR5 cannot go with placement P1.")(
    _provider_place_rule("PR5", frozenset({"P1"}))
)
_rule("550", "PLACE_PROVIDER PR0 goes only with placement P1.")(
    _provider_place_rule("PR0", frozenset({"P1"}), only=True)
)


@_rule("356", "DEC (date episode ceased) must not be before DECOM.")
def _rule_356(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(_rows(tables, spec.EPISODES)):
        start, end = _date(row.get("DECOM", "")), _date(row.get("DEC", ""))
        if start and end and end < start:
            yield spec.EPISODES, i, ("DECOM", "DEC")


@_rule("302", "No episode may start before the child was born.")
def _rule_302(tables: Tables) -> Iterator[Hit]:
    born = {r.get("CHILD", ""): _date(r.get("DOB", "")) for r in _rows(tables, spec.HEADER)}
    for child, episodes in _episodes_by_child(tables).items():
        dob = born.get(child)
        i, first = episodes[0]
        if dob is not None and _date(first["DECOM"]) < dob:  # type: ignore[operator]
            yield spec.EPISODES, i, ("DECOM", "DOB")


@_rule("142", "Every episode but a child's last must have ended: DEC and REC given.")
def _rule_142(tables: Tables) -> Iterator[Hit]:
    for episodes in _episodes_by_child(tables).values():
        for i, row in episodes[:-1]:
            if not row.get("DEC", "") or not row.get("REC", ""):
                yield spec.EPISODES, i, ("DEC", "REC")


@_rule(
    "388",
    "REC X1 (a new episode begins) needs a next episode starting that day; an episode "
    "followed the same day by another must end X1; a last episode cannot end X1.",
)
def _rule_388(tables: Tables) -> Iterator[Hit]:
    for episodes in _episodes_by_child(tables).values():
        for position, (i, row) in enumerate(episodes):
            dec, rec = _date(row.get("DEC", "")), row.get("REC", "")
            if dec is None:
                continue
            if position == len(episodes) - 1:
                if rec == "X1":
                    yield spec.EPISODES, i, ("REC",)
                continue
            next_start = _date(episodes[position + 1][1]["DECOM"])
            if (rec == "X1" and dec != next_start) or (rec not in ("", "X1") and dec == next_start):
                yield spec.EPISODES, i, ("DEC", "REC")


@_rule("390", "REC E11 or E12 (adopted) only from a placement for adoption (A3-A6).")
def _rule_390(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(_rows(tables, spec.EPISODES)):
        if row.get("REC", "") in ("E11", "E12") and row.get("PLACE", "") not in (
            "A3",
            "A4",
            "A5",
            "A6",
        ):
            yield spec.EPISODES, i, ("PLACE", "REC")


@_rule(
    "431",
    "RNE S (started to be looked after) cannot start on or before the day the previous "
    "episode ended.",
)
def _rule_431(tables: Tables) -> Iterator[Hit]:
    for episodes in _episodes_by_child(tables).values():
        for (_, before), (i, row) in pairwise(episodes):
            prev_end = _date(before.get("DEC", ""))
            start = _date(row["DECOM"])
            if row.get("RNE") == "S" and prev_end and start and start <= prev_end:
                yield spec.EPISODES, i, ("RNE", "DECOM")


@_rule(
    "433",
    "A continuation episode (RNE P, L, T, U or B) must start the day the previous one ended.",
)
def _rule_433(tables: Tables) -> Iterator[Hit]:
    for episodes in _episodes_by_child(tables).values():
        for (_, before), (i, row) in pairwise(episodes):
            continuation = row.get("RNE") in ("P", "L", "T", "U", "B")
            if continuation and _date(before.get("DEC", "")) != _date(row["DECOM"]):
                yield spec.EPISODES, i, ("RNE", "DECOM")


@_rule("148", "DEC and REC must both be given, or both be blank.")
def _rule_148(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(_rows(tables, spec.EPISODES)):
        if bool(row.get("DEC", "")) != bool(row.get("REC", "")):
            yield spec.EPISODES, i, ("DEC", "REC")


@_rule("214", "No PL_POST or URN for a short break (V3/V4).")
def _rule_214(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(_rows(tables, spec.EPISODES)):
        if row.get("LS") in ("V3", "V4") and (row.get("PL_POST") or row.get("URN")):
            yield spec.EPISODES, i, ("PL_POST", "URN")


@_rule("398", "No HOME_POST or PL_POST for a short break (V3/V4).")
def _rule_398(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(_rows(tables, spec.EPISODES)):
        if row.get("LS") in ("V3", "V4") and (row.get("HOME_POST") or row.get("PL_POST")):
            yield spec.EPISODES, i, ("HOME_POST", "PL_POST")


@_rule("217", "A3 or A5 (placed for adoption with the current foster carer) needs RNE S, T or U.")
def _rule_217(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(_rows(tables, spec.EPISODES)):
        start = _date(row.get("DECOM", ""))
        after_2015 = start is not None and start >= date(2015, 4, 1)
        if row.get("PLACE") in ("A3", "A5") and after_2015 and row.get("RNE") not in "STU":
            yield spec.EPISODES, i, ("PLACE", "RNE")


@_rule("218", "An Ofsted URN is needed for this placement type (record it on the episode).")
def _rule_218(tables: Tables) -> Iterator[Hit]:
    exempt = _codes().urn_exempt_places | {"V3", "V4"}
    start = _year_end()
    begin = date(start.year - 1, 4, 1) if start else None
    for i, row in enumerate(_rows(tables, spec.EPISODES)):
        if row.get("URN") or row.get("PLACE") in exempt or row.get("LS") in ("V3", "V4"):
            continue
        dec = _date(row.get("DEC", ""))
        if begin is None or dec is None or dec >= begin:
            yield spec.EPISODES, i, ("PLACE", "URN")


@_rule("225", "REASON_PLACE_CHANGE is needed on an episode that ends X1 with a placement change.")
def _rule_225(tables: Tables) -> Iterator[Hit]:
    temporary = {"T0", "T1", "T2", "T3", "T4"}
    for episodes in _episodes_by_child(tables).values():
        for (i, row), (_, after) in pairwise(episodes):
            if (
                row.get("REC") == "X1"
                and not row.get("REASON_PLACE_CHANGE")
                and row.get("PLACE") not in temporary
                and after.get("RNE") in ("P", "B", "T", "U")
                and after.get("PLACE") not in temporary
            ):
                yield spec.EPISODES, i, ("REASON_PLACE_CHANGE",)


@_rule("233", "No REASON_PLACE_CHANGE on an episode that has not ended.")
def _rule_233(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(_rows(tables, spec.EPISODES)):
        if not row.get("DEC") and row.get("REASON_PLACE_CHANGE"):
            yield spec.EPISODES, i, ("DEC", "REASON_PLACE_CHANGE")


def _female(row: dict[str, str]) -> bool:
    try:
        return code_lists.normal_sex(row.get("SEX", "")) == code_lists.FEMALE
    except ValueError:
        return False


@_rule("393", "MOTHER (0 or 1) is needed for a girl who is looked after (not on short breaks).")
def _rule_393(tables: Tables) -> Iterator[Hit]:
    looked_after = {
        r.get("CHILD") for r in _rows(tables, spec.EPISODES) if r.get("LS") not in ("V3", "V4")
    }
    for i, row in enumerate(_rows(tables, spec.HEADER)):
        if _female(row) and row.get("CHILD") in looked_after and not row.get("MOTHER"):
            yield spec.HEADER, i, ("MOTHER",)


@_rule("607", "MOTHER is needed for a girl who ceased to be looked after in the year.")
def _rule_607(tables: Tables) -> Iterator[Hit]:
    end = _year_end()
    if end is None:
        return
    begin = date(end.year - 1, 4, 1)
    left = {
        r.get("CHILD")
        for r in _rows(tables, spec.EPISODES)
        if r.get("REC") not in ("", "X1")
        and r.get("LS") not in ("V3", "V4")
        and (d := _date(r.get("DEC", ""))) is not None
        and begin <= d <= end
    }
    for i, row in enumerate(_rows(tables, spec.HEADER)):
        if _female(row) and row.get("CHILD") in left and not row.get("MOTHER"):
            yield spec.HEADER, i, ("MOTHER",)


@_rule("442", "A UPN (or the DfE's unknown code UN1-UN5) is needed for a child looked after.")
def _rule_442(tables: Tables) -> Iterator[Hit]:
    looked_after = {
        r.get("CHILD") for r in _rows(tables, spec.EPISODES) if r.get("LS") not in ("V3", "V4")
    }
    for i, row in enumerate(_rows(tables, spec.HEADER)):
        if row.get("CHILD") in looked_after and not row.get("UPN"):
            yield spec.HEADER, i, ("UPN",)


@_rule("625", "MC_DOB cannot be after the year's end or the day the child left care.")
def _rule_625(tables: Tables) -> Iterator[Hit]:
    end = _year_end()
    last_dec: dict[str, date] = {}
    for row in _rows(tables, spec.EPISODES):
        dec = _date(row.get("DEC", ""))
        if dec is not None:
            child = row.get("CHILD", "")
            last_dec[child] = max(dec, last_dec.get(child, dec))
    for i, row in enumerate(_rows(tables, spec.HEADER)):
        born = _date(row.get("MC_DOB", ""))
        if born is None:
            continue
        left = last_dec.get(row.get("CHILD", ""))
        if (end is not None and born > end) or (left is not None and born > left):
            yield spec.HEADER, i, ("MC_DOB",)


@_rule("INT08", "Every child in EPISODES and REVIEWS must be in HEADER.")
def _rule_int08(tables: Tables) -> Iterator[Hit]:
    children = {r.get("CHILD", "") for r in _rows(tables, spec.HEADER)}
    for table in (spec.EPISODES, spec.REVIEWS):
        for i, row in enumerate(_rows(tables, table)):
            if row.get("CHILD", "") not in children:
                yield table, i, ("CHILD",)


# --- reviews ---------------------------------------------------------------------------------

_rule("166", "REVIEW (date of review) must be a valid date DD/MM/YYYY, not blank.")(
    _date_rule(spec.REVIEWS, "REVIEW", blank_ok=False)
)


@_rule("167", "REVIEW_CODE must be PN0-PN7 for a review with a date (both blank otherwise).")
def _rule_167(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(_rows(tables, spec.REVIEWS)):
        held, code = row.get("REVIEW", ""), row.get("REVIEW_CODE", "")
        if (held and code not in spec.REVIEW_CODES) or (not held and code):
            yield spec.REVIEWS, i, ("REVIEW_CODE",)


def _age_rule(under_four: bool):
    def check(tables: Tables) -> Iterator[Hit]:
        for i, row in enumerate(_rows(tables, spec.REVIEWS)):
            dob, held = _date(row.get("DOB", "")), _date(row.get("REVIEW", ""))
            code = row.get("REVIEW_CODE", "")
            if dob is None or held is None:
                continue
            fourth = birthday(dob, 4)
            if under_four and code == "PN0" and held > fourth:
                yield spec.REVIEWS, i, ("DOB", "REVIEW", "REVIEW_CODE")
            if not under_four and code in spec.REVIEW_CODES - {"PN0"} and held < fourth:
                yield spec.REVIEWS, i, ("DOB", "REVIEW", "REVIEW_CODE")

    return check


_rule("440", "PN0 is for a child under 4: not for a review after the 4th birthday.")(
    _age_rule(True)
)
_rule("441", "PN1-PN7 are for a child of 4 or over: not for a review before the 4th birthday.")(
    _age_rule(False)
)


@_rule("1012", "No REVIEWS row for a child with no episode in the return.")
def _rule_1012(tables: Tables) -> Iterator[Hit]:
    with_episodes = {r.get("CHILD", "") for r in _rows(tables, spec.EPISODES)}
    for i, row in enumerate(_rows(tables, spec.REVIEWS)):
        if row.get("CHILD", "") not in with_episodes:
            yield spec.REVIEWS, i, ("CHILD",)


@_rule("INT17", "The DOB in REVIEWS must be the child's DOB in HEADER.")
def _rule_int17(tables: Tables) -> Iterator[Hit]:
    born = {r.get("CHILD", ""): r.get("DOB", "") for r in _rows(tables, spec.HEADER)}
    for i, row in enumerate(_rows(tables, spec.REVIEWS)):
        child = row.get("CHILD", "")
        if child in born and row.get("DOB", "") != born[child]:
            yield spec.REVIEWS, i, ("DOB",)


RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


def check_tables(
    tables: Tables, rules: list[str] | None = None, *, year: int | None = None
) -> list[Problem]:
    """Every breach of the rules (all of ``RULES``, or those named) in ``tables``, in rule
    order then file order; ``year`` is the collection year checked (its code lists; the
    newest when None)."""
    token = _YEAR.set(year or 0)
    try:
        return _check(tables, rules)
    finally:
        _YEAR.reset(token)


def _check(tables: Tables, rules: list[str] | None) -> list[Problem]:
    problems: list[Problem] = []
    for rule in RULES:
        if rules is not None and rule.code not in rules:
            continue
        seen: set[tuple[str, int]] = set()
        for table, index, columns in rule.check(tables):
            if (table, index) in seen:
                continue
            seen.add((table, index))
            row = tables[table][index]
            child = row.get("CHILD", "")
            problems.append(Problem(rule.code, table, index + 2, child, columns, rule.description))
    problems.sort(key=lambda p: (RULES.index(RULES_BY_CODE[p.rule]), p.table, p.row))
    return problems
