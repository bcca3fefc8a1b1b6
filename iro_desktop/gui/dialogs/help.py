"""Help: the keyboard shortcuts (from the one registry in shortcuts.py) and About."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iro_desktop import __version__
from iro_desktop.gui.screen_fit import available_size, fit_to_screen
from iro_desktop.gui.shortcuts import shortcut_rows
from iro_desktop.i18n import _
from iro_desktop.paths import data_dir


class ShortcutsDialog(QDialog):
    """Every shortcut: keys, what it does, and where it works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        rows = shortcut_rows()
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([_("Keys"), _("Does"), _("Where")])
        self.table.setAccessibleName(_("Keyboard shortcuts"))
        for row, (keys, what, where) in enumerate(rows):
            for column, text in enumerate((keys, what, where)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        intro = QLabel(_("Every action works from the keyboard. Alt shows the menus' letters."))
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        rows_height = self.table.verticalHeader().defaultSectionSize() * (len(rows) + 1)
        # Every row in view where the screen allows (it scrolls on a small one).
        self.table.setMinimumHeight(min(rows_height + 8, 640, available_size(self).height() - 140))
        fit_to_screen(self, 620, self.sizeHint().height())

    def listed_keys(self) -> list[str]:
        return [self.table.item(row, 0).text() for row in range(self.table.rowCount())]


def about_text() -> str:
    return (
        f"<h3>IRO Desktop {__version__}</h3>"
        + _(
            "<p>An Independent Reviewing Officer's caseload, on your own computer: what is "
            "due, to the day, with no network needed.</p>"
        )
        + _("<p>Your caseload is kept encrypted in <code>%(folder)s</code>.</p>")
        % {"folder": data_dir()}
    )


def open_about(parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(_("About IRO Desktop"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text())
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
