"""Benchmark: the 903 export of the 1,500-child service store and the import of a 5,000-row
tracker spreadsheet, each against a plain ``csv`` module read or write of the same files in
the same run.

Run on its own (not in CI):  .venv/bin/python tests/benchmarks/bench_exchange.py
Targets: the 903 export (all years, rules checked, files written) under 5 s; the 5,000-row
import (read, mapping, preview and write into an empty store, one transaction) under 5 s.
"""

from __future__ import annotations

import csv
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from iro_desktop.exchange.spreadsheet import (
    import_sheet,
    preview_import,
    propose_mapping,
    read_sheet,
)
from iro_desktop.exchange.ssda903.write import build_903, write_903
from iro_desktop.storage.opening import open_store
from tests.benchmarks.service_store import build_service_store

TODAY = date(2026, 11, 23)
ROWS = 5000


def _timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _plain_csv_write(tables: dict[str, list[dict[str, str]]], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for kind, rows in tables.items():
        with (folder / f"{kind}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            if rows:
                writer.writerow(rows[0].keys())
            writer.writerows(r.values() for r in rows)


def _tracker(path: Path) -> None:
    rng = random.Random(3)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Child ID", "Name", "DOB", "Date looked after", "Placement",
                         "Last review", "Next review booked", "Social worker", "Team"])  # fmt: skip
        for n in range(ROWS):
            dob = date(2008, 1, 1) + timedelta(days=rng.randint(0, 5500))
            start = max(dob, date(2020, 1, 1)) + timedelta(days=rng.randint(0, 1500))
            last = min(start + timedelta(days=rng.randint(20, 400)), TODAY - timedelta(days=1))
            booked = TODAY + timedelta(days=rng.randint(1, 150))
            writer.writerow([f"T{n:06d}", f"Child{n} Test", f"{dob:%d/%m/%Y}",
                             f"{start:%d/%m/%Y}", "Foster carers", f"{last:%d-%b-%Y}",
                             booked.isoformat(), "A Worker", "CiC Team"])  # fmt: skip


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("Building the 1,500-child service store ...", flush=True)
        store = build_service_store(folder / "service.db", TODAY)

        build_s, export = _timed(lambda: build_903(store, None))
        write_s, _ = _timed(lambda: write_903(export, folder / "903"))
        plain_write_s, _ = _timed(lambda: _plain_csv_write(export.tables, folder / "plain"))
        counts = export.counts()
        print(
            f"903 export: {counts['header']} children, {counts['episodes']} episodes, "
            f"{counts['reviews']} reviews; {len(export.problems)} rule breach(es) listed"
        )
        print(f"  load + rules: {build_s:.2f} s; write: {write_s:.2f} s; "
              f"total {build_s + write_s:.2f} s")  # fmt: skip
        print(f"  plain csv.writer of the same rows: {plain_write_s:.3f} s "
              f"(export is x{(build_s + write_s) / plain_write_s:.0f})")  # fmt: skip
        store.close()

        sheet_path = folder / "tracker.csv"
        _tracker(sheet_path)
        plain_read_s, _ = _timed(lambda: list(csv.reader(sheet_path.open(encoding="utf-8"))))
        empty = open_store(folder / "empty.db", "bench", create=True)
        read_s, sheet = _timed(lambda: read_sheet(sheet_path))
        preview_s, preview = _timed(
            lambda: preview_import(empty, sheet, propose_mapping(sheet).mapping, TODAY)
        )
        assert not preview.refusals, preview.refusals[:3]
        write_s2, report = _timed(lambda: import_sheet(empty, preview))
        total = read_s + preview_s + write_s2
        print(f"Spreadsheet import of {ROWS} rows: {report.added} children added")
        print(f"  read: {read_s:.2f} s; preview: {preview_s:.2f} s; write: {write_s2:.2f} s; "
              f"total {total:.2f} s")  # fmt: skip
        print(f"  plain csv.reader of the same file: {plain_read_s:.3f} s "
              f"(import is x{total / plain_read_s:.0f})")  # fmt: skip
        empty.close()

        # The same tracker as an .xlsx workbook: reading it is the part that differs.
        from openpyxl import Workbook

        book = Workbook()
        sheet_xlsx = book.active
        with sheet_path.open(encoding="utf-8", newline="") as handle:
            for record in csv.reader(handle):
                sheet_xlsx.append(record)
        book.save(folder / "tracker.xlsx")
        xlsx_s, big = _timed(lambda: read_sheet(folder / "tracker.xlsx"))
        other = open_store(folder / "empty2.db", "bench", create=True)
        xlsx_rest, _ = _timed(
            lambda: import_sheet(
                other, preview_import(other, big, propose_mapping(big).mapping, TODAY)
            )
        )
        other.close()
        print(f"  the same rows as .xlsx: read {xlsx_s:.2f} s; total {xlsx_s + xlsx_rest:.2f} s")
        ok = build_s + write_s < 5 and total < 5  # the .xlsx figure is for information
        print("Targets (each under 5 s):", "met" if ok else "NOT met")
        return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
