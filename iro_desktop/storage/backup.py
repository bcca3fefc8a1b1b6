"""Encrypted backups of the caseload file, in a ``backups/`` folder beside it.

A backup is a byte-for-byte copy of the encrypted file, taken while this connection holds a
read (SHARED) lock and no write transaction is open: no writer can commit while it is copied,
so the copy is one consistent moment of the store, encrypted with the same key (and salt) as
the store. It is written to ``NAME.partial``, flushed to disk, checked (opened with the store's
key through ``ATTACH`` and ``PRAGMA integrity_check``) and only then renamed into place, so a
kill half-way leaves no half backup under a backup's name.

Backups are taken automatically at most once a day on open (kind ``daily``), and before
every migration, import and purge; by hand with ``iro-desktop backup`` or the File menu. They
are kept in rotation: every backup from today, the newest of each of the last N days that
have one (``Settings.backups_daily_kept``), and the newest of each of the last M weeks
(``backups_weekly_kept``); older ones are deleted, so data purged from the store ages out of
the backups too. A file replaced by a restore is kept (kind ``replaced``) for N days.

Restore checks the backup first (it opens with the passphrase, passes ``integrity_check`` and
is not from a newer schema) before anything is replaced, and keeps the file it replaces.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from iro_desktop.logs import get_logger, log_event
from iro_desktop.storage.database import Store
from iro_desktop.storage.errors import StoreError

log = get_logger(__name__)

BACKUP_FOLDER = "backups"
SUFFIX = ".iro-backup"
PARTIAL = ".partial"
KIND_DAILY = "daily"
KIND_MANUAL = "manual"
KIND_PRE_MIGRATION = "pre-migration"
KIND_PRE_IMPORT = "pre-import"
KIND_PRE_PURGE = "pre-purge"
KIND_REPLACED = "replaced"
KINDS = (
    KIND_DAILY,
    KIND_MANUAL,
    KIND_PRE_MIGRATION,
    KIND_PRE_IMPORT,
    KIND_PRE_PURGE,
    KIND_REPLACED,
)
KIND_LABELS = {
    KIND_DAILY: "daily",
    KIND_MANUAL: "taken by hand",
    KIND_PRE_MIGRATION: "before an update",
    KIND_PRE_IMPORT: "before an import",
    KIND_PRE_PURGE: "before a purge",
    KIND_REPLACED: "the file a restore replaced",
}
_STAMP_FORMAT = "%Y%m%dT%H%M%S"
_NAME = re.compile(
    r"^(?P<store>.+)\.(?P<stamp>\d{8}T\d{6})(?P<micro>\d{6})Z\.(?P<kind>[a-z-]+)"
    + re.escape(SUFFIX)
    + "$"
)
_STALE_PARTIAL_SECONDS = 600
_COPY_CHUNK = 1 << 20


class BackupError(StoreError):
    """A backup could not be taken; the caseload itself is unchanged."""


class BadBackup(StoreError):
    """A file offered for restore was refused; nothing was replaced."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    store_name: str
    taken_at: datetime  # UTC
    kind: str
    size: int

    @property
    def local_time(self) -> datetime:
        return self.taken_at.astimezone()

    @property
    def local_day(self) -> date:
        return self.local_time.date()

    def describe(self) -> str:
        when = self.local_time
        label = KIND_LABELS.get(self.kind, self.kind)
        return f"{when:%a} {when.day} {when:%b %Y %H:%M} ({label})"

    def as_json(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "taken_at": self.taken_at.isoformat(timespec="seconds"),
            "kind": self.kind,
            "size": self.size,
        }


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    store_path: Path
    kept_as: Path | None  # where the replaced file was kept (None: there was none)
    schema_version: int


# --- names and folders -----------------------------------------------------------------------


def backup_folder(store_path: Path) -> Path:
    return Path(store_path).parent / BACKUP_FOLDER


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def backup_name(store_path: Path, kind: str, at: datetime) -> str:
    at = at.astimezone(UTC)
    return (
        f"{Path(store_path).name}.{at.strftime(_STAMP_FORMAT)}{at.microsecond:06d}Z.{kind}{SUFFIX}"
    )


def parse_backup_name(path: Path) -> BackupInfo | None:
    found = _NAME.match(path.name)
    if found is None or found["kind"] not in KINDS:
        return None
    taken = datetime.strptime(found["stamp"], _STAMP_FORMAT).replace(
        microsecond=int(found["micro"]), tzinfo=UTC
    )
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return BackupInfo(path, found["store"], taken, found["kind"], size)


def list_backups(store_path: Path) -> list[BackupInfo]:
    """The store's backups, newest first (half-written ``.partial`` files are not backups)."""
    folder = backup_folder(store_path)
    name = Path(store_path).name
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        info = parse_backup_name(entry)
        if info is not None and info.store_name == name and entry.is_file():
            found.append(info)
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


# --- files -----------------------------------------------------------------------------------


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def copy_durably(source: Path, target: Path) -> str:
    """Copy ``source`` to ``target``, flushed to disk; returns the SHA-256 of what was copied."""
    digest = hashlib.sha256()
    with source.open("rb") as src, target.open("wb") as dst:
        while chunk := src.read(_COPY_CHUNK):
            digest.update(chunk)
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    with contextlib.suppress(OSError):
        os.chmod(target, 0o600)
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_COPY_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def remove_stale_partials(store_path: Path, *, older_than: float = _STALE_PARTIAL_SECONDS) -> int:
    """Delete half-written backups, restores and passphrase changes a crash left behind."""
    store_path = Path(store_path)
    candidates = [
        *backup_folder(store_path).glob(f"{store_path.name}.*{SUFFIX}{PARTIAL}"),
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


# --- taking a backup -------------------------------------------------------------------------


def _verify_copy_with_store_key(store: Store, copy: Path) -> None:
    """Open the copy with the store's own key (ATTACH without KEY reuses it) and check it."""
    from iro_desktop.storage.integrity import integrity_problems

    conn = store.db.conn
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
    conn = store.db.conn
    if conn.in_transaction:
        raise BackupError(
            "A backup cannot be taken in the middle of a change. Finish or cancel it first."
        )
    started = time.monotonic()
    at = _now(now)
    folder = backup_folder(store.path)
    target = folder / backup_name(store.path, kind, at)
    partial = target.with_name(target.name + PARTIAL)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)
        remove_stale_partials(store.path)
        # A read transaction: SHARED lock held until COMMIT, so no writer commits meanwhile.
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            copy_durably(store.path, partial)
        finally:
            conn.execute("COMMIT")
        _verify_copy_with_store_key(store, partial)
        os.replace(partial, target)
        fsync_folder(folder)
    except OSError as error:
        partial.unlink(missing_ok=True)
        log_event(log, "backup.failed", 30, kind=kind, error=type(error).__name__)
        raise BackupError(
            f"The backup could not be written to {folder} ({error.strerror or error}). "
            "Check there is room on the disk and that the folder may be written to; "
            "your caseload is unchanged."
        ) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    info = parse_backup_name(target)
    assert info is not None
    if keep is None:
        from iro_desktop.storage.settings_store import load_settings

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
    at = _now(now)
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
    if store.db.conn.in_transaction:
        log_event(log, "backup.skipped_in_transaction", 30, kind=kind)
        return None
    return take_backup(store, kind)


# --- rotation --------------------------------------------------------------------------------


def backups_to_keep(
    backups: list[BackupInfo], *, daily: int, weekly: int, now: datetime
) -> set[Path]:
    """Today's backups, the newest of each of the last ``daily`` days that have one, the
    newest of each of the last ``weekly`` weeks; a replaced file for ``daily`` days."""
    today = now.astimezone().date()
    keep: set[Path] = set()
    rotating = sorted(
        (b for b in backups if b.kind != KIND_REPLACED), key=lambda b: b.taken_at, reverse=True
    )
    newest_by_day: dict[date, BackupInfo] = {}
    newest_by_week: dict[tuple[int, int], BackupInfo] = {}
    for b in rotating:
        if b.local_day == today:
            keep.add(b.path)
        newest_by_day.setdefault(b.local_day, b)
        iso = b.local_day.isocalendar()
        newest_by_week.setdefault((iso.year, iso.week), b)
    for day in sorted(newest_by_day, reverse=True)[: max(daily, 0)]:
        keep.add(newest_by_day[day].path)
    for week in sorted(newest_by_week, reverse=True)[: max(weekly, 0)]:
        keep.add(newest_by_week[week].path)
    for b in backups:
        if b.kind == KIND_REPLACED and b.local_day > today - timedelta(days=max(daily, 1)):
            keep.add(b.path)
    return keep


def rotate_backups(
    store_path: Path, *, daily: int, weekly: int, now: datetime | None = None
) -> list[Path]:
    """Delete the backups rotation no longer keeps; returns what was deleted."""
    backups = list_backups(store_path)
    keep = backups_to_keep(backups, daily=daily, weekly=weekly, now=_now(now))
    removed = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                continue
    return removed


# --- checking and restoring ------------------------------------------------------------------


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def open_read_only(path: Path, passphrase: str) -> sqlcipher.Connection:
    """Open ``path`` read-only with ``passphrase``; raises sqlcipher errors as they come."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    conn = sqlcipher.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def verify_backup(path: Path, passphrase: str) -> int:
    """Check a file offered as a backup without writing to it; returns its schema version.

    Raises BadBackup saying what is wrong: not a file, not a caseload, the wrong passphrase,
    damaged, or from a newer version of IRO Desktop."""
    from iro_desktop.storage.integrity import integrity_problems
    from iro_desktop.storage.migrations import SCHEMA_VERSION

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


def restore_backup(
    store_path: Path, backup_path: Path, passphrase: str, *, now: datetime | None = None
) -> RestoreResult:
    """Replace the caseload at ``store_path`` with ``backup_path``.

    The backup is checked first (opens with ``passphrase``, integrity, schema); nothing is
    replaced unless it passes. The file it replaces is kept in the backups folder (kind
    ``replaced``). The store must be closed (the GUI closes it first)."""
    store_path = Path(store_path)
    backup_path = Path(backup_path)
    version = verify_backup(backup_path, passphrase)
    started = time.monotonic()
    folder = backup_folder(store_path)
    partial = store_path.with_name(store_path.name + ".restore-partial")
    kept: Path | None = None
    try:
        store_path.parent.mkdir(parents=True, exist_ok=True)
        source_digest = copy_durably(backup_path, partial)
        if file_digest(partial) != source_digest:
            raise BadBackup(
                "The backup could not be copied faithfully (the disk may be failing). "
                "Nothing has been replaced."
            )
        if store_path.exists():
            _settle_hot_journal(store_path, passphrase)
            folder.mkdir(parents=True, exist_ok=True)
            kept = folder / backup_name(store_path, KIND_REPLACED, _now(now))
            copy_durably(store_path, kept)
            for suffix in ("-journal", "-wal"):
                leftover = store_path.with_name(store_path.name + suffix)
                if leftover.exists():
                    # Kept with the replaced copy, where SQLite will find it.
                    copy_durably(leftover, kept.with_name(kept.name + suffix))
                    leftover.unlink()
            store_path.with_name(store_path.name + "-shm").unlink(missing_ok=True)
            fsync_folder(folder)
        os.replace(partial, store_path)
        fsync_folder(store_path.parent)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BadBackup(
            f"The backup could not be put in place ({error.strerror or error}). Check there is "
            "room on the disk and that nothing else has the caseload open."
        ) from error
    finally:
        partial.unlink(missing_ok=True)
    log_event(
        log,
        "backup.restored",
        schema=version,
        kept=kept is not None,
        seconds=time.monotonic() - started,
    )
    return RestoreResult(backup_path, store_path, kept, version)


def _settle_hot_journal(store_path: Path, passphrase: str) -> None:
    """A crash can leave a journal beside the store; opening with the key rolls it back."""
    journal = store_path.with_name(store_path.name + "-journal")
    if not journal.exists() or journal.stat().st_size == 0:
        return
    try:
        conn = sqlcipher.connect(str(store_path), isolation_level=None)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {_quote(passphrase)}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlcipher.Error:
        pass  # a different key or a damaged file: the journal is kept with the replaced copy
