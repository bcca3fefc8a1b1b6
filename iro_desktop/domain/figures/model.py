"""The figures as a record of counts and ratios, the keys they are counted under, and the
reporting year. Field names are the stable keys of the JSON figures file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

# "2": how the child gave their views is counted from the categories the IRO chose on the
# review (``Review.views_given``), with two new keys ``carer`` and ``observed``; a review
# recorded before the categories existed keeps the keyword reading of its note (see
# ``classify.views_key``), so a year with no categories counts as under "1".
DEFINITIONS_VERSION = "2"
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
    "carer": "Through their carer",
    "observed": "Observed by the IRO (the child did not give views another way)",
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
