"""Episodes tab: care episodes and placements, newest first, every 903 column in words.

The table gives the outline (dates, legal status, placement, area); the form under it shows
every column of the chosen episode in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.domain.model import Episode
from iro_desktop.domain.placement import is_out_of_area
from iro_desktop.gui.child_tabs.common import ActionBar, RecordsSection, ValueForm
from iro_desktop.gui.formatting import (
    category_of_need_text,
    date_sort_value,
    format_date,
    legal_status_text,
    out_of_area_text,
    placement_text,
    provider_text,
    reason_episode_ended_text,
    reason_new_episode_text,
    reason_placement_changed_text,
    text_or_missing,
)
from iro_desktop.gui.models.records_model import ROW_ROLE, Column
from iro_desktop.i18n import N_, _
from iro_desktop.services.child import ChildDetail

TITLE = N_("Episodes and placements")


@dataclass(frozen=True)
class EpisodeRow:
    episode: Episode
    out_of_area: bool | None


def _ended(row: EpisodeRow) -> str:
    return format_date(row.episode.dec, missing=_("Continuing"))


EPISODE_COLUMNS = (
    Column(
        N_("Started"),
        lambda r: format_date(r.episode.decom),
        sort=lambda r: date_sort_value(r.episode.decom),
    ),
    Column(N_("Ended"), _ended, sort=lambda r: date_sort_value(r.episode.dec)),
    Column(N_("Legal status"), lambda r: legal_status_text(r.episode.ls)),
    Column(N_("Placement type"), lambda r: placement_text(r.episode.place)),
    Column(N_("Carer or home"), lambda r: text_or_missing(r.episode.placement_name)),
    Column(N_("Area"), lambda r: out_of_area_text(r.out_of_area)),
)
_WRAP_WIDTHS = {2: 230, 3: 280, 4: 220}

_EPISODE_FIELDS = (
    ("decom", N_("Started")),
    ("rne", N_("Why it started")),
    ("ls", N_("Legal status")),
    ("cin", N_("Category of need")),
    ("place", N_("Placement type")),
    ("placement_name", N_("Carer or home")),
    ("place_provider", N_("Provider")),
    ("pl_post", N_("Placement postcode")),
    ("out_of_area", N_("In or out of area")),
    ("home_post", N_("Home postcode")),
    ("urn", N_("Ofsted reference (URN)")),
    ("dec", N_("Ended")),
    ("rec", N_("Why it ended")),
    ("reason_place_change", N_("Why the placement changed")),
)


def episode_rows(detail: ChildDetail) -> list[EpisodeRow]:
    episodes = [e for e in detail.record.episodes if e.archived_on is None]
    episodes.sort(key=lambda e: e.decom, reverse=True)
    return [EpisodeRow(e, is_out_of_area(e, detail.settings)) for e in episodes]


class EpisodesTab(QWidget):
    actionRequested = Signal(str, str)  # form kind, record ("" here)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Episodes and placements tab"))
        self.action_bar = ActionBar(
            [("episode", N_("Add a care &episode or placement change…"))], _("Record an episode")
        )
        self.action_bar.triggered.connect(lambda action: self.actionRequested.emit(action, ""))
        self.episodes = RecordsSection(
            _("Care episodes, newest first"),
            EPISODE_COLUMNS,
            _("No care episodes recorded."),
            wrap_widths=_WRAP_WIDTHS,
            select_first=True,
        )
        self.episode_form = ValueForm(_EPISODE_FIELDS, _("The chosen episode"))
        self.form_box = QGroupBox(_("The chosen episode in full"))
        self.form_box.setAccessibleName(_("The chosen episode in full"))
        # Fourteen fields: on a small screen they scroll inside the box rather than push the
        # window taller than the screen.
        scroll = QScrollArea()
        scroll.setAccessibleName(_("The chosen episode's fields"))
        scroll.setWidget(self.episode_form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumHeight(self.fontMetrics().height() * 5)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QVBoxLayout(self.form_box).addWidget(scroll)

        self.form_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.episodes, 1)
        layout.addWidget(self.form_box)

        self.episodes.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def show_detail(self, detail: ChildDetail) -> None:
        self.episode_form.clear()
        self.episodes.set_rows(episode_rows(detail))
        self.form_box.setVisible(self.episodes.model.rowCount() > 0)
        self._on_current_changed(self.episodes.table.currentIndex())

    def clear(self) -> None:
        self.episodes.set_rows([])
        self.episode_form.clear()

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(
        self, current: QModelIndex, _previous: QModelIndex | None = None
    ) -> None:
        row: EpisodeRow | None = current.data(ROW_ROLE) if current.isValid() else None
        if row is None:
            self.episode_form.clear()
            return
        episode, form = row.episode, self.episode_form
        form.set_value("decom", format_date(episode.decom))
        form.set_value("rne", reason_new_episode_text(episode.rne))
        form.set_value("ls", legal_status_text(episode.ls))
        form.set_value("cin", category_of_need_text(episode.cin))
        form.set_value("place", placement_text(episode.place))
        form.set_value("placement_name", text_or_missing(episode.placement_name))
        form.set_value("place_provider", provider_text(episode.place_provider))
        form.set_value("pl_post", text_or_missing(episode.pl_post))
        form.set_value("out_of_area", out_of_area_text(row.out_of_area))
        form.set_value("home_post", text_or_missing(episode.home_post))
        form.set_value("urn", text_or_missing(episode.urn))
        form.set_value("dec", _ended(row))
        form.set_value("rec", reason_episode_ended_text(episode.rec))
        form.set_value(
            "reason_place_change", reason_placement_changed_text(episode.reason_place_change)
        )
