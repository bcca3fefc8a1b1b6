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
from iro_desktop.i18n import N_, _
from iro_desktop.services.child import ChildDetail

TITLE = N_("Challenges")


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
        return _("Responded %(responded_on)s") % {"responded_on": format_date(stage.responded_on)}
    if stage.response_due is None:
        return _("Awaited")
    due = format_date(stage.response_due)
    return (
        _("Overdue: was due %(due)s") % {"due": due}
        if row.response_overdue
        else _("Due %(due)s") % {"due": due}
    )


def _cafcass(row: ChallengeRow) -> str:
    referred = row.challenge.cafcass_referred_on
    return (
        _("Referred to %(cafcass_name)s %(referred)s")
        % {"cafcass_name": row.cafcass_name, "referred": format_date(referred)}
        if referred
        else _("No")
    )


def _status(row: ChallengeRow) -> str:
    resolved = row.challenge.resolved_on
    return (
        _("Resolved %(resolved)s") % {"resolved": format_date(resolved)} if resolved else _("Open")
    )


CHALLENGE_COLUMNS = (
    Column(N_("Theme"), lambda r: text_or_missing(_(r.challenge.theme))),
    Column(N_("Stage now"), _stage_now),
    Column(
        N_("First raised"),
        lambda r: format_date(r.challenge.raised_on),
        sort=lambda r: date_sort_value(r.challenge.raised_on),
    ),
    Column(
        N_("Raised with"),
        lambda r: text_or_missing(r.current.raised_with) if r.current else MISSING,
    ),
    Column(
        N_("Response"),
        _response,
        icon=lambda r: ICON_WARNING if r.response_overdue else None,
        alert=lambda r: r.response_overdue,
    ),
    Column(N_("Cafcass referral"), _cafcass),
    Column(N_("Outcome"), lambda r: text_or_missing(r.challenge.outcome)),
    Column(
        N_("Status"),
        _status,
        icon=lambda r: ICON_OK if r.challenge.resolved_on else None,
    ),
    written_in(lambda r: r.challenge.text_language),
)
STAGE_COLUMNS = (
    Column(
        N_("Stage"), lambda r: challenge_stage_name(r.stage.stage), sort=lambda r: r.stage.stage
    ),
    Column(
        N_("Raised on"),
        lambda r: format_date(r.stage.raised_on),
        sort=lambda r: date_sort_value(r.stage.raised_on),
    ),
    Column(N_("Raised with"), lambda r: text_or_missing(r.stage.raised_with)),
    Column(N_("Response due"), lambda r: format_date(r.stage.response_due)),
    Column(
        N_("Responded"),
        lambda r: format_date(
            r.stage.responded_on,
            missing=_("Overdue, no response") if r.response_overdue else _("Not yet"),
        ),
        icon=lambda r: ICON_WARNING if r.response_overdue else None,
        alert=lambda r: r.response_overdue,
    ),
    Column(N_("Response"), lambda r: text_or_missing(r.stage.response)),
    written_in(lambda r: r.stage.text_language),
)


def challenge_rows(detail: ChildDetail) -> list[ChallengeRow]:
    """Open challenges first, then resolved ones; newest first within each."""
    cafcass = _("Cafcass Cymru") if detail.settings.region == Region.WALES else _("Cafcass")
    challenges = [c for c in detail.record.challenges if c.archived_on is None]
    challenges.sort(
        key=lambda c: (not c.is_open, -(c.raised_on or date.min).toordinal()),
    )
    return [ChallengeRow(c, cafcass, detail.today) for c in challenges]


CHALLENGE_ACTIONS = (
    ("challenge", N_("Raise a challen&ge…")),
    ("escalate", N_("&Escalate…")),
    ("challenge_response", N_("Res&ponse…")),
    ("cafcass", N_("Refer to &Cafcass…")),
    ("resolve", N_("Res&olve…")),
)


class ChallengesTab(QWidget):
    actionRequested = Signal(str, str)  # form kind, "challenge:ID" (or "" to raise one)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Challenges tab"))
        self.action_bar = ActionBar(CHALLENGE_ACTIONS, _("Raise or progress a challenge"))
        self.action_bar.triggered.connect(self._on_action)
        self.challenges = RecordsSection(
            _("Challenges, open first"),
            CHALLENGE_COLUMNS,
            _("No challenges raised for this child."),
            wrap_widths={0: 230, 3: 170, 4: 190, 5: 190, 6: 260},
            select_first=True,
        )
        self.stages = RecordsSection(
            _("Stages of the chosen challenge"),
            STAGE_COLUMNS,
            _("Choose a challenge to see its stages."),
            wrap_widths={2: 200, 4: 170, 5: 400},
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.challenges, 1)
        layout.addSpacing(8)
        layout.addWidget(self.stages, 1)
        self.challenges.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def show_detail(self, detail: ChildDetail) -> None:
        cafcass = _("Cafcass Cymru") if detail.settings.region == Region.WALES else _("Cafcass")
        self.action_bar.buttons["cafcass"].setText(
            _("Refer to &%(cafcass)s…") % {"cafcass": cafcass}
        )
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
