"""Write a previewed tracker import: all of it in one transaction, or nothing when any row is
refused. Writes are marked ``import-sheet`` in the history; the mapping used is remembered."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from iro_desktop.exchange.conflict import Conflict
from iro_desktop.exchange.spreadsheet.cells import BadSpreadsheet
from iro_desktop.exchange.spreadsheet.mapping import remember_mapping
from iro_desktop.exchange.spreadsheet.plan import preview_import
from iro_desktop.exchange.spreadsheet.preview import RowPlan, SheetPreview
from iro_desktop.storage import history
from iro_desktop.storage.backup import KIND_PRE_IMPORT, backup_before_change
from iro_desktop.storage.database import Store

__all__ = ["SOURCE_SHEET", "SheetImportReport", "import_sheet"]

SOURCE_SHEET = "import-sheet"


@dataclass
class SheetImportReport:
    added: int
    updated: int
    unchanged: int
    conflicts: list[Conflict]
    warnings: list[str]

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)

    def as_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": [vars(c) for c in self.conflicts],
            "warnings": list(self.warnings),
        }

    def summary_lines(self) -> list[str]:
        lines = [
            f"Imported: {self.added} new child(ren), {self.updated} updated, "
            f"{self.unchanged} unchanged."
        ]
        if self.conflicts:
            lines.append(f"{len(self.conflicts)} value(s) of yours were kept over the file's.")
        lines.extend(self.warnings)
        return lines


def import_sheet(store: Store, preview: SheetPreview) -> SheetImportReport:
    """Write what ``preview`` found, all in one transaction, and remember the mapping.

    The preview is worked out again inside the transaction so that it matches the caseload as
    it is now; any refused row stops the import and nothing is written."""
    backup_before_change(store, KIND_PRE_IMPORT)
    with store.atomic():
        fresh = preview_import(store, preview.sheet, preview.mapping, preview.today)
        if fresh.refusals:
            raise BadSpreadsheet(
                f"{preview.sheet.name}: {len(fresh.refusals)} problem(s) must be put right "
                "before anything is imported; nothing was written. First: "
                + fresh.refusals[0].line()
            )
        added = updated = unchanged = 0
        with history.batch(store, SOURCE_SHEET) as writer:
            for plan in fresh.plans:
                child_id = plan.child_id
                if plan.child_insert is not None:
                    child_id = writer.insert("children", plan.child_insert)
                    added += 1
                elif plan.changes():
                    updated += 1
                else:
                    unchanged += 1
                assert child_id is not None
                _write_plan(writer, plan, child_id)
        remember_mapping(store, preview.sheet, preview.mapping, SOURCE_SHEET)
    return SheetImportReport(added, updated, unchanged, fresh.conflicts, fresh.warnings)


def _write_plan(writer: history.Batch, plan: RowPlan, child_id: int) -> None:
    """One row's plan, in the order the history has always listed it."""
    if plan.child_update:
        writer.update("children", child_id, plan.child_update)
    if plan.episode_insert is not None:
        writer.insert("episodes", {"child_id": child_id, **plan.episode_insert})
    if plan.episode_update:
        writer.update("episodes", *plan.episode_update)
    if plan.review_insert is not None:
        values, held = plan.review_insert
        review_id = writer.insert("reviews", {"child_id": child_id, **values})
        writer.insert("review_parts", {"review_id": review_id, "held_on": held})
    if plan.review_update:
        writer.update("reviews", *plan.review_update)
    if plan.booking_insert is not None:
        writer.insert(
            "reviews",
            {"child_id": child_id, "status": "booked", "booked_for": plan.booking_insert},
        )
    if plan.booking_update:
        writer.update("reviews", *plan.booking_update)
