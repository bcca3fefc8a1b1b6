"""The 903 import: files read and checked, the caseload updated in one transaction, the IRO's
own entries kept; and the export that writes files the import reads back."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from iro_desktop.exchange.conflict import Conflict
from iro_desktop.exchange.errors import Bad903File, ExchangeError
from iro_desktop.exchange.ssda903.read import import_903
from iro_desktop.exchange.ssda903.spec import parse_date
from iro_desktop.exchange.ssda903.write import write_903_csvs
from iro_desktop.services.caseload import caseload, schedule_as_json
from iro_desktop.storage import history
from iro_desktop.storage.history import SOURCE_APP, SOURCE_IMPORT
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.records import child_id_for, load_child_record
from iro_desktop.storage.settings_store import load_settings
from tests.raw import raw_db

BASIC = Path(__file__).parents[2] / "fixtures" / "903" / "basic"
TODAY = date(2026, 4, 20)


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "t.db", "pw", create=True)
    yield opened
    opened.close()


@pytest.fixture
def files(tmp_path) -> Path:
    """A copy of the basic 903 folder that a test may change."""
    folder = tmp_path / "903"
    shutil.copytree(BASIC, folder)
    return folder


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_bytes().decode("utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_bytes(text.replace(old, new, 1).encode("utf-8"))


def snapshot(store) -> dict[str, list[dict]]:
    """Every row of every table, to show that a refused import changed nothing."""
    tables = [
        row["name"]
        for row in raw_db(store).query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: list(raw_db(store).query(f"SELECT * FROM [{t}] ORDER BY rowid")) for t in tables}


def counts(report) -> dict[str, tuple[int, int, int, int, int]]:
    return {
        table: (c.added, c.updated, c.archived, c.restored, c.unchanged)
        for table, c in report.counts.items()
    }


# --- reading ---------------------------------------------------------------------------------


def test_happy_path_imports_children_episodes_and_reviews(store):
    report = import_903(store, BASIC, today=TODAY)

    assert counts(report) == {
        "children": (4, 0, 0, 0, 0),
        "episodes": (7, 0, 0, 0, 0),
        "reviews": (5, 0, 0, 0, 0),
    }
    assert report.conflicts == []
    assert report.warnings == []

    c001 = load_child_record(store, "C001")
    assert c001.child.dob == date(2015, 5, 12)
    assert (c001.child.gender, c001.child.ethnicity, c001.child.upn) == (
        "M",  # 1 in the file: stored as M (one vocabulary)
        "WBRI",
        "A123456789012",
    )
    assert c001.child.uasc is False
    (episode,) = c001.episodes
    assert (episode.decom, episode.rne, episode.ls, episode.place, episode.place_provider) == (
        date(2025, 12, 19),
        "S",
        "C2",
        "U1",
        "PR1",
    )
    assert (episode.home_post, episode.pl_post, episode.dec) == ("W10 6", "W2 1", None)
    (review,) = c001.reviews
    assert review.is_held and review.review_code == "PN1"
    assert review.part_dates == (date(2026, 1, 21),)

    short_breaks = load_child_record(store, "C002")
    assert [e.ls for e in short_breaks.episodes] == ["V3", "V3", "V3"]
    assert [e.dec for e in short_breaks.episodes] == [
        date(2026, 1, 11),
        date(2026, 2, 8),
        date(2026, 3, 8),
    ]

    adoption = load_child_record(store, "C003")
    assert [(e.place, e.ls, e.rec) for e in adoption.episodes] == [
        ("U1", "C2", "X1"),
        ("A4", "E1", ""),
    ]
    assert adoption.episodes[1].reason_place_change == "CARPL"

    uasc = load_child_record(store, "C004")
    assert uasc.child.uasc is True
    assert uasc.child.uasc_ceased == date(2027, 10, 10)
    assert uasc.episodes[0].urn == "SC123456"

    # Every write is in the history, marked as coming from the import.
    sources = {r["source"] for r in raw_db(store).query("SELECT source FROM change_log")}
    assert sources == {SOURCE_IMPORT}


def test_imported_records_give_the_worked_example_schedules(store):
    import_903(store, BASIC, today=TODAY)
    settings = load_settings(store)
    by_child = {o.record.child.child_ref: schedule_as_json(o, settings)
                for o in caseload(store, TODAY, settings)}  # fmt: skip
    # F2: three V3 breaks are one arrangement, first review 3 months after the first break.
    assert by_child["C002"]["regime"] == "short_breaks"
    assert by_child["C002"]["reviews"][0]["due"] == "2026-04-09"
    # G2: placed for adoption 16 Mar 2026 after a first review on 2 Feb: next by 13 Apr.
    assert [r["due"] for r in by_child["C003"]["reviews"]] == ["2026-02-02", "2026-04-13"]
    assert by_child["C003"]["regime"] == "adoption"
    # A: looked after from 19 Dec 2025, first review due 21 Jan 2026.
    assert by_child["C001"]["reviews"][0]["due"] == "2026-01-21"


def test_column_names_in_any_case_with_spaces_and_a_bom(store, files):
    for name in ("header.csv", "episodes.csv", "reviews.csv", "uasc.csv"):
        path = files / name
        first, rest = path.read_bytes().decode("utf-8").split("\r\n", 1)
        headings = [
            f" {h.lower()} " if i % 2 else h.title() for i, h in enumerate(first.split(","))
        ]
        path.write_bytes(b"\xef\xbb\xbf" + (",".join(headings) + "\r\n" + rest).encode())

    report = import_903(store, files, today=TODAY)

    assert counts(report)["episodes"] == (7, 0, 0, 0, 0)
    assert load_child_record(store, "C004").episodes[0].pl_post == "CR0 2"
    assert load_child_record(store, "C004").child.uasc_ceased == date(2027, 10, 10)


def test_iso_dates_and_lower_case_codes_are_accepted(store, files):
    edit(files, "header.csv", "C001,1,12/05/2015,WBRI", "C001,1,2015-05-12,wbri")
    edit(files, "episodes.csv", "C001,19/12/2025,S,C2", "C001,2025-12-19,s,c2")
    edit(files, "reviews.csv", "C001,12/05/2015,21/01/2026", "C001,2015-05-12,2026-01-21")

    import_903(store, files, today=TODAY)

    record = load_child_record(store, "C001")
    assert record.child.dob == date(2015, 5, 12)
    assert record.child.ethnicity == "WBRI"
    assert (record.episodes[0].decom, record.episodes[0].ls) == (date(2025, 12, 19), "C2")
    assert record.reviews[0].part_dates == (date(2026, 1, 21),)


def test_parse_date_formats():
    assert parse_date("05/03/2026") == date(2026, 3, 5)
    assert parse_date("5/3/2026") == date(2026, 3, 5)
    assert parse_date("2026-03-05") == date(2026, 3, 5)
    assert parse_date("05/03/2026 00:00") == date(2026, 3, 5)
    for bad in ("31/02/2026", "05/03/26", "2026/03/05", "March 5", "05-03-2026"):
        with pytest.raises(ValueError):
            parse_date(bad)


def test_uasc_file_sets_uasc_and_is_optional(store, files):
    import_903(store, files, today=TODAY)
    assert load_child_record(store, "C004").child.uasc is True
    assert load_child_record(store, "C001").child.uasc is False

    (files / "uasc.csv").unlink()  # without the file, UASC is left as it is
    report = import_903(store, files, today=TODAY)
    assert not report.changed
    assert load_child_record(store, "C004").child.uasc is True

    (files / "uasc.csv").write_text("CHILD,SEX,DOB,DUC\r\nC001,1,12/05/2015,\r\n")
    report = import_903(store, files, today=TODAY)
    assert counts(report)["children"] == (0, 2, 0, 0, 2)
    assert load_child_record(store, "C001").child.uasc is True
    assert load_child_record(store, "C001").child.uasc_ceased is None
    assert load_child_record(store, "C004").child.uasc is False
    assert load_child_record(store, "C004").child.uasc_ceased is None


# --- re-importing ----------------------------------------------------------------------------


def test_reimporting_the_same_files_changes_nothing(store):
    import_903(store, BASIC, today=TODAY)
    before = snapshot(store)

    report = import_903(store, BASIC, today=TODAY)

    assert snapshot(store) == before  # not a row, not a change_log entry
    assert counts(report) == {
        "children": (0, 0, 0, 0, 4),
        "episodes": (0, 0, 0, 0, 7),
        "reviews": (0, 0, 0, 0, 5),
    }
    assert not report.changed


def test_a_changed_file_updates_only_the_changed_field(store, files):
    import_903(store, files, today=TODAY)
    log_before = raw_db(store)["change_log"].count
    edit(files, "episodes.csv", "C001,19/12/2025,S,C2,N1,U1,PR1", "C001,19/12/2025,S,C2,N1,U4,PR1")
    edit(files, "reviews.csv", "C003,01/06/2022,13/04/2026,PN0", "C003,01/06/2022,13/04/2026,PN1")

    report = import_903(store, files, today=TODAY)

    assert counts(report)["episodes"] == (0, 1, 0, 0, 6)
    assert counts(report)["reviews"] == (0, 1, 0, 0, 4)
    new = list(
        raw_db(store).query("SELECT * FROM change_log WHERE id > ? ORDER BY id", [log_before])
    )
    assert [(e["table_name"], e["field"], e["old"], e["new"], e["source"]) for e in new] == [
        ("episodes", "place", "U1", "U4", SOURCE_IMPORT),
        ("reviews", "review_code", "PN0", "PN1", SOURCE_IMPORT),
    ]
    assert load_child_record(store, "C001").episodes[0].place == "U4"


def test_a_row_missing_from_the_newer_file_is_archived_then_restored(store, files):
    import_903(store, files, today=TODAY)
    edit(files, "reviews.csv", "C003,01/06/2022,13/04/2026,PN0\r\n", "")
    edit(files, "episodes.csv", "C002,06/03/2026,S,V3,N1,U1,PR1,08/03/2026,E8,,SW1A 1,SW1A 2,\r\n",
         "")  # fmt: skip

    report = import_903(store, files, today=date(2026, 5, 1))

    assert counts(report)["reviews"] == (0, 0, 1, 0, 4)
    assert counts(report)["episodes"] == (0, 0, 1, 0, 6)
    reviews = load_child_record(store, "C003").reviews
    assert len(reviews) == 2  # still there, marked archived
    assert [r.archived_on for r in reviews] == [None, date(2026, 5, 1)]
    assert raw_db(store)["reviews"].count == 5
    episodes = load_child_record(store, "C002").episodes
    assert [e.archived_on for e in episodes] == [None, None, date(2026, 5, 1)]

    # The same file again: nothing more to do.
    assert not import_903(store, files, today=date(2026, 5, 2)).changed

    # The original file again: the rows come back, not as new rows.
    report = import_903(store, BASIC, today=date(2026, 5, 3))
    assert counts(report)["reviews"] == (0, 0, 0, 1, 4)
    assert counts(report)["episodes"] == (0, 0, 0, 1, 6)
    assert raw_db(store)["reviews"].count == 5
    assert all(r.archived_on is None for r in load_child_record(store, "C003").reviews)


def test_a_child_missing_from_the_newer_header_is_archived_with_their_records(store, files):
    import_903(store, files, today=TODAY)
    edit(files, "header.csv", "C001,1,12/05/2015,WBRI,A123456789012,,\r\n", "")
    edit(files, "episodes.csv", "C001,19/12/2025,S,C2,N1,U1,PR1,,,,W10 6,W2 1,\r\n", "")
    edit(files, "reviews.csv", "C001,12/05/2015,21/01/2026,PN1\r\n", "")

    report = import_903(store, files, today=TODAY)

    assert [counts(report)[t][2] for t in ("children", "episodes", "reviews")] == [1, 1, 1]
    assert load_child_record(store, "C001").child.archived_on == TODAY


def test_what_the_iro_recorded_in_the_app_wins_and_is_listed(store, files):
    import_903(store, files, today=TODAY)
    child_id = child_id_for(store, "C001")
    history.update(store, "children", child_id, {"ethnicity": "WIRI"}, source=SOURCE_APP)
    edit(files, "header.csv", "C001,1,12/05/2015,WBRI,A123456789012", "C001,1,12/05/2015,WBRI,B999")
    log_before = raw_db(store)["change_log"].count

    report = import_903(store, files, today=TODAY)

    child = load_child_record(store, "C001").child
    assert child.ethnicity == "WIRI"  # the IRO's value kept
    assert child.upn == "B999"  # the other field the file changed is updated
    assert report.conflicts == [Conflict("C001", "children", "ethnicity", "WIRI", "WBRI")]
    assert raw_db(store)["change_log"].count == log_before + 1
    assert any("ethnicity" in line and "WIRI" in line for line in report.summary_lines())

    # Importing again lists the conflict again and writes nothing.
    log_before = raw_db(store)["change_log"].count
    again = import_903(store, files, today=TODAY)
    assert again.conflicts == report.conflicts
    assert raw_db(store)["change_log"].count == log_before


def test_rows_the_iro_entered_are_never_archived_by_an_import(store):
    import_903(store, BASIC, today=TODAY)
    child_id = child_id_for(store, "C001")
    episode_id = history.insert(store, "episodes", {
        "child_id": child_id, "decom": date(2026, 3, 1), "rne": "P", "ls": "C2", "place": "U3",
    })  # fmt: skip
    review_id = history.insert(store, "reviews", {"child_id": child_id, "review_code": "PN1"})
    history.insert(store, "review_parts", {"review_id": review_id, "held_on": date(2026, 4, 1)})
    history.insert(store, "children", {"child_ref": "APP1", "dob": date(2014, 1, 1)})

    report = import_903(store, BASIC, today=TODAY)

    assert not report.changed
    assert raw_db(store)["episodes"].get(episode_id)["archived_on"] is None
    assert raw_db(store)["reviews"].get(review_id)["archived_on"] is None
    assert load_child_record(store, "APP1").child.archived_on is None


def test_an_app_entered_review_is_matched_on_its_first_part(store):
    """A review the IRO entered in parts matches the file's REVIEW by its earliest part."""
    history.insert(store, "children", {"child_ref": "C001", "dob": date(2015, 5, 12)})
    child_id = child_id_for(store, "C001")
    review_id = history.insert(store, "reviews", {"child_id": child_id, "review_code": "PN5"})
    for held in (date(2026, 1, 28), date(2026, 1, 21)):
        history.insert(store, "review_parts", {"review_id": review_id, "held_on": held})

    report = import_903(store, BASIC, today=TODAY)

    reviews = load_child_record(store, "C001").reviews
    assert len(reviews) == 1
    assert reviews[0].review_code == "PN5"
    assert Conflict("C001", "reviews", "review_code", "PN5", "PN1") in report.conflicts
    # The app child's fields it had left blank are filled from the file; DOB agrees.
    assert load_child_record(store, "C001").child.ethnicity == "WBRI"


def test_a_row_the_iro_archived_in_the_app_stays_archived(store):
    import_903(store, BASIC, today=TODAY)
    child_id = child_id_for(store, "C002")
    history.archive(store, "children", child_id, date(2026, 4, 1), source=SOURCE_APP)

    report = import_903(store, BASIC, today=TODAY)

    assert load_child_record(store, "C002").child.archived_on == date(2026, 4, 1)
    assert Conflict("C002", "children", "archived_on", "2026-04-01", None) in report.conflicts


# --- refusing bad files ----------------------------------------------------------------------


def _write_bytes(folder: Path, name: str, data: bytes) -> None:
    (folder / name).write_bytes(data)


BAD_FILES = {
    "missing column": (
        lambda f: edit(f, "episodes.csv", "CHILD,DECOM,RNE,LS,", "CHILD,DECOM,RNE,LEGAL,"),
        ["episodes.csv", "row 1", "column LS", "missing"],
    ),
    "bad date": (
        lambda f: edit(f, "episodes.csv", "C003,16/03/2026,P", "C003,31/02/2026,P"),
        ["episodes.csv", "row 7", "column DECOM", "'31/02/2026' is not a valid date",
         "DD/MM/YYYY"],
    ),
    "two-digit year": (
        lambda f: edit(f, "header.csv", "C002,2,03/03/2012", "C002,2,03/03/12"),
        ["header.csv", "row 3", "column DOB", "not a valid date"],
    ),
    "unknown code": (
        lambda f: edit(f, "episodes.csv", "S,V2,N1,H5,PR4", "S,V2,N1,H6,PR4"),
        ["episodes.csv", "row 8", "column PLACE", "'H6' is not a valid PLACE code", "A3"],
    ),
    "unknown review code": (
        lambda f: edit(f, "reviews.csv", "21/01/2026,PN1", "21/01/2026,PN8"),
        ["reviews.csv", "row 2", "column REVIEW_CODE", "PN8"],
    ),
    "blank required value": (
        lambda f: edit(f, "reviews.csv", "21/01/2026,PN1", "21/01/2026,"),
        ["reviews.csv", "row 2", "column REVIEW_CODE", "blank"],
    ),
    "review for a child not in header": (
        lambda f: edit(f, "reviews.csv", "C004,10/10/2009", "C999,10/10/2009"),
        ["reviews.csv", "row 6", "column CHILD", "C999", "not in header.csv", "INT08"],
    ),
    "episode for a child not in header": (
        lambda f: edit(f, "episodes.csv", "C001,19/12/2025", "C099,19/12/2025"),
        ["episodes.csv", "row 2", "column CHILD", "C099", "not in header.csv"],
    ),
    "review DOB differs from header": (
        lambda f: edit(f, "reviews.csv", "C002,03/03/2012", "C002,04/03/2012"),
        ["reviews.csv", "row 3", "column DOB", "04/03/2012", "03/03/2012", "INT17"],
    ),
    "duplicate child": (
        lambda f: edit(f, "header.csv", "C004,1,10/10/2009,OOTH,,,",
                       "C004,1,10/10/2009,OOTH,,,\r\nC002,2,03/03/2012,WBRI,,,"),
        ["header.csv", "row 6", "column ETHNIC", "rows 3 and 6 are both CHILD C002"],
    ),
    "duplicate episode": (
        lambda f: edit(f, "episodes.csv", "C002,06/02/2026,S", "C002,09/01/2026,S"),
        ["episodes.csv", "row 4", "column DEC", "rows 3 and 4 are both CHILD C002, DECOM"],
    ),
    "duplicate review": (
        lambda f: edit(f, "reviews.csv", "2022,13/04/2026,PN0", "2022,02/02/2026,PN1"),
        ["reviews.csv", "row 5", "column REVIEW_CODE", "rows 4 and 5 are both CHILD C003"],
    ),
    "episode ends before it starts": (
        lambda f: edit(f, "episodes.csv", "C003,05/01/2026,S,C2,N1,U1,PR1,16/03/2026",
                       "C003,05/01/2026,S,C2,N1,U1,PR1,16/12/2025"),
        ["episodes.csv", "row 6", "column DEC", "before"],
    ),
    "windows-1252 encoding": (
        lambda f: _write_bytes(
            f, "episodes.csv",
            (f / "episodes.csv").read_bytes().replace(b"W2 1", "Caf\u00e9 W2".encode("cp1252")),
        ),
        ["episodes.csv", "row 2", "column PL_POST", "not in UTF-8", "save it as CSV UTF-8"],
    ),
    "binary file": (
        lambda f: _write_bytes(f, "reviews.csv", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00"),
        ["reviews.csv", "binary", "Excel workbook", "save it as CSV UTF-8"],
    ),
    "UTF-16 file": (
        lambda f: _write_bytes(
            f, "header.csv", (f / "header.csv").read_bytes().decode("utf-8").encode("utf-16")
        ),
        ["header.csv", "UTF-16", "save it as CSV UTF-8"],
    ),
    "empty file": (
        lambda f: _write_bytes(f, "reviews.csv", b""),
        ["reviews.csv", "empty"],
    ),
    "empty optional file": (
        lambda f: _write_bytes(f, "uasc.csv", b"\xef\xbb\xbf\r\n"),
        ["uasc.csv", "empty"],
    ),
    "missing required file": (
        lambda f: (f / "episodes.csv").unlink(),
        ["episodes.csv", "missing", "header.csv, episodes.csv and reviews.csv"],
    ),
    "value beyond the last column": (
        lambda f: edit(f, "reviews.csv", "21/01/2026,PN1", "21/01/2026,PN1,extra"),
        ["reviews.csv", "row 2", "column E", "beyond the last headed column"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_refused_and_the_caseload_is_unchanged(store, files, case):
    import_903(store, BASIC, today=TODAY)
    history.update(store, "children", child_id_for(store, "C001"), {"first_name": "Sam"})
    before = snapshot(store)
    spoil, expected = BAD_FILES[case]
    # Make the files differ in other ways too, so a half-done import would show.
    edit(files, "episodes.csv", "C001,19/12/2025,S,C2,N1,U1", "C001,19/12/2025,S,C2,N1,U4")
    spoil(files)

    with pytest.raises(Bad903File) as caught:
        import_903(store, files, today=TODAY)

    message = str(caught.value)
    for fragment in expected:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    assert isinstance(caught.value, ExchangeError)
    assert snapshot(store) == before


def test_the_error_names_file_row_and_column_as_attributes(store, files):
    edit(files, "episodes.csv", "C004,01/09/2025,S,V2,N1,H5", "C004,01/09/2025,S,V2,N1,H6")
    with pytest.raises(Bad903File) as caught:
        import_903(store, files, today=TODAY)
    error = caught.value
    assert (error.file, error.row, error.column) == ("episodes.csv", 8, "PLACE")
    assert str(error).startswith("episodes.csv, row 8, column PLACE: 'H6' is not a valid PLACE")


def test_a_failure_half_way_through_the_import_leaves_the_caseload_unchanged(
    store, files, monkeypatch
):
    import_903(store, BASIC, today=TODAY)
    before = snapshot(store)
    # Changes to every table, so that the import writes several rows before it fails.
    edit(files, "header.csv", "C002,2,03/03/2012,MWBC", "C002,2,03/03/2012,MOTH")
    edit(files, "episodes.csv", "C001,19/12/2025,S,C2,N1,U1", "C001,19/12/2025,S,C2,N1,U4")
    edit(files, "reviews.csv", "C001,12/05/2015,21/01/2026,PN1",
         "C001,12/05/2015,21/01/2026,PN2\r\nC001,12/05/2015,20/04/2026,PN1")  # fmt: skip
    edit(files, "reviews.csv", "C003,01/06/2022,13/04/2026,PN0\r\n", "")

    real_insert = history.Batch.insert
    calls = []

    def failing_insert(self, table, *args, **kwargs):
        calls.append(table)
        if len(calls) == 2:  # the new review's part: after updates to all three tables
            raise RuntimeError("disk full")
        return real_insert(self, table, *args, **kwargs)

    monkeypatch.setattr(history.Batch, "insert", failing_insert)
    with pytest.raises(RuntimeError, match="disk full"):
        import_903(store, files, today=TODAY)
    assert calls == ["reviews", "review_parts"]
    assert snapshot(store) == before

    # Once the failure is gone the same files import in full.
    monkeypatch.setattr(history.Batch, "insert", real_insert)
    report = import_903(store, files, today=TODAY)
    assert counts(report)["reviews"] == (1, 1, 1, 0, 3)


def test_failure_on_the_nth_update_rolls_back(store, files, monkeypatch):
    import_903(store, BASIC, today=TODAY)
    before = snapshot(store)
    edit(files, "header.csv", "C002,2,03/03/2012,MWBC", "C002,2,03/03/2012,MOTH")
    edit(files, "header.csv", "C003,2,01/06/2022,WBRI", "C003,2,01/06/2022,WIRI")
    real_update = history.Batch.update
    calls = []

    def failing_update(self, table, *args, **kwargs):
        calls.append(table)
        if len(calls) == 2:
            raise RuntimeError("power cut")
        return real_update(self, table, *args, **kwargs)

    monkeypatch.setattr(history.Batch, "update", failing_update)
    with pytest.raises(RuntimeError):
        import_903(store, files, today=TODAY)
    assert snapshot(store) == before


# --- participation codes (rules 440/441) -----------------------------------------------------


@pytest.mark.parametrize(
    ("review", "code", "warned"),
    [
        ("01/06/2026", "PN0", None),  # on the 4th birthday: either is accepted silently
        ("01/06/2026", "PN1", None),
        ("02/06/2026", "PN0", "440"),  # aged 4 and a day
        ("31/05/2026", "PN1", "441"),  # the day before the 4th birthday
        ("31/05/2026", "PN0", None),
        ("02/06/2026", "PN3", None),
    ],
)
def test_pn0_and_age_four(store, files, review, code, warned):
    edit(files, "reviews.csv", "C003,01/06/2022,13/04/2026,PN0", f"C003,01/06/2022,{review},{code}")

    report = import_903(store, files, today=TODAY)

    assert counts(report)["reviews"][0] == 5  # imported either way
    if warned is None:
        assert report.warnings == []
    else:
        (warning,) = report.warnings
        assert f"DfE rule {warned}" in warning
        assert "reviews.csv, row 5, column REVIEW_CODE" in warning
        assert any(warning in line for line in report.summary_lines())


# --- export and round trip -------------------------------------------------------------------


def _schedules(store, settings) -> dict[str, dict]:
    out = {}
    for overview in caseload(store, TODAY, settings):
        data = schedule_as_json(overview, settings)
        data.pop("language")
        out[data["child"]] = data
    return out


def _hand_built(store) -> None:
    """A caseload entered in the app: every regime, a booked review, an archived episode."""

    def child(ref, dob, **extra):
        return history.insert(
            store,
            "children",
            {"child_ref": ref, "dob": dob, "gender": "M", "ethnicity": "WBRI", **extra},
        )

    def episode(cid, decom, rne, ls, place, dec=None, rec="", **extra):
        return history.insert(
            store,
            "episodes",
            {
                "child_id": cid,
                "decom": decom,
                "rne": rne,
                "ls": ls,
                "cin": "N1",
                "place": place,
                "place_provider": "PR1",
                "dec": dec,
                "rec": rec,
                **extra,
            },
        )

    def review(cid, held, code, status="held"):
        rid = history.insert(
            store, "reviews", {"child_id": cid, "status": status, "review_code": code}
        )
        if held is not None:
            history.insert(store, "review_parts", {"review_id": rid, "held_on": held})
        return rid

    a = child("R001", date(2015, 5, 12), upn="A12345678901B", language="cy")
    episode(a, date(2025, 12, 19), "S", "C2", "U1")
    review(a, date(2026, 1, 21), "PN1")
    review(a, date(2026, 4, 21), "PN1")
    review(a, None, "", status="booked")
    b = child("R002", date(2012, 3, 3), gender="F")
    for start in (date(2026, 1, 9), date(2026, 2, 6), date(2026, 3, 6)):
        episode(b, start, "S", "V3", "U1", dec=start.replace(day=start.day + 2), rec="E8")
    review(b, date(2026, 4, 9), "PN1")
    c = child("R003", date(2022, 6, 1), mother="", mc_dob=None)
    episode(c, date(2026, 1, 5), "S", "C2", "U1", dec=date(2026, 3, 16), rec="X1")
    episode(c, date(2026, 3, 16), "P", "E1", "A4", reason_place_change="CARPL")
    review(c, date(2026, 2, 2), "PN0")
    d = child("R004", date(2009, 10, 10), uasc=True, uasc_ceased=date(2027, 10, 10))
    episode(d, date(2025, 9, 1), "S", "V2", "H5", urn="SC123456", pl_post="CR0 2")
    gone = episode(d, date(2025, 8, 1), "S", "V2", "H5")
    history.archive(store, "episodes", gone, date(2025, 9, 2))
    review(d, date(2025, 9, 26), "PN2")
    e = child("R005", date(2008, 1, 1))
    episode(e, date(2024, 1, 1), "S", "C2", "U1", dec=date(2025, 6, 1), rec="E11")
    review(e, date(2024, 1, 20), "PN1")


def test_round_trip_of_a_hand_built_caseload_gives_the_same_schedules(store, tmp_path):
    _hand_built(store)
    settings = load_settings(store)
    folder = tmp_path / "out"

    write_903_csvs(store, folder)
    fresh = open_store(tmp_path / "fresh.db", "pw", create=True)
    try:
        report = import_903(fresh, folder, today=TODAY)
        assert report.warnings == []
        assert _schedules(fresh, settings) == _schedules(store, settings)
        r004 = load_child_record(fresh, "R004")
        assert (r004.child.uasc, r004.child.uasc_ceased) == (True, date(2027, 10, 10))
        assert len(r004.episodes) == 1  # the archived episode is not exported
        # Exporting the imported caseload gives the same files.
        write_903_csvs(fresh, tmp_path / "again")
        for name in ("header.csv", "episodes.csv", "reviews.csv", "uasc.csv"):
            assert (tmp_path / "again" / name).read_bytes() == (folder / name).read_bytes()
    finally:
        fresh.close()


def test_export_writes_the_spec_columns_and_dfe_dates(store, tmp_path):
    _hand_built(store)
    write_903_csvs(store, tmp_path)

    reviews = (tmp_path / "reviews.csv").read_text(encoding="utf-8").splitlines()
    assert reviews[0] == "CHILD,DOB,REVIEW,REVIEW_CODE"
    assert "R001,12/05/2015,21/01/2026,PN1" in reviews
    assert len(reviews) == 1 + 6  # the booked review is not written
    header = (tmp_path / "header.csv").read_text(encoding="utf-8").splitlines()
    assert header[0] == "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"
    assert header[1] == "R001,M,12/05/2015,WBRI,A12345678901B,,"
    episodes = (tmp_path / "episodes.csv").read_text(encoding="utf-8").splitlines()
    assert episodes[0] == (
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN"
    )
    assert "R003,16/03/2026,P,E1,N1,A4,PR1,,,CARPL,,," in episodes
    uasc = (tmp_path / "uasc.csv").read_text(encoding="utf-8").splitlines()
    assert uasc == ["CHILD,SEX,DOB,DUC", "R004,M,10/10/2009,10/10/2027"]


def test_export_can_leave_out_short_break_reviews(store, tmp_path):
    _hand_built(store)
    write_903_csvs(store, tmp_path, include_short_break_reviews=False)
    reviews = (tmp_path / "reviews.csv").read_text(encoding="utf-8")
    assert "R002" not in reviews
    assert "R001" in reviews


def test_round_trip_of_the_demo_caseload_gives_the_same_schedules(tmp_path):
    """The demo caseload (services/demo.py) exported and imported into an empty store has the
    same schedule for every child. The 903 REVIEWS table has one date per review (the first
    part), so a review held in parts comes back with its first part only; the schedule judges
    by the first part, so dates, numbers and timeliness are unchanged."""
    demo = pytest.importorskip("iro_desktop.demo.caseload")
    today = date(2026, 11, 23)
    source = open_store(tmp_path / "demo.db", "pw", create=True)
    fresh = open_store(tmp_path / "fresh.db", "pw", create=True)
    try:
        demo.write_demo_caseload(source, today)
        settings = load_settings(source)
        write_903_csvs(source, tmp_path / "out")
        report = import_903(fresh, tmp_path / "out", today=today)
        assert report.conflicts == []

        def schedules(store, *, first_part_only: bool) -> dict[str, dict]:
            out = {}
            for overview in caseload(store, today, settings):
                data = schedule_as_json(overview, settings)
                data.pop("language")
                if first_part_only:
                    for review in data["reviews"]:
                        review["parts"] = review["parts"][:1]
                out[data["child"]] = data
            return out

        expected = schedules(source, first_part_only=True)
        assert len(expected) > 10
        assert schedules(fresh, first_part_only=False) == expected
        # Nothing else is lost: only reviews held in parts differ before that reduction.
        in_parts = {
            child
            for child, data in schedules(source, first_part_only=False).items()
            if any(len(r["parts"]) > 1 for r in data["reviews"])
        }
        full = schedules(source, first_part_only=False)
        assert {c for c in full if full[c] != expected[c]} == in_parts
        # Importing the export back into the demo store itself changes no record (the one
        # entry it writes is the setting that says which year's file set each row).
        log_before = raw_db(source)["change_log"].count
        again = import_903(source, tmp_path / "out", today=today)
        assert not again.changed and again.conflicts == []
        added = list(
            raw_db(source).query("SELECT table_name, field FROM change_log WHERE id > ?",
                                 [log_before])
        )  # fmt: skip
        assert added == [{"table_name": "settings", "field": "ssda903.row_years"}]
    finally:
        source.close()
        fresh.close()
