"""The IRO's view of the plan at the review (does it meet the child's needs, how the child gave
their views, the health and education checkpoints) and at the midpoint check (who was spoken
to and how, is the plan on track, and what happens if not)."""

from __future__ import annotations

from datetime import date

from iro_desktop.domain.plan_view import (
    CHECKPOINT_NAMES,
    PLAN_MEETS_NEEDS,
    SPOKEN_HOW,
    VIEWS_GIVEN,
)
from iro_desktop.domain.validation.common import (
    Problem,
    blank,
    not_before_birth,
    not_in_future,
)
from iro_desktop.domain.validation.entries import MidpointEntry, ReviewEntry
from iro_desktop.i18n import _


def _unknown(field: str, keys: tuple[str, ...], choices: dict[str, str]) -> list[Problem]:
    unknown = sorted(set(keys) - set(choices))
    if not unknown:
        return []
    return [Problem(field, _("Choose from the list: %(keys)s is not one of its choices.")
                    % {"keys": ", ".join(unknown)})]  # fmt: skip


def plan_view_problems(entry: ReviewEntry, dob: date | None, today: date) -> list[Problem]:
    problems = _unknown("views_given", entry.views_given, VIEWS_GIVEN)
    if "other" in entry.views_given and blank(entry.views_how):
        problems.append(
            Problem("views_how", _("Say in the note how the child gave their views."), True)
        )
    if entry.plan_meets_needs and entry.plan_meets_needs not in PLAN_MEETS_NEEDS:
        problems.append(Problem("plan_meets_needs", _("Choose yes, in part or no.")))
    if entry.plan_meets_needs in ("partly", "no") and blank(entry.care_plan_view):
        problems.append(
            Problem(
                "care_plan_view",
                _("Say what the plan is missing and what needs to change."),
                required=True,
            )
        )
    for key, name in CHECKPOINT_NAMES.items():
        day = getattr(entry, key)
        problems += not_in_future(key, day, today, _(name))
        problems += not_before_birth(key, day, dob, _(name))
    return problems


def midpoint_plan_problems(entry: MidpointEntry) -> list[Problem]:
    problems = _unknown("spoken_how", entry.spoken_how, SPOKEN_HOW)
    if entry.spoken_how and blank(entry.spoken_to):
        problems.append(Problem("spoken_to", _("Say who you spoke to."), required=True))
    if entry.plan_on_track is False and blank(entry.if_not_on_track):
        problems.append(
            Problem(
                "if_not_on_track",
                _("The plan is not on track: say what happens now (who does what, by when)."),
                required=True,
            )
        )
    return problems
