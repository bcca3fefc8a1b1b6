"""What a screen reader is told, for every window, in one place.

``install(app)`` puts one event filter on the application. When a window (or a page of a
stacked or tabbed widget) is shown, every control in it that has no accessible name is given
one from what a sighted person reads beside it: the label whose buddy it is (or the label of
its row in a form layout), the group box around it, its own text, its placeholder or its
tooltip; a tooltip or the hint line under a field becomes its description. Explicit names set
by a window are never replaced. Names taken from labels are in the language the labels were
written in, so they follow the app's language.

Status and errors are announced, not only shown: the status bar's messages, and any
``LiveLabel`` (the forms' draft status and their problem lines), are sent to assistive
technology as announcements (``QAccessibleAnnouncementEvent``, Qt 6.8+), politely for news and
assertively for errors.

View > High contrast (the registry's ``high_contrast`` action, ``palette.py``) is also on
at start with ``IRO_DESKTOP_HIGH_CONTRAST=1``. Views and tab pages are tabbed in the order
they are laid out, button boxes in the order their buttons are shown.
"""

from __future__ import annotations

import itertools

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from iro_desktop.gui import palette
from iro_desktop.i18n import N_, _
from iro_desktop.services.settings import saved_high_contrast

# Controls a person operates; each must have a name a screen reader can say.
NAMED = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QTabBar,
)
HIGH_CONTRAST_ACTION = "high_contrast"
_SCREEN_READER_LABEL = "screenReaderLabel"
_DONE = "_iro_accessibility_named"  # a dynamic property: the window was named once already
_announced: list[tuple[str, bool]] = []  # the last few announcements (read by the tests)


# -- names and descriptions --------------------------------------------------------------------
def plain(text: str) -> str:
    """A label's words as a name: no mnemonic ampersand, required mark or trailing colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(" *:")


def _labels_by_field(root: QWidget) -> dict[int, QLabel]:
    """Each field's label: a label's buddy, or the label in the field's form-layout row."""
    found: dict[int, QLabel] = {}
    for layout in root.findChildren(QFormLayout):
        for row in range(layout.rowCount()):
            label_item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = label_item.widget() if label_item is not None else None
            field = field_item.widget() if field_item is not None else None
            if isinstance(label, QLabel) and field is not None and label.text().strip():
                found[id(field)] = label
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text().strip():
            found[id(buddy)] = label
    return found


def _hint_below(widget: QWidget) -> str:
    """The help line a form layout shows under ``widget`` (a row with no label of its own)."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if not isinstance(layout, QFormLayout):
        return ""
    row, _role = layout.getWidgetPosition(widget)
    if row < 0 or row + 1 >= layout.rowCount():
        return ""
    below = layout.itemAt(row + 1, QFormLayout.ItemRole.FieldRole)
    label = below.widget() if below is not None else None
    above = layout.itemAt(row + 1, QFormLayout.ItemRole.LabelRole)
    no_label = above is None or not (isinstance(above.widget(), QLabel) and above.widget().text())
    if isinstance(label, QLabel) and label.buddy() is None and no_label and label.wordWrap():
        return label.text()
    return ""


def _name_from_surroundings(widget: QWidget, labels: dict[int, QLabel]) -> str:
    label = labels.get(id(widget))
    # A field wrapped with its problem line (forms/layout.py) is labelled through its wrapper.
    if label is None and widget.parentWidget() is not None:
        label = labels.get(id(widget.parentWidget()))
    if label is not None:
        return plain(label.text())
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(parent, QComboBox):
        return parent.accessibleName() or _name_from_surroundings(parent, labels)
    if isinstance(widget, QTabBar) and isinstance(parent, QTabWidget):
        return parent.accessibleName() or _("Tabs")
    if isinstance(widget, QAbstractButton) and widget.text():
        return plain(widget.text())
    placeholder = getattr(widget, "placeholderText", None)
    if callable(placeholder) and placeholder():
        return plain(placeholder())
    if widget.toolTip():
        return plain(widget.toolTip())
    if isinstance(parent, QGroupBox) and parent.title():
        return plain(parent.title())
    return ""


# Controls Qt makes and names itself (a tab bar's scroll arrows), by their object names.
QT_OWN_NAMES = {"ScrollLeftButton": N_("Scroll left"), "ScrollRightButton": N_("Scroll right")}


def name_controls(root: QWidget) -> int:
    """Give each unnamed control under ``root`` a name and description from what is shown
    beside it; returns how many were named."""
    labels = _labels_by_field(root)
    named = 0
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.objectName() in QT_OWN_NAMES:  # Qt names these in English itself
            widget.setAccessibleName(_(QT_OWN_NAMES[widget.objectName()]))
            continue
        if not isinstance(widget, NAMED):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), QAbstractSpinBox):
            continue  # a spin box's own text: the spin box carries the name
        if not widget.accessibleName():
            name = _name_from_surroundings(widget, labels)
            if name:
                widget.setAccessibleName(name)
                named += 1
        if not widget.accessibleDescription():
            hint = _hint_below(widget)
            tip = widget.toolTip()
            if hint or (tip and plain(tip) != widget.accessibleName()):
                widget.setAccessibleDescription(hint or tip)
        if isinstance(widget, QComboBox):
            label_relation(widget)
    return named


def label_relation(combo: QComboBox) -> QLabel | None:
    """On Linux, Qt reports a combo box's name as its chosen value and leaves what it is for
    to the "labelled by" relation, which comes from a label whose buddy it is. A combo with
    no label (a row of a list the IRO adds to) gets a hidden one carrying its name: read by a
    screen reader only, never shown."""
    name = combo.accessibleName()
    parent = combo.parentWidget()
    if parent is None or not name:
        return None
    for label in parent.findChildren(QLabel, _SCREEN_READER_LABEL):
        if label.buddy() is combo:
            if label.text() != name:
                label.setText(name)  # the name changed (a row renumbered, a language)
            return label
    face = QAccessible.queryAccessibleInterface(combo)
    if face is not None and face.relations(QAccessible.RelationFlag.Label):
        return None  # a label of its own, shown beside it
    label = QLabel(name, parent)
    label.setObjectName(_SCREEN_READER_LABEL)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setBuddy(combo)
    label.hide()
    return label


def name_labels(root: QWidget) -> None:
    """A label's name without its mnemonic ampersand (AT-SPI passes "Pre&ferred name:" on
    as it is, and a screen reader spells it out)."""
    for label in root.findChildren(QLabel):
        if label.buddy() is not None and not label.accessibleName() and "&" in label.text():
            label.setAccessibleName(
                label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            )


def order_button_boxes(root: QWidget) -> None:
    """Tab through a button box's buttons in the order they are shown (Qt keeps the order
    they were added in, so [Unlock] [Cancel] was tabbed Cancel first)."""
    for box in root.findChildren(QDialogButtonBox):
        layout = box.layout()
        if layout is None:
            continue
        shown = [layout.itemAt(i).widget() for i in range(layout.count())]
        buttons = [w for w in shown if isinstance(w, QAbstractButton)]
        for first, second in itertools.pairwise(buttons):
            QWidget.setTabOrder(first, second)


def reading_order(layout) -> list[QWidget]:
    """The Tab stops under ``layout`` in the order they are laid out (a form layout by rows,
    a grid by rows then columns); a tab widget contributes its tab bar, its pages order
    themselves when shown."""
    found: list[QWidget] = []
    if layout is None:
        return found
    if isinstance(layout, QFormLayout):
        roles = (
            QFormLayout.ItemRole.LabelRole,
            QFormLayout.ItemRole.FieldRole,
            QFormLayout.ItemRole.SpanningRole,
        )
        items = [layout.itemAt(r, role) for r in range(layout.rowCount()) for role in roles]
    elif isinstance(layout, QGridLayout):
        cells = []
        for index in range(layout.count()):
            row, column, _rows, _columns = layout.getItemPosition(index)
            cells.append((row, column, layout.itemAt(index)))
        items = [item for _r, _c, item in sorted(cells, key=lambda cell: cell[:2])]
    else:
        items = [layout.itemAt(index) for index in range(layout.count())]
    seen: set[int] = set()
    for item in items:
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        widget = item.widget()
        if widget is None:
            found += reading_order(item.layout())
        elif isinstance(widget, QTabWidget):
            found.append(widget.tabBar())
        elif isinstance(widget, QScrollArea):
            inner = widget.widget()
            found += reading_order(inner.layout() if inner is not None else None)
        elif isinstance(widget, NAMED) and not isinstance(widget, QHeaderView):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                found.append(widget)
        elif not isinstance(widget, QStackedWidget):
            found += reading_order(widget.layout())
    return found


def order_page(page: QWidget) -> None:
    """Tab through a view or a tab page in the order it is laid out (Qt tabs in the order the
    widgets were made: a button made after the table below it came after the table)."""
    for first, second in itertools.pairwise(reading_order(page.layout())):
        QWidget.setTabOrder(first, second)


# -- announcements -------------------------------------------------------------------------------
def announce(source: QObject, text: str, assertive: bool = False) -> None:
    """Have a screen reader say ``text`` (news politely; errors at once, ``assertive``)."""
    text = " ".join(text.split())
    if not text:
        return
    _announced.append((text, assertive))
    del _announced[:-20]
    if not QAccessible.isActive():
        return  # no assistive technology listening: nothing to send
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)


def announced() -> list[tuple[str, bool]]:
    """The last announcements made (text, assertive), newest last."""
    return list(_announced)


class LiveLabel(QLabel):
    """A label whose new words are announced when it is on screen (a live region), if the
    keyboard is beside it: a problem line under a field speaks while that field is being
    typed in, not all at once when a form opens; a summary or status line of a window (its
    parent the window) speaks whenever the window has the keyboard."""

    def __init__(self, text: str = "", parent: QWidget | None = None, assertive: bool = False):
        super().__init__(text, parent)
        self.assertive = assertive

    def setText(self, text: str) -> None:
        changed = text != self.text()
        super().setText(text)
        if changed and text and self.isVisible() and self._focus_beside():
            announce(self, text.replace("⚠", ""), self.assertive)

    def setVisible(self, visible: bool) -> None:
        appearing = visible and not self.isVisible()
        super().setVisible(visible)
        if appearing and self.text() and self.isVisible() and self._focus_beside():
            announce(self, self.text().replace("⚠", ""), self.assertive)

    def _focus_beside(self) -> bool:
        parent = self.parentWidget()
        focus = QApplication.focusWidget()
        if parent is None or parent.isWindow() or focus is None:
            return True
        return parent.isAncestorOf(focus)


# -- one filter for the whole application ------------------------------------------------------
class _Watcher(QObject):
    """Names each window's controls when it is first shown (and each page when shown), so
    controls built later are named too; hooks the main window's status bar and View menu."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(watched, QWidget):
            if watched.isWindow():
                self._window_shown(watched)
            elif isinstance(watched.parentWidget(), QStackedWidget):
                name_controls(watched)  # a view or a tab page, perhaps built since
                order_page(watched)
            elif isinstance(watched, QComboBox):
                label_relation(watched)  # a combo in a row added since
        elif kind == QEvent.Type.FocusIn and isinstance(watched, QComboBox):
            label_relation(watched)  # before the screen reader asks for its label
        elif kind == QEvent.Type.ApplicationPaletteChange and isinstance(watched, QApplication):
            palette.readable_placeholders(watched)  # the system's theme changed (dark mode)
        return False

    def _window_shown(self, window: QWidget) -> None:
        name_controls(window)
        name_labels(window)
        order_button_boxes(window)
        if isinstance(window, QMainWindow) and not window.property(_DONE):
            window.setProperty(_DONE, True)
            bar = window.statusBar()
            bar.setAccessibleName(_("Status"))
            bar.messageChanged.connect(lambda text, bar=bar: announce(bar, text))
            add_high_contrast_toggle(window)


def add_high_contrast_toggle(window: QMainWindow) -> QAction | None:
    """View > High contrast (the registry's ``high_contrast`` action) shows a tick."""
    actions = getattr(window, "actions", None)
    action = actions.get(HIGH_CONTRAST_ACTION) if isinstance(actions, dict) else None
    if not isinstance(action, QAction):
        return None
    action.setObjectName(HIGH_CONTRAST_ACTION)
    action.setCheckable(True)
    action.setChecked(palette.high_contrast_on())
    return action


def toggle_high_contrast() -> None:
    """Switch the high-contrast palette on or off (View > High contrast)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        on = not palette.high_contrast_on()
        palette.set_high_contrast(app, on)
        announce(app, _("High contrast on") if on else _("High contrast off"))


def install(app: QApplication) -> QObject:
    """Name every window's controls as it is shown, announce status messages, and start in
    high contrast when ``IRO_DESKTOP_HIGH_CONTRAST``, ``--high-contrast`` or Settings ask."""
    for child in app.children():
        if isinstance(child, _Watcher) and shiboken6.isValid(child):
            return child  # once per application
    watcher = _Watcher(app)
    app.installEventFilter(watcher)
    palette.readable_placeholders(app)
    if palette.high_contrast_wanted() or saved_high_contrast():
        palette.set_high_contrast(app, True)
    return watcher


__all__ = [
    "HIGH_CONTRAST_ACTION",
    "LiveLabel",
    "add_high_contrast_toggle",
    "announce",
    "announced",
    "install",
    "name_controls",
    "plain",
]
