"""The recording forms, driven through the real widgets offscreen on a copy of the demo."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from iro_desktop.domain.model import DecisionStatus
from iro_desktop.domain.tasks import TaskKind
from iro_desktop.domain.validation import StepAction
from iro_desktop.gui.forms import FORMS
from iro_desktop.gui.forms import base as form_base
from iro_desktop.gui.forms.base import FormContext, FormHost, RecordForm
from iro_desktop.gui.forms.editors import to_qdate
from iro_desktop.gui.models.due_model import TASK_ROLE
from iro_desktop.services.child import child_detail
from iro_desktop.services.drafts import load_drafts
from iro_desktop.storage.records import load_child_record

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MASON = "DB128330"  # 10 years old; a review booked for 8 Nov 2026, now overdue
HODAN = "DB276287"  # 2 years old
ZAINAB = "DB402543"  # 3 open decisions
IFAN = "DB385406"  # prefers Welsh
WAIT = 10_000
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _launch(qtbot, path):
    from iro_desktop.gui.app import launch

    made = launch(path, False, TODAY)
    qtbot.addWidget(made)
    with qtbot.waitSignal(made.dueLoaded, timeout=WAIT):
        pass
    made.activateWindow()
    return made


def _close(window) -> None:
    for form in window.recording.live_forms():
        form._closing_ok = True
        form.close()
    window.recording._quit_confirmed = True
    window.close()


@pytest.fixture
def window(qtbot, demo_file):
    made = _launch(qtbot, demo_file)
    yield made
    _close(made)


def _idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.worker.pending_jobs == 0, timeout=WAIT)


def _open(qtbot, window, trigger) -> RecordForm:
    with qtbot.waitSignal(window.recording.formOpened, timeout=WAIT) as opened:
        trigger()
    form = opened.args[0]
    qtbot.waitExposed(form)
    qtbot.waitUntil(lambda: _focus() is not None and _focus().window() is form, timeout=WAIT)
    return form


def _focus():
    return QApplication.focusWidget()


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(_focus(), text)


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(_focus(), key, modifier)


def _tab_to(qtbot, widget, limit: int = 60) -> None:
    """Press Tab until ``widget`` has the keyboard."""
    for _ in range(limit):
        if _focus() is widget:
            return
        _key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.accessibleName()}")


def _save_by_keyboard(qtbot, window, form) -> None:
    assert form.is_valid(), [p.message for p in form._problems]
    with qtbot.waitSignal(form.savedToRecord, timeout=WAIT):
        _key(qtbot, Qt.Key.Key_Return, CTRL)
    _idle(qtbot, window)


def _shown_tasks(window, child_ref: str) -> set[tuple[TaskKind, str]]:
    model, shown = window.due_view.model, set()
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            task = model.index(row, 0, parent).data(TASK_ROLE)
            if task.child_ref == child_ref:
                shown.add((task.task, task.ref))
    return shown


def _task_index(window, child_ref: str, kind: TaskKind):
    model = window.due_view.model
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            task = index.data(TASK_ROLE)
            if task.child_ref == child_ref and task.task == kind:
                return index
    raise AssertionError(f"no {kind} task for {child_ref}")


def _open_child(qtbot, window, child_ref: str, tab: str) -> None:
    window.open_child(child_ref, tab)
    qtbot.waitUntil(lambda: window.child_view.current_child_ref() == child_ref, timeout=WAIT)
    _idle(qtbot, window)


def _choose_code(form, code: str) -> None:
    combo = form.field("review_code")
    combo.setCurrentIndex(combo.findData(code))


# -- the acceptance tests ------------------------------------------------------------------------
def test_record_a_review_end_to_end_from_the_due_view(qtbot, window):
    before = _shown_tasks(window, MASON)
    assert (TaskKind.REVIEW, "review:104") in before
    assert not {k for k, _ in before} & {TaskKind.DECISIONS, TaskKind.LETTER}
    window.due_view.tree.setCurrentIndex(_task_index(window, MASON, TaskKind.REVIEW))
    assert window.due_view.record_button.isEnabled()
    form = _open(qtbot, window, lambda: qtbot.keyClick(window.due_view.tree, Qt.Key.Key_T, CTRL))
    assert form.KIND == "review" and form.context.record_ref == "review:104"
    # The title names the child by initials and reference (issue 14: shared screens).
    assert form.windowTitle().endswith("MW (DB128330)") and "Mason" not in form.windowTitle()
    assert not form.save_button.isEnabled()  # no code yet, and the review is late
    _choose_code(form, "PN1")
    qtbot.keyClicks(form.field("timing_reason"), "Mason was in hospital")
    qtbot.keyClicks(form.field("attendees"), "Mason")
    qtbot.keyClick(form.field("attendees"), Qt.Key.Key_Return)
    qtbot.keyClicks(form.field("attendees"), "Sam Lee (carer)")
    form.decisions.add_button.click()
    row = form.decisions.rows[0]
    qtbot.keyClicks(row.fields["what"], "Book a dentist appointment")
    qtbot.keyClicks(row.fields["who"], "Carer")
    qtbot.keyClicks(form.field("child_words"), "I like my new school")
    assert form.is_valid(), [p.message for p in form._problems]
    with qtbot.waitSignal(window.dueLoaded, timeout=WAIT):
        _save_by_keyboard(qtbot, window, form)
    _idle(qtbot, window)

    after = _shown_tasks(window, MASON)
    kinds = {kind for kind, _ref in after}
    assert (TaskKind.REVIEW, "review:104") not in after  # the review task left
    assert {TaskKind.DECISIONS, TaskKind.LETTER, TaskKind.DECISION} <= kinds
    review = next(r for r in load_child_record(window.store, MASON).reviews if r.id == 104)
    assert review.is_held and review.review_code == "PN1"
    assert review.attendees == ("Mason", "Sam Lee (carer)")
    assert "Review recorded" in window.statusBar().currentMessage()


def test_pn0_refused_for_a_10_year_old_and_proposed_for_a_2_year_old(qtbot, window):
    _open_child(qtbot, window, MASON, "reviews")
    form = _open(qtbot, window, lambda: window.actions["record_review"].trigger())
    assert form.text("review_code") == ""  # nothing proposed from the 4th birthday on
    _choose_code(form, "PN0")
    message = form._error_labels["review_code"].text()
    assert "PN0 is only for a child under 4" in message and "choose PN1 to PN7" in message
    assert message.startswith("⚠")  # a sign and words, not colour alone
    assert not form.save_button.isEnabled()
    form._closing_ok = True
    form.close()

    _open_child(qtbot, window, HODAN, "reviews")
    form = _open(qtbot, window, lambda: window.actions["record_review"].trigger())
    assert form.text("review_code") == "PN0"
    assert "under 4 on the review date: PN0 is proposed" in form.code_note.text()
    _choose_code(form, "PN2")
    assert "the code for a child under 4 is PN0" in form._error_labels["review_code"].text()


def test_a_review_in_two_parts(qtbot, window):
    _open_child(qtbot, window, HODAN, "reviews")
    form = _open(qtbot, window, lambda: window.actions["record_review"].trigger())
    form.parts.add_button.click()
    first, second = form.parts.rows
    first.fields["held_on"].setDate(to_qdate(TODAY - timedelta(days=2)))
    second.fields["held_on"].setDate(to_qdate(TODAY - timedelta(days=5)))
    assert "is after part 2" in first.problems.text()
    assert not form.save_button.isEnabled()
    second.fields["held_on"].setDate(to_qdate(TODAY))
    qtbot.keyClicks(second.fields["venue"], "Contact centre")
    qtbot.keyClicks(form.field("timing_reason"), "Parents could not come sooner")
    assert form.is_valid(), [p.message for p in form._problems]
    _save_by_keyboard(qtbot, window, form)
    held = [r for r in load_child_record(window.store, HODAN).reviews if r.is_held]
    latest = max(held, key=lambda r: r.part_dates[0])
    assert latest.part_dates == (TODAY - timedelta(days=2), TODAY)
    assert latest.review_code == "PN0"


def test_open_decisions_carried_at_a_midpoint_check(qtbot, window):
    record = load_child_record(window.store, ZAINAB)
    open_ids = [d.id for d in record.decisions if d.is_open]
    assert len(open_ids) == 3
    _open_child(qtbot, window, ZAINAB, "meetings")
    form = _open(qtbot, window, lambda: window.actions["record_midpoint"].trigger())
    rows = form.steps.rows
    assert sorted(int(r.property("decision_id")) for r in rows) == sorted(open_ids)
    by_when = [
        next(d for d in record.decisions if d.id == int(r.property("decision_id"))).by_when
        for r in rows
    ]
    assert by_when == sorted(by_when)  # soonest first
    done, carried, dropped = rows
    done_id, carried_id, dropped_id = (int(r.property("decision_id")) for r in rows)
    done.fields["action"].setCurrentIndex(done.fields["action"].findData(StepAction.DONE))
    carried.fields["action"].setCurrentIndex(carried.fields["action"].findData(StepAction.CARRY))
    assert carried.fields["new_by_when"].isEnabled()
    carried.fields["new_by_when"].setDate(to_qdate(TODAY + timedelta(days=40)))
    qtbot.keyClicks(carried.fields["note"], "Waiting list")
    dropped.fields["action"].setCurrentIndex(dropped.fields["action"].findData(StepAction.DROP))
    assert "Say why the decision is dropped" in dropped.problems.text()
    qtbot.keyClicks(dropped.fields["note"], "No longer needed")
    qtbot.keyClicks(form.field("concerns"), "School place still not agreed")
    on_track = form.field("plan_on_track")
    on_track.setCurrentIndex(on_track.findData("yes"))
    _save_by_keyboard(qtbot, window, form)
    after = {d.id: d for d in load_child_record(window.store, ZAINAB).decisions}
    assert after[done_id].status == DecisionStatus.DONE
    assert after[carried_id].by_when == TODAY + timedelta(days=40)
    assert after[dropped_id].dropped_reason == "No longer needed"


def test_raise_escalate_and_resolve_a_challenge(qtbot, window):
    _open_child(qtbot, window, MASON, "challenges")
    tab = window.child_view.tab("challenges")
    form = _open(qtbot, window, lambda: tab.action_bar.buttons["challenge"].click())
    assert "10 working days" in form.field("response_due").text()
    qtbot.keyClicks(form.field("theme").lineEdit(), "Care plan implementation")
    qtbot.keyClicks(form.field("raised_with"), "Team manager")
    _save_by_keyboard(qtbot, window, form)
    qtbot.waitUntil(lambda: tab.challenges.model.rowCount() == 1, timeout=WAIT)
    tab.challenges.table.setCurrentIndex(tab.challenges.model.index(0, 0))

    form = _open(qtbot, window, lambda: tab.action_bar.buttons["escalate"].click())
    assert form.text("stage") == "1"
    assert "5 working days" in form.field("response_due").text()
    qtbot.keyClicks(form.field("raised_with"), "Head of service")
    _save_by_keyboard(qtbot, window, form)
    [challenge] = load_child_record(window.store, MASON).challenges
    assert challenge.current_stage.stage == 1

    form = _open(qtbot, window, lambda: tab.action_bar.buttons["resolve"].click())
    assert not form.save_button.isEnabled()
    qtbot.keyClicks(form.field("text"), "Care plan now followed")
    _save_by_keyboard(qtbot, window, form)
    [challenge] = load_child_record(window.store, MASON).challenges
    assert challenge.resolved_on == TODAY and challenge.outcome == "Care plan now followed"


def test_a_draft_survives_a_crash_and_is_not_readable_on_disk(
    qtbot, demo_file, monkeypatch, tmp_path
):
    marker = "Quokka-7731-draft-marker"
    monkeypatch.setattr(form_base, "AUTOSAVE_MS", 100)
    first = _launch(qtbot, demo_file)
    _open_child(qtbot, first, MASON, "meetings")
    form = _open(qtbot, first, lambda: first.actions["record_contact"].trigger())
    with qtbot.waitSignal(form.draftSaved, timeout=WAIT):  # the timer keeps it, unasked
        qtbot.keyClicks(form.field("note"), f"Talked about football {marker}")
    _idle(qtbot, first)
    form.deleteLater()  # the form is gone without a close event: as in a crash
    qtbot.waitUntil(lambda: not first.recording.live_forms(), timeout=WAIT)
    _close(first)

    for folder in {tmp_path, demo_file.parent}:
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert marker.encode() not in data, path
                assert marker.encode("utf-16-le") not in data, path

    second = _launch(qtbot, demo_file)
    try:
        qtbot.waitUntil(lambda: second.recording.drafts_box is not None, timeout=WAIT)
        box = second.recording.drafts_box
        assert box.text().startswith("You have 1 unsaved form from ")
        assert "Contact with the child (DB128330)" in box.informativeText()
        with qtbot.waitSignal(second.recording.formOpened, timeout=WAIT) as opened:
            qtbot.keyClick(box, Qt.Key.Key_Return)  # Restore is the default
        restored = opened.args[0]
        assert marker in restored.text("note")
        _save_by_keyboard(qtbot, second, restored)
        assert load_drafts(second.store) == []
        contacts = load_child_record(second.store, MASON).contacts
        assert any(marker in c.note for c in contacts)
    finally:
        _close(second)


def test_closing_with_unsaved_changes_asks_first(qtbot, window):
    _open_child(qtbot, window, MASON, "meetings")
    form = _open(qtbot, window, lambda: window.actions["record_meeting"].trigger())
    qtbot.keyClicks(form.field("issues"), "School move")
    _key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: form.prompt is not None and form.prompt.isVisible(), timeout=WAIT)
    qtbot.keyClick(form.prompt, Qt.Key.Key_Escape)  # Keep editing
    assert form.isVisible() and form.text("issues") == "School move"
    form.close()  # the window's close button asks too
    qtbot.waitUntil(lambda: form.prompt is not None and form.prompt.isVisible(), timeout=WAIT)
    # Issue 17: each answer has an Alt-letter key (shown underlined).
    texts = sorted(b.text() for b in form.prompt.buttons())
    assert texts == ["&Discard", "&Keep as draft", "&Save", "Keep &editing"]
    form.prompt.activateWindow()
    qtbot.waitUntil(form.prompt.isActiveWindow, timeout=WAIT)
    with qtbot.waitSignal(form.closedForGood, timeout=WAIT):
        qtbot.keyClick(form.prompt, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    _idle(qtbot, window)
    assert load_drafts(window.store) == []


def test_decisions_tab_marks_done_and_chases(qtbot, window):
    _open_child(qtbot, window, ZAINAB, "decisions")
    tab = window.child_view.tab("decisions")
    tab.decisions.table.setCurrentIndex(tab.decisions.model.index(0, 0))
    first = tab.chosen().decision.id
    with qtbot.waitSignal(window.dueLoaded, timeout=WAIT):
        tab.action_bar.buttons["chase"].click()
    _idle(qtbot, window)
    chased = next(d for d in load_child_record(window.store, ZAINAB).decisions if d.id == first)
    assert chased.last_chased_on == TODAY
    tab.decisions.table.setCurrentIndex(tab.decisions.model.index(0, 0))
    with qtbot.waitSignal(window.dueLoaded, timeout=WAIT):
        tab.action_bar.buttons["done"].click()
    _idle(qtbot, window)
    done = next(d for d in load_child_record(window.store, ZAINAB).decisions if d.id == first)
    assert done.status == DecisionStatus.DONE and done.done_on == TODAY


def test_a_welsh_child_can_have_the_record_written_in_welsh(qtbot, window):
    _open_child(qtbot, window, IFAN, "reviews")
    form = _open(qtbot, window, lambda: window.actions["record_review"].trigger())
    assert form.welsh_note.isVisible()
    assert "you can write in Welsh" in form.welsh_note.text()
    assert form.text("text_language") == "cy"
    assert form.entry().text_language == "cy"


# -- every form by keyboard alone ------------------------------------------------------------
def _child_via_keyboard(qtbot, window, name: str) -> None:
    """Find the child on the caseload (Ctrl+F, type, Enter): the child view opens."""
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    _type(qtbot, name)
    _key(qtbot, Qt.Key.Key_Return)  # to the first child found
    _key(qtbot, Qt.Key.Key_Return)  # open it
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.child_view, timeout=WAIT)
    _idle(qtbot, window)


def _menu_form(qtbot, window, key, modifiers=CTRL) -> RecordForm:
    return _open(qtbot, window, lambda: qtbot.keyClick(_focus(), key, modifiers))


def _tab_form(qtbot, window, tab_name: str, mnemonic) -> RecordForm:
    """Show the tab with Ctrl+Tab / Ctrl+Shift+Tab, then press the button's Alt+letter."""
    view = window.child_view
    view.tab_widget.tabBar().setFocus()
    target = list(view.tabs).index(tab_name)
    while view.tab_widget.currentIndex() != target:
        _key(qtbot, Qt.Key.Key_Tab, CTRL)
    return _open(
        qtbot, window, lambda: qtbot.keyClick(_focus(), mnemonic, Qt.KeyboardModifier.AltModifier)
    )


def test_every_form_is_reachable_and_savable_with_the_keyboard_alone(qtbot, window):
    saved: list[str] = []

    def save(form):
        _save_by_keyboard(qtbot, window, form)
        saved.append(form.KIND)
        qtbot.waitUntil(lambda: _focus() is not None and _focus().window() is window, timeout=WAIT)

    # New child: Ctrl+N, then type field by field.
    form = _menu_form(qtbot, window, Qt.Key.Key_N)
    for text in ("KB000001", "Kai", "Keyboard"):
        _type(qtbot, text)
        _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Tab)  # preferred name
    _type(qtbot, "06052016")  # date of birth
    save(form)
    qtbot.waitUntil(lambda: window.child_view.current_child_ref() == "KB000001", timeout=WAIT)

    _child_via_keyboard(qtbot, window, "Mason Webb")
    assert window.child_view.current_child_ref() == MASON

    form = _menu_form(qtbot, window, Qt.Key.Key_E)  # edit the child
    _tab_to(qtbot, form.field("preferred_name"))
    _type(qtbot, "Mase")
    save(form)

    form = _menu_form(qtbot, window, Qt.Key.Key_P, CTRL | SHIFT)  # episode
    _tab_to(qtbot, form.field("place"))
    _type(qtbot, "U4")
    save(form)

    form = _menu_form(qtbot, window, Qt.Key.Key_B)  # book the review for next week
    _type(qtbot, (TODAY + timedelta(days=7)).strftime("%d%m%Y"))
    save(form)

    for key, modifiers in (
        (Qt.Key.Key_C, CTRL | SHIFT),  # consultation
        (Qt.Key.Key_M, CTRL | SHIFT),  # pre-review meeting
        (Qt.Key.Key_K, CTRL),  # contact
    ):
        save(_menu_form(qtbot, window, key, modifiers))
    form = _menu_form(qtbot, window, Qt.Key.Key_M, CTRL)  # midpoint check
    _tab_to(qtbot, form.field("plan_on_track"))
    _type(qtbot, "Y")  # "Yes, on track"
    save(form)

    form = _menu_form(qtbot, window, Qt.Key.Key_R)  # review (booked for next week)
    assert _focus() is form.parts.rows[0].fields["held_on"]
    _type(qtbot, TODAY.strftime("%d%m%Y"))
    _tab_to(qtbot, form.field("timing_reason"))
    _type(qtbot, "Carer was ill")
    _tab_to(qtbot, form.field("review_code"))
    _type(qtbot, "PN1")
    _tab_to(qtbot, form.decisions.add_button)
    _key(qtbot, Qt.Key.Key_Space)
    _type(qtbot, "Apply for passport")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Social worker")
    save(form)

    save(_menu_form(qtbot, window, Qt.Key.Key_D, CTRL | SHIFT))  # decisions circulated

    form = _menu_form(qtbot, window, Qt.Key.Key_H, CTRL | SHIFT)  # raise a challenge
    _type(qtbot, "Social work practice")
    _tab_to(qtbot, form.field("raised_with"))
    _type(qtbot, "Team manager")
    save(form)

    qtbot.waitUntil(
        lambda: window.child_view.tab("challenges").challenges.model.rowCount() == 1,
        timeout=WAIT,
    )
    form = _tab_form(qtbot, window, "challenges", Qt.Key.Key_E)  # escalate
    _tab_to(qtbot, form.field("raised_with"))
    _type(qtbot, "Head of service")
    save(form)
    form = _tab_form(qtbot, window, "challenges", Qt.Key.Key_P)  # response
    _tab_to(qtbot, form.field("text"))
    _type(qtbot, "Agreed to review the plan")
    save(form)
    save(_tab_form(qtbot, window, "challenges", Qt.Key.Key_C))  # Cafcass
    form = _tab_form(qtbot, window, "challenges", Qt.Key.Key_O)  # resolve
    _tab_to(qtbot, form.field("text"))
    _type(qtbot, "Plan reviewed")
    save(form)

    window.child_view.tab("decisions").decisions.table.setFocus()
    save(_tab_form(qtbot, window, "decisions", Qt.Key.Key_C))  # carry (a new date)
    form = _tab_form(qtbot, window, "decisions", Qt.Key.Key_P)  # drop
    _tab_to(qtbot, form.field("note"))
    _type(qtbot, "Done another way")
    save(form)

    window.actions["show_due"].trigger()
    window.due_view.tree.setCurrentIndex(_task_index(window, ZAINAB, TaskKind.DECISION))
    save(_menu_form(qtbot, window, Qt.Key.Key_T))  # a decision from the due list: done

    assert set(saved) == set(FORMS), set(FORMS) - set(saved)


# -- every form, built directly ----------------------------------------------------------------
@pytest.mark.parametrize("kind", sorted(FORMS))
def test_every_form_names_its_widgets_marks_required_fields_and_tabs_in_order(
    qtbot, demo_store, kind
):
    from iro_desktop.gui.worker import Worker

    worker = Worker()
    try:
        detail = None if kind == "child" else child_detail(demo_store, ZAINAB, TODAY)
        record_ref = ""
        if detail is not None and kind in {"decision", "carry", "drop"}:
            record_ref = f"decision:{next(d.id for d in detail.record.decisions if d.is_open)}"
        context = FormContext(TODAY, ZAINAB if detail else "", record_ref, detail)
        form = FORMS[kind](FormHost(worker, demo_store), context)
        qtbot.addWidget(form)
        inputs = (QComboBox, QDateEdit, QPlainTextEdit, QLineEdit, QAbstractButton)
        for widget in form.findChildren(QWidget):
            inner = isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
            if isinstance(widget, inputs) and not inner and widget.isVisibleTo(form):
                assert widget.accessibleName(), f"{kind}: {widget.objectName()} has no name"
        for key in form.REQUIRED:
            label = form._label_for(form.field(key))
            assert label.text().rstrip(":").endswith("*"), f"{kind}: {key} not marked"
        fields = form.focusable_fields()
        buttons = [form.draft_button, form.save_button, form.cancel_button, form.help_button]
        assert fields[-4:] == buttons
        form.show()
        qtbot.waitExposed(form)
        in_form = [w for w in fields[:-4] if w.isVisible()]  # the buttons come last
        positions = [(w.accessibleName(), w.mapTo(form, w.rect().topLeft()).y()) for w in in_form]
        # top to bottom (fields side by side in a row may differ by a pixel or two)
        backwards = [(a, b) for a, b in pairwise(positions) if b[1] < a[1] - 6]
        assert not backwards, (kind, backwards)
        assert form.findChildren(QLabel)
        form._closing_ok = True
        form.close()
    finally:
        worker.shutdown()


# --- two windows on one child: nothing silently reverted ----------------------------------


def _second_connection(path):
    """Another window or copy of the app (or an import) on the same caseload file."""
    from iro_desktop.services.session import DEMO_PASSPHRASE
    from iro_desktop.storage.opening import open_store

    return open_store(path, DEMO_PASSPHRASE, is_demo=True)


def _save_elsewhere(path, child_ref: str, **changes) -> None:
    from iro_desktop.storage import history

    other = _second_connection(path)
    try:
        history.update(other, "children", load_child_record(other, child_ref).child.id, changes)
    finally:
        other.close()


def _retype(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_a_stale_child_form_keeps_a_change_saved_elsewhere_to_another_field(
    qtbot, window, demo_file
):
    _open_child(qtbot, window, MASON, "details")
    form = _open(qtbot, window, lambda: window.actions["edit_child"].trigger())
    before = load_child_record(window.store, MASON).child
    _save_elsewhere(demo_file, MASON, social_worker="Sam Patel", social_worker_team="East")

    _retype(qtbot, form.field("preferred_name"), "Mase")
    _save_by_keyboard(qtbot, window, form)

    child = load_child_record(window.store, MASON).child
    assert child.preferred_name == "Mase"
    assert (child.social_worker, child.social_worker_team) == ("Sam Patel", "East")
    assert child.first_name == before.first_name


def test_a_stale_child_form_asks_field_by_field_and_saves_the_iro_s_choices(
    qtbot, window, demo_file
):
    _open_child(qtbot, window, MASON, "details")
    form = _open(qtbot, window, lambda: window.actions["edit_child"].trigger())
    loaded = load_child_record(window.store, MASON).child
    _save_elsewhere(demo_file, MASON, social_worker="Sam Patel", social_worker_phone="01632 960001")
    _retype(qtbot, form.field("social_worker"), "Kim Ode")
    _retype(qtbot, form.field("social_worker_phone"), "01632 960999")
    _retype(qtbot, form.field("preferred_name"), "Mase")
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(
        lambda: form.conflict_dialog is not None and form.conflict_dialog.isVisible(),
        timeout=WAIT,
    )
    dialog = form.conflict_dialog
    rows = {c.key: (c.label, c.loaded, c.theirs, c.mine) for c in dialog.conflicts}
    assert rows == {
        "social_worker": ("Social worker", loaded.social_worker, "Sam Patel", "Kim Ode"),
        "social_worker_phone": (
            rows["social_worker_phone"][0],
            loaded.social_worker_phone,
            "01632 960001",
            "01632 960999",
        ),
    }
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Sam Patel" in shown and "Kim Ode" in shown  # the other change is on screen
    # Nothing saved yet, and nothing chosen for the IRO.
    assert load_child_record(window.store, MASON).child.preferred_name != "Mase"
    assert not dialog.save_button.isEnabled()
    dialog.buttons["social_worker"]["mine"].click()
    assert not dialog.save_button.isEnabled()
    dialog.buttons["social_worker_phone"]["theirs"].click()
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(form.savedToRecord, timeout=WAIT):
        dialog.save_button.click()
    _idle(qtbot, window)

    child = load_child_record(window.store, MASON).child
    assert (child.social_worker, child.social_worker_phone) == ("Kim Ode", "01632 960001")
    assert child.preferred_name == "Mase"


def test_the_form_title_names_the_child_by_initials_and_reference_only(qtbot, window):
    _open_child(qtbot, window, MASON, "details")
    form = _open(qtbot, window, lambda: window.actions["edit_child"].trigger())
    child = load_child_record(window.store, MASON).child
    assert form.windowTitle().endswith(f": {child.initials} ({MASON})")
    for name in (child.first_name, child.last_name, child.known_as):
        assert name not in form.windowTitle()
        assert name not in form.accessibleName()


def test_a_draft_remembers_what_the_record_held_when_the_form_opened(qtbot, window, demo_file):
    _open_child(qtbot, window, MASON, "details")
    form = _open(qtbot, window, lambda: window.actions["edit_child"].trigger())
    _retype(qtbot, form.field("social_worker"), "Kim Ode")
    with qtbot.waitSignal(form.draftSaved, timeout=WAIT):
        _key(qtbot, Qt.Key.Key_S, CTRL)
    _idle(qtbot, window)
    form.close_for_good()  # as if the app had closed with the draft kept
    [draft] = load_drafts(window.store)

    # Meanwhile, elsewhere: a change to the same field and one to a field the draft left alone.
    _save_elsewhere(demo_file, MASON, social_worker="Sam Patel", social_worker_team="East")
    restored = _open(
        qtbot,
        window,
        lambda: window.recording.open_form(
            "edit_child", MASON, draft.record_ref, draft.payload, draft.id
        ),
    )
    assert restored.text("social_worker") == "Kim Ode"
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(
        lambda: restored.conflict_dialog is not None and restored.conflict_dialog.isVisible(),
        timeout=WAIT,
    )
    dialog = restored.conflict_dialog
    assert [c.key for c in dialog.conflicts] == ["social_worker"]  # the team was not typed
    dialog.choose("social_worker", "theirs")
    with qtbot.waitSignal(restored.savedToRecord, timeout=WAIT):
        dialog.save_button.click()
    _idle(qtbot, window)
    child = load_child_record(window.store, MASON).child
    assert (child.social_worker, child.social_worker_team) == ("Sam Patel", "East")
    assert load_drafts(window.store) == []


def test_the_changed_elsewhere_dialog_shows_each_value_and_chooses_nothing_for_the_iro(qtbot):
    from iro_desktop.gui.forms.conflicts import MINE, THEIRS, Conflict, ConflictDialog

    conflicts = [
        Conflict("dob", "Date of birth", "2016-05-06", "2016-06-05", "2016-05-07"),
        Conflict("uasc", "Unaccompanied asylum-seeking child", False, True, False),
    ]
    dialog = ConflictDialog("Edit the child's details", conflicts)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    cells = [label.text() for label in dialog.findChildren(QLabel)]
    assert {"Fri 6 May 2016", "Sun 5 Jun 2016", "Sat 7 May 2016"} <= set(cells)
    assert "Yes" in cells and "No" in cells
    assert "changed the same record somewhere else" in " ".join(cells)
    assert not dialog.save_button.isEnabled()  # no choice is made for the IRO
    assert dialog.needed.isVisible()

    # By keyboard: the first field to answer has the keyboard; Space chooses.
    assert dialog.focusWidget() is dialog.buttons["dob"][MINE]
    qtbot.keyClick(dialog.buttons["dob"][MINE], Qt.Key.Key_Space)
    assert dialog.choices() == {"dob": MINE}
    assert not dialog.save_button.isEnabled()
    dialog.buttons["uasc"][THEIRS].setFocus()
    qtbot.keyClick(dialog.buttons["uasc"][THEIRS], Qt.Key.Key_Space)
    assert dialog.choices() == {"dob": MINE, "uasc": THEIRS}
    assert dialog.save_button.isEnabled() and not dialog.needed.isVisible()
    with qtbot.waitSignal(dialog.rejected, timeout=WAIT):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # back to the form, nothing saved


# -- the child-facing layer (issue 13) ---------------------------------------------------------
def test_review_form_writes_the_childs_wording_beside_each_item_by_keyboard(qtbot, window):
    from iro_desktop.domain.model import PlanType, WordingKind
    from iro_desktop.services.wording import review_items

    _open_child(qtbot, window, MASON, "reviews")
    form = _open(qtbot, window, lambda: window.actions["record_review"].trigger())
    _choose_code(form, "PN1")
    qtbot.keyClicks(form.field("timing_reason"), "Mason was in hospital")
    form.decisions.add_button.click()
    qtbot.keyClicks(form.decisions.rows[0].fields["what"], "Complete life story work")
    qtbot.keyClicks(form.decisions.rows[0].fields["who"], "Social worker")
    qtbot.keyClicks(form.field("worries"), "Misses his brother")
    qtbot.keyClicks(form.field("child_words"), "Can I see my brother more?")
    form.field("plan_type").setCurrentIndex(form.field("plan_type").findData("staying_here"))
    rows = {(r.property("kind"), r.property("item_key")): r for r in form.wordings.rows}
    assert set(rows) == {("decision", "new:0"), ("worry", "line:0"), ("child_said", "line:0")}
    decision, worry, said = rows[("decision", "new:0")], rows[("worry", "line:0")], rows[
        ("child_said", "line:0")]  # fmt: skip
    # The professional text on the left, "not yet written" until the IRO writes or chooses.
    summary = decision.fields["summary"].text()
    assert "Complete life story work" in summary and "not yet written for Mason" in summary
    # The keyboard reaches the suggestion button of the decision and presses it.
    _tab_to(qtbot, decision.fields["suggest"], limit=120)
    _key(qtbot, Qt.Key.Key_Space)
    assert decision.fields["text_en"].text()  # a phrase-bank sentence about life story work
    assert "written for Mason" in decision.fields["summary"].text()
    _tab_to(qtbot, worry.fields["text_en"], limit=40)
    _type(qtbot, "You miss your brother.")
    tick = worry.answers_box.findChildren(QAbstractButton)[0]
    _tab_to(qtbot, tick, limit=10)
    _key(qtbot, Qt.Key.Key_Space)
    _tab_to(qtbot, said.fields["reply_en"], limit=10)
    _type(qtbot, "Yes: we will plan more time with him.")
    _tab_to(qtbot, form.field("learned"), limit=10)
    _type(qtbot, "You showed me your football medals.")
    with qtbot.waitSignal(window.dueLoaded, timeout=WAIT):
        _save_by_keyboard(qtbot, window, form)

    record = load_child_record(window.store, MASON)
    review = next(r for r in record.reviews if r.id == 104)
    assert review.plan_type == PlanType.STAYING_HERE
    items = {(i.kind, i.item_key): i for i in review_items(window.store, MASON, 104, TODAY)}
    decision_id = next(d.id for d in record.decisions if d.what == "Complete life story work")
    key = f"decision:{decision_id}"
    assert items[(WordingKind.DECISION, key)].written
    assert items[(WordingKind.DECISION, key)].professional == "Complete life story work"
    assert items[(WordingKind.WORRY, "line:0")].wording.answers == (key,)
    assert items[(WordingKind.CHILD_SAID, "line:0")].wording.reply_en.startswith("Yes: we will")
    assert items[(WordingKind.LEARNED, "")].wording.text_en.startswith("You showed me")


def test_a_child_who_did_not_take_part_needs_the_next_visit_date(qtbot, window):
    _open_child(qtbot, window, MASON, "reviews")
    form = _open(qtbot, window, lambda: window.actions["record_review"].trigger())
    _choose_code(form, "PN7")
    qtbot.keyClicks(form.field("timing_reason"), "Mason was in hospital")
    assert not form.is_valid()
    assert any("did not take part" in p.message for p in form._problems)
    form.field("next_contact_on").setDate(to_qdate(TODAY + timedelta(days=14)))
    assert form.is_valid(), [p.message for p in form._problems]
    assert form.entry().next_contact_on == TODAY + timedelta(days=14)


def test_the_child_form_keeps_first_language_letter_format_and_what_the_child_calls_people(
    qtbot, window
):
    _open_child(qtbot, window, MASON, "details")
    form = _open(qtbot, window, lambda: window.actions["edit_child"].trigger())
    qtbot.keyClicks(form.field("first_language"), "Polish")
    form.field("letter_format").setCurrentIndex(form.field("letter_format").findData("easy_read"))
    form.field("learning_need").setChecked(True)
    carer = next(r for r in form.people.rows if r.fields["role"].currentData() == "carer")
    carer.fields["called_by_child"].clear()
    qtbot.keyClicks(carer.fields["called_by_child"], "Nain")
    _save_by_keyboard(qtbot, window, form)
    record = load_child_record(window.store, MASON)
    assert record.child.first_language == "Polish"
    assert (record.child.letter_format, record.child.learning_need) == ("easy_read", True)
    assert [p.called_by_child for p in record.people if p.role == "carer"] == ["Nain"]
    details = window.child_view.tab("details")
    qtbot.waitUntil(lambda: "Polish" in details.child_form.value("first_language"),
                    timeout=WAIT)  # fmt: skip


def test_a_review_draft_brings_back_the_childs_wording(qtbot, demo_store):
    from iro_desktop.gui.worker import Worker

    worker = Worker()
    try:
        detail = child_detail(demo_store, MASON, TODAY)
        context = FormContext(TODAY, MASON, "", detail)
        first = FORMS["review"](FormHost(worker, demo_store), context)
        qtbot.addWidget(first)
        first.decisions.add_button.click()
        first.decisions.rows[0].fields["what"].setText("Start life story work")
        first.field("worries").setPlainText("Life story work has not started.")
        rows = {(r.property("kind"), r.property("item_key")): r for r in first.wordings.rows}
        rows[("decision", "new:0")].fields["text_en"].setText("You will make a book.")
        rows[("worry", "line:0")].fields["text_en"].setText("Your book has not started.")
        rows[("worry", "line:0")].answers_box.findChildren(QAbstractButton)[0].setChecked(True)
        payload = first.payload()
        first._closing_ok = True
        first.close()

        again = FORMS["review"](FormHost(worker, demo_store), context, payload=payload)
        qtbot.addWidget(again)
        kept = {(w.kind, w.item_key): w for w in again.entry().wordings}
        assert kept[("decision", "new:0")].text_en == "You will make a book."
        assert kept[("worry", "line:0")].answers == ("new:0",)
        again._closing_ok = True
        again.close()
    finally:
        worker.shutdown()
