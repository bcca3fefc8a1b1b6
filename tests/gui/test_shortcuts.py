"""One registry for every shortcut: the menus are built from it and the help lists it."""

import pytest
from PySide6.QtGui import QKeySequence

from iro_desktop.gui.dialogs.help import ShortcutsDialog
from iro_desktop.gui.shortcuts import ACTIONS, VIEW_KEYS, key_text, shortcut_rows

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

REQUIRED = {
    "settings": "Ctrl+,",
    "quit": "Ctrl+Q",
    "show_due": "Ctrl+1",
    "show_caseload": "Ctrl+2",
    "show_child": "Ctrl+3",
    "find": "Ctrl+F",
    "refresh": "F5",
    "guide": "F1",  # the user guide (issue 17 item 7); the list has a key of its own
    "shortcuts": "Ctrl+/",
}


def test_the_required_shortcuts_are_in_the_registry_once_each():
    keys = {spec.name: spec.keys for spec in ACTIONS}
    for name, expected in REQUIRED.items():
        assert keys[name] == expected
    used = [spec.keys for spec in ACTIONS if spec.keys]
    assert len(used) == len(set(used))
    assert len({spec.name for spec in ACTIONS}) == len(ACTIONS)


def test_the_help_lists_every_shortcut_from_the_registry(qtbot):
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    listed = dialog.listed_keys()
    assert listed == [keys for keys, _what, _where in shortcut_rows()]
    for spec in ACTIONS:
        if spec.keys:
            assert key_text(spec.keys) in listed
    for _where, keys, _what in VIEW_KEYS:
        assert keys in listed


@pytest.fixture
def window(qtbot, demo_file):
    from iro_desktop.gui.app import launch

    made = launch(demo_file, False, TODAY)
    qtbot.addWidget(made)
    with qtbot.waitSignal(made.dueLoaded, timeout=10000):
        pass
    yield made
    made.close()


def test_the_menus_hold_exactly_the_registry_actions_with_their_keys(window):
    in_menus = {}
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if not action.isSeparator():
                in_menus[action.text()] = action.shortcut()
    assert in_menus == {spec.text: QKeySequence(spec.keys) for spec in ACTIONS}


def test_view_shortcuts_switch_views_and_the_list_opens(qtbot, window):
    window.actions["show_caseload"].trigger()
    assert window.stack.currentWidget() is window.caseload_view
    window.actions["show_due"].trigger()
    assert window.stack.currentWidget() is window.due_view
    window.actions["find"].trigger()
    assert window.stack.currentWidget() is window.caseload_view
    window.actions["shortcuts"].trigger()
    qtbot.waitUntil(lambda: window.shortcuts_dialog.isVisible(), timeout=5000)
    assert window.shortcuts_dialog.listed_keys()[0] == key_text("Ctrl+O")
    window.shortcuts_dialog.close()
