"""Raise a challenge (the dispute resolution process): informal, or at a formal stage."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Slot

from iro_desktop.domain.tasks import challenge_response_due
from iro_desktop.domain.validation import (
    CHALLENGE_THEMES,
    ChallengeEntry,
    Problem,
    challenge_problems,
)
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.gui.formatting import challenge_stage_name, format_date
from iro_desktop.gui.forms.base import RecordForm
from iro_desktop.gui.forms.editors import fill_combo
from iro_desktop.gui.forms.fields import set_date
from iro_desktop.gui.forms.text_language import TEXT_LANGUAGE, add_text_language
from iro_desktop.i18n import N_, _
from iro_desktop.services.recording import raise_challenge


def response_due_words(detail, stage: int, raised_on) -> str:
    if detail is None or raised_on is None:
        return "—"
    settings = detail.settings
    due = challenge_response_due(stage, raised_on, settings, calendar_for(settings))
    ts = settings.timescales
    days = ts.informal_challenge_working_days if stage == 0 else ts.formal_stage_working_days
    return _("%(due)s (%(days)s working days after raising, as your council sets)") % {
        "due": format_date(due),
        "days": days,
    }


class ChallengeForm(RecordForm):
    KIND = "challenge"
    UI_FILE = "challenge_form.ui"
    TITLE = N_("Raise a challenge")
    FIELDS: ClassVar[dict[str, str]] = {
        "theme": "theme",
        "stage": "stage",
        "raised_on": "raisedOn",
        "raised_with": "raisedWith",
        "response_due": "responseDue",
    }
    REQUIRED = ("theme", "raised_on", "raised_with")

    def setup(self) -> None:
        theme = self.field("theme")
        fill_combo(theme, [(None, "")] + [(t, _(t)) for t in CHALLENGE_THEMES])
        theme.lineEdit().setPlaceholderText(_("Choose or type what it is about"))  # type: ignore[attr-defined]
        stages = self.context.detail.settings.formal_challenge_stages if self.context.detail else 3
        fill_combo(
            self.field("stage"),
            [(str(n), challenge_stage_name(n)) for n in range(stages + 1)],
        )
        self.field("stage").currentIndexChanged.connect(self._on_due_inputs_changed)  # type: ignore[attr-defined]
        self.field("raised_on").dateChanged.connect(self._on_due_inputs_changed)  # type: ignore[attr-defined]
        add_text_language(self)  # the theme, and the challenge's text to come

    def apply_defaults(self) -> None:
        set_date(self.field("raised_on"), self.today)
        self._on_due_inputs_changed()

    @Slot()
    def _on_due_inputs_changed(self, *_args) -> None:
        self.field("response_due").setText(  # type: ignore[attr-defined]
            response_due_words(
                self.context.detail, int(self.text("stage") or 0), self.date("raised_on")
            )
        )

    def entry(self) -> ChallengeEntry:
        return ChallengeEntry(
            self.text("theme"),
            int(self.text("stage") or 0),
            self.date("raised_on"),
            self.text("raised_with"),
            self.text(TEXT_LANGUAGE),
        )

    def problems(self) -> list[Problem]:
        stages = self.context.detail.settings.formal_challenge_stages if self.context.detail else 3
        return challenge_problems(self.entry(), self.today, stages)

    def save_call(self):
        return raise_challenge, (self.context.child_ref, self.entry(), self.today)

    def saved_message(self) -> str:
        return _("Challenge raised.")
