"""Read the council's 903 files (CSV tables, or the DfE's XML) into the caseload.

Every file is read and checked (``parse``) before anything is written; a bad file is refused
with :class:`Bad903File` and the caseload is left exactly as it was. The writing is one
transaction through ``storage.history``'s batch writer (rows and their history in a few
statements). Matching: children on CHILD, episodes on (CHILD, DECOM), reviews on (CHILD,
REVIEW) where REVIEW is the review's earliest (non-archived) part. What the IRO recorded in the
app wins over the file: such a difference is kept and reported as a conflict.

Yearly returns add up. A file covers a collection year (from its dates, or ``year``) or every
year (an all-years file). Rows an earlier import brought in and the file lacks are archived only
when the file covers the period they lie in (an episode open in the year, a review held in it;
a child only by an all-years file). Where two years hold the same child or episode, the later
collection year's values win whatever the import order: the year each imported row was last
set from is kept (the setting ``ssda903.row_years``), and an older file does not overwrite a
newer one's values. Rows the IRO entered in the app are never archived by an import.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from iro_desktop.domain import code_lists
from iro_desktop.exchange.conflict import Conflict
from iro_desktop.exchange.ssda903 import spec as spec
from iro_desktop.exchange.ssda903.files import DEFAULT_LIMITS, Limits
from iro_desktop.exchange.ssda903.parse import Parsed, read_folder, read_xml
from iro_desktop.exchange.ssda903.xml_read import looks_like_xml
from iro_desktop.storage import bulk, history
from iro_desktop.storage.backup import KIND_PRE_IMPORT, backup_before_change
from iro_desktop.storage.database import Store
from iro_desktop.storage.history import SOURCE_APP, SOURCE_IMPORT, to_column
from iro_desktop.storage.settings_store import load_setting_text, save_setting_text

__all__ = ["ImportReport", "TableCounts", "import_903"]

TABLES = ("children", "episodes", "reviews")
ROW_YEARS_SETTING = "ssda903.row_years"


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
    year: int | None = None  # the collection year read (None: every year)
    year_inferred: bool = True
    duplicates: int = 0
    kept_newer: int = 0  # rows whose values a later year's import had set, left as they were

    @property
    def changed(self) -> bool:
        return any(c.added or c.updated or c.archived or c.restored for c in self.counts.values())

    def year_line(self) -> str:
        if self.year is None:
            return "Read as every year's records (an all-years file)."
        how = "from its dates" if self.year_inferred else "as given"
        return (
            f"Read as the {self.year - 1}-{str(self.year)[2:]} return (1 April {self.year - 1} "
            f"to 31 March {self.year}, {how}): only rows in that year can be archived as missing."
        )

    def as_json(self) -> dict[str, Any]:
        """The report for other tools: counts per table, conflicts and warnings."""
        return {
            "changed": self.changed,
            "year": self.year,
            "year_inferred": self.year_inferred,
            "duplicates": self.duplicates,
            "kept_newer": self.kept_newer,
            "counts": {table: asdict(c) for table, c in self.counts.items()},
            "conflicts": [asdict(k) for k in self.conflicts],
            "warnings": list(self.warnings),
        }

    def summary_lines(self) -> list[str]:
        lines = [self.year_line()]
        for table, c in self.counts.items():
            lines.append(
                f"{table}: {c.added} added, {c.updated} updated, {c.archived} archived, "
                f"{c.restored} restored, {c.unchanged} unchanged"
            )
        if self.duplicates:
            lines.append(f"{self.duplicates} exact duplicate row(s) read once.")
        if self.kept_newer:
            lines.append(f"{self.kept_newer} record(s) kept as a later year's return has them.")
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


def _same(key: str, old: Any, new: Any) -> bool:
    if key == "gender" and old and new:  # "1" held before the M/F/U vocabulary is "M"
        try:
            return code_lists.normal_sex(old) == new
        except ValueError:
            return False
    return old == new


class _Writer:
    def __init__(
        self, store: Store, batch: history.Batch, report: ImportReport, today: date, rank: int
    ) -> None:
        self.store = store
        self.batch = batch
        self.report = report
        self.today = today
        self.rank = rank  # the collection year whose values this file carries
        self.insert_sources = {table: history.insert_sources(store, table) for table in TABLES}
        self.field_sources = {t: history.table_field_sources(store, t) for t in TABLES}
        text = load_setting_text(store, ROW_YEARS_SETTING)
        loaded = json.loads(text) if text else {}
        self.row_years: dict[str, dict[str, int]] = {
            t: {str(k): int(v) for k, v in loaded.get(t, {}).items()} for t in TABLES
        }
        self.years_before = json.dumps(self.row_years, sort_keys=True)

    def from_import(self, table: str, row_id: int) -> bool:
        return self.insert_sources[table].get(row_id) == SOURCE_IMPORT

    def year_of(self, table: str, row_id: int) -> int:
        return self.row_years[table].get(str(row_id), 0)

    def set_year(self, table: str, row_id: int) -> None:
        if table != "reviews":  # a review's values (held, its code) are the same every year
            self.row_years[table][str(row_id)] = self.rank

    def add(self, table: str, values: dict[str, Any]) -> int:
        self.report.counts[table].added += 1
        row_id = self.batch.insert(table, values)
        self.set_year(table, row_id)
        return row_id

    def apply(
        self, table: str, child_ref: str, row: dict[str, Any], wanted: dict[str, Any]
    ) -> None:
        """Bring an existing row to the file's values, except where the app has the last word
        or a later year's file set them."""
        counts = self.report.counts[table]
        diffs = {k: v for k, v in wanted.items() if not _same(k, row.get(k), v)}
        archived = row["archived_on"] is not None
        if self.year_of(table, row["id"]) > self.rank and (diffs or archived):
            self.report.kept_newer += 1
            counts.unchanged += 1
            return
        self.set_year(table, row["id"])
        if not diffs and not archived:
            counts.unchanged += 1
            return
        sources = self.field_sources[table].get(row["id"], {})
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
            self.batch.update(table, row["id"], changes)
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
            if self.year_of(table, row["id"]) > self.rank:
                continue  # a later year's return holds it
            if self.from_import(table, row["id"]):
                self.batch.update(table, row["id"], {"archived_on": self.today})
                self.report.counts[table].archived += 1

    def save_years(self) -> None:
        text = json.dumps(self.row_years, sort_keys=True)
        if text != self.years_before:
            self.batch.flush()
            save_setting_text(self.store, ROW_YEARS_SETTING, text, source=SOURCE_IMPORT)


def _in_period(start: date, end: date, first: str, last: str | None) -> bool:
    return first <= end.isoformat() and (last is None or last >= start.isoformat())


def _write(store: Store, parsed: Parsed, report: ImportReport, today: date) -> None:
    rank = parsed.year or _latest_year(parsed)
    period = (date(parsed.year - 1, 4, 1), date(parsed.year, 3, 31)) if parsed.year else None
    with history.batch(store, SOURCE_IMPORT) as batch:
        writer = _Writer(store, batch, report, today, rank)
        _write_rows(store, parsed, writer, period)
        writer.save_years()


def _latest_year(parsed: Parsed) -> int:
    days = [r.values["REVIEW"] for r in parsed.reviews.rows]
    days += [r.values["DEC"] or r.values["DECOM"] for r in parsed.episodes.rows]
    return code_lists.collection_year_of(max(days)) if days else 0


def _write_rows(
    store: Store, parsed: Parsed, writer: _Writer, period: tuple[date, date] | None
) -> None:
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
    if period is None:  # a yearly return holds only that year's children
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
    if period is not None:
        start, end = period
        episode_rows = [r for r in episode_rows if _in_period(start, end, r["decom"], r["dec"])]
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
            writer.batch.insert("review_parts", {"review_id": review_id, "held_on": held})
        else:
            kept.add(existing["id"])
            writer.apply("reviews", ref, existing, _stored(wanted))
    if period is not None:
        start, end = period
        review_rows = [
            r
            for r in review_rows
            if start.isoformat() <= first_part.get(r["id"], "") <= end.isoformat()
        ]
    writer.archive_missing("reviews", review_rows, kept)


def import_903(
    store: Store,
    source: Path,
    *,
    today: date | None = None,
    year: int | None = None,
    xml: bool | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportReport:
    """Import the 903 files in the folder ``source`` (or the DfE XML file ``source``) into
    ``store`` and report what changed. ``year``: the collection year (its end) the files are
    the return for; inferred from their dates when None. ``xml``: read ``source`` as XML (None:
    detected: a file that starts with ``<``).

    Raises Bad903File (nothing written) when a file is missing or wrong.
    """
    source = Path(source)
    as_xml = xml if xml is not None else (source.is_file() and looks_like_xml(source))
    with _collector_paused():
        if as_xml:
            parsed = read_xml(source, limits=limits, year=year)
        else:
            parsed = read_folder(source, limits=limits, year=year)
        report = ImportReport(
            warnings=list(parsed.warnings),
            year=parsed.year,
            year_inferred=parsed.year_inferred,
            duplicates=parsed.duplicates,
        )
        backup_before_change(store, KIND_PRE_IMPORT)  # the files passed their checks: back up
        _write(store, parsed, report, today or date.today())
    return report


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a return is read and written: the import makes
    hundreds of thousands of objects that all live until it ends, and the collector would
    walk them again and again for nothing (a third of the reading time). Nothing here makes
    cycles that need it; it is back on at the end, however the import ends."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
