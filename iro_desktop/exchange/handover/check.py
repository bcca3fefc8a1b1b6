"""A handover's rows checked before anything is received: every value as the forms check what
is typed (``domain.validation.received``), and every child whose reference is already on this
caseload for a different child (another name or date of birth).

A bundle with one bad value is refused whole; the message names the child (reference and
initials only), the table and the field, never the value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from iro_desktop.domain.references import reference_problem
from iro_desktop.domain.validation.received import received_row_problems
from iro_desktop.exchange.handover.bundle import Bundle, HandoverRefused
from iro_desktop.storage.record_tables import RecordTable

__all__ = [
    "IDENTITY_FIELDS",
    "BadHandoverValues",
    "IdentityConflict",
    "SameReference",
    "SameReferenceRefused",
    "check_values",
    "child_of_rows",
    "identity_conflicts",
    "refuse_same_reference",
]

IDENTITY_FIELDS = ("first_name", "last_name", "dob")
_SHOWN = 8  # problems listed in the message; the rest are counted


class SameReference(StrEnum):
    """What to do with a received child whose reference is another child's on this caseload."""

    REFUSE = "refuse"  # receive nothing (the default): the IRO decides
    SKIP = "skip"  # leave those children, and all their records, out
    KEEP_MINE = "keep-mine"  # the same child: add their records, keep this caseload's identity


@dataclass(frozen=True)
class IdentityConflict:
    child_ref: str
    initials_here: str
    initials_in_file: str
    fields: tuple[str, ...]  # which of first_name, last_name, dob differ

    def line(self) -> str:
        what = ", ".join({"first_name": "first name", "last_name": "last name",
                          "dob": "date of birth"}[f] for f in self.fields)  # fmt: skip
        return (
            f"{self.child_ref}: this caseload has {self.initials_here or '?'}, the file has "
            f"{self.initials_in_file or '?'} (the {what} differ)"
        )


class BadHandoverValues(HandoverRefused):
    """The bundle holds values the app cannot hold; ``problems`` lists them (child, table,
    row, field, what is wrong)."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems


class SameReferenceRefused(HandoverRefused):
    """Children in the bundle have a reference another child on this caseload has."""

    def __init__(self, message: str, conflicts: list[IdentityConflict]) -> None:
        super().__init__(message)
        self.conflicts = conflicts


def _initials(row: dict[str, Any]) -> str:
    return "".join(str(p)[:1].upper() for p in (row.get("first_name"), row.get("last_name")) if p)


def child_of_rows(
    bundle: Bundle, schema: dict[str, RecordTable]
) -> dict[tuple[str, Any], dict[str, Any]]:
    """For each (table, row id in the file): the file's row of the child it belongs to."""
    tables = bundle.payload["tables"]
    out: dict[tuple[str, Any], dict[str, Any]] = {}
    for name, table in schema.items():
        for row in tables.get(name, []):
            if not isinstance(row, dict):
                continue
            key = (name, _hashable(row.get("id")))
            if name == "children":
                out[key] = row
            elif table.owner is not None:
                parent = out.get((table.refs[table.owner], _hashable(row.get(table.owner))))
                if parent is not None:
                    out[key] = parent
    return out


def _hashable(value: Any) -> Any:
    return value if isinstance(value, str | int | float | type(None)) else repr(value)


def check_values(bundle: Bundle, schema: dict[str, RecordTable], today: date) -> None:
    """Refuse the bundle (BadHandoverValues) when any value it holds fails the checks."""
    child_of = child_of_rows(bundle, schema)
    problems: list[str] = []
    for name, table in schema.items():
        columns = set(table.columns)
        skip = {"id", *table.refs}
        for number, row in enumerate(bundle.payload["tables"].get(name, []), start=1):
            if not isinstance(row, dict):
                continue  # the shape check refuses it
            kept = {c: v for c, v in row.items() if c in columns}
            found = received_row_problems(name, kept, today, skip=skip.__contains__)
            if not found:
                continue
            child = child_of.get((name, _hashable(row.get("id"))))
            who = (
                f"child {_safe_ref(child.get('child_ref'))} ({_initials(child) or '?'})"
                if child is not None
                else "a row with no child"
            )
            for problem in found:
                problems.append(f"{who}, {name} row {number}, {problem.field}: {problem.message}")
    if problems:
        shown = problems[:_SHOWN]
        more = len(problems) - len(shown)
        raise BadHandoverValues(
            f"{bundle.name}: {len(problems)} value(s) in the file are not ones IRO Desktop can "
            "hold. Nothing was imported:\n  "
            + "\n  ".join(shown)
            + (f"\n  ... and {more} more." if more else "")
            + "\nAsk the sending IRO to correct these records in IRO Desktop and make the file "
            "again.",
            problems,
        )


def _safe_ref(ref: Any) -> str:
    """A reference for a message: as it is when it is a good one, else said to be bad."""
    return str(ref) if isinstance(ref, str) and not reference_problem(ref) else "(bad reference)"


def _known(value: Any) -> bool:
    """A value recorded (a 903 import holds no names: a blank name is not a different one)."""
    return bool(str(value or "").strip())


def _same(a: Any, b: Any) -> bool:
    return " ".join(str(a or "").split()).casefold() == " ".join(str(b or "").split()).casefold()


def identity_conflicts(
    bundle: Bundle, existing: dict[str, dict[str, Any]]
) -> list[IdentityConflict]:
    """Children in the bundle whose reference is on this caseload (``existing``, by
    reference) with another first name, last name or date of birth (where both hold one)."""
    out = []
    for row in bundle.payload["tables"].get("children", []):
        here = existing.get(row.get("child_ref")) if isinstance(row, dict) else None
        if here is None:
            continue
        differ = tuple(
            f
            for f in IDENTITY_FIELDS
            if _known(here.get(f)) and _known(row.get(f)) and not _same(here.get(f), row.get(f))
        )
        if differ:
            out.append(IdentityConflict(row["child_ref"], _initials(here), _initials(row), differ))
    return out


def refuse_same_reference(bundle: Bundle, conflicts: list[IdentityConflict]) -> None:
    raise SameReferenceRefused(
        f"{bundle.name}: {len(conflicts)} child(ren) in the file have the reference of a "
        "different child on your caseload. Nothing was imported:\n  "
        + "\n  ".join(c.line() for c in conflicts)
        + "\nCheck with the sending IRO which child is which. Then receive again choosing "
        "to leave those children out, or (when it is the same child and your details are "
        "right) to add their records and keep your name and date of birth.",
        conflicts,
    )
