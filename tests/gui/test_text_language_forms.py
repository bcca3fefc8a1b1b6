"""Bilingual records in the forms (issue 19, item 3), through the real widgets offscreen on
a copy of the demo: every form with typed text asks "Language of the text" as the review form
does, starting at the child's language; what is chosen is saved with the record (and its
history), kept in a draft, and shown in the child's tables."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout

from iro_desktop.gui.child_tabs.challenges import ChallengesTab
from iro_desktop.gui.child_tabs.decisions import DecisionsTab
from iro_desktop.gui.child_tabs.meetings import MeetingsTab
from iro_desktop.gui.forms import FORMS
from iro_desktop.gui.forms.base import FormContext, FormHost
from iro_desktop.gui.forms.text_language import TEXT_LANGUAGE
from iro_desktop.services.child import child_detail
from iro_desktop.storage.records import load_child_record
from tests.raw import raw_db

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MASON = "DB128330"  # English
ZAINAB = "DB402543"  # English, 3 open decisions
IFAN = "DB385406"  # prefers Welsh
WAIT = 10_000
# Each form with typed text, and the field its language row sits above ("" at the end).
WITH_TEXT = {
    "meeting": "issues",
    "contact": "note",
    "decision": "note",
    "carry": "note",
    "drop": "note",
    "challenge": "",
    "challenge_response": "text",
    "resolve": "text",
}


@pytest.fixture
def worker():
    from iro_desktop.gui.worker import Worker

    made = Worker()
    yield made
    made.shutdown()


def _form(qtbot, store, worker, kind, ref, record_ref="", payload=None):
    context = FormContext(TODAY, ref, record_ref, child_detail(store, ref, TODAY))
    form = FORMS[kind](FormHost(worker, store), context, payload=payload)
    qtbot.addWidget(form)
    return form


def _close(form) -> None:
    form._closing_ok = True
    form.close()


def _choose(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def _save(qtbot, form) -> None:
    assert form.is_valid(), [p.message for p in form._problems]
    with qtbot.waitSignal(form.savedToRecord, timeout=WAIT):
        form.save_and_close()


def _open_decision(store, ref) -> str:
    record = load_child_record(store, ref)
    return f"decision:{next(d.id for d in record.decisions if d.is_open)}"


def _inserted(store, table: str, row_id: int) -> dict:
    row = (
        raw_db(store)
        .execute(
            "SELECT new FROM change_log WHERE table_name = ? AND row_id = ? AND action = 'insert'",
            [table, row_id],
        )
        .fetchone()
    )
    return json.loads(row[0])


@pytest.mark.parametrize("kind", sorted(WITH_TEXT))
def test_every_form_with_text_asks_its_language_as_the_review_form_does(
    qtbot, demo_store, worker, kind
):
    ref = ZAINAB
    record_ref = _open_decision(demo_store, ref) if kind in {"decision", "carry", "drop"} else ""
    if kind in {"challenge_response", "resolve"}:
        from iro_desktop.domain.validation import ChallengeEntry
        from iro_desktop.services.recording import raise_challenge

        raise_challenge(demo_store, ref, ChallengeEntry("Safeguarding", 0, TODAY, "SW"), TODAY)
    form = _form(qtbot, demo_store, worker, kind, ref, record_ref)
    combo = form.field(TEXT_LANGUAGE)
    assert isinstance(combo, QComboBox)
    assert [combo.itemData(i) for i in range(combo.count())] == ["en", "cy"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["English", "Cymraeg (Welsh)"]
    assert combo.accessibleName() == "Language of the text"
    label = form._label_for(combo)
    assert label is not None and label.text() == "Language of the te&xt:"
    assert form.text(TEXT_LANGUAGE) == "en"  # Zainab's language
    layout = form.ui.layout()
    assert isinstance(layout, QFormLayout)
    row = layout.getWidgetPosition(combo.parentWidget())[0]
    below = WITH_TEXT[kind]
    if below:  # just above the text it speaks for (each field sits in its message wrapper)
        assert layout.getWidgetPosition(form.field(below).parentWidget())[0] == row + 1
    fields = form.focusable_fields()
    assert combo in fields  # in the Tab order
    _close(form)


def test_a_welsh_childs_meeting_starts_in_welsh_and_is_saved_so(qtbot, demo_store, worker):
    form = _form(qtbot, demo_store, worker, "meeting", IFAN)
    assert form.text(TEXT_LANGUAGE) == "cy"  # the child's language
    form.field("with_whom").setText("Gweithiwr cymdeithasol")
    form.field("issues").setPlainText("Cyswllt gyda'i chwaer")
    _save(qtbot, form)
    meeting = load_child_record(demo_store, IFAN).pre_review_meetings[-1]
    assert (meeting.issues, meeting.text_language) == ("Cyswllt gyda'i chwaer", "cy")
    assert _inserted(demo_store, "pre_review_meetings", meeting.id)["text_language"] == "cy"

    tab = MeetingsTab()
    qtbot.addWidget(tab)
    tab.show_detail(child_detail(demo_store, IFAN, TODAY))
    model = tab.pre_review.model
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = heads.index("Written in")
    shown = {model.index(r, column).data() for r in range(model.rowCount())}
    assert "Welsh (Cymraeg)" in shown


def test_an_english_childs_contact_can_be_written_in_welsh(qtbot, demo_store, worker):
    form = _form(qtbot, demo_store, worker, "contact", MASON)
    assert form.text(TEXT_LANGUAGE) == "en"
    _choose(form.field(TEXT_LANGUAGE), "cy")
    form.field("note").setPlainText("Sgwrs am yr ysgol")
    payload = form.payload()
    assert payload[TEXT_LANGUAGE] == "cy"  # what a draft keeps
    _close(form)

    again = _form(qtbot, demo_store, worker, "contact", MASON, payload=payload)
    assert again.text(TEXT_LANGUAGE) == "cy" and again.entry().text_language == "cy"
    _save(qtbot, again)
    contact = max(load_child_record(demo_store, MASON).contacts, key=lambda c: c.id)
    assert (contact.note, contact.text_language) == ("Sgwrs am yr ysgol", "cy")


def test_a_decision_note_and_a_challenge_keep_their_language(qtbot, demo_store, worker):
    ref = ZAINAB
    record_ref = _open_decision(demo_store, ref)
    decision_id = int(record_ref.split(":")[1])
    form = _form(qtbot, demo_store, worker, "drop", ref, record_ref)
    _choose(form.field(TEXT_LANGUAGE), "cy")
    form.field("note").setText("Dim angen mwyach")
    _save(qtbot, form)
    note, language = (
        raw_db(demo_store)
        .execute(
            "SELECT note, text_language FROM decision_updates WHERE decision_id = ? "
            "ORDER BY id DESC",
            [decision_id],
        )
        .fetchone()
    )
    assert (note, language) == ("Dim angen mwyach", "cy")
    tab = DecisionsTab()
    qtbot.addWidget(tab)
    tab.show_detail(child_detail(demo_store, ref, TODAY))
    model = tab.decisions.model
    assert model.headerData(model.columnCount() - 1, Qt.Orientation.Horizontal) == "Written in"

    raise_form = _form(qtbot, demo_store, worker, "challenge", ref)
    raise_form.field("theme").setCurrentText("Safonau gofal")
    raise_form.field("raised_with").setText("Rheolwr tîm")
    _choose(raise_form.field(TEXT_LANGUAGE), "cy")
    _save(qtbot, raise_form)
    challenge = max(load_child_record(demo_store, ref).challenges, key=lambda c: c.id)
    assert challenge.text_language == "cy"
    assert challenge.stages[0].text_language == "cy"  # the first stage goes with it

    response = _form(qtbot, demo_store, worker, "challenge_response", ref,
                     f"challenge:{challenge.id}")  # fmt: skip
    assert response.text(TEXT_LANGUAGE) == "en"  # the child's language to start with
    response.field("text").setPlainText("Agreed to review the plan")
    _save(qtbot, response)
    challenge = next(c for c in load_child_record(demo_store, ref).challenges
                     if c.id == challenge.id)  # fmt: skip
    assert challenge.stages[0].text_language == "en"  # the response's language
    tab = ChallengesTab()
    qtbot.addWidget(tab)
    tab.show_detail(child_detail(demo_store, ref, TODAY))
    model = tab.challenges.model
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    texts = {model.index(r, heads.index("Written in")).data() for r in range(model.rowCount())}
    assert "Welsh (Cymraeg)" in texts
