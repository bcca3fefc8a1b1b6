"""Templates a council can replace, clear errors for broken ones, and the PDF step (the
decisions record and the briefing pack are tested in ``tests/reports``)."""

import shutil
from dataclasses import replace
from datetime import date

import pytest
from docx import Document

from iro_desktop.letters.pdf import PdfUnavailable, convert_to_pdf
from iro_desktop.letters.render import TemplateError, write_letter_docx
from iro_desktop.letters.resources import letters_folder
from iro_desktop.services.letters import (
    preview_letter,
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


def test_writing_documents_leaves_the_settings_as_the_iro_set_them(demo, demo_children, tmp_path):
    """Writing a letter or a decisions record reads the settings and never changes them, and
    saving them back unchanged loads the same settings (nothing lost on the way)."""
    before = load_settings(demo)
    ref = demo_children["standard"]
    write_letter_docx(_letters(demo, ref), before, tmp_path / "letter.docx")
    write_decisions_record(demo, ref, None, tmp_path / "record.docx", TODAY)
    assert load_settings(demo) == before
    save_settings(demo, before)
    assert load_settings(demo) == before
