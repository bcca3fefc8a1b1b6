"""Writes held: an open caseload that may not be written to until its checks have passed.

The desktop app reads the due list before it checks the file and checks it while the list is
painted (``PRAGMA integrity_check`` and the daily backup take a fifth of a second on a
service-sized file, off the way to the first paint), so until the checks pass
the connection refuses every write: ``PRAGMA query_only`` makes SQLite itself refuse any
INSERT, UPDATE, DELETE or schema change on that connection, whichever code path asks (the
history writer, the bulk writers, the kept results, SQL typed at the file), at no cost to
reads. A write tried meanwhile fails with SQLITE_READONLY, which ``refusal`` turns into a
sentence that says why and what to do. Results worked out for the due list are simply not
kept while writes are held (``storage.kept_results`` keeps nothing on a read-only file).

When the checks pass the gate opens; when they find the file damaged it stays shut for as
long as the file is open, so a damaged file is never written.
"""

from __future__ import annotations

import threading
import weakref
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from iro_desktop.storage.errors import StoreError, StoreReadOnly

_SQLITE_READONLY = 8

# The gates now holding writes (one per open caseload; weak: a closed store drops its own).
_holding: weakref.WeakSet[WriteGate] = weakref.WeakSet()


class WritesHeld(StoreError):
    """A write was refused because the file's checks have not passed (yet, or at all)."""


class WriteGate:
    """Holds every write on ``conn`` from creation until ``release``; ``shut`` keeps it held
    for good (the file is damaged)."""

    def __init__(self, conn: sqlcipher.Connection, path: Path, passphrase: str) -> None:
        self._conn = conn
        self.path = Path(path)
        # Kept only until the checks are done: a damaged file's message names the latest
        # backup this passphrase opens.
        self.passphrase: str = passphrase
        self._lock = threading.Lock()
        self.damage: StoreError | None = None  # why it is shut, when it is
        self.checks_asked = False  # finish_opening has been asked for (once per opening)
        conn.execute("PRAGMA query_only = ON")
        self._held = True
        _holding.add(self)

    @property
    def held(self) -> bool:
        return self._held

    def release(self) -> None:
        """The checks passed: writes are allowed from now on."""
        with self._lock:
            if self.damage is not None or not self._held:
                return
            self._conn.execute("PRAGMA query_only = OFF")
            self._held = False
            self.passphrase = ""
            _holding.discard(self)

    def shut(self, damage: StoreError) -> None:
        """The checks failed: nothing is ever written through this connection."""
        with self._lock:
            self.damage = damage
            self._held = True
            self.passphrase = ""
            _holding.add(self)

    def refusal(self) -> WritesHeld:
        name = self.path.name
        if self.damage is not None:
            return WritesHeld(
                f"Nothing was saved: {name} failed its check when it was opened, so IRO "
                f"Desktop will not write to it. {_advice(self.damage)}"
            )
        return WritesHeld(
            f"Nothing was saved yet: IRO Desktop is still checking {name} (it checks the file "
            "and backs it up each time it is opened, before anything is written). Try again "
            "in a moment; what you typed is still there."
        )


def _advice(damage: StoreError) -> str:
    """The damaged-file message's advice (what to restore, or whom to ask)."""
    text = str(damage)
    marker = "write to it. "
    return text.split(marker, 1)[1] if marker in text else text


def refusal(error: BaseException) -> WritesHeld | None:
    """``error`` as the sentence of the gate that refused it, when it is a refused write and
    a caseload's writes are held; else None."""
    if isinstance(error, WritesHeld):
        return error
    code = getattr(error, "sqlite_errorcode", None)
    refused = isinstance(error, StoreReadOnly) or (
        code is not None and code & 0xFF == _SQLITE_READONLY
    )
    if not refused:
        return None
    for gate in list(_holding):
        return gate.refusal()
    return None
