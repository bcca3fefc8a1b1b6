"""The key derived first thing at start (issue 18: start lean), used by the opening only when
it is for the same file, with the same passphrase, and the file was not replaced meanwhile."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from iro_desktop.services import early
from iro_desktop.storage import database, early_key
from iro_desktop.storage.opening import open_store
from tests.raw import raw_db

PASSPHRASE = "correct horse battery"
ROOT = Path(__file__).resolve().parents[2]


def _caseload(path: Path) -> Path:
    open_store(path, PASSPHRASE, create=True).close()
    return path


def test_the_key_is_begun_with_only_sqlcipher_loaded(tmp_path):
    """What the app loads before it begins the key: its paths and SQLCipher's driver."""
    code = (
        "import sys, json\n"
        "from iro_desktop.services.early import begin_key_for_arguments\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True, timeout=60).stdout  # fmt: skip
    loaded = set(json.loads(out))
    assert "sqlcipher3" in loaded
    assert not {"sqlite_utils", "PySide6", "iro_desktop.services.session"} & loaded
    assert not [m for m in loaded if m.startswith("iro_desktop.storage.") and m not in (
        "iro_desktop.storage.early_key",)]  # fmt: skip


def test_an_early_key_for_the_same_file_and_passphrase_is_used(tmp_path, monkeypatch):
    path = _caseload(tmp_path / "mine.iro.db")
    early_key.begin(path, PASSPHRASE)
    made = []
    monkeypatch.setattr(
        "iro_desktop.storage.opening.connect_encrypted",
        lambda *a: made.append(a) or database.connect_encrypted(*a),
    )
    store = open_store(path, PASSPHRASE)
    try:
        assert made == []  # the early connection was taken: no second key derivation
        conn = raw_db(store)
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    finally:
        store.close()


def test_an_early_key_is_not_used_for_another_passphrase_or_a_replaced_file(tmp_path):
    path = _caseload(tmp_path / "mine.iro.db")
    other = _caseload(tmp_path / "other.iro.db")
    early_key.begin(path, "a wrong passphrase")
    assert early_key.take(path, "a wrong passphrase") is None  # wrong: left to the opening
    early_key.begin(path, PASSPHRASE)
    assert early_key.take(path, "another") is None
    early_key.begin(path, PASSPHRASE)
    early_key._started[(str(path.absolute()), PASSPHRASE)].wait()
    shutil.copy(other, path.with_suffix(".swap"))
    os.replace(path.with_suffix(".swap"), path)  # a restore swapped the file meanwhile
    assert early_key.take(path, PASSPHRASE) is None
    early_key.forget_all()


def test_only_the_app_launch_begins_a_key(tmp_path, monkeypatch):
    begun = []
    monkeypatch.setattr(
        early_key, "begin", lambda path, passphrase: begun.append((path, passphrase))
    )
    monkeypatch.setenv(early.PASSPHRASE_ENV, PASSPHRASE)
    early.begin_key_for_arguments(["due", "--db", "x.iro.db"])
    early.begin_key_for_arguments(["--help"])
    assert begun == []
    early.begin_key_for_arguments(["--db", "x.iro.db", "--on", "2026-11-23"])
    early.begin_key_for_arguments(["--demo"])
    assert begun == [
        (Path("x.iro.db"), PASSPHRASE),
        (early.default_demo_path(), early.DEMO_PASSPHRASE),
    ]
    assert early.DEMO_PASSPHRASE == database.DEMO_PASSPHRASE


def test_the_demo_is_keyed_with_its_raw_key_and_an_older_demo_still_opens(tmp_path):
    from sqlcipher3 import dbapi2 as sqlcipher

    from iro_desktop.services.session import create_demo, open_demo_if_demo

    path, _count = create_demo(database_day(), tmp_path / "demo.iro.db")
    raw = sqlcipher.connect(str(path))
    raw.execute(f"PRAGMA key = {early_key.sql_text(early_key.DEMO_RAW_KEY)}")
    assert raw.execute("SELECT count(*) FROM children").fetchone()[0] > 0  # no derivation
    raw.close()
    store = open_demo_if_demo(path)
    assert store is not None and store.is_demo
    store.close()

    older = tmp_path / "older-demo.iro.db"  # keyed from the passphrase, as before issue 18
    conn = sqlcipher.connect(str(older))
    conn.execute(f"PRAGMA key = {early_key.sql_text(early_key.DEMO_PASSPHRASE)}")
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    opened = database.connect_encrypted(older, database.DEMO_PASSPHRASE)
    assert opened.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    opened.close()


def database_day():
    from tests.conftest import DEMO_DAY

    return DEMO_DAY
