"""What every controller and view is given instead of the main window.

``AppContext`` holds the worker, today's date, the open caseload (the store session), its
settings and three signals: a caseload was opened, the data changed (with the child whose
record changed, or ``None`` for anything), and a message for the status bar. Controllers ask
the worker for store work through it, say what they changed, and the views that show that
data reload themselves from ``dataChanged``; nobody reaches into the window's attributes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal

from iro_desktop.domain.settings import Settings
from iro_desktop.gui.worker import Worker
from iro_desktop.i18n import _
from iro_desktop.services.session import Store

STATUS_MS = 8000


def close_store(store: Store) -> None:
    store.close()


class AppContext(QObject):
    storeChanged = Signal()  # another caseload (or the same file reopened) is now open
    dataChanged = Signal(object)  # the child reference whose record changed; None: anything
    settingsChanged = Signal(object)  # the open caseload's Settings, after loading or saving
    statusMessage = Signal(str, int)  # text for the status bar, milliseconds to show it

    def __init__(self, worker: Worker, today: date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.today = today
        self._store: Store | None = None
        self._settings = Settings()

    # -- the open caseload -----------------------------------------------------------------
    @property
    def store(self) -> Store | None:
        return self._store

    @property
    def settings(self) -> Settings:
        """The open caseload's settings (the defaults until they have been read)."""
        return self._settings

    def set_store(self, store: Store) -> None:
        """Make ``store`` the open caseload (closing the one before on the worker)."""
        if self._store is not None and self._store is not store:
            self.worker.submit(close_store, self._store, label=_("Closing the caseload…"))
        self._store = store
        self.storeChanged.emit()

    def close_store(self) -> None:
        """Close the open caseload (quitting): queued after every job already asked for."""
        if self._store is not None:
            self.worker.submit(close_store, self._store)
            self._store = None

    def set_settings(self, settings: Settings) -> None:
        """The open caseload's settings, as read or saved (``controllers/settings.py``)."""
        self._settings = settings
        self.settingsChanged.emit(settings)

    # -- telling the others ----------------------------------------------------------------
    def data_changed(self, child_ref: str | None = None) -> None:
        """Something was written: every view showing it reloads (``None``: everything)."""
        if self._store is not None:
            self.dataChanged.emit(child_ref)

    def say(self, message: str, milliseconds: int = STATUS_MS) -> None:
        self.statusMessage.emit(message, milliseconds)

    def require_store(self) -> Store | None:
        """The open caseload, or ``None`` after telling the IRO to open one."""
        if self._store is None:
            self.say(_("Open a caseload first."), 5000)
        return self._store
