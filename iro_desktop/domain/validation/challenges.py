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
from iro_desktop.i18n import _


def challenge_problems(entry: ChallengeEntry, today: date, formal_stages: int) -> list[Problem]:
    problems = required("theme", entry.theme, _("what the challenge is about"))
    problems += required("raised_with", entry.raised_with, _("who the challenge was raised with"))
    problems += required("raised_on", entry.raised_on, _("the date it was raised"))
    problems += not_in_future("raised_on", entry.raised_on, today, _("The date raised"))
    if not 0 <= entry.stage <= formal_stages:
        problems.append(
            Problem(
                "stage",
                _("Choose informal or a formal stage from 1 to %(formal_stages)s.")
                % {"formal_stages": formal_stages},
            )
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
        return [Problem("stage", _("This challenge is resolved: raise a new challenge instead."))]
    problems = required("raised_with", entry.raised_with, _("who it is escalated to"))
    problems += required("raised_on", entry.raised_on, _("the date it was escalated"))
    problems += not_in_future("raised_on", entry.raised_on, today, _("The date escalated"))
    if current_stage >= formal_stages:
        problems.append(
            Problem(
                "stage",
                _(
                    "The challenge is at the last formal stage (%(formal_stages)s): "
                    "refer it to Cafcass or resolve it."
                )
                % {"formal_stages": formal_stages},
            )
        )
    elif not current_stage < entry.stage <= formal_stages:
        problems.append(
            Problem(
                "stage",
                _("Choose a formal stage after the current one, up to %(formal_stages)s.")
                % {"formal_stages": formal_stages},
            )
        )
    if entry.raised_on and current_raised_on and entry.raised_on < current_raised_on:
        problems.append(
            Problem(
                "raised_on",
                _("The current stage was raised on %(date)s: escalate on or after that day.")
                % {"date": _d(current_raised_on)},
            )
        )
    return problems
