"""One decision from the Decisions tab or the due list: mark it done, carry it to a new date,
drop it with a reason, or chase it."""

from __future__ import annotations

from datetime import timedelta
from typing import ClassVar

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFormLayout

from iro_desktop.domain.model import Decision
from iro_desktop.domain.validation import (
    DecisionStep,
    Problem,
    StepAction,
    dated_step_problems,
    step_problems,
)
from iro_desktop.gui.formatting import format_date
from iro_desktop.gui.forms.base import RecordForm
from iro_desktop.gui.forms.editors import fill_combo, set_combo, translated
from iro_desktop.gui.forms.fields import set_date
from iro_desktop.gui.forms.text_language import TEXT_LANGUAGE, add_text_language
from iro_desktop.i18n import N_, _
from iro_desktop.services.recording import update_decision

ACTIONS = (
    (StepAction.DONE.value, N_("Done")),
    (StepAction.CARRY.value, N_("Carry to a new date")),
    (StepAction.DROP.value, N_("Drop (say why)")),
    (StepAction.CHASE.value, N_("Chased")),
)


class DecisionStepForm(RecordForm):
    KIND = "decision"
    UI_FILE = "decision_step_form.ui"
    TITLE = N_("Update a decision")
    FIELDS: ClassVar[dict[str, str]] = {
        "decision": "decisionText",
        "action": "action",
        "on": "on",
        "new_by_when": "newByWhen",
        "note": "note",
    }
    REQUIRED = ("on",)
    ACTION = StepAction.DONE

    def decision(self) -> Decision | None:
        detail = self.context.detail
        wanted = self.context.record_id("decision")
        if detail is None:
            return None
        return next((d for d in detail.record.decisions if d.id == wanted), None)

    def setup(self) -> None:
        fill_combo(self.field("action"), translated(ACTIONS))
        add_text_language(self, before="note")
        self.field("action").currentIndexChanged.connect(self._on_action)  # type: ignore[attr-defined]

    def apply_defaults(self) -> None:
        decision = self.decision()
        if decision is None:
            words = _("That decision is no longer on the record.")
        else:
            words = _("%(what)s (%(who)s), due %(by_when)s") % {
                "what": decision.what,
                "who": decision.who or _("no one named"),
                "by_when": format_date(decision.by_when),
            }
        self.field("decision").setText(words)  # type: ignore[attr-defined]
        set_combo(self.field("action"), self.ACTION.value)
        set_date(self.field("on"), self.today)
        base = decision.by_when if decision and decision.by_when else self.today
        set_date(self.field("new_by_when"), max(base, self.today) + timedelta(days=28))
        self._on_action()

    @Slot()
    def _on_action(self, *_args) -> None:
        carry = self.text("action") == StepAction.CARRY.value
        self.field("new_by_when").setEnabled(carry)
        layout = self.ui.layout()
        if isinstance(layout, QFormLayout):  # the new date is asked for only to carry it
            layout.setRowVisible(self.field("new_by_when"), carry)

    def step(self) -> DecisionStep:
        decision = self.decision()
        action = StepAction(self.text("action"))
        return DecisionStep(
            decision.id if decision and decision.id else 0,
            action,
            self.date("new_by_when") if action == StepAction.CARRY else None,
            self.text("note"),
            self.text(TEXT_LANGUAGE),
        )

    def problems(self) -> list[Problem]:
        decision = self.decision()
        if decision is None or not decision.is_open:
            return [Problem("action", _("That decision is closed already: nothing to change."))]
        problems = dated_step_problems(
            "on", self.date("on"), None, self.today, _("The date"), _("the decision")
        )
        for problem in step_problems([self.step()], self.today):
            key = problem.field.rsplit(".", 1)[-1]
            problems.append(Problem(key, problem.message, problem.required))
        return problems

    def save_call(self):
        return update_decision, (self.step(), self.date("on"), self.today)

    def saved_message(self) -> str:
        return _("Decision updated.")


class CarryDecisionForm(DecisionStepForm):
    KIND = "carry"
    TITLE = N_("Carry a decision forward")
    ACTION = StepAction.CARRY


class DropDecisionForm(DecisionStepForm):
    KIND = "drop"
    TITLE = N_("Drop a decision")
    ACTION = StepAction.DROP
