"""The bulk writer's shortcuts write the very text the plain way writes: an insert entry's JSON
is ``json.dumps(values, ensure_ascii=False)`` of the row's non-blank values, and its stamp is
``now_stamp()`` of the moment (the history a court may be shown does not depend on which
writer made it)."""

from __future__ import annotations

import json
import time

from hypothesis import given
from hypothesis import strategies as st

from iro_desktop.storage import history
from iro_desktop.storage.entry_json import insert_json

_VALUES = (
    st.none() | st.text() | st.integers() | st.floats() | st.booleans() | st.just("")
)
_ROWS = st.dictionaries(st.text(min_size=1), _VALUES, max_size=12)


@given(_ROWS)
def test_an_insert_entry_s_json_is_what_json_dumps_writes(row):
    expected = json.dumps(
        {k: v for k, v in row.items() if v not in (None, "")}, ensure_ascii=False
    )
    assert insert_json(row) == expected


def test_welsh_quotes_and_controls_are_written_as_json_dumps_writes_them():
    row = {"first_name": "Siân", "note": 'said "no"\n\ttab\u202e', "n": 3, "blank": "", "x": None}
    assert insert_json(row) == json.dumps(
        {"first_name": "Siân", "note": 'said "no"\n\ttab\u202e', "n": 3}, ensure_ascii=False
    )


def test_a_batch_stamps_rows_with_the_stamp_of_the_second_it_writes_them_in(store):
    for attempt in range(5):  # retried when the clock ticks over a second between the two reads
        before = history.now_stamp()
        with history.batch(store, history.SOURCE_IMPORT) as writer:
            row_id = writer.insert(
                "children", {"child_ref": f"B{attempt}", "first_name": "Ana", "dob": "2014-01-02"}
            )
        after = history.now_stamp()
        if before == after:
            break
        time.sleep(0.01)
    (entry,) = history.history(store, "children", row_id)
    assert (entry["changed_at"], json.loads(entry["new"])["created_at"]) == (before, before)
