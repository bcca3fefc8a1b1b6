"""The figures as tables: what the Figures view, the Word summary and the CSV files show,
each table with its title, column labels and definition."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iro_desktop.domain import display
from iro_desktop.domain.codes import LEGAL_STATUSES, PARTICIPATION_CODES, PLACEMENT_TYPES
from iro_desktop.domain.figures.definitions import definitions
from iro_desktop.domain.figures.model import (
    AGE_BANDS,
    MISSED_REASONS,
    PARENTS,
    PN_CODES,
    VIEWS_HOW,
    Figures,
    Ratio,
)

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


def month_label(key: str) -> str:
    year, month = key.split("-")
    return display.format_date(date(int(year), int(month), 1), display.MONTH_YEAR, display.ENGLISH)
