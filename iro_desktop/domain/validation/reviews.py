"""A review and what prepares it: the booking, the consultation papers, the pre-review
meeting, the IRO's contact with the child, the parts it was held in and the review itself."""

from __future__ import annotations

from datetime import date

from iro_desktop.domain.booking_time import outside_working_day, read_time, time_text
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
from iro_desktop.i18n import _


def booking_problems(entry: BookingEntry, dob: date | None, today: date) -> list[Problem]:
    problems = required("booked_for", entry.booked_for, _("the date the review is booked for"))
    if entry.booked_for is not None and entry.booked_for < today:
        problems.append(
            Problem(
                "booked_for",
                _(
                    "%(date)s is in the past: book a date from today on, or use Record "
                    "review for a review already held."
                )
                % {"date": _d(entry.booked_for)},
            )
        )
    problems += not_before_birth("booked_for", entry.booked_for, dob, _("The review date"))
    problems += booking_time_problems(entry.booked_time)
    return problems


def booking_time_problems(text: str) -> list[Problem]:
    """A time that can be read, in the working day; empty is fine (the whole day)."""
    try:
        value = read_time(text)
    except ValueError as error:
        return [Problem("booked_time", str(error))]
    if value is not None and outside_working_day(value):
        return [
            Problem(
                "booked_time",
                _(
                    "%(time)s is outside the working day: check it (3pm is 15:00), or leave "
                    "the time empty for an all-day booking."
                )
                % {"time": time_text(value)},
            )
        ]
    return []


def consultation_problems(entry: ConsultationEntry, today: date) -> list[Problem]:
    problems = required("review_date", entry.review_date, _("the date of the review"))
    problems += required("sent_on", entry.sent_on, _("the date the papers were sent"))
    problems += not_in_future("sent_on", entry.sent_on, today, _("The date sent"))
    problems += not_in_future("returned_on", entry.returned_on, today, _("The date returned"))
    if entry.sent_on and entry.returned_on and entry.returned_on < entry.sent_on:
        problems.append(
            Problem(
                "returned_on",
                _(
                    "The papers came back (%(date)s) before they were sent "
                    "(%(sent)s): check both dates."
                )
                % {"date": _d(entry.returned_on), "sent": _d(entry.sent_on)},
            )
        )
    return problems


def meeting_problems(entry: MeetingEntry, dob: date | None, today: date) -> list[Problem]:
    problems = required("held_on", entry.held_on, _("the date of the meeting"))
    problems += not_in_future("held_on", entry.held_on, today, _("The meeting date"))
    problems += not_before_birth("held_on", entry.held_on, dob, _("The meeting date"))
    problems += required("with_whom", entry.with_whom, _("who the meeting was with"))
    problems += text_language_problems(entry.text_language)
    return problems


def contact_problems(entry: ContactEntry, dob: date | None, today: date) -> list[Problem]:
    problems = required("on", entry.on, _("the date of the contact"))
    problems += not_in_future("on", entry.on, today, _("The contact date"))
    problems += not_before_birth("on", entry.on, dob, _("The contact date"))
    if entry.kind not in CONTACT_KINDS:
        problems.append(Problem("kind", _("Choose how the contact happened.")))
    problems += text_language_problems(entry.text_language)
    return problems


def part_problems(
    parts: tuple[PartEntry, ...], dob: date | None, today: date, name: str = ""
) -> list[Problem]:
    """Each part dated, none before birth or after today, each after the one before."""
    if not parts:
        return [Problem("parts", _("Add the date the review was held."), required=True)]
    problems: list[Problem] = []
    many = len(parts) > 1
    for index, part in enumerate(parts):
        what = (
            _("Part %(number)s of the review") % {"number": index + 1} if many else _("The review")
        )
        key = f"parts.{index}.held_on"
        held = (
            _("the date part %(number)s of the review was held") % {"number": index + 1}
            if many
            else _("the date the review was held")
        )
        problems += required(key, part.held_on, held)
        problems += not_before_birth(key, part.held_on, dob, what, name)
        problems += not_in_future(key, part.held_on, today, what)
    for index in range(len(parts) - 1):
        this, following = parts[index].held_on, parts[index + 1].held_on
        if this is not None and following is not None and this > following:
            problems.append(
                Problem(
                    f"parts.{index}.held_on",
                    _(
                        "Part %(number)s (%(date)s) is after part %(next)s (%(next_date)s): "
                        "each part comes after the one before."
                    )
                    % {
                        "number": index + 1,
                        "date": _d(this),
                        "next": index + 2,
                        "next_date": _d(following),
                    },
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
                _("The review was due by %(date)s and held on %(held)s: say why it was held late.")
                % {"date": _d(due), "held": _d(first)},
                required=True,
            )
        )
    if entry.text_language not in LANGUAGE_CODES:
        problems.append(Problem("text_language", _("Choose English or Welsh for the text.")))
    problems += plan_view_problems(entry, dob, today)
    problems += new_decision_problems(entry.decisions, today)
    problems += step_problems(entry.steps, today)
    return problems
