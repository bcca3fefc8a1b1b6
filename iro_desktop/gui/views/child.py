"""The child view: a header saying who the child is and when the next review is due, then one
tab per part of the record (details, episodes, reviews, decisions, meetings, challenges,
timeline, letters). It only shows the ``ChildDetail`` it is given."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from iro_desktop.domain.model import Review
from iro_desktop.domain.placement import current_episode
from iro_desktop.gui.child_tabs import (
    challenges,
    decisions,
    details,
    episodes,
    letters,
    meetings,
    reviews,
    timeline,
)
from iro_desktop.gui.child_tabs.common import StatusLine, value_label
from iro_desktop.gui.formatting import (
    format_age,
    format_date,
    language_text,
    out_of_area_text,
    placement_text,
    weeks_ago_text,
)
from iro_desktop.gui.models.records_model import ICON_WARNING
from iro_desktop.i18n import N_, _
from iro_desktop.services.child import ChildDetail
from iro_desktop.services.letter_status import WrittenRecord

TAB_DETAILS = "details"
TAB_EPISODES = "episodes"
TAB_REVIEWS = "reviews"
TAB_DECISIONS = "decisions"
TAB_MEETINGS = "meetings"
TAB_CHALLENGES = "challenges"
TAB_TIMELINE = "timeline"
TAB_LETTERS = "letters"

_TABS = (
    (TAB_DETAILS, details.DetailsTab, details.TITLE),
    (TAB_EPISODES, episodes.EpisodesTab, episodes.TITLE),
    (TAB_REVIEWS, reviews.ReviewsTab, reviews.TITLE),
    (TAB_DECISIONS, decisions.DecisionsTab, decisions.TITLE),
    (TAB_MEETINGS, meetings.MeetingsTab, meetings.TITLE),
    (TAB_CHALLENGES, challenges.ChallengesTab, challenges.TITLE),
    (TAB_TIMELINE, timeline.TimelineTab, timeline.TITLE),
    (TAB_LETTERS, letters.LettersTab, letters.TITLE),
)
TAB_NAMES = tuple(name for name, _cls, _title in _TABS)
NO_CHILD_TEXT = N_("No child open. Choose a child on the caseload or the due list.")


class ChildView(QWidget):
    """Header and tabs for one child."""

    currentTabChanged = Signal(str)  # one of TAB_NAMES
    # The tabs' requests, passed on with the child on screen (so no one asks the view later):
    actionRequested = Signal(str, str, str)  # child reference, form kind or action, record ref
    documentRequested = Signal(str, str, int)  # child reference, letters.ACTION_*, review id
    writtenWanted = Signal(str)  # child reference: please call set_written with its rows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Child record"))
        self._detail: ChildDetail | None = None

        self.name_label = QLabel(_(NO_CHILD_TEXT), self)
        self.name_label.setWordWrap(True)
        self.name_label.setAccessibleName(_("Child's name"))
        name_font = QFont(self.name_label.font())
        name_font.setBold(True)
        name_font.setPointSizeF(name_font.pointSizeF() * 1.5)
        self.name_label.setFont(name_font)
        self.facts_label = value_label(_("Reference, age, date of birth and language"), self)
        self.placement_label = value_label(_("Placement"), self)
        self.social_worker_label = value_label(_("Social worker"), self)
        self.next_review_line = StatusLine(_("Next review"), self)

        header = QWidget(self)
        header.setAccessibleName(_("About the child"))
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(0, 0, 0, 4)
        header_layout.setSpacing(2)
        for widget in (
            self.name_label,
            self.facts_label,
            self.placement_label,
            self.social_worker_label,
            self.next_review_line,
        ):
            header_layout.addWidget(widget)
        self.header_actions = QHBoxLayout()  # buttons for the child (add_header_button)
        self.header_actions.setContentsMargins(0, 0, 0, 0)
        self.header_actions.addStretch(1)
        header_layout.addLayout(self.header_actions)

        self.tab_widget = QTabWidget(self)
        self.tab_widget.setAccessibleName(_("Parts of the child's record"))
        self.tab_widget.setDocumentMode(True)
        self.tabs: dict[str, QWidget] = {}
        for name, tab_class, title in _TABS:
            tab = tab_class(self.tab_widget)
            tab.setObjectName(f"{name}Tab")
            self.tab_widget.addTab(tab, _(title))
            self.tabs[name] = tab
            action_signal = getattr(tab, "actionRequested", None)
            if action_signal is not None:
                action_signal.connect(self._on_tab_action)
            document_signal = getattr(tab, "documentRequested", None)
            if document_signal is not None:
                document_signal.connect(self._on_document_requested)
        self.tabs[TAB_LETTERS].writtenWanted.connect(self.writtenWanted)  # type: ignore[attr-defined]

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.tab_widget, 1)
        self.tab_widget.currentChanged.connect(self._on_tab_changed)
        self._show_no_child()

    # Public API ------------------------------------------------------------------------
    def show_detail(self, detail: ChildDetail, tab: str | None = None) -> None:
        """Show this child; switch to ``tab`` (one of TAB_NAMES) or keep the current tab."""
        if tab is not None and tab not in self.tabs:
            raise ValueError(f"Unknown tab {tab!r}: expected one of {', '.join(TAB_NAMES)}")
        self._detail = detail
        self._show_header(detail)
        for page in self.tabs.values():
            page.show_detail(detail)  # type: ignore[attr-defined]
        self.tab_widget.setEnabled(True)
        if tab is not None:
            self.set_current_tab(tab)

    def clear(self) -> None:
        self._detail = None
        self._show_no_child()

    def current_tab(self) -> str:
        return TAB_NAMES[max(self.tab_widget.currentIndex(), 0)]

    def set_current_tab(self, tab: str) -> None:
        self.tab_widget.setCurrentIndex(TAB_NAMES.index(tab))

    def current_child_ref(self) -> str | None:
        return self._detail.record.child.child_ref if self._detail else None

    @property
    def detail(self) -> ChildDetail | None:
        """The child's record on screen, if any."""
        return self._detail

    def chosen_letter_review(self) -> Review | None:
        """The review chosen on the Letters tab (whichever tab is on screen)."""
        return self.tabs[TAB_LETTERS].chosen_review()  # type: ignore[attr-defined]

    def set_written(self, child_ref: str, rows: Sequence[WrittenRecord]) -> None:
        self.tabs[TAB_LETTERS].set_written(child_ref, rows)  # type: ignore[attr-defined]

    def add_header_button(self, name: str, text: str, action: QAction) -> QPushButton:
        """A button on the header for an action about the child on screen."""
        button = QPushButton(text)
        button.setToolTip(action.toolTip())
        button.setObjectName(f"{name}Button")
        button.clicked.connect(action.trigger)
        self.header_actions.addWidget(button)
        return button

    def tab(self, name: str) -> QWidget:
        return self.tabs[name]

    # Slots -----------------------------------------------------------------------------
    @Slot(int)
    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(TAB_NAMES):
            self.currentTabChanged.emit(TAB_NAMES[index])

    @Slot(str, str)
    def _on_tab_action(self, action: str, record_ref: str) -> None:
        child_ref = self.current_child_ref()
        if child_ref:
            self.actionRequested.emit(child_ref, action, record_ref)

    @Slot(str, int)
    def _on_document_requested(self, action: str, review_id: int) -> None:
        self.documentRequested.emit(self.current_child_ref() or "", action, review_id)

    # Helpers ---------------------------------------------------------------------------
    def _show_no_child(self) -> None:
        self.name_label.setText(_(NO_CHILD_TEXT))
        for label in (self.facts_label, self.placement_label, self.social_worker_label):
            label.clear()
            label.hide()
        self.next_review_line.hide()
        for page in self.tabs.values():
            page.clear()  # type: ignore[attr-defined]
        self.tab_widget.setEnabled(False)

    def _show_header(self, detail: ChildDetail) -> None:
        child = detail.record.child
        name = f"{child.known_as} {child.last_name}".strip() or child.child_ref
        if child.archived_on is not None:
            name += _(" (archived %(archived_on)s)") % {
                "archived_on": format_date(child.archived_on)
            }
        self.name_label.setText(name)

        language = language_text(child.language)
        if child.interpreter_needed:
            language += _(", interpreter needed")
        self.facts_label.setText(
            _(
                "Reference %(child_ref)s  ·  Aged %(age)s  ·  Born %(dob)s  ·  "
                "Language: %(language)s"
            )
            % {
                "child_ref": child.child_ref,
                "age": format_age(detail.age),
                "dob": format_date(child.dob),
                "language": language,
            }
        )

        episode = current_episode(detail.record, detail.today)
        if episode is None:
            placement = _("Placement: none recorded")
        else:
            parts = [placement_text(episode.place)]
            if episode.placement_name:
                parts.append(episode.placement_name)
            parts.append(out_of_area_text(detail.out_of_area))
            placement = _("Placement: %(placement)s") % {
                "placement": "  ·  ".join(p for p in parts if p and p != "—")
            }
        self.placement_label.setText(placement)

        worker = child.social_worker or _("not recorded")
        if child.social_worker_team:
            worker += f" ({child.social_worker_team})"
        if child.social_worker_phone:
            worker += f", {child.social_worker_phone}"
        self.social_worker_label.setText(_("Social worker: %(worker)s") % {"worker": worker})

        self._show_next_review(detail)
        for label in (self.facts_label, self.placement_label, self.social_worker_label):
            label.show()
        self.next_review_line.show()

    def _show_next_review(self, detail: ChildDetail) -> None:
        next_due = detail.schedule.next_due
        if next_due is None:
            why = detail.schedule.why_none_due
            self.next_review_line.set_status(
                _("No review due: %(why)s.") % {"why": why} if why else _("No review due.")
            )
            return
        due, hold_by = format_date(next_due.due), format_date(next_due.hold_by)
        if next_due.due < detail.today:
            self.next_review_line.set_status(
                _("Next review overdue: it was due %(due)s (%(ago)s).")
                % {"due": due, "ago": weeks_ago_text(next_due.due, detail.today)},
                ICON_WARNING,
                alert=True,
            )
        else:
            self.next_review_line.set_status(
                _("Next review due %(due)s; hold it by %(hold_by)s.")
                % {"due": due, "hold_by": hold_by}
            )
