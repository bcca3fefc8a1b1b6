"""The main window: assembles the views, the menus and the status bar, and routes data.

Views never touch the store: the window asks the worker to run a services function and hands
the result to the view. ``refresh()`` reloads whatever is on screen after any change.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from iro_desktop.domain.settings import Settings
from iro_desktop.domain.tasks import Task
from iro_desktop.gui.autolock import AutoLock
from iro_desktop.gui.controllers.data_actions import DataActions
from iro_desktop.gui.controllers.documents import DocumentsController
from iro_desktop.gui.controllers.recording import RecordingController
from iro_desktop.gui.dialogs.help import ShortcutsDialog, open_about
from iro_desktop.gui.settings_dialog import SettingsDialog
from iro_desktop.gui.shortcuts import build_menus, create_actions
from iro_desktop.gui.startup import CaseloadOpener
from iro_desktop.gui.views.caseload import CaseloadView
from iro_desktop.gui.views.child import ChildView
from iro_desktop.gui.views.due import DueView
from iro_desktop.gui.views.figures import FiguresView
from iro_desktop.gui.worker import BusyIndicator, Worker
from iro_desktop.services.caseload import caseload, due_list
from iro_desktop.services.child import caseload_rows, child_detail
from iro_desktop.storage.database import Store
from iro_desktop.storage.settings_store import load_settings, save_settings

APP_TITLE = "IRO Desktop"
DEMO_BANNER_TEXT = "Demo caseload: fictional children"
BANNER_STYLE = (
    "background: #fff4ce; color: #3b2f00; border: 1px solid #c9a400; padding: 6px 10px;"
    "font-weight: bold;"
)


# -- jobs: each runs on the worker thread ------------------------------------------------
def load_due(store: Store, today: date) -> tuple[list[Task], dict[str, str]]:
    """Every open task, and each child's name for the list."""
    names = {
        o.record.child.child_ref: f"{o.record.child.known_as} {o.record.child.last_name}".strip()
        for o in caseload(store, today)
    }
    return due_list(store, today, within_days=None), names


def close_store(store: Store) -> None:
    store.close()


class MainWindow(QMainWindow):
    dueViewReady = Signal()  # the due view has shown its first data (start-up benchmark)
    dueLoaded = Signal()  # the due view has been filled (after every refresh)
    storeChanged = Signal()

    def __init__(self, worker: Worker, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.today = today
        self.store: Store | None = None
        self.include_archived = False
        self.settings_dialog: SettingsDialog | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.opener = CaseloadOpener(worker, today, self)

        self.due_view = DueView()
        self.caseload_view = CaseloadView()
        self.child_view = ChildView()
        self.figures_view = FiguresView()
        self.stack = QStackedWidget()
        for view in (self.due_view, self.caseload_view, self.child_view, self.figures_view):
            self.stack.addWidget(view)
        self.banner = QLabel(f"⚠ {DEMO_BANNER_TEXT}, made up for trying IRO Desktop. None is real.")
        self.banner.setObjectName("demoBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setAccessibleName(DEMO_BANNER_TEXT)
        self.banner.setVisible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.recording = RecordingController(self)  # the forms (gui/forms/)
        self.autolock = AutoLock(self)
        self.documents = DocumentsController(self)  # letters, briefing packs, figures
        self.data_actions = DataActions(self)  # import, export, handover, backups (File menu)

        self.actions = create_actions(
            self,
            {
                "open": self.opener.choose_file,
                "new": self.opener.new_caseload,
                "demo": self.opener.open_demo,
                "settings": self.open_settings,
                "quit": self.close,
                "show_due": self.show_due,
                "show_caseload": lambda: self.stack.setCurrentWidget(self.caseload_view),
                "show_child": lambda: self.stack.setCurrentWidget(self.child_view),
                "find": self._on_find,
                "refresh": self.refresh,
                "shortcuts": self.open_shortcuts,
                "about": lambda: open_about(self),
                "lock": self.autolock.lock_now,
                **self.recording.action_handlers(),
                **self.documents.action_handlers(),
                **self.data_actions.action_handlers(),
            },
        )
        build_menus(self.menuBar(), self.actions)
        self.data_actions.add_child_view_buttons()
        self.busy = BusyIndicator(worker)
        self.statusBar().addPermanentWidget(self.busy)

        self.opener.opened.connect(self.set_store)
        self.due_view.childRequested.connect(self.open_child)
        self.due_view.firstPainted.connect(self.dueViewReady)
        self.caseload_view.childActivated.connect(self._on_child_activated)
        self.caseload_view.includeArchivedChanged.connect(self._on_include_archived)
        self._update_title()
        self.resize(1200, 760)

    # -- the open caseload -----------------------------------------------------------------
    @Slot(object)
    def set_store(self, store: Store) -> None:
        if self.store is not None and self.store is not store:
            self.worker.submit(close_store, self.store, label="Closing the caseload…")
        self.store = store
        self.banner.setVisible(store.is_demo)
        self._update_title()
        self.show_due()
        self.storeChanged.emit()
        self.refresh()

    def refresh(self) -> None:
        """Reload every view from the store (after any change)."""
        if self.store is None:
            return
        self.worker.submit(
            load_due, self.store, self.today, on_result=self._on_due, label="Reading what is due…"
        )
        child_ref = self.child_view.current_child_ref()
        if child_ref:
            self.open_child(child_ref, self.child_view.current_tab(), switch=False)

    @Slot(str, str)
    def open_child(self, child_ref: str, tab: str | None = None, switch: bool = True) -> None:
        if self.store is None:
            return
        self.worker.submit(
            child_detail,
            self.store,
            child_ref,
            self.today,
            on_result=lambda detail: self._on_child_detail(child_ref, detail, tab, switch),
            label="Opening the child's record…",
        )

    # -- views -----------------------------------------------------------------------------
    def show_due(self) -> None:
        self.stack.setCurrentWidget(self.due_view)
        self.due_view.focus_list()

    def open_settings(self) -> None:
        if self.store is None:
            self.statusBar().showMessage("Open a caseload first: settings are kept in it.", 5000)
            return
        self.worker.submit(load_settings, self.store, on_result=self._on_settings_loaded)

    def open_shortcuts(self) -> ShortcutsDialog:
        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog.open()
        return self.shortcuts_dialog

    # -- results and signals ---------------------------------------------------------------
    def _on_due(self, result: tuple[list[Task], dict[str, str]]) -> None:
        tasks, names = result
        self.due_view.set_tasks(tasks, names, self.today)
        self.dueLoaded.emit()
        # Asked for only now, so that the due view (the home screen) paints first.
        self.reload_caseload()

    def reload_caseload(self) -> None:
        if self.store is None:
            return
        self.worker.submit(
            caseload_rows,
            self.store,
            self.today,
            include_archived=self.include_archived,
            on_result=lambda rows: self.caseload_view.set_rows(rows, self.today),
            label="Reading the caseload…",
        )

    def _on_child_detail(self, child_ref: str, detail, tab: str | None, switch: bool) -> None:
        if detail is None:
            self.statusBar().showMessage(f"No child {child_ref} in this caseload.", 5000)
            return
        self.child_view.show_detail(detail, tab)
        if switch:
            self.stack.setCurrentWidget(self.child_view)

    def _on_settings_loaded(self, settings: Settings) -> None:
        self.settings_dialog = SettingsDialog(settings, self)
        self.settings_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.settings_dialog.settingsAccepted.connect(self._on_settings_accepted)
        self.settings_dialog.changePassphraseRequested.connect(
            self.actions["change_passphrase"].trigger
        )
        self.settings_dialog.open()

    @Slot(object)
    def _on_settings_accepted(self, settings: Settings) -> None:
        if self.store is None:
            return
        self.worker.submit(
            save_settings,
            self.store,
            settings,
            on_result=self._on_settings_saved,
            label="Saving the settings…",
        )

    def _on_settings_saved(self, changed: list[str]) -> None:
        self.statusBar().showMessage("Settings saved." if changed else "No settings changed.", 5000)
        self.autolock.reload_settings()
        self.refresh()

    @Slot(str)
    def _on_child_activated(self, child_ref: str) -> None:
        self.open_child(child_ref, None)

    @Slot(bool)
    def _on_include_archived(self, include: bool) -> None:
        self.include_archived = include
        self.reload_caseload()

    def _on_find(self) -> None:
        self.stack.setCurrentWidget(self.caseload_view)
        self.caseload_view.focus_search()

    def _update_title(self) -> None:
        if self.store is None:
            self.setWindowTitle(APP_TITLE)
        elif self.store.is_demo:
            self.setWindowTitle(f"{APP_TITLE} — {DEMO_BANNER_TEXT}")
        else:
            self.setWindowTitle(f"{APP_TITLE} — {self.store.path.name}")

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.recording.confirm_quit(locked=self.autolock.locked):
            event.ignore()  # it asks first; forms' typing is kept as drafts either way
            return
        if self.store is not None:
            self.worker.submit(close_store, self.store)
            self.store = None
        self.worker.shutdown()
        super().closeEvent(event)
