"""Every menu action and its keyboard shortcut, in one registry.

The main window builds its menus from ``ACTIONS`` and Help > Keyboard shortcuts lists the same
entries (plus ``VIEW_KEYS``, the keys that work inside a view), so the list shown to the IRO
can never drift from the real shortcuts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget


@dataclass(frozen=True)
class ActionSpec:
    name: str  # the handler's key
    menu: str  # the menu's title, with its mnemonic
    text: str  # the action's text, with its mnemonic
    keys: str  # portable key text ("Ctrl+O"; Ctrl is Cmd on a Mac), "" for none
    description: str
    separator_before: bool = False
    role: QAction.MenuRole = QAction.MenuRole.TextHeuristicRole


FILE_MENU, VIEW_MENU, HELP_MENU = "&File", "&View", "&Help"
MENUS = (FILE_MENU, VIEW_MENU, HELP_MENU)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", FILE_MENU, "&Open…", "Ctrl+O", "Open a caseload file"),
    ActionSpec("new", FILE_MENU, "&New caseload…", "Ctrl+N", "Create a new encrypted caseload"),
    ActionSpec("demo", FILE_MENU, "Open &demo", "", "Open the demo caseload (fictional)"),
    ActionSpec(
        "settings",
        FILE_MENU,
        "&Settings…",
        "Ctrl+,",
        "Council, timescales and your details",
        separator_before=True,
        role=QAction.MenuRole.PreferencesRole,
    ),
    ActionSpec(
        "quit",
        FILE_MENU,
        "&Quit",
        "Ctrl+Q",
        "Close IRO Desktop",
        separator_before=True,
        role=QAction.MenuRole.QuitRole,
    ),
    ActionSpec("show_due", VIEW_MENU, "&Due", "Ctrl+1", "What is due (the home screen)"),
    ActionSpec("show_caseload", VIEW_MENU, "&Caseload", "Ctrl+2", "Every child on your caseload"),
    ActionSpec("show_child", VIEW_MENU, "C&hild", "Ctrl+3", "The child you last opened"),
    ActionSpec(
        "find",
        VIEW_MENU,
        "&Find a child",
        "Ctrl+F",
        "Search the caseload",
        separator_before=True,
    ),
    ActionSpec("refresh", VIEW_MENU, "&Refresh", "F5", "Read the caseload again"),
    ActionSpec(
        "shortcuts", HELP_MENU, "&Keyboard shortcuts", "F1", "This list of keyboard shortcuts"
    ),
    ActionSpec(
        "about",
        HELP_MENU,
        "&About IRO Desktop",
        "",
        "Version and where your data is kept",
        role=QAction.MenuRole.AboutRole,
    ),
)

# Keys that work inside a view (Qt's own, not menu actions): listed in the same dialog.
VIEW_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Due", "Enter or double-click", "Open the child at the task's tab"),
    ("Due", "Right / Left arrow", "Open or close a group"),
    ("Due", "Alt+S", "Choose which tasks to show"),
    ("Caseload", "Enter or double-click", "Open the child"),
    ("Anywhere", "Tab / Shift+Tab", "Move between fields and lists"),
)


def key_text(keys: str) -> str:
    """The key as this platform writes it (Ctrl+Q here, ⌘Q on a Mac)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def create_actions(
    parent: QWidget, handlers: Mapping[str, Callable[[], object]]
) -> dict[str, QAction]:
    """One QAction per spec, connected to ``handlers[spec.name]`` (every spec needs one)."""
    missing = {spec.name for spec in ACTIONS} - set(handlers)
    if missing:
        raise ValueError(f"No handler for actions: {sorted(missing)}")
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.text, parent)
        if spec.keys:
            action.setShortcut(QKeySequence(spec.keys))
        action.setStatusTip(spec.description)
        action.setToolTip(spec.description)
        action.setMenuRole(spec.role)
        action.triggered.connect(lambda _checked=False, h=handlers[spec.name]: h())
        actions[spec.name] = action
    return actions


def build_menus(menu_bar: QMenuBar, actions: Mapping[str, QAction]) -> None:
    for title in MENUS:
        menu = menu_bar.addMenu(title)
        for spec in ACTIONS:
            if spec.menu != title:
                continue
            if spec.separator_before:
                menu.addSeparator()
            menu.addAction(actions[spec.name])


def shortcut_rows() -> list[tuple[str, str, str]]:
    """(keys, what it does, where) for every shortcut: menu actions first, then view keys."""
    rows = [
        (key_text(spec.keys), spec.text.replace("&", "").rstrip("…"), spec.menu.replace("&", ""))
        for spec in ACTIONS
        if spec.keys
    ]
    rows += [(keys, what, where) for where, keys, what in VIEW_KEYS]
    return rows
