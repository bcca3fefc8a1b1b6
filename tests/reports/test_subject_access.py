"""Subject-access export: everything held about one child, with its change history, as a
readable Word document; nothing about any other child."""

from __future__ import annotations

from datetime import date

import pytest
from docx import Document

from iro_desktop.errors import UserError
from iro_desktop.reports.subject_access import ChildNotFound, shown
from iro_desktop.services import safety
from iro_desktop.services.session import create_demo
from iro_desktop.storage import history
from iro_desktop.storage.database import DEMO_PASSPHRASE
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.purge import rows_of_children
from tests.raw import raw_db
from tests.safety.safety_helpers import add_child

TODAY = date(2026, 11, 23)


def _text(path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path, _ = create_demo(TODAY, tmp_path_factory.mktemp("sa") / "demo.iro.db")
    store = open_store(path, DEMO_PASSPHRASE, is_demo=True)
    yield store
    store.close()


def test_export_holds_every_record_and_the_history_of_one_child(demo, tmp_path):
    # The demo child with the most rows.
    busiest = max(
        raw_db(demo).execute("SELECT id, child_ref FROM children").fetchall(),
        key=lambda r: sum(len(v) for v in rows_of_children(demo, [r[0]]).values()),
    )
    child_id, ref = busiest
    child = raw_db(demo)["children"].get(child_id)
    out = tmp_path / "sar.docx"
    report = safety.subject_access_export(demo, ref, out, TODAY)
    text = _text(out)
    owned = rows_of_children(demo, [child_id])
    assert report.records == {t: len(ids) for t, ids in owned.items()}
    assert len(report.records) >= 6
    assert ref in text and child["first_name"] in text and child["last_name"] in text
    assert shown("dob", child["dob"]) in text  # "6 May 2014", not ISO
    for table, ids in owned.items():
        for row_id in ids:
            assert f"record {row_id}" in text or table == "children"
    history_rows = sum(
        raw_db(demo).execute(
            "SELECT count(*) FROM change_log WHERE table_name = ? AND row_id IN "
            "(SELECT value FROM json_each(?))",
            [t, str(sorted(ids))],
        ).fetchone()[0]
        for t, ids in owned.items()
    )
    assert report.history_entries == history_rows > 0
    assert "Change history" in text
    # Nobody else's name.
    others = raw_db(demo).execute(
        "SELECT first_name, last_name FROM children WHERE id != ?", [child_id]
    ).fetchall()
    leaked = [
        f"{first} {last}"
        for first, last in others
        if f"{first} {last}" in text
        and f"{first} {last}" != f"{child['first_name']} {child['last_name']}"
    ]
    assert not leaked


def test_archived_child_and_changes_are_shown(store, tmp_path):
    cid = add_child(store, ref="A000001", first="Marigold", communication_needs="Makaton")
    history.update(store, "children", cid, {"communication_needs": "BSL"})
    history.archive(store, "children", cid, date(2026, 1, 5))
    out = tmp_path / "a.docx"
    report = safety.subject_access_export(store, "A000001", out, TODAY)
    text = _text(out)
    assert report.history_entries == 3
    assert "Makaton" in text and "BSL" in text
    assert "Archived" in text and "5 January 2026" in text
    assert not list(tmp_path.glob("*.partial"))


def test_unknown_child_is_a_clear_error(store, tmp_path):
    with pytest.raises(ChildNotFound) as caught:
        safety.subject_access_export(store, "NOPE", tmp_path / "x.docx", TODAY)
    assert isinstance(caught.value, UserError)
    assert "NOPE" in str(caught.value)
    assert not (tmp_path / "x.docx").exists()
