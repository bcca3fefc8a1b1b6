"""Checking a file offered as a backup, without writing to it, and finding the latest good one.

A backup is restored only when it opens with the passphrase, passes ``integrity_check``, is
not from a newer schema and holds a caseload.
"""

from __future__ import annotations

import stat
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from iro_desktop.storage.backup.names import KIND_REPLACED, BackupInfo, BadBackup, list_backups
from iro_desktop.storage.database import open_read_only
from iro_desktop.storage.integrity import integrity_problems
from iro_desktop.storage.migrations import SCHEMA_VERSION


def verify_backup(path: Path, passphrase: str) -> int:
    """Check a file offered as a backup without writing to it; returns its schema version.

    Raises BadBackup saying what is wrong: not a file, not a caseload, the wrong passphrase,
    damaged, or from a newer version of IRO Desktop."""
    path = Path(path)
    name = path.name
    try:
        mode = path.stat().st_mode
    except OSError as error:
        raise BadBackup(
            f"There is no backup file at {path}. Choose one of the files in the backups folder."
        ) from error
    if not stat.S_ISREG(mode):
        raise BadBackup(f"{name} is not a file. Choose one of the files in the backups folder.")
    size = path.stat().st_size
    if size == 0:
        raise BadBackup(f"{name} is empty, so it is not a backup. Choose another backup.")
    if size % 512:
        raise BadBackup(
            f"{name} is damaged: its length is not a whole number of database pages (it was "
            "cut short or added to). Choose another backup. Nothing has been replaced."
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as error:
        raise BadBackup(
            f"{name} cannot be read ({error.strerror}). Choose another backup."
        ) from error
    if head == b"SQLite format 3\x00":
        raise BadBackup(
            f"{name} is an unencrypted SQLite file, not an IRO Desktop backup. Choose one of "
            "the files in the backups folder."
        )
    try:
        conn = open_read_only(path, passphrase)
    except sqlcipher.Error as error:
        raise BadBackup(
            f"{name} does not open with that passphrase. If you changed your passphrase after "
            "this backup was taken, use the one you had then; if the file is not an IRO "
            "Desktop backup, choose another. Nothing has been replaced."
        ) from error
    try:
        problems = integrity_problems(conn)
        if problems:
            raise BadBackup(
                f"{name} is damaged (it failed SQLite's integrity check), so it was not "
                "restored. Choose an older backup. Nothing has been replaced."
            )
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        except sqlcipher.Error as error:
            raise BadBackup(
                f"{name} is damaged and cannot be read, so it was not restored. Choose an "
                "older backup. Nothing has been replaced."
            ) from error
    finally:
        conn.close()
    if version > SCHEMA_VERSION:
        raise BadBackup(
            f"{name} was written by a newer version of IRO Desktop (schema {version}; this "
            f"version reads up to {SCHEMA_VERSION}). Install the newer version to restore it."
        )
    if version < 1 or not {"children", "change_log"} <= tables:
        raise BadBackup(
            f"{name} opens but holds no IRO Desktop caseload. Choose one of the files in the "
            "backups folder."
        )
    return version


def latest_good_backup(
    store_path: Path, passphrase: str, *, tries: int | None = None
) -> BackupInfo | None:
    """The newest backup that opens with ``passphrase`` and passes its checks (looking at
    the newest ``tries`` backups only, when given: each try costs a key derivation)."""
    candidates = [b for b in list_backups(store_path) if b.kind != KIND_REPLACED]
    for b in candidates[:tries]:
        try:
            verify_backup(b.path, passphrase)
        except BadBackup:
            continue
        return b
    return None
