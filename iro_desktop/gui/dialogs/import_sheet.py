"""File > Import spreadsheet…: the IRO's own tracker (.xlsx or .csv) in three steps on one
screen: the file; the column mapping (proposed from the headings, or remembered from last
time, each column's field chosen in a combo box); the preview (every row that would be refused
and why, the conflicts with what the IRO recorded in the app, the notes) worked out before
anything is written. Import is enabled only when nothing is refused; it writes all rows or none.

The dialog only shows and collects: reading, previewing and importing run on the worker.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

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
from iro_desktop.i18n import N_, _
from iro_desktop.services.exchange import (
    FIELDS,
    import_spreadsheet,
    preview_spreadsheet,
    propose_mapping,
    read_spreadsheet,
)
from iro_desktop.services.session import Store

SHEET_FILTER = N_("Spreadsheets (*.xlsx *.csv *.txt);;All files (*)")
NOT_IMPORTED = N_("(not imported)")
COL_LETTER, COL_HEADER, COL_SAMPLE, COL_FIELD, COL_HOW = range(5)
MAPPING_HEADERS = (
    N_("Column"),
    N_("Heading"),
    N_("Sample values"),
    N_("Import as"),
    N_("How it was chosen"),
)
PREVIEW_DELAY_MS = 250
ENCODING_NAMES = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "cp1252": "Windows-1252"}
ACTION_LABELS = {
    "add": N_("New child"),
    "update": N_("Update"),
    "no change": N_("No change"),
    "refused": N_("Refused"),
}


def read_and_propose(store: Store, path: Path):
    """Worker job: the sheet and the mapping to propose for it."""
    sheet = read_spreadsheet(path)
    return sheet, propose_mapping(store, sheet)


class ImportSheetDialog(QDialog):
    imported = Signal(object)  # the SheetImportReport, after the rows were written

    def __init__(
        self, worker: Worker, store: Store, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import a spreadsheet"))
        self._store = store
        self._today = today
        self.sheet = None
        self.proposal = None
        self.preview = None
        self.report = None
        self._previews = 0  # previews asked for; only the latest one is shown

        intro = note_label(
            _(
                "Bring in the tracker you have kept yourself (.xlsx or .csv). Check how each "
                "column is read, then look at the preview: nothing is written until you press "
                "Import, and then every row is imported or none is. What you recorded in IRO "
                "Desktop is kept where the file differs."
            )
        )
        self.file_row = FileRow(_("Spreadsheet to import"), _(SHEET_FILTER))
        self.file_info = QLabel()
        self.file_info.setWordWrap(True)
        self.error = error_label()

        self.mapping_table = QTableWidget(0, len(MAPPING_HEADERS))
        self.mapping_table.setHorizontalHeaderLabels([_(h) for h in MAPPING_HEADERS])
        self.mapping_table.setAccessibleName(_("How each column is read"))
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.mapping_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.combos: list[QComboBox] = []

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(_("What the import would do"))
        self.refusals_table = text_table(
            (_("Row"), _("Column"), _("Value"), _("Why")), _("Refused rows")
        )
        self.rows_table = text_table(
            (_("Row"), _("Child"), _("What happens"), _("Changes")), _("Rows")
        )
        self.conflicts_table = text_table(
            (_("Child"), _("Field"), _("Kept (yours)"), _("In the file")), _("Conflicts")
        )
        self.notes_table = text_table((_("Note"),), _("Notes"))
        self.preview_tabs = QTabWidget()
        self.preview_tabs.setAccessibleName(_("Preview"))
        for table, title in (
            (self.refusals_table, _("Refused")),
            (self.rows_table, _("Rows")),
            (self.conflicts_table, _("Conflicts")),
            (self.notes_table, _("Notes")),
        ):
            self.preview_tabs.addTab(table, title)
        self.busy = BusyBar()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_standard_buttons(self.buttons)
        self.import_button = self.buttons.addButton(
            _("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.job = FileJob(self, worker, self.busy, show_in(self.error), self._after_error)

        form = QFormLayout()
        form.addRow(_("&File:"), self.file_row)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.file_info)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(_("<b>1. How each column is read</b> (change any that are wrong)")))
        layout.addWidget(self.mapping_table, 3)
        layout.addWidget(QLabel(_("<b>2. What the import would do</b> (nothing is written yet)")))
        layout.addWidget(self.summary)
        layout.addWidget(self.preview_tabs, 2)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.request_preview)
        self.file_row.pathChosen.connect(self.load_file)
        self.file_row.edit.returnPressed.connect(self._on_path_typed)
        self.buttons.accepted.connect(self._on_import)
        self.buttons.rejected.connect(self.reject)
        fit_to_screen(self, 1000, 820)

    # -- step 1: the file -------------------------------------------------------------------
    @Slot(Path)
    def load_file(self, path: Path) -> None:
        path = Path(path)
        self.file_row.set_path(path)
        self._clear()
        self.job.run(
            read_and_propose,
            self._store,
            path,
            busy=_("Reading %(name)s…") % {"name": path.name},
            label=_("Reading %(name)s…") % {"name": path.name},
            on_result=self._on_read,
        )

    @Slot()
    def _on_path_typed(self) -> None:
        path = self.file_row.path()
        if path is not None:
            self.load_file(path)

    def _on_read(self, result) -> None:
        self.sheet, self.proposal = result
        sheet = self.sheet
        extra = []
        if sheet.sheet_title:
            extra.append(_("sheet “%(sheet_title)s”") % {"sheet_title": sheet.sheet_title})
        if sheet.encoding:
            extra.append(
                _("text read as %(encoding)s")
                % {"encoding": ENCODING_NAMES.get(sheet.encoding, sheet.encoding)}
            )
        self.file_info.setText(
            (
                _("%(name)s: %(rows)s row(s) under the headings in row %(header_row)s")
                % {"name": sheet.name, "rows": len(sheet.rows), "header_row": sheet.header_row}
            )
            + (f" ({', '.join(extra)})" if extra else "")
            + "."
        )
        self._show_mapping()
        self.request_preview()

    # -- step 2: the mapping ----------------------------------------------------------------
    def _show_mapping(self) -> None:
        columns = self.proposal.columns
        self.mapping_table.setRowCount(len(columns))
        self.combos = []
        for row, column in enumerate(columns):
            for col, text in (
                (COL_LETTER, column.letter),
                (COL_HEADER, column.header),
                (COL_SAMPLE, ", ".join(column.sample)),
                (COL_HOW, column.how),
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.mapping_table.setItem(row, col, item)
            combo = QComboBox()
            combo.setAccessibleName(_("Import column %(letter)s as") % {"letter": column.letter})
            combo.addItem(_(NOT_IMPORTED), None)
            for key, spec in FIELDS.items():
                combo.addItem(_(spec.label), key)  # marked in services.exchange
            combo.setCurrentIndex(max(combo.findData(column.field), 0))
            combo.currentIndexChanged.connect(self._on_mapping_changed)
            self.mapping_table.setCellWidget(row, COL_FIELD, combo)
            self.combos.append(combo)
        self.mapping_table.resizeColumnsToContents()
        header = self.mapping_table.horizontalHeader()
        for col, most in ((COL_HEADER, 220), (COL_SAMPLE, 260)):
            if header.sectionSize(col) > most:
                header.resizeSection(col, most)
        header.setSectionResizeMode(COL_HOW, QHeaderView.ResizeMode.Stretch)

    def mapping(self) -> dict[int, str]:
        """The mapping as the combo boxes now say: column index -> field."""
        if self.proposal is None:
            return {}
        return {
            column.index: combo.currentData()
            for column, combo in zip(self.proposal.columns, self.combos, strict=True)
            if combo.currentData()
        }

    def set_field(self, letter: str, field: str | None) -> None:
        """Choose what column ``letter`` is imported as (None: not imported)."""
        for column, combo in zip(self.proposal.columns, self.combos, strict=True):
            if column.letter == letter:
                combo.setCurrentIndex(combo.findData(field))
                return
        raise KeyError(letter)

    @Slot()
    def _on_mapping_changed(self) -> None:
        self.import_button.setEnabled(False)
        self._preview_timer.start()

    # -- step 3: the preview ----------------------------------------------------------------
    @Slot()
    def request_preview(self) -> None:
        if self.sheet is None:
            return
        self._preview_timer.stop()
        self._previews += 1  # an answer still coming for an earlier mapping is not shown
        self.import_button.setEnabled(False)
        mapping = self.mapping()
        if "child_ref" not in mapping.values():
            self.preview = None
            self.summary.setText(
                _(
                    "Choose the column that holds each child's reference (Import as: Child "
                    "reference): rows are matched to your caseload by it."
                )
            )
            self.summary.setStyleSheet(WARNING_STYLE)
            return
        previews = self._previews
        self.job.run(
            preview_spreadsheet,
            self._store,
            self.sheet,
            mapping,
            self._today,
            busy=_("Working out what the import would do…"),
            label=_("Checking every row…"),
            on_result=lambda preview: self._on_preview(previews, preview),
            latest="preview",
        )

    def _on_preview(self, previews: int, preview) -> None:
        if previews != self._previews:
            return  # the mapping changed since (and no preview was asked for it)
        self.preview = preview
        lines = preview.summary_lines()
        first = lines[0] if lines else ""
        if preview.refusals:
            text = _(
                "%(first)s\n%(refusals)s problem(s): nothing will be imported until "
                "each is put right in the file (see Refused). Correct the file, then "
                "choose it again."
            ) % {"first": first, "refusals": len(preview.refusals)}
            self.summary.setStyleSheet(WARNING_STYLE)
        elif not preview.can_import:
            text = _("%(first)s\nThere is nothing to import.") % {"first": first}
            self.summary.setStyleSheet("")
        else:
            text = _("%(first)s\nReady: press Import to write every row.") % {"first": first}
            self.summary.setStyleSheet("")
        self.summary.setText(text)
        fill_table(
            self.refusals_table,
            [(r.row, r.column or _("(whole row)"), r.value, r.reason) for r in preview.refusals],
        )
        fill_table(
            self.rows_table,
            [
                (
                    r.row,
                    r.child_ref,
                    _(ACTION_LABELS[r.action]) if r.action in ACTION_LABELS else r.action,
                    "; ".join(r.changes or r.reasons),
                )
                for r in preview.rows
            ],
        )
        fill_table(
            self.conflicts_table,
            [
                (k.child_ref, f"{k.table}.{k.field}", _shown(k.app_value), _shown(k.file_value))
                for k in preview.conflicts
            ],
        )
        fill_table(self.notes_table, [(w,) for w in preview.warnings])
        counts = (
            len(preview.refusals),
            len(preview.rows),
            len(preview.conflicts),
            len(preview.warnings),
        )
        for index, (title, count) in enumerate(
            zip((_("Refused"), _("Rows"), _("Conflicts"), _("Notes")), counts, strict=True)
        ):
            self.preview_tabs.setTabText(index, f"{title} ({count})")
        self.preview_tabs.setCurrentIndex(0 if preview.refusals else 1)
        self.import_button.setEnabled(preview.can_import)

    # -- importing --------------------------------------------------------------------------
    @Slot()
    def _on_import(self) -> None:
        if self.preview is None or not self.preview.can_import:
            return
        self.import_button.setEnabled(False)
        for combo in self.combos:
            combo.setEnabled(False)
        self.job.run(
            import_spreadsheet,
            self._store,
            self.preview,
            busy=_("Importing %(rows)s row(s)…") % {"rows": len(self.preview.rows)},
            label=_("Importing the spreadsheet…"),
            on_result=self._on_imported,
        )

    def _on_imported(self, report) -> None:
        self.report = report
        self.summary.setStyleSheet("")
        self.summary.setText("\n".join(report.summary_lines()))
        self.import_button.setVisible(False)
        self.imported.emit(report)

    # -- helpers ----------------------------------------------------------------------------
    def _after_error(self) -> None:
        for combo in self.combos:
            combo.setEnabled(True)

    def _clear(self) -> None:
        self.error.setVisible(False)
        self.sheet = self.proposal = self.preview = None
        self.combos = []
        self.mapping_table.setRowCount(0)
        self.summary.clear()
        self.file_info.clear()
        for table in (self.refusals_table, self.rows_table, self.conflicts_table, self.notes_table):
            table.setRowCount(0)
        self.import_button.setVisible(True)
        self.import_button.setEnabled(False)


def _shown(value: object) -> str:
    if value is None or value == "":
        return _("(blank)")
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value)
