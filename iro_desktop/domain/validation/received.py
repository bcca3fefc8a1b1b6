"""Rows that arrive from outside (a handover bundle's tables) checked as the forms check what
is typed, before anything is written: what would break the app is refused.

A row is a table's stored values (``{"column": value}``, dates as ISO text). Each column
with a meaning the app reads is checked:

* **dates** parse as ``YYYY-MM-DD`` and lie between 1900 and 2100 (later dates overflow the
  schedule's arithmetic); the child's date of birth is required and not after ``today``;
* **codes and choices** are ones the app knows: review and decision status, legal status,
  placement type, reason for a new episode, participation code (PN0-PN7), the languages, a
  person's role, how a contact happened, the letter format, the plan type, what a child-facing
  sentence speaks for; yes/no columns hold 0 or 1;
* **the child's reference** passes the one reference rule (``domain.references``);
* **text** is bounded (``SHORT_TEXT`` for names and one-line fields, ``LONG_TEXT`` for the
  notes) and holds no control characters (tabs and line breaks only in notes) and no
  direction-changing characters outside the notes.

Pure: no clock (``today`` is passed), no I/O. Problems name the column only; the caller adds
the child, the table and the row, never the value (it may be personal or hostile).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any

from iro_desktop.domain.codes import (
    LEGAL_STATUSES,
    PARTICIPATION_CODES,
    PLACEMENT_TYPES,
    REASONS_NEW_EPISODE,
)
from iro_desktop.domain.model import (
    DecisionStatus,
    LetterFormat,
    PlanType,
    ReviewStatus,
    WordingKind,
)
from iro_desktop.domain.plan_view import PLAN_MEETS_NEEDS, SPOKEN_HOW, VIEWS_GIVEN
from iro_desktop.domain.references import reference_problem, unsafe_character
from iro_desktop.domain.validation.common import Problem
from iro_desktop.domain.validation.entries import CONTACT_KINDS, LANGUAGE_CODES, PERSON_ROLES
from iro_desktop.i18n import _

__all__ = [
    "EARLIEST_YEAR",
    "LATEST_YEAR",
    "LONG_TEXT",
    "SHORT_TEXT",
    "received_row_problems",
    "text_problem",
]

EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
SHORT_TEXT = 200  # a name, a code, a team, a venue
LONG_TEXT = 20_000  # notes, worries, what the child said (a long review runs to a few thousand)
# Columns that hold notes (tabs and line breaks allowed, LONG_TEXT long).
_LONG = frozenset(
    {
        "communication_needs", "disability", "attendees", "views_how", "parents_participation",
        "timing_reason", "care_plan_view", "going_well", "worries", "child_words",
        "plan_reasons", "issues", "note", "concerns", "outcome", "response", "what",
        "dropped_reason", "professional", "text_en", "text_cy", "reply_en", "reply_cy",
        "answers", "with_whom", "new", "old", "recommendations", "spoken_to",
        "if_not_on_track",
    }
)  # fmt: skip


def _choices(values: Any) -> frozenset[str]:
    return frozenset(str(v.value if isinstance(v, StrEnum) else v) for v in values)


# (table or "*", column) -> the values it may hold ("" is always allowed: not recorded).
_CODES: dict[tuple[str, str], tuple[frozenset[str], str]] = {
    ("reviews", "status"): (_choices(ReviewStatus), "a review status"),
    ("decisions", "status"): (_choices(DecisionStatus), "a decision status"),
    ("episodes", "ls"): (frozenset(LEGAL_STATUSES), "a legal status code"),
    ("episodes", "place"): (frozenset(PLACEMENT_TYPES), "a placement type code"),
    ("episodes", "rne"): (frozenset(REASONS_NEW_EPISODE), "a reason for a new episode"),
    ("reviews", "review_code"): (frozenset(PARTICIPATION_CODES), "a participation code"),
    ("*", "language"): (frozenset(LANGUAGE_CODES), "a language (en or cy)"),
    # The language of a record's typed text: reviews and, from schema 9, every record with
    # text the IRO types (``storage.migrations.TEXT_LANGUAGE_TABLES``).
    ("*", "text_language"): (frozenset(LANGUAGE_CODES), "a language (en or cy)"),
    ("people", "role"): (frozenset(PERSON_ROLES), "a person's role"),
    ("contacts", "kind"): (frozenset(CONTACT_KINDS), "a kind of contact"),
    ("children", "letter_format"): (_choices(LetterFormat), "a letter format"),
    ("reviews", "plan_type"): (_choices(PlanType), "a plan type"),
    ("reviews", "plan_meets_needs"): (frozenset(PLAN_MEETS_NEEDS), "a view of the plan"),
    ("child_wordings", "kind"): (_choices(WordingKind), "a kind of child-facing wording"),
}
_REQUIRED_CODES = {("reviews", "status"), ("decisions", "status"), ("child_wordings", "kind")}
_FLAGS = frozenset(
    {"uasc", "interpreter_needed", "learning_need", "challenge_needed", "confirmed",
     "with_rights", "venue_childs_choice", "plan_on_track"}
)  # fmt: skip
_NOT_KNOWN_FLAGS = frozenset({"venue_childs_choice", "plan_on_track"})  # may be NULL
# Date columns by name; any other column ending "_on" is a date too.
_DATES = frozenset(
    {"dob", "mc_dob", "uasc_ceased", "decom", "dec", "booked_for", "by_when", "new_by_when",
     "response_due", "on", "on_date"}
)  # fmt: skip
_REQUIRED_DATES = {
    ("children", "dob"), ("episodes", "decom"), ("review_parts", "held_on"),
    ("contacts", "on"), ("midpoint_checks", "done_on"), ("challenge_stages", "raised_on"),
    ("pre_review_meetings", "held_on"), ("decision_updates", "on_date"),
}  # fmt: skip
_JSON_LISTS = frozenset({"attendees"})
# Lists of category keys (a JSON list of text, each one of the keys).
_JSON_CODE_LISTS = {
    ("reviews", "views_given"): (frozenset(VIEWS_GIVEN), "ways a child gives their views"),
    ("midpoint_checks", "spoken_how"): (frozenset(SPOKEN_HOW), "ways of speaking to people"),
}
# A worry's answers: each decision's place (0, 1, 2 ...) among its review's decisions.
_JSON_PLACES = frozenset({"answers"})
_STAMPS = frozenset({"created_at", "updated_at"})


def _is_date_column(column: str) -> bool:
    return column in _DATES or column.endswith("_on")


def _date_problem(value: Any) -> str:
    if not isinstance(value, str):
        return "is not a date (YYYY-MM-DD)"
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return "is not a date in the form YYYY-MM-DD"
    if len(value) != 10:
        return "is not a date in the form YYYY-MM-DD"
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        return f"is a date outside {EARLIEST_YEAR}-{LATEST_YEAR}"
    return ""


def text_problem(column: str, value: str) -> str:
    """What is wrong with ``value`` as the text of ``column`` ("" when nothing): too long, or
    holding a control character (or a direction control outside the notes)."""
    return _text_problem(column, value)


def _text_problem(column: str, value: str) -> str:
    long = column in _LONG
    limit = LONG_TEXT if long else SHORT_TEXT
    if len(value) > limit:
        return f"is {len(value):,} characters long (at most {limit:,})"
    if bad := unsafe_character(value, multiline=long, bidi=long):
        return f"holds {bad}"
    return ""


def _column_problem(table: str, column: str, value: Any, today: date) -> str:
    if column == "child_ref" and table == "children":
        return reference_problem(value) if value is not None else "the reference is blank"
    if _is_date_column(column):
        if value is None or value == "":
            return "is blank" if (table, column) in _REQUIRED_DATES else ""
        problem = _date_problem(value)
        if not problem and column == "dob" and table == "children" and value > today.isoformat():
            return "is after today"
        return problem
    code = _CODES.get((table, column)) or _CODES.get(("*", column))
    if code is not None:
        allowed, what = code
        if value in (None, "") and (table, column) not in _REQUIRED_CODES:
            return ""
        if not isinstance(value, str) or value not in allowed:
            return f"is not {what} IRO Desktop knows ({', '.join(sorted(allowed)) or '-'})"
        return ""
    if column in _FLAGS:
        if value is None and column in _NOT_KNOWN_FLAGS:
            return ""
        return "" if value in (0, 1) else "is not yes or no (0 or 1)"
    if column in _JSON_LISTS:
        try:
            items = json.loads(value) if isinstance(value, str) else None
        except ValueError:
            items = None
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            return "is not a list of text"
    if (table, column) in _JSON_CODE_LISTS:
        allowed, what = _JSON_CODE_LISTS[(table, column)]
        try:
            items = json.loads(value) if isinstance(value, str) else None
        except ValueError:
            items = None
        known = isinstance(items, list) and all(isinstance(i, str) for i in items)
        if not known or not set(items) <= allowed:
            return f"is not a list of {what} IRO Desktop knows ({', '.join(sorted(allowed))})"
        return ""
    if column in _JSON_PLACES:
        try:
            places = json.loads(value) if isinstance(value, str) else None
        except ValueError:
            places = None
        if not isinstance(places, list) or not all(
            isinstance(i, int) and not isinstance(i, bool) and 0 <= i < 10_000 for i in places
        ):
            return "is not a list of decisions' places (0, 1, 2 ...)"
        return ""
    if column == "stage":
        return "" if isinstance(value, int) and 0 <= value <= 20 else "is not a stage (0-20)"
    if isinstance(value, str):
        if column in _STAMPS and len(value) > 40:
            return "is not a time stamp"
        return _text_problem(column, value)
    if value is not None and not isinstance(value, int | float):
        return "is neither text nor a number"
    return ""


def received_row_problems(
    table: str,
    row: Mapping[str, Any],
    today: date,
    *,
    skip: Callable[[str], bool] = lambda column: False,
) -> list[Problem]:
    """What is wrong with one received row of ``table``: one ``Problem`` per column, its
    field the column and its message what is wrong with the value (never the value).
    ``skip``: columns the caller checks itself (the ids it remaps)."""
    problems = []
    for column, value in row.items():
        if skip(column):
            continue
        if message := _column_problem(table, column, value, today):
            problems.append(Problem(column, message))
    if table == "children" and "child_ref" not in row:
        problems.append(Problem("child_ref", _("the reference is blank")))
    if table == "children" and "dob" not in row:
        problems.append(Problem("dob", _("is blank")))
    return problems
