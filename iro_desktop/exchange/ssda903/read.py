"""Read the council's 903 CSV files (header, episodes, reviews, uasc) into the caseload.

Every file is read and checked (``parse``) before anything is written; a bad file is refused
with :class:`Bad903File` and the caseload is left exactly as it was. The writing is one
transaction, through ``storage.history`` like every other write. Matching: children on
CHILD, episodes on (CHILD, DECOM), reviews on (CHILD, REVIEW) where REVIEW is the review's
earliest (non-archived) part. What the IRO recorded in the app wins over the file: such a
difference is kept and reported as a conflict. Rows an earlier import brought in and the
newer files no longer have are archived, never deleted; rows the IRO entered in the app are
never archived by an import.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from iro_desktop.exchange.conflict import Conflict
from iro_desktop.exchange.ssda903 import spec as spec
from iro_desktop.exchange.ssda903.parse import Parsed, read_folder
from iro_desktop.storage import bulk, history
from iro_desktop.storage.backup import KIND_PRE_IMPORT, backup_before_change
from iro_desktop.storage.database import Store
from iro_desktop.storage.history import SOURCE_APP, SOURCE_IMPORT, to_column

__all__ = ["ImportReport", "TableCounts", "import_903"]

TABLES = ("children", "episodes", "reviews")


@dataclass
class TableCounts:
    added: int = 0
    updated: int = 0
    archived: int = 0
    restored: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    counts: dict[str, TableCounts] = field(
        default_factory=lambda: {table: TableCounts() for table in TABLES}
    )
    conflicts: list[Conflict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(c.added or c.updated or c.archived or c.restored for c in self.counts.values())

    def as_json(self) -> dict[str, Any]:
        """The report for other tools: counts per table, conflicts and warnings."""
        return {
            "changed": self.changed,
            "counts": {table: asdict(c) for table, c in self.counts.items()},
            "conflicts": [asdict(k) for k in self.conflicts],
            "warnings": list(self.warnings),
        }

    def summary_lines(self) -> list[str]:
        lines = []
        for table, c in self.counts.items():
            lines.append(
                f"{table}: {c.added} added, {c.updated} updated, {c.archived} archived, "
                f"{c.restored} restored, {c.unchanged} unchanged"
            )
        if self.conflicts:
            lines.append(
                f"{len(self.conflicts)} value(s) you changed in IRO Desktop differ from the file; "
                "your values were kept:"
            )
            for k in self.conflicts:
                lines.append(
                    f"  {k.child_ref} {k.table}.{k.field}: kept {_shown(k.app_value)}, "
                    f"file has {_shown(k.file_value)}"
                )
        if self.warnings:
            lines.append(f"{len(self.warnings)} warning(s):")
            lines.extend(f"  {w}" for w in self.warnings)
        return lines


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "(blank)"
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return spec.format_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


# --- writing -------------------------------------------------------------------------------


def _stored(values: dict[str, Any]) -> dict[str, Any]:
    return {key: to_column(value) for key, value in values.items()}


class _Writer:
    def __init__(self, store: Store, report: ImportReport, today: date) -> None:
        self.store = store
        self.report = report
        self.today = today
        self.insert_sources = {table: history.insert_sources(store, table) for table in TABLES}

    def from_import(self, table: str, row_id: int) -> bool:
        return self.insert_sources[table].get(row_id) == SOURCE_IMPORT

    def add(self, table: str, values: dict[str, Any]) -> int:
        self.report.counts[table].added += 1
        return history.insert(self.store, table, values, source=SOURCE_IMPORT)

    def apply(
        self, table: str, child_ref: str, row: dict[str, Any], wanted: dict[str, Any]
    ) -> None:
        """Bring an existing row to the file's values, except where the app has the last word."""
        counts = self.report.counts[table]
        diffs = {key: value for key, value in wanted.items() if row.get(key) != value}
        archived = row["archived_on"] is not None
        if not diffs and not archived:
            counts.unchanged += 1
            return
        sources = history.field_sources(self.store, table, row["id"])
        changes: dict[str, Any] = {}
        for key, value in diffs.items():
            if sources.get(key) == SOURCE_APP:
                self.report.conflicts.append(Conflict(child_ref, table, key, row[key], value))
            else:
                changes[key] = value
        restored = False
        if archived:
            if sources.get("archived_on") == SOURCE_APP:
                self.report.conflicts.append(
                    Conflict(child_ref, table, "archived_on", row["archived_on"], None)
                )
            else:
                changes["archived_on"] = None
                restored = True
        if changes:
            history.update(self.store, table, row["id"], changes, source=SOURCE_IMPORT)
        if restored:
            counts.restored += 1
        elif changes:
            counts.updated += 1
        else:
            counts.unchanged += 1

    def archive_missing(self, table: str, rows: list[dict[str, Any]], kept: set[int]) -> None:
        for row in rows:
            if row["id"] in kept or row["archived_on"] is not None:
                continue
            if self.from_import(table, row["id"]):
                history.archive(self.store, table, row["id"], self.today, source=SOURCE_IMPORT)
                self.report.counts[table].archived += 1


def _write(store: Store, parsed: Parsed, report: ImportReport, today: date) -> None:
    writer = _Writer(store, report, today)

    # Children: header.csv, and uasc.csv when there is one.
    child_rows = bulk.all_rows(store, "children")
    by_ref = {r["child_ref"]: r for r in child_rows}
    header_columns = [c for c in parsed.header.columns if c != "CHILD"]
    child_ids: dict[str, int] = {}
    for ref, row in parsed.children.items():
        wanted = {spec.CHILD_FIELDS[c]: row.values[c] for c in header_columns}
        if parsed.uasc is not None:
            uasc_row = parsed.uasc_rows.get(ref)
            wanted["uasc"] = uasc_row is not None
            wanted["uasc_ceased"] = uasc_row.values["DUC"] if uasc_row is not None else None
        existing = by_ref.get(ref)
        if existing is None:
            child_ids[ref] = writer.add("children", {"child_ref": ref, **wanted})
        else:
            child_ids[ref] = existing["id"]
            writer.apply("children", ref, existing, _stored(wanted))
    writer.archive_missing("children", child_rows, set(child_ids.values()))

    # Episodes, matched on (CHILD, DECOM).
    episode_rows = bulk.all_rows(store, "episodes")
    by_key = {(r["child_id"], r["decom"]): r for r in episode_rows}
    episode_columns = [c for c in parsed.episodes.columns if c not in ("CHILD", "DECOM")]
    kept: set[int] = set()
    for (ref, decom), row in parsed.episode_rows.items():
        child_id = child_ids[ref]
        wanted = {spec.EPISODE_FIELDS[c]: row.values[c] for c in episode_columns}
        existing = by_key.get((child_id, decom.isoformat()))
        if existing is None:
            writer.add("episodes", {"child_id": child_id, "decom": decom, **wanted})
        else:
            kept.add(existing["id"])
            writer.apply("episodes", ref, existing, _stored(wanted))
    writer.archive_missing("episodes", episode_rows, kept)

    # Reviews, matched on (CHILD, REVIEW = the review's earliest non-archived part).
    review_rows = bulk.all_rows(store, "reviews")
    first_part = bulk.first_part_dates(store)
    reviews_by_key: dict[tuple[int, str], dict[str, Any]] = {}
    for r in review_rows:
        if r["id"] not in first_part:
            continue
        key = (r["child_id"], first_part[r["id"]])
        found = reviews_by_key.get(key)
        if found is None or (found["archived_on"] is not None and r["archived_on"] is None):
            reviews_by_key[key] = r
    kept = set()
    for (ref, held), row in parsed.review_rows.items():
        child_id = child_ids[ref]
        wanted = {"status": "held", "review_code": row.values["REVIEW_CODE"]}
        existing = reviews_by_key.get((child_id, held.isoformat()))
        if existing is None:
            review_id = writer.add("reviews", {"child_id": child_id, **wanted})
            history.insert(
                store,
                "review_parts",
                {"review_id": review_id, "held_on": held},
                source=SOURCE_IMPORT,
            )
        else:
            kept.add(existing["id"])
            writer.apply("reviews", ref, existing, _stored(wanted))
    writer.archive_missing("reviews", review_rows, kept)


def import_903(store: Store, folder: Path, *, today: date | None = None) -> ImportReport:
    """Import the 903 files in ``folder`` into ``store`` and report what changed.

    Raises Bad903File (nothing written) when a file is missing or wrong.
    """
    parsed = read_folder(Path(folder))
    report = ImportReport(warnings=list(parsed.warnings))
    backup_before_change(store, KIND_PRE_IMPORT)  # the files passed their checks: back up first
    with store.atomic():
        _write(store, parsed, report, today or date.today())
    return report
