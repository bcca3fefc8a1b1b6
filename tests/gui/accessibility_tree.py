"""Walking the accessibility tree (``QAccessible``) as an assistive technology does: what a
screen reader is told about each control of a window (role, name, description, state).

Used by ``test_accessibility.py``; not a test module itself.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QHeaderView, QScrollArea, QWidget

Role = QAccessible.Role
# What a person operates: each needs a name a screen reader can say.
INTERACTIVE = frozenset(
    {
        Role.PushButton,
        Role.CheckBox,
        Role.RadioButton,
        Role.ComboBox,
        Role.EditableText,
        Role.SpinBox,
        Role.Slider,
        Role.Dial,
        Role.Table,
        Role.Tree,
        Role.List,
        Role.PageTab,
        Role.PageTabList,
        Role.MenuItem,
        Role.ButtonMenu,
        Role.ButtonDropDown,
        Role.Link,
    }
)
# A choice or a number whose only "name" is its value says what is chosen, never what for.
VALUED = frozenset({Role.ComboBox, Role.SpinBox})
# Item views: their rows are data, read out cell by cell; the view and its headers are named.
ITEM_VIEWS = frozenset({Role.Table, Role.Tree, Role.List, Role.TreeItem})
HEADER_ROLES = frozenset({Role.ColumnHeader})
NAME = QAccessible.Text.Name
DESCRIPTION = QAccessible.Text.Description


@dataclass(frozen=True)
class Node:
    path: str  # "Dialog 'Settings' / PageTabList / PageTab 'General'"
    role: QAccessible.Role
    name: str
    description: str
    object_name: str
    depth: int
    value: str = ""
    children: int = 0  # of a tab list: its tabs
    widget_name: str = ""  # the name UI Automation and macOS read (accessibleName)
    labelled_by: str = ""  # the "labelled by" relation AT-SPI (Linux) reads


def _role_name(role: QAccessible.Role) -> str:
    return getattr(role, "name", str(role))


def _interface(widget: QWidget) -> QAccessibleInterface:
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None, f"no accessible interface for {widget!r}"
    return face


def walk(widget: QWidget, max_nodes: int = 5000) -> list[Node]:
    """Every visible node under ``widget``'s interface, depth first; an item view's cells are
    skipped (its column headers are kept) so a long list costs nothing."""
    found: list[Node] = []

    def visit(face: QAccessibleInterface, path: str, depth: int) -> None:
        if len(found) >= max_nodes or not face.isValid():
            return
        state = face.state()
        if state.invisible:
            return
        role = face.role()
        name = face.text(NAME) or ""
        obj = face.object()
        node = Node(
            path=f"{path} / {_role_name(role)} {name!r}".lstrip(" /"),
            role=role,
            name=name,
            description=face.text(DESCRIPTION) or "",
            object_name=obj.objectName() if obj is not None else "",
            depth=depth,
            value=face.text(QAccessible.Text.Value) or "",
            children=sum(
                1
                for i in range(face.childCount())
                if face.child(i) is not None and face.child(i).role() == Role.PageTab
            )
            if role == Role.PageTabList
            else face.childCount(),
            widget_name=obj.accessibleName() if isinstance(obj, QWidget) else "",
            labelled_by=_label_of(face),
        )
        found.append(node)
        for index in range(face.childCount()):
            child = face.child(index)
            if child is None:
                continue
            if role in ITEM_VIEWS and child.role() not in HEADER_ROLES | {Role.ScrollBar}:
                continue  # cells and rows: data, read out by the view, not controls
            visit(child, node.path, depth + 1)

    visit(_interface(widget), "", 0)
    return found


def _label_of(face: QAccessibleInterface) -> str:
    for other, _relation in face.relations(QAccessible.RelationFlag.Label):
        if other is not None and other.text(NAME):
            return other.text(NAME)
    return ""


def unnamed(nodes: list[Node]) -> list[Node]:
    """The interactive nodes (and column headers) a screen reader could not name."""
    return [node for node in nodes if _needs_a_name(node)]


def _needs_a_name(node: Node) -> bool:
    if node.role == Role.PageTabList and node.children == 0:
        return False  # a tab bar with no tabs yet says nothing and takes no keys
    if node.role not in INTERACTIVE and node.role not in HEADER_ROLES:
        return False
    name = node.name.strip()
    if node.role == Role.ComboBox:
        # Windows and macOS read the widget's name; Linux the value and the label relation.
        return not node.widget_name.strip() or not node.labelled_by.strip()
    return not name or (node.role in VALUED and name == node.value.strip())


def dump(nodes: list[Node]) -> str:
    """An indented outline, as a screen reader's object navigation would walk it."""
    lines = []
    for node in nodes:
        text = f"{'  ' * node.depth}{_role_name(node.role)}: {node.name!r}"
        if node.description:
            text += f" — {node.description!r}"
        lines.append(text)
    return "\n".join(lines)


# -- the keyboard --------------------------------------------------------------------------------
def operable(widget: QWidget, window: QWidget) -> bool:
    """A control a person can reach now: shown, enabled, in this window, not the inner
    editor of a spin box or combo box (the outer one takes the focus)."""
    from iro_desktop.gui.accessibility import NAMED

    parent = widget.parentWidget()
    inner = isinstance(parent, QAbstractSpinBox | QComboBox)
    return (
        isinstance(widget, NAMED)
        and not isinstance(widget, QHeaderView)  # sorted from the view, never a tab stop
        and not inner
        and widget.window() is window
        and widget.isVisible()
        and widget.isEnabled()
        and widget.objectName() != "qt_scrollarea_viewport"
    )


def tab_chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits in ``window``, in order, from the top-left one (the chain is a
    ring: where it is entered is the window's business)."""
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    seen = 0
    while widget is not window and seen < 5000:
        seen += 1
        policy = widget.focusPolicy()
        if (
            widget.focusProxy() is None
            and policy & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
            and operable(widget, window)
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    if not chain:
        return chain
    first = min(range(len(chain)), key=lambda i: _reading_key(window, chain[i]))
    return chain[first:] + chain[:first]


def _reading_key(window: QWidget, widget: QWidget) -> tuple[int, int]:
    point = widget.mapTo(window, QPoint(0, 0))
    return (point.y(), point.x())


def _region(widget: QWidget) -> QWidget | None:
    """The scroll area a widget scrolls in (its place on screen depends on the scrolling)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _outermost_region(widget: QWidget) -> QWidget | None:
    found = None
    region = _region(widget)
    while region is not None:
        found = region
        region = _region(region)
    return found


def _place(window: QWidget, widget: QWidget, other: QWidget) -> QRect:
    """Where ``widget`` reads in ``window`` compared with ``other``: inside a scroll area the
    other is not in, the scroll area's place (its content scrolls; the area does not)."""
    block = _outermost_region(widget)
    if block is not None and block is not _outermost_region(other):
        widget = block
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def out_of_reading_order(
    window: QWidget, chain: list[QWidget], tolerance: int = 8
) -> list[tuple[str, str]]:
    """Steps of the Tab order that go back up the window or leftwards along a line (moving
    up into a new column to the right is reading order too)."""
    wrong = []
    for first, second in itertools.pairwise(chain):
        a, b = _place(window, first, second), _place(window, second, first)
        if a == b:
            continue  # both in one scrolling block seen from outside it
        new_column = b.left() >= a.right() - tolerance
        upwards = b.top() < a.top() - tolerance and not new_column
        same_line = abs(b.top() - a.top()) <= tolerance
        leftwards = same_line and b.left() < a.left() - tolerance
        if upwards or leftwards:
            wrong.append((describe(first), describe(second)))
    return wrong


def unreachable(window: QWidget) -> list[str]:
    """Controls shown and enabled that Tab never reaches."""
    chain = set(map(id, tab_chain(window)))
    missed = []
    for widget in window.findChildren(QWidget):
        if not operable(widget, window) or id(widget) in chain:
            continue
        target = widget.focusProxy() or widget
        if id(target) in chain:
            continue
        missed.append(describe(widget))
    return missed


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"
