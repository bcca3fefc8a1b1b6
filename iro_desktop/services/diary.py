"""The IRO's diary as a calendar file: every booked review, pre-review meeting and deadline of
the IRO's own (``iro-desktop calendar`` and File > Save diary as calendar file), or one
booked review as a single invite (the booking form).

The entries name children by initials and reference only (``exchange/diary/events.py``);
the file is written privately (0600) by the one safe-write helper. Each caseload has its own
random identity, made the first time a diary is written and kept in its settings, from which
every entry's UID is derived, so entries from two caseloads never collide and a re-export
updates the entries it wrote before.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from iro_desktop.domain.booking_time import read_time
from iro_desktop.domain.tasks import booked_review
from iro_desktop.domain.validation import BookingEntry, booking_problems
from iro_desktop.errors import UserError
from iro_desktop.exchange.diary.events import (
    Booking,
    ChildTag,
    DiaryEvent,
    booking_event,
    diary_events,
    initials,
)
from iro_desktop.exchange.diary.ics import calendar_bytes
from iro_desktop.i18n import _, ngettext
from iro_desktop.services.caseload import ChildOverview, caseload, due_list
from iro_desktop.services.recording.common import check
from iro_desktop.storage import files
from iro_desktop.storage.database import Store
from iro_desktop.storage.settings_store import load_setting_text, save_setting_text

IDENTITY_KEY = "diary_identity"
SUFFIX = ".ics"


@dataclass(frozen=True)
class DiaryWritten:
    path: Path
    entries: int  # how many entries the file holds
    timed: int  # how many of them have a time (the rest are all-day)

    def message(self) -> str:
        return ngettext(
            "Saved %(count)s calendar entry to %(path)s.",
            "Saved %(count)s calendar entries to %(path)s.",
            self.entries,
        ) % {"count": self.entries, "path": self.path}


def caseload_identity(store: Store) -> str:
    """The caseload's own random identity for calendar UIDs (made and kept on first use)."""
    text = load_setting_text(store, IDENTITY_KEY)
    if text:
        return str(json.loads(text))
    with store.atomic():
        text = load_setting_text(store, IDENTITY_KEY)  # another process may have made it
        if text:
            return str(json.loads(text))
        made = str(uuid.uuid4())
        save_setting_text(store, IDENTITY_KEY, json.dumps(made))
        return made


def _tag(overview: ChildOverview) -> ChildTag:
    child = overview.record.child
    last = overview.schedule.last_review
    return ChildTag(
        child_ref=child.child_ref,
        initials=initials(child.first_name, child.last_name),
        child_id=child.id or 0,
        last_review_id=last.review_id if last is not None else None,
    )


def _booking(overview: ChildOverview) -> Booking | None:
    review = booked_review(overview.record)
    if review is None or review.booked_for is None:
        return None
    due = overview.schedule.next_due
    return Booking(
        child_ref=overview.record.child.child_ref,
        day=review.booked_for,
        start=read_time(review.booked_time or ""),
        due=due.due if due is not None else None,
    )


def diary_entries(store: Store, today: date, within_days: int | None = None) -> list[DiaryEvent]:
    """What the diary holds: bookings up to today + ``within_days`` and the IRO's own tasks
    that are overdue or due by then (everything when ``within_days`` is None)."""
    overviews = [o for o in caseload(store, today) if o.record.child.archived_on is None]
    tags = {o.record.child.child_ref: _tag(o) for o in overviews}
    bookings = [b for b in map(_booking, overviews) if b is not None]
    if within_days is not None:
        horizon = date.fromordinal(today.toordinal() + within_days)
        bookings = [b for b in bookings if b.day <= horizon]
    return diary_events(due_list(store, today, within_days), bookings, tags)


def export_diary(
    store: Store,
    out: Path,
    today: date,
    within_days: int | None = None,
    *,
    now: datetime | None = None,
) -> DiaryWritten:
    """Write the diary to ``out`` (an .ics file)."""
    entries = diary_entries(store, today, within_days)
    return _write(out, entries, caseload_identity(store), now)


def export_booking_invite(
    store: Store,
    child_ref: str,
    out: Path,
    today: date,
    entry: BookingEntry | None = None,
    *,
    now: datetime | None = None,
) -> DiaryWritten:
    """One booked review as a single calendar entry (nobody invited): the same entry, with
    the same UID, as in the whole diary. ``entry``: the booking as the form shows it (checked
    as saving it would be); otherwise the booking as recorded."""
    overview = next(
        (o for o in caseload(store, today) if o.record.child.child_ref == child_ref), None
    )
    if overview is None:
        raise UserError(_("There is no child %(child)s on this caseload.") % {"child": child_ref})
    booking = _booking(overview)
    if entry is not None:
        check(booking_problems(entry, overview.record.child.dob, today))
        due = overview.schedule.next_due
        booking = Booking(
            child_ref=child_ref,
            day=entry.booked_for or today,
            start=read_time(entry.booked_time),
            due=due.due if due is not None else None,
        )
    if booking is None:
        raise UserError(
            _("There is no booked review for %(child)s: book the review first.")
            % {"child": child_ref}
        )
    return _write(out, [booking_event(booking, _tag(overview))], caseload_identity(store), now)


def diary_file_name(today: date) -> str:
    """A name with no personal data: "iro-diary-2026-12-05.ics"."""
    return f"iro-diary-{today.isoformat()}{SUFFIX}"


def invite_file_name(child_ref: str, today: date) -> str:
    """The child's reference and the day: "review-REF123-2026-12-05.ics"."""
    safe = re.sub(r"[^A-Za-z0-9_-]", "", child_ref) or "child"
    return f"review-{safe}-{today.isoformat()}{SUFFIX}"


def _write(
    out: Path, entries: list[DiaryEvent], identity: str, now: datetime | None
) -> DiaryWritten:
    out = Path(out)
    if out.suffix.lower() != SUFFIX:
        raise UserError(
            _("Name the calendar file with .ics at the end (calendars look for it), "
              "for example %(name)s.") % {"name": out.with_suffix(SUFFIX).name}
        )  # fmt: skip
    if not out.parent.is_dir():
        raise UserError(
            _("The folder %(folder)s does not exist: choose a folder that does.")
            % {"folder": out.parent}
        )
    data = calendar_bytes(entries, identity, now or datetime.now(UTC))
    try:
        files.write_bytes(out, data)
    except OSError as error:
        raise UserError(
            _("Could not write %(path)s: %(why)s. Choose another place.")
            % {"path": out, "why": error.strerror or error}
        ) from None
    return DiaryWritten(out, len(entries), sum(1 for e in entries if e.start is not None))
