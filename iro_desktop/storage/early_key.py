"""The caseload's key, derived first thing at start while the rest of the app loads.

Deriving a key from a passphrase (PBKDF2, 256,000 rounds) takes 0.10 s of a core. SQLCipher
does it without the interpreter lock, so the desktop app starts it on a thread of its own
before it imports anything but SQLCipher's driver (this module imports nothing else of the
app's), and the import of Qt, the window and the services overlaps it. ``storage.opening``
then takes the keyed connection instead of making one, when it is for the same file and the
same passphrase and the file is still the one that was keyed (not swapped by a restore in the
meantime): the lock on the file is taken first, then the file's identity compared.

Anything unexpected (a wrong passphrase, a busy or missing file) is left to the usual way
of opening, which says what it means: the early connection is simply not used.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

# The demo file is encrypted like any other; its passphrase is public so it opens unasked.
# Being public, it protects nothing: the demo is keyed with a raw key made from it (SQLCipher's
# x'...' form, used as it is: no key derivation), so it opens at once. A demo written before
# the raw key is still opened with the passphrase itself (storage.database).
DEMO_PASSPHRASE = "iro-desktop-demo-caseload"
DEMO_RAW_KEY = "x'" + hashlib.sha256(DEMO_PASSPHRASE.encode()).hexdigest() + "'"

BUSY_TIMEOUT_SECONDS = 5.0  # as storage.database
# What storage.database.connect_encrypted sets on every connection it keys.
KEYED_PRAGMAS = ("PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL")

_lock = threading.Lock()
_started: dict[tuple[str, str], _EarlyKey] = {}


def _identity(path: Path) -> tuple[int, int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino, found.st_size)


def sql_text(passphrase: str) -> str:
    """``passphrase`` as an SQL string literal (as storage.database.quote_passphrase)."""
    return "'" + passphrase.replace("'", "''") + "'"


class _EarlyKey:
    def __init__(self, path: Path, passphrase: str) -> None:
        self.path = path
        self._passphrase = passphrase
        self.identity = _identity(path)
        self.conn: sqlcipher.Connection | None = None
        self._thread = threading.Thread(target=self._run, name="iro-desktop-key", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        conn = None
        try:
            if self.identity is None or self.identity[2] == 0:
                return
            conn = sqlcipher.connect(
                str(self.path),
                isolation_level=None,
                check_same_thread=False,
                timeout=BUSY_TIMEOUT_SECONDS,
            )
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {sql_text(self._passphrase)}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # derives the key
            for pragma in KEYED_PRAGMAS:
                conn.execute(pragma)
            self.conn, conn = conn, None
        except sqlcipher.Error:
            pass  # the usual way of opening will meet it again and say what it means
        finally:
            self._passphrase = ""
            if conn is not None:
                conn.close()

    def wait(self) -> sqlcipher.Connection | None:
        self._thread.join()
        return self.conn


def _key_for(passphrase: str) -> str:
    return DEMO_RAW_KEY if passphrase == DEMO_PASSPHRASE else passphrase


def begin(path: Path, passphrase: str) -> None:
    """Start deriving the key of ``path`` with ``passphrase`` on a thread, and return."""
    key = (str(Path(path).absolute()), _key_for(passphrase))
    with _lock:
        if key not in _started:
            _started[key] = _EarlyKey(Path(key[0]), key[1])


def take(path: Path, passphrase: str) -> sqlcipher.Connection | None:
    """The connection keyed early for ``path`` and ``passphrase`` (waiting for it), when
    there is one and the file is still the file it keyed; else None. Taken once."""
    key = (str(Path(path).absolute()), _key_for(passphrase))
    with _lock:
        early = _started.pop(key, None)
    if early is None:
        return None
    conn = early.wait()
    if conn is not None and _identity(early.path) != early.identity:
        conn.close()  # the file was replaced meanwhile: key the new one the usual way
        return None
    return conn


def forget_all() -> None:
    """Close every connection keyed early and not taken (the app opened something else)."""
    with _lock:
        waiting = list(_started.values())
        _started.clear()
    for early in waiting:
        conn = early.wait()
        if conn is not None:
            conn.close()
