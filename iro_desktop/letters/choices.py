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
    Episode,
    LetterFormat,
    Region,
    Review,
    ReviewStatus,
)
from iro_desktop.domain.schedule_types import ChildSchedule
from iro_desktop.domain.settings import Settings
from iro_desktop.letters.model import LetterError, LetterLanguage, Version


def needs_easy_read(child: Child) -> bool:
    """Easy read only where the child's format or a recorded learning need says so: a
    communication aid, autism or a diagnosis alone is not a learning need."""
    return child.letter_format == LetterFormat.EASY_READ or child.learning_need


def choose_version(child: Child, on: date, read_aloud_under_age: int = 6) -> Version:
    """The child's preferred format when it is set; automatically: read-aloud for a child
    who cannot yet read (under ``read_aloud_under_age``), easy read for a learning need, the
    young person's letter from 16, otherwise the standard letter."""
    preferred = child.letter_format or LetterFormat.AUTO
    if preferred != LetterFormat.AUTO:
        return Version(preferred)
    age = age_on(child.dob, on)
    if age < read_aloud_under_age:
        return Version.READ_ALOUD
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


def current_episode(record: ChildRecord, on: date) -> Episode | None:
    """The episode open on ``on`` (the latest started on or before it)."""
    live = [
        e
        for e in record.episodes
        if e.archived_on is None and e.decom <= on and (e.dec is None or e.dec >= on)
    ]
    return max(live, key=lambda e: e.decom, default=None)


def moved_since(record: ChildRecord, review: Review, today: date) -> date | None:
    """The day the child moved to a new placement after ``review`` (None if they did not)."""
    held_on = review.part_dates[-1]
    before = current_episode(record, held_on)
    for episode in sorted(record.episodes, key=lambda e: e.decom):
        if episode.archived_on is not None or not (held_on < episode.decom <= today):
            continue
        if before is None or episode.place != before.place or episode.rne in ("P", "B", "T", "U"):
            return episode.decom
    return None


def is_short_breaks(record: ChildRecord, on: date) -> bool:
    episode = current_episode(record, on)
    return episode is not None and episode.is_short_break


def is_placed_for_adoption(record: ChildRecord, on: date) -> bool:
    episode = current_episode(record, on)
    return episode is not None and episode.is_adoption_placement


def last_review_before_18(child: Child, held_on: date, next_review: date | None) -> bool:
    """The child turns 18 before the next review is due (or none is due and they are 17)."""
    if age_on(child.dob, held_on) >= 18:
        return False
    if next_review is None:
        return age_on(child.dob, held_on) >= 17
    return age_on(child.dob, next_review) >= 18


def is_first_review(record: ChildRecord, review: Review) -> bool:
    held = held_reviews(record)
    return bool(held) and held[0].id == review.id and held[0].part_dates == review.part_dates


def midpoint(held_on: date, next_review: date | None) -> date | None:
    """The calendar midpoint between the review and the next one: when the IRO checks."""
    if next_review is None or next_review <= held_on:
        return None
    return held_on + (next_review - held_on) / 2
