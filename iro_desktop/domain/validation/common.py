"""The checks every form shares: a field filled in, a date not after today nor before birth,
a date between an earlier event and today; and ``Problem``, what each check returns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iro_desktop.domain import display
from iro_desktop.domain.validation.entries import LANGUAGE_CODES
from iro_desktop.i18n import _


@dataclass(frozen=True)
class Problem:
    """One thing to put right: which field, and what to do."""

    field: str
    message: str
    required: bool = False  # a required field left empty (forms show these once touched)


def blank(text: str | None) -> bool:
    return not (text or "").strip()


def required(field: str, value: object, what: str) -> list[Problem]:
    """``what`` in words: "the child's first name"."""
    empty = value is None or (isinstance(value, str) and blank(value))
    return [Problem(field, _("Enter %(what)s.") % {"what": what}, required=True)] if empty else []


def text_language_problems(value: str, field: str = "text_language") -> list[Problem]:
    """The language of a record's text: English or Welsh ("" leaves it to the recording
    service, which takes the child's language)."""
    if value in ("", *LANGUAGE_CODES):
        return []
    return [Problem(field, _("Choose English or Welsh (Cymraeg) for the language of the text."))]


def date_words(day: date) -> str:
    """A date in a message: "Wed 21 Jan 2026"."""
    return display.format_date(day, display.WEEKDAY_DATE)


_d = date_words  # short, as the messages are long


def not_in_future(field: str, day: date | None, today: date, what: str) -> list[Problem]:
    if day is not None and day > today:
        return [
            Problem(
                field,
                _("%(what)s (%(date)s) is after today: record it once it has happened.")
                % {"what": what, "date": _d(day)},
            )
        ]
    return []


def not_before_birth(
    field: str, day: date | None, dob: date | None, what: str, name: str | None = None
) -> list[Problem]:
    """``name``: whose birth (default "the child")."""
    if day is not None and dob is not None and day < dob:
        name = name or _("the child")
        return [
            Problem(
                field,
                _(
                    "%(what)s (%(date)s) is before %(name)s's date of birth "
                    "(%(dob)s): check the date."
                )
                % {"what": what, "date": _d(day), "name": name, "dob": _d(dob)},
            )
        ]
    return []


def dated_step_problems(
    field: str,
    on: date | None,
    not_before: date | None,
    today: date,
    what: str,
    before_what: str,
) -> list[Problem]:
    """A date that must be between an earlier event and today (a response, a resolution)."""
    problems = required(field, on, _("the date %(what)s") % {"what": what.lower()})
    problems += not_in_future(field, on, today, what)
    if on is not None and not_before is not None and on < not_before:
        problems.append(
            Problem(
                field,
                _("%(what)s (%(date)s) is before %(before_what)s (%(earlier)s): check the date.")
                % {
                    "what": what,
                    "date": _d(on),
                    "before_what": before_what,
                    "earlier": _d(not_before),
                },
            )
        )
    return problems
