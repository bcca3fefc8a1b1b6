"""Which backups are kept: every backup from today, the newest of each of the last N days
that have one, the newest of each of the last M weeks; a file replaced by a restore for N
days. Older ones are deleted, so data purged from the store ages out of the backups too."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from iro_desktop.storage.backup.names import KIND_REPLACED, BackupInfo, list_backups, utc_now


def backups_to_keep(
    backups: list[BackupInfo], *, daily: int, weekly: int, now: datetime
) -> set[Path]:
    """Today's backups, the newest of each of the last ``daily`` days that have one, the
    newest of each of the last ``weekly`` weeks; a replaced file for ``daily`` days."""
    today = now.astimezone().date()
    keep: set[Path] = set()
    rotating = sorted(
        (b for b in backups if b.kind != KIND_REPLACED), key=lambda b: b.taken_at, reverse=True
    )
    newest_by_day: dict[date, BackupInfo] = {}
    newest_by_week: dict[tuple[int, int], BackupInfo] = {}
    for b in rotating:
        if b.local_day == today:
            keep.add(b.path)
        newest_by_day.setdefault(b.local_day, b)
        iso = b.local_day.isocalendar()
        newest_by_week.setdefault((iso.year, iso.week), b)
    for day in sorted(newest_by_day, reverse=True)[: max(daily, 0)]:
        keep.add(newest_by_day[day].path)
    for week in sorted(newest_by_week, reverse=True)[: max(weekly, 0)]:
        keep.add(newest_by_week[week].path)
    for b in backups:
        if b.kind == KIND_REPLACED and b.local_day > today - timedelta(days=max(daily, 1)):
            keep.add(b.path)
    return keep


def rotate_backups(
    store_path: Path, *, daily: int, weekly: int, now: datetime | None = None
) -> list[Path]:
    """Delete the backups rotation no longer keeps; returns what was deleted."""
    backups = list_backups(store_path)
    keep = backups_to_keep(backups, daily=daily, weekly=weekly, now=utc_now(now))
    removed = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                continue
    return removed
