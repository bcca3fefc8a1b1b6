"""One child's review with every part of the decisions record filled in, built in memory (no
store), in English or Welsh: what ``test_record_language`` reads."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from iro_desktop.domain.model import (
    Child,
    ChildRecord,
    Decision,
    DecisionStatus,
    Episode,
    Review,
    ReviewPart,
)
from iro_desktop.domain.schedule import schedule_for
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.reports.decisions_record import build_decisions_record
from iro_desktop.reports.pages import Page

TODAY = date(2026, 11, 23)
HELD = date(2026, 4, 14)  # an April review: "Ebrill" in Welsh


def case(language: str = "en") -> tuple[ChildRecord, Review]:
    child = Child(1, "RL000001", "Alaw", "Morgan", date(2013, 8, 3), language=language,
                  social_worker="Sam Jones", social_worker_team="Team West")  # fmt: skip
    earlier = Review(10, parts=(ReviewPart(date(2025, 10, 20)),), review_code="PN1")
    review = Review(
        11,
        parts=(ReviewPart(HELD, "School"),),
        venue="School",
        attendees=("Alaw", "Sam Jones (social worker)"),
        review_code="PN1",
        views_how="Alaw spoke for herself.",
        parents_participation="Mother came to the first part.",
        timing_reason="Held a week late: the school was closed.",
        care_plan_view="The plan is right for now.",
        plan_meets_needs="partly",
        going_well="Alaw is settled at school.",
        worries="Contact with her brother.",
        child_words="I want to see Dylan more.",
        text_language=language,
        views_given=("in_person", "writing"),
        recommendations="Think about life story work.",
        health_assessment_on=date(2025, 9, 1),
        dental_check_on=date(2026, 1, 10),
        pep_on=date(2026, 3, 2),
    )
    decisions = (
        Decision(1, 10, "Arrange contact with Dylan", "Sam Jones", date(2026, 1, 31),
                 text_language=language),  # still open from the earlier review, overdue
        Decision(2, 11, "Book the dentist", "Carer", date(2026, 6, 1), DecisionStatus.DONE,
                 done_on=date(2026, 5, 2), text_language=language),
        Decision(3, 11, "Life story work to start", "", date(2026, 9, 30),
                 text_language=language),
    )  # fmt: skip
    episodes = (Episode(1, date(2025, 9, 1), "S", "C2", place="U4"),)
    record = ChildRecord(child, episodes, (earlier, review), decisions)
    return record, review


def record_page(language: str = "en", settings: Settings | None = None) -> Page:
    record, review = case(language)
    settings = settings or replace(Settings(), iro_name="Rhian Evans")
    calendar = calendar_for(settings)
    schedule = schedule_for(record, settings, calendar, TODAY)
    return build_decisions_record(record, schedule, review, settings, calendar, TODAY)
