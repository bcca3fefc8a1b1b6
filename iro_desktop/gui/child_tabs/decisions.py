"""Decisions tab: what was decided, who does it, by when; open decisions first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from iro_desktop.domain.model import Decision, DecisionStatus
from iro_desktop.gui.child_tabs.common import ActionBar, RecordsSection
from iro_desktop.gui.child_tabs.written_in import written_in
from iro_desktop.gui.formatting import MISSING, format_date, text_or_missing
from iro_desktop.gui.models.records_model import ICON_OK, ICON_WARNING, ROW_ROLE, Column
from iro_desktop.i18n import N_, _
from iro_desktop.services.child import ChildDetail

TITLE = N_("Decisions")


@dataclass(frozen=True)
class DecisionRow:
    decision: Decision
    review_held_on: date | None  # the review the decision came from
    today: date

    @property
    def is_overdue(self) -> bool:
        by_when = self.decision.by_when
        return self.decision.is_open and by_when is not None and by_when < self.today


def _status(row: DecisionRow) -> str:
    decision = row.decision
    if decision.status == DecisionStatus.DONE:
        return (
            _("Done %(done_on)s") % {"done_on": format_date(decision.done_on)}
            if decision.done_on
            else _("Done")
        )
    if decision.status == DecisionStatus.DROPPED:
        reason = decision.dropped_reason.strip()
        return _("Dropped: %(reason)s") % {"reason": reason} if reason else _("Dropped")
    return _("Open, overdue") if row.is_overdue else _("Open")


def _status_icon(row: DecisionRow) -> str | None:
    if row.is_overdue:
        return ICON_WARNING
    return ICON_OK if row.decision.status == DecisionStatus.DONE else None


def _from_review(row: DecisionRow) -> str:
    if row.review_held_on is None:
        return MISSING if row.decision.review_id is None else _("A review not yet held")
    return _("Review of %(review_held_on)s") % {"review_held_on": format_date(row.review_held_on)}


DECISION_COLUMNS = (
    Column(N_("Decision"), lambda r: text_or_missing(r.decision.what)),
    Column(N_("Who"), lambda r: text_or_missing(r.decision.who)),
    Column(
        N_("By when"),
        lambda r: format_date(r.decision.by_when),
        alert=lambda r: r.is_overdue,
    ),
    Column(N_("Status"), _status, icon=_status_icon, alert=lambda r: r.is_overdue),
    Column(
        N_("Last chased"), lambda r: format_date(r.decision.last_chased_on, missing=_("Not yet"))
    ),
    Column(N_("From"), _from_review),
    written_in(lambda r: r.decision.text_language),
)
_WRAP_WIDTHS = {0: 360, 1: 180, 3: 190, 5: 190}


def decision_rows(detail: ChildDetail) -> list[DecisionRow]:
    """Open decisions first (soonest deadline first), then closed ones, newest first."""
    held_on: dict[int, date] = {}
    for review in detail.record.reviews:
        if review.id is not None and review.is_held:
            held_on[review.id] = review.part_dates[0]
    rows = [
        DecisionRow(d, held_on.get(d.review_id) if d.review_id is not None else None, detail.today)
        for d in detail.record.decisions
        if d.archived_on is None
    ]
    open_rows = sorted(
        (r for r in rows if r.decision.is_open),
        key=lambda r: (r.decision.by_when or date.max, r.decision.what),
    )
    closed_rows = sorted(
        (r for r in rows if not r.decision.is_open),
        key=lambda r: r.decision.done_on or r.decision.by_when or date.min,
        reverse=True,
    )
    return open_rows + closed_rows


DECISION_ACTIONS = (
    ("done", N_("Mark &done")),
    ("chase", N_("Chased toda&y")),
    ("carry", N_("&Carry forward…")),
    ("drop", N_("Dro&p…")),
)


class DecisionsTab(QWidget):
    actionRequested = Signal(str, str)  # action, "decision:ID"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Decisions tab"))
        self.action_bar = ActionBar(DECISION_ACTIONS, _("Update the chosen decision"))
        self.action_bar.triggered.connect(self._on_action)
        self.summary_label = QLabel(self)
        self.summary_label.setAccessibleName(_("Decisions summary"))
        self.decisions = RecordsSection(
            _("Decisions, open first"),
            DECISION_COLUMNS,
            _("No decisions recorded."),
            wrap_widths=_WRAP_WIDTHS,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.decisions, 1)
        self.decisions.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._on_current_changed(QModelIndex())

    def show_detail(self, detail: ChildDetail) -> None:
        rows = decision_rows(detail)
        self.decisions.set_rows(rows)
        self._on_current_changed(self.decisions.table.currentIndex())
        open_count = sum(1 for r in rows if r.decision.is_open)
        overdue = sum(1 for r in rows if r.is_overdue)
        summary = _("%(open_count)s open, %(closed)s closed") % {
            "open_count": open_count,
            "closed": len(rows) - open_count,
        }
        if overdue:
            summary += _("; %(overdue)s past the date set") % {"overdue": overdue}
        self.summary_label.setText(summary + ".")

    def clear(self) -> None:
        self.decisions.set_rows([])
        self.summary_label.clear()
        self._on_current_changed(QModelIndex())

    def chosen(self) -> DecisionRow | None:
        index = self.decisions.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex | None = None):
        row = current.data(ROW_ROLE) if current.isValid() else None
        is_open = row is not None and row.decision.is_open
        for action, _text in DECISION_ACTIONS:
            self.action_bar.set_enabled(action, is_open)

    def _on_action(self, action: str) -> None:
        row = self.chosen()
        if row is not None and row.decision.is_open:
            self.actionRequested.emit(action, f"decision:{row.decision.id}")
