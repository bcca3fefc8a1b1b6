"""The one way the app writes a file: into a hidden partial file beside the target, flushed to
disk, made private to the user (0600), then moved over the target in one step.

A crash or a kill leaves either the old file or the new one, never half of one; the partial
file it may leave is hidden (``.NAME.partial``) and removed on the next write to that folder
and at the next start. The partial file is created 0600 before anything is written to it, and
its writer holds a lock on it (POSIX), so a cleaner in another process never removes a partial
file that is still being written.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PARTIAL_SUFFIX = ".partial"
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
_COPY_CHUNK = 1 << 20
# Where partial files cannot be locked (Windows), a cleaner leaves the young ones alone.
_UNLOCKABLE_PARTIAL_AGE = 600

if sys.platform != "win32":
    import fcntl

    def _hold(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _is_held(path: Path) -> bool:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        finally:
            os.close(fd)
        return False

else:  # pragma: no cover - Windows

    def _hold(fd: int) -> None:
        return None

    def _is_held(path: Path) -> bool:
        try:
            return time.time() - path.stat().st_mtime < _UNLOCKABLE_PARTIAL_AGE
        except OSError:
            return True


def partial_path(target: Path) -> Path:
    """Where a file is written before it replaces ``target``."""
    return target.with_name(f".{target.name}{PARTIAL_SUFFIX}")


def make_private(path: Path) -> None:
    """0600 for a file (0700 for a folder); a file system without modes is left as it is."""
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE_FOLDER if path.is_dir() else PRIVATE_FILE)


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        handle.flush()
        os.fsync(handle.fileno())


@contextmanager
def writing(target: Path) -> Iterator[Path]:
    """Yield the partial path to write; on success it is flushed, made private and moved over
    ``target``; on any error it is removed and ``target`` is untouched.

        with writing(out) as partial:
            document.save(str(partial))
    """
    target = Path(target)
    partial = partial_path(target)
    partial.unlink(missing_ok=True)
    remove_leftover_partials(target.parent)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        _hold(fd)  # released when fd closes: after the rename, or when the process dies
        yield partial
        make_private(partial)
        _fsync(partial)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)


def write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` safely (see ``writing``)."""
    with writing(target) as partial:
        partial.write_bytes(data)


def write_text(target: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``target`` safely (see ``writing``)."""
    write_bytes(target, text.encode(encoding))


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
    """Copy ``source`` to ``target`` (private, flushed to disk) in a stream; returns the
    SHA-256 of what was copied. Large files (a caseload, a backup) are copied this way
    rather than through ``write_bytes``."""
    digest = hashlib.sha256()
    with source.open("rb") as src, target.open("wb") as dst:
        while chunk := src.read(_COPY_CHUNK):
            digest.update(chunk)
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    make_private(target)
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    """The SHA-256 of the file at ``path``."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_COPY_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def remove_leftover_partials(folder: Path) -> list[Path]:
    """Delete hidden partial files a killed write left in ``folder`` (``.NAME.partial``, a
    document's ``.NAME.docx.partial``); a partial file another writer still holds is left
    alone. Returns what went."""
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for leftover in Path(folder).glob(f".*{PARTIAL_SUFFIX}"):
            if not leftover.is_file() or _is_held(leftover):
                continue
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed.append(leftover)
    return removed
