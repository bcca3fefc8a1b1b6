"""Around the review: booking, consultation, the pre-review meeting, contacts, the review
itself (held in one part or more), circulating its decisions, and the midpoint check."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from iro_desktop.domain.booking_time import read_time, time_text
from iro_desktop.domain.model import (
    ChildRecord,
    DecisionStatus,
    Review,
    ReviewStatus,
)
from iro_desktop.domain.plan_view import SPOKEN_HOW, VIEWS_GIVEN
from iro_desktop.domain.schedule import schedule_for
from iro_desktop.domain.tasks import booked_review
from iro_desktop.domain.validation import (
    BookingEntry,
    ConsultationEntry,
    ContactEntry,
    MeetingEntry,
    MidpointEntry,
    ReviewEntry,
    booking_problems,
    consultation_problems,
    contact_problems,
    dated_step_problems,
    meeting_problems,
    midpoint_problems,
    next_contact_problems,
    review_problems,
    wording_problems,
)
from iro_desktop.domain.wording import LINE_FIELDS, item_lines, review_decision_ids
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.i18n import _
from iro_desktop.services.recording.common import (
    RecordNotFound,
    check,
    child_record,
    known_name,
    text_language_for,
)
from iro_desktop.services.recording.decisions import apply_step, decision_of, unknown_steps
from iro_desktop.services.recording.wordings import (
    TABLE as WORDINGS,
)
from iro_desktop.services.recording.wordings import (
    entry_item_keys,
    resolve_new,
    wording_row,
)
from iro_desktop.storage import history
from iro_desktop.storage.database import Store
from iro_desktop.storage.settings_store import load_settings


def _booked(record: ChildRecord, review_id: int | None = None) -> Review | None:
    if review_id is not None:
        for review in record.reviews:
            if (
                review.id == review_id
                and review.status == ReviewStatus.BOOKED
                and review.archived_on is None
            ):
                return review
        return None
    return booked_review(record)


def _booking_values(entry: BookingEntry) -> dict:
    return {
        "booked_for": entry.booked_for,
        "booked_time": time_text(read_time(entry.booked_time)) or None,
        "venue": entry.venue.strip(),
        "venue_childs_choice": entry.venue_childs_choice,
    }


def book_review(
    store: Store,
    child_ref: str,
    entry: BookingEntry,
    today: date,
    *,
    expected: BookingEntry | None = None,
) -> int:
    """Book the next review (date, time or the whole day, venue). Re-booking changes the
    booking already made.

    ``expected``: the booking as the form opened with it; then only what was changed since is
    written, and a field re-booked elsewhere meanwhile raises ``ChangedSinceOpened``."""
    child_id, record = child_record(store, child_ref)
    check(booking_problems(entry, record.child.dob, today))
    values = _booking_values(entry)
    loaded = None if expected is None else _booking_values(expected)
    current = _booked(record)
    with history.transaction(store):
        if current is not None and current.id is not None:
            history.update(store, "reviews", current.id, values, expected=loaded)
            return current.id
        return history.insert(
            store, "reviews", {"child_id": child_id, "status": ReviewStatus.BOOKED, **values}
        )


def record_consultation(store: Store, child_ref: str, entry: ConsultationEntry, today: date) -> int:
    """Consultation papers sent (and returned) for the booked review; when none is booked yet,
    the review is booked for the date given. Returns the review's id."""
    child_id, record = child_record(store, child_ref)
    check(consultation_problems(entry, today))
    current = _booked(record)
    values = {"consultation_sent_on": entry.sent_on, "consultation_returned_on": entry.returned_on}
    with store.atomic():
        if current is not None and current.id is not None:
            if entry.review_date and entry.review_date != current.booked_for:
                values["booked_for"] = entry.review_date
            history.update(store, "reviews", current.id, values)
            return current.id
        return history.insert(
            store,
            "reviews",
            {
                "child_id": child_id,
                "status": ReviewStatus.BOOKED,
                "booked_for": entry.review_date,
                **values,
            },
        )


def record_pre_review_meeting(
    store: Store, child_ref: str, entry: MeetingEntry, today: date
) -> int:
    child_id, record = child_record(store, child_ref)
    check(meeting_problems(entry, record.child.dob, today))
    booking = _booked(record)
    return history.insert(
        store,
        "pre_review_meetings",
        {
            "child_id": child_id,
            "review_id": booking.id if booking else None,
            "held_on": entry.held_on,
            "with_whom": entry.with_whom.strip(),
            "issues": entry.issues.strip(),
            "text_language": text_language_for(entry.text_language, record),
        },
    )


def record_contact(store: Store, child_ref: str, entry: ContactEntry, today: date) -> int:
    """The IRO's contact with the child between reviews (visit, call, video)."""
    child_id, record = child_record(store, child_ref)
    check(contact_problems(entry, record.child.dob, today))
    return history.insert(
        store,
        "contacts",
        {
            "child_id": child_id,
            "on": entry.on,
            "kind": entry.kind,
            "note": entry.note.strip(),
            "text_language": text_language_for(entry.text_language, record),
        },
    )


def review_due_date(store: Store, record: ChildRecord, today: date) -> date | None:
    """The next review's statutory due date (what a review being recorded is judged against)."""
    settings = load_settings(store)
    schedule = schedule_for(record, settings, calendar_for(settings), today)
    return schedule.next_due.due if schedule.next_due else None


def record_review(store: Store, child_ref: str, entry: ReviewEntry, today: date) -> int:
    """A review held (in one part or more): who came, how the child took part, what was
    decided, and what became of the decisions carried from before. A booked review becomes
    the held one. Returns the review's id."""
    child_id, record = child_record(store, child_ref)
    problems = review_problems(
        entry,
        record.child.dob,
        today,
        name=known_name(record),
        due=review_due_date(store, record, today),
    )
    problems += unknown_steps(record, entry.steps)
    problems += next_contact_problems(
        entry.review_code,
        entry.next_contact_on,
        entry.parts[0].held_on if entry.parts else None,
        known_name(record),
    )
    keys = entry_item_keys(entry)
    for wording in entry.wordings:
        problems += wording_problems(wording, keys, field="wordings")
    check(problems)
    booking = _booked(record, entry.review_id) or _booked(record)
    values = {
        "status": ReviewStatus.HELD,
        "venue": entry.venue.strip() or (entry.parts[0].venue.strip() if entry.parts else ""),
        "venue_childs_choice": entry.venue_childs_choice,
        "attendees": tuple(a.strip() for a in entry.attendees if a.strip()),
        "review_code": entry.review_code,
        "views_how": entry.views_how.strip(),
        "parents_participation": entry.parents_participation.strip(),
        "timing_reason": entry.timing_reason.strip(),
        "going_well": entry.going_well.strip(),
        "worries": entry.worries.strip(),
        "child_words": entry.child_words.strip(),
        "text_language": entry.text_language,
        "plan_type": entry.plan_type,
        "plan_reasons": entry.plan_reasons.strip(),
        "next_contact_on": entry.next_contact_on,
        **recorded_only(
            {
                "plan_meets_needs": entry.plan_meets_needs,
                "care_plan_view": entry.care_plan_view.strip(),
                "views_given": tuple(k for k in VIEWS_GIVEN if k in entry.views_given),
                "recommendations": entry.recommendations.strip(),
                "health_assessment_on": entry.health_assessment_on,
                "dental_check_on": entry.dental_check_on,
                "pep_on": entry.pep_on,
            }
        ),
    }
    held_on = entry.parts[0].held_on or today
    with store.atomic():
        if booking is not None and booking.id is not None:
            review_id = booking.id
            history.update(store, "reviews", review_id, values)
        else:
            review_id = history.insert(store, "reviews", {"child_id": child_id, **values})
        for part in entry.parts:
            history.insert(
                store,
                "review_parts",
                {"review_id": review_id, "held_on": part.held_on, "venue": part.venue.strip()},
            )
        decision_ids: list[int] = []
        for decision in entry.decisions:
            decision_ids.append(history.insert(
                store,
                "decisions",
                {
                    "child_id": child_id,
                    "review_id": review_id,
                    "what": decision.what.strip(),
                    "who": decision.who.strip(),
                    "by_when": decision.by_when,
                    "status": DecisionStatus.OPEN,
                    "text_language": entry.text_language,  # typed in the review's language
                },
            ))  # fmt: skip
        for step in entry.steps:
            apply_step(
                store,
                decision_of(record, step.decision_id),
                step,
                held_on,
                review_id=review_id,
                language=entry.text_language,
            )
        earlier = review_decision_ids(record, review_id)  # a booking has none: kept general
        _save_entry_wordings(store, child_id, review_id, entry, decision_ids, earlier)
    return review_id


def _save_entry_wordings(
    store: Store,
    child_id: int,
    review_id: int,
    entry: ReviewEntry,
    decision_ids: list[int],
    earlier: list[int],
) -> None:
    """The child-facing wording written in the review form, each tied to its item (a new
    decision by the id it was just given) and to the professional text it speaks for."""
    professional = dict(zip(entry_item_keys(entry), _entry_texts(entry), strict=True))
    for wording in entry.wordings:
        if not (wording.text_en or wording.text_cy or wording.reply_en or wording.reply_cy):
            continue
        text = professional.get((str(wording.kind), wording.item_key), "")
        resolved = replace(
            wording,
            review_id=review_id,
            item_key=resolve_new(wording.item_key, decision_ids),
            answers=tuple(resolve_new(a, decision_ids) for a in wording.answers),
            professional=text,
        )
        history.insert(store, WORDINGS, wording_row(child_id, resolved, earlier + decision_ids))


def _entry_texts(entry: ReviewEntry) -> list[str]:
    texts = [d.what.strip() for d in entry.decisions]
    for field_name in LINE_FIELDS.values():
        texts.extend(item_lines(getattr(entry, field_name)))
    return texts


def record_decisions_circulated(
    store: Store, child_ref: str, review_id: int, on: date, today: date
) -> None:
    """The decisions of a held review went to the social worker and manager on ``on``."""
    _child_id, record = child_record(store, child_ref)
    review = next((r for r in record.reviews if r.id == review_id and r.is_held), None)
    if review is None:
        raise RecordNotFound(_("That review has not been recorded as held: record it first."))
    check(
        dated_step_problems(
            "on",
            on,
            review.part_dates[0],
            today,
            _("The decisions were circulated"),
            _("the review"),
        )
    )
    history.update(store, "reviews", review_id, {"decisions_circulated_on": on})


def recorded_only(values: dict[str, Any]) -> dict[str, Any]:
    """The fields of the plan view (schema 6) the IRO filled in. One left blank is left to
    its column's blank default, so a record made without them writes the same row and the
    same history entry as before they existed."""
    return {k: v for k, v in values.items() if v not in ("", (), None)}


def last_held_review(record: ChildRecord) -> Review | None:
    held = [r for r in record.reviews if r.is_held and r.archived_on is None]
    return max(held, key=lambda r: r.part_dates[0], default=None)


def record_midpoint_check(store: Store, child_ref: str, entry: MidpointEntry, today: date) -> int:
    """The midpoint check between reviews, with the progress of each open decision."""
    child_id, record = child_record(store, child_ref)
    last = last_held_review(record)
    problems = midpoint_problems(
        entry, record.child.dob, today, last.part_dates[0] if last else None
    )
    problems += unknown_steps(record, entry.steps)
    check(problems)
    after = entry.after_review_id or (last.id if last else None)
    on = entry.done_on or today
    language = text_language_for(entry.text_language, record)
    with store.atomic():
        check_id = history.insert(
            store,
            "midpoint_checks",
            {
                "child_id": child_id,
                "after_review_id": after,
                "done_on": entry.done_on,
                "concerns": entry.concerns.strip(),
                "challenge_needed": entry.challenge_needed,
                "text_language": language,
                **recorded_only(
                    {
                        "spoken_to": entry.spoken_to.strip(),
                        "spoken_how": tuple(k for k in SPOKEN_HOW if k in entry.spoken_how),
                        "plan_on_track": entry.plan_on_track,
                        "if_not_on_track": entry.if_not_on_track.strip(),
                    }
                ),
            },
        )
        for step in entry.steps:
            apply_step(
                store,
                decision_of(record, step.decision_id),
                step,
                on,
                midpoint_check_id=check_id,
                language=language,
            )
    return check_id
