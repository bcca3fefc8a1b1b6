"""The IRO's figures for a period: the tables an IRO service's annual report asks for.

Entry point: :func:`figures_for` (records, settings, calendar, period) -> :class:`Figures`.
Pure: no clock (``as_of``, "today", is passed in when the period has not ended), no I/O.
Every figure is a count, or a :class:`Ratio` carrying its numerator and denominator; the
definition each table uses is in :data:`DEFINITIONS`, written beside the table by
:func:`figure_tables`. A ``Figures`` holds counts only, never a name, reference or date of
birth, so that several IROs' figures can be added up into the service's (:func:`combine`).

Which children count: each child counts for the IRO holding them at the end of the period.
A child on this caseload then, or who left care (or turned 18, or whose short breaks ended)
while on it, counts here with their whole period; a child archived while still in care was
handed over to another IRO, who counts them (the handover carries the history).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from iro_desktop.domain.codes import LEGAL_STATUSES, PARTICIPATION_CODES, PLACEMENT_TYPES
from iro_desktop.domain.model import (
    EPISODE_CONTINUES,
    Challenge,
    ChildRecord,
    Episode,
    Review,
)
from iro_desktop.domain.placement import is_out_of_area
from iro_desktop.domain.schedule import age_on, birthday, judged_date, schedule_for
from iro_desktop.domain.schedule_types import ChildSchedule, ScheduledReview
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.tasks import challenge_response_due
from iro_desktop.domain.working_days import WorkingDayCalendar

__all__ = [
    "DEFINITIONS",
    "DEFINITIONS_VERSION",
    "PN_CODES",
    "FigureTable",
    "Figures",
    "FiguresMismatch",
    "Ratio",
    "combine",
    "figure_tables",
    "figures_for",
    "month_label",
    "reporting_year",
]

DEFINITIONS_VERSION = "1"
PN_CODES = ("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7")
CONTRIBUTED_CODES = frozenset({"PN1", "PN2", "PN3", "PN4", "PN5", "PN6"})
ATTENDED_CODES = frozenset({"PN1", "PN2", "PN3", "PN4"})
OVER_4_CODES = frozenset(PN_CODES[1:])
REVIEW_NUMBERS = ("first", "second", "subsequent")
MISSED_REASONS = {
    "left_care": "The child left care (or their short breaks ended) first",
    "changed_regime": "The child changed regime first (e.g. placed for adoption)",
    "turned_18": "The child turned 18 first",
    "period_ended": "Not held by the end of the period (or yet, while it runs)",
}
AGE_BANDS = ("Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over")
VIEWS_HOW = {
    "app": "Through an app (Mind Of My Own, Viewpoint ...)",
    "writing": "In writing (letter, form, email, text)",
    "phone": "By phone",
    "video": "By video",
    "pictures": "Pictures, symbols or cards",
    "advocate": "Through an advocate",
    "not_given": "Did not give views",
    "in_person": "In person at the review",
    "other": "Another way (see the record)",
    "not_recorded": "Not recorded",
}
PARENTS = {
    "attended": "A parent attended (in person, by phone or video)",
    "in_writing": "A parent gave views in writing",
    "separate": "A parent had a separate discussion with the IRO",
    "none": "Parents did not take part",
    "not_recorded": "Not recorded",
}

# Plain-words keyword rules for the free-text notes (first match wins for views).
_VIEWS_RULES = (
    ("app", r"mind of my own|\bmomo\b|viewpoint|\bapp\b"),
    ("writing", r"\bwr(ote|itten|iting|ite)\b|\bletter\b|e-?mail|\bform\b|\btext"),
    ("phone", r"phone|\bcall"),
    ("video", r"video|\bteams\b|zoom"),
    ("pictures", r"picture|\bcards?\b|symbol|drawing|makaton"),
    ("advocate", r"advocate"),
    ("not_given", r"not (to )?(share|give|say)|did not share|no views|chose not"),
    ("in_person", r"\bcame\b|attended|spoke|in person|\bjoined\b"),
)
_PARENT_RULES = (
    ("separate", r"separate|met the iro|spoke (to|with) the iro|saw the iro"),
    ("in_writing", r"e-?mail|\bwr(ote|itten|iting)\b|\bletter\b|\bform\b|sent (his|her|their)"),
    ("attended", r"\bcame\b|attended|\bjoined\b|was at|were at|present"),
    ("none", r"did not (come|attend|take part)|declined|not in the uk|no contact|not involved"),
)


_ReviewIndex = dict[tuple[int | None, tuple[date, ...]], Review]


class FiguresMismatch(ValueError):
    """Figures for different periods, regions or definitions cannot be added up."""


@dataclass(frozen=True)
class Ratio:
    """A share with its numerator and denominator: ``percent`` is None when nothing to count."""

    numerator: int = 0
    denominator: int = 0

    @property
    def percent(self) -> float | None:
        if not self.denominator:
            return None
        return round(100 * self.numerator / self.denominator, 1)

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.numerator + other.numerator, self.denominator + other.denominator)

    def as_json(self) -> dict[str, Any]:
        return {
            "numerator": self.numerator,
            "denominator": self.denominator,
            "percent": self.percent,
        }


@dataclass(frozen=True)
class Figures:
    """Every table of the figures, as counts and ratios (see :data:`DEFINITIONS`).

    Field names are the stable keys of the JSON figures file: add fields, never rename.
    """

    period_from: date
    period_to: date
    counted_to: date  # the period's end, or the day before "today" while it is running
    region: str
    definitions_version: str = DEFINITIONS_VERSION
    timescales: dict[str, int] = field(default_factory=dict)
    iros: int = 1
    children_counted: int = 0
    children_handed_over: int = 0
    # Timeliness
    reviews_held: int = 0
    reviews_in_time: Ratio = Ratio()
    reviews_late: int = 0
    reviews_late_with_reason: Ratio = Ratio()
    reviews_missed: int = 0
    reviews_missed_by_reason: dict[str, int] = field(default_factory=dict)
    reviews_by_number: dict[str, Ratio] = field(default_factory=dict)  # in time / held
    reviews_by_month: dict[str, dict[str, int]] = field(default_factory=dict)
    children_reviewed: int = 0
    children_all_reviews_in_time: Ratio = Ratio()
    children_with_late_or_missed_review: int = 0
    # Participation
    participation: dict[str, int] = field(default_factory=dict)
    participation_not_recorded: int = 0
    participation_code_checks: dict[str, int] = field(default_factory=dict)
    children_over_4_contributed: Ratio = Ratio()
    children_over_4_attended: Ratio = Ratio()
    views_how: dict[str, int] = field(default_factory=dict)
    parents_participation: dict[str, int] = field(default_factory=dict)
    # Preparation and follow-up
    pre_review_meetings_held: Ratio = Ratio()
    pre_review_meetings_on_time: Ratio = Ratio()
    children_met_before_review: Ratio = Ratio()
    consultation_papers_sent: Ratio = Ratio()
    consultation_papers_returned: Ratio = Ratio()
    midpoint_checks_done: Ratio = Ratio()
    midpoint_checks_on_time: Ratio = Ratio()
    decisions_within_5_working_days: Ratio = Ratio()
    letters_within_20_working_days: Ratio = Ratio()
    records_within_20_working_days: Ratio = Ratio()
    # Challenges
    challenges_raised: int = 0
    challenges_raised_by_first_stage: dict[str, int] = field(default_factory=dict)
    challenges_by_highest_stage: dict[str, int] = field(default_factory=dict)
    challenges_by_theme: dict[str, int] = field(default_factory=dict)
    challenges_resolved: int = 0
    challenges_resolved_in_time: Ratio = Ratio()
    challenges_escalated: int = 0
    challenges_referred_to_cafcass: int = 0
    challenges_open_at_end: int = 0
    challenges_open_by_stage: dict[str, int] = field(default_factory=dict)
    # Caseload profile at the end of the period
    caseload_at_end: int = 0
    caseload_by_age_band: dict[str, int] = field(default_factory=dict)
    caseload_by_legal_status: dict[str, int] = field(default_factory=dict)
    caseload_by_placement_type: dict[str, int] = field(default_factory=dict)
    caseload_out_of_area: dict[str, int] = field(default_factory=dict)
    caseload_uasc: int = 0
    new_entrants: int = 0
    leavers: int = 0

    @property
    def period_complete(self) -> bool:
        return self.counted_to >= self.period_to


HEADER_FIELDS = frozenset(
    {"period_from", "period_to", "counted_to", "region", "definitions_version", "timescales"}
)


def reporting_year(today: date) -> tuple[date, date]:
    """The April-March reporting year containing ``today`` (1 Apr to 31 Mar, inclusive)."""
    start_year = today.year if today.month >= 4 else today.year - 1
    return date(start_year, 4, 1), date(start_year + 1, 3, 31)


# --------------------------------------------------------------------------------------------
# Definitions: written beside every table, in the Word export and the Figures view


def definitions(timescales: dict[str, int]) -> dict[str, str]:
    """Each table's definition, with the council's timescales filled in."""
    t = {
        "decisions": 5,
        "letter": 20,
        "informal": 10,
        "formal_process": 20,
        "pre_review": 15,
        **timescales,
    }
    return {
        "who": (
            "Each child counts for the IRO holding them at the end of the period: a child on "
            "this caseload then, or who left care (or turned 18) while on it, counts here with "
            "all of the period; a child handed over to another IRO before then counts for them. "
            "Figures count events in the period, both dates included; while the period is "
            "still running, up to the day before the figures were made."
        ),
        "timeliness": (
            "Reviews held: reviews held in the period, by the date each is judged by (its "
            "first part, or the final part if the council judges by it). In time: held on or "
            "before the statutory due date (first review within 20 working days of becoming "
            "looked after, the second within 3 months, then every 6 months; adoption and "
            "short breaks by their own rules). Late with a reason: late reviews "
            "where the reason is recorded. Missed: a review that fell due in the period while "
            "the child was under that regime and was never held, because the child left care, "
            "changed regime (e.g. placed for adoption), turned 18 or the period ended first. "
            "Children reviewed: children with at least one review held in the period. All "
            "reviews in time (as the former national indicator NI66): children reviewed in the "
            "period whose "
            "every review held in the period was in time and who missed none in the period."
        ),
        "by_number": (
            "Reviews held in the period by their number within the child's period of care "
            "(or adoption placement, or short-break arrangement): first (20 working days; 28 "
            "days for adoption; 3 months for short breaks), second (3 months) and "
            "subsequent (6 months)."
        ),
        "missed": "Reviews missed in the period (see Timeliness), by what came first.",
        "by_month": (
            "Reviews held in each month of the period, in time and late; missed reviews in "
            "the month they fell due."
        ),
        "participation_codes": (
            "Reviews held in the period by their DfE SSDA903 participation code (PN0-PN7), "
            "in the layout annual reports use. Codes checked: PN0 for a child aged 4 or "
            "over on the review day, or PN1-PN7 for a child under 4 (DfE rules 440 and 441; a "
            "review on the 4th birthday passes either way)."
        ),
        "participation_shares": (
            "Of reviews coded PN1-PN7 (children aged 4 or over), those where the child "
            "contributed (PN1-PN6) and attended (PN1-PN4), the way IRO annual reports count "
            "them (e.g. 409 and 360 of 451 reviews: 91% contributed, 80% attended)."
        ),
        "views_how": (
            "Reviews coded PN1-PN7 by how the child gave their views, read from the IRO's "
            "note 'how views were given' (first match in this order: app, writing, phone, "
            "video, pictures or symbols, advocate, did not give views, in person)."
        ),
        "parents": (
            "Reviews held in the period by parents' participation, read from the IRO's note; "
            "a review may count in more than one row (e.g. one parent came and the other "
            "wrote), so the rows do not add up to the total."
        ),
        "preparation": (
            f"Of reviews held in the period: a pre-review meeting with the social worker held "
            f"before the review (after the previous one), and at least {t['pre_review']} days "
            f"before it; the IRO met or spoke with the child (a recorded contact) after the "
            f"previous review and before the review day; consultation papers sent for "
            f"children aged 4 or over, and of those returned by the review day. Midpoint "
            f"checks: for each interval between reviews whose calendar midpoint fell in the "
            f"period, a check done before the next review, and on or before the midpoint. "
            f"Decisions circulated within {t['decisions']} working days, and the letter to "
            f"the child and the full record sent within {t['letter']} working days, of the "
            f"review (its judged date); a review whose deadline has not yet come and that is "
            f"not yet done is left out."
        ),
        "challenges": (
            f"Challenges (dispute resolution, IRO Handbook ch. 6) raised in the period (the "
            f"date of their first stage), by the stage they were raised at, the highest stage "
            f"they reached, and theme. Resolved in time: of challenges resolved in the "
            f"period, resolved within {t['informal']} working days of raising when informal "
            f"only, or within {t['formal_process']} working days of the first formal stage "
            f"(the protocol's timescale). Escalated: challenges that moved to a further stage "
            f"in the period. Open at the end: raised by the end of the period and not "
            f"resolved by then, by their stage at that date."
        ),
        "challenges_by_stage": (
            "Challenges raised in the period by the stage they were raised at and the highest "
            "stage they reached by the end of the period; challenges open at the end by their "
            "stage then (raised in this period or before)."
        ),
        "challenges_by_theme": "Challenges raised in the period, by the theme the IRO recorded.",
        "caseload_by_age_band": (
            "Children looked after at the end of the period by their age that day."
        ),
        "caseload_by_legal_status": (
            "Children looked after at the end of the period by the legal status of their "
            "episode that day (DfE SSDA903 codes)."
        ),
        "caseload_by_placement_type": (
            "Children looked after at the end of the period by the placement type of their "
            "episode that day (DfE SSDA903 codes)."
        ),
        "caseload": (
            "Children looked after (or in a short-break arrangement) at the end of the "
            "period, by age band, legal status and placement type (their episode that day), "
            "placed out of the council's area (from the council postcodes setting; unknown "
            "where not set), and unaccompanied asylum-seeking children. New entrants: "
            "children who started a period of care or a short-break arrangement in the "
            "period. Leavers: children who ceased to be looked after in the period."
        ),
    }


DEFINITIONS = definitions({})


# --------------------------------------------------------------------------------------------
# Working it out


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


def _classify_views(text: str) -> str:
    lowered = text.strip().lower()
    if not lowered:
        return "not_recorded"
    for key, pattern in _VIEWS_RULES:
        if re.search(pattern, lowered):
            return key
    return "other"


def _classify_parents(text: str) -> set[str]:
    lowered = text.strip().lower()
    if not lowered:
        return {"not_recorded"}
    found = {key for key, pattern in _PARENT_RULES if re.search(pattern, lowered)}
    if "none" in found and len(found) > 1:
        found.discard("none")  # "Dad did not come; Mum sent a letter": one took part
    return found or {"none"}


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
        missed = self.missed_reviews(record, schedule)
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
        if pending is not None and self.passed(pending):
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
                self.tally("views_how", _classify_views(review.views_how if review else ""))
            for key in _classify_parents(review.parents_participation if review else ""):
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


# --------------------------------------------------------------------------------------------
# Adding up several IROs' figures


def _add(a: Any, b: Any) -> Any:
    if isinstance(a, Ratio):
        return a + b
    if isinstance(a, dict):
        out = dict(a)
        for key, value in b.items():
            out[key] = _add(out[key], value) if key in out else value
        return out
    return a + b


def combine(items: list[Figures]) -> Figures:
    """Several IROs' figures for the same period and definitions, added up.

    Raises :class:`FiguresMismatch` when the periods, regions, definitions or timescales
    differ: the sum would mean nothing.
    """
    if not items:
        raise FiguresMismatch("There are no figures to add up.")
    first = items[0]
    for other in items[1:]:
        if (other.period_from, other.period_to) != (first.period_from, first.period_to):
            raise FiguresMismatch(
                f"The figures are for different periods ({first.period_from} to "
                f"{first.period_to}, and {other.period_from} to {other.period_to})."
            )
        if other.definitions_version != first.definitions_version:
            raise FiguresMismatch(
                f"The figures use different definitions (version {first.definitions_version} "
                f"and {other.definitions_version}): make them all with the same version."
            )
        if other.region != first.region:
            raise FiguresMismatch(
                f"The figures are for different regions ({first.region} and {other.region})."
            )
        if other.timescales != first.timescales:
            raise FiguresMismatch(
                "The figures were counted with different timescales "
                f"({first.timescales} and {other.timescales}): check each IRO's settings."
            )
    values: dict[str, Any] = {}
    for f in fields(Figures):
        if f.name in HEADER_FIELDS:
            continue
        total = getattr(first, f.name)
        for other in items[1:]:
            total = _add(total, getattr(other, f.name))
        values[f.name] = total
    return replace(
        first,
        counted_to=min(i.counted_to for i in items),
        **values,
    )


# --------------------------------------------------------------------------------------------
# Tables: what the Figures view, the Word summary and the CSV files show


MEASURE_COLUMNS = ("Measure", "Number", "Out of", "Per cent")


@dataclass(frozen=True)
class FigureTable:
    """One table: cells are text, whole numbers, or a percentage (float, None when no
    denominator) in a column named "Per cent"."""

    id: str
    title: str
    definition: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str | int | float | None, ...], ...]


def _measure(label: str, value: int | Ratio) -> tuple:
    if isinstance(value, Ratio):
        return (label, value.numerator, value.denominator, value.percent)
    return (label, value, None, None)


def figure_tables(fig: Figures) -> list[FigureTable]:
    """Every table of the figures, in reading order, each with its definition."""
    text = definitions(fig.timescales)
    ts = {"decisions": 5, "letter": 20, **fig.timescales}
    late = fig.reviews_late
    tables = [
        FigureTable(
            "timeliness",
            "Reviews: held, in time, late and missed",
            text["timeliness"],
            MEASURE_COLUMNS,
            (
                _measure("Reviews held", fig.reviews_held),
                _measure("Held in time", fig.reviews_in_time),
                _measure("Held late", Ratio(late, fig.reviews_held)),
                _measure("Late, with the reason recorded", fig.reviews_late_with_reason),
                _measure("Missed (fell due, never held)", fig.reviews_missed),
                _measure("Children reviewed", fig.children_reviewed),
                _measure(
                    "Children whose every review was in time (NI66-style)",
                    fig.children_all_reviews_in_time,
                ),
                _measure(
                    "Children with a late or missed review",
                    fig.children_with_late_or_missed_review,
                ),
            ),
        ),
        FigureTable(
            "reviews_by_number",
            "First, second and subsequent reviews",
            text["by_number"],
            ("Review", "Held", "In time", "Late", "Per cent in time"),
            tuple(
                (
                    label,
                    r.denominator,
                    r.numerator,
                    r.denominator - r.numerator,
                    r.percent,
                )
                for label, r in (
                    ("First", fig.reviews_by_number.get("first", Ratio())),
                    ("Second", fig.reviews_by_number.get("second", Ratio())),
                    ("Subsequent", fig.reviews_by_number.get("subsequent", Ratio())),
                )
            ),
        ),
        FigureTable(
            "reviews_missed",
            "Reviews missed, by what came first",
            text["missed"],
            ("Reason", "Reviews"),
            (
                *(
                    (MISSED_REASONS[k], fig.reviews_missed_by_reason.get(k, 0))
                    for k in MISSED_REASONS
                ),
                ("Total", fig.reviews_missed),
            ),
        ),
        FigureTable(
            "reviews_by_month",
            "Timeliness by month",
            text["by_month"],
            ("Month", "Held", "In time", "Late", "Missed"),
            tuple(
                (month_label(m), c["held"], c["in_time"], c["late"], c["missed"])
                for m, c in sorted(fig.reviews_by_month.items())
            ),
        ),
        FigureTable(
            "participation_codes",
            "Participation codes for reviews held in the period",
            text["participation_codes"],
            ("Participation code", "Total"),
            (
                *(
                    (f"{code} - {PARTICIPATION_CODES[code]}", fig.participation.get(code, 0))
                    for code in PN_CODES
                ),
                ("Code not recorded", fig.participation_not_recorded),
                ("Total", fig.reviews_held),
            ),
        ),
        FigureTable(
            "participation_shares",
            "Children aged 4 or over who contributed and who attended",
            text["participation_shares"],
            MEASURE_COLUMNS,
            (
                _measure("Contributed to their review (PN1-PN6)", fig.children_over_4_contributed),
                _measure("Attended their review (PN1-PN4)", fig.children_over_4_attended),
                _measure(
                    "Code check: PN0 for a child aged 4 or over",
                    fig.participation_code_checks.get("pn0_for_child_aged_4_or_over", 0),
                ),
                _measure(
                    "Code check: PN1-PN7 for a child under 4",
                    fig.participation_code_checks.get("pn1_to_pn7_for_child_under_4", 0),
                ),
            ),
        ),
        FigureTable(
            "views_how",
            "How children gave their views",
            text["views_how"],
            ("How", "Reviews"),
            (
                *((VIEWS_HOW[k], fig.views_how.get(k, 0)) for k in VIEWS_HOW),
                ("Total", sum(fig.views_how.values())),
            ),
        ),
        FigureTable(
            "parents_participation",
            "Parents' participation",
            text["parents"],
            MEASURE_COLUMNS,
            tuple(
                _measure(PARENTS[k], Ratio(fig.parents_participation.get(k, 0), fig.reviews_held))
                for k in PARENTS
            ),
        ),
        FigureTable(
            "preparation",
            "Preparation and follow-up",
            text["preparation"],
            MEASURE_COLUMNS,
            (
                _measure("Pre-review meeting held before the review", fig.pre_review_meetings_held),
                _measure(
                    f"Pre-review meeting at least {fig.timescales.get('pre_review', 15)} days "
                    "before",
                    fig.pre_review_meetings_on_time,
                ),
                _measure("Child met by the IRO before the review", fig.children_met_before_review),
                _measure(
                    "Consultation papers sent (child 4 or over)", fig.consultation_papers_sent
                ),
                _measure(
                    "Consultation papers returned by the review", fig.consultation_papers_returned
                ),
                _measure("Midpoint check done", fig.midpoint_checks_done),
                _measure("Midpoint check on time", fig.midpoint_checks_on_time),
                _measure(
                    f"Decisions circulated within {ts['decisions']} working days",
                    fig.decisions_within_5_working_days,
                ),
                _measure(
                    f"Letter to the child within {ts['letter']} working days",
                    fig.letters_within_20_working_days,
                ),
                _measure(
                    f"Full record within {ts['letter']} working days",
                    fig.records_within_20_working_days,
                ),
            ),
        ),
        FigureTable(
            "challenges",
            "Challenges (dispute resolution)",
            text["challenges"],
            MEASURE_COLUMNS,
            (
                _measure("Challenges raised", fig.challenges_raised),
                _measure("Challenges resolved", fig.challenges_resolved),
                _measure(
                    "Resolved within the protocol's timescale", fig.challenges_resolved_in_time
                ),
                _measure("Escalated to a further stage", fig.challenges_escalated),
                _measure("Referred to Cafcass", fig.challenges_referred_to_cafcass),
                _measure("Open at the end of the period", fig.challenges_open_at_end),
            ),
        ),
        FigureTable(
            "challenges_by_stage",
            "Challenges by stage",
            text["challenges_by_stage"],
            ("Stage", "Raised at this stage", "Highest stage reached", "Open at the end"),
            tuple(
                (
                    stage,
                    fig.challenges_raised_by_first_stage.get(stage, 0),
                    fig.challenges_by_highest_stage.get(stage, 0),
                    fig.challenges_open_by_stage.get(stage, 0),
                )
                for stage in _stages(fig)
            ),
        ),
        FigureTable(
            "challenges_by_theme",
            "Challenges raised by theme",
            text["challenges_by_theme"],
            ("Theme", "Raised"),
            (
                *sorted(fig.challenges_by_theme.items(), key=lambda kv: (-kv[1], kv[0])),
                ("Total", fig.challenges_raised),
            ),
        ),
        FigureTable(
            "caseload",
            "Caseload at the end of the period",
            text["caseload"],
            MEASURE_COLUMNS,
            (
                _measure("Children looked after at the end", fig.caseload_at_end),
                *(
                    _measure(label, Ratio(n, fig.caseload_at_end))
                    for label, n in sorted(fig.caseload_out_of_area.items())
                ),
                _measure(
                    "Unaccompanied asylum-seeking children",
                    Ratio(fig.caseload_uasc, fig.caseload_at_end),
                ),
                _measure("New entrants in the period", fig.new_entrants),
                _measure("Leavers in the period", fig.leavers),
            ),
        ),
        _distribution(
            "caseload_by_age_band",
            "Caseload by age band",
            text["caseload_by_age_band"],
            "Age band",
            [(k, fig.caseload_by_age_band.get(k, 0)) for k in AGE_BANDS],
            fig.caseload_at_end,
        ),
        _distribution(
            "caseload_by_legal_status",
            "Caseload by legal status",
            text["caseload_by_legal_status"],
            "Legal status",
            [
                (f"{k} - {LEGAL_STATUSES[k]}" if k in LEGAL_STATUSES else k, n)
                for k, n in sorted(fig.caseload_by_legal_status.items())
            ],
            fig.caseload_at_end,
        ),
        _distribution(
            "caseload_by_placement_type",
            "Caseload by placement type",
            text["caseload_by_placement_type"],
            "Placement type",
            [
                (f"{k} - {PLACEMENT_TYPES[k]}" if k in PLACEMENT_TYPES else k, n)
                for k, n in sorted(fig.caseload_by_placement_type.items())
            ],
            fig.caseload_at_end,
        ),
    ]
    return tables


def _distribution(
    id: str, title: str, definition: str, label: str, rows: list[tuple[str, int]], total: int
) -> FigureTable:
    return FigureTable(
        id,
        title,
        definition,
        (label, "Children", "Per cent"),
        (
            *((name, n, Ratio(n, total).percent) for name, n in rows),
            ("Total", total, Ratio(total, total).percent),
        ),
    )


def _stages(fig: Figures) -> list[str]:
    seen = (
        set(fig.challenges_raised_by_first_stage)
        | set(fig.challenges_by_highest_stage)
        | set(fig.challenges_open_by_stage)
    )
    return sorted(seen, key=lambda s: (s != "Informal", s))


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(key: str) -> str:
    year, month = key.split("-")
    return f"{_MONTHS[int(month) - 1]} {year}"
