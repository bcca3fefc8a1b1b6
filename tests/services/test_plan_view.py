"""The IRO's view of the plan (issue 17, item 5) below the window: migration 0006, the rules,
recording with its history, the figures' categories (older reviews unchanged), the
received-data checks, the checkpoints, and the decisions record and briefing pack."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from iro_desktop.domain.figures.counting import figures_for
from iro_desktop.domain.figures.model import DEFINITIONS_VERSION, VIEWS_HOW
from iro_desktop.domain.model import (
    Child,
    ChildRecord,
    Episode,
    Review,
    ReviewPart,
    ReviewStatus,
)
from iro_desktop.domain.plan_view import CheckpointState, checkpoints
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.validation import (
    ChildEntry,
    EpisodeEntry,
    MidpointEntry,
    PartEntry,
    ReviewEntry,
    midpoint_problems,
    review_problems,
)
from iro_desktop.domain.validation.received import received_row_problems
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.errors import UserError
from iro_desktop.reports.briefing import BriefingItem, build_briefing_page
from iro_desktop.reports.decisions_record import build_decisions_record
from iro_desktop.services import recording as rec
from iro_desktop.storage import history
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.records import load_child_record
from tests.raw import raw_db

TODAY = date(2026, 11, 23)
REF = "PV000001"
DOB = date(2014, 3, 10)  # 12 at the reviews below
HELD = date(2026, 11, 2)
FIXTURES = Path(__file__).parents[1] / "fixtures" / "schemas"


def _child(store):
    rec.add_child(store, ChildEntry(REF, "Ava", "Pryce", DOB), TODAY)
    rec.add_episode(store, REF, EpisodeEntry(date(2026, 10, 5), "S", "C2", "U4"), TODAY)


def _entry(**kw) -> ReviewEntry:
    return ReviewEntry(parts=(PartEntry(HELD, "School"),), review_code="PN2", **kw)


PLAN_VIEW = dict(
    views_given=("advocate", "in_person"),
    plan_meets_needs="partly",
    care_plan_view="Contact with her brother is not planned.",
    recommendations="Consider an advocate.\nThink about life story work.",
    health_assessment_on=date(2025, 10, 1),
    dental_check_on=date(2026, 6, 1),
    pep_on=date(2026, 9, 20),
)


# -- migration 0006 ---------------------------------------------------------------------------
def test_migration_0006_adds_the_plan_view_and_keeps_every_value(tmp_path):
    """A schema-5 file opens with the new columns blank and everything it held kept."""
    from iro_desktop.storage.database import connect_encrypted
    from iro_desktop.storage.migrations import schema_version

    copy = tmp_path / "schema-0005.iro.db"
    copy.write_bytes((FIXTURES / copy.name).read_bytes())
    conn = connect_encrypted(copy, "fixture passphrase")
    conn.execute("UPDATE reviews SET views_how = 'Came with the advocate', "
                 "care_plan_view = 'Plan endorsed'")  # fmt: skip
    conn.execute("INSERT INTO midpoint_checks (child_id, done_on, concerns, created_at, "
                 "updated_at) SELECT id, '2026-03-01', 'PEP late', '2026-03-01', '2026-03-01' "
                 "FROM children")  # fmt: skip
    conn.commit()
    before = conn.execute("SELECT * FROM reviews").fetchall()
    conn.close()

    opened = open_store(copy, "fixture passphrase")
    db = raw_db(opened)
    assert schema_version(db) == 6
    review = next(db.query("SELECT * FROM reviews"))
    assert tuple(review.values())[: len(before[0])] == tuple(before[0])  # old columns kept
    assert (review["views_given"], review["plan_meets_needs"], review["pep_on"]) == (
        "[]",
        "",
        None,
    )
    check = next(db.query("SELECT * FROM midpoint_checks"))
    assert check["concerns"] == "PEP late"
    assert (check["spoken_how"], check["plan_on_track"], check["if_not_on_track"]) == (
        "[]",
        None,
        "",
    )
    record = load_child_record(opened, "FX000001")
    assert record.reviews[0].care_plan_view == "Plan endorsed"
    assert record.reviews[0].views_given == ()
    assert record.midpoint_checks[0].plan_on_track is None
    assert not list(db.query("SELECT * FROM change_log WHERE source = 'migration' "
                             "AND table_name IN ('reviews', 'midpoint_checks')"))  # fmt: skip
    opened.close()


# -- the rules ---------------------------------------------------------------------------------
def test_the_plan_view_rules():
    ok = _entry(**PLAN_VIEW)
    assert review_problems(ok, DOB, TODAY) == []
    problems = {
        p.field: p
        for p in review_problems(
            replace(ok, care_plan_view="", views_given=("other", "shouting"),
                    pep_on=date(2027, 1, 1), dental_check_on=date(2010, 1, 1)),
            DOB,
            TODAY,
        )
    }  # fmt: skip
    assert problems["care_plan_view"].required  # "in part" needs the IRO's words
    assert "shouting" in problems["views_given"].message
    assert problems["views_how"].required  # "another way" needs the note
    assert "after today" in problems["pep_on"].message
    assert "before" in problems["dental_check_on"].message
    assert review_problems(replace(ok, plan_meets_needs="maybe"), DOB, TODAY)


def test_the_midpoint_rules():
    base = MidpointEntry(date(2026, 11, 20))
    assert midpoint_problems(base, DOB, TODAY) == []  # a check made without them is fine
    fields = {p.field for p in midpoint_problems(
        replace(base, spoken_how=("visit", "pigeon"), plan_on_track=False), DOB, TODAY)}
    assert fields == {"spoken_how", "spoken_to", "if_not_on_track"}
    good = replace(base, spoken_to="Ava", spoken_how=("visit",), plan_on_track=False,
                   if_not_on_track="PEP booked for 4 Dec.")  # fmt: skip
    assert midpoint_problems(good, DOB, TODAY) == []


def test_checkpoints_are_judged_on_the_day_by_the_rules_stated():
    # Under 5: a health assessment every 6 months; 5 and over: every 12.
    three = checkpoints(date(2023, 1, 1), TODAY, date(2026, 4, 1), date(2026, 1, 1), None)
    assert [p.state for p in three] == [
        CheckpointState.OVERDUE,  # 6 months from 1 Apr 2026 = 1 Oct 2026, before today
        CheckpointState.IN_TIME,
        CheckpointState.NOT_RECORDED,  # a PEP from 3: expected
    ]
    twelve = checkpoints(DOB, TODAY, date(2026, 4, 1), date(2025, 11, 23), date(2026, 7, 23))
    assert [(p.state, p.due_by) for p in twelve] == [
        (CheckpointState.IN_TIME, date(2027, 4, 1)),
        (CheckpointState.IN_TIME, date(2026, 11, 23)),  # due by today: still in time
        (CheckpointState.IN_TIME, date(2026, 11, 23)),  # 4 months
    ]
    assert checkpoints(date(2024, 6, 1), TODAY)[2].state == CheckpointState.NOT_EXPECTED


# -- recording, with its history -----------------------------------------------------------------
def test_recording_keeps_the_plan_view_with_its_history(store):
    _child(store)
    review_id = rec.record_review(store, REF, _entry(**PLAN_VIEW), TODAY)
    review = load_child_record(store, REF).reviews[0]
    assert review.views_given == ("in_person", "advocate")  # in the list's order
    assert (review.plan_meets_needs, review.pep_on) == ("partly", date(2026, 9, 20))
    assert review.recommendations.splitlines()[1] == "Think about life story work."
    insert = next(e for e in history.entries_about(store, "reviews", review_id)
                  if e[0] == "insert")  # fmt: skip
    written = json.loads(insert[3])
    assert written["plan_meets_needs"] == "partly"
    assert json.loads(written["views_given"]) == ["in_person", "advocate"]
    assert written["health_assessment_on"] == "2025-10-01"

    check_id = rec.record_midpoint_check(
        store,
        REF,
        MidpointEntry(date(2026, 11, 20), spoken_to="Ava\nHer carer",
                      spoken_how=("phone", "visit"), plan_on_track=False,
                      if_not_on_track="Social worker to book the PEP by Friday."),
        TODAY,
    )  # fmt: skip
    check = load_child_record(store, REF).midpoint_checks[0]
    assert (check.spoken_how, check.plan_on_track) == (("visit", "phone"), False)
    assert check.if_not_on_track == "Social worker to book the PEP by Friday."
    insert = next(e for e in history.entries_about(store, "midpoint_checks", check_id)
                  if e[0] == "insert")  # fmt: skip
    assert json.loads(insert[3])["plan_on_track"] in (0, False)

    with pytest.raises(UserError):  # not on track, with nothing said about what happens
        rec.record_midpoint_check(
            store, REF, MidpointEntry(date(2026, 11, 21), plan_on_track=False), TODAY
        )


def test_a_review_without_the_plan_view_writes_the_same_history_as_before(store):
    """Nothing filled in: the row's history names none of the new fields (so a record made
    the old way reads as it always did, and the golden history stands)."""
    _child(store)
    review_id = rec.record_review(store, REF, _entry(), TODAY)
    insert = next(e for e in history.entries_about(store, "reviews", review_id)
                  if e[0] == "insert")  # fmt: skip
    assert not {"views_given", "plan_meets_needs", "recommendations", "pep_on"} & set(
        json.loads(insert[3])
    )


# -- the figures ----------------------------------------------------------------------------------
def _figures(*reviews: Review):
    child = Child(1, "F1", "T", "C", date(2012, 5, 1))
    record = ChildRecord(child, (Episode(1, date(2025, 3, 3), "S", "C2", place="U4"),), reviews)
    settings = Settings()
    return figures_for([record], settings, calendar_for(settings), date(2025, 4, 1),
                       date(2026, 3, 31))  # fmt: skip


def _held(day: date, **kw) -> Review:
    return Review(id=day.toordinal(), status=ReviewStatus.HELD, parts=(ReviewPart(day),),
                  review_code="PN1", **kw)  # fmt: skip


def test_figures_count_the_categories_and_older_reviews_keep_the_keyword_reading():
    assert DEFINITIONS_VERSION == "2"
    assert list(VIEWS_HOW) == ["app", "writing", "phone", "video", "pictures", "advocate",
                               "carer", "observed", "not_given", "in_person", "other",
                               "not_recorded"]  # fmt: skip
    first = _held(date(2025, 3, 31))  # before the period: only times the next one
    older = (
        first,
        _held(date(2025, 6, 30), views_how="Came and spoke"),
        _held(date(2025, 12, 29), views_how="Sent views through Mind Of My Own"),
        _held(date(2026, 3, 2), views_how="Wrote a letter to the IRO"),
    )
    before = _figures(*older).views_how  # no categories: the note's words, as before
    assert (before["in_person"], before["app"], before["writing"]) == (1, 1, 1)
    assert sum(before.values()) == 3
    # The same reviews with categories chosen: counted from them, not from the note's words;
    # a review with more than one counts once, by the order in the definition.
    chosen = (
        first,
        replace(older[1], views_given=("carer",)),
        replace(older[2], views_given=("in_person", "observed", "not_given")),
        replace(older[3], views_given=("observed", "in_person")),
    )
    after = _figures(*chosen).views_how
    assert (after["carer"], after["not_given"], after["observed"]) == (1, 1, 1)
    assert after["in_person"] == after["app"] == after["writing"] == 0
    assert sum(after.values()) == 3  # each review once


# -- received data -------------------------------------------------------------------------------
def test_a_handover_s_plan_view_columns_are_checked():
    good = {"status": "held", "views_given": '["advocate", "carer"]', "plan_meets_needs": "no",
            "recommendations": "Line one\nLine two", "pep_on": "2026-09-01"}  # fmt: skip
    assert received_row_problems("reviews", good, TODAY) == []
    bad = {**good, "views_given": '["advocate", "telepathy"]', "plan_meets_needs": "maybe",
           "dental_check_on": "01/09/2026"}  # fmt: skip
    fields = {p.field for p in received_row_problems("reviews", bad, TODAY)}
    assert fields == {"views_given", "plan_meets_needs", "dental_check_on"}
    check = {"done_on": "2026-11-01", "spoken_how": '["email"]', "plan_on_track": None,
             "spoken_to": "Ava", "if_not_on_track": ""}  # fmt: skip
    assert received_row_problems("midpoint_checks", check, TODAY) == []
    wrong = {**check, "spoken_how": '[{"x": 1}]', "plan_on_track": 7}
    fields = {p.field for p in received_row_problems("midpoint_checks", wrong, TODAY)}
    assert fields == {"spoken_how", "plan_on_track"}


# -- the decisions record and the briefing -----------------------------------------------
def _texts(page) -> str:
    out = [page.title, page.subtitle, *(f"{f.label}: {f.value}" for f in page.facts)]
    for section in page.sections:
        out.append(section.heading)
        out.extend(getattr(b, "text", "") for b in section.blocks)
    return "\n".join(out)


def test_decisions_record_and_briefing_show_the_plan_view(store):
    from iro_desktop.domain.schedule import schedule_for
    from iro_desktop.domain.tasks import tasks_for

    _child(store)
    rec.record_review(store, REF, _entry(**PLAN_VIEW), TODAY)
    rec.record_midpoint_check(
        store, REF, MidpointEntry(date(2026, 11, 20), spoken_to="Ava", spoken_how=("video",),
                                  plan_on_track=False, if_not_on_track="PEP by Friday."),
        TODAY,
    )  # fmt: skip
    record = load_child_record(store, REF)
    settings = Settings()
    calendar = calendar_for(settings)
    schedule = schedule_for(record, settings, calendar, TODAY)
    page = _texts(build_decisions_record(record, schedule, record.reviews[0], settings,
                                         calendar, TODAY))  # fmt: skip
    assert "How the child gave their views: Attended and spoke; Through an advocate" in page
    assert (
        "Does the plan meet the child's needs (the care plan and the permanence plan)? In part."
        in page
    )
    assert "Contact with her brother is not planned." in page
    assert "The IRO's recommendations" in page and "Think about life story work." in page
    assert "Health assessment: last done Wed 1 Oct 2025; OVERDUE" in page
    assert "PEP (personal education plan): last done Sun 20 Sep 2026; in time" in page

    day = date(2026, 12, 1)
    tasks = tuple(tasks_for(record, schedule, settings, calendar, TODAY))
    brief = _texts(build_briefing_page(BriefingItem(record, schedule, tasks, ("Visit",)),
                                       settings, day, TODAY))  # fmt: skip
    assert "Recommendations last time" in brief and "Consider an advocate." in brief
    assert "Midpoint check Fri 20 Nov 2026: the plan was NOT on track." in brief
    assert "What was to happen: PEP by Friday." in brief
    assert "Spoke to Ava (video)." in brief
    assert "did not fully meet the child's needs last time" in brief
    assert "A health or education check was overdue last time" in brief
