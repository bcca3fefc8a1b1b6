"""A store that fails integrity_check on open is not written to; the latest good backup is
offered (in the message and as ``latest_good_backup``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from safety_helpers import PASSPHRASE, add_child

from iro_desktop.errors import UserError
from iro_desktop.services import session
from iro_desktop.storage.backup import list_backups, take_backup
from iro_desktop.storage.errors import StoreError
from iro_desktop.storage.integrity import DamagedStore
from iro_desktop.storage.opening import open_store
from tests.raw import raw_db


def _big_store(path: Path, *, with_backup: bool) -> None:
    store = open_store(path, PASSPHRASE, create=True)
    with store.atomic():
        for i in range(300):
            add_child(store, ref=f"S{i:06d}", first="Filler" * 40)
    if with_backup:
        take_backup(store, "manual")
    store.close()


def _damage(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset : offset + 32] = bytes(b ^ 0x5A for b in data[offset : offset + 32])
    path.write_bytes(bytes(data))


def _state(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_damaged_store_is_refused_untouched_and_offers_the_latest_good_backup(tmp_path):
    path = tmp_path / "caseload.iro.db"
    _big_store(path, with_backup=True)
    good = list_backups(path)[0].path
    _damage(path, path.stat().st_size // 2)
    before = _state(tmp_path)
    with pytest.raises(DamagedStore) as caught:
        open_store(path, PASSPHRASE)
    error = caught.value
    assert isinstance(error, StoreError) and isinstance(error, UserError)
    assert error.latest_good_backup == good
    assert "damaged" in str(error) and "will not write to it" in str(error)
    assert "iro-desktop restore" in str(error) and "File menu" in str(error)
    assert _state(tmp_path) == before, "a damaged store is not written to (nor backed up)"
    # Restoring the offered backup brings the caseload back.
    result = session.restore_backup(path, error.latest_good_backup, PASSPHRASE)
    assert result.kept_as is not None
    store = session.open_with_safety(path, PASSPHRASE)
    assert raw_db(store).execute("SELECT count(*) FROM children").fetchone()[0] == 300
    store.close()


def test_damaged_store_without_a_backup_says_so(tmp_path):
    path = tmp_path / "caseload.iro.db"
    _big_store(path, with_backup=False)
    _damage(path, path.stat().st_size // 2)
    with pytest.raises(DamagedStore) as caught:
        session.open_with_safety(path, PASSPHRASE)
    assert caught.value.latest_good_backup is None
    assert "No good backup was found" in str(caught.value)
    assert list_backups(path) == []


def test_a_file_the_passphrase_cannot_read_is_never_called_damaged(tmp_path):
    """Damage where the key is checked looks exactly like a changed passphrase: only a failed
    integrity check on a file we could read is "damaged", so no restore is offered; the IRO
    is told the passphrase may be an old one and to ask IT, and the backups are kept."""
    path = tmp_path / "caseload.iro.db"
    _big_store(path, with_backup=True)
    _damage(path, 100)  # page 1: looks like a wrong passphrase
    with pytest.raises(session.OldPassphrase) as caught:
        session.open_with_safety(path, PASSPHRASE)
    assert not isinstance(caught.value, DamagedStore)
    assert getattr(caught.value, "latest_good_backup", None) is None
    assert "changed since" in str(caught.value) and "ask IT" in str(caught.value)
    assert len(list_backups(path)) == 1
