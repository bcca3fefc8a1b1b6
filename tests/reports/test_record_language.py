"""The decisions record follows the language of its review (issue 19, item 3): a Welsh
review's record has Welsh headings, labels, sentences and month names around the IRO's Welsh
text; an English review's record is word for word what it was before."""

from __future__ import annotations

import json
from pathlib import Path

from docx import Document

from iro_desktop.i18n import PSEUDO_OPEN, translator
from iro_desktop.letters.choices import pick_review
from iro_desktop.services.child import child_detail
from iro_desktop.services.letter_status import letters_written
from iro_desktop.services.letters import write_decisions_record
from iro_desktop.storage.records import load_child_record
from tests.reports.record_language_case import TODAY, case, record_page

BASELINE = Path(__file__).parents[1] / "fixtures" / "record_language" / "english_record.json"


def _typed(language: str) -> set[str]:
    """What the IRO typed (and names): the same in either record."""
    record, review = case(language)
    typed = {review.views_how, review.parents_participation, review.timing_reason,
             review.care_plan_view, review.going_well, review.worries, review.child_words,
             review.recommendations, review.venue, *review.attendees}  # fmt: skip
    typed |= {d.what for d in record.decisions} | {d.who for d in record.decisions}
    typed |= {"Alaw Morgan", "RL000001", "Sam Jones, Team West", "Rhian Evans"}
    return typed


def test_an_english_review_writes_the_record_as_before():
    assert record_page("en").texts() == json.loads(BASELINE.read_text(encoding="utf-8"))
    assert record_page("en").table_headings == ("Decision", "Who", "By when", "Status")


def test_a_welsh_review_writes_its_record_in_welsh():
    page = record_page("cy")
    assert page.language == "cy"
    assert page.title == "Cofnod penderfyniadau'r adolygiad"
    headings = [s.heading for s in page.sections]
    assert "Penderfyniadau'r adolygiad hwn" in headings and "Pryderon" in headings
    assert page.table_headings == ("Penderfyniad", "Pwy", "Erbyn pryd", "Statws")
    labels = {f.label: f.value for f in page.facts}
    assert labels["Cadeiriwyd gan"] == "Rhian Evans, Swyddog Adolygu Annibynnol"
    # Dates through babel's Welsh: the April review and the weekday in Welsh.
    assert "Ebrill" in page.subtitle and "Mawrth" in page.subtitle
    assert labels[translator("cy")("Review held")] == "Maw 14 Ebr 2026"
    assert "Ar agor, 54 diwrnod yn hwyr" in page.texts()
    # No fixed English wording left: every English text that is not the IRO's is gone.
    english_only = set(record_page("en").texts()) - _typed("en")
    left = english_only & set(page.texts())
    assert not left, left
    for month in ("April", "January", "September"):
        assert not any(month in text for text in page.texts())


def test_the_translator_is_for_a_language_not_the_window():
    welsh = translator("cy", {"Worries": "Pryderon"})
    assert welsh("Worries") == "Pryderon" and welsh.locale == "cy"
    assert welsh("No such message") == "No such message"  # English rather than nothing
    assert translator("en", {"Worries": "Pryderon"})("Worries") == "Worries"
    assert translator("fr")("Worries") == "Worries" and translator("fr").lang == "en"
    assert translator("pseudo")("Worries").startswith(PSEUDO_OPEN)
    assert welsh.ngettext("%(n)s day", "%(n)s days", 3) == "%(n)s days"


def test_the_word_record_of_a_welsh_review_is_welsh(demo, demo_children, tmp_path):
    ref = demo_children["welsh"]
    review = pick_review(child_detail(demo, ref, TODAY).record)
    assert review.text_language == "cy"
    written = write_decisions_record(demo, ref, None, tmp_path / "d.docx", TODAY)
    document = Document(str(written.path))
    texts = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "Cofnod penderfyniadau'r adolygiad" in texts
    if any(d.review_id == review.id for d in load_child_record(demo, ref).decisions):
        assert {"Penderfyniad", "Pwy", "Erbyn pryd", "Statws"} <= set(cells)
    assert "Review decisions record" not in texts and "By when" not in cells
    # Tagged Welsh, so Word checks the spelling and a screen reader speaks it in Welsh.
    assert document.core_properties.language == "cy-GB"
    assert 'w:val="cy-GB"' in document.styles.element.xml
    kinds = {(w.kind, w.language) for w in letters_written(demo, ref)}
    assert ("decisions_record", "cy") in kinds
