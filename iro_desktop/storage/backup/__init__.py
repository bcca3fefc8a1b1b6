"""Encrypted backups of the caseload file, in a ``backups/`` folder beside it.

A backup is a byte-for-byte copy of the encrypted file, encrypted with the same key (and
salt) as the store. Backups are taken automatically at most once a day on open (kind
``daily``), and before every migration, import and purge; by hand with ``iro-desktop backup``
or the File menu. They are kept in rotation (``rotation``): every backup from today, the
newest of each of the last N days that have one (``Settings.backups_daily_kept``), and the
newest of each of the last M weeks (``backups_weekly_kept``). A file replaced by a restore is
kept (kind ``replaced``) for N days.

One job per module: ``names`` (what a backup is called, finding them), ``take`` (taking one,
checked), ``rotation`` (which are kept), ``check`` (is a file a good backup), ``restore``
(putting one back). Every public name is importable from here too.
"""

from iro_desktop.storage.backup.check import latest_good_backup, verify_backup
from iro_desktop.storage.backup.names import (
    BACKUP_FOLDER,
    KIND_DAILY,
    KIND_LABELS,
    KIND_MANUAL,
    KIND_PRE_IMPORT,
    KIND_PRE_MIGRATION,
    KIND_PRE_PURGE,
    KIND_REPLACED,
    KINDS,
    PARTIAL,
    SUFFIX,
    BackupError,
    BackupInfo,
    BadBackup,
    backup_folder,
    backup_name,
    list_backups,
    parse_backup_name,
)
from iro_desktop.storage.backup.restore import RestoreResult, restore_backup
from iro_desktop.storage.backup.rotation import backups_to_keep, rotate_backups
from iro_desktop.storage.backup.take import (
    backup_before_change,
    backup_on_open,
    remove_stale_partials,
    take_backup,
)
from iro_desktop.storage.database import open_read_only
from iro_desktop.storage.files import copy_durably, file_digest, fsync_folder

__all__ = [
    "BACKUP_FOLDER",
    "KINDS",
    "KIND_DAILY",
    "KIND_LABELS",
    "KIND_MANUAL",
    "KIND_PRE_IMPORT",
    "KIND_PRE_MIGRATION",
    "KIND_PRE_PURGE",
    "KIND_REPLACED",
    "PARTIAL",
    "SUFFIX",
    "BackupError",
    "BackupInfo",
    "BadBackup",
    "RestoreResult",
    "backup_before_change",
    "backup_folder",
    "backup_name",
    "backup_on_open",
    "backups_to_keep",
    "copy_durably",
    "file_digest",
    "fsync_folder",
    "latest_good_backup",
    "list_backups",
    "open_read_only",
    "parse_backup_name",
    "remove_stale_partials",
    "restore_backup",
    "rotate_backups",
    "take_backup",
    "verify_backup",
]
