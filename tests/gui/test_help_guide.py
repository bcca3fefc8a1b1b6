"""The user guide (issue 17 item 7): F1 opens it, it is searchable, each form's Help button
opens the form's section, it ships with the app, it is translated paragraph by paragraph, and
the dates it explains are the ones the app applies."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from fnmatch import fnmatch
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from iro_desktop import i18n
from iro_desktop.domain import review_rules
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import WorkingDayCalendar
from iro_desktop.gui import help_guide
from iro_desktop.gui.forms import FORMS
from iro_desktop.gui.help_guide import (
    DIALOG_SECTIONS,
    FORM_SECTIONS,
    VIEW_SECTIONS,
    guide_folder,
    load_sections,
    parse_units,
    rule_values,
    section_files,
    section_markdown,
)
from iro_desktop.gui.help_window import HelpWindow, open_guide
from iro_desktop.gui.shortcuts import ACTIONS, VIEW_KEYS, key_text
from iro_desktop.package_files import shipped_folder

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)

REPO = Path(__file__).resolve().parents[2]
MASON = "DB128330"
WAIT = 10_000
EXTRACTOR = "iro_desktop.gui.help_extract:extract_guide"


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


@pytest.fixture
def guide(qtbot):
    made = open_guide(None, "start")
    qtbot.addWidget(made)
    return made


def _guides(parent=None) -> list[HelpWindow]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, HelpWindow) and w.isVisible() and (parent is None or w.parent() is parent)
    ]


# -- opening it -----------------------------------------------------------------------------------
def test_f1_opens_the_guide_at_the_due_list_section(qtbot, window):
    assert window.actions["guide"].shortcut().toString() == "F1"
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(_guides(window)), timeout=WAIT)
    shown = _guides(window)[0]
    assert shown.contents.currentItem().text() == "Your day: the due list"
    assert "statutory" in shown.text.toPlainText() or "reviews to hold" in shown.text.toPlainText()
    # The keyboard shortcuts list keeps a key of its own, and still opens.
    window.actions["shortcuts"].trigger()
    qtbot.waitUntil(lambda: window.shortcuts_dialog.isVisible(), timeout=WAIT)
    window.shortcuts_dialog.close()


def test_esc_closes_the_guide(qtbot, guide):
    qtbot.waitExposed(guide)
    qtbot.keyClick(guide.search, Qt.Key.Key_Escape)
    assert not guide.isVisible()


def test_the_guide_covers_what_the_issue_asks_for(guide):
    titles = [guide.contents.item(row).text() for row in range(guide.contents.count())]
    assert titles[:3] == [
        "Getting started",
        "Your day: the due list",
        "What each date means and why",
    ]
    text = guide.text.toPlainText()
    for words in (
        "demo",
        "passphrase",
        "Others' actions to chase",
        "Filters",
        "PN0",
        "PN7",
        "Challenges",
        "The letter to the child",
        "903",
        "Backups",
        "Ctrl+L locks",
        "Midpoint check",
    ):
        assert words in text, words


# -- searching ------------------------------------------------------------------------------------
def test_search_narrows_the_contents_marks_matches_and_enter_goes_to_the_next(qtbot, guide):
    qtbot.waitExposed(guide)
    qtbot.keyClicks(guide.search, "midpoint")
    visible = [
        guide.section_ids()[row]
        for row in range(guide.contents.count())
        if not guide.contents.item(row).isHidden()
    ]
    assert "midpoint" in visible and "dates" in visible
    assert "backups" not in visible and "letters" not in visible
    assert guide.match_count == len(guide.text.extraSelections()) >= 3
    assert "matches" in guide.found.text()

    qtbot.keyClick(guide.search, Qt.Key.Key_Return)
    first = guide.text.textCursor()
    assert first.selectedText().casefold() == "midpoint"
    # The match is on screen and the contents point at its section.
    assert guide.text.viewport().rect().contains(guide.text.cursorRect())
    assert guide.contents.currentItem().isHidden() is False
    assert guide.section_ids()[guide.contents.currentRow()] == guide.current_section()

    qtbot.keyClick(guide.search, Qt.Key.Key_Return)
    second = guide.text.textCursor()
    assert second.selectedText().casefold() == "midpoint"
    assert second.position() > first.position()
    for _ in range(guide.match_count - 1):  # past the last, round to the first again
        qtbot.keyClick(guide.search, Qt.Key.Key_Return)
    assert guide.text.textCursor().position() == first.position()


def test_words_not_in_the_guide_say_so_and_hide_every_section(qtbot, guide):
    qtbot.keyClicks(guide.search, "zebra crossing")
    assert guide.found.text() == "Not found"
    assert all(guide.contents.item(r).isHidden() for r in range(guide.contents.count()))
    assert guide.find_next() is False
    guide.search.clear()
    assert not any(guide.contents.item(r).isHidden() for r in range(guide.contents.count()))


def test_the_contents_and_the_text_work_from_the_keyboard(qtbot, guide):
    qtbot.waitExposed(guide)
    guide.activateWindow()
    qtbot.waitUntil(lambda: guide.search.hasFocus(), timeout=WAIT)
    qtbot.keyClick(guide.search, Qt.Key.Key_Tab)
    assert guide.contents.hasFocus()
    before = guide.text.verticalScrollBar().value()
    qtbot.keyClick(guide.contents, Qt.Key.Key_Down)
    assert guide.section_ids()[guide.contents.currentRow()] == "daily"
    assert guide.current_section() == "daily"
    assert guide.text.verticalScrollBar().value() > before
    qtbot.keyClick(guide.contents, Qt.Key.Key_Tab)
    assert guide.text.hasFocus()
    qtbot.keyClick(guide.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert guide.search.hasFocus()


# -- help from a form and a dialog ------------------------------------------------------------
def test_every_form_and_view_names_a_section_that_exists():
    ids = {section.id for section in load_sections()}
    assert set(FORMS) <= set(FORM_SECTIONS)
    for mapping in (FORM_SECTIONS, DIALOG_SECTIONS, VIEW_SECTIONS):
        assert set(mapping.values()) <= ids


def test_a_forms_help_button_and_f1_open_its_section(qtbot, window):
    forms = []
    window.recording.formOpened.connect(forms.append)
    window.recording.open_form("review", MASON, "review:104")
    qtbot.waitUntil(lambda: bool(forms), timeout=WAIT)
    form = forms[0]
    qtbot.waitExposed(form)
    assert form.help_section() == "review"
    qtbot.mouseClick(form.help_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_guides(form)), timeout=WAIT)
    guide = _guides(form)[0]
    assert guide.contents.currentItem().text() == "Recording a review"
    assert guide.current_section() == "review"
    assert form.isVisible()  # the form stays open beside its help
    guide.close()

    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form, timeout=WAIT)
    guide.go_to("backups")
    qtbot.keyClick(form, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(_guides(form)), timeout=WAIT)
    assert _guides(form) == [guide]  # one guide per window, brought back at the section
    assert guide.current_section() == "review"


def test_a_main_dialog_gets_f1_and_a_help_button_at_its_section(qtbot, window):
    from iro_desktop.gui.dialogs.first_run import FirstRunDialog

    dialog = FirstRunDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.property("iroContextHelp") == "start", timeout=WAIT)
    buttons = dialog.findChildren(QDialogButtonBox)
    if buttons:
        help_button = buttons[-1].button(QDialogButtonBox.StandardButton.Help)
        qtbot.mouseClick(help_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(dialog, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(_guides(dialog)), timeout=WAIT)
    assert _guides(dialog)[0].current_section() == "start"
    dialog.done(0)


# -- the keyboard shortcuts section ------------------------------------------------------------
def test_the_shortcuts_section_is_made_from_the_registry(guide):
    guide.go_to("shortcuts")
    index = guide.section_ids().index("shortcuts")
    text = guide.section_text(index)
    for spec in ACTIONS:
        if spec.keys:
            assert f"{key_text(spec.keys)}: {spec.text.replace('&', '').rstrip('…')}" in text
    for _where, keys, what in VIEW_KEYS:
        assert f"{keys}: {what}" in text
    assert f"{key_text('F1')}: Guide (Help)" in text


# -- shipped and offline ---------------------------------------------------------------------------
def test_the_guide_ships_in_the_wheel_and_the_frozen_build():
    assert guide_folder() == shipped_folder("resources") / "help"
    files = section_files()
    assert len(files) >= 10
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["iro_desktop._resources"]
    for path in files:
        relative = path.relative_to(REPO / "resources").as_posix()
        assert any(fnmatch(relative, pattern) for pattern in globs), relative


def test_the_guide_is_read_from_the_installed_copy(tmp_path, monkeypatch):
    from iro_desktop import package_files

    package = tmp_path / "site-packages" / "iro_desktop"
    (package / "_resources" / "help").mkdir(parents=True)
    (package / "_resources" / "help" / "01-start.md").write_text("# Installed\n\nFrom the wheel.\n")
    monkeypatch.setattr(package_files, "_package_root", lambda: package)
    assert [s.title for s in load_sections()] == ["Installed"]


# -- translated, paragraph by paragraph ------------------------------------------------------------
def _extracted() -> set[str]:
    found = extract_from_dir(
        str(REPO),
        method_map=[("resources/help/**.md", EXTRACTOR)],
        comment_tags=(),
    )
    return {message for _file, _line, message, _comments, _context in found}


def _paragraphs(markdown: str) -> list[str]:
    """Counted without the parser: blocks between blank lines, one per list item."""
    count = []
    for block in re.split(r"\n\s*\n", markdown):
        lines = [line for line in block.splitlines() if line.strip()]
        items = [line for line in lines if re.match(r"^(-|\d+\.)\s", line)]
        headings = [line for line in lines if line.startswith("#")]
        count += items or headings or ([block] if lines else [])
    return count


def test_every_paragraph_of_the_guide_is_extracted_for_the_catalogue(monkeypatch):
    extracted = _extracted()
    total = sum(len(_paragraphs(p.read_text(encoding="utf-8"))) for p in section_files())
    assert len(extracted) >= total - 2  # a repeated sentence is one message
    asked: list[str] = []
    monkeypatch.setattr(help_guide, "_", lambda text: asked.append(text) or text)
    values = rule_values()
    for section in load_sections():
        section_markdown(section, values)
    assert len(asked) == sum(len(parse_units(p.read_text("utf-8"))) for p in section_files())
    assert set(asked) <= extracted  # nothing is shown that the catalogue cannot hold
    assert "Getting started" in extracted


def test_in_pseudo_mode_every_paragraph_shown_carries_the_markers(qtbot):
    i18n.set_language("pseudo")
    try:
        made = HelpWindow()
        qtbot.addWidget(made)
        block = made.text.document().begin()
        checked = 0
        while block.isValid():
            text = block.text().strip()
            if text:
                assert i18n.PSEUDO_OPEN in text and i18n.PSEUDO_CLOSE in text, text
                checked += 1
            block = block.next()
        assert checked > 80
        for row in range(made.contents.count()):
            assert made.contents.item(row).text().startswith(i18n.PSEUDO_OPEN)
        assert made.windowTitle().startswith(i18n.PSEUDO_OPEN)
    finally:
        i18n.set_language("en")


# -- the dates agree with the rules the app applies ------------------------------------------------
NUMBER_WITH_UNIT = re.compile(r"\b\d+\s+(working days|days|weeks|months|minutes)\b")


def test_the_guide_quotes_no_timescale_by_hand():
    """Every number of days, weeks or months is a placeholder filled from the domain."""
    for path in section_files():
        written = NUMBER_WITH_UNIT.findall(path.read_text(encoding="utf-8"))
        assert written == [], f"{path.name} writes {written} by hand: use a placeholder"


def test_the_dates_explained_are_the_ones_the_domain_uses(monkeypatch):
    dates = next(s for s in load_sections() if s.id == "dates")
    text = section_markdown(dates, rule_values())
    first = review_rules.FIRST_REVIEW_WORKING_DAYS
    assert f"within {first} working days of the child becoming looked after" in text
    assert f"within {review_rules.SECOND_REVIEW_MONTHS} months of the first review" in text
    assert f"within {review_rules.SUBSEQUENT_REVIEW_MONTHS} months of the one before" in text
    ts = Settings().timescales
    assert f"within {ts.decisions_working_days_after} working days of the review" in text
    assert f"sent {ts.consultation_working_days_before} working days before" in text
    # The number the guide quotes gives the date the domain gives.
    calendar = WorkingDayCalendar()
    start = date(2026, 12, 18)
    quoted = int(re.search(r"within (\d+) working days of the child", text)[1])
    assert calendar.add_working_days(start, quoted)[0] == (
        review_rules.first_review_due_looked_after(start, calendar)
    )
    # If the domain's rule changed, the guide would say so.
    monkeypatch.setattr(review_rules, "FIRST_REVIEW_WORKING_DAYS", first + 5)
    changed = section_markdown(dates, rule_values())
    assert f"within {first + 5} working days of the child becoming looked after" in changed
