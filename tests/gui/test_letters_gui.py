"""Letters, decisions records and briefing packs, driven through the real widgets offscreen."""

from __future__ import annotations

from datetime import date

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from iro_desktop.domain.model import ReviewStatus
from iro_desktop.domain.tasks import TaskKind
from iro_desktop.gui.child_tabs.letters import ACTION_DECISIONS, ACTION_LETTER, ACTION_MARK_SENT
from iro_desktop.gui.dialogs import document as document_dialog
from iro_desktop.gui.dialogs.briefing import BriefingDialog
from iro_desktop.gui.dialogs.decisions_record import DecisionsRecordDialog
from iro_desktop.gui.dialogs.letter import AUTOMATIC, LetterDialog
from iro_desktop.gui.models.due_model import TASK_ROLE
from iro_desktop.services.child import child_detail
from iro_desktop.services.letter_status import ReviewNotHeld, mark_letter_sent
from iro_desktop.services.letters import KIND_DECISIONS, KIND_LETTER
from iro_desktop.storage.records import load_child_record

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WAIT = 10_000
LETTER_CHILD = "DB608704"  # the letter for the review of 16 Oct 2026 is overdue
LETTER_REVIEW = 298


def _launch(qtbot, path):
    from iro_desktop.gui.app import launch

    made = launch(path, False, TODAY)
    qtbot.addWidget(made)
    with qtbot.waitSignal(made.dueLoaded, timeout=WAIT):
        pass
    return made


@pytest.fixture
def window(qtbot, demo_file):
    made = _launch(qtbot, demo_file)
    yield made
    for dialog in list(made.documents.dialogs):
        dialog.close()
    made.recording.allow_quit()
    made.close()


@pytest.fixture
def saved_to(monkeypatch, tmp_path):
    """Save dialogs answer with a path in tmp_path; opening in Word is recorded, not done."""
    chosen: dict[str, object] = {"name": "document.docx", "opened": []}

    def ask(_parent, _caption, suggested):
        chosen["suggested"] = suggested
        return tmp_path / str(chosen["name"])

    def open_file(path):
        chosen["opened"].append(path)  # type: ignore[union-attr]
        return True

    monkeypatch.setattr(document_dialog, "ask_save_path", ask)
    monkeypatch.setattr(document_dialog, "open_in_word_processor", open_file)
    return chosen


def _idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.worker.pending_jobs == 0, timeout=WAIT)


def _open_child(qtbot, window, child_ref: str, tab: str) -> None:
    window.open_child(child_ref, tab)
    qtbot.waitUntil(lambda: window.child_view.current_child_ref() == child_ref, timeout=WAIT)
    _idle(qtbot, window)


def _dialog_from(qtbot, window, button):
    with qtbot.waitSignal(window.documents.dialogOpened, timeout=WAIT) as opened:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=WAIT)  # preview shown
    return dialog


def _save(qtbot, dialog):
    with qtbot.waitSignal(dialog.written, timeout=WAIT) as written:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return written.args[0]


def _docx_text(path) -> str:
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(texts)


def _letter_tasks(window, child_ref: str) -> set[str]:
    model, refs = window.due_view.model, set()
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            task = model.index(row, 0, parent).data(TASK_ROLE)
            if task.child_ref == child_ref and task.task == TaskKind.LETTER:
                refs.add(task.ref)
    return refs


def test_write_a_letter_from_the_review_then_list_it_and_mark_it_sent(
    qtbot, window, saved_to, demo_file
):
    assert f"review:{LETTER_REVIEW}" in _letter_tasks(window, LETTER_CHILD)
    _open_child(qtbot, window, LETTER_CHILD, "reviews")
    reviews_tab = window.child_view.tabs["reviews"]
    held = reviews_tab.held
    row = next(
        r for r in range(held.model.rowCount()) if held.model.row_at(r).review.id == LETTER_REVIEW
    )
    held.table.setCurrentIndex(held.model.index(row, 0))

    dialog = _dialog_from(qtbot, window, reviews_tab.document_bar.buttons[ACTION_LETTER])
    assert isinstance(dialog, LetterDialog)
    assert dialog.review_id == LETTER_REVIEW
    # The defaults come from the child's record, and say they were chosen automatically.
    auto_version, auto_language = dialog.chosen()
    assert dialog.version_combo.currentText().endswith(AUTOMATIC)
    assert dialog.language_combo.currentText().endswith(AUTOMATIC)
    assert "chosen automatically" in dialog.chosen_note.text()
    # The plain-language notes are shown before anything is written.
    assert dialog.warning_lines(), "the notes list is never empty: warnings or 'reads plainly'"
    assert dialog.written_path is None

    with qtbot.waitSignal(dialog.previewShown, timeout=WAIT):
        dialog.choose(version="easy_read", language="both")
    assert dialog.chosen() == ("easy_read", "both")
    assert "Your choice" in dialog.chosen_note.text()
    assert dialog.suggested_name.endswith("-easy_read-both-2026-10-16.docx") or (
        "easy_read" in dialog.suggested_name and "both" in dialog.suggested_name
    )
    detail = window.child_view.detail
    child = detail.record.child
    assert child.first_name not in dialog.suggested_name  # initials and reference only
    assert dialog.suggested_name.startswith(f"{child.initials}-{LETTER_CHILD}")

    saved_to["name"] = "letter.docx"
    written = _save(qtbot, dialog)
    assert written.path.exists() and written.path.suffix == ".docx"
    assert saved_to["suggested"].name == dialog.suggested_name
    text = _docx_text(written.path)
    assert child.known_as in text or child.first_name in text
    assert "Saved to" in dialog.result.text()
    assert dialog.open_button.isVisible()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert saved_to["opened"] == [written.path]
    dialog.close()

    # The Letters tab lists what was written.
    _idle(qtbot, window)
    letters_tab = window.child_view.tabs["letters"]
    window.child_view.set_current_tab("letters")
    qtbot.waitUntil(lambda: bool(letters_tab.written_rows()), timeout=WAIT)
    first = letters_tab.written_rows()[0]
    assert (first.kind, first.version, first.language) == (KIND_LETTER, "easy_read", "both")
    assert first.written_on == TODAY
    assert letters_tab.written.table.model().index(0, 1).data() == "Letter to the child"

    # Mark letter sent: the letter task leaves the due list.
    assert letters_tab.choose_review(LETTER_REVIEW)
    button = letters_tab.action_bar.buttons[ACTION_MARK_SENT]
    assert button.isEnabled()
    with qtbot.waitSignal(window.documents.letterMarkedSent, timeout=WAIT):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.dueLoaded, timeout=WAIT):
        pass
    _idle(qtbot, window)
    assert f"review:{LETTER_REVIEW}" not in _letter_tasks(window, LETTER_CHILD)
    assert letters_tab.choose_review(LETTER_REVIEW)
    assert letters_tab.chosen_review().letter_sent_on == TODAY
    assert not button.isEnabled()  # already sent
    assert (auto_version, auto_language) == ("standard", "en") or auto_version


def test_a_welsh_letter_in_the_chosen_version(qtbot, window, saved_to):
    _open_child(qtbot, window, LETTER_CHILD, "letters")
    letters_tab = window.child_view.tabs["letters"]
    dialog = _dialog_from(qtbot, window, letters_tab.action_bar.buttons[ACTION_LETTER])
    with qtbot.waitSignal(dialog.previewShown, timeout=WAIT):
        dialog.choose(version="standard", language="cy")
    saved_to["name"] = "llythyr.docx"
    written = _save(qtbot, dialog)
    text = _docx_text(written.path)
    assert window.child_view.detail.record.child.known_as in text
    assert "adolygiad" in text.lower()  # Welsh wording ("review")


def test_the_decisions_record_dialog_shows_the_circulate_by_date_and_writes_a_file(
    qtbot, window, saved_to
):
    _open_child(qtbot, window, LETTER_CHILD, "letters")
    letters_tab = window.child_view.tabs["letters"]
    dialog = _dialog_from(qtbot, window, letters_tab.action_bar.buttons[ACTION_DECISIONS])
    assert isinstance(dialog, DecisionsRecordDialog)
    assert dialog.circulate_text().startswith(("Circulate by", "Circulated on"))
    assert LETTER_CHILD in dialog.suggested_name and "decisions-record" in dialog.suggested_name
    saved_to["name"] = "decisions.docx"
    written = _save(qtbot, dialog)
    assert written.kind == KIND_DECISIONS and written.path.exists()
    assert "Decisions circulate by" in _docx_text(written.path)


def _booked_day_from_the_due_list(window, store) -> tuple[str, date]:
    """A review booked in the weeks ahead, found from a task on the due list."""
    model = window.due_view.model
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            task = model.index(row, 0, parent).data(TASK_ROLE)
            if not task.ref.startswith("review:") or not task.ref[7:].isdigit():
                continue
            review_id = int(task.ref.split(":")[1])
            record = load_child_record(store, task.child_ref)
            for review in record.reviews:
                if (
                    review.id == review_id
                    and review.status == ReviewStatus.BOOKED
                    and review.booked_for is not None
                    and review.booked_for > TODAY
                ):
                    return task.child_ref, review.booked_for
    raise AssertionError("no booked review ahead on the due list")


def test_the_briefing_pack_for_a_day_with_reviews_and_a_day_with_none(
    qtbot, window, saved_to, demo_store
):
    child_ref, day = _booked_day_from_the_due_list(window, demo_store)
    with qtbot.waitSignal(window.documents.dialogOpened, timeout=WAIT) as opened:
        qtbot.mouseClick(window.due_view.briefing_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert isinstance(dialog, BriefingDialog)
    assert "personal data" in dialog.notice.text()
    assert "only to the place you choose" in dialog.notice.text()
    with qtbot.waitSignal(dialog.previewShown, timeout=WAIT):
        dialog.set_day(day)
    assert any(child_ref in p.child_ref for p in dialog.pages)
    assert dialog.children_list.count() == len(dialog.pages)
    assert dialog.suggested_name == f"briefing-{day.isoformat()}.docx"
    saved_to["name"] = "briefing.docx"
    written = _save(qtbot, dialog)
    assert written.path.exists()
    assert child_ref in _docx_text(written.path)

    # A day with nothing recorded: refused, in the service's words, and nothing written.
    empty_day = next(
        d for d in (date(2026, 11, 24), date(2026, 11, 25), date(2026, 11, 27)) if d != day
    )
    with qtbot.waitSignal(dialog.previewShown, timeout=WAIT):
        dialog.set_day(empty_day)
    assert dialog.pages == []
    assert "Nothing is recorded" in dialog.children_label.text()
    saved_to["name"] = "empty.docx"
    with qtbot.waitSignal(dialog.failed, timeout=WAIT) as failed:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "nothing to brief" in failed.args[0]
    assert "nothing to brief" in dialog.problem_text()
    assert not (saved_to["suggested"].parent / "empty.docx").exists()
    dialog.close()


def test_the_record_menu_and_keys_open_the_dialogs(qtbot, window, saved_to):
    _open_child(qtbot, window, LETTER_CHILD, "letters")
    window.activateWindow()
    with qtbot.waitSignal(window.documents.dialogOpened, timeout=WAIT) as opened:
        window.actions["write_letter"].trigger()
    assert isinstance(opened.args[0], LetterDialog)
    opened.args[0].close()
    with qtbot.waitSignal(window.documents.dialogOpened, timeout=WAIT) as opened:
        window.actions["briefing"].trigger()
    assert isinstance(opened.args[0], BriefingDialog)
    opened.args[0].close()
    assert window.actions["write_letter"].shortcut().toString() == "Ctrl+Shift+L"
    QTest.qWait(0)


def test_mark_letter_sent_service_refuses_a_review_not_held(demo_store):
    detail = child_detail(demo_store, LETTER_CHILD, TODAY)
    booked = [r for r in detail.record.reviews if r.status == ReviewStatus.BOOKED]
    with pytest.raises(ReviewNotHeld):
        mark_letter_sent(demo_store, 999_999, TODAY)
    if booked:
        with pytest.raises(ReviewNotHeld):
            mark_letter_sent(demo_store, booked[0].id, TODAY)
    mark_letter_sent(demo_store, LETTER_REVIEW, TODAY)
    again = child_detail(demo_store, LETTER_CHILD, TODAY)
    review = next(r for r in again.record.reviews if r.id == LETTER_REVIEW)
    assert review.letter_sent_on == TODAY


def _letter_dialog(qtbot, window):
    _open_child(qtbot, window, LETTER_CHILD, "letters")
    letters_tab = window.child_view.tabs["letters"]
    return _dialog_from(qtbot, window, letters_tab.action_bar.buttons[ACTION_LETTER])


def test_options_preview_again_and_the_rights_page_says_why_it_is_due(qtbot, window, saved_to):
    dialog = _letter_dialog(qtbot, window)
    # Due (here: a move since the last review), so ticked, saying why.
    assert dialog.rights_box.isChecked()
    assert "(due: " in dialog.rights_box.text() and dialog.current.rights_due
    assert "Your rights" in dialog.text_preview.toPlainText()
    with qtbot.waitSignal(dialog.previewShown, timeout=WAIT):
        dialog.rights_box.setChecked(False)
    assert "Your rights" not in dialog.text_preview.toPlainText()
    assert dialog.current.with_rights is False
    with qtbot.waitSignal(dialog.previewShown, timeout=WAIT):
        dialog.suggestions_box.setChecked(True)
    assert dialog.current.use_suggestions is True
    saved_to["name"] = "letter.docx"
    written = _save(qtbot, dialog)
    assert "Your rights" not in _docx_text(written.path)
    dialog.close()


def test_a_note_with_a_suggestion_is_fixed_in_one_click(qtbot, window):
    from dataclasses import replace

    from iro_desktop.letters.plain_language import PlainLanguageWarning

    dialog = _letter_dialog(qtbot, window)
    note = (
        'Not yet written for Jo: the decision "Dentist" is left out. A suggested sentence is '
        "waiting: confirm it, or choose to use suggested wording."
    )
    dialog.show_preview(
        replace(dialog.current, warnings=(PlainLanguageWarning("not_written", note),))
    )
    dialog.warnings_list.setCurrentRow(0)
    assert dialog.fix_button.isEnabled()
    with qtbot.waitSignal(dialog.previewShown, timeout=WAIT):
        qtbot.mouseClick(dialog.fix_button, Qt.MouseButton.LeftButton)
    assert dialog.suggestions_box.isChecked() and dialog.current.use_suggestions
    dialog.close()


MISSING_CHILD = "DB390387"  # a worry of his review has no child-facing wording yet


def test_writing_the_missing_sentence_saves_it_and_the_letter_says_it(qtbot, window, monkeypatch):
    from iro_desktop.gui.dialogs import letter as letter_dialog

    _open_child(qtbot, window, MISSING_CHILD, "letters")
    letters_tab = window.child_view.tabs["letters"]
    dialog = _dialog_from(qtbot, window, letters_tab.action_bar.buttons[ACTION_LETTER])
    notes = dialog.warning_lines()
    row = next(i for i, n in enumerate(notes) if "Not yet written" in n and "worry" in n)
    assert "Sunday" in notes[row]  # the professional worry is named, never pasted in
    assert "Sunday" not in dialog.text_preview.toPlainText()
    dialog.warnings_list.setCurrentRow(row)
    assert dialog.fix_button.isEnabled()
    sentence = "Going back home after the weekend can feel hard."
    opened = []

    def fill_in(editor_self, *_args):
        opened.append(editor_self.windowTitle())
        QTest.keyClicks(editor_self.text, sentence)
        assert editor_self.save_button.isEnabled()
        return letter_dialog.QDialog.DialogCode.Accepted

    monkeypatch.setattr(letter_dialog.SentenceEditor, "exec", fill_in)
    with qtbot.waitSignal(dialog.previewShown, timeout=WAIT):
        qtbot.mouseClick(dialog.fix_button, Qt.MouseButton.LeftButton)
    assert opened == ["Write the sentence for the child"]
    # The preview now says it, and the note is gone.
    assert sentence in dialog.text_preview.toPlainText()
    assert not any("Sunday" in n for n in dialog.warning_lines())
    # Saved as the worry's confirmed wording, beside the professional text it speaks for.
    record = child_detail(dialog.store, MISSING_CHILD, TODAY).record
    saved = [w for w in record.wordings if w.text_en == sentence and w.archived_on is None]
    assert len(saved) == 1 and saved[0].confirmed and saved[0].kind == "worry"
    assert saved[0].professional == "Finds the change back home on Sunday hard."
    dialog.close()


def test_sensitive_items_are_confirmed_before_saving(qtbot, window, saved_to, monkeypatch):
    from dataclasses import replace

    from PySide6.QtWidgets import QMessageBox

    from iro_desktop.letters.sensitive import find_sensitive

    dialog = _letter_dialog(qtbot, window)
    item = find_sensitive([("decision:1", "The police will talk to you about that night.")])
    dialog.show_preview(replace(dialog.current, sensitive=tuple(item)))
    assert any(line.startswith("Sensitive (police") for line in dialog.warning_lines())
    asked = []

    def answer(reply):
        def question(_parent, _title, text, *_args):
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "The police will talk to you about that night." in asked[0]
    assert "suggested" not in saved_to  # not even asked where: nothing written
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    saved_to["name"] = "letter.docx"
    written = _save(qtbot, dialog)
    assert written.path.exists() and len(asked) == 2
    dialog.close()


def test_print_sends_the_same_letter_to_the_printer(qtbot, window, monkeypatch, tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    dialog = _letter_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.previewShown, timeout=WAIT):
        dialog.choose(language="both")
    pdf = tmp_path / "printed.pdf"

    def choose_printer(print_dialog):
        printer = print_dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_printer)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert pdf.exists() and pdf.stat().st_size > 1000
    printed = dialog.print_document().toPlainText()
    welsh, english = dialog.current.letters
    assert welsh.greeting in printed and english.greeting in printed
    assert printed.index(welsh.greeting) < printed.index(english.greeting)
    assert "Sent to the printer" in dialog.result.text()
    dialog.close()
