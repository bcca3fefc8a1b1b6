"""Spreadsheet column letters (A, B … Z, AA …), as Excel and the DfE's messages name columns."""

from __future__ import annotations


def column_letter(index: int) -> str:
    """The letter of the column at ``index`` (0 is A)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters
