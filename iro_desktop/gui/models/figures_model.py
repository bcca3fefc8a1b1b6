"""A read-only table model over one ``FigureTable`` of the IRO's figures.

Cells are shown exactly as the Word and CSV exports write them (``format_cell``), numbers are
right-aligned, and a "Total" row is bold. ``VALUE_ROLE`` gives the cell's own value (a whole
number, a percentage or None), so tests and views never parse text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from iro_desktop.domain.figures.tables import FigureTable
from iro_desktop.services.figures import format_cell

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex
NOT_APPLICABLE = "—"  # an empty "Out of" or "Per cent" cell, said in words for screen readers
TOTAL_LABEL = "Total"  # the figures' own row label (data, matched)


class FigureTableModel(QAbstractTableModel):
    def __init__(self, table: FigureTable | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table

    # The model's own API ---------------------------------------------------------------
    @property
    def table(self) -> FigureTable | None:
        return self._table

    def row_values(self, row: int) -> tuple[Any, ...]:
        assert self._table is not None
        return self._table.rows[row]

    def value_for(self, label: str, column: int = 1) -> Any:
        """The value in ``column`` of the row whose first cell is ``label``."""
        assert self._table is not None
        for row in self._table.rows:
            if row[0] == label:
                return row[column]
        raise KeyError(label)

    # QAbstractTableModel ---------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if parent.isValid() or self._table is None:
            return 0
        return len(self._table.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if parent.isValid() or self._table is None:
            return 0
        return len(self._table.columns)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if self._table is None or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self._table.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._table.columns[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._table is None or not index.isValid():
            return None
        if index.row() >= len(self._table.rows) or index.column() >= len(self._table.columns):
            return None
        value = self._table.rows[index.row()][index.column()]
        column = self._table.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_cell(value, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = format_cell(value, column)
            return text or NOT_APPLICABLE
        if role == VALUE_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(index.column())
        if role == Qt.ItemDataRole.FontRole and self._table.rows[index.row()][0] == TOTAL_LABEL:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            text = str(value)
            return text if len(text) > 40 else None
        return None


def _alignment(column: int) -> Qt.AlignmentFlag:
    if column == 0:
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
