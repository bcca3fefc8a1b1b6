"""Recording services: each action is one transaction, validated, with its history kept."""

from dataclasses import replace
from datetime import date

import pytest

from iro_desktop.domain.model import DecisionStatus, ReviewStatus
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
from iro_desktop.errors import UserError
from iro_desktop.services import recording as rec
from iro_desktop.storage import history
from iro_desktop.storage.records import load_child_record
from tests.raw import raw_db

TODAY = date(2026, 11, 23)
REF = "RC000001"


def _child(store, dob=date(2016, 5, 6), language="en"):
    rec.add_child(
        store,
        ChildEntry(
            REF,
            "Mason",
            "Webb",
            dob,
            language=language,
            people=(PersonEntry("mother", "Dana Webb", "cy"), PersonEntry("carer", "Sam Lee")),
        ),
        TODAY,
    )
    rec.add_episode(
        store, REF, EpisodeEntry(date(2026, 1, 5), "S", "C2", "U4", placement_name="Lee"), TODAY
    )
    return load_child_record(store, REF)


def _review(*days, code="PN1", decisions=(), steps=(), **kw):
    return ReviewEntry(
        parts=tuple(PartEntry(d, "Foster home") for d in days),
        review_code=code,
        attendees=("Mason", "Sam Lee"),
        decisions=decisions,
        steps=steps,
        **kw,
    )


def test_add_child_with_people_and_languages(store):
    record = _child(store)
    assert record.child.first_name == "Mason"
    assert record.child.language_recorded_on == TODAY
    assert {(p.name, p.language) for p in record.people} == {("Dana Webb", "cy"), ("Sam Lee", "en")}


def test_invalid_entries_reach_nothing_and_say_what_to_fix(store):
    with pytest.raises(rec.RecordNotValid) as caught:
        rec.add_child(store, ChildEntry("", "", "", None), TODAY)
    assert isinstance(caught.value, UserError)
    assert "Enter the child's first name" in str(caught.value)
    assert raw_db(store)["children"].count == 0


def test_edit_child_updates_keeps_history_and_archives_people_left_out(store):
    record = _child(store)
    mother = next(p for p in record.people if p.role == "mother")
    rec.edit_child(
        store,
        REF,
        ChildEntry(
            REF,
            "Mason",
            "Webb",
            record.child.dob,
            language="cy",
            people=(PersonEntry("mother", "Dana Webb", "en", id=mother.id),),
        ),
        TODAY,
    )
    record = load_child_record(store, REF)
    assert record.child.language == "cy"
    live = [p for p in record.people if p.archived_on is None]
    assert [(p.name, p.language) for p in live] == [("Dana Webb", "en")]
    fields = [e["field"] for e in history.history(store, "children", record.child.id)]
    assert "language" in fields


def test_placement_change_ends_the_open_episode_with_x1(store):
    _child(store)
    rec.add_episode(store, REF, EpisodeEntry(date(2026, 6, 1), "P", "C2", "U6"), TODAY)
    episodes = sorted(load_child_record(store, REF).episodes, key=lambda e: e.decom)
    assert (episodes[0].dec, episodes[0].rec) == (date(2026, 6, 1), "X1")
    assert episodes[1].dec is None
    with pytest.raises(rec.RecordNotValid, match="still looked after"):
        rec.add_episode(store, REF, EpisodeEntry(date(2026, 7, 1), "S", "C2", "U6"), TODAY)


def test_book_then_record_turns_the_booking_into_the_held_review(store):
    _child(store)
    booked_id = rec.book_review(store, REF, BookingEntry(TODAY, "School", True), TODAY)
    rec.record_consultation(store, REF, ConsultationEntry(TODAY, date(2026, 11, 2)), TODAY)
    rec.record_pre_review_meeting(store, REF, MeetingEntry(date(2026, 11, 9), "SW"), TODAY)
    review_id = rec.record_review(
        store,
        REF,
        _review(
            TODAY,
            decisions=(NewDecision("Dentist appointment", "Carer", date(2026, 12, 20)),),
            timing_reason="Child's exams",
        ),
        TODAY,
    )
    assert review_id == booked_id
    record = load_child_record(store, REF)
    [review] = record.reviews
    assert review.status == ReviewStatus.HELD
    assert review.consultation_sent_on == date(2026, 11, 2)
    assert review.attendees == ("Mason", "Sam Lee")
    assert record.pre_review_meetings[0].review_id == review_id
    assert [d.what for d in record.decisions] == ["Dentist appointment"]
    rec.record_decisions_circulated(store, REF, review_id, TODAY, TODAY)
    assert load_child_record(store, REF).reviews[0].decisions_circulated_on == TODAY


def test_a_review_in_two_parts(store):
    _child(store)
    rec.record_review(store, REF, _review(date(2026, 1, 20), date(2026, 1, 28)), TODAY)
    [review] = load_child_record(store, REF).reviews
    assert review.part_dates == (date(2026, 1, 20), date(2026, 1, 28))


def test_pn0_refused_for_a_10_year_old_in_the_service_too(store):
    _child(store)
    with pytest.raises(rec.RecordNotValid, match="PN0 is only for a child under 4"):
        rec.record_review(store, REF, _review(date(2026, 1, 20), code="PN0"), TODAY)
    assert raw_db(store)["reviews"].count == 0
    assert raw_db(store)["review_parts"].count == 0


def test_decisions_carried_done_dropped_and_chased_with_updates(store):
    _child(store)
    rid = rec.record_review(
        store,
        REF,
        _review(
            date(2026, 1, 20),
            decisions=tuple(
                NewDecision(what, "SW", date(2026, 2, 20)) for what in ("A", "B", "C", "D")
            ),
        ),
        date(2026, 1, 20),
    )
    ids = {d.what: d.id for d in load_child_record(store, REF).decisions}
    check_id = rec.record_midpoint_check(
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
    by_what = {d.what: d for d in load_child_record(store, REF).decisions}
    assert by_what["A"].status == DecisionStatus.DONE
    assert by_what["B"].by_when == date(2026, 12, 31)
    assert by_what["C"].status == DecisionStatus.DROPPED
    assert by_what["C"].dropped_reason == "No longer needed"
    assert by_what["D"].last_chased_on == TODAY
    kinds = {
        (row["decision_id"], row["kind"]): row
        for row in raw_db(store).query("SELECT * FROM decision_updates")
    }
    assert kinds[(ids["B"], "carried")]["midpoint_check_id"] == check_id
    assert kinds[(ids["B"], "carried")]["new_by_when"] == "2026-12-31"
    assert (ids["D"], "chased") in kinds and (ids["D"], "progress") in kinds
    # history keeps the old date of the carried decision
    old = [e for e in history.history(store, "decisions", ids["B"]) if e["field"] == "by_when"]
    assert old[0]["old"] == "2026-02-20"
    assert rid


def test_closed_decisions_cannot_be_carried(store):
    _child(store)
    rec.record_review(
        store,
        REF,
        _review(date(2026, 1, 20), decisions=(NewDecision("A", "SW", date(2026, 2, 1)),)),
        date(2026, 1, 20),
    )
    [decision] = load_child_record(store, REF).decisions
    rec.mark_decision_done(store, decision.id, TODAY, TODAY)
    with pytest.raises(rec.RecordNotValid, match="already closed"):
        rec.carry_decision(store, decision.id, date(2027, 1, 1), TODAY, TODAY)


def test_challenge_raised_escalated_answered_referred_and_resolved(store):
    _child(store)
    cid = rec.raise_challenge(
        store, REF, ChallengeEntry("Care plan implementation", 0, TODAY, "Team manager"), TODAY
    )
    [challenge] = load_child_record(store, REF).challenges
    assert challenge.current_stage.response_due == date(2026, 12, 7)  # 10 working days
    rec.escalate_challenge(store, cid, StageEntry(1, TODAY, "Head of service"), TODAY)
    [challenge] = load_child_record(store, REF).challenges
    assert challenge.current_stage.stage == 1
    assert challenge.current_stage.response_due == date(2026, 11, 30)  # 5 working days
    rec.record_challenge_response(store, cid, TODAY, "Plan updated", TODAY)
    rec.refer_to_cafcass(store, cid, TODAY, TODAY)
    rec.resolve_challenge(store, cid, TODAY, "Care plan now followed", TODAY)
    [challenge] = load_child_record(store, REF).challenges
    assert challenge.resolved_on == TODAY and challenge.cafcass_referred_on == TODAY
    assert challenge.current_stage.response == "Plan updated"
    with pytest.raises(rec.RecordNotValid, match="resolved"):
        rec.escalate_challenge(store, cid, StageEntry(2, TODAY, "Director"), TODAY)


def test_contact_recorded(store):
    _child(store)
    rec.record_contact(store, REF, ContactEntry(TODAY, "phone", "Talked about school"), TODAY)
    [contact] = load_child_record(store, REF).contacts
    assert (contact.kind, contact.note) == ("phone", "Talked about school")


def test_every_write_is_in_the_change_log_with_source_app(store):
    _child(store)
    sources = {row["source"] for row in raw_db(store).query("SELECT source FROM change_log")}
    assert sources == {"app"}


# --- two windows on one child: nothing silently reverted ----------------------------------


def _as_opened(record) -> ChildEntry:
    """The child's details as a form shows them when it opens."""
    child = record.child
    return ChildEntry(
        child.child_ref,
        child.first_name,
        child.last_name,
        child.dob,
        language=child.language,
        social_worker=child.social_worker,
        people=tuple(
            PersonEntry(p.role, p.name, p.language, p.interpreter_needed, id=p.id)
            for p in record.people
            if p.archived_on is None
        ),
    )


@pytest.fixture
def second(store):
    from iro_desktop.storage.opening import open_store

    other = open_store(store.path, "correct horse battery")
    yield other
    other.close()


def test_a_stale_form_saving_another_field_keeps_the_other_window_s_change(store, second):
    opened = _as_opened(_child(store))  # window A opens the child form
    b_record = load_child_record(second, REF)  # window B (another connection) saves first
    mother = next(p for p in b_record.people if p.role == "mother")
    b_entry = replace(
        _as_opened(b_record),
        social_worker="Sam Patel",
        people=(
            *(p for p in _as_opened(b_record).people if p.id != mother.id),
            PersonEntry("mother", "Dana Webb-Jones", "cy", id=mother.id),
            PersonEntry("father", "Pat Webb"),
        ),
    )
    rec.edit_child(second, REF, b_entry, TODAY, expected=_as_opened(b_record))

    rec.edit_child(store, REF, replace(opened, first_name="Mase"), TODAY, expected=opened)

    record = load_child_record(second, REF)
    assert record.child.first_name == "Mase"
    assert record.child.social_worker == "Sam Patel"  # B's change survives A's save
    live = {p.role: p.name for p in record.people if p.archived_on is None}
    assert live == {"mother": "Dana Webb-Jones", "carer": "Sam Lee", "father": "Pat Webb"}


def test_a_stale_form_saving_the_same_field_is_asked_and_nothing_is_written(store, second):
    opened = _as_opened(_child(store))
    b_opened = _as_opened(load_child_record(second, REF))
    rec.edit_child(
        second, REF, replace(b_opened, social_worker="Sam Patel"), TODAY, expected=b_opened
    )
    before = len(history.history(store, "children", load_child_record(store, REF).child.id))

    mine = replace(opened, first_name="Mase", social_worker="Kim Ode")
    with pytest.raises(rec.ChangedSinceOpened) as asked:
        rec.edit_child(store, REF, mine, TODAY, expected=opened)
    assert asked.value.conflicts == {"social_worker": ("", "Sam Patel", "Kim Ode")}
    record = load_child_record(second, REF)
    assert (record.child.first_name, record.child.social_worker) == ("Mason", "Sam Patel")
    assert len(history.history(store, "children", record.child.id)) == before

    # The IRO chose mine having seen theirs: saved against what the record holds now.
    rec.edit_child(store, REF, mine, TODAY, expected=replace(opened, social_worker="Sam Patel"))
    record = load_child_record(second, REF)
    assert (record.child.first_name, record.child.social_worker) == ("Mase", "Kim Ode")


def test_a_person_changed_in_both_windows_is_asked_by_row_and_field(store, second):
    opened = _as_opened(_child(store))
    carer = next(p for p in opened.people if p.role == "carer")
    b_opened = _as_opened(load_child_record(second, REF))
    renamed = tuple(
        replace(p, name="Sam Leigh") if p.id == carer.id else p for p in b_opened.people
    )
    rec.edit_child(second, REF, replace(b_opened, people=renamed), TODAY, expected=b_opened)

    mine = tuple(replace(p, name="Samuel Lee") if p.id == carer.id else p for p in opened.people)
    with pytest.raises(rec.ChangedSinceOpened) as asked:
        rec.edit_child(store, REF, replace(opened, people=mine), TODAY, expected=opened)
    assert asked.value.conflicts == {
        f"people.{carer.id}.name": ("Sam Lee", "Sam Leigh", "Samuel Lee")
    }


def test_a_stale_booking_form_does_not_move_a_review_booked_elsewhere(store, second):
    _child(store)
    rec.book_review(store, REF, BookingEntry(date(2026, 12, 1), "Foster home"), TODAY)
    opened = BookingEntry(date(2026, 12, 1), "Foster home")  # A's form opens on the booking
    rec.book_review(second, REF, BookingEntry(date(2026, 12, 3), "Foster home"), TODAY)

    rec.book_review(store, REF, replace(opened, venue="School"), TODAY, expected=opened)
    [review] = load_child_record(second, REF).reviews
    assert (review.booked_for, review.venue) == (date(2026, 12, 3), "School")

    with pytest.raises(rec.ChangedSinceOpened) as asked:
        rec.book_review(
            store, REF, replace(opened, booked_for=date(2026, 12, 2)), TODAY, expected=opened
        )
    assert asked.value.conflicts == {"booked_for": ("2026-12-01", "2026-12-03", "2026-12-02")}
    assert load_child_record(second, REF).reviews[0].booked_for == date(2026, 12, 3)
