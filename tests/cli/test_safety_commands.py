"""The command line: backup, restore, passphrase, subject-access and purge."""

from __future__ import annotations

import json
from datetime import date

import pytest

from iro_desktop.cli import main
from iro_desktop.storage import history
from iro_desktop.storage.backup import list_backups
from iro_desktop.storage.errors import WrongPassphrase
from iro_desktop.storage.opening import open_store
from tests.raw import raw_db
from tests.safety.safety_helpers import NEW_PASSPHRASE, PASSPHRASE, add_child

ON = "2026-11-23"


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "caseload.iro.db"
    store = open_store(path, PASSPHRASE, create=True)
    add_child(store, ref="C000001")
    old = add_child(store, ref="C000002", first="Longgone")
    history.archive(store, "children", old, date(2024, 1, 1))
    store.close()
    monkeypatch.setenv("IRO_DESKTOP_PASSPHRASE", PASSPHRASE)
    return path


def test_backup_and_list(db, capsys):
    assert main(["backup", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Backed up to" in out and "backups" in out
    assert main(["backup", "--db", str(db), "--list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {b["kind"] for b in listed} == {"manual", "daily"}


def test_restore_from_the_command_line(db, capsys):
    main(["backup", "--db", str(db)])
    backup = next(b for b in list_backups(db) if b.kind == "manual")
    capsys.readouterr()
    assert main(["restore", "--db", str(db), str(backup.path)]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "kept as" in out
    assert main(["restore", "--db", str(db), str(db.parent / "nothing")]) == 1
    assert "no backup file" in capsys.readouterr().err


def test_passphrase_change_from_the_environment(db, capsys, monkeypatch):
    monkeypatch.setenv("IRO_DESKTOP_NEW_PASSPHRASE", NEW_PASSPHRASE)
    assert main(["passphrase", "--db", str(db)]) == 0
    assert "is changed" in capsys.readouterr().out
    with pytest.raises(WrongPassphrase):
        open_store(db, PASSPHRASE)
    open_store(db, NEW_PASSPHRASE).close()
    # The old passphrase no longer works from the command line either.
    assert main(["passphrase", "--db", str(db)]) == 1
    assert "does not open" in capsys.readouterr().err


def test_passphrase_prompts_twice(db, capsys, monkeypatch):
    answers = iter([NEW_PASSPHRASE, NEW_PASSPHRASE + "typo"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    assert main(["passphrase", "--db", str(db)]) == 1
    assert "differ" in capsys.readouterr().err
    open_store(db, PASSPHRASE).close()


def test_subject_access(db, tmp_path, capsys):
    out = tmp_path / "sar.docx"
    assert main(["subject-access", "--db", str(db), "--child", "C000001", "--out", str(out)]) == 0
    assert out.exists() and "C000001" in capsys.readouterr().out
    assert main(["subject-access", "--db", str(db), "--child", "C0", "--out", str(out)]) == 1
    assert "no child with reference C0" in capsys.readouterr().err
    assert main(["subject-access", "--db", str(db), "--child", "C000001", "--out", "x.txt"]) == 1


def test_purge_lists_then_needs_confirmation(db, capsys, monkeypatch):
    assert main(["purge", "--db", str(db), "--on", ON, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"child": "C000002", "initials": "LQ", "archived_on": "2024-01-01"}
    ]
    assert main(["purge", "--db", str(db), "--on", ON]) == 1  # no terminal, no --yes
    captured = capsys.readouterr()
    assert "C000002" in captured.out and "LQ" in captured.out
    assert "Longgone" not in captured.out
    assert "--yes" in captured.err
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt="": "no")
    assert main(["purge", "--db", str(db), "--on", ON]) == 0
    assert "Nothing was deleted" in capsys.readouterr().out
    monkeypatch.setattr("builtins.input", lambda prompt="": "yes")
    assert main(["purge", "--db", str(db), "--on", ON]) == 0
    assert "Purged 1 child record(s)" in capsys.readouterr().out
    store = open_store(db, PASSPHRASE)
    assert [r[0] for r in raw_db(store).execute("SELECT child_ref FROM children")] == ["C000001"]
    store.close()
    assert main(["purge", "--db", str(db), "--on", ON, "--yes"]) == 0
    assert "Nobody is due" in capsys.readouterr().out


# -- issue 14: passphrases that mean something, the old passphrase, the prompt's delay ----------
@pytest.mark.parametrize("weak", ["aaaaaaaa", "12345678", "password", "Password1"])
def test_init_refuses_a_passphrase_that_is_easy_to_guess(tmp_path, monkeypatch, capsys, weak):
    monkeypatch.setenv("IRO_DESKTOP_PASSPHRASE", weak)
    target = tmp_path / "new.iro.db"
    assert main(["init", "--db", str(target)]) == 1
    assert "too easy to guess" in capsys.readouterr().err
    assert not target.exists()


def test_a_new_passphrase_and_a_handover_passphrase_must_be_strong(
    db, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("IRO_DESKTOP_NEW_PASSPHRASE", "password")
    assert main(["passphrase", "--db", str(db)]) == 1
    assert "too easy to guess" in capsys.readouterr().err
    open_store(db, PASSPHRASE).close()  # unchanged
    monkeypatch.setenv("IRO_DESKTOP_HANDOVER_PASSPHRASE", "12345678")
    out = tmp_path / "h.iro"
    assert main(["handover", "--db", str(db), "--child", "C000001", "--out", str(out)]) == 1
    assert "too easy to guess" in capsys.readouterr().err
    assert not out.exists()


def test_an_existing_caseload_with_a_weak_passphrase_still_opens(tmp_path, monkeypatch, capsys):
    path = tmp_path / "old.iro.db"
    open_store(path, "aaaaaaaa", create=True).close()  # made before passphrases were checked
    monkeypatch.setenv("IRO_DESKTOP_PASSPHRASE", "aaaaaaaa")
    assert main(["due", "--db", str(path), "--on", ON]) == 0
    assert main(["demo", "--db", str(tmp_path / "demo.iro.db"), "--on", ON]) == 0  # exempt


def test_the_old_passphrase_after_a_change_is_named_and_nothing_is_restored(
    db, capsys, monkeypatch
):
    main(["backup", "--db", str(db)])
    monkeypatch.setenv("IRO_DESKTOP_NEW_PASSPHRASE", NEW_PASSPHRASE)
    assert main(["passphrase", "--db", str(db), "--keep-old-backups"]) == 0
    capsys.readouterr()
    before = db.read_bytes()
    assert main(["due", "--db", str(db), "--on", ON]) == 1  # still the old one in the env
    err = capsys.readouterr().err
    today = date.today()
    assert f"the passphrase from before {today.day} {today:%b %Y}" in err
    assert "Use the new one" in err and "damaged" not in err and "restore" not in err
    assert db.read_bytes() == before


def test_wrong_tries_at_the_prompt_wait_longer_each_time(db, monkeypatch, capsys):
    monkeypatch.delenv("IRO_DESKTOP_PASSPHRASE")
    answers = iter(["wrong one", "wrong two", PASSPHRASE])
    waits = []
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("time.sleep", waits.append)
    assert main(["due", "--db", str(db), "--on", ON]) == 0
    assert waits == [0.0, 1.0]
    assert capsys.readouterr().err.count("does not open") == 2
