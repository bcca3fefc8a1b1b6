"""The caseload file is encrypted at rest and opens only with its passphrase."""

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from iro_desktop.storage import history
from iro_desktop.storage.errors import (
    NewerSchema,
    NotACaseloadFile,
    StoreNotFound,
    WrongPassphrase,
)
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.records import load_child_records
from tests.raw import raw_db

PASSPHRASE = "correct horse battery"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _add_child(store, ref="DB000001", first="Zephyrine", last="Quillfeather"):
    return history.insert(
        store,
        "children",
        {"child_ref": ref, "first_name": first, "last_name": last, "dob": "2014-05-06"},
    )


def test_file_on_disk_is_encrypted(store):
    _add_child(store)
    path = store.path
    store.close()
    raw = path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert b"Zephyrine" not in raw
    assert "Zephyrine".encode("utf-16-le") not in raw
    assert b"Quillfeather" not in raw


def test_reopens_with_the_right_passphrase(store):
    _add_child(store)
    path = store.path
    store.close()
    reopened = open_store(path, PASSPHRASE)
    assert [r.child.first_name for r in load_child_records(reopened)] == ["Zephyrine"]
    reopened.close()


def test_wrong_passphrase_is_clear_quiet_and_changes_nothing(store, capfd):
    _add_child(store)
    path = store.path
    store.close()
    before = _digest(path)
    with pytest.raises(WrongPassphrase) as caught:
        open_store(path, "not the passphrase")
    assert "passphrase does not open" in str(caught.value)
    assert "nothing in the file has been changed" in str(caught.value)
    out, err = capfd.readouterr()
    assert "hmac" not in (out + err).lower()
    assert "ERROR" not in out + err
    assert _digest(path) == before


def test_missing_file_is_not_created_when_opening(tmp_path):
    path = tmp_path / "nothing-here.iro.db"
    with pytest.raises(StoreNotFound) as caught:
        open_store(path, PASSPHRASE)
    assert "iro-desktop init" in str(caught.value)
    assert not path.exists()


def test_plain_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "plain.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NotACaseloadFile):
        open_store(path, PASSPHRASE)
    assert _digest(path) == before


def test_file_from_a_newer_version_is_refused(store):
    path = store.path
    raw_db(store).execute("PRAGMA user_version = 99")
    store.close()
    with pytest.raises(NewerSchema) as caught:
        open_store(path, PASSPHRASE)
    assert "newer version of IRO Desktop" in str(caught.value)


def test_every_migration_is_numbered_and_sets_user_version(store):
    from iro_desktop.storage.migrations import SCHEMA_VERSION, migrations, schema_version

    names = [m.name for m in migrations._migrations]
    assert names == sorted(names)
    assert [int(n[:4]) for n in names] == list(range(1, len(names) + 1))
    assert schema_version(raw_db(store)) == SCHEMA_VERSION == len(names)


def test_pending_migration_writes_a_backup_first(tmp_path):
    """A file from an older schema (a saved fixture: no private sqlite-utils internals
    patched) is backed up, as it was, before its migrations run."""
    from iro_desktop.storage.backup import KIND_PRE_MIGRATION, list_backups, verify_backup
    from iro_desktop.storage.migrations import SCHEMA_VERSION, schema_version

    fixture = Path(__file__).parent.parent / "fixtures" / "schemas" / "schema-0001.iro.db"
    path = tmp_path / fixture.name
    path.write_bytes(fixture.read_bytes())
    before = path.read_bytes()
    assert SCHEMA_VERSION > 1  # so the file has migrations pending

    reopened = open_store(path, "fixture passphrase")
    assert schema_version(raw_db(reopened)) == SCHEMA_VERSION
    reopened.close()

    backups = [b for b in list_backups(path) if b.kind == KIND_PRE_MIGRATION]
    assert len(backups) == 1
    assert backups[0].path.read_bytes() == before  # the file as it was, before migrating
    assert verify_backup(backups[0].path, "fixture passphrase") == 1


@pytest.mark.parametrize(
    "schema",
    sorted(
        int(path.name[len("schema-") : len("schema-") + 4])
        for path in (Path(__file__).parent.parent / "fixtures" / "schemas").glob("schema-*.iro.db")
    ),
)
def test_saved_schema_database_opens(tmp_path, schema):
    """A file written by each released schema still opens, migrates and reads."""
    from iro_desktop.storage.migrations import SCHEMA_VERSION, schema_version

    name = f"schema-{schema:04d}.iro.db"
    fixture = Path(__file__).parent.parent / "fixtures" / "schemas" / name
    copy = tmp_path / fixture.name
    copy.write_bytes(fixture.read_bytes())
    opened = open_store(copy, "fixture passphrase")
    assert schema_version(raw_db(opened)) == SCHEMA_VERSION
    records = load_child_records(opened)
    assert [r.child.child_ref for r in records] == ["FX000001"]
    assert records[0].reviews[0].review_code == "PN1"
    letters = list(raw_db(opened)["letters"].rows)
    assert [row["kind"] for row in letters] == (["letter"] if schema >= 2 else [])
    from iro_desktop.services.drafts import load_drafts

    drafts = load_drafts(opened)  # schema 3 keeps forms' drafts inside the encrypted file
    assert [d.payload.get("note") for d in drafts] == (["Fixture draft"] if schema >= 3 else [])
    # Schema 4: the child-facing layer, and what the letter needs to be the child's own.
    record = records[0]
    expected = ["Fixture wording"] if schema >= 4 else []
    assert [w.text_en for w in record.wordings] == expected
    if schema >= 4:
        decision = next(d for d in record.decisions if d.what == "Fixture decision")
        assert record.wordings[0].item_key == f"decision:{decision.id}"
        assert (record.child.first_language, record.child.letter_format) == ("Welsh", "read_aloud")
        assert record.child.learning_need is True
        assert [p.called_by_child for p in record.people] == ["Nain"]
        assert record.reviews[0].plan_type == "staying_here"
        assert record.reviews[0].next_contact_on == date(2026, 3, 1)
        assert [row["with_rights"] for row in letters] == [1]
    else:
        assert record.child.letter_format == "auto" and record.reviews[0].plan_type == ""
    # Schema 5: sex in one vocabulary, M/F/U (the fixture's child was written as "1").
    assert record.child.gender == ("M" if schema >= 5 else "")
    opened.close()


def test_migration_0005_turns_old_sex_codes_into_m_and_f_with_their_history(tmp_path):
    """A schema-0004 file holding the older 903 codes 1 and 2 opens with M and F, one history
    entry per changed row (source "migration"); blank and M/F/U rows are left as they were."""
    from iro_desktop.storage.database import connect_encrypted

    copy = tmp_path / "schema-0004.iro.db"
    copy.write_bytes((Path(__file__).parent.parent / "fixtures/schemas" / copy.name).read_bytes())
    conn = connect_encrypted(copy, "fixture passphrase")
    conn.execute("UPDATE children SET gender = '2'")
    for ref, gender in (("FX000002", "1"), ("FX000003", ""), ("FX000004", "U")):
        conn.execute(
            "INSERT INTO children (child_ref, dob, gender, created_at, updated_at)"
            " VALUES (?, '2014-01-01', ?, '2026-01-01', '2026-01-01')",
            (ref, gender),
        )
    conn.commit()
    conn.close()

    opened = open_store(copy, "fixture passphrase")
    db = raw_db(opened)
    genders = dict(db.execute("SELECT child_ref, gender FROM children").fetchall())
    assert genders == {"FX000001": "F", "FX000002": "M", "FX000003": "", "FX000004": "U"}
    ids = dict(db.execute("SELECT child_ref, id FROM children").fetchall())
    entries = db.execute(
        "SELECT table_name, row_id, action, field, old, new, source FROM change_log"
        " WHERE source = 'migration' ORDER BY row_id"
    ).fetchall()
    assert entries == [
        ("children", ids["FX000001"], "update", "gender", "2", "F", "migration"),
        ("children", ids["FX000002"], "update", "gender", "1", "M", "migration"),
    ]
    sources = history.field_sources(opened, "children", ids["FX000002"])
    assert sources["gender"] == "migration"
    opened.close()
