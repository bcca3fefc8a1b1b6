"""Data in and out, as the GUI and the command line both use it.

Reading and previewing never write; the writing functions each write in one transaction.

* Spreadsheet: ``read_spreadsheet`` -> ``propose_mapping`` (the GUI shows it and lets the IRO
  change it) -> ``preview_spreadsheet`` (every refused row and why, conflicts, notes) ->
  ``import_spreadsheet`` (all rows or none; remembers the mapping).
* 903: ``import_903`` reads the DfE CSVs into the caseload (a backup first; one transaction);
  ``preview_903`` (tables and DfE rule breaches, nothing written) -> ``export_903``.
* Handover: ``make_handover`` writes the encrypted file; ``open_handover`` decrypts and checks
  one (for a preview: which children, how many rows) and ``receive_handover`` brings it in.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iro_desktop.exchange import handover as _handover
from iro_desktop.exchange import spreadsheet as _sheet
from iro_desktop.exchange.errors import ExchangeError
from iro_desktop.exchange.ssda903 import write as _export
from iro_desktop.i18n import N_, _
from iro_desktop.services.strength import require_strong
from iro_desktop.storage.database import Store

if TYPE_CHECKING:
    from iro_desktop.exchange.ssda903.read import ImportReport

__all__ = [
    "FIELDS",
    "SameReference",
    "SameReferenceRefused",
    "export_903",
    "import_903",
    "import_spreadsheet",
    "make_handover",
    "open_handover",
    "preview_903",
    "preview_spreadsheet",
    "propose_mapping",
    "read_spreadsheet",
    "receive_handover",
    "recordable_placement_types",
    "sex_choices",
    "suggested_handover_name",
]

FIELDS = _sheet.FIELDS


class Export903Refused(ExchangeError):
    """The 903 files were not written because the records break DfE rules."""

    def __init__(self, message: str, export: _export.Export903) -> None:
        super().__init__(message)
        self.export = export


# --- spreadsheet -----------------------------------------------------------------------------


def read_spreadsheet(path: Path, sheet_name: str | None = None) -> _sheet.Sheet:
    return _sheet.read_sheet(Path(path), sheet_name=sheet_name)


def propose_mapping(store: Store, sheet: _sheet.Sheet) -> _sheet.MappingProposal:
    """The mapping to show the IRO: the one remembered from last time, then the headings."""
    return _sheet.propose_mapping(sheet, _sheet.load_remembered_mapping(store))


def preview_spreadsheet(
    store: Store,
    sheet: _sheet.Sheet,
    mapping: dict[int, str],
    today: date,
) -> _sheet.SheetPreview:
    """What the import would do with this mapping: nothing is written."""
    return _sheet.preview_import(store, sheet, mapping, today)


def import_spreadsheet(store: Store, preview: _sheet.SheetPreview) -> _sheet.SheetImportReport:
    """Write the previewed import, all rows or none (BadSpreadsheet if any row is refused)."""
    return _sheet.import_sheet(store, preview)


def mapping_with_file(
    sheet: _sheet.Sheet, proposal: _sheet.MappingProposal, data: dict[str, Any]
) -> dict[int, str]:
    """The proposal changed by a mapping file ``{"heading or column letter": field}``."""
    return _sheet.mapping_from_json(sheet, data, proposal.mapping)


# --- 903 -------------------------------------------------------------------------------------


def import_903(
    store: Store,
    folder: Path,
    today: date | None = None,
    *,
    year: int | None = None,
    xml: bool | None = None,
    max_rows: int | None = None,
) -> ImportReport:
    """Import the 903 CSVs in ``folder``, or the DfE XML file ``folder`` (Bad903File, nothing
    written, when one is missing or wrong) and report what changed. ``year``: the collection
    year the files are the return for (inferred from their dates when None); ``max_rows``:
    the most rows a table may have."""
    from iro_desktop.exchange.ssda903.files import DEFAULT_LIMITS, Limits
    from iro_desktop.exchange.ssda903.read import import_903 as read_903  # on use, as before

    limits = DEFAULT_LIMITS if max_rows is None else Limits(DEFAULT_LIMITS.max_bytes, max_rows)
    return read_903(store, Path(folder), today=today, year=year, xml=xml, limits=limits)


def preview_903(store: Store, year: int | None) -> _export.Export903:
    """The 903 tables for the collection year ending 31 March ``year`` and the DfE rule breaches
    found in them. Nothing is written."""
    return _export.build_903(store, year)


def export_903(
    store: Store, year: int | None, folder: Path, *, write_with_problems: bool = False
) -> _export.Export903:
    """Write header.csv, episodes.csv, reviews.csv and uasc.csv into ``folder``.

    When the records break a DfE rule nothing is written (Export903Refused, whose ``export``
    lists the breaches), unless ``write_with_problems``."""
    export = _export.build_903(store, year)
    if export.problems and not write_with_problems:
        raise Export903Refused(
            _(
                "The 903 files were not written: %(count)s breach(es) of the DfE "
                "rules. First: %(line)s. Complete the records and export again (or "
                "write them anyway to check them in the DfE's tool)."
            )
            % {"count": len(export.problems), "line": export.problems[0].line()},
            export,
        )
    _export.write_903(export, Path(folder))
    return export


def recordable_placement_types(today: date) -> dict[str, str]:
    """The placement codes the IRO can record today (the current collection year's list, from
    ``resources/ssda903``), code -> meaning: K3 and Z11-Z14 from 2025-26, no H5, P2 or Z1."""
    from iro_desktop.exchange.ssda903 import years

    return dict(years.current_codes(today).place)


def sex_choices(today: date) -> dict[str, str]:
    """The sex codes to offer (the app's one vocabulary, M/F/U), code -> meaning."""
    del today  # one vocabulary inside, whatever the year
    from iro_desktop.domain.code_lists import SEX_MEANINGS

    return dict(SEX_MEANINGS)


# --- handover --------------------------------------------------------------------------------


def suggested_handover_name(store: Store, child_refs: list[str], on: date) -> str:
    return _handover.suggested_file_name(store, child_refs, on)


def make_handover(
    store: Store, child_refs: list[str], out: Path, passphrase: str
) -> _handover.Bundle:
    require_strong(passphrase, N_("handover passphrase"))  # issue 14: refused below zxcvbn's 3
    return _handover.write_handover(store, child_refs, Path(out), passphrase)


def open_handover(path: Path, passphrase: str) -> _handover.Bundle:
    """Decrypt and check a handover file (HandoverRefused when it cannot be); nothing written."""
    return _handover.open_bundle(Path(path), passphrase)


SameReference = _handover.SameReference
SameReferenceRefused = _handover.SameReferenceRefused


def receive_handover(
    store: Store,
    bundle: _handover.Bundle,
    *,
    today: date | None = None,
    same_reference: str = SameReference.REFUSE,
) -> _handover.ReceiveReport:
    """Bring the bundle in (one transaction; nothing written when it is refused: a value the
    app cannot hold, BadHandoverValues; a child whose reference is a different child's here,
    SameReferenceRefused, unless ``same_reference`` is "skip" or "keep-mine")."""
    return _handover.receive_bundle(
        store, bundle, today=today, same_reference=SameReference(same_reference)
    )
