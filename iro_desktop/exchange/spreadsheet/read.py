"""Read a tracker: an ``.xlsx`` workbook with openpyxl (merged header cells, blank rows,
Excel date cells; formulas are read as their text, never worked out), or a ``.csv`` file in
any common dialect (``csv.Sniffer``) and encoding (UTF-8 with or without BOM, UTF-16 with BOM,
else Windows-1252; anything else is refused with a message)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from iro_desktop.exchange.csv_safety import restore
from iro_desktop.exchange.spreadsheet.cells import BadSpreadsheet, blank, column_letter

__all__ = ["Sheet", "SheetRow", "read_sheet"]


@dataclass
class SheetRow:
    number: int  # as the spreadsheet shows it
    cells: list[Any]  # str | date | datetime | int | float | None, one per column


@dataclass
class Sheet:
    name: str  # the file's name (no folder)
    headers: list[str]  # one per column: the heading text (a group heading joined in front)
    header_parts: list[tuple[str, ...]]
    header_row: int  # the last heading row, as the spreadsheet numbers it
    rows: list[SheetRow]
    sheet_title: str = ""
    encoding: str = ""
    delimiter: str = ""


def read_sheet(path: Path, *, sheet_name: str | None = None) -> Sheet:
    """Read a tracker (``.xlsx``/``.xlsm`` or ``.csv``/``.txt``). Raises BadSpreadsheet."""
    path = Path(path)
    if not path.is_file():
        raise BadSpreadsheet(f"{path}: there is no such file. Choose your tracker's file.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet_name)
    if suffix == ".xls":
        raise BadSpreadsheet(
            f"{path.name} is an old Excel 97-2003 workbook, which IRO Desktop cannot read. "
            "Open it in Excel and save it as 'Excel Workbook (*.xlsx)', then import that."
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise BadSpreadsheet(
            f"{path.name} cannot be read ({error.strerror}). Close it in any other program "
            "and try again."
        ) from error
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(path, sheet_name)
    return _read_csv(path.name, data)


def _cell_value(value: Any) -> Any:
    """A cell as we keep it: text, a number, a date or datetime. A formula stays its text."""
    if value is None or isinstance(value, str | int | float | date):
        return value
    text = getattr(value, "text", None)  # openpyxl ArrayFormula and the like
    return str(text if text is not None else value)


def _read_xlsx(path: Path, sheet_name: str | None) -> Sheet:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # data_only=False: a formula is read as its text, never as a worked-out value. Read
        # from the bytes, so a workbook saved with a .csv or .txt name is still read as one.
        book = load_workbook(io.BytesIO(path.read_bytes()), data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise BadSpreadsheet(
            f"{path.name} cannot be read as an Excel workbook ({error}). Open it in Excel and "
            "save it again as 'Excel Workbook (*.xlsx)'."
        ) from error
    try:
        if sheet_name is not None:
            if sheet_name not in book.sheetnames:
                raise BadSpreadsheet(
                    f"{path.name} has no sheet called {sheet_name!r}; its sheets are "
                    + ", ".join(book.sheetnames)
                    + "."
                )
            sheet = book[sheet_name]
        else:
            sheet = book.active or book.worksheets[0]
        grid = [[_cell_value(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        merged = [(r.min_row, r.max_row, r.min_col, r.max_col) for r in sheet.merged_cells.ranges]
        title = sheet.title
    finally:
        book.close()
    width = max((len(row) for row in grid), default=0)
    for row in grid:
        row.extend([None] * (width - len(row)))
    # A merged cell's value shows across its whole range: fill it in.
    for min_row, max_row, min_col, max_col in merged:
        value = grid[min_row - 1][min_col - 1]
        for r in range(min_row, min(max_row, len(grid)) + 1):
            for c in range(min_col, max_col + 1):
                grid[r - 1][c - 1] = value
    first = _first_heading_row(grid)
    if first is None:
        raise BadSpreadsheet(f"{path.name}: the sheet {title!r} is empty.")
    header_top = first + 1  # spreadsheet numbering
    header_bottom = header_top
    for min_row, max_row, min_col, max_col in merged:
        if min_row == header_top:
            header_bottom = max(header_bottom, max_row)
            if max_col > min_col and max_row == header_top:
                # A group heading over several columns: the column names are underneath.
                header_bottom = max(header_bottom, header_top + 1)
    header_bottom = min(header_bottom, len(grid))
    return _sheet_from_grid(path.name, grid, header_top, header_bottom, sheet_title=title)


def _first_heading_row(grid: list[list[Any]]) -> int | None:
    """The index of the headings row: the first row with two or more different values (a title
    above the table, merged across it or not, has one); else the first row that is not blank."""
    first = None
    for i, row in enumerate(grid):
        values = {" ".join(str(v).split()) for v in row if not blank(v)}
        if values and first is None:
            first = i
        if len(values) >= 2:
            return i
    return first


def _sheet_from_grid(
    name: str, grid: list[list[Any]], header_top: int, header_bottom: int, **extra: Any
) -> Sheet:
    width = max((len(row) for row in grid), default=0)
    parts: list[tuple[str, ...]] = []
    for c in range(width):
        seen: list[str] = []
        for r in range(header_top, header_bottom + 1):
            row = grid[r - 1]
            value = row[c] if c < len(row) else None
            text = " ".join(str(value).split()) if not blank(value) else ""
            if text and text not in seen:
                seen.append(text)
        parts.append(tuple(seen))
    # Trailing columns with no heading and no data are dropped.
    while (
        parts
        and not parts[-1]
        and all(len(row) < len(parts) or blank(row[len(parts) - 1]) for row in grid[header_bottom:])
    ):
        parts.pop()
    width = len(parts)
    rows = []
    for number in range(header_bottom + 1, len(grid) + 1):
        cells = list(grid[number - 1][:width])
        cells.extend([None] * (width - len(cells)))
        if all(blank(v) for v in cells):
            continue  # a blank row
        rows.append(SheetRow(number, cells))
    headers = [" ".join(p) if p else f"Column {column_letter(i)}" for i, p in enumerate(parts)]
    return Sheet(name, headers, parts, header_bottom, rows, **extra)


def _decode(name: str, data: bytes) -> tuple[str, str]:
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise BadSpreadsheet(f"{name} is empty. Choose the file your tracker is saved in.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise BadSpreadsheet(
                f"{name} says it is UTF-16 but cannot be read as such. Save it from Excel as "
                "'CSV UTF-8 (Comma delimited)' and import that."
            ) from error
    if b"\x00" in data or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise BadSpreadsheet(
            f"{name} is not a text CSV file (it holds binary data; it may be an Excel file "
            "with the wrong ending). Save it from Excel as 'Excel Workbook (*.xlsx)' or "
            "'CSV UTF-8 (Comma delimited)' and import that."
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise BadSpreadsheet(
        f"{name} is in a character encoding IRO Desktop does not recognise (neither UTF-8 nor "
        "Windows-1252). Open it in Excel and save it as 'CSV UTF-8 (Comma delimited)'."
    )


def _read_csv(name: str, data: bytes) -> Sheet:
    text, encoding = _decode(name, data)
    sample = text[:65536]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        grid: list[list[Any]] = [[restore(cell) for cell in record] for record in reader]
    except csv.Error as error:
        raise BadSpreadsheet(
            f"{name}, row {reader.line_num}: the CSV cannot be read ({error}). Save it from "
            "Excel as 'CSV UTF-8 (Comma delimited)' and try again."
        ) from error
    first = _first_heading_row(grid)
    if first is None:
        raise BadSpreadsheet(f"{name} has no rows.")
    return _sheet_from_grid(
        name, grid, first + 1, first + 1, encoding=encoding, delimiter=dialect.delimiter
    )
