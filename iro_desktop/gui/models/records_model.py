"""A thin, read-only table model over a list of plain records, described by its columns.

Each ``Column`` says how to show a row in words (and optionally a tooltip, an icon, emphasis
and a sort value). The model answers ``SORT_ROLE`` so a ``QSortFilterProxyModel`` sorts dates
and numbers by value, and ``ROW_ROLE`` with the row object itself, so views never parse text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from iro_desktop.i18n import _

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3

# Icon names a column may ask for; each is a standard icon of the current style, so it follows
# the platform's look. An icon always comes with words: it is never the only signal.
ICON_WARNING = "warning"
ICON_OK = "ok"
ICON_ERROR = "error"
ICON_INFO = "info"
_STANDARD_ICONS = {
    ICON_WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    ICON_OK: QStyle.StandardPixmap.SP_DialogApplyButton,
    ICON_ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    ICON_INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}
_ALERT_ON_LIGHT = QColor("#a1121a")  # dark red: readable on a light background
_ALERT_ON_DARK = QColor("#ff8a80")  # light red: readable on a dark background

AnyIndex = QModelIndex | QPersistentModelIndex


def standard_icon(name: str) -> QIcon:
    """The style's icon for ``ICON_WARNING`` and friends (an empty icon for other names)."""
    pixmap = _STANDARD_ICONS.get(name)
    app = QApplication.instance()
    if pixmap is None or not isinstance(app, QApplication):
        return QIcon()
    return app.style().standardIcon(pixmap)


def alert_colour() -> QColor:
    """Red that stays readable on the palette in use (light or dark)."""
    base = QGuiApplication.palette().base().color()
    return _ALERT_ON_DARK if base.lightness() < 128 else _ALERT_ON_LIGHT


@dataclass(frozen=True)
class Column:
    """One column: its heading and how to show (and sort) a row in it."""

    title: str  # marked with N_; translated where it is shown
    text: Callable[[Any], str]
    sort: Callable[[Any], int | str] | None = None  # default: the text, case-folded
    tooltip: Callable[[Any], str] | None = None  # default: the text when it is long
    icon: Callable[[Any], str | None] | None = None  # an ICON_* name, or None
    alert: Callable[[Any], bool] | None = None  # bold and red (always with words too)
    numeric: bool = False  # right-aligned
    header_tooltip: str = ""  # marked with N_ too


_LONG_TEXT = 40


class RecordsTableModel(QAbstractTableModel):
    """Read-only rows of any plain objects, shown through a list of ``Column``s."""

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Any] = (),
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns: list[Column] = list(columns)
        self._rows: list[Any] = list(rows)

    # The model's own API ---------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def column(self, section: int) -> Column:
        return self._columns[section]

    # QAbstractTableModel ---------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

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
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _(column.title)
        if role == Qt.ItemDataRole.ToolTipRole and column.header_tooltip:
            return _(column.header_tooltip)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if index.column() >= len(self._columns):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.AccessibleTextRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row).casefold()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip is not None:
                return column.tooltip(row) or None
            text = column.text(row)
            return text if len(text) > _LONG_TEXT else None
        if role == Qt.ItemDataRole.DecorationRole:
            name = column.icon(row) if column.icon else None
            return standard_icon(name) if name else None
        if role == Qt.ItemDataRole.FontRole:
            if column.alert and column.alert(row):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return alert_colour() if column.alert and column.alert(row) else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.numeric:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return None
        return None
