"""Saving against the values a form opened with: only what was changed is written, and a
field changed elsewhere meanwhile is refused with both values, never silently reverted. Two
connections to one file stand for two windows or two copies of the app."""

from pathlib import Path

import pytest

from iro_desktop.storage import history
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.records import load_child_record

PASSPHRASE = "correct horse battery"
LOADED = {"first_name": "Amy", "last_name": "Lee", "social_worker": "Jo Bloggs"}


@pytest.fixture
def two(tmp_path: Path):
    path = tmp_path / "caseload.iro.db"
    first = open_store(path, PASSPHRASE, create=True)
    row_id = history.insert(
        first, "children", {"child_ref": "DB000001", "dob": "2012-03-04", **LOADED}
    )
    second = open_store(path, PASSPHRASE)
    yield first, second, row_id
    second.close()
    first.close()


def _value(store, row_id, field):
    record = load_child_record(store, "DB000001")
    assert record is not None and record.child.id == row_id
    return getattr(record.child, field)


def test_another_connection_s_change_to_another_field_survives(two):
    a, b, row_id = two
    history.update(b, "children", row_id, {"social_worker": "Sam Patel"})
    # A's form opened before B's save: it writes the whole entry back, changing only a name.
    written = history.update(
        a, "children", row_id, {**LOADED, "first_name": "Amelia"}, expected=LOADED
    )
    assert written == {"first_name": ("Amy", "Amelia")}
    assert _value(b, row_id, "social_worker") == "Sam Patel"
    assert _value(b, row_id, "first_name") == "Amelia"


def test_the_same_field_changed_elsewhere_is_refused_with_all_three_values(two):
    a, b, row_id = two
    history.update(b, "children", row_id, {"social_worker": "Sam Patel"})
    before = len(history.history(a, "children", row_id))
    with pytest.raises(history.ChangedSinceOpened) as refused:
        history.update(
            a,
            "children",
            row_id,
            {**LOADED, "first_name": "Amelia", "social_worker": "Kim Ode"},
            expected=LOADED,
        )
    assert refused.value.conflicts == {"social_worker": ("Jo Bloggs", "Sam Patel", "Kim Ode")}
    assert "Nothing was saved" in str(refused.value)
    # Nothing written, not even the field that was not in conflict.
    assert _value(b, row_id, "first_name") == "Amy"
    assert len(history.history(a, "children", row_id)) == before


def test_the_same_value_typed_in_both_places_is_no_conflict(two):
    a, b, row_id = two
    history.update(b, "children", row_id, {"social_worker": "Sam Patel"})
    assert (
        history.update(
            a, "children", row_id, {**LOADED, "social_worker": "Sam Patel"}, expected=LOADED
        )
        == {}
    )


def test_keep_mine_after_seeing_theirs_writes_mine(two):
    a, b, row_id = two
    history.update(b, "children", row_id, {"social_worker": "Sam Patel"})
    seen = {**LOADED, "social_worker": "Sam Patel"}  # the IRO saw theirs and chose mine
    history.update(a, "children", row_id, {**LOADED, "social_worker": "Kim Ode"}, expected=seen)
    assert _value(b, row_id, "social_worker") == "Kim Ode"
    assert [e["source"] for e in history.history(b, "children", row_id)] == ["app"] * 3


def test_without_expected_an_update_writes_what_it_is_given(two):
    a, b, row_id = two
    history.update(b, "children", row_id, {"social_worker": "Sam Patel"})
    history.update(a, "children", row_id, dict(LOADED))
    assert _value(b, row_id, "social_worker") == "Jo Bloggs"  # the old way: the whole row back
