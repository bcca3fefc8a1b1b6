"""The decisions record of a review, written to Word for the social worker and their manager."""

from datetime import date

from docx import Document

from iro_desktop.domain.working_days import calendar_for
from iro_desktop.letters.choices import pick_review
from iro_desktop.services.child import child_detail
from iro_desktop.services.letter_status import letters_written
from iro_desktop.services.letters import write_decisions_record

TODAY = date(2026, 11, 23)


def _texts(path):
    document = Document(str(path))
    out = [p.text for p in document.paragraphs]
    out += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return out


def test_decisions_record_with_its_circulate_by_date(demo, demo_children, tmp_path):
    ref = demo_children["standard"]
    written = write_decisions_record(demo, ref, None, tmp_path / "d.docx", TODAY)
    texts = "\n".join(_texts(written.path))
    detail = child_detail(demo, ref, TODAY)
    review = pick_review(detail.record)
    due, _ = calendar_for(detail.settings).add_working_days(review.part_dates[0], 5)
    assert f"{due:%a} {due.day} {due:%b %Y}" in texts
    assert "Review decisions record" in texts and review.review_code in texts
    for decision in [d for d in detail.record.decisions if d.review_id == review.id]:
        assert decision.what in texts
    for mark in ("{{", "{%", "None"):
        assert mark not in texts
    kinds = [w.kind for w in letters_written(demo, ref)]
    assert "decisions_record" in kinds
    assert pick_review(child_detail(demo, ref, TODAY).record).decisions_circulated_on == (
        review.decisions_circulated_on
    )
