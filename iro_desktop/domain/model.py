"""The records an IRO holds about a child, as plain dataclasses.

Every date is a ``datetime.date`` here (stored as ISO ``YYYY-MM-DD`` text). Field names follow
the DfE SSDA903 specification where the 903 return has the item (``decom``, ``rne``, ``ls`` ...)
so that an import or export is a rename, not a translation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

ADOPTION_PLACEMENTS = frozenset({"A3", "A4", "A5", "A6"})
SHORT_BREAK_LEGAL_STATUSES = frozenset({"V3", "V4"})
PLACEMENT_ORDER_LEGAL_STATUS = "E1"
EPISODE_CONTINUES = "X1"


class Regime(StrEnum):
    """The set of regulations a review is timed under."""

    LOOKED_AFTER = "looked_after"
    SHORT_BREAKS = "short_breaks"
    ADOPTION = "adoption"


class Region(StrEnum):
    ENGLAND = "england"
    WALES = "wales"


class ReviewStatus(StrEnum):
    BOOKED = "booked"
    HELD = "held"
    CANCELLED = "cancelled"


class DecisionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class LetterFormat(StrEnum):
    """The child's preferred letter. AUTO: read-aloud under the read-aloud age (a setting),
    easy read where ``Child.learning_need`` says so, otherwise by age."""

    AUTO = "auto"
    READ_ALOUD = "read_aloud"  # written to the child, read to them by their carer
    STANDARD = "standard"
    YOUNG_PERSON = "young_person"
    EASY_READ = "easy_read"


class PlanType(StrEnum):
    """The type of care plan, as the letter says it to the child."""

    NOT_RECORDED = ""
    STAYING_HERE = "staying_here"  # staying here while you grow up
    GOING_HOME = "going_home"
    ADOPTION = "adoption"
    SPECIAL_GUARDIANSHIP = "special_guardianship"
    STAYING_PUT = "staying_put"
    OWN_HOME = "own_home"  # getting ready to live on your own
    OTHER = "other"


class WordingKind(StrEnum):
    """What a child-facing sentence speaks for."""

    DECISION = "decision"  # item_key "decision:<decisions.id>"
    WORRY = "worry"  # item_key "line:<n>": the n-th line (from 0) of Review.worries
    GOING_WELL = "going_well"  # "line:<n>" of Review.going_well
    CHILD_SAID = "child_said"  # "line:<n>" of Review.child_words; reply_* is the IRO's answer
    PLAN_REASON = "plan_reason"  # "line:<n>" of Review.plan_reasons
    LEARNED = "learned"  # "" : something the IRO learned about the child (optional, one)


@dataclass(frozen=True)
class ChildWording:
    """The child-facing layer of a review: one sentence written for the child, kept beside
    the professional text it speaks for (which it never replaces: the decisions record keeps
    the professional wording). A letter is built only from these; an item with no confirmed
    wording is left out of the letter and named in a warning, never pasted in."""

    id: int | None
    review_id: int | None
    kind: WordingKind
    item_key: str = ""
    professional: str = ""  # the professional text it was written for (to notice a change)
    text_en: str = ""
    text_cy: str = ""
    reply_en: str = ""  # CHILD_SAID only: the IRO's answer to what the child said or asked
    reply_cy: str = ""
    answers: tuple[str, ...] = ()  # WORRY only: item_keys of the decisions that answer it
    theme: str = ""  # the phrase-bank theme a suggestion came from
    confirmed: bool = False  # False: a suggestion, "not yet written for <preferred name>"
    archived_on: date | None = None

    def text(self, language: str) -> str:
        return self.text_cy if language == "cy" else self.text_en

    def reply(self, language: str) -> str:
        return self.reply_cy if language == "cy" else self.reply_en


@dataclass(frozen=True)
class Person:
    """A parent, carer or other person important to the child."""

    id: int | None
    role: str  # "mother", "father", "carer", "other"
    name: str
    language: str = "en"  # "en" | "cy"
    language_recorded_on: date | None = None
    interpreter_needed: bool = False
    called_by_child: str = ""  # what the child calls them: Nain, Grandma, Auntie Jo
    archived_on: date | None = None


@dataclass(frozen=True)
class Child:
    id: int | None
    child_ref: str  # the council's child id: the 903 CHILD
    first_name: str
    last_name: str
    dob: date
    preferred_name: str = ""
    gender: str = ""  # 903 SEX as from 2024-25: "M", "F", "U" (the older 1/2 read as M/F)
    ethnicity: str = ""  # 903 ETHNIC code
    upn: str = ""
    mother: str = ""  # 903 MOTHER: "1" if the child is a mother
    mc_dob: date | None = None  # 903 MC_DOB: date of birth of the child's first child
    uasc: bool = False
    uasc_ceased: date | None = None
    disability: str = ""
    communication_needs: str = ""
    language: str = "en"  # preferred language for letters: "en" | "cy"
    language_recorded_on: date | None = None
    interpreter_needed: bool = False
    first_language: str = ""  # any language, as the child would name it ("Arabic", "Tigrinya")
    letter_format: str = LetterFormat.AUTO  # a LetterFormat value
    learning_need: bool = False  # a learning disability or need: easy read (not a comm. aid)
    social_worker: str = ""
    social_worker_team: str = ""
    social_worker_phone: str = ""
    short_breaks_ended_on: date | None = None  # the IRO marks a short-break arrangement ended
    archived_on: date | None = None

    @property
    def known_as(self) -> str:
        return self.preferred_name or self.first_name

    @property
    def initials(self) -> str:
        return "".join(part[:1].upper() for part in (self.first_name, self.last_name) if part)


@dataclass(frozen=True)
class Episode:
    """One row of the 903 EPISODES table: a period under one legal status and placement."""

    id: int | None
    decom: date  # date episode commenced
    rne: str  # reason for new episode: S, L, P, T, U, B
    ls: str  # legal status: C1, C2, D1, E1, J1-J3, L1-L3, V2, V3, V4
    cin: str = ""  # category of need N1-N8
    place: str = ""  # placement type: A3-A6, H5, K1, K2, P1-P3, R1-R5, S1, T0-T4, U1-U6, Z1
    place_provider: str = ""  # PR0-PR5
    dec: date | None = None  # date episode ceased
    rec: str = ""  # reason episode ceased: X1 = a new episode starts the same day
    reason_place_change: str = ""
    home_post: str = ""
    pl_post: str = ""
    urn: str = ""
    placement_name: str = ""  # the carer or home, as the IRO knows it
    archived_on: date | None = None

    @property
    def is_short_break(self) -> bool:
        return self.ls in SHORT_BREAK_LEGAL_STATUSES

    @property
    def is_adoption_placement(self) -> bool:
        return self.place in ADOPTION_PLACEMENTS

    @property
    def left_care(self) -> bool:
        """The episode ended and no new one follows the same day."""
        return self.dec is not None and self.rec not in ("", EPISODE_CONTINUES)


@dataclass(frozen=True)
class ReviewPart:
    held_on: date
    venue: str = ""


@dataclass(frozen=True)
class Review:
    """A statutory review: booked (not yet held) or held in one or more parts."""

    id: int | None
    status: ReviewStatus = ReviewStatus.HELD
    parts: tuple[ReviewPart, ...] = ()
    booked_for: date | None = None
    booked_time: str | None = None  # "HH:MM", UK local time; None: booked for the day
    venue: str = ""
    venue_childs_choice: bool | None = None
    attendees: tuple[str, ...] = ()
    review_code: str = ""  # PN0-PN7
    views_how: str = ""
    parents_participation: str = ""
    timing_reason: str = ""  # why it was held early or late
    decisions_circulated_on: date | None = None
    letter_sent_on: date | None = None
    record_sent_on: date | None = None
    consultation_sent_on: date | None = None
    consultation_returned_on: date | None = None
    care_plan_view: str = ""  # the IRO's view: does the plan meet the child's needs, and why
    # The IRO's view in one word (``domain.plan_view.PLAN_MEETS_NEEDS``): yes, partly, no.
    plan_meets_needs: str = ""
    plan_type: str = PlanType.NOT_RECORDED  # a PlanType value
    plan_reasons: str = ""  # professional: the main reasons for the plan, one a line
    next_contact_on: date | None = None  # when the IRO will next visit or call the child
    going_well: str = ""
    worries: str = ""
    child_words: str = ""
    text_language: str = "en"
    # How the child gave their views, as categories (``domain.plan_view.VIEWS_GIVEN`` keys);
    # ``views_how`` stays the IRO's note. Empty on reviews recorded before (schema 6).
    views_given: tuple[str, ...] = ()
    recommendations: str = ""  # the IRO's advice, one a line: no owner, no date, not tracked
    # When each was last done, as known at the review (``domain.plan_view.checkpoints``).
    health_assessment_on: date | None = None
    dental_check_on: date | None = None
    pep_on: date | None = None  # the personal education plan's last review
    archived_on: date | None = None

    @property
    def part_dates(self) -> tuple[date, ...]:
        return tuple(sorted(part.held_on for part in self.parts))

    @property
    def is_held(self) -> bool:
        return self.status == ReviewStatus.HELD and bool(self.parts)


@dataclass(frozen=True)
class Decision:
    id: int | None
    review_id: int | None
    what: str
    who: str
    by_when: date | None
    status: DecisionStatus = DecisionStatus.OPEN
    done_on: date | None = None
    dropped_reason: str = ""
    last_chased_on: date | None = None
    archived_on: date | None = None
    text_language: str = "en"  # the language its free text is written in: "en" | "cy"

    @property
    def is_open(self) -> bool:
        return self.status == DecisionStatus.OPEN


@dataclass(frozen=True)
class PreReviewMeeting:
    id: int | None
    review_id: int | None
    held_on: date
    with_whom: str = ""
    issues: str = ""
    archived_on: date | None = None
    text_language: str = "en"  # the language its free text is written in: "en" | "cy"


@dataclass(frozen=True)
class Contact:
    """The IRO's contact with the child between reviews (visit, call, video)."""

    id: int | None
    on: date
    kind: str = "visit"
    note: str = ""
    archived_on: date | None = None
    text_language: str = "en"  # the language its free text is written in: "en" | "cy"


@dataclass(frozen=True)
class MidpointCheck:
    id: int | None
    after_review_id: int | None
    done_on: date
    concerns: str = ""
    challenge_needed: bool = False
    spoken_to: str = ""  # who the IRO spoke to, one a line
    spoken_how: tuple[str, ...] = ()  # ``domain.plan_view.SPOKEN_HOW`` keys
    plan_on_track: bool | None = None  # None: not recorded (checks before schema 6)
    if_not_on_track: str = ""  # what happens next when the plan is not on track
    archived_on: date | None = None
    text_language: str = "en"  # the language its free text is written in: "en" | "cy"


@dataclass(frozen=True)
class ChallengeStage:
    """One step of the dispute resolution process: 0 is informal, 1..n the formal stages."""

    stage: int
    raised_on: date
    raised_with: str = ""
    response_due: date | None = None
    responded_on: date | None = None
    response: str = ""
    text_language: str = "en"  # the language its free text is written in: "en" | "cy"


@dataclass(frozen=True)
class Challenge:
    id: int | None
    theme: str
    stages: tuple[ChallengeStage, ...] = ()
    cafcass_referred_on: date | None = None
    outcome: str = ""
    resolved_on: date | None = None
    archived_on: date | None = None
    text_language: str = "en"  # the language its free text is written in: "en" | "cy"

    @property
    def current_stage(self) -> ChallengeStage | None:
        return max(self.stages, key=lambda s: (s.raised_on, s.stage), default=None)

    @property
    def raised_on(self) -> date | None:
        return min((s.raised_on for s in self.stages), default=None)

    @property
    def is_open(self) -> bool:
        return self.resolved_on is None


@dataclass(frozen=True)
class ChildRecord:
    """Everything held about one child: what the schedule, the tasks and the views read."""

    child: Child
    episodes: tuple[Episode, ...] = ()
    reviews: tuple[Review, ...] = ()
    decisions: tuple[Decision, ...] = ()
    pre_review_meetings: tuple[PreReviewMeeting, ...] = ()
    contacts: tuple[Contact, ...] = ()
    midpoint_checks: tuple[MidpointCheck, ...] = ()
    challenges: tuple[Challenge, ...] = ()
    people: tuple[Person, ...] = field(default=())
    wordings: tuple[ChildWording, ...] = field(default=())
