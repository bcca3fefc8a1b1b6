"""What every DfE SSDA903 rule check is made of: the breach (``Problem``), the registry
(``RULES``, filled by the ``rules_*`` modules through ``rule``) and the readers the rules share.

The rules concern the header, episodes and reviews tables, as far
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

from iro_desktop.domain import code_lists
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


def rule(code: str, description: str) -> Callable:
    def register(fn: Callable[[Tables], Iterator[Hit]]) -> Callable[[Tables], Iterator[Hit]]:
        RULES.append(Rule(code, description, fn))
        return fn

    return register


def dmy_date(text: str) -> date | None:
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
CHECKED_YEAR: ContextVar[int] = ContextVar("year", default=0)


def year_codes() -> code_lists.YearCodes:
    return years.for_year(CHECKED_YEAR.get()) if CHECKED_YEAR.get() else years.newest()


def year_end() -> date | None:
    year = CHECKED_YEAR.get()
    return date(year, 3, 31) if year else None


def rows_of(tables: Tables, table: str) -> list[dict[str, str]]:
    return tables.get(table, [])


def code_rule(table: str, column: str, codes: frozenset[str], *, blank_ok: bool):
    def check(tables: Tables) -> Iterator[Hit]:
        for i, row in enumerate(rows_of(tables, table)):
            value = row.get(column, "")
            if (value == "" and not blank_ok) or (value != "" and value not in codes):
                yield table, i, (column,)

    return check


def date_rule(table: str, column: str, *, blank_ok: bool):
    def check(tables: Tables) -> Iterator[Hit]:
        for i, row in enumerate(rows_of(tables, table)):
            value = row.get(column, "")
            if (value == "" and not blank_ok) or (value != "" and dmy_date(value) is None):
                yield table, i, (column,)

    return check


def episodes_by_child(tables: Tables) -> dict[str, list[tuple[int, dict[str, str]]]]:
    """Each child's episodes in DECOM order (rows with an unreadable DECOM left out)."""
    out: dict[str, list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for i, row in enumerate(rows_of(tables, spec.EPISODES)):
        if dmy_date(row.get("DECOM", "")) is not None:
            out[row.get("CHILD", "")].append((i, row))
    for rows in out.values():
        rows.sort(key=lambda item: dmy_date(item[1]["DECOM"]))  # type: ignore[arg-type,return-value]
    return out


def short_break_children(tables: Tables) -> set[str]:
    """Children whose every episode in the return is a short break (V3/V4)."""
    legal: dict[str, set[str]] = defaultdict(set)
    for row in rows_of(tables, spec.EPISODES):
        legal[row.get("CHILD", "")].add(row.get("LS", ""))
    return {child for child, codes in legal.items() if codes and codes <= {"V3", "V4"}}
