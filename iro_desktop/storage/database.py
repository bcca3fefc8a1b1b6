"""Key the IRO's encrypted caseload file (SQLCipher 4) and hold it open as a ``Store``.

Opening a file for use (integrity check, migrations, backups) is ``storage.opening``.

SQLCipher derives the page key from the passphrase with PBKDF2-HMAC-SHA512 (256,000
iterations, per-file random salt) and encrypts every page with AES-256 in CBC mode with an
HMAC-SHA512 per page. A wrong key is only noticed at the first read, so we read straight after
keying, and we silence SQLCipher's own log lines so that stderr shows our message alone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import sqlite_utils
from sqlcipher3 import dbapi2 as sqlcipher

import iro_desktop.storage  # noqa: F401  (aliases SQLCipher before sqlite_utils loads)
from iro_desktop.storage import early_key
from iro_desktop.storage.errors import NotACaseloadFile, WrongPassphrase
from iro_desktop.storage.locking import CaseloadLock
from iro_desktop.storage.problems import translate

if TYPE_CHECKING:
    from iro_desktop.storage.write_gate import WriteGate

# The demo's public passphrase, which stands for its raw key (``storage.early_key``).
DEMO_PASSPHRASE = early_key.DEMO_PASSPHRASE

SQLCIPHER_ERRORS = (sqlcipher.Error,)
# How long a connection waits for another process's write before it says the file is busy.
BUSY_TIMEOUT_SECONDS = 5.0
_NOT_A_DATABASE = 26  # SQLITE_NOTADB: what a wrong key looks like (and nothing else does)

T = TypeVar("T")


def quote_passphrase(passphrase: str) -> str:
    """``passphrase`` as an SQL string literal (PRAGMA key and rekey take no parameters)."""
    return "'" + passphrase.replace("'", "''") + "'"


def unlock(conn: sqlcipher.Connection, passphrase: str) -> None:
    """Key ``conn`` and prove the key by reading the schema (sqlcipher errors as they come),
    with SQLCipher's own log lines silenced."""
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {quote_passphrase(passphrase)}")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def connect_encrypted(path: Path, passphrase: str) -> sqlcipher.Connection:
    """Open ``path`` with ``passphrase`` and prove the key by reading the schema.

    Raises WrongPassphrase or NotACaseloadFile without writing to the file; a busy,
    read-only or full file raises its own error (``storage.problems``), never those.
    The demo's passphrase opens with the demo's raw key (a new demo is keyed with it), else,
    for a demo written before the raw key, with the passphrase itself.
    """
    if passphrase == DEMO_PASSPHRASE:
        try:
            return _connect_encrypted(path, early_key.DEMO_RAW_KEY)
        except WrongPassphrase:
            pass
    return _connect_encrypted(path, passphrase)


def _connect_encrypted(path: Path, passphrase: str) -> sqlcipher.Connection:
    path = Path(path)
    try:
        conn = sqlcipher.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_SECONDS
        )
    except sqlcipher.Error as error:
        raise (translate(error, path) or error) from error
    try:
        unlock(conn, passphrase)
    except sqlcipher.DatabaseError as error:
        conn.close()
        known = translate(error, path)
        if known is not None and getattr(error, "sqlite_errorcode", 0) & 0xFF != _NOT_A_DATABASE:
            raise known from error  # busy, read-only, full: never "wrong passphrase"
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
    """An open caseload: the sqlite-utils Database plus what we know about the file.

    The database is private: only ``storage`` modules touch it, through named functions
    (records, history, queries, drafts, ...), so no other package writes SQL."""

    _db: sqlite_utils.Database
    path: Path
    is_demo: bool = False
    # Results worked out from the file's contents, dropped whenever the contents change.
    _cache: dict = field(default_factory=dict, repr=False)
    # This process's shared lock on the file while it is open (``storage.locking``).
    _lock: CaseloadLock | None = field(default=None, repr=False)
    # Every write held until the file's checks pass (``storage.write_gate``); None: not held.
    _gate: WriteGate | None = field(default=None, repr=False)
    # One thread in a transaction at a time: the desktop app uses the store on its worker
    # thread, but a second thread (a test, a tool) must wait rather than nest a savepoint in
    # another thread's transaction, which that thread's commit would then destroy.
    _turn: threading.RLock = field(default_factory=threading.RLock, repr=False)

    @property
    def writes_held(self) -> bool:
        """True while the file's checks (after opening) have not passed: nothing is written."""
        return self._gate is not None and self._gate.held

    def change_marker(self) -> tuple[int, int]:
        """Changes whenever anything is written: by this connection (total_changes) or by
        another one (data_version)."""
        version = self._db.conn.execute("PRAGMA data_version").fetchone()[0]
        return (self._db.conn.total_changes, version)

    def cached(self, key: object, compute: Callable[[], T]) -> T:
        """``compute()`` once per ``key`` until the file next changes."""
        marker = self.change_marker()
        if self._cache.get("__marker__") != marker:
            self._cache = {"__marker__": marker}
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def note_derived_write(self, before: tuple[int, int], after: tuple[int, int]) -> None:
        """This connection wrote only results derived from the file (kept results) between
        the markers ``before`` and ``after``: answers cached as of ``before`` still hold."""
        if self._cache.get("__marker__") == before:
            self._cache["__marker__"] = after

    def cached_only(self, key: object) -> object | None:
        """What :meth:`cached` holds for ``key`` while the file is unchanged, else None."""
        if self._cache.get("__marker__") != self.change_marker():
            return None
        return self._cache.get(key)

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction (a savepoint when nested): all of it is written or none of it."""
        with self._turn, self._db.atomic():
            yield

    @contextmanager
    def turn(self) -> Iterator[None]:
        """Hold the store for this thread (as :meth:`atomic` does) for work that is not one
        transaction: the checks after opening."""
        with self._turn:
            yield

    @property
    def process_lock(self) -> CaseloadLock | None:
        """This process's hold on the file (kept across a swap: restore, passphrase)."""
        return self._lock

    def close(self) -> None:
        self.close_connection()
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def close_connection(self) -> None:
        """Close the connection but keep this process's lock (to swap the file and reopen)."""
        self._db.conn.close()


def open_read_only(path: Path, passphrase: str) -> sqlcipher.Connection:
    """Open ``path`` read-only with ``passphrase``; raises sqlcipher errors as they come.
    (The demo's passphrase: its raw key first, as ``connect_encrypted``.)"""
    if passphrase == DEMO_PASSPHRASE:
        try:
            return _open_read_only(path, early_key.DEMO_RAW_KEY)
        except sqlcipher.DatabaseError:
            pass
    return _open_read_only(path, passphrase)


def _open_read_only(path: Path, passphrase: str) -> sqlcipher.Connection:
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    conn = sqlcipher.connect(
        uri, uri=True, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_SECONDS
    )
    try:
        unlock(conn, passphrase)
    except BaseException:
        conn.close()
        raise
    return conn
