"""Letters tab: what has been written for the child and when, and, review by review, when the
decisions, the letter and the full record went out.

Buttons write the letter or the decisions record for the chosen review, and mark its letter
sent (which takes the letter task off the due list). The tab only shows what it is given:
``show_detail`` for the reviews, ``set_written`` for the documents written (the
documents controller fetches them when it sees ``writtenWanted``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from iro_desktop.domain.model import Review
from iro_desktop.gui.child_tabs.common import ActionBar, RecordsSection
from iro_desktop.gui.formatting import date_sort_value, format_date, language_text
from iro_desktop.gui.models.records_model import ICON_OK, ICON_WARNING, ROW_ROLE, Column
from iro_desktop.i18n import N_, _
from iro_desktop.services.child import ChildDetail
from iro_desktop.services.letter_status import WrittenRecord
from iro_desktop.services.letters import (
    KIND_BRIEFING,
    KIND_DECISIONS,
    KIND_LETTER,
)

TITLE = N_("Letters")
ACTION_LETTER = "letter"
ACTION_DECISIONS = "decisions_record"
ACTION_MARK_SENT = "mark_letter_sent"

KIND_WORDS = {
    KIND_LETTER: N_("Letter to the child"),
    KIND_DECISIONS: N_("Decisions record"),
    KIND_BRIEFING: N_("Briefing pack"),
}
VERSION_WORDS = {
    "under4": N_("Under 4s"),
    "read_aloud": N_("Read-aloud"),
    "standard": N_("Standard"),
    "young_person": N_("Young person"),
    "easy_read": N_("Easy read"),
}
LANGUAGE_WORDS = {"both": N_("Welsh and English")}


def _language(code: str) -> str:
    return _(LANGUAGE_WORDS[code]) if code in LANGUAGE_WORDS else language_text(code)


@dataclass(frozen=True)
class WrittenRow:
    """A document written, with the day of the review it is about (None: not about one)."""

    record: WrittenRecord
    review_held: date | None


WRITTEN_COLUMNS = (
    Column(
        N_("Written on"),
        lambda w: format_date(w.record.written_on),
        sort=lambda w: date_sort_value(w.record.written_on),
    ),
    Column(
        N_("What"),
        lambda w: _(KIND_WORDS[w.record.kind]) if w.record.kind in KIND_WORDS else w.record.kind,
    ),
    Column(N_("About the review of"), lambda w: format_date(w.review_held)),
    Column(
        N_("Version"),
        lambda w: (
            _(VERSION_WORDS[w.record.version])
            if w.record.version in VERSION_WORDS
            else (w.record.version or "—")
        ),
    ),
    Column(N_("Language"), lambda w: _language(w.record.language)),
    Column(N_("File name"), lambda w: w.record.file_name),
)

LETTER_COLUMNS = (
    Column(
        N_("Review held"),
        lambda r: format_date(r.part_dates[0]),
        sort=lambda r: date_sort_value(r.part_dates[0]),
    ),
    Column(
        N_("Decisions circulated"),
        lambda r: format_date(r.decisions_circulated_on, missing=_("Not recorded")),
    ),
    Column(
        N_("Letter to the child sent"),
        lambda r: format_date(r.letter_sent_on, missing=_("Not sent yet")),
        icon=lambda r: ICON_OK if r.letter_sent_on else ICON_WARNING,
    ),
    Column(
        N_("Full record sent"), lambda r: format_date(r.record_sent_on, missing=_("Not recorded"))
    ),
    Column(N_("Written in"), lambda r: language_text(r.text_language)),
)


def letter_rows(detail: ChildDetail) -> list[Review]:
    held = [r for r in detail.record.reviews if r.is_held and r.archived_on is None]
    return sorted(held, key=lambda r: r.part_dates[0], reverse=True)


class LettersTab(QWidget):
    documentRequested = Signal(str, int)  # ACTION_*, the chosen review's id (0: the latest)
    writtenWanted = Signal(str)  # child reference: please call set_written with its rows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Letters tab"))
        self._child_ref = ""
        self._review_days: dict[int, date] = {}
        self.action_bar = ActionBar(
            [
                (ACTION_LETTER, N_("Write &letter…")),
                (ACTION_DECISIONS, N_("Write decisions rec&ord…")),
                (ACTION_MARK_SENT, N_("&Mark letter sent today")),
            ],
            _("Letters for the chosen review"),
        )
        self.action_bar.buttons[ACTION_MARK_SENT].setToolTip(
            _("The letter to the child about the chosen review was sent today")
        )
        self.action_bar.triggered.connect(self._on_action)
        self.sent = RecordsSection(
            _("Reviews, newest first: choose one, then a button above"),
            LETTER_COLUMNS,
            _("No reviews held yet, so no letters."),
            select_first=True,
        )
        self.written = RecordsSection(
            _("Written from this record, newest first"),
            WRITTEN_COLUMNS,
            _(
                "Nothing written yet. Choose a review above, then Write letter or Write "
                "decisions record."
            ),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.sent, 1)
        layout.addSpacing(8)
        layout.addWidget(self.written, 1)
        self.sent.table.selectionModel().currentRowChanged.connect(self._on_review_changed)
        self._update_buttons()

    # -- public ----------------------------------------------------------------------------
    def show_detail(self, detail: ChildDetail) -> None:
        chosen = self.chosen_review()
        same_child = self._child_ref == detail.record.child.child_ref
        self._child_ref = detail.record.child.child_ref
        rows = letter_rows(detail)
        self._review_days = {r.id: r.part_dates[0] for r in rows if r.id is not None}
        self.sent.set_rows(rows)
        if same_child and chosen is not None:
            self.choose_review(chosen.id)
        if not same_child:
            self.written.set_rows([])
        self._update_buttons()
        self.writtenWanted.emit(self._child_ref)

    def set_written(self, child_ref: str, rows: Sequence[WrittenRecord]) -> None:
        if child_ref == self._child_ref:
            self.written.set_rows(
                [WrittenRow(row, self._review_days.get(row.review_id or 0)) for row in rows]
            )

    def clear(self) -> None:
        self._child_ref = ""
        self.sent.set_rows([])
        self.written.set_rows([])
        self._update_buttons()

    def chosen_review(self) -> Review | None:
        index = self.sent.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def choose_review(self, review_id: int) -> bool:
        model = self.sent.model
        for row in range(model.rowCount()):
            if model.row_at(row).id == review_id:
                self.sent.table.setCurrentIndex(model.index(row, 0))
                return True
        return False

    def written_rows(self) -> list[WrittenRecord]:
        return [row.record for row in self.written.model.rows()]

    # -- slots -----------------------------------------------------------------------------
    @Slot(str)
    def _on_action(self, action: str) -> None:
        review = self.chosen_review()
        self.documentRequested.emit(action, review.id if review is not None else 0)

    @Slot(QModelIndex, QModelIndex)
    def _on_review_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        review = self.chosen_review()
        has_review = review is not None
        for action in (ACTION_LETTER, ACTION_DECISIONS):
            self.action_bar.set_enabled(action, has_review)
        self.action_bar.set_enabled(ACTION_MARK_SENT, has_review and review.letter_sent_on is None)
