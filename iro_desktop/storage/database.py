"""Open, create and key the IRO's encrypted caseload file (SQLCipher 4).

SQLCipher derives the page key from the passphrase with PBKDF2-HMAC-SHA512 (256,000
iterations, per-file random salt) and encrypts every page with AES-256 in CBC mode with an
HMAC-SHA512 per page. A wrong key is only noticed at the first read, so we read straight after
keying, and we silence SQLCipher's own log lines so that stderr shows our message alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import sqlite_utils
from sqlcipher3 import dbapi2 as sqlcipher

import iro_desktop.storage  # noqa: F401  (aliases SQLCipher before sqlite_utils loads)
from iro_desktop.storage.errors import NewerSchema, NotACaseloadFile, StoreNotFound, WrongPassphrase

# The demo file is encrypted like any other; its passphrase is public so it opens unasked.
DEMO_PASSPHRASE = "iro-desktop-demo-caseload"

SQLCIPHER_ERRORS = (sqlcipher.Error,)

T = TypeVar("T")


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def connect_encrypted(path: Path, passphrase: str) -> sqlcipher.Connection:
    """Open ``path`` with ``passphrase`` and prove the key by reading the schema.

    Raises WrongPassphrase or NotACaseloadFile without writing to the file.
    """
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as error:
        conn.close()
        if _looks_like_plain_sqlite(path):
            raise NotACaseloadFile(
                f"{path.name} is an unencrypted SQLite file, not an IRO Desktop caseload. "
                "Choose the .iro.db file IRO Desktop created."
            ) from error
        raise WrongPassphrase(
            f"That passphrase does not open {path.name}. Check Caps Lock and try again; "
            "nothing in the file has been changed."
        ) from error
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _looks_like_plain_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


@dataclass
class Store:
    """An open caseload: the sqlite-utils Database plus what we know about the file."""

    db: sqlite_utils.Database
    path: Path
    is_demo: bool = False
    # Results worked out from the file's contents, dropped whenever the contents change.
    _cache: dict = field(default_factory=dict, repr=False)

    def change_marker(self) -> tuple[int, int]:
        """Changes whenever anything is written: by this connection (total_changes) or by
        another one (data_version)."""
        version = self.db.conn.execute("PRAGMA data_version").fetchone()[0]
        return (self.db.conn.total_changes, version)

    def cached(self, key: object, compute: Callable[[], T]) -> T:
        """``compute()`` once per ``key`` until the file next changes."""
        marker = self.change_marker()
        if self._cache.get("__marker__") != marker:
            self._cache = {"__marker__": marker}
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction (a savepoint when nested): all of it is written or none of it."""
        with self.db.atomic():
            yield

    def close(self) -> None:
        self.db.conn.close()


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
    from iro_desktop.storage.migrations import SCHEMA_VERSION, apply_migrations, schema_version

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
        from iro_desktop.storage.integrity import DamagedStore, check_on_open

        try:
            check_on_open(conn, path, passphrase)
        except DamagedStore:
            conn.close()
            raise
    store = Store(db=db, path=path, is_demo=is_demo)
    if existed and version < SCHEMA_VERSION:
        # Checked, listed for restore, rotated and re-encrypted with the other backups; if it
        # cannot be taken, the file is not migrated (BackupError).
        from iro_desktop.storage.backup import KIND_PRE_MIGRATION, take_backup

        take_backup(store, KIND_PRE_MIGRATION)
    apply_migrations(db)
    if existed and not is_demo:
        from iro_desktop.storage.backup import backup_on_open

        backup_on_open(store)  # at most once a day; never stops the store opening
    return store
