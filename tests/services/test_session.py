"""The file's use cases without Qt, as the GUI and the command line both call them:
remembering the last caseload, opening, the demo, the passphrase (strength, the auto-lock's
check, changing it), restoring a backup and the damaged-file restore."""

from datetime import date
from pathlib import Path

import pytest

from iro_desktop.services import passphrases, session
from iro_desktop.services.passphrases import passphrase_strength
from iro_desktop.services.safety import backup_now
from iro_desktop.storage.opening import open_store
from tests.raw import raw_db
from tests.safety.safety_helpers import add_child

PASSPHRASE = "correct horse battery staple"


# -- remembering the last file ------------------------------------------------------------------
def test_the_last_caseload_is_remembered_as_a_path_only(tmp_path):
    assert session.last_caseload_path() is None
    path = tmp_path / "x.iro.db"
    path.write_bytes(b"x")
    session.remember_caseload_path(path)
    assert session.last_caseload_path() == path.resolve()
    assert session.state_file().read_text().count("\n") < 5
    path.unlink()
    assert session.last_caseload_path() is None  # a file since moved is not offered


def test_a_damaged_state_file_is_ignored():
    session.state_file().parent.mkdir(parents=True, exist_ok=True)
    session.state_file().write_text("{not json")
    assert session.last_caseload_path() is None


@pytest.mark.parametrize(
    ("text", "usable"),
    [
        ("short", False),
        ("aaaaaaaa", False),
        ("12345678", False),
        ("password", False),
        ("elephants", False),
        ("wrong wrong wrong", False),
        (PASSPHRASE, True),
    ],
)
def test_passphrase_strength_is_zxcvbns_and_needs_three_of_four(text, usable):
    assert (passphrase_strength(text)[0] >= 3) is usable


# -- opening, restoring and the passphrase, as both front ends call them ----------------------
NEW_PASSPHRASE = "a different long passphrase"
TODAY = date(2026, 11, 23)


@pytest.fixture
def own(tmp_path) -> Path:
    """A closed caseload with one child, under PASSPHRASE."""
    path = tmp_path / "mine.iro.db"
    store = open_store(path, PASSPHRASE, create=True)
    add_child(store, ref="C000001")
    store.close()
    return path


def children(store) -> list[str]:
    return sorted(r["child_ref"] for r in raw_db(store)["children"].rows)


def test_the_environment_passphrase_opens_unasked_and_a_wrong_one_is_said(own, monkeypatch):
    asked = []
    monkeypatch.setenv(session.PASSPHRASE_ENV, PASSPHRASE)
    store = session.open_caseload(own, lambda: asked.append(1))
    assert store is not None and not store.is_demo and not asked
    store.close()
    monkeypatch.setenv(session.PASSPHRASE_ENV, "wrong wrong wrong")
    with pytest.raises(session.WrongPassphrase):
        session.open_caseload(own, lambda: asked.append(1))
    assert not asked  # a wrong passphrase in the environment is said, never re-asked


def test_open_demo_leaves_an_own_file_at_its_place_alone(own):
    with pytest.raises(session.NotADemoFile):
        session.open_demo(TODAY, own)
    store = session.open_caseload(own, lambda: PASSPHRASE)
    assert children(store) == ["C000001"]  # untouched
    store.close()


def test_the_auto_lock_check_says_yes_or_wrong_passphrase(own):
    assert passphrases.check_passphrase(own, PASSPHRASE) is True
    with pytest.raises(session.WrongPassphrase):
        passphrases.check_passphrase(own, NEW_PASSPHRASE)


def test_change_and_reopen_needs_the_current_passphrase(own):
    store = session.open_with_safety(own, PASSPHRASE)
    with pytest.raises(session.WrongPassphrase, match="not the caseload's current passphrase"):
        passphrases.change_and_reopen(store, "not my passphrase", NEW_PASSPHRASE)
    assert children(store) == ["C000001"]  # refused before the store was closed
    outcome = passphrases.change_and_reopen(store, PASSPHRASE, NEW_PASSPHRASE)
    assert outcome.error is None and outcome.result.backups_rekeyed >= 0
    assert children(outcome.store) == ["C000001"]
    outcome.store.close()
    assert passphrases.check_passphrase(own, NEW_PASSPHRASE)


def test_restore_and_reopen_brings_back_what_the_backup_held(own):
    store = session.open_with_safety(own, PASSPHRASE)
    backup = backup_now(store)
    add_child(store, ref="C000002")
    outcome = session.restore_and_reopen(store, backup.path, PASSPHRASE, PASSPHRASE)
    assert outcome.error is None
    assert children(outcome.store) == ["C000001"]
    outcome.store.close()
    assert any(b.kind == "replaced" for b in session.list_backups(own))


def test_a_backup_the_passphrase_does_not_open_leaves_the_store_open(own):
    store = session.open_with_safety(own, PASSPHRASE)
    backup = backup_now(store)
    with pytest.raises(session.BadBackup):
        session.restore_and_reopen(store, backup.path, NEW_PASSPHRASE, PASSPHRASE)
    assert children(store) == ["C000001"]
    store.close()


def test_the_damaged_file_restore_tries_the_typed_then_the_environment_passphrase(own, monkeypatch):
    store = session.open_with_safety(own, PASSPHRASE)
    backup = backup_now(store)
    store.close()
    monkeypatch.setenv(session.PASSPHRASE_ENV, PASSPHRASE)
    restored = session.restore_damaged(own, backup.path, "typed but wrong")
    assert children(restored) == ["C000001"] and not restored.is_demo
    restored.close()
    monkeypatch.delenv(session.PASSPHRASE_ENV)
    with pytest.raises(session.BadBackup):
        session.restore_damaged(own, backup.path, None)
    assert session.backup_description(backup.path) == backup.describe()
