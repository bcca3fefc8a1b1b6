"""What the restore and change-passphrase dialogs share: their job closes the store, acts on
its file and opens it again (``services.session.Reopened``)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Signal

from iro_desktop.gui.worker import user_message
from iro_desktop.services.session import Reopened


class ReopensTheStore:
    """For dialogs that close the store, act on its file (restore, rekey) and reopen it: the
    window always gets the reopened store; the dialog closes on success or says why not."""

    def _finish_reopening(self, outcome: Reopened, reopened: Signal) -> None:
        if outcome.store is not None:
            reopened.emit(outcome.store)  # the window takes it, whatever else happened
        if not shiboken6.isValid(self):
            return
        self.busy.stop()
        if outcome.error is not None:
            self._show_error(outcome.error)
            return
        self.result = outcome.result
        self.accept()

    def _show_error(self, error: BaseException) -> None:
        self._show_error_text(user_message(error))

    def _show_error_text(self, text: str) -> None:
        self.busy.stop()
        self.error.setText(text)
        self.error.setVisible(True)
        self._refresh_buttons()
