"""What the IRO typed into a recording form, and the rules it must pass before it is saved.

Pure: no clock (``today`` is passed in), no I/O. Each rule returns ``Problem``s whose message
says what to put right, in words an IRO would use. The forms call the same functions as they
are typed into (inline messages), and ``services/recording.py`` calls them again before
writing, so nothing invalid reaches the store.

Field keys name the form's field ("dob", "review_code", "parts.1.held_on",
"decisions.0.by_when", "steps.4.new_by_when" for decision id 4) so a form can show each
message next to its field.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from iro_desktop.domain.codes import PARTICIPATION_CODES
from iro_desktop.domain.schedule import age_on, birthday, format_day_date

UNDER_FOUR_CODE = "PN0"
PN0_AGE = 4  # DfE rules 440/441: PN0 under 4; PN1-PN7 from the 4th birthday on
LANGUAGE_CODES = ("en", "cy")
CONTACT_KINDS = ("visit", "phone", "video", "other")
PERSON_ROLES = ("mother", "father", "carer", "other")
CHALLENGE_THEMES = (
    "Standard of care",
    "Failure of statutory functions",
    "Care plan implementation",
    "Social work practice",
    "Safeguarding",
)


@dataclass(frozen=True)
class Problem:
    """One thing to put right: which field, and what to do."""

    field: str
    message: str
    required: bool = False  # a required field left empty (forms show these once touched)


# -- what the forms send ----------------------------------------------------------------------
@dataclass(frozen=True)
class PersonEntry:
    role: str
    name: str
    language: str = "en"
    interpreter_needed: bool = False
    id: int | None = None  # an existing person being edited


@dataclass(frozen=True)
class ChildEntry:
    child_ref: str
    first_name: str
    last_name: str
    dob: date | None
    preferred_name: str = ""
    gender: str = ""
    ethnicity: str = ""
    language: str = "en"
    interpreter_needed: bool = False
    communication_needs: str = ""
    disability: str = ""
    uasc: bool = False
    social_worker: str = ""
    social_worker_team: str = ""
    social_worker_phone: str = ""
    people: tuple[PersonEntry, ...] = ()


@dataclass(frozen=True)
class EpisodeEntry:
    """A care episode (903 EPISODES row): a new period of care or a change within one."""

    decom: date | None
    rne: str
    ls: str
    place: str
    place_provider: str = ""
    placement_name: str = ""
    pl_post: str = ""
    home_post: str = ""
    reason_place_change: str = ""
    cin: str = ""


@dataclass(frozen=True)
class BookingEntry:
    booked_for: date | None
    venue: str = ""
    venue_childs_choice: bool | None = None


@dataclass(frozen=True)
class ConsultationEntry:
    review_date: date | None  # the review the papers are for (booked, or booked now)
    sent_on: date | None
    returned_on: date | None = None


@dataclass(frozen=True)
class MeetingEntry:
    held_on: date | None
    with_whom: str
    issues: str = ""


@dataclass(frozen=True)
class ContactEntry:
    on: date | None
    kind: str = "visit"
    note: str = ""


@dataclass(frozen=True)
class PartEntry:
    held_on: date | None
    venue: str = ""


@dataclass(frozen=True)
class NewDecision:
    what: str
    who: str
    by_when: date | None


class StepAction(StrEnum):
    """What happens to an open decision at a review or a midpoint check."""

    KEEP = "keep"  # stays open (a progress note may be kept)
    DONE = "done"
    CARRY = "carry"  # carried forward with a new date
    DROP = "drop"  # dropped, with a reason
    CHASE = "chase"


@dataclass(frozen=True)
class DecisionStep:
    decision_id: int
    action: StepAction = StepAction.KEEP
    new_by_when: date | None = None
    note: str = ""  # the reason for a drop, or progress in words


@dataclass(frozen=True)
class ReviewEntry:
    parts: tuple[PartEntry, ...]
    review_code: str
    venue: str = ""
    venue_childs_choice: bool | None = None
    attendees: tuple[str, ...] = ()
    views_how: str = ""
    parents_participation: str = ""
    timing_reason: str = ""
    going_well: str = ""
    worries: str = ""
    child_words: str = ""
    text_language: str = "en"
    decisions: tuple[NewDecision, ...] = ()
    steps: tuple[DecisionStep, ...] = ()  # the open decisions carried forward
    review_id: int | None = None  # the booked review this records, if any


@dataclass(frozen=True)
class MidpointEntry:
    done_on: date | None
    concerns: str = ""
    challenge_needed: bool = False
    steps: tuple[DecisionStep, ...] = ()
    after_review_id: int | None = None


@dataclass(frozen=True)
class ChallengeEntry:
    theme: str
    stage: int  # 0 informal, 1..n formal (the IRO may start at any stage)
    raised_on: date | None
    raised_with: str


@dataclass(frozen=True)
class StageEntry:
    """Escalating a challenge to a further formal stage."""

    stage: int
    raised_on: date | None
    raised_with: str


# -- small helpers ----------------------------------------------------------------------------
def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def required(field: str, value: object, what: str) -> list[Problem]:
    """``what`` in words: "the child's first name"."""
    empty = value is None or (isinstance(value, str) and _blank(value))
    return [Problem(field, f"Enter {what}.", required=True)] if empty else []


def _d(day: date) -> str:
    return format_day_date(day)


def not_in_future(field: str, day: date | None, today: date, what: str) -> list[Problem]:
    if day is not None and day > today:
        return [
            Problem(field, f"{what} ({_d(day)}) is after today: record it once it has happened.")
        ]
    return []


def not_before_birth(
    field: str, day: date | None, dob: date | None, what: str, name: str = "the child"
) -> list[Problem]:
    if day is not None and dob is not None and day < dob:
        return [
            Problem(
                field,
                f"{what} ({_d(day)}) is before {name}'s date of birth ({_d(dob)}): check the date.",
            )
        ]
    return []


# -- participation codes (DfE rules 440/441) --------------------------------------------------
def proposed_code(dob: date, review_date: date) -> str | None:
    """PN0 for a child under 4 on the review date; None (choose PN1-PN7) from the 4th birthday."""
    return UNDER_FOUR_CODE if age_on(dob, review_date) < PN0_AGE else None


def code_problems(
    dob: date | None, review_date: date | None, code: str, name: str = ""
) -> list[Problem]:
    if _blank(code):
        return [
            Problem("review_code", "Choose how the child took part (PN0 to PN7).", required=True)
        ]
    if code not in PARTICIPATION_CODES:
        return [Problem("review_code", f"{code} is not a participation code: choose PN0 to PN7.")]
    if dob is None or review_date is None:
        return []
    who = name or "The child"
    age = age_on(dob, review_date)
    fourth = birthday(dob, PN0_AGE)
    if code == UNDER_FOUR_CODE and age >= PN0_AGE:
        return [
            Problem(
                "review_code",
                f"PN0 is only for a child under 4. {who} "
                f"was {age} on {_d(review_date)}: choose PN1 to PN7 for how they took part.",
            )
        ]
    if code != UNDER_FOUR_CODE and age < PN0_AGE:
        return [
            Problem(
                "review_code",
                f"{who} was under 4 on {_d(review_date)} "
                f"(4 on {_d(fourth)}): the code for a child under 4 is PN0.",
            )
        ]
    return []


# -- the rules for each form ------------------------------------------------------------------
def child_problems(entry: ChildEntry, today: date, taken_refs: Iterable[str] = ()) -> list[Problem]:
    problems = required("child_ref", entry.child_ref, "the council's reference for the child")
    ref = entry.child_ref.strip()
    if ref and ref in set(taken_refs):
        problems.append(
            Problem("child_ref", f"A child with reference {ref} is already on your caseload.")
        )
    if ref and (len(ref) > 10 or not ref.isalnum()):
        problems.append(
            Problem(
                "child_ref",
                "The reference is the council's child ID: up to 10 letters and numbers, no spaces.",
            )
        )
    problems += required("first_name", entry.first_name, "the child's first name")
    problems += required("last_name", entry.last_name, "the child's last name")
    problems += required("dob", entry.dob, "the child's date of birth")
    problems += not_in_future("dob", entry.dob, today, "The date of birth")
    if entry.dob is not None and age_on(entry.dob, today) >= 18:
        problems.append(
            Problem(
                "dob",
                f"A child born {_d(entry.dob)} is 18 or over today: check the date of birth.",
            )
        )
    if entry.language not in LANGUAGE_CODES:
        problems.append(Problem("language", "Choose English or Welsh."))
    for index, person in enumerate(entry.people):
        problems += required(f"people.{index}.name", person.name, f"the name of person {index + 1}")
        if person.role not in PERSON_ROLES:
            problems.append(
                Problem(f"people.{index}.role", f"Choose who person {index + 1} is to the child.")
            )
        if person.language not in LANGUAGE_CODES:
            problems.append(
                Problem(f"people.{index}.language", f"Choose person {index + 1}'s language.")
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
    problems = required("decom", entry.decom, "the date the episode started")
    problems += not_in_future("decom", entry.decom, today, "The start date")
    problems += not_before_birth("decom", entry.decom, dob, "The start date")
    problems += required("rne", entry.rne, "the reason for the new episode")
    problems += required("ls", entry.ls, "the legal status")
    problems += required("place", entry.place, "the placement type")
    if entry.decom is not None and entry.decom in set(taken_dates):
        problems.append(
            Problem(
                "decom",
                f"An episode already starts on {_d(entry.decom)}: one episode a day; change "
                "the date or edit that episode.",
            )
        )
    if open_episode_start is not None and entry.decom is not None:
        if entry.decom < open_episode_start:
            problems.append(
                Problem(
                    "decom",
                    f"The current episode started on {_d(open_episode_start)}: a change "
                    "starts on or after that day.",
                )
            )
        if entry.rne == "S":
            problems.append(
                Problem(
                    "rne",
                    f"The child is still looked after (the episode from "
                    f"{_d(open_episode_start)} is open): choose the kind of change, not "
                    "'Started to be looked after'.",
                )
            )
    return problems


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
    return problems


def contact_problems(entry: ContactEntry, dob: date | None, today: date) -> list[Problem]:
    problems = required("on", entry.on, "the date of the contact")
    problems += not_in_future("on", entry.on, today, "The contact date")
    problems += not_before_birth("on", entry.on, dob, "The contact date")
    if entry.kind not in CONTACT_KINDS:
        problems.append(Problem("kind", "Choose how the contact happened."))
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
        if step.action == StepAction.DROP and _blank(step.note):
            problems.append(
                Problem(f"{key}.note", "Say why the decision is dropped.", required=True)
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
    if due is not None and first is not None and first > due and _blank(entry.timing_reason):
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
    problems += new_decision_problems(entry.decisions, today)
    problems += step_problems(entry.steps, today)
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
    problems += step_problems(entry.steps, today)
    return problems


def challenge_problems(entry: ChallengeEntry, today: date, formal_stages: int) -> list[Problem]:
    problems = required("theme", entry.theme, "what the challenge is about")
    problems += required("raised_with", entry.raised_with, "who the challenge was raised with")
    problems += required("raised_on", entry.raised_on, "the date it was raised")
    problems += not_in_future("raised_on", entry.raised_on, today, "The date raised")
    if not 0 <= entry.stage <= formal_stages:
        problems.append(
            Problem("stage", f"Choose informal or a formal stage from 1 to {formal_stages}.")
        )
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


def dated_step_problems(
    field: str,
    on: date | None,
    not_before: date | None,
    today: date,
    what: str,
    before_what: str,
) -> list[Problem]:
    """A date that must be between an earlier event and today (a response, a resolution)."""
    problems = required(field, on, f"the date {what.lower()}")
    problems += not_in_future(field, on, today, what)
    if on is not None and not_before is not None and on < not_before:
        problems.append(
            Problem(
                field,
                f"{what} ({_d(on)}) is before {before_what} ({_d(not_before)}): check the date.",
            )
        )
    return problems
