"""Babel extractors for the app's own catalogue (the ``app`` domain) beyond Python.

``extract_ui``: the words a person reads in a Qt Designer form (``ui/*.ui``). Designer keeps
every string in a ``<string>`` element; the ones a person reads are the values of the
properties named in :data:`VISIBLE` (``text``, ``title``, ``windowTitle``, ``toolTip`` ...),
of a tab page's ``title`` attribute, and of combo-box ``<item>``s and table ``<column>``/
``<row>`` headers (their ``text``). A string marked ``notr="true"`` in Designer (a code, an
example date) is left out, as Qt's own ``lupdate`` does; Designer's ``comment`` and
``extracomment`` become the translator's comment.

``gui/forms/loader.py`` translates the same properties when it loads a form, so the two lists
must agree: both read :data:`VISIBLE` (the loader keeps its own copy, since the app does not
import the tooling; a test checks that they are the same).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any
from xml.etree import ElementTree

from iro_desktop.i18n import FORM_TEXT_PROPERTIES

# Properties whose text a person reads or hears: the one list the form loader uses too.
VISIBLE = frozenset(FORM_TEXT_PROPERTIES)

Extracted = tuple[int, str | None, str, list[str]]


def visible_strings(root: ElementTree.Element) -> Iterator[tuple[ElementTree.Element, str]]:
    """Every translatable ``<string>`` of a form with its property's name, in file order."""
    for parent in root.iter():
        if parent.tag not in ("property", "attribute"):
            continue
        name = parent.get("name", "")
        if name not in VISIBLE:
            continue
        string = parent.find("string")
        if string is None or string.get("notr", "").lower() == "true":
            continue
        if (string.text or "").strip():
            yield string, name


def extract_ui(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[Extracted]:
    """Babel's extractor interface: (line number, function name, message, comments)."""
    # ElementTree keeps no line numbers: the catalogue is written --no-location anyway.
    root = ElementTree.parse(fileobj).getroot()
    for string, _name in visible_strings(root):
        comments = [c for c in (string.get("comment"), string.get("extracomment")) if c]
        yield 0, None, string.text or "", comments
