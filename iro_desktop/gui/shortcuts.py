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


FILE_MENU, VIEW_MENU, RECORD_MENU, HELP_MENU = "&File", "&View", "&Record", "&Help"
MENUS = (FILE_MENU, VIEW_MENU, RECORD_MENU, HELP_MENU)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", FILE_MENU, "&Open…", "Ctrl+O", "Open a caseload file"),
    ActionSpec(
        "new", FILE_MENU, "&New caseload…", "Ctrl+Shift+N", "Create a new encrypted caseload"
    ),
    ActionSpec("demo", FILE_MENU, "Open &demo", "", "Open the demo caseload (fictional)"),
    # Data in and out, and keeping it safe (gui/controllers/data_actions.py)
    ActionSpec(
        "import_sheet",
        FILE_MENU,
        "&Import spreadsheet…",
        "Ctrl+I",
        "Bring in your own tracker (.xlsx or .csv), with a preview first",
        separator_before=True,
    ),
    ActionSpec(
        "export_903",
        FILE_MENU,
        "&Export 903…",
        "Ctrl+Shift+E",
        "The DfE SSDA903 files for a collection year, checked against the DfE rules",
    ),
    ActionSpec(
        "hand_over",
        FILE_MENU,
        "&Hand over the child…",
        "Ctrl+Shift+O",
        "The open child's full record in one encrypted file for the next IRO",
    ),
    ActionSpec(
        "receive_handover",
        FILE_MENU,
        "&Receive handover…",
        "Ctrl+Shift+I",
        "Bring in children another IRO handed over to you",
    ),
    ActionSpec(
        "subject_access",
        FILE_MENU,
        "Su&bject access export…",
        "",
        "Everything held about the open child, with its history, as a Word document",
    ),
    ActionSpec(
        "backup_now",
        FILE_MENU,
        "&Back up now",
        "Ctrl+Shift+S",
        "An encrypted backup of your caseload, now",
        separator_before=True,
    ),
    ActionSpec(
        "restore_backup",
        FILE_MENU,
        "Res&tore from backup…",
        "",
        "Put a backup back in place of your caseload (the current file is kept)",
    ),
    ActionSpec(
        "change_passphrase",
        FILE_MENU,
        "Change &passphrase…",
        "",
        "Re-encrypt your caseload and its backups with a new passphrase",
    ),
    ActionSpec(
        "purge",
        FILE_MENU,
        "P&urge children past retention…",
        "",
        "Remove archived records your council's retention rule says must go (asks first)",
    ),
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
        "lock",
        FILE_MENU,
        "&Lock now",
        "Ctrl+L",
        "Hide your caseload until the passphrase is entered again",
        separator_before=True,
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
        "show_figures", VIEW_MENU, "F&igures", "Ctrl+4", "Your figures for a period, with charts"
    ),
    ActionSpec(
        "find",
        VIEW_MENU,
        "&Find a child",
        "Ctrl+F",
        "Search the caseload",
        separator_before=True,
    ),
    ActionSpec("refresh", VIEW_MENU, "&Refresh", "F5", "Read the caseload again"),
    ActionSpec("high_contrast", VIEW_MENU, "Hi&gh contrast", "", "White on black, for low vision"),
    ActionSpec("new_child", RECORD_MENU, "&New child…", "Ctrl+N", "Add a child to your caseload"),
    ActionSpec(
        "edit_child", RECORD_MENU, "&Edit the child's details…", "Ctrl+E", "Details and people"
    ),
    ActionSpec(
        "add_episode",
        RECORD_MENU,
        "Care e&pisode or placement change…",
        "Ctrl+Shift+P",
        "A new care episode, or a change of placement or legal status",
    ),
    ActionSpec(
        "record_task",
        RECORD_MENU,
        "Record the chosen &task…",
        "Ctrl+T",
        "Open the form for the task chosen on the due list",
        separator_before=True,
    ),
    ActionSpec(
        "book_review",
        RECORD_MENU,
        "&Book the next review…",
        "Ctrl+B",
        "Date and venue",
        separator_before=True,
    ),
    ActionSpec(
        "record_consultation",
        RECORD_MENU,
        "&Consultation papers…",
        "Ctrl+Shift+C",
        "Papers sent and returned",
    ),
    ActionSpec(
        "record_meeting",
        RECORD_MENU,
        "&Pre-review meeting…",
        "Ctrl+Shift+M",
        "The meeting with the social worker",
    ),
    ActionSpec(
        "record_contact",
        RECORD_MENU,
        "C&ontact with the child…",
        "Ctrl+K",
        "A visit, call or video call with the child",
    ),
    ActionSpec("record_review", RECORD_MENU, "&Record a review…", "Ctrl+R", "Record a review"),
    ActionSpec(
        "record_circulated",
        RECORD_MENU,
        "&Decisions circulated…",
        "Ctrl+Shift+D",
        "The day the decisions went out",
    ),
    ActionSpec(
        "record_midpoint",
        RECORD_MENU,
        "&Midpoint check…",
        "Ctrl+M",
        "Progress on each decision between reviews",
    ),
    ActionSpec(
        "raise_challenge",
        RECORD_MENU,
        "Raise a c&hallenge…",
        "Ctrl+Shift+H",
        "Informal or formal challenge (dispute resolution)",
    ),
    # Letters and documents (gui/controllers/documents.py)
    ActionSpec(
        "write_letter",
        RECORD_MENU,
        "Write the &letter to the child…",
        "Ctrl+Shift+L",
        "The child's review letter as a Word document, English or Welsh",
        separator_before=True,
    ),
    ActionSpec(
        "write_decisions_record",
        RECORD_MENU,
        "Write the decision&s record…",
        "Ctrl+Shift+R",
        "The formal decisions record for the social worker and manager",
    ),
    ActionSpec(
        "mark_letter_sent",
        RECORD_MENU,
        "Mar&k the letter sent",
        "",
        "The letter to the child about the chosen review went out today",
    ),
    ActionSpec(
        "briefing",
        RECORD_MENU,
        "Briefing pack for a da&y…",
        "Ctrl+Shift+B",
        "One page per child you will see on a day, to read on the way (personal data)",
    ),
    ActionSpec(
        "drafts",
        RECORD_MENU,
        "&Unsaved drafts…",
        "Ctrl+Shift+U",
        "Forms kept as drafts: restore or discard them",
        separator_before=True,
    ),
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
    ("Figures", "Ctrl+Tab / Ctrl+Shift+Tab", "Next or previous topic"),
    ("Forms", "Ctrl+S", "Keep a draft now"),
    ("Forms", "Ctrl+Enter", "Save to the record and close"),
    ("Forms", "Esc", "Cancel (asks first if anything is unsaved)"),
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
