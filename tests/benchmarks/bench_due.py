"""Benchmark: the due list with results kept in the file (issue 18), each figure against its
baseline measured in the same run.

Run on its own (not in CI):  .venv/bin/python tests/benchmarks/bench_due.py

1. The service's due list (1,500 children, 10 years) read back from the file, against a plain
   SELECT of the same rows; also after one edit, and with nothing kept (the first read ever,
   or after a settings change). Goal: <= 0.25x and under 50 ms.
2. The demo's due list, first call in a fresh process (cold: the process has loaded nothing
   yet) against the repeated call in it (warm). Goal: first call under 5 ms.
3. ``iro-desktop due --json``, 1,500 children against 70 (the demo), fresh processes.
   Goal: <= 1.3x.
4. Peak memory of a process opening the service store and reading its due list and
   caseload: kept, and with nothing kept. Goal: under 250 MB.
Timings are medians; the in-process ones interleave measure and baseline.
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

from iro_desktop.services.caseload import caseload, due_list  # noqa: E402
from iro_desktop.services.session import PASSPHRASE_ENV, create_demo  # noqa: E402
from iro_desktop.storage import history  # noqa: E402
from iro_desktop.storage import kept_results as kept  # noqa: E402
from iro_desktop.storage.settings_store import load_settings  # noqa: E402
from tests.benchmarks.service_store import BENCH_PASSPHRASE, build_service_store  # noqa: E402
from tests.benchmarks.timing import RECORD_TABLES  # noqa: E402
from tests.raw import raw_db  # noqa: E402

TODAY = date(2026, 11, 23)
RUNS = 7
PROCESS_RUNS = 5


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def _interleaved(pairs: dict[str, object], runs: int = RUNS) -> dict[str, float]:
    """Median ms of each function, run in turn (one unmeasured round first)."""
    for fn in pairs.values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in pairs}
    for _ in range(runs):
        for name, fn in pairs.items():
            times[name].append(_timed(fn))
    return {name: statistics.median(t) for name, t in times.items()}


def in_process(service) -> list[tuple[str, float, str, float]]:
    settings = load_settings(service)

    def plain_select():
        for table in RECORD_TABLES:
            raw_db(service).execute(f"SELECT * FROM {table}").fetchall()

    def kept_due(within):
        def run():
            service._cache.clear()  # read from the file, not this process's memory
            return due_list(service, TODAY, within, settings)

        return run

    edits = iter(range(10**6))
    contact = raw_db(service).execute("SELECT min(id) FROM contacts").fetchone()[0]

    def edit():
        history.update(service, "contacts", contact, {"note": f"seen {next(edits)}"})

    def due_after_edit():
        edit()
        return due_list(service, TODAY, 28, settings)

    def nothing_kept():
        kept.forget_all(service)
        service._cache.clear()
        return due_list(service, TODAY, 28, settings)

    def schedules():
        service._cache.clear()
        return caseload(service, TODAY, settings)

    got = _interleaved(
        {
            "select": plain_select,
            "due28": kept_due(28),
            "all": kept_due(None),
            "due28_warm": kept_due(28),  # right after another read of the kept pages
            "edit": edit,
            "after_edit": due_after_edit,
            "caseload": schedules,
        }
    )
    cold = _interleaved({"select": plain_select, "nothing": nothing_kept}, runs=3)
    base = got["select"]
    return [
        ("due list, 28 days + overdue, kept", got["due28"], "plain SELECT", base),
        ("  the same, kept pages already decrypted", got["due28_warm"], "plain SELECT", base),
        ("due list, every task (the due view's ask), kept", got["all"], "plain SELECT", base),
        ("edit + due list after it", got["after_edit"], "the edit alone", got["edit"]),
        ("due list after one edit (less the edit)", got["after_edit"] - got["edit"],
         "plain SELECT", base),
        ("caseload: every child's schedule, kept", got["caseload"], "plain SELECT", base),
        ("due list, nothing kept (first ever)", cold["nothing"], "plain SELECT", cold["select"]),
    ]  # fmt: skip


FIRST_CALL = """
import sys, time, statistics
from datetime import date
from pathlib import Path
from iro_desktop.services.caseload import due_list
from iro_desktop.services.session import open_demo_if_demo
store = open_demo_if_demo(Path(sys.argv[1]))
today = date.fromisoformat(sys.argv[2])
started = time.perf_counter(); due_list(store, today); first = time.perf_counter() - started
again = []
for _ in range(7):
    store._cache.clear()
    started = time.perf_counter()
    due_list(store, today)
    again.append(time.perf_counter() - started)
print(first * 1000, statistics.median(again) * 1000)
"""


def demo_first_call(demo: Path) -> tuple[float, float]:
    firsts, agains = [], []
    for _ in range(PROCESS_RUNS):
        out = subprocess.run(
            [sys.executable, "-c", FIRST_CALL, str(demo), TODAY.isoformat()],
            capture_output=True, text=True, check=True, cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        ).stdout.split()  # fmt: skip
        firsts.append(float(out[0]))
        agains.append(float(out[1]))
    return statistics.median(firsts), statistics.median(agains)


def _cli_ms(db: Path, passphrase: str | None) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop(PASSPHRASE_ENV, None)
    if passphrase:
        env[PASSPHRASE_ENV] = passphrase
    command = [sys.executable, "-m", "iro_desktop", "due", "--json", "--db", str(db)]
    command += ["--on", TODAY.isoformat()]
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, env=env, cwd=ROOT)
    return (time.perf_counter() - started) * 1000


def cli(service: Path, demo: Path) -> tuple[float, float]:
    _cli_ms(service, BENCH_PASSPHRASE)
    _cli_ms(demo, None)
    big, small = [], []
    for _ in range(PROCESS_RUNS):
        big.append(_cli_ms(service, BENCH_PASSPHRASE))
        small.append(_cli_ms(demo, None))
    return statistics.median(big), statistics.median(small)


MEMORY = """
import resource, sys
from datetime import date
from pathlib import Path
from iro_desktop.services.caseload import caseload, due_list
from iro_desktop.storage import kept_results as kept
from iro_desktop.storage.opening import open_store
store = open_store(Path(sys.argv[1]), sys.argv[2])
if sys.argv[4] == "forget":
    kept.forget_all(store)
today = date.fromisoformat(sys.argv[3])
due_list(store, today)
caseload(store, today)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def peak_mb(service: Path, forget: bool) -> float:
    out = subprocess.run(
        [sys.executable, "-c", MEMORY, str(service), BENCH_PASSPHRASE, TODAY.isoformat(),
         "forget" if forget else "keep"],
        capture_output=True, text=True, check=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ).stdout  # fmt: skip
    return float(out.strip())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        service_path = Path(tmp) / "service.iro.db"
        service = build_service_store(service_path, TODAY)
        demo_path, _ = create_demo(TODAY, Path(tmp) / "demo.iro.db")
        print(f"service store: {raw_db(service)['children'].count} children, "
              f"{raw_db(service)['reviews'].count} reviews")  # fmt: skip
        print(f"\n{'measure':<50} {'ms':>8}  {'baseline':<16} {'ms':>8}  ratio")
        for name, ms, base_name, base in in_process(service):
            print(f"{name:<50} {ms:8.1f}  {base_name:<16} {base:8.1f}  {ms / base:5.2f}x")
        due_list(service, TODAY)  # leave everything kept for the processes below
        service.close()
        first, again = demo_first_call(demo_path)
        print(f"{'demo due list, first call in a process':<50} {first:8.1f}  "
              f"{'repeated call':<16} {again:8.1f}  {first / again:5.2f}x")  # fmt: skip
        big, small = cli(service_path, demo_path)
        print(f"{'`due --json`, 1,500 children':<50} {big:8.1f}  "
              f"{'70 (demo)':<16} {small:8.1f}  {big / small:5.2f}x")  # fmt: skip
        kept_peak = peak_mb(service_path, forget=False)
        cold_peak = peak_mb(service_path, forget=True)
        print(f"\npeak memory, service store: {kept_peak:.0f} MB kept, "
              f"{cold_peak:.0f} MB with nothing kept (goal < 250 MB)")  # fmt: skip


if __name__ == "__main__":
    main()
