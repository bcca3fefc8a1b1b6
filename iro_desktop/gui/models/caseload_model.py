"""The caseload table: one row per child (``services.child.CaseloadRow``), and its filter.

``CaseloadTableModel`` shows the rows in words; ``CaseloadFilterProxyModel`` searches them as
the IRO types (name, reference, social worker, placement; case-insensitive), hides archived
children unless asked, and sorts every column by value through ``SORT_ROLE``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from iro_desktop.domain.codes import participation_meaning
from iro_desktop.gui.formatting import (
    MISSING,
    date_sort_value,
    format_age,
    format_date,
    out_of_area_text,
    text_or_missing,
)
from iro_desktop.gui.models.records_model import (
    FILTER_ROLE,
    ICON_WARNING,
    ROW_ROLE,
    SORT_ROLE,
    Column,
    RecordsTableModel,
)
from iro_desktop.i18n import N_, _
from iro_desktop.services.child import CaseloadRow

__all__ = [
    "COL_AGE",
    "COL_LAST_CODE",
    "COL_LAST_REVIEW",
    "COL_LEGAL_STATUS",
    "COL_NAME",
    "COL_NEXT_DUE",
    "COL_OPEN_CHALLENGES",
    "COL_OPEN_DECISIONS",
    "COL_OUT_OF_AREA",
    "COL_PLACEMENT",
    "COL_REFERENCE",
    "COL_SOCIAL_WORKER",
    "FILTER_ROLE",
    "ROW_ROLE",
    "SORT_ROLE",
    "CaseloadFilterProxyModel",
    "CaseloadTableModel",
]

(
    COL_NAME,
    COL_REFERENCE,
    COL_AGE,
    COL_LEGAL_STATUS,
    COL_PLACEMENT,
    COL_OUT_OF_AREA,
    COL_SOCIAL_WORKER,
    COL_LAST_REVIEW,
    COL_NEXT_DUE,
    COL_LAST_CODE,
    COL_OPEN_DECISIONS,
    COL_OPEN_CHALLENGES,
) = range(12)

AnyIndex = QModelIndex | QPersistentModelIndex


def _name(row: CaseloadRow) -> str:
    return _("%(name)s (archived)") % {"name": row.name} if row.archived else row.name


def _placement(row: CaseloadRow) -> str:
    parts = [part for part in (row.placement, row.placement_name) if part]
    return " · ".join(parts) if parts else MISSING


def _placement_tooltip(row: CaseloadRow) -> str:
    lines = [row.placement_text or _("No placement recorded")]
    if row.placement_name:
        lines.append(row.placement_name)
    return "\n".join(lines)


def _search_text(row: CaseloadRow) -> str:
    """What the search box matches: name, reference, social worker and placement."""
    return " ".join(
        (
            row.name,
            row.child_ref,
            row.social_worker,
            row.placement,
            row.placement_text,
            row.placement_name,
        )
    ).casefold()


class CaseloadTableModel(RecordsTableModel):
    """One row per child on the caseload; ``today`` decides what is overdue."""

    def __init__(self, parent: Any = None) -> None:
        self._today = date.today()  # replaced by set_rows; the model never reads the clock
        super().__init__(self._caseload_columns(), (), parent)

    @property
    def today(self) -> date:
        return self._today

    def set_rows(self, rows: list[CaseloadRow], today: date | None = None) -> None:  # type: ignore[override]
        if today is not None:
            self._today = today
        super().set_rows(rows)

    def row_for_ref(self, child_ref: str) -> int | None:
        for number, row in enumerate(self.rows()):
            if row.child_ref == child_ref:
                return number
        return None

    def is_overdue(self, row: CaseloadRow) -> bool:
        return row.next_review_due is not None and row.next_review_due < self._today

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == FILTER_ROLE and index.isValid() and index.row() < self.rowCount():
            return _search_text(self.row_at(index.row()))
        return super().data(index, role)

    # Columns ------------------------------------------------------------------------
    def _next_due_text(self, row: CaseloadRow) -> str:
        if row.next_review_due is None:
            return _("None due")
        text = format_date(row.next_review_due)
        return _("%(text)s (overdue)") % {"text": text} if self.is_overdue(row) else text

    def _next_due_tooltip(self, row: CaseloadRow) -> str:
        if row.next_review_due is None:
            return _("No review is due: open the child to see why")
        if self.is_overdue(row):
            text = _("Overdue. Due %(due)s; hold by %(hold_by)s")
        else:
            text = _("Due %(due)s; hold by %(hold_by)s")
        return text % {
            "due": format_date(row.next_review_due),
            "hold_by": format_date(row.hold_by),
        }

    def _caseload_columns(self) -> list[Column]:
        columns = {
            COL_NAME: Column(
                N_("Name"),
                _name,
                tooltip=lambda r: (
                    _("Archived: no longer on the active caseload") if r.archived else ""
                ),
            ),
            COL_REFERENCE: Column(N_("Reference"), lambda r: r.child_ref),
            COL_AGE: Column(
                N_("Age"), lambda r: format_age(r.age), sort=lambda r: r.age, numeric=True
            ),
            COL_LEGAL_STATUS: Column(
                N_("Legal\nstatus"),
                lambda r: r.legal_status or MISSING,
                tooltip=lambda r: r.legal_status_text,
                header_tooltip=N_("903 legal status (hover a code for its meaning)"),
            ),
            COL_PLACEMENT: Column(
                N_("Placement"),
                _placement,
                tooltip=_placement_tooltip,
                header_tooltip=N_("903 placement type and the carer or home"),
            ),
            COL_OUT_OF_AREA: Column(N_("Area"), lambda r: out_of_area_text(r.out_of_area)),
            COL_SOCIAL_WORKER: Column(
                N_("Social\nworker"), lambda r: text_or_missing(r.social_worker)
            ),
            COL_LAST_REVIEW: Column(
                N_("Last\nreview"),
                lambda r: format_date(r.last_review, missing=_("None yet")),
                sort=lambda r: date_sort_value(r.last_review, missing_last=False),
            ),
            COL_NEXT_DUE: Column(
                N_("Next review\ndue"),
                self._next_due_text,
                sort=lambda r: date_sort_value(r.next_review_due),
                tooltip=self._next_due_tooltip,
                icon=lambda r: ICON_WARNING if self.is_overdue(r) else None,
                alert=self.is_overdue,
            ),
            COL_LAST_CODE: Column(
                N_("Last PN\ncode"),
                lambda r: r.last_code or MISSING,
                tooltip=lambda r: participation_meaning(r.last_code) if r.last_code else "",
                header_tooltip=N_("How the child took part in the last review (903 PN code)"),
            ),
            COL_OPEN_DECISIONS: Column(
                N_("Open\ndecisions"),
                lambda r: str(r.open_decisions),
                sort=lambda r: r.open_decisions,
                numeric=True,
            ),
            COL_OPEN_CHALLENGES: Column(
                N_("Open\nchallenges"),
                lambda r: str(r.open_challenges),
                sort=lambda r: r.open_challenges,
                numeric=True,
            ),
        }
        return [columns[number] for number in sorted(columns)]


class CaseloadFilterProxyModel(QSortFilterProxyModel):
    """Search as you type (case-insensitive) and hide archived children unless shown."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._show_archived = False
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(COL_NAME)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_search_text(self, text: str) -> None:
        self.setFilterFixedString(text.strip().casefold())

    def set_show_archived(self, show: bool) -> None:
        if show == self._show_archived:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self._show_archived = show
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._show_archived = show
            self.invalidateRowsFilter()

    def visible_total(self) -> int:
        """Children that the search could show: every row, less archived ones when hidden."""
        source = self.sourceModel()
        if source is None:
            return 0
        if self._show_archived:
            return source.rowCount()
        return sum(
            1
            for number in range(source.rowCount())
            if not source.index(number, 0).data(ROW_ROLE).archived
        )

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._show_archived:
            row = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
            if row is not None and row.archived:
                return False
        return super().filterAcceptsRow(source_row, source_parent)
