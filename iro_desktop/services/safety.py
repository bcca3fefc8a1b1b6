"""Keeping the records safe while the caseload is open: back up now, purge the records past
their retention period (listing who first), and export everything held about one child.

Functions that *show* (``purge_candidates``, ``purge_preview``) are separate from the one that
*acts* (``purge``), so the GUI can show the list and ask the IRO before acting. Opening,
listing and restoring backups and the passphrase are the file's use cases: ``services.session``
and ``services.passphrases``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from iro_desktop.storage import backup as backups
from iro_desktop.storage.backup import BackupInfo
from iro_desktop.storage.database import Store
from iro_desktop.storage.purge import (
    PurgeCandidate,
    PurgeResult,
    purge_children,
    retention_cutoff,
)
from iro_desktop.storage.purge import purge_candidates as _purge_candidates
from iro_desktop.storage.settings_store import load_settings

if TYPE_CHECKING:
    from iro_desktop.reports.subject_access import SubjectAccessReport

__all__ = [
    "PurgeCandidate",
    "PurgePreview",
    "PurgeResult",
    "backup_now",
    "purge",
    "purge_candidates",
    "purge_preview",
    "subject_access_export",
]


def backup_now(store: Store) -> BackupInfo:
    """A backup taken by hand (File > Back up now, ``iro-desktop backup``)."""
    return backups.take_backup(store, backups.KIND_MANUAL)


def purge_candidates(store: Store, today: date) -> list[PurgeCandidate]:
    """Who a purge would remove today: children archived more than the council's retention
    period ago (``Settings.retention_months_after_archive``), by reference and initials."""
    return purge_preview(store, today).candidates


@dataclass(frozen=True)
class PurgePreview:
    """Who a purge would remove today, and the council's rule that says so."""

    retention_months: int
    candidates: list[PurgeCandidate]


def purge_preview(store: Store, today: date) -> PurgePreview:
    months = load_settings(store).retention_months_after_archive
    return PurgePreview(months, _purge_candidates(store, today, months))


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
