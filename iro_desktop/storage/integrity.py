"""``PRAGMA integrity_check``: what it finds wrong with a file, and the error for a damaged one.

``storage.opening`` checks every existing file before anything can write (migrations, the
daily backup, the app); backups are checked the same way before they are kept or restored.
A file that fails raises :class:`DamagedStore`, which carries the latest good backup as
``latest_good_backup`` for the GUI to offer a restore.
"""

from __future__ import annotations

from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from iro_desktop.storage.errors import StoreError
from iro_desktop.storage.problems import translate

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
    while reading a page (an HMAC failure on a damaged page) counts as a problem too; a busy,
    read-only or full file is not damage and raises its own error (``storage.problems``)."""
    if not schema.replace("_", "").isalnum():
        raise ValueError(f"bad schema name {schema!r}")
    try:
        rows = conn.execute(f"PRAGMA {schema}.integrity_check({_MAX_PROBLEMS})").fetchall()
    except sqlcipher.Error as error:
        known = translate(error)
        if known is not None:
            raise known from error
        return [f"the file cannot be read ({type(error).__name__})"]
    found = [str(r[0]) for r in rows]
    return [] if found == ["ok"] else found
