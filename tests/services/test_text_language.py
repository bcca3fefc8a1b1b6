"""Bilingual records below the window (issue 19, item 3): migration 0009 (values kept, the
rule for older rows, its history), recording each record's language (chosen, else the
child's) with its history, the rules, the received-data checks, and the handover."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from iro_desktop.domain.validation import (
    ChallengeEntry,
    ChildEntry,
    ContactEntry,
    DecisionStep,
    EpisodeEntry,
    MeetingEntry,
    MidpointEntry,
    NewDecision,
    PartEntry,
    ReviewEntry,
    StepAction,
    contact_problems,
    meeting_problems,
)
from iro_desktop.domain.validation.received import received_row_problems
from iro_desktop.errors import UserError
from iro_desktop.exchange.handover import open_bundle, receive_bundle, write_handover
from iro_desktop.services import recording as rec
from iro_desktop.storage.migrations import TEXT_LANGUAGE_TABLES
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.records import load_child_record
from tests.raw import raw_db

TODAY = date(2026, 11, 23)
WELSH, ENGLISH = "TL000001", "TL000002"
SCHEMAS = Path(__file__).parents[1] / "fixtures" / "schemas"
STAMP = "'2026-03-01T10:00:00+00:00'"


# -- migration 0009 ----------------------------------------------------------------------------
def _schema5_with_every_record(tmp_path) -> Path:
    """The saved schema-5 file with a Welsh review and a row in every table with text."""
    from iro_desktop.storage.database import connect_encrypted

    copy = tmp_path / "schema-0005.iro.db"
    copy.write_bytes((SCHEMAS / copy.name).read_bytes())
    conn = connect_encrypted(copy, "fixture passphrase")
    stamps = f"{STAMP}, {STAMP}"
    for sql in (
        "UPDATE children SET language = 'cy'",
        "UPDATE reviews SET text_language = 'cy'",  # the review was recorded in Welsh
        f"INSERT INTO reviews (id, child_id, status, booked_for, text_language, created_at, "
        f"updated_at) VALUES (2, 1, 'booked', '2026-12-01', 'en', {stamps})",
        f"INSERT INTO decisions (id, child_id, review_id, what, created_at, updated_at) "
        f"VALUES (2, 1, NULL, 'Made outside a review', {stamps})",
        f"INSERT INTO decision_updates (decision_id, on_date, kind, note, review_id, "
        f"created_at, updated_at) VALUES (1, '2026-03-01', 'progress', 'Yn symud ymlaen', 1, "
        f"{stamps})",
        f"INSERT INTO decision_updates (decision_id, on_date, kind, note, created_at, "
        f"updated_at) VALUES (1, '2026-03-02', 'chased', 'Chased by email', {stamps})",
        f'INSERT INTO contacts (child_id, "on", kind, note, created_at, updated_at) '
        f"VALUES (1, '2026-03-01', 'visit', 'Ymweliad', {stamps})",
        f"INSERT INTO pre_review_meetings (child_id, held_on, with_whom, issues, created_at, "
        f"updated_at) VALUES (1, '2026-03-01', 'SW', 'School', {stamps})",
        f"INSERT INTO midpoint_checks (child_id, done_on, concerns, created_at, updated_at) "
        f"VALUES (1, '2026-03-01', 'PEP late', {stamps})",
        f"INSERT INTO challenges (id, child_id, theme, created_at, updated_at) "
        f"VALUES (1, 1, 'Care plan', {stamps})",
        f"INSERT INTO challenge_stages (challenge_id, stage, raised_on, response, created_at, "
        f"updated_at) VALUES (1, 0, '2026-03-01', 'Agreed', {stamps})",
    ):
        conn.execute(sql)
    conn.commit()
    conn.close()
    return copy


def test_migration_0009_gives_each_older_row_the_language_it_was_typed_in(tmp_path):
    path = _schema5_with_every_record(tmp_path)
    store = open_store(path, "fixture passphrase")
    db = raw_db(store)
    language = {
        table: [r[0] for r in db.execute(f"SELECT text_language FROM {table} ORDER BY id")]
        for table in TEXT_LANGUAGE_TABLES
    }
    # Typed in the Welsh review's form: Welsh. Everything else: English (never asked).
    assert language["decisions"] == ["cy", "en"]
    assert language["decision_updates"] == ["cy", "en"]
    for table in ("contacts", "pre_review_meetings", "midpoint_checks", "challenges",
                  "challenge_stages"):  # fmt: skip
        assert language[table] == ["en"], table  # even for a Welsh-language child
    logged = [(r["table_name"], r["row_id"], r["field"], r["old"], r["new"])
              for r in db.query("SELECT * FROM change_log WHERE source = 'migration' "
                                "AND field = 'text_language' ORDER BY id")]  # fmt: skip
    assert logged == [("decisions", 1, "text_language", "en", "cy"),
                      ("decision_updates", 1, "text_language", "en", "cy")]  # fmt: skip
    record = load_child_record(store, "FX000001")
    assert [d.text_language for d in record.decisions] == ["cy", "en"]
    assert record.contacts[0].note == "Ymweliad" and record.contacts[0].text_language == "en"
    assert record.challenges[0].stages[0].text_language == "en"
    store.close()


def test_migration_0009_keeps_the_old_values_column_for_column(tmp_path):
    from iro_desktop.storage.database import connect_encrypted

    path = _schema5_with_every_record(tmp_path)
    conn = connect_encrypted(path, "fixture passphrase")
    before = {}
    for table in TEXT_LANGUAGE_TABLES:
        cursor = conn.execute(f"SELECT * FROM {table} ORDER BY id")
        names = [d[0] for d in cursor.description]
        before[table] = [dict(zip(names, row, strict=True)) for row in cursor]
    conn.close()
    store = open_store(path, "fixture passphrase")
    db = raw_db(store)
    for table, rows in before.items():
        after = list(db.query(f"SELECT * FROM {table} ORDER BY id"))
        for old, new in zip(rows, after, strict=True):
            changed = {k for k in old if old[k] != new[k]}
            assert changed <= {"updated_at"}, (table, changed)  # stamped only where set
    store.close()


# -- recording ---------------------------------------------------------------------------------
@pytest.fixture
def store(tmp_path):
    made = open_store(tmp_path / "t.iro.db", "a long enough passphrase", create=True)
    for ref, language in ((WELSH, "cy"), (ENGLISH, "en")):
        rec.add_child(
            made, ChildEntry(ref, "Alaw", "Morgan", date(2014, 3, 10), language=language), TODAY
        )
        rec.add_episode(made, ref, EpisodeEntry(date(2026, 10, 5), "S", "C2", "U4"), TODAY)
    yield made
    made.close()


def _insert_entry(store, table: str, row_id: int) -> dict:
    row = (
        raw_db(store)
        .execute(
            "SELECT new FROM change_log WHERE table_name = ? AND row_id = ? AND action = 'insert'",
            [table, row_id],
        )
        .fetchone()
    )
    return json.loads(row[0])


def test_a_new_record_takes_the_childs_language_unless_another_is_chosen(store):
    welsh_meeting = rec.record_pre_review_meeting(
        store, WELSH, MeetingEntry(date(2026, 11, 1), "SW", "Ysgol"), TODAY
    )
    english_contact = rec.record_contact(
        store, ENGLISH, ContactEntry(date(2026, 11, 2), "visit", "School"), TODAY
    )
    chosen = rec.record_contact(
        store, ENGLISH, ContactEntry(date(2026, 11, 3), "visit", "Ysgol", "cy"), TODAY
    )
    check = rec.record_midpoint_check(
        store, WELSH, MidpointEntry(date(2026, 11, 4), "Dim", text_language="en"), TODAY
    )
    assert _insert_entry(store, "pre_review_meetings", welsh_meeting)["text_language"] == "cy"
    assert _insert_entry(store, "contacts", english_contact)["text_language"] == "en"
    assert _insert_entry(store, "contacts", chosen)["text_language"] == "cy"
    assert _insert_entry(store, "midpoint_checks", check)["text_language"] == "en"
    record = load_child_record(store, ENGLISH)
    assert [c.text_language for c in record.contacts] == ["en", "cy"]


def test_a_reviews_decisions_and_steps_are_in_the_reviews_language(store):
    entry = ReviewEntry(
        parts=(PartEntry(date(2026, 11, 2)),),
        review_code="PN1",
        text_language="cy",
        decisions=(NewDecision("Trefnu cyswllt", "SW", date(2026, 12, 20)),),
    )
    rec.record_review(store, ENGLISH, entry, TODAY)  # an English child's review kept in Welsh
    decision = load_child_record(store, ENGLISH).decisions[0]
    assert decision.text_language == "cy"
    assert _insert_entry(store, "decisions", decision.id)["text_language"] == "cy"
    step = DecisionStep(decision.id, StepAction.KEEP, note="Yn symud ymlaen")
    rec.record_midpoint_check(
        store, ENGLISH, MidpointEntry(date(2026, 11, 20), steps=(step,), text_language="cy"),
        TODAY,
    )  # fmt: skip
    rec.chase_decision(store, decision.id, date(2026, 11, 21), TODAY, note="Chased")
    rec.update_decision(
        store,
        DecisionStep(decision.id, StepAction.CHASE, note="Again", text_language="en"),
        date(2026, 11, 22),
        TODAY,
    )
    updates = list(raw_db(store).query(
        "SELECT note, text_language FROM decision_updates ORDER BY id"))  # fmt: skip
    # The midpoint's Welsh; from the Decisions tab, the decision's own unless chosen.
    assert [(u["note"], u["text_language"]) for u in updates] == [
        ("Yn symud ymlaen", "cy"), ("Chased", "cy"), ("Again", "en")]  # fmt: skip


def test_a_challenge_its_stages_response_and_outcome_record_their_language(store):
    challenge_id = rec.raise_challenge(
        store, WELSH, ChallengeEntry("Cynllun gofal", 0, date(2026, 11, 1), "Rheolwr"), TODAY
    )
    rec.record_challenge_response(
        store, challenge_id, date(2026, 11, 5), "Agreed", TODAY, text_language="en"
    )
    rec.resolve_challenge(store, challenge_id, date(2026, 11, 6), "Datryswyd", TODAY)
    challenge = load_child_record(store, WELSH).challenges[0]
    assert challenge.text_language == "cy"  # the outcome, in the child's Welsh
    assert challenge.stages[0].text_language == "en"  # the response, chosen English
    log = list(raw_db(store).query(
        "SELECT table_name, field, old, new FROM change_log WHERE field = 'text_language' "
        "AND action = 'update' ORDER BY id"))  # fmt: skip
    assert [(r["table_name"], r["old"], r["new"]) for r in log] == [
        ("challenge_stages", "cy", "en")
    ]  # the change in language is in the history too


def test_a_language_other_than_english_or_welsh_is_refused(store):
    assert meeting_problems(MeetingEntry(TODAY, "SW", "x", "fr"), None, TODAY)
    assert not contact_problems(ContactEntry(TODAY, "visit", "x", "cy"), None, TODAY)
    with pytest.raises(UserError, match="English or Welsh"):
        rec.record_contact(store, WELSH, ContactEntry(TODAY, "visit", "x", "fr"), TODAY)
    challenge_id = rec.raise_challenge(store, WELSH, ChallengeEntry("T", 0, TODAY, "R"), TODAY)
    with pytest.raises(UserError, match="English or Welsh"):
        rec.record_challenge_response(store, challenge_id, TODAY, "x", TODAY, text_language="de")
    with pytest.raises(UserError, match="English or Welsh"):
        rec.resolve_challenge(store, challenge_id, TODAY, "x", TODAY, text_language="de")


# -- received data and the handover -------------------------------------------------------------
@pytest.mark.parametrize("table", TEXT_LANGUAGE_TABLES)
def test_a_received_rows_language_must_be_english_or_welsh(table):
    assert not [p for p in received_row_problems(table, {"text_language": "cy"}, TODAY)
                if p.field == "text_language"]  # fmt: skip
    problems = received_row_problems(table, {"text_language": "klingon"}, TODAY)
    assert any(p.field == "text_language" for p in problems)


def test_the_handover_carries_each_records_language(store, tmp_path):
    rec.record_contact(store, WELSH, ContactEntry(date(2026, 11, 3), "visit", "Ysgol"), TODAY)
    rec.record_contact(
        store, WELSH, ContactEntry(date(2026, 11, 4), "phone", "School", "en"), TODAY
    )
    rec.raise_challenge(
        store, WELSH, ChallengeEntry("Cynllun gofal", 0, date(2026, 11, 1), "Rheolwr"), TODAY
    )
    bundle_path = tmp_path / "handover.irohandover"
    write_handover(store, [WELSH], bundle_path, "another long passphrase")
    other = open_store(tmp_path / "other.iro.db", "a long enough passphrase", create=True)
    try:
        receive_bundle(other, open_bundle(bundle_path, "another long passphrase"), today=TODAY)
        record = load_child_record(other, WELSH)
        assert [(c.note, c.text_language) for c in record.contacts] == [
            ("Ysgol", "cy"), ("School", "en")]  # fmt: skip
        assert record.challenges[0].text_language == "cy"
        assert record.challenges[0].stages[0].text_language == "cy"
    finally:
        other.close()
