"""Letters tab: a placeholder until the letters feature, with the dates known from reviews."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from iro_desktop.domain.model import Review
from iro_desktop.gui.child_tabs.common import RecordsSection
from iro_desktop.gui.formatting import date_sort_value, format_date, language_text
from iro_desktop.gui.models.records_model import Column
from iro_desktop.services.child import ChildDetail

TITLE = "Letters"
PLACEHOLDER_TEXT = (
    "Letters arrive with the letters feature. Until then, here are the dates recorded with "
    "each review: when the decisions went out, and when the letter to the child and the full "
    "record were sent."
)

LETTER_COLUMNS = (
    Column(
        "Review held",
        lambda r: format_date(r.part_dates[0]),
        sort=lambda r: date_sort_value(r.part_dates[0]),
    ),
    Column(
        "Decisions circulated",
        lambda r: format_date(r.decisions_circulated_on, missing="Not recorded"),
    ),
    Column(
        "Letter to the child sent",
        lambda r: format_date(r.letter_sent_on, missing="Not recorded"),
    ),
    Column("Full record sent", lambda r: format_date(r.record_sent_on, missing="Not recorded")),
    Column("Written in", lambda r: language_text(r.text_language)),
)


def letter_rows(detail: ChildDetail) -> list[Review]:
    held = [r for r in detail.record.reviews if r.is_held and r.archived_on is None]
    return sorted(held, key=lambda r: r.part_dates[0], reverse=True)


class LettersTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Letters tab")
        self.placeholder_label = QLabel(PLACEHOLDER_TEXT, self)
        self.placeholder_label.setWordWrap(True)
        self.placeholder_label.setAccessibleName("About letters")
        self.sent = RecordsSection(
            "Dates sent, by review (newest first)",
            LETTER_COLUMNS,
            "No reviews held yet, so no letters.",
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder_label)
        layout.addWidget(self.sent, 1)

    def show_detail(self, detail: ChildDetail) -> None:
        self.sent.set_rows(letter_rows(detail))

    def clear(self) -> None:
        self.sent.set_rows([])
