"""Changing the passphrase, safe against a crash or a kill at any moment.

``PRAGMA rekey`` rewrites every page of the file in place, in one transaction. Whether a kill
half-way always rolls back cleanly depends on how SQLCipher keys the rollback journal while
two keys are in play, which we would rather not rely on. So the file is never rekeyed in
place:

1. the store is opened with the old passphrase and checked (``integrity_check``);
2. a consistent copy is taken (``BEGIN IMMEDIATE`` holds off every writer meanwhile) to
   ``NAME.rekey-partial`` beside it;
3. the copy is rekeyed with ``PRAGMA rekey``, reopened with the new passphrase and checked;
4. if the store has not changed since the copy, ``os.replace`` swaps the copy into place (one
   atomic rename), and the folder is flushed.

A kill before step 4 leaves the store as it was, under the old passphrase (and a stale
``.rekey-partial`` that the next attempt or backup removes); a kill after it, the new one.
Either way the file opens with exactly one of the two passphrases and passes its checks.

The backups are re-encrypted the same way, one file at a time, so an old passphrase that may
have been seen stops opening them too.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from iro_desktop.logs import get_logger, log_event
from iro_desktop.storage.backup import (
    backup_folder,
    copy_durably,
    file_digest,
    fsync_folder,
    list_backups,
    open_read_only,
)
from iro_desktop.storage.database import connect_encrypted
from iro_desktop.storage.errors import StoreError, WrongPassphrase
from iro_desktop.storage.integrity import DamagedStore, integrity_problems

log = get_logger(__name__)

MIN_PASSPHRASE_LENGTH = 8


class PassphraseNotChanged(StoreError):
    """The passphrase was not changed; the message says why. The file is as it was."""


@dataclass(frozen=True)
class PassphraseChange:
    backups_rekeyed: int
    backups_left: int  # backups that did not open with the old passphrase: left as they were


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def check_new_passphrase(old: str, new: str) -> None:
    if len(new) < MIN_PASSPHRASE_LENGTH:
        raise PassphraseNotChanged(
            f"Choose a passphrase of at least {MIN_PASSPHRASE_LENGTH} characters (a short "
            "sentence is best). The passphrase was not changed."
        )
    if new == old:
        raise PassphraseNotChanged(
            "The new passphrase is the same as the old one, so nothing was changed."
        )


def _rekeyed_copy(source: Path, partial: Path, old: str, new: str) -> None:
    """Rekey the copy at ``partial`` (taken from ``source``) and prove it opens with ``new``."""
    conn = connect_encrypted(partial, old)
    try:
        conn.execute(f"PRAGMA rekey = {_quote(new)}")
    finally:
        conn.close()
    check = open_read_only(partial, new)
    try:
        problems = integrity_problems(check)
    finally:
        check.close()
    if problems:
        raise PassphraseNotChanged(
            f"The re-encrypted copy of {source.name} did not pass its check, so the "
            "passphrase was not changed. Check there is room on the disk and try again."
        )
    with partial.open("rb+") as handle:
        os.fsync(handle.fileno())


def change_store_passphrase(path: Path, old: str, new: str) -> None:
    """Change the passphrase of the (closed) caseload at ``path`` from ``old`` to ``new``.

    Raises WrongPassphrase when ``old`` does not open it, DamagedStore when it fails its
    check, PassphraseNotChanged otherwise; in every case the file is as it was."""
    path = Path(path)
    check_new_passphrase(old, new)
    started = time.monotonic()
    partial = path.with_name(path.name + ".rekey-partial")
    partial.unlink(missing_ok=True)
    conn = connect_encrypted(path, old)
    try:
        problems = integrity_problems(conn)
        if problems:
            raise DamagedStore(
                f"{path.name} is damaged (it failed SQLite's integrity check), so its "
                "passphrase was not changed. Restore your latest good backup first.",
                problems=tuple(problems),
            )
        conn.execute("BEGIN IMMEDIATE")  # no other connection may write while we copy
        try:
            digest = copy_durably(path, partial)
        finally:
            conn.execute("ROLLBACK")
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise PassphraseNotChanged(
            f"A copy of {path.name} could not be written ({error.strerror or error}), so the "
            "passphrase was not changed. Check there is room on the disk."
        ) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        conn.close()
    try:
        _rekeyed_copy(path, partial, old, new)
        if file_digest(path) != digest:
            raise PassphraseNotChanged(
                f"{path.name} changed while its passphrase was being changed (is IRO Desktop "
                "open in another window?). Nothing was changed; close it and try again."
            )
        os.replace(partial, path)
        fsync_folder(path.parent)
    except (OSError, sqlcipher.Error) as error:
        raise PassphraseNotChanged(
            f"The passphrase of {path.name} could not be changed ({type(error).__name__}). "
            "Nothing was changed; check there is room on the disk and try again."
        ) from error
    finally:
        partial.unlink(missing_ok=True)
    log_event(log, "passphrase.changed", seconds=time.monotonic() - started)


def rekey_backups(store_path: Path, old: str, new: str) -> PassphraseChange:
    """Re-encrypt each backup that opens with ``old`` under ``new``, one atomic swap each."""
    rekeyed = left = 0
    for backup in list_backups(store_path):
        partial = backup.path.with_name(backup.path.name + ".partial")
        try:
            try:
                open_read_only(backup.path, old).close()
            except sqlcipher.Error:
                left += 1
                continue
            copy_durably(backup.path, partial)
            _rekeyed_copy(backup.path, partial, old, new)
            os.replace(partial, backup.path)
            rekeyed += 1
        except (OSError, sqlcipher.Error, StoreError) as error:
            log_event(log, "passphrase.backup_left", 30, error=type(error).__name__)
            left += 1
        finally:
            partial.unlink(missing_ok=True)
    if rekeyed:
        fsync_folder(backup_folder(store_path))
    log_event(log, "passphrase.backups", rekeyed=rekeyed, left=left)
    return PassphraseChange(rekeyed, left)


__all__ = [
    "PassphraseChange",
    "PassphraseNotChanged",
    "WrongPassphrase",
    "change_store_passphrase",
    "check_new_passphrase",
    "rekey_backups",
]
