"""What an error from SQLite/SQLCipher or the operating system means for the IRO: the one
translation both front ends use (through ``services.session.explain``), so a busy file is
never called damaged and a full disk never "Something went wrong"."""

from __future__ import annotations

import errno
from pathlib import Path

from iro_desktop.storage.errors import (
    READ_ONLY_ERRNOS,
    StoreError,
    busy,
    disk_full,
    read_only,
    where,
)
from iro_desktop.storage.locking import describe_holders


def translate(error: BaseException, path: Path | None = None) -> StoreError | None:
    """The StoreError that says what ``error`` (from SQLite/SQLCipher or the OS) means for
    the IRO; None when it is none of the known causes."""
    if isinstance(error, StoreError):
        return error
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC or error.errno == getattr(errno, "EDQUOT", -1):
            return disk_full(path)
        if error.errno in READ_ONLY_ERRNOS:
            return read_only(path)
        if error.errno in (errno.EISDIR, errno.ENOTDIR):
            return StoreError(
                f"A folder is in the way{where(path)}: a caseload, backup or document file "
                "should be there. Choose another name or move the folder, then try again."
            )
        return None
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (5, 6):  # SQLITE_BUSY, SQLITE_LOCKED
        holders = ""
        if path is not None:
            holders = describe_holders(path)
        return busy(path, holders)
    if primary == 13:  # SQLITE_FULL
        return disk_full(path)
    if primary in (8, 3):  # SQLITE_READONLY, SQLITE_PERM
        return read_only(path)
    if primary == 14:  # SQLITE_CANTOPEN
        return StoreError(
            f"The caseload file{where(path)} could not be opened: its folder may be missing, "
            "read-only, or a folder may be where the file should be. Check the path, then "
            "try again."
        )
    return None
