"""The caseload's passphrase: how strong a new one is, whether one opens the file (the
auto-lock's check), and changing it (the file and its backups), for the GUI and the CLI.
"""

from __future__ import annotations

from pathlib import Path

from iro_desktop.services.session import Reopened, Store, WrongPassphrase, reopen
from iro_desktop.storage import backup as backups
from iro_desktop.storage.database import connect_encrypted
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
    "PassphraseChange",
    "PassphraseNotChanged",
    "change_and_reopen",
    "change_passphrase",
    "check_passphrase",
    "passphrase_strength",
]


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """A score from 0 (unusable) to 3 (strong) and a plain hint. Length counts most."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return (
            0,
            f"Too short: {MIN_PASSPHRASE_LENGTH} characters or more (a short sentence is best).",
        )
    kinds = sum(
        (
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isalnum() for c in passphrase),
        )
    )
    if len(set(passphrase)) <= 3:
        return 1, "Weak: too many repeated characters."
    if len(passphrase) >= 20 or (len(passphrase) >= 14 and kinds >= 3):
        return 3, "Strong."
    if len(passphrase) >= 12:
        return 2, "Good. A few more words would make it stronger."
    return 1, "Weak: add a few more words; four ordinary words make a strong passphrase."


def check_passphrase(path: Path, passphrase: str) -> bool:
    """True when ``passphrase`` opens ``path`` (else WrongPassphrase): a key derivation and
    one read on a second connection, closed at once; nothing written, the store stays open."""
    connect_encrypted(path, passphrase).close()
    return True


def change_passphrase(
    store_path: Path, old: str, new: str, *, rekey_backups_too: bool = True
) -> PassphraseChange:
    """Change the (closed) caseload's passphrase, then re-encrypt its backups under the new
    one. Safe against a crash at any moment: the file opens with exactly one of the two."""
    change_store_passphrase(store_path, old, new)
    if not rekey_backups_too:
        return PassphraseChange(0, len(backups.list_backups(store_path)))
    return rekey_backups(store_path, old, new)


def change_and_reopen(store: Store, old: str, new: str) -> Reopened:
    """Check ``old`` opens the store, close it, change the passphrase, open it with ``new``."""
    check_new_passphrase(old, new)
    try:
        check_passphrase(store.path, old)
    except Exception as error:
        raise WrongPassphrase(
            "That is not the caseload's current passphrase, so nothing was changed. Mind Caps "
            "Lock and try again."
        ) from error
    path, is_demo = store.path, store.is_demo
    store.close()
    try:
        result = change_passphrase(path, old, new)
    except Exception as error:
        return Reopened(reopen(path, old, is_demo), None, error)
    return Reopened(reopen(path, new, is_demo), result)
