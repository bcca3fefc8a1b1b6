"""Meetings tab: pre-review meetings, the IRO's contacts with the child and midpoint checks,
each newest first, with how long it is since the IRO last had contact with the child."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from iro_desktop.domain.model import Contact, MidpointCheck, PreReviewMeeting, Review
from iro_desktop.gui.child_tabs.common import ActionBar, RecordsSection, StatusLine
from iro_desktop.gui.child_tabs.written_in import written_in
from iro_desktop.gui.formatting import (
    MISSING,
    date_sort_value,
    format_date,
    text_or_missing,
    weeks_ago_text,
    yes_no,
)
from iro_desktop.gui.models.records_model import ICON_WARNING, Column
from iro_desktop.i18n import N_, _
from iro_desktop.services.child import ChildDetail

TITLE = N_("Meetings and monitoring")


@dataclass(frozen=True)
class MeetingRow:
    meeting: PreReviewMeeting
    review_text: str


@dataclass(frozen=True)
class MidpointRow:
    check: MidpointCheck
    review_text: str


PRE_REVIEW_COLUMNS = (
    Column(
        N_("Held on"),
        lambda r: format_date(r.meeting.held_on),
        sort=lambda r: date_sort_value(r.meeting.held_on),
    ),
    Column(N_("With"), lambda r: text_or_missing(r.meeting.with_whom)),
    Column(N_("Before"), lambda r: r.review_text),
    Column(N_("Issues discussed"), lambda r: text_or_missing(r.meeting.issues)),
    written_in(lambda r: r.meeting.text_language),
)
CONTACT_COLUMNS = (
    Column(N_("Date"), lambda c: format_date(c.on), sort=lambda c: date_sort_value(c.on)),
    Column(N_("How"), lambda c: c.kind.replace("_", " ").capitalize() if c.kind else MISSING),
    Column(N_("Note"), lambda c: text_or_missing(c.note)),
    written_in(lambda c: c.text_language),
)
MIDPOINT_COLUMNS = (
    Column(
        N_("Done on"),
        lambda r: format_date(r.check.done_on),
        sort=lambda r: date_sort_value(r.check.done_on),
    ),
    Column(N_("After"), lambda r: r.review_text),
    Column(N_("Concerns"), lambda r: text_or_missing(r.check.concerns)),
    Column(
        N_("Challenge needed"),
        lambda r: yes_no(r.check.challenge_needed),
        icon=lambda r: ICON_WARNING if r.check.challenge_needed else None,
    ),
    written_in(lambda r: r.check.text_language),
)


def _review_text(reviews: dict[int, Review], review_id: int | None) -> str:
    review = reviews.get(review_id) if review_id is not None else None
    if review is None:
        return MISSING
    if review.is_held:
        return _("Review of %(held_on)s") % {"held_on": format_date(review.part_dates[0])}
    if review.booked_for:
        return _("Review booked for %(booked_for)s") % {
            "booked_for": format_date(review.booked_for)
        }
    return _("A review not yet held")


def _reviews_by_id(detail: ChildDetail) -> dict[int, Review]:
    return {r.id: r for r in detail.record.reviews if r.id is not None}


def meeting_rows(detail: ChildDetail) -> list[MeetingRow]:
    reviews = _reviews_by_id(detail)
    meetings = [m for m in detail.record.pre_review_meetings if m.archived_on is None]
    meetings.sort(key=lambda m: m.held_on, reverse=True)
    return [MeetingRow(m, _review_text(reviews, m.review_id)) for m in meetings]


def contact_rows(detail: ChildDetail) -> list[Contact]:
    contacts = [c for c in detail.record.contacts if c.archived_on is None]
    return sorted(contacts, key=lambda c: c.on, reverse=True)


def midpoint_rows(detail: ChildDetail) -> list[MidpointRow]:
    reviews = _reviews_by_id(detail)
    checks = [c for c in detail.record.midpoint_checks if c.archived_on is None]
    checks.sort(key=lambda c: c.done_on, reverse=True)
    return [MidpointRow(c, _review_text(reviews, c.after_review_id)) for c in checks]


def last_contact_on(detail: ChildDetail) -> date | None:
    """The day of the IRO's last recorded contact with the child between reviews."""
    days = [c.on for c in detail.record.contacts if c.archived_on is None and c.on <= detail.today]
    return max(days, default=None)


class MeetingsTab(QWidget):
    actionRequested = Signal(str, str)  # form kind, record ("" here)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Meetings and monitoring tab"))
        self.action_bar = ActionBar(
            [
                ("meeting", N_("&Pre-review meeting…")),
                ("contact", N_("C&ontact with the child…")),
                ("midpoint", N_("&Midpoint check…")),
            ],
            _("Record a meeting, contact or check"),
        )
        self.action_bar.triggered.connect(lambda action: self.actionRequested.emit(action, ""))
        self.last_contact = StatusLine(_("Last contact with the child"))
        self.pre_review = RecordsSection(
            _("Pre-review meetings with the social worker"),
            PRE_REVIEW_COLUMNS,
            _("No pre-review meetings recorded."),
            wrap_widths={1: 200, 2: 200, 3: 420},
        )
        self.contacts = RecordsSection(
            _("The IRO's contacts with the child"),
            CONTACT_COLUMNS,
            _("No contacts with the child recorded."),
            wrap_widths={2: 480},
        )
        self.midpoints = RecordsSection(
            _("Midpoint checks"),
            MIDPOINT_COLUMNS,
            _("No midpoint checks recorded."),
            wrap_widths={1: 200, 2: 420},
        )
        content = QWidget()
        content.setAccessibleName(_("Meetings and monitoring"))
        column = QVBoxLayout(content)
        column.addWidget(self.last_contact)
        for section in (self.pre_review, self.contacts, self.midpoints):
            column.addSpacing(8)
            column.addWidget(section, 1)
        scroll = QScrollArea(self)
        scroll.setAccessibleName(_("Meetings, contacts and midpoint checks"))
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.action_bar)
        layout.addWidget(scroll)

    def show_detail(self, detail: ChildDetail) -> None:
        self.pre_review.set_rows(meeting_rows(detail))
        self.contacts.set_rows(contact_rows(detail))
        self.midpoints.set_rows(midpoint_rows(detail))
        self._show_last_contact(detail)

    def clear(self) -> None:
        for section in (self.pre_review, self.contacts, self.midpoints):
            section.set_rows([])
        self.last_contact.set_status("")

    def _show_last_contact(self, detail: ChildDetail) -> None:
        weeks = detail.settings.timescales.contact_every_weeks
        last = last_contact_on(detail)
        if last is None:
            self.last_contact.set_status(
                _("No contact with the child recorded between reviews."), ICON_WARNING, alert=True
            )
            return
        ago = weeks_ago_text(last, detail.today)
        text = _("Last contact with the child: %(last)s (%(ago)s).") % {
            "last": format_date(last),
            "ago": ago,
        }
        if (detail.today - last).days > weeks * 7:
            self.last_contact.set_status(
                _("%(text)s That is longer than the %(weeks)s weeks set.")
                % {"text": text, "weeks": weeks},
                ICON_WARNING,
                alert=True,
            )
        else:
            self.last_contact.set_status(text)
