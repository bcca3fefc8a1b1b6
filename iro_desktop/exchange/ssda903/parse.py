"""Read and check the council's 903 CSV files (header, episodes, reviews, uasc) before
anything is written: a bad file is refused with :class:`Bad903File`, naming the file, row and
column and what to do about it."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from iro_desktop.domain.schedule import birthday
from iro_desktop.exchange.csv_safety import restore
from iro_desktop.exchange.errors import Bad903File
from iro_desktop.exchange.ssda903 import spec as spec

__all__ = ["CsvTable", "Parsed", "Row", "read_folder"]

SAVE_AS_UTF8 = "Open it in Excel and use File > Save As > 'CSV UTF-8 (Comma delimited)'"


@dataclass
class Row:
    number: int  # as a spreadsheet shows it: the header is row 1
    values: dict[str, Any]  # 903 column -> parsed value (str, or date/None for date columns)


@dataclass
class CsvTable:
    kind: str
    file_name: str  # as found in the folder
    columns: tuple[str, ...]  # spec columns present, upper case
    rows: list[Row]


def _refuse(file: str, row: int | None, column: str, what: str, todo: str) -> Bad903File:
    where = file
    if row is not None:
        where += f", row {row}"
    if column:
        where += f", column {column}"
    return Bad903File(f"{where}: {what}. {todo}.", file=file, row=row, column=column)


def _find_file(folder: Path, kind: str) -> Path | None:
    wanted = spec.FILE_NAMES[kind]
    exact = folder / wanted
    if exact.is_file():
        return exact
    for candidate in folder.iterdir():
        if candidate.is_file() and candidate.name.lower() == wanted:
            return candidate
    return None


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def _cells_of(line: str) -> list[str]:
    """The cells of one line, for naming where a bad byte is; never raises (a stray carriage
    return makes csv refuse the line: then a plain split is close enough)."""
    try:
        return next(csv.reader([line]), [])
    except csv.Error:
        return line.replace("\r", "").split(",")


def _decode(path: Path, data: bytes) -> str:
    name = path.name
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise _refuse(
            name,
            None,
            "",
            "the file is empty",
            "Export the table again from the case management system, with its header row",
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _refuse(
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
        raise _refuse(
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
        column = headings[cell] if 0 <= cell < len(headings) else _column_letter(cell)
        bad = data[error.start]
        raise _refuse(
            name,
            row,
            column,
            f"the file is not in UTF-8 (the byte 0x{bad:02X} cannot be read; it was probably "
            "saved as 'CSV (Comma delimited)', which is Windows-1252)",
            f"{SAVE_AS_UTF8}: save it as CSV UTF-8",
        ) from error


def _read_table(path: Path, kind: str) -> CsvTable:
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _refuse(
            name,
            None,
            "",
            f"the file cannot be read ({error.strerror})",
            "Close it in any other program and check you may read it, then try again",
        ) from error
    text = _decode(path, data)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        records = list(reader)
    except csv.Error as error:
        raise _refuse(
            name,
            reader.line_num,
            "",
            f"the CSV cannot be read ({error})",
            f"{SAVE_AS_UTF8} and try again",
        ) from error
    if not records or not any(cell.strip() for cell in records[0]):
        raise _refuse(
            name,
            1,
            "",
            "the first row has no column headings",
            "The first row must name the columns: " + ", ".join(spec.COLUMNS[kind]),
        )
    headings = [cell.strip().upper() for cell in records[0]]
    seen: dict[str, int] = {}
    for index, heading in enumerate(headings):
        if not heading:
            continue
        if heading in seen:
            raise _refuse(
                name,
                1,
                heading,
                f"the column {heading} appears twice",
                "Delete one of the two columns",
            )
        seen[heading] = index
    for column in spec.REQUIRED_COLUMNS[kind]:
        if column not in seen:
            raise _refuse(
                name,
                1,
                column,
                f"the column {column} is missing",
                f"Add a column headed {column}; {spec.FILE_NAMES[kind]} needs the columns "
                + ", ".join(spec.REQUIRED_COLUMNS[kind]),
            )
    present = tuple(c for c in spec.COLUMNS[kind] if c in seen)
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # a blank line, or a row of empty cells a spreadsheet left behind
        for index in range(len(headings), len(record)):
            if record[index].strip():
                raise _refuse(
                    name,
                    number,
                    _column_letter(index),
                    f"the row has a value beyond the last headed column ({record[index]!r})",
                    "Check the row for a comma inside a value that is not in quotes",
                )
        values = {}
        for column in present:
            index = seen[column]
            # A cell is only ever text: one our export neutralised ('=...) reads back as written.
            raw = restore(record[index].strip()) if index < len(record) else ""
            values[column] = _parse_cell(name, number, kind, column, raw)
        rows.append(Row(number, values))
    return CsvTable(kind, name, present, rows)


def _parse_cell(name: str, number: int, kind: str, column: str, raw: str) -> Any:
    if not raw:
        if column in spec.REQUIRED_VALUES[kind]:
            raise _refuse(
                name,
                number,
                column,
                f"{column} is blank",
                f"Fill in {column} in the case management system and export the file again",
            )
        return None if column in spec.DATE_COLUMNS else ""
    if column in spec.DATE_COLUMNS:
        try:
            return spec.parse_date(raw)
        except ValueError:
            raise _refuse(
                name,
                number,
                column,
                f"{raw!r} is not a valid date",
                "Write dates as DD/MM/YYYY (for example 05/03/2026), or YYYY-MM-DD",
            ) from None
    codes = spec.CODE_LISTS.get(column)
    if codes is not None:
        code = raw.upper()
        if code not in codes:
            raise _refuse(
                name,
                number,
                column,
                f"{raw!r} is not a valid {column} code",
                f"Use one of: {', '.join(sorted(codes))}",
            )
        return code
    return raw


@dataclass
class Parsed:
    """The files, checked, keyed by what rows are matched on."""

    header: CsvTable
    episodes: CsvTable
    reviews: CsvTable
    uasc: CsvTable | None
    children: dict[str, Row]
    episode_rows: dict[tuple[str, date], Row]
    review_rows: dict[tuple[str, date], Row]
    uasc_rows: dict[str, Row]
    warnings: list[str]


def _keyed(table: CsvTable, key_columns: tuple[str, ...]) -> dict[Any, Row]:
    out: dict[Any, Row] = {}
    for row in table.rows:
        key = tuple(row.values[c] for c in key_columns)
        key = key[0] if len(key) == 1 else key
        if key in out:
            shown = ", ".join(
                f"{c} {spec.format_date(v) if isinstance(v, date) else v}"
                for c, v in zip(
                    key_columns, (key if isinstance(key, tuple) else (key,)), strict=True
                )
            )
            raise _refuse(
                table.file_name,
                row.number,
                key_columns[-1],
                f"this row repeats row {out[key].number} ({shown})",
                "Delete the duplicate row, or correct the date if it belongs to another record",
            )
        out[key] = row
    return out


def _check_child(table: CsvTable, row: Row, children: dict[str, Row], header_name: str) -> None:
    ref = row.values["CHILD"]
    if ref not in children:
        raise _refuse(
            table.file_name,
            row.number,
            "CHILD",
            f"child {ref} is not in {header_name} (DfE rule INT08)",
            f"Add the child to {header_name}, or remove their rows from {table.file_name}",
        )


def _check_dob(
    table: CsvTable, row: Row, children: dict[str, Row], header_name: str, rule: str
) -> None:
    dob = row.values.get("DOB")
    header_dob = children[row.values["CHILD"]].values["DOB"]
    if dob is not None and dob != header_dob:
        raise _refuse(
            table.file_name,
            row.number,
            "DOB",
            f"child {row.values['CHILD']}'s date of birth {spec.format_date(dob)} differs from "
            f"{spec.format_date(header_dob)} in {header_name}{rule}",
            "Correct the date of birth so that both files agree, and export them again",
        )


def read_folder(folder: Path) -> Parsed:
    folder = Path(folder)
    if not folder.is_dir():
        raise Bad903File(
            f"{folder}: there is no such folder. Choose the folder holding header.csv, "
            "episodes.csv and reviews.csv.",
            file=str(folder),
        )
    paths: dict[str, Path | None] = {kind: _find_file(folder, kind) for kind in spec.FILE_NAMES}
    for kind in spec.REQUIRED_FILES:
        if paths[kind] is None:
            raise Bad903File(
                f"{spec.FILE_NAMES[kind]}: the file is missing from {folder}. The 903 import "
                "needs header.csv, episodes.csv and reviews.csv (uasc.csv when there is one) "
                "in one folder; export the missing table and save it there as "
                f"{spec.FILE_NAMES[kind]}.",
                file=spec.FILE_NAMES[kind],
            )
    tables = {kind: _read_table(path, kind) for kind, path in paths.items() if path is not None}
    header, episodes, reviews = tables["header"], tables["episodes"], tables["reviews"]
    uasc = tables.get("uasc")
    hname = header.file_name

    children: dict[str, Row] = _keyed(header, ("CHILD",))
    episode_rows: dict[tuple[str, date], Row] = _keyed(episodes, ("CHILD", "DECOM"))
    review_rows: dict[tuple[str, date], Row] = _keyed(reviews, ("CHILD", "REVIEW"))
    uasc_rows: dict[str, Row] = _keyed(uasc, ("CHILD",)) if uasc else {}

    children_with_episodes = set()
    for row in episodes.rows:
        _check_child(episodes, row, children, hname)
        children_with_episodes.add(row.values["CHILD"])
        dec, decom = row.values.get("DEC"), row.values["DECOM"]
        if dec is not None and dec < decom:
            raise _refuse(
                episodes.file_name,
                row.number,
                "DEC",
                f"the episode ends ({spec.format_date(dec)}) before it starts "
                f"({spec.format_date(decom)})",
                "Correct DEC or DECOM",
            )
    if uasc is not None:
        for row in uasc.rows:
            _check_child(uasc, row, children, hname)
            _check_dob(uasc, row, children, hname, "")

    warnings: list[str] = []
    for row in reviews.rows:
        _check_child(reviews, row, children, hname)
        _check_dob(reviews, row, children, hname, " (DfE rule INT17)")
        ref, held, code = row.values["CHILD"], row.values["REVIEW"], row.values["REVIEW_CODE"]
        fourth = birthday(children[ref].values["DOB"], 4)
        where = f"{reviews.file_name}, row {row.number}, column REVIEW_CODE"
        if held > fourth and code == spec.UNDER_FOUR_REVIEW_CODE:
            warnings.append(
                f"{where}: child {ref} was 4 or over on {spec.format_date(held)} but the code "
                "is PN0, which is for children under 4 (DfE rule 440). Imported as it is; "
                "correct the code in the case management system."
            )
        elif held < fourth and code != spec.UNDER_FOUR_REVIEW_CODE:
            warnings.append(
                f"{where}: child {ref} was under 4 on {spec.format_date(held)} but the code is "
                f"{code}; under-4s take PN0 (DfE rule 441). Imported as it is; correct the "
                "code in the case management system."
            )
        if ref not in children_with_episodes:
            warnings.append(
                f"{reviews.file_name}, row {row.number}, column CHILD: child {ref} has a review "
                f"but no episode in {episodes.file_name} (DfE rule 1012)."
            )
    return Parsed(
        header,
        episodes,
        reviews,
        uasc,
        children,
        episode_rows,
        review_rows,
        uasc_rows,
        warnings,
    )
