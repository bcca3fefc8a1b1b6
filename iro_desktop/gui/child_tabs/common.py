"""Pieces every child tab uses: a read-only records table, a titled section, a value label."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from PySide6.QtCore import QEvent, QItemSelectionModel, QRect, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.gui.models.records_model import Column, RecordsTableModel, standard_icon
from iro_desktop.gui.screen_fit import fit_columns
from iro_desktop.i18n import _

_MAX_COLUMN_WIDTH = 240
_MIN_VISIBLE_ROWS = 2  # small screens (1366x768, or 1080p at 150%) still fit the window
_ROW_PADDING = 8  # pixels above and below the text together: calmer, easier to read


class RecordsTableView(QTableView):
    """A read-only, keyboard-navigable table whose long-text columns wrap at set widths."""

    def __init__(
        self,
        model: RecordsTableModel,
        accessible_name: str,
        *,
        wrap_widths: dict[int, int] | None = None,
        select_first: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._wrap_widths = dict(wrap_widths or {})
        self._natural: dict[int, int] = {}  # each column's width for its words
        self._select_first = select_first
        self.setModel(model)
        self.setAccessibleName(accessible_name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setAccessibleName(
            _("%(accessible_name)s: row numbers") % {"accessible_name": accessible_name}
        )
        header = self.horizontalHeader()
        header.setAccessibleName(
            _("%(accessible_name)s: column headings") % {"accessible_name": accessible_name}
        )
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        model.modelReset.connect(self.fit_to_contents)

    def fit_to_contents(self) -> None:
        """Columns as wide as their words (long ones capped and wrapped), rows as tall."""
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for column in range(self.model().columnCount()):
            if column in self._wrap_widths:
                header.resizeSection(column, self._wrap_widths[column])
            elif header.sectionSize(column) > _MAX_COLUMN_WIDTH:
                header.resizeSection(column, _MAX_COLUMN_WIDTH)
        self._natural = {c: header.sectionSize(c) for c in range(self.model().columnCount())}
        fit_columns(self, self._natural)  # the whole row in view: narrower columns wrap
        self._fit_row_heights()
        if self.model().rowCount() and not self.currentIndex().isValid():
            first = self.model().index(0, 0)
            if self._select_first:  # a list that drives a detail pane: show the first
                self.setCurrentIndex(first)
            else:  # keyboard focus starts on the first row without highlighting it
                self.selectionModel().setCurrentIndex(
                    first, QItemSelectionModel.SelectionFlag.NoUpdate
                )

    def viewportEvent(self, event: QEvent) -> bool:
        """A new width (the window resized, a scroll bar came or went, the tab was shown):
        fit the columns into it again."""
        if event.type() == QEvent.Type.Resize and self._natural:
            resized = cast(QResizeEvent, event)
            if resized.size().width() != resized.oldSize().width():
                fit_columns(self, self._natural)
                self._fit_row_heights()
        return super().viewportEvent(event)

    def _fit_row_heights(self) -> None:
        """Each row as tall as its tallest wrapped cell, in every column.

        (``resizeRowsToContents`` only measures the columns in view, so a wrapped cell
        scrolled off to the right would be cut short.)"""
        model = self.model()
        header = self.horizontalHeader()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        for row in range(model.rowCount()):
            height = 0
            for column in range(model.columnCount()):
                if self.isColumnHidden(column):
                    continue
                index = model.index(row, column)
                option.rect = QRect(0, 0, header.sectionSize(column), 1)
                hint = self.itemDelegateForIndex(index).sizeHint(option, index)
                height = max(height, hint.height())
            self.setRowHeight(row, height + _ROW_PADDING)


class RecordsSection(QWidget):
    """A heading, then a table of records, or a sentence saying there are none."""

    def __init__(
        self,
        title: str,
        columns: Sequence[Column],
        empty_text: str,
        *,
        wrap_widths: dict[int, int] | None = None,
        select_first: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self.heading = heading_label(title, self)
        self.empty_label = QLabel(empty_text, self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName(_("%(title)s: none") % {"title": title})
        self.model = RecordsTableModel(columns, parent=self)
        self.table = RecordsTableView(
            self.model,
            _("%(title)s table") % {"title": title},
            wrap_widths=wrap_widths,
            select_first=select_first,
            parent=self,
        )
        self.table.setMinimumHeight(self._rows_height(_MIN_VISIBLE_ROWS))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        self.set_rows([])

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.model.set_rows(rows)
        has_rows = bool(rows)
        self.table.setVisible(has_rows)
        self.empty_label.setVisible(not has_rows)

    def _rows_height(self, rows: int) -> int:
        line = self.fontMetrics().height() + 10
        return line * (rows + 1)


def heading_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def value_label(accessible_name: str, parent: QWidget | None = None) -> QLabel:
    """A wrapped, selectable label for one value in a form."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    label.setAccessibleName(accessible_name)
    label.setProperty("showsRecordData", True)  # what was recorded: never translated
    return label


class ValueForm(QWidget):
    """Labels and values in two columns, each value wrapped and selectable."""

    def __init__(
        self,
        fields: Sequence[tuple[str, str]],
        accessible_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self._values: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._layout = layout
        for key, field_title in fields:  # titles marked with N_
            title = _(field_title)
            label = QLabel(_("%(title)s:") % {"title": title}, self)
            label.setAccessibleName(title)
            value = value_label(title, self)
            label.setBuddy(value)
            layout.addRow(label, value)
            self._values[key] = value

    def set_value(self, key: str, text: str) -> None:
        self._values[key].setText(text)
        self._values[key].setAccessibleDescription(text)

    def value(self, key: str) -> str:
        return self._values[key].text()

    def set_row_visible(self, key: str, visible: bool) -> None:
        self._layout.setRowVisible(self._values[key], visible)

    def text(self) -> str:
        """Every visible value, one a line (what a screen reader or a test reads)."""
        return "\n".join(
            value.text()
            for value in self._values.values()
            if self._layout.isRowVisible(value) and value.text()
        )

    def clear(self) -> None:
        for value in self._values.values():
            value.clear()


class StatusLine(QWidget):
    """An icon and words side by side: a status is never shown by colour or icon alone."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.icon_label = QLabel(self)
        self.icon_label.setAccessibleName(
            _("%(accessible_name)s icon") % {"accessible_name": accessible_name}
        )
        self.text_label = value_label(accessible_name, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text_label, 1)

    def set_status(self, text: str, icon: str | None = None, *, alert: bool = False) -> None:
        self.text_label.setText(text)
        self.setAccessibleDescription(text)
        if icon:
            size = self.fontMetrics().height()
            self.icon_label.setPixmap(standard_icon(icon).pixmap(size, size))
            self.icon_label.show()
        else:
            self.icon_label.clear()
            self.icon_label.hide()
        font = QFont(self.text_label.font())
        font.setBold(alert)
        self.text_label.setFont(font)

    def text(self) -> str:
        return self.text_label.text()


class ActionBar(QWidget):
    """A row of buttons for what can be recorded from a tab; ``triggered(action)``.

    Each button's text says what it does; the Record menu has the same actions with keys."""

    triggered = Signal(str)

    def __init__(
        self,
        actions: Sequence[tuple[str, str]],
        accessible_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for action, action_text in actions:  # texts marked with N_
            text = _(action_text)
            button = QPushButton(text, self)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, a=action: self.triggered.emit(a))
            layout.addWidget(button)
            self.buttons[action] = button
        layout.addStretch(1)

    def set_enabled(self, action: str, enabled: bool) -> None:
        self.buttons[action].setEnabled(enabled)
