"""What goes into a letter: which version (under 4, easy read, young person, standard) and
language, which review, when the next one is, and the review's decisions."""

from __future__ import annotations

from datetime import date

from iro_desktop.domain import display
from iro_desktop.domain.dates import age_on
from iro_desktop.domain.model import (
    Child,
    ChildRecord,
    Decision,
    DecisionStatus,
    Region,
    Review,
    ReviewStatus,
)
from iro_desktop.domain.schedule_types import ChildSchedule
from iro_desktop.domain.settings import Settings
from iro_desktop.letters.model import LetterError, LetterLanguage, Version

# Words in the child's communication needs or disability that call for the easy-read version.
EASY_READ_SIGNS = (
    "easy read",
    "easy-read",
    "learning",
    "pecs",
    "makaton",
    "symbol",
    "picture",
    "few words",
    "non-verbal",
    "nonverbal",
    "communication aid",
    "autism",
    "autistic",
    "developmental delay",
)


def needs_easy_read(child: Child) -> bool:
    text = f"{child.communication_needs} {child.disability}".lower()
    return any(sign in text for sign in EASY_READ_SIGNS)


def choose_version(child: Child, on: date) -> Version:
    """Under 4: the under-4s letter; then easy read where the child's needs say so; 16 and
    over: the young person's letter; otherwise the standard letter."""
    age = age_on(child.dob, on)
    if age < 4:
        return Version.UNDER4
    if needs_easy_read(child):
        return Version.EASY_READ
    if age >= 16:
        return Version.YOUNG_PERSON
    return Version.STANDARD


def choose_language(child: Child, settings: Settings) -> LetterLanguage:
    """The child's recorded preference; where it is not known in Wales, both languages."""
    if child.language == "cy":
        return LetterLanguage.CY
    if child.language == "en" and (
        child.language_recorded_on is not None or settings.region == Region.ENGLAND
    ):
        return LetterLanguage.EN
    return LetterLanguage.BOTH


def held_reviews(record: ChildRecord) -> list[Review]:
    held = [r for r in record.reviews if r.is_held and r.archived_on is None]
    return sorted(held, key=lambda r: r.part_dates[0])


def pick_review(record: ChildRecord, held_on: date | None = None) -> Review:
    """The review held on ``held_on`` (any part), or the latest held review."""
    held = held_reviews(record)
    name = record.child.known_as or record.child.child_ref
    if not held:
        raise LetterError(
            f"No review has been held for {record.child.child_ref} yet: record the review "
            "first, then write the letter."
        )
    if held_on is None:
        return held[-1]
    for review in held:
        if held_on in review.part_dates:
            return review
    dates = ", ".join(display.format_date(r.part_dates[0], "iso") for r in held[-5:])
    asked = display.format_date(held_on, "iso")
    raise LetterError(
        f"{name} ({record.child.child_ref}) has no review held on {asked}. Reviews held: {dates}."
    )


def next_review_date(record: ChildRecord, schedule: ChildSchedule, review: Review) -> date | None:
    """When the review after ``review`` is: its booked date if one is booked after this
    review and before it is due, else the schedule's "hold by" date (the last working day on
    or before the due date)."""
    held_on = review.part_dates[0]
    later = [s for s in schedule.reviews if s.held > held_on]
    if later:  # an older review: the next one's due date, as the schedule worked it out
        return later[0].due.hold_by
    if schedule.next_due is None:
        return None
    booked = [
        r.booked_for
        for r in record.reviews
        if r.status == ReviewStatus.BOOKED
        and r.archived_on is None
        and r.booked_for is not None
        and held_on < r.booked_for <= schedule.next_due.due
    ]
    return min(booked) if booked else schedule.next_due.hold_by


def review_decisions(record: ChildRecord, review: Review) -> list[Decision]:
    chosen = [
        d
        for d in record.decisions
        if d.review_id == review.id and d.archived_on is None and d.status != DecisionStatus.DROPPED
    ]
    return sorted(chosen, key=lambda d: (d.by_when or date.max, d.id or 0))
