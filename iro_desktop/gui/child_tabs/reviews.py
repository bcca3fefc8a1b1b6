"""Reviews tab: the next review (when it is due and why) at the top, then every held review.

Each held review shows its number and regime, when it was held, its due date and the plain
words of why that was the due date, "In time" or "Late" in words with an icon, the PN code
with its meaning, the venue and who came. Parts held after the due date are flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QSizePolicy, QVBoxLayout, QWidget

from iro_desktop.domain.codes import participation_meaning
from iro_desktop.domain.model import Regime, Review, ReviewStatus
from iro_desktop.domain.schedule_types import ScheduledReview
from iro_desktop.gui.child_tabs.common import ActionBar, RecordsSection, StatusLine, ValueForm
from iro_desktop.gui.formatting import (
    MISSING,
    code_with_meaning,
    format_date,
    format_dates,
    weeks_ago_text,
)
from iro_desktop.gui.models.records_model import ICON_OK, ICON_WARNING, Column
from iro_desktop.i18n import N_, _
from iro_desktop.services.child import ChildDetail

TITLE = N_("Reviews")

REGIME_WORDS = {
    Regime.LOOKED_AFTER: N_("looked after"),
    Regime.SHORT_BREAKS: N_("short breaks"),
    Regime.ADOPTION: N_("placed for adoption"),
}
_KIND_BY_NUMBER = {1: N_("first"), 2: N_("second")}


@dataclass(frozen=True)
class HeldReviewRow:
    """A held review as the schedule judged it, with the record the IRO wrote."""

    scheduled: ScheduledReview
    review: Review | None


def review_title(number: int | None, regime: Regime | None) -> str:
    if number is None:
        return _("Next review")
    kind = _(_KIND_BY_NUMBER.get(number, N_("subsequent")))
    if not regime:
        return _("Review %(number)s (%(kind)s)") % {"number": number, "kind": kind}
    return _("Review %(number)s (%(kind)s, %(regime)s)") % {
        "number": number,
        "kind": kind,
        "regime": _(REGIME_WORDS[regime]) if regime in REGIME_WORDS else str(regime),
    }


def _timeliness(row: HeldReviewRow) -> str:
    text = _("In time") if row.scheduled.in_time else _("Late")
    reason = row.review.timing_reason.strip() if row.review else ""
    return f"{text}: {reason}" if reason else text


def _timeliness_tooltip(row: HeldReviewRow) -> str:
    due = row.scheduled.due
    verdict = _("Held on or before") if row.scheduled.in_time else _("Held after")
    return _("%(verdict)s its due date, %(due)s (hold by %(hold_by)s)") % {
        "verdict": verdict,
        "due": format_date(due.due),
        "hold_by": format_date(due.hold_by),
    }


def _participation(row: HeldReviewRow) -> str:
    code = row.review.review_code if row.review else ""
    if not code:
        return _("No PN code recorded")
    return code_with_meaning(code, participation_meaning(code))


def _venue(row: HeldReviewRow) -> str:
    if row.review is None:
        return MISSING
    venues = [row.review.venue] + [part.venue for part in row.review.parts]
    unique = list(dict.fromkeys(v.strip() for v in venues if v and v.strip()))
    text = "; ".join(unique) or MISSING
    if row.review.venue_childs_choice:
        text += _(" (the child's choice)")
    return text


def _attendees(row: HeldReviewRow) -> str:
    if row.review is None or not row.review.attendees:
        return MISSING
    return ", ".join(row.review.attendees)


def _parts_after_due(row: HeldReviewRow) -> str:
    late_parts = row.scheduled.parts_after_due
    if not late_parts:
        return _("None") if len(row.scheduled.parts) > 1 else MISSING
    return _("Held after the due date: %(late_parts)s") % {"late_parts": format_dates(late_parts)}


HELD_REVIEW_COLUMNS = (
    Column(
        N_("Review"),
        lambda r: review_title(r.scheduled.number, r.scheduled.regime),
    ),
    Column(N_("Held on"), lambda r: format_dates(r.scheduled.parts)),
    Column(
        N_("Due"),
        lambda r: format_date(r.scheduled.due.due),
        tooltip=lambda r: (
            _("Hold by %(hold_by)s") % {"hold_by": format_date(r.scheduled.due.hold_by)}
        ),
    ),
    Column(N_("Why that was the due date"), lambda r: r.scheduled.due.explanation or MISSING),
    Column(
        N_("In time?"),
        _timeliness,
        tooltip=_timeliness_tooltip,
        icon=lambda r: ICON_OK if r.scheduled.in_time else ICON_WARNING,
        alert=lambda r: not r.scheduled.in_time,
    ),
    Column(N_("How the child took part"), _participation),
    Column(N_("Venue"), _venue),
    Column(N_("Who came"), _attendees),
    Column(
        N_("Parts after the due date"),
        _parts_after_due,
        icon=lambda r: ICON_WARNING if r.scheduled.parts_after_due else None,
        alert=lambda r: bool(r.scheduled.parts_after_due),
    ),
)
_WRAP_WIDTHS = {0: 140, 1: 125, 2: 120, 3: 260, 4: 115, 5: 200, 6: 140, 7: 230, 8: 170}
COL_PARTS_AFTER_DUE = 8

_NEXT_FIELDS = (
    ("review", N_("Review")),
    ("due", N_("Due")),
    ("hold_by", N_("Hold by")),
    ("explanation", N_("Why this date")),
    ("local_due", N_("Council's local deadline")),
    ("booked", N_("Booked for")),
    ("none_due", N_("No review due")),
)


def held_review_rows(detail: ChildDetail) -> list[HeldReviewRow]:
    """Every held review, newest first."""
    by_id = {review.id: review for review in detail.record.reviews if review.id is not None}
    rows = [HeldReviewRow(s, by_id.get(s.review_id)) for s in detail.schedule.reviews]
    rows.sort(key=lambda r: r.scheduled.held, reverse=True)
    return rows


def booked_review(detail: ChildDetail) -> Review | None:
    booked = [
        review
        for review in detail.record.reviews
        if review.status == ReviewStatus.BOOKED
        and review.archived_on is None
        and review.booked_for is not None
    ]
    return min(booked, key=lambda r: r.booked_for, default=None)  # type: ignore[arg-type, return-value]


class ReviewsTab(QWidget):
    actionRequested = Signal(str, str)  # form kind, record ("review:12" or "")
    documentRequested = Signal(str, int)  # "letter" | "decisions_record", held review id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Reviews tab"))
        self._booked_ref = ""
        self.action_bar = ActionBar(
            [
                ("review", N_("Record revie&w…")),
                ("booking", N_("&Book review…")),
                ("consultation", N_("&Consultation papers…")),
                ("circulated", N_("&Decisions circulated…")),
            ],
            _("Record for the reviews"),
        )
        self.action_bar.triggered.connect(
            lambda action: self.actionRequested.emit(
                action, self._booked_ref if action == "review" else ""
            )
        )
        self.next_form = ValueForm(_NEXT_FIELDS, _("Next review details"))
        self.next_status = StatusLine(_("Next review status"))
        self.next_box = QGroupBox(_("Next review"))
        self.next_box.setAccessibleName(_("Next review"))
        next_layout = QVBoxLayout(self.next_box)
        next_layout.addWidget(self.next_status)
        next_layout.addWidget(self.next_form)

        self.held = RecordsSection(
            _("Reviews held, newest first"),
            HELD_REVIEW_COLUMNS,
            _("No reviews held yet."),
            wrap_widths=_WRAP_WIDTHS,
        )
        self.next_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.next_box)
        layout.addSpacing(8)
        layout.addWidget(self.held, 1)
        # Documents for the held review chosen in the table (controllers/documents.py).
        self.document_bar = ActionBar(
            [
                ("letter", N_("Write &letter…")),
                ("decisions_record", N_("Write decisions rec&ord…")),
            ],
            _("Documents for the chosen held review"),
        )
        self.document_bar.triggered.connect(self._on_document)
        layout.addWidget(self.document_bar)

    def _on_document(self, kind: str) -> None:
        index = self.held.table.currentIndex()
        row = self.held.model.row_at(index.row()) if index.isValid() else None
        review_id = row.review.id if row is not None and row.review is not None else 0
        self.documentRequested.emit(kind, review_id or 0)

    def show_detail(self, detail: ChildDetail) -> None:
        booked = booked_review(detail)
        self._booked_ref = f"review:{booked.id}" if booked is not None else ""
        self._show_next(detail)
        rows = held_review_rows(detail)
        # The parts column only matters for a child with a review held in parts.
        in_parts = any(len(row.scheduled.parts) > 1 for row in rows)
        self.held.table.setColumnHidden(COL_PARTS_AFTER_DUE, not in_parts)
        self.held.set_rows(rows)

    def clear(self) -> None:
        self.next_form.clear()
        self.next_status.set_status("")
        self.held.set_rows([])

    def next_review_text(self) -> str:
        """The next-review box in words (status line first)."""
        return "\n".join(t for t in (self.next_status.text(), self.next_form.text()) if t)

    def _show_next(self, detail: ChildDetail) -> None:
        schedule, form, today = detail.schedule, self.next_form, detail.today
        form.clear()
        next_due = schedule.next_due
        for key in ("review", "due", "hold_by", "explanation"):
            form.set_row_visible(key, next_due is not None)
        form.set_row_visible("none_due", next_due is None)
        form.set_row_visible("local_due", next_due is not None and schedule.local_due is not None)
        booked = booked_review(detail)
        form.set_row_visible("booked", booked is not None)
        if booked is not None and booked.booked_for is not None:
            day = format_date(booked.booked_for)
            form.set_value(
                "booked",
                _("%(day)s at %(venue)s") % {"day": day, "venue": booked.venue}
                if booked.venue
                else day,
            )
        if next_due is None:
            form.set_value("none_due", schedule.why_none_due or _("No review is due."))
            self.next_status.set_status(_("No review is due."))
            return
        form.set_value("review", review_title(schedule.next_number, schedule.next_regime))
        form.set_value("due", format_date(next_due.due))
        form.set_value("hold_by", format_date(next_due.hold_by))
        form.set_value("explanation", next_due.explanation or MISSING)
        if schedule.local_due is not None:
            form.set_value("local_due", format_date(schedule.local_due))
        if next_due.due < today:
            self.next_status.set_status(
                _("Overdue: it was due %(due)s (%(ago)s).")
                % {"due": format_date(next_due.due), "ago": weeks_ago_text(next_due.due, today)},
                ICON_WARNING,
                alert=True,
            )
        else:
            self.next_status.set_status(
                _("Due %(due)s; hold it by %(hold_by)s.")
                % {
                    "due": weeks_ago_text(next_due.due, today),
                    "hold_by": format_date(next_due.hold_by),
                }
            )
