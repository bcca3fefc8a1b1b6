"""A multi-choice field (how the child gave their views, how the IRO spoke to people) as a
set of check boxes, each an ordinary field of the form (``<prefix>_<key>``): drafts, the
"unsaved changes" check, the wheel guard and the Tab order treat them as any check box."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

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
    """One check box per choice (labels translated here), in ``columns`` columns filled top
    to bottom, added to the form's ``widgets``. Each column is a vertical layout, so a
    problem's message line goes right under its box."""
    row_layout = host.layout()
    assert isinstance(row_layout, QHBoxLayout)
    keys = list(choices)
    per_column = -(-len(keys) // columns)
    boxes: list[QCheckBox] = []
    for start in range(0, len(keys), per_column):
        column = QWidget(host)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(2)
        for key in keys[start : start + per_column]:
            box = QCheckBox(_(choices[key]), column)
            box.setObjectName(field_key(prefix, key))
            box.setAccessibleName(_(choices[key]))
            column_layout.addWidget(box)
            widgets[field_key(prefix, key)] = box
            boxes.append(box)
        column_layout.addStretch(1)
        row_layout.addWidget(column, 1)
    return boxes


def point_label_at(ui: QWidget, label_name: str, box: QCheckBox) -> None:
    """The row's label (and its Alt key) takes the keyboard to the first box."""
    label = ui.findChild(QLabel, label_name)
    if label is not None:
        label.setBuddy(box)
