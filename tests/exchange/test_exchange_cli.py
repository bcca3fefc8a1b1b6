"""The command line: import-sheet, export-903, handover and receive."""

from __future__ import annotations

import json
from datetime import date

import pytest

from iro_desktop.cli.main import build_parser, main
from iro_desktop.services.session import PASSPHRASE_ENV, create_caseload, create_demo
from iro_desktop.storage import history
from iro_desktop.storage.opening import open_store
from tests.raw import raw_db

HANDOVER_ENV = "IRO_DESKTOP_HANDOVER_PASSPHRASE"
ON = "2026-11-23"


@pytest.fixture
def demo_db(tmp_path):
    path, _ = create_demo(date(2026, 11, 23), tmp_path / "demo.db")
    return path


@pytest.fixture
def empty_db(tmp_path, monkeypatch):
    monkeypatch.setenv(PASSPHRASE_ENV, "caseload pass")
    path = tmp_path / "mine.db"
    create_caseload(path, "caseload pass").close()
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_sheet_previews_then_writes_only_with_yes(capsys, tmp_path, empty_db):
    sheet = tmp_path / "tracker.csv"
    sheet.write_text("Ref,Name,DOB,Last review\r\nC1,Sam Brown,25/12/2013,2026-10-01\r\n",
                     encoding="utf-8")  # fmt: skip
    code, out, _ = run(capsys, "import-sheet", "--db", empty_db, "--on", ON, sheet)
    assert code == 0
    assert "Child reference" in out and "1 new child" in out
    assert "Nothing was imported: run again with --yes" in out
    store = open_store(empty_db, "caseload pass")
    assert raw_db(store)["children"].count == 0
    store.close()

    code, out, _ = run(capsys, "import-sheet", "--db", empty_db, "--on", ON, "--yes", "--json",
                       sheet)  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["imported"] is True and data["report"]["added"] == 1


def test_import_sheet_with_a_mapping_file_and_refusals(capsys, tmp_path, empty_db):
    sheet = tmp_path / "tracker.csv"
    sheet.write_text("Case,DOB\r\nC1,3/4/2012\r\nC2,4/5/2012\r\n", encoding="utf-8")
    mapping = tmp_path / "map.json"
    mapping.write_text('{"Case": "child_ref"}', encoding="utf-8")
    code, out, _ = run(capsys, "import-sheet", "--db", empty_db, "--on", ON, "--yes",
                       "--mapping", mapping, sheet)  # fmt: skip
    assert code == 1
    assert "row 2, column B DOB" in out and "row 3, column B DOB" in out
    assert "Nothing was imported." in out


def test_export_903_writes_the_year_or_lists_breaches(capsys, tmp_path, demo_db, empty_db):
    out_dir = tmp_path / "903"
    code, out, _ = run(capsys, "export-903", "--db", demo_db, "--year", 2027, "--out", out_dir)
    assert code == 0, out
    assert "Passes the DfE 903 rules" in out
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "episodes.csv", "header.csv", "reviews.csv", "uasc.csv"]  # fmt: skip

    store = open_store(empty_db, "caseload pass")
    cid = history.insert(store, "children", {"child_ref": "X1", "dob": date(2015, 1, 1)})
    history.insert(store, "episodes", {"child_id": cid, "decom": date(2026, 5, 1), "rne": "S",
                                       "ls": "C2", "place": "U1"})  # fmt: skip
    store.close()
    bad_dir = tmp_path / "bad"
    code, out, _ = run(capsys, "export-903", "--db", empty_db, "--year", 2027, "--out", bad_dir,
                       "--json")  # fmt: skip
    data = json.loads(out)
    assert code == 1 and data["written"] is False
    assert {p["rule"] for p in data["problems"]} == {"101", "103", "145", "178", "218"}
    assert not bad_dir.exists()
    code, out, _ = run(capsys, "export-903", "--db", empty_db, "--all-years", "--out", bad_dir,
                       "--anyway")  # fmt: skip
    assert code == 0 and (bad_dir / "header.csv").exists()


def test_handover_and_receive(capsys, tmp_path, demo_db, empty_db, monkeypatch):
    monkeypatch.setenv(HANDOVER_ENV, "handover pass phrase")
    bundle = tmp_path / "handover-AB-DB1.iro"
    store = open_store(demo_db, "iro-desktop-demo-caseload")
    first = raw_db(store).query("SELECT child_ref FROM children ORDER BY child_ref")
    ref = next(first)["child_ref"]
    store.close()
    code, out, _ = run(capsys, "handover", "--db", demo_db, "--child", ref, "--out", bundle)
    assert code == 0 and bundle.exists(), out
    code, out, _ = run(capsys, "receive", "--db", empty_db, bundle, "--json")
    assert code == 0 and json.loads(out)["added"]["children"] == 1
    code, out, _ = run(capsys, "receive", "--db", empty_db, bundle)
    assert code == 0 and "nothing changed" in out

    monkeypatch.setenv(HANDOVER_ENV, "not the passphrase")
    code, out, err = run(capsys, "receive", "--db", empty_db, bundle)
    assert code == 1 and "passphrase does not open" in err and "Nothing was imported" in err


def test_help_documents_the_handover_passphrase():
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    for name in ("handover", "receive"):
        assert HANDOVER_ENV in commands.choices[name].format_help()
    assert "--yes" in commands.choices["import-sheet"].format_help()
    assert "--year" in commands.choices["export-903"].format_help()
