"""Encrypted backups: taken by hand, daily on open, before imports and purges; rotation;
restore checks the backup before replacing anything and keeps the file it replaces."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from safety_helpers import FIXTURE_903, PASSPHRASE, add_child, table_dump

from iro_desktop.exchange.ssda903.read import import_903
from iro_desktop.services import safety, session
from iro_desktop.storage import backup as backups
from iro_desktop.storage.backup import (
    BackupError,
    BackupInfo,
    BadBackup,
    backups_to_keep,
    list_backups,
    restore_backup,
    take_backup,
    verify_backup,
)
from iro_desktop.storage.database import connect_encrypted
from iro_desktop.storage.errors import WrongPassphrase
from iro_desktop.storage.opening import open_store
from tests.raw import raw_db


def test_backup_is_encrypted_with_the_same_key_and_whole(saved):
    store = open_store(saved, PASSPHRASE)
    info = safety.backup_now(store)
    store.close()
    assert info.path.parent == saved.parent / "backups"
    assert info.kind == "manual"
    raw = info.path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert b"Zephyrine" not in raw
    assert verify_backup(info.path, PASSPHRASE) >= 1
    conn = connect_encrypted(info.path, PASSPHRASE)
    assert conn.execute("SELECT first_name FROM children").fetchall() == [("Zephyrine",)]
    conn.close()
    with pytest.raises(BadBackup, match="does not open with that passphrase"):
        verify_backup(info.path, "not the passphrase")


def test_daily_backup_on_open_at_most_once_a_day(saved):
    for _ in range(3):
        open_store(saved, PASSPHRASE).close()
    daily = [b for b in list_backups(saved) if b.kind == "daily"]
    assert len(daily) == 1
    assert daily[0].local_day == date.today()


def test_new_and_demo_stores_get_no_daily_backup(tmp_path):
    store = open_store(tmp_path / "new.iro.db", PASSPHRASE, create=True)
    store.close()
    assert list_backups(tmp_path / "new.iro.db") == []


def test_no_backup_inside_a_transaction(store):
    add_child(store)
    with store.atomic(), pytest.raises(BackupError, match="middle of a change"):
        take_backup(store)
    assert list_backups(store.path) == []


def test_import_takes_a_backup_first_and_a_refused_import_takes_none(store, tmp_path):
    bad = tmp_path / "bad"
    shutil.copytree(FIXTURE_903, bad)
    (bad / "header.csv").write_bytes(b"\xff\xfe garbage")
    with pytest.raises(Exception, match="UTF-16"):
        import_903(store, bad)
    assert list_backups(store.path) == []
    import_903(store, FIXTURE_903)
    kinds = [b.kind for b in list_backups(store.path)]
    assert kinds == ["pre-import"]
    # The backup is the store as it was before the import: no children yet.
    conn = connect_encrypted(list_backups(store.path)[0].path, "correct horse battery")
    assert conn.execute("SELECT count(*) FROM children").fetchone()[0] == 0
    conn.close()


def test_purge_takes_a_backup_first(store):
    add_child(store, archived_on="2020-01-01")
    result = safety.purge(store, date(2026, 11, 23), ["S000001"])
    assert result.children == 1
    assert [b.kind for b in list_backups(store.path)] == ["pre-purge"]


def _fake(folder: Path, at: datetime, kind: str = "daily") -> BackupInfo:
    path = folder / backups.backup_name(folder / "c.iro.db", kind, at)
    path.write_bytes(b"x")
    info = backups.parse_backup_name(path)
    assert info is not None
    return info


def test_rotation_keeps_today_n_days_and_m_weeks(tmp_path):
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    made = []
    for days_ago in range(0, 60):
        for hour in (9, 17):
            made.append(_fake(tmp_path, now - timedelta(days=days_ago, hours=12 - hour)))
    keep = backups_to_keep(made, daily=7, weekly=4, now=now)
    kept = sorted((b for b in made if b.path in keep), key=lambda b: b.taken_at, reverse=True)
    today = now.astimezone().date()
    assert all(b.path in keep for b in made if b.local_day == today)
    days = {b.local_day for b in kept}
    assert len(days) <= 7 + 4
    # the newest of each of the last 7 days
    for offset in range(1, 7):
        day = today - timedelta(days=offset)
        newest = max((b for b in made if b.local_day == day), key=lambda b: b.taken_at)
        assert newest.path in keep
        assert sum(1 for b in kept if b.local_day == day) == 1
    # one per week for the last 4 weeks, nothing older
    weeks = {b.local_day.isocalendar()[:2] for b in kept}
    assert len(weeks) == 4
    assert min(b.local_day for b in kept) >= today - timedelta(weeks=4)


def test_rotation_deletes_old_backups_from_disk(tmp_path):
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    store_path = tmp_path / "c.iro.db"
    folder = backups.backup_folder(store_path)
    folder.mkdir()
    for days_ago in range(40):
        _fake(folder, now - timedelta(days=days_ago))
    _fake(folder, now - timedelta(days=30), "replaced")
    removed = backups.rotate_backups(store_path, daily=3, weekly=2, now=now)
    left = list_backups(store_path)
    assert len(left) + len(removed) == 41
    assert len(left) <= 3 + 2
    assert all(b.kind != "replaced" for b in left)


def test_restore_replaces_the_store_and_keeps_the_replaced_file(saved):
    store = open_store(saved, PASSPHRASE)
    backup = safety.backup_now(store)
    add_child(store, ref="S000002", first="Later")
    store.close()
    before = saved.read_bytes()
    result = session.restore_backup(saved, backup.path, PASSPHRASE)
    assert result.kept_as is not None and result.kept_as.read_bytes() == before
    assert result.kept_as.parent == saved.parent / "backups"
    reopened = open_store(saved, PASSPHRASE)
    refs = [r[0] for r in raw_db(reopened).execute("SELECT child_ref FROM children")]
    reopened.close()
    assert refs == ["S000001"]
    assert not any(p.name.endswith("partial") for p in saved.parent.rglob("*"))


def test_restore_to_a_new_laptop_needs_no_existing_file(saved, tmp_path):
    store = open_store(saved, PASSPHRASE)
    backup = safety.backup_now(store)
    store.close()
    target = tmp_path / "new-laptop" / "caseload.iro.db"
    result = session.restore_backup(target, backup.path, PASSPHRASE)
    assert result.kept_as is None
    open_store(target, PASSPHRASE).close()


def _plain_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()


def _digests(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p, s: p.write_bytes(b""), "empty"),
        (lambda p, s: p.write_bytes(b"\x00" * 4096), "does not open"),
        (lambda p, s: p.write_bytes(s.read_bytes()[:5000]), "damaged|does not open"),
        (lambda p, s: p.write_bytes(b"PK\x03\x04" + b"zip" * 1000), "damaged"),
        (
            lambda p, s: sqlite3.connect(p).execute("CREATE TABLE t(x)").connection.commit(),
            "unencrypted",
        ),
        (lambda p, s: p.mkdir(), "not a file"),
        (lambda p, s: None, "no backup file"),
    ],
)
def test_restore_refuses_bad_files_and_changes_nothing(saved, tmp_path, make, message):
    bad = tmp_path / "offered" / "bad.iro-backup"
    bad.parent.mkdir()
    make(bad, saved)
    before = _digests(saved.parent)
    with pytest.raises(BadBackup, match=message):
        restore_backup(saved, bad, PASSPHRASE)
    assert _digests(saved.parent) == before


def test_restore_refuses_the_wrong_passphrase_and_a_newer_schema(saved, tmp_path):
    store = open_store(saved, PASSPHRASE)
    backup = safety.backup_now(store)
    store.close()
    newer = tmp_path / "offered" / "newer.iro-backup"
    newer.parent.mkdir()
    shutil.copyfile(backup.path, newer)
    conn = connect_encrypted(newer, PASSPHRASE)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = _digests(saved.parent)
    with pytest.raises(BadBackup, match="does not open with that passphrase"):
        restore_backup(saved, backup.path, "wrong passphrase")
    with pytest.raises(BadBackup, match="newer version"):
        restore_backup(saved, newer, PASSPHRASE)
    assert _digests(saved.parent) == before


def test_restore_refuses_a_damaged_backup(saved, tmp_path):
    store = open_store(saved, PASSPHRASE)
    for i in range(200):
        add_child(store, ref=f"S{i + 10:06d}", first="Pad" * 50)
    backup = safety.backup_now(store)
    store.close()
    damaged = tmp_path / "damaged.iro-backup"
    data = bytearray(backup.path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = b"\x00" * 64
    damaged.write_bytes(bytes(data))
    with pytest.raises(BadBackup, match="damaged"):
        restore_backup(saved, damaged, PASSPHRASE)


def test_restore_settles_a_stale_journal_before_replacing(saved):
    store = open_store(saved, PASSPHRASE)
    backup = safety.backup_now(store)
    store.close()
    journal = saved.with_name(saved.name + "-journal")
    journal.write_bytes(b"")  # an empty journal is not hot
    session.restore_backup(saved, backup.path, PASSPHRASE)
    open_store(saved, PASSPHRASE).close()


def test_wrong_passphrase_still_raises_wrong_passphrase_without_backups(saved):
    with pytest.raises(WrongPassphrase):
        session.open_with_safety(saved, "not it at all")


def test_same_data_after_backup_and_restore(saved):
    store = open_store(saved, PASSPHRASE)
    backup = safety.backup_now(store)
    before = table_dump(store)
    store.close()
    session.restore_backup(saved, backup.path, PASSPHRASE)
    store = open_store(saved, PASSPHRASE)
    assert table_dump(store) == before
    store.close()
