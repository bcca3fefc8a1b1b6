"""The caseload's passphrase: how strong a new one is, whether one opens the file (the
auto-lock's check), and changing it (the file and its backups), for the GUI and the CLI.
"""

from __future__ import annotations

from pathlib import Path

from iro_desktop.i18n import _
from iro_desktop.services.session import Reopened, Store, WrongPassphrase, reopen
from iro_desktop.services.strength import (
    MIN_SCORE,
    WeakPassphrase,
    passphrase_strength,
    require_strong,
)
from iro_desktop.storage import backup as backups
from iro_desktop.storage.database import connect_encrypted
from iro_desktop.storage.locking import CaseloadLock
from iro_desktop.storage.rekey import (
    MIN_PASSPHRASE_LENGTH,
    PassphraseChange,
    PassphraseNotChanged,
    change_store_passphrase,
    check_new_passphrase,
    rekey_backups,
)

__all__ = [
    "MIN_PASSPHRASE_LENGTH",
    "MIN_SCORE",
    "PassphraseChange",
    "PassphraseNotChanged",
    "WeakPassphrase",
    "change_and_reopen",
    "change_passphrase",
    "check_passphrase",
    "passphrase_strength",
    "require_strong",
    "wrong_try_delay",
]

# After a wrong passphrase, the next try waits a little longer each time (a growing delay
# at the unlock prompt, in the GUI and at the command line): 0, 0, 1, 2, 4, 8 ... 30 s.
_MAX_DELAY = 30.0


def wrong_try_delay(wrong_tries: int) -> float:
    """Seconds to wait before the next try after ``wrong_tries`` wrong ones in a row."""
    if wrong_tries < 2:
        return 0.0
    return min(_MAX_DELAY, 2.0 ** (wrong_tries - 2))


def check_passphrase(path: Path, passphrase: str) -> bool:
    """True when ``passphrase`` opens ``path`` (else WrongPassphrase): a key derivation and
    one read on a second connection, closed at once; nothing written, the store stays open."""
    connect_encrypted(path, passphrase).close()
    return True


def change_passphrase(
    store_path: Path,
    old: str,
    new: str,
    *,
    rekey_backups_too: bool = True,
    held: CaseloadLock | None = None,
) -> PassphraseChange:
    """Change the (closed) caseload's passphrase, then re-encrypt its backups under the new
    one. Safe against a crash at any moment: the file opens with exactly one of the two.
    The new passphrase must be hard to guess (WeakPassphrase); refused (StoreLocked) while
    another process has the file open."""
    check_new_passphrase(old, new)
    require_strong(new)
    change_store_passphrase(store_path, old, new, held=held)
    if not rekey_backups_too:
        return PassphraseChange(0, len(backups.list_backups(store_path)))
    return rekey_backups(store_path, old, new)


def change_and_reopen(store: Store, old: str, new: str) -> Reopened:
    """Check ``old`` opens the store, close it, change the passphrase, open it with ``new``."""
    check_new_passphrase(old, new)
    require_strong(new)
    try:
        check_passphrase(store.path, old)
    except Exception as error:
        raise WrongPassphrase(
            _(
                "That is not the caseload's current passphrase, so nothing was "
                "changed. Mind Caps Lock and try again."
            )
        ) from error
    path, is_demo, held = store.path, store.is_demo, store.process_lock
    store.close_connection()  # this process keeps its lock on the file while it is swapped
    try:
        result = change_passphrase(path, old, new, held=held)
    except Exception as error:
        return Reopened(reopen(path, old, is_demo, held), None, error)
    return Reopened(reopen(path, new, is_demo, held), result)
