"""The child view: header, the tab asked for, every tab's table model, and what the IRO reads."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QGroupBox, QLabel, QSplitter, QTabWidget

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
    Person,
    PreReviewMeeting,
    Region,
    Review,
    ReviewPart,
    ReviewStatus,
)
from iro_desktop.domain.placement import current_episode, is_out_of_area
from iro_desktop.domain.schedule import age_on, schedule_for
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.timeline import footprint
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.gui.child_tabs.common import ValueForm
from iro_desktop.gui.child_tabs.reviews import HELD_REVIEW_COLUMNS
from iro_desktop.gui.models.records_model import RecordsTableModel
from iro_desktop.gui.views.child import (
    TAB_CHALLENGES,
    TAB_DECISIONS,
    TAB_DETAILS,
    TAB_EPISODES,
    TAB_LETTERS,
    TAB_MEETINGS,
    TAB_NAMES,
    TAB_REVIEWS,
    TAB_TIMELINE,
    ChildView,
)
from iro_desktop.services.child import ChildDetail, caseload_rows, child_detail

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WALES = Settings(region=Region.WALES, council_postcodes=("CF",), council_name="Cyngor Demo")


def detail_for(record: ChildRecord, settings: Settings = WALES, today: date = TODAY):
    """A ChildDetail built as ``services.child.child_detail`` builds it, without a store."""
    schedule = schedule_for(record, settings, calendar_for(settings), today)
    episode = current_episode(record, today)
    return ChildDetail(
        record=record,
        schedule=schedule,
        tasks=(),
        timeline=tuple(footprint(record, settings.timescales.contact_every_weeks, today)),
        settings=settings,
        today=today,
        age=age_on(record.child.dob, today),
        out_of_area=is_out_of_area(episode, settings) if episode else None,
    )


def new_child_record() -> ChildRecord:
    """Looked after since Mon 2 Nov 2026: no review yet, the first due 20 working days on."""
    return ChildRecord(
        child=Child(
            id=1,
            child_ref="CY100",
            first_name="Elis",
            last_name="Rhys",
            dob=date(2015, 3, 14),
            social_worker="Rhian Evans",
        ),
        episodes=(Episode(1, date(2026, 11, 2), "S", "C1", place="U6", pl_post="CF10 1AA"),),
    )


def welsh_child_record() -> ChildRecord:
    """A Welsh-speaking child with one review in time, one late, and some of everything."""
    return ChildRecord(
        child=Child(
            id=2,
            child_ref="CY200",
            first_name="Gwenllian",
            last_name="Morgan",
            preferred_name="Gwen",
            dob=date(2012, 5, 9),
            gender="2",
            ethnicity="WBRI",
            language="cy",
            language_recorded_on=date(2026, 1, 5),
            communication_needs="Prefers to talk in Welsh; short sentences",
            social_worker="Rhian Evans",
            social_worker_team="Tîm Plant",
        ),
        episodes=(
            Episode(
                10,
                date(2026, 1, 5),
                "S",
                "C2",
                place="U4",
                place_provider="PR1",
                pl_post="SY23 1AA",
                placement_name="Mr and Mrs Rowlands (foster carers)",
            ),
        ),
        reviews=(
            Review(20, parts=(ReviewPart(date(2026, 1, 28), "Foster home"),), review_code="PN1"),
            Review(
                21,
                parts=(ReviewPart(date(2026, 5, 12), "School"),),
                review_code="PN6",
                attendees=("Gwen", "Rhian Evans", "Mrs Rowlands"),
                timing_reason="The social worker was ill",
                letter_sent_on=date(2026, 5, 29),
            ),
            Review(22, status=ReviewStatus.BOOKED, booked_for=date(2026, 11, 5)),
        ),
        decisions=(
            Decision(30, 21, "Arrange Welsh-medium tutoring", "Rhian Evans", date(2026, 7, 1)),
            Decision(
                31,
                21,
                "Life story work to start",
                "Rhian Evans",
                date(2026, 9, 1),
                status=DecisionStatus.DONE,
                done_on=date(2026, 8, 20),
            ),
        ),
        pre_review_meetings=(
            PreReviewMeeting(40, 21, date(2026, 4, 27), "Rhian Evans", "School move"),
        ),
        contacts=(Contact(50, date(2026, 2, 10), "visit", "Went for a walk on the beach"),),
        midpoint_checks=(MidpointCheck(60, 21, date(2026, 8, 11), "Tutoring not arranged"),),
        challenges=(
            Challenge(
                70,
                "Care plan implementation",
                stages=(
                    ChallengeStage(0, date(2026, 8, 12), "Team manager", date(2026, 8, 26)),
                    ChallengeStage(1, date(2026, 9, 1), "Service manager", date(2026, 9, 8)),
                ),
                cafcass_referred_on=date(2026, 10, 1),
            ),
        ),
        people=(Person(80, "mother", "Sian Morgan", language="cy"),),
    )


@pytest.fixture
def view(qtbot) -> ChildView:
    widget = ChildView()
    qtbot.addWidget(widget)
    return widget


def table_models(view: ChildView) -> list[RecordsTableModel]:
    return view.findChildren(RecordsTableModel)


def test_empty_view_says_no_child_is_open(view):
    assert view.current_child_ref() is None
    assert "No child open" in view.name_label.text()
    assert not view.tab_widget.isEnabled()


def test_shows_the_tab_asked_for(view):
    detail = detail_for(welsh_child_record())
    view.show_detail(detail, "reviews")
    assert view.current_tab() == TAB_REVIEWS == "reviews"
    assert view.current_child_ref() == "CY200"
    for name in (
        TAB_DETAILS,
        TAB_EPISODES,
        TAB_DECISIONS,
        TAB_MEETINGS,
        TAB_CHALLENGES,
        TAB_TIMELINE,
        TAB_LETTERS,
    ):
        view.show_detail(detail, name)
        assert view.current_tab() == name
    view.show_detail(detail)  # no tab: stays where it is
    assert view.current_tab() == TAB_LETTERS


def test_an_unknown_tab_is_refused(view):
    with pytest.raises(ValueError, match="Unknown tab"):
        view.show_detail(detail_for(new_child_record()), "notes")


def test_switching_tabs_says_which(qtbot, view):
    view.show_detail(detail_for(new_child_record()))
    with qtbot.waitSignal(view.currentTabChanged) as blocker:
        view.tab_widget.setCurrentIndex(TAB_NAMES.index(TAB_TIMELINE))
    assert blocker.args == [TAB_TIMELINE]


def test_every_tab_table_passes_the_model_tester(qtmodeltester, view):
    view.show_detail(detail_for(welsh_child_record()))
    models = table_models(view)
    assert len(models) >= 10
    for model in models:
        qtmodeltester.check(model)


def test_every_demo_child_shows_and_its_tables_pass_the_model_tester(
    qtmodeltester, view, demo_store
):
    rows = caseload_rows(demo_store, TODAY, include_archived=True)
    busiest = max(rows, key=lambda r: (r.open_challenges, r.open_decisions))
    for row in rows:
        view.show_detail(child_detail(demo_store, row.child_ref, TODAY))
        assert view.current_child_ref() == row.child_ref
    view.show_detail(child_detail(demo_store, busiest.child_ref, TODAY))
    for model in table_models(view):
        qtmodeltester.check(model)


def test_reviews_tab_explains_the_next_due_date(view):
    view.show_detail(detail_for(new_child_record()), TAB_REVIEWS)
    text = view.tab(TAB_REVIEWS).next_review_text()
    assert "20 working days after" in text
    assert "Review 1 (first, looked after)" in text
    assert "Mon 2 Nov 2026" not in text or "20 working days after 2 Nov 2026" in text


def test_reviews_tab_says_in_time_or_late_in_words(view):
    view.show_detail(detail_for(welsh_child_record()), TAB_REVIEWS)
    model = view.tab(TAB_REVIEWS).held.model
    timeliness = [model.index(r, 4).data() for r in range(model.rowCount())]
    assert timeliness == ["Late: The social worker was ill", "In time"]  # newest first
    late = model.index(0, 4)
    assert late.data(Qt.ItemDataRole.DecorationRole) is not None
    assert HELD_REVIEW_COLUMNS[4].title == "In time?"
    explanations = [model.index(r, 3).data() for r in range(model.rowCount())]
    assert explanations[1].startswith("20 working days after")
    assert "PN6" in model.index(0, 5).data()
    assert "conveys their views" in model.index(0, 5).data()
    assert model.index(0, 7).data() == "Gwen, Rhian Evans, Mrs Rowlands"


def test_reviews_tab_shows_an_overdue_next_review_and_the_booking(view):
    view.show_detail(detail_for(welsh_child_record()), TAB_REVIEWS)
    text = view.tab(TAB_REVIEWS).next_review_text()
    assert text.startswith("Overdue")
    assert "Thu 5 Nov 2026" in text  # booked for
    assert "overdue" in view.next_review_line.text()


def test_a_welsh_speaker_is_shown_as_welsh(view):
    view.show_detail(detail_for(welsh_child_record()))
    assert "Welsh (Cymraeg)" in view.facts_label.text()
    details = view.tab(TAB_DETAILS)
    assert details.child_form.value("language").startswith("Welsh (Cymraeg)")
    assert details.child_form.value("ethnicity") == "WBRI White British"
    assert details.people.model.index(0, 2).data() == "Welsh (Cymraeg)"


def test_header_says_who_and_when(view):
    view.show_detail(detail_for(welsh_child_record()))
    assert view.name_label.text() == "Gwen Morgan"
    facts = view.facts_label.text()
    assert "CY200" in facts and "Aged 14 years" in facts and "Wed 9 May 2012" in facts
    assert "Mr and Mrs Rowlands" in view.placement_label.text()
    assert "Out of area" in view.placement_label.text()
    assert "Rhian Evans (Tîm Plant)" in view.social_worker_label.text()


def test_episodes_tab_gives_every_column_in_words(view):
    view.show_detail(detail_for(welsh_child_record()), TAB_EPISODES)
    form = view.tab(TAB_EPISODES).episode_form
    assert form.value("rne") == "S Started to be looked after"
    assert form.value("ls") == "C2 Full care order"
    assert form.value("place_provider") == "PR1 The council's own provision"
    assert form.value("out_of_area") == "Out of area"
    assert form.value("dec") == "Continuing"


def test_decisions_tab_lists_open_first_with_the_review_they_came_from(view):
    view.show_detail(detail_for(welsh_child_record()), TAB_DECISIONS)
    tab = view.tab(TAB_DECISIONS)
    model = tab.decisions.model
    assert model.index(0, 0).data() == "Arrange Welsh-medium tutoring"
    assert model.index(0, 3).data() == "Open, overdue"
    assert model.index(1, 3).data() == "Done Thu 20 Aug 2026"
    assert model.index(0, 5).data() == "Review of Tue 12 May 2026"
    assert tab.summary_label.text() == "1 open, 1 closed; 1 past the date set."


def test_meetings_tab_flags_a_long_gap_since_contact(view):
    view.show_detail(detail_for(welsh_child_record()), TAB_MEETINGS)
    tab = view.tab(TAB_MEETINGS)
    assert "Tue 10 Feb 2026" in tab.last_contact.text()
    assert "longer than the 12 weeks set" in tab.last_contact.text()
    assert tab.pre_review.model.index(0, 2).data() == "Review of Tue 12 May 2026"
    assert tab.midpoints.model.index(0, 2).data() == "Tutoring not arranged"


def test_challenges_tab_shows_stages_and_cafcass_cymru_in_wales(view):
    view.show_detail(detail_for(welsh_child_record()), TAB_CHALLENGES)
    tab = view.tab(TAB_CHALLENGES)
    model = tab.challenges.model
    assert model.index(0, 1).data() == "Formal stage 1"
    assert model.index(0, 4).data() == "Overdue: was due Tue 8 Sep 2026"
    assert model.index(0, 5).data() == "Referred to Cafcass Cymru Thu 1 Oct 2026"
    assert model.index(0, 7).data() == "Open"
    stages = tab.stages.model
    assert [stages.index(r, 0).data() for r in range(stages.rowCount())] == [
        "Informal",
        "Formal stage 1",
    ]


def test_timeline_is_newest_first_with_gaps_in_words(view):
    view.show_detail(detail_for(welsh_child_record()), TAB_TIMELINE)
    tab = view.tab(TAB_TIMELINE)
    model = tab.events.model
    dates = [model.row_at(r).on for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    whats = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert "Gap in IRO contact" in whats
    gap = model.index(whats.index("Gap in IRO contact"), 1)
    assert gap.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "gap" in tab.summary_label.text()


def test_letters_tab_shows_the_dates_sent_by_review(view):
    view.show_detail(detail_for(welsh_child_record()), TAB_LETTERS)
    tab = view.tab(TAB_LETTERS)
    assert tab.sent.model.index(0, 2).data() == "Fri 29 May 2026"
    assert tab.sent.model.index(1, 2).data() == "Not sent yet"


def test_every_widget_has_an_accessible_name(view):
    view.show_detail(detail_for(welsh_child_record()))
    unnamed = [
        f"{type(widget).__name__} {widget.text() if isinstance(widget, QLabel) else ''}"
        for kind in (QLabel, QTabWidget, QAbstractScrollArea, QGroupBox, QSplitter, ValueForm)
        for widget in view.findChildren(kind)
        # Qt's own internals (scroll area viewports, scroll bars) are named by Qt.
        if not widget.accessibleName() and not widget.objectName().startswith("qt_")
    ]
    assert unnamed == []
