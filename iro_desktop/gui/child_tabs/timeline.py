"""Timeline tab: the IRO's footprint on the child's record, newest first.

Newest first because the IRO opens this to see recent oversight; the order the list shows is
the footprint's own order reversed, so each gap row sits between the two events it separates.
A gap (longer than the set weeks without IRO contact) is marked in words and with an icon.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from iro_desktop.domain.timeline import TimelineEvent
from iro_desktop.gui.child_tabs.common import RecordsSection
from iro_desktop.gui.formatting import date_sort_value, format_date
from iro_desktop.gui.models.records_model import ICON_WARNING, Column
from iro_desktop.i18n import N_, _, ngettext
from iro_desktop.services.child import ChildDetail

TITLE = N_("Timeline")
GAP_KIND = "gap"

KIND_WORDS = {
    "review": N_("Review"),
    "contact": N_("Contact with the child"),
    "pre_review_meeting": N_("Pre-review meeting"),
    "midpoint": N_("Midpoint check"),
    "challenge": N_("Challenge"),
    "letter": N_("Letter"),
    "decisions": N_("Decisions"),
    GAP_KIND: N_("Gap in IRO contact"),
}


def _is_gap(event: TimelineEvent) -> bool:
    return event.kind == GAP_KIND


TIMELINE_COLUMNS = (
    Column(N_("Date"), lambda e: format_date(e.on), sort=lambda e: date_sort_value(e.on)),
    Column(
        N_("What"),
        lambda e: (
            _(KIND_WORDS[e.kind]) if e.kind in KIND_WORDS else e.kind.replace("_", " ").capitalize()
        ),
        icon=lambda e: ICON_WARNING if _is_gap(e) else None,
        alert=_is_gap,
    ),
    Column(N_("Details"), lambda e: e.text, alert=_is_gap),
)


def timeline_rows(detail: ChildDetail) -> list[TimelineEvent]:
    """The footprint, newest first."""
    return list(reversed(detail.timeline))


class TimelineTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Timeline tab"))
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName(_("Timeline summary"))
        self.events = RecordsSection(
            _("The IRO's footprint, newest first"),
            TIMELINE_COLUMNS,
            _("Nothing recorded yet."),
            wrap_widths={2: 560},
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.events, 1)

    def show_detail(self, detail: ChildDetail) -> None:
        rows = timeline_rows(detail)
        self.events.set_rows(rows)
        weeks = detail.settings.timescales.contact_every_weeks
        gaps = sum(1 for e in rows if _is_gap(e))
        gap_text = (
            ngettext(
                "%(count)d gap of more than %(weeks)s weeks without IRO contact, marked "
                "“Gap in IRO contact”.",
                "%(count)d gaps of more than %(weeks)s weeks without IRO contact, marked "
                "“Gap in IRO contact”.",
                gaps,
            )
            % {"count": gaps, "weeks": weeks}
            if gaps
            else _("No gaps of more than %(weeks)s weeks without IRO contact.") % {"weeks": weeks}
        )
        self.summary_label.setText(
            _(
                "Reviews, contacts, meetings, checks, challenges and letters, newest "
                "first. %(gap_text)s"
            )
            % {"gap_text": gap_text}
        )

    def clear(self) -> None:
        self.events.set_rows([])
        self.summary_label.clear()
