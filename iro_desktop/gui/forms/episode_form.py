"""A care episode or a placement change (a 903 EPISODES row)."""

from __future__ import annotations

from typing import ClassVar

from iro_desktop.domain.codes import LEGAL_STATUSES, REASONS_NEW_EPISODE
from iro_desktop.domain.validation import EpisodeEntry, Problem, episode_problems
from iro_desktop.gui.formatting import PLACEMENT_PROVIDERS, REASONS_PLACEMENT_CHANGED
from iro_desktop.gui.forms.base import RecordForm
from iro_desktop.gui.forms.editors import fill_combo, set_combo
from iro_desktop.i18n import N_, _
from iro_desktop.services.exchange import recordable_placement_types
from iro_desktop.services.recording import add_episode

CHOOSE = ("", N_("Choose…"))
NOT_RECORDED = ("", N_("Not recorded"))


def _choices(codes: dict[str, str], first: tuple[str, str] = CHOOSE) -> list[tuple[str, str]]:
    """Code lists for a combo box: the code stays the item's data; its meaning is translated."""
    return [
        (first[0], _(first[1])),
        *((code, f"{code} {_(meaning)}") for code, meaning in codes.items()),
    ]


class EpisodeForm(RecordForm):
    KIND = "episode"
    UI_FILE = "episode_form.ui"
    TITLE = N_("Care episode or placement change")
    FIELDS: ClassVar[dict[str, str]] = {
        "decom": "decom",
        "rne": "rne",
        "ls": "ls",
        "place": "place",
        "place_provider": "placeProvider",
        "placement_name": "placementName",
        "pl_post": "plPost",
        "home_post": "homePost",
        "reason_place_change": "reasonPlaceChange",
    }
    REQUIRED = ("decom", "rne", "ls", "place")

    def setup(self) -> None:
        fill_combo(self.field("rne"), _choices(REASONS_NEW_EPISODE))
        fill_combo(self.field("ls"), _choices(LEGAL_STATUSES))
        # The current collection year's codes (K3, Z11-Z14 from 2025-26; no H5, P2 or Z1).
        fill_combo(self.field("place"), _choices(recordable_placement_types(self.today)))
        fill_combo(self.field("place_provider"), _choices(PLACEMENT_PROVIDERS, NOT_RECORDED))
        fill_combo(
            self.field("reason_place_change"), _choices(REASONS_PLACEMENT_CHANGED, NOT_RECORDED)
        )

    def apply_defaults(self) -> None:
        from iro_desktop.gui.forms.fields import set_date

        set_date(self.field("decom"), self.today)
        current = self._open_episode()
        if current is not None:  # a change within the period keeps the legal status
            set_combo(self.field("ls"), current.ls)
            set_combo(self.field("rne"), "P")

    def _open_episode(self):
        detail = self.context.detail
        if detail is None:
            return None
        still_open = [e for e in detail.record.episodes if e.archived_on is None and e.dec is None]
        return max(still_open, key=lambda e: e.decom, default=None)

    def entry(self) -> EpisodeEntry:
        return EpisodeEntry(
            decom=self.date("decom"),
            rne=self.text("rne"),
            ls=self.text("ls"),
            place=self.text("place"),
            place_provider=self.text("place_provider"),
            placement_name=self.text("placement_name"),
            pl_post=self.text("pl_post"),
            home_post=self.text("home_post"),
            reason_place_change=self.text("reason_place_change"),
        )

    def problems(self) -> list[Problem]:
        detail = self.context.detail
        record = detail.record if detail else None
        current = self._open_episode()
        return episode_problems(
            self.entry(),
            record.child.dob if record else None,
            self.today,
            [e.decom for e in record.episodes if e.archived_on is None] if record else [],
            current.decom if current else None,
        )

    def save_call(self):
        return add_episode, (self.context.child_ref, self.entry(), self.today)

    def saved_message(self) -> str:
        return _("Care episode saved.")
