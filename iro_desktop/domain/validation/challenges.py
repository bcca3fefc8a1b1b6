"""Challenges (dispute resolution): raising one, and escalating it to a further formal stage."""

from __future__ import annotations

from datetime import date

from iro_desktop.domain.validation.common import (
    Problem,
    not_in_future,
    required,
    text_language_problems,
)
from iro_desktop.domain.validation.common import date_words as _d
from iro_desktop.domain.validation.entries import ChallengeEntry, StageEntry


def challenge_problems(entry: ChallengeEntry, today: date, formal_stages: int) -> list[Problem]:
    problems = required("theme", entry.theme, "what the challenge is about")
    problems += required("raised_with", entry.raised_with, "who the challenge was raised with")
    problems += required("raised_on", entry.raised_on, "the date it was raised")
    problems += not_in_future("raised_on", entry.raised_on, today, "The date raised")
    if not 0 <= entry.stage <= formal_stages:
        problems.append(
            Problem("stage", f"Choose informal or a formal stage from 1 to {formal_stages}.")
        )
    problems += text_language_problems(entry.text_language)
    return problems


def escalation_problems(
    entry: StageEntry,
    current_stage: int,
    current_raised_on: date | None,
    today: date,
    formal_stages: int,
    is_open: bool = True,
) -> list[Problem]:
    if not is_open:
        return [Problem("stage", "This challenge is resolved: raise a new challenge instead.")]
    problems = required("raised_with", entry.raised_with, "who it is escalated to")
    problems += required("raised_on", entry.raised_on, "the date it was escalated")
    problems += not_in_future("raised_on", entry.raised_on, today, "The date escalated")
    if current_stage >= formal_stages:
        problems.append(
            Problem(
                "stage",
                f"The challenge is at the last formal stage ({formal_stages}): refer it to "
                "Cafcass or resolve it.",
            )
        )
    elif not current_stage < entry.stage <= formal_stages:
        problems.append(
            Problem(
                "stage",
                f"Choose a formal stage after the current one, up to {formal_stages}.",
            )
        )
    if entry.raised_on and current_raised_on and entry.raised_on < current_raised_on:
        problems.append(
            Problem(
                "raised_on",
                f"The current stage was raised on {_d(current_raised_on)}: escalate on or "
                "after that day.",
            )
        )
    return problems
