"""Start lean (issue 18): the desktop app opens a current file with its integrity check and
daily backup left until the due list is painted, and every write held until they pass. A
write tried meanwhile is refused with a sentence; a damaged file found then is never written.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
from safety_helpers import PASSPHRASE, add_child

from iro_desktop.gui.worker import user_message
from iro_desktop.services import session
from iro_desktop.services.settings import load_settings, save_settings
from iro_desktop.storage.backup import list_backups, take_backup
from iro_desktop.storage.integrity import DamagedStore
from iro_desktop.storage.opening import open_store
from tests.raw import raw_db


def _caseload(path: Path, children: int = 1) -> None:
    store = open_store(path, PASSPHRASE, create=True)
    with store.atomic():
        for i in range(children):
            add_child(store, ref=f"S{i:06d}", first="Filler" * 40)
    store.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 32] = bytes(b ^ 0x5A for b in data[middle : middle + 32])
    path.write_bytes(bytes(data))


def test_a_write_before_the_checks_pass_is_refused_with_a_sentence_then_allowed(tmp_path):
    path = tmp_path / "mine.iro.db"
    _caseload(path)
    before = _digest(path)
    store = session.open_with_safety(path, PASSPHRASE, checks_later=True)
    try:
        assert store.writes_held
        assert list_backups(path) == []  # the daily backup waits for the checks too
        settings = load_settings(store)  # reading is never held
        changed = replace(settings, iro_name="Sam Reviewer")
        with pytest.raises(Exception) as caught:
            save_settings(store, changed)
        said = user_message(caught.value)
        assert "Nothing was saved yet" in said and "still checking mine.iro.db" in said
        assert "Try again in a moment" in said
        with pytest.raises(Exception, match="readonly"):
            add_child(store, ref="S999999")  # the history writer is held the same way
        assert _digest(path) == before, "nothing reached the file"

        assert session.take_checks_due(store) is True
        assert session.take_checks_due(store) is False  # asked for once per opening
        session.finish_opening(store)
        assert not store.writes_held
        assert [b.kind for b in list_backups(path)] == ["daily"]
        save_settings(store, changed)
        assert load_settings(store).iro_name == "Sam Reviewer"
    finally:
        store.close()


def test_a_damaged_file_found_after_opening_is_never_written(tmp_path):
    path = tmp_path / "mine.iro.db"
    _caseload(path, children=300)
    store = open_store(path, PASSPHRASE)
    good = take_backup(store, "manual").path
    store.close()
    for daily in [b for b in list_backups(path) if b.kind == "daily"]:
        daily.path.unlink()  # so that a daily backup would be due at the next opening
    _damage(path)
    before = _digest(path)
    backups_before = list_backups(path)

    store = session.open_with_safety(path, PASSPHRASE, checks_later=True)  # opens for reading
    try:
        with pytest.raises(DamagedStore) as caught:
            session.finish_opening(store)
        assert caught.value.latest_good_backup == good
        assert store.writes_held  # shut for good: no write ever reaches a damaged file
        with pytest.raises(Exception) as refused:
            add_child(store, ref="S999999")
        said = user_message(refused.value)
        assert "failed its check" in said and "will not write to it" in said
        assert "Restore backup" in said  # what to do: the latest good backup, by name
        session.finish_opening(store)  # asked again: still shut, nothing written
        assert store.writes_held
    finally:
        store.close()
    assert _digest(path) == before
    assert list_backups(path) == backups_before  # no backup taken of a damaged file


def test_a_file_that_needs_migrating_is_checked_backed_up_and_migrated_at_once(
    tmp_path, monkeypatch
):
    from iro_desktop.storage import opening

    path = tmp_path / "mine.iro.db"
    _caseload(path)
    store = open_store(path, PASSPHRASE)
    raw_db(store).execute("PRAGMA user_version = 4")  # one migration behind
    store.close()
    monkeypatch.setattr(opening, "apply_migrations", lambda db: db.execute(
        f"PRAGMA user_version = {opening.SCHEMA_VERSION}"))  # fmt: skip
    store = session.open_with_safety(path, PASSPHRASE, checks_later=True)
    try:
        assert not store.writes_held  # checked and migrated before it was handed over
        assert "pre-migration" in {b.kind for b in list_backups(path)}
    finally:
        store.close()
