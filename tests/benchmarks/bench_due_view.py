"""Benchmark: filling the due view with 300 tasks and with 10,000, painted (issue 18, item 4).

Run on its own (not in CI):  .venv/bin/python tests/benchmarks/bench_due_view.py [CHECKOUT]
(with another checkout, e.g. /work/main, its due view is measured too, interleaved: before/after)

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


def load_view_class(checkout: Path):
    """Another checkout's DueView with its own model (for before/after in one process)."""
    import importlib.util

    modules = {}
    for name, relative in (
        ("iro_desktop.gui.models.due_model", "iro_desktop/gui/models/due_model.py"),
        ("iro_desktop.gui.views.due", "iro_desktop/gui/views/due.py"),
    ):
        spec = importlib.util.spec_from_file_location(name, checkout / relative)
        module = importlib.util.module_from_spec(spec)
        saved = sys.modules.get(name)
        sys.modules[name] = module  # the view imports this checkout's model
        modules[name] = (module, saved)
        spec.loader.exec_module(module)
    view_class = modules["iro_desktop.gui.views.due"][0].DueView
    for name, (_module, saved) in modules.items():
        sys.modules[name] = saved
    return view_class


def first_fill_ms(app: QApplication, view_class, data) -> float:
    """A new view, shown, filled once: until its first paint with the tasks."""
    view = view_class()
    view.resize(1200, 700)
    view.show()
    app.processEvents()
    painted = []
    view.firstPainted.connect(lambda: painted.append(True))
    start = time.perf_counter()
    view.set_tasks(*data[:2], TODAY, data[2])
    while not painted:
        app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    view.close()
    view.deleteLater()
    app.processEvents()
    return elapsed


def rows_worked_out(view: DueView) -> int:
    """How many rows had their texts worked out (asked for by the view) in the last fill."""
    return sum(1 for rows in view.model._groups for row in rows if row.texts is not None)


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
        shown = rows_worked_out(view)
        print(f"{count:>6} tasks: fill and paint {results[count]:7.1f} ms; {shown} rows' texts")
    ratio = results[10_000] / results[300]
    print(f"\n10,000 vs 300 tasks: {ratio:.2f}x (goal: about 1x)")
    if len(sys.argv) > 1:  # another checkout to compare with, interleaved, a new view each
        before = load_view_class(Path(sys.argv[1]))
        print(f"\nA new view's first fill, median of {RUNS}, interleaved with {sys.argv[1]}:")
        for count in (300, 10_000):
            data = make_tasks(count)
            old, new = [], []
            for _ in range(RUNS):
                old.append(first_fill_ms(app, before, data))
                new.append(first_fill_ms(app, DueView, data))
            old_ms, new_ms = statistics.median(old), statistics.median(new)
            print(f"{count:>6} tasks: before {old_ms:7.1f} ms, now {new_ms:7.1f} ms "
                  f"({old_ms / new_ms:4.1f}x faster)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
