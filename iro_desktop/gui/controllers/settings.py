"""The open caseload's settings: read on the worker when a caseload is opened and handed to the
context; File > Settings shows them, saves what the IRO changed and tells the context (the
auto-lock and the views follow). A caseload just created gets the set-up wizard (council, the
IRO, services for children), saved the same way, then the first step the IRO chose."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from iro_desktop.domain.settings import Settings
from iro_desktop.gui.context import AppContext
from iro_desktop.gui.widgets.standard_buttons import name_standard_buttons
from iro_desktop.i18n import _
from iro_desktop.services.session import Store
from iro_desktop.services.settings import load_settings, save_settings

if TYPE_CHECKING:  # the dialogs and the 903 import: imported on first use
    from iro_desktop.gui.dialogs.settings import SettingsDialog
    from iro_desktop.gui.dialogs.setup_wizard import SetupWizard
    from iro_desktop.services.exchange import ImportReport

IMPORT_903 = "import_903"  # the set-up's own next step; the others are menu actions


class SettingsController(QObject):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        change_passphrase: Callable[[], object],
        after_saving: Callable[[], object],
        run_action: Callable[[str], object] = lambda _name: None,
    ) -> None:
        """``change_passphrase()``: the dialog's "Change passphrase…" button;
        ``after_saving()``: run once the settings are saved (before the views reload);
        ``run_action(name)``: a menu action (gui/shortcuts.py), the set-up's next step."""
        super().__init__(parent)
        self.context = context
        self._parent = parent
        self._change_passphrase = change_passphrase
        self._after_saving = after_saving
        self._run_action = run_action
        self.dialog: SettingsDialog | None = None
        self.setup: SetupWizard | None = None
        self.chooser: QFileDialog | None = None
        self.report_box: QMessageBox | None = None

    @Slot()
    def reload(self) -> None:
        """Read the open caseload's settings into the context."""
        store = self.context.store
        if store is not None:
            self.context.worker.submit(load_settings, store, on_result=self.context.set_settings)

    def open_settings(self) -> None:
        store = self.context.store
        if store is None:
            self.context.say(_("Open a caseload first: settings are kept in it."), 5000)
            return
        self.context.worker.submit(load_settings, store, on_result=self._on_loaded)

    def _on_loaded(self, settings: Settings) -> None:
        from iro_desktop.gui.dialogs.settings import SettingsDialog

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
            label=_("Saving the settings…"),
        )

    def _on_saved(self, settings: Settings, changed: list[str], next_step: str = "") -> None:
        self.context.say(_("Settings saved.") if changed else _("No settings changed."), 5000)
        self.context.set_settings(settings)
        self._after_saving()
        self.context.data_changed()
        if next_step == IMPORT_903:
            self.choose_903_folder()
        elif next_step:
            self._run_action(next_step)

    # -- a new caseload ------------------------------------------------------------------------
    @Slot(object)
    def set_up(self, store: Store) -> SetupWizard:
        """The set-up of a caseload just created, filled in from the settings in use (a
        second caseload of the same IRO keeps their council and details)."""
        from iro_desktop.gui.dialogs.setup_wizard import SetupWizard

        self.setup = SetupWizard(self.context.settings, self._parent)
        self.setup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setup.setupFinished.connect(
            lambda settings, step: self._on_set_up(store, settings, step)
        )
        self.setup.rejected.connect(
            lambda: self.context.say(
                _(
                    "Set-up skipped: fill in your council and your details in Settings (Ctrl+,) "
                    "before writing letters."
                ),
                15000,
            )
        )
        self.setup.open()
        return self.setup

    def _on_set_up(self, store: Store, settings: Settings, next_step: str) -> None:
        if store is not self.context.store:  # another caseload was opened meanwhile
            return
        self.context.worker.submit(
            save_settings,
            store,
            settings,
            on_result=lambda changed: self._on_saved(settings, changed, next_step),
            label=_("Saving your set-up…"),
        )

    def choose_903_folder(self) -> QFileDialog:
        self.chooser = QFileDialog(self._parent, _("The folder holding your 903 files"))
        self.chooser.setFileMode(QFileDialog.FileMode.Directory)
        self.chooser.setOption(QFileDialog.Option.ShowDirsOnly, True)
        self.chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.chooser.fileSelected.connect(lambda name: self.import_903_folder(Path(name)))
        self.chooser.open()
        return self.chooser

    def import_903_folder(self, folder: Path) -> None:
        from iro_desktop.services.exchange import import_903

        store = self.context.require_store()
        if store is None:
            return
        self.context.worker.submit(
            import_903,
            store,
            folder,
            self.context.today,
            on_result=self._on_903_imported,
            label=_("Importing your 903 files (a backup is taken first)…"),
        )

    def _on_903_imported(self, report: ImportReport) -> None:
        children = report.counts["children"]
        self.context.say(
            _("903 files imported: %(added)s children added, %(updated)s updated.")
            % {"added": children.added, "updated": children.updated},
            15000,
        )
        self.report_box = QMessageBox(
            QMessageBox.Icon.Information,
            _("903 files imported"),
            "\n".join(report.summary_lines()),
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        name_standard_buttons(self.report_box)
        self.report_box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report_box.open()
        self.context.data_changed()
