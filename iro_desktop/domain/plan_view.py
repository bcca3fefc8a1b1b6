"""The IRO's view of the plan: the choices the review and the midpoint check offer (how the
child gave their views, how the IRO spoke to people, does the plan meet the child's needs)
and whether the health and education checkpoints are within their expected interval.

Pure: no clock (the date to judge on is passed in). Labels are marked with ``N_`` and
translated where they are shown (``_(label)``).

The checkpoint rules (the interval each is expected within, from the date it was last done):

* health assessment: every 12 months, every 6 months for a child under 5 on the day judged
  (Promoting the health and well-being of looked-after children, 2015: the review health
  assessment is six-monthly under 5, yearly from 5);
* dental check: every 12 months (the 903's outcome measure counts a check within the year);
* PEP (personal education plan): reviewed each school term, so never more than 4 months old;
  expected from the child's 3rd birthday (the early-years PEP) until they are 18.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iro_desktop.domain.dates import add_months, age_on
from iro_desktop.i18n import N_

# How the child gave their views: key -> label. The keys are the figures' ``views_how`` keys
# (``domain.figures.model.VIEWS_HOW``) so a category is counted as itself, never guessed.
VIEWS_GIVEN = {
    "in_person": N_("Attended and spoke"),
    "advocate": N_("Through an advocate"),
    "writing": N_("In writing (letter, form, email, text)"),
    "app": N_("Through an app (Mind Of My Own, Viewpoint …)"),
    "carer": N_("Through their carer"),
    "observed": N_("Observed (the IRO saw how they are)"),
    "pictures": N_("Pictures, symbols or cards"),
    "phone": N_("By phone"),
    "video": N_("By video"),
    "not_given": N_("Chose not to give views"),
    "other": N_("Another way (say how in the note)"),
}

# How the IRO spoke to people at the midpoint check.
SPOKEN_HOW = {
    "visit": N_("Visit"),
    "phone": N_("Phone"),
    "video": N_("Video"),
    "email": N_("Email"),
    "meeting": N_("Meeting"),
}

# Does the plan meet the child's needs, in one word ("" not recorded).
PLAN_MEETS_NEEDS = {
    "yes": N_("Yes, it meets their needs"),
    "partly": N_("In part"),
    "no": N_("No, it does not meet their needs"),
}
PATHWAY_PLAN_AGE = 16  # a care leaver's pathway plan from 16 (Children Act 1989 s.23E)

HEALTH_ASSESSMENT, DENTAL_CHECK, PEP = "health_assessment_on", "dental_check_on", "pep_on"
CHECKPOINT_NAMES = {
    HEALTH_ASSESSMENT: N_("Health assessment"),
    DENTAL_CHECK: N_("Dental check"),
    PEP: N_("PEP (personal education plan)"),
}
UNDER_FIVE_HEALTH_MONTHS, HEALTH_MONTHS, DENTAL_MONTHS, PEP_MONTHS = 6, 12, 12, 4
PEP_FROM_AGE, PEP_UNTIL_AGE = 3, 18


class CheckpointState:
    IN_TIME = "in_time"
    OVERDUE = "overdue"
    NOT_RECORDED = "not_recorded"
    NOT_EXPECTED = "not_expected"  # a PEP for a child under 3
    AFTER_THE_DAY = "after_the_day"  # the date given is after the day judged: check it


@dataclass(frozen=True)
class Checkpoint:
    key: str  # HEALTH_ASSESSMENT, DENTAL_CHECK or PEP (the Review field)
    last_done: date | None
    months: int  # the interval it is expected within
    due_by: date | None  # the next one is due by this date
    state: str  # a CheckpointState value


def interval_months(key: str, dob: date, on: date) -> int:
    if key == HEALTH_ASSESSMENT:
        return UNDER_FIVE_HEALTH_MONTHS if age_on(dob, on) < 5 else HEALTH_MONTHS
    return DENTAL_MONTHS if key == DENTAL_CHECK else PEP_MONTHS


def checkpoint(key: str, last_done: date | None, dob: date, on: date) -> Checkpoint:
    """Whether ``key`` last done on ``last_done`` is within its interval on ``on``."""
    months = interval_months(key, dob, on)
    if key == PEP and not PEP_FROM_AGE <= age_on(dob, on) < PEP_UNTIL_AGE and last_done is None:
        return Checkpoint(key, None, months, None, CheckpointState.NOT_EXPECTED)
    if last_done is None:
        return Checkpoint(key, None, months, None, CheckpointState.NOT_RECORDED)
    due_by = add_months(last_done, months)
    if last_done > on:
        state = CheckpointState.AFTER_THE_DAY
    else:
        state = CheckpointState.IN_TIME if on <= due_by else CheckpointState.OVERDUE
    return Checkpoint(key, last_done, months, due_by, state)


def checkpoints(
    dob: date,
    on: date,
    health_assessment_on: date | None = None,
    dental_check_on: date | None = None,
    pep_on: date | None = None,
) -> tuple[Checkpoint, ...]:
    """The three checkpoints, judged on ``on`` (the review date)."""
    return (
        checkpoint(HEALTH_ASSESSMENT, health_assessment_on, dob, on),
        checkpoint(DENTAL_CHECK, dental_check_on, dob, on),
        checkpoint(PEP, pep_on, dob, on),
    )


def plans_reviewed(dob: date, on: date) -> str:
    """Which plans the IRO's view covers: "pathway" for a young person of 16 or over on the
    review day (the pathway plan), else "permanence" (the care plan and its permanence plan,
    from the second review)."""
    return "pathway" if age_on(dob, on) >= PATHWAY_PLAN_AGE else "permanence"


def labels(keys: tuple[str, ...], choices: dict[str, str]) -> tuple[str, ...]:
    """The untranslated labels of ``keys`` in the choices' order (unknown keys left out)."""
    return tuple(label for key, label in choices.items() if key in keys)
