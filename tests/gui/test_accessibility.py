"""A screen reader and the keyboard alone, across the whole app (issue 19, item 4).

One window is opened on a copy of the demo and every view, child tab, menu, recording form
and dialog is shown in turn (as ``test_screen_fit`` opens them); for each, the accessibility
tree (``QAccessible``, what Orca, NVDA or VoiceOver are told) is walked and the Tab order
followed. A control a person operates without a name fails, so does a Tab order that jumps
back up the window, and a control Tab never reaches.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
)

from iro_desktop.gui import accessibility
from iro_desktop.gui.views.child import TAB_NAMES
from tests.gui.accessibility_tree import (
    Role,
    describe,
    out_of_reading_order,
    tab_chain,
    unnamed,
    unreachable,
    walk,
)
from tests.gui.screen_fit_probe import _dialogs

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise", "does not support grabbing"
)

MASON = "DB128330"
ZAINAB = "DB402543"  # has open decisions (the decision forms need one)


def _wait(app, done, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < end, "the window did not get there in time"
        app.processEvents()
        time.sleep(0.005)


def _settle(app) -> None:
    for _ in range(3):
        app.processEvents()


class Seen:
    """What was found in each window, view, menu, form and dialog."""

    def __init__(self) -> None:
        self.trees: dict[str, list] = {}
        self.order: dict[str, list[tuple[str, str]]] = {}
        self.missed: dict[str, list[str]] = {}
        self.chains: dict[str, int] = {}

    def look(self, app, name: str, widget, keyboard: bool = True) -> None:
        _settle(app)
        self.trees[name] = walk(widget)
        if keyboard:
            chain = tab_chain(widget)
            self.chains[name] = len(chain)
            self.order[name] = out_of_reading_order(widget, chain)
            self.missed[name] = unreachable(widget)


@pytest.fixture(scope="module")
def seen(qapp, demo_module_file, tmp_path_factory):
    from iro_desktop.gui.app import launch
    from iro_desktop.gui.forms import FORMS
    from iro_desktop.gui.forms.base import FormContext, FormHost
    from iro_desktop.services.child import child_detail

    found = Seen()
    window = launch(demo_module_file, False, TODAY)
    _wait(qapp, lambda: window.store is not None and window.due_view.model.visible_tasks())
    found.look(qapp, "due", window)
    for menu in [a.menu() for a in window.menuBar().actions() if a.menu() is not None]:
        menu.popup(window.mapToGlobal(window.rect().center()))
        found.look(qapp, f"menu {menu.title()}", menu, keyboard=False)
        menu.hide()
    window.screens.show(window.caseload_view)
    _wait(qapp, lambda: window.caseload_view.table_view.model().rowCount() > 0)
    found.look(qapp, "caseload", window)
    window.open_child(MASON, TAB_NAMES[0])
    _wait(qapp, lambda: window.child_view.current_child_ref() == MASON)
    for tab in TAB_NAMES:
        window.child_view.set_current_tab(tab)
        found.look(qapp, f"child {tab}", window)
    window.screens.show(window.figures_view)
    found.look(qapp, "figures", window)
    window.show_due()

    # The store is the worker's: read it from here only once the worker is idle.
    _wait(qapp, lambda: window.worker.pending_jobs == 0)
    detail = child_detail(window.store, ZAINAB, TODAY)
    for kind in sorted(FORMS):
        record_ref = ""
        if kind in {"decision", "carry", "drop"}:
            record_ref = f"decision:{next(d.id for d in detail.record.decisions if d.is_open)}"
        about = kind != "child"
        context = FormContext(TODAY, ZAINAB if about else "", record_ref, detail if about else None)
        form = FORMS[kind](FormHost(window.worker, window.store), context)
        form.show()
        found.look(qapp, f"form {kind}", form)
        form._closing_ok = True
        form.close()
    for name, dialog in _dialogs(window, tmp_path_factory.mktemp("a11y")):
        dialog.show()
        found.look(qapp, f"dialog {name}", dialog)
        dialog.done(0)
        dialog.deleteLater()
    window.recording._quit_confirmed = True
    window.close()
    window.deleteLater()
    _settle(qapp)
    return found


def test_every_window_form_and_dialog_was_looked_at(seen):
    assert {"due", "caseload", "figures", "form review", "dialog letter"} <= set(seen.trees)
    assert {f"child {tab}" for tab in TAB_NAMES} <= set(seen.trees)
    assert len([name for name in seen.trees if name.startswith("menu")]) >= 4
    assert len([name for name in seen.trees if name.startswith("form")]) >= 18
    assert len([name for name in seen.trees if name.startswith("dialog")]) >= 17


def test_every_control_a_person_operates_has_a_name(seen):
    missing = {
        name: [node.path[-120:] for node in unnamed(nodes)]
        for name, nodes in seen.trees.items()
        if unnamed(nodes)
    }
    assert missing == {}


def test_menus_name_every_item(seen):
    for name, nodes in seen.trees.items():
        if name.startswith("menu"):
            items = [node for node in nodes if node.role == Role.MenuItem]
            assert len(items) >= 2, name
            assert all(node.name for node in items), name


def test_tables_announce_their_column_headings(seen):
    tables = {
        (name, node.name): [
            child.name
            for child in nodes
            if child.path.startswith(node.path + " /") and child.role == Role.ColumnHeader
        ]
        for name, nodes in seen.trees.items()
        for node in nodes
        if node.role in (Role.Table, Role.Tree)
    }
    assert tables[("due", "Tasks due")][:2] == ["Child", "Task"]
    without = [key for key, headings in tables.items() if not headings or not all(headings)]
    assert without == []
    assert len(tables) >= 12  # the due list, the caseload, each child tab's tables, dialogs'


def test_tab_follows_the_reading_order_and_reaches_every_control(seen):
    assert {name: steps for name, steps in seen.order.items() if steps} == {}
    assert {name: missed for name, missed in seen.missed.items() if missed} == {}
    assert seen.chains["form review"] > 20 and seen.chains["due"] >= 5


# -- the checks themselves can fail -----------------------------------------------------------
def test_the_checks_find_an_unnamed_control_and_a_backwards_tab(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    icon_only = QPushButton(QIcon(), "")  # no words at all: nothing to name it from
    loose_edit = QLineEdit()  # no label beside it
    chooser = QComboBox()
    chooser.addItems(["Visit", "Phone call"])  # only its value to say
    table = QTableWidget(1, 2)
    table.setHorizontalHeaderLabels(["Date", ""])
    table.setAccessibleName("Contacts")
    layout = QVBoxLayout(dialog)
    for widget in (icon_only, loose_edit, chooser, table):
        layout.addWidget(widget)
    dialog.show()
    qtbot.waitExposed(dialog)
    roles = {node.role for node in unnamed(walk(dialog))}
    assert roles == {Role.ColumnHeader, Role.ComboBox, Role.EditableText, Role.PushButton}

    QLineEdit.setTabOrder(chooser, loose_edit)  # Tab jumps back up the dialog
    QLineEdit.setTabOrder(loose_edit, table)
    steps = out_of_reading_order(dialog, tab_chain(dialog))
    assert (describe(chooser), describe(loose_edit)) in steps


def test_controls_are_named_from_the_labels_beside_them(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    worker = QLineEdit()
    kind = QComboBox()
    kind.addItems(["Visit", "Phone call"])
    kind.setToolTip("How you were in touch")
    buddy = QLabel("&Social worker:")
    buddy.setBuddy(worker)
    form.addRow(buddy, worker)
    form.addRow("Kind of contact *:", kind)
    tick = QCheckBox("&Interpreter")
    form.addRow(tick)
    assert accessibility.name_controls(dialog) == 3
    assert worker.accessibleName() == "Social worker"
    assert kind.accessibleName() == "Kind of contact"
    assert kind.accessibleDescription() == "How you were in touch"
    assert tick.accessibleName() == "Interpreter"
    dialog.show()
    qtbot.waitExposed(dialog)
    assert unnamed(walk(dialog)) == []  # the combo box has its label relation too
    worker.setAccessibleName("Kept as set")
    accessibility.name_controls(dialog)
    assert worker.accessibleName() == "Kept as set"  # an explicit name is never replaced


# -- announcements -----------------------------------------------------------------------------
def test_status_messages_and_form_problems_are_announced(qtbot, demo_file):
    from iro_desktop.gui.app import launch

    window = launch(demo_file, False, TODAY)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.dueLoaded, timeout=10_000):
        pass
    window.context.say("Review saved.")
    assert ("Review saved.", False) in accessibility.announced()

    with qtbot.waitSignal(window.recording.formOpened, timeout=10_000) as opened:
        window.recording.open_form("child")  # a new child: nothing filled in yet
    form = opened.args[0]
    qtbot.waitExposed(form)
    form.save_and_close()  # nothing typed: the required fields' problems appear
    said = " ".join(text for text, _assertive in accessibility.announced())
    assert "to put right" in said
    form._closing_ok = True
    form.close()
    window.recording._quit_confirmed = True
    window.close()


def test_an_announcement_reaches_assistive_technology_when_one_listens(qtbot):
    label = accessibility.LiveLabel("")
    qtbot.addWidget(label)
    label.show()
    sent = []
    was_active = QAccessible.isActive()
    QAccessible.setActive(True)
    try:
        original = QAccessible.updateAccessibility

        def spy(event: QAccessibleEvent) -> None:
            sent.append((event.type(), event.message() if hasattr(event, "message") else ""))
            original(event)

        QAccessible.updateAccessibility = spy  # type: ignore[method-assign]
        try:
            label.setText("⚠ Not saved: the disk is full.")
        finally:
            QAccessible.updateAccessibility = original  # type: ignore[method-assign]
    finally:
        QAccessible.setActive(was_active)
    assert (QAccessible.Event.Announcement, "Not saved: the disk is full.") in sent


# -- focus you can see ---------------------------------------------------------------------------
def test_focus_is_drawn_on_every_kind_of_control(qtbot):
    """Tab onto each kind of control: it must look different from when it had no focus (in
    the system's palette here, in high contrast in test_contrast)."""
    assert _focus_not_drawn(qtbot) == []


def _focus_not_drawn(qtbot) -> list[str]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    start = QLineEdit("where the keyboard starts")
    table = QTableWidget(2, 2)
    table.setHorizontalHeaderLabels(["Child", "Due"])
    combo = QComboBox()
    combo.addItems(["One", "Two"])
    button = QPushButton("Save")
    button.setAutoDefault(False)  # as the forms' buttons (Fusion draws the default the same)
    controls = [button, QLineEdit("text"), combo, QCheckBox("Tick"), table]
    layout = QVBoxLayout(dialog)
    for control in (start, *controls):
        layout.addWidget(control)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    start.setFocus()
    QApplication.processEvents()
    unfocused = [control.grab().toImage() for control in controls]
    invisible = []
    for control, before in zip(controls, unfocused, strict=True):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # the keyboard, as a person
        assert control.hasFocus(), type(control).__name__
        if control.grab().toImage() == before:
            invisible.append(type(control).__name__)
    return invisible


def test_the_high_contrast_item_in_the_view_menu_switches_the_palette(qtbot, demo_file):
    from iro_desktop.gui import palette
    from iro_desktop.gui.app import launch

    window = launch(demo_file, False, TODAY)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.dueLoaded, timeout=10_000):
        pass
    action = window.findChild(type(window.actions["refresh"]), accessibility.HIGH_CONTRAST_ACTION)
    assert action is not None and action.isCheckable() and not action.isChecked()
    try:
        action.trigger()
        assert palette.high_contrast_on()
        assert QApplication.palette().color(palette.Role.Window).name() == "#000000"
        assert ("High contrast on", False) in accessibility.announced()
    finally:
        if action.isChecked():
            action.trigger()
    assert not palette.high_contrast_on()
    assert QApplication.palette().color(palette.Role.Window).name() != "#000000"
    window.recording._quit_confirmed = True
    window.close()


def test_menu_is_walked_when_shown(qtbot):
    menu = QMenu("&File")
    qtbot.addWidget(menu)
    menu.addAction("&Open…")
    menu.addAction(QIcon(), "")  # an item with no words
    menu.popup(menu.mapToGlobal(menu.rect().center()))
    qtbot.waitExposed(menu)
    assert [node.role for node in unnamed(walk(menu))] == [Role.MenuItem]
    menu.hide()
