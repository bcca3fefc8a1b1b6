"""The IRO's view of the plan on the review form and the midpoint check (issue 17, item 5),
driven through the real widgets offscreen on a copy of the demo: fill the new fields, save,
and see them in the record, in a draft brought back, and in the next form."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from iro_desktop.gui.forms import FORMS
from iro_desktop.gui.forms.base import FormContext, FormHost
from iro_desktop.gui.forms.choices import field_key
from iro_desktop.gui.forms.editors import to_qdate
from iro_desktop.services.child import child_detail
from iro_desktop.storage.records import load_child_record

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MASON = "DB128330"  # 10 years old; his review is overdue (a reason for lateness is needed)
ZAINAB = "DB402543"  # 3 open decisions
WAIT = 10_000


@pytest.fixture
def window(qtbot, demo_file):
    from iro_desktop.gui.app import launch

    made = launch(demo_file, False, TODAY)
    qtbot.addWidget(made)
    with qtbot.waitSignal(made.dueLoaded, timeout=WAIT):
        pass
    yield made
    for form in made.recording.live_forms():
        form._closing_ok = True
        form.close()
    made.recording._quit_confirmed = True
    made.close()


def _open(qtbot, window, kind: str, child_ref: str):
    with qtbot.waitSignal(window.recording.formOpened, timeout=WAIT) as opened:
        window.recording.open_form(kind, child_ref, "")
    form = opened.args[0]
    qtbot.waitExposed(form)
    return form


def _choose(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def _save(qtbot, window, form) -> None:
    assert form.is_valid(), [p.message for p in form._problems]
    with qtbot.waitSignal(form.savedToRecord, timeout=WAIT):
        form.save_and_close()
    qtbot.waitUntil(lambda: window.worker.pending_jobs == 0, timeout=WAIT)


def _message(form, key: str) -> str:
    return form._error_labels[key].text() if form._error_labels[key].isVisible() else ""


def test_review_form_records_the_iro_s_view_of_the_plan(qtbot, window):
    form = _open(qtbot, window, "review", MASON)
    held = form.review_date()
    _choose(form.field("review_code"), "PN2")
    form.field("timing_reason").setText("Carer was ill")
    form.field(field_key("views_given", "in_person")).setChecked(True)
    form.field(field_key("views_given", "advocate")).setChecked(True)
    # The plan does not fully meet his needs: the IRO must say why before saving.
    _choose(form.field("plan_meets_needs"), "partly")
    form.display.show_required = True
    form.revalidate()
    assert "Say what the plan is missing" in _message(form, "care_plan_view")
    assert not form.save_button.isEnabled()
    form.field("care_plan_view").setPlainText("No plan yet for contact with his brother.")
    form.field("recommendations").setPlainText(
        "Consider an advocate for the next review.\nThink about life story work."
    )
    # A health assessment 13 months ago is overdue (yearly at 10); a dental check is in time.
    form.field("health_assessment_on").setDate(to_qdate(held - timedelta(days=400)))
    form.field("dental_check_on").setDate(to_qdate(held - timedelta(days=60)))
    form.field("pep_on").setDate(to_qdate(held - timedelta(days=30)))
    assert "Overdue" in form._find("healthAssessmentStatus").text()
    assert "In time" in form._find("dentalCheckStatus").text()
    assert "every 4 months" in form._find("pepStatus").text()
    _save(qtbot, window, form)

    review = max(
        (r for r in load_child_record(window.store, MASON).reviews if r.is_held),
        key=lambda r: r.part_dates[0],
    )
    assert review.views_given == ("in_person", "advocate")
    assert review.plan_meets_needs == "partly"
    assert review.care_plan_view == "No plan yet for contact with his brother."
    assert review.recommendations.splitlines() == [
        "Consider an advocate for the next review.",
        "Think about life story work.",
    ]
    assert review.health_assessment_on == held - timedelta(days=400)
    assert review.pep_on == held - timedelta(days=30)

    # The next review form starts from the dates known at this one, judged again.
    again = _open(qtbot, window, "review", MASON)
    assert again.date("dental_check_on") == held - timedelta(days=60)
    assert again.date("health_assessment_on") == held - timedelta(days=400)
    assert "Overdue" in again._find("healthAssessmentStatus").text()
    again._closing_ok = True
    again.close()


def test_a_review_draft_brings_back_the_plan_view(qtbot, demo_store):
    from iro_desktop.gui.worker import Worker

    worker = Worker()
    try:
        context = FormContext(TODAY, MASON, "", child_detail(demo_store, MASON, TODAY))
        first = FORMS["review"](FormHost(worker, demo_store), context)
        qtbot.addWidget(first)
        first.field(field_key("views_given", "carer")).setChecked(True)
        _choose(first.field("plan_meets_needs"), "no")
        first.field("care_plan_view").setPlainText("No school named.")
        first.field("recommendations").setPlainText("Ask about tuition.")
        first.field("pep_on").setDate(to_qdate(date(2026, 9, 1)))
        payload = first.payload()
        first._closing_ok = True
        first.close()

        again = FORMS["review"](FormHost(worker, demo_store), context, payload=payload)
        qtbot.addWidget(again)
        entry = again.entry()
        assert entry.views_given == ("carer",)
        assert (entry.plan_meets_needs, entry.care_plan_view) == ("no", "No school named.")
        assert entry.recommendations == "Ask about tuition."
        assert entry.pep_on == date(2026, 9, 1)
        again._closing_ok = True
        again.close()
    finally:
        worker.shutdown()


def test_the_plan_view_covers_the_pathway_plan_for_a_young_person_of_16(qtbot, demo_store):
    from iro_desktop.domain.dates import age_on
    from iro_desktop.gui.worker import Worker
    from iro_desktop.storage.records import load_child_records

    older = next(
        r.child.child_ref
        for r in load_child_records(demo_store)
        if r.child.archived_on is None and 16 <= age_on(r.child.dob, TODAY) < 18
    )
    worker = Worker()
    try:
        for ref, words in ((MASON, "permanence plan"), (older, "pathway plan")):
            context = FormContext(TODAY, ref, "", child_detail(demo_store, ref, TODAY))
            form = FORMS["review"](FormHost(worker, demo_store), context)
            qtbot.addWidget(form)
            assert words in form._find("plansNote").text()
            form._closing_ok = True
            form.close()
    finally:
        worker.shutdown()


def test_midpoint_check_records_who_how_and_whether_the_plan_is_on_track(qtbot, window):
    window.open_child(ZAINAB, "meetings")
    qtbot.waitUntil(lambda: window.child_view.current_child_ref() == ZAINAB, timeout=WAIT)
    form = _open(qtbot, window, "midpoint", ZAINAB)
    # Whether the plan is on track is asked at every check.
    form.display.show_required = True
    form.revalidate()
    assert not form.save_button.isEnabled()
    assert "Choose whether the plan is on track" in _message(form, "plan_on_track")
    form.field(field_key("spoken_how", "visit")).setChecked(True)
    form.field(field_key("spoken_how", "email")).setChecked(True)
    form.revalidate()
    assert "Say who you spoke to" in _message(form, "spoken_to")
    qtbot.keyClicks(form.field("spoken_to"), "Zainab")
    qtbot.keyClick(form.field("spoken_to"), Qt.Key.Key_Return)  # one person a line
    qtbot.keyClicks(form.field("spoken_to"), "Sarah Whitfield (social worker)")
    _choose(form.field("plan_on_track"), "no")
    form.revalidate()
    assert "say what happens now" in _message(form, "if_not_on_track")
    assert not form.save_button.isEnabled()
    form.field("if_not_on_track").setPlainText("PEP meeting booked for 4 Dec; I will check.")
    _save(qtbot, window, form)

    check = max(load_child_record(window.store, ZAINAB).midpoint_checks, key=lambda m: m.id)
    assert check.spoken_to.splitlines()[-1] == "Sarah Whitfield (social worker)"
    assert check.spoken_how == ("visit", "email")
    assert check.plan_on_track is False
    assert check.if_not_on_track == "PEP meeting booked for 4 Dec; I will check."


def test_a_midpoint_draft_brings_back_who_how_and_on_track(qtbot, demo_store):
    from iro_desktop.gui.worker import Worker

    worker = Worker()
    try:
        context = FormContext(TODAY, ZAINAB, "", child_detail(demo_store, ZAINAB, TODAY))
        first = FORMS["midpoint"](FormHost(worker, demo_store), context)
        qtbot.addWidget(first)
        first.field("spoken_to").setPlainText("Carer")
        first.field(field_key("spoken_how", "phone")).setChecked(True)
        _choose(first.field("plan_on_track"), "yes")
        payload = first.payload()
        first._closing_ok = True
        first.close()
        again = FORMS["midpoint"](FormHost(worker, demo_store), context, payload=payload)
        qtbot.addWidget(again)
        entry = again.entry()
        assert (entry.spoken_to, entry.spoken_how, entry.plan_on_track) == (
            "Carer",
            ("phone",),
            True,
        )
        assert again.is_valid()
        again._closing_ok = True
        again.close()
    finally:
        worker.shutdown()
