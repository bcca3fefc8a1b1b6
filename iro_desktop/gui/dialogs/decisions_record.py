"""Write the decisions record of a review for the social worker and their manager.

It shows the record's facts first, with the date it must be circulated by (5 working days
after the review, from the schedule), then saves it as a Word document and offers to open it.
Writing it does not mark the decisions circulated: that is recorded on the Reviews tab.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from iro_desktop.gui.child_tabs.common import StatusLine, heading_label, value_label
from iro_desktop.gui.dialogs.document import DocumentDialog
from iro_desktop.gui.models.records_model import ICON_INFO
from iro_desktop.gui.worker import Worker
from iro_desktop.i18n import N_, _
from iro_desktop.letters.choices import pick_review
from iro_desktop.reports.pages import Page
from iro_desktop.services.child import child_detail
from iro_desktop.services.letters import (
    decisions_file_name,
    preview_decisions_record,
    write_decisions_record,
)
from iro_desktop.services.session import Store

CIRCULATE_BY = "Decisions circulate by"  # the label the record's facts use


def decisions_preview(
    store: Store, child_ref: str, review_id: int | None, today: date
) -> tuple[Page, str]:
    """The record's page and its suggested file name (initials and reference only)."""
    page = preview_decisions_record(store, child_ref, review_id, today=today)
    detail = child_detail(store, child_ref, today)
    assert detail is not None  # the preview has already found the child
    review = next((r for r in detail.record.reviews if r.id == review_id), None) or pick_review(
        detail.record
    )
    return page, decisions_file_name(detail.record.child, review)


class DecisionsRecordDialog(DocumentDialog):
    SAVE_CAPTION = N_("Save the decisions record")
    WRITING_LABEL = N_("Writing the decisions record…")

    def __init__(
        self,
        worker: Worker,
        store: Store,
        child_ref: str,
        review_id: int | None,
        today: date,
        child_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, store, today, _("Write the decisions record"), parent)
        self.child_ref = child_ref
        self.review_id = review_id
        self.page: Page | None = None
        self.intro.setText(
            _(
                "The formal record of %(value)s's review for the social worker and "
                "their manager: who came, the participation code, the decisions with "
                "who and by when, your view on the care plan and the next review date. "
                "Saving it does not mark the decisions circulated; record that on the "
                "Reviews tab when they go out."
            )
            % {"value": child_name or child_ref}
        )
        self.circulate_line = StatusLine(_("When to circulate it"), self)
        self.facts_heading = heading_label(_("What the record says"), self)
        self.facts = QWidget(self)
        self.facts.setAccessibleName(_("The record's facts"))
        # The record's own words, in the review's language (not the window's): a document.
        self.facts.setProperty("showsDocument", True)
        self.facts_layout = QFormLayout(self.facts)
        self.body.addWidget(self.circulate_line)
        self.body.addWidget(self.facts_heading)
        self.body.addWidget(self.facts, 1)
        self.preview(decisions_preview, store, child_ref, review_id, today)

    def circulate_text(self) -> str:
        return self.circulate_line.text()

    def show_preview(self, preview: tuple[Page, str]) -> None:
        page, file_name = preview
        self.page = page
        self.suggested_name = file_name
        self.setWindowTitle(
            _("Write the decisions record: %(subtitle)s") % {"subtitle": page.subtitle}
        )
        by = next((f.value for f in page.facts if f.label == CIRCULATE_BY), "")
        if page.notice.startswith("Circulate by") or not by:
            words = page.notice  # "Circulate by <day>: 5 working days after the review, ..."
        else:
            words = _("Circulate by %(by)s. %(notice)s") % {"by": by, "notice": page.notice}
        self.circulate_line.set_status(words, ICON_INFO, alert=True)
        while self.facts_layout.rowCount():
            self.facts_layout.removeRow(0)
        for fact in page.facts:
            value = value_label(fact.label, self.facts)
            value.setText(fact.value)
            label = QLabel(f"{fact.label}:", self.facts)
            label.setBuddy(value)
            self.facts_layout.addRow(label, value)

    def write_job(self, path: Path):
        return (
            write_decisions_record,
            (self.store, self.child_ref, self.review_id, path, self.today),
            {"pdf": self.pdf_box.isChecked()},
        )
