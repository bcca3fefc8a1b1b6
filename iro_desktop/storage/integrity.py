"""``PRAGMA integrity_check`` on open: a damaged store is never written to.

``open_store`` runs :func:`check_on_open` on every existing file before anything can write
(migrations, the daily backup, the app). A file that fails raises :class:`DamagedStore`, whose
message offers the latest good backup and which carries it as ``latest_good_backup`` for the
GUI to offer a restore.
"""

from __future__ import annotations

import time
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from iro_desktop.logs import get_logger, log_event
from iro_desktop.storage.errors import StoreError

log = get_logger(__name__)

_MAX_PROBLEMS = 20


class DamagedStore(StoreError):
    """The caseload file failed its integrity check (or could not be read). It is left as it
    is; ``latest_good_backup`` is the newest backup that opens and passes its checks."""

    def __init__(
        self,
        message: str,
        *,
        latest_good_backup: Path | None = None,
        problems: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message)
        self.latest_good_backup = latest_good_backup
        self.problems = problems


def integrity_problems(conn: sqlcipher.Connection, schema: str = "main") -> list[str]:
    """What ``PRAGMA integrity_check`` finds wrong ([] when the file is sound). An error
    while reading (an HMAC failure on a damaged page) counts as a problem too."""
    if not schema.replace("_", "").isalnum():
        raise ValueError(f"bad schema name {schema!r}")
    try:
        rows = conn.execute(f"PRAGMA {schema}.integrity_check({_MAX_PROBLEMS})").fetchall()
    except sqlcipher.Error as error:
        return [f"the file cannot be read ({type(error).__name__})"]
    found = [str(r[0]) for r in rows]
    return [] if found == ["ok"] else found


def damaged_store_error(path: Path, passphrase: str, problems: list[str]) -> DamagedStore:
    from iro_desktop.storage.backup import latest_good_backup

    good = latest_good_backup(path, passphrase)
    name = Path(path).name
    if good is not None:
        advice = (
            f"Your latest good backup is from {good.describe()}: restore it from the File menu "
            f"(Restore backup), or with `iro-desktop restore --db {path} {good.path}`. The "
            "damaged file is kept beside the backups when you restore."
        )
    else:
        advice = (
            "No good backup was found in the backups folder. Keep the file as it is and ask "
            "your IT department for help; do not delete it."
        )
    return DamagedStore(
        f"{name} is damaged (it failed SQLite's integrity check), so IRO Desktop will not "
        f"write to it. {advice}",
        latest_good_backup=None if good is None else good.path,
        problems=tuple(problems),
    )


def check_on_open(conn: sqlcipher.Connection, path: Path, passphrase: str) -> None:
    """Raise DamagedStore when the freshly opened store fails ``integrity_check``."""
    started = time.monotonic()
    problems = integrity_problems(conn)
    if problems:
        log_event(log, "store.damaged", 40, problems=len(problems))
        raise damaged_store_error(path, passphrase, problems)
    log_event(log, "store.checked", outcome="ok", seconds=time.monotonic() - started)
