"""The IRO's own tracker (``.xlsx`` or ``.csv``) brought in, in three steps: read the file
(``read``), map its columns (``mapping``, dates by ``dates``), preview what each row would do
and what is refused (``plan``, ``preview``), then write it all or nothing (``apply``).

The names here are the package's public face, for the services that offer the import."""

from iro_desktop.exchange.spreadsheet.apply import SOURCE_SHEET, SheetImportReport, import_sheet
from iro_desktop.exchange.spreadsheet.cells import BadSpreadsheet
from iro_desktop.exchange.spreadsheet.dates import DateReading, column_evidence, parse_sheet_date
from iro_desktop.exchange.spreadsheet.mapping import (
    FIELDS,
    MAPPING_SETTING,
    ColumnProposal,
    MappingProposal,
    load_remembered_mapping,
    mapping_from_json,
    propose_mapping,
)
from iro_desktop.exchange.spreadsheet.plan import preview_import
from iro_desktop.exchange.spreadsheet.preview import Refusal, RowPreview, SheetPreview
from iro_desktop.exchange.spreadsheet.read import Sheet, SheetRow, read_sheet

__all__ = [
    "FIELDS",
    "MAPPING_SETTING",
    "SOURCE_SHEET",
    "BadSpreadsheet",
    "ColumnProposal",
    "DateReading",
    "MappingProposal",
    "Refusal",
    "RowPreview",
    "Sheet",
    "SheetImportReport",
    "SheetPreview",
    "SheetRow",
    "column_evidence",
    "import_sheet",
    "load_remembered_mapping",
    "mapping_from_json",
    "parse_sheet_date",
    "preview_import",
    "propose_mapping",
    "read_sheet",
]
