"""Kill a child process at random moments of a save, an import, a backup and a passphrase
change, then reopen the caseload and check it: it opens, passes ``integrity_check``, and holds
all of the interrupted change or none of it. Used by ``test_kill.py`` (CI) and ``kill_soak.py``.

Each kill runs in a fresh folder copied from a template, so kills run two at a time.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from iro_desktop.storage import history
from iro_desktop.storage.backup import list_backups, open_read_only, take_backup
from iro_desktop.storage.database import DEMO_PASSPHRASE, Store
from iro_desktop.storage.errors import StoreError
from iro_desktop.storage.integrity import integrity_problems
from iro_desktop.storage.opening import open_store
from tests.raw import raw_db

WORKER = Path(__file__).with_name("kill_worker.py")
PASSPHRASE = "kill test passphrase"
NEW_PASSPHRASE = "kill test NEW passphrase"
ROWS_PER_BATCH = 25
OPERATIONS = ("save", "import", "backup", "rekey")
# How long after "ready" a kill may come, per operation (seconds): about the operation's own
# length on a 2-core machine, so most kills land in the middle of it.
WINDOWS = {"save": 0.6, "import": 0.3, "backup": 0.3, "rekey": 1.6}
TODAY = date(2026, 11, 23)
TABLES = ("children", "episodes", "reviews", "review_parts", "contacts", "change_log")


@dataclass
class Outcome:
    op: str
    delay: float
    finished: bool  # the worker said "done" before the kill (the change is complete)
    markers: int  # progress markers seen (batches committed, backups taken)
    hot_journal: bool = False  # killed inside a write transaction (a journal was left)
    result: str = ""  # what the reopened store held: "none"/"all" (import), "old"/"new" (rekey)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Templates:
    root: Path
    store: Path  # one child, a daily backup
    empty: Path  # no children (the import's target)
    csv: Path  # the demo caseload's 903 CSV files
    imported: dict[str, int]  # row counts after the whole import
    empty_counts: dict[str, int]
    store_counts: dict[str, int]
    import_seconds: float = WINDOWS["import"]  # the import alone, as measured here


def counts(store: Store) -> dict[str, int]:
    return {t: raw_db(store).execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def make_templates(root: Path) -> Templates:
    from iro_desktop.exchange.ssda903.read import import_903
    from iro_desktop.exchange.ssda903.write import write_903_csvs
    from iro_desktop.services.session import create_demo

    root.mkdir(parents=True, exist_ok=True)
    store_path = root / "store" / "caseload.iro.db"
    store = open_store(store_path, PASSPHRASE, create=True)
    history.insert(
        store,
        "children",
        {"child_ref": "K000001", "first_name": "Kit", "last_name": "Test", "dob": "2015-02-03"},
    )
    take_backup(store, "daily")
    take_backup(store, "manual")
    store_counts = counts(store)
    store.close()

    demo, _ = create_demo(TODAY, root / "demo" / "demo.iro.db")
    demo_store = open_store(demo, DEMO_PASSPHRASE, is_demo=True)
    write_903_csvs(demo_store, root / "csv")
    demo_store.close()

    empty = root / "empty" / "caseload.iro.db"
    empty_store = open_store(empty, PASSPHRASE, create=True)
    empty_counts = counts(empty_store)
    empty_store.close()
    reference = root / "reference" / "caseload.iro.db"
    reference.parent.mkdir()
    shutil.copyfile(empty, reference)
    ref_store = open_store(reference, PASSPHRASE)
    started = time.perf_counter()  # the worker says "ready" once the file is open
    import_903(ref_store, root / "csv", today=TODAY)
    import_seconds = time.perf_counter() - started
    imported = counts(ref_store)
    ref_store.close()
    return Templates(
        root, store_path, empty, root / "csv", imported, empty_counts, store_counts, import_seconds
    )


def _copy_store(template: Path, folder: Path) -> Path:
    shutil.copytree(template.parent, folder / "store")
    return folder / "store" / template.name


def _spawn(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill_once(op: str, templates: Templates, folder: Path, rng: random.Random) -> Outcome:
    source = templates.empty if op == "import" else templates.store
    db = _copy_store(source, folder)
    args = {
        "save": ["save", str(db), PASSPHRASE, str(ROWS_PER_BATCH)],
        "import": ["import", str(db), PASSPHRASE, str(templates.csv)],
        "backup": ["backup", str(db), PASSPHRASE],
        "rekey": ["rekey", str(db), PASSPHRASE, NEW_PASSPHRASE],
    }[op]
    # The import's window follows how long it takes on this machine (it got faster), so the
    # kills keep landing inside it rather than after it.
    window = templates.import_seconds * 1.2 if op == "import" else WINDOWS[op]
    delay = rng.uniform(0, window)
    proc = _spawn(args)
    assert proc.stdout is not None
    first = proc.stdout.readline().strip()
    if first != "ready":
        proc.kill()
        _, err = proc.communicate(timeout=30)
        return Outcome(op, delay, False, 0, [f"worker did not start: {first!r} {err[-500:]}"])
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=30)
    markers = [line.strip() for line in out.splitlines() if line.strip()]
    finished = "done" in markers
    outcome = Outcome(op, delay, finished, len([m for m in markers if m != "done"]))
    journal = db.with_name(db.name + "-journal")
    outcome.hot_journal = journal.exists() and journal.stat().st_size > 0
    if proc.returncode not in (-signal.SIGKILL, 0):
        outcome.problems.append(f"worker failed before the kill: {err[-800:]}")
        return outcome
    check = {"save": _check_save, "import": _check_import, "backup": _check_backup}.get(op)
    try:
        if check is not None:
            check(db, templates, markers, outcome)
        else:
            _check_rekey(db, templates, outcome)
    except (StoreError, Exception) as error:
        outcome.problems.append(f"{type(error).__name__}: {error}")
    return outcome


def _open_checked(db: Path, passphrase: str, outcome: Outcome) -> Store:
    store = open_store(db, passphrase)  # integrity_check on open: DamagedStore if it fails
    problems = integrity_problems(raw_db(store).conn)
    if problems:
        outcome.problems.append(f"integrity_check: {problems}")
    return store


def _check_save(db: Path, t: Templates, markers: list[str], outcome: Outcome) -> None:
    store = _open_checked(db, PASSPHRASE, outcome)
    try:
        rows = raw_db(store).execute(
            "SELECT note, count(*) FROM contacts WHERE note LIKE 'batch %' GROUP BY note"
        ).fetchall()
        batches = {int(note.split()[1]): n for note, n in rows}
        partial = {b: n for b, n in batches.items() if n != ROWS_PER_BATCH}
        if partial:
            outcome.problems.append(f"half-written batches: {partial}")
        if batches and sorted(batches) != list(range(1, max(batches) + 1)):
            outcome.problems.append(f"batches not contiguous: {sorted(batches)}")
        committed = [int(m.split()[1]) for m in markers if m.startswith("committed ")]
        if committed and max(committed) > max(batches, default=0):
            outcome.problems.append(f"batch {max(committed)} reported committed but lost")
        last = max(batches, default=0)
        needs = raw_db(store).execute(
            "SELECT communication_needs FROM children ORDER BY id LIMIT 1"
        ).fetchone()[0]
        if needs != (f"batch {last}" if last else ""):
            outcome.problems.append(f"child update {needs!r} disagrees with batch {last}")
        logged = raw_db(store).execute(
            "SELECT count(*) FROM change_log WHERE table_name = 'contacts'"
        ).fetchone()[0]
        if logged != sum(batches.values()):
            outcome.problems.append(f"{logged} history entries for {sum(batches.values())} rows")
    finally:
        store.close()


def _check_import(db: Path, t: Templates, markers: list[str], outcome: Outcome) -> None:
    store = _open_checked(db, PASSPHRASE, outcome)
    try:
        found = counts(store)
    finally:
        store.close()
    outcome.result = {str(t.empty_counts): "none", str(t.imported): "all"}.get(str(found), "part")
    if found not in (t.empty_counts, t.imported):
        outcome.problems.append(f"part of the import was written: {found}")
    if outcome.finished and found != t.imported:
        outcome.problems.append("the import said done but is not all there")
    _check_backups(db, PASSPHRASE, outcome)


def _check_backup(db: Path, t: Templates, markers: list[str], outcome: Outcome) -> None:
    store = _open_checked(db, PASSPHRASE, outcome)
    try:
        if counts(store) != t.store_counts:
            outcome.problems.append("a backup changed the store")
    finally:
        store.close()
    _check_backups(db, PASSPHRASE, outcome)


def _check_backups(db: Path, passphrase: str, outcome: Outcome) -> None:
    """Every file under a backup's name is a whole backup: it opens and passes its check.
    (The store's key is reused through ATTACH, so this costs no key derivation per file.)"""
    conn = open_read_only(db, passphrase)
    try:
        for b in list_backups(db):
            conn.execute("ATTACH DATABASE ? AS b", [str(b.path)])
            try:
                problems = integrity_problems(conn, "b")
                n = conn.execute("SELECT count(*) FROM b.sqlite_master").fetchone()[0]
            finally:
                conn.execute("DETACH DATABASE b")
            if problems or n == 0:
                outcome.problems.append(f"backup {b.path.name} is not whole: {problems}")
    finally:
        conn.close()


def _opens_with(path: Path, passphrase: str) -> bool:
    try:
        conn = open_read_only(path, passphrase)
    except Exception:
        return False
    try:
        return not integrity_problems(conn)
    finally:
        conn.close()


def _check_rekey(db: Path, t: Templates, outcome: Outcome) -> None:
    old, new = _opens_with(db, PASSPHRASE), _opens_with(db, NEW_PASSPHRASE)
    if old == new:
        outcome.problems.append(f"store opens with old={old} new={new}: want exactly one")
        return
    outcome.result = "new" if new else "old"
    if outcome.finished and not new:
        outcome.problems.append("the change said done but the old passphrase still opens")
    store = _open_checked(db, NEW_PASSPHRASE if new else PASSPHRASE, outcome)
    try:
        if counts(store) != t.store_counts:
            outcome.problems.append("the passphrase change altered the records")
    finally:
        store.close()
    for b in list_backups(db):
        b_old, b_new = _opens_with(b.path, PASSPHRASE), _opens_with(b.path, NEW_PASSPHRASE)
        if b_old == b_new:
            outcome.problems.append(f"backup {b.path.name} opens with old={b_old} new={b_new}")


def run_kills(
    plan: dict[str, int], *, seed: int, workers: int = 2, root: Path | None = None
) -> list[Outcome]:
    """Kill each operation ``plan[op]`` times at random moments; returns every outcome."""
    rng = random.Random(seed)
    own_root = root is None
    root = Path(tempfile.mkdtemp(prefix="iro-kill-")) if root is None else root
    try:
        templates = make_templates(root / "templates")
        jobs = [op for op, n in plan.items() for _ in range(n)]
        rng.shuffle(jobs)
        seeds = [rng.randrange(2**32) for _ in jobs]

        def one(index: int) -> Outcome:
            folder = root / f"kill-{index:04d}"
            folder.mkdir()
            try:
                return kill_once(jobs[index], templates, folder, random.Random(seeds[index]))
            finally:
                shutil.rmtree(folder, ignore_errors=True)

        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(one, range(len(jobs))))
    finally:
        if own_root:
            shutil.rmtree(root, ignore_errors=True)


def summary(outcomes: list[Outcome]) -> str:
    lines = []
    by_op = Counter(o.op for o in outcomes)
    for op in OPERATIONS:
        mine = [o for o in outcomes if o.op == op]
        if not mine:
            continue
        failed = [o for o in mine if not o.ok]
        mid = sum(1 for o in mine if not o.finished)
        results = Counter(o.result for o in mine if o.result)
        held = ", ".join(f"{k} {v}" for k, v in sorted(results.items()))
        journals = sum(o.hot_journal for o in mine)
        lines.append(
            f"{op:<7} kills {by_op[op]:>4}  mid-operation {mid:>4}  after it finished "
            f"{by_op[op] - mid:>4}  inside a write transaction {journals:>4}  "
            f"progress markers seen {sum(o.markers for o in mine):>6}  "
            f"failed {len(failed)}" + (f"  (reopened holding: {held})" if held else "")
        )
    total_failed = sum(1 for o in outcomes if not o.ok)
    lines.append(f"total   kills {len(outcomes):>4}  failed {total_failed}")
    return "\n".join(lines)
