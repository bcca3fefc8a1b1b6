"""Two processes, one caseload (issue 14): a real second process holds the file while this
one opens, restores, changes the passphrase or purges it. Every process holds a shared lock;
what swaps or rewrites the file needs it alone and says who holds it; reads work beside an
open window; a busy file is "busy", never "wrong passphrase" or "damaged"; a killed holder's
lock is released by the OS."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from safety_helpers import NEW_PASSPHRASE, PASSPHRASE, add_child

from iro_desktop.services import passphrases, safety, session
from iro_desktop.storage import database
from iro_desktop.storage.history import archive
from iro_desktop.storage.integrity import DamagedStore, integrity_problems
from iro_desktop.storage.opening import open_store
from tests.raw import raw_db

ROOT = Path(__file__).resolve().parents[2]
HOLDER = Path(__file__).with_name("hold_caseload.py")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IRO_DESKTOP_")}
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


class Holder:
    """A second process holding ``db`` open (see hold_caseload.py)."""

    def __init__(self, db: Path, kind: str = "app", *write: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HOLDER), str(db), PASSPHRASE, kind, *write],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
            cwd=ROOT,
        )
        line = self.process.stdout.readline()
        assert line.strip() == "ready", self.process.stderr.read()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=30)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)


def cli(*argv: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "iro_desktop", *argv],
        capture_output=True,
        text=True,
        env=_env(IRO_DESKTOP_PASSPHRASE=PASSPHRASE, **env),
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture
def caseload(tmp_path) -> tuple[Path, Path]:
    """A caseload with two children (one archived long ago) and a backup of it."""
    path = tmp_path / "caseload.iro.db"
    store = open_store(path, PASSPHRASE, create=True)
    add_child(store, ref="C000001")
    old = add_child(store, ref="C000002", first="Longgone")
    archive(store, "children", old, date(2020, 1, 1))
    backup = safety.backup_now(store).path
    add_child(store, ref="C000003")
    store.close()
    return path, backup


def _refs(path: Path) -> list[str]:
    store = open_store(path, PASSPHRASE)
    try:
        return sorted(r[0] for r in raw_db(store).execute("SELECT child_ref FROM children"))
    finally:
        store.close()


def test_restore_passphrase_and_purge_are_refused_while_the_app_holds_the_file(caseload):
    path, backup = caseload
    holder = Holder(path, "app")
    try:
        since = time.strftime("%H:%M")
        restore = cli("restore", "--db", str(path), str(backup))
        assert restore.returncode == 1
        assert "open in IRO Desktop since" in restore.stderr
        assert "Traceback" not in restore.stderr
        change = cli("passphrase", "--db", str(path), IRO_DESKTOP_NEW_PASSPHRASE=NEW_PASSPHRASE)
        assert change.returncode == 1 and "open in IRO Desktop since" in change.stderr
        purge = cli("purge", "--db", str(path), "--on", "2026-11-23", "--yes")
        assert purge.returncode == 1 and "nothing was purged" in purge.stderr
        # A read from the command line works beside the open window.
        due = cli("due", "--db", str(path), "--on", "2026-11-23", "--json")
        assert due.returncode == 0, due.stderr
        assert since[:2] in restore.stderr  # the hour it was opened
    finally:
        holder.stop()
    # Nothing was swapped, rekeyed or purged under the window.
    assert _refs(path) == ["C000001", "C000002", "C000003"]
    # With the window closed, the restore goes ahead.
    assert cli("restore", "--db", str(path), str(backup)).returncode == 0
    assert _refs(path) == ["C000001", "C000002"]


def test_an_import_holding_the_file_is_named(caseload):
    path, backup = caseload
    holder = Holder(path, "import")
    try:
        with pytest.raises(session.StoreLocked, match="an import is running"):
            session.restore_backup(path, backup, PASSPHRASE)
        with pytest.raises(session.StoreLocked, match="an import is running"):
            passphrases.change_passphrase(path, PASSPHRASE, NEW_PASSPHRASE)
    finally:
        holder.stop()
    assert _refs(path) == ["C000001", "C000002", "C000003"]


def test_this_process_open_window_refuses_a_purge_it_cannot_have_alone(caseload):
    path, _ = caseload
    store = session.open_with_safety(path, PASSPHRASE)
    holder = Holder(path, "command")
    try:
        with pytest.raises(session.StoreLocked, match="iro-desktop command"):
            safety.purge(store, date(2026, 11, 23), ["C000002"])
    finally:
        holder.stop()
    result = safety.purge(store, date(2026, 11, 23), ["C000002"])  # alone now: it goes ahead
    assert result.children == 1
    store.close()


def test_a_killed_holders_lock_is_released_by_the_os(caseload):
    path, backup = caseload
    holder = Holder(path, "app")
    with pytest.raises(session.StoreLocked):
        session.restore_backup(path, backup, PASSPHRASE)
    holder.kill()  # SIGKILL: no chance to let go or remove its note
    result = session.restore_backup(path, backup, PASSPHRASE)
    assert result.kept_as is not None
    assert _refs(path) == ["C000001", "C000002"]
    leftovers = [p.name for p in path.parent.iterdir() if ".held-" in p.name]
    assert leftovers == []  # the dead holder's note went with the exclusive hold


def test_a_file_busy_with_another_process_write_is_busy_never_wrong_or_damaged(
    caseload, monkeypatch
):
    path, _ = caseload
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.3)
    holder = Holder(path, "import", "write", "20")
    try:
        started = time.monotonic()
        with pytest.raises(session.StoreBusy) as caught:
            session.open_with_safety(path, PASSPHRASE)
        assert time.monotonic() - started < 15
        message = str(caught.value)
        assert "busy" in message and "an import is running" in message
        assert not isinstance(caught.value, session.WrongPassphrase | DamagedStore)
        assert "passphrase" not in message and "damaged" not in message
    finally:
        holder.process.kill()
        holder.process.wait()
    assert _refs(path) == ["C000001", "C000002", "C000003"]


def test_an_integrity_check_that_meets_a_busy_file_is_not_damage(caseload, monkeypatch):
    path, _ = caseload
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.3)
    conn = database.connect_encrypted(path, PASSPHRASE)  # keyed before the writer starts
    holder = Holder(path, "import", "write", "20")
    try:
        with pytest.raises(session.StoreBusy):
            integrity_problems(conn)
    finally:
        conn.close()
        holder.process.kill()
        holder.process.wait()


def test_the_busy_message_from_the_command_line(caseload):
    path, _ = caseload
    holder = Holder(path, "import", "write", "30")
    try:
        result = cli("due", "--db", str(path), "--on", "2026-11-23")
    finally:
        holder.process.kill()
        holder.process.wait()
    assert result.returncode == 1
    assert "busy" in result.stderr and "does not open" not in result.stderr
    assert "Traceback" not in result.stderr


def test_the_file_a_restore_replaces_is_kept_and_can_itself_be_restored(caseload):
    path, backup = caseload
    result = session.restore_backup(path, backup, PASSPHRASE)
    assert _refs(path) == ["C000001", "C000002"]
    again = session.restore_backup(path, result.kept_as, PASSPHRASE)
    assert again.kept_as is not None
    assert _refs(path) == ["C000001", "C000002", "C000003"]  # nothing recorded was lost
