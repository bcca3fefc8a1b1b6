"""What a tracker import would do, worked out before anything is written: each row's plan,
every row that will be refused and why, and the IRO's values kept over the file's."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from iro_desktop.exchange.conflict import Conflict
from iro_desktop.exchange.spreadsheet.cells import shown
from iro_desktop.exchange.spreadsheet.read import Sheet

__all__ = ["Refusal", "RowPlan", "RowPreview", "SheetPreview"]


@dataclass(frozen=True)
class Refusal:
    """A row that will not be imported (so nothing is): where, what and why."""

    row: int
    column: str  # "B Date of birth", or "" for the whole row
    value: str
    reason: str
    kind: str  # "ambiguous date" | "impossible date" | "missing" | "invalid" | "duplicate"

    def as_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "reason": self.reason,
            "kind": self.kind,
        }

    def line(self) -> str:
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.reason}"


@dataclass
class RowPlan:
    """What one row does to one child: inserts and updates, worked out but not written."""

    row: int
    child_ref: str
    child_id: int | None
    child_insert: dict[str, Any] | None = None
    child_update: dict[str, Any] = field(default_factory=dict)
    episode_insert: dict[str, Any] | None = None
    episode_update: tuple[int, dict[str, Any]] | None = None
    review_insert: tuple[dict[str, Any], date] | None = None
    review_update: tuple[int, dict[str, Any]] | None = None
    booking_insert: date | None = None
    booking_update: tuple[int, dict[str, Any]] | None = None

    def changes(self) -> list[str]:
        out = []
        if self.child_insert is not None:
            out.append("new child")
        if self.child_update:
            out.append("details: " + ", ".join(sorted(self.child_update)))
        if self.episode_insert is not None:
            out.append(f"episode from {self.episode_insert['decom']:%d/%m/%Y}")
        if self.episode_update:
            out.append("episode: " + ", ".join(sorted(self.episode_update[1])))
        if self.review_insert is not None:
            out.append(f"review held {self.review_insert[1]:%d/%m/%Y}")
        if self.review_update:
            out.append("review: " + ", ".join(sorted(self.review_update[1])))
        if self.booking_insert is not None:
            out.append(f"review booked for {self.booking_insert:%d/%m/%Y}")
        if self.booking_update:
            out.append("booked review moved")
        return out


@dataclass(frozen=True)
class RowPreview:
    row: int
    child_ref: str
    action: str  # "add" | "update" | "no change" | "refused"
    changes: tuple[str, ...]
    reasons: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "child": self.child_ref,
            "action": self.action,
            "changes": list(self.changes),
            "reasons": list(self.reasons),
        }


@dataclass
class SheetPreview:
    """Everything an import would do, worked out before anything is written."""

    sheet: Sheet
    mapping: dict[int, str]
    today: date
    rows: list[RowPreview]
    refusals: list[Refusal]
    conflicts: list[Conflict]
    warnings: list[str]
    plans: list[RowPlan] = field(repr=False, default_factory=list)

    @property
    def can_import(self) -> bool:
        return not self.refusals and bool(self.plans)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for row in self.rows:
            out[row.action] += 1
        return {k: out.get(k, 0) for k in ("add", "update", "no change", "refused")}

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.sheet.name,
            "can_import": self.can_import,
            "counts": self.counts(),
            "refusals": [r.as_json() for r in self.refusals],
            "conflicts": [vars(c) for c in self.conflicts],
            "warnings": list(self.warnings),
            "rows": [r.as_json() for r in self.rows],
        }

    def summary_lines(self) -> list[str]:
        c = self.counts()
        lines = [
            f"{self.sheet.name}: {len(self.rows)} row(s): {c['add']} new child(ren), "
            f"{c['update']} to update, {c['no change']} unchanged, {c['refused']} refused."
        ]
        if self.refusals:
            lines.append(
                f"{len(self.refusals)} problem(s): nothing will be imported until every one is "
                "put right in the file:"
            )
            lines.extend(f"  {r.line()}" for r in self.refusals)
        if self.conflicts:
            lines.append(
                f"{len(self.conflicts)} value(s) you recorded in IRO Desktop differ from the "
                "file; yours are kept:"
            )
            lines.extend(
                f"  {k.child_ref} {k.table}.{k.field}: kept {shown(k.app_value) or '(blank)'}, "
                f"file has {shown(k.file_value) or '(blank)'}"
                for k in self.conflicts
            )
        if self.warnings:
            lines.append(f"{len(self.warnings)} note(s):")
            lines.extend(f"  {w}" for w in self.warnings)
        return lines
