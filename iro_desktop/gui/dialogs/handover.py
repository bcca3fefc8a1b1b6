""" "Hand over…" on the child view: the child's full record in one encrypted file (.iro) for the
next IRO, locked with a passphrase chosen for this handover (typed twice), which the IRO gives
to the next IRO separately. The suggested file name holds only initials and the reference.
"""

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
from iro_desktop.gui.widgets.file_job import FileJob, show_in
from iro_desktop.gui.widgets.passphrase import NewPassphrase
from iro_desktop.gui.widgets.standard_buttons import name_standard_buttons
from iro_desktop.gui.worker import Worker
from iro_desktop.i18n import N_, _
from iro_desktop.services.exchange import make_handover, suggested_handover_name
from iro_desktop.services.session import Store

BUNDLE_FILTER = N_("IRO Desktop handover files (*.iro);;All files (*)")


class HandoverDialog(QDialog):
    handedOver = Signal(object)  # the Bundle written

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
        self.setWindowTitle(_("Hand over %(child_ref)s") % {"child_ref": child_ref})
        self._store = store
        self.child_ref = child_ref
        self.bundle = None

        intro = note_label(
            _(
                "Everything held about child <b>%(child_ref)s</b> (history, decisions, "
                "meetings, challenges and letters' details) goes into one encrypted "
                "file for the IRO taking the child on. Choose a passphrase for this "
                "handover only."
            )
            % {"child_ref": child_ref}
        )
        self.new_passphrase = NewPassphrase(_("Handover passphrase"), parent=self)
        self.passphrase = self.new_passphrase.first
        self.again = self.new_passphrase.again
        self.strength = self.new_passphrase.strength
        separately = note_label(
            _(
                "Give the passphrase to the next IRO <b>separately</b>: by phone or in person, "
                "never in the same email or on the same memory stick as the file."
            ),
            WARNING_STYLE,
        )
        self.file_row = FileRow(
            _("Save the handover file as"), _(BUNDLE_FILTER), save=True, default_suffix="iro"
        )
        self.file_row.set_path(Path(folder) / f"handover-{file_name_part(child_ref)}.iro")
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.error = error_label()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(self.buttons)
        self.save_button = self.buttons.addButton(
            _("&Hand over"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.job = FileJob(self, worker, self.busy, show_in(self.error), self._on_typed)

        form = QFormLayout()
        self.new_passphrase.add_rows(form)
        form.addRow(_("Save &as:"), self.file_row)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(separately)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

        self.new_passphrase.changed.connect(self._on_typed)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        limit_minimum_width(self, 620)
        self._on_typed()
        worker.submit(
            suggested_handover_name,
            store,
            [child_ref],
            today,
            on_result=alive(self, lambda name: self.file_row.set_path(Path(folder) / name)),
            label=_("Naming the handover file…"),
        )

    @Slot()
    def _on_typed(self) -> None:
        usable = self.new_passphrase.assess()
        self.save_button.setEnabled(usable and self.bundle is None)

    @Slot()
    def _on_save(self) -> None:
        out = self.file_row.path()
        if out is None:
            self.job.fail(_("Choose where to save the handover file."))
            return
        if out.suffix != ".iro":
            out = out.with_name(out.name + ".iro")
        self.error.setVisible(False)
        self.save_button.setEnabled(False)
        self.job.run(
            make_handover,
            self._store,
            [self.child_ref],
            out,
            self.passphrase.text(),
            busy=_("Encrypting the handover file…"),
            label=_("Writing the handover file…"),
            on_result=lambda bundle: self._on_saved(out, bundle),
        )

    def _on_saved(self, out: Path, bundle) -> None:
        self.bundle = bundle
        rows = sum(bundle.counts().values())
        self.result_label.setText(
            _(
                "Saved %(name)s in %(parent)s (%(rows)s record(s)). Send the file, and "
                "give the passphrase separately."
            )
            % {"name": out.name, "parent": out.parent, "rows": rows}
        )
        self.new_passphrase.set_enabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("&Close"))
        self.save_button.setVisible(False)
        self.handedOver.emit(bundle)
