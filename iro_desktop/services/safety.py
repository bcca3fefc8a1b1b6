"""Keeping the caseload safe: the use cases the GUI and the command line share.

Open with checks, back up, list and restore backups, change the passphrase, purge records past
their retention period (listing who first), and export everything held about one child.

Functions that *show* (``list_backups``, ``purge_candidates``, ``latest_good_backup``) are
separate from those that *act*, so the GUI can show the list and ask the IRO before acting.
Functions that replace the file (``restore_backup``, ``change_passphrase``) take a path and
need the store closed: close it, call them, open it again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from iro_desktop.storage import backup as backups
from iro_desktop.storage.backup import BackupInfo, RestoreResult
from iro_desktop.storage.database import Store
from iro_desktop.storage.errors import WrongPassphrase
from iro_desktop.storage.integrity import DamagedStore
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.purge import (
    PurgeCandidate,
    PurgeResult,
    purge_children,
    retention_cutoff,
)
from iro_desktop.storage.purge import purge_candidates as _purge_candidates
from iro_desktop.storage.rekey import PassphraseChange, change_store_passphrase, rekey_backups
from iro_desktop.storage.settings_store import load_settings

if TYPE_CHECKING:
    from iro_desktop.reports.subject_access import SubjectAccessReport

__all__ = [
    "BackupInfo",
    "DamagedStore",
    "PassphraseChange",
    "PurgeCandidate",
    "PurgeResult",
    "RestoreResult",
    "backup_now",
    "change_passphrase",
    "latest_good_backup",
    "list_backups",
    "open_with_safety",
    "purge",
    "purge_candidates",
    "restore_backup",
    "subject_access_export",
]


def open_with_safety(path: Path, passphrase: str, *, is_demo: bool = False) -> Store:
    """Open a caseload with its checks: ``integrity_check`` before anything writes
    (DamagedStore, carrying ``latest_good_backup``, when it fails) and the daily backup.

    When the passphrase does not open the file but does open one of its backups, the file
    may be damaged where its key is checked (or the passphrase was changed since that
    backup): DamagedStore says both and carries that backup."""
    path = Path(path)
    try:
        return open_store(path, passphrase, is_demo=is_demo)
    except WrongPassphrase as wrong:
        good = backups.latest_good_backup(path, passphrase, tries=2)
        if good is None:
            raise
        raise DamagedStore(
            f"That passphrase does not open {path.name}, but it does open your backup from "
            f"{good.describe()}. If you changed your passphrase since then, use the new one. "
            f"Otherwise {path.name} is damaged: restore that backup from the File menu "
            f"(Restore backup) or with `iro-desktop restore --db {path} {good.path}`; the "
            "damaged file is kept.",
            latest_good_backup=good.path,
        ) from wrong


def backup_now(store: Store) -> BackupInfo:
    """A backup taken by hand (File > Back up now, ``iro-desktop backup``)."""
    return backups.take_backup(store, backups.KIND_MANUAL)


def list_backups(store_path: Path) -> list[BackupInfo]:
    """The caseload's backups, newest first: ``describe()`` reads well in a list."""
    return backups.list_backups(store_path)


def latest_good_backup(store_path: Path, passphrase: str) -> BackupInfo | None:
    return backups.latest_good_backup(store_path, passphrase)


def restore_backup(store_path: Path, backup_path: Path, passphrase: str) -> RestoreResult:
    """Check ``backup_path`` and put it in place of the (closed) caseload, keeping the
    replaced file in the backups folder. ``passphrase`` is the one the backup opens with."""
    return backups.restore_backup(store_path, backup_path, passphrase)


def change_passphrase(
    store_path: Path, old: str, new: str, *, rekey_backups_too: bool = True
) -> PassphraseChange:
    """Change the (closed) caseload's passphrase, then re-encrypt its backups under the new
    one. Safe against a crash at any moment: the file opens with exactly one of the two."""
    change_store_passphrase(store_path, old, new)
    if not rekey_backups_too:
        return PassphraseChange(0, len(backups.list_backups(store_path)))
    return rekey_backups(store_path, old, new)


def purge_candidates(store: Store, today: date) -> list[PurgeCandidate]:
    """Who a purge would remove today: children archived more than the council's retention
    period ago (``Settings.retention_months_after_archive``), by reference and initials."""
    months = load_settings(store).retention_months_after_archive
    return _purge_candidates(store, today, months)


def purge(store: Store, today: date, confirmed_refs: Iterable[str]) -> PurgeResult:
    """Purge the children the IRO confirmed (by reference) that are still due for purging.

    A backup is taken first (it ages out of rotation like any other); then the one hard
    delete in the product, with secure_delete and a VACUUM. Children not due are never
    purged, whatever ``confirmed_refs`` holds."""
    months = load_settings(store).retention_months_after_archive
    confirmed = set(confirmed_refs)
    chosen = [c for c in _purge_candidates(store, today, months) if c.child_ref in confirmed]
    cutoff = retention_cutoff(today, months)
    if not chosen:
        return PurgeResult(0, 0, 0, cutoff, "")
    backups.backup_before_change(store, backups.KIND_PRE_PURGE)
    return purge_children(store, chosen, cutoff)


def subject_access_export(
    store: Store, child_ref: str, out: Path, today: date | None = None
) -> SubjectAccessReport:
    """Everything held about one child, with its change history, as a Word document."""
    from iro_desktop.reports.subject_access import export_subject_access  # python-docx: on use

    return export_subject_access(store, child_ref, out, today=today)
