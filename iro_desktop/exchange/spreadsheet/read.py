"""Read a tracker: an ``.xlsx`` workbook with openpyxl (merged header cells, blank rows,
Excel date cells; formulas are read as their text, never worked out), or a ``.csv`` file in
any common dialect (``csv.Sniffer``) and encoding (UTF-8 with or without BOM, UTF-16 with BOM,
else Windows-1252; anything else is refused with a message)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iro_desktop.exchange.columns import column_letter
from iro_desktop.exchange.csv_safety import restore
from iro_desktop.exchange.limits import (
    MB,
    SHEET_MAX_BYTES,
    SHEET_MAX_CELLS,
    SHEET_MAX_COLUMNS,
    SHEET_MAX_ROWS,
)
from iro_desktop.exchange.spreadsheet.cells import BadSpreadsheet, blank
from iro_desktop.exchange.spreadsheet.xlsx import read_xlsx

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
    warnings: list[str] = field(default_factory=list)  # things read but worth checking


def read_sheet(path: Path, *, sheet_name: str | None = None) -> Sheet:
    """Read a tracker (``.xlsx``/``.xlsm`` or ``.csv``/``.txt``). Raises BadSpreadsheet."""
    path = Path(path)
    if not path.is_file():
        raise BadSpreadsheet(f"{path}: there is no such file. Choose your tracker's file.")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise BadSpreadsheet(
            f"{path.name} is an old Excel 97-2003 workbook, which IRO Desktop cannot read. "
            "Open it in Excel and save it as 'Excel Workbook (*.xlsx)', then import that."
        )
    try:
        if path.stat().st_size > SHEET_MAX_BYTES:
            raise BadSpreadsheet(
                f"{path.name} is over {SHEET_MAX_BYTES // MB} MB, far more than a tracker "
                "holds. Choose your tracker's file, or copy its table into a new one."
            )
        with path.open("rb") as handle:
            data = handle.read(SHEET_MAX_BYTES + 1)
    except OSError as error:
        raise BadSpreadsheet(
            f"{path.name} cannot be read ({error.strerror}). Close it in any other program "
            "and try again."
        ) from error
    if suffix in (".xlsx", ".xlsm") or data.startswith(b"PK\x03\x04"):
        # Read from the bytes, so a workbook saved with a .csv or .txt name is still one.
        return _read_xlsx(path.name, data, sheet_name)
    return _read_csv(path.name, data)


def _read_xlsx(name: str, data: bytes, sheet_name: str | None) -> Sheet:
    read = read_xlsx(name, data, sheet_name)
    grid, merged, title = read.grid, read.merged, read.title
    # A merged cell's value shows across its whole range: fill it in.
    for min_row, max_row, min_col, max_col in merged:
        value = grid[min_row - 1][min_col - 1]
        for r in range(min_row, min(max_row, len(grid)) + 1):
            for c in range(min_col, max_col + 1):
                grid[r - 1][c - 1] = value
    first = _first_heading_row(grid)
    if first is None:
        raise BadSpreadsheet(f"{name}: the sheet {title!r} is empty.")
    header_top = first + 1  # spreadsheet numbering
    header_bottom = header_top
    for min_row, max_row, min_col, max_col in merged:
        if min_row == header_top:
            header_bottom = max(header_bottom, max_row)
            if max_col > min_col and max_row == header_top:
                # A group heading over several columns: the column names are underneath.
                header_bottom = max(header_bottom, header_top + 1)
    header_bottom = min(header_bottom, len(grid))
    return _sheet_from_grid(name, grid, header_top, header_bottom, sheet_title=title)


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


def _decode(name: str, data: bytes) -> tuple[str, str, list[int]]:
    """The text, its encoding, and the lines (from 1) that were not in it: UTF-8 (with or
    without BOM), UTF-16 with BOM, or Windows-1252 for a file with no UTF-8 in it at all."""
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise BadSpreadsheet(f"{name} is empty. Choose the file your tracker is saved in.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", []
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
    try:
        return data.decode("utf-8-sig"), "utf-8-sig", []
    except UnicodeDecodeError:
        pass
    lines = data.splitlines(keepends=True)
    utf8_lines: list[bool] = []
    for line in lines:
        try:
            line.decode("utf-8")
            utf8_lines.append(True)
        except UnicodeDecodeError:
            utf8_lines.append(False)
    # Lines that are UTF-8 *and* not plain ASCII show the file was saved as UTF-8: then a line
    # that is not UTF-8 is a stray (a name pasted from elsewhere), read on its own, and listed.
    # Never the whole file re-read as Windows-1252 ("Siân" would become "SiÃ¢n").
    if any(ok and not line.isascii() for ok, line in zip(utf8_lines, lines, strict=True)):
        bad = [number for number, ok in enumerate(utf8_lines, start=1) if not ok]
        text = "".join(
            line.decode("utf-8") if ok else line.decode("cp1252", errors="replace")
            for ok, line in zip(utf8_lines, lines, strict=True)
        )
        return text.removeprefix("\ufeff"), "utf-8 (mixed)", bad
    try:
        return data.decode("cp1252"), "cp1252", []
    except UnicodeDecodeError:
        pass
    raise BadSpreadsheet(
        f"{name} is in a character encoding IRO Desktop does not recognise (neither UTF-8 nor "
        "Windows-1252). Open it in Excel and save it as 'CSV UTF-8 (Comma delimited)'."
    )


def _read_csv(name: str, data: bytes) -> Sheet:
    text, encoding, bad_lines = _decode(name, data)
    sample = text[:65536]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    grid: list[list[Any]] = []
    bad_rows: list[int] = []  # the rows (as a spreadsheet numbers them) with a bad line
    pending = sorted(bad_lines)
    cells = 0
    try:
        for record in reader:
            if len(grid) >= SHEET_MAX_ROWS:
                raise _csv_too_big(name, f"it has over {SHEET_MAX_ROWS:,} rows")
            if len(record) > SHEET_MAX_COLUMNS and any(
                c.strip() for c in record[SHEET_MAX_COLUMNS:]
            ):
                raise _csv_too_big(
                    name, f"row {len(grid) + 1} has over {SHEET_MAX_COLUMNS} columns"
                )
            record = record[:SHEET_MAX_COLUMNS]
            cells += len(record)
            if cells > SHEET_MAX_CELLS:
                raise _csv_too_big(name, f"it has over {SHEET_MAX_CELLS:,} cells")
            grid.append([restore(cell) for cell in record])
            while pending and pending[0] <= reader.line_num:  # the lines this row took
                pending.pop(0)
                if not bad_rows or bad_rows[-1] != len(grid):
                    bad_rows.append(len(grid))
    except csv.Error as error:
        raise BadSpreadsheet(
            f"{name}, row {reader.line_num}: the CSV cannot be read ({error}). Save it from "
            "Excel as 'CSV UTF-8 (Comma delimited)' and try again."
        ) from error
    first = _first_heading_row(grid)
    if first is None:
        raise BadSpreadsheet(f"{name} has no rows.")
    warnings = []
    if bad_lines:
        warnings.append(
            f"{name} is saved as UTF-8, but row(s) {', '.join(map(str, bad_rows))} were not: they "
            "were read as Windows-1252. Check the names and text on those rows before you "
            "import (or save the file again from Excel as 'CSV UTF-8 (Comma delimited)')."
        )
    return _sheet_from_grid(
        name, grid, first + 1, first + 1, encoding=encoding, delimiter=dialect.delimiter,
        warnings=warnings,
    )  # fmt: skip


def _csv_too_big(name: str, what: str) -> BadSpreadsheet:
    return BadSpreadsheet(
        f"{name} is too big for a tracker: {what}. IRO Desktop reads up to "
        f"{SHEET_MAX_ROWS:,} rows and {SHEET_MAX_COLUMNS} columns. Save only your table's "
        "rows and columns and import that."
    )
