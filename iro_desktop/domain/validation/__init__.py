"""What the IRO typed into a recording form, and the rules it must pass before it is saved.

Pure: no clock (``today`` is passed in), no I/O. Each rule returns ``Problem``s whose message
says what to put right, in words an IRO would use. The forms call the same functions as they
are typed into (inline messages), and ``services/recording.py`` calls them again before
writing, so nothing invalid reaches the store.

Field keys name the form's field ("dob", "review_code", "parts.1.held_on",
"decisions.0.by_when", "steps.4.new_by_when" for decision id 4) so a form can show each
message next to its field.

The rules live in one module per kind of record (``child``, ``reviews``, ``participation``,
``decisions``, ``challenges``) over ``entries`` (what the forms send) and ``common`` (the
shared checks); this package is their one public name.
"""

from iro_desktop.domain.validation.challenges import challenge_problems, escalation_problems
from iro_desktop.domain.validation.child import child_problems, episode_problems
from iro_desktop.domain.validation.common import Problem, dated_step_problems, required
from iro_desktop.domain.validation.decisions import (
    midpoint_problems,
    new_decision_problems,
    step_problems,
)
from iro_desktop.domain.validation.entries import (
    CHALLENGE_THEMES,
    CONTACT_KINDS,
    LANGUAGE_CODES,
    PERSON_ROLES,
    BookingEntry,
    ChallengeEntry,
    ChildEntry,
    ConsultationEntry,
    ContactEntry,
    DecisionStep,
    EpisodeEntry,
    MeetingEntry,
    MidpointEntry,
    NewDecision,
    PartEntry,
    PersonEntry,
    ReviewEntry,
    StageEntry,
    StepAction,
)
from iro_desktop.domain.validation.participation import (
    PN0_AGE,
    UNDER_FOUR_CODE,
    code_problems,
    proposed_code,
)
from iro_desktop.domain.validation.reviews import (
    booking_problems,
    consultation_problems,
    contact_problems,
    meeting_problems,
    part_problems,
    review_problems,
)
from iro_desktop.domain.validation.wording import next_contact_problems, wording_problems

__all__ = [
    "CHALLENGE_THEMES",
    "CONTACT_KINDS",
    "LANGUAGE_CODES",
    "PERSON_ROLES",
    "PN0_AGE",
    "UNDER_FOUR_CODE",
    "BookingEntry",
    "ChallengeEntry",
    "ChildEntry",
    "ConsultationEntry",
    "ContactEntry",
    "DecisionStep",
    "EpisodeEntry",
    "MeetingEntry",
    "MidpointEntry",
    "NewDecision",
    "PartEntry",
    "PersonEntry",
    "Problem",
    "ReviewEntry",
    "StageEntry",
    "StepAction",
    "booking_problems",
    "challenge_problems",
    "child_problems",
    "code_problems",
    "consultation_problems",
    "contact_problems",
    "dated_step_problems",
    "episode_problems",
    "escalation_problems",
    "meeting_problems",
    "midpoint_problems",
    "new_decision_problems",
    "next_contact_problems",
    "part_problems",
    "proposed_code",
    "required",
    "review_problems",
    "step_problems",
    "wording_problems",
]
