"""Taking a backup: a byte-for-byte copy of the encrypted file, checked, then kept.

The copy is taken while this connection holds a read (SHARED) lock and no write transaction
is open: no writer can commit while it is copied, so the copy is one consistent moment of
the store, encrypted with the same key (and salt). It is written to a hidden partial file,
flushed, checked (opened with the store's key through ``ATTACH`` and ``PRAGMA
integrity_check``) and only then moved into place (``storage.files.writing``), so a kill
half-way leaves no half backup under a backup's name.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from iro_desktop.logs import get_logger, log_event
from iro_desktop.storage.backup.names import (
    KIND_DAILY,
    KIND_MANUAL,
    KINDS,
    PARTIAL,
    SUFFIX,
    BackupError,
    BackupInfo,
    backup_folder,
    backup_name,
    list_backups,
    parse_backup_name,
    utc_now,
)
from iro_desktop.storage.backup.rotation import rotate_backups
from iro_desktop.storage.database import Store
from iro_desktop.storage.errors import StoreError
from iro_desktop.storage.files import (
    copy_durably,
    fsync_folder,
    make_private,
    partial_path,
    writing,
)
from iro_desktop.storage.integrity import integrity_problems
from iro_desktop.storage.problems import translate
from iro_desktop.storage.settings_store import load_settings

# The name these log lines have always had.
log = get_logger("iro_desktop.storage.backup")

_STALE_PARTIAL_SECONDS = 600


def remove_stale_partials(store_path: Path, *, older_than: float = _STALE_PARTIAL_SECONDS) -> int:
    """Delete half-written backups, restores and passphrase changes a crash left behind
    (those older than ``older_than`` seconds: a younger one may still be being written)."""
    store_path = Path(store_path)
    folder = backup_folder(store_path)
    candidates = [
        *folder.glob(f".{store_path.name}.*{SUFFIX}{PARTIAL}"),
        partial_path(store_path),
        # The names earlier versions gave their partial files.
        *folder.glob(f"{store_path.name}.*{SUFFIX}{PARTIAL}"),
        store_path.with_name(store_path.name + ".restore-partial"),
        store_path.with_name(store_path.name + ".rekey-partial"),
    ]
    removed = 0
    cutoff = time.time() - older_than
    for candidate in candidates:
        try:
            if candidate.is_file() and candidate.stat().st_mtime <= cutoff:
                candidate.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def _verify_copy_with_store_key(store: Store, copy: Path) -> None:
    """Open the copy with the store's own key (ATTACH without KEY reuses it) and check it."""
    conn = store._db.conn
    conn.execute("ATTACH DATABASE ? AS iro_backup_check", [str(copy)])
    try:
        problems = integrity_problems(conn, "iro_backup_check")
    finally:
        conn.execute("DETACH DATABASE iro_backup_check")
    if problems:
        raise BackupError(
            "The backup copy did not pass its check, so it was not kept. Check there is room "
            "on the disk and try again."
        )


def take_backup(
    store: Store,
    kind: str = KIND_MANUAL,
    *,
    now: datetime | None = None,
    keep: tuple[int, int] | None = None,
) -> BackupInfo:
    """Back up ``store`` to its ``backups/`` folder and rotate the old ones.

    ``keep`` is (daily, weekly) to keep; by default the store's settings. Raises BackupError
    (the store unchanged) when it cannot; never called inside a write transaction."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    conn = store._db.conn
    if conn.in_transaction:
        raise BackupError(
            "A backup cannot be taken in the middle of a change. Finish or cancel it first."
        )
    started = time.monotonic()
    at = utc_now(now)
    folder = backup_folder(store.path)
    target = folder / backup_name(store.path, kind, at)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        make_private(folder)
        remove_stale_partials(store.path)
        with writing(target) as partial:
            # A read transaction: SHARED lock held until COMMIT, so no writer commits meanwhile.
            conn.execute("BEGIN")
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                copy_durably(store.path, partial)
            finally:
                conn.execute("COMMIT")
            _verify_copy_with_store_key(store, partial)
        fsync_folder(folder)
    except OSError as error:
        log_event(log, "backup.failed", 30, kind=kind, error=type(error).__name__)
        known = translate(error, target)
        if known is not None:  # a read-only folder or a full disk, said as such
            raise known from error
        raise BackupError(
            f"The backup could not be written to {folder} ({error.strerror or error}). "
            "Check there is room on the disk and that the folder may be written to; "
            "your caseload is unchanged."
        ) from error
    info = parse_backup_name(target)
    assert info is not None
    if keep is None:
        settings = load_settings(store)
        keep = (settings.backups_daily_kept, settings.backups_weekly_kept)
    removed = rotate_backups(store.path, daily=keep[0], weekly=keep[1], now=at)
    log_event(
        log,
        "backup.taken",
        kind=kind,
        size=info.size,
        removed=len(removed),
        seconds=time.monotonic() - started,
    )
    return info


def backup_on_open(store: Store, *, now: datetime | None = None) -> BackupInfo | None:
    """The daily backup: taken when the store is opened and none was taken today. Never stops
    the store from opening: a failure is logged and the next open tries again."""
    at = utc_now(now)
    today = at.astimezone().date()
    if any(b.kind == KIND_DAILY and b.local_day == today for b in list_backups(store.path)):
        return None
    try:
        return take_backup(store, KIND_DAILY, now=at)
    except (StoreError, sqlcipher.Error) as error:
        log_event(log, "backup.daily_skipped", 30, error=type(error).__name__)
        return None


def backup_before_change(store: Store, kind: str) -> BackupInfo | None:
    """A backup before an import or a purge. Inside a caller's own transaction there is no
    consistent moment to copy, so none is taken (and that is logged)."""
    if store._db.conn.in_transaction:
        log_event(log, "backup.skipped_in_transaction", 30, kind=kind)
        return None
    return take_backup(store, kind)
