"""The open caseload's settings: read on the worker when a caseload is opened and handed to the
context; File > Settings shows them, saves what the IRO changed and tells the context (the
auto-lock and the views follow)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QWidget

from iro_desktop.domain.settings import Settings
from iro_desktop.gui.context import AppContext
from iro_desktop.gui.dialogs.settings import SettingsDialog
from iro_desktop.services.settings import load_settings, save_settings


class SettingsController(QObject):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        change_passphrase: Callable[[], object],
        after_saving: Callable[[], object],
    ) -> None:
        """``change_passphrase()``: the dialog's "Change passphrase…" button;
        ``after_saving()``: run once the settings are saved (before the views reload)."""
        super().__init__(parent)
        self.context = context
        self._parent = parent
        self._change_passphrase = change_passphrase
        self._after_saving = after_saving
        self.dialog: SettingsDialog | None = None

    @Slot()
    def reload(self) -> None:
        """Read the open caseload's settings into the context."""
        store = self.context.store
        if store is not None:
            self.context.worker.submit(load_settings, store, on_result=self.context.set_settings)

    def open_settings(self) -> None:
        store = self.context.store
        if store is None:
            self.context.say("Open a caseload first: settings are kept in it.", 5000)
            return
        self.context.worker.submit(load_settings, store, on_result=self._on_loaded)

    def _on_loaded(self, settings: Settings) -> None:
        self.context.set_settings(settings)
        self.dialog = SettingsDialog(settings, self._parent)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.settingsAccepted.connect(self._on_accepted)
        self.dialog.changePassphraseRequested.connect(self._change_passphrase)
        self.dialog.open()

    @Slot(object)
    def _on_accepted(self, settings: Settings) -> None:
        store = self.context.store
        if store is None:
            return
        self.context.worker.submit(
            save_settings,
            store,
            settings,
            on_result=lambda changed: self._on_saved(settings, changed),
            label="Saving the settings…",
        )

    def _on_saved(self, settings: Settings, changed: list[str]) -> None:
        self.context.say("Settings saved." if changed else "No settings changed.", 5000)
        self.context.set_settings(settings)
        self._after_saving()
        self.context.data_changed()
