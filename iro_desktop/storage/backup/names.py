"""What a backup is called, what kinds there are, and finding a store's backups.

A backup's name carries the store's name, the moment it was taken (UTC, to the microsecond)
and its kind: ``caseload.iro.db.20261123T101500123456Z.daily.iro-backup``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from iro_desktop.storage.errors import StoreError

BACKUP_FOLDER = "backups"
SUFFIX = ".iro-backup"
PARTIAL = ".partial"
KIND_DAILY = "daily"
KIND_MANUAL = "manual"
KIND_PRE_MIGRATION = "pre-migration"
KIND_PRE_IMPORT = "pre-import"
KIND_PRE_PURGE = "pre-purge"
KIND_REPLACED = "replaced"
KINDS = (
    KIND_DAILY,
    KIND_MANUAL,
    KIND_PRE_MIGRATION,
    KIND_PRE_IMPORT,
    KIND_PRE_PURGE,
    KIND_REPLACED,
)
KIND_LABELS = {
    KIND_DAILY: "daily",
    KIND_MANUAL: "taken by hand",
    KIND_PRE_MIGRATION: "before an update",
    KIND_PRE_IMPORT: "before an import",
    KIND_PRE_PURGE: "before a purge",
    KIND_REPLACED: "the file a restore replaced",
}
_STAMP_FORMAT = "%Y%m%dT%H%M%S"
_NAME = re.compile(
    r"^(?P<store>.+)\.(?P<stamp>\d{8}T\d{6})(?P<micro>\d{6})Z\.(?P<kind>[a-z-]+)"
    + re.escape(SUFFIX)
    + "$"
)


class BackupError(StoreError):
    """A backup could not be taken; the caseload itself is unchanged."""


class BadBackup(StoreError):
    """A file offered for restore was refused; nothing was replaced."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    store_name: str
    taken_at: datetime  # UTC
    kind: str
    size: int

    @property
    def local_time(self) -> datetime:
        return self.taken_at.astimezone()

    @property
    def local_day(self) -> date:
        return self.local_time.date()

    def describe(self) -> str:
        when = self.local_time
        label = KIND_LABELS.get(self.kind, self.kind)
        return f"{when:%a} {when.day} {when:%b %Y %H:%M} ({label})"

    def as_json(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "taken_at": self.taken_at.isoformat(timespec="seconds"),
            "kind": self.kind,
            "size": self.size,
        }


def backup_folder(store_path: Path) -> Path:
    return Path(store_path).parent / BACKUP_FOLDER


def utc_now(now: datetime | None) -> datetime:
    """``now`` (or the present moment) in UTC."""
    return (now or datetime.now(UTC)).astimezone(UTC)


def backup_name(store_path: Path, kind: str, at: datetime) -> str:
    at = at.astimezone(UTC)
    return (
        f"{Path(store_path).name}.{at.strftime(_STAMP_FORMAT)}{at.microsecond:06d}Z.{kind}{SUFFIX}"
    )


def parse_backup_name(path: Path) -> BackupInfo | None:
    found = _NAME.match(path.name)
    if found is None or found["kind"] not in KINDS:
        return None
    taken = datetime.strptime(found["stamp"], _STAMP_FORMAT).replace(
        microsecond=int(found["micro"]), tzinfo=UTC
    )
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return BackupInfo(path, found["store"], taken, found["kind"], size)


def list_backups(store_path: Path) -> list[BackupInfo]:
    """The store's backups, newest first (half-written partial files are not backups)."""
    folder = backup_folder(store_path)
    name = Path(store_path).name
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        info = parse_backup_name(entry)
        if info is not None and info.store_name == name and entry.is_file():
            found.append(info)
    return sorted(found, key=lambda b: b.taken_at, reverse=True)
