"""The demo caseload: about 70 believable children, the same every time for the same day."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from iro_desktop.demo.caseload import DEMO_SEED, DEMO_SETTINGS, write_demo_caseload
from iro_desktop.domain.model import Regime, ReviewStatus
from iro_desktop.domain.schedule import age_on
from iro_desktop.domain.tasks import TaskGroup, group_for
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.exchange.ssda903.spec import CODE_LISTS
from iro_desktop.services.caseload import caseload, due_list
from iro_desktop.storage.database import Store
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.records import load_child_records
from iro_desktop.storage.settings_store import load_settings
from tests.raw import raw_db

TODAY = date(2026, 11, 23)
TABLES = (
    "children",
    "people",
    "episodes",
    "reviews",
    "review_parts",
    "decisions",
    "pre_review_meetings",
    "contacts",
    "midpoint_checks",
    "challenges",
    "challenge_stages",
    "child_wordings",
    "settings",
)
ENGLISH_WORDS = ("I ", " the ", " and ")


def _demo_store(folder: Path, today: date = TODAY) -> tuple[Store, int]:
    store = open_store(folder / "d.db", "pw", create=True)
    return store, write_demo_caseload(store, today)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store, count = _demo_store(tmp_path_factory.mktemp("demo"))
    yield store, count
    store.close()


@pytest.fixture(scope="module")
def records(demo):
    return load_child_records(demo[0], include_archived=True)


@pytest.fixture(scope="module")
def overviews(demo):
    return caseload(demo[0], TODAY, include_archived=True)


def _rows(store: Store, table: str) -> list[dict]:
    return [
        {k: v for k, v in row.items() if k not in ("created_at", "updated_at")}
        for row in raw_db(store).query(f"SELECT * FROM {table} ORDER BY 1")
    ]


def _band(age: int) -> str:
    return "0-4" if age <= 4 else "5-9" if age <= 9 else "10-15" if age <= 15 else "16+"


def test_about_seventy_children_in_the_seeds_age_mix(demo, records):
    store, count = demo
    assert 65 <= count <= 75
    assert count == raw_db(store)["children"].count == len(records)
    bands = Counter(_band(age_on(r.child.dob, TODAY)) for r in records)
    assert 8 <= bands["0-4"] <= 13
    assert 11 <= bands["5-9"] <= 17
    assert 24 <= bands["10-15"] <= 32
    assert 14 <= bands["16+"] <= 21
    assert all(r.child.child_ref.startswith("DB") and len(r.child.child_ref) == 8 for r in records)
    assert len({r.child.child_ref for r in records}) == count


def test_same_seed_and_day_give_identical_rows(demo, tmp_path):
    again, count = _demo_store(tmp_path)
    try:
        assert count == demo[1]
        for table in TABLES:
            assert _rows(again, table) == _rows(demo[0], table), table
    finally:
        again.close()


def test_another_seed_gives_another_caseload(tmp_path, demo):
    store = open_store(tmp_path / "other.db", "pw", create=True)
    try:
        write_demo_caseload(store, TODAY, seed=DEMO_SEED + 1)
        assert _rows(store, "children") != _rows(demo[0], "children")
    finally:
        store.close()


def test_every_row_is_recorded_as_written_by_the_demo(demo):
    rows = raw_db(demo[0]).query("SELECT DISTINCT source FROM change_log")
    sources = {row["source"] for row in rows}
    assert sources == {"demo"}


def test_demo_settings_are_a_fictional_council(demo):
    settings = load_settings(demo[0])
    assert settings.council_name == "Demo Borough Council"
    assert settings.iro_name == "Alex Morgan"
    assert settings.iro_email.endswith("example.org")
    assert settings.council_postcodes


def test_episodes_use_real_903_codes(records):
    for record in records:
        for e in record.episodes:
            assert e.rne in CODE_LISTS["RNE"]
            assert e.ls in CODE_LISTS["LS"]
            assert e.cin in CODE_LISTS["CIN"]
            assert e.place in CODE_LISTS["PLACE"]
            assert e.place_provider in CODE_LISTS["PLACE_PROVIDER"]
            assert e.rec == "" or e.rec in CODE_LISTS["REC"]
            assert (e.dec is None) == (e.rec == "")
            assert (
                e.reason_place_change == ""
                or e.reason_place_change in CODE_LISTS["REASON_PLACE_CHANGE"]
            )
            assert e.decom <= TODAY and e.pl_post and e.home_post
        first = min(record.episodes, key=lambda e: e.decom)
        assert first.rne == "S" and first.decom > record.child.dob


def test_most_children_are_placed_out_of_area(demo, records):
    own = load_settings(demo[0]).council_postcodes
    current = [max(r.episodes, key=lambda e: e.decom) for r in records]
    out = [e for e in current if e.pl_post.split()[0] not in own]
    assert len(out) > len(current) / 2


def test_a_child_new_this_week_has_a_first_review_within_20_working_days(overviews):
    calendar = calendar_for(DEMO_SETTINGS)
    new = [o for o in overviews if 0 <= (TODAY - min(e.decom for e in o.record.episodes)).days <= 6]
    assert new
    for o in new:
        start = min(e.decom for e in o.record.episodes)
        assert o.schedule.next_number == 1
        assert o.schedule.next_due.due == calendar.add_working_days(start, 20)[0]
        assert o.schedule.next_due.due >= TODAY


def test_children_at_every_point_of_the_cycle(overviews):
    active = [o for o in overviews if o.record.child.archived_on is None and o.schedule.next_due]
    overdue = [o for o in active if o.schedule.next_due.due < TODAY]
    assert 3 <= len(overdue) <= 5
    numbers = Counter(min(o.schedule.next_number, 3) for o in active)
    assert numbers[1] >= 3 and numbers[2] >= 2 and numbers[3] >= 30
    soon = [o for o in active if TODAY <= o.schedule.next_due.due <= TODAY + timedelta(days=28)]
    assert len(soon) >= 5
    booked = [o for o in active for r in o.record.reviews if r.status == ReviewStatus.BOOKED]
    assert all(r.booked_for >= TODAY for o in booked for r in o.record.reviews if not r.is_held)
    assert len(booked) >= 5


def test_reviews_follow_the_schedule_mostly_in_time_and_late_ones_say_why(overviews, records):
    judged = [(o, s) for o in overviews for s in o.schedule.reviews]
    assert len(judged) > 250
    in_time = sum(s.in_time for _, s in judged) / len(judged)
    assert 0.92 <= in_time <= 0.99
    reviews = {r.id: r for record in records for r in record.reviews}
    for _, s in judged:
        assert s.held < TODAY
        if not s.in_time:
            assert reviews[s.review_id].timing_reason
    assert any(len(s.parts) == 2 for _, s in judged)


def test_pn0_exactly_for_reviews_before_the_fourth_birthday(records):
    codes = Counter()
    for record in records:
        for review in record.reviews:
            if not review.is_held:
                assert review.review_code == ""
                continue
            under_four = age_on(record.child.dob, review.part_dates[0]) < 4
            assert (review.review_code == "PN0") == under_four
            codes[review.review_code] += 1
    over_four = sum(n for code, n in codes.items() if code != "PN0")
    assert codes["PN1"] / over_four > 0.6  # Table H: PN1 most, then PN6 and PN7
    assert codes["PN6"] > 0 and codes["PN7"] > 0
    assert codes["PN0"] > 0


def test_held_reviews_are_recorded_in_full(records):
    held = [(rec, r) for rec in records for r in rec.reviews if r.is_held]
    for _record, review in held:
        assert review.attendees and review.venue and review.views_how
        assert review.going_well and review.worries
    circulated = sum(r.decisions_circulated_on is not None for _, r in held)
    assert circulated / len(held) > 0.9
    assert any(r.decisions_circulated_on is None for _, r in held)
    assert any(r.letter_sent_on is None for _, r in held)
    decisions = [d for rec in records for d in rec.decisions]
    assert any(d.is_open and d.by_when < TODAY for d in decisions)
    assert any(d.status == "done" for d in decisions)
    assert all(d.who and d.by_when for d in decisions)


def test_meetings_contacts_midpoints_and_people(records):
    assert sum(len(r.pre_review_meetings) for r in records) > 150
    assert sum(len(r.contacts) for r in records) > 200
    assert sum(len(r.midpoint_checks) for r in records) > 150
    roles = Counter(p.role for r in records for p in r.people)
    assert roles["mother"] > 40 and roles["father"] > 25 and roles["carer"] > 30
    assert all(r.child.social_worker and r.child.social_worker_team for r in records)


def test_welsh_speaking_children_have_their_words_in_welsh(records):
    welsh = [r for r in records if r.child.language == "cy"]
    assert len(welsh) >= 3
    for record in welsh:
        assert {p.language for p in record.people} == {"cy"} or any(
            p.language == "cy" for p in record.people
        )
        current = max(record.episodes, key=lambda e: e.decom)
        assert current.pl_post[:2] in ("LL", "SA", "SY", "CH", "CF", "NP", "LD")
        held = [r for r in record.reviews if r.is_held]
        assert held
        for review in held:
            assert review.text_language == "cy"
            assert "Mae" in review.going_well or "Dw i" in review.going_well
            for text in (review.going_well, review.worries, review.child_words):
                assert not any(word in text for word in ENGLISH_WORDS), text
        assert any("Dw i" in r.child_words for r in held)


def test_unaccompanied_young_people(records):
    uasc = [r for r in records if r.child.uasc]
    assert 8 <= len(uasc) <= 10
    for record in uasc:
        assert age_on(record.child.dob, TODAY) in (16, 17)
        assert {e.ls for e in record.episodes} <= {"V2", "C2"}
        assert record.child.interpreter_needed


def test_two_short_break_children(overviews):
    breaks = [o for o in overviews if o.schedule.next_regime is Regime.SHORT_BREAKS]
    assert len(breaks) == 2
    series = next(o for o in breaks if any(e.ls == "V3" for e in o.record.episodes))
    v3 = sorted(series.record.episodes, key=lambda e: e.decom)
    assert len(v3) >= 6 and all(e.rne == "S" and e.dec and e.ls == "V3" for e in v3)
    assert len({s.number for s in series.schedule.reviews}) == len(series.schedule.reviews)
    assert series.schedule.period_start == v3[0].decom  # one arrangement from the first break
    single = next(o for o in breaks if o is not series)
    assert [e.ls for e in single.record.episodes] == ["V4"]


def test_a_child_placed_for_adoption_restarts_with_28_days(overviews):
    adoption = [o for o in overviews if o.schedule.next_regime is Regime.ADOPTION]
    assert len(adoption) == 1
    record, schedule = adoption[0].record, adoption[0].schedule
    placed = max(record.episodes, key=lambda e: e.decom)
    assert placed.place == "A6" and placed.ls == "E1" and placed.rne == "P"
    assert schedule.next_number == 1
    assert schedule.next_due.due == placed.decom + timedelta(days=28)
    assert any(s.regime is Regime.LOOKED_AFTER for s in schedule.reviews)


def test_a_few_children_have_left_care(overviews):
    def left_care(o) -> bool:
        last = max(o.record.episodes, key=lambda e: e.decom)
        return bool(o.record.child.archived_on) or (last.left_care and not last.is_short_break)

    left = [o for o in overviews if left_care(o)]
    assert 2 <= len(left) <= 3
    assert all(o.schedule.next_due is None for o in left)


def test_open_and_resolved_challenges(records):
    challenges = [c for r in records for c in r.challenges]
    open_ = [c for c in challenges if c.is_open]
    assert 4 <= len(open_) <= 6
    assert len(challenges) > len(open_)
    assert any(c.current_stage.stage == 0 for c in open_)
    assert any(c.current_stage.stage >= 1 for c in open_)
    for challenge in challenges:
        assert challenge.theme
        assert all(s.raised_on <= TODAY for s in challenge.stages)


def test_the_due_list_has_tasks_in_every_group(demo):
    groups = Counter(group_for(t.due, TODAY) for t in due_list(demo[0], TODAY, 28))
    for group in (TaskGroup.OVERDUE, TaskGroup.THIS_WEEK, TaskGroup.NEXT_4_WEEKS):
        assert groups[group] > 0, group
    kinds = {t.task.value for t in due_list(demo[0], TODAY, 28)}
    assert {"review", "decisions", "letter", "midpoint", "decision"} <= kinds


@pytest.mark.parametrize("today", [date(2027, 1, 3), date(2026, 4, 3)])
def test_any_day_gives_a_working_demo(tmp_path, today):
    """A Sunday after New Year and Good Friday: still every group, still in the seeds' shape."""
    store, count = _demo_store(tmp_path, today)
    try:
        assert 65 <= count <= 75
        groups = Counter(group_for(t.due, today) for t in due_list(store, today, 28))
        assert all(
            groups[g] > 0 for g in (TaskGroup.OVERDUE, TaskGroup.THIS_WEEK, TaskGroup.NEXT_4_WEEKS)
        )
        overviews = caseload(store, today)
        overdue = [o for o in overviews if o.schedule.next_due and o.schedule.next_due.due < today]
        assert 3 <= len(overdue) <= 5
        assert {o.schedule.next_regime for o in overviews} >= {
            Regime.LOOKED_AFTER,
            Regime.SHORT_BREAKS,
            Regime.ADOPTION,
        }
    finally:
        store.close()


# -- the child-facing layer (issue 13) -------------------------------------------------------------
def _latest(record):
    held = [r for r in record.reviews if r.is_held and r.archived_on is None]
    return max(held, key=lambda r: r.part_dates[0], default=None)


def _current(records):
    return [(r, _latest(r)) for r in records if r.child.archived_on is None and _latest(r)]


def test_every_held_review_has_a_type_of_plan_and_a_pn7_review_a_next_visit(records):
    from iro_desktop.domain.model import PlanType

    held = [rv for r in records for rv in r.reviews if rv.is_held]
    assert all(rv.plan_type != PlanType.NOT_RECORDED and rv.plan_reasons for rv in held)
    assert {rv.plan_type for rv in held} >= set(PlanType) - {PlanType.NOT_RECORDED}
    pn7 = [rv for rv in held if rv.review_code == "PN7"]
    assert pn7 and all(rv.next_contact_on and rv.next_contact_on > rv.part_dates[0] for rv in pn7)
    assert any(rv.next_contact_on > TODAY for rv in pn7)  # a visit still to come


def test_most_items_are_written_for_the_child_and_a_few_deliberately_not(records):
    from iro_desktop.domain.wording import review_items

    items = [(r, i) for r, rv in _current(records) for i in review_items(r, rv)]
    written = [i for _, i in items if i.written]
    assert len(written) / len(items) > 0.9
    assert 3 <= sum(1 for _, i in items if i.wording is None) <= 12  # warnings to show
    assert 3 <= sum(1 for _, i in items if i.suggested) <= 12  # "use suggested wording"
    for record, item in items:
        if not item.wording:
            continue
        text = " ".join((item.wording.text_en, item.wording.reply_en, item.wording.text_cy))
        assert item.professional not in text or not item.professional
        assert "young person" not in text and "the IRO" not in text, text
        assert record.child.known_as not in text, text
        assert "{" not in text, text  # every name the child uses is filled in


def test_texts_fit_the_childs_age_gender_and_plan(records):
    every = [(r, rv) for r in records for rv in r.reviews if rv.is_held]
    for record, review in every:
        age = age_on(record.child.dob, review.part_dates[0])
        said = " ".join((review.going_well, review.worries)).lower()
        decided = " ".join(d.what for d in record.decisions if d.review_id == review.id)
        if age < 16:
            assert "job" not in said, said
            assert "personal adviser" not in decided.lower(), decided
    adoption = [r for r in records if any(e.place in ("A3", "A4", "A5", "A6") for e in r.episodes)]
    assert adoption
    for record in adoption:
        review = _latest(record)
        texts = [review.going_well, review.worries] + [
            d.what for d in record.decisions if d.review_id == review.id
        ]
        assert not any("Mum" in t for t in texts), texts  # no more time with birth mum
        assert review.plan_type == "adoption"


def test_welsh_children_have_welsh_wording_and_correct_mutations(records):
    from iro_desktop.domain.wording import review_items

    welsh = [(r, rv) for r, rv in _current(records) if r.child.language == "cy"]
    assert len(welsh) == 3
    english_only = 0
    for record, review in welsh:
        for item in review_items(record, review):
            if item.wording:
                text = item.wording.text_cy or item.wording.reply_cy
                english_only += not text
                if text:
                    assert not any(word in f" {text} " for word in (" the ", " and ", " you ")), (
                        text
                    )
        for rv in record.reviews:
            joined = " ".join((rv.going_well, rv.worries, rv.child_words))
            if record.child.gender == "1":
                assert "ei brawd" not in joined and "ganddi" not in joined
            assert " a Taid" not in joined and "gyda Taid" not in joined  # a Thaid, gyda Thaid
    assert 1 <= english_only <= 3  # one decision written in English only: the letter warns
    nain = next(r for r, _ in welsh if any(p.called_by_child == "Nain" for p in r.people))
    assert any("Nain a Thaid" in e.placement_name for e in nain.episodes)
    assert nain.child.letter_format == "read_aloud"


def test_the_situations_a_letter_must_handle_are_in_the_demo(records, overviews):
    uasc = [r for r in records if r.child.uasc]
    assert all(r.child.first_language and r.child.interpreter_needed for r in uasc)
    assert any(age_on(r.child.dob, TODAY) == 16 for r in uasc)
    kin = {p.called_by_child for r in records for p in r.people if p.role == "carer"}
    assert {"Nain", "Mam-gu", "Grandma"} <= kin
    learning = [r for r in records if r.child.learning_need]
    assert [r.child.disability for r in learning] == ["Autism and a learning disability"]
    aided = [r for r in records if "eye-gaze" in r.child.communication_needs]
    assert aided and not aided[0].child.learning_need  # an aid alone is not a learning need
    last_before_18 = [
        o for o in overviews
        if o.schedule.next_due is None and o.schedule.looked_after_until
    ]  # fmt: skip
    assert last_before_18
    moved = [
        r for r, rv in _current(records)
        if any(e.decom > rv.part_dates[-1] and e.rne == "P" for e in r.episodes)
    ]  # fmt: skip
    assert moved
