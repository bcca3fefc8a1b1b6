"""The child-facing layer: written beside the professional text, suggested from the phrase
bank, confirmed by the IRO, history kept, carried in a handover."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from iro_desktop.domain.model import ChildWording, LetterFormat, PlanType, WordingKind
from iro_desktop.domain.validation import (
    ChildEntry,
    EpisodeEntry,
    NewDecision,
    PartEntry,
    PersonEntry,
    ReviewEntry,
)
from iro_desktop.domain.wording import match_theme
from iro_desktop.errors import UserError
from iro_desktop.services import recording as rec
from iro_desktop.services import wording as svc
from iro_desktop.storage import history
from iro_desktop.storage.records import load_child_record, load_child_records
from tests.raw import raw_db

TODAY = date(2026, 11, 23)
REF = "WD000001"


def _child(store, language="en"):
    rec.add_child(
        store,
        ChildEntry(
            REF,
            "Gwen",
            "Hughes",
            date(2017, 3, 4),
            preferred_name="Gwenno",
            language=language,
            first_language="Welsh",
            letter_format=LetterFormat.EASY_READ,
            learning_need=True,
            people=(PersonEntry("carer", "Eirlys Hughes", "cy", called_by_child="Nain"),),
        ),
        TODAY,
    )
    rec.add_episode(store, REF, EpisodeEntry(date(2026, 11, 1), "S", "C2", "U4"), TODAY)


def _review_entry(**kw):
    return ReviewEntry(
        parts=(PartEntry(date(2026, 11, 20), "Nain's house"),),
        review_code="PN1",
        decisions=(
            NewDecision("Complete life story work with Gwenno", "SW", date(2027, 2, 1)),
            NewDecision("Arrange the annual health assessment", "SW", date(2027, 1, 5)),
        ),
        worries="Wants more contact with her brother\nSomething with no theme at all",
        going_well="Doing well at school",
        child_words="I want to see my brother more",
        plan_type=PlanType.STAYING_HERE,
        plan_reasons="Nain can meet her needs long term",
        next_contact_on=date(2027, 1, 10),
        **kw,
    )


def test_new_fields_of_child_person_and_review_are_saved_and_loaded(store):
    _child(store)
    rec.record_review(store, REF, _review_entry(), TODAY)
    record = load_child_record(store, REF)
    assert record.child.first_language == "Welsh"
    assert record.child.letter_format == LetterFormat.EASY_READ
    assert record.child.learning_need is True
    assert record.people[0].called_by_child == "Nain"
    review = record.reviews[0]
    assert review.plan_type == PlanType.STAYING_HERE
    assert review.plan_reasons == "Nain can meet her needs long term"
    assert review.next_contact_on == date(2027, 1, 10)


def test_wordings_written_in_the_review_form_land_on_the_new_decisions(store):
    _child(store)
    wordings = (
        ChildWording(None, None, WordingKind.DECISION, "new:1", text_en="You will see a doctor.",
                     confirmed=True),
        ChildWording(None, None, WordingKind.WORRY, "line:0", text_en="You miss your brother.",
                     answers=("new:0",), confirmed=True),
        ChildWording(None, None, WordingKind.CHILD_SAID, "line:0",
                     reply_en="We will plan more time with him.", confirmed=True),
    )  # fmt: skip
    review_id = rec.record_review(store, REF, _review_entry(wordings=wordings), TODAY)
    record = load_child_record(store, REF)
    health = next(d for d in record.decisions if "health" in d.what)
    story = next(d for d in record.decisions if "life story" in d.what)
    items = svc.review_items(store, REF, review_id, TODAY)
    by_key = {(i.kind, i.item_key): i for i in items}
    decision = by_key[(WordingKind.DECISION, f"decision:{health.id}")]
    assert decision.written and decision.wording.text_en == "You will see a doctor."
    assert decision.wording.professional == health.what  # the professional text kept beside
    assert record.decisions and health.what == "Arrange the annual health assessment"
    worry = by_key[(WordingKind.WORRY, "line:0")]
    assert worry.wording.answers == (f"decision:{story.id}",)
    assert by_key[(WordingKind.CHILD_SAID, "line:0")].written
    unwritten = by_key[(WordingKind.DECISION, f"decision:{story.id}")]
    assert not unwritten.written and unwritten.status("Gwenno") == "not yet written for Gwenno"


def test_suggestions_are_unconfirmed_filled_with_names_and_skip_items_with_no_theme(store):
    _child(store, language="cy")
    review_id = rec.record_review(store, REF, _review_entry(), TODAY)
    added = svc.suggest_wordings(store, REF, review_id, TODAY)
    assert added and all(not w.confirmed for w in added)
    items = svc.review_items(store, REF, review_id, TODAY)
    no_theme = next(i for i in items if i.professional == "Something with no theme at all")
    assert no_theme.wording is None  # no theme: no suggestion, never the professional text
    story = next(
        i for i in items if i.kind == WordingKind.DECISION and "life story" in i.professional
    )
    assert story.wording.theme == "life_story_work"
    assert story.wording.text_en and story.wording.text_cy  # both languages for a Welsh child
    assert story.suggested and not story.written
    assert story.status("Gwenno") == "suggested, not yet written for Gwenno"
    assert "{carer}" not in " ".join(i.wording.text_en for i in items if i.wording)
    said = next(i for i in items if i.kind == WordingKind.CHILD_SAID)
    assert said.wording.reply_en  # the answer is suggested, the child's words are theirs
    # Suggesting again adds nothing: every themed item already has a wording.
    assert svc.suggest_wordings(store, REF, review_id, TODAY) == []
    # "Use suggested wording" for one item, then for all.
    assert svc.use_suggested_wordings(
        store, REF, review_id, TODAY, [(story.kind, story.item_key)]) == 1  # fmt: skip
    assert next(i for i in svc.review_items(store, REF, review_id, TODAY)
                if i.item_key == story.item_key and i.kind == story.kind).written  # fmt: skip
    rest = svc.use_suggested_wordings(store, REF, review_id, TODAY)
    assert rest == len(added) - 1


def test_editing_a_wording_updates_it_in_place_with_history_and_archiving_keeps_it(store):
    _child(store)
    review_id = rec.record_review(store, REF, _review_entry(), TODAY)
    first = ChildWording(None, review_id, WordingKind.GOING_WELL, "line:0",
                         text_en="You are doing well at school.")  # fmt: skip
    row_id = svc.save_wording(store, REF, review_id, first, TODAY)
    again = svc.save_wording(
        store, REF, review_id, replace(first, text_en="School is going well.", confirmed=True),
        TODAY)  # fmt: skip
    assert again == row_id
    changes = [e for e in history.history(store, "child_wordings", row_id) if e["field"]]
    assert {"text_en", "confirmed"} <= {e["field"] for e in changes}
    svc.archive_wording(store, REF, row_id, TODAY)
    record = load_child_record(store, REF)
    assert [w.archived_on for w in record.wordings] == [TODAY]  # archived, not deleted
    assert raw_db(store).execute("SELECT COUNT(*) FROM child_wordings").fetchone()[0] == 1


def test_a_wording_that_does_not_fit_is_refused_and_nothing_saved(store):
    _child(store)
    review_id = rec.record_review(store, REF, _review_entry(), TODAY)
    with pytest.raises(UserError, match="answer to what the child said"):
        svc.save_wording(store, REF, review_id, ChildWording(
            None, review_id, WordingKind.CHILD_SAID, "line:0", confirmed=True), TODAY)  # fmt: skip
    with pytest.raises(UserError, match="no longer has"):
        svc.save_wording(store, REF, review_id, ChildWording(
            None, review_id, WordingKind.WORRY, "line:9", text_en="x"), TODAY)  # fmt: skip
    with pytest.raises(UserError, match="answered by this review's decisions"):
        svc.save_wording(store, REF, review_id, ChildWording(
            None, review_id, WordingKind.WORRY, "line:0", text_en="x",
            answers=("decision:999",)), TODAY)  # fmt: skip
    assert raw_db(store).execute("SELECT COUNT(*) FROM child_wordings").fetchone()[0] == 0


def test_the_rules_load_skips_the_wordings_but_the_full_load_has_them(store):
    _child(store)
    review_id = rec.record_review(store, REF, _review_entry(), TODAY)
    svc.suggest_wordings(store, REF, review_id, TODAY)
    assert load_child_records(store)[0].wordings
    assert load_child_records(store, for_rules_only=True)[0].wordings == ()


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Complete life story work", "life_story_work"),
        ("Age assessment by the Home Office", "age_assessment"),
        ("Sees her mum every other Saturday", "family_time"),
        ("Gwaith stori bywyd gyda Gwenno", "life_story_work"),
        ("Likes football", ""),
    ],
)
def test_the_theme_matcher_reads_its_keywords_from_resources(text, theme):
    assert match_theme(text, svc.theme_keywords()) == theme


def test_a_handed_over_child_keeps_their_wordings_on_the_right_decisions(store, tmp_path):
    from iro_desktop.exchange.handover import open_bundle, receive_bundle, write_handover
    from iro_desktop.storage.opening import open_store

    _child(store)
    review_id = rec.record_review(store, REF, _review_entry(), TODAY)
    svc.suggest_wordings(store, REF, review_id, TODAY)
    svc.use_suggested_wordings(store, REF, review_id, TODAY)
    health = next(d for d in load_child_record(store, REF).decisions if "health" in d.what)
    svc.save_wording(store, REF, review_id, ChildWording(
        None, review_id, WordingKind.WORRY, "line:0", text_en="You miss your brother.",
        answers=(f"decision:{health.id}",), confirmed=True), TODAY)  # fmt: skip
    sent = svc.review_items(store, REF, review_id, TODAY)
    write_handover(store, [REF], tmp_path / "h.iro", "a long handover passphrase")

    receiver = open_store(tmp_path / "other.iro.db", "another passphrase ok", create=True)
    try:
        # The receiver already has decisions, so the received ones get other ids.
        rec.add_child(receiver, ChildEntry("OT000001", "A", "B", date(2015, 1, 1)), TODAY)
        rec.add_episode(receiver, "OT000001", EpisodeEntry(date(2026, 11, 1), "S", "C2", "U4"),
                        TODAY)  # fmt: skip
        rec.record_review(receiver, "OT000001", _review_entry(), TODAY)
        for _ in range(2):  # twice: nothing is duplicated
            receive_bundle(receiver, open_bundle(tmp_path / "h.iro", "a long handover passphrase"))
        record = load_child_record(receiver, REF)
        got = svc.review_items(receiver, REF, record.reviews[0].id, TODAY)
        assert [(i.kind, i.professional, i.wording and i.wording.text_en) for i in got] == [
            (i.kind, i.professional, i.wording and i.wording.text_en) for i in sent
        ]
        assert sum(1 for w in record.wordings) == sum(1 for i in sent if i.wording)
        worry = next(i for i in got if i.kind == WordingKind.WORRY and i.item_key == "line:0")
        answered = [d.what for d in record.decisions if f"decision:{d.id}" in worry.wording.answers]
        assert answered == ["Arrange the annual health assessment"]  # the same decision
    finally:
        receiver.close()


def test_subject_access_carries_the_child_facing_wording(store):
    from iro_desktop.reports.subject_access import build_document

    _child(store)
    review_id = rec.record_review(store, REF, _review_entry(), TODAY)
    svc.save_wording(store, REF, review_id, ChildWording(
        None, review_id, WordingKind.GOING_WELL, "line:0", text_en="School is going well.",
        confirmed=True), TODAY)  # fmt: skip
    doc, counts = build_document(store, REF, today=TODAY)
    assert counts["records"].get("child_wordings") == 1
    assert "School is going well." in "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells
    )
