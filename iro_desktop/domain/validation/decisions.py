"""Decisions: new ones made at a review, and what happens to open ones (kept, done, carried
forward, dropped, chased) at a review or a midpoint check."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from iro_desktop.domain.validation.common import (
    Problem,
    blank,
    not_before_birth,
    not_in_future,
    required,
    text_language_problems,
)
from iro_desktop.domain.validation.common import (
    date_words as _d,
)
from iro_desktop.domain.validation.entries import (
    DecisionStep,
    MidpointEntry,
    NewDecision,
    StepAction,
)
from iro_desktop.domain.validation.plan_view import midpoint_plan_problems
from iro_desktop.i18n import _


def new_decision_problems(decisions: tuple[NewDecision, ...], today: date) -> list[Problem]:
    problems: list[Problem] = []
    for index, decision in enumerate(decisions):
        number = index + 1
        problems += required(
            f"decisions.{index}.what", decision.what, _("decision %(number)s") % {"number": number}
        )
        problems += required(
            f"decisions.{index}.who",
            decision.who,
            _("who will do decision %(number)s") % {"number": number},
        )
        problems += required(
            f"decisions.{index}.by_when",
            decision.by_when,
            _("by when decision %(number)s is due") % {"number": number},
        )
        if decision.by_when is not None and decision.by_when < today:
            problems.append(
                Problem(
                    f"decisions.{index}.by_when",
                    _(
                        "Decision %(number)s is due %(date)s, which is in the past: a new "
                        "decision needs a date from today on."
                    )
                    % {"number": number, "date": _d(decision.by_when)},
                )
            )
    return problems


def step_problems(steps: Iterable[DecisionStep], today: date) -> list[Problem]:
    problems: list[Problem] = []
    for step in steps:
        key = f"steps.{step.decision_id}"
        if step.action == StepAction.CARRY:
            if step.new_by_when is None:
                problems.append(
                    Problem(
                        f"{key}.new_by_when",
                        _("Enter the new date for the decision carried forward."),
                        required=True,
                    )
                )
            elif step.new_by_when < today:
                problems.append(
                    Problem(
                        f"{key}.new_by_when",
                        _(
                            "The new date (%(date)s) is in the past: carry the decision to a "
                            "date from today on."
                        )
                        % {"date": _d(step.new_by_when)},
                    )
                )
        if step.action == StepAction.DROP and blank(step.note):
            problems.append(
                Problem(f"{key}.note", _("Say why the decision is dropped."), required=True)
            )
        problems += text_language_problems(step.text_language, f"{key}.text_language")
    return problems


def midpoint_problems(
    entry: MidpointEntry, dob: date | None, today: date, last_review_on: date | None = None
) -> list[Problem]:
    problems = required("done_on", entry.done_on, _("the date of the midpoint check"))
    problems += not_in_future("done_on", entry.done_on, today, _("The midpoint check"))
    problems += not_before_birth("done_on", entry.done_on, dob, _("The midpoint check"))
    if entry.done_on and last_review_on and entry.done_on < last_review_on:
        problems.append(
            Problem(
                "done_on",
                _(
                    "The midpoint check (%(date)s) is before the review it follows "
                    "(%(review)s): check the date."
                )
                % {"date": _d(entry.done_on), "review": _d(last_review_on)},
            )
        )
    problems += midpoint_plan_problems(entry)
    problems += text_language_problems(entry.text_language)
    problems += step_problems(entry.steps, today)
    return problems
