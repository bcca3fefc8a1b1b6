"""The marked-string check (issue 19): in the pseudo language every translated string is
wrapped in ⟦ ⟧, so any text a person reads without the markers never went through ``_``.

``unmarked_texts(widget)`` walks a window, form or dialog and returns every visible text
(labels, buttons, window titles, tab texts, group boxes, table and tree headers, tooltips,
placeholders, accessible names and descriptions, menu and action texts, combo-box items) that
is not wholly marked, with the path of the widget that shows it. Data is left out: a text
that is nothing but dates, numbers, a file path, a child's reference or a name from the
caseload (``data_words``) is not a word of the app. Table cells are data and are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from iro_desktop.i18n import PSEUDO_CLOSE, PSEUDO_OPEN

_MARKED = re.compile(f"{PSEUDO_OPEN}[^{PSEUDO_OPEN}{PSEUDO_CLOSE}]*{PSEUDO_CLOSE}")
_CUT = re.compile(f"{PSEUDO_OPEN}[^{PSEUDO_CLOSE}]*$")  # a marked text cut short to fit
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_DAYS = "Mon|Tue|Wed|Thu|Fri|Sat|Sun"
_DATA = [
    re.compile(
        rf"\b(?:(?:{_DAYS}|[A-Z][a-z]+day),?\s+)?\d{{1,2}}\s+(?:{_MONTHS})[a-z]*\s+\d{{4}}\b"
    ),
    re.compile(rf"\b(?:{_MONTHS})[a-z]*\s+\d{{4}}\b"),
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\bDD/MM/YYYY\b|\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(r"(?:[A-Za-z]:)?[\\/][^\s]+"),  # a file path
    re.compile(r"\b[A-Z]{2}\d{4,}\b"),  # a child's reference (DB128330)
    re.compile(r"\bPN\d\d?\b|\bRE\d\b|\b[A-Z]\d{1,2}\b"),  # 903 codes
    re.compile(r"\d+(?:[.,:]\d+)*%?"),
    re.compile(r"\b[A-Z][A-Z0-9]{1,5}\b"),  # a code or acronym (PR0, CARPL, WBRI, PEP)
    re.compile(r"\b(?:(?:Ctrl|Shift|Alt)\+)+\w+"),  # a key sequence (Ctrl+Enter)
]
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def words_outside_markers(text: str, data_words: Iterable[str] = ()) -> str:
    """What is left of ``text`` once marked strings and data are taken out ("" for none)."""
    rest = text
    while True:
        stripped = _MARKED.sub(" ", rest)
        if stripped == rest:
            break
        rest = stripped
    rest = _CUT.sub(" ", rest)
    for pattern in _DATA:
        rest = pattern.sub(" ", rest)
    for word in sorted(data_words, key=len, reverse=True):
        if word:
            rest = rest.replace(word, " ")
    return " ".join(_LETTERS.findall(rest))


def _path(thing: QObject, root: QObject) -> str:
    names = []
    current: QObject | None = thing
    while current is not None:
        names.append(current.objectName() or type(current).__name__)
        if current is root:
            break
        current = current.parent()
    return "/".join(reversed(names))


def visible_texts(root: QWidget) -> Iterator[tuple[str, str, str]]:
    """(widget path, what, text) for every text of ``root`` and its children a person reads."""
    documents = [w for w in [root, *root.findChildren(QWidget)] if w.property("showsDocument")]
    widgets = [
        w
        for w in [root, *root.findChildren(QWidget)]
        if not any(d is w or d.isAncestorOf(w) for d in documents)  # a document's own words
    ]
    for widget in widgets:
        path = _path(widget, root)
        if widget.property("showsRecordData"):  # a recorded value: data, named by its label
            yield path, "accessibleName", widget.accessibleName()
            continue
        if widget.isWindow():
            yield path, "windowTitle", widget.windowTitle()
        for what in (
            "toolTip",
            "statusTip",
            "whatsThis",
            "accessibleName",
            "accessibleDescription",
        ):
            yield path, what, widget.property(what) or ""
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield path, "text", widget.text()
        elif isinstance(widget, QGroupBox):
            yield path, "title", widget.title()
        elif isinstance(widget, QLineEdit):
            yield path, "placeholderText", widget.placeholderText()
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield path, f"tab {index}", widget.tabText(index)
                yield path, f"tab {index} toolTip", widget.tabToolTip(index)
        elif isinstance(widget, QTabBar) and not isinstance(widget.parent(), QTabWidget):
            for index in range(widget.count()):
                yield path, f"tab {index}", widget.tabText(index)
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield path, f"item {index}", widget.itemText(index)
        header_view = (
            widget.horizontalHeader()
            if isinstance(widget, QTableView)
            else widget.header()
            if isinstance(widget, QTreeView)
            else None
        )
        if header_view is not None and not header_view.isHidden() and widget.model() is not None:
            model = widget.model()
            for section in range(header_view.count()):
                header = model.headerData(
                    section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
                )
                yield path, f"header {section}", header if isinstance(header, str) else ""
        if isinstance(widget, QMenu):
            yield path, "title", widget.title()
    for action in root.findChildren(QAction):
        path = _path(action, root)
        if action.isSeparator():
            continue
        for what in ("text", "toolTip", "statusTip", "whatsThis"):
            yield path, f"action {what}", action.property(what) or ""


def unmarked_texts(root: QWidget, data_words: Iterable[str] = ()) -> list[tuple[str, str, str]]:
    """Every (widget path, what, text) of ``root`` with words outside the markers."""
    words = tuple(data_words)
    found = []
    for path, what, text in visible_texts(root):
        if not isinstance(text, str) or not text.strip():
            continue
        # Qt derives an action's tooltip from its text, without the "&" or the markers' spaces.
        if words_outside_markers(text.replace("&", ""), words):
            found.append((path, what, text))
    return found


def report(found: list[tuple[str, str, str]], limit: int = 60) -> str:
    lines = [f"{len(found)} text(s) not through _():"]
    lines += [f"  {path} [{what}]: {text!r}" for path, what, text in found[:limit]]
    if len(found) > limit:
        lines.append(f"  ... and {len(found) - limit} more")
    return "\n".join(lines)
