"""Progress a challenge: escalate to a further formal stage, record the response, refer to
Cafcass (Cafcass Cymru in Wales), or resolve it. One Designer form; each step shows its rows."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFormLayout

from iro_desktop.domain.model import Challenge
from iro_desktop.domain.validation import (
    Problem,
    StageEntry,
    dated_step_problems,
    escalation_problems,
    required,
)
from iro_desktop.gui.formatting import challenge_stage_name, format_date
from iro_desktop.gui.forms.base import RecordForm
from iro_desktop.gui.forms.challenge_form import response_due_words
from iro_desktop.gui.forms.editors import fill_combo
from iro_desktop.gui.forms.fields import set_date
from iro_desktop.gui.forms.text_language import TEXT_LANGUAGE, add_text_language
from iro_desktop.i18n import N_, _
from iro_desktop.services.recording import (
    cafcass_name,
    escalate_challenge,
    record_challenge_response,
    refer_to_cafcass,
    resolve_challenge,
)


class ChallengeStepForm(RecordForm):
    UI_FILE = "challenge_step_form.ui"
    FIELDS: ClassVar[dict[str, str]] = {
        "challenge": "challengeText",
        "stage": "stage",
        "on": "on",
        "raised_with": "raisedWith",
        "response_due": "responseDue",
        "text": "text",
    }
    SHOWN: tuple[str, ...] = ("challenge", "on")
    DATE_LABEL = N_("&Date:")
    TEXT_LABEL = N_("&Response:")

    def challenge(self) -> Challenge | None:
        detail = self.context.detail
        if detail is None:
            return None
        wanted = self.context.record_id("challenge")
        live = [c for c in detail.record.challenges if c.archived_on is None]
        for challenge in live:
            if challenge.id == wanted:
                return challenge
        return next((c for c in live if c.is_open), None)

    def setup(self) -> None:
        layout = self.ui.layout()
        assert isinstance(layout, QFormLayout)
        for key in [k for k in self.widgets if k not in self.SHOWN]:
            layout.removeRow(self.widgets.pop(key))  # rows this step does not ask for
        self._relabel("on", _(self.DATE_LABEL))
        self._relabel("text", _(self.TEXT_LABEL))
        if "text" in self.widgets:  # a response or an outcome: typed text, in its language
            add_text_language(self, before="text")

    def _relabel(self, key: str, text: str) -> None:
        if key not in self.widgets:
            return
        label = self._label_for(self.field(key))
        if label is not None:
            label.setText(text)
            self.field(key).setAccessibleName(text.replace("&", "").rstrip(":"))

    def apply_defaults(self) -> None:
        challenge = self.challenge()
        if challenge is None:
            words = _("No open challenge.")
        else:
            stage = challenge.current_stage
            words = _("%(theme)s: raised %(raised_on)s") % {
                "theme": challenge.theme,
                "raised_on": format_date(challenge.raised_on),
            }
            if stage is not None:
                words += _("; now %(stage)s") % {"stage": challenge_stage_name(stage.stage).lower()}
                if stage.raised_with:
                    words += _(", with %(raised_with)s") % {"raised_with": stage.raised_with}
        self.field("challenge").setText(words)  # type: ignore[attr-defined]
        set_date(self.field("on"), self.today)

    def challenge_id(self) -> int:
        challenge = self.challenge()
        assert challenge is not None and challenge.id is not None
        return challenge.id

    def missing(self) -> list[Problem]:
        return [] if self.challenge() else [Problem("on", _("There is no open challenge."))]


class EscalateForm(ChallengeStepForm):
    KIND = "escalate"
    TITLE = N_("Escalate a challenge")
    SHOWN = ("challenge", "stage", "on", "raised_with", "response_due")
    DATE_LABEL = N_("&Escalated on:")
    REQUIRED = ("on", "raised_with")

    def setup(self) -> None:
        super().setup()
        detail = self.context.detail
        stages = detail.settings.formal_challenge_stages if detail else 3
        challenge = self.challenge()
        current = challenge.current_stage.stage if challenge and challenge.current_stage else 0
        choices = [(str(n), challenge_stage_name(n)) for n in range(current + 1, stages + 1)]
        fill_combo(self.field("stage"), choices or [("", _("No further formal stage"))])
        self.field("stage").currentIndexChanged.connect(self._on_due_inputs_changed)  # type: ignore[attr-defined]
        self.field("on").dateChanged.connect(self._on_due_inputs_changed)  # type: ignore[attr-defined]

    def apply_defaults(self) -> None:
        super().apply_defaults()
        self._on_due_inputs_changed()

    @Slot()
    def _on_due_inputs_changed(self, *_args) -> None:
        stage = int(self.text("stage") or 0)
        self.field("response_due").setText(  # type: ignore[attr-defined]
            response_due_words(self.context.detail, stage, self.date("on")) if stage else "—"
        )

    def entry(self) -> StageEntry:
        return StageEntry(int(self.text("stage") or 0), self.date("on"), self.text("raised_with"))

    def problems(self) -> list[Problem]:
        challenge = self.challenge()
        if challenge is None:
            return self.missing()
        detail = self.context.detail
        current = challenge.current_stage
        return escalation_problems(
            self.entry(),
            current.stage if current else -1,
            current.raised_on if current else None,
            self.today,
            detail.settings.formal_challenge_stages if detail else 3,
            challenge.is_open,
        )

    def save_call(self):
        return escalate_challenge, (self.challenge_id(), self.entry(), self.today)

    def saved_message(self) -> str:
        return _("Challenge escalated.")


class ResponseForm(ChallengeStepForm):
    KIND = "challenge_response"
    TITLE = N_("Response to a challenge")
    SHOWN = ("challenge", "on", "text")
    DATE_LABEL = N_("&Responded on:")
    TEXT_LABEL = N_("What the &response said:")
    REQUIRED = ("on", "text")

    def problems(self) -> list[Problem]:
        challenge = self.challenge()
        if challenge is None:
            return self.missing()
        stage = challenge.current_stage
        problems = dated_step_problems(
            "on",
            self.date("on"),
            stage.raised_on if stage else None,
            self.today,
            _("The response"),
            _("the challenge"),
        )
        return problems + required("text", self.text("text"), _("what the response said"))

    def save_call(self):
        return record_challenge_response, (
            self.challenge_id(),
            self.date("on"),
            self.text("text"),
            self.today,
            self.text(TEXT_LANGUAGE),
        )

    def saved_message(self) -> str:
        return _("Response to the challenge recorded.")


class CafcassForm(ChallengeStepForm):
    KIND = "cafcass"
    TITLE = N_("Refer a challenge to Cafcass")
    SHOWN = ("challenge", "on")
    DATE_LABEL = N_("&Referred on:")
    REQUIRED = ("on",)

    def window_title(self) -> str:
        detail = self.context.detail
        name = cafcass_name(detail.settings) if detail else _("Cafcass")
        return super().window_title().replace("Cafcass", name)

    def problems(self) -> list[Problem]:
        challenge = self.challenge()
        if challenge is None:
            return self.missing()
        return dated_step_problems(
            "on",
            self.date("on"),
            challenge.raised_on,
            self.today,
            _("The referral"),
            _("the challenge was raised"),
        )

    def save_call(self):
        return refer_to_cafcass, (self.challenge_id(), self.date("on"), self.today)

    def saved_message(self) -> str:
        return _("Referral recorded.")


class ResolveForm(ChallengeStepForm):
    KIND = "resolve"
    TITLE = N_("Resolve a challenge")
    SHOWN = ("challenge", "on", "text")
    DATE_LABEL = N_("&Resolved on:")
    TEXT_LABEL = N_("&Outcome:")
    REQUIRED = ("on", "text")

    def problems(self) -> list[Problem]:
        challenge = self.challenge()
        if challenge is None:
            return self.missing()
        problems = dated_step_problems(
            "on",
            self.date("on"),
            challenge.raised_on,
            self.today,
            _("The resolution"),
            _("the challenge was raised"),
        )
        return problems + required("text", self.text("text"), _("the outcome"))

    def save_call(self):
        return resolve_challenge, (
            self.challenge_id(),
            self.date("on"),
            self.text("text"),
            self.today,
            self.text(TEXT_LANGUAGE),
        )

    def saved_message(self) -> str:
        return _("Challenge resolved.")
