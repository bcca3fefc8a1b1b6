"""The diary's entries as an iCalendar file (RFC 5545) with the ``icalendar`` library, in the
shape Outlook, Google and Apple calendars import: ``VERSION:2.0``, a ``PRODID``,
``METHOD:PUBLISH`` (entries to add, nobody invited), no attendees or organiser.

* All-day entries: ``DTSTART;VALUE=DATE`` and ``DTEND;VALUE=DATE`` the next day (the end is
  exclusive), shown as free time.
* Timed entries are written in UTC (``...Z``), converted from UK time (Europe/London) here.
  Every calendar reads UTC without a time-zone definition, and there are no repeating entries
  for a local zone to matter to; Outlook has matched an IANA ``TZID`` such as Europe/London
  to its own zones unreliably (entries an hour out), so UTC is the one form all three show at
  the right local time.
* ``UID``: a name-based UUID of the caseload's own identity and the entry's key (record
  table, row id, kind): never names or dates, the same at every export, so a second import
  updates the entry instead of adding another.
* ``SEQUENCE``: the minutes since 2020 at export, so each export is a newer version than the
  last (calendars apply an update only when it is not older); ``DTSTAMP`` and
  ``LAST-MODIFIED``: when the file was written. ``CLASS:PRIVATE``: a shared or delegated
  calendar shows the time as taken, not the entry.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from iro_desktop import __version__
from iro_desktop.exchange.diary.events import DiaryEvent

PRODID = f"-//IRO Desktop//Diary {__version__}//EN"
UK_TIME = ZoneInfo("Europe/London")
_SEQUENCE_FROM = datetime(2020, 1, 1, tzinfo=UTC)
CALENDAR_NAME = "IRO diary"


def event_uid(caseload_id: str, key: tuple[str, int, str]) -> str:
    """The entry's UID: the same for the same caseload and record, whatever it says."""
    table, row, kind = key
    return f"{uuid.uuid5(uuid.UUID(caseload_id), f'{table}/{row}/{kind}')}@iro-desktop"


def sequence_at(now: datetime) -> int:
    """A version number that grows with every export (whole minutes since 2020)."""
    return max(0, int((now - _SEQUENCE_FROM).total_seconds() // 60))


def _event(entry: DiaryEvent, caseload_id: str, now: datetime) -> Event:
    event = Event()
    event.add("uid", event_uid(caseload_id, entry.key))
    event.add("dtstamp", now)
    event.add("last-modified", now)
    event.add("sequence", sequence_at(now))
    event.add("summary", entry.summary)
    event.add("description", entry.description)
    if entry.start is None:
        event.add("dtstart", entry.day)
        event.add("dtend", entry.day + timedelta(days=1))
    else:
        start = datetime.combine(entry.day, entry.start, UK_TIME).astimezone(UTC)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=entry.minutes))
    event.add("transp", "OPAQUE" if entry.busy else "TRANSPARENT")
    event.add("class", "PRIVATE")
    return event


def calendar_bytes(
    entries: list[DiaryEvent], caseload_id: str, now: datetime, name: str = CALENDAR_NAME
) -> bytes:
    """The iCalendar file holding ``entries`` (``now``: when it is written, in UTC)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    now = now.astimezone(UTC).replace(microsecond=0)
    for entry in entries:
        calendar.add_component(_event(entry, caseload_id, now))
    return calendar.to_ical()
