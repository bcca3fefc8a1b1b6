"""Opening a caseload file for use: key it, refuse what must not be written to, bring its
schema up to date, and take the backups that opening owes.

The order matters: a file from a newer version is refused; an existing file that fails
``PRAGMA integrity_check`` is refused with DamagedStore before anything writes to it; a
backup is taken before pending migrations run; the daily backup at most once a day.
"""

from __future__ import annotations

import time
from pathlib import Path

import sqlite_utils
from sqlcipher3 import dbapi2 as sqlcipher

from iro_desktop.logs import get_logger, log_event
from iro_desktop.storage.backup.check import latest_good_backup
from iro_desktop.storage.backup.names import KIND_PRE_MIGRATION
from iro_desktop.storage.backup.take import backup_on_open, take_backup
from iro_desktop.storage.database import Store, connect_encrypted
from iro_desktop.storage.errors import NewerSchema, StoreNotFound
from iro_desktop.storage.integrity import DamagedStore, integrity_problems
from iro_desktop.storage.migrations import SCHEMA_VERSION, apply_migrations, schema_version

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


def open_store(
    path: Path,
    passphrase: str,
    *,
    create: bool = False,
    is_demo: bool = False,
) -> Store:
    """Open (or, with ``create``, make) the caseload at ``path`` and bring its schema up to date.

    A file from a newer version of IRO Desktop is refused; an existing file that fails
    ``PRAGMA integrity_check`` is refused with DamagedStore before anything writes to it;
    before pending migrations run on an existing file, a backup copy is written beside it;
    the daily backup (``storage.backup``) is taken at most once a day.
    """
    path = Path(path)
    existed = path.exists() and path.stat().st_size > 0
    if not existed and not create:
        raise StoreNotFound(
            f"There is no caseload file at {path}. Create one with `iro-desktop init`, "
            "or use --demo to open the demo caseload."
        )
    if not existed:
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = connect_encrypted(path, passphrase)
    db = sqlite_utils.Database(conn)
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        conn.close()
        raise NewerSchema(
            f"{path.name} was written by a newer version of IRO Desktop (schema {version}; this "
            f"version reads up to {SCHEMA_VERSION}). Install the newer version to open it."
        )
    if existed:
        # A damaged file is never written to: checked before migrations or backups run.
        try:
            check_on_open(conn, path, passphrase)
        except DamagedStore:
            conn.close()
            raise
    store = Store(db, path, is_demo=is_demo)
    if existed and version < SCHEMA_VERSION:
        # Checked, listed for restore, rotated and re-encrypted with the other backups; if it
        # cannot be taken, the file is not migrated (BackupError).
        take_backup(store, KIND_PRE_MIGRATION)
    apply_migrations(db)
    if existed and not is_demo:
        backup_on_open(store)  # at most once a day; never stops the store opening
    return store
