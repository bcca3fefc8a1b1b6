"""A multi-choice field (how the child gave their views, how the IRO spoke to people) as a
set of check boxes, each an ordinary field of the form (``<prefix>_<key>``): drafts, the
"unsaved changes" check, the wheel guard and the Tab order treat them as any check box."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.i18n import _


def field_key(prefix: str, key: str) -> str:
    return f"{prefix}_{key}"


def add_choice_boxes(
    host: QWidget,
    widgets: dict[str, QWidget],
    prefix: str,
    choices: Mapping[str, str],
    columns: int,
) -> list[QCheckBox]:
    """One check box per choice (labels translated here), in ``columns`` columns read row by
    row (the Tab order too: left to right, then down), added to the form's ``widgets``. Each
    box sits in a vertical layout of its own, so a problem's message line goes under it."""
    row_layout = host.layout()
    assert isinstance(row_layout, QHBoxLayout)
    grid_host = QWidget(host)
    grid = QGridLayout(grid_host)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setVerticalSpacing(2)
    boxes: list[QCheckBox] = []
    for index, (key, label) in enumerate(choices.items()):
        cell = QWidget(grid_host)
        cell_layout = QVBoxLayout(cell)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        box = QCheckBox(_(label), cell)
        box.setObjectName(field_key(prefix, key))
        box.setAccessibleName(_(label))
        cell_layout.addWidget(box)
        grid.addWidget(cell, index // columns, index % columns)
        widgets[field_key(prefix, key)] = box
        boxes.append(box)
    for column in range(columns):
        grid.setColumnStretch(column, 1)
    row_layout.addWidget(grid_host)
    return boxes


def point_label_at(ui: QWidget, label_name: str, box: QCheckBox) -> None:
    """The row's label (and its Alt key) takes the keyboard to the first box."""
    label = ui.findChild(QLabel, label_name)
    if label is not None:
        label.setBuddy(box)
