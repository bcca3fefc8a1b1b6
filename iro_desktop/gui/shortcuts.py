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

from iro_desktop.i18n import N_, _


@dataclass(frozen=True)
class ActionSpec:
    name: str  # the handler's key
    menu: str  # the menu's title, with its mnemonic
    text: str  # the action's text, with its mnemonic
    keys: str  # portable key text ("Ctrl+O"; Ctrl is Cmd on a Mac), "" for none
    description: str
    separator_before: bool = False
    role: QAction.MenuRole = QAction.MenuRole.TextHeuristicRole


FILE_MENU, VIEW_MENU, RECORD_MENU, HELP_MENU = N_("&File"), N_("&View"), N_("&Record"), N_("&Help")
MENUS = (FILE_MENU, VIEW_MENU, RECORD_MENU, HELP_MENU)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", FILE_MENU, N_("&Open…"), "Ctrl+O", N_("Open a caseload file")),
    ActionSpec(
        "new",
        FILE_MENU,
        N_("&New caseload…"),
        "Ctrl+Shift+N",
        N_("Create a new encrypted caseload"),
    ),
    ActionSpec("demo", FILE_MENU, N_("Open &demo"), "", N_("Open the demo caseload (fictional)")),
    # Data in and out, and keeping it safe (gui/controllers/data_actions.py)
    ActionSpec(
        "import_sheet",
        FILE_MENU,
        N_("&Import spreadsheet…"),
        "Ctrl+I",
        N_("Bring in your own tracker (.xlsx or .csv), with a preview first"),
        separator_before=True,
    ),
    ActionSpec(
        "export_903",
        FILE_MENU,
        N_("&Export 903…"),
        "Ctrl+Shift+E",
        N_("The DfE SSDA903 files for a collection year, checked against the DfE rules"),
    ),
    ActionSpec(
        "hand_over",
        FILE_MENU,
        N_("&Hand over the child…"),
        "Ctrl+Shift+O",
        N_("The open child's full record in one encrypted file for the next IRO"),
    ),
    ActionSpec(
        "receive_handover",
        FILE_MENU,
        N_("&Receive handover…"),
        "Ctrl+Shift+I",
        N_("Bring in children another IRO handed over to you"),
    ),
    ActionSpec(
        "save_diary",
        FILE_MENU,
        N_("Save diar&y as calendar file…"),
        "Ctrl+Shift+Y",
        N_("Booked reviews, meetings and your deadlines for Outlook, Google or Apple calendars"),
    ),
    ActionSpec(
        "subject_access",
        FILE_MENU,
        N_("Su&bject access export…"),
        "",
        N_("Everything held about the open child, with its history, as a Word document"),
    ),
    ActionSpec(
        "backup_now",
        FILE_MENU,
        N_("&Back up now"),
        "Ctrl+Shift+S",
        N_("An encrypted backup of your caseload, now"),
        separator_before=True,
    ),
    ActionSpec(
        "restore_backup",
        FILE_MENU,
        N_("Res&tore from backup…"),
        "",
        N_("Put a backup back in place of your caseload (the current file is kept)"),
    ),
    ActionSpec(
        "change_passphrase",
        FILE_MENU,
        N_("Change &passphrase…"),
        "",
        N_("Re-encrypt your caseload and its backups with a new passphrase"),
    ),
    ActionSpec(
        "purge",
        FILE_MENU,
        N_("P&urge children past retention…"),
        "",
        N_("Remove archived records your council's retention rule says must go (asks first)"),
    ),
    ActionSpec(
        "settings",
        FILE_MENU,
        N_("&Settings…"),
        "Ctrl+,",
        N_("Council, timescales and your details"),
        separator_before=True,
        role=QAction.MenuRole.PreferencesRole,
    ),
    ActionSpec(
        "lock",
        FILE_MENU,
        N_("&Lock now"),
        "Ctrl+L",
        N_("Hide your caseload until the passphrase is entered again"),
        separator_before=True,
    ),
    ActionSpec(
        "quit",
        FILE_MENU,
        N_("&Quit"),
        "Ctrl+Q",
        N_("Close IRO Desktop"),
        separator_before=True,
        role=QAction.MenuRole.QuitRole,
    ),
    ActionSpec("show_due", VIEW_MENU, N_("&Due"), "Ctrl+1", N_("What is due (the home screen)")),
    ActionSpec(
        "show_caseload", VIEW_MENU, N_("&Caseload"), "Ctrl+2", N_("Every child on your caseload")
    ),
    ActionSpec("show_child", VIEW_MENU, N_("C&hild"), "Ctrl+3", N_("The child you last opened")),
    ActionSpec(
        "show_figures",
        VIEW_MENU,
        N_("F&igures"),
        "Ctrl+4",
        N_("Your figures for a period, with charts"),
    ),
    ActionSpec(
        "find",
        VIEW_MENU,
        N_("&Find a child"),
        "Ctrl+F",
        N_("Search the caseload"),
        separator_before=True,
    ),
    ActionSpec("refresh", VIEW_MENU, N_("&Refresh"), "F5", N_("Read the caseload again")),
    ActionSpec(
        "high_contrast", VIEW_MENU, N_("Hi&gh contrast"), "", N_("White on black, for low vision")
    ),
    ActionSpec(
        "new_child", RECORD_MENU, N_("&New child…"), "Ctrl+N", N_("Add a child to your caseload")
    ),
    ActionSpec(
        "edit_child",
        RECORD_MENU,
        N_("&Edit the child's details…"),
        "Ctrl+E",
        N_("Details and people"),
    ),
    ActionSpec(
        "add_episode",
        RECORD_MENU,
        N_("Care e&pisode or placement change…"),
        "Ctrl+Shift+P",
        N_("A new care episode, or a change of placement or legal status"),
    ),
    ActionSpec(
        "record_task",
        RECORD_MENU,
        N_("Record the chosen &task…"),
        "Ctrl+T",
        N_("Open the form for the task chosen on the due list"),
        separator_before=True,
    ),
    ActionSpec(
        "book_review",
        RECORD_MENU,
        N_("&Book the next review…"),
        "Ctrl+B",
        N_("Date and venue"),
        separator_before=True,
    ),
    ActionSpec(
        "record_consultation",
        RECORD_MENU,
        N_("&Consultation papers…"),
        "Ctrl+Shift+C",
        N_("Papers sent and returned"),
    ),
    ActionSpec(
        "record_meeting",
        RECORD_MENU,
        N_("&Pre-review meeting…"),
        "Ctrl+Shift+M",
        N_("The meeting with the social worker"),
    ),
    ActionSpec(
        "record_contact",
        RECORD_MENU,
        N_("C&ontact with the child…"),
        "Ctrl+K",
        N_("A visit, call or video call with the child"),
    ),
    ActionSpec(
        "record_review", RECORD_MENU, N_("&Record a review…"), "Ctrl+R", N_("Record a review")
    ),
    ActionSpec(
        "record_circulated",
        RECORD_MENU,
        N_("&Decisions circulated…"),
        "Ctrl+Shift+D",
        N_("The day the decisions went out"),
    ),
    ActionSpec(
        "record_midpoint",
        RECORD_MENU,
        N_("&Midpoint check…"),
        "Ctrl+M",
        N_("Progress on each decision between reviews"),
    ),
    ActionSpec(
        "raise_challenge",
        RECORD_MENU,
        N_("Raise a c&hallenge…"),
        "Ctrl+Shift+H",
        N_("Informal or formal challenge (dispute resolution)"),
    ),
    # Letters and documents (gui/controllers/documents.py)
    ActionSpec(
        "write_letter",
        RECORD_MENU,
        N_("Write the &letter to the child…"),
        "Ctrl+Shift+L",
        N_("The child's review letter as a Word document, English or Welsh"),
        separator_before=True,
    ),
    ActionSpec(
        "write_decisions_record",
        RECORD_MENU,
        N_("Write the decision&s record…"),
        "Ctrl+Shift+R",
        N_("The formal decisions record for the social worker and manager"),
    ),
    ActionSpec(
        "mark_letter_sent",
        RECORD_MENU,
        N_("Mar&k the letter sent"),
        "",
        N_("The letter to the child about the chosen review went out today"),
    ),
    ActionSpec(
        "briefing",
        RECORD_MENU,
        N_("Briefing pack for a da&y…"),
        "Ctrl+Shift+B",
        N_("One page per child you will see on a day, to read on the way (personal data)"),
    ),
    ActionSpec(
        "drafts",
        RECORD_MENU,
        N_("&Unsaved drafts…"),
        "Ctrl+Shift+U",
        N_("Forms kept as drafts: restore or discard them"),
        separator_before=True,
    ),
    ActionSpec(
        "guide",
        HELP_MENU,
        N_("&Guide"),
        "F1",
        N_("A short guide to IRO Desktop: getting started, your day, what each date means"),
    ),
    ActionSpec(
        "shortcuts",
        HELP_MENU,
        N_("&Keyboard shortcuts"),
        "Ctrl+/",
        N_("This list of keyboard shortcuts"),
    ),
    ActionSpec(
        "about",
        HELP_MENU,
        N_("&About IRO Desktop"),
        "",
        N_("Version and where your data is kept"),
        role=QAction.MenuRole.AboutRole,
    ),
)

# Keys that work inside a view (Qt's own, not menu actions): listed in the same dialog.
VIEW_KEYS: tuple[tuple[str, str, str], ...] = (
    (N_("Due"), N_("Enter or double-click"), N_("Open the child at the task's tab")),
    (N_("Due"), N_("Right / Left arrow"), N_("Open or close a group")),
    (N_("Due"), "Alt+S", N_("Choose which tasks to show")),
    (N_("Caseload"), N_("Enter or double-click"), N_("Open the child")),
    (N_("Figures"), N_("Ctrl+Tab / Ctrl+Shift+Tab"), N_("Next or previous topic")),
    (N_("Forms"), "Ctrl+S", N_("Keep a draft now")),
    (N_("Forms"), "Ctrl+Enter", N_("Save to the record and close")),
    (N_("Forms"), N_("Esc"), N_("Cancel (asks first if anything is unsaved)")),
    (N_("Anywhere"), N_("Tab / Shift+Tab"), N_("Move between fields and lists")),
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
        action = QAction(_(spec.text), parent)
        if spec.keys:
            action.setShortcut(QKeySequence(spec.keys))
        action.setStatusTip(_(spec.description))
        action.setToolTip(_(spec.description))
        action.setMenuRole(spec.role)
        action.triggered.connect(lambda _checked=False, h=handlers[spec.name]: h())
        actions[spec.name] = action
    return actions


def build_menus(menu_bar: QMenuBar, actions: Mapping[str, QAction]) -> None:
    for title in MENUS:
        menu = menu_bar.addMenu(_(title))
        for spec in ACTIONS:
            if spec.menu != title:
                continue
            if spec.separator_before:
                menu.addSeparator()
            menu.addAction(actions[spec.name])


def shortcut_rows() -> list[tuple[str, str, str]]:
    """(keys, what it does, where) for every shortcut: menu actions first, then view keys."""
    rows = [
        (
            key_text(spec.keys),
            _(spec.text).replace("&", "").rstrip("…"),
            _(spec.menu).replace("&", ""),
        )
        for spec in ACTIONS
        if spec.keys
    ]
    rows += [(_(keys), _(what), _(where)) for where, keys, what in VIEW_KEYS]
    return rows
