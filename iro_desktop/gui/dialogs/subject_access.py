"""The subject-access export: everything held about one child, with its change history, as a
Word document (``services.safety.subject_access_export``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.domain.references import file_name_part
from iro_desktop.gui.screen_fit import limit_minimum_width
from iro_desktop.gui.widgets.dialog_parts import (
    WARNING_STYLE,
    BusyBar,
    FileRow,
    alive,
    error_label,
    note_label,
)
from iro_desktop.gui.widgets.standard_buttons import name_standard_buttons
from iro_desktop.gui.worker import Worker, user_message
from iro_desktop.i18n import N_, _
from iro_desktop.services.safety import subject_access_export
from iro_desktop.services.session import Store

DOCX_FILTER = N_("Word documents (*.docx);;All files (*)")


class SubjectAccessDialog(QDialog):
    """Everything held about the child, with its change history, as a Word document."""

    exported = Signal(object)  # the SubjectAccessReport

    def __init__(
        self,
        worker: Worker,
        store: Store,
        child_ref: str,
        today: date,
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Subject access export: %(child_ref)s") % {"child_ref": child_ref})
        self._worker = worker
        self._store = store
        self._today = today
        self.child_ref = child_ref
        self.report = None
        intro = note_label(
            _(
                "A Word document with everything IRO Desktop holds about child "
                "<b>%(child_ref)s</b>, with the history of every change, for a subject "
                "access request."
            )
            % {"child_ref": child_ref}
        )
        personal = note_label(
            _(
                "<b>The document is personal data.</b> Save it only where your council allows, "
                "send it only by a secure route, and delete your copy when the request is done."
            ),
            WARNING_STYLE,
        )
        safe_ref = file_name_part(child_ref)
        self.file_row = FileRow(
            _("Save the document as"), _(DOCX_FILTER), save=True, default_suffix="docx"
        )
        self.file_row.set_path(Path(folder) / f"subject-access-{safe_ref}-{today.isoformat()}.docx")
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.error = error_label()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(self.buttons)
        self.export_button = self.buttons.addButton(
            _("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        form = QFormLayout()
        form.addRow(_("Save &as:"), self.file_row)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(personal)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_export)
        self.buttons.rejected.connect(self.reject)
        limit_minimum_width(self, 600)

    @Slot()
    def _on_export(self) -> None:
        out = self.file_row.path()
        if out is None:
            self._show_error_text(_("Choose where to save the document."))
            return
        if out.suffix.lower() != ".docx":
            out = out.with_name(out.name + ".docx")
        self.error.setVisible(False)
        self.export_button.setEnabled(False)
        self.busy.start(_("Writing the document…"))
        self._worker.submit(
            subject_access_export,
            self._store,
            self.child_ref,
            out,
            self._today,
            on_result=alive(self, self._on_exported),
            on_error=alive(self, lambda error: self._show_error_text(user_message(error))),
            label=_("Writing the subject access document…"),
        )

    def _on_exported(self, report) -> None:
        self.busy.stop()
        self.report = report
        rows = sum(report.records.values())
        self.result_label.setText(
            _(
                "Saved %(name)s in %(parent)s: %(rows)s record(s) and "
                "%(history_entries)s history entries. It is personal data: keep it "
                "safe."
            )
            % {
                "name": report.path.name,
                "parent": report.path.parent,
                "rows": rows,
                "history_entries": report.history_entries,
            }
        )
        self.export_button.setVisible(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("&Close"))
        self.exported.emit(report)

    def _show_error_text(self, text: str) -> None:
        self.busy.stop()
        self.error.setText(text)
        self.error.setVisible(True)
        self.export_button.setEnabled(True)
