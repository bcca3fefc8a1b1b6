"""The retention purge: who is past the retention period (reference and initials), and the
IRO's confirmation before the one hard delete in the product (``services.safety``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.gui.screen_fit import fit_to_screen
from iro_desktop.gui.widgets.dialog_parts import (
    WARNING_STYLE,
    BusyBar,
    alive,
    error_label,
    fill_table,
    note_label,
    text_table,
)
from iro_desktop.gui.widgets.standard_buttons import name_standard_buttons
from iro_desktop.gui.worker import Worker, user_message
from iro_desktop.i18n import _
from iro_desktop.services.safety import PurgePreview, purge, purge_preview
from iro_desktop.services.session import Store


class PurgeDialog(QDialog):
    """Who is past the retention period (reference and initials), and the IRO's confirmation
    before the one hard delete in the product."""

    purged = Signal(object)  # the PurgeResult

    def __init__(
        self, worker: Worker, store: Store, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Purge children past retention"))
        self._worker = worker
        self._store = store
        self._today = today
        self.candidates = []
        self.result = None
        self.summary = QLabel(_("Looking for archived children past the retention period…"))
        self.summary.setWordWrap(True)
        self.table = text_table(
            (_("Child reference"), _("Initials"), _("Archived on")), _("To be purged")
        )
        self.warning = note_label(
            _(
                "<b>This cannot be undone.</b> These children's records and the history of every "
                "change to them are removed from this caseload for good (a backup is taken first, "
                "and it ages out of the backups like any other). The history keeps only a note "
                "that a purge happened, with no personal data."
            ),
            WARNING_STYLE,
        )
        self.confirm = QCheckBox(
            _("I &confirm these records should be purged under my council's rule")
        )
        self.error = error_label()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(self.buttons)
        self.purge_button = self.buttons.addButton(
            _("&Purge"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.purge_button.setEnabled(False)
        for widget in (self.table, self.warning, self.confirm):
            widget.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.confirm)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.confirm.toggled.connect(self._update_button)
        self.purge_button.clicked.connect(self._on_purge)
        self.buttons.rejected.connect(self.reject)
        fit_to_screen(self, 600, 460)
        self.busy.start(_("Looking for children past the retention period…"))
        worker.submit(
            purge_preview,
            store,
            today,
            on_result=alive(self, self._on_candidates),
            on_error=alive(self, self._show_error),
            label=_("Looking for children past retention…"),
        )

    def _on_candidates(self, preview: PurgePreview) -> None:
        months = preview.retention_months
        self.busy.stop()
        self.candidates = list(preview.candidates)
        rule = _(
            "Your council's rule (Settings): archived records are kept for "
            "%(months)s month(s) after the child left your caseload."
        ) % {"months": months}
        if not self.candidates:
            self.summary.setText(
                _("No archived child is past the retention period. %(rule)s") % {"rule": rule}
            )
            return
        self.summary.setText(
            _(
                "%(count)s archived child(ren) are past the retention period and "
                "will be purged. %(rule)s"
            )
            % {"count": len(self.candidates), "rule": rule}
        )
        fill_table(
            self.table,
            [(c.child_ref, c.initials, f"{c.archived_on:%d/%m/%Y}") for c in self.candidates],
        )
        for widget in (self.table, self.warning, self.confirm):
            widget.setVisible(True)

    @Slot()
    def _update_button(self) -> None:
        self.purge_button.setEnabled(bool(self.candidates) and self.confirm.isChecked())

    @Slot()
    def _on_purge(self) -> None:
        if not (self.candidates and self.confirm.isChecked()):
            return
        self.purge_button.setEnabled(False)
        self.confirm.setEnabled(False)
        self.busy.start(_("Backing up, then purging…"))
        self._worker.submit(
            purge,
            self._store,
            self._today,
            [c.child_ref for c in self.candidates],
            on_result=alive(self, self._on_purged),
            on_error=alive(self, self._show_error),
            label=_("Purging…"),
        )

    def _on_purged(self, result) -> None:
        self.busy.stop()
        self.result = result
        self.summary.setText(
            _(
                "Purged %(children)s child(ren): %(rows)s record(s) and "
                "%(history_entries)s history entries removed."
            )
            % {
                "children": result.children,
                "rows": result.rows,
                "history_entries": result.history_entries,
            }
        )
        for widget in (self.table, self.warning, self.confirm):
            widget.setVisible(False)
        self.purge_button.setVisible(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("&Close"))
        self.purged.emit(result)

    def _show_error(self, error: BaseException) -> None:
        self.busy.stop()
        self.error.setText(user_message(error))
        self.error.setVisible(True)
        self.confirm.setEnabled(True)
        self._update_button()
