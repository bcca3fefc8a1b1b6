"""Working the figures out: each child's reviews, participation, preparation, challenges and
place in the caseload counted into one :class:`Figures` (see the package's docstring for which
children count)."""

from __future__ import annotations

from collections import Counter
from dataclasses import fields
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from iro_desktop.domain.dates import age_on, birthday
from iro_desktop.domain.figures.classify import classify_parents, views_key
from iro_desktop.domain.figures.missed import MissedReviews
from iro_desktop.domain.figures.model import (
    AGE_BANDS,
    ATTENDED_CODES,
    CONTRIBUTED_CODES,
    MISSED_REASONS,
    OVER_4_CODES,
    PARENTS,
    PN_CODES,
    REVIEW_NUMBERS,
    VIEWS_HOW,
    Figures,
    Ratio,
)
from iro_desktop.domain.model import EPISODE_CONTINUES, Challenge, ChildRecord, Episode, Review
from iro_desktop.domain.placement import is_out_of_area
from iro_desktop.domain.schedule import schedule_for
from iro_desktop.domain.schedule_types import ChildSchedule, ScheduledReview
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.tasks import challenge_response_due
from iro_desktop.domain.working_days import WorkingDayCalendar

_ReviewIndex = dict[tuple[int | None, tuple[date, ...]], Review]


def figures_for(
    records: list[ChildRecord] | tuple[ChildRecord, ...],
    settings: Settings,
    calendar: WorkingDayCalendar,
    period_from: date,
    period_to: date,
    as_of: date | None = None,
) -> Figures:
    """The figures for the period ``period_from`` to ``period_to``, both dates included.

    ``as_of`` is "today" when the period has not ended: events count up to the day before,
    and a deadline not yet passed is neither missed nor late.
    """
    if period_to < period_from:
        raise ValueError("the period ends before it starts")
    counted_to = period_to
    if as_of is not None and as_of <= period_to:
        counted_to = as_of - timedelta(days=1)
    work = _Work(settings, calendar, period_from, period_to, counted_to)
    for record in records:
        work.add(record)
    return work.result()


def _ts(settings: Settings) -> dict[str, int]:
    ts = settings.timescales
    return {
        "decisions": ts.decisions_working_days_after,
        "letter": ts.letter_working_days_after,
        "informal": ts.informal_challenge_working_days,
        "formal_stage": ts.formal_stage_working_days,
        "formal_process": ts.formal_process_working_days,
        "pre_review": ts.pre_review_meeting_days_before,
    }


def _months(start: date, end: date) -> list[str]:
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _stage_label(stage: int) -> str:
    return "Informal" if stage == 0 else f"Formal stage {stage}"


def _age_band(age: int) -> str:
    if age < 1:
        return AGE_BANDS[0]
    if age < 5:
        return AGE_BANDS[1]
    if age < 10:
        return AGE_BANDS[2]
    if age < 16:
        return AGE_BANDS[3]
    return AGE_BANDS[4]


class _Work:
    """Counters filled child by child."""

    def __init__(
        self,
        settings: Settings,
        calendar: WorkingDayCalendar,
        start: date,
        end: date,
        counted_to: date,
    ) -> None:
        self.settings, self.calendar = settings, calendar
        self.start, self.end, self.counted_to = start, end, counted_to
        self.c: Counter[str] = Counter()
        self.num: Counter[str] = Counter()  # each ratio's numerator and denominator
        self.den: Counter[str] = Counter()
        self.d: dict[str, Counter[str]] = {}
        self.months = {m: Counter() for m in _months(start, min(end, counted_to))}
        self._deadlines: dict[tuple[date, int], date] = {}
        self.missed = MissedReviews(settings, calendar, start, counted_to)

    # helpers
    def held_in_period(self, d: date) -> bool:
        return self.start <= d <= self.counted_to

    def passed(self, deadline: date) -> bool:
        """A deadline in the period that has passed by the time the figures count to."""
        return self.start <= deadline <= self.counted_to

    def ratio(self, key: str, hit: bool, count: bool = True) -> None:
        if count:
            self.den[key] += 1
            if hit:
                self.num[key] += 1

    def working_days_after(self, day: date, days: int) -> date:
        key = (day, days)
        found = self._deadlines.get(key)
        if found is None:
            found = self._deadlines[key] = self.calendar.add_working_days(day, days)[0]
        return found

    def tally(self, key: str, label: str, n: int = 1) -> None:
        self.d.setdefault(key, Counter())[label] += n

    # which children count here
    def counts_here(self, record: ChildRecord) -> bool:
        archived = record.child.archived_on
        if archived is None or archived > self.counted_to:
            return True
        if birthday(record.child.dob, 18) <= archived:
            return True
        ended = record.child.short_breaks_ended_on
        episodes = sorted(
            (e for e in record.episodes if e.archived_on is None), key=lambda e: e.decom
        )
        if not episodes:
            return True
        last = episodes[-1]
        if last.is_short_break:
            return ended is not None and ended <= archived
        return last.left_care and last.dec is not None and last.dec <= archived

    def add(self, record: ChildRecord) -> None:
        if not self.counts_here(record):
            self.c["children_handed_over"] += 1
            return
        self.c["children_counted"] += 1
        schedule = schedule_for(record, self.settings, self.calendar, self.counted_to)
        held = [s for s in schedule.reviews if self.held_in_period(s.held)]
        missed = self.missed.missed_reviews(record, schedule)
        reviews = self.reviews_by_key(record)
        self.timeliness(reviews, held, missed)
        self.participation(record, reviews, held)
        self.preparation(record, reviews, schedule, held)
        self.midpoints(record, schedule)
        for challenge in record.challenges:
            if challenge.archived_on is None and challenge.stages:
                self.challenge(challenge)
        self.caseload(record)

    def reviews_by_key(self, record: ChildRecord) -> _ReviewIndex:
        """The held reviews with a part in the period, by (id, part dates): how a judged
        review (``ScheduledReview``) finds its record."""
        start, end = self.start, self.counted_to
        return {
            (r.id, r.part_dates): r
            for r in record.reviews
            if r.parts
            and r.archived_on is None
            and r.is_held
            and any(start <= p.held_on <= end for p in r.parts)
        }

    # timeliness
    def timeliness(
        self, reviews: _ReviewIndex, held: list[ScheduledReview], missed: list[tuple[date, str]]
    ) -> None:
        for s in held:
            review = reviews.get((s.review_id, s.parts))
            month = self.months.get(f"{s.held.year:04d}-{s.held.month:02d}")
            self.c["reviews_held"] += 1
            self.ratio("reviews_in_time", s.in_time)
            self.ratio(f"by_number:{s.kind}", s.in_time)
            if month is not None:
                month["held"] += 1
                month["in_time" if s.in_time else "late"] += 1
            if not s.in_time:
                self.c["reviews_late"] += 1
                reason = bool(review is not None and review.timing_reason.strip())
                self.ratio("reviews_late_with_reason", reason)
        for due, reason in missed:
            self.c["reviews_missed"] += 1
            self.tally("reviews_missed_by_reason", reason)
            month = self.months.get(f"{due.year:04d}-{due.month:02d}")
            if month is not None:
                month["missed"] += 1
        if held:
            self.c["children_reviewed"] += 1
            self.ratio("children_all_reviews_in_time", all(s.in_time for s in held) and not missed)
        if missed or any(not s.in_time for s in held):
            self.c["children_with_late_or_missed_review"] += 1

    # participation
    def participation(
        self, record: ChildRecord, reviews: _ReviewIndex, held: list[ScheduledReview]
    ) -> None:
        dob = record.child.dob
        for s in held:
            review = reviews.get((s.review_id, s.parts))
            code = review.review_code.strip().upper() if review else ""
            if code in PN_CODES:
                self.tally("participation", code)
            else:
                self.c["participation_not_recorded"] += 1
            age = age_on(dob, s.held)
            on_birthday = s.held == birthday(dob, 4)
            if code == "PN0" and age >= 4 and not on_birthday:
                self.tally("participation_code_checks", "pn0_for_child_aged_4_or_over")
            elif code in OVER_4_CODES and age < 4:
                self.tally("participation_code_checks", "pn1_to_pn7_for_child_under_4")
            if code in OVER_4_CODES:
                self.ratio("children_over_4_contributed", code in CONTRIBUTED_CODES)
                self.ratio("children_over_4_attended", code in ATTENDED_CODES)
                self.tally(
                    "views_how",
                    views_key(review.views_given, review.views_how) if review else "not_recorded",
                )
            for key in classify_parents(review.parents_participation if review else ""):
                self.tally("parents_participation", key)

    # preparation and follow-up
    def preparation(
        self,
        record: ChildRecord,
        reviews: _ReviewIndex,
        schedule: ChildSchedule,
        held: list[ScheduledReview],
    ) -> None:
        ts = self.settings.timescales
        previous = {s.held: p.held for p, s in pairwise(schedule.reviews)}
        meetings = [m for m in record.pre_review_meetings if m.archived_on is None]
        contacts = [c.on for c in record.contacts if c.archived_on is None]
        for s in held:
            review = reviews.get((s.review_id, s.parts))
            if review is None:
                continue
            prev = previous.get(s.held)
            mine = [
                m.held_on
                for m in meetings
                if m.review_id is not None and m.review_id == s.review_id
            ]
            if not mine:
                mine = [
                    m.held_on
                    for m in meetings
                    if m.review_id is None and (prev is None or m.held_on > prev)
                ]
            before = [d for d in mine if d < s.held]
            self.ratio("pre_review_meetings_held", bool(before))
            early = s.held - timedelta(days=ts.pre_review_meeting_days_before)
            self.ratio("pre_review_meetings_on_time", any(d <= early for d in before))
            self.ratio(
                "children_met_before_review",
                any((prev is None or d > prev) and d < s.held for d in contacts),
            )
            if age_on(record.child.dob, s.held) >= 4:
                sent = review.consultation_sent_on
                self.ratio("consultation_papers_sent", sent is not None)
                if sent is not None:
                    returned = review.consultation_returned_on
                    self.ratio(
                        "consultation_papers_returned", returned is not None and returned <= s.held
                    )
            for key, done, days in (
                (
                    "decisions_within_5_working_days",
                    review.decisions_circulated_on,
                    ts.decisions_working_days_after,
                ),
                (
                    "letters_within_20_working_days",
                    review.letter_sent_on,
                    ts.letter_working_days_after,
                ),
                (
                    "records_within_20_working_days",
                    review.record_sent_on,
                    ts.letter_working_days_after,
                ),
            ):
                deadline = self.working_days_after(s.held, days)
                on_time = done is not None and done <= deadline
                # Not yet done and not yet due: too early to judge.
                self.ratio(key, on_time, count=on_time or deadline <= self.counted_to)

    def midpoints(self, record: ChildRecord, schedule: ChildSchedule) -> None:
        checks = [m for m in record.midpoint_checks if m.archived_on is None]
        intervals: list[tuple[ScheduledReview, date, date | None]] = [
            (p, s.due.due, s.held)
            for p, s in pairwise(schedule.reviews)
            if s.number == p.number + 1
        ]
        if schedule.last_review is not None and schedule.next_due is not None:
            intervals.append((schedule.last_review, schedule.next_due.due, None))
        for prev, due, next_held in intervals:
            midpoint = prev.held + (due - prev.held) / 2
            if not self.passed(midpoint):
                continue
            linked = [
                m.done_on
                for m in checks
                if m.after_review_id is not None and m.after_review_id == prev.review_id
            ]
            if not linked:
                linked = [
                    m.done_on
                    for m in checks
                    if m.after_review_id is None
                    and m.done_on > prev.held
                    and (next_held is None or m.done_on < next_held)
                ]
            self.ratio("midpoint_checks_done", bool(linked))
            self.ratio("midpoint_checks_on_time", any(d <= midpoint for d in linked))

    # challenges
    def challenge(self, challenge: Challenge) -> None:
        stages = sorted(challenge.stages, key=lambda s: (s.raised_on, s.stage))
        first = stages[0]
        by_end = [s for s in stages if s.raised_on <= self.counted_to]
        if self.held_in_period(first.raised_on):
            self.c["challenges_raised"] += 1
            self.tally("challenges_raised_by_first_stage", _stage_label(first.stage))
            self.tally("challenges_by_highest_stage", _stage_label(max(s.stage for s in by_end)))
            self.tally("challenges_by_theme", challenge.theme.strip() or "Theme not recorded")
        if any(self.held_in_period(s.raised_on) for s in stages[1:]):
            self.c["challenges_escalated"] += 1
        if challenge.cafcass_referred_on and self.held_in_period(challenge.cafcass_referred_on):
            self.c["challenges_referred_to_cafcass"] += 1
        resolved = challenge.resolved_on
        if resolved is not None and self.held_in_period(resolved):
            self.c["challenges_resolved"] += 1
            formal = [s for s in stages if s.stage > 0]
            if formal:
                deadline = self.calendar.add_working_days(
                    formal[0].raised_on, self.settings.timescales.formal_process_working_days
                )[0]
            else:
                deadline = first.response_due or challenge_response_due(
                    0, first.raised_on, self.settings, self.calendar
                )
            self.ratio("challenges_resolved_in_time", resolved <= deadline)
        if by_end and (resolved is None or resolved > self.counted_to):
            self.c["challenges_open_at_end"] += 1
            current = max(by_end, key=lambda s: (s.raised_on, s.stage))
            self.tally("challenges_open_by_stage", _stage_label(current.stage))

    # caseload profile
    def caseload(self, record: ChildRecord) -> None:
        child, end = record.child, self.counted_to
        episodes = sorted(
            (e for e in record.episodes if e.archived_on is None), key=lambda e: e.decom
        )
        ended = child.short_breaks_ended_on
        prev: Episode | None = None
        entered = left = False
        for ep in episodes:
            if _starts_care(prev, ep, ended) and self.held_in_period(ep.decom):
                entered = True
            if (
                not ep.is_short_break
                and ep.left_care
                and ep.dec is not None
                and self.held_in_period(ep.dec)
            ):
                left = True
            prev = ep
        if ended is not None and self.held_in_period(ended):
            left = True
        self.c["new_entrants"] += int(entered)
        self.c["leavers"] += int(left)
        current = max((e for e in episodes if e.decom <= end), key=lambda e: e.decom, default=None)
        if current is None or age_on(child.dob, end) >= 18:
            return
        if current.is_short_break:
            in_care = ended is None or ended > end
        else:
            in_care = current.dec is None or current.dec > end or current.rec == EPISODE_CONTINUES
        if not in_care:
            return
        self.c["caseload_at_end"] += 1
        self.tally("caseload_by_age_band", _age_band(age_on(child.dob, end)))
        ls = current.ls or "Not recorded"
        self.tally("caseload_by_legal_status", ls)
        self.tally("caseload_by_placement_type", current.place or "Not recorded")
        away = is_out_of_area(current, self.settings)
        self.tally(
            "caseload_out_of_area",
            {True: "Out of area", False: "In area", None: "Not known"}[away],
        )
        if child.uasc and (child.uasc_ceased is None or child.uasc_ceased > end):
            self.c["caseload_uasc"] += 1

    def result(self) -> Figures:
        values: dict[str, Any] = {}
        names = {f.name for f in fields(Figures)}
        for key, n in self.c.items():
            values[key] = n
        for key, total in self.den.items():
            if ":" not in key:
                values[key] = Ratio(self.num[key], total)
        for key, counter in self.d.items():
            values[key] = dict(sorted(counter.items()))
        values["participation"] = {
            code: self.d.get("participation", {}).get(code, 0) for code in PN_CODES
        }
        values["reviews_missed_by_reason"] = {
            k: self.d.get("reviews_missed_by_reason", {}).get(k, 0) for k in MISSED_REASONS
        }
        values["reviews_by_number"] = {
            k: Ratio(self.num[f"by_number:{k}"], self.den[f"by_number:{k}"]) for k in REVIEW_NUMBERS
        }
        values["reviews_by_month"] = {
            m: {k: c.get(k, 0) for k in ("held", "in_time", "late", "missed")}
            for m, c in self.months.items()
        }
        values["views_how"] = {k: self.d.get("views_how", {}).get(k, 0) for k in VIEWS_HOW}
        values["parents_participation"] = {
            k: self.d.get("parents_participation", {}).get(k, 0) for k in PARENTS
        }
        values["caseload_by_age_band"] = {
            k: self.d.get("caseload_by_age_band", {}).get(k, 0) for k in AGE_BANDS
        }
        unknown = set(values) - names
        if unknown:  # pragma: no cover - a counter name typed wrong
            raise KeyError(f"unknown figures: {sorted(unknown)}")
        return Figures(
            period_from=self.start,
            period_to=self.end,
            counted_to=min(self.end, self.counted_to),
            region=str(self.settings.region.value),
            timescales=_ts(self.settings),
            **values,
        )


def _starts_care(prev: Episode | None, ep: Episode, short_breaks_ended: date | None) -> bool:
    """Whether ``ep`` starts a period of care or a short-break arrangement (as the schedule
    cuts a history into schedules)."""
    if prev is None:
        return True
    if ep.is_short_break:
        if not prev.is_short_break:
            return True
        return short_breaks_ended is not None and prev.decom <= short_breaks_ended < ep.decom
    return prev.is_short_break or ep.rne == "S" or prev.left_care
