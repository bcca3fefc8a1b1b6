"""Properties of the schedule that must hold for any dates, not only the worked examples."""

from datetime import date, timedelta

from builders import episode, held_review, make_child, make_record
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from iro_desktop.domain.schedule import (
    add_months,
    first_review_due_looked_after,
    schedule_for,
    second_review_due_looked_after,
    subsequent_review_due,
)
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import WorkingDayCalendar, calendar_for

CAL = WorkingDayCalendar()
SETTINGS = Settings()
PROPERTY = settings(deadline=None, max_examples=150)

dates_2020s = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@PROPERTY
@given(start=dates_2020s)
def test_first_review_is_exactly_20_working_days_after_the_start(start: date) -> None:
    due = first_review_due_looked_after(start, CAL)
    assert CAL.is_working_day(due)
    assert CAL.working_days_between(start, due) == 20
    # and the day before the due date is still short of 20
    assert CAL.working_days_between(start, due - timedelta(days=1)) == 19


@PROPERTY
@given(start=dates_2020s, late=st.booleans())
def test_a_review_on_its_due_date_is_in_time_the_day_after_is_not(start: date, late: bool) -> None:
    due = first_review_due_looked_after(start, CAL)
    held = due + timedelta(days=1) if late else due
    record = make_record(make_child(dob=date(2015, 1, 1)), [episode(start)], [held_review(held)])
    (review,) = schedule_for(record, SETTINGS, CAL).reviews
    assert review.due.due == due
    assert review.in_time is not late


@st.composite
def histories(draw: st.DrawFn) -> tuple[list, list]:
    """A child's episodes (periods, placement moves, adoption, short breaks) and reviews."""
    day = draw(st.dates(min_value=date(2020, 1, 1), max_value=date(2024, 12, 31)))
    episodes = []
    for _ in range(draw(st.integers(1, 5))):
        length = draw(st.integers(0, 400))
        kind = draw(st.sampled_from(["move", "leave", "adopt", "break", "order"]))
        ls = {"break": "V3", "order": "E1"}.get(kind, "C2")
        place = "A4" if kind == "adopt" else draw(st.sampled_from(["U1", "U3", "K2"]))
        rne = "S" if not episodes or kind in ("leave", "break") else draw(st.sampled_from("PLTUB"))
        end = day + timedelta(days=length)
        rec = "E8" if kind in ("leave", "break") else "X1"
        episodes.append(episode(day, rne=rne, ls=ls, place=place, dec=end, rec=rec))
        day = end + timedelta(days=draw(st.integers(0, 60)) if rec != "X1" else 0)
    first = episodes[0].decom
    review_days = draw(st.lists(st.integers(-30, (day - first).days + 30), min_size=0, max_size=8))
    reviews = [
        held_review(first + timedelta(days=n), id=i) for i, n in enumerate(sorted(review_days))
    ]
    return episodes, reviews


@PROPERTY
@given(history=histories(), data=st.data())
def test_due_dates_do_not_depend_on_the_order_of_entry(history, data: st.DataObject) -> None:
    episodes, reviews = history
    child = make_child(dob=date(2012, 3, 4))
    today = date(2026, 1, 1)
    expected = schedule_for(make_record(child, episodes, reviews), SETTINGS, CAL, today)
    shuffled_episodes = data.draw(st.permutations(episodes))
    shuffled_reviews = data.draw(st.permutations(reviews))
    record = make_record(child, shuffled_episodes, shuffled_reviews)
    assert schedule_for(record, SETTINGS, calendar_for(SETTINGS), today) == expected


@PROPERTY
@given(prev=dates_2020s, months=st.sampled_from([3, 6]))
def test_month_arithmetic_is_the_corresponding_date_rule(prev: date, months: int) -> None:
    rule = subsequent_review_due if months == 6 else second_review_due_looked_after
    due = rule(prev)
    assert due == prev + relativedelta(months=months)
    assert due - prev <= timedelta(days=184)
    assert due <= prev + relativedelta(months=6)
    last_day = (due.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    assert due.day == prev.day or (due.day < prev.day and due == last_day)


@PROPERTY
@given(d=st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), n=st.integers(-60, 60))
def test_add_months_keeps_the_day_or_takes_the_months_last_day(d: date, n: int) -> None:
    moved = add_months(d, n)
    assert (moved.year * 12 + moved.month) - (d.year * 12 + d.month) == n
    next_month_start = (moved.replace(day=28) + timedelta(days=4)).replace(day=1)
    last_day = (next_month_start - timedelta(days=1)).day
    assert moved.day == d.day or (moved.day == last_day and d.day > last_day)
