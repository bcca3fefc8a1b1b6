"""An ``.xlsx`` workbook read within bounds: a grid of cell values and the merged ranges of one
sheet, whatever the file claims about itself.

* The zip is checked first: at most ``SHEET_MAX_BYTES`` on disk and ``SHEET_MAX_INFLATED``
  once unpacked, counted while unpacking (a zip's own sizes may lie), so a zip bomb is refused
  after a few hundred MB of work, not 3 GB.
* openpyxl reads in **read-only** mode, streaming the sheet's XML row by row, and only the
  first ``SHEET_MAX_ROWS`` rows and ``SHEET_MAX_COLUMNS`` columns are asked for: a cell at
  XFD1048576 is never padded out to 17 billion cells. A sheet whose data or stated size goes
  beyond them is refused.
* Merged ranges (which read-only mode does not give) are read from the sheet's XML as a
  stream, at most ``SHEET_MAX_MERGED`` of them, and clipped to the grid that was read.

Formulas are read as their text, never worked out (``data_only=False``).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from typing import Any
from xml.etree.ElementTree import ParseError, iterparse

from iro_desktop.exchange.columns import column_letter
from iro_desktop.exchange.limits import (
    MB,
    SHEET_MAX_BYTES,
    SHEET_MAX_CELLS,
    SHEET_MAX_COLUMNS,
    SHEET_MAX_INFLATED,
    SHEET_MAX_MERGED,
    SHEET_MAX_ROWS,
    TooBig,
    read_capped,
)
from iro_desktop.exchange.spreadsheet.cells import BadSpreadsheet, blank

__all__ = ["XlsxGrid", "read_xlsx"]

_MAX_PARTS = 2_000  # files inside the zip: a workbook has a few dozen
_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?")

Merged = tuple[int, int, int, int]  # min_row, max_row, min_col, max_col (1-based)


class XlsxGrid:
    def __init__(self, grid: list[list[Any]], merged: list[Merged], title: str) -> None:
        self.grid = grid
        self.merged = merged
        self.title = title


def _save_again(name: str, why: str) -> BadSpreadsheet:
    return BadSpreadsheet(
        f"{name} cannot be read as an Excel workbook ({why}). Open it in Excel and save it "
        "again as 'Excel Workbook (*.xlsx)'."
    )


def _too_big(name: str, what: str) -> BadSpreadsheet:
    return BadSpreadsheet(
        f"{name} is too big for a tracker: {what}. IRO Desktop reads up to "
        f"{SHEET_MAX_ROWS:,} rows and {SHEET_MAX_COLUMNS} columns. Copy your table (only "
        "its rows and columns) into a new workbook, save it and import that."
    )


def _cell_value(value: Any) -> Any:
    """A cell as we keep it: text, a number, a date or datetime. A formula stays its text."""
    if value is None or isinstance(value, str | int | float | date):
        return value
    text = getattr(value, "text", None)  # openpyxl ArrayFormula and the like
    return str(text if text is not None else value)


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def _check_zip(name: str, data: bytes) -> zipfile.ZipFile:
    if len(data) > SHEET_MAX_BYTES:
        raise _too_big(name, f"the file is over {SHEET_MAX_BYTES // MB} MB")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
        if len(parts) > _MAX_PARTS:
            raise _too_big(name, f"it holds {len(parts):,} parts")
        if sum(p.file_size for p in parts) > SHEET_MAX_INFLATED:
            raise TooBig(f"it holds more than {SHEET_MAX_INFLATED // MB} MB once unpacked")
        read_capped([lambda p=p: archive.open(p) for p in parts], SHEET_MAX_INFLATED)
    except TooBig as error:
        raise _too_big(name, error.what) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError,
            RuntimeError, ValueError) as error:  # fmt: skip
        raise _save_again(name, f"the zip inside is damaged: {error}") from error
    return archive


def _merged_ranges(name: str, archive: Any, path: str, rows: int, columns: int) -> list[Merged]:
    """The sheet's merged ranges, read as a stream and clipped to ``rows`` x ``columns``."""
    out: list[Merged] = []
    area = 0  # cells the merged values are copied into
    try:
        with archive.open(path) as source:
            for _event, element in iterparse(source, events=("end",)):
                tag = element.tag.rsplit("}", 1)[-1]
                if tag == "mergeCell":
                    if len(out) >= SHEET_MAX_MERGED:
                        raise _too_big(name, f"it has over {SHEET_MAX_MERGED:,} merged ranges")
                    match = _RANGE.fullmatch(element.get("ref", ""))
                    if match and match.group(3):
                        c1, r1, c2, r2 = match.groups()
                        min_row, max_row = sorted((int(r1), int(r2)))
                        min_col, max_col = sorted((_column_number(c1), _column_number(c2)))
                        if max_row > SHEET_MAX_ROWS or max_col > SHEET_MAX_COLUMNS:
                            raise _too_big(name, f"a merged range reaches to cell {c2}{r2}")
                        if min_row <= rows and min_col <= columns:
                            max_row, max_col = min(max_row, rows), min(max_col, columns)
                            area += (max_row - min_row + 1) * (max_col - min_col + 1)
                            if area > SHEET_MAX_CELLS:
                                raise _too_big(name, "its merged cells cover too much")
                            out.append((min_row, max_row, min_col, max_col))
                elif tag == "row":
                    element.clear()  # the cells were read already: keep nothing of them
    except ParseError as error:
        raise _save_again(name, f"its XML is damaged: {error}") from None
    return out


def read_xlsx(name: str, data: bytes, sheet_name: str | None) -> XlsxGrid:
    """One sheet of the workbook in ``data``. Raises BadSpreadsheet."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    _check_zip(name, data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError,
            TypeError, AttributeError, ParseError, EOFError) as error:  # fmt: skip
        raise _save_again(name, str(error) or type(error).__name__) from error
    try:
        if sheet_name is not None:
            if sheet_name not in book.sheetnames:
                raise BadSpreadsheet(
                    f"{name} has no sheet called {sheet_name!r}; its sheets are "
                    + ", ".join(book.sheetnames)
                    + "."
                )
            sheet = book[sheet_name]
        else:
            sheet = book.active or book.worksheets[0]
        if not hasattr(sheet, "_worksheet_path"):
            raise BadSpreadsheet(f"{name}: {sheet.title!r} is a chart, not a sheet of cells.")
        stated_rows, stated_columns = sheet.max_row or 0, sheet.max_column or 0
        if stated_rows > SHEET_MAX_ROWS or stated_columns > SHEET_MAX_COLUMNS:
            raise _too_big(
                name,
                f"the sheet {sheet.title!r} reaches to cell "
                f"{column_letter(stated_columns - 1)}{stated_rows}",
            )
        grid = _read_rows(name, sheet)
        width = max((len(row) for row in grid), default=0)
        if len(grid) * width > SHEET_MAX_CELLS:
            raise _too_big(name, f"its table is {len(grid):,} rows by {width} columns")
        merged = _merged_ranges(name, book._archive, sheet._worksheet_path, len(grid), width)
        title = sheet.title
    except (KeyError, OSError, ValueError, TypeError, AttributeError, ParseError, EOFError,
            zipfile.BadZipFile) as error:  # fmt: skip
        raise _save_again(name, str(error) or type(error).__name__) from error
    finally:
        book.close()
    for row in grid:
        row.extend([None] * (width - len(row)))
    return XlsxGrid(grid, merged, title)


def _read_rows(name: str, sheet: Any) -> list[list[Any]]:
    """The rows up to the last one holding anything, each up to its last value, within the
    limits: data in the row or the column just past them refuses the file."""
    sheet.reset_dimensions()  # the stated size is checked; the rows are read as they are
    grid: list[list[Any]] = []
    cells = 0
    last = 0
    for number, values in enumerate(
        sheet.iter_rows(
            max_row=SHEET_MAX_ROWS + 1, max_col=SHEET_MAX_COLUMNS + 1, values_only=True
        ),
        start=1,
    ):
        row = [_cell_value(v) for v in values]
        while row and blank(row[-1]):
            row.pop()
        if not row:
            grid.append(row)
            continue
        if number > SHEET_MAX_ROWS:
            raise _too_big(name, f"it has data in row {number:,}")
        if len(row) > SHEET_MAX_COLUMNS:
            raise _too_big(name, f"row {number} has data in column {column_letter(len(row) - 1)}")
        cells += len(row)
        if cells > SHEET_MAX_CELLS:
            raise _too_big(name, f"it has over {SHEET_MAX_CELLS:,} cells")
        grid.append(row)
        last = number
    return grid[:last]
