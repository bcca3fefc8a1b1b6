"""The caseload view: every child on one sortable table, searched as the IRO types.

The view only shows the rows it is given (``set_rows``); ``controllers/caseload.py`` reads
them off the GUI thread and again with archived children when ``includeArchivedChanged`` says
so. Opening a child (double-click or Enter) emits ``childActivated`` with its reference.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.gui.models.caseload_model import (
    COL_NAME,
    COL_NEXT_DUE,
    COL_PLACEMENT,
    COL_SOCIAL_WORKER,
    ROW_ROLE,
    CaseloadFilterProxyModel,
    CaseloadTableModel,
)
from iro_desktop.gui.screen_fit import fit_columns
from iro_desktop.i18n import _, ngettext
from iro_desktop.services.child import CaseloadRow

_MAX_COLUMN_WIDTH = {COL_NAME: 220, COL_PLACEMENT: 260, COL_SOCIAL_WORKER: 180, COL_NEXT_DUE: 260}
_DEFAULT_MAX_COLUMN_WIDTH = 200
_ACTIVATE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CaseloadView(QWidget):
    """Search box, archived toggle, a count and the caseload table."""

    childActivated = Signal(str)  # child_ref
    includeArchivedChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Caseload"))
        self._columns_sized = False
        self._natural: dict[int, int] = {}

        self.model = CaseloadTableModel(self)
        self.proxy = CaseloadFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)

        search_label = QLabel(_("&Search:"), self)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("caseloadSearch")
        self.search_box.setPlaceholderText(_("Name, reference, social worker or placement"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(_("Search the caseload"))
        self.search_box.setAccessibleDescription(
            _(
                "Shows only the children whose name, reference, social worker or placement "
                "contains the text; the table updates as you type"
            )
        )
        self.search_box.setMinimumWidth(320)
        search_label.setBuddy(self.search_box)
        search_label.setAccessibleName(_("Search label"))

        self.archived_checkbox = QCheckBox(_("Show &archived children"), self)
        self.archived_checkbox.setAccessibleName(_("Show archived children"))

        self.count_label = QLabel(self)
        self.count_label.setObjectName("caseloadCount")
        self.count_label.setAccessibleName(_("Number of children shown"))

        self.table_view = QTableView(self)
        self.table_view.setObjectName("caseloadTable")
        self.table_view.setAccessibleName(_("Caseload table"))
        self.table_view.setAccessibleDescription(
            _("One row per child. Press Enter or double-click to open the child's record.")
        )
        self.table_view.setModel(self.proxy)
        self.table_view.setSortingEnabled(True)
        self.table_view.sortByColumn(COL_NEXT_DUE, Qt.SortOrder.AscendingOrder)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.setAlternatingRowColors(True)
        self.table_view.setWordWrap(False)
        self.table_view.setTabKeyNavigation(False)
        self.table_view.verticalHeader().setVisible(False)
        header = self.table_view.horizontalHeader()
        header.setAccessibleName(_("Caseload columns: click or press to sort"))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table_view.installEventFilter(self)
        self.table_view.viewport().installEventFilter(self)  # its width: refit the columns
        self.search_box.installEventFilter(self)  # Down: into the list

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search_box, 1)
        top.addSpacing(16)
        top.addWidget(self.archived_checkbox)
        top.addStretch(1)
        top.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table_view, 1)

        self.search_box.textChanged.connect(self._on_search_changed)
        self.search_box.returnPressed.connect(self._on_search_return)
        self.archived_checkbox.toggled.connect(self._on_archived_toggled)
        self.table_view.doubleClicked.connect(self._on_index_activated)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self._update_count()

    # Public API ------------------------------------------------------------------------
    def set_rows(self, rows: list[CaseloadRow], today: date) -> None:
        """Show these children; ``today`` decides which next reviews are overdue."""
        keep = self.current_child_ref()
        self.model.set_rows(rows, today)
        if not self._columns_sized and rows:
            self._size_columns()
        if keep is not None:
            self.select_child(keep)
        self._update_count()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def include_archived(self) -> bool:
        return self.archived_checkbox.isChecked()

    def current_child_ref(self) -> str | None:
        row = self._row_for(self.table_view.currentIndex())
        return row.child_ref if row else None

    def select_child(self, child_ref: str) -> bool:
        """Make the child's row current (when it is shown); True when it is."""
        source_row = self.model.row_for_ref(child_ref)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, COL_NAME))
        if not index.isValid():
            return False
        self.table_view.setCurrentIndex(index)
        self.table_view.scrollTo(index)
        return True

    # Slots -----------------------------------------------------------------------------
    @Slot(str)
    def _on_search_changed(self, text: str) -> None:
        self.proxy.set_search_text(text)
        self._update_count()

    @Slot()
    def _on_search_return(self) -> None:
        """Enter in the search box moves to the first child shown, ready for Enter again."""
        if self.proxy.rowCount() == 0:
            return
        self.table_view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table_view.currentIndex().isValid():
            self.table_view.setCurrentIndex(self.proxy.index(0, COL_NAME))

    @Slot(bool)
    def _on_archived_toggled(self, checked: bool) -> None:
        self.proxy.set_show_archived(checked)
        self._update_count()
        self.includeArchivedChanged.emit(checked)

    @Slot(QModelIndex)
    def _on_index_activated(self, index: QModelIndex) -> None:
        row = self._row_for(index)
        if row is not None:
            self.childActivated.emit(row.child_ref)

    @Slot()
    def _update_count(self) -> None:
        total = self.proxy.visible_total()
        shown = self.proxy.rowCount()
        if total == 0:
            text = _("No children to show")
        elif shown == total:
            text = ngettext("%(count)d child", "%(count)d children", total) % {"count": total}
        else:
            text = _("%(shown)s of %(total)s shown") % {"shown": shown, "total": total}
        self.count_label.setText(text)

    # Helpers ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Resize
            and self._columns_sized
            and watched is self.table_view.viewport()
        ):
            self._fit_width()
        if (
            watched is self.search_box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
            and self.proxy.rowCount()
        ):
            # Search, Down, Enter: Down goes to the first child shown, so one Enter opens it.
            self.table_view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table_view.setCurrentIndex(self.proxy.index(0, COL_NAME))
            return True
        if (
            watched is self.table_view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ACTIVATE_KEYS
        ):
            self._on_index_activated(self.table_view.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _row_for(self, index: QModelIndex) -> CaseloadRow | None:
        if not index.isValid():
            return None
        return index.siblingAtColumn(COL_NAME).data(ROW_ROLE)

    def _size_columns(self) -> None:
        """Every column as wide as its words (capped), then fitted into the width."""
        self.table_view.resizeColumnsToContents()
        header = self.table_view.horizontalHeader()
        for column in range(self.model.columnCount()):
            limit = _MAX_COLUMN_WIDTH.get(column, _DEFAULT_MAX_COLUMN_WIDTH)
            if header.sectionSize(column) > limit:
                header.resizeSection(column, limit)
        self._natural = {c: header.sectionSize(c) for c in range(self.model.columnCount())}
        self._columns_sized = True
        self._fit_width()

    def _fit_width(self) -> None:
        """The whole row in view: the widest columns give way most (a cut cell shows in full
        as its tooltip)."""
        fit_columns(self.table_view, self._natural, floor=90)
