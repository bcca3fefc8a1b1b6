"""Benchmark: the schedule and the due list over a service-sized store and one IRO's caseload.

Run on its own (not in CI):  .venv/bin/python tests/benchmarks/bench_schedule.py
Reports the median of several runs and the ratio to a plain SELECT of the same rows, read in
the same run with the same open store. Targets: the service's due list under 100 ms; one
IRO's caseload under 10 ms.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from iro_desktop.services.caseload import caseload, due_list
from iro_desktop.storage.settings_store import load_settings
from tests.benchmarks.service_store import build_service_store
from tests.benchmarks.timing import RECORD_TABLES, median_ms
from tests.raw import raw_db

TODAY = date(2026, 11, 23)


def _plain_select(store) -> None:
    for table in RECORD_TABLES:
        raw_db(store).execute(f"SELECT * FROM {table}").fetchall()


def _cold(store, fn):
    """Run ``fn`` with the store's result cache emptied first: read and work out everything."""

    def run():
        store._cache.clear()
        return fn()

    return run


def measure(label: str, store) -> None:
    settings = load_settings(store)
    baseline = median_ms(lambda: _plain_select(store))
    schedule = median_ms(_cold(store, lambda: caseload(store, TODAY, settings)))
    due = median_ms(_cold(store, lambda: due_list(store, TODAY, 28, settings)))
    cached = median_ms(lambda: due_list(store, TODAY, 28, settings))
    reviews = raw_db(store)["reviews"].count
    children = raw_db(store)["children"].count
    print(f"{label}: {children} children, {reviews} reviews")
    rows = [
        ("plain SELECT of the same rows (baseline)", baseline),
        ("schedule for every child, from the file", schedule),
        ("due list (28 days + overdue), from the file", due),
        ("due list again, nothing changed (cached)", cached),
    ]
    for name, ms in rows:
        print(f"  {name:<46} {ms:8.1f} ms   {ms / baseline:6.2f}x")


def main() -> None:
    from iro_desktop.services.session import create_demo, open_demo_if_demo

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        service = build_service_store(Path(tmp) / "service.db", TODAY)
        print(f"built the service store in {time.perf_counter() - started:.1f} s")
        measure("service", service)
        demo_path, _ = create_demo(TODAY, Path(tmp) / "demo.db")
        demo = open_demo_if_demo(demo_path)
        measure("one IRO (demo)", demo)


if __name__ == "__main__":
    main()
