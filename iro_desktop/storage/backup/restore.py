"""Restoring a backup over the caseload: checked first, the replaced file kept.

The backup is copied to a hidden partial file beside the store, compared with the original
byte for byte (SHA-256), and moved over the store in one step (``storage.files.writing``);
the file it replaces is kept in the backups folder (kind ``replaced``) with any journal a
crash left beside it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from iro_desktop.logs import get_logger, log_event
from iro_desktop.storage.backup.check import verify_backup
from iro_desktop.storage.backup.names import (
    KIND_REPLACED,
    BadBackup,
    backup_folder,
    backup_name,
    utc_now,
)
from iro_desktop.storage.database import unlock
from iro_desktop.storage.files import copy_durably, file_digest, fsync_folder, writing
from iro_desktop.storage.locking import KIND_RESTORE, CaseloadLock, exclusively
from iro_desktop.storage.problems import translate

# The name these log lines have always had.
log = get_logger("iro_desktop.storage.backup")


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    store_path: Path
    kept_as: Path | None  # where the replaced file was kept (None: there was none)
    schema_version: int


def restore_backup(
    store_path: Path,
    backup_path: Path,
    passphrase: str,
    *,
    now: datetime | None = None,
    held: CaseloadLock | None = None,
) -> RestoreResult:
    """Replace the caseload at ``store_path`` with ``backup_path``.

    The backup is checked first (opens with ``passphrase``, integrity, schema); nothing is
    replaced unless it passes. The file it replaces is kept in the backups folder (kind
    ``replaced``). The store must be closed here (the GUI closes its connection first and
    passes its own lock as ``held``); while another process has it open, StoreLocked."""
    store_path = Path(store_path)
    backup_path = Path(backup_path)
    version = verify_backup(backup_path, passphrase)
    with exclusively(store_path, KIND_RESTORE, "the backup was not restored", held):
        return _restore(store_path, backup_path, passphrase, version, now)


def _restore(
    store_path: Path, backup_path: Path, passphrase: str, version: int, now: datetime | None
) -> RestoreResult:
    started = time.monotonic()
    folder = backup_folder(store_path)
    kept: Path | None = None
    try:
        store_path.parent.mkdir(parents=True, exist_ok=True)
        with writing(store_path) as partial:
            source_digest = copy_durably(backup_path, partial)
            if file_digest(partial) != source_digest:
                raise BadBackup(
                    "The backup could not be copied faithfully (the disk may be failing). "
                    "Nothing has been replaced."
                )
            if store_path.exists():
                kept = _keep_replaced(store_path, passphrase, folder, utc_now(now))
        fsync_folder(store_path.parent)
    except OSError as error:
        known = translate(error, store_path)
        if known is not None:
            raise known from error
        raise BadBackup(
            f"The backup could not be put in place ({error.strerror or error}). Check there is "
            "room on the disk and that nothing else has the caseload open."
        ) from error
    log_event(
        log,
        "backup.restored",
        schema=version,
        kept=kept is not None,
        seconds=time.monotonic() - started,
    )
    return RestoreResult(backup_path, store_path, kept, version)


def _keep_replaced(store_path: Path, passphrase: str, folder: Path, at: datetime) -> Path:
    """Copy the file about to be replaced into the backups folder, with any journal a crash
    left beside it (moved, so that SQLite finds it beside the copy, not the restored file)."""
    _settle_hot_journal(store_path, passphrase)
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / backup_name(store_path, KIND_REPLACED, at)
    copy_durably(store_path, kept)
    for suffix in ("-journal", "-wal"):
        leftover = store_path.with_name(store_path.name + suffix)
        if leftover.exists():
            copy_durably(leftover, kept.with_name(kept.name + suffix))
            leftover.unlink()
    store_path.with_name(store_path.name + "-shm").unlink(missing_ok=True)
    fsync_folder(folder)
    return kept


def _settle_hot_journal(store_path: Path, passphrase: str) -> None:
    """A crash can leave a journal beside the store; opening with the key rolls it back."""
    journal = store_path.with_name(store_path.name + "-journal")
    if not journal.exists() or journal.stat().st_size == 0:
        return
    try:
        conn = sqlcipher.connect(str(store_path), isolation_level=None)
        try:
            unlock(conn, passphrase)
        finally:
            conn.close()
    except sqlcipher.Error:
        pass  # a different key or a damaged file: the journal is kept with the replaced copy
