"""Every use case of the caseload file, for the GUI and the command line alike: open it (the
order in which passphrases are tried), create one, make the demo, open at launch, restore a
backup and open it again, the damaged-file restore, and remember the file opened last.

Changing the passphrase and checking one (the auto-lock) are in ``services.passphrases``.
The front ends import the ``Store`` type, the storage errors and ``DEMO_PASSPHRASE`` from here,
never from ``storage``. Functions that replace the file take a path and need the store closed;
the ``..._and_reopen`` forms close it, do the work and open it again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from iro_desktop.i18n import _
from iro_desktop.paths import default_demo_path, default_store_path
from iro_desktop.services.early import (
    LAST_CASELOAD_KEY,
    PASSPHRASE_ENV,
    begin_key_at_launch,
    is_demo_place,
    read_state,
    state_file,
)
from iro_desktop.services.strength import WeakPassphrase, require_strong
from iro_desktop.storage import backup as backups
from iro_desktop.storage.backup import BackupInfo, BadBackup, RestoreResult
from iro_desktop.storage.database import DEMO_PASSPHRASE, Store
from iro_desktop.storage.errors import (
    DiskFull,
    NewerSchema,
    NotACaseloadFile,
    OldPassphrase,
    StoreBusy,
    StoreError,
    StoreLocked,
    StoreNotFound,
    StoreReadOnly,
    WrongPassphrase,
)
from iro_desktop.storage.files import remove_leftover_partials, write_text, writing
from iro_desktop.storage.integrity import DamagedStore
from iro_desktop.storage.locking import KIND_DEMO, exclusively, set_process_kind
from iro_desktop.storage.opening import (
    MissingWithBackups,
    finish_opening,
    missing_store_error,
    open_store,
    take_checks_due,
)
from iro_desktop.storage.problems import translate
from iro_desktop.storage.rekey import last_passphrase_change
from iro_desktop.storage.write_gate import WritesHeld, refusal

__all__ = [
    "DEMO_PASSPHRASE",
    "PASSPHRASE_ENV",
    "BackupInfo",
    "BadBackup",
    "DamagedStore",
    "DiskFull",
    "LaunchOpening",
    "MissingWithBackups",
    "NewerSchema",
    "NotACaseloadFile",
    "NotADemoFile",
    "OldPassphrase",
    "Reopened",
    "RestoreResult",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoreLocked",
    "StoreNotFound",
    "StoreReadOnly",
    "WeakPassphrase",
    "WritesHeld",
    "WrongPassphrase",
    "announce_process",
    "backup_description",
    "backup_folder",
    "check_backup",
    "create_and_open",
    "create_caseload",
    "create_demo",
    "env_passphrase",
    "explain",
    "find_startup_file",
    "finish_opening",
    "last_caseload_path",
    "latest_good_backup",
    "list_backups",
    "make_and_open_demo",
    "open_at_launch",
    "open_caseload",
    "open_demo",
    "open_demo_if_demo",
    "open_unasked",
    "open_with_passphrase",
    "open_with_safety",
    "read_state",
    "remember_caseload_path",
    "reopen",
    "restore_and_reopen",
    "restore_backup",
    "restore_damaged",
    "start_opening_at_launch",
    "take_checks_due",
    "tidy_data_folder",
    "write_state",
]


class NotADemoFile(StoreError):
    pass


def env_passphrase() -> str | None:
    return os.environ.get(PASSPHRASE_ENV) or None


def announce_process(kind: str) -> None:
    """Say what this process is ("app", "import", "command"), for the note it leaves while
    it has a caseload open: another process refused the file can then say who has it."""
    set_process_kind(kind)


def explain(error: BaseException) -> StoreError | None:
    """What an error from the file, the driver or the OS means for the IRO (busy, locked,
    read-only, disk full, ...), or None when it is none of them (a bug). A write refused
    because the open file's checks have not passed says so (``WritesHeld``)."""
    held = refusal(error)
    if held is not None:
        return held
    return translate(error, getattr(error, "filename", None) and Path(error.filename))


def tidy_data_folder(folder: Path | None = None) -> list[Path]:
    """At start: remove the hidden partial files a killed write left in the data folder (and
    its backups folder), and make the folder private (0700)."""
    from iro_desktop.storage.files import make_private

    folder = Path(folder) if folder is not None else default_store_path().parent
    if not folder.is_dir():
        return []
    make_private(folder)
    removed = remove_leftover_partials(folder)
    removed += remove_leftover_partials(folder / "backups")
    return removed


# -- opening -----------------------------------------------------------------------------------
def open_with_safety(
    path: Path, passphrase: str, *, is_demo: bool = False, checks_later: bool = False
) -> Store:
    """Open a caseload with its checks: ``integrity_check`` before anything writes
    (DamagedStore, carrying ``latest_good_backup``, when it fails) and the daily backup.

    When the passphrase does not open the file but opens one of its backups, it is the
    passphrase the file had before it was changed: OldPassphrase says so, with the date, and
    never offers a restore (a file we cannot read is never called damaged).

    ``checks_later`` (the desktop app): the check and the daily backup run when
    ``finish_opening`` is called, after the due list is painted; writes are held till then."""
    path = Path(path)
    try:
        return open_store(path, passphrase, is_demo=is_demo, checks_later=checks_later)
    except OldPassphrase:
        raise
    except WrongPassphrase as wrong:
        good = backups.latest_good_backup(path, passphrase, tries=3)
        if good is None:
            raise
        raise OldPassphrase(_old_passphrase_message(path, good)) from wrong


def _old_passphrase_message(path: Path, good: BackupInfo) -> str:
    changed = last_passphrase_change(path)
    if changed is not None and changed > good.taken_at:
        local = changed.astimezone()
        when = f"from before {local.day} {local:%b %Y}"
    else:
        when = f"{path.name} had when the backup of {good.describe()} was taken"
    return (
        f"That is the passphrase {when}: the passphrase has been changed since. Use the new "
        f"one. Nothing in {path.name} has been changed. (If you are sure it was never "
        "changed, ask IT for help before doing anything else; your backups are kept.)"
    )


def open_demo_if_demo(path: Path, *, checks_later: bool = False) -> Store | None:
    """A demo file opens without a passphrase: try the demo's public key first."""
    try:
        return open_store(path, DEMO_PASSPHRASE, is_demo=True, checks_later=checks_later)
    except WrongPassphrase:
        return None


def open_caseload(
    path: Path, ask_passphrase: Callable[[], str | None], *, checks_later: bool = False
) -> Store | None:
    """Open a caseload file: a demo file unasked, or with the environment's passphrase, or
    with the one ``ask_passphrase`` returns (None from it: nothing opened, ask elsewhere).

    Each try derives a key (0.10 s of a core, measured: see the README), so the likelier
    one goes first: with a passphrase in the environment, that one, unless the file is at
    the demo's own place."""
    path = Path(path)
    later = {"checks_later": checks_later}
    passphrase = env_passphrase()
    if passphrase is not None and path != default_demo_path():
        try:
            return open_with_safety(path, passphrase, **later)
        except WrongPassphrase:
            demo = open_demo_if_demo(path, **later)
            if demo is None:
                raise
            return demo
    demo = open_demo_if_demo(path, **later)
    if demo is not None:
        return demo
    if passphrase is None:
        passphrase = ask_passphrase()
        if passphrase is None:
            return None
    return open_with_safety(path, passphrase, **later)


def reopen(path: Path, passphrase: str, is_demo: bool, held=None) -> Store:
    """Open again a file this session closed to replace it (restore, new passphrase), with
    the lock it kept (``held``) while the file was swapped."""
    try:
        return open_store(path, passphrase, is_demo=is_demo, held=held)
    except BaseException:
        if held is not None:
            held.close()
        raise


# -- creating ----------------------------------------------------------------------------------
def create_caseload(path: Path, passphrase: str) -> Store:
    """A new, empty caseload at ``path`` with a passphrase that is hard to guess. Refused
    over an existing file, a folder, or a missing/empty file whose backups are beside it
    (restoring one is what the IRO needs; a new file would rotate them away)."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(
            _("%(path)s is a folder: give the name of the caseload file itself.") % {"path": path}
        )
    if path.exists() and path.stat().st_size > 0:
        raise StoreError(
            _("%(path)s already exists. Choose another file name, or open it instead.")
            % {"path": path}
        )
    if backups.list_backups(path):
        error = missing_store_error(path)
        raise StoreError(
            _(
                "%(error)s No new caseload was created there; to start a new one "
                "instead, choose another file name."
            )
            % {"error": error}
        )
    require_strong(passphrase)
    return open_store(path, passphrase, create=True)


def create_demo(today: date, path: Path | None = None) -> tuple[Path, int]:
    """Write the demo caseload to its own file (replacing an older demo, never a real store).

    Written to a partial file first and moved into place (``storage.files``), so a half-made
    demo never replaces a good one."""
    from iro_desktop.demo.caseload import write_demo_caseload  # the generator: only when asked
    from iro_desktop.services.caseload import due_list as keep_results

    path = Path(path) if path else default_demo_path()
    if path.exists() and path.stat().st_size > 0:
        existing = open_demo_if_demo(path)
        if existing is None:
            raise NotADemoFile(
                _(
                    "%(path)s is not a demo file (it needs a passphrase), so the demo "
                    "will not overwrite it. Give another --db file for the demo."
                )
                % {"path": path}
            )
        existing.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Replacing the demo under a window that has it open would pull the file from under it.
    with (
        exclusively(path, KIND_DEMO, "the demo was not written again"),
        writing(path) as partial,
    ):
        store = open_store(partial, DEMO_PASSPHRASE, create=True, is_demo=True, lock=False)
        try:
            count = write_demo_caseload(store, today)
            keep_results(store, today)  # kept in the file: the first due view reads them
        finally:
            store.close()
    return path, count


def open_demo(today: date, path: Path | None = None, *, checks_later: bool = False) -> Store:
    """Open the demo, writing it first if it is not there yet."""
    path = Path(path) if path else default_demo_path()
    if not path.exists():
        create_demo(today, path)
    store = open_demo_if_demo(path, checks_later=checks_later)
    if store is None:  # an IRO's own file at the demo's place: never overwritten
        raise NotADemoFile(
            _("%(name)s is not the demo caseload, so it was left alone.") % {"name": path.name}
        )
    return store


# -- the file opened last (kept in services.early, which the app loads first) ---------------
def last_caseload_path() -> Path | None:
    """The caseload file opened last time, if it is remembered and still there."""
    text = read_state().get(LAST_CASELOAD_KEY)
    if not isinstance(text, str) or not text:
        return None
    path = Path(text)
    if is_demo_place(path):  # remembered by an older version: the demo is never reopened
        return None
    return path if path.exists() else None


def remember_caseload_path(path: Path) -> None:
    """Remember ``path`` for next time (a safe write: see ``storage.files``). The demo is
    never remembered: ``iro-desktop`` on its own opens the IRO's own caseload (or the first-run
    set-up), so nothing real is ever typed into the demo's publicly keyed file by mistake."""
    if is_demo_place(path):
        return
    state = read_state()
    state[LAST_CASELOAD_KEY] = str(Path(path).resolve())
    write_state(state)


def write_state(state: dict) -> None:
    """Write the app's small state file (``app-state.json``: the last file opened, the IRO's
    language and contrast choices), safely and privately."""
    target = state_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text(target, json.dumps(state, indent=2))


# -- the desktop app's openings: each remembers the file it opened, unless it is a demo ------
def find_startup_file() -> Path | None:
    """The caseload to open at start: the last one opened, else one at the default place;
    a missing one whose backups are still there too (opening it offers them)."""
    last = last_caseload_path()
    if last is not None:
        return last
    remembered = read_state().get(LAST_CASELOAD_KEY)
    if isinstance(remembered, str) and remembered and backups.list_backups(Path(remembered)):
        return Path(remembered)
    default = default_store_path()
    if default.exists() or backups.list_backups(default):
        return default
    return None


def open_unasked(path: Path, *, checks_later: bool = False) -> Store | None:
    """Open a demo file, or a file with the environment's passphrase; None: ask for one."""
    store = open_caseload(path, lambda: None, checks_later=checks_later)
    if store is not None and not store.is_demo:  # a demo file elsewhere: not remembered either
        remember_caseload_path(path)
    return store


def open_with_passphrase(path: Path, passphrase: str, *, checks_later: bool = False) -> Store:
    store = open_with_safety(path, passphrase, checks_later=checks_later)
    remember_caseload_path(path)
    return store


def make_and_open_demo(today: date, path: Path, *, checks_later: bool = False) -> Store:
    # Never remembered (see remember_caseload_path).
    return open_demo(today, path, checks_later=checks_later)


def create_and_open(path: Path, passphrase: str) -> Store:
    store = create_caseload(path, passphrase)
    remember_caseload_path(path)
    return store


@dataclass(frozen=True)
class LaunchOpening:
    """What opening at launch found: an open store; or a file that needs its passphrase
    (with why, when the environment's one was wrong); or nothing yet (first run)."""

    path: Path | None
    store: Store | None
    message: str = ""


def open_at_launch(
    db_path: Path | None, demo: bool, today: date, *, checks_later: bool = False
) -> LaunchOpening:
    if demo:
        path = default_demo_path()
        return LaunchOpening(path, make_and_open_demo(today, path, checks_later=checks_later))
    path = Path(db_path) if db_path is not None else find_startup_file()
    if path is None:
        return LaunchOpening(None, None)
    try:
        return LaunchOpening(path, open_unasked(path, checks_later=checks_later))
    except WrongPassphrase as error:  # the environment's passphrase did not fit: ask
        return LaunchOpening(path, None, str(error))


def start_opening_at_launch(db_path: Path | None, demo: bool, today: date) -> Future[LaunchOpening]:
    """Begin ``open_at_launch`` on a thread of its own and return at once: the command line
    starts it before Qt loads, so the key derivation (0.10 s of a core) overlaps the GUI's.
    It is the desktop app's opening: the file's checks wait for ``finish_opening``."""
    begin_key_at_launch(db_path, demo)  # if it was not begun already (services.early)
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="iro-desktop-open")
    future = executor.submit(open_at_launch, db_path, demo, today, checks_later=True)
    executor.shutdown(wait=False)
    return future


# -- backups and restoring ---------------------------------------------------------------------
def backup_folder(store_path: Path) -> Path:
    return backups.backup_folder(store_path)


def list_backups(store_path: Path) -> list[BackupInfo]:
    """The caseload's backups, newest first: ``describe()`` reads well in a list."""
    return backups.list_backups(store_path)


def latest_good_backup(store_path: Path, passphrase: str) -> BackupInfo | None:
    return backups.latest_good_backup(store_path, passphrase)


def backup_description(backup: Path) -> str:
    """When a backup was taken and why, from its name (its file name if it has no such name)."""
    info = backups.parse_backup_name(Path(backup))
    return info.describe() if info is not None else Path(backup).name


def check_backup(backup: Path, passphrase: str) -> int:
    """Is this backup sound and does the passphrase open it? (BadBackup if not; nothing
    written.) Returns its schema version."""
    return backups.verify_backup(backup, passphrase)


def restore_backup(store_path: Path, backup_path: Path, passphrase: str) -> RestoreResult:
    """Check ``backup_path`` and put it in place of the (closed) caseload, keeping the
    replaced file in the backups folder. ``passphrase`` is the one the backup opens with."""
    return backups.restore_backup(store_path, backup_path, passphrase)


@dataclass
class Reopened:
    """A job that closed the store, replaced the file and opened it again."""

    store: Store | None  # the store, open again (None: it could not be opened)
    result: object = None  # what the service returned
    error: BaseException | None = None  # why it did not happen (the file is as it was)


def restore_and_reopen(store: Store, backup: Path, passphrase: str, current: str) -> Reopened:
    """Close ``store``, put ``backup`` in its place (checked first), open it again.

    ``current`` opens the store as it is now: used to open it again if the restore fails."""
    path, is_demo, held = store.path, store.is_demo, store.process_lock
    check_backup(backup, passphrase)  # refused here, the store stays open and untouched
    store.close_connection()  # this process keeps its lock on the file while it is swapped
    try:
        result = backups.restore_backup(path, backup, passphrase, held=held)
    except Exception as error:  # the file is as it was: open it again and say why
        return Reopened(reopen(path, current, is_demo, held), None, error)
    return Reopened(reopen(path, passphrase, is_demo, held), result)


def restore_damaged(path: Path, backup: Path, typed: str | None = None) -> Store:
    """Put the latest good backup in place of a damaged caseload and open it: with the
    passphrase the IRO typed, else the environment's, else the demo's (the first that opens
    the backup)."""
    passphrases = [typed] if typed else []
    passphrases += [p for p in (env_passphrase(), DEMO_PASSPHRASE) if p and p not in passphrases]
    last: BaseException | None = None
    for passphrase in passphrases:
        try:
            check_backup(backup, passphrase)
        except BadBackup as error:
            last = error
            continue
        restore_backup(path, backup, passphrase)
        return reopen(path, passphrase, passphrase == DEMO_PASSPHRASE)
    raise last or BadBackup(_("The backup could not be opened. Nothing was replaced."))
