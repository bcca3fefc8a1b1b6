"""Find and read the council's 903 files, within bounds: which file in a folder is which table
(by name, case-insensitive, any prefix or suffix around the table's name), how many bytes a
file may have and how many rows a table may hold, before anything is parsed."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from iro_desktop.exchange.columns import column_letter
from iro_desktop.exchange.errors import Bad903File
from iro_desktop.exchange.ssda903 import spec as spec

SAVE_AS_UTF8 = "Open it in Excel and use File > Save As > 'CSV UTF-8 (Comma delimited)'"


@dataclass(frozen=True)
class Limits:
    """How big a 903 file may be. A council's yearly return is a few MB and tens of thousands
    of rows; these bounds leave room for a county's all-years file and refuse the rest within
    seconds, before reading it all."""

    max_bytes: int = 64 * 1024 * 1024
    max_rows: int = 250_000  # per table; the setting behind ``import-903 --max-rows``


DEFAULT_LIMITS = Limits()


def refuse(file: str, row: int | None, column: str, what: str, todo: str) -> Bad903File:
    where = file
    if row is not None:
        where += f", row {row}"
    if column:
        where += f", column {column}"
    return Bad903File(f"{where}: {what}. {todo}.", file=file, row=row, column=column)


def _name_pattern(kind: str) -> re.Pattern[str]:
    # "header" inside "2021-header.csv", "LA123_Header_v2.CSV"; not inside "subheaders.csv"
    return re.compile(rf"(?:^|[^a-z]){kind}(?:[^a-z]|$)")


def find_files(folder: Path) -> dict[str, Path | None]:
    """Each table's file in ``folder`` (None when there is none). Two files that could be the
    same table are refused, naming both."""
    names = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".csv")
    found: dict[str, Path | None] = {}
    for kind in spec.FILE_NAMES:
        pattern = _name_pattern(kind)
        matches = [p for p in names if pattern.search(p.stem.lower())]
        exact = [p for p in matches if p.name.lower() == spec.FILE_NAMES[kind]]
        if len(matches) > 1 and len(exact) != 1:
            raise Bad903File(
                f"{folder}: {matches[0].name} and {matches[1].name} could both be the "
                f"{kind} table. Keep one file whose name contains '{kind}' in the folder (move "
                "the other away), then import again.",
                file=matches[1].name,
            )
        found[kind] = exact[0] if exact else (matches[0] if matches else None)
    return found


def read_bytes(path: Path, limits: Limits) -> bytes:
    name = path.name
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise refuse(
                name,
                None,
                "",
                f"the file is {size // (1024 * 1024)} MB, more than the "
                f"{limits.max_bytes // (1024 * 1024)} MB a 903 file may have",
                "Check it is the right file; a council's 903 table is a few MB",
            )
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except OSError as error:
        raise refuse(
            name,
            None,
            "",
            f"the file cannot be read ({error.strerror})",
            "Close it in any other program and check you may read it, then try again",
        ) from error
    if len(data) > limits.max_bytes:  # grew while we looked
        raise refuse(name, None, "", "the file is too large", "Check it is the right file")
    return data


def _cells_of(line: str) -> list[str]:
    try:
        return next(csv.reader([line]), [])
    except csv.Error:
        return line.replace("\r", "").split(",")


def decode(name: str, data: bytes) -> str:
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise refuse(
            name,
            None,
            "",
            "the file is empty",
            "Export the table again from the case management system, with its header row",
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise refuse(
            name,
            None,
            "",
            "the file is in UTF-16 ('Unicode Text'), not UTF-8",
            f"{SAVE_AS_UTF8}: save it as CSV UTF-8",
        )
    if b"\x00" in data:
        looks = (
            " (it looks like an Excel workbook)"
            if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0"))
            else ""
        )
        raise refuse(
            name,
            None,
            "",
            f"this is not a CSV text file: it contains binary data{looks}",
            f"{SAVE_AS_UTF8}: save it as CSV UTF-8",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        prefix = data[line_start : error.start].decode("utf-8", "replace")
        cell = len(_cells_of(prefix) or [""]) - 1 if prefix else 0
        first_line = data.split(b"\n", 1)[0].decode("utf-8-sig", "replace")
        headings = [h.strip().upper() for h in _cells_of(first_line)]
        column = headings[cell] if 0 <= cell < len(headings) else column_letter(cell)
        bad = data[error.start]
        raise refuse(
            name,
            row,
            column,
            f"the file is not in UTF-8 (the byte 0x{bad:02X} cannot be read; it was probably "
            "saved as 'CSV (Comma delimited)', which is Windows-1252)",
            f"{SAVE_AS_UTF8}: save it as CSV UTF-8",
        ) from error


def csv_records(name: str, text: str, limits: Limits) -> Iterator[list[str]]:
    """The file's rows (the heading row first), refused past ``limits.max_rows`` data rows."""
    reader = csv.reader(io.StringIO(text, newline=""))
    count = 0
    try:
        for record in reader:
            count += 1
            if count > limits.max_rows + 1:
                raise refuse(
                    name,
                    None,
                    "",
                    f"the file has more than {limits.max_rows:,} rows, the most a 903 table "
                    "may have here",
                    "Check it is the right file, or raise the limit with --max-rows",
                )
            yield record
    except csv.Error as error:
        raise refuse(
            name,
            reader.line_num,
            "",
            f"the CSV cannot be read ({error})",
            f"{SAVE_AS_UTF8} and try again",
        ) from error
