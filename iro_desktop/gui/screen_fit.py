"""Windows and dialogs sized to the screen they open on, never larger.

Every top-level window asks for its comfortable size through ``fit_to_screen``; on a small or
scaled screen (1366x768; 1920x1080 at 150%, which Qt sees as 1280x720) it gets what the
screen's available area allows, leaving room for the title bar and the window frame.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

# Room left for what the window system draws round a window: a title bar (about 32 px on
# Windows 11 at 100%) and the frame's edges.
TITLE_BAR_ROOM = 40
FRAME_ROOM = 16


def available_size(widget: QWidget) -> QSize:
    """The most a window's contents may take on the widget's screen (the taskbar is already
    out of the screen's available area)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all (never on a desktop): do not limit
        return QSize(1 << 16, 1 << 16)
    area = screen.availableGeometry()
    return QSize(area.width() - FRAME_ROOM, area.height() - TITLE_BAR_ROOM)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` x ``height`` or the screen's available area, whichever is less."""
    room = available_size(widget)
    widget.resize(min(width, room.width()), min(height, room.height()))


def centre_on_screen(widget: QWidget) -> None:
    """Place a main window in the middle of its screen's available area."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    frame = widget.frameGeometry()
    frame.moveCenter(area.center())
    widget.move(max(area.left(), frame.left()), max(area.top(), frame.top()))


def limit_minimum_width(widget: QWidget, width: int) -> None:
    """``setMinimumWidth`` that never asks for more than the screen can give."""
    widget.setMinimumWidth(min(width, available_size(widget).width()))


def share_width(natural: dict[int, int], room: int, floor: int = 80) -> dict[int, int]:
    """Column widths that fit in ``room`` pixels: as wide as their words when they all fit,
    otherwise each column wider than ``floor`` gives up its share of the excess in proportion
    to what it has above the floor (their text elides or wraps; none scrolls sideways)."""
    total = sum(natural.values())
    if total <= room or room <= 0:
        return dict(natural)
    spare = {column: max(0, width - floor) for column, width in natural.items()}
    shrinkable = sum(spare.values())
    excess = total - room
    if shrinkable <= excess:  # even at the floor it cannot fit: everything at the floor
        return {column: min(width, floor) for column, width in natural.items()}
    return {
        column: width - (excess * spare[column] + shrinkable - 1) // shrinkable
        for column, width in natural.items()
    }


def fit_columns(view: QTableView, natural: dict[int, int], floor: int = 80) -> None:
    """Lay ``natural`` column widths into the view's visible width (see ``share_width``)."""
    if not view.isVisible():  # a hidden view has no real width yet: fitted when shown
        return
    header = view.horizontalHeader()
    shown = {c: w for c, w in natural.items() if not header.isSectionHidden(c)}
    room = view.viewport().width() - 2  # a vertical scroll bar narrows the viewport itself
    for column, width in share_width(shown, room, floor).items():
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
            header.resizeSection(column, width)  # a stretching column takes what is left
