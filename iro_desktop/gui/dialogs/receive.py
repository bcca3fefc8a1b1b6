"""File > Receive handover…: another IRO's encrypted handover file (.iro) brought into this
caseload. The file is opened and checked first (nothing written) and its summary shown, by
reference and initials; only then does Receive bring it in. Receiving the same file again
adds nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.gui.dialogs.handover import BUNDLE_FILTER
from iro_desktop.gui.screen_fit import fit_to_screen
from iro_desktop.gui.widgets.dialog_parts import (
    BusyBar,
    FileRow,
    error_label,
    fill_table,
    note_label,
    password_field,
    text_table,
)
from iro_desktop.gui.widgets.file_job import FileJob, show_in
from iro_desktop.gui.widgets.standard_buttons import name_standard_buttons
from iro_desktop.gui.worker import Worker
from iro_desktop.i18n import _
from iro_desktop.services.exchange import (
    SameReference,
    SameReferenceRefused,
    open_handover,
    receive_handover,
)
from iro_desktop.services.session import Store


class ReceiveDialog(QDialog):
    received = Signal(object)  # the ReceiveReport

    def __init__(
        self, worker: Worker, store: Store, folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Receive a handover"))
        self._store = store
        self.bundle = None
        self.report = None

        intro = note_label(
            _(
                "Bring in the children another IRO handed over to you. Choose the .iro file they "
                "sent and type the passphrase they gave you. You will see which children it holds "
                "before anything is added to your caseload."
            )
        )
        self.file_row = FileRow(_("Handover file"), _(BUNDLE_FILTER))
        self.file_row.set_path(folder)
        self.passphrase = password_field(_("Handover passphrase"))
        self.open_button = QPushButton(_("&Open the file"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.children_table = text_table(
            (_("Child reference"), _("Initials")), _("Children in the file")
        )
        self.children_table.setVisible(False)
        self.report_text = QPlainTextEdit()
        self.report_text.setReadOnly(True)
        self.report_text.setAccessibleName(_("What was received"))
        self.report_text.setVisible(False)
        self.error = error_label()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_standard_buttons(self.buttons)
        self.receive_button = self.buttons.addButton(
            _("&Receive"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.receive_button.setEnabled(False)
        self.job = FileJob(
            self,
            worker,
            self.busy,
            show_in(self.error),
            lambda: self.open_button.setEnabled(True),
        )

        form = QFormLayout()
        form.addRow(_("&File:"), self.file_row)
        form.addRow(_("&Passphrase:"), self.passphrase)
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_button)
        open_row.addStretch(1)
        form.addRow("", open_row)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.children_table, 1)
        layout.addWidget(self.report_text, 2)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

        self.open_button.clicked.connect(self.open_file)
        self.passphrase.returnPressed.connect(self.open_file)
        self.file_row.edit.textChanged.connect(self._on_changed)
        self.passphrase.textChanged.connect(self._on_changed)
        self.buttons.accepted.connect(self._on_receive)
        self.buttons.rejected.connect(self.reject)
        fit_to_screen(self, 680, 520)

    @Slot()
    def _on_changed(self) -> None:
        if self.bundle is not None and self.report is None:
            self.bundle = None
            self.receive_button.setEnabled(False)
            self.children_table.setVisible(False)
            self.summary.clear()

    @Slot()
    def open_file(self) -> None:
        """Decrypt and check the file, then show what it holds (nothing written)."""
        path = self.file_row.path()
        if path is None or path.is_dir():
            self.job.fail(_("Choose the .iro file the other IRO sent you."))
            return
        if not self.passphrase.text():
            self.job.fail(_("Type the passphrase the other IRO gave you."))
            return
        self.error.setVisible(False)
        self.open_button.setEnabled(False)
        self.job.run(
            open_handover,
            path,
            self.passphrase.text(),
            busy=_("Opening %(name)s…") % {"name": path.name},
            label=_("Opening the handover file…"),
            on_result=self._on_opened,
        )

    def _on_opened(self, bundle) -> None:
        self.open_button.setEnabled(True)
        self.bundle = bundle
        self.report = None
        children = bundle.summary()
        records = sum(bundle.counts().values())
        name = bundle.name
        if bundle.made_at:
            name = _("%(name)s, made %(day)s") % {"name": name, "day": bundle.made_at[:10]}
        self.summary.setText(
            _(
                "%(name)s: %(children)s child(ren), %(records)s record(s). "
                "Press Receive to add them to your caseload; children already in it "
                "are brought up to date, and what you changed yourself is kept."
            )
            % {"name": name, "children": len(children), "records": records}
        )
        fill_table(self.children_table, [(c["child"], c["initials"]) for c in children])
        self.children_table.setVisible(True)
        self.receive_button.setEnabled(True)

    @Slot()
    def _on_receive(self, same_reference: str = SameReference.REFUSE) -> None:
        if self.bundle is None:
            return
        self.receive_button.setEnabled(False)
        self.job.run(
            receive_handover,
            self._store,
            self.bundle,
            same_reference=same_reference,
            busy=_("Receiving…"),
            label=_("Receiving the handover…"),
            on_result=self._on_received,
            handles=self._ask_about_same_reference,
        )

    def _ask_about_same_reference(self, error: BaseException) -> bool:
        """A child in the file has the reference of a different child here: the IRO decides
        (nothing was written; the default leaves the caseload as it is)."""
        if not isinstance(error, SameReferenceRefused):
            return False
        box = QMessageBox(
            QMessageBox.Icon.Question, _("Same reference, different child"), "", parent=self
        )
        box.setText(str(error))
        box.setInformativeText(
            _(
                "Nothing has been added yet. Leave those children out, or, if it is the same child "
                "with different details, receive their records and keep the name and date of birth "
                "you hold."
            )
        )
        leave_out = box.addButton(_("&Leave them out"), QMessageBox.ButtonRole.AcceptRole)
        keep_mine = box.addButton(
            _("&Same child: keep my details"), QMessageBox.ButtonRole.AcceptRole
        )
        cancel = box.addButton(_("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        chosen = box.clickedButton()
        if chosen is leave_out:
            self._on_receive(SameReference.SKIP)
        elif chosen is keep_mine:
            self._on_receive(SameReference.KEEP_MINE)
        else:
            self.receive_button.setEnabled(True)
            self.summary.setText(_("Nothing was received. ") + str(error))
        return True

    def _on_received(self, report) -> None:
        self.report = report
        lines = report.summary_lines()
        self.summary.setText(lines[0] if lines else "")
        self.report_text.setPlainText("\n".join(lines[1:]))
        self.report_text.setVisible(len(lines) > 1)
        self.received.emit(report)
