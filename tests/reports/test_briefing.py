"""The visit briefing pack: one page for each child the IRO sees on a day."""

from datetime import date

import pytest
from docx import Document

from iro_desktop.services.letters import NothingOnThatDay, write_briefing
from tests.raw import raw_db

TODAY = date(2026, 11, 23)


def _texts(path):
    document = Document(str(path))
    out = [p.text for p in document.paragraphs]
    out += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return out


def test_briefing_pack_for_a_day(demo, tmp_path):
    day = next(
        r["booked_for"]
        for r in raw_db(demo).query(
            "SELECT booked_for FROM reviews WHERE status = 'booked' AND booked_for IS NOT NULL "
            "ORDER BY booked_for"
        )
    )
    day = date.fromisoformat(day)
    written = write_briefing(demo, day, tmp_path / "brief.docx", TODAY)
    texts = "\n".join(_texts(written.path))
    assert written.child_refs
    for ref in written.child_refs:
        assert ref in texts
    assert "Personal data" in texts and "What to check" in texts
    assert "{{" not in texts and "None" not in texts
    with pytest.raises(NothingOnThatDay):
        write_briefing(demo, date(1999, 1, 1), tmp_path / "none.docx", TODAY)
