"""Benchmark: filling the due view with 300 tasks and with 10,000, painted (issue 18, item 4).

Run on its own (not in CI):  .venv/bin/python tests/benchmarks/bench_due_view.py

Each figure is the median of 7 fills of a shown DueView (offscreen): ``set_tasks`` and the
paint that follows. The goal: 10,000 tasks fill as fast as 300 (the model asks Python only
for the rows on screen). Also counted: the model's Python calls for one fill and paint.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from iro_desktop.domain.tasks import Task, TaskKind
from iro_desktop.gui.views.due import DueView

TODAY = date(2026, 11, 23)
RUNS = 7


def make_tasks(count: int, seed: int = 7) -> tuple[list[Task], dict[str, str], dict[str, str]]:
    rng = random.Random(seed)
    kinds = list(TaskKind)
    children = max(1, count // 4)
    tasks = []
    for i in range(count):
        due = TODAY + timedelta(days=rng.randint(-40, 60))
        kind = kinds[i % len(kinds)]
        detail = "the date set with it at the review" if kind == TaskKind.DECISION else "why"
        tasks.append(Task(f"C{i % children:06d}", kind, f"review:{i}", due, due, detail))
    names = {f"C{c:06d}": f"Child{c} Bench" for c in range(children)}
    workers = {f"C{c:06d}": f"Worker {c % 40}" for c in range(children)}
    return tasks, names, workers


def _fill_ms(app: QApplication, view: DueView, data) -> float:
    painted = []
    view.dataPainted.connect(lambda: painted.append(True))
    start = time.perf_counter()
    view.set_tasks(*data[:2], TODAY, data[2])
    while not painted:
        app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    view.dataPainted.disconnect()
    return elapsed


def calls_per_fill(app: QApplication, view: DueView, data) -> dict[str, int]:
    """How many times Qt called the model's Python methods for one fill and its paint."""
    model = type(view.model)
    counts: dict[str, int] = {}
    originals = {}
    for name in ("index", "parent", "rowCount", "data", "flags", "hasChildren"):
        original = getattr(model, name, None)
        if original is None or name not in model.__dict__:
            continue
        originals[name] = original

        def counted(self, *args, _name=name, _original=original):
            counts[_name] = counts.get(_name, 0) + 1
            return _original(self, *args)

        setattr(model, name, counted)
    try:
        _fill_ms(app, view, data)
    finally:
        for name, original in originals.items():
            setattr(model, name, original)
    return counts


def main() -> int:
    app = QApplication.instance() or QApplication([])
    view = DueView()
    view.resize(1200, 700)
    view.show()
    app.processEvents()
    results = {}
    for count in (300, 10_000):
        data = make_tasks(count)
        _fill_ms(app, view, data)  # warm-up
        results[count] = statistics.median(_fill_ms(app, view, data) for _ in range(RUNS))
        calls = calls_per_fill(app, view, data)
        print(f"{count:>6} tasks: fill and paint {results[count]:7.1f} ms; model calls {calls}")
    ratio = results[10_000] / results[300]
    print(f"\n10,000 vs 300 tasks: {ratio:.2f}x (goal: about 1x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
