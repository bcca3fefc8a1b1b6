"""What the statutory schedule engine answers, as plain values (see ``schedule.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iro_desktop.domain.model import Regime


@dataclass(frozen=True)
class DueDate:
    """A statutory deadline with the last working day on or before it and the reason why."""

    due: date
    hold_by: date
    explanation: str  # "20 working days after 19 Dec 2025, skipping 25 Dec, 26 Dec and 1 Jan"


@dataclass(frozen=True)
class ScheduledReview:
    """A held review as the schedule judges it."""

    review_id: int | None
    number: int  # 1 = first review of its regime period, 2 = second, ...
    regime: Regime
    held: date  # the date judged for timeliness (first part by default)
    parts: tuple[date, ...]
    due: DueDate
    in_time: bool
    local_due: date | None = None
    parts_after_due: tuple[date, ...] = ()  # parts held after the due date: a warning

    @property
    def kind(self) -> str:
        return {1: "first", 2: "second"}.get(self.number, "subsequent")


@dataclass(frozen=True)
class ChildSchedule:
    reviews: tuple[ScheduledReview, ...]  # every held review, in date order, all periods
    next_regime: Regime | None  # regime of the next review; None when none is due
    next_number: int | None
    next_due: DueDate | None
    local_due: date | None  # the council's shorter local deadline, if one applies
    period_start: date | None  # start of the current schedule (period of care, etc.)
    last_review: ScheduledReview | None  # the last held review of the current schedule
    why_none_due: str = ""  # "left care on 3 Mar 2026", "turned 18 on ..." when next_due is None
    # Still looked after, but turns 18 before another review falls due: the 18th birthday.
    # Monitoring between reviews (contacts, the midpoint check) goes on until then.
    looked_after_until: date | None = None
