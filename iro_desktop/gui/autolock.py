"""Auto-lock: after the set idle time (Settings.auto_lock_minutes, default 5) or Ctrl+L the
window hides every piece of personal data and asks for the passphrase again.

Ctrl+L works from any window of the app (the main window, a form, a dialog or a message box
in front of either): an application-wide event filter sees the key before the field does,
as it sees every key and click that restarts the idle timer.

Locking first keeps every open form's typing as a draft in the encrypted store, then hides
every other window (forms, dialogs, message boxes), swaps the window's contents for a lock
screen and hides the menus. Nothing is closed, so unlocking puts everything back as it was.

The passphrase is checked on the worker by ``services.passphrases.check_passphrase`` (a second
connection to the same file: a key derivation and one read, nothing written, closed at once).
The passphrase is never kept: the field is cleared as soon as the check is sent, and the job
holding it is dropped when it finishes. (Python cannot wipe a string's memory; keeping no
reference is the most it can do.)
"""

from __future__ import annotations

from typing import Protocol

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, SignalInstance, Slot
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenuBar,
    QPushButton,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.domain.settings import Settings
from iro_desktop.gui.dialogs.unlock import UnlockDialog
from iro_desktop.gui.worker import Worker, user_message
from iro_desktop.i18n import N_, _
from iro_desktop.services.passphrases import check_passphrase
from iro_desktop.services.session import DEMO_PASSPHRASE, Store
from iro_desktop.services.settings import load_settings

# What counts as the IRO using the app (anything else, such as a timer, does not).
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
LOCKED_TITLE = N_("IRO Desktop is locked")
LOCKED_TEXT = N_(
    "Your caseload is hidden while you are away. Nothing you typed is lost: open forms were "
    "kept as drafts and come back as they were when you unlock."
)


class LockScreen(QWidget):
    """What the window shows while locked: no names, no records."""

    unlockRequested = Signal()

    def __init__(self, is_demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_(LOCKED_TITLE))
        title = QLabel(_(LOCKED_TITLE))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAccessibleName(_(LOCKED_TITLE))
        text = QLabel(_(LOCKED_TEXT))
        text.setWordWrap(True)
        text.setAccessibleName(_("Why it is locked"))
        self.unlock_button = QPushButton(_("&Unlock…"))
        self.unlock_button.setAccessibleName(_("Unlock"))
        self.unlock_button.setDefault(True)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(text)
        if is_demo:
            hint = QLabel(
                _("This is the demo caseload: its passphrase is “%(demo_passphrase)s”.")
                % {"demo_passphrase": DEMO_PASSPHRASE}
            )
            hint.setWordWrap(True)
            hint.setAccessibleName(_("Demo passphrase"))
            column.addWidget(hint)
        column.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        row = QHBoxLayout(self)
        row.addStretch(1)
        row.addLayout(column, 3)
        row.addStretch(1)
        self.unlock_button.clicked.connect(self.unlockRequested)


class _KeepsDrafts(Protocol):
    def flush_drafts(self) -> None: ...


class LockableWindow(Protocol):
    """What the auto-lock needs of the main window, a QMainWindow (described here, so that
    this module does not import the window that creates it): the store, the worker, the open
    forms' drafts, the actions to disable, the signal for a new store, and the window's own
    central widget, menu bar and status bar."""

    store: Store | None
    worker: Worker
    recording: _KeepsDrafts
    actions: dict[str, QAction]
    storeChanged: SignalInstance

    def menuBar(self) -> QMenuBar: ...
    def statusBar(self) -> QStatusBar: ...
    def takeCentralWidget(self) -> QWidget: ...
    def setCentralWidget(self, widget: QWidget) -> None: ...


class AutoLock(QObject):
    lockedChanged = Signal(bool)

    def __init__(self, window: LockableWindow) -> None:
        super().__init__(window)
        self.window = window
        self.locked = False
        self.lock_screen: LockScreen | None = None
        self.dialog: UnlockDialog | None = None
        self._contents: QWidget | None = None
        self._hidden: list[QWidget] = []
        self._menus_were_visible = True
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.set_minutes(Settings().auto_lock_minutes)
        self.timer.timeout.connect(self.lock_now)
        window.storeChanged.connect(self.reload_settings)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # -- the idle timer ---------------------------------------------------------------------
    def set_minutes(self, minutes: int) -> None:
        self.set_idle_ms(max(1, int(minutes)) * 60_000)

    def set_idle_ms(self, milliseconds: int) -> None:
        self.timer.setInterval(milliseconds)
        self._restart()

    @Slot()
    def reload_settings(self) -> None:
        store = self.window.store
        if store is None:
            return
        self.window.worker.submit(
            load_settings,
            store,
            on_result=lambda settings: self.set_minutes(settings.auto_lock_minutes),
        )

    def _restart(self) -> None:
        if not self.locked and self.window.store is not None:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.locked and event.type() == QEvent.Type.Show and self._must_stay_hidden(watched):
            # A form or message box a job opened after the lock went on (a form that was
            # loading, an error from a save): hidden at once, shown again on unlock.
            assert isinstance(watched, QWidget)
            if watched not in self._hidden:
                self._hidden.append(watched)
            QTimer.singleShot(0, watched, watched.hide)
            return False
        if event.type() in ACTIVITY and not self.locked:
            self._restart()
            if self._is_lock_key(event):
                self.lock_now()
                return True  # the key is the lock's, not the field's
        return False

    def _must_stay_hidden(self, watched: QObject) -> bool:
        """A window (not the main one, not the unlock dialog or anything it opens, not a
        tooltip or a list's pop-up) that would show records over the lock screen."""
        if not isinstance(watched, QWidget) or not watched.isWindow():
            return False
        if watched is self.window or watched.windowType() in (
            Qt.WindowType.ToolTip,
            Qt.WindowType.Popup,
        ):
            return False
        dialog = self.dialog
        parent: QWidget | None = watched
        while parent is not None:
            if dialog is not None and shiboken6.isValid(dialog) and parent is dialog:
                return False
            parent = parent.parentWidget()
        return True

    def _is_lock_key(self, event: QEvent) -> bool:
        """Ctrl+L (the Lock action's keys) pressed in any window of the app. The action's own
        shortcut fires only in the main window; a form or dialog in front gets the key press
        instead, and this application-wide filter sees it first."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        action = getattr(self.window, "actions", {}).get("lock")
        if action is None or action.shortcut().isEmpty():
            return False
        return QKeySequence(event.keyCombination()) == action.shortcut()

    # -- locking ----------------------------------------------------------------------------
    @Slot()
    def lock_now(self) -> None:
        window = self.window
        if self.locked or window.store is None:
            return
        self.locked = True
        self.timer.stop()
        window.recording.flush_drafts()  # queued before anything else the worker is asked
        self._hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not window and w.isVisible() and not w.isHidden()
        ]
        for widget in self._hidden:
            widget.hide()
        self._contents = window.takeCentralWidget()
        self.lock_screen = LockScreen(window.store.is_demo)
        self.lock_screen.unlockRequested.connect(self.ask_passphrase)
        window.setCentralWidget(self.lock_screen)
        self.lock_screen.show()
        self._menus_were_visible = window.menuBar().isVisible()
        window.menuBar().setVisible(False)
        for name, action in window.actions.items():
            action.setEnabled(name == "quit")
        window.statusBar().clearMessage()
        self.lockedChanged.emit(True)
        self.ask_passphrase()

    @Slot()
    def ask_passphrase(self) -> None:
        store = self.window.store
        if not self.locked or store is None:
            return
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.show()
            return
        dialog = UnlockDialog(store.path, self.window)
        dialog.setWindowTitle(_("Unlock IRO Desktop"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.passphraseEntered.connect(self._on_passphrase)
        dialog.rejected.connect(self._on_dialog_closed)
        if self.lock_screen is not None:
            dialog.place_below(self.lock_screen.unlock_button)  # the demo's passphrase shows
        self.dialog = dialog
        dialog.open()

    @Slot(str)
    def _on_passphrase(self, passphrase: str) -> None:
        store = self.window.store
        dialog = self.dialog
        if store is None or dialog is None:
            return
        dialog.passphrase.clear()  # the text is in the job only, until it has been checked
        self.window.worker.submit(
            check_passphrase,
            store.path,
            passphrase,
            on_result=lambda _ok: self.unlock(),
            on_error=self._on_wrong_passphrase,
            label=_("Checking the passphrase…"),
        )

    def _on_wrong_passphrase(self, error: BaseException) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.show_error(user_message(error))

    def _on_dialog_closed(self) -> None:
        self.dialog = None
        if self.lock_screen is not None:
            self.lock_screen.unlock_button.setFocus()

    def unlock(self) -> None:
        if not self.locked:
            return
        window = self.window
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.rejected.disconnect(self._on_dialog_closed)
            self.dialog.accept()
        self.dialog = None
        screen = window.takeCentralWidget()
        if screen is not None:
            screen.deleteLater()
        self.lock_screen = None
        if self._contents is not None:
            window.setCentralWidget(self._contents)
            self._contents.show()
        self._contents = None
        window.menuBar().setVisible(self._menus_were_visible)
        for action in window.actions.values():
            action.setEnabled(True)
        self.locked = False  # before the windows come back, so that they may
        hidden, self._hidden = self._hidden, []
        for widget in hidden:
            if shiboken6.isValid(widget):
                widget.show()
        self.lockedChanged.emit(False)
        self._restart()
