"""Numbered schema migrations (sqlite-utils ``Migrations``), each setting ``user_version``.

Add a migration by appending a function named ``NNNN_what_it_does``; never edit a released one.
Each runs in its own transaction together with its record in ``_sqlite_migrations``.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlite_utils
from sqlite_utils import Migrations

migrations = Migrations("iro_desktop")

_STAMPS = "created_at TEXT NOT NULL, updated_at TEXT NOT NULL"

_INITIAL_TABLES = [
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL)""",
    f"""CREATE TABLE children (
        id INTEGER PRIMARY KEY,
        child_ref TEXT NOT NULL UNIQUE,
        first_name TEXT NOT NULL DEFAULT '', last_name TEXT NOT NULL DEFAULT '',
        preferred_name TEXT NOT NULL DEFAULT '',
        dob TEXT NOT NULL,
        gender TEXT NOT NULL DEFAULT '', ethnicity TEXT NOT NULL DEFAULT '',
        upn TEXT NOT NULL DEFAULT '', mother TEXT NOT NULL DEFAULT '', mc_dob TEXT,
        uasc INTEGER NOT NULL DEFAULT 0, uasc_ceased TEXT,
        disability TEXT NOT NULL DEFAULT '', communication_needs TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'en', language_recorded_on TEXT,
        interpreter_needed INTEGER NOT NULL DEFAULT 0,
        social_worker TEXT NOT NULL DEFAULT '', social_worker_team TEXT NOT NULL DEFAULT '',
        social_worker_phone TEXT NOT NULL DEFAULT '',
        short_breaks_ended_on TEXT,
        archived_on TEXT,
        {_STAMPS})""",
    f"""CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES children(id),
        role TEXT NOT NULL, name TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'en', language_recorded_on TEXT,
        interpreter_needed INTEGER NOT NULL DEFAULT 0,
        archived_on TEXT,
        {_STAMPS})""",
    f"""CREATE TABLE episodes (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES children(id),
        decom TEXT NOT NULL, rne TEXT NOT NULL DEFAULT '', ls TEXT NOT NULL DEFAULT '',
        cin TEXT NOT NULL DEFAULT '', place TEXT NOT NULL DEFAULT '',
        place_provider TEXT NOT NULL DEFAULT '', dec TEXT, rec TEXT NOT NULL DEFAULT '',
        reason_place_change TEXT NOT NULL DEFAULT '', home_post TEXT NOT NULL DEFAULT '',
        pl_post TEXT NOT NULL DEFAULT '', urn TEXT NOT NULL DEFAULT '',
        placement_name TEXT NOT NULL DEFAULT '',
        archived_on TEXT,
        {_STAMPS},
        UNIQUE (child_id, decom))""",
    f"""CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES children(id),
        status TEXT NOT NULL DEFAULT 'held',
        booked_for TEXT, venue TEXT NOT NULL DEFAULT '', venue_childs_choice INTEGER,
        attendees TEXT NOT NULL DEFAULT '[]',
        review_code TEXT NOT NULL DEFAULT '', views_how TEXT NOT NULL DEFAULT '',
        parents_participation TEXT NOT NULL DEFAULT '', timing_reason TEXT NOT NULL DEFAULT '',
        decisions_circulated_on TEXT, letter_sent_on TEXT, record_sent_on TEXT,
        consultation_sent_on TEXT, consultation_returned_on TEXT,
        care_plan_view TEXT NOT NULL DEFAULT '', going_well TEXT NOT NULL DEFAULT '',
        worries TEXT NOT NULL DEFAULT '', child_words TEXT NOT NULL DEFAULT '',
        text_language TEXT NOT NULL DEFAULT 'en',
        archived_on TEXT,
        {_STAMPS})""",
    f"""CREATE TABLE review_parts (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id),
        held_on TEXT NOT NULL, venue TEXT NOT NULL DEFAULT '',
        archived_on TEXT,
        {_STAMPS})""",
    f"""CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES children(id),
        review_id INTEGER REFERENCES reviews(id),
        what TEXT NOT NULL, who TEXT NOT NULL DEFAULT '', by_when TEXT,
        status TEXT NOT NULL DEFAULT 'open', done_on TEXT,
        dropped_reason TEXT NOT NULL DEFAULT '', last_chased_on TEXT,
        archived_on TEXT,
        {_STAMPS})""",
    f"""CREATE TABLE decision_updates (
        id INTEGER PRIMARY KEY,
        decision_id INTEGER NOT NULL REFERENCES decisions(id),
        on_date TEXT NOT NULL, kind TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
        new_by_when TEXT, review_id INTEGER REFERENCES reviews(id),
        midpoint_check_id INTEGER,
        {_STAMPS})""",
    f"""CREATE TABLE pre_review_meetings (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES children(id),
        review_id INTEGER REFERENCES reviews(id),
        held_on TEXT NOT NULL, with_whom TEXT NOT NULL DEFAULT '',
        issues TEXT NOT NULL DEFAULT '',
        archived_on TEXT,
        {_STAMPS})""",
    f"""CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES children(id),
        "on" TEXT NOT NULL, kind TEXT NOT NULL DEFAULT 'visit', note TEXT NOT NULL DEFAULT '',
        archived_on TEXT,
        {_STAMPS})""",
    f"""CREATE TABLE midpoint_checks (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES children(id),
        after_review_id INTEGER REFERENCES reviews(id),
        done_on TEXT NOT NULL, concerns TEXT NOT NULL DEFAULT '',
        challenge_needed INTEGER NOT NULL DEFAULT 0,
        archived_on TEXT,
        {_STAMPS})""",
    f"""CREATE TABLE challenges (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES children(id),
        theme TEXT NOT NULL DEFAULT '', cafcass_referred_on TEXT,
        outcome TEXT NOT NULL DEFAULT '', resolved_on TEXT,
        archived_on TEXT,
        {_STAMPS})""",
    f"""CREATE TABLE challenge_stages (
        id INTEGER PRIMARY KEY,
        challenge_id INTEGER NOT NULL REFERENCES challenges(id),
        stage INTEGER NOT NULL, raised_on TEXT NOT NULL,
        raised_with TEXT NOT NULL DEFAULT '', response_due TEXT, responded_on TEXT,
        response TEXT NOT NULL DEFAULT '',
        archived_on TEXT,
        {_STAMPS})""",
    # Every change to every record, so the IRO's record can be shown to a court or auditor.
    """CREATE TABLE change_log (
        id INTEGER PRIMARY KEY,
        table_name TEXT NOT NULL, row_id INTEGER NOT NULL,
        action TEXT NOT NULL, field TEXT NOT NULL DEFAULT '',
        old TEXT, new TEXT,
        changed_at TEXT NOT NULL, source TEXT NOT NULL)""",
    "CREATE INDEX change_log_row ON change_log (table_name, row_id)",
    "CREATE INDEX episodes_child ON episodes (child_id)",
    "CREATE INDEX reviews_child ON reviews (child_id)",
    "CREATE INDEX review_parts_review ON review_parts (review_id)",
    "CREATE INDEX decisions_child ON decisions (child_id)",
    "CREATE INDEX decision_updates_decision ON decision_updates (decision_id)",
    "CREATE INDEX pre_review_meetings_child ON pre_review_meetings (child_id)",
    "CREATE INDEX contacts_child ON contacts (child_id)",
    "CREATE INDEX midpoint_checks_child ON midpoint_checks (child_id)",
    "CREATE INDEX challenges_child ON challenges (child_id)",
    "CREATE INDEX challenge_stages_challenge ON challenge_stages (challenge_id)",
    "CREATE INDEX people_child ON people (child_id)",
]


@migrations(name="0001_initial")
def _0001_initial(db: sqlite_utils.Database) -> None:
    for statement in _INITIAL_TABLES:
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")


@migrations(name="0002_letters")
def _0002_letters(db: sqlite_utils.Database) -> None:
    """What was written for a child: letters, decisions records and briefing packs. Writing a
    letter is not sending it: ``reviews.letter_sent_on`` stays the IRO's to set."""
    db.execute(
        f"""CREATE TABLE letters (
            id INTEGER PRIMARY KEY,
            child_id INTEGER REFERENCES children(id),
            review_id INTEGER REFERENCES reviews(id),
            kind TEXT NOT NULL,
            version TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            written_on TEXT NOT NULL,
            file_name TEXT NOT NULL DEFAULT '',
            archived_on TEXT,
            {_STAMPS})"""
    )
    db.execute("CREATE INDEX letters_child ON letters (child_id)")
    db.execute("CREATE INDEX letters_review ON letters (review_id)")
    db.execute("PRAGMA user_version = 2")


@migrations(name="0003_drafts")
def _0003_drafts(db: sqlite_utils.Database) -> None:
    """Forms being filled in, kept inside the encrypted file (never a plain file) so that a
    crash, a flat battery or a closed lid loses at most the last few seconds of typing."""
    db.execute(
        f"""CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            form TEXT NOT NULL,
            child_ref TEXT NOT NULL DEFAULT '',
            record_ref TEXT NOT NULL DEFAULT '',
            payload TEXT NOT NULL DEFAULT '{{}}',
            saved_at TEXT NOT NULL,
            {_STAMPS})"""
    )
    db.execute("PRAGMA user_version = 3")


@migrations(name="0004_child_wording")
def _0004_child_wording(db: sqlite_utils.Database) -> None:
    """The child-facing layer of the record (``domain.model.ChildWording``): a sentence written
    for the child beside each decision, worry, good thing and thing the child said, never
    replacing the professional text. Also what the letter needs to be the right one for the
    child: their first language, preferred letter format and learning need; what they call
    the people in their life; the type of plan and its reasons; when the IRO will next be in
    touch; and, for each letter, whether the rights page went with it and when it was read
    through with an interpreter.

    A decision's wording also holds the decision's row in ``decision_id`` (a real reference),
    so that a handover, which gives rows new ids, keeps each wording on its decision: the
    record's ``item_key`` "decision:<id>" is read from it."""
    for statement in (
        "ALTER TABLE children ADD COLUMN first_language TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE children ADD COLUMN letter_format TEXT NOT NULL DEFAULT 'auto'",
        "ALTER TABLE children ADD COLUMN learning_need INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE people ADD COLUMN called_by_child TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE reviews ADD COLUMN plan_type TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE reviews ADD COLUMN plan_reasons TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE reviews ADD COLUMN next_contact_on TEXT",
        "ALTER TABLE letters ADD COLUMN with_rights INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE letters ADD COLUMN read_with_interpreter_on TEXT",
        f"""CREATE TABLE child_wordings (
            id INTEGER PRIMARY KEY,
            child_id INTEGER NOT NULL REFERENCES children(id),
            review_id INTEGER REFERENCES reviews(id),
            decision_id INTEGER REFERENCES decisions(id),
            kind TEXT NOT NULL,
            item_key TEXT NOT NULL DEFAULT '',
            professional TEXT NOT NULL DEFAULT '',
            text_en TEXT NOT NULL DEFAULT '', text_cy TEXT NOT NULL DEFAULT '',
            reply_en TEXT NOT NULL DEFAULT '', reply_cy TEXT NOT NULL DEFAULT '',
            answers TEXT NOT NULL DEFAULT '[]',
            theme TEXT NOT NULL DEFAULT '',
            confirmed INTEGER NOT NULL DEFAULT 0,
            archived_on TEXT,
            {_STAMPS})""",
        "CREATE INDEX child_wordings_child ON child_wordings (child_id)",
        "CREATE INDEX child_wordings_review ON child_wordings (review_id)",
        "CREATE INDEX child_wordings_decision ON child_wordings (decision_id)",
    ):
        db.execute(statement)
    db.execute("PRAGMA user_version = 4")


@migrations(name="0005_sex_codes")
def _0005_sex_codes(db: sqlite_utils.Database) -> None:
    """Sex in the app's one vocabulary, the DfE's codes from 2024-25: M, F, U. Rows written
    before it hold the older 903 codes "1" and "2"; each changed row gets its history entry
    here, in the same transaction, as any other change would."""
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    for old, new in (("1", "M"), ("2", "F")):
        rows = [r[0] for r in db.execute("SELECT id FROM children WHERE gender = ?", [old])]
        db.execute(
            "UPDATE children SET gender = ?, updated_at = ? WHERE gender = ?", [new, stamp, old]
        )
        db["change_log"].insert_all(
            {"table_name": "children", "row_id": row_id, "action": "update", "field": "gender",
             "old": old, "new": new, "changed_at": stamp, "source": "migration"}
            for row_id in rows
        )  # fmt: skip
    db.execute("PRAGMA user_version = 5")


@migrations(name="0006_plan_view")
def _0006_plan_view(db: sqlite_utils.Database) -> None:
    """The IRO's view of the plan (issue 17): at the review, whether the plan meets the
    child's needs in one word (``care_plan_view`` already held the words), recommendations
    apart from decisions, the dates of the last health assessment, dental check and PEP, and
    how the child gave their views as categories (a JSON list, as ``attendees``); at the
    midpoint check, who the IRO spoke to and how, whether the plan is on track and what
    happens if not. Every column has a blank default: rows written before read as "not
    recorded", and no row changes, so there is nothing for the history to record."""
    for statement in (
        "ALTER TABLE reviews ADD COLUMN plan_meets_needs TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE reviews ADD COLUMN views_given TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE reviews ADD COLUMN recommendations TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE reviews ADD COLUMN health_assessment_on TEXT",
        "ALTER TABLE reviews ADD COLUMN dental_check_on TEXT",
        "ALTER TABLE reviews ADD COLUMN pep_on TEXT",
        "ALTER TABLE midpoint_checks ADD COLUMN spoken_to TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE midpoint_checks ADD COLUMN spoken_how TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE midpoint_checks ADD COLUMN plan_on_track INTEGER",
        "ALTER TABLE midpoint_checks ADD COLUMN if_not_on_track TEXT NOT NULL DEFAULT ''",
    ):
        db.execute(statement)
    db.execute("PRAGMA user_version = 6")


@migrations(name="0007_booking_time")
def _0007_booking_time(db: sqlite_utils.Database) -> None:
    """A booked review may have a time of day ("HH:MM", UK local time); none (every booking
    made before) means it is booked for the day, an all-day entry in the diary."""
    db.execute("ALTER TABLE reviews ADD COLUMN booked_time TEXT")
    db.execute("PRAGMA user_version = 7")


@migrations(name="0008_kept_results")
def _0008_kept_results(db: sqlite_utils.Database) -> None:
    """Each child's schedule and open tasks kept in the file (``storage.kept_results``), with
    the triggers that mark a child's results stale in the same statement that changes any
    row of their record. Nothing is kept yet: the first read works them out."""
    from iro_desktop.storage.kept_results import CREATE_STATEMENTS, stale_trigger_statements

    for statement in (*CREATE_STATEMENTS, *stale_trigger_statements(db)):
        db.execute(statement)
    db.execute("PRAGMA user_version = 8")


# The records with text the IRO types (issue 19), beside ``reviews`` which had the column from
# the start. Kept in one place: the migration, the handover and the tests read it.
TEXT_LANGUAGE_TABLES = (
    "pre_review_meetings", "contacts", "midpoint_checks", "decisions", "decision_updates",
    "challenges", "challenge_stages",
)  # fmt: skip


@migrations(name="0009_text_language")
def _0009_text_language(db: sqlite_utils.Database) -> None:
    """The language each record's free text is written in ('en' or 'cy'), as reviews already
    record it, so a Welsh-language child's record can be kept in Welsh.

    Rows written before hold the language the app knew they were typed in: a decision made at
    a review, and a step on a decision recorded at a review, were typed in the review form
    under its "Language of the text", so they take that review's ``text_language``. Every
    other row takes 'en': the forms they came from were English-only and never asked, and
    marking a Welsh child's notes as Welsh would claim what no one recorded (the child's
    letter language says what the child reads, not what the IRO typed). Each row set to the
    review's Welsh gets its history entry here, in the same transaction, as any change would;
    a row left at the column's default changes nothing, so has none."""
    for table in TEXT_LANGUAGE_TABLES:
        db.execute(f"ALTER TABLE {table} ADD COLUMN text_language TEXT NOT NULL DEFAULT 'en'")
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    for table in ("decisions", "decision_updates"):
        welsh = "review_id IN (SELECT id FROM reviews WHERE text_language = 'cy')"
        rows = [r[0] for r in db.execute(f"SELECT id FROM {table} WHERE {welsh}")]
        db.execute(
            f"UPDATE {table} SET text_language = 'cy', updated_at = ? WHERE {welsh}", [stamp]
        )
        db["change_log"].insert_all(
            {"table_name": table, "row_id": row_id, "action": "update",
             "field": "text_language", "old": "en", "new": "cy", "changed_at": stamp,
             "source": "migration"}
            for row_id in rows
        )  # fmt: skip
    db.execute("PRAGMA user_version = 9")


# The schema version this code writes: the number of the last migration above.
SCHEMA_VERSION = int(migrations._migrations[-1].name[:4])


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def apply_migrations(db: sqlite_utils.Database) -> None:
    migrations.apply(db)
