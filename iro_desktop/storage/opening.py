"""Opening a caseload file for use: key it, refuse what must not be written to, bring its
schema up to date, and take the backups that opening owes.

The order matters: a file from a newer version is refused; an existing file that fails
``PRAGMA integrity_check`` is refused with DamagedStore before anything writes to it; a
backup is taken before pending migrations run; the daily backup at most once a day.

The desktop app opens with ``checks_later``: a file whose schema is current opens with every
write held (``storage.write_gate``) and without the integrity check and the daily backup,
which ``finish_opening`` runs once the due list has been read. A file that needs migrating is
checked, backed up and migrated at once, as always (a migration writes).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import sqlite_utils
from sqlcipher3 import dbapi2 as sqlcipher

from iro_desktop.logs import get_logger, log_event
from iro_desktop.storage import early_key
from iro_desktop.storage.backup.check import latest_good_backup
from iro_desktop.storage.backup.names import KIND_PRE_MIGRATION, list_backups
from iro_desktop.storage.backup.take import backup_on_open, take_backup
from iro_desktop.storage.database import Store, connect_encrypted
from iro_desktop.storage.errors import NewerSchema, StoreError, StoreNotFound
from iro_desktop.storage.files import make_private
from iro_desktop.storage.integrity import DamagedStore, integrity_problems
from iro_desktop.storage.locking import CaseloadLock, hold_shared
from iro_desktop.storage.migrations import SCHEMA_VERSION, apply_migrations, schema_version
from iro_desktop.storage.problems import translate
from iro_desktop.storage.write_gate import WriteGate

# The name these log lines have always had (they were written by storage.integrity).
log = get_logger("iro_desktop.storage.integrity")


def damaged_store_error(path: Path, passphrase: str, problems: list[str]) -> DamagedStore:
    """DamagedStore for ``path``, offering its latest good backup when there is one."""
    good = latest_good_backup(path, passphrase)
    name = Path(path).name
    if good is not None:
        advice = (
            f"Your latest good backup is from {good.describe()}: restore it from the File menu "
            f"(Restore backup), or with `iro-desktop restore --db {path} {good.path}`. The "
            "damaged file is kept beside the backups when you restore."
        )
    else:
        advice = (
            "No good backup was found in the backups folder. Keep the file as it is and ask "
            "your IT department for help; do not delete it."
        )
    return DamagedStore(
        f"{name} is damaged (it failed SQLite's integrity check), so IRO Desktop will not "
        f"write to it. {advice}",
        latest_good_backup=None if good is None else good.path,
        problems=tuple(problems),
    )


def check_on_open(conn: sqlcipher.Connection, path: Path, passphrase: str) -> None:
    """Raise DamagedStore when the freshly opened store fails ``integrity_check``."""
    started = time.monotonic()
    problems = integrity_problems(conn)
    if problems:
        log_event(log, "store.damaged", 40, problems=len(problems))
        raise damaged_store_error(path, passphrase, problems)
    log_event(log, "store.checked", outcome="ok", seconds=time.monotonic() - started)


class MissingWithBackups(StoreNotFound):
    """The caseload is missing or empty, but backups of it are beside it: restore one."""

    def __init__(self, message: str, backups: list) -> None:
        super().__init__(message)
        self.backups = backups


def missing_store_error(path: Path) -> StoreNotFound:
    """No caseload at ``path`` (or an empty file): say which backups of it exist and how to
    restore one, or, when there are none, how to make a caseload."""
    path = Path(path)
    found = list_backups(path)
    state = "is empty (0 bytes)" if path.is_file() else "is missing"
    if found:
        newest = found[0]
        return MissingWithBackups(
            f"{path.name} {state}, but {len(found)} backup(s) of it are in "
            f"{newest.path.parent}; the newest is from {newest.describe()}. Restore it from "
            f"the app, or with `iro-desktop restore --db {path} {newest.path}` (see "
            f"`iro-desktop backup --list --db {path}` for the others).",
            found,
        )
    if path.is_dir():
        return StoreNotFound(
            f"{path} is a folder, not a caseload file. Give the caseload file's own name "
            "(it ends in .iro.db)."
        )
    return StoreNotFound(
        f"There is no caseload file at {path}. Create one with `iro-desktop init`, "
        "or use --demo to open the demo caseload."
    )


def open_store(
    path: Path,
    passphrase: str,
    *,
    create: bool = False,
    is_demo: bool = False,
    lock: bool = True,
    held: CaseloadLock | None = None,
    checks_later: bool = False,
) -> Store:
    """Open (or, with ``create``, make) the caseload at ``path`` and bring its schema up to date.

    A file from a newer version of IRO Desktop is refused; an existing file that fails
    ``PRAGMA integrity_check`` is refused with DamagedStore before anything writes to it;
    before pending migrations run on an existing file, a backup copy is written beside it;
    the daily backup (``storage.backup``) is taken at most once a day. With ``checks_later``,
    an existing, current file opens with its writes held and the check and the daily backup
    are left to ``finish_opening``.
    """
    path = Path(path)
    if path.is_dir():
        raise missing_store_error(path)
    existed = path.exists() and path.stat().st_size > 0
    if not existed and not create:
        raise missing_store_error(path)
    if not existed and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        make_private(path.parent)
    # Every process holds a shared lock while the file is open (``storage.locking``).
    process_lock = held if held is not None else (hold_shared(path) if lock else None)
    try:
        store = _open_locked(
            path, passphrase, existed=existed, is_demo=is_demo, checks_later=checks_later
        )
    except BaseException:
        if process_lock is not None and held is None:
            process_lock.close()
        raise
    store._lock = process_lock
    return store


def _open_locked(
    path: Path, passphrase: str, *, existed: bool, is_demo: bool, checks_later: bool
) -> Store:
    created = not path.exists()
    if not existed:
        _create_private(path)
    # The key begun at start (storage.early_key), taken now that this process holds the lock.
    early = early_key.take(path, passphrase) if existed else None
    try:
        conn = early if early is not None else connect_encrypted(path, passphrase)
    except BaseException:
        _forget_created(path, created)
        raise
    try:
        return _prepare(
            conn, path, passphrase, existed=existed, is_demo=is_demo, checks_later=checks_later
        )
    except BaseException as error:
        conn.close()
        _forget_created(path, created)
        if isinstance(error, sqlcipher.Error | OSError):
            known = translate(error, path)
            if known is not None:
                raise known from error
        raise


def _forget_created(path: Path, created: bool) -> None:
    """A new file that could not be made whole (a full disk) is not left behind."""
    if created:
        for leftover in (path, path.with_name(path.name + "-journal")):
            leftover.unlink(missing_ok=True)


def _prepare(
    conn: sqlcipher.Connection,
    path: Path,
    passphrase: str,
    *,
    existed: bool,
    is_demo: bool,
    checks_later: bool = False,
) -> Store:
    db = sqlite_utils.Database(conn)
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise NewerSchema(
            f"{path.name} was written by a newer version of IRO Desktop (schema {version}; this "
            f"version reads up to {SCHEMA_VERSION}). Install the newer version to open it."
        )
    if existed and checks_later and version == SCHEMA_VERSION:
        # Nothing to migrate: open for reading now, every write held until the checks pass.
        _answer_feature_probes(db)
        store = Store(db, path, is_demo=is_demo)
        store._gate = WriteGate(conn, path, passphrase)
        return store
    if existed:
        # A damaged file is never written to: checked before migrations or backups run.
        check_on_open(conn, path, passphrase)
    store = Store(db, path, is_demo=is_demo)
    if existed and version < SCHEMA_VERSION:
        # Checked, listed for restore, rotated and re-encrypted with the other backups; if it
        # cannot be taken, the file is not migrated (BackupError).
        take_backup(store, KIND_PRE_MIGRATION)
    apply_migrations(db)
    if existed and not is_demo:
        backup_on_open(store)  # at most once a day; never stops the store opening
    return store


def _answer_feature_probes(db: sqlite_utils.Database) -> None:
    """sqlite-utils finds out whether SQLite has upsert and STRICT tables by creating a table
    the first time it needs to know: a write, which a held file refuses, and then it would
    remember "no" for good. Answer from the SQLite version instead (nothing written)."""
    (text,) = db.conn.execute("SELECT sqlite_version()").fetchone()
    version = tuple(int(part) for part in text.split(".")[:3])
    db._supports_on_conflict = version >= (3, 24, 0)  # type: ignore[attr-defined]
    db._supports_strict = version >= (3, 37, 0)  # type: ignore[attr-defined]


def take_checks_due(store: Store) -> bool:
    """True, once per opening, when ``store`` was opened with its checks left for later: the
    caller then runs ``finish_opening(store)`` (on the thread that uses the store)."""
    gate = store._gate
    if gate is None or gate.checks_asked or not gate.held:
        return False
    gate.checks_asked = True
    return True


def finish_opening(store: Store) -> None:
    """The checks an opening with ``checks_later`` left: ``integrity_check``, then the daily
    backup, then writes are allowed. A damaged file raises DamagedStore (with the latest good
    backup) and its writes stay held for as long as it is open."""
    with store.turn():
        _finish_opening(store)


def _finish_opening(store: Store) -> None:
    gate = store._gate
    if gate is None or not gate.held or gate.damage is not None:
        return
    conn = store._db.conn
    try:
        check_on_open(conn, store.path, gate.passphrase)
    except DamagedStore as damage:
        gate.shut(damage)
        raise
    if not store.is_demo:
        backup_on_open(store)  # at most once a day; never stops the store opening
    gate.release()
    apply_migrations(store._db)  # none pending (the version was current); kept for safety


def _create_private(path: Path) -> None:
    """Create the new (empty) file 0600 before SQLite writes to it, so it is never readable
    by another account, whatever the umask."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    except OSError as error:
        raise (
            translate(error, path)
            or StoreError(
                f"{path.name} could not be created ({error.strerror}). Choose another folder."
            )
        ) from error
    os.close(fd)
    make_private(path)
