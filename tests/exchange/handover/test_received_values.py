"""A received handover is checked as the forms check what is typed: one value the app cannot
hold (a date that is not one, an unknown status or code, a bad reference) refuses the whole
bundle, naming the child, the table and the field, with nothing written. A child whose
reference is a different child's here is a conflict the IRO resolves, never an overwrite."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from iro_desktop.exchange.handover import (
    BadHandoverValues,
    Bundle,
    HandoverRefused,
    SameReference,
    SameReferenceRefused,
    open_bundle,
    receive_bundle,
    write_handover,
)
from iro_desktop.exchange.handover.bundle import seal, unseal
from iro_desktop.services.exchange import receive_handover
from iro_desktop.storage import history
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.records import load_child_record
from tests.raw import raw_db

PASS = "a long handover passphrase"
TODAY = date(2026, 11, 23)


def dump(store) -> dict[str, list[tuple]]:
    db = raw_db(store)
    return {t: sorted(map(repr, db.execute(f"SELECT * FROM [{t}]").fetchall())) for t in
            db.table_names()}  # fmt: skip


@pytest.fixture(scope="module")
def sent(tmp_path_factory) -> Bundle:
    """A bundle of one child with an episode and a held review."""
    folder = tmp_path_factory.mktemp("sender")
    store = open_store(folder / "s.db", "pw", create=True)
    cid = history.insert(store, "children", {"child_ref": "HB100001", "first_name": "Siân",
                         "last_name": "Pryce", "dob": "2014-05-06"})  # fmt: skip
    history.insert(store, "episodes", {"child_id": cid, "decom": "2024-02-01", "rne": "S",
                   "ls": "C2", "place": "U4"})  # fmt: skip
    rid = history.insert(store, "reviews", {"child_id": cid, "status": "held",
                         "review_code": "PN1"})  # fmt: skip
    history.insert(store, "review_parts", {"review_id": rid, "held_on": "2024-02-20"})
    bundle = write_handover(store, ["HB100001"], folder / "h.iro", PASS)
    store.close()
    return bundle


@pytest.fixture
def receiver(tmp_path):
    store = open_store(tmp_path / "r.db", "pw", create=True)
    yield store
    store.close()


def altered(bundle: Bundle, table: str, **values) -> Bundle:
    """The bundle with the first row of ``table`` changed, sealed and opened again (as a file
    made by a changed or broken sender would be)."""
    payload = copy.deepcopy(bundle.payload)
    payload["tables"][table][0].update(values)
    return unseal("bad.iro", seal(payload, PASS), PASS)


@pytest.mark.parametrize(
    ("table", "field", "value"),
    [
        ("children", "dob", "not-a-date"),
        ("episodes", "decom", "31/31/2031"),
        ("reviews", "status", "weird"),
    ],
)
def test_the_three_malformed_bundles_are_refused_whole(sent, receiver, table, field, value):
    bundle = altered(sent, table, **{field: value})
    before = dump(receiver)
    with pytest.raises(BadHandoverValues) as refused:
        receive_bundle(receiver, bundle, today=TODAY)
    message = str(refused.value)
    assert f"child HB100001 (SP), {table} row 1, {field}:" in message
    assert "Nothing was imported" in message
    assert value not in message  # what is wrong is said, the value is not repeated
    assert "Siân" not in message and "Pryce" not in message  # initials only
    assert dump(receiver) == before  # not even the pre-receive backup's record


def test_the_good_bundle_is_received_and_the_app_can_read_it(sent, receiver):
    receive_bundle(receiver, sent, today=TODAY)
    record = load_child_record(receiver, "HB100001")
    assert record is not None and record.episodes[0].decom == date(2024, 2, 1)


@pytest.mark.parametrize(
    "ref",
    ["../../../x", "HB\u202e1000", '=HYPERLINK("http://x")', "-2+3", "HB 1", "A" * 21, ""],
)
def test_bad_references_are_refused(sent, receiver, ref):
    bundle = altered(sent, "children", child_ref=ref)
    bundle.payload["children"] = [ref]
    with pytest.raises(BadHandoverValues, match="children row 1, child_ref"):
        receive_bundle(receiver, bundle, today=TODAY)
    assert raw_db(receiver)["children"].count == 0


@pytest.mark.parametrize(
    ("table", "values", "field"),
    [
        ("episodes", {"ls": "Q9"}, "ls"),
        ("episodes", {"place": "ZZ"}, "place"),
        ("reviews", {"review_code": "PN9"}, "review_code"),
        ("children", {"dob": "2999-01-01"}, "dob"),
        ("children", {"language": "fr"}, "language"),
        ("children", {"first_name": "A" * 5000}, "first_name"),
        ("children", {"last_name": "Pry\u202ece"}, "last_name"),
        ("children", {"first_name": "Si\x00n"}, "first_name"),
        ("review_parts", {"held_on": "9999-12-31"}, "held_on"),
        ("children", {"uasc": "yes"}, "uasc"),
    ],
)
def test_other_values_the_app_cannot_hold(sent, receiver, table, values, field):
    with pytest.raises(BadHandoverValues, match=f"{table} row 1, {field}:"):
        receive_bundle(receiver, altered(sent, table, **values), today=TODAY)
    assert raw_db(receiver)["children"].count == 0


# --- the same reference, a different child ----------------------------------------------------


def _someone_else_here(receiver) -> int:
    return history.insert(receiver, "children", {"child_ref": "HB100001", "first_name": "Tomos",
                          "last_name": "Ellis", "dob": "2011-09-01"})  # fmt: skip


def test_a_different_child_with_the_same_reference_is_refused_not_overwritten(sent, receiver):
    _someone_else_here(receiver)
    before = dump(receiver)
    with pytest.raises(SameReferenceRefused) as refused:
        receive_bundle(receiver, sent, today=TODAY)
    message = str(refused.value)
    assert "HB100001: this caseload has TE, the file has SP" in message
    assert "first name, last name, date of birth" in message
    assert "Tomos" not in message and "Siân" not in message
    assert dump(receiver) == before
    assert refused.value.conflicts[0].fields == ("first_name", "last_name", "dob")


def test_left_out_when_the_iro_chooses_so(sent, receiver):
    _someone_else_here(receiver)
    report = receive_handover(receiver, sent, today=TODAY, same_reference="skip")
    child = load_child_record(receiver, "HB100001")
    assert child is not None and child.child.first_name == "Tomos"
    assert child.episodes == () and child.reviews == ()
    assert "left out" in "\n".join(report.summary_lines())


def test_kept_as_mine_adds_the_records_but_never_the_name_or_date_of_birth(sent, receiver):
    _someone_else_here(receiver)
    report = receive_bundle(receiver, sent, today=TODAY, same_reference=SameReference.KEEP_MINE)
    record = load_child_record(receiver, "HB100001")
    assert record is not None
    assert (record.child.first_name, record.child.last_name, record.child.dob) == (
        "Tomos", "Ellis", date(2011, 9, 1))  # fmt: skip
    assert len(record.episodes) == 1 and len(record.reviews) == 1
    assert {c.field for c in report.conflicts} >= {"first_name", "last_name", "dob"}


def test_the_same_child_differently_spaced_is_not_a_conflict(sent, receiver):
    history.insert(receiver, "children", {"child_ref": "HB100001", "first_name": " siân ",
                   "last_name": "PRYCE", "dob": "2014-05-06"})  # fmt: skip
    receive_bundle(receiver, sent, today=TODAY)
    assert len(load_child_record(receiver, "HB100001").episodes) == 1


def test_a_refused_bundle_on_file_is_refused_through_open_and_receive(sent, receiver, tmp_path):
    """End to end through the file: nothing of a refused bundle reaches the caseload."""
    payload = copy.deepcopy(sent.payload)
    payload["tables"]["children"][0]["dob"] = "not-a-date"
    (tmp_path / "bad.iro").write_bytes(seal(payload, PASS))
    with pytest.raises(HandoverRefused):
        receive_bundle(receiver, open_bundle(tmp_path / "bad.iro", PASS), today=TODAY)
    assert raw_db(receiver)["children"].count == 0


def test_the_command_line_refuses_then_receives_as_the_iro_chooses(
    sent, tmp_path, capsys, monkeypatch
):
    from iro_desktop.cli.main import main
    from iro_desktop.services.session import PASSPHRASE_ENV, create_caseload

    monkeypatch.setenv(PASSPHRASE_ENV, "caseload pass")
    monkeypatch.setenv("IRO_DESKTOP_HANDOVER_PASSPHRASE", PASS)
    db = tmp_path / "mine.db"
    store = create_caseload(db, "caseload pass")
    _someone_else_here(store)
    store.close()
    (tmp_path / "h.iro").write_bytes(seal(sent.payload, PASS))
    argv = ["receive", "--db", str(db), "--on", "2026-11-23", str(tmp_path / "h.iro")]
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert "HB100001: this caseload has TE, the file has SP" in err and "Tomos" not in err
    assert main([*argv, "--same-reference", "keep-mine"]) == 0
    assert "1 added" in capsys.readouterr().out  # the episode; never the name
    store = open_store(db, "caseload pass")
    try:
        assert load_child_record(store, "HB100001").child.first_name == "Tomos"
    finally:
        store.close()


def test_a_name_recorded_on_one_side_only_is_not_a_different_child(sent, receiver):
    """A child imported from a 903 has no name: the same reference and date of birth arriving
    with a name is the same child (the name here, blank, is the IRO's to fill in)."""
    history.insert(receiver, "children", {"child_ref": "HB100001", "dob": "2014-05-06"})
    report = receive_bundle(receiver, sent, today=TODAY)
    assert dict(report.added) == {"episodes": 1, "reviews": 1, "review_parts": 1}
