"""The Figures view: the IRO's annual-report tables for a period, with charts and exports.

It only shows what it is given (``set_figures``) and asks for the rest by signal: a period
(``periodChosen``) or an export (``exportRequested``). Its controller
(gui/controllers/figures.py) runs the services on the worker and hands the results back.

The tables are grouped by topic in tabs; each table has its definition written beside it,
and the three charts sit under the tables they draw. Every table is a keyboard-navigable
``QTableView`` over a ``FigureTableModel``; each chart has a text alternative (its table).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.domain.figures.model import Figures, reporting_year
from iro_desktop.domain.figures.tables import FigureTable
from iro_desktop.gui.formatting import format_date
from iro_desktop.gui.models.figures_model import FigureTableModel
from iro_desktop.i18n import N_, _

if TYPE_CHECKING:
    from matplotlib.figure import Figure as ChartFigure

TITLE = N_("Figures")
EXPORT_WORD, EXPORT_CSV, EXPORT_JSON = "word", "csv", "json"
OTHER_DATES = N_("Other dates (choose below)")
YEARS_OFFERED = 4  # this reporting year and the three before it

# Tabs by topic, and the tables in each (by FigureTable.id prefix); anything else: "More".
TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("&Timeliness"), ("timeliness", "reviews_")),
    (N_("&Participation"), ("participation", "views_how", "parents_")),
    (N_("Pr&eparation and follow-up"), ("preparation",)),
    (N_("Challen&ges"), ("challenges",)),
    (N_("Case&load"), ("caseload",)),
)
MORE_TOPIC = N_("&More")
CHART_TEXT = {
    "reviews_by_month": N_("Chart of the reviews held in time, held late and missed each month"),
    "participation_codes": N_("Chart of the reviews held by participation code"),
    "challenges_by_theme": N_("Chart of the challenges raised by theme"),
}
_FIRST_COLUMN_MAX = 430
_DEFINITION_MIN = 260
_CHART_HEIGHT = 380


def topic_for(table_id: str) -> str:
    for title, prefixes in TOPICS:
        if any(table_id.startswith(p) for p in prefixes):
            return title
    return MORE_TOPIC


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def year_text(start: date, end: date) -> str:
    return _("%(year)s to %(year2)s (1 April to 31 March)") % {
        "year": start.year,
        "year2": end.year,
    }


class FigureTableView(QTableView):
    """One figures table, as tall as its rows (the page scrolls, not the table)."""

    def __init__(self, table: FigureTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure_model = FigureTableModel(table, self)
        self.setModel(self.figure_model)
        self.setAccessibleName(_("Table: %(title)s") % {"title": table.title})
        self.setAccessibleDescription(table.definition)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().setVisible(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.fit()
        if self.figure_model.rowCount():  # the keyboard starts on the first row
            self.selectionModel().setCurrentIndex(
                self.figure_model.index(0, 0), self.selectionModel().SelectionFlag.NoUpdate
            )

    def fit(self) -> None:
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        if header.sectionSize(0) > _FIRST_COLUMN_MAX:
            header.resizeSection(0, _FIRST_COLUMN_MAX)
        for column in range(1, self.figure_model.columnCount()):
            header.resizeSection(column, header.sectionSize(column) + 16)
        self.resizeRowsToContents()
        width = sum(header.sectionSize(c) for c in range(self.figure_model.columnCount()))
        height = header.height() + sum(
            self.rowHeight(r) for r in range(self.figure_model.rowCount())
        )
        frame = 2 * self.frameWidth()
        self.setFixedSize(width + frame, height + frame)


class FiguresView(QWidget):
    """Period picker, exports, then the tables (with definitions) and charts by topic."""

    periodChosen = Signal(object, object)  # from, to (dates, both included)
    exportRequested = Signal(str)  # EXPORT_WORD, EXPORT_CSV or EXPORT_JSON

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Figures"))
        self.figures: Figures | None = None
        self.table_views: dict[str, FigureTableView] = {}
        self.canvases: dict[str, QWidget] = {}  # matplotlib's Qt canvases
        self._today: date | None = None

        heading = QLabel(_("<b>Your figures</b>"))
        heading.setAccessibleName(_("Your figures"))
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(_("Reporting year"))
        year_label = QLabel(_("Reporting &year:"))
        year_label.setBuddy(self.year_combo)
        self.from_edit = self._date_edit(_("Period from (included)"))
        self.to_edit = self._date_edit(_("Period to (included)"))
        from_label = QLabel(_("Fro&m:"))
        from_label.setBuddy(self.from_edit)
        to_label = QLabel(_("T&o:"))
        to_label.setBuddy(self.to_edit)
        self.show_button = QPushButton(_("&Show figures"))
        self.show_button.setAccessibleName(_("Show the figures for these dates"))
        self.show_button.setAutoDefault(False)

        period = QHBoxLayout()
        period.addWidget(heading)
        period.addSpacing(16)
        period.addWidget(year_label)
        period.addWidget(self.year_combo)
        period.addSpacing(12)
        period.addWidget(from_label)
        period.addWidget(self.from_edit)
        period.addWidget(to_label)
        period.addWidget(self.to_edit)
        period.addWidget(self.show_button)
        period.addStretch(1)

        self.summary = QLabel(_("Open a caseload to see your figures."))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(_("Summary of the figures"))

        self.word_button = QPushButton(_("Export to &Word…"))
        self.csv_button = QPushButton(_("Export &CSV files…"))
        self.json_button = QPushButton(_("Export &JSON figures file…"))
        for button, kind, what in (
            (self.word_button, EXPORT_WORD, _("Word summary with tables, charts and definitions")),
            (self.csv_button, EXPORT_CSV, _("One CSV file per table, in a folder you choose")),
            (self.json_button, EXPORT_JSON, _("Counts only, for your manager's service roll-up")),
        ):
            button.setToolTip(what)
            button.setAccessibleDescription(what)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, k=kind: self.exportRequested.emit(k))
        self.export_busy = QProgressBar()
        self.export_busy.setRange(0, 0)
        self.export_busy.setMaximumWidth(140)
        self.export_busy.setTextVisible(False)
        self.export_busy.setAccessibleName(_("Exporting"))
        self.export_busy.setVisible(False)
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_status.setAccessibleName(_("Export result"))
        exports = QHBoxLayout()
        for button in (self.word_button, self.csv_button, self.json_button):
            exports.addWidget(button)
        exports.addWidget(self.export_busy)
        exports.addWidget(self.export_status, 1)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Figures by topic"))
        self.tabs.setDocumentMode(True)

        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.summary)
        layout.addLayout(exports)
        layout.addWidget(self.tabs, 1)

        self.year_combo.activated.connect(self._on_year_chosen)
        self.show_button.clicked.connect(self._on_show_clicked)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._on_date_edited)
        self._set_exports_enabled(False)

    # -- public ----------------------------------------------------------------------------
    def set_today(self, today: date) -> None:
        """Offer this reporting year and the ones before it; the dates show this year."""
        self._today = today
        start, end = reporting_year(today)
        self.year_combo.clear()
        for back in range(YEARS_OFFERED):
            year_start = start.replace(year=start.year - back)
            year_end = end.replace(year=end.year - back)
            self.year_combo.addItem(year_text(year_start, year_end), _key(year_start, year_end))
        self.year_combo.addItem(_(OTHER_DATES), "")
        self._show_period(start, end)

    def period(self) -> tuple[date, date]:
        return from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())

    def chosen_year(self) -> tuple[date, date] | None:
        """The reporting year chosen in the list (None for "Other dates")."""
        return _period(self.year_combo.currentData())

    def choose_period(self, start: date, end: date) -> None:
        """Show these dates in the picker and ask for their figures."""
        self._show_period(start, end)
        self._on_show_clicked()

    def set_loading(self, start: date, end: date) -> None:
        self.summary.setText(
            _("Working out your figures for %(start)s…") % {"start": _period_words(start, end)}
        )

    def set_figures(
        self,
        figures: Figures,
        tables: Sequence[FigureTable],
        charts: dict[str, ChartFigure],
    ) -> None:
        self.figures = figures
        self._show_period(figures.period_from, figures.period_to)
        self.summary.setText(summary_text(figures))
        current = self.tabs.tabText(self.tabs.currentIndex()) if self.tabs.count() else ""
        self._clear_tabs()
        pages: dict[str, QVBoxLayout] = {}
        for table in tables:
            topic = topic_for(table.id)
            if topic not in pages:
                pages[topic] = self._add_page(topic)
            chart = charts.get(table.id)
            pages[topic].addWidget(self._table_block(table, chart))
        for layout in pages.values():
            layout.addStretch(1)
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index) == current:
                self.tabs.setCurrentIndex(index)
        self._set_exports_enabled(True)

    def show_problem(self, message: str) -> None:
        self.summary.setText(message)

    def clear(self, message: str | None = None) -> None:
        self.figures = None
        self._clear_tabs()
        self.summary.setText(
            _("Open a caseload to see your figures.") if message is None else message
        )
        self.export_status.clear()
        self._set_exports_enabled(False)

    def set_exporting(self, busy: bool, message: str = "") -> None:
        self.export_busy.setVisible(busy)
        self._set_exports_enabled(not busy and self.figures is not None)
        self.export_status.setText(message)

    def model_for(self, table_id: str) -> FigureTableModel:
        return self.table_views[table_id].figure_model

    def focus_period(self) -> None:
        self.year_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- building --------------------------------------------------------------------------
    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(name)
        edit.setMinimumDate(QDate(2000, 1, 1))
        return edit

    def _add_page(self, topic: str) -> QVBoxLayout:
        content = QWidget()
        content.setAccessibleName(topic.replace("&", ""))
        layout = QVBoxLayout(content)
        layout.setSpacing(6)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.tabs.addTab(scroll, _(topic))
        return layout

    def _table_block(self, table: FigureTable, chart: ChartFigure | None) -> QWidget:
        block = QWidget()
        block.setAccessibleName(table.title)
        layout = QVBoxLayout(block)
        layout.setContentsMargins(0, 8, 0, 12)
        title = QLabel(table.title)
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        title.setFont(font)
        view = FigureTableView(table)
        title.setBuddy(view)
        self.table_views[table.id] = view
        definition = QLabel(
            _("How it is counted: %(definition)s") % {"definition": table.definition}
        )
        definition.setWordWrap(True)
        definition.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        definition.setMinimumWidth(_DEFINITION_MIN)
        definition.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        definition.setAccessibleName(_("Definition: %(title)s") % {"title": table.title})
        definition.setStyleSheet("color: palette(window-text);")
        row = QHBoxLayout()
        row.addWidget(view, 0, Qt.AlignmentFlag.AlignTop)
        row.addSpacing(12)
        row.addWidget(definition, 1)
        layout.addWidget(title)
        layout.addLayout(row)
        if chart is not None:
            # matplotlib loads on first use, not at start-up (it takes ~0.5 s).
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

            canvas = FigureCanvasQTAgg(chart)
            canvas.setAccessibleName(
                _(CHART_TEXT[table.id])
                if table.id in CHART_TEXT
                else _("Chart: %(title)s") % {"title": table.title}
            )
            canvas.setAccessibleDescription(
                _("The numbers are in the table %(title)s.") % {"title": table.title}
            )
            canvas.setMinimumHeight(_CHART_HEIGHT)
            canvas.setMaximumWidth(int(_CHART_HEIGHT * 16 / 9) + 120)
            canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            canvas.setFixedHeight(_CHART_HEIGHT)
            self.canvases[table.id] = canvas
            layout.addWidget(canvas)
        return block

    def _clear_tabs(self) -> None:
        self.table_views.clear()
        self.canvases.clear()
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            page.deleteLater()

    def _show_period(self, start: date, end: date) -> None:
        for edit, day in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)
        index = self.year_combo.findData(_key(start, end))
        self.year_combo.setCurrentIndex(index if index >= 0 else self.year_combo.count() - 1)

    def _set_exports_enabled(self, enabled: bool) -> None:
        for button in (self.word_button, self.csv_button, self.json_button):
            button.setEnabled(enabled)

    # -- slots -----------------------------------------------------------------------------
    @Slot(int)
    def _on_year_chosen(self, index: int) -> None:
        period = _period(self.year_combo.itemData(index))
        if period is None:
            self.from_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.choose_period(*period)

    @Slot()
    def _on_date_edited(self) -> None:
        index = self.year_combo.findData(_key(*self.period()))
        self.year_combo.setCurrentIndex(index if index >= 0 else self.year_combo.count() - 1)

    @Slot()
    def _on_show_clicked(self) -> None:
        start, end = self.period()
        if end < start:
            self.summary.setText(
                _(
                    "The period ends (%(end)s) before it starts (%(start)s): choose an "
                    "earlier From date."
                )
                % {"end": format_date(end), "start": format_date(start)}
            )
            return
        self.periodChosen.emit(start, end)


def _key(start: date, end: date) -> str:
    return f"{start.isoformat()}/{end.isoformat()}"


def _period(key: str | None) -> tuple[date, date] | None:
    if not key:
        return None
    start, end = key.split("/")
    return date.fromisoformat(start), date.fromisoformat(end)


def _period_words(start: date, end: date) -> str:
    return _("%(start)s to %(end)s") % {"start": format_date(start), "end": format_date(end)}


def summary_text(figures: Figures) -> str:
    """One or two sentences: the period, how far it is counted, and the headline numbers."""
    period = _period_words(figures.period_from, figures.period_to)
    if figures.counted_to < figures.period_to:
        counted = _(" The period is still running: counted to %(counted_to)s.") % {
            "counted_to": format_date(figures.counted_to)
        }
    else:
        counted = ""
    in_time = figures.reviews_in_time
    share = f" ({in_time.percent:.1f}%)" if in_time.percent is not None else ""
    return _(
        "%(period)s.%(counted)s %(reviews_held)s reviews held, %(numerator)s "
        "of them in time%(share)s; %(reviews_missed)s missed. "
        "%(children_reviewed)s children reviewed; %(challenges_raised)s "
        "challenges raised."
    ) % {
        "period": period,
        "counted": counted,
        "reviews_held": figures.reviews_held,
        "numerator": in_time.numerator,
        "share": share,
        "reviews_missed": figures.reviews_missed,
        "children_reviewed": figures.children_reviewed,
        "challenges_raised": figures.challenges_raised,
    }
