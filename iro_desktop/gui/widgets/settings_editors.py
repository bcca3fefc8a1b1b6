"""One small editor per kind of setting: each shows a value with ``set_value`` and gives it back
with ``value``, so the settings dialog and the first-run set-up can be built from one list of
fields (``settings_fields.py``) and a test can check that every setting has one.

No store work here; paths are only typed or chosen, never opened.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.domain import display
from iro_desktop.domain.model import Region
from iro_desktop.gui.formatting import format_date
from iro_desktop.gui.widgets.dialog_parts import FileRow, error_label
from iro_desktop.i18n import N_, _

LINE_EDIT_MIN_WIDTH = 320  # room for a council's name or an email address in full
REGION_LABELS = {Region.ENGLAND: N_("England"), Region.WALES: N_("Wales")}
TYPED_DATE = "%d/%m/%Y"  # dates are typed as dd/mm/yyyy, as on every form
SHOWN_DATE = "dd/MM/y"  # ... and shown the same way (CLDR pattern, domain/display.py)
IMAGE_FILTER = N_("Pictures (*.png *.jpg *.jpeg *.gif *.bmp);;All files (*)")


def parse_postcodes(text: str) -> tuple[str, ...]:
    """'w, nw8 ,SW1' -> ('W', 'NW8', 'SW1')."""
    return tuple(part.strip().upper() for part in text.replace(";", ",").split(",") if part.strip())


def parse_typed_date(text: str) -> date | None:
    """'25/12/2026' (or '5/1/2027') -> a date; None when it is not a real date."""
    try:
        return datetime.strptime(text.strip(), TYPED_DATE).date()
    except ValueError:
        return None


class TextEditor(QLineEdit):
    def __init__(self, label: str, placeholder: str = "") -> None:
        super().__init__()
        self.setAccessibleName(label)
        self.setPlaceholderText(placeholder)
        self.setMinimumWidth(LINE_EDIT_MIN_WIDTH)

    def value(self) -> str:
        return self.text().strip()

    def set_value(self, value: str) -> None:
        self.setText(value)


class LinesEditor(QPlainTextEdit):
    """Several lines (an address): kept as typed, blank lines at the ends dropped."""

    def __init__(self, label: str, placeholder: str = "", lines: int = 4) -> None:
        super().__init__()
        self.setAccessibleName(label)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.setMinimumWidth(LINE_EDIT_MIN_WIDTH)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)

    def value(self) -> str:
        return "\n".join(line.rstrip() for line in self.toPlainText().strip().splitlines())

    def set_value(self, value: str) -> None:
        self.setPlainText(value)


class NumberEditor(QSpinBox):
    def __init__(self, label: str, low: int, high: int, suffix: str = "") -> None:
        super().__init__()
        self.setAccessibleName(label)
        self.setRange(low, high)
        self.setSuffix(suffix)

    def value(self) -> int:
        return super().value()

    def set_value(self, value: int) -> None:
        self.setValue(value)


class OptionalNumberEditor(NumberEditor):
    """A number, or off (None) at the bottom of the range."""

    def __init__(self, label: str, high: int, suffix: str, off_text: str) -> None:
        super().__init__(label, 0, high, suffix)
        self.setSpecialValueText(off_text)

    def value(self) -> int | None:  # type: ignore[override]
        return super().value() or None

    def set_value(self, value: int | None) -> None:  # type: ignore[override]
        self.setValue(value or 0)


class YesNoEditor(QCheckBox):
    def __init__(self, label: str) -> None:
        super().__init__(label)

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: bool) -> None:
        self.setChecked(bool(value))


class RegionEditor(QComboBox):
    def __init__(self, label: str) -> None:
        super().__init__()
        self.setAccessibleName(label)
        for region, label_text in REGION_LABELS.items():
            text = _(label_text)
            self.addItem(text, region)

    def value(self) -> Region:
        return self.currentData()

    def set_value(self, value: Region) -> None:
        self.setCurrentIndex(self.findData(value))


class PostcodesEditor(TextEditor):
    def value(self) -> tuple[str, ...]:  # type: ignore[override]
        return parse_postcodes(self.text())

    def set_value(self, value: tuple[str, ...]) -> None:  # type: ignore[override]
        self.setText(", ".join(value))


class PathEditor(FileRow):
    """A file or folder: typed, or picked with "Choose…"."""

    def __init__(self, label: str, file_filter: str = "", *, folder: bool = False) -> None:
        super().__init__(label, file_filter, folder=folder)
        self.edit.setMinimumWidth(LINE_EDIT_MIN_WIDTH)

    def value(self) -> str:
        return self.edit.text().strip()

    def set_value(self, value: str) -> None:
        self.edit.setText(value)


class DateListEditor(QWidget):
    """A list of dates (extra bank holidays): typed as dd/mm/yyyy and added, or removed."""

    changed = Signal()

    def __init__(self, label: str) -> None:
        super().__init__()
        self._dates: list[date] = []
        self.list = QListWidget()
        self.list.setAccessibleName(label)
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        self.typed = QLineEdit()
        self.typed.setPlaceholderText(_("dd/mm/yyyy"))
        self.typed.setAccessibleName(
            _("%(label)s: a date to add, as dd/mm/yyyy") % {"label": label}
        )
        self.typed.setMaximumWidth(140)
        self.add_button = QPushButton(_("&Add"))
        self.remove_button = QPushButton(_("&Remove"))
        self.remove_button.setEnabled(False)
        self.error = error_label()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.typed)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self._on_add)
        self.typed.returnPressed.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.list.currentRowChanged.connect(lambda row: self.remove_button.setEnabled(row >= 0))

    def value(self) -> tuple[date, ...]:
        return tuple(self._dates)

    def set_value(self, value: tuple[date, ...]) -> None:
        self._dates = sorted(set(value))
        self._show()

    def add(self, text: str) -> bool:
        """Add a typed date; False (and a message saying why) when it is not one."""
        day = parse_typed_date(text)
        if day is None:
            self.error.setText(
                _("⚠ “%(typed)s” is not a date: type it as dd/mm/yyyy.") % {"typed": text.strip()}
            )
            self.error.setVisible(True)
            return False
        self.error.setVisible(False)
        if day not in self._dates:
            self._dates = sorted([*self._dates, day])
            self._show()
            self.changed.emit()
        return True

    def _show(self) -> None:
        self.list.clear()
        for day in self._dates:
            item = QListWidgetItem(f"{display.format_date(day, SHOWN_DATE)}  ({format_date(day)})")
            item.setData(Qt.ItemDataRole.UserRole, day)
            self.list.addItem(item)

    @Slot()
    def _on_add(self) -> None:
        if self.typed.text().strip() and self.add(self.typed.text()):
            self.typed.clear()

    @Slot()
    def _on_remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._dates.remove(item.data(Qt.ItemDataRole.UserRole))
            self._show()
            self.changed.emit()


Editor = Any  # any of the editors above: ``value()`` and ``set_value(value)``
