"""The statutory schedule: every worked example of IRO-BRIEF.md §1 plus the period rules."""

from dataclasses import replace
from datetime import date

import pytest
from builders import (
    booked_review,
    episode,
    held_review,
    make_child,
    make_record,
)

from iro_desktop.domain.model import Regime, Region
from iro_desktop.domain.schedule import (
    add_months,
    age_on,
    birthday,
    first_review_due_adoption,
    first_review_due_looked_after,
    first_review_due_short_breaks,
    format_date,
    format_day_date,
    review_due_placement_order,
    schedule_for,
    second_review_due_adoption,
    second_review_due_looked_after,
    subsequent_review_due,
)
from iro_desktop.domain.schedule_types import ChildSchedule
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import WorkingDayCalendar, calendar_for

D = date
CAL = WorkingDayCalendar()
SETTINGS = Settings()
TODAY = D(2026, 1, 1)


def sched(episodes, reviews=(), *, child=None, settings=SETTINGS, today=None) -> ChildSchedule:
    record = make_record(child or make_child(dob=D(2015, 6, 1)), episodes, reviews)
    return schedule_for(record, settings, calendar_for(settings), today=today)


# ---------------------------------------------------------------- worked examples A-D


def test_A_first_review_skips_christmas_and_new_year() -> None:
    s = sched([episode(D(2025, 12, 19))])
    assert first_review_due_looked_after(D(2025, 12, 19), CAL) == D(2026, 1, 21)
    assert s.next_due is not None
    assert s.next_due.due == D(2026, 1, 21)
    assert s.next_due.hold_by == D(2026, 1, 21)
    assert s.next_due.explanation == (
        "20 working days after 19 Dec 2025, skipping bank holidays 25 Dec, 26 Dec and 1 Jan"
    )
    assert s.next_regime is Regime.LOOKED_AFTER
    assert s.next_number == 1
    assert s.period_start == D(2025, 12, 19)
    assert s.last_review is None
    assert s.why_none_due == ""


def test_B_start_on_a_saturday() -> None:
    assert first_review_due_looked_after(D(2025, 12, 20), CAL) == D(2026, 1, 21)
    assert sched([episode(D(2025, 12, 20))]).next_due.due == D(2026, 1, 21)


def test_C_easter_is_skipped() -> None:
    s = sched([episode(D(2026, 3, 26))])
    assert s.next_due.due == D(2026, 4, 27)
    assert s.next_due.explanation == (
        "20 working days after 26 Mar 2026, skipping bank holidays 3 Apr and 6 Apr"
    )


def test_D_substitute_boxing_day_is_skipped() -> None:
    s = sched([episode(D(2026, 12, 18))])
    assert s.next_due.due == D(2027, 1, 20)
    assert "25 Dec, 28 Dec and 1 Jan" in s.next_due.explanation


def test_first_review_without_holidays_has_a_plain_explanation() -> None:
    s = sched([episode(D(2026, 6, 1))])
    assert s.next_due.due == D(2026, 6, 29)
    assert s.next_due.explanation == "20 working days after 1 Jun 2026"


# ---------------------------------------------------------------- worked examples E1-E6


def test_E1_second_review_three_months_after_the_first() -> None:
    assert second_review_due_looked_after(D(2026, 1, 21)) == D(2026, 4, 21)
    s = sched([episode(D(2025, 12, 19))], [held_review(D(2026, 1, 21), id=1)])
    assert s.next_due.due == D(2026, 4, 21)
    assert s.next_due.explanation == "3 months after the first review on 21 Jan 2026"
    assert s.next_number == 2
    assert s.last_review is not None and s.last_review.review_id == 1
    (first,) = s.reviews
    assert first.number == 1 and first.kind == "first" and first.in_time
    assert first.due.due == D(2026, 1, 21)


def test_E2_later_reviews_six_months_after_the_previous() -> None:
    assert subsequent_review_due(D(2026, 4, 21)) == D(2026, 10, 21)
    s = sched(
        [episode(D(2025, 12, 19))],
        [held_review(D(2026, 1, 21)), held_review(D(2026, 4, 21))],
    )
    assert s.next_due.due == D(2026, 10, 21)
    assert s.next_due.explanation == "6 months after the review on 21 Apr 2026"
    assert s.next_number == 3
    assert [r.kind for r in s.reviews] == ["first", "second"]


def test_E3_31_august_plus_six_months_is_28_february_hold_by_friday() -> None:
    assert subsequent_review_due(D(2025, 8, 31)) == D(2026, 2, 28)
    s = sched(
        [episode(D(2025, 5, 1))],
        [held_review(D(2025, 5, 29)), held_review(D(2025, 8, 31))],
    )
    assert s.next_number == 3
    assert s.next_due.due == D(2026, 2, 28)
    assert s.next_due.hold_by == D(2026, 2, 27)
    assert s.next_due.explanation == (
        "6 months after the review on 31 Aug 2025 (February has no 31st, so its last day); "
        "Sat 28 Feb 2026 is not a working day, so hold it by Fri 27 Feb 2026"
    )


def test_E4_leap_year() -> None:
    assert subsequent_review_due(D(2027, 8, 31)) == D(2028, 2, 29)
    s = sched(
        [episode(D(2027, 5, 3))],
        [held_review(D(2027, 5, 28)), held_review(D(2027, 8, 31))],
    )
    assert s.next_due.due == D(2028, 2, 29)
    assert s.next_due.hold_by == D(2028, 2, 29)  # a Tuesday


def test_E5_second_review_from_30_november() -> None:
    assert second_review_due_looked_after(D(2025, 11, 30)) == D(2026, 2, 28)
    s = sched([episode(D(2025, 11, 3))], [held_review(D(2025, 11, 30))])
    assert s.next_due.due == D(2026, 2, 28)
    assert s.next_due.explanation.startswith(
        "3 months after the first review on 30 Nov 2025 (February has no 30th, so its last day)"
    )


def test_E6_the_day_stays_28() -> None:
    assert subsequent_review_due(D(2026, 2, 28)) == D(2026, 8, 28)
    s = sched(
        [episode(D(2025, 11, 3))],
        [held_review(D(2025, 11, 28)), held_review(D(2026, 2, 28))],
    )
    assert s.next_due.due == D(2026, 8, 28)
    assert s.next_due.explanation == "6 months after the review on 28 Feb 2026"


# ---------------------------------------------------------------- short breaks F, F2


def test_F_short_breaks_three_months_then_six() -> None:
    assert first_review_due_short_breaks(D(2026, 3, 14)) == D(2026, 6, 14)
    breaks = [episode(D(2026, 3, 14), ls="V3", dec=D(2026, 3, 15), rec="E8")]
    s = sched(breaks)
    assert s.next_regime is Regime.SHORT_BREAKS
    assert s.next_due.due == D(2026, 6, 14)
    assert s.next_due.hold_by == D(2026, 6, 12)
    assert s.next_due.explanation == (
        "3 months after the first short break on 14 Mar 2026; "
        "Sun 14 Jun 2026 is not a working day, so hold it by Fri 12 Jun 2026"
    )
    s = sched(breaks, [held_review(D(2026, 6, 12))])
    assert s.reviews[0].in_time and s.reviews[0].regime is Regime.SHORT_BREAKS
    assert s.next_number == 2
    assert s.next_due.due == D(2026, 12, 12)
    assert s.next_due.explanation.startswith("6 months after the first review on 12 Jun 2026")


def test_F2_v3_breaks_are_one_arrangement_not_leaving_care() -> None:
    breaks = [
        episode(D(2026, 1, 9), ls="V3", dec=D(2026, 1, 11), rec="E8"),
        episode(D(2026, 2, 6), ls="V3", dec=D(2026, 2, 8), rec="E8"),
        episode(D(2026, 3, 6), ls="V3", dec=D(2026, 3, 8), rec="E8"),
    ]
    s = sched(breaks, today=D(2026, 3, 20))
    assert s.why_none_due == ""
    assert s.next_regime is Regime.SHORT_BREAKS
    assert s.next_number == 1
    assert s.period_start == D(2026, 1, 9)
    assert s.next_due.due == D(2026, 4, 9)


def test_short_breaks_v4_single_episode() -> None:
    s = sched([episode(D(2026, 1, 9), ls="V4")])
    assert s.next_regime is Regime.SHORT_BREAKS and s.next_due.due == D(2026, 4, 9)


def test_short_breaks_ended_by_the_iro_means_no_review_due() -> None:
    breaks = [episode(D(2026, 1, 9), ls="V3", dec=D(2026, 1, 11), rec="E8")]
    child = make_child(dob=D(2015, 6, 1), short_breaks_ended_on=D(2026, 3, 1))
    s = sched(breaks, child=child)
    assert s.next_due is None
    assert s.why_none_due == "short breaks ended on 1 Mar 2026"
    # A break after the arrangement ended opens a new arrangement.
    later = [*breaks, episode(D(2026, 9, 4), ls="V3", dec=D(2026, 9, 6), rec="E8")]
    s = sched(later, child=child)
    assert s.period_start == D(2026, 9, 4)
    assert s.next_due.due == D(2026, 12, 4)


def test_becoming_looked_after_after_short_breaks_starts_a_new_period() -> None:
    s = sched(
        [
            episode(D(2025, 6, 6), ls="V3", dec=D(2025, 6, 8), rec="E8"),
            episode(D(2026, 3, 2), rne="S", ls="C2"),
        ],
        [held_review(D(2025, 9, 1))],
    )
    assert s.next_regime is Regime.LOOKED_AFTER
    assert s.next_number == 1
    assert s.period_start == D(2026, 3, 2)
    assert s.last_review is None
    assert s.reviews[0].regime is Regime.SHORT_BREAKS


# ---------------------------------------------------------------- adoption G, G2


def test_G_placed_for_adoption_28_days_then_3_then_6_months() -> None:
    assert first_review_due_adoption(D(2026, 3, 2)) == D(2026, 3, 30)
    assert second_review_due_adoption(D(2026, 3, 30)) == D(2026, 6, 30)
    episodes = [
        episode(D(2025, 6, 2), ls="E1", dec=D(2026, 3, 2), rec="X1"),
        episode(D(2026, 3, 2), rne="P", ls="E1", place="A4"),
    ]
    s = sched(episodes)
    assert s.next_regime is Regime.ADOPTION
    assert s.next_number == 1
    assert s.period_start == D(2026, 3, 2)
    assert s.next_due.due == D(2026, 3, 30)
    assert s.next_due.explanation == "28 days after placement for adoption on 2 Mar 2026"
    s = sched(episodes, [held_review(D(2026, 3, 30))])
    assert s.next_due.due == D(2026, 6, 30)
    assert s.next_number == 2
    s = sched(episodes, [held_review(D(2026, 3, 30)), held_review(D(2026, 6, 30))])
    assert s.next_due.due == D(2026, 12, 30)
    assert [r.regime for r in s.reviews] == [Regime.ADOPTION, Regime.ADOPTION]
    assert all(r.in_time for r in s.reviews)


def test_G2_adoption_placement_replaces_the_looked_after_second_review() -> None:
    looked_after = [episode(D(2026, 1, 5), dec=D(2026, 3, 16), rec="X1")]
    reviews = [held_review(D(2026, 2, 2))]
    before = sched(looked_after[:1], reviews)
    assert before.next_due.due == D(2026, 5, 2)  # Sat 2 May, the looked-after second review
    s = sched([*looked_after, episode(D(2026, 3, 16), rne="P", place="A4")], reviews)
    assert s.next_regime is Regime.ADOPTION
    assert s.next_number == 1
    assert s.next_due.due == D(2026, 4, 13)
    assert s.period_start == D(2026, 3, 16)
    assert s.last_review is None
    assert s.reviews[0].regime is Regime.LOOKED_AFTER


def test_moving_between_adoption_placements_is_not_a_restart() -> None:
    s = sched(
        [
            episode(D(2026, 1, 5), dec=D(2026, 3, 16), rec="X1"),
            episode(D(2026, 3, 16), rne="P", place="A4", dec=D(2026, 5, 1), rec="X1"),
            episode(D(2026, 5, 1), rne="P", place="A5"),
        ],
        [held_review(D(2026, 4, 10))],
    )
    assert s.next_regime is Regime.ADOPTION
    assert s.next_number == 2
    assert s.next_due.due == D(2026, 7, 10)


def test_leaving_the_adoptive_placement_continues_six_monthly_as_looked_after() -> None:
    s = sched(
        [
            episode(D(2026, 1, 5), dec=D(2026, 3, 16), rec="X1"),
            episode(D(2026, 3, 16), rne="P", place="A4", dec=D(2026, 5, 1), rec="X1"),
            episode(D(2026, 5, 1), rne="P", place="U1"),
        ],
        [held_review(D(2026, 2, 2)), held_review(D(2026, 4, 10))],
    )
    assert s.next_regime is Regime.LOOKED_AFTER
    assert s.next_due.due == D(2026, 10, 10)
    assert s.last_review is not None and s.last_review.held == D(2026, 4, 10)
    assert "no longer placed for adoption" in s.next_due.explanation


def test_placement_order_review_within_three_months_when_earlier() -> None:
    assert review_due_placement_order(D(2026, 3, 10)) == D(2026, 6, 10)
    episodes = [
        episode(D(2025, 6, 2), dec=D(2026, 3, 10), rec="X1"),
        episode(D(2026, 3, 10), rne="L", ls="E1"),
    ]
    reviews = [held_review(D(2025, 6, 30)), held_review(D(2025, 9, 30)), held_review(D(2026, 2, 1))]
    s = sched(episodes, reviews)
    assert s.next_due.due == D(2026, 6, 10)  # not 1 Aug 2026
    assert s.next_due.explanation.startswith(
        "3 months after the authority to place for adoption on 10 Mar 2026"
    )
    # Once a review is held after authorisation, the ordinary 6 months apply.
    s = sched(episodes, [*reviews, held_review(D(2026, 6, 1))])
    assert s.next_due.due == D(2026, 12, 1)
    assert s.reviews[-1].due.due == D(2026, 6, 10)


# ---------------------------------------------------------------- H: in time or late


@pytest.mark.parametrize(("held", "in_time"), [(D(2026, 4, 21), True), (D(2026, 4, 22), False)])
def test_H_held_on_the_due_date_is_in_time_the_day_after_late(held: date, in_time: bool) -> None:
    s = sched([episode(D(2025, 12, 19))], [held_review(D(2026, 1, 21)), held_review(held)])
    second = s.reviews[1]
    assert second.due.due == D(2026, 4, 21)
    assert second.in_time is in_time
    assert s.next_due.due == add_months(held, 6)


def test_weekend_due_date_is_not_moved_for_in_time() -> None:
    # Due Sat 28 Feb 2026 (hold by Fri 27): a review on the Saturday is still in time.
    s = sched(
        [episode(D(2025, 5, 1))],
        [held_review(D(2025, 5, 29)), held_review(D(2025, 8, 31)), held_review(D(2026, 2, 28))],
    )
    assert s.reviews[2].due.due == D(2026, 2, 28)
    assert s.reviews[2].in_time


def test_an_early_review_moves_the_next_due_date_forward() -> None:
    s = sched(
        [episode(D(2025, 12, 19))],
        [held_review(D(2026, 1, 21)), held_review(D(2026, 3, 2))],
    )
    assert s.reviews[1].number == 2 and s.reviews[1].in_time
    assert s.next_due.due == D(2026, 9, 2)


# ---------------------------------------------------------------- periods of care


def test_a_new_period_of_care_restarts_the_schedule() -> None:
    s = sched(
        [
            episode(D(2025, 1, 6), dec=D(2025, 6, 1), rec="E8"),
            episode(D(2025, 9, 1), rne="S"),
        ],
        [held_review(D(2025, 2, 3)), held_review(D(2025, 5, 1)), held_review(D(2025, 9, 26))],
    )
    assert s.period_start == D(2025, 9, 1)
    assert [r.number for r in s.reviews] == [1, 2, 1]
    assert s.reviews[2].due.due == D(2025, 9, 29)
    assert s.next_number == 2
    assert s.next_due.due == D(2025, 12, 26)  # 3 months after the new first review


def test_an_episode_after_leaving_care_starts_a_new_period_whatever_its_rne() -> None:
    s = sched(
        [
            episode(D(2025, 1, 6), dec=D(2025, 6, 1), rec="E4A"),
            episode(D(2025, 9, 1), rne="P"),
        ],
        [held_review(D(2025, 2, 3))],
    )
    assert s.period_start == D(2025, 9, 1)
    assert s.next_number == 1


@pytest.mark.parametrize("rne", ["P", "L", "T", "U", "B"])
def test_a_change_of_placement_or_legal_status_does_not_restart(rne: str) -> None:
    s = sched(
        [
            episode(D(2025, 12, 19), dec=D(2026, 2, 10), rec="X1"),
            episode(D(2026, 2, 10), rne=rne, ls="C2", place="U3"),
        ],
        [held_review(D(2026, 1, 21))],
    )
    assert s.period_start == D(2025, 12, 19)
    assert s.next_number == 2
    assert s.next_due.due == D(2026, 4, 21)


def test_left_care_means_no_review_due() -> None:
    s = sched(
        [episode(D(2025, 12, 19), dec=D(2026, 3, 3), rec="E13")],
        [held_review(D(2026, 1, 21))],
    )
    assert s.next_due is None and s.next_regime is None and s.next_number is None
    assert s.why_none_due == "left care on 3 Mar 2026"
    assert s.period_start == D(2025, 12, 19)
    assert s.last_review is not None and s.last_review.held == D(2026, 1, 21)
    assert len(s.reviews) == 1


def test_episode_ending_x1_is_not_leaving_care() -> None:
    s = sched([episode(D(2025, 12, 19), dec=D(2026, 3, 3), rec="X1")])
    assert s.next_due is not None


def test_turned_18_means_no_review_due() -> None:
    child = make_child(dob=D(2008, 1, 10))
    s = sched([episode(D(2025, 6, 2))], [held_review(D(2025, 6, 30))], child=child)
    assert s.next_due.due == D(2025, 9, 30)  # without today: due before the birthday
    s = sched(
        [episode(D(2025, 6, 2))], [held_review(D(2025, 6, 30))], child=child, today=D(2026, 1, 10)
    )
    assert s.next_due is None
    assert s.why_none_due == "turned 18 on 10 Jan 2026"
    s = sched(
        [episode(D(2025, 6, 2))], [held_review(D(2025, 6, 30))], child=child, today=D(2026, 1, 9)
    )
    assert s.next_due is not None


def test_no_review_due_on_or_after_the_18th_birthday() -> None:
    child = make_child(dob=D(2008, 3, 1))
    s = sched(
        [episode(D(2025, 6, 2))],
        [held_review(D(2025, 6, 30)), held_review(D(2025, 9, 1))],
        child=child,
        today=D(2025, 10, 1),
    )
    assert s.next_due is None  # would be 1 Mar 2026, the 18th birthday
    assert s.why_none_due.startswith("turns 18 on 1 Mar 2026")


def test_no_episodes_means_nothing_can_be_scheduled() -> None:
    s = sched([], [held_review(D(2026, 1, 21))])
    assert s.next_due is None and s.reviews == () and s.period_start is None
    assert s.why_none_due == "no care episode recorded"


def test_review_before_the_first_episode_is_judged_in_the_earliest_period() -> None:
    s = sched([episode(D(2026, 1, 5))], [held_review(D(2025, 12, 1)), held_review(D(2026, 2, 2))])
    assert [r.number for r in s.reviews] == [1, 2]
    assert s.reviews[0].in_time
    assert s.reviews[1].due.due == D(2026, 3, 1)


def test_archived_and_unheld_records_are_ignored() -> None:
    s = sched(
        [
            episode(D(2025, 12, 19)),
            episode(D(2026, 5, 1), rne="S", archived_on=D(2026, 5, 2)),
        ],
        [
            held_review(D(2026, 1, 21)),
            held_review(D(2026, 2, 1), archived_on=D(2026, 2, 2)),
            booked_review(D(2026, 4, 20)),
        ],
    )
    assert len(s.reviews) == 1
    assert s.period_start == D(2025, 12, 19)
    assert s.next_due.due == D(2026, 4, 21)


def test_order_of_entry_does_not_matter() -> None:
    episodes = [
        episode(D(2025, 1, 6), dec=D(2025, 3, 1), rec="X1"),
        episode(D(2025, 3, 1), rne="P", dec=D(2025, 6, 1), rec="E8"),
        episode(D(2025, 9, 1), rne="S"),
    ]
    reviews = [
        held_review(D(2025, 2, 3), id=1),
        held_review(D(2025, 5, 1), id=2),
        held_review(D(2025, 9, 26), id=3),
    ]
    forward = sched(episodes, reviews)
    backward = sched(episodes[::-1], reviews[::-1])
    assert forward == backward


# ---------------------------------------------------------------- parts and local practice


def test_review_in_two_parts_judged_by_the_first_part_by_default() -> None:
    episodes = [episode(D(2025, 12, 19))]
    reviews = [held_review(D(2026, 1, 21)), held_review(D(2026, 4, 20), D(2026, 5, 6))]
    s = sched(episodes, reviews)
    second = s.reviews[1]
    assert second.held == D(2026, 4, 20)
    assert second.parts == (D(2026, 4, 20), D(2026, 5, 6))
    assert second.in_time
    assert second.parts_after_due == (D(2026, 5, 6),)
    assert s.next_due.due == D(2026, 10, 20)


def test_review_in_two_parts_judged_by_the_final_part_with_the_setting() -> None:
    settings = replace(SETTINGS, judge_review_by_final_part=True)
    episodes = [episode(D(2025, 12, 19))]
    reviews = [held_review(D(2026, 1, 21)), held_review(D(2026, 5, 6), D(2026, 4, 20))]
    s = sched(episodes, reviews, settings=settings)
    second = s.reviews[1]
    assert second.held == D(2026, 5, 6)
    assert not second.in_time
    assert second.parts_after_due == (D(2026, 5, 6),)
    assert s.next_due.due == D(2026, 11, 6)


def test_local_under5_interval_gives_a_local_due_date_only() -> None:
    settings = replace(SETTINGS, local_under5_interval_months=3)
    child = make_child(dob=D(2023, 5, 1))
    episodes = [episode(D(2025, 12, 19))]
    reviews = [held_review(D(2026, 1, 21)), held_review(D(2026, 4, 21)), held_review(D(2026, 9, 1))]
    s = sched(episodes, reviews, child=child, settings=settings)
    first, second, third = s.reviews
    assert first.local_due is None  # no previous review
    assert second.local_due is None  # 3 months: not earlier than the statutory due
    assert third.local_due == D(2026, 7, 21)
    assert third.due.due == D(2026, 10, 21)
    assert third.in_time  # local practice never makes a review late
    assert s.local_due == D(2026, 12, 1)
    assert s.next_due.due == D(2027, 3, 1)
    # Off by default
    assert sched(episodes, reviews, child=child).local_due is None


def test_local_under5_interval_stops_at_five() -> None:
    settings = replace(SETTINGS, local_under5_interval_months=3)
    child = make_child(dob=D(2021, 5, 1))  # 5 on 1 May 2026
    s = sched(
        [episode(D(2025, 12, 19))],
        [held_review(D(2026, 1, 21)), held_review(D(2026, 4, 21)), held_review(D(2026, 5, 1))],
        child=child,
        settings=settings,
    )
    assert s.reviews[2].local_due == D(2026, 7, 21)
    assert s.local_due is None  # the last review was on the 5th birthday


# ---------------------------------------------------------------- Wales and holidays


def test_wales_uses_the_same_timings_and_bank_holidays() -> None:
    settings = Settings(region=Region.WALES)
    assert calendar_for(settings).region is Region.WALES
    s = sched([episode(D(2025, 12, 19))], settings=settings)
    assert s.next_due.due == D(2026, 1, 21)
    s = sched([episode(D(2026, 12, 18))], settings=settings)
    assert s.next_due.due == D(2027, 1, 20)


def test_extra_proclaimed_holiday_moves_the_first_review() -> None:
    settings = Settings(extra_bank_holidays=(D(2026, 6, 15),))
    s = sched([episode(D(2026, 6, 1))], settings=settings)
    assert s.next_due.due == D(2026, 6, 30)
    assert (
        s.next_due.explanation == "20 working days after 1 Jun 2026, skipping bank holiday 15 Jun"
    )


# ---------------------------------------------------------------- helpers


def test_date_helpers() -> None:
    assert format_date(D(2026, 1, 1)) == "1 Jan 2026"
    assert format_day_date(D(2026, 2, 27)) == "Fri 27 Feb 2026"
    assert add_months(D(2025, 8, 31), 6) == D(2026, 2, 28)
    assert add_months(D(2025, 12, 31), 2) == D(2026, 2, 28)
    assert add_months(D(2025, 1, 31), -2) == D(2024, 11, 30)
    assert birthday(D(2008, 2, 29), 18) == D(2026, 3, 1)
    assert birthday(D(2008, 2, 29), 20) == D(2028, 2, 29)
    assert age_on(D(2008, 1, 10), D(2026, 1, 9)) == 17
    assert age_on(D(2008, 1, 10), D(2026, 1, 10)) == 18
