"""The visit briefing pack for a day: one short page per child to read on the train.

It is personal data, so the dialog says so plainly and writes it only where the IRO chooses.
Choosing a day shows which children it will cover; a day with nothing recorded is refused
with the service's own words.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QListWidget, QWidget

from iro_desktop.gui.dialogs.document import DocumentDialog
from iro_desktop.gui.formatting import format_date
from iro_desktop.gui.screen_fit import fit_to_screen
from iro_desktop.gui.worker import Worker
from iro_desktop.i18n import N_, _, ngettext
from iro_desktop.reports.pages import Page
from iro_desktop.services.letters import briefing_pages, write_briefing
from iro_desktop.services.session import Store

PERSONAL_DATA_NOTICE = N_(
    "This pack is personal data about the children you will see: their decisions, worries "
    "and their own words. It is written only to the place you choose, as a Word document "
    "that is not encrypted. Keep it with you, never on a shared computer or printer, and "
    "delete or shred it when you no longer need it."
)


def briefing_file_name(day: date) -> str:
    """No names, no references: the file covers several children."""
    return f"briefing-{day.isoformat()}.docx"


class BriefingDialog(DocumentDialog):
    SAVE_CAPTION = N_("Save the briefing pack (personal data)")
    WRITING_LABEL = N_("Writing the briefing pack…")
    PDF_OFFERED = False

    def __init__(
        self,
        worker: Worker,
        store: Store,
        today: date,
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, store, today, _("Briefing pack for a day"), parent)
        self.intro.setText(
            _(
                "For the reviews, visits and meetings on a day: one short page per child with the "
                "last decisions and how they stand, open challenges, the child's own words last "
                "time, key dates, who will be there and what to check."
            )
        )
        self.notice = QLabel(_("⚠ %(notice)s") % {"notice": _(PERSONAL_DATA_NOTICE)}, self)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(_("Personal data"))
        self.notice.setStyleSheet(
            "background: palette(tooltip-base); color: palette(tooltip-text); border: 1px solid palette(dark); padding: 6px;"  # noqa: E501
        )
        self.day_edit = QDateEdit(self)
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("ddd d MMM yyyy")
        self.day_edit.setAccessibleName(_("Day of the visits"))
        day_label = QLabel(_("&Day:"), self)
        day_label.setBuddy(self.day_edit)
        row = QHBoxLayout()
        row.addWidget(day_label)
        row.addWidget(self.day_edit)
        row.addStretch(1)
        self.children_label = QLabel(self)
        self.children_label.setWordWrap(True)
        self.children_label.setAccessibleName(_("Who the pack covers"))
        self.children_list = QListWidget(self)
        self.children_list.setAccessibleName(_("Children in the pack"))
        self.children_label.setBuddy(self.children_list)
        self.body.addWidget(self.notice)
        self.body.addLayout(row)
        self.body.addWidget(self.children_label)
        self.body.addWidget(self.children_list)
        self.body.addStretch(1)
        self.pages: list[Page] = []
        start = day or today + timedelta(days=1)
        self.day_edit.setDate(QDate(start.year, start.month, start.day))
        self.day_edit.dateChanged.connect(self._on_day_changed)
        fit_to_screen(self, 640, 440)
        self._on_day_changed()

    def day(self) -> date:
        chosen = self.day_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_day(self, day: date) -> None:
        self.day_edit.setDate(QDate(day.year, day.month, day.day))

    @Slot()
    def _on_day_changed(self) -> None:
        self.result.hide()
        self.suggested_name = briefing_file_name(self.day())
        self.children_label.setText(
            _("Looking for what is recorded on %(day)s…") % {"day": format_date(self.day())}
        )
        self.preview(briefing_pages, self.store, self.day(), self.today)

    def show_preview(self, pages: list[Page]) -> None:
        self.pages = list(pages)
        self.children_list.clear()
        self.children_list.setVisible(bool(pages))
        when = format_date(self.day())
        if not pages:
            self.children_label.setText(
                _("Nothing is recorded for %(when)s: no reviews, visits or meetings.")
                % {"when": when}
            )
            return
        count = len(pages)
        self.children_label.setText(
            ngettext(
                "On %(when)s: %(count)d child, one page each:",
                "On %(when)s: %(count)d children, one page each:",
                count,
            )
            % {"when": when, "count": count}
        )
        for page in pages:
            self.children_list.addItem(page.title.removeprefix("Briefing: "))
        rows = min(len(pages), 8)
        self.children_list.setFixedHeight(
            rows * (self.children_list.sizeHintForRow(0) + 2)
            + 2 * self.children_list.frameWidth()
            + 4
        )

    def write_job(self, path: Path):
        return write_briefing, (self.store, self.day(), path, self.today), {}
