"""What the recording forms send, and the choices they offer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from iro_desktop.domain.model import ChildWording, LetterFormat, PlanType
from iro_desktop.i18n import N_

LANGUAGE_CODES = ("en", "cy")
CONTACT_KINDS = ("visit", "phone", "video", "other")
PERSON_ROLES = ("mother", "father", "carer", "other")
# Stored as the English words (the figures group by them); shown with ``_(theme)``.
CHALLENGE_THEMES = (
    N_("Standard of care"),
    N_("Failure of statutory functions"),
    N_("Care plan implementation"),
    N_("Social work practice"),
    N_("Safeguarding"),
)


@dataclass(frozen=True)
class PersonEntry:
    role: str
    name: str
    language: str = "en"
    interpreter_needed: bool = False
    id: int | None = None  # an existing person being edited
    called_by_child: str = ""  # what the child calls them: Nain, Grandma, Auntie Jo


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
    first_language: str = ""  # any language, as the child names it
    letter_format: str = LetterFormat.AUTO
    learning_need: bool = False  # a learning disability or need (not a communication aid)


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
    booked_time: str = ""  # as typed ("14:30", "2.30pm"); empty: booked for the whole day


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
    # The language the text is typed in ("en" or "cy"); "" leaves it to the service: the
    # child's language (``children.language``).
    text_language: str = ""


@dataclass(frozen=True)
class ContactEntry:
    on: date | None
    kind: str = "visit"
    note: str = ""
    text_language: str = ""  # as MeetingEntry's


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
    # The note's language; "" takes the language of the review or check it is recorded at
    # (from the Decisions tab: the decision's own).
    text_language: str = ""


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
    plan_type: str = PlanType.NOT_RECORDED
    plan_reasons: str = ""  # one a line
    next_contact_on: date | None = None  # when the IRO will next visit or call the child
    # The child-facing layer written in the form. A new decision's wording has item_key
    # "new:<n>" (the n-th of ``decisions``, from 0), as has a worry's ``answers`` entry.
    wordings: tuple[ChildWording, ...] = ()
    # The IRO's view of the plan (domain.plan_view): categories and checkpoints.
    views_given: tuple[str, ...] = ()
    plan_meets_needs: str = ""
    care_plan_view: str = ""
    recommendations: str = ""  # one a line
    health_assessment_on: date | None = None
    dental_check_on: date | None = None
    pep_on: date | None = None


@dataclass(frozen=True)
class MidpointEntry:
    done_on: date | None
    concerns: str = ""
    challenge_needed: bool = False
    steps: tuple[DecisionStep, ...] = ()
    after_review_id: int | None = None
    spoken_to: str = ""  # one a line
    spoken_how: tuple[str, ...] = ()  # domain.plan_view.SPOKEN_HOW keys
    plan_on_track: bool | None = None
    if_not_on_track: str = ""
    text_language: str = ""  # as MeetingEntry's


@dataclass(frozen=True)
class ChallengeEntry:
    theme: str
    stage: int  # 0 informal, 1..n formal (the IRO may start at any stage)
    raised_on: date | None
    raised_with: str
    text_language: str = ""  # as MeetingEntry's; the first stage's too


@dataclass(frozen=True)
class StageEntry:
    """Escalating a challenge to a further formal stage."""

    stage: int
    raised_on: date | None
    raised_with: str
