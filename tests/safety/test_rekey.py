"""Changing the passphrase: the file and its backups move to the new one; a wrong old one,
a short new one or a damaged file change nothing. (Kill safety: test_kill.py.)"""

from __future__ import annotations

import pytest
from safety_helpers import NEW_PASSPHRASE, PASSPHRASE, table_dump

from iro_desktop.services import passphrases, safety
from iro_desktop.storage.backup import list_backups, verify_backup
from iro_desktop.storage.errors import WrongPassphrase
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.rekey import PassphraseNotChanged


def test_change_passphrase_moves_the_store_and_its_backups(saved):
    store = open_store(saved, PASSPHRASE)  # takes the daily backup
    safety.backup_now(store)
    before = table_dump(store)
    store.close()
    change = passphrases.change_passphrase(saved, PASSPHRASE, NEW_PASSPHRASE)
    assert change.backups_rekeyed == 2 and change.backups_left == 0
    with pytest.raises(WrongPassphrase):
        open_store(saved, PASSPHRASE)
    store = open_store(saved, NEW_PASSPHRASE)
    assert table_dump(store) == before
    store.close()
    for b in list_backups(saved):
        verify_backup(b.path, NEW_PASSPHRASE)
    assert not list(saved.parent.rglob("*partial*"))


def test_keeping_old_backups_leaves_them_under_the_old_passphrase(saved):
    open_store(saved, PASSPHRASE).close()
    change = passphrases.change_passphrase(
        saved, PASSPHRASE, NEW_PASSPHRASE, rekey_backups_too=False
    )
    assert change.backups_rekeyed == 0
    verify_backup(list_backups(saved)[0].path, PASSPHRASE)


@pytest.mark.parametrize(
    "old, new, error",
    [
        ("wrong passphrase", NEW_PASSPHRASE, WrongPassphrase),
        (PASSPHRASE, "short", PassphraseNotChanged),
        (PASSPHRASE, PASSPHRASE, PassphraseNotChanged),
    ],
)
def test_refused_changes_change_nothing(saved, old, new, error):
    before = saved.read_bytes()
    with pytest.raises(error):
        passphrases.change_passphrase(saved, old, new)
    assert saved.read_bytes() == before
    open_store(saved, PASSPHRASE).close()
