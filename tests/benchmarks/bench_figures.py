"""Benchmark: the IRO's figures for one reporting year over the 1,500-child service store.

Run on its own (not in CI):  .venv/bin/python tests/benchmarks/bench_figures.py
Target: the figures for one year from the file in under 1 s. The baseline is a plain
``SELECT COUNT(*)`` over the same tables the figures read, with the same open store; the
ratio shows what the full load and the working out cost on top of touching the rows.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from iro_desktop.domain.figures.counting import figures_for as work_out
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.services.figures import figures_for, load_for_figures
from iro_desktop.storage.records import load_child_records
from iro_desktop.storage.settings_store import load_settings
from tests.benchmarks.service_store import build_service_store
from tests.benchmarks.timing import RECORD_TABLES, median_ms
from tests.raw import raw_db

TODAY = date(2026, 11, 23)
YEAR = (date(2025, 4, 1), date(2026, 3, 31))


def measure(label: str, store) -> float:
    settings = load_settings(store)
    calendar = calendar_for(settings)

    def count_rows() -> None:
        for table in RECORD_TABLES:
            raw_db(store).execute(f"SELECT COUNT(*) FROM {table}").fetchone()

    def cold() -> None:
        store._cache.clear()
        figures_for(store, *YEAR, today=TODAY)

    counted_to = min(YEAR[1], TODAY - timedelta(days=1))
    records = load_for_figures(store, YEAR[0], counted_to)
    full = load_child_records(store, include_archived=True)
    same = work_out(full, settings, calendar, *YEAR, TODAY) == work_out(
        records, settings, calendar, *YEAR, TODAY
    )
    baseline = median_ms(count_rows, runs=5)
    full_load = median_ms(lambda: load_child_records(store, include_archived=True), runs=3)
    load = median_ms(lambda: load_for_figures(store, YEAR[0], counted_to), runs=5)
    work = median_ms(lambda: work_out(records, settings, calendar, *YEAR, TODAY), runs=5)
    total = median_ms(cold, runs=5)
    cached = median_ms(lambda: figures_for(store, *YEAR, today=TODAY), runs=5)
    fig = figures_for(store, *YEAR, today=TODAY)
    print(
        f"{label}: {raw_db(store)['children'].count} children, "
        f"{raw_db(store)['reviews'].count} reviews; "
        f"{fig.reviews_held} reviews held in {YEAR[0]} to {YEAR[1]}"
    )
    for name, ms in (
        ("SELECT COUNT(*) over the same tables (baseline)", baseline),
        ("(for comparison: the full load, free text and all)", full_load),
        ("load what the year's figures read", load),
        ("work out the figures (domain only)", work),
        ("figures for the year, from the file", total),
        ("figures again, nothing changed (cached)", cached),
    ):
        print(f"  {name:<50} {ms:8.1f} ms   {ms / baseline:8.1f}x")
    print(f"  same figures as from every full record: {'yes' if same else 'NO'}")
    return total


def main() -> None:
    from iro_desktop.services.session import create_demo, open_demo_if_demo

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        service = build_service_store(Path(tmp) / "service.db", TODAY)
        print(f"built the service store in {time.perf_counter() - started:.1f} s")
        total = measure("service", service)
        print(f"  target under 1000 ms: {'met' if total < 1000 else 'NOT MET'}")
        demo_path, _ = create_demo(TODAY, Path(tmp) / "demo.db")
        measure("one IRO (demo)", open_demo_if_demo(demo_path))


if __name__ == "__main__":
    main()
