"""The tracker is checked as the forms check what is typed: a reference that is not one (a
path, a right-to-left override, a formula), a name with control characters, a name far too
long, are refused with nothing written. A UTF-8 file with one stray Windows-1252 byte is read
line by line ("Siân" stays "Siân") with the row named; a wholly Windows-1252 file still
imports. Workbooks are read in read-only mode within bounds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from iro_desktop.exchange.spreadsheet import (
    BadSpreadsheet,
    import_sheet,
    preview_import,
    propose_mapping,
    read_sheet,
)
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.records import load_child_record
from tests.raw import raw_db

TODAY = date(2026, 4, 20)
HEADER = "Child ref,First name,Surname,DOB\n"


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "t.db", "pw", create=True)
    yield opened
    opened.close()


def preview(store, path: Path):
    sheet = read_sheet(path)
    return preview_import(store, sheet, propose_mapping(sheet).mapping, TODAY)


@pytest.mark.parametrize(
    "ref",
    ["../../../x", "S1\u202e0001", "=HYPERLINK(\"http://x\",\"y\")", "-2+3", "@SUM(A1)",
     "S1 0001", "S" * 21],
)  # fmt: skip
def test_bad_references_are_refused_and_nothing_is_written(store, tmp_path, ref):
    path = tmp_path / "t.csv"
    quoted = '"' + ref.replace('"', '""') + '"'
    path.write_text(HEADER + f"{quoted},Ann,Lee,15/03/2015\nS100002,Bo,Ng,15/03/2016\n", "utf-8")
    found = preview(store, path)
    assert [r.row for r in found.refusals] == [2]
    assert found.refusals[0].column == "A Child ref"
    assert "\u202e" not in found.refusals[0].value  # shown spelt out, never applied
    with pytest.raises(BadSpreadsheet, match="nothing was written"):
        import_sheet(store, found)
    assert raw_db(store)["children"].count == 0


@pytest.mark.parametrize(
    ("first", "why"),
    [("Ann\x07", "control character"), ("An\u202en", "direction"), ("A" * 300, "characters long")],
)
def test_names_that_cannot_be_held_are_refused(store, tmp_path, first, why):
    path = tmp_path / "t.xlsx"
    book = Workbook()
    book.active.append(["Child ref", "First name", "Surname", "DOB"])
    book.active.append(["S100001", first.replace("\x07", ""), "Lee", "15/03/2015"])
    book.save(path)
    if "\x07" in first:  # openpyxl will not write a control character: use a CSV
        path = tmp_path / "t.csv"
        path.write_text(HEADER + f"S100001,{first},Lee,15/03/2015\n", "utf-8")
    found = preview(store, path)
    assert len(found.refusals) == 1 and why in found.refusals[0].reason
    assert found.refusals[0].column == "B First name"


def test_a_stray_windows_1252_byte_in_a_utf8_file_is_read_line_by_line(store, tmp_path):
    path = tmp_path / "t.csv"
    utf8 = (HEADER + "S100001,Siân,Pryce,15/03/2015\n").encode("utf-8")
    stray = "S100002,Zoë,Brontë,16/03/2015\n".encode("cp1252")  # pasted from an old file
    arabic = "S100003,سارة,Haddad,17/03/2015\n".encode()
    path.write_bytes(utf8 + stray + arabic)
    found = preview(store, path)
    assert not found.refusals
    assert any("row(s) 3 were not" in w for w in found.warnings), found.warnings
    import_sheet(store, found)
    assert load_child_record(store, "S100001").child.first_name == "Siân"  # not "SiÃ¢n"
    assert load_child_record(store, "S100003").child.first_name == "سارة"
    assert load_child_record(store, "S100002").child.first_name == "Zoë"


def test_a_wholly_windows_1252_file_still_imports_without_a_warning(store, tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes((HEADER + "S100002,Zoë,Brontë,16/03/2015\n").encode("cp1252"))
    found = preview(store, path)
    assert not found.refusals and not found.warnings
    import_sheet(store, found)
    assert load_child_record(store, "S100002").child.last_name == "Brontë"


def test_a_workbook_is_read_in_read_only_mode_with_its_merged_headings(tmp_path, monkeypatch):
    """openpyxl's read-only mode (a stream) is what reads the workbook; merged headings are
    still understood."""
    import openpyxl

    calls = []
    real = openpyxl.load_workbook

    def spy(*args, **kwargs):
        calls.append(kwargs.get("read_only"))
        return real(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", spy)
    book = Workbook()
    ws = book.active
    ws["A1"], ws["C1"] = "Child", "Reviews"
    ws.merge_cells("C1:D1")
    ws.append(["Child ref", "DOB", "Last review", "Next review booked"])
    ws.append(["S100001", "15/03/2015", "01/02/2026", ""])
    book.save(tmp_path / "t.xlsx")
    sheet = read_sheet(tmp_path / "t.xlsx")
    assert calls == [True]
    assert sheet.headers[2] == "Reviews Last review"
    assert [r.cells[0] for r in sheet.rows] == ["S100001"]


def test_data_beyond_the_columns_read_is_refused(tmp_path):
    book = Workbook()
    book.active.append(["Child ref", "DOB"])
    book.active.cell(row=2, column=600, value="far")
    book.save(tmp_path / "t.xlsx")
    with pytest.raises(BadSpreadsheet, match="too big for a tracker"):
        read_sheet(tmp_path / "t.xlsx")


def test_a_date_the_schedule_cannot_count_from_is_refused(store, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Child ref,DOB,Next review booked\nS100001,15/03/2015,31/12/9999\n", "utf-8")
    found = preview(store, path)
    assert [r.kind for r in found.refusals] == ["impossible date"]
    assert "between 1900 and 2100" in found.refusals[0].reason
