"""A form's frame and layout: the Designer page in a scroll area under a short intro, the
summary of what is left to put right, the draft status and the three buttons; the required
marks; a problem line under each field; accessible names from the labels; a Tab order that
follows the reading order; and a height that fits the screen."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.gui.accessibility import LiveLabel
from iro_desktop.gui.forms.editors import error_label
from iro_desktop.gui.forms.fields import INPUTS
from iro_desktop.gui.screen_fit import fit_to_screen
from iro_desktop.i18n import _

REQUIRED_MARK = " *"


class FormFrame:
    """What surrounds the Designer page ``ui`` in ``dialog``: built once, then shown."""

    def __init__(self, dialog: QDialog, ui: QWidget, title: str, intro_lines: Sequence[str]):
        self.intro = QLabel("\n".join(intro_lines))
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName(_("About this form"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(ui)
        scroll.setAccessibleName(title)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll = scroll
        self.summary = error_label(_("Still to put right"))
        self.status = LiveLabel("")  # "Saving…", "Not saved: …" are announced
        self.status.setAccessibleName(_("Draft status"))
        self.draft_button = QPushButton(_("Keep draft (Ctrl+S)"))
        self.save_button = QPushButton(_("Save and close (Ctrl+Enter)"))
        self.cancel_button = QPushButton(_("Cancel (Esc)"))
        # The guide's section about this form (F1 does the same).
        self.help_button = QPushButton(_("Help (F1)"))
        self.help_button.setAutoDefault(False)
        self.help_button.setAccessibleName(_("Help about this form"))
        for button, name in (
            (self.draft_button, _("Keep a draft now")),
            (self.save_button, _("Save and close")),
            (self.cancel_button, _("Cancel")),
        ):
            button.setAutoDefault(False)
            button.setDefault(False)
            button.setAccessibleName(name)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.help_button)  # last, as in "OK, Cancel, Help"; Tab reaches it last
        layout = QVBoxLayout(dialog)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        for edit in ui.findChildren(QDateEdit):  # dates as wide as a date, no wider
            edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for label in ui.findChildren(QLabel):  # wrapped text starts level with its label
            if label.wordWrap():
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def set_buttons_enabled(self, enabled: bool) -> None:
        for button in (self.draft_button, self.save_button, self.cancel_button):
            button.setEnabled(enabled)

    def fit(self, dialog: QDialog, ui: QWidget, wide: bool) -> None:
        """As tall as the form needs, up to most of the screen (it scrolls beyond that)."""
        ui.adjustSize()
        hint = ui.sizeHint()
        chrome = (
            self.intro.sizeHint().height()
            + (self.summary.sizeHint().height() if self.summary.isVisibleTo(dialog) else 0)
            + self.save_button.sizeHint().height() * 2
            + 24
        )
        screen = dialog.screen().availableGeometry() if dialog.screen() else None
        max_height = int(screen.height() * 0.88) if screen else 760
        width = min(max(hint.width() + 60, 860 if wide else 560), 1100)
        fit_to_screen(dialog, width, min(hint.height() + chrome, max_height))


# -- labels -------------------------------------------------------------------------------------
def label_for(ui: QWidget, widget: QWidget) -> QLabel | None:
    """The label whose buddy is ``widget`` (its words name the field)."""
    for label in ui.findChildren(QLabel):
        if label.buddy() is widget:
            return label
    return None


def mark_required(
    ui: QWidget, widgets: Mapping[str, QWidget], required: Sequence[str], words: str
) -> None:
    """An asterisk on each required field's label, and ``words`` for screen readers."""
    for key in required:
        label = label_for(ui, widgets[key])
        if label is not None and not label.text().endswith(REQUIRED_MARK):
            label.setText(label.text().rstrip(":") + REQUIRED_MARK + ":")
        widgets[key].setAccessibleDescription(words)


def add_error_label(ui: QWidget, widget: QWidget, key: str) -> QLabel:
    """A message line right under the field, in the same form row (hidden, taking no
    space, until there is something to say)."""
    label = error_label(_("Problem with %(field)s") % {"field": widget.accessibleName() or key})
    for layout in ui.findChildren(QFormLayout):
        row, role = layout.getWidgetPosition(widget)
        if row < 0:
            continue
        label_item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        row_label = label_item.widget() if label_item is not None else None
        layout.takeRow(row)  # the widgets stay; they move into the wrapper below
        wrapper = QWidget()
        column = QVBoxLayout(wrapper)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(label)
        column.addStretch(1)  # extra height goes below, the field stays by its label
        if role == QFormLayout.ItemRole.SpanningRole:
            layout.insertRow(row, wrapper)
        elif row_label is not None:
            layout.insertRow(row, row_label, wrapper)
        else:
            layout.insertRow(row, "", wrapper)
        return label
    parent_layout = widget.parentWidget().layout() if widget.parentWidget() else None
    if isinstance(parent_layout, QVBoxLayout):
        parent_layout.insertWidget(parent_layout.indexOf(widget) + 1, label)
    return label


def name_unnamed_widgets(dialog: QWidget, ui: QWidget) -> None:
    """Every input has an accessible name: its label's words when the .ui gave none."""
    for widget in dialog.findChildren(QWidget):
        if widget.accessibleName() or not isinstance(widget, INPUTS):
            continue
        label = label_for(ui, widget)
        if label is not None:
            widget.setAccessibleName(label.text().replace("&", "").rstrip(" *:"))
        elif isinstance(widget, QAbstractButton) and widget.text():
            widget.setAccessibleName(widget.text().replace("&", ""))


# -- the Tab order --------------------------------------------------------------------------
def focusable_fields(layout) -> list[QWidget]:
    """Every field under ``layout`` in reading order (the layouts' order): the Tab order."""
    found: list[QWidget] = []
    _walk_layout(layout, found)
    return found


def set_tab_order(fields: Sequence[QWidget]) -> None:
    for first, second in itertools.pairwise(fields):
        QWidget.setTabOrder(first, second)


def _items_in_order(layout) -> list:
    """A layout's items in reading order (a form layout's by row, not by when added)."""
    if isinstance(layout, QFormLayout):
        roles = (
            QFormLayout.ItemRole.LabelRole,
            QFormLayout.ItemRole.FieldRole,
            QFormLayout.ItemRole.SpanningRole,
        )
        items = (layout.itemAt(row, role) for row in range(layout.rowCount()) for role in roles)
        unique: dict[int, object] = {}  # a spanning row answers for every role
        for item in items:
            if item is not None:
                unique.setdefault(id(item.widget() or item.layout() or item), item)
        return list(unique.values())
    return [layout.itemAt(index) for index in range(layout.count())]


def _walk_layout(layout, found: list[QWidget]) -> None:
    if layout is None:
        return
    for item in _items_in_order(layout):
        widget = item.widget()
        if widget is not None:
            if isinstance(widget, QScrollArea):
                inner = widget.widget()
                if inner is not None:
                    _walk_layout(inner.layout(), found)
            elif isinstance(widget, INPUTS) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                found.append(widget)
            else:
                _walk_layout(widget.layout(), found)
        elif item.layout() is not None:
            _walk_layout(item.layout(), found)
