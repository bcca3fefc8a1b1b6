"""Changing the passphrase, safe against a crash or a kill at any moment.

``PRAGMA rekey`` rewrites every page of the file in place, in one transaction. Whether a kill
half-way always rolls back cleanly depends on how SQLCipher keys the rollback journal while
two keys are in play, which we would rather not rely on. So the file is never rekeyed in
place:

1. the store is opened with the old passphrase and checked (``integrity_check``);
2. a consistent copy is taken (``BEGIN IMMEDIATE`` holds off every writer meanwhile) to a
   hidden partial file beside it (``storage.files.writing``);
3. the copy is rekeyed with ``PRAGMA rekey``, reopened with the new passphrase and checked;
4. if the store has not changed since the copy, ``os.replace`` swaps the copy into place (one
   atomic rename), and the folder is flushed.

A kill before step 4 leaves the store as it was, under the old passphrase (and a stale
partial file that the next attempt or backup removes); a kill after it, the new one.
Either way the file opens with exactly one of the two passphrases and passes its checks.

The backups are re-encrypted the same way, one file at a time, so an old passphrase that may
have been seen stops opening them too.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from iro_desktop.logs import get_logger, log_event
from iro_desktop.storage.backup.names import backup_folder, list_backups
from iro_desktop.storage.database import connect_encrypted, open_read_only, quote_passphrase
from iro_desktop.storage.errors import StoreError, WrongPassphrase
from iro_desktop.storage.files import (
    copy_durably,
    file_digest,
    fsync_folder,
    write_text,
    writing,
)
from iro_desktop.storage.integrity import DamagedStore, integrity_problems
from iro_desktop.storage.locking import KIND_PASSPHRASE, CaseloadLock, exclusively
from iro_desktop.storage.problems import translate

log = get_logger(__name__)

MIN_PASSPHRASE_LENGTH = 8


class PassphraseNotChanged(StoreError):
    """The passphrase was not changed; the message says why. The file is as it was."""


@dataclass(frozen=True)
class PassphraseChange:
    backups_rekeyed: int
    backups_left: int  # backups that did not open with the old passphrase: left as they were


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
        conn.execute(f"PRAGMA rekey = {quote_passphrase(new)}")
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


def _consistent_copy(path: Path, partial: Path, old: str) -> str:
    """Check the store and copy it to ``partial`` while no other connection may write;
    returns the copy's SHA-256."""
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
            return copy_durably(path, partial)
        finally:
            conn.execute("ROLLBACK")
    except OSError as error:
        known = translate(error, path)
        if known is not None:
            raise known from error
        raise PassphraseNotChanged(
            f"A copy of {path.name} could not be written ({error.strerror or error}), so the "
            "passphrase was not changed. Check there is room on the disk."
        ) from error
    finally:
        conn.close()


def _not_changed(path: Path, error: Exception) -> StoreError:
    known = translate(error, path)
    if known is not None:
        return known
    return PassphraseNotChanged(
        f"The passphrase of {path.name} could not be changed ({type(error).__name__}). "
        "Nothing was changed; check there is room on the disk and try again."
    )


def change_store_passphrase(
    path: Path, old: str, new: str, *, held: CaseloadLock | None = None
) -> None:
    """Change the passphrase of the (closed) caseload at ``path`` from ``old`` to ``new``.

    Raises WrongPassphrase when ``old`` does not open it, DamagedStore when it fails its
    check, StoreLocked while another process has it open, PassphraseNotChanged otherwise;
    in every case the file is as it was. ``held``: this process's own lock on it."""
    path = Path(path)
    check_new_passphrase(old, new)
    with exclusively(path, KIND_PASSPHRASE, "its passphrase was not changed", held):
        _change(path, old, new)
    record_passphrase_change(path)


def _change(path: Path, old: str, new: str) -> None:
    started = time.monotonic()
    try:
        with writing(path) as partial:
            digest = _consistent_copy(path, partial, old)
            try:
                _rekeyed_copy(path, partial, old, new)
                if file_digest(path) != digest:
                    raise PassphraseNotChanged(
                        f"{path.name} changed while its passphrase was being changed (is IRO "
                        "Desktop open in another window?). Nothing was changed; close it and "
                        "try again."
                    )
            except (OSError, sqlcipher.Error) as error:
                raise _not_changed(path, error) from error
    except OSError as error:  # moving the rekeyed copy into place
        raise _not_changed(path, error) from error
    fsync_folder(path.parent)
    log_event(log, "passphrase.changed", seconds=time.monotonic() - started)


def changed_marker(path: Path) -> Path:
    """A small private note of when the passphrase was last changed (a date, never anything
    that could test a guess): it lets the old passphrase be named "from before 3 Dec"."""
    path = Path(path)
    return path.with_name(f".{path.name}.passphrase-changed")


def record_passphrase_change(path: Path) -> None:
    try:
        write_text(changed_marker(path), datetime.now(UTC).isoformat())
    except OSError as error:  # only the wording of a later message depends on it
        log_event(log, "passphrase.marker_skipped", 30, error=type(error).__name__)


def last_passphrase_change(path: Path) -> datetime | None:
    try:
        return datetime.fromisoformat(changed_marker(path).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return None


def rekey_backups(store_path: Path, old: str, new: str) -> PassphraseChange:
    """Re-encrypt each backup that opens with ``old`` under ``new``, one atomic swap each."""
    rekeyed = left = 0
    for backup in list_backups(store_path):
        try:
            try:
                open_read_only(backup.path, old).close()
            except sqlcipher.Error:
                left += 1
                continue
            with writing(backup.path) as partial:
                copy_durably(backup.path, partial)
                _rekeyed_copy(backup.path, partial, old, new)
            rekeyed += 1
        except (OSError, sqlcipher.Error, StoreError) as error:
            log_event(log, "passphrase.backup_left", 30, error=type(error).__name__)
            left += 1
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
