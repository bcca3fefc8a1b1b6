"""CSV cells a spreadsheet would execute ("CSV injection", OWASP).

Excel, LibreOffice and Google Sheets treat a cell that starts with ``=``, ``+``, ``-`` or ``@``
as a formula, and a leading tab or carriage return can hide such a start. Every CSV this
product writes goes through :func:`neutralise`: such a text cell is written with a single
quote in front, which a spreadsheet shows as text. Every importer reads cells as text only
(never evaluates them) and :func:`restore` takes our quote off again, so a value survives an
export and an import unchanged.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

# The characters that make a spreadsheet treat a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutralise(value: Any) -> str:
    """``value`` as a CSV cell that a spreadsheet shows as text, never runs."""
    text = "" if value is None else str(value)
    return QUOTE + text if looks_like_formula(text) else text


def restore(text: str) -> str:
    """Undo :func:`neutralise`: a quote followed by a formula start is our prefix."""
    if text.startswith(QUOTE) and looks_like_formula(text[1:]):
        return text[1:]
    return text


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


class SafeWriter:
    """A ``csv.writer`` that neutralises every cell it writes."""

    def __init__(self, handle: TextIO, **kwargs: Any) -> None:
        self._writer = csv.writer(handle, **kwargs)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        self._writer.writerows([neutralise(cell) for cell in row] for row in rows)


def safe_writer(handle: TextIO, **kwargs: Any) -> SafeWriter:
    return SafeWriter(handle, **kwargs)
