"""The time of day a review is booked for: typed as the IRO would say it ("14:30", "2.30pm",
"1430", "9am"), kept as "HH:MM" (UK local time). No time means the booking is for the day
(an all-day entry in the diary)."""

from __future__ import annotations

import re
from datetime import time

from iro_desktop.i18n import _

# "14:30", "14.30", "1430", "9", "9am", "2:30 pm", "12 noon"
_TIME = re.compile(
    r"^\s*(?P<hour>\d{1,2})(?:[:.h ]?(?P<minute>\d{2}))?\s*(?P<half>am|pm|a\.m\.|p\.m\.|noon)?\s*$",
    re.IGNORECASE,
)
# A review is held in the working day: an hour outside this is almost always a slip
# ("3" meant for 3 in the afternoon).
EARLIEST_HOUR, LATEST_HOUR = 7, 21


def read_time(text: str) -> time | None:
    """The time in ``text``; ``None`` when it is empty. A time that cannot be read raises
    ``ValueError`` with a message saying how to write it."""
    if not text.strip():
        return None
    found = _TIME.match(text)
    if found is None:
        raise ValueError(
            _("Write the time as 14:30 or 2.30pm, or leave it empty for an all-day booking.")
        )
    hour, minute = int(found["hour"]), int(found["minute"] or 0)
    half = (found["half"] or "").lower().replace(".", "")
    if half in ("am", "pm") and not 1 <= hour <= 12:
        raise ValueError(_("%(hour)s%(half)s is not a time: use 1 to 12 with am or pm.") % {
            "hour": hour, "half": half})  # fmt: skip
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        message = _("%(text)s is not a time of day: write it as 14:30 or 2.30pm.")
        raise ValueError(message % {"text": text.strip()})
    return time(hour, minute)


def time_text(value: time | None) -> str:
    """"14:30" as kept in the file (``None``: empty, the whole day)."""
    return "" if value is None else f"{value.hour:02d}:{value.minute:02d}"


def outside_working_day(value: time) -> bool:
    return not EARLIEST_HOUR <= value.hour < LATEST_HOUR
