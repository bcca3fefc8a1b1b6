"""The main window: assembles the views, the controllers, the menus and the status bar.

Nothing here reads the store. The controllers are given the ``AppContext`` (worker, open
caseload, settings, "data changed") and ``Screens`` (which view is on screen, what is chosen);
the window only wires the views' signals to them and shows the context's messages.

Start lean: only the due view (the home screen) and the caseload list, and the code behind
them, are imported and built before the first paint. The child view and the figures view are
built the first time they are wanted (``Screens``); the forms, letters, exchange, handover
and figures code is imported by the controllers when first used; dialogs likewise.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from iro_desktop.gui.accessibility import toggle_high_contrast
from iro_desktop.gui.autolock import AutoLock
from iro_desktop.gui.context import AppContext
from iro_desktop.gui.controllers.caseload import CaseloadController
from iro_desktop.gui.controllers.data_actions import CHILD_VIEW_ACTIONS, DataActions
from iro_desktop.gui.controllers.diary import DiaryController
from iro_desktop.gui.controllers.documents import DocumentsController
from iro_desktop.gui.controllers.figures import FiguresController
from iro_desktop.gui.controllers.recording import RecordingController
from iro_desktop.gui.controllers.screens import Screens
from iro_desktop.gui.controllers.settings import SettingsController
from iro_desktop.gui.screen_fit import fit_to_screen
from iro_desktop.gui.shortcuts import build_menus, create_actions
from iro_desktop.gui.startup import CaseloadOpener
from iro_desktop.gui.views.caseload import CaseloadView
from iro_desktop.gui.views.due import DueView
from iro_desktop.gui.worker import BusyIndicator, Worker
from iro_desktop.i18n import N_, _
from iro_desktop.services.session import DamagedStore, Store

if TYPE_CHECKING:  # built on first use
    from iro_desktop.gui.dialogs.help import ShortcutsDialog
    from iro_desktop.gui.dialogs.settings import SettingsDialog
    from iro_desktop.gui.views.child import ChildView
    from iro_desktop.gui.views.figures import FiguresView

APP_TITLE = "IRO Desktop"  # the product name, the same in every language
DEMO_BANNER_TEXT = N_("Demo caseload: fictional children")
BANNER_STYLE = (
    "background: palette(tooltip-base); color: palette(tooltip-text); border: 1px solid palette(dark); padding: 6px 10px;"  # noqa: E501
    "font-weight: bold;"
)


class MainWindow(QMainWindow):
    dueViewReady = Signal()  # the due view has shown its first data (start-up benchmark)
    dueLoaded = Signal()  # the due view has been filled (after every refresh)
    storeChanged = Signal()  # another caseload is open (the context's signal, passed on)

    def __init__(self, worker: Worker, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = AppContext(worker, today, self)
        self.worker = worker
        self.today = today
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.opener = CaseloadOpener(worker, today, self)

        self.due_view = DueView()
        self.caseload_view = CaseloadView()
        self.screens = Screens(self.due_view, self.caseload_view)
        self.screens.childMade.append(self._wire_child_view)
        self.stack = self.screens.stack
        self.banner = QLabel(
            _("⚠ Demo caseload: fictional children, made up for trying IRO Desktop. None is real.")
        )
        self.banner.setObjectName("demoBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setAccessibleName(_(DEMO_BANNER_TEXT))
        self.banner.setVisible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # First on the context's storeChanged: the window shows the new caseload's name.
        self.context.storeChanged.connect(self._on_store_changed)
        self.context.storeChanged.connect(self.storeChanged)
        self.context.statusMessage.connect(self.statusBar().showMessage)
        self.caseload = CaseloadController(self.context, self.screens)
        self.recording = RecordingController(  # the forms (gui/forms/)
            self.context, self.screens, self, self.open_child, lambda: self.autolock.locked
        )
        self.autolock = AutoLock(self)
        self.documents = DocumentsController(self.context, self.screens, self)
        self.figures = FiguresController(self.context, self.screens, self)
        self.data_actions = DataActions(self.context, self.screens, self)  # the File menu's
        self.diary = DiaryController(self.context, self)  # the diary as a calendar file
        self.settings_controller = SettingsController(
            self.context,
            self,
            change_passphrase=lambda: self.actions["change_passphrase"].trigger(),
            after_saving=self.autolock.reload_settings,
            run_action=lambda name: self.actions[name].trigger(),
        )
        self.opener.created.connect(self.settings_controller.set_up)  # the first-run set-up
        # Last: every view reads the new caseload once the others have seen storeChanged,
        # then the settings are read (after the due list, the home screen).
        self.context.storeChanged.connect(self.refresh)
        self.context.storeChanged.connect(self.settings_controller.reload)

        self.actions = create_actions(
            self,
            {
                "open": self.opener.choose_file,
                "new": self.opener.new_caseload,
                "demo": self.opener.open_demo,
                "settings": self.open_settings,
                "quit": self.close,
                "show_due": self.show_due,
                "show_caseload": lambda: self.screens.show(self.caseload_view),
                "show_child": lambda: self.screens.show(self.child_view),
                "find": self.screens.show_find,
                "refresh": self.refresh,
                "guide": self.open_guide,
                "shortcuts": self.open_shortcuts,
                "about": self.open_about,
                "lock": self.autolock.lock_now,
                "high_contrast": toggle_high_contrast,  # gui/accessibility.py
                **self.recording.action_handlers(),
                **self.documents.action_handlers(),
                **self.figures.action_handlers(),
                **self.data_actions.action_handlers(),
                **self.diary.action_handlers(),
            },
        )
        build_menus(self.menuBar(), self.actions)
        from iro_desktop.gui.help_window import install_context_help

        install_context_help()  # F1 and a Help button in the main dialogs
        self.busy = BusyIndicator(worker)
        self.statusBar().addPermanentWidget(self.busy)
        self._wire_views()
        self._update_title()
        fit_to_screen(self, 1360, 860)  # never taller or wider than the screen's free area

    def _wire_views(self) -> None:
        """The views' requests, each to the controller that answers it."""
        self.opener.opened.connect(self.set_store)
        self.due_view.firstPainted.connect(self.dueViewReady)
        self.due_view.taskRecordRequested.connect(self.recording.record_task)
        self.due_view.briefingRequested.connect(self.documents.open_briefing)
        self.caseload.dueLoaded.connect(self.dueLoaded)
        self.opener.damagedAfterOpening.connect(self._on_damaged_after_opening)

    def _wire_child_view(self, view: ChildView) -> None:
        """The child view's requests, once it is built (the first time a child is opened)."""
        for name, text in CHILD_VIEW_ACTIONS.items():
            view.add_header_button(name, _(text), self.actions[name])
        view.actionRequested.connect(self.recording.on_tab_action)
        view.documentRequested.connect(self.documents.on_document_requested)
        view.writtenWanted.connect(self.documents.load_written)
        self.documents.writtenLoaded.connect(view.set_written)
        self.data_actions.purged.connect(view.clear)

    @property
    def child_view(self) -> ChildView:
        """The child view (built, with the code behind its tabs, the first time it is wanted)."""
        return self.screens.child

    @property
    def figures_view(self) -> FiguresView:
        return self.screens.figures

    # -- the open caseload -----------------------------------------------------------------
    @property
    def store(self) -> Store | None:
        return self.context.store

    @Slot(object)
    def set_store(self, store: Store) -> None:
        self.context.set_store(store)  # the views ask the worker for what they show
        # Then the file's checks and daily backup (start lean): queued on the worker after the
        # due list's read, they run while the list is painted, and every write the IRO asks
        # for after this waits behind them on the same worker.
        self.opener.check_after_paint(store)

    def _on_damaged_after_opening(self, store: Store, error: DamagedStore) -> None:
        """The file failed its check after the due list was shown: close it (nothing was or
        will be written to it) and offer its latest good backup, as at launch."""
        if self.context.store is not store:
            return
        self.context.close_store()
        self.due_view.clear(str(error))
        self._on_store_changed()
        self.opener.offer_restore(store.path, error)

    def refresh(self) -> None:
        """Reload every view from the store (after any change)."""
        self.context.data_changed(None)

    @Slot(str, str)
    def open_child(self, child_ref: str, tab: str | None = None, switch: bool = True) -> None:
        self.caseload.open_child(child_ref, tab, switch)

    # -- views and dialogs -----------------------------------------------------------------
    def show_due(self) -> None:
        self.screens.show_due()

    def open_settings(self) -> None:
        self.settings_controller.open_settings()

    @property
    def settings_dialog(self) -> SettingsDialog | None:
        return self.settings_controller.dialog

    def open_shortcuts(self) -> ShortcutsDialog:
        from iro_desktop.gui.dialogs.help import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog.open()
        return self.shortcuts_dialog

    def open_guide(self) -> None:
        from iro_desktop.gui.help_window import open_guide_for_view

        open_guide_for_view(self)

    def open_about(self) -> None:
        from iro_desktop.gui.dialogs.help import open_about

        open_about(self)

    @Slot()
    def _on_store_changed(self) -> None:
        store = self.context.store
        self.banner.setVisible(store is not None and store.is_demo)
        self._update_title()
        self.show_due()

    def _update_title(self) -> None:
        """What is open; the system adds the app's name (its display name) once after it,
        so the title never says "IRO Desktop" twice."""
        store = self.context.store
        if store is None:
            self.setWindowTitle(APP_TITLE)  # the same as the display name: not repeated
        elif store.is_demo:
            self.setWindowTitle(_(DEMO_BANNER_TEXT))
        else:
            self.setWindowTitle(store.path.name)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.recording.confirm_quit(locked=self.autolock.locked):
            event.ignore()  # it asks first; forms' typing is kept as drafts either way
            return
        self.context.close_store()
        self.worker.shutdown()
        super().closeEvent(event)
