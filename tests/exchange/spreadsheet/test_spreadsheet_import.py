"""The IRO's own tracker: xlsx and csv read, mapping proposed and remembered, dates read
day-first and listed when ambiguous, every refusal listed before anything is written."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from iro_desktop.exchange.conflict import Conflict
from iro_desktop.exchange.spreadsheet import (
    MAPPING_SETTING,
    SOURCE_SHEET,
    BadSpreadsheet,
    column_evidence,
    import_sheet,
    load_remembered_mapping,
    parse_sheet_date,
    preview_import,
    propose_mapping,
    read_sheet,
)
from iro_desktop.storage import history
from iro_desktop.storage.history import SOURCE_APP
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.records import load_child_record
from iro_desktop.storage.settings_store import load_settings
from tests.raw import raw_db

TODAY = date(2026, 4, 20)


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "t.db", "pw", create=True)
    yield opened
    opened.close()


def snapshot(store) -> dict[str, list[dict]]:
    names = [
        r["name"]
        for r in raw_db(store).query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: list(raw_db(store).query(f"SELECT * FROM [{t}] ORDER BY rowid")) for t in names}


def tracker_xlsx(path: Path) -> Path:
    """A tracker as IROs keep them: a title row, group headings merged over columns, a heading
    merged down two rows, blank rows, Excel date cells, a formula."""
    book = Workbook()
    ws = book.active
    ws.title = "My caseload"
    ws["A1"] = "IRO caseload tracker"  # a title above the table
    ws.merge_cells("A1:H1")
    # Row 3-4: headings.
    ws["A3"] = "Ref"
    ws.merge_cells("A3:A4")
    ws["B3"] = "Child"
    ws.merge_cells("B3:C3")
    ws["B4"], ws["C4"] = "Name", "DOB"
    ws["D3"] = "Care"
    ws.merge_cells("D3:E3")
    ws["D4"], ws["E4"] = "Date looked after", "Placement"
    ws["F3"] = "Reviews"
    ws.merge_cells("F3:H3")
    ws["F4"], ws["G4"], ws["H4"] = "Last review", "Next review booked", "Next review due"
    ws["I3"] = "Social worker"
    ws.merge_cells("I3:I4")
    rows = [
        ("C101", "Sam Brown", datetime(2014, 5, 12), datetime(2025, 12, 19), "Mr & Mrs Patel",
         datetime(2026, 1, 21), datetime(2026, 5, 20), "=G5+0", "Priya Nair"),
        None,  # a blank row
        ("C102", "Ellis Jones", "03/11/2011", "2026-02-02", "Oak House",
         "25/02/2026", None, None, "Tom Ellison"),
        None,
        None,
        ("C103", "Ana Silva", "25/08/2019", "14-Jan-26", "@Home", None, None, None,
         "=HYPERLINK(\"x\")"),
    ]  # fmt: skip
    r = 5
    for row in rows:
        if row is not None:
            for c, value in enumerate(row, start=1):
                ws.cell(r, c, value)
        r += 1
    book.save(path)
    return path


def test_xlsx_tracker_with_merged_headings_blank_rows_and_excel_dates(store, tmp_path):
    sheet = read_sheet(tracker_xlsx(tmp_path / "tracker.xlsx"))
    assert sheet.headers[:3] == ["Ref", "Child Name", "Child DOB"]
    assert sheet.header_row == 4
    assert [r.number for r in sheet.rows] == [5, 7, 10]
    proposal = propose_mapping(sheet)
    assert [c.field for c in proposal.columns] == [
        "child_ref", "child_name", "dob", "looked_after_from", "placement", "last_review",
        "next_review", None, "social_worker",
    ]  # fmt: skip
    assert proposal.columns[7].how == "worked out by IRO Desktop"

    preview = preview_import(store, sheet, proposal.mapping, TODAY)
    assert preview.refusals == []
    assert preview.counts()["add"] == 3
    before = snapshot(store)
    assert snapshot(store) == before  # the preview wrote nothing

    report = import_sheet(store, preview)
    assert (report.added, report.updated) == (3, 0)
    sam = load_child_record(store, "C101")
    assert (sam.child.first_name, sam.child.last_name, sam.child.dob) == (
        "Sam",
        "Brown",
        date(2014, 5, 12),
    )
    assert sam.child.social_worker == "Priya Nair"
    (episode,) = sam.episodes
    assert (episode.decom, episode.rne, episode.placement_name) == (
        date(2025, 12, 19), "S", "Mr & Mrs Patel")  # fmt: skip
    held = [r for r in sam.reviews if r.is_held]
    booked = [r for r in sam.reviews if r.status == "booked"]
    assert [r.part_dates for r in held] == [(date(2026, 1, 21),)]
    assert [r.booked_for for r in booked] == [date(2026, 5, 20)]
    ellis = load_child_record(store, "C102")
    assert ellis.child.dob == date(
        2011, 11, 3
    )  # typed 03/11/2011; 25/08/2019 in the column shows day-first
    assert ellis.episodes[0].decom == date(2026, 2, 2)
    ana = load_child_record(store, "C103")
    assert ana.episodes[0].decom == date(2026, 1, 14)
    assert ana.child.dob == date(2019, 8, 25)
    assert ana.episodes[0].placement_name == "@Home"
    assert ana.child.social_worker == '=HYPERLINK("x")'  # a formula is kept as its text

    sources = {r["source"] for r in raw_db(store).query("SELECT source FROM change_log")}
    assert sources == {SOURCE_SHEET}
    # The mapping is remembered, with its history, and proposed next time.
    remembered = load_remembered_mapping(store)
    assert remembered["ref"] == "child_ref" and remembered["reviews next review due"] == ""
    assert (
        raw_db(store)
        .execute("SELECT count(*) FROM change_log WHERE field = ?", [MAPPING_SETTING])
        .fetchone()[0]
        == 1
    )
    load_settings(store)  # the settings loader ignores the key
    again = propose_mapping(sheet, remembered)
    assert all(c.how == "remembered" for c in again.columns)

    # The same sheet again changes nothing.
    log = raw_db(store)["change_log"].count
    report = import_sheet(store, preview_import(store, sheet, again.mapping, TODAY))
    assert (report.added, report.updated, report.unchanged) == (0, 0, 3)
    assert raw_db(store)["change_log"].count == log


def test_windows_1252_csv_with_semicolons(store, tmp_path):
    text = ("Child ID;Surname;Forename;Date of birth;Team\r\n"
            "C201;Lefèvre;Zoë;25/12/2013;Children in Care – North\r\n"
            "C202;O’Neill;Siân;4/1/2015;Leaving Care\r\n")  # fmt: skip
    path = tmp_path / "tracker.csv"
    path.write_bytes(text.encode("cp1252"))
    sheet = read_sheet(path)
    assert (sheet.encoding, sheet.delimiter) == ("cp1252", ";")
    preview = preview_import(store, sheet, propose_mapping(sheet).mapping, TODAY)
    assert preview.refusals == []
    import_sheet(store, preview)
    child = load_child_record(store, "C201").child
    assert (child.first_name, child.last_name) == ("Zoë", "Lefèvre")
    assert child.social_worker_team == "Children in Care – North"
    assert load_child_record(store, "C202").child.dob == date(2015, 1, 4)


def test_utf8_bom_tab_separated_csv(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "Ref\tName\tDOB\r\nC1\tAlys Ŵyn\t2014-02-03\r\n".encode())
    sheet = read_sheet(path)
    assert sheet.headers == ["Ref", "Name", "DOB"]
    assert (sheet.encoding, sheet.delimiter) == ("utf-8-sig", "\t")
    assert sheet.rows[0].cells[1] == "Alys Ŵyn"


def test_a_csv_cell_neutralised_by_our_export_reads_back_as_text(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Ref,Social worker\r\nC1,'=1+1\r\n", encoding="utf-8")
    assert read_sheet(path).rows[0].cells[1] == "=1+1"


def test_an_unreadable_encoding_is_refused(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"Ref,Name\r\nC1,\x81\x8d\x90\r\n")
    with pytest.raises(BadSpreadsheet, match="neither UTF-8 nor Windows-1252"):
        read_sheet(path)


def test_half_the_dates_ambiguous_are_all_listed_and_nothing_written(store, tmp_path):
    lines = ["Ref,Name,DOB,Last review"]
    ambiguous = []
    for n in range(10):
        if n % 2:
            review = f"{n % 9 + 1}/{n % 3 + 5}/2026"  # day and month both 12 or less
            ambiguous.append(n)
        else:
            review = f"2026-0{n % 3 + 1}-1{n}"
        lines.append(f"C{n:03d},Child {n},2012-03-0{n % 9 + 1},{review}")
    path = tmp_path / "half.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    sheet = read_sheet(path)
    before = snapshot(store)
    preview = preview_import(store, sheet, propose_mapping(sheet).mapping, TODAY)
    assert not preview.can_import
    assert [r.row for r in preview.refusals] == [n + 2 for n in ambiguous]
    assert all(r.kind == "ambiguous date" and r.column == "D Last review"
               for r in preview.refusals)  # fmt: skip
    assert "could be" in preview.refusals[0].reason and "month first" in preview.refusals[0].reason
    assert sum(1 for r in preview.rows if r.action == "refused") == 5
    with pytest.raises(BadSpreadsheet, match="nothing was written"):
        import_sheet(store, preview)
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("value", "evidence", "expected"),
    [
        ("3/4/2025", True, date(2025, 4, 3)),
        ("03-Apr-25", False, date(2025, 4, 3)),
        ("2025-04-03", False, date(2025, 4, 3)),
        ("3 April 2025", False, date(2025, 4, 3)),
        ("25/12/2025", False, date(2025, 12, 25)),
        ("4/4/2025", False, date(2025, 4, 4)),  # the same either way
        ("03.04.2025", True, date(2025, 4, 3)),
        ("2025-04-03 00:00:00", False, date(2025, 4, 3)),
        (datetime(2025, 4, 3), False, date(2025, 4, 3)),  # an Excel date cell
        ("3/4/25", True, date(2025, 4, 3)),
    ],
)
def test_dates_read_day_first(value, evidence, expected):
    reading = parse_sheet_date(value, TODAY, day_first_evidence=evidence)
    assert (reading.value, reading.problem) == (expected, "")


@pytest.mark.parametrize(
    ("value", "problem", "words"),
    [
        ("3/4/2025", "ambiguous", "could be 3 April 2025 (day first) or 4 March 2025"),
        ("3/4/99", "ambiguous", "two-digit year"),
        ("03-Apr-99", "ambiguous", "two-digit year"),
        ("31/02/2025", "impossible", "not a real date"),
        ("4/25/2025", "impossible", "month-first"),
        ("April 2025", "impossible", "not a whole date"),
        ("TBC", "impossible", "not a date"),
        (45000, "impossible", "a number"),
        ("=TODAY()", "impossible", "formula"),
    ],
)
def test_dates_listed_not_guessed(value, problem, words):
    reading = parse_sheet_date(value, TODAY)
    assert reading.value is None and reading.problem == problem
    assert words in reading.reason


def test_column_evidence_needs_a_day_over_12_and_no_month_over_12():
    assert column_evidence(["3/4/2025", "25/4/2025"])
    assert not column_evidence(["3/4/2025", "4/5/2025"])
    assert not column_evidence(["25/4/2025", "4/25/2025"])


def test_the_iro_s_app_entry_wins_and_conflicts_are_listed(store, tmp_path):
    cid = history.insert(
        store,
        "children",
        {"child_ref": "C1", "dob": date(2012, 1, 1), "social_worker": "Old SW"},
        source=SOURCE_APP,
    )
    history.update(store, "children", cid, {"first_name": "Samuel"}, source=SOURCE_APP)
    history.insert(store, "children", {"child_ref": "C2", "dob": date(2013, 1, 1)},
                   source="import-903")  # fmt: skip
    path = tmp_path / "t.csv"
    path.write_text("Ref,First name,Social worker,DOB\r\nC1,Sam,New SW,\r\nC2,Ali,,\r\n",
                    encoding="utf-8")  # fmt: skip
    sheet = read_sheet(path)
    preview = preview_import(store, sheet, propose_mapping(sheet).mapping, TODAY)
    assert preview.refusals == []
    assert Conflict("C1", "children", "first_name", "Samuel", "Sam") in preview.conflicts
    assert Conflict("C1", "children", "social_worker", "Old SW", "New SW") in preview.conflicts
    report = import_sheet(store, preview)
    assert load_child_record(store, "C1").child.first_name == "Samuel"
    assert load_child_record(store, "C2").child.first_name == "Ali"  # not the IRO's: updated
    assert load_child_record(store, "C2").child.dob == date(2013, 1, 1)  # blank never clears
    assert len(report.conflicts) == 2


def test_refusals_listed_for_every_bad_row(store, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "Ref,DOB,Gender,Last review\r\n"
        "C1,2012-01-01,Male,2026-01-01\r\n"
        ",2012-01-01,F,\r\n"  # no reference
        "C1,2012-01-01,F,\r\n"  # a repeat
        "C3,,F,\r\n"  # new and no date of birth
        "C4,2012-01-01,X,\r\n"  # not a gender
        "C5,2012-01-01,F,2026-12-01\r\n",  # a held review in the future
        encoding="utf-8",
    )
    sheet = read_sheet(path)
    preview = preview_import(store, sheet, propose_mapping(sheet).mapping, TODAY)
    assert [(r.row, r.kind) for r in preview.refusals] == [
        (3, "missing"), (4, "duplicate"), (5, "missing"), (6, "invalid"), (7, "invalid"),
    ]  # fmt: skip
    assert preview.as_json()["counts"] == {"add": 1, "update": 0, "no change": 0, "refused": 5}


def test_a_mapping_file_changes_the_proposal(tmp_path):
    from iro_desktop.exchange.spreadsheet import mapping_from_json

    path = tmp_path / "t.csv"
    path.write_text("Case,Who,Notes\r\nC1,Sam,x\r\n", encoding="utf-8")
    sheet = read_sheet(path)
    proposal = propose_mapping(sheet)
    assert proposal.missing == ["child_ref"]
    mapping = mapping_from_json(sheet, json.loads('{"Case": "child_ref", "B": "child_name"}'),
                                proposal.mapping)  # fmt: skip
    assert mapping == {0: "child_ref", 1: "child_name"}
    with pytest.raises(BadSpreadsheet, match="not something IRO Desktop imports"):
        mapping_from_json(sheet, {"Case": "shoe_size"}, proposal.mapping)
