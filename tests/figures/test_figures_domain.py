"""The figures, worked out by hand for small caseloads (England, default settings).

Period, unless a test says otherwise: the reporting year 1 Apr 2025 - 31 Mar 2026, both
dates included. Bank holidays in it: 5 May, 26 May, 25 Aug, 25 Dec, 26 Dec 2025, 1 Jan, (3
Apr, 6 Apr 2026 fall after it). Every figure asserted is worked out in the comments.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

import pytest

from iro_desktop.domain.figures.combine import FiguresMismatch, combine
from iro_desktop.domain.figures.counting import figures_for
from iro_desktop.domain.figures.model import Figures, Ratio, reporting_year
from iro_desktop.domain.figures.tables import figure_tables
from iro_desktop.domain.model import (
    Challenge,
    ChallengeStage,
    Child,
    ChildRecord,
    Contact,
    Episode,
    MidpointCheck,
    PreReviewMeeting,
    Review,
    ReviewPart,
    ReviewStatus,
)
from iro_desktop.domain.schedule import schedule_for
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import calendar_for

SETTINGS = Settings()
CAL = calendar_for(SETTINGS)
FROM, TO = date(2025, 4, 1), date(2026, 3, 31)
_ids = itertools.count(1)


def child(dob: date = date(2012, 5, 1), **kw) -> Child:
    n = next(_ids)
    return Child(id=n, child_ref=f"T{n}", first_name="Test", last_name="Child", dob=dob, **kw)


def ep(decom: date, rne: str = "S", ls: str = "C2", place: str = "U4", **kw) -> Episode:
    return Episode(id=next(_ids), decom=decom, rne=rne, ls=ls, place=place, **kw)


def rev(held: date, code: str = "PN1", **kw) -> Review:
    return Review(
        id=next(_ids), status=ReviewStatus.HELD, parts=(ReviewPart(held),), review_code=code, **kw
    )


def rec(c: Child, episodes, reviews=(), **kw) -> ChildRecord:
    return ChildRecord(child=c, episodes=tuple(episodes), reviews=tuple(reviews), **kw)


def figs(records, start: date = FROM, end: date = TO, as_of: date | None = None) -> Figures:
    return figures_for(records, SETTINGS, CAL, start, end, as_of)


# The history most children here share: looked after from Mon 3 Mar 2025; first review due
# 20 working days later, Mon 31 Mar 2025 (4-7 Mar: 4, 10-14: 9, 17-21: 14, 24-28: 19, 31: 20),
# held that day; second due 3 months later, Mon 30 Jun 2025.
START = date(2025, 3, 3)
FIRST = date(2025, 3, 31)


def test_the_shared_history_is_as_the_comments_say():
    schedule = schedule_for(rec(child(), [ep(START)], [rev(FIRST)]), SETTINGS, CAL)
    assert schedule.reviews[0].due.due == FIRST
    assert schedule.next_due is not None and schedule.next_due.due == date(2025, 6, 30)


def test_a_review_exactly_on_its_due_date_is_in_time():
    # Looked after from Fri 19 Dec 2025 (IRO-BRIEF example A): first review due Wed 21 Jan
    # 2026, held that very day: in time. The second is due Tue 21 Apr 2026, after the period:
    # not missed. One review held, one in time; one child reviewed, all in time.
    f = figs([rec(child(), [ep(date(2025, 12, 19))], [rev(date(2026, 1, 21))])])
    assert f.reviews_held == 1
    assert f.reviews_in_time == Ratio(1, 1)
    assert f.reviews_missed == 0
    assert f.children_reviewed == 1
    assert f.children_all_reviews_in_time == Ratio(1, 1)
    assert f.reviews_by_number["first"] == Ratio(1, 1)
    assert f.reviews_by_month["2026-01"] == {"held": 1, "in_time": 1, "late": 0, "missed": 0}
    assert f.new_entrants == 1  # came into care on 19 Dec 2025, in the period


def test_a_late_review_just_after_the_period_does_not_count_in_it():
    # Second review held on its due date Mon 30 Jun 2025 (in time); third due 30 Dec 2025,
    # held early on Wed 1 Oct 2025 (in time); fourth due Wed 1 Apr 2026, the day after the
    # period, held late on Thu 2 Apr 2026. In the period: 2 reviews held, both in time; the
    # fourth fell due after the period, so it is neither late nor missed here: the child
    # counts as reviewed with every review in time (NI66). Next year counts it as late.
    reviews = [rev(FIRST), rev(date(2025, 6, 30)), rev(date(2025, 10, 1)), rev(date(2026, 4, 2))]
    record = rec(child(), [ep(START)], reviews)
    f = figs([record])
    assert (f.reviews_held, f.reviews_in_time, f.reviews_missed) == (2, Ratio(2, 2), 0)
    assert f.children_all_reviews_in_time == Ratio(1, 1)
    assert f.children_with_late_or_missed_review == 0
    nxt = figs([record], date(2026, 4, 1), date(2027, 3, 31))
    assert (nxt.reviews_held, nxt.reviews_in_time) == (1, Ratio(0, 1))
    assert nxt.children_all_reviews_in_time == Ratio(0, 1)


def test_a_review_due_in_the_period_and_held_just_after_it_is_missed():
    # As above, but the third is held on Tue 30 Sep 2025, so the fourth is due Mon 30 Mar
    # 2026, inside the period, and held late on Wed 1 Apr 2026, after it. In the period: 2
    # held in time, and 1 missed (fell due 30 Mar, not held by 31 Mar: the period ended
    # first). The child was reviewed but missed one: late on NI66 (0 of 1).
    reviews = [rev(FIRST), rev(date(2025, 6, 30)), rev(date(2025, 9, 30)), rev(date(2026, 4, 1))]
    f = figs([rec(child(), [ep(START)], reviews)])
    assert (f.reviews_held, f.reviews_in_time) == (2, Ratio(2, 2))
    assert f.reviews_missed == 1
    assert f.reviews_missed_by_reason["period_ended"] == 1
    assert f.reviews_by_month["2026-03"]["missed"] == 1
    assert f.children_reviewed == 1
    assert f.children_all_reviews_in_time == Ratio(0, 1)
    assert f.children_with_late_or_missed_review == 1


def test_a_period_that_starts_mid_cycle():
    # Looked after from Mon 1 Jul 2024: first review due Mon 29 Jul 2024 (held then), second
    # due 29 Oct 2024 (held Mon 28 Oct), third due 28 Apr 2025 (held early, Sat 1 Feb 2025).
    # The period opens mid-cycle: the fourth is due Fri 1 Aug 2025, counted from 1 Feb, and is
    # held late on Fri 8 Aug 2025 (reason recorded); the fifth is due Sun 8 Feb 2026 and held
    # Fri 6 Feb 2026, in time. In the period: 2 held, 1 in time, 1 late (with its reason),
    # both "subsequent"; none missed; the child is late on NI66.
    reviews = [
        rev(date(2024, 7, 29)),
        rev(date(2024, 10, 28)),
        rev(date(2025, 2, 1)),
        rev(date(2025, 8, 8), timing_reason="Child in hospital on the planned day"),
        rev(date(2026, 2, 6)),
    ]
    f = figs([rec(child(), [ep(date(2024, 7, 1))], reviews)])
    assert f.reviews_held == 2
    assert f.reviews_in_time == Ratio(1, 2)
    assert f.reviews_late == 1
    assert f.reviews_late_with_reason == Ratio(1, 1)
    assert f.reviews_by_number == {
        "first": Ratio(0, 0),
        "second": Ratio(0, 0),
        "subsequent": Ratio(1, 2),
    }
    assert f.reviews_missed == 0
    assert f.children_all_reviews_in_time == Ratio(0, 1)
    assert f.reviews_by_month["2025-08"] == {"held": 1, "in_time": 0, "late": 1, "missed": 0}


def test_a_pn0_child_turning_4():
    # Born 10 Jun 2021: 4 on Tue 10 Jun 2025. Reviews held in the period: Fri 25 Apr 2025
    # aged 3, coded PN0; Fri 24 Oct 2025 aged 4, coded PN1. Table H: PN0 1, PN1 1, total 2.
    # Children over 4 (coded PN1-PN7): 1 review, contributed 1 of 1, attended 1 of 1. The
    # codes agree with the ages: no code problems. Another child, 4 on the day of her review
    # and coded PN0, passes (DfE rule 440 allows either code on the birthday) and is left
    # out of the over-4 shares because it is coded PN0.
    # A third child aged 6 coded PN0 and a 2-year-old coded PN6 are both flagged.
    turning = child(dob=date(2021, 6, 10))
    reviews = [
        rev(date(2024, 7, 29), "PN0"),
        rev(date(2024, 10, 28), "PN0"),
        rev(date(2025, 4, 25), "PN0"),
        rev(date(2025, 10, 24), "PN1"),
    ]
    birthday = child(dob=date(2021, 6, 30))  # 4 on Mon 30 Jun 2025
    wrong_old = child(dob=date(2019, 1, 1))
    wrong_young = child(dob=date(2023, 1, 1))
    records = [
        rec(turning, [ep(date(2024, 7, 1))], reviews),
        rec(birthday, [ep(START)], [rev(FIRST, "PN0"), rev(date(2025, 6, 30), "PN0")]),
        rec(wrong_old, [ep(START)], [rev(FIRST, "PN0"), rev(date(2025, 6, 30), "PN0")]),
        rec(wrong_young, [ep(START)], [rev(FIRST, "PN0"), rev(date(2025, 6, 30), "PN6")]),
    ]
    f = figs(records[:1])
    assert f.participation == {
        "PN0": 1,
        "PN1": 1,
        "PN2": 0,
        "PN3": 0,
        "PN4": 0,
        "PN5": 0,
        "PN6": 0,
        "PN7": 0,
    }
    assert f.children_over_4_contributed == Ratio(1, 1)
    assert f.children_over_4_attended == Ratio(1, 1)
    assert f.participation_code_checks == {}
    assert figs(records[1:2]).participation_code_checks == {}
    everyone = figs(records)
    # Reviews in the period: turning 2, birthday 1, wrong_old 1, wrong_young 1 = 5.
    # PN0: turning (1) + birthday (1) + wrong_old (1) = 3; PN1 1; PN6 1 (the 2-year-old).
    assert everyone.participation["PN0"] == 3
    assert everyone.participation_code_checks == {
        "pn0_for_child_aged_4_or_over": 1,
        "pn1_to_pn7_for_child_under_4": 1,
    }
    # Over-4 shares count reviews coded PN1-PN7: PN1 (attended) and PN6 (contributed only).
    assert everyone.children_over_4_contributed == Ratio(2, 2)
    assert everyone.children_over_4_attended == Ratio(1, 2)
    table = next(t for t in figure_tables(everyone) if t.id == "participation_codes")
    assert table.rows[0] == ("PN0 - Child aged under 4 at the time of the review", 3)
    assert table.rows[-1] == ("Total", 5)


def test_missed_because_the_child_left_care_or_changed_regime():
    # Left care: second review due Mon 30 Jun 2025, never held; the child left care on Tue
    # 15 Jul 2025 (episode ended, REC E4A). Missed 1, reason left care, in June 2025. Leaver.
    left = rec(child(), [ep(START, dec=date(2025, 7, 15), rec="E4A")], [rev(FIRST)])
    # Left care before the review fell due: nothing missed (no review due once out of care).
    early = rec(child(), [ep(START, dec=date(2025, 6, 1), rec="E4A")], [rev(FIRST)])
    # Changed regime: second looked-after review due 30 Jun 2025, not held; placed for
    # adoption on Mon 14 Jul 2025 (A4): the looked-after review is missed (changed regime).
    # Adoption first review due 28 days after placement, Mon 11 Aug 2025, held that day.
    adopted = rec(
        child(),
        [ep(START, dec=date(2025, 7, 14), rec="X1"), ep(date(2025, 7, 14), rne="P", place="A4")],
        [rev(FIRST), rev(date(2025, 8, 11))],
    )
    # Placed for adoption before the looked-after review fell due (IRO-BRIEF example G2):
    # nothing missed; the first adoption review is due Mon 13 Apr 2026, after the period.
    g2 = rec(
        child(),
        [
            ep(date(2026, 1, 5), dec=date(2026, 3, 16), rec="X1"),
            ep(date(2026, 3, 16), rne="P", place="A4"),
        ],
        [rev(date(2026, 2, 2))],
    )
    f = figs([left])
    assert f.reviews_missed == 1
    assert f.reviews_missed_by_reason["left_care"] == 1
    assert f.reviews_by_month["2025-06"]["missed"] == 1
    assert (f.children_reviewed, f.children_with_late_or_missed_review, f.leavers) == (0, 1, 1)
    assert f.caseload_at_end == 0
    assert figs([early]).reviews_missed == 0
    f = figs([adopted])
    assert f.reviews_missed_by_reason["changed_regime"] == 1
    assert (f.reviews_held, f.reviews_in_time) == (1, Ratio(1, 1))
    assert f.reviews_by_number["first"] == Ratio(1, 1)  # the first review under adoption
    assert f.children_all_reviews_in_time == Ratio(0, 1)  # reviewed, but missed one
    f = figs([g2])
    assert (f.reviews_held, f.reviews_in_time, f.reviews_missed) == (1, Ratio(1, 1), 0)


def test_while_the_period_runs_nothing_due_from_today_is_missed_or_late():
    # Figures made on Wed 1 Oct 2025 for the running year: counted to Tue 30 Sep 2025.
    # Second review due Mon 30 Jun 2025, held then; third due Tue 30 Dec 2025: not yet due.
    # The review on 30 Jun: decisions not yet circulated, deadline (5 working days) Mon 7
    # Jul 2025 has passed: counted, not in time. Letter sent 1 Aug 2025: deadline 20
    # working days after 30 Jun = Mon 28 Jul 2025: late.
    r = rev(date(2025, 6, 30), letter_sent_on=date(2025, 8, 1))
    record = rec(child(), [ep(START)], [rev(FIRST), r])
    f = figs([record], as_of=date(2025, 10, 1))
    assert f.counted_to == date(2025, 9, 30)
    assert not f.period_complete
    assert f.reviews_missed == 0
    assert f.decisions_within_5_working_days == Ratio(0, 1)
    assert f.letters_within_20_working_days == Ratio(0, 1)
    assert sorted(f.reviews_by_month) == [f"2025-{m:02d}" for m in range(4, 10)]
    # On Tue 1 Jul 2025 the decisions deadline (7 Jul) has not come: left out, not late.
    f = figs([record], as_of=date(2025, 7, 1))
    assert f.decisions_within_5_working_days == Ratio(0, 0)
    # A due date passed before "today" counts as missed while the period runs: on Fri 1
    # Aug 2025, with no review since 31 Mar 2025 (due 30 Jun), one is missed.
    f = figs([rec(child(), [ep(START)], [rev(FIRST)])], as_of=date(2025, 8, 1))
    assert f.reviews_missed_by_reason["period_ended"] == 1


def test_preparation_and_follow_up():
    # Review held Mon 30 Jun 2025 (second review, due that day).
    #  - pre-review meeting Fri 13 Jun 2025: 17 days before, before it and >= 15 days: on time;
    #  - the IRO visited the child on Thu 26 Jun 2025 (after the first review, before this);
    #  - consultation papers sent 2 Jun, returned 20 Jun: sent (child is 13), returned by then;
    #  - decisions circulated Mon 7 Jul 2025 = 5th working day after 30 Jun: in time;
    #  - letter sent Tue 29 Jul 2025: 20 working days after 30 Jun is Mon 28 Jul: late;
    #  - record sent Mon 28 Jul 2025: on the 20th working day, in time.
    # Midpoint: between the first review (31 Mar 2025) and the second's due date (30 Jun
    # 2025): 31 Mar + 91 days / 2 = 31 Mar + 45 days = Thu 15 May 2025, in the period.
    # Checked Fri 16 May: done, but late. The next interval, 30 Jun 2025 to the third's due
    # date Tue 30 Dec 2025, has its midpoint 30 Jun + 91 days = Tue 30 Sep 2025: no check
    # recorded: not done. Midpoints: done 1 of 2, on time 0 of 2.
    # Second child: review on 30 Jun 2025 with nothing recorded around it (meeting on the
    # review day does not count as before it); born 2022, so no consultation papers due.
    second = rev(
        date(2025, 6, 30),
        consultation_sent_on=date(2025, 6, 2),
        consultation_returned_on=date(2025, 6, 20),
        decisions_circulated_on=date(2025, 7, 7),
        letter_sent_on=date(2025, 7, 29),
        record_sent_on=date(2025, 7, 28),
    )
    first = rev(FIRST)
    busy = rec(
        child(),
        [ep(START)],
        [first, second],
        pre_review_meetings=(PreReviewMeeting(1, second.id, date(2025, 6, 13)),),
        contacts=(Contact(1, date(2025, 6, 26)),),
        midpoint_checks=(MidpointCheck(1, first.id, date(2025, 5, 16)),),
    )
    quiet_review = rev(date(2025, 6, 30))
    quiet = rec(
        child(dob=date(2022, 1, 1)),
        [ep(START)],
        [rev(FIRST), quiet_review],
        pre_review_meetings=(PreReviewMeeting(2, quiet_review.id, date(2025, 6, 30)),),
    )
    f = figs([busy], as_of=date(2025, 10, 1))
    assert f.pre_review_meetings_held == Ratio(1, 1)
    assert f.pre_review_meetings_on_time == Ratio(1, 1)
    assert f.children_met_before_review == Ratio(1, 1)
    assert f.consultation_papers_sent == Ratio(1, 1)
    assert f.consultation_papers_returned == Ratio(1, 1)
    assert f.decisions_within_5_working_days == Ratio(1, 1)
    assert f.letters_within_20_working_days == Ratio(0, 1)
    assert f.records_within_20_working_days == Ratio(1, 1)
    assert f.midpoint_checks_done == Ratio(1, 2)
    assert f.midpoint_checks_on_time == Ratio(0, 2)
    f = figs([busy, quiet], as_of=date(2025, 10, 1))
    assert f.pre_review_meetings_held == Ratio(1, 2)
    assert f.children_met_before_review == Ratio(1, 2)
    assert f.consultation_papers_sent == Ratio(1, 1)  # the 3-year-old is not counted
    assert f.decisions_within_5_working_days == Ratio(1, 2)


def _stage(stage: int, raised: date, responded: date | None = None) -> ChallengeStage:
    return ChallengeStage(stage, raised, responded_on=responded)


def test_challenges_by_stage_theme_timescale_and_open_at_end():
    # 1. Informal, raised Mon 2 Jun 2025, resolved Mon 16 Jun 2025 = 10th working day: in time.
    # 2. Informal raised Mon 1 Sep 2025, escalated to formal stage 1 on Mon 15 Sep, to stage
    #    2 on Mon 22 Sep; resolved Thu 16 Oct 2025. 20 working days from 15 Sep is Mon 13
    #    Oct 2025: resolved late. Escalated (in the period).
    # 3. Raised at formal stage 1 on Mon 2 Mar 2026, not resolved: open at the end, stage 1.
    # 4. Raised informally on Mon 3 Mar 2025 (before the period), still open: open at the end
    #    (informal), not raised in the period.
    # 5. Raised Mon 2 Feb 2026 and resolved Wed 1 Apr 2026: raised in the period, open at
    #    its end (informal), resolved next year.
    challenges = (
        Challenge(
            1,
            "Care plan implementation",
            (_stage(0, date(2025, 6, 2)),),
            resolved_on=date(2025, 6, 16),
        ),
        Challenge(
            2,
            "Safeguarding",
            (
                _stage(0, date(2025, 9, 1), date(2025, 9, 12)),
                _stage(1, date(2025, 9, 15), date(2025, 9, 19)),
                _stage(2, date(2025, 9, 22)),
            ),
            resolved_on=date(2025, 10, 16),
        ),
        Challenge(3, "Care plan implementation", (_stage(1, date(2026, 3, 2)),)),
        Challenge(4, "Standard of care", (_stage(0, date(2025, 3, 3)),)),
        Challenge(5, "", (_stage(0, date(2026, 2, 2)),), resolved_on=date(2026, 4, 1)),
    )
    f = figs([rec(child(), [ep(START)], [rev(FIRST)], challenges=challenges)])
    assert f.challenges_raised == 4  # 1, 2, 3, 5
    assert f.challenges_raised_by_first_stage == {"Formal stage 1": 1, "Informal": 3}
    assert f.challenges_by_highest_stage == {
        "Formal stage 1": 1,
        "Formal stage 2": 1,
        "Informal": 2,
    }
    assert f.challenges_by_theme == {
        "Care plan implementation": 2,
        "Safeguarding": 1,
        "Theme not recorded": 1,
    }
    assert f.challenges_resolved == 2
    assert f.challenges_resolved_in_time == Ratio(1, 2)
    assert f.challenges_escalated == 1
    assert f.challenges_open_at_end == 3  # 3, 4 and 5
    assert f.challenges_open_by_stage == {"Formal stage 1": 1, "Informal": 2}


def test_caseload_profile_at_the_end_and_who_counts_here():
    end = TO
    # On 31 Mar 2026: a 13-year-old on a full care order in foster care (U4) out of area;
    # a 16-year-old UASC on s20 (V2) in semi-independent living (H5) in area; a baby
    # (born 1 Jan 2026) on an interim order (C1), in care from 5 Jan 2026 (a new entrant).
    settings = replace(SETTINGS, council_postcodes=("DB1",))
    teen = rec(child(dob=date(2012, 5, 1)), [ep(START, pl_post="ZZ9 1AA")], [rev(FIRST)])
    uasc = rec(
        child(dob=date(2009, 6, 1), uasc=True),
        [ep(START, ls="V2", place="H5", pl_post="DB1 2BB")],
        [rev(FIRST)],
    )
    baby = rec(child(dob=date(2026, 1, 1)), [ep(date(2026, 1, 5), ls="C1", place="U6")])
    # Left care on Fri 1 Aug 2025 and archived on 1 Sep: counts here (a leaver), not at end.
    leaver = rec(
        child(archived_on=date(2025, 9, 1)),
        [ep(START, dec=date(2025, 8, 1), rec="E4A")],
        [rev(FIRST), rev(date(2025, 6, 30))],
    )
    # Archived on 1 Oct 2025 while still in care: handed over, counted by the other IRO.
    handed = rec(child(archived_on=date(2025, 10, 1)), [ep(START)], [rev(FIRST)])
    f = figures_for([teen, uasc, baby, leaver, handed], settings, CAL, FROM, end)
    assert (f.children_counted, f.children_handed_over) == (4, 1)
    assert f.caseload_at_end == 3
    assert f.caseload_by_age_band == {
        "Under 1": 1,
        "1 to 4": 0,
        "5 to 9": 0,
        "10 to 15": 1,
        "16 and over": 1,
    }
    assert f.caseload_by_legal_status == {"C1": 1, "C2": 1, "V2": 1}
    assert f.caseload_by_placement_type == {"H5": 1, "U4": 1, "U6": 1}
    assert f.caseload_out_of_area == {"In area": 1, "Not known": 1, "Out of area": 1}
    assert f.caseload_uasc == 1
    # New entrants: the baby only (the others came into care on 3 Mar 2025, before).
    assert (f.new_entrants, f.leavers) == (1, 1)
    # The leaver's review on 30 Jun 2025 counts; the handed-over child's do not.
    assert f.reviews_held == 1


def test_combine_adds_up_and_refuses_different_periods_or_definitions():
    a = figs([rec(child(), [ep(date(2025, 12, 19))], [rev(date(2026, 1, 21))])])
    b = figs([rec(child(), [ep(START)], [rev(FIRST), rev(date(2025, 7, 2))])])
    total = combine([a, b])
    # a: 1 held in time; b: 1 held late (due 30 Jun, held 2 Jul).
    assert total.iros == 2
    assert total.reviews_held == 2
    assert total.reviews_in_time == Ratio(1, 2)
    assert total.children_all_reviews_in_time == Ratio(1, 2)
    assert total.reviews_by_month["2025-07"]["late"] == 1
    assert total.participation["PN1"] == 2
    with pytest.raises(FiguresMismatch, match="different periods"):
        combine([a, figs([], date(2024, 4, 1), date(2025, 3, 31))])
    with pytest.raises(FiguresMismatch, match="definitions"):
        combine([a, replace(b, definitions_version="0")])


def test_reporting_year():
    assert reporting_year(date(2026, 11, 23)) == (date(2026, 4, 1), date(2027, 3, 31))
    assert reporting_year(date(2026, 3, 31)) == (date(2025, 4, 1), date(2026, 3, 31))
    assert reporting_year(date(2026, 4, 1)) == (date(2026, 4, 1), date(2027, 3, 31))


def test_every_table_has_a_definition_and_rows():
    f = figs([rec(child(), [ep(START)], [rev(FIRST), rev(date(2025, 6, 30))])])
    for table in figure_tables(f):
        assert table.definition and table.title and table.columns
        for row in table.rows:
            assert len(row) == len(table.columns)
