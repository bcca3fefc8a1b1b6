"""The Word files people can use: real headings, languages, title/author/created, alt text
on every picture, easy read in large print with a symbol beside each idea and no tables."""

import shutil
from dataclasses import replace
from datetime import datetime

from docx import Document
from docx.oxml.ns import qn

from iro_desktop.letters.render import write_letter_docx
from iro_desktop.letters.resources import icon_path
from tests.letters.situations import letter_for, situations


def _write(tmp_path, name, **options):
    situation = situations()[name]
    logo, photo = tmp_path / "crest.png", tmp_path / "me.png"
    shutil.copy(icon_path("rights"), logo)
    shutil.copy(icon_path("reach_me"), photo)
    settings = replace(situation.settings, council_logo_path=str(logo), iro_photo_path=str(photo))
    letters = letter_for(situation, **options)
    path = tmp_path / f"{name}.docx"
    write_letter_docx(letters, settings, path)
    return Document(str(path)), letters


def _langs(document):
    return {
        lang.get(qn("w:val"))
        for run in document.element.body.iter(qn("w:r"))
        for lang in run.iter(qn("w:lang"))
    }


def test_headings_are_real_headings(tmp_path):
    document, letters = _write(tmp_path, "age12")
    heading = document.styles["Letter Heading"]
    assert heading.base_style.name == "Heading 2"
    assert document.styles["Letter Title"].base_style.name == "Heading 1"
    used = [p.text for p in document.paragraphs if p.style.name == "Letter Heading"]
    assert used == [s.heading for s in letters[0].sections if s.heading]


def test_title_author_and_date_are_the_letters_not_python_docx(tmp_path):
    document, letters = _write(tmp_path, "age12")
    props = document.core_properties
    assert props.title == letters[0].title
    assert props.author == "Sam Okafor" and props.last_modified_by == "Sam Okafor"
    assert props.created.replace(tzinfo=None) == datetime(2026, 3, 10, 12, 0)
    assert "python-docx" not in (props.author, props.last_modified_by, props.comments)


def test_every_run_is_tagged_with_its_language(tmp_path):
    english, _ = _write(tmp_path, "age12")
    assert _langs(english) == {"en-GB"}
    welsh, _ = _write(tmp_path, "welsh_cy")
    assert _langs(welsh) == {"cy-GB"}
    both, letters = _write(tmp_path, "welsh_both")
    assert _langs(both) == {"cy-GB", "en-GB"}
    runs = {
        "".join(t.text or "" for t in p.iter(qn("w:t"))): {
            lang.get(qn("w:val")) for lang in p.iter(qn("w:lang"))
        }
        for p in both.element.body.iter(qn("w:p"))
    }
    assert runs[letters[0].greeting] == {"cy-GB"} and runs[letters[1].greeting] == {"en-GB"}


def test_every_picture_has_alt_text(tmp_path):
    for name in ("easy_read", "age12"):
        document, _ = _write(tmp_path, name)
        parts = [document.part, document.sections[0].header.part]
        pictures = [d for part in parts for d in part.element.iter(qn("wp:docPr"))]
        assert pictures, name
        assert all(d.get("descr") for d in pictures), name
    described = {d.get("descr") for d in pictures}
    assert {"Council logo", "Photo of Sam Okafor"} <= described


def test_easy_read_is_large_print_with_a_symbol_by_each_idea_and_no_tables(tmp_path):
    document, letters = _write(tmp_path, "easy_read")
    assert document.tables == []
    assert document.styles["Normal"].font.size.pt >= 16
    assert document.styles["Letter Text"].font.size.pt >= 16
    headings = [p for p in document.paragraphs if p.style.name == "Letter Heading"]
    assert len(headings) == len(letters[0].sections)
    for paragraph in headings:
        assert list(paragraph._p.iter(qn("wp:docPr"))), paragraph.text  # its symbol
