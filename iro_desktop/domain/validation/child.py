"""The child's details (with the people around them) and their care episodes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from iro_desktop.domain.dates import age_on
from iro_desktop.domain.model import LetterFormat
from iro_desktop.domain.references import reference_problem
from iro_desktop.domain.validation.common import (
    Problem,
    not_before_birth,
    not_in_future,
    required,
)
from iro_desktop.domain.validation.common import (
    date_words as _d,
)
from iro_desktop.domain.validation.entries import (
    LANGUAGE_CODES,
    PERSON_ROLES,
    ChildEntry,
    EpisodeEntry,
)
from iro_desktop.i18n import _


def child_problems(entry: ChildEntry, today: date, taken_refs: Iterable[str] = ()) -> list[Problem]:
    problems = required("child_ref", entry.child_ref, _("the council's reference for the child"))
    ref = entry.child_ref.strip()
    if ref and ref in set(taken_refs):
        problems.append(
            Problem(
                "child_ref",
                _("A child with reference %(ref)s is already on your caseload.") % {"ref": ref},
            )
        )
    if ref and (problem := reference_problem(ref)):
        problems.append(
            Problem(
                "child_ref",
                _("The reference is the council's child ID: %(problem)s.") % {"problem": problem},
            )
        )
    problems += required("first_name", entry.first_name, _("the child's first name"))
    problems += required("last_name", entry.last_name, _("the child's last name"))
    problems += required("dob", entry.dob, _("the child's date of birth"))
    problems += not_in_future("dob", entry.dob, today, _("The date of birth"))
    if entry.dob is not None and age_on(entry.dob, today) >= 18:
        problems.append(
            Problem(
                "dob",
                _("A child born %(date)s is 18 or over today: check the date of birth.")
                % {"date": _d(entry.dob)},
            )
        )
    if entry.language not in LANGUAGE_CODES:
        problems.append(Problem("language", _("Choose English or Welsh.")))
    if entry.letter_format not in {f.value for f in LetterFormat}:
        problems.append(Problem("letter_format", _("Choose the kind of letter the child prefers.")))
    for index, person in enumerate(entry.people):
        problems += required(
            f"people.{index}.name",
            person.name,
            _("the name of person %(number)s") % {"number": index + 1},
        )
        if person.role not in PERSON_ROLES:
            problems.append(
                Problem(
                    f"people.{index}.role",
                    _("Choose who person %(number)s is to the child.") % {"number": index + 1},
                )
            )
        if person.language not in LANGUAGE_CODES:
            problems.append(
                Problem(
                    f"people.{index}.language",
                    _("Choose person %(number)s's language.") % {"number": index + 1},
                )
            )
    return problems


def episode_problems(
    entry: EpisodeEntry,
    dob: date | None,
    today: date,
    taken_dates: Iterable[date] = (),
    open_episode_start: date | None = None,
) -> list[Problem]:
    """``open_episode_start``: the start of the child's episode still open, if any."""
    problems = required("decom", entry.decom, _("the date the episode started"))
    problems += not_in_future("decom", entry.decom, today, _("The start date"))
    problems += not_before_birth("decom", entry.decom, dob, _("The start date"))
    problems += required("rne", entry.rne, _("the reason for the new episode"))
    problems += required("ls", entry.ls, _("the legal status"))
    problems += required("place", entry.place, _("the placement type"))
    if entry.decom is not None and entry.decom in set(taken_dates):
        problems.append(
            Problem(
                "decom",
                _(
                    "An episode already starts on %(date)s: one episode a day; change "
                    "the date or edit that episode."
                )
                % {"date": _d(entry.decom)},
            )
        )
    if open_episode_start is not None and entry.decom is not None:
        if entry.decom < open_episode_start:
            problems.append(
                Problem(
                    "decom",
                    _(
                        "The current episode started on %(date)s: a change starts on or "
                        "after that day."
                    )
                    % {"date": _d(open_episode_start)},
                )
            )
        if entry.rne == "S":
            problems.append(
                Problem(
                    "rne",
                    _(
                        "The child is still looked after (the episode from %(date)s is "
                        "open): choose the kind of change, not 'Started to be looked "
                        "after'."
                    )
                    % {"date": _d(open_episode_start)},
                )
            )
    return problems
