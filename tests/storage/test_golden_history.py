"""Golden history: the ``change_log`` rows each kind of write leaves, compared with fixtures
recorded before storage became the one door to the file (issue 12). Moving code must not
change what the record shows a court.

Rows are normalised so that only what a move could change is compared: ids, timestamps and
other per-run values are dropped; each row is named by a stable key (the child's reference,
then the table and the row's place among that child's rows).

To re-record after a change the history is *meant* to show (say why in the commit):
    IRO_UPDATE_GOLDEN=1 pytest tests/storage/test_golden_history.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from iro_desktop.domain.validation import (
    BookingEntry,
    ChallengeEntry,
    ChildEntry,
    ConsultationEntry,
    ContactEntry,
    DecisionStep,
    EpisodeEntry,
    MeetingEntry,
    MidpointEntry,
    NewDecision,
    PartEntry,
    PersonEntry,
    ReviewEntry,
    StageEntry,
    StepAction,
)
from iro_desktop.exchange.handover import open_bundle, receive_bundle, write_handover
from iro_desktop.exchange.spreadsheet import (
    import_sheet,
    preview_import,
    propose_mapping,
    read_sheet,
)
from iro_desktop.exchange.ssda903.read import import_903
from iro_desktop.services import recording as rec
from iro_desktop.storage import history
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.records import load_child_record
from tests.raw import raw_db

FIXTURES = Path(__file__).parents[1] / "fixtures"
GOLDEN = FIXTURES / "golden_history"
BASIC_903 = FIXTURES / "903" / "basic"
UPDATE = os.environ.get("IRO_UPDATE_GOLDEN") == "1"
TODAY = date(2026, 11, 23)

# Columns holding a row id: their values differ from run to run of a different order, and
# the row's own key already says whose it is.
_ID_COLUMNS = {
    "id",
    "child_id",
    "review_id",
    "decision_id",
    "challenge_id",
    "after_review_id",
    "midpoint_check_id",
}
_STAMP_COLUMNS = {"created_at", "updated_at", "saved_at", "made_at"}
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
# Whose row it is: the column naming the parent row, and the parent's table.
_PARENT = {
    "review_parts": ("review_id", "reviews"),
    "decision_updates": ("decision_id", "decisions"),
    "challenge_stages": ("challenge_id", "challenges"),
}


def _read(store, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    return list(raw_db(store).query(sql, params or []))


class _Keys:
    """A stable name for each row, e.g. ``C001/reviews#1/review_parts#2``."""

    def __init__(self, store) -> None:
        self.store = store
        self._cache: dict[tuple[str, int], str] = {}

    def key(self, table: str, row_id: int) -> str:
        found = self._cache.get((table, row_id))
        if found is None:
            found = self._cache[(table, row_id)] = self._work_out(table, row_id)
        return found

    def _work_out(self, table: str, row_id: int) -> str:
        if table == "settings":  # one row per key; the entry's field names it
            return "settings"
        rows = _read(self.store, f"SELECT * FROM [{table}] WHERE rowid = ?", [row_id])
        if not rows:
            return f"{table}?"
        row = rows[0]
        if table == "children":
            return str(row["child_ref"])
        column, parent_table = _PARENT.get(table, ("child_id", "children"))
        parent = row.get(column)
        if parent is None:
            owner, where, params = "", f"[{column}] IS NULL", []
        else:
            owner, where, params = self.key(parent_table, parent) + "/", f"[{column}] = ?", [parent]
        place = _read(
            self.store,
            f"SELECT count(*) AS n FROM [{table}] WHERE {where} AND rowid <= ?",
            [*params, row_id],
        )[0]["n"]
        return f"{owner}{table}#{place}"


def _plain(value: Any) -> Any:
    if isinstance(value, str) and _STAMP.match(value):
        return "<stamp>"
    return value


def _normalise_json(text: str | None) -> Any:
    if text is None:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return _plain(text)
    if not isinstance(data, dict):
        return data
    return {
        k: ("<id>" if k in _ID_COLUMNS and v is not None else "<stamp>" if k in _STAMP_COLUMNS
            else _plain(v))
        for k, v in sorted(data.items())
    }  # fmt: skip


def history_rows(store, after: int = 0) -> list[dict[str, Any]]:
    """Every change_log row after id ``after``, normalised, in the order written."""
    keys = _Keys(store)
    out = []
    for entry in _read(store, "SELECT * FROM change_log WHERE id > ? ORDER BY id", [after]):
        field = entry["field"]
        if entry["action"] in ("update",) and field not in _ID_COLUMNS:
            old, new = _plain(entry["old"]), _plain(entry["new"])
        elif entry["action"] == "update":
            old = None if entry["old"] is None else "<id>"
            new = None if entry["new"] is None else "<id>"
        else:
            old, new = _normalise_json(entry["old"]), _normalise_json(entry["new"])
        out.append(
            {
                "table": entry["table_name"],
                "row": keys.key(entry["table_name"], entry["row_id"]),
                "action": entry["action"],
                "field": field,
                "old": old,
                "new": new,
                "source": entry["source"],
            }
        )
    return out


def last_log_id(store) -> int:
    return _read(store, "SELECT coalesce(max(id), 0) AS n FROM change_log")[0]["n"]


def check_golden(name: str, rows: list[dict[str, Any]]) -> None:
    path = GOLDEN / f"{name}.json"
    text = json.dumps(rows, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"{path} is missing: record it with IRO_UPDATE_GOLDEN=1")
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert rows == expected


@pytest.fixture
def fresh(tmp_path):
    opened = open_store(tmp_path / "golden.iro.db", "golden passphrase", create=True)
    yield opened
    opened.close()


# --- the writes --------------------------------------------------------------------------------


def import_basic_903(store, tmp_path: Path) -> None:
    """The basic 903 folder into a fresh store, then a newer copy with one field changed and
    one review gone (an update and an archive)."""
    import_903(store, BASIC_903, today=date(2026, 4, 20))
    newer = tmp_path / "903-newer"
    shutil.copytree(BASIC_903, newer)
    episodes = newer / "episodes.csv"
    episodes.write_bytes(
        episodes.read_bytes().replace(
            b"C001,19/12/2025,S,C2,N1,U1,PR1", b"C001,19/12/2025,S,C2,N1,U4,PR1", 1
        )
    )
    reviews = newer / "reviews.csv"
    reviews.write_bytes(reviews.read_bytes().replace(b"C003,01/06/2022,13/04/2026,PN0\r\n", b""))
    import_903(store, newer, today=date(2026, 5, 1))


REF = "RC000001"


def _review(*days, **kw) -> ReviewEntry:
    return ReviewEntry(
        parts=tuple(PartEntry(d, "Foster home") for d in days),
        review_code="PN1",
        attendees=("Mason", "Sam Lee"),
        **kw,
    )


def record_a_review(store) -> None:
    """A child, a placement, a booked review held with decisions, the steps that follow it
    (midpoint, chase, done, carried, dropped), a contact and a challenge to its end."""
    rec.add_child(
        store,
        ChildEntry(
            REF,
            "Mason",
            "Webb",
            date(2016, 5, 6),
            language="en",
            people=(PersonEntry("mother", "Dana Webb", "cy"), PersonEntry("carer", "Sam Lee")),
        ),
        TODAY,
    )
    rec.add_episode(
        store, REF, EpisodeEntry(date(2026, 1, 5), "S", "C2", "U4", placement_name="Lee"), TODAY
    )
    first = rec.record_review(
        store,
        REF,
        _review(
            date(2026, 1, 20),
            date(2026, 1, 28),
            decisions=tuple(
                NewDecision(what, "SW", date(2026, 2, 20)) for what in ("A", "B", "C", "D")
            ),
        ),
        date(2026, 1, 28),
    )
    rec.record_decisions_circulated(store, REF, first, date(2026, 2, 2), TODAY)
    ids = {d.what: d.id for d in load_child_record(store, REF).decisions}
    rec.record_midpoint_check(
        store,
        REF,
        MidpointEntry(
            date(2026, 4, 1),
            "Slow progress",
            steps=(
                DecisionStep(ids["A"], StepAction.DONE),
                DecisionStep(ids["B"], StepAction.CARRY, date(2026, 12, 31), "Waiting list"),
                DecisionStep(ids["C"], StepAction.DROP, note="No longer needed"),
                DecisionStep(ids["D"], StepAction.KEEP, note="Started"),
            ),
        ),
        TODAY,
    )
    rec.chase_decision(store, ids["D"], TODAY, TODAY)
    rec.add_episode(store, REF, EpisodeEntry(date(2026, 6, 1), "P", "C2", "U6"), TODAY)
    rec.book_review(store, REF, BookingEntry(TODAY, "School", True), TODAY)
    rec.record_consultation(store, REF, ConsultationEntry(TODAY, date(2026, 11, 2)), TODAY)
    rec.record_pre_review_meeting(store, REF, MeetingEntry(date(2026, 11, 9), "SW"), TODAY)
    rec.record_review(
        store,
        REF,
        _review(
            TODAY,
            decisions=(NewDecision("Dentist appointment", "Carer", date(2026, 12, 20)),),
            steps=(DecisionStep(ids["D"], StepAction.DONE),),
            timing_reason="Child's exams",
        ),
        TODAY,
    )
    rec.record_contact(store, REF, ContactEntry(TODAY, "phone", "Talked about school"), TODAY)
    challenge = rec.raise_challenge(
        store, REF, ChallengeEntry("Care plan implementation", 0, TODAY, "Team manager"), TODAY
    )
    rec.escalate_challenge(store, challenge, StageEntry(1, TODAY, "Head of service"), TODAY)
    rec.record_challenge_response(store, challenge, TODAY, "Plan updated", TODAY)
    rec.refer_to_cafcass(store, challenge, TODAY, TODAY)
    rec.resolve_challenge(store, challenge, TODAY, "Care plan now followed", TODAY)
    mother = next(p for p in load_child_record(store, REF).people if p.role == "mother")
    rec.edit_child(
        store,
        REF,
        ChildEntry(
            REF,
            "Mason",
            "Webb",
            date(2016, 5, 6),
            language="cy",
            people=(PersonEntry("mother", "Dana Webb", "en", id=mother.id),),
        ),
        TODAY,
    )


def import_a_tracker(store, tmp_path: Path) -> None:
    """A tracker adding two children, then one updating a child the IRO entered (the IRO's
    own entries win) and one an earlier import added."""
    first = tmp_path / "tracker.csv"
    first.write_text(
        "Ref,Child name,DOB,Date looked after,Placement,Last review,Next review booked,"
        "Social worker\r\n"
        "C101,Sam Brown,25/05/2014,19/12/2025,Mr & Mrs Patel,21/01/2026,20/05/2026,Priya Nair\r\n"
        "C102,Ellis Jones,03/11/2011,02/02/2026,Oak House,25/02/2026,,Tom Ellison\r\n",
        encoding="utf-8",
    )
    sheet = read_sheet(first)
    import_sheet(store, preview_import(store, sheet, propose_mapping(sheet).mapping, TODAY))
    cid = history.insert(
        store, "children", {"child_ref": "C1", "dob": date(2012, 1, 1), "social_worker": "Old SW"}
    )
    history.update(store, "children", cid, {"first_name": "Samuel"})
    second = tmp_path / "tracker2.csv"
    second.write_text(
        "Ref,First name,Social worker,DOB\r\nC1,Sam,New SW,\r\nC102,Ellis,Ann Cole,\r\n",
        encoding="utf-8",
    )
    sheet = read_sheet(second)
    import_sheet(store, preview_import(store, sheet, propose_mapping(sheet).mapping, TODAY))


def receive_a_handover(sender, receiver, tmp_path: Path) -> None:
    """Two children sent to a store that already has one of them (the IRO's entries there
    win), then the same bundle received again (nothing new)."""
    out = tmp_path / "h.iro"
    write_handover(sender, [REF, "C002"], out, "a long handover passphrase")
    rec.add_child(receiver, ChildEntry("C002", "Jo", "Hart", date(2012, 3, 3)), TODAY)
    receive_bundle(receiver, open_bundle(out, "a long handover passphrase"))
    receive_bundle(receiver, open_bundle(out, "a long handover passphrase"))


# --- the checks ---------------------------------------------------------------------------------


def test_a_903_import_writes_the_same_history(fresh, tmp_path):
    import_basic_903(fresh, tmp_path)
    check_golden("import_903", history_rows(fresh))


def test_recording_a_review_writes_the_same_history(fresh):
    record_a_review(fresh)
    check_golden("recording", history_rows(fresh))


def test_a_tracker_import_writes_the_same_history(fresh, tmp_path):
    import_a_tracker(fresh, tmp_path)
    check_golden("tracker_import", history_rows(fresh))


def test_receiving_a_handover_writes_the_same_history(fresh, tmp_path):
    import_basic_903(fresh, tmp_path)
    record_a_review(fresh)
    receiver = open_store(tmp_path / "receiver.iro.db", "receiver passphrase", create=True)
    try:
        receive_a_handover(fresh, receiver, tmp_path)
        check_golden("handover", history_rows(receiver))
    finally:
        receiver.close()
