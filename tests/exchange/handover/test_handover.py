"""The encrypted handover bundle: full records out, received without duplicates, refused when
the passphrase is wrong or the file was changed or cut short (nothing written)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from iro_desktop.exchange.conflict import Conflict
from iro_desktop.exchange.handover import (
    SOURCE_HANDOVER,
    HandoverError,
    HandoverRefused,
    open_bundle,
    receive_bundle,
    suggested_file_name,
    write_handover,
)
from iro_desktop.exchange.handover.bundle import HEADER_SIZE, MAGIC
from iro_desktop.exchange.handover.receive import NATURAL_KEYS
from iro_desktop.services.session import create_demo, open_demo_if_demo
from iro_desktop.storage import history
from iro_desktop.storage.history import SOURCE_APP
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.records import child_id_for, load_child_record
from tests.raw import raw_db

PASS = "a long handover passphrase"
DEMO_DAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path, _ = create_demo(DEMO_DAY, tmp_path_factory.mktemp("demo") / "d.db")
    store = open_demo_if_demo(path)
    yield store
    store.close()


@pytest.fixture
def receiver(tmp_path):
    store = open_store(tmp_path / "r.db", "pw", create=True)
    yield store
    store.close()


def snapshot(store) -> dict[str, list[dict]]:
    names = [
        r["name"]
        for r in raw_db(store).query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: list(raw_db(store).query(f"SELECT * FROM [{t}] ORDER BY rowid")) for t in names}


def busy_children(store, n=3) -> list[str]:
    """Children with decisions, challenges and contacts: the fullest records."""
    rows = raw_db(store).query(
        "SELECT c.child_ref FROM children c WHERE archived_on IS NULL ORDER BY "
        "(SELECT count(*) FROM challenges WHERE child_id = c.id) DESC, "
        "(SELECT count(*) FROM decisions WHERE child_id = c.id) DESC, c.child_ref LIMIT ?",
        [n],
    )
    return [r["child_ref"] for r in rows]


def without_ids(value):
    """A record compared across stores: row ids differ, everything else must not."""
    if dataclasses.is_dataclass(value):
        return {
            f.name: without_ids(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in ("id", "review_id", "after_review_id")
        }
    if isinstance(value, tuple):
        return tuple(without_ids(v) for v in value)
    if isinstance(value, str) and value.startswith("decision:"):
        return "decision:#"  # a child-facing wording names its decision by row id
    return value


def test_full_records_arrive_with_their_history(demo, receiver, tmp_path):
    refs = busy_children(demo)
    out = tmp_path / "h.iro"
    bundle = write_handover(demo, refs, out, PASS)
    assert bundle.counts()["challenges"] >= 1 and bundle.counts()["decision_updates"] >= 0
    assert out.read_bytes().startswith(MAGIC)
    sealed = out.read_bytes()[HEADER_SIZE:]
    for ref in refs:  # nothing readable inside (8-byte references: no chance match)
        assert ref.encode() not in sealed

    report = receive_bundle(receiver, open_bundle(out, PASS))
    assert report.children == refs
    for ref in refs:
        sent, got = load_child_record(demo, ref), load_child_record(receiver, ref)
        assert without_ids(got) == without_ids(sent)
    # Only the chosen children came over.
    assert raw_db(receiver)["children"].count == len(refs)
    # History: the sender's entries for those rows, plus a "received" entry per row.
    cid = child_id_for(receiver, refs[0])
    entries = history.history(receiver, "children", cid)
    assert [e["source"] for e in entries] == ["demo", SOURCE_HANDOVER]
    assert entries[0]["action"] == "insert"
    sender_entries = history.history(demo, "children", child_id_for(demo, refs[0]))
    assert entries[0]["new"] == sender_entries[0]["new"]
    assert entries[0]["changed_at"] == sender_entries[0]["changed_at"]


def test_a_bundle_received_twice_duplicates_nothing(demo, receiver, tmp_path):
    refs = busy_children(demo, 2)
    write_handover(demo, refs, tmp_path / "h.iro", PASS)
    first = receive_bundle(receiver, open_bundle(tmp_path / "h.iro", PASS))
    assert first.changed
    after_first = snapshot(receiver)

    second = receive_bundle(receiver, open_bundle(tmp_path / "h.iro", PASS))
    assert not second.changed
    assert snapshot(receiver) == after_first
    assert sum(second.unchanged.values()) == sum(first.added.values())

    # A newer bundle of the same children, made after more work, adds only what is new.
    cid = child_id_for(demo, refs[0])
    history.insert(demo, "contacts", {"child_id": cid, "on": date(2026, 11, 22), "kind": "phone",
                                      "note": "Phoned after school"})  # fmt: skip
    try:
        write_handover(demo, refs, tmp_path / "h2.iro", PASS)
        third = receive_bundle(receiver, open_bundle(tmp_path / "h2.iro", PASS))
        assert dict(third.added) == {"contacts": 1}
    finally:
        raw_db(demo).execute("DELETE FROM contacts WHERE note = 'Phoned after school'")
        raw_db(demo).execute("DELETE FROM change_log WHERE new LIKE '%Phoned after school%'")


def test_the_receiving_iro_s_own_entries_win(demo, receiver, tmp_path):
    ref = busy_children(demo, 1)[0]
    write_handover(demo, [ref], tmp_path / "h.iro", PASS)
    receive_bundle(receiver, open_bundle(tmp_path / "h.iro", PASS))
    cid = child_id_for(receiver, ref)
    history.update(receiver, "children", cid, {"social_worker": "New SW"}, source=SOURCE_APP)
    demo_sw = load_child_record(demo, ref).child.social_worker

    report = receive_bundle(receiver, open_bundle(tmp_path / "h.iro", PASS))
    assert load_child_record(receiver, ref).child.social_worker == "New SW"
    assert Conflict(ref, "children", "social_worker", "New SW", demo_sw) in report.conflicts


def receive_file(store, path, passphrase):
    """What the IRO does: open the file, then bring it in (the dialog and the command alike)."""
    return receive_bundle(store, open_bundle(path, passphrase))


def written(store) -> tuple[dict[str, int], int, dict[str, list[dict]]]:
    """Row counts per table, the length of the change history, and every row."""
    rows = snapshot(store)
    return {t: len(r) for t, r in rows.items()}, len(rows["change_log"]), rows


@pytest.mark.parametrize(
    ("spoil", "words"),
    [
        (lambda b: b[:-1] + bytes([b[-1] ^ 1]), "changed, damaged or cut short"),
        (lambda b: b[: HEADER_SIZE + 40] + bytes([b[HEADER_SIZE + 40] ^ 0x80])
         + b[HEADER_SIZE + 41:], "changed, damaged or cut short"),
        (lambda b: b[:-10], "changed, damaged or cut short"),
        (lambda b: b[:HEADER_SIZE + 5], "cut short"),
        (lambda b: b[:20] + bytes([b[20] ^ 1]) + b[21:], "passphrase does not open"),
        (lambda b: b"PK\x03\x04" + b[4:], "not an IRO Desktop handover file"),
        (lambda b: b[:8] + b"\x02" + b[9:], "handover format 2"),
        (lambda b: b[:9] + b"\x0a" + b[10:], "key settings"),
    ],
)  # fmt: skip
def test_a_tampered_or_truncated_bundle_is_refused_and_nothing_written(
    demo, receiver, tmp_path, spoil, words
):
    write_handover(demo, busy_children(demo, 1), tmp_path / "h.iro", PASS)
    bad = tmp_path / "bad.iro"
    bad.write_bytes(spoil((tmp_path / "h.iro").read_bytes()))
    before = written(receiver)
    with pytest.raises(HandoverRefused) as caught:
        receive_file(receiver, bad, PASS)
    assert words in str(caught.value)
    assert "Nothing was imported" in str(caught.value)
    assert written(receiver) == before


def test_a_wrong_passphrase_is_refused(demo, receiver, tmp_path):
    write_handover(demo, busy_children(demo, 1), tmp_path / "h.iro", PASS)
    before = written(receiver)
    with pytest.raises(HandoverRefused, match="passphrase does not open"):
        receive_file(receiver, tmp_path / "h.iro", PASS.upper())
    assert written(receiver) == before


def test_a_receive_refused_part_way_writes_nothing(demo, receiver, tmp_path):
    """A file that opens but one of whose rows cannot be kept: the children, reviews and more
    before it were already added when it fails, and none of them (nor their history) stays."""
    refs = busy_children(demo, 2)
    bundle = write_handover(demo, refs, tmp_path / "h.iro", PASS)
    tables = bundle.payload["tables"]
    last = [t for t in tables if tables[t]][-1]
    assert list(tables).index(last) > list(tables).index("reviews")
    # A row of the last table that matches nothing here (so it is added) with no created_at,
    # which every table holds NOT NULL.
    broken = {**tables[last][-1], "id": 10**9, "created_at": None}
    for column in NATURAL_KEYS.get(last, ()):
        if not column.endswith("_id"):  # a valid value that matches nothing here
            old = broken[column]
            broken[column] = (
                19 if isinstance(old, int) else "2001-02-03" if column.endswith("_on") else "x"
            )
    tables[last].append(broken)
    before = written(receiver)
    with pytest.raises(HandoverRefused, match="Nothing was imported"):
        receive_bundle(receiver, bundle)
    assert written(receiver) == before
    # The same file without the broken row is received whole.
    tables[last].pop()
    report = receive_bundle(receiver, bundle)
    assert sum(report.added.values()) == sum(len(rows) for rows in tables.values())


def test_the_file_keeps_its_history_under_the_format_1_name(demo, tmp_path):
    """The payload's keys are the file format: a rename in storage must not change them."""
    bundle = write_handover(demo, busy_children(demo, 1), tmp_path / "h.iro", PASS)
    assert set(bundle.payload) == {
        "format", "version", "made_at", "schema_version", "children", "tables", "change_log",
    }  # fmt: skip
    entry = bundle.payload["change_log"][0]
    assert set(entry) == {
        "table_name", "row_id", "action", "field", "old", "new", "changed_at", "source",
    }  # fmt: skip


def test_letters_metadata_travels_and_an_older_receiver_notes_it(tmp_path):
    def make(name):
        return open_store(tmp_path / name, "pw", create=True)

    source, target = make("a.db"), make("b.db")
    plain = open_store(tmp_path / "c.db", "pw", create=True)
    raw_db(plain).execute("DROP TABLE letters")  # a receiver whose version keeps no letters
    try:
        cid = history.insert(
            source,
            "children",
            {"child_ref": "L1", "dob": date(2014, 1, 1), "first_name": "Lee", "last_name": "Ray"},
        )
        rid = history.insert(source, "reviews", {"child_id": cid, "review_code": "PN1"})
        history.insert(source, "review_parts", {"review_id": rid, "held_on": date(2026, 1, 5)})
        history.insert(source, "letters", {"child_id": cid, "review_id": rid, "kind": "standard",
                                           "written_on": date(2026, 1, 9),
                                           "file_name": "letter-LR-L1.docx"})  # fmt: skip
        write_handover(source, ["L1"], tmp_path / "h.iro", PASS)
        for _ in range(2):
            receive_bundle(target, open_bundle(tmp_path / "h.iro", PASS))
        (letter,) = raw_db(target).query("SELECT * FROM letters")
        new_review = raw_db(target).query("SELECT id FROM reviews").__next__()["id"]
        assert (letter["kind"], letter["review_id"]) == ("standard", new_review)
        report = receive_bundle(plain, open_bundle(tmp_path / "h.iro", PASS))
        assert any("letters" in note for note in report.notes)
        assert suggested_file_name(source, ["L1"], date(2026, 2, 1)) == (
            "handover-LR-L1-2026-02-01.iro"
        )
    finally:
        for store in (source, target, plain):
            store.close()


def test_handover_refuses_a_short_passphrase_an_unknown_child_and_an_existing_file(demo, tmp_path):
    ref = busy_children(demo, 1)[0]
    with pytest.raises(HandoverError, match="at least 8"):
        write_handover(demo, [ref], tmp_path / "a.iro", "short")
    with pytest.raises(HandoverError, match="NOPE"):
        write_handover(demo, [ref, "NOPE"], tmp_path / "b.iro", PASS)
    (tmp_path / "c.iro").write_bytes(b"x")
    with pytest.raises(HandoverError, match="already exists"):
        write_handover(demo, [ref], tmp_path / "c.iro", PASS)
    assert not (tmp_path / "a.iro").exists() and not (tmp_path / "b.iro").exists()
