"""Read and check the council's 903 tables (CSV files in a folder, or the DfE's XML) before
anything is written. Every cell passes the same checks as a typed value (dates, codes,
references, text free of control and bidi characters and of formulas); one bad value refuses
the whole import with :class:`Bad903File`, naming the file, row, column and child. What is
harmless is normalised (``1.0`` read as ``1``; 1/2 sex codes read as M/F; an exact duplicate row
kept once) and what the DfE validator would flag but the app can hold is a warning."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from iro_desktop.domain import code_lists
from iro_desktop.domain.schedule import birthday
from iro_desktop.exchange.columns import column_letter
from iro_desktop.exchange.csv_safety import restore
from iro_desktop.exchange.errors import Bad903File
from iro_desktop.exchange.ssda903 import spec as spec
from iro_desktop.exchange.ssda903 import years as years
from iro_desktop.exchange.ssda903.files import (
    DEFAULT_LIMITS,
    Limits,
    csv_records,
    decode,
    find_files,
    read_bytes,
    refuse,
)

__all__ = ["CsvTable", "Parsed", "Row", "read_folder", "read_xml", "tables_from_records"]

_NUMBER_WITH_ZERO = re.compile(r"(\d+)\.0+")
_FORMULA_START = ("=", "+", "@", "\t", "\r")


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


def _bad_text(raw: str) -> str:
    """Why a text cell cannot be held ('' when it can)."""
    if raw.isprintable() and not raw.startswith(("=", "+", "@", "-")) and len(raw) <= spec.MAX_TEXT:
        return ""  # the usual case, checked at C speed
    for char in raw:
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Zl", "Zp"):  # controls, bidi overrides, zero-widths
            return f"it holds an invisible control character (U+{ord(char):04X})"
    if raw.startswith(_FORMULA_START) or (raw.startswith("-") and not raw[1:2].isdigit()):
        return "it starts like a spreadsheet formula"
    if len(raw) > spec.MAX_TEXT:
        return f"it is longer than {spec.MAX_TEXT} characters"
    return ""


def _parse_cell(name: str, number: int, kind: str, column: str, raw: str, child: str) -> Any:
    who = f" (child {child})" if child and column != "CHILD" else ""
    if not raw:
        if column in spec.REQUIRED_VALUES[kind]:
            raise refuse(
                name,
                number,
                column,
                f"{column} is blank{who}",
                f"Fill in {column} in the case management system and export the file again",
            )
        return None if column in spec.DATE_COLUMNS else ""
    if column in spec.DATE_COLUMNS:
        try:
            return spec.parse_date(raw)
        except ValueError:
            raise refuse(
                name,
                number,
                column,
                f"{_shown(raw)} is not a valid date{who}",
                "Write dates as DD/MM/YYYY (for example 05/03/2026), or YYYY-MM-DD",
            ) from None
    if column == "CHILD":
        if not spec.REFERENCE.fullmatch(raw):
            raise refuse(
                name,
                number,
                column,
                f"{_shown(raw)} is not a child's reference IRO Desktop can hold",
                "A reference has letters, digits, '-', '_' or '/' only, at most 40 of them; "
                "correct it in the case management system and export again",
            )
        return raw
    codes = spec.CODE_LISTS.get(column)
    if codes is not None:
        code = raw.upper()
        if _NUMBER_WITH_ZERO.fullmatch(code):  # a spreadsheet wrote the code 1 as 1.0
            code = _NUMBER_WITH_ZERO.sub(r"\1", code)
        if code not in codes:
            raise refuse(
                name,
                number,
                column,
                f"{_shown(raw)} is not a valid {column} code{who}",
                f"Use one of: {', '.join(sorted(codes))}",
            )
        return code_lists.normal_sex(code) if column == "SEX" else code
    why = _bad_text(raw)
    if why:
        raise refuse(
            name,
            number,
            column,
            f"the value cannot be imported: {why}{who}",
            "Correct it in the case management system and export the file again",
        )
    return raw.upper() if column in ("UPN", "URN") else raw


def _shown(raw: str) -> str:
    """A refused value as a message may show it: printable, short."""
    text = "".join(c if c.isprintable() else "?" for c in raw)
    return repr(text[:24] + ("..." if len(text) > 24 else ""))


def tables_from_records(name: str, kind: str, records: Iterable[list[str]]) -> CsvTable:
    """One table from its rows of cells (the heading row first), every cell checked."""
    iterator = iter(records)
    first = next(iterator, None)
    if not first or not any(cell.strip() for cell in first):
        raise refuse(
            name,
            1,
            "",
            "the first row has no column headings",
            "The first row must name the columns: " + ", ".join(spec.COLUMNS[kind]),
        )
    headings = [cell.strip().upper() for cell in first]
    seen: dict[str, int] = {}
    for index, heading in enumerate(headings):
        if not heading:
            continue
        if heading in seen:
            raise refuse(
                name, 1, heading, f"the column {heading} appears twice", "Delete one of the two"
            )
        seen[heading] = index
    for column in spec.REQUIRED_COLUMNS[kind]:
        if column not in seen:
            raise refuse(
                name,
                1,
                column,
                f"the column {column} is missing",
                f"Add a column headed {column}; {spec.FILE_NAMES[kind]} needs the columns "
                + ", ".join(spec.REQUIRED_COLUMNS[kind]),
            )
    present = tuple(c for c in spec.COLUMNS[kind] if c in seen)
    child_at = seen["CHILD"]
    width = len(headings)
    # A cell's value depends only on its column and text, and a return repeats the same
    # codes, dates and references thousands of times: each column remembers the values it
    # has read (only good ones: a bad cell is refused, naming its row, the first time).
    plan = [(column, seen[column], {}) for column in present]
    rows = []
    for number, record in enumerate(iterator, start=2):
        if not "".join(record).strip():
            continue  # a blank line, or a row of empty cells a spreadsheet left behind
        if len(record) > width:
            for index in range(width, len(record)):
                if record[index].strip():
                    raise refuse(
                        name,
                        number,
                        column_letter(index),
                        "the row has a value beyond the last headed column",
                        "Check the row for a comma inside a value that is not in quotes",
                    )
        values = {}
        for column, index, known in plan:
            # A cell is only ever text: one our export neutralised ('=...) reads back as written.
            raw = record[index].strip() if index < len(record) else ""
            if raw[:1] == "'":
                raw = restore(raw)
            value = known.get(raw, _UNREAD)
            if value is _UNREAD:
                child = record[child_at].strip() if child_at < len(record) else ""
                child = child if spec.REFERENCE.fullmatch(child) else ""
                value = known[raw] = _parse_cell(name, number, kind, column, raw, child)
            values[column] = value
        rows.append(Row(number, values))
    return CsvTable(kind, name, present, rows)


_UNREAD = object()


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
    year: int | None = None  # the collection year the files cover (None: every year)
    year_inferred: bool = True
    duplicates: int = 0
    source: str = ""
    notes: list[str] = field(default_factory=list)


def _shown_value(value: Any) -> str:
    return spec.format_date(value) if isinstance(value, date) else str(value)


def _keyed(
    table: CsvTable, key_columns: tuple[str, ...], warnings: list[str]
) -> tuple[dict[Any, Row], int]:
    """Rows by key. An exact duplicate is kept once (and reported); two rows that differ for
    one key are refused, naming both."""
    out: dict[Any, Row] = {}
    duplicates = 0
    for row in table.rows:
        key = tuple(row.values[c] for c in key_columns)
        key = key[0] if len(key) == 1 else key
        if key in out:
            first = out[key]
            shown = ", ".join(f"{c} {_shown_value(row.values[c])}" for c in key_columns)
            if first.values == row.values:
                duplicates += 1
                warnings.append(
                    f"{table.file_name}, row {row.number}: an exact copy of row {first.number} "
                    f"({shown}); read once."
                )
                continue
            differ = [c for c in table.columns if first.values.get(c) != row.values.get(c)]
            raise refuse(
                table.file_name,
                row.number,
                differ[0] if differ else key_columns[-1],
                f"rows {first.number} and {row.number} are both {shown} but differ in "
                + ", ".join(differ),
                "Delete the wrong row, or correct the date if it belongs to another record",
            )
        out[key] = row
    return out, duplicates


def _check_child(table: CsvTable, row: Row, children: dict[str, Row], header_name: str) -> None:
    ref = row.values["CHILD"]
    if ref not in children:
        raise refuse(
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
        raise refuse(
            table.file_name,
            row.number,
            "DOB",
            f"child {row.values['CHILD']}'s date of birth {spec.format_date(dob)} differs from "
            f"{spec.format_date(header_dob)} in {header_name}{rule}",
            "Correct the date of birth so that both files agree, and export them again",
        )


def infer_year(episodes: CsvTable, reviews: CsvTable) -> int | None:
    """The collection year a set of files is the return for, or None when they span more
    (an all-years file): every review and every ended episode's end lies in one collection
    year, and no episode starts after it."""
    days = [r.values["REVIEW"] for r in reviews.rows]
    days += [r.values["DEC"] or r.values["DECOM"] for r in episodes.rows]
    if not days:
        return None
    year = code_lists.collection_year_of(max(days))
    start = date(year - 1, 4, 1)
    if any(r.values["REVIEW"] < start for r in reviews.rows):
        return None
    if any(r.values["DEC"] is not None and r.values["DEC"] < start for r in episodes.rows):
        return None
    return year


def check_tables(
    tables: dict[str, CsvTable], source: str, year: int | None, *, year_given: bool
) -> Parsed:
    header, episodes, reviews = tables["header"], tables["episodes"], tables["reviews"]
    uasc = tables.get("uasc")
    hname = header.file_name
    warnings: list[str] = []
    children, dup_children = _keyed(header, ("CHILD",), warnings)
    episode_rows, dup_episodes = _keyed(episodes, ("CHILD", "DECOM"), warnings)
    review_rows, dup_reviews = _keyed(reviews, ("CHILD", "REVIEW"), warnings)
    uasc_rows, dup_uasc = _keyed(uasc, ("CHILD",), warnings) if uasc else ({}, 0)

    first_episode: dict[str, date] = {}
    for row in episode_rows.values():
        _check_child(episodes, row, children, hname)
        ref, dec, decom = row.values["CHILD"], row.values.get("DEC"), row.values["DECOM"]
        first_episode[ref] = min(decom, first_episode.get(ref, decom))
        if dec is not None and dec < decom:
            raise refuse(
                episodes.file_name,
                row.number,
                "DEC",
                f"child {ref}'s episode ends ({spec.format_date(dec)}) before it starts "
                f"({spec.format_date(decom)})",
                "Correct DEC or DECOM",
            )
        rec = row.values.get("REC", "")
        if bool(rec) != (dec is not None):
            what = "a reason ended (REC) but no end date (DEC)" if rec else "DEC but no REC"
            warnings.append(
                f"{episodes.file_name}, row {row.number}: child {ref}'s episode has {what} "
                "(DfE rule 148). Imported as it is (the app counts it as "
                + ("still open" if rec else "ended")
                + "); complete it in the case management system."
            )
    if uasc is not None:
        for row in uasc_rows.values():
            _check_child(uasc, row, children, hname)
            _check_dob(uasc, row, children, hname, "")

    for row in review_rows.values():
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
        if ref not in first_episode:
            warnings.append(
                f"{reviews.file_name}, row {row.number}, column CHILD: child {ref} has a review "
                f"but no episode in {episodes.file_name} (DfE rule 1012)."
            )
        elif held < first_episode[ref]:
            warnings.append(
                f"{reviews.file_name}, row {row.number}, column REVIEW: child {ref}'s review of "
                f"{spec.format_date(held)} is before their first episode "
                f"({spec.format_date(first_episode[ref])}); it is held but does not count as "
                "a first review in time. Check the dates in the case management system."
            )
    for row in children.values():
        upn = row.values.get("UPN", "")
        if upn and not spec.upn_ok(upn):
            warnings.append(
                f"{hname}, row {row.number}, column UPN: child {row.values['CHILD']}'s UPN is "
                "not a valid UPN (13 characters) or UN1-UN5 (DfE rule 168). Imported as it is."
            )
    inferred = year is None
    if year is None:
        year = infer_year(episodes, reviews)
    if year is not None:
        for column in ("SEX", "PLACE"):
            _year_code_warnings(tables, year, column, warnings)
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
        year=year,
        year_inferred=inferred and not year_given,
        duplicates=dup_children + dup_episodes + dup_reviews + dup_uasc,
        source=source,
    )


def _year_code_warnings(
    tables: dict[str, CsvTable], year: int, column: str, warnings: list[str]
) -> None:
    """A code of another year's list (1 in a 2025-26 file, H5 in a 2025-26 file): imported
    (the app holds every year's codes), and listed, as the DfE validator would flag it."""
    codes = years.for_year(year)
    table = tables["header"] if column == "SEX" else tables["episodes"]
    for row in table.rows:
        value = row.values.get(column, "")
        if not value:
            continue
        allowed = {code_lists.normal_sex(c) for c in codes.sex} if column == "SEX" else codes.place
        if value not in allowed:
            warnings.append(
                f"{table.file_name}, row {row.number}, column {column}: child "
                f"{row.values['CHILD']}'s {column} {value} is not in the {codes.label} list "
                f"(DfE rule {'101' if column == 'SEX' else '146'}). Imported as it is."
            )


def read_folder(
    folder: Path, *, limits: Limits = DEFAULT_LIMITS, year: int | None = None
) -> Parsed:
    folder = Path(folder)
    if not folder.is_dir():
        raise Bad903File(
            f"{folder}: there is no such folder. Choose the folder holding header.csv, "
            "episodes.csv and reviews.csv.",
            file=str(folder),
        )
    paths = find_files(folder)
    for kind in spec.REQUIRED_FILES:
        if paths[kind] is None:
            raise Bad903File(
                f"{spec.FILE_NAMES[kind]}: the file is missing from {folder}. The 903 import "
                "needs header.csv, episodes.csv and reviews.csv (uasc.csv when there is one) "
                "in one folder (a name may have more around it, such as 2026-header.csv); "
                f"export the missing table and save it there as {spec.FILE_NAMES[kind]}.",
                file=spec.FILE_NAMES[kind],
            )
    tables = {}
    for kind, path in paths.items():
        if path is None:
            continue
        text = decode(path.name, read_bytes(path, limits))
        tables[kind] = tables_from_records(path.name, kind, csv_records(path.name, text, limits))
    return check_tables(tables, str(folder), year, year_given=year is not None)


def read_xml(path: Path, *, limits: Limits = DEFAULT_LIMITS, year: int | None = None) -> Parsed:
    """The DfE's XML return (one file), read into the same tables and checks as the CSVs."""
    from iro_desktop.exchange.ssda903.xml_read import xml_records

    records = xml_records(Path(path), limits)
    name = Path(path).name
    tables = {
        kind: tables_from_records(f"{name} ({kind})", kind, rows)
        for kind, rows in records.items()
        if kind in spec.REQUIRED_FILES or len(rows) > 1
    }
    return check_tables(tables, str(path), year, year_given=year is not None)
