"""File > Export 903…: the DfE SSDA903 files (header, episodes, reviews, uasc) for a collection
year, for the council's performance team.

The records are checked against the DfE rules first (on the worker; nothing written). When a
rule is broken the breaches are listed, and the files are written only if the IRO ticks
"Write the files anyway" (to check them in the DfE's own tool).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.exchange.ssda903.spec import FILE_NAMES
from iro_desktop.gui.screen_fit import fit_to_screen
from iro_desktop.gui.widgets.dialog_parts import (
    WARNING_STYLE,
    BusyBar,
    FileRow,
    error_label,
    fill_table,
    note_label,
    text_table,
)
from iro_desktop.gui.widgets.file_job import FileJob, show_in
from iro_desktop.gui.widgets.standard_buttons import name_standard_buttons
from iro_desktop.gui.worker import Worker
from iro_desktop.i18n import _
from iro_desktop.services.exchange import export_903, preview_903
from iro_desktop.services.session import Store


def last_collection_year(today: date) -> int:
    """The latest collection year (1 April to 31 March ``year``) that has ended."""
    return today.year if today.month >= 4 else today.year - 1


class Export903Dialog(QDialog):
    exported = Signal(object)  # the Export903, after the files were written

    def __init__(
        self,
        worker: Worker,
        store: Store,
        today: date,
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export the 903 return"))
        self._store = store
        self.export = None  # the checked Export903 for the year shown
        self.written: list[Path] = []

        intro = note_label(
            _(
                "The DfE SSDA903 files (header.csv, episodes.csv, reviews.csv and uasc.csv) for "
                "your council's performance team. They are checked against the DfE's rules "
                "before they are written. The files hold children's personal data: save them "
                "only where your council allows."
            )
        )
        self.year = QSpinBox()
        self.year.setRange(2000, today.year + 1)
        self.year.setValue(last_collection_year(today))
        self.year.setAccessibleName(_("Collection year ending 31 March"))
        self.year.setMaximumWidth(110)
        self.year_hint = QLabel()
        self.folder_row = FileRow(_("Folder for the 903 files"), folder=True)
        self.folder_row.set_path(folder)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems_table = text_table(
            (_("Rule"), _("File"), _("Row"), _("Child"), _("Columns"), _("What is wrong")),
            _("Breaches of DfE rules"),
        )
        self.problems_table.setVisible(False)
        self.anyway = QCheckBox(
            _("&Write the files anyway (to check them in the DfE's tool; the return will not pass)")
        )
        self.anyway.setVisible(False)
        self.error = error_label()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_standard_buttons(self.buttons)
        self.export_button = self.buttons.addButton(
            _("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setEnabled(False)
        self.job = FileJob(self, worker, self.busy, show_in(self.error), self._update_button)

        form = QFormLayout()
        form.addRow(_("Collection &year ending 31 March:"), self.year)
        form.addRow("", self.year_hint)
        form.addRow(_("&Folder:"), self.folder_row)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems_table, 1)
        self._filler_index = layout.count()
        layout.addStretch(1)  # takes the room while there is no table
        layout.addWidget(self.anyway)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

        self.year.valueChanged.connect(self.check)
        self.anyway.toggled.connect(self._update_button)
        self.buttons.accepted.connect(self._on_export)
        self.buttons.rejected.connect(self.reject)
        fit_to_screen(self, 860, 460)
        self.check()

    @Slot()
    def check(self) -> None:
        """Work out the year's tables and their rule breaches (nothing written)."""
        year = self.year.value()
        self.year_hint.setText(
            _("1 April %(start)s to 31 March %(end)s") % {"start": year - 1, "end": year}
        )
        self.export = None
        self._update_button()
        self.job.run(
            preview_903,
            self._store,
            year,
            busy=_("Checking the records against the DfE rules…"),
            label=_("Checking the 903 return…"),
            on_result=self._on_checked,
            latest="check",
        )

    def _on_checked(self, export) -> None:
        self.export = export
        counts = export.counts()
        text = _(
            "%(children)s child(ren), %(episodes)s episode(s), %(reviews)s review(s) in this year."
        ) % {
            "children": counts.get("header", 0),
            "episodes": counts.get("episodes", 0),
            "reviews": counts.get("reviews", 0),
        }
        notes = list(export.notes)
        if export.problems:
            text += _(
                "\n%(problems)s breach(es) of the DfE 903 rules: complete these records "
                "in IRO Desktop and export again, or write the files anyway."
            ) % {"problems": len(export.problems)}
            self.summary.setStyleSheet(WARNING_STYLE)
        else:
            text += _("\nPasses the DfE 903 rules IRO Desktop checks.")
            self.summary.setStyleSheet("")
        if notes:
            text += "\n" + "\n".join(notes)
        self.summary.setText(text)
        fill_table(
            self.problems_table,
            [
                (
                    p.rule,
                    FILE_NAMES.get(p.table, p.table),
                    p.row,
                    p.child,
                    ", ".join(p.columns),
                    p.message,
                )
                for p in export.problems
            ],
        )
        self.problems_table.setVisible(bool(export.problems))
        self.layout().setStretch(self._filler_index, 0 if export.problems else 1)
        self.anyway.setVisible(bool(export.problems))
        if not export.problems:
            self.anyway.setChecked(False)
        self._update_button()

    @Slot()
    def _update_button(self) -> None:
        ready = self.export is not None and (self.export.passes or self.anyway.isChecked())
        self.export_button.setEnabled(ready)

    @Slot()
    def _on_export(self) -> None:
        folder = self.folder_row.path()
        if folder is None:
            self.job.fail(_("Choose the folder to write the files in."))
            return
        self.error.setVisible(False)
        self.export_button.setEnabled(False)
        self.job.run(
            export_903,
            self._store,
            self.year.value(),
            folder,
            write_with_problems=self.anyway.isChecked(),
            busy=_("Writing the 903 files to %(folder)s…") % {"folder": folder},
            label=_("Writing the 903 files…"),
            on_result=self._on_exported,
        )

    def _on_exported(self, export) -> None:
        self.written = list(export.written)
        folder = self.written[0].parent if self.written else self.folder_row.path()
        self.summary.setStyleSheet("")
        self.summary.setText(
            (_("Written to %(folder)s: ") % {"folder": folder})
            + ", ".join(p.name for p in self.written)
            + "."
            + (_(" They do not pass the DfE rules listed below.") if export.problems else "")
        )
        self.export_button.setEnabled(False)
        self.exported.emit(export)
