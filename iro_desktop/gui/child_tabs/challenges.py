"""Challenges tab: each challenge the IRO raised (dispute resolution), open ones first, and
the stages of the chosen challenge: informal, then formal stage 1, 2 ..."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from iro_desktop.domain.model import Challenge, ChallengeStage, Region
from iro_desktop.gui.child_tabs.common import ActionBar, RecordsSection
from iro_desktop.gui.child_tabs.written_in import written_in
from iro_desktop.gui.formatting import (
    MISSING,
    challenge_stage_name,
    date_sort_value,
    format_date,
    text_or_missing,
)
from iro_desktop.gui.models.records_model import ICON_OK, ICON_WARNING, ROW_ROLE, Column
from iro_desktop.services.child import ChildDetail

TITLE = "Challenges"


@dataclass(frozen=True)
class ChallengeRow:
    challenge: Challenge
    cafcass_name: str  # "Cafcass" in England, "Cafcass Cymru" in Wales
    today: date

    @property
    def current(self) -> ChallengeStage | None:
        return self.challenge.current_stage

    @property
    def response_overdue(self) -> bool:
        stage = self.current
        return (
            self.challenge.is_open
            and stage is not None
            and stage.responded_on is None
            and stage.response_due is not None
            and stage.response_due < self.today
        )


@dataclass(frozen=True)
class StageRow:
    stage: ChallengeStage
    today: date

    @property
    def response_overdue(self) -> bool:
        return (
            self.stage.responded_on is None
            and self.stage.response_due is not None
            and self.stage.response_due < self.today
        )


def _stage_now(row: ChallengeRow) -> str:
    return challenge_stage_name(row.current.stage) if row.current else MISSING


def _response(row: ChallengeRow) -> str:
    stage = row.current
    if stage is None:
        return MISSING
    if stage.responded_on:
        return f"Responded {format_date(stage.responded_on)}"
    if stage.response_due is None:
        return "Awaited"
    due = format_date(stage.response_due)
    return f"Overdue: was due {due}" if row.response_overdue else f"Due {due}"


def _cafcass(row: ChallengeRow) -> str:
    referred = row.challenge.cafcass_referred_on
    return f"Referred to {row.cafcass_name} {format_date(referred)}" if referred else "No"


def _status(row: ChallengeRow) -> str:
    resolved = row.challenge.resolved_on
    return f"Resolved {format_date(resolved)}" if resolved else "Open"


CHALLENGE_COLUMNS = (
    Column("Theme", lambda r: text_or_missing(r.challenge.theme)),
    Column("Stage now", _stage_now),
    Column(
        "First raised",
        lambda r: format_date(r.challenge.raised_on),
        sort=lambda r: date_sort_value(r.challenge.raised_on),
    ),
    Column(
        "Raised with",
        lambda r: text_or_missing(r.current.raised_with) if r.current else MISSING,
    ),
    Column(
        "Response",
        _response,
        icon=lambda r: ICON_WARNING if r.response_overdue else None,
        alert=lambda r: r.response_overdue,
    ),
    Column("Cafcass referral", _cafcass),
    Column("Outcome", lambda r: text_or_missing(r.challenge.outcome)),
    Column(
        "Status",
        _status,
        icon=lambda r: ICON_OK if r.challenge.resolved_on else None,
    ),
    written_in(lambda r: r.challenge.text_language),
)
STAGE_COLUMNS = (
    Column("Stage", lambda r: challenge_stage_name(r.stage.stage), sort=lambda r: r.stage.stage),
    Column(
        "Raised on",
        lambda r: format_date(r.stage.raised_on),
        sort=lambda r: date_sort_value(r.stage.raised_on),
    ),
    Column("Raised with", lambda r: text_or_missing(r.stage.raised_with)),
    Column("Response due", lambda r: format_date(r.stage.response_due)),
    Column(
        "Responded",
        lambda r: format_date(
            r.stage.responded_on,
            missing="Overdue, no response" if r.response_overdue else "Not yet",
        ),
        icon=lambda r: ICON_WARNING if r.response_overdue else None,
        alert=lambda r: r.response_overdue,
    ),
    Column("Response", lambda r: text_or_missing(r.stage.response)),
    written_in(lambda r: r.stage.text_language),
)


def challenge_rows(detail: ChildDetail) -> list[ChallengeRow]:
    """Open challenges first, then resolved ones; newest first within each."""
    cafcass = "Cafcass Cymru" if detail.settings.region == Region.WALES else "Cafcass"
    challenges = [c for c in detail.record.challenges if c.archived_on is None]
    challenges.sort(
        key=lambda c: (not c.is_open, -(c.raised_on or date.min).toordinal()),
    )
    return [ChallengeRow(c, cafcass, detail.today) for c in challenges]


CHALLENGE_ACTIONS = (
    ("challenge", "Raise a challen&ge…"),
    ("escalate", "&Escalate…"),
    ("challenge_response", "Res&ponse…"),
    ("cafcass", "Refer to &Cafcass…"),
    ("resolve", "Res&olve…"),
)


class ChallengesTab(QWidget):
    actionRequested = Signal(str, str)  # form kind, "challenge:ID" (or "" to raise one)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Challenges tab")
        self.action_bar = ActionBar(CHALLENGE_ACTIONS, "Raise or progress a challenge")
        self.action_bar.triggered.connect(self._on_action)
        self.challenges = RecordsSection(
            "Challenges, open first",
            CHALLENGE_COLUMNS,
            "No challenges raised for this child.",
            wrap_widths={0: 230, 3: 170, 4: 190, 5: 190, 6: 260},
            select_first=True,
        )
        self.stages = RecordsSection(
            "Stages of the chosen challenge",
            STAGE_COLUMNS,
            "Choose a challenge to see its stages.",
            wrap_widths={2: 200, 4: 170, 5: 400},
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.challenges, 1)
        layout.addSpacing(8)
        layout.addWidget(self.stages, 1)
        self.challenges.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def show_detail(self, detail: ChildDetail) -> None:
        cafcass = "Cafcass Cymru" if detail.settings.region == Region.WALES else "Cafcass"
        self.action_bar.buttons["cafcass"].setText(f"Refer to &{cafcass}…")
        self.challenges.set_rows(challenge_rows(detail))
        self._on_current_changed(self.challenges.table.currentIndex())

    def clear(self) -> None:
        self.challenges.set_rows([])
        self.stages.set_rows([])

    def chosen(self) -> ChallengeRow | None:
        index = self.challenges.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _on_action(self, action: str) -> None:
        row = self.chosen()
        ref = f"challenge:{row.challenge.id}" if row is not None and action != "challenge" else ""
        self.actionRequested.emit(action, ref)

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(
        self, current: QModelIndex, _previous: QModelIndex | None = None
    ) -> None:
        row: ChallengeRow | None = current.data(ROW_ROLE) if current.isValid() else None
        is_open = row is not None and row.challenge.is_open
        for action, _text in CHALLENGE_ACTIONS[1:]:
            self.action_bar.set_enabled(action, is_open)
        if row is None:
            self.stages.set_rows([])
            return
        stages = sorted(row.challenge.stages, key=lambda s: (s.raised_on, s.stage))
        self.stages.set_rows([StageRow(s, row.today) for s in stages])
