"""Load a Designer form from ``ui/`` with ``QUiLoader`` (a council's own version first: see
``iro_desktop.package_files``), its words in the IRO's language.

Why ``QUiLoader`` and not ``pyside6-uic``: there is no build step to forget, a council's IT or a
designer can open a ``.ui`` file in Qt Designer, change it and see it at the next start, and
the forms in ``ui/`` are the only copy (no generated Python beside them to drift). Loading a
form takes a few milliseconds. Signals are connected explicitly in each form's code, never by
``connectSlotsByName``.

Translation: the forms' words are in the app's gettext catalogue (``resources/translations``,
extracted by ``extractors.extract_ui``), not Qt's ``.ts`` files, so that the whole app has one
catalogue and one set of tools for a Welsh translator. After loading, every string the form
file marks as a person's to read (the properties in :data:`VISIBLE_PROPERTIES`, combo-box and
list items, tab titles, table and tree headers, actions; never ``notr="true"``) is passed
through ``_``. Only strings found in the file are touched, so a value the form's code sets
later, or a number in a spin box, is never "translated".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtGui import QAction
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import (
    QComboBox,
    QListWidget,
    QTableWidget,
    QTabWidget,
    QToolBox,
    QTreeWidget,
    QWidget,
)

from iro_desktop.i18n import FORM_TEXT_PROPERTIES, _
from iro_desktop.package_files import MissingShippedFile, form_file

VISIBLE_PROPERTIES = FORM_TEXT_PROPERTIES


def load_ui(file_name: str, parent: QWidget | None = None) -> QWidget:
    path = form_file(file_name)  # the council's version first; MissingShippedFile names it
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise MissingShippedFile(f"The form {path} could not be opened: {handle.errorString()}")
    try:
        widget = QUiLoader().load(handle, parent)
    except RuntimeError:  # PySide's word for a file QUiLoader cannot parse
        widget = None
    finally:
        handle.close()
    if widget is None:
        raise MissingShippedFile(
            f"The form {path} could not be read: it is not a Designer form. Replace it, or "
            "reinstall IRO Desktop."
        )
    translate_form(widget, translatable_strings(path))
    return widget


def translatable_strings(path: Path) -> frozenset[str]:
    """The strings of a form file a person reads (as the catalogue's extractor finds them)."""
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):  # QUiLoader read it: nothing to translate then
        return frozenset()
    found = set()
    for parent in root.iter():
        if parent.tag in ("property", "attribute") and parent.get("name") in VISIBLE_PROPERTIES:
            string = parent.find("string")
            if string is not None and string.get("notr", "").lower() != "true" and string.text:
                found.add(string.text)
    return frozenset(found)


def translate_form(root: QWidget, strings: frozenset[str]) -> None:
    """Pass every string of ``strings`` shown by ``root`` and its children through ``_``."""
    if not strings:
        return

    def tr(text: str) -> str | None:
        return _(text) if text in strings else None

    for widget in (root, *root.findChildren(QWidget)):
        _translate_properties(widget, tr)
        _translate_items(widget, tr)
    for action in root.findChildren(QAction):
        _translate_properties(action, tr)


def _translate_properties(thing: QObject, tr: Callable[[str], str | None]) -> None:
    meta = thing.metaObject()
    for name in VISIBLE_PROPERTIES:
        index = meta.indexOfProperty(name)
        if index < 0 or not meta.property(index).isWritable():
            continue
        value = thing.property(name)
        if isinstance(value, str) and value:
            translated = tr(value)
            if translated is not None:
                thing.setProperty(name, translated)


def _translate_items(widget: QWidget, tr: Callable[[str], str | None]) -> None:
    """The strings Designer keeps in items rather than properties."""

    def each(get: Callable[[int], str], put: Callable[[int, str], None], count: int) -> None:
        for index in range(count):
            translated = tr(get(index))
            if translated is not None:
                put(index, translated)

    if isinstance(widget, QComboBox):
        each(widget.itemText, widget.setItemText, widget.count())
    elif isinstance(widget, QTabWidget):
        each(widget.tabText, widget.setTabText, widget.count())
        each(widget.tabToolTip, widget.setTabToolTip, widget.count())
    elif isinstance(widget, QToolBox):
        each(widget.itemText, widget.setItemText, widget.count())
    elif isinstance(widget, QListWidget):
        each(
            lambda i: widget.item(i).text(), lambda i, t: widget.item(i).setText(t), widget.count()
        )
    elif isinstance(widget, QTableWidget):
        for header, count in (
            (widget.horizontalHeaderItem, widget.columnCount()),
            (widget.verticalHeaderItem, widget.rowCount()),
        ):
            for index in range(count):
                item = header(index)
                if item is not None and (translated := tr(item.text())) is not None:
                    item.setText(translated)
    elif isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        each(header.text, header.setText, widget.columnCount())
