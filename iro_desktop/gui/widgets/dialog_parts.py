"""Small parts the data-in/data-out and safety dialogs share: a file row with a chooser, a busy
bar for the dialog's own slow job, a note label, and a read-only table filled from rows of text.

No store work here: the dialogs send that to the worker (see file_job.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import platformdirs
import shiboken6
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from iro_desktop.gui.accessibility import LiveLabel
from iro_desktop.gui.models.records_model import alert_colour
from iro_desktop.i18n import _

ERROR_STYLE = "color: #a4000f; font-weight: bold;"
NOTE_STYLE = "background: palette(alternate-base); color: palette(text); border: 1px solid palette(mid); padding: 6px;"  # noqa: E501
WARNING_STYLE = "background: palette(tooltip-base); color: palette(tooltip-text); border: 1px solid palette(dark); padding: 6px;"  # noqa: E501


def default_folder() -> Path:
    """Where save and export dialogs start: the user's Documents folder (platformdirs), or
    their home folder when there is none. Never the program's own folder, where a file
    dialog lands when given a folder that does not exist."""
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


class FileRow(QWidget):
    """A path box and a "Choose…" button opening a (non-blocking) file dialog."""

    pathChosen = Signal(Path)  # after the chooser picked a file (not while typing)

    def __init__(
        self,
        title: str,
        file_filter: str = "",
        *,
        save: bool = False,
        folder: bool = False,
        default_suffix: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._title = title
        self._filter = file_filter
        self._save = save
        self._folder = folder
        self._suffix = default_suffix
        self.chooser: QFileDialog | None = None
        self.edit = QLineEdit()
        self.edit.setAccessibleName(title)
        self.edit.setMinimumWidth(360)
        self.button = QPushButton(_("C&hoose…"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self._on_choose)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path | str) -> None:
        self.edit.setText(str(path))

    @Slot()
    def _on_choose(self) -> None:
        start = self.edit.text().strip() or str(default_folder())
        chooser = QFileDialog(self, self._title, start, self._filter)
        if self._folder:
            chooser.setFileMode(QFileDialog.FileMode.Directory)
            chooser.setOption(QFileDialog.Option.ShowDirsOnly, True)
        elif self._save:
            chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            if self._suffix:
                chooser.setDefaultSuffix(self._suffix)
        else:
            chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.fileSelected.connect(self._on_selected)
        self.chooser = chooser
        chooser.open()

    @Slot(str)
    def _on_selected(self, name: str) -> None:
        self.edit.setText(name)
        self.pathChosen.emit(Path(name))


class BusyBar(QWidget):
    """A busy bar and what is happening, shown while the dialog's own job runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(200)
        self.bar.setAccessibleName(_("Working"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        self.setVisible(False)

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.setVisible(True)

    def stop(self) -> None:
        self.setVisible(False)


def password_field(accessible_name: str) -> QLineEdit:
    """A passphrase box: typing hidden, named for screen readers."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    return field


def note_label(text: str = "", style: str = NOTE_STYLE) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def error_label() -> QLabel:
    label = LiveLabel(assertive=True)  # an error is announced at once
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE.replace("#a4000f", alert_colour().name()))  # the palette's
    label.setVisible(False)
    return label


def text_table(headers: Sequence[str], accessible_name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setAccessibleName(accessible_name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[object]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setToolTip(item.text())
            table.setItem(r, c, item)
    table.resizeRowsToContents()


def alive(widget: QWidget, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """``callback``, unless ``widget`` was closed and deleted before the worker answered."""

    def call(value: Any) -> None:
        if shiboken6.isValid(widget):
            callback(value)

    return call
