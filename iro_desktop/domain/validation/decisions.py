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


def new_decision_problems(decisions: tuple[NewDecision, ...], today: date) -> list[Problem]:
    problems: list[Problem] = []
    for index, decision in enumerate(decisions):
        number = index + 1
        problems += required(f"decisions.{index}.what", decision.what, f"decision {number}")
        problems += required(
            f"decisions.{index}.who", decision.who, f"who will do decision {number}"
        )
        problems += required(
            f"decisions.{index}.by_when", decision.by_when, f"by when decision {number} is due"
        )
        if decision.by_when is not None and decision.by_when < today:
            problems.append(
                Problem(
                    f"decisions.{index}.by_when",
                    f"Decision {number} is due {_d(decision.by_when)}, which is in the past: "
                    "a new decision needs a date from today on.",
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
                        "Enter the new date for the decision carried forward.",
                        required=True,
                    )
                )
            elif step.new_by_when < today:
                problems.append(
                    Problem(
                        f"{key}.new_by_when",
                        f"The new date ({_d(step.new_by_when)}) is in the past: carry the "
                        "decision to a date from today on.",
                    )
                )
        if step.action == StepAction.DROP and blank(step.note):
            problems.append(
                Problem(f"{key}.note", "Say why the decision is dropped.", required=True)
            )
        problems += text_language_problems(step.text_language, f"{key}.text_language")
    return problems


def midpoint_problems(
    entry: MidpointEntry, dob: date | None, today: date, last_review_on: date | None = None
) -> list[Problem]:
    problems = required("done_on", entry.done_on, "the date of the midpoint check")
    problems += not_in_future("done_on", entry.done_on, today, "The midpoint check")
    problems += not_before_birth("done_on", entry.done_on, dob, "The midpoint check")
    if entry.done_on and last_review_on and entry.done_on < last_review_on:
        problems.append(
            Problem(
                "done_on",
                f"The midpoint check ({_d(entry.done_on)}) is before the review it follows "
                f"({_d(last_review_on)}): check the date.",
            )
        )
    problems += midpoint_plan_problems(entry)
    problems += text_language_problems(entry.text_language)
    problems += step_problems(entry.steps, today)
    return problems
