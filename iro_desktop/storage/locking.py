"""Which processes have a caseload open: an OS lock on a lock file beside it (portalocker).

Every process that has the file open holds a *shared* lock on ``.NAME.lock``; what swaps or
rewrites the whole file (restore, passphrase change, purge) needs it *exclusively* and is
refused while anyone else holds it. The OS drops a killed process's lock, so a stale lock
never blocks anyone. Each holder also leaves a small private note (``.NAME.held-PID-N``:
its kind, process id and since when; nothing about a child) so a refusal can say what holds
the file: "open in IRO Desktop since 10:42", "an import is running".
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import portalocker

from iro_desktop.storage.errors import StoreLocked
from iro_desktop.storage.files import PRIVATE_FILE

KIND_APP = "app"
KIND_COMMAND = "command"
KIND_IMPORT = "import"
KIND_RESTORE = "restore"
KIND_PASSPHRASE = "passphrase"
KIND_PURGE = "purge"
KIND_DEMO = "demo"
_WHAT = {
    KIND_APP: "open in IRO Desktop since {since}",
    KIND_COMMAND: "in use by an iro-desktop command since {since}",
    KIND_IMPORT: "an import is running (since {since})",
    KIND_RESTORE: "a backup is being restored (since {since})",
    KIND_PASSPHRASE: "its passphrase is being changed (since {since})",
    KIND_PURGE: "a purge is running (since {since})",
    KIND_DEMO: "the demo is being written (since {since})",
}
WAIT_SECONDS = 3.0  # how long a writer waits for the others before it says the file is in use
_POLL = 0.1
_serial = itertools.count(1)
_process_kind = KIND_COMMAND


def set_process_kind(kind: str) -> None:
    """What this process is, for the notes it leaves (the GUI: app; an import: import)."""
    global _process_kind
    _process_kind = kind if kind in _WHAT else KIND_COMMAND


def lock_path(store_path: Path) -> Path:
    store_path = Path(store_path)
    return store_path.with_name(f".{store_path.name}.lock")


def _note_prefix(store_path: Path) -> str:
    return f".{Path(store_path).name}.held-"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # no cheap check: the notes are cleared when nobody holds it
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def holders(store_path: Path) -> list[dict]:
    """The notes of the processes that hold the file (live ones only), oldest first."""
    store_path = Path(store_path)
    found = []
    for note in store_path.parent.glob(_note_prefix(store_path) + "*"):
        try:
            data = json.loads(note.read_text(encoding="utf-8"))
            pid = int(data["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if _alive(pid):
            found.append(data)
    return sorted(found, key=lambda d: str(d.get("since", "")))


def describe_holders(store_path: Path, *, other_than: int | None = None) -> str:
    """ "open in IRO Desktop since 10:42; an import is running (since 10:50)", or a plain
    phrase when nothing left a note."""
    phrases = []
    for data in holders(store_path):
        if other_than is not None and data.get("pid") == other_than:
            continue
        try:
            since = datetime.fromisoformat(str(data["since"])).astimezone().strftime("%H:%M")
        except (KeyError, ValueError):
            since = "earlier"
        phrase = _WHAT.get(str(data.get("kind")), _WHAT[KIND_COMMAND]).format(since=since)
        if phrase not in phrases:
            phrases.append(phrase)
    return "; ".join(phrases) or "open in another IRO Desktop window or command"


def _clear_notes(store_path: Path) -> None:
    for note in Path(store_path).parent.glob(_note_prefix(store_path) + "*"):
        with contextlib.suppress(OSError):
            note.unlink()


class CaseloadLock:
    """This process's hold on one caseload file: shared while it is open, exclusive while
    it is swapped or rewritten. ``release`` (or the OS, if the process dies) lets go."""

    def __init__(self, store_path: Path, kind: str | None = None) -> None:
        self.store_path = Path(store_path)
        self.kind = kind or _process_kind
        self.mode: str | None = None
        self._handle = None
        self._note: Path | None = None

    # -- taking and letting go ------------------------------------------------------------
    def _open(self) -> bool:
        """Open the lock file (False: it cannot be, in a read-only folder: nothing can swap
        the file there either, so a read goes ahead and a write fails with its own error)."""
        if self._handle is None:
            path = lock_path(self.store_path)
            try:
                if not path.parent.exists():  # a restore to a new computer makes the folder
                    path.parent.mkdir(parents=True, exist_ok=True)
                    with contextlib.suppress(OSError):
                        os.chmod(path.parent, 0o700)
                fd = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
            except OSError:
                try:
                    fd = os.open(path, os.O_RDONLY)
                except OSError:
                    return False
            self._handle = os.fdopen(fd, "rb")
        return True

    def _try(self, flags: portalocker.LockFlags, wait: float) -> bool:
        if not self._open():
            return True
        deadline = time.monotonic() + max(wait, 0)
        while True:
            try:
                portalocker.lock(self._handle, flags | portalocker.LockFlags.NON_BLOCKING)
                return True
            except portalocker.AlreadyLocked:
                if time.monotonic() >= deadline:
                    return False
                time.sleep(_POLL)

    def _refused(self, doing: str) -> StoreLocked:
        what = describe_holders(self.store_path, other_than=os.getpid())
        return StoreLocked(
            f"{self.store_path.name} is {what}, so {doing}. Close it there (or wait for it "
            "to finish), then try again. Nothing was changed.",
            holders=what,
        )

    def acquire_shared(self, wait: float = WAIT_SECONDS) -> CaseloadLock:
        # Alone? Then any notes left are from a process that was killed: clear them.
        if self._try(portalocker.LockFlags.EXCLUSIVE, 0):
            _clear_notes(self.store_path)
            self._unlock()
        if not self._try(portalocker.LockFlags.SHARED, wait):
            self.close()
            raise self._refused("it cannot be opened just now")
        self.mode = "shared"
        self._write_note(self.kind)
        return self

    def acquire_exclusive(self, kind: str, doing: str, wait: float = WAIT_SECONDS) -> CaseloadLock:
        was = self.mode
        if was is not None:
            self._unlock()  # Windows cannot turn a shared lock into an exclusive one
        if not self._try(portalocker.LockFlags.EXCLUSIVE, wait):
            if was == "shared" and self._try(portalocker.LockFlags.SHARED, 60):
                self.mode = "shared"
            else:
                self.close()
            raise self._refused(doing)
        self.mode = "exclusive"
        self._write_note(kind)
        return self

    def downgrade(self) -> None:
        """From exclusive back to shared (the store is open again after the swap)."""
        if self.mode == "exclusive":
            self._unlock()
            self._try(portalocker.LockFlags.SHARED, 60)
            self.mode = "shared"
            self._write_note(self.kind)

    def _unlock(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(portalocker.LockException, OSError):
                portalocker.unlock(self._handle)
        self.mode = None

    def _write_note(self, kind: str) -> None:
        if self._note is None:
            self._note = self.store_path.with_name(
                f"{_note_prefix(self.store_path)}{os.getpid()}-{next(_serial)}"
            )
        data = {"kind": kind, "pid": os.getpid(), "since": datetime.now().astimezone().isoformat()}
        with contextlib.suppress(OSError):
            fd = os.open(self._note, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out)

    def close(self) -> None:
        """Let go of the lock and remove this holder's note."""
        if self._note is not None:
            with contextlib.suppress(OSError):
                self._note.unlink()
            self._note = None
        self._unlock()
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None

    release = close


def hold_shared(store_path: Path, kind: str | None = None) -> CaseloadLock:
    """Take the shared lock a process holds while it has the file open (StoreLocked, naming
    who, when something holds it exclusively for longer than a brief wait)."""
    return CaseloadLock(store_path, kind).acquire_shared()


@contextlib.contextmanager
def exclusively(
    store_path: Path, kind: str, doing: str, held: CaseloadLock | None = None
) -> Iterator[CaseloadLock]:
    """Hold the file exclusively for the block: ``held`` (this process's own shared lock,
    when the store is open here) is turned exclusive and back; else a new lock is taken
    and let go. StoreLocked, naming who holds it, when another process does."""
    if held is not None and held.mode is not None:
        if held.mode == "exclusive":
            yield held
            return
        held.acquire_exclusive(kind, doing)
        try:
            yield held
        finally:
            held.downgrade()
        return
    lock = CaseloadLock(store_path, kind).acquire_exclusive(kind, doing)
    try:
        _clear_notes_but(lock)
        yield lock
    finally:
        lock.close()


def _clear_notes_but(lock: CaseloadLock) -> None:
    """Holding it exclusively, every other note is stale (its holder was killed)."""
    for note in lock.store_path.parent.glob(_note_prefix(lock.store_path) + "*"):
        if note != lock._note:
            with contextlib.suppress(OSError):
                note.unlink()
