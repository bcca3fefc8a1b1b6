"""Kept results always equal a full recompute: after any random sequence of edits (through the
storage door one row at a time, in bulk batches, or as raw SQL), settings changes and days
asked about (either side of 18th birthdays), the due list and every schedule read back from
the file are exactly what working everything out from the records again gives."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iro_desktop.domain.schedule import schedule_for
from iro_desktop.domain.settings import Settings, Timescales
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.services.caseload import ChildOverview, caseload, due_list, open_tasks
from iro_desktop.services.kept_results import fingerprint
from iro_desktop.services.session import open_demo_if_demo
from iro_desktop.storage import history
from iro_desktop.storage import kept_results as kept
from iro_desktop.storage.records import load_child_records
from iro_desktop.storage.settings_store import load_settings, save_settings
from tests.conftest import DEMO_DAY
from tests.raw import raw_db

DAYS = [DEMO_DAY + timedelta(days=n) for n in (-400, -30, 0, 1, 45, 200, 900, 2500)]


def _ids(store, table: str, where: str = "1") -> list[int]:
    return [r[0] for r in raw_db(store).execute(f"SELECT id FROM {table} WHERE {where}")]


def _pick(items: list[int], n: int) -> int | None:
    return items[n % len(items)] if items else None


def _day(n: int) -> str:
    return (DEMO_DAY + timedelta(days=n)).isoformat()


def _apply(store, edit: tuple[str, int, int]) -> None:
    kind, a, b = edit
    children = _ids(store, "children")
    cid = _pick(children, a)
    if kind == "hold_review":
        with store.atomic():
            rid = history.insert(
                store, "reviews", {"child_id": cid, "status": "held", "review_code": "PN1"}
            )
            history.insert(store, "review_parts", {"review_id": rid, "held_on": _day(b)})
    elif kind == "move_part":
        part = _pick(_ids(store, "review_parts"), a)
        history.update(store, "review_parts", part, {"held_on": _day(b)})
    elif kind == "archive_review":
        history.archive(store, "reviews", _pick(_ids(store, "reviews"), a), DEMO_DAY)
    elif kind == "book_review":
        history.insert(
            store, "reviews", {"child_id": cid, "status": "booked", "booked_for": _day(b)}
        )
    elif kind == "contact":
        history.insert(store, "contacts", {"child_id": cid, "on": _day(b), "kind": "visit"})
    elif kind == "archive_contact":
        history.archive(store, "contacts", _pick(_ids(store, "contacts"), a), DEMO_DAY)
    elif kind == "decision":
        history.insert(store, "decisions", {"child_id": cid, "what": f"Do {b}", "by_when": _day(b)})
    elif kind == "decision_done":
        decision = _pick(_ids(store, "decisions", "status = 'open'"), a)
        if decision is not None:
            history.update(store, "decisions", decision, {"status": "done", "done_on": _day(b)})
    elif kind == "dob":  # moves the 18th birthday across the days asked about
        history.update(store, "children", cid, {"dob": _day(b - 18 * 365)})
    elif kind == "archive_child":
        history.archive(store, "children", cid, DEMO_DAY)
    elif kind == "restore_child":
        history.restore(store, "children", _pick(_ids(store, "children"), a))
    elif kind == "left_care":
        episode = _pick(_ids(store, "episodes", f"child_id = {cid}"), b)
        if episode is not None:
            history.update(store, "episodes", episode, {"dec": _day(b % 60), "rec": "E11"})
    elif kind == "new_episode" and not _ids(
        store, "episodes", f"child_id = {cid} AND decom = '{_day(b)}'"
    ):
        history.insert(
            store,
            "episodes",
            {"child_id": cid, "decom": _day(b), "rne": "S", "ls": "C2", "place": "U1"},
        )
    elif kind == "challenge":
        with store.atomic():
            gid = history.insert(store, "challenges", {"child_id": cid, "theme": "plan"})
            history.insert(
                store, "challenge_stages", {"challenge_id": gid, "stage": 0, "raised_on": _day(b)}
            )
    elif kind == "midpoint":
        history.insert(store, "midpoint_checks", {"child_id": cid, "done_on": _day(b)})
    elif kind == "meeting":
        history.insert(store, "pre_review_meetings", {"child_id": cid, "held_on": _day(b)})
    elif kind == "bulk":  # the imports' and the handover's path: Batch's executemany
        with history.batch(store, history.SOURCE_IMPORT) as writer:
            for k in range(3):
                writer.insert("contacts", {"child_id": _pick(children, a + k), "on": _day(b + k)})
            writer.update("children", cid, {"short_breaks_ended_on": _day(b)})
    elif kind == "raw":  # SQL typed at the file: the triggers still see it
        raw_db(store).execute(
            "UPDATE review_parts SET held_on = ? WHERE id = ?",
            [_day(b), _pick(_ids(store, "review_parts"), a)],
        )
    elif kind == "setting":
        current = load_settings(store)
        save_settings(
            store,
            Settings(
                region=current.region,
                timescales=Timescales(contact_every_weeks=4 + b % 12),
                judge_review_by_final_part=bool(a % 2),
                local_under5_interval_months=None if b % 3 else 3,
            ),
        )


def _recomputed(store, today: date):
    """Everything worked out from the records, as before any result was kept."""
    current = load_settings(store)
    calendar = calendar_for(current)
    records = load_child_records(store, for_rules_only=True)
    overviews = [ChildOverview(r, schedule_for(r, current, calendar, today)) for r in records]
    return overviews, open_tasks(overviews, current, today)


EDITS = st.tuples(
    st.sampled_from(
        [
            "hold_review",
            "move_part",
            "archive_review",
            "book_review",
            "contact",
            "archive_contact",
            "decision",
            "decision_done",
            "dob",
            "archive_child",
            "restore_child",
            "left_care",
            "new_episode",
            "challenge",
            "midpoint",
            "meeting",
            "bulk",
            "raw",
            "setting",
        ]
    ),
    st.integers(0, 10_000),
    st.integers(-900, 900),
)


@pytest.fixture(scope="module")
def kept_store(demo_module_file):
    store = open_demo_if_demo(demo_module_file)
    yield store
    store.close()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    edits=st.lists(EDITS, min_size=1, max_size=6),
    today=st.sampled_from(DAYS),
    window_first=st.booleans(),
)
def test_kept_results_equal_a_full_recompute(kept_store, edits, today, window_first):
    store = kept_store
    due_list(store, today)  # keep everything for this day first, so the edits make it stale
    for edit in edits:
        _apply(store, edit)
    store._cache.clear()
    overviews, tasks = _recomputed(store, today)
    window = [t for t in tasks if t.due <= today + timedelta(days=28)]
    # The stale children worked out (and kept), the rest read back.
    if window_first:
        assert due_list(store, today, within_days=28) == window
    else:
        assert due_list(store, today) == tasks
    # Now every result is kept and current: read back from the file alone.
    assert kept.stale_child_ids(store, fingerprint(load_settings(store)), today) == []
    store._cache.clear()
    assert due_list(store, today, within_days=28) == window
    store._cache.clear()
    assert due_list(store, today) == tasks
    assert due_list(store, today, within_days=28) == window  # filtered from the list in memory
    kept_caseload = caseload(store, today)
    assert [o.schedule for o in kept_caseload] == [o.schedule for o in overviews]
