"""Benchmark: wall time from process start to the due view painted with data.

Run on its own (not in CI):  .venv/bin/python tests/benchmarks/bench_startup.py

Each figure is the median of 5 fresh processes (after one warm-up), timed from just before the
process starts to the moment it prints its marker: the app prints it when the due view has
first painted with the caseload's tasks (``MainWindow.dueViewReady``); the baseline is a bare
QApplication showing an empty QMainWindow, marked on its first paint, in the same run.
Target: the app within 2.0x the bare window, for the demo and a 1,500-child service store.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from iro_desktop.services.session import PASSPHRASE_ENV, create_demo  # noqa: E402
from tests.benchmarks.service_store import BENCH_PASSPHRASE, build_service_store  # noqa: E402

TODAY = date(2026, 11, 23)
RUNS = 5
MARKER = "PAINTED"
TARGET_RATIO = 2.0

BARE_WINDOW = f"""
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("{MARKER}", flush=True), app.quit()))
        return False
spy = FirstPaint()
window.installEventFilter(spy)
window.resize(1200, 760)
window.show()
app.exec()
"""

APP_WINDOW = f"""
import sys
from datetime import date
from pathlib import Path
# As `iro-desktop` does: begin opening the caseload, then load Qt and the window.
from iro_desktop.services.session import start_opening_at_launch
today = date.fromisoformat("{TODAY.isoformat()}")
early = start_opening_at_launch(Path(sys.argv[1]), False, today)
from iro_desktop.gui.app import application, launch
app = application()
window = launch(Path(sys.argv[1]), False, today, early)
def painted():
    print("{MARKER}", flush=True)
    window.close()
    app.quit()
window.dueViewReady.connect(painted)
app.exec()
"""


def _time_to_marker(code: str, *args: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == MARKER:
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"no {MARKER} marker; exit code {process.wait()}")
    process.wait(timeout=30)
    return elapsed


def _median(code: str, *args: str, env: dict[str, str]) -> float:
    _time_to_marker(code, *args, env=env)  # warm-up: file caches, fonts
    return statistics.median(_time_to_marker(code, *args, env=env) for _ in range(RUNS))


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="iro-bench-startup-") as folder:
        root = Path(folder)
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["PYTHONPATH"] = str(ROOT)
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[var] = str(root / var.lower())
        env.pop(PASSPHRASE_ENV, None)  # the demo opens unasked, as it does for an IRO
        service_env = {**env, PASSPHRASE_ENV: BENCH_PASSPHRASE}

        print("Building the demo and a 1,500-child service store…", flush=True)
        demo, _count = create_demo(TODAY, root / "demo.iro.db")
        service = root / "service.iro.db"
        build_service_store(service, TODAY).close()

        bare = _median(BARE_WINDOW, env=env)
        results = {
            "demo caseload": _median(APP_WINDOW, str(demo), env=env),
            "service store (1,500 children)": _median(APP_WINDOW, str(service), env=service_env),
        }
    print(f"\nProcess start to first paint, median of {RUNS} ({env['QT_QPA_PLATFORM']}):")
    print(f"  {'bare QMainWindow':<32} {bare * 1000:7.0f} ms")
    failed = False
    for name, seconds in results.items():
        ratio = seconds / bare
        verdict = "ok" if ratio <= TARGET_RATIO else f"OVER the {TARGET_RATIO}x target"
        failed |= ratio > TARGET_RATIO
        print(f"  {'app, ' + name:<32} {seconds * 1000:7.0f} ms  {ratio:4.2f}x bare  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
