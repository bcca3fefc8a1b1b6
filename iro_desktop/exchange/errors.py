"""Errors raised when a file from outside cannot be read into the caseload."""

from __future__ import annotations

from iro_desktop.errors import UserError


class ExchangeError(UserError):
    """A file to import or export could not be used; the caseload is left unchanged."""


class Bad903File(ExchangeError):
    """A 903 CSV file was refused. The message names the file, the row (as a spreadsheet shows
    it: the header is row 1) and the column, says what is wrong and what to do."""

    def __init__(
        self, message: str, *, file: str = "", row: int | None = None, column: str = ""
    ) -> None:
        super().__init__(message)
        self.file = file
        self.row = row
        self.column = column
