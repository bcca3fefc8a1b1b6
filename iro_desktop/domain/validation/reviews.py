"""A review and what prepares it: the booking, the consultation papers, the pre-review
meeting, the IRO's contact with the child, the parts it was held in and the review itself."""

from __future__ import annotations

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
from iro_desktop.domain.validation.decisions import new_decision_problems, step_problems
from iro_desktop.domain.validation.entries import (
    CONTACT_KINDS,
    LANGUAGE_CODES,
    BookingEntry,
    ConsultationEntry,
    ContactEntry,
    MeetingEntry,
    PartEntry,
    ReviewEntry,
)
from iro_desktop.domain.validation.participation import code_problems
from iro_desktop.domain.validation.plan_view import plan_view_problems


def booking_problems(entry: BookingEntry, dob: date | None, today: date) -> list[Problem]:
    problems = required("booked_for", entry.booked_for, "the date the review is booked for")
    if entry.booked_for is not None and entry.booked_for < today:
        problems.append(
            Problem(
                "booked_for",
                f"{_d(entry.booked_for)} is in the past: book a date from today on, or use "
                "Record review for a review already held.",
            )
        )
    problems += not_before_birth("booked_for", entry.booked_for, dob, "The review date")
    return problems


def consultation_problems(entry: ConsultationEntry, today: date) -> list[Problem]:
    problems = required("review_date", entry.review_date, "the date of the review")
    problems += required("sent_on", entry.sent_on, "the date the papers were sent")
    problems += not_in_future("sent_on", entry.sent_on, today, "The date sent")
    problems += not_in_future("returned_on", entry.returned_on, today, "The date returned")
    if entry.sent_on and entry.returned_on and entry.returned_on < entry.sent_on:
        problems.append(
            Problem(
                "returned_on",
                f"The papers came back ({_d(entry.returned_on)}) before they were sent "
                f"({_d(entry.sent_on)}): check both dates.",
            )
        )
    return problems


def meeting_problems(entry: MeetingEntry, dob: date | None, today: date) -> list[Problem]:
    problems = required("held_on", entry.held_on, "the date of the meeting")
    problems += not_in_future("held_on", entry.held_on, today, "The meeting date")
    problems += not_before_birth("held_on", entry.held_on, dob, "The meeting date")
    problems += required("with_whom", entry.with_whom, "who the meeting was with")
    problems += text_language_problems(entry.text_language)
    return problems


def contact_problems(entry: ContactEntry, dob: date | None, today: date) -> list[Problem]:
    problems = required("on", entry.on, "the date of the contact")
    problems += not_in_future("on", entry.on, today, "The contact date")
    problems += not_before_birth("on", entry.on, dob, "The contact date")
    if entry.kind not in CONTACT_KINDS:
        problems.append(Problem("kind", "Choose how the contact happened."))
    problems += text_language_problems(entry.text_language)
    return problems


def part_problems(
    parts: tuple[PartEntry, ...], dob: date | None, today: date, name: str = ""
) -> list[Problem]:
    """Each part dated, none before birth or after today, each after the one before."""
    if not parts:
        return [Problem("parts", "Add the date the review was held.", required=True)]
    problems: list[Problem] = []
    many = len(parts) > 1
    for index, part in enumerate(parts):
        what = f"Part {index + 1} of the review" if many else "The review"
        key = f"parts.{index}.held_on"
        problems += required(key, part.held_on, f"the date {what.lower()} was held")
        problems += not_before_birth(key, part.held_on, dob, what, name or "the child")
        problems += not_in_future(key, part.held_on, today, what)
    for index in range(len(parts) - 1):
        this, following = parts[index].held_on, parts[index + 1].held_on
        if this is not None and following is not None and this > following:
            problems.append(
                Problem(
                    f"parts.{index}.held_on",
                    f"Part {index + 1} ({_d(this)}) is after part {index + 2} "
                    f"({_d(following)}): each part comes after the one before.",
                )
            )
    return problems


def review_problems(
    entry: ReviewEntry,
    dob: date | None,
    today: date,
    *,
    name: str = "",
    due: date | None = None,
) -> list[Problem]:
    """``due``: the review's statutory due date, when known (a late review needs a reason)."""
    problems = part_problems(entry.parts, dob, today, name)
    first = entry.parts[0].held_on if entry.parts else None
    problems += code_problems(dob, first, entry.review_code, name)
    if due is not None and first is not None and first > due and blank(entry.timing_reason):
        problems.append(
            Problem(
                "timing_reason",
                f"The review was due by {_d(due)} and held on {_d(first)}: say why it was "
                "held late.",
                required=True,
            )
        )
    if entry.text_language not in LANGUAGE_CODES:
        problems.append(Problem("text_language", "Choose English or Welsh for the text."))
    problems += plan_view_problems(entry, dob, today)
    problems += new_decision_problems(entry.decisions, today)
    problems += step_problems(entry.steps, today)
    return problems
