"""Bring in the IRO's own tracker: an ``.xlsx`` workbook or a ``.csv`` file, in three steps.

1. :func:`read_sheet` reads the file: ``.xlsx`` with openpyxl (merged header cells, blank
   rows, Excel date cells; formulas are read as their text, never worked out), ``.csv`` in any
   common dialect (``csv.Sniffer``) and encoding (UTF-8 with or without BOM, UTF-16 with BOM,
   else Windows-1252; anything else is refused with a message).
2. :func:`propose_mapping` maps columns to what IRO Desktop holds, from the headings (with
   synonyms) and from the mapping remembered last time; the IRO may change it.
3. :func:`preview_import` works out, without writing, what each row would do and lists every
   row that will be refused and why; :func:`import_sheet` writes it all in one transaction,
   or nothing when any row is refused.

**Dates** are read day-first, the way people in England and Wales type them. A cell is read
as a date when it is an Excel date cell, an ISO date (``2025-04-03``), a day-month-year with
a month name (``03-Apr-25``, ``3 April 2025``, read with python-dateutil, ``dayfirst=True``),
or numbers ``d/m/y`` (``3/4/2025``; ``/``, ``-`` or ``.``). It is *listed*, not guessed, when:

* **impossible**: not a real date (``31/02/2025``), not complete (``April 2025``), a number
  or formula rather than a date, or a month over 12 (``4/25/2025`` is month-first, US style);
* **ambiguous**: numbers ``d/m/y`` where both the day and the month are 12 or less and differ
  (``3/4/2025``: 3 April or 4 March), *unless* the same column has day-first evidence: another
  numeric date whose first number is over 12 (``25/4/2025``) and no month-first evidence (a
  second number over 12). Or a two-digit year that is not 20YY on or before next year
  (``3/4/99`` could be 1999 or 2099; ``03-Apr-25`` is 2025).

**Matching**: rows match children by reference. A value the IRO recorded in the app wins
(``history.field_sources``): the difference is listed as a conflict and the app value kept.
A blank cell never clears a value. Writes are marked ``import-sheet`` in the history. The
mapping used is remembered in the settings table under ``spreadsheet_mapping``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dateutil import parser as date_parser

from iro_desktop.exchange.csv_safety import restore
from iro_desktop.exchange.errors import ExchangeError
from iro_desktop.exchange.ssda903 import spec as spec
from iro_desktop.exchange.ssda903.read import Conflict
from iro_desktop.storage import history
from iro_desktop.storage.backup import KIND_PRE_IMPORT, backup_before_change
from iro_desktop.storage.database import Store
from iro_desktop.storage.history import SOURCE_APP, now_stamp, to_column
from iro_desktop.storage.settings_store import SETTINGS_ROW_ID

__all__ = [
    "FIELDS",
    "MAPPING_SETTING",
    "SOURCE_SHEET",
    "BadSpreadsheet",
    "ColumnProposal",
    "MappingProposal",
    "Refusal",
    "RowPreview",
    "Sheet",
    "SheetImportReport",
    "SheetPreview",
    "import_sheet",
    "load_remembered_mapping",
    "mapping_from_json",
    "parse_sheet_date",
    "preview_import",
    "propose_mapping",
    "read_sheet",
]

SOURCE_SHEET = "import-sheet"
MAPPING_SETTING = "spreadsheet_mapping"


class BadSpreadsheet(ExchangeError):
    """The file could not be read as a spreadsheet; nothing was written."""


# --- what a column can hold ------------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    kind: str  # text | name | date | gender | code
    synonyms: tuple[str, ...]
    codes: frozenset[str] = frozenset()


def _f(key: str, label: str, kind: str, *synonyms: str, codes: frozenset[str] = frozenset()):
    return FieldSpec(key, label, kind, synonyms, codes)


FIELDS: dict[str, FieldSpec] = {
    f.key: f
    for f in (
        _f("child_ref", "Child reference", "text", "child ref", "child reference", "reference",
           "ref", "ref no", "child id", "id", "child no", "child number", "case number",
           "case no", "lcs id", "mosaic id", "ll id", "client id", "person id", "903 child",
           "child 903 id", "upi"),
        _f("child_name", "Child name (full)", "name", "name", "child name", "child s name",
           "childs name", "full name", "name of child", "child", "young person", "cla name"),
        _f("first_name", "First name", "text", "first name", "forename", "forenames",
           "given name", "first names", "christian name"),
        _f("last_name", "Last name", "text", "last name", "surname", "family name"),
        _f("preferred_name", "Preferred name", "text", "preferred name", "known as"),
        _f("dob", "Date of birth", "date", "dob", "d o b", "date of birth", "birth date",
           "birthday", "born"),
        _f("gender", "Gender (903 SEX)", "gender", "gender", "sex"),
        _f("ethnicity", "Ethnicity (903 code)", "code", "ethnicity", "ethnic", "ethnic code",
           "ethnic origin", "ethnicity code", codes=spec.ETHNIC_CODES),
        _f("upn", "UPN", "text", "upn", "unique pupil number"),
        _f("looked_after_from", "Date looked after", "date", "date looked after",
           "looked after from", "date became looked after", "became looked after",
           "date came into care", "came into care", "date entered care", "entered care",
           "in care since", "care start", "care start date", "date into care", "lac date",
           "cla date", "lac start", "cla start", "decom", "episode start", "start date"),
        _f("legal_status", "Legal status (903 code)", "code", "legal status", "ls",
           "legal status code", "legal", codes=spec.LS_CODES),
        _f("placement", "Placement (carer or home)", "text", "placement", "placement name",
           "current placement", "carer", "carers", "foster carer", "placed with",
           "where living", "placement address", "home"),
        _f("placement_type", "Placement type (903 code)", "code", "placement type",
           "placement code", "place", "place code", codes=spec.PLACE_CODES),
        _f("last_review", "Last review held", "date", "last review", "last review date",
           "date of last review", "previous review", "review held", "last lac review",
           "last cla review", "last review held", "date last review held", "latest review"),
        _f("review_code", "Participation code (PN0-PN7)", "code", "participation",
           "participation code", "pn code", "pn", "review code", "participation method",
           codes=spec.REVIEW_CODES),
        _f("next_review", "Next review booked", "date", "next review booked",
           "next review booked for", "review booked", "booked review", "next review",
           "next review date", "date of next review", "booked for"),
        _f("social_worker", "Social worker", "text", "social worker", "sw", "sw name",
           "allocated social worker", "allocated worker", "worker", "social worker name"),
        _f("social_worker_team", "Social worker's team", "text", "team", "sw team",
           "social worker team", "social work team"),
    )
}  # fmt: skip

# Headings of columns IRO Desktop works out itself: proposed as "not imported".
IGNORED_HEADINGS = (
    "next review due", "review due", "due date", "due", "days overdue", "overdue", "age",
    "rag", "status", "notes", "comments", "in time", "timescale",
)  # fmt: skip

REQUIRED_FIELDS = ("child_ref",)
CHILD_TEXT_FIELDS = (
    "first_name", "last_name", "preferred_name", "upn", "social_worker", "social_worker_team",
)  # fmt: skip


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", str(text).lower()).split())


_SYNONYMS: dict[str, str] = {}
for _spec in FIELDS.values():
    for _syn in _spec.synonyms:
        _SYNONYMS.setdefault(_norm(_syn), _spec.key)
        _SYNONYMS.setdefault(_norm(_syn).replace(" ", ""), _spec.key)
_IGNORED = {_norm(h) for h in IGNORED_HEADINGS}


# --- reading the file ------------------------------------------------------------------------


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


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


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
        values = {" ".join(str(v).split()) for v in row if not _blank(v)}
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
            text = " ".join(str(value).split()) if not _blank(value) else ""
            if text and text not in seen:
                seen.append(text)
        parts.append(tuple(seen))
    # Trailing columns with no heading and no data are dropped.
    while (
        parts
        and not parts[-1]
        and all(
            len(row) < len(parts) or _blank(row[len(parts) - 1]) for row in grid[header_bottom:]
        )
    ):
        parts.pop()
    width = len(parts)
    rows = []
    for number in range(header_bottom + 1, len(grid) + 1):
        cells = list(grid[number - 1][:width])
        cells.extend([None] * (width - len(cells)))
        if all(_blank(v) for v in cells):
            continue  # a blank row
        rows.append(SheetRow(number, cells))
    headers = [" ".join(p) if p else f"Column {_column_letter(i)}" for i, p in enumerate(parts)]
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


# --- the mapping -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnProposal:
    index: int
    letter: str
    header: str
    field: str | None  # a key of FIELDS, or None: not imported
    how: str  # "remembered" | "matched" | "worked out by IRO Desktop" | "not recognised"
    sample: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "column": self.letter,
            "header": self.header,
            "field": self.field,
            "label": FIELDS[self.field].label if self.field else None,
            "how": self.how,
            "sample": list(self.sample),
        }


@dataclass
class MappingProposal:
    columns: list[ColumnProposal]

    @property
    def mapping(self) -> dict[int, str]:
        return {c.index: c.field for c in self.columns if c.field}

    @property
    def missing(self) -> list[str]:
        mapped = set(self.mapping.values())
        return [f for f in REQUIRED_FIELDS if f not in mapped]

    def as_json(self) -> dict[str, Any]:
        return {"columns": [c.as_json() for c in self.columns], "missing": self.missing}

    def lines(self) -> list[str]:
        out = []
        for c in self.columns:
            target = FIELDS[c.field].label if c.field else "(not imported)"
            sample = ", ".join(c.sample)
            out.append(f"  {c.letter:>3} {c.header[:32]:<32} -> {target:<30} [{c.how}] {sample}")
        if self.missing:
            out.append(
                "  No column is mapped to: "
                + ", ".join(FIELDS[f].label for f in self.missing)
                + ". Give a mapping file with --mapping."
            )
        return out


def _shown(value: Any) -> str:
    if _blank(value):
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _match(parts: tuple[str, ...], header: str) -> tuple[str | None, int]:
    """The field a heading names and how sure: 2 = a synonym exactly, 1 = contains one."""
    candidates = [*reversed(parts), header] if parts else [header]
    for text in candidates:
        norm = _norm(text)
        if norm in _IGNORED:
            return None, 2
        key = _SYNONYMS.get(norm) or _SYNONYMS.get(norm.replace(" ", ""))
        if key:
            return key, 2
    for text in candidates:
        padded = f" {_norm(text)} "
        best: tuple[int, str] | None = None
        for syn, key in _SYNONYMS.items():
            long_enough = (" " in syn and len(syn) >= 4) or len(syn) >= 5
            if long_enough and f" {syn} " in padded and (best is None or len(syn) > best[0]):
                best = (len(syn), key)
        if best:
            return best[1], 1
    return None, 0


def propose_mapping(sheet: Sheet, remembered: dict[str, str] | None = None) -> MappingProposal:
    """A mapping from the sheet's headings: the remembered one first, then synonyms. Each field
    goes to one column at most (an exact heading beats one that only contains a synonym)."""
    remembered = remembered or {}
    chosen: dict[int, tuple[str | None, str, int]] = {}
    for index, header in enumerate(sheet.headers):
        norm = _norm(header)
        if norm in remembered:
            key = remembered[norm] or None
            chosen[index] = (key if key in FIELDS else None, "remembered", 3)
            continue
        key, strength = _match(sheet.header_parts[index], header)
        if key is None:
            how = "worked out by IRO Desktop" if strength else "not recognised"
            chosen[index] = (None, how, 0)
        else:
            chosen[index] = (key, "matched", strength)
    # One column per field: the strongest (then leftmost) keeps it.
    owner: dict[str, int] = {}
    for index in sorted(chosen, key=lambda i: (-chosen[i][2], i)):
        key = chosen[index][0]
        if key is None:
            continue
        if key in owner:
            chosen[index] = (None, f"{FIELDS[key].label} is column {_column_letter(owner[key])}", 0)
        else:
            owner[key] = index
    columns = []
    for index, header in enumerate(sheet.headers):
        key, how, _ = chosen[index]
        sample = tuple(s for s in (_shown(r.cells[index]) for r in sheet.rows[:20]) if s)[:3]
        columns.append(ColumnProposal(index, _column_letter(index), header, key, how, sample))
    return MappingProposal(columns)


def mapping_from_json(sheet: Sheet, data: dict[str, Any], base: dict[int, str]) -> dict[int, str]:
    """Apply a mapping file ``{"heading or column letter": "field" or null}`` over ``base``."""
    mapping = dict(base)
    by_header = {_norm(h): i for i, h in enumerate(sheet.headers)}
    by_letter = {_column_letter(i): i for i in range(len(sheet.headers))}
    for name, key in data.items():
        index = by_letter.get(str(name).strip().upper())
        if index is None:
            index = by_header.get(_norm(name))
        if index is None:
            raise BadSpreadsheet(
                f"The mapping names the column {name!r}, which {sheet.name} does not have. "
                "Its columns are: " + ", ".join(sheet.headers) + "."
            )
        if key in (None, ""):
            mapping.pop(index, None)
            continue
        if key not in FIELDS:
            raise BadSpreadsheet(
                f"The mapping maps {name!r} to {key!r}, which is not something IRO Desktop "
                "imports. Use one of: " + ", ".join(FIELDS) + "."
            )
        for other, other_key in list(mapping.items()):
            if other_key == key:
                del mapping[other]
        mapping[index] = key
    return mapping


def load_remembered_mapping(store: Store) -> dict[str, str]:
    """The mapping used last time: normalised heading -> field ("" for not imported)."""
    row = next(store.db.query("SELECT value FROM settings WHERE key = ?", [MAPPING_SETTING]), None)
    if row is None:
        return {}
    try:
        data = json.loads(row["value"])
    except ValueError:
        return {}
    columns = data.get("columns", {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in columns.items()}


def _remember_mapping(store: Store, sheet: Sheet, mapping: dict[int, str]) -> None:
    columns = load_remembered_mapping(store)
    for index, header in enumerate(sheet.headers):
        columns[_norm(header)] = mapping.get(index, "")
    text = json.dumps({"columns": columns}, ensure_ascii=False, sort_keys=True)
    current = next(
        store.db.query("SELECT value FROM settings WHERE key = ?", [MAPPING_SETTING]), None
    )
    old = current["value"] if current else None
    if old == text:
        return
    stamp = now_stamp()
    store.db["settings"].upsert(
        {"key": MAPPING_SETTING, "value": text, "updated_at": stamp}, pk="key"
    )
    store.db["change_log"].insert(
        {
            "table_name": "settings",
            "row_id": SETTINGS_ROW_ID,
            "action": "update",
            "field": MAPPING_SETTING,
            "old": old,
            "new": text,
            "changed_at": stamp,
            "source": SOURCE_SHEET,
        }
    )


# --- dates -----------------------------------------------------------------------------------

_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})")
_MIDNIGHT = re.compile(r"[ T]00:00(?::00(?:\.0+)?)?$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


@dataclass(frozen=True)
class DateReading:
    value: date | None = None
    problem: str = ""  # "" | "ambiguous" | "impossible"
    reason: str = ""


def _long(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _two_digit_year(yy: int, today: date) -> int | None:
    year = 2000 + yy
    return year if year <= today.year + 1 else None


def column_evidence(values: list[Any]) -> bool:
    """True when the column shows it is written day-first: a numeric date whose first number
    is over 12 (so it can only be a day), and none whose second number is over 12."""
    day_first = month_first = False
    for value in values:
        if not isinstance(value, str):
            continue
        match = _NUMERIC.fullmatch(_MIDNIGHT.sub("", value.strip()))
        if not match:
            continue
        a, b = int(match.group(1)), int(match.group(2))
        if a > 12 and b <= 12:
            day_first = True
        elif b > 12 and a <= 12:
            month_first = True
    return day_first and not month_first


def parse_sheet_date(value: Any, today: date, *, day_first_evidence: bool = False) -> DateReading:
    """Read one cell as a date by the rules in the module's docstring."""
    if _blank(value):
        return DateReading()
    if isinstance(value, datetime):
        return DateReading(value.date())
    if isinstance(value, date):
        return DateReading(value)
    if isinstance(value, int | float):
        return DateReading(
            problem="impossible",
            reason=f"{_shown(value)} is a number, not a date (format the column as dates in "
            "Excel, or type the date as 03-Apr-2025)",
        )
    text = _MIDNIGHT.sub("", " ".join(str(value).split()))
    if text.startswith(("=", "+", "@")):
        return DateReading(problem="impossible", reason=f"{text!r} is a formula, not a date")
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        try:
            return DateReading(date(year, month, day))
        except ValueError:
            return DateReading(problem="impossible", reason=f"{text!r} is not a real date")
    if match := _NUMERIC.fullmatch(text):
        a, b, y = int(match.group(1)), int(match.group(2)), match.group(3)
        year: int | None = int(y)
        if len(y) == 2:
            year = _two_digit_year(int(y), today)
            if year is None:
                return DateReading(
                    problem="ambiguous",
                    reason=f"{text!r} has a two-digit year: 19{y} or 20{y}? Write the year in full",
                )
        if b > 12:
            looks = f"; it looks month-first (US style): {b}/{a}/{year}" if a <= 12 else ""
            return DateReading(
                problem="impossible",
                reason=f"{text!r} is not a date read day-first (there is no month {b}){looks}",
            )
        try:
            reading = date(year, b, a)  # type: ignore[arg-type]
        except ValueError:
            return DateReading(problem="impossible", reason=f"{text!r} is not a real date")
        if a <= 12 and a != b and not day_first_evidence:
            other = date(year, a, b)  # type: ignore[arg-type]
            return DateReading(
                problem="ambiguous",
                reason=f"{text!r} could be {_long(reading)} (day first) or {_long(other)} "
                "(month first), and nothing else in the column shows which; write it as "
                f"{reading:%d-%b-%Y} or {reading.isoformat()}",
            )
        return DateReading(reading)
    # Words: "03-Apr-25", "3 April 2025", "Thu 3 Apr 2025".
    try:
        first = date_parser.parse(text, dayfirst=True, default=datetime(2000, 1, 1))
        second = date_parser.parse(text, dayfirst=True, default=datetime(2004, 2, 2))
    except (ValueError, OverflowError):
        return DateReading(problem="impossible", reason=f"{text!r} is not a date")
    if first != second:
        return DateReading(
            problem="impossible", reason=f"{text!r} is not a whole date (day, month and year)"
        )
    if first.time() != datetime.min.time():
        return DateReading(problem="impossible", reason=f"{text!r} has a time, not only a date")
    if not re.search(r"\d{3,4}", text):
        year = _two_digit_year(first.year % 100, today)
        if year is None:
            return DateReading(
                problem="ambiguous",
                reason=f"{text!r} has a two-digit year: 19{first.year % 100:02d} or "
                f"20{first.year % 100:02d}? Write the year in full",
            )
        try:
            return DateReading(first.date().replace(year=year))
        except ValueError:
            return DateReading(problem="impossible", reason=f"{text!r} is not a real date")
    return DateReading(first.date())


# --- the preview -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Refusal:
    """A row that will not be imported (so nothing is): where, what and why."""

    row: int
    column: str  # "B Date of birth", or "" for the whole row
    value: str
    reason: str
    kind: str  # "ambiguous date" | "impossible date" | "missing" | "invalid" | "duplicate"

    def as_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "reason": self.reason,
            "kind": self.kind,
        }

    def line(self) -> str:
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.reason}"


@dataclass
class _Plan:
    """What one row does to one child: inserts and updates, worked out but not written."""

    row: int
    child_ref: str
    child_id: int | None
    child_insert: dict[str, Any] | None = None
    child_update: dict[str, Any] = field(default_factory=dict)
    episode_insert: dict[str, Any] | None = None
    episode_update: tuple[int, dict[str, Any]] | None = None
    review_insert: tuple[dict[str, Any], date] | None = None
    review_update: tuple[int, dict[str, Any]] | None = None
    booking_insert: date | None = None
    booking_update: tuple[int, dict[str, Any]] | None = None

    def changes(self) -> list[str]:
        out = []
        if self.child_insert is not None:
            out.append("new child")
        if self.child_update:
            out.append("details: " + ", ".join(sorted(self.child_update)))
        if self.episode_insert is not None:
            out.append(f"episode from {self.episode_insert['decom']:%d/%m/%Y}")
        if self.episode_update:
            out.append("episode: " + ", ".join(sorted(self.episode_update[1])))
        if self.review_insert is not None:
            out.append(f"review held {self.review_insert[1]:%d/%m/%Y}")
        if self.review_update:
            out.append("review: " + ", ".join(sorted(self.review_update[1])))
        if self.booking_insert is not None:
            out.append(f"review booked for {self.booking_insert:%d/%m/%Y}")
        if self.booking_update:
            out.append("booked review moved")
        return out


@dataclass(frozen=True)
class RowPreview:
    row: int
    child_ref: str
    action: str  # "add" | "update" | "no change" | "refused"
    changes: tuple[str, ...]
    reasons: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "child": self.child_ref,
            "action": self.action,
            "changes": list(self.changes),
            "reasons": list(self.reasons),
        }


@dataclass
class SheetPreview:
    """Everything an import would do, worked out before anything is written."""

    sheet: Sheet
    mapping: dict[int, str]
    today: date
    rows: list[RowPreview]
    refusals: list[Refusal]
    conflicts: list[Conflict]
    warnings: list[str]
    plans: list[_Plan] = field(repr=False, default_factory=list)

    @property
    def can_import(self) -> bool:
        return not self.refusals and bool(self.plans)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for row in self.rows:
            out[row.action] += 1
        return {k: out.get(k, 0) for k in ("add", "update", "no change", "refused")}

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.sheet.name,
            "can_import": self.can_import,
            "counts": self.counts(),
            "refusals": [r.as_json() for r in self.refusals],
            "conflicts": [vars(c) for c in self.conflicts],
            "warnings": list(self.warnings),
            "rows": [r.as_json() for r in self.rows],
        }

    def summary_lines(self) -> list[str]:
        c = self.counts()
        lines = [
            f"{self.sheet.name}: {len(self.rows)} row(s): {c['add']} new child(ren), "
            f"{c['update']} to update, {c['no change']} unchanged, {c['refused']} refused."
        ]
        if self.refusals:
            lines.append(
                f"{len(self.refusals)} problem(s): nothing will be imported until every one is "
                "put right in the file:"
            )
            lines.extend(f"  {r.line()}" for r in self.refusals)
        if self.conflicts:
            lines.append(
                f"{len(self.conflicts)} value(s) you recorded in IRO Desktop differ from the "
                "file; yours are kept:"
            )
            lines.extend(
                f"  {k.child_ref} {k.table}.{k.field}: kept {_shown(k.app_value) or '(blank)'}, "
                f"file has {_shown(k.file_value) or '(blank)'}"
                for k in self.conflicts
            )
        if self.warnings:
            lines.append(f"{len(self.warnings)} note(s):")
            lines.extend(f"  {w}" for w in self.warnings)
        return lines


def _all_sources(store: Store, table: str) -> dict[int, dict[str, str]]:
    """history.field_sources for every row of ``table`` in one pass."""
    out: dict[int, dict[str, str]] = defaultdict(dict)
    for row_id, action, fld, new, source in store.db.conn.execute(
        "SELECT row_id, action, field, new, source FROM change_log WHERE table_name = ? "
        "ORDER BY id",
        [table],
    ):
        if action == "insert":
            for key in json.loads(new or "{}"):
                out[row_id][key] = source
        else:
            out[row_id][fld] = source
    return out


class _Store:
    """What the planner reads from the caseload, loaded once."""

    def __init__(self, store: Store) -> None:
        db = store.db
        self.children = {r["child_ref"]: r for r in db.query("SELECT * FROM children")}
        self.episodes: dict[int, list[dict]] = defaultdict(list)
        for r in db.query("SELECT * FROM episodes WHERE archived_on IS NULL ORDER BY decom"):
            self.episodes[r["child_id"]].append(r)
        first = {
            rid: held
            for rid, held in db.conn.execute(
                "SELECT review_id, min(held_on) FROM review_parts WHERE archived_on IS NULL "
                "GROUP BY review_id"
            )
        }
        self.held: dict[int, dict[str, dict]] = defaultdict(dict)
        self.booked: dict[int, list[dict]] = defaultdict(list)
        for r in db.query("SELECT * FROM reviews WHERE archived_on IS NULL ORDER BY id"):
            if r["id"] in first:
                self.held[r["child_id"]].setdefault(first[r["id"]], r)
            elif r["status"] == "booked":
                self.booked[r["child_id"]].append(r)
        self.sources = {t: _all_sources(store, t) for t in ("children", "episodes", "reviews")}


def _split_name(full: str) -> tuple[str, str]:
    if "," in full:
        last, first = (p.strip() for p in full.split(",", 1))
        return first, last
    parts = full.split()
    if len(parts) == 1:
        return parts[0], ""
    return " ".join(parts[:-1]), parts[-1]


def _differences(
    table: str,
    row: dict[str, Any],
    wanted: dict[str, Any],
    sources: dict[str, str],
    child_ref: str,
    conflicts: list[Conflict],
) -> dict[str, Any]:
    out = {}
    for key, value in wanted.items():
        stored = to_column(value)
        if row.get(key) == stored:
            continue
        if sources.get(key) == SOURCE_APP:
            conflicts.append(Conflict(child_ref, table, key, row.get(key), stored))
        else:
            out[key] = value
    return out


def preview_import(
    store: Store, sheet: Sheet, mapping: dict[int, str], today: date
) -> SheetPreview:
    """What importing ``sheet`` with ``mapping`` would do. Writes nothing."""
    for key in REQUIRED_FIELDS:
        if key not in mapping.values():
            raise BadSpreadsheet(
                f"No column of {sheet.name} is mapped to {FIELDS[key].label}: each row is "
                "matched to a child by it. Map the column holding the council's child "
                "reference (the 903 CHILD id)."
            )
    by_field = {key: index for index, key in mapping.items()}
    evidence = {
        index: column_evidence([r.cells[index] for r in sheet.rows])
        for index, key in mapping.items()
        if FIELDS[key].kind == "date"
    }
    known = _Store(store)
    refusals: list[Refusal] = []
    conflicts: list[Conflict] = []
    warnings: list[str] = []
    previews: list[RowPreview] = []
    plans: list[_Plan] = []
    seen_refs: dict[str, int] = {}

    def where(index: int) -> str:
        return f"{_column_letter(index)} {sheet.headers[index]}"

    for sheet_row in sheet.rows:
        row_refusals: list[Refusal] = []

        def refuse(
            index: int | None,
            reason: str,
            kind: str,
            value: Any = "",
            _number: int = sheet_row.number,
            _out: list[Refusal] = row_refusals,
        ) -> None:
            column = where(index) if index is not None else ""
            _out.append(Refusal(_number, column, _shown(value), reason, kind))

        values: dict[str, Any] = {}
        for index, key in mapping.items():
            raw = sheet_row.cells[index]
            spec_ = FIELDS[key]
            if _blank(raw):
                continue
            if spec_.kind == "date":
                reading = parse_sheet_date(raw, today, day_first_evidence=evidence[index])
                if reading.problem:
                    refuse(index, reading.reason, f"{reading.problem} date", raw)
                else:
                    values[key] = reading.value
            elif spec_.kind == "gender":
                text = _norm(_shown(raw))
                code = {"m": "1", "male": "1", "boy": "1", "1": "1",
                        "f": "2", "female": "2", "girl": "2", "2": "2"}.get(text)  # fmt: skip
                if code is None:
                    refuse(index, f"{_shown(raw)!r} is not a gender IRO Desktop records "
                           "(Male/Female, M/F or the 903 codes 1/2)", "invalid", raw)  # fmt: skip
                else:
                    values[key] = code
            elif spec_.kind == "code":
                code = _shown(raw).upper()
                if code not in spec_.codes:
                    refuse(index, f"{_shown(raw)!r} is not a valid {spec_.label}: use one of "
                           + ", ".join(sorted(spec_.codes)), "invalid", raw)  # fmt: skip
                else:
                    values[key] = code
            else:
                values[key] = _shown(raw)

        ref = values.get("child_ref", "")
        if not ref:
            refuse(by_field["child_ref"], "the child reference is blank; every row needs one",
                   "missing")  # fmt: skip
        elif ref in seen_refs:
            refuse(by_field["child_ref"], f"child {ref} is also on row {seen_refs[ref]}; keep "
                   "one row per child", "duplicate", ref)  # fmt: skip
        else:
            seen_refs[ref] = sheet_row.number
        existing = known.children.get(ref)
        dob = values.get("dob") or (date.fromisoformat(existing["dob"]) if existing else None)
        if ref and existing is None and values.get("dob") is None:
            dob_index = by_field.get("dob")
            if dob_index is None or not any(r.column == where(dob_index) for r in row_refusals):
                refuse(dob_index, f"child {ref} is new to IRO Desktop and has no date of "
                       "birth; add it", "missing")  # fmt: skip
        if dob and dob > today:
            refuse(by_field.get("dob"), f"the date of birth {dob:%d/%m/%Y} is after today",
                   "invalid", dob)  # fmt: skip
        looked_after = values.get("looked_after_from")
        if looked_after and dob and looked_after < dob:
            refuse(by_field["looked_after_from"], f"looked after from {looked_after:%d/%m/%Y}, "
                   f"before the date of birth {dob:%d/%m/%Y}", "invalid", looked_after)  # fmt: skip
        last_review = values.get("last_review")
        if last_review and last_review > today:
            refuse(by_field["last_review"], f"the last review {last_review:%d/%m/%Y} is after "
                   "today; a review not yet held goes in the next review booked column",
                   "invalid", last_review)  # fmt: skip
        if last_review and dob and last_review < dob:
            refuse(by_field["last_review"], f"the last review {last_review:%d/%m/%Y} is before "
                   "the date of birth", "invalid", last_review)  # fmt: skip

        if row_refusals:
            refusals.extend(row_refusals)
            reasons = tuple(r.reason for r in row_refusals)
            previews.append(RowPreview(sheet_row.number, ref, "refused", (), reasons))
            continue
        plan = _plan_row(known, sheet_row.number, ref, values, today, conflicts, warnings)
        plans.append(plan)
        changes = plan.changes()
        action = "add" if plan.child_insert is not None else ("update" if changes else "no change")
        previews.append(RowPreview(sheet_row.number, ref, action, tuple(changes), ()))
    if not sheet.rows:
        warnings.append(f"{sheet.name} has headings but no rows to import.")
    return SheetPreview(sheet, dict(mapping), today, previews, refusals, conflicts, warnings, plans)


def _plan_row(
    known: _Store,
    number: int,
    ref: str,
    values: dict[str, Any],
    today: date,
    conflicts: list[Conflict],
    warnings: list[str],
) -> _Plan:
    existing = known.children.get(ref)
    child_values: dict[str, Any] = {k: values[k] for k in CHILD_TEXT_FIELDS if k in values}
    if "child_name" in values:
        first, last = _split_name(values["child_name"])
        child_values.setdefault("first_name", first)
        if last:
            child_values.setdefault("last_name", last)
    for key, column in (("dob", "dob"), ("gender", "gender"), ("ethnicity", "ethnicity")):
        if key in values:
            child_values[column] = values[key]
    plan = _Plan(number, ref, existing["id"] if existing else None)
    if existing is None:
        plan.child_insert = {"child_ref": ref, **child_values}
        episodes: list[dict] = []
        held: dict[str, dict] = {}
        booked: list[dict] = []
        sources: dict[str, dict[int, dict[str, str]]] = {}
    else:
        cid = existing["id"]
        plan.child_update = _differences(
            "children", existing, child_values,
            known.sources["children"].get(cid, {}), ref, conflicts,
        )  # fmt: skip
        episodes, held, booked = known.episodes[cid], known.held[cid], known.booked[cid]
        sources = known.sources

    # The episode: the date looked after, and the placement on it.
    episode_values = {}
    if "legal_status" in values:
        episode_values["ls"] = values["legal_status"]
    if "placement_type" in values:
        episode_values["place"] = values["placement_type"]
    if "placement" in values:
        episode_values["placement_name"] = values["placement"]
    start = values.get("looked_after_from")
    target = None
    if start is not None:
        target = next((e for e in episodes if e["decom"] == start.isoformat()), None)
        if target is None and not episodes:
            plan.episode_insert = {"decom": start, "rne": "S", **episode_values}
        elif target is None:
            conflicts.append(
                Conflict(ref, "episodes", "decom", episodes[-1]["decom"], start.isoformat())
            )
            warnings.append(
                f"row {number}: child {ref} was looked after from {start:%d/%m/%Y} in the file, "
                f"but IRO Desktop has episodes from {episodes[0]['decom']}; no episode was "
                "added (add a new period of care in the app if there is one)."
            )
    elif episode_values:
        target = episodes[-1] if episodes else None
        if target is None:
            warnings.append(
                f"row {number}: child {ref} has a placement or legal status but no date looked "
                "after, so it is not recorded; map the date looked after to record it."
            )
    if target is not None and episode_values:
        changes = _differences(
            "episodes", target, episode_values,
            sources.get("episodes", {}).get(target["id"], {}), ref, conflicts,
        )  # fmt: skip
        if changes:
            plan.episode_update = (target["id"], changes)

    # The last review held.
    last = values.get("last_review")
    if last is not None:
        review = held.get(last.isoformat())
        code = {"review_code": values["review_code"]} if "review_code" in values else {}
        if review is None:
            plan.review_insert = ({"status": "held", **code}, last)
        elif code:
            changes = _differences(
                "reviews", review, code,
                sources.get("reviews", {}).get(review["id"], {}), ref, conflicts,
            )  # fmt: skip
            if changes:
                plan.review_update = (review["id"], changes)
    elif "review_code" in values:
        warnings.append(
            f"row {number}: child {ref} has a participation code but no last review date; "
            "the code is not recorded."
        )

    # The next review booked.
    booked_for = values.get("next_review")
    if booked_for is not None:
        if booked_for < today:
            warnings.append(
                f"row {number}: child {ref}'s next review was booked for {booked_for:%d/%m/%Y}, "
                "which has passed; it is not booked (record it as held in the app if it was)."
            )
        elif booked:
            current = booked[-1]
            changes = _differences(
                "reviews", current, {"booked_for": booked_for},
                sources.get("reviews", {}).get(current["id"], {}), ref, conflicts,
            )  # fmt: skip
            if changes:
                plan.booking_update = (current["id"], changes)
        else:
            plan.booking_insert = booked_for
    return plan


# --- writing ---------------------------------------------------------------------------------


@dataclass
class SheetImportReport:
    added: int
    updated: int
    unchanged: int
    conflicts: list[Conflict]
    warnings: list[str]

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)

    def as_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": [vars(c) for c in self.conflicts],
            "warnings": list(self.warnings),
        }

    def summary_lines(self) -> list[str]:
        lines = [
            f"Imported: {self.added} new child(ren), {self.updated} updated, "
            f"{self.unchanged} unchanged."
        ]
        if self.conflicts:
            lines.append(f"{len(self.conflicts)} value(s) of yours were kept over the file's.")
        lines.extend(self.warnings)
        return lines


def _insert(store: Store, table: str, values: dict[str, Any]) -> int:
    """``history.insert`` (the row, then its change_log entry in the same format), with plain
    statements: the caller holds the one transaction, and a 5,000-row sheet needs the speed."""
    stamp = now_stamp()
    row = {key: to_column(value) for key, value in values.items()}
    row.update(created_at=stamp, updated_at=stamp)
    columns = ", ".join(f"[{key}]" for key in row)
    marks = ", ".join("?" for _ in row)
    conn = store.db.conn
    row_id = conn.execute(
        f"INSERT INTO [{table}] ({columns}) VALUES ({marks})", list(row.values())
    ).lastrowid
    conn.execute(
        "INSERT INTO change_log (table_name, row_id, action, field, old, new, changed_at, "
        "source) VALUES (?, ?, 'insert', '', NULL, ?, ?, ?)",
        [
            table,
            row_id,
            json.dumps({k: v for k, v in row.items() if v not in (None, "")}, ensure_ascii=False),
            stamp,
            SOURCE_SHEET,
        ],
    )
    return int(row_id)  # type: ignore[arg-type]


def import_sheet(store: Store, preview: SheetPreview) -> SheetImportReport:
    """Write what ``preview`` found, all in one transaction, and remember the mapping.

    The preview is worked out again inside the transaction so that it matches the caseload as
    it is now; any refused row stops the import and nothing is written."""
    backup_before_change(store, KIND_PRE_IMPORT)
    with store.atomic():
        fresh = preview_import(store, preview.sheet, preview.mapping, preview.today)
        if fresh.refusals:
            raise BadSpreadsheet(
                f"{preview.sheet.name}: {len(fresh.refusals)} problem(s) must be put right "
                "before anything is imported; nothing was written. First: "
                + fresh.refusals[0].line()
            )
        added = updated = unchanged = 0
        for plan in fresh.plans:
            child_id = plan.child_id
            if plan.child_insert is not None:
                child_id = _insert(store, "children", plan.child_insert)
                added += 1
            elif plan.changes():
                updated += 1
            else:
                unchanged += 1
            assert child_id is not None
            if plan.child_update:
                history.update(store, "children", child_id, plan.child_update, SOURCE_SHEET)
            if plan.episode_insert is not None:
                _insert(store, "episodes", {"child_id": child_id, **plan.episode_insert})
            if plan.episode_update:
                history.update(store, "episodes", *plan.episode_update, SOURCE_SHEET)
            if plan.review_insert is not None:
                values, held = plan.review_insert
                review_id = _insert(store, "reviews", {"child_id": child_id, **values})
                _insert(store, "review_parts", {"review_id": review_id, "held_on": held})
            if plan.review_update:
                history.update(store, "reviews", *plan.review_update, SOURCE_SHEET)
            if plan.booking_insert is not None:
                _insert(
                    store,
                    "reviews",
                    {"child_id": child_id, "status": "booked", "booked_for": plan.booking_insert},
                )
            if plan.booking_update:
                history.update(store, "reviews", *plan.booking_update, SOURCE_SHEET)
        _remember_mapping(store, preview.sheet, preview.mapping)
    return SheetImportReport(added, updated, unchanged, fresh.conflicts, fresh.warnings)
