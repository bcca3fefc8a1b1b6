"""Templates a council can replace, clear errors for broken ones, the decisions record, the
briefing pack and the PDF step."""

import shutil
from dataclasses import replace
from datetime import date

import pytest
from docx import Document

from iro_desktop.domain.working_days import calendar_for
from iro_desktop.letters.choices import pick_review
from iro_desktop.letters.pdf import PdfUnavailable, convert_to_pdf
from iro_desktop.letters.render import TemplateError, write_letter_docx
from iro_desktop.letters.resources import letters_folder
from iro_desktop.services.child import child_detail
from iro_desktop.services.letters import (
    NothingOnThatDay,
    letters_written,
    preview_letter,
    write_briefing,
    write_decisions_record,
)
from iro_desktop.storage.settings_store import load_settings, save_settings

TODAY = date(2026, 11, 23)


def _texts(path):
    document = Document(str(path))
    out = [p.text for p in document.paragraphs]
    out += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return out


def _letters(demo, ref):
    return list(preview_letter(demo, ref, today=TODAY).letters)


def test_a_council_template_overrides_the_shipped_one(demo, demo_children, tmp_path):
    folder = tmp_path / "council"
    folder.mkdir()
    template = Document(str(letters_folder() / "letter.docx"))
    template.add_paragraph("Demo Borough: children come first")
    template.save(str(folder / "letter.docx"))
    settings = replace(load_settings(demo), letter_template_folder=str(folder))
    out = write_letter_docx(
        _letters(demo, demo_children["standard"]), settings, tmp_path / "a.docx"
    )
    assert out.template == folder / "letter.docx"
    assert "Demo Borough: children come first" in _texts(out.path)


def test_a_broken_template_names_the_file_and_the_problem(demo, demo_children, tmp_path):
    folder = tmp_path / "council"
    folder.mkdir()
    (folder / "letter.docx").write_text("not a Word file")
    settings = replace(load_settings(demo), letter_template_folder=str(folder))
    letters = _letters(demo, demo_children["standard"])
    with pytest.raises(TemplateError) as caught:
        write_letter_docx(letters, settings, tmp_path / "a.docx")
    assert "letter.docx" in str(caught.value) and "cannot be opened" in str(caught.value)
    assert not (tmp_path / "a.docx").exists()

    template = Document(str(letters_folder() / "letter.docx"))
    template.add_paragraph("{{ letter.title ")
    template.add_paragraph("{% if %}")
    template.save(str(folder / "letter.docx"))
    with pytest.raises(TemplateError) as caught:
        write_letter_docx(letters, settings, tmp_path / "a.docx")
    assert "letter.docx has a mistake in a tag" in str(caught.value)

    template = Document(str(letters_folder() / "letter.docx"))
    template.add_paragraph("{{ favourite_colour }}")
    template.save(str(folder / "letter.docx"))
    with pytest.raises(TemplateError) as caught:
        write_letter_docx(letters, settings, tmp_path / "a.docx")
    assert "favourite_colour" in str(caught.value)


def test_a_missing_template_folder_is_a_clear_error(demo, demo_children, tmp_path):
    settings = replace(load_settings(demo), letter_template_folder=str(tmp_path / "nowhere"))
    with pytest.raises(TemplateError) as caught:
        write_letter_docx(_letters(demo, demo_children["standard"]), settings, tmp_path / "a.docx")
    assert "does not exist" in str(caught.value)


def test_logo_and_photo_from_settings(demo, demo_children, tmp_path):
    icon = letters_folder() / "icons" / "reach_me.png"
    settings = replace(
        load_settings(demo),
        council_logo_path=str(icon),
        iro_photo_path=str(tmp_path / "missing.jpg"),
        council_address="1 High Street\nDemo Town DB1 1AA",
    )
    out = write_letter_docx(
        _letters(demo, demo_children["standard"]), settings, tmp_path / "a.docx"
    )
    assert any("photo" in w and "not found" in w for w in out.warnings)
    document = Document(str(out.path))
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert "1 High Street, Demo Town DB1 1AA" in header
    assert document.inline_shapes or document.sections[0].header.part.related_parts


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


def test_briefing_pack_for_a_day(demo, tmp_path):
    day = next(
        r["booked_for"]
        for r in demo.db.query(
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


def test_pdf_is_said_clearly_when_libreoffice_is_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("IRO_DESKTOP_SOFFICE", str(tmp_path / "no-soffice"))
    docx = tmp_path / "x.docx"
    Document().save(str(docx))
    with pytest.raises(PdfUnavailable) as caught:
        convert_to_pdf(docx)
    assert "LibreOffice is not installed" in str(caught.value)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
@pytest.mark.slow
def test_pdf_with_libreoffice(demo, demo_children, tmp_path):
    out = write_letter_docx(
        _letters(demo, demo_children["welsh"]), load_settings(demo), tmp_path / "l.docx"
    )
    assert convert_to_pdf(out.path).stat().st_size > 1000


def test_settings_round_trip_is_untouched(demo):
    save_settings(demo, load_settings(demo))  # letters never change the settings
