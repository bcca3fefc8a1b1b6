"""The reviews that fell due in the period and were never held, and why (the child left
care, changed regime, turned 18, or the period ended first)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from iro_desktop.domain.dates import birthday
from iro_desktop.domain.model import ChildRecord
from iro_desktop.domain.review_rules import judged_date
from iro_desktop.domain.schedule import schedule_for
from iro_desktop.domain.schedule_types import ChildSchedule
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import WorkingDayCalendar


class MissedReviews:
    """Finds one child's missed reviews in the period ``start`` to ``counted_to``."""

    def __init__(
        self,
        settings: Settings,
        calendar: WorkingDayCalendar,
        start: date,
        counted_to: date,
    ) -> None:
        self.settings, self.calendar = settings, calendar
        self.start, self.counted_to = start, counted_to

    def missed_reviews(
        self, record: ChildRecord, schedule: ChildSchedule
    ) -> list[tuple[date, str]]:
        """Reviews that fell due in the period and were never held (see the definitions).

        The schedule is worked out as it stood just before each change that can end a
        schedule (an episode starting or ending, short breaks ended, the 18th birthday) and
        just after it: a due date passed and then dropped at the change is missed. At the end
        of the period, a due date passed and not yet met is missed.
        """
        out: list[tuple[date, str]] = []
        child = record.child
        changes = {e.decom for e in record.episodes if e.archived_on is None}
        changes |= {e.dec for e in record.episodes if e.archived_on is None and e.dec}
        if child.short_breaks_ended_on:
            changes.add(child.short_breaks_ended_on)
        changes.add(birthday(child.dob, 18))
        for x in sorted(d for d in changes if self.start < d <= self.counted_to):
            day_before = x - timedelta(days=1)
            before = self.schedule_as_of(record, day_before, day_before)
            due = before.next_due
            if due is None or not (self.start <= due.due < x):
                continue
            after = self.schedule_as_of(record, x, day_before)
            if (
                after.next_due is not None
                and after.period_start == before.period_start
                and after.next_regime == before.next_regime
            ):
                continue
            why = after.why_none_due
            if after.next_due is not None:
                reason = "changed_regime"
            elif "turn" in why:
                reason = "turned_18"
            else:
                reason = "left_care"
            out.append((due.due, reason))
        pending = self.pending_at_end(record, schedule)
        if pending is not None and self.start <= pending <= self.counted_to:
            out.append((pending, "period_ended"))
        return out

    def pending_at_end(self, record: ChildRecord, schedule: ChildSchedule) -> date | None:
        """The due date still to be met at the end of ``counted_to`` (None: none due).

        Read off the whole schedule when nothing that could change it happens between then
        and the next review held (no episode starts or ends, no short breaks end): that
        review's due date is the one pending. Otherwise worked out on the history cut there.
        """
        end = self.counted_to
        later = next((s for s in schedule.reviews if s.held > end), None)
        horizon = later.held if later is not None else date.max
        events = [
            d
            for e in record.episodes
            if e.archived_on is None
            for d in (e.decom, e.dec)
            if d is not None and end < d <= horizon
        ]
        ended = record.child.short_breaks_ended_on
        if not events and not (ended is not None and end < ended <= horizon):
            if later is None:
                return schedule.next_due.due if schedule.next_due is not None else None
            if later.due.due < birthday(record.child.dob, 18):
                return later.due.due
        at_end = self.schedule_as_of(record, end, end)
        return at_end.next_due.due if at_end.next_due is not None else None

    def schedule_as_of(self, record: ChildRecord, day: date, reviews_to: date) -> ChildSchedule:
        """The schedule as it stood at the end of ``day``, with reviews held by ``reviews_to``."""
        episodes = []
        for e in record.episodes:
            if e.archived_on is not None or e.decom > day:
                continue
            if e.dec is not None and e.dec > day:
                e = replace(e, dec=None, rec="")
            episodes.append(e)
        reviews = tuple(
            r
            for r in record.reviews
            if r.is_held
            and r.archived_on is None
            and judged_date(r.part_dates, self.settings) <= reviews_to
        )
        child = record.child
        if child.short_breaks_ended_on is not None and child.short_breaks_ended_on > day:
            child = replace(child, short_breaks_ended_on=None)
        cut = ChildRecord(child=child, episodes=tuple(episodes), reviews=reviews)
        return schedule_for(cut, self.settings, self.calendar, day)
