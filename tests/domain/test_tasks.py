"""The IRO's task list around each review (IRO-BRIEF.md §5 defaults)."""

from datetime import date

import pytest

from iro_desktop.domain.model import (
    Challenge,
    ChallengeStage,
    Child,
    ChildRecord,
    Contact,
    Decision,
    DecisionStatus,
    Episode,
    MidpointCheck,
    PreReviewMeeting,
    Review,
    ReviewPart,
    ReviewStatus,
)
from iro_desktop.domain.schedule import schedule_for
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.tasks import TaskGroup, TaskKind, group_for, tasks_for
from iro_desktop.domain.working_days import calendar_for

SETTINGS = Settings()
CALENDAR = calendar_for(SETTINGS)


def _record(*, start=date(2026, 1, 5), reviews=(), **parts) -> ChildRecord:
    child = Child(id=1, child_ref="T1", first_name="Tia", last_name="Test", dob=date(2015, 1, 1))
    episode = Episode(id=1, decom=start, rne="S", ls="C2", place="U1")
    return ChildRecord(child=child, episodes=(episode,), reviews=tuple(reviews), **parts)


def _held(rid, day, **kw) -> Review:
    return Review(
        id=rid, status=ReviewStatus.HELD, parts=(ReviewPart(day),), review_code="PN1", **kw
    )


def _tasks(record, today):
    schedule = schedule_for(record, SETTINGS, CALENDAR, today)
    return {(t.task, t.ref): t for t in tasks_for(record, schedule, SETTINGS, CALENDAR, today)}


@pytest.mark.parametrize(
    ("due", "group"),
    [
        (date(2026, 11, 22), TaskGroup.OVERDUE),
        (date(2026, 11, 23), TaskGroup.THIS_WEEK),
        (date(2026, 11, 29), TaskGroup.THIS_WEEK),  # the coming Sunday
        (date(2026, 11, 30), TaskGroup.NEXT_4_WEEKS),
        (date(2026, 12, 27), TaskGroup.NEXT_4_WEEKS),  # Sunday + 28 days
        (date(2026, 12, 28), TaskGroup.LATER),
    ],
)
def test_groups_run_to_the_coming_sunday_then_28_days(due, group):
    assert group_for(due, today=date(2026, 11, 23)) == group  # a Monday


def test_sunday_today_this_week_is_just_today():
    assert group_for(date(2026, 11, 29), date(2026, 11, 29)) == TaskGroup.THIS_WEEK
    assert group_for(date(2026, 11, 30), date(2026, 11, 29)) == TaskGroup.NEXT_4_WEEKS


def test_new_child_gets_the_tasks_before_the_first_review():
    # Looked after from Mon 5 Jan 2026: first review due Mon 2 Feb 2026 (20 working days).
    tasks = _tasks(_record(), today=date(2026, 1, 6))
    review = tasks[(TaskKind.REVIEW, "review:next")]
    assert review.due == date(2026, 2, 2)
    # 20 working days before Mon 2 Feb 2026 is Mon 5 Jan 2026.
    assert tasks[(TaskKind.CONSULTATION, "review:next")].due == date(2026, 1, 5)
    assert tasks[(TaskKind.PRE_REVIEW_MEETING, "review:next")].due == date(2026, 1, 18)
    assert tasks[(TaskKind.CHILD_MEETING, "review:next")].due == date(2026, 2, 1)
    assert tasks[(TaskKind.CONTACT, "contact:none")].due == date(2026, 3, 30)
    assert not any(
        kind in {TaskKind.MIDPOINT, TaskKind.DECISIONS, TaskKind.LETTER} for kind, _ in tasks
    )


def test_pre_review_meeting_on_a_sunday_is_held_by_the_friday():
    tasks = _tasks(_record(), today=date(2026, 1, 6))
    meeting = tasks[(TaskKind.PRE_REVIEW_MEETING, "review:next")]
    assert meeting.due == date(2026, 1, 18)  # a Sunday
    assert meeting.hold_by == date(2026, 1, 16)


def test_after_a_review_decisions_letter_and_midpoint_fall_due():
    record = _record(reviews=[_held(7, date(2026, 2, 2))])
    tasks = _tasks(record, today=date(2026, 2, 3))
    # 5 working days after Mon 2 Feb 2026: Mon 9 Feb; 20 working days: Mon 2 Mar.
    assert tasks[(TaskKind.DECISIONS, "review:7")].due == date(2026, 2, 9)
    assert tasks[(TaskKind.LETTER, "review:7")].due == date(2026, 3, 2)
    # Second review due Sat 2 May 2026; the calendar midpoint of 2 Feb..2 May is 18 Mar.
    assert tasks[(TaskKind.REVIEW, "review:next")].due == date(2026, 5, 2)
    assert tasks[(TaskKind.MIDPOINT, "review:7")].due == date(2026, 3, 18)


def test_done_tasks_leave_the_list():
    booked = Review(
        id=8,
        status=ReviewStatus.BOOKED,
        booked_for=date(2026, 4, 28),
        consultation_sent_on=date(2026, 3, 30),
    )
    record = _record(
        reviews=[
            _held(
                7,
                date(2026, 2, 2),
                decisions_circulated_on=date(2026, 2, 6),
                letter_sent_on=date(2026, 2, 20),
            ),
            booked,
        ],
        pre_review_meetings=(PreReviewMeeting(1, 8, date(2026, 4, 13)),),
        contacts=(Contact(1, date(2026, 4, 20)),),
        midpoint_checks=(MidpointCheck(1, 7, date(2026, 3, 17)),),
    )
    tasks = _tasks(record, today=date(2026, 4, 21))
    assert set(tasks) == {(TaskKind.REVIEW, "review:8"), (TaskKind.CONTACT, "contact:1")}


def test_tasks_before_a_booked_review_count_from_its_booked_date():
    booked = Review(id=8, status=ReviewStatus.BOOKED, booked_for=date(2026, 4, 22))
    record = _record(reviews=[_held(7, date(2026, 2, 2)), booked])
    tasks = _tasks(record, today=date(2026, 2, 10))
    assert tasks[(TaskKind.REVIEW, "review:8")].due == date(2026, 5, 2)  # statutory, unchanged
    assert tasks[(TaskKind.PRE_REVIEW_MEETING, "review:8")].due == date(2026, 4, 7)
    assert tasks[(TaskKind.CHILD_MEETING, "review:8")].due == date(2026, 4, 21)
    # 20 working days before Wed 22 Apr 2026, skipping Good Friday and Easter Monday.
    assert tasks[(TaskKind.CONSULTATION, "review:8")].due == date(2026, 3, 23)


def test_open_decisions_are_tasks_done_ones_are_not():
    record = _record(
        reviews=[_held(7, date(2026, 2, 2))],
        decisions=(
            Decision(1, 7, "Arrange swimming lessons", "Carer", date(2026, 3, 1)),
            Decision(
                2,
                7,
                "Update the health plan",
                "Social worker",
                date(2026, 3, 2),
                status=DecisionStatus.DONE,
                done_on=date(2026, 2, 20),
            ),
        ),
    )
    tasks = _tasks(record, today=date(2026, 2, 3))
    assert tasks[(TaskKind.DECISION, "decision:1")].due == date(2026, 3, 1)
    assert (TaskKind.DECISION, "decision:2") not in tasks


def test_challenge_responses_follow_the_stage_timescale():
    informal = Challenge(
        1, "care plan implementation", stages=(ChallengeStage(0, date(2026, 3, 30)),)
    )
    formal = Challenge(
        2,
        "safeguarding",
        stages=(
            ChallengeStage(0, date(2026, 3, 2), responded_on=date(2026, 3, 9)),
            ChallengeStage(1, date(2026, 3, 30)),
        ),
    )
    answered = Challenge(
        3,
        "standard of care",
        stages=(ChallengeStage(0, date(2026, 3, 2), responded_on=date(2026, 3, 5)),),
    )
    record = _record(challenges=(informal, formal, answered))
    tasks = _tasks(record, today=date(2026, 3, 31))
    # Informal: 10 working days after Mon 30 Mar 2026, skipping 3 and 6 Apr (Easter).
    assert tasks[(TaskKind.CHALLENGE_RESPONSE, "challenge:1")].due == date(2026, 4, 15)
    # Formal stage 1: 5 working days after Mon 30 Mar 2026, skipping Good Friday and Easter Monday.
    assert tasks[(TaskKind.CHALLENGE_RESPONSE, "challenge:2")].due == date(2026, 4, 8)
    assert (TaskKind.CHALLENGE_RESPONSE, "challenge:3") not in tasks


def test_child_who_left_care_has_no_review_tasks():
    child = Child(id=1, child_ref="T1", first_name="Tia", last_name="Test", dob=date(2015, 1, 1))
    left = Episode(
        id=1, decom=date(2026, 1, 5), rne="S", ls="C2", place="U1", dec=date(2026, 3, 1), rec="E13"
    )
    tasks = _tasks(ChildRecord(child=child, episodes=(left,)), today=date(2026, 3, 10))
    assert not any(kind == TaskKind.REVIEW for kind, _ in tasks)


def test_custom_timescales_are_used():
    from dataclasses import replace

    settings = replace(
        SETTINGS, timescales=replace(SETTINGS.timescales, pre_review_meeting_days_before=5)
    )
    record = _record()
    schedule = schedule_for(record, settings, CALENDAR, date(2026, 1, 6))
    tasks = {t.task: t for t in tasks_for(record, schedule, settings, CALENDAR, date(2026, 1, 6))}
    assert tasks[TaskKind.PRE_REVIEW_MEETING].due == date(2026, 1, 28)


def test_monitoring_goes_on_for_a_child_who_turns_18_before_the_next_review():
    # 18 on Fri 1 May 2026; the second review would be due Sat 2 May 2026, after it: no review
    # is due, but the child is looked after until then, so contact and midpoint tasks remain.
    child = Child(id=1, child_ref="T1", first_name="Tia", last_name="Test", dob=date(2008, 5, 1))
    episode = Episode(id=1, decom=date(2026, 1, 5), rne="S", ls="C2", place="U1")
    record = ChildRecord(child=child, episodes=(episode,), reviews=(_held(7, date(2026, 2, 2)),))
    tasks = _tasks(record, today=date(2026, 2, 10))
    assert not any(kind == TaskKind.REVIEW for kind, _ in tasks)
    # Halfway from Mon 2 Feb 2026 to Fri 1 May 2026 (88 days): Wed 18 Mar 2026.
    assert tasks[(TaskKind.MIDPOINT, "review:7")].due == date(2026, 3, 18)
    # The child attended the review on 2 Feb: the next contact is due 12 weeks later.
    assert tasks[(TaskKind.CONTACT, "review:7")].due == date(2026, 4, 27)


def test_decisions_and_letter_count_from_a_reviews_final_part():
    two_parts = Review(
        id=7,
        status=ReviewStatus.HELD,
        parts=(ReviewPart(date(2026, 1, 30)), ReviewPart(date(2026, 2, 16))),
        review_code="PN1",
    )
    tasks = _tasks(_record(reviews=[two_parts]), today=date(2026, 2, 17))
    # 5 working days after Mon 16 Feb 2026: Mon 23 Feb; 20 working days: Mon 16 Mar.
    assert tasks[(TaskKind.DECISIONS, "review:7")].due == date(2026, 2, 23)
    assert tasks[(TaskKind.LETTER, "review:7")].due == date(2026, 3, 16)
    # Timeliness (and so the next review) still counts from the first part, 30 Jan.
    assert tasks[(TaskKind.REVIEW, "review:next")].due == date(2026, 4, 30)


def test_summary_line_puts_reviews_first_and_others_actions_last():
    from datetime import date as _date

    from iro_desktop.domain.tasks import Task, TaskKind, TaskOwner, summary_line

    today = _date(2026, 12, 5)  # a Saturday
    late, soon = _date(2026, 12, 1), _date(2026, 12, 6)

    def task(kind, due):
        return Task("C1", kind, "r", due, due, "why")

    tasks = [
        task(TaskKind.REVIEW, late),
        task(TaskKind.REVIEW, late),
        task(TaskKind.REVIEW, soon),
        task(TaskKind.LETTER, late),
        task(TaskKind.DECISION, late),
        task(TaskKind.CHALLENGE_RESPONSE, soon),
    ]
    assert summary_line(tasks, today) == (
        "2 reviews overdue, 1 due this week; 1 other task of yours overdue; "
        "to chase: 1 action overdue, 1 due this week"
    )
    assert summary_line([], today) == "Nothing overdue or due this week"
    assert {t.owner for t in tasks if t.task in (TaskKind.DECISION,)} == {TaskOwner.OTHERS}
    sunday_review = Task("C1", TaskKind.REVIEW, "r", soon, _date(2026, 12, 4), "why")
    assert sunday_review.hold_by_passed(today)
    assert not sunday_review.hold_by_passed(_date(2026, 12, 4))
