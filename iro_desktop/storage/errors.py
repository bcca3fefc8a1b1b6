"""Errors the store raises, each with a message that tells the IRO what to do, and the
translation of the driver's and the operating system's errors into them.

Each cause is its own error: busy (another process is writing right now), locked (another
process has the file open and this needs it alone), read-only, disk full, wrong passphrase,
damaged (only a failed integrity check on a file that could be read). Never one for another.
"""

from __future__ import annotations

import errno
from pathlib import Path

from iro_desktop.errors import UserError


class StoreError(UserError):
    """A problem opening or using the caseload file. ``str(error)`` is for the user."""


class StoreNotFound(StoreError):
    pass


class WrongPassphrase(StoreError):
    pass


class OldPassphrase(WrongPassphrase):
    """The passphrase the file had before it was changed (a backup still opens with it)."""


class NotACaseloadFile(StoreError):
    pass


class NewerSchema(StoreError):
    pass


class StoreBusy(StoreError):
    """Another process was writing to the file for longer than the wait; nothing changed."""


class StoreLocked(StoreError):
    """Another process has the file open, and this needs it alone (restore, passphrase,
    purge). ``holders`` says who, as the message does."""

    def __init__(self, message: str, *, holders: str = "") -> None:
        super().__init__(message)
        self.holders = holders


class StoreReadOnly(StoreError):
    pass


class DiskFull(StoreError):
    pass


READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def where(path: Path | None) -> str:
    return f" ({Path(path).parent})" if path is not None else ""


def disk_full(path: Path | None = None) -> DiskFull:
    return DiskFull(
        f"The disk is full{where(path)}, so nothing was written and your caseload is as it "
        "was. Free some space (empty the recycle bin, move old files away), then try again."
    )


def read_only(path: Path | None = None) -> StoreReadOnly:
    return StoreReadOnly(
        f"IRO Desktop may not write to the folder{where(path)} (it is read-only or not "
        "yours), so nothing was changed. Ask IT to let you write there, or use a copy of the "
        "caseload in a folder you can write to."
    )


def busy(path: Path | None = None, holders: str = "") -> StoreBusy:
    name = Path(path).name if path is not None else "The caseload"
    who = f" ({holders})" if holders else ""
    return StoreBusy(
        f"{name} is busy: another IRO Desktop window or command is writing to it{who}. "
        "Nothing was changed. Wait for it to finish, then try again."
    )
