"""The `iro-desktop` command as a person and as another tool use it."""

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from iro_desktop.cli import main

ON = "2026-11-23"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.iro.db"
    assert main(["demo", "--db", str(path), "--on", ON]) == 0
    return path


def _json(capsys, argv) -> list:
    capsys.readouterr()
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_demo_says_it_is_demo_data(tmp_path, capsys):
    path = tmp_path / "d.iro.db"
    assert main(["demo", "--db", str(path), "--on", ON]) == 0
    out = capsys.readouterr().out
    assert "DEMO DATA" in out
    assert "fictional children" in out


def test_due_table_for_a_person(demo_db, capsys):
    assert main(["due", "--db", str(demo_db), "--on", ON, "--within", "28"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("DEMO DATA")
    assert "Overdue (" in out
    assert "This week (" in out
    assert "Next 4 weeks (" in out


def test_due_puts_the_iros_own_work_first_with_a_summary_and_why(demo_db, capsys):
    assert main(["due", "--db", str(demo_db), "--on", ON, "--within", "28"]) == 0
    out = capsys.readouterr().out
    summary = out.splitlines()[2]
    assert "reviews overdue" in summary or "review overdue" in summary
    assert out.index("Yours to do: Overdue (") < out.index("Others' actions to chase: Overdue (")
    assert "why: " in out
    assert "Decision: " in out  # the decision's own words, not only "Decision due"
    yours = out[out.index("Yours to do: Overdue (") :]
    first_task = yours.splitlines()[2]
    assert "Hold the review" in first_task  # reviews lead their group


def test_due_json_adds_owner_and_section_keeping_the_contract(demo_db, capsys):
    rows = _json(capsys, ["due", "--db", str(demo_db), "--on", ON, "--within", "28", "--json"])
    owners = {r["task"]: r["owner"] for r in rows}
    assert owners["review"] == "iro" and owners["decision"] == "others"
    assert {r["section"] for r in rows} == {"yours", "to_chase"}
    for row in rows:
        assert row["section"] == {"iro": "yours", "others": "to_chase"}[row["owner"]]
        assert row["hold_by_passed"] == (row["hold_by"] < ON <= row["due"])


def test_due_json_contract(demo_db, capsys):
    rows = _json(capsys, ["due", "--db", str(demo_db), "--on", ON, "--within", "28", "--json"])
    assert rows, "the demo has work due"
    today = date.fromisoformat(ON)
    horizon = today + timedelta(days=28)
    for row in rows:
        assert {"child", "task", "ref", "due", "hold_by", "status", "group"} <= set(row)
        due = date.fromisoformat(row["due"])
        assert (row["status"] == "overdue") == (due < today)
        assert due <= horizon
        assert date.fromisoformat(row["hold_by"]) <= due
    keys = [(r["due"], r["child"], r["task"], r["ref"]) for r in rows]
    assert keys == sorted(keys)
    assert {r["group"] for r in rows} == {"overdue", "this_week", "next_4_weeks"}


def test_schedule_json_contract(demo_db, capsys):
    rows = _json(capsys, ["schedule", "--db", str(demo_db), "--on", ON, "--json"])
    assert [r["child"] for r in rows] == sorted(r["child"] for r in rows)
    assert {r["regime"] for r in rows} >= {"looked_after", "short_breaks", "adoption"}
    assert "cy" in {r["language"] for r in rows}
    for row in rows:
        assert row["region"] in {"england", "wales"}
        held = [review["held"] for review in row["reviews"]]
        assert held == sorted(held)
        for review in row["reviews"]:
            assert review["in_time"] == (review["held"] <= review["due"])
            assert review["held"] in review["parts"]
        if row["next_review_due"] is None:
            assert row["regime"] is None and row["hold_by"] is None
        else:
            assert row["hold_by"] <= row["next_review_due"]


def test_wrong_passphrase_is_one_clear_line(tmp_path, monkeypatch, capfd):
    path = tmp_path / "mine.iro.db"
    monkeypatch.setenv("IRO_DESKTOP_PASSPHRASE", "a good long passphrase")
    assert main(["init", "--db", str(path)]) == 0
    before = path.read_bytes()
    capfd.readouterr()
    monkeypatch.setenv("IRO_DESKTOP_PASSPHRASE", "not it at all")
    assert main(["due", "--db", str(path), "--on", ON]) == 1
    out, err = capfd.readouterr()
    assert err.strip().splitlines() == [
        f"iro-desktop: That passphrase does not open {path.name}. Check Caps Lock and try "
        "again; nothing in the file has been changed."
    ]
    assert "Traceback" not in out + err
    assert path.read_bytes() == before


def test_no_passphrase_and_no_terminal_says_what_to_do(tmp_path, monkeypatch, capsys):
    path = tmp_path / "mine.iro.db"
    monkeypatch.setenv("IRO_DESKTOP_PASSPHRASE", "a good long passphrase")
    main(["init", "--db", str(path)])
    monkeypatch.delenv("IRO_DESKTOP_PASSPHRASE")
    with open(os.devnull) as no_terminal:
        monkeypatch.setattr("sys.stdin", no_terminal)
        assert main(["due", "--db", str(path)]) == 1
    assert "IRO_DESKTOP_PASSPHRASE" in capsys.readouterr().err


def test_missing_file_is_explained(tmp_path, capsys):
    assert main(["due", "--db", str(tmp_path / "none.iro.db")]) == 1
    assert "iro-desktop init" in capsys.readouterr().err


def test_demo_never_overwrites_a_real_caseload(tmp_path, monkeypatch, capsys):
    path = tmp_path / "mine.iro.db"
    monkeypatch.setenv("IRO_DESKTOP_PASSPHRASE", "a good long passphrase")
    main(["init", "--db", str(path)])
    before = path.read_bytes()
    assert main(["demo", "--db", str(path)]) == 1
    assert "not a demo file" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_help_documents_the_passphrase_variable():
    result = subprocess.run(
        [sys.executable, "-m", "iro_desktop", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "IRO_DESKTOP_PASSPHRASE" in result.stdout


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2026-13-01", "2026-13-01: there is no month 13"),
        ("31/02/2027", "31/02/2027: February 2027 has 28 days"),
        ("soon", "soon is not a date: write it as DD/MM/YYYY"),
    ],
)
def test_bad_date_is_a_usage_error_saying_what_is_wrong(capsys, typed, message):
    with pytest.raises(SystemExit) as stopped:
        main(["due", "--demo", "--on", typed])
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


def test_dates_are_taken_as_dd_mm_yyyy_as_on_the_forms(demo_db, capsys):
    iso = _json(capsys, ["due", "--db", str(demo_db), "--on", ON, "--within", "28", "--json"])
    british = _json(
        capsys, ["due", "--db", str(demo_db), "--on", "23/11/2026", "--within", "28", "--json"]
    )
    short = _json(
        capsys, ["due", "--db", str(demo_db), "--on", "23/11/26", "--within", "28", "--json"]
    )
    assert iso == british == short and iso
